/**
 * The summary of a Monte Carlo run (samenvatting): the raw outputs of every draw summarised into exact amounts
 * (mean, extremes, percentiles) and probabilities per year.
 * @packageDocumentation
 */
import { Dec, roundTo, type Decimal } from '../../core/decimal.js';
import { deepFreeze } from '../../core/freeze.js';
import { MAX_SAFE_UNITS, unitsToDecimal } from '../../engine/units.js';
import { nearestRank, summarise } from '../stats.js';
import { sortColumns } from './columns.js';
import { planMeta, type MonteCarloPlan, type PlanMeta } from './plan-data.js';
import type { CoverOutcome, MonteCarloResult, OutcomeSummary, SavingsOutcome, TargetOutcome } from './types.js';
import { unitsOf } from './units.js';

/** The mean of a column of units in euros, exact before it is rounded half-up to the unit. */
function meanOf(column: Float64Array, decimals: number): Decimal {
  let sum = 0;
  let safe = true;
  for (let i = 0; i < column.length; i++) {
    sum += column[i]!;
    if (!(Math.abs(sum) <= MAX_SAFE_UNITS)) safe = false;
  }
  let exact: bigint;
  if (safe) exact = BigInt(sum);
  else {
    exact = 0n;
    for (let i = 0; i < column.length; i++) exact += BigInt(column[i]!);
  }
  const units = new Dec(exact.toString()).div(column.length);
  return roundTo(units.div(new Dec(10).pow(decimals)), decimals, 'half-up');
}

/**
 * The summary of one outcome over all draws: mean, extremes and nearest-rank percentiles, in euros.
 * @param column - the outcome of every draw, in units (not changed)
 * @param percentiles - the percentiles to report
 * @param decimals - decimals of a unit
 * @internal
 */
export function outcome(column: Float64Array, percentiles: readonly number[], decimals: number): OutcomeSummary {
  const s = summarise(column, percentiles);
  const ps: Record<string, Decimal> = {};
  for (const p of percentiles) ps[`p${p}`] = unitsToDecimal(s[`p${p}`]!, decimals);
  return { mean: meanOf(column, decimals), min: unitsToDecimal(s.min, decimals), max: unitsToDecimal(s.max, decimals), percentiles: ps };
}

/**
 * The summary of one outcome from its values in ascending order ({@link sortColumns}): the same as
 * {@link outcome} of the values in any order.
 * @param sorted - the outcome of every draw, in units, ascending
 * @param percentiles - the percentiles to report
 * @param decimals - decimals of a unit
 * @internal
 */
export function sortedOutcome(sorted: Float64Array, percentiles: readonly number[], decimals: number): OutcomeSummary {
  const n = sorted.length;
  const ps: Record<string, Decimal> = {};
  for (const p of percentiles) ps[`p${p}`] = unitsToDecimal(sorted[nearestRank(p, n) - 1]!, decimals);
  return { mean: meanOf(sorted, decimals), min: unitsToDecimal(sorted[0]!, decimals), max: unitsToDecimal(sorted[n - 1]!, decimals), percentiles: ps };
}

