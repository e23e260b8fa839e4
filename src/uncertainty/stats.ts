/**
 * Summary statistics of Monte Carlo outcomes (samenvattende statistiek): percentiles, mean, extremes
 * and probabilities, exact when the outcomes are whole cents.
 */
import { Dec } from '../core/decimal.js';
import { MeerjarenError, fail, issue } from '../core/errors.js';
import { describeValue, requireArray } from '../core/guard.js';

/** Refuses values that are neither an array nor a typed array of numbers (a text is array-like too). */
function requireNumbers(fn: string, param: string, values: unknown): asserts values is ArrayLike<number> {
  if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    fail('invalid_argument', [param], `${fn}: ${param} must be an array or a typed array of numbers, not ${describeValue(values)}`);
  }
}

/**
 * The summary of a set of outcomes (samenvatting). Values are in the unit of the input (cents for amounts).
 * Percentiles appear as `p5`, `p50`, `p95`, `p2.5`, ... as requested.
 * @category Uncertainty
 */
export interface Summary {
  /** Number of outcomes. */
  readonly n: number;
  /** Arithmetic mean (gemiddelde); the correctly rounded quotient of the exact sum when the outcomes are integers. */
  readonly mean: number;
  /** Smallest outcome. */
  readonly min: number;
  /** Largest outcome. */
  readonly max: number;
  /** Nearest-rank percentiles by key `p` + the percentage, e.g. `p95`. */
  readonly [percentile: `p${number}`]: number;
}

function invalid(path: readonly (string | number)[], message: string): MeerjarenError {
  return new MeerjarenError([issue('invalid_value', path, message)]);
}

function checkPercentage(p: number, path: readonly (string | number)[]): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 100)) {
    throw invalid(path, `a percentile must be a number from 0 to 100, not ${String(p)}`);
  }
}

/**
 * The 1-based nearest rank of percentage p among n values: ceil(p n / 100), at least 1.
 * Computed with exact decimals (p is read as the shortest decimal that prints it, so 2.5 is 2.5).
 * @internal
 */
export function nearestRank(p: number, n: number): number {
  const rank = new Dec(String(p)).times(n).div(100).ceil().toNumber();
  return rank < 1 ? 1 : rank > n ? n : rank;
}

/**
 * The p-th percentile of sorted values by the **nearest-rank** definition (percentiel).
 *
 * @remarks
 * The result is the smallest value such that at least p% of the values are at or below it:
 * `sortedValues[ceil(p/100 * n) - 1]`, and the minimum for p = 0. The rank is computed exactly, and the
 * result is always one of the values themselves, never an interpolation: percentiles of whole cents are
 * whole cents, exactly. (The 'linear' definition, type 7, would interpolate between two draws and leave
 * the cent grid.) Percentiles are non-decreasing in p.
 *
 * @param sortedValues - values in ascending order (not checked)
 * @param p - a percentage from 0 to 100 (50 = median)
 * @throws MeerjarenError `invalid_value` for an empty list or p outside [0, 100]
 * @example
 * ```ts
 * import { percentile } from 'meerjaren';
 *
 * percentile([10, 20, 30, 40], 50); // 20
 * percentile([10, 20, 30, 40], 95); // 40
 * ```
 * @category Uncertainty
 */
