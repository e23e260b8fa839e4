/**
 * The summary of a Monte Carlo run (samenvatting): the raw outputs of every draw summarised into exact amounts
 * (mean, extremes, percentiles) and probabilities per year.
 * @packageDocumentation
 */
import { Dec, roundTo, type Decimal } from '../../core/decimal.js';
import { deepFreeze } from '../../core/freeze.js';
import { MAX_SAFE_UNITS, unitsToDecimal } from '../../engine/units.js';
import { summarise } from '../stats.js';
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

/** Reading one outcome of every draw out of the raw outputs of a run. */
interface Columns {
  /** The outcome at `offset` of every draw, in one buffer reused by every call. */
  take(offset: number): Float64Array;
  /** The summary per year of the outcome group `group` (years `group * Y .. group * Y + Y - 1`). */
  byYear(group: number): Record<string, OutcomeSummary>;
  /** The share of draws whose outcome at `offset` is at least `threshold`. */
  probability(offset: number, threshold: number): number;
}

function columnsOf(plan: MonteCarloPlan, meta: PlanMeta, raw: Float64Array): Columns {
  const { compiled, draws, percentiles } = meta;
  const Y = plan.yearCount;
  const d = compiled.decimals;
  const column = new Float64Array(draws);
  const take = (offset: number): Float64Array => {
    for (let i = 0; i < draws; i++) column[i] = raw[i * plan.stride + offset]!;
    return column;
  };
  const byYear = (group: number): Record<string, OutcomeSummary> => {
    const out: Record<string, OutcomeSummary> = {};
    compiled.years.forEach((year, y) => (out[year] = outcome(take(group * Y + y), percentiles, d)));
    return out;
  };
  const probability = (offset: number, threshold: number): number => {
    let hits = 0;
    for (let i = 0; i < draws; i++) if (raw[i * plan.stride + offset]! >= threshold) hits++;
    return hits / draws;
  };
  return { take, byYear, probability };
}

/** The savings targets of a run: realised, gap to the path and the probability the path is met, per year. */
function savingsOutcomes(plan: MonteCarloPlan, meta: PlanMeta, cols: Columns): SavingsOutcome[] {
  const { compiled, draws, percentiles } = meta;
  const { take, byYear } = cols;
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
      const col = take(offset + y);
      let hits = 0;
      for (let i = 0; i < draws; i++) {
        const g = pathUnits - col[i]!;
        col[i] = g === 0 ? 0 : g;
        if (g <= 0) hits++;
      }
      gap[year] = outcome(col, percentiles, d);
      met[year] = hits / draws;
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
  const meta = planMeta(plan);
  const { compiled, draws, percentiles, targets, minimum } = meta;
  const Y = plan.yearCount;
  const d = compiled.decimals;
  const cols = columnsOf(plan, meta, raw);
  const { take, byYear, probability } = cols;
  const balanced: Record<string, number> = {};
  compiled.years.forEach((year, y) => (balanced[year] = probability(Y + y, 0)));
  const targetOutcomes: TargetOutcome[] = targets.map((t, ti) => {
    const total = byYear(2 + ti);
    const gap: Record<string, OutcomeSummary> = {};
    const met: Record<string, number> = {};
    compiled.years.forEach((year, y) => {
      const minUnits = unitsOf(roundTo(minimum[ti]![y]!, d, 'half-up'), d);
      const col = take((2 + ti) * Y + y);
      for (let i = 0; i < draws; i++) col[i] = minUnits - col[i]!;
      gap[year] = outcome(col, percentiles, d);
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
    compiled.years.forEach((year, y) => {
      let hits = 0;
      for (let i = 0; i < draws; i++) if (raw[i * plan.stride + group * Y + y]! <= 0) hits++;
      covered[year] = hits / draws;
    });
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