/** The first index of a sorted column whose value is at least `threshold` (or `> threshold` when `strict`). */
function firstAtLeast(sorted: Float64Array, threshold: number, strict: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const v = sorted[mid]!;
    if (v < threshold || (strict && v === threshold)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Reading one outcome of every draw out of the sorted columns of a run. */
interface Columns {
  /** The outcome at `offset` of every draw, ascending (a view: not to be changed). */
  column(offset: number): Float64Array;
  /**
   * `shift - x` for every value x of the column at `offset`, ascending (`+0` for a zero when `normalise`), in
   * one buffer reused by every call.
   */
  gap(offset: number, shift: number, normalise: boolean): Float64Array;
  /** The summary per year of the outcome group `group` (years `group * Y .. group * Y + Y - 1`). */
  byYear(group: number): Record<string, OutcomeSummary>;
  /** The share of draws whose outcome at `offset` is at least `threshold`. */
  probability(offset: number, threshold: number): number;
  /** The share of draws whose outcome at `offset` is at most 0. */
  probabilityAtMostZero(offset: number): number;
}

function columnsOf(plan: MonteCarloPlan, meta: PlanMeta, sorted: Float64Array): Columns {
  const { compiled, draws, percentiles } = meta;
  const Y = plan.yearCount;
  const d = compiled.decimals;
  const buffer = new Float64Array(draws);
  const column = (offset: number): Float64Array => sorted.subarray(offset * draws, (offset + 1) * draws);
  const gap = (offset: number, shift: number, normalise: boolean): Float64Array => {
    const col = column(offset);
    // shift - x falls as x rises: read the column backwards (the zeros' order, -0 first, is kept too).
    for (let i = 0; i < draws; i++) {
      const g = shift - col[draws - 1 - i]!;
      buffer[i] = normalise && g === 0 ? 0 : g;
    }
    return buffer;
  };
  const byYear = (group: number): Record<string, OutcomeSummary> => {
    const out: Record<string, OutcomeSummary> = {};
    compiled.years.forEach((year, y) => (out[year] = sortedOutcome(column(group * Y + y), percentiles, d)));
    return out;
  };
  const probability = (offset: number, threshold: number): number => (draws - firstAtLeast(column(offset), threshold, false)) / draws;
  const probabilityAtMostZero = (offset: number): number => firstAtLeast(column(offset), 0, true) / draws;
  return { column, gap, byYear, probability, probabilityAtMostZero };
}

/** The savings targets of a run: realised, gap to the path and the probability the path is met, per year. */
function savingsOutcomes(plan: MonteCarloPlan, meta: PlanMeta, cols: Columns): SavingsOutcome[] {
  const { compiled, percentiles } = meta;
  const { gap: gapOf, byYear, probability } = cols;
  const Y = plan.yearCount;
  const d = compiled.decimals;
  const T = meta.targets.length;
  return meta.savingsTargets.map((t, ti) => {
    const offset = (2 + T + ti) * Y;
    const realised = byYear(2 + T + ti);
    const target: Record<string, Decimal> = {};
    const gap: Record<string, OutcomeSummary> = {};
    const met: Record<string, number> = {};
    compiled.years.forEach((year, y) => {
      const path = meta.savingsPath[ti]![y]!;
      target[year] = path;
      const pathUnits = unitsOf(path, d);
      gap[year] = sortedOutcome(gapOf(offset + y, pathUnits, true), percentiles, d);
      // the path is met where the gap path - realised is at most 0: realised at least the path
      met[year] = probability(offset + y, pathUnits);
    });
    return { id: t.id, label: t.title, target, realised, gap, probabilityMet: met };
  });
}

/**
 * Summarises the raw outputs of a run (`draws * stride` values in draw order) into a result.
 * @param plan - the plan
 * @param raw - outputs of every draw
 */
export function summariseRun(plan: MonteCarloPlan, raw: Float64Array): MonteCarloResult {
  return summariseSorted(plan, sortColumns(raw, planMeta(plan).draws, plan.stride));
}

/**
 * Summarises the sorted columns of a run (`draws * stride` values, column by column, each ascending: from
 * `sortColumns`, or `mergeColumns` of the workers' blocks) into a result: the same as {@link summariseRun}.
 * @param plan - the plan
 * @param sorted - the sorted columns of every draw
 * @internal
 */
export function summariseSorted(plan: MonteCarloPlan, sorted: Float64Array): MonteCarloResult {
  const meta = planMeta(plan);
  const { compiled, draws, percentiles, targets, minimum } = meta;
  const Y = plan.yearCount;
  const d = compiled.decimals;
  const cols = columnsOf(plan, meta, sorted);
  const { gap: gapOf, byYear, probability } = cols;
  const balanced: Record<string, number> = {};
  compiled.years.forEach((year, y) => (balanced[year] = probability(Y + y, 0)));
  const targetOutcomes: TargetOutcome[] = targets.map((t, ti) => {
    const total = byYear(2 + ti);
    const gap: Record<string, OutcomeSummary> = {};
    const met: Record<string, number> = {};
    compiled.years.forEach((year, y) => {
      const minUnits = unitsOf(roundTo(minimum[ti]![y]!, d, 'half-up'), d);
      gap[year] = sortedOutcome(gapOf((2 + ti) * Y + y, minUnits, false), percentiles, d);
      met[year] = probability((2 + ti) * Y + y, minUnits);
    });
    return { id: t.id, label: t.label ?? t.id, total, gap, probabilityMet: met };
  });
  const T = targets.length;
  const savings = savingsOutcomes(plan, meta, cols);
  let cover: CoverOutcome | undefined;
  if (plan.coverActive === 1) {
    const group = 2 + T + meta.savingsTargets.length;
    const covered: Record<string, number> = {};
    compiled.years.forEach((year, y) => (covered[year] = cols.probabilityAtMostZero(group * Y + y)));
    cover = { uncovered: byYear(group), probabilityCovered: covered };
  }
  return deepFreeze({
    draws,
    seed: plan.seed,
    years: compiled.years,
    percentiles: [...percentiles],
    saldo: byYear(0),
    structural: byYear(1),
    probabilityStructurallyBalanced: balanced,
    targets: targetOutcomes,
    savings,
    ...(cover === undefined ? {} : { cover }),
  });
}
