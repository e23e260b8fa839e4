/**
 * The summary of a Monte Carlo run (samenvatting): the outputs of every draw summarised into exact amounts
 * (mean, extremes, percentiles) and probabilities per year, read off the sorted columns of the run's blocks.
 * @packageDocumentation
 */
import { Dec, roundTo, type Decimal } from '../../core/decimal.js';
import { deepFreeze } from '../../core/freeze.js';
import { unitsToDecimal } from '../../engine/units.js';
import { nearestRank, summarise } from '../stats.js';
import { columnSums, sortedBlock, sortedRun, type RankedColumn, type SortedBlock, type SortedRun } from './columns.js';
import { planMeta, type MonteCarloPlan, type PlanMeta } from './plan-data.js';
import type { CoverOutcome, MonteCarloResult, OutcomeSummary, SavingsOutcome, TargetOutcome } from './types.js';
import { unitsOf } from './units.js';
import { inUnit } from './amount-unit.js';
import type { Unit } from '../../model/values.js';

/**
 * The mean of `count` values of exact sum `sum` units, in `unit`: exact before it is rounded half-up to the engine
 * unit in euros, then scaled exactly.
 */
function meanOf(sum: bigint, count: number, decimals: number, unit: Unit): Decimal {
  const units = new Dec(sum.toString()).div(count);
  return inUnit(roundTo(units.div(new Dec(10).pow(decimals)), decimals, 'half-up'), unit);
}

/** Whole engine units as an exact amount in `unit`. */
function amountOf(units: number, decimals: number, unit: Unit): Decimal {
  return inUnit(unitsToDecimal(units, decimals), unit);
}

/**
 * The summary of one outcome over all draws: mean, extremes and nearest-rank percentiles, in `unit`.
 * @param column - the outcome of every draw, in units (not changed)
 * @param percentiles - the percentiles to report
 * @param decimals - decimals of a unit
 * @param unit - the unit of the results
 * @internal
 */
export function outcome(column: Float64Array, percentiles: readonly number[], decimals: number, unit: Unit): OutcomeSummary {
  const s = summarise(column, percentiles);
  const ps: Record<string, Decimal> = {};
  for (const p of percentiles) ps[`p${p}`] = amountOf(s[`p${p}`]!, decimals, unit);
  const mean = meanOf(columnSums(column, column.length, 1)[0]!, column.length, decimals, unit);
  return { mean, min: amountOf(s.min, decimals, unit), max: amountOf(s.max, decimals, unit), percentiles: ps };
}

/**
 * The summary of one outcome read off its values in ascending order: the same as {@link outcome} of the
 * values in any order.
 * @param column - the outcome of every draw, in units
 * @param percentiles - the percentiles to report
 * @param decimals - decimals of a unit
 * @param unit - the unit of the results
 * @internal
 */
export function rankedOutcome(column: RankedColumn, percentiles: readonly number[], decimals: number, unit: Unit): OutcomeSummary {
  const n = column.count;
  const ps: Record<string, Decimal> = {};
  for (const p of percentiles) ps[`p${p}`] = amountOf(column.at(nearestRank(p, n) - 1), decimals, unit);
  return { mean: meanOf(column.sum, n, decimals, unit), min: amountOf(column.at(0), decimals, unit), max: amountOf(column.at(n - 1), decimals, unit), percentiles: ps };
}

/**
 * `shift - x` for every value x of a column, ascending (a zero as `+0` when `normalise`): shift - x falls as x
 * rises, so rank r is shift minus the value at rank n - 1 - r (which keeps the zeros' order, -0 first, too).
 */
function gapColumn(column: RankedColumn, shift: number, normalise: boolean): RankedColumn {
  const n = column.count;
  return {
    count: n,
    at: (rank) => {
      const g = shift - column.at(n - 1 - rank);
      return normalise && g === 0 ? 0 : g;
    },
    sum: BigInt(shift) * BigInt(n) - column.sum,
  };
}

/** Reading the outcomes of a run. */
interface Columns {
  /** The outcome at `offset` of every draw. */
  column(offset: number): RankedColumn;
  /** The summary per year of the outcome group `group` (years `group * Y .. group * Y + Y - 1`). */
  byYear(group: number): Record<string, OutcomeSummary>;
  /** The share of draws whose outcome at `offset` is at least `threshold`. */
  probability(offset: number, threshold: number): number;
}

function columnsOf(plan: MonteCarloPlan, meta: PlanMeta, run: SortedRun): Columns {
  const { compiled, draws, percentiles } = meta;
  const Y = plan.yearCount;
  const d = compiled.decimals;
  const byYear = (group: number): Record<string, OutcomeSummary> => {
    const out: Record<string, OutcomeSummary> = {};
    compiled.years.forEach((year, y) => (out[year] = rankedOutcome(run.column(group * Y + y), percentiles, d, meta.unit)));
    return out;
  };
  const probability = (offset: number, threshold: number): number => run.countAtLeast(offset, threshold) / draws;
  return { column: run.column, byYear, probability };
}

/** The savings targets of a run: realised, gap to the path and the probability the path is met, per year. */
function savingsOutcomes(plan: MonteCarloPlan, meta: PlanMeta, cols: Columns): SavingsOutcome[] {
  const { compiled, percentiles } = meta;
  const { column, byYear, probability } = cols;
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
      target[year] = inUnit(path, meta.unit);
      const pathUnits = unitsOf(path, d);
      gap[year] = rankedOutcome(gapColumn(column(offset + y), pathUnits, true), percentiles, d, meta.unit);
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
  return summariseBlocks(plan, [sortedBlock(raw, planMeta(plan).draws, plan.stride)]);
}

/**
 * Summarises the blocks of a run, each sorted and summed where it was drawn (`sortedBlock`, on the workers),
 * into a result: the same as {@link summariseRun} of their draws.
 * @param plan - the plan
 * @param blocks - the blocks of every draw
 * @internal
 */
export function summariseBlocks(plan: MonteCarloPlan, blocks: readonly SortedBlock[]): MonteCarloResult {
  const meta = planMeta(plan);
  const { compiled, draws, percentiles, targets, minimum } = meta;
  const Y = plan.yearCount;
  const d = compiled.decimals;
  const run = sortedRun(blocks);
  const cols = columnsOf(plan, meta, run);
  const { column, byYear, probability } = cols;
  const balanced: Record<string, number> = {};
  compiled.years.forEach((year, y) => (balanced[year] = probability(Y + y, 0)));
  const targetOutcomes: TargetOutcome[] = targets.map((t, ti) => {
    const total = byYear(2 + ti);
    const gap: Record<string, OutcomeSummary> = {};
    const met: Record<string, number> = {};
    compiled.years.forEach((year, y) => {
      const minUnits = unitsOf(roundTo(minimum[ti]![y]!, d, 'half-up'), d);
      gap[year] = rankedOutcome(gapColumn(column((2 + ti) * Y + y), minUnits, false), percentiles, d, meta.unit);
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
    compiled.years.forEach((year, y) => (covered[year] = run.countAtMost(group * Y + y, 0) / draws));
    cover = { uncovered: byYear(group), probabilityCovered: covered };
  }
  return deepFreeze({
    draws,
    seed: plan.seed,
    unit: meta.unit,
    years: compiled.years,
    percentiles: [...percentiles],
    saldo: byYear(0),
    structural: byYear(1),
    probabilityStructurallyBalanced: balanced,
    targets: targetOutcomes,
    savings,
    ...(cover === undefined ? {} : { cover }),
    net: meta.net,
  });
}
