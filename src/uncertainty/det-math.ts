/**
 * Deterministic elementary functions for the samplers: `ln` and `exp` with `+ - * /` only, so they
 * give the same bits in every JavaScript engine (re-exported from `random.ts`).
 * @packageDocumentation
 */

const SQRT2 = 1.4142135623730951;
const SQRT1_2 = 0.7071067811865476;
const TWO_POW_32 = 4294967296;
const TWO_POW_54 = 18014398509481984;
const MIN_NORMAL = 2.2250738585072014e-308;
/** ln 2 split so that `k * LN2_HI` is exact for |k| < 2^11 (fdlibm's split). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634;

/**
 * Natural logarithm computed with `+ - * /` only, so it gives the same bits in every JavaScript engine.
 *
 * @remarks
 * x = m * 2^e with m in [sqrt(1/2), sqrt(2)) (exact power-of-two scaling), then
 * ln m = 2 atanh(s), s = (m - 1)/(m + 1), |s| < 0.1716, by its series to s^23; error within a few ulp.
 * Used by the samplers instead of `Math.log`, whose last bits may differ between engines and versions.
 *
 * @param x - a number
 * @returns ln x; `-Infinity` for 0, `NaN` for negative numbers and NaN
 */
export function detLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let m = x;
  let e = 0;
  if (m < MIN_NORMAL) {
    m *= TWO_POW_54;
    e -= 54;
  }
  while (m >= TWO_POW_32) {
    m /= TWO_POW_32;
    e += 32;
  }
  while (m < 1 / TWO_POW_32) {
    m *= TWO_POW_32;
    e -= 32;
  }
  while (m >= SQRT2) {
    m /= 2;
    e += 1;
  }
  while (m < SQRT1_2) {
    m *= 2;
    e -= 1;
  }
  const s = (m - 1) / (m + 1);
  const z = s * s;
  // 1 + z/3 + z^2/5 + ... + z^11/23 (Horner)
  let p = 1 / 23;
  p = p * z + 1 / 21;
  p = p * z + 1 / 19;
  p = p * z + 1 / 17;
  p = p * z + 1 / 15;
  p = p * z + 1 / 13;
  p = p * z + 1 / 11;
  p = p * z + 1 / 9;
  p = p * z + 1 / 7;
  p = p * z + 1 / 5;
  p = p * z + 1 / 3;
  const logM = 2 * s + 2 * s * z * p;
  return e * LN2_HI + (e * LN2_LO + logM);
}

/**
 * Exponential function computed with `+ - * /` only, identical in every JavaScript engine.
 *
 * @remarks
 * x = k ln 2 + r with |r| <= ln 2 / 2 (Cody-Waite reduction with fdlibm's split of ln 2), e^r by its
 * Taylor series to r^14, then exact scaling by 2^k; error within a few ulp for normal results.
 *
 * @param x - a number
 * @returns e^x; `Infinity` above ~709.78, 0 below ~-745.13
 */
export function detExp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let p = 1 / 87178291200; // 1/14!
  p = p * r + 1 / 6227020800;
  p = p * r + 1 / 479001600;
  p = p * r + 1 / 39916800;
  p = p * r + 1 / 3628800;
  p = p * r + 1 / 362880;
  p = p * r + 1 / 40320;
  p = p * r + 1 / 5040;
  p = p * r + 1 / 720;
  p = p * r + 1 / 120;
  p = p * r + 1 / 24;
  p = p * r + 1 / 6;
  p = p * r + 1 / 2;
  p = p * r + 1;
  p = p * r + 1;
  return scaleByPowerOfTwo(p, k);
}

/** y * 2^k with exact power-of-two factors (in steps, so no factor overflows). */
function scaleByPowerOfTwo(y: number, k: number): number {
  let result = y;
  let n = k;
  while (n > 30) {
    result *= 1073741824;
    n -= 30;
  }
  while (n < -30) {
    result /= 1073741824;
    n += 30;
  }
  return n >= 0 ? result * (1 << n) : result / (1 << -n);
}