export function percentile(sortedValues: ArrayLike<number>, p: number): number {
  requireNumbers('percentile', 'sortedValues', sortedValues);
  checkPercentage(p, ['p']);
  const n = sortedValues.length;
  if (n === 0) throw invalid(['sortedValues'], 'no values to take a percentile of');
  const i = nearestRank(p, n) - 1;
  const value = sortedValues[i];
  if (typeof value !== 'number') throw invalid(['sortedValues', i], `the value ${describeValue(value)} is not a number`);
  return value;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Mean of finite values: exact integer sum (number, or BigInt past 2^53) when all are integers. */
function meanOf(values: Float64Array): number {
  const n = values.length;
  let sum = 0;
  let integral = true;
  let safe = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (integral && !Number.isInteger(v)) integral = false;
    sum += v;
    if (sum > MAX_SAFE || sum < -MAX_SAFE) safe = false;
  }
  if (integral && safe) return sum / n; // every partial sum was an exact integer
  if (integral) {
    let big = 0n;
    for (let i = 0; i < n; i++) big += BigInt(values[i]!);
    const count = BigInt(n);
    const quotient = big / count;
    const remainder = big % count;
    return Number(quotient) + Number(remainder) / n;
  }
  // Non-integers (unrounded draws, rates): Neumaier's compensated sum; of v / n should v overflow.
  const mean = compensatedSum(values, 1) / n;
  return Number.isFinite(mean) ? mean : compensatedSum(values, n);
}

/** Neumaier's compensated sum of values[i] / divisor. */
function compensatedSum(values: Float64Array, divisor: number): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! / divisor;
    const t = total + v;
    compensation += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return total + compensation;
}

/**
 * Summarises Monte Carlo outcomes: count, mean, min, max and nearest-rank percentiles.
 *
 * @remarks
 * Meant for whole cents in a `Float64Array`: the sum is then exact (a float sum while every partial sum
 * stays within 2^53, a BigInt sum otherwise), the mean is the exact sum divided once by n, and min, max
 * and percentiles are draws themselves, so exact. Non-integer values are summed with compensation.
 * The input is not changed (a sorted copy is made).
 *
 * @param values - the outcomes, finite numbers
 * @param percentiles - percentages from 0 to 100; default `[5, 50, 95]`
 * @returns a frozen {@link Summary}
 * @throws MeerjarenError `invalid_value` for no values, a non-finite value, or a bad percentage
 * @example
 * ```ts
 * import { summarise } from 'meerjaren';
 *
 * summarise(Float64Array.of(300, 100, 200), [50]); // { n: 3, mean: 200, min: 100, max: 300, p50: 200 }
 * ```
 * @category Uncertainty
 */
export function summarise(values: Float64Array, percentiles: readonly number[] = [5, 50, 95]): Summary {
  requireNumbers('summarise', 'values', values);
  requireArray('summarise', 'percentiles', percentiles, 'a list of percentiles from 0 to 100', { maxLength: 1000 });
  const n = values.length;
  if (n === 0) throw invalid(['values'], 'no values to summarise');
  for (let i = 0; i < n; i++) {
    if (typeof values[i] !== 'number' || !Number.isFinite(values[i]!)) throw invalid(['values', i], `the value ${describeValue(values[i])} is not a finite number`);
  }
  // a plain array (or another typed array) is read as float64: sorting it would compare texts
  if (!(values instanceof Float64Array)) values = Float64Array.from(values as ArrayLike<number>);
  percentiles.forEach((p, index) => checkPercentage(p, ['percentiles', index]));
  const sorted = values.slice().sort();
  const summary: { n: number; mean: number; min: number; max: number; [percentile: `p${number}`]: number } = {
    n,
    mean: meanOf(values),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
  for (const p of percentiles) summary[`p${p}` as const] = sorted[nearestRank(p, n) - 1]!;
  return Object.freeze(summary);
}

/**
 * The probability of an event counted in a run (kans): `count / n`.
 *
 * @param count - draws in which the event happened, an integer in [0, n]
 * @param n - all draws, a positive safe integer
 * @throws MeerjarenError `invalid_value` for counts that are not integers in range
 * @example
 * ```ts
 * import { probability } from 'meerjaren';
 *
 * probability(250, 10_000); // 0.025: a 2.5% chance
 * ```
 * @category Uncertainty
 */
export function probability(count: number, n: number): number {
  if (!Number.isSafeInteger(n) || n <= 0) throw invalid(['n'], `n must be a positive integer, not ${String(n)}`);
  if (!Number.isSafeInteger(count) || count < 0 || count > n) {
    throw invalid(['count'], `count must be an integer from 0 to n, not ${String(count)}`);
  }
  return count / n;
}
