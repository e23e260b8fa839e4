import { Dec, type Decimal, type RoundingMode } from '../core/decimal.js';
import { fail } from '../core/errors.js';

/**
 * An exact rate as a fraction (percentage, realisation rate, indexation factor): `num / den`, `den > 0`.
 *
 * @remarks
 * Rates are never floats on the way to a total: a percentage such as `2.35` becomes `235 / 10000`, and a
 * compounded index `(1 + p)^n` is the exact fraction `(den + num)^n / den^n`. The one place where a rate
 * meets an amount, `applyRate`, rounds once to a whole engine unit.
 * @category Engine
 */
export interface EngineRate {
  /** Numerator (may be negative). */
  readonly num: bigint;
  /** Denominator (positive). */
  readonly den: bigint;
}

/** The rate 1 (unchanged). */
export const ONE: EngineRate = Object.freeze({ num: 1n, den: 1n });

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Builds a rate from a decimal value exactly (`"0.85"` is 17/20).
 * @param value - a finite decimal (a Decimal, a decimal string or a number written exactly)
 */
export function rateOf(value: Decimal | string | number): EngineRate {
  const d = typeof value === 'object' ? value : new Dec(value);
  const places = d.decimalPlaces();
  const den = 10n ** BigInt(places);
  const num = BigInt(d.times(new Dec(10).pow(places)).toFixed(0));
  return reduce(num, den);
}

/**
 * A rate reduced to lowest terms with a positive denominator.
 * @param num - numerator
 * @param den - denominator, not 0
 */
export function reduce(num: bigint, den: bigint): EngineRate {
  if (den === 0n) fail('invalid_value', ['den'], 'a rate has a denominator other than 0');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/**
 * The product of two rates, exact.
 * @param a - a rate
 * @param b - a rate
 */
export function multiplyRates(a: EngineRate, b: EngineRate): EngineRate {
  return reduce(a.num * b.num, a.den * b.den);
}

/**
 * The indexation factor `(1 + percent / 100)^years`, exact.
 * @param percent - the percentage per year (indexatiepercentage), as a rate (2.35 % is `rateOf('2.35')`)
 * @param years - number of years compounded, an integer >= 0
 */
export function indexFactor(percent: EngineRate, years: number): EngineRate {
  const step = reduce(percent.den * 100n + percent.num, percent.den * 100n);
  let num = 1n;
  let den = 1n;
  for (let i = 0; i < years; i++) {
    num *= step.num;
    den *= step.den;
  }
  return reduce(num, den);
}

/**
 * Whether a quotient truncated toward zero, with a nonzero remainder, moves one step away from zero under a
 * rounding mode (afronding). Shared by {@link divRoundBig} and {@link divRound}, which differ only in number type.
 * @param mode - rounding rule
 * @param negative - whether the exact quotient is negative
 * @param half - the remainder against half the divisor: -1 below, 0 exactly half, 1 above
 * @param odd - whether the truncated quotient is odd (only read at exactly half, for half-even)
 */
function roundsAway(mode: RoundingMode, negative: boolean, half: -1 | 0 | 1, odd: boolean): boolean {
  switch (mode) {
    case 'half-up':
      return half >= 0;
    case 'half-even':
      return half > 0 || (half === 0 && odd);
    case 'down':
      return false;
    case 'up':
      return true;
    case 'floor':
      return negative;
    case 'ceil':
      return !negative;
  }
}

/**
 * Divides `n` by `d` (`d > 0`) and rounds the quotient to an integer with a rounding mode; exact for any size.
 * @param n - dividend
 * @param d - divisor, positive
 * @param mode - rounding rule
 */
export function divRoundBig(n: bigint, d: bigint, mode: RoundingMode): bigint {
  let q = n / d; // truncates toward zero
  const r = n - q * d;
  if (r === 0n) return q;
  const negative = n < 0n;
  const twice = (r < 0n ? -r : r) * 2n;
  const half = twice < d ? -1 : twice > d ? 1 : 0;
  if (roundsAway(mode, negative, half, half === 0 && (q & 1n) !== 0n)) q += negative ? -1n : 1n;
  return q;
}

/**
 * Divides the integer `n` by the integer `d > 0` in float64 and rounds with a mode; exact while `|n| + d`
 * stays within 2^53.
 * @param n - dividend, a safe integer
 * @param d - divisor, a positive safe integer
 * @param mode - rounding rule
 */
export function divRound(n: number, d: number, mode: RoundingMode): number {
  let q = Math.trunc(n / d);
  let r = n - q * d;
  // The float quotient is correctly rounded, so the truncation may be one off: correct it exactly.
  if (n >= 0) {
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
  } else if (r > 0) {
    q += 1;
    r -= d;
  } else if (r <= -d) {
    q -= 1;
    r += d;
  }
  if (r === 0) return q === 0 ? 0 : q;
  const negative = n < 0;
  const twice = Math.abs(r) * 2;
  const half = twice < d ? -1 : twice > d ? 1 : 0;
  if (roundsAway(mode, negative, half, half === 0 && q % 2 !== 0)) q += negative ? -1 : 1;
  return q === 0 ? 0 : q;
}

/**
 * Applies a rate to an amount in integer units: `round(units * num / den)`, THE rounding point of the
 * engine (afrondingspunt).
 *
 * @remarks
 * The product is formed exactly: in float64 when `|units * num|` and `den` stay below 2^53, in BigInt
 * otherwise (a rate times an amount can pass 2^53 long before the amount does). It is rounded once, to a
 * whole unit of the engine (at least the cent), with `mode` (default in the engine: half-up, halves away
 * from zero). Compose rates with {@link multiplyRates} / {@link indexFactor} first, so a chain of rates
 * still rounds only once.
 *
 * @param units - an amount in integer units (a safe integer or BigInt)
 * @param rate - the rate
 * @param mode - rounding rule
 * @returns the rounded amount in units, as a number when it is safe, else a BigInt
 */
export function applyRate(units: number | bigint, rate: EngineRate, mode: RoundingMode): number | bigint {
  if (typeof units === 'number') {
    const num = Number(rate.num);
    const den = Number(rate.den);
    if (Number.isSafeInteger(num) && Number.isSafeInteger(den)) {
      const product = units * num;
      if (Math.abs(product) + den <= Number.MAX_SAFE_INTEGER) return divRound(product, den, mode);
    }
  }
  const big = divRoundBig(BigInt(units) * rate.num, rate.den, mode);
  return big >= BigInt(-Number.MAX_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/**
 * `round(units * num / den)` for plain numbers: float64 when exact, BigInt otherwise; allocation-free on
 * the fast path (the Monte Carlo hot loop uses it).
 * @param units - an amount in units, a safe integer
 * @param num - numerator, a safe integer
 * @param den - denominator, a positive safe integer
 * @param mode - rounding rule
 * @returns the rounded result, a number (it must be a safe integer; otherwise a RangeError)
 */
export function applyRatio(units: number, num: number, den: number, mode: RoundingMode): number {
  const product = units * num;
  if (Math.abs(product) + den <= Number.MAX_SAFE_INTEGER) return divRound(product, den, mode);
  const big = divRoundBig(BigInt(units) * BigInt(num), BigInt(den), mode);
  const out = Number(big);
  if (!Number.isSafeInteger(out)) fail('engine_overflow', [], 'applyRatio: the result passes 2^53 units');
  return out;
}
