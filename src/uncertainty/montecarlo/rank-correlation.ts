/**
 * Rank correlation by reordering (rangcorrelatie, Iman-Conover): the independent draws of some inputs put in an
 * order whose rank correlation is a requested matrix, without changing a single drawn value.
 *
 * @remarks
 * Iman and Conover (1982): give every draw of every input a van der Waerden score (the standard normal quantile
 * of `rank / (n + 1)`), so each column of scores is a permutation of the same `n` scores; mix the columns with
 * `P Q^-1`, where `P` is the Cholesky factor of the target and `Q` that of the scores' own sample correlation
 * (the correction: the mixed scores then have exactly the target's sample correlation); and give each input's
 * draws, sorted, the order of its mixed column. Only the order of each input's draws changes: the values of a
 * draw stay the values some draw of the independent run had, so every draw stays an exact budget.
 *
 * The target is a rank (Spearman) correlation; the scores are (nearly) normal, whose Pearson correlation `r`
 * gives the rank correlation `(6 / pi) asin(r / 2)`. The target `rho` is therefore mixed in as
 * `2 sin(pi rho / 6)` (at most 0.018 apart), so that the ranks, not the scores, land on it.
 *
 * Scores, factors and the mixed columns are binary floats: they only decide an order, never an amount. They are
 * computed with `+ - * /` and `Math.sqrt` only (the logarithm is `detLog`, the sine a series), which IEEE 754
 * rounds the same everywhere, and ties are broken by draw index: the order is the same on every machine.
 * @packageDocumentation
 */
import { fail } from '../../core/errors.js';
import { detLog } from '../det-math.js';

/** A pivot of a Cholesky factor at most this is taken as zero (the matrix is not positive definite). */
const PIVOT_FLOOR = 1e-10;

/**
 * The lower Cholesky factor `L` of a symmetric matrix (`A = L L^T`), row by row; or the first row whose pivot is
 * not positive (at most 1e-10): the matrix is not positive definite there.
 * @param a - a symmetric matrix (only the lower triangle is read)
 * @internal
 */
export function choleskyFactor(a: readonly (readonly number[])[]): { readonly factor: number[][] } | { readonly failedRow: number } {
  const k = a.length;
  const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let m = 0; m < j; m++) sum -= l[i]![m]! * l[j]![m]!;
      if (i === j) {
        if (!(sum > PIVOT_FLOOR)) return { failedRow: i };
        l[i]![i] = Math.sqrt(sum);
      } else l[i]![j] = sum / l[j]![j]!;
    }
  }
  return { factor: l };
}

/** sin x for |x| <= pi / 6 by its Taylor series (to x^17: within an ulp there), with `+ - * /` only. */
function smallSin(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n <= 8; n++) {
    term = (-term * x2) / ((2 * n) * (2 * n + 1));
    sum += term;
  }
  return sum;
}

/**
 * The Pearson correlation of normal scores whose rank correlation is `rho`: `2 sin(pi rho / 6)` (1 stays 1).
 * @param rho - a rank correlation in [-1, 1]
 * @internal
 */
export function scoreCorrelation(rho: number): number {
  if (rho === 1 || rho === -1) return rho;
  return 2 * smallSin((Math.PI * rho) / 6);
}

/**
 * The standard normal quantile (probit) of `p` in (0, 1), by Acklam's rational approximation (relative error
 * below 1.2e-9), with `detLog` and `Math.sqrt`: the same bits on every machine.
 * @param p - a probability strictly between 0 and 1
 * @internal
 */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const tail = (q: number): number => {
    const s = Math.sqrt(-2 * detLog(q));
    return (((((c[0]! * s + c[1]!) * s + c[2]!) * s + c[3]!) * s + c[4]!) * s + c[5]!) / ((((d[0]! * s + d[1]!) * s + d[2]!) * s + d[3]!) * s + 1);
  };
  if (p < low) return tail(p);
  if (p > 1 - low) return -tail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The draw indices `0 .. n - 1` sorted by `values` ascending, ties by index. */
function orderOf(values: Float64Array): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((u, v) => values[u]! - values[v]! || u - v);
  return order;
}

/**
 * The order of each column's draws that gives the columns the rank correlation `target` (Iman-Conover with
 * van der Waerden scores and the correction by the scores' own correlation; see the module's remarks).
 *
 * @param columns - `k` columns of `n` independent draws each (not changed)
 * @param target - a `k x k` rank correlation matrix whose score correlations (`scoreCorrelation`) are positive definite
 * @returns per column `c`, `order[c][d]`: the draw whose value column `c` takes at draw `d`; each a permutation
 *   of `0 .. n - 1`
 * @internal
 */
export function imanConoverOrder(columns: readonly Float64Array[], target: readonly (readonly number[])[]): Int32Array[] {
  const k = columns.length;
  const n = k === 0 ? 0 : columns[0]!.length;
  const byValue = columns.map(orderOf);
  if (n < 2) return byValue;
  // van der Waerden scores, centred
  const scores = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    scores[i] = normalQuantile((i + 1) / (n + 1));
    mean += scores[i]!;
  }
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    scores[i] = scores[i]! - mean;
    variance += scores[i]! * scores[i]!;
  }
  // M[d][c]: the score of draw d's rank in column c
  const m = byValue.map((order) => {
    const column = new Float64Array(n);
    for (let r = 0; r < n; r++) column[order[r]!] = scores[r]!;
    return column;
  });
  const sample: number[][] = Array.from({ length: k }, (_, p) =>
    Array.from({ length: k }, (_, q) => {
      if (p === q) return 1;
      let sum = 0;
      const mp = m[p]!;
      const mq = m[q]!;
      for (let d = 0; d < n; d++) sum += mp[d]! * mq[d]!;
      return sum / variance;
    }),
  );
  const wanted = choleskyFactor(target.map((row, p) => row.map((rho, q) => (p === q ? 1 : scoreCorrelation(rho)))));
  // the plan refuses such a target before (`readCorrelation`): reaching this is a bug
  if (!('factor' in wanted)) return fail('internal_error', ['correlation', 'matrix'], 'imanConoverOrder: the target is not positive definite');
  const own = choleskyFactor(sample);
  // S = P Q^-1 (lower triangular): mixes the scores; without a factor of the sample (too few draws) S = P
  const mix = 'factor' in own ? times(wanted.factor, lowerInverse(own.factor)) : wanted.factor;
  return byValue.map((order, c) => {
    const mixed = new Float64Array(n);
    const row = mix[c]!;
    for (let d = 0; d < n; d++) {
      let t = 0;
      for (let q = 0; q <= c; q++) t += row[q]! * m[q]![d]!;
      mixed[d] = t;
    }
    const byMixed = orderOf(mixed);
    const result = new Int32Array(n);
    for (let r = 0; r < n; r++) result[byMixed[r]!] = order[r]!;
    return result;
  });
}

/** The inverse of a lower triangular matrix with a positive diagonal (lower triangular too). */
function lowerInverse(l: readonly (readonly number[])[]): number[][] {
  const k = l.length;
  const inv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    inv[i]![i] = 1 / l[i]![i]!;
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let m = j; m < i; m++) sum += l[i]![m]! * inv[m]![j]!;
      inv[i]![j] = -sum / l[i]![i]!;
    }
  }
  return inv;
}

/** The product of two square matrices. */
function times(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const k = a.length;
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let sum = 0;
      for (let m = 0; m < k; m++) sum += a[i]![m]! * b[m]![j]!;
      return sum;
    }),
  );
}
