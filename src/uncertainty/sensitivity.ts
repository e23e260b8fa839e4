/**
 * Sensitivity analysis as a tornado table (gevoeligheidsanalyse, tornadodiagram): which uncertain inputs
 * move a chosen year's saldo most.
 */
import { Dec, roundTo, type Decimal } from '../core/decimal.js';
import { MeerjarenError, issue } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import type { Budget } from '../model/budget.js';
import type { CompiledBudget } from '../engine/compile.js';
import { unitsToDecimal } from '../engine/units.js';
import type { DistributionSpec } from './distribution.js';
import { createKernel, planMeta, type MonteCarloPlan, type PlanMeta, type TargetSpec, type UncertainInput } from './montecarlo.js';
import { MAX_INPUTS, MAX_TARGETS, TARGET_SPEC, INPUT_SPEC, buildPlan, requireRunBudget } from './montecarlo/plan.js';
import { arrayOf, describeValue, integer, isObjectLike, object, requireObject, requireOptions, type OptionCheck } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { ROUNDING } from '../validate/result-checks.js';
import { validateDistribution } from './distribution.js';

/** A {@link TornadoMeasure}: one of the names, `{ target }` or `{ savingsGap }`. */
const MEASURE: OptionCheck = (value, path, collector) => {
  if (value === 'saldo' || value === 'structural' || value === 'uncovered') return;
  const keys = isObjectLike(value) ? Object.keys(value) : [];
  const key = keys[0];
  if (keys.length === 1 && (key === 'target' || key === 'savingsGap') && typeof (value as Record<string, unknown>)[key] === 'string') return;
  collector.add('invalid_option', path, `measure must be "saldo", "structural", "uncovered", { target: id } or { savingsGap: id }, not ${describeValue(value)}`);
};
import { unitsOf } from './montecarlo/units.js';
import { inUnit, runUnitOf } from './montecarlo/amount-unit.js';
import { UNIT } from './montecarlo/plan-options.js';
import type { Unit } from '../model/values.js';
import type { RoundingMode } from '../core/decimal.js';

/**
 * What the tornado measures: the saldo, the structural saldo, a target's total (`{ target }`, a target of the
 * options), the gap of a savings target of the budget (`{ savingsGap }`, `budget.targets`), or the cover's
 * uncovered amount (`'uncovered'`).
 * @category Uncertainty
 */
export type TornadoMeasure =
  | 'saldo'
  | 'structural'
  | 'uncovered'
  | {
      /** Id of a target of the options (`TargetSpec.id`): its total is measured. */
      readonly target: string;
    }
  | {
      /** Id of a savings target (taakstelling) of the budget: its gap (tekort) is measured. */
      readonly savingsGap: string;
    };

/** Options of {@link tornado}. @category Uncertainty */
export interface TornadoOptions {
  /** The uncertain inputs (as for a Monte Carlo run). */
  readonly inputs: readonly UncertainInput[];
  /** The year whose outcome is measured. */
  readonly year: number;
  /** What is measured. @defaultValue 'structural' */
  readonly measure?: TornadoMeasure;
  /** Targets (needed when the measure is a target). */
  readonly targets?: readonly TargetSpec[];
  /** Rounding rule where a rate meets an amount. @defaultValue 'half-up' */
  readonly rounding?: RoundingMode;
  /**
   * The unit of the amounts written in these options (inputs without a `unit` of their own, targets' minimums) and
   * of the table's amounts, as for a Monte Carlo run.
   * @defaultValue the budget's own unit (`budget.presentation.unit`)
   */
  readonly unit?: Unit;
}

/** One bar of the tornado: an input (or a correlated group) swung from its low to its high value. @category Uncertainty */
export interface TornadoRow {
  /** The input id, or the group name for a group of correlated inputs. */
  readonly id: string;
  /** Label (the input's label, or the group name). */
  readonly label: string;
  /** Ids of the inputs moved together. */
  readonly inputs: readonly string[];
  /** The measured outcome with this input at its low value (others central), in the table's unit. */
  readonly atLow: Decimal;
  /** The outcome with this input at its high value, in the table's unit. */
  readonly atHigh: Decimal;
  /** `|atHigh - atLow|`: the width of the bar; rows are sorted by it, widest first. */
  readonly swing: Decimal;
}

/** A tornado table (tornadotabel). A frozen value. @category Uncertainty */
export interface TornadoTable {
  /** The year measured. */
  readonly year: number;
  /** What was measured. */
  readonly measure: TornadoMeasure;
  /** The unit of every amount of the table (the options' `unit`, or the budget's own). */
  readonly unit: Unit;
  /** The outcome with every input at its central value, in the table's unit. */
  readonly baseline: Decimal;
  /** Bars, widest swing first (ties in input order). */
  readonly rows: readonly TornadoRow[];
}

/** The low, central and high values of a distribution (for amounts in the unit they are written in, for rates unitless). @category Uncertainty */
export interface DistributionPoints {
  /** Lowest value. */
  readonly low: Decimal;
  /** Central value (likely, mean or median). */
  readonly central: Decimal;
  /** Highest value. */
  readonly high: Decimal;
}

/**
 * Low, central and high values of a distribution, as the tornado table uses them.
 *
 * @remarks
 * Low and high are the bounds (`low`/`high`; for `discrete` the smallest and largest value with a positive
 * probability; for `fixed` the value). Central is: `likely` (triangular, PERT); the midpoint (uniform);
 * the mean clamped to [low, high] (normal); the median (lognormal); the weighted median (discrete); the value (fixed);
 * for a mixture the lowest low and highest high of its components with a weight, and their centrals weighted.
 * @param spec - a valid distribution spec
 * @example
 * ```ts
 * import { distributionPoints } from 'meerjaren';
 *
 * const points = distributionPoints({ kind: 'triangular', low: '-1500000', likely: '-1100000', high: '-600000' });
 * points.central.toFixed(); // "-1100000": the value the tornado holds the other inputs at (in the spec's unit)
 * ```
 * @category Uncertainty
 */
export function distributionPoints(spec: DistributionSpec): DistributionPoints {
  requireObject('distributionPoints', 'spec', spec, 'a distribution: { kind, ... }');
  // amounts and rates have different limits: a spec valid as either has its points
  const issues = validateDistribution(spec, ['spec']);
  if (issues.length > 0 && validateDistribution(spec, ['spec'], { unit: 'rate' }).length > 0) throw new MeerjarenError(issues);
  const d = (x: string | number): Decimal => new Dec(x);
  switch (spec.kind) {
    case 'fixed':
      return { low: d(spec.value), central: d(spec.value), high: d(spec.value) };
    case 'uniform':
      return { low: d(spec.low), central: d(spec.low).plus(d(spec.high)).div(2), high: d(spec.high) };
    case 'triangular':
    case 'pert':
      return { low: d(spec.low), central: d(spec.likely), high: d(spec.high) };
    case 'normal': {
      const low = d(spec.low);
      const high = d(spec.high);
      const mean = d(spec.mean);
      return { low, central: Dec.min(high, Dec.max(low, mean)), high };
    }
    case 'lognormal':
      return { low: d(spec.low), central: d(spec.median), high: d(spec.high) };
    case 'mixture': {
      // the bounds of the components that can be drawn; central their centrals weighted (exact)
      const parts = spec.components.filter((c) => d(c.weight).gt(0)).map((c) => ({ weight: d(c.weight), points: distributionPoints(c.distribution) }));
      return {
        low: Dec.min(...parts.map((p) => p.points.low)),
        central: parts.reduce((sum, p) => sum.plus(p.weight.times(p.points.central)), new Dec(0)),
        high: Dec.max(...parts.map((p) => p.points.high)),
      };
    }
    case 'discrete': {
      const choices = spec.choices.map((c) => ({ value: d(c.value), p: d(c.p) })).filter((c) => c.p.gt(0));
      choices.sort((a, b) => a.value.comparedTo(b.value));
      let cumulative = new Dec(0);
      let median = choices[choices.length - 1]!.value;
      for (const c of choices) {
        cumulative = cumulative.plus(c.p);
        if (cumulative.gte('0.5')) {
          median = c.value;
          break;
        }
      }
      return { low: choices[0]!.value, central: median, high: choices[choices.length - 1]!.value };
    }
  }
}

/**
 * Builds a tornado table: every input (or correlated group) at its low and at its high value with the
 * others at their central values, ranked by how far that moves the chosen year's outcome.
 *
 * @remarks
 * A group (`UncertainInput.group`) swings as one bar. A rank correlation of a Monte Carlo run
 * (`MonteCarloOptions.correlation`) means nothing here: a bar moves one input or group to its bounds with every
 * other input held central, so there are no joint draws to correlate; the options take no `correlation`
 * (`unknown_option`). The Monte Carlo band shows what a correlation does.
 *
 * @param budget - the budget, or a compiled budget
 * @param options - inputs, year, measure
 * @throws MeerjarenError as {@link monteCarlo}, `year_outside_horizon` for the year, `unknown_reference` for the target
 * @example
 * ```ts
 * import { budget, pm, tornado } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const table = tornado(tb1, { year: 2027, measure: 'saldo', inputs: [
 *   { id: '1.4', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' } }, // x € 1.000
 *   { id: '1.7', kind: 'indexation', rows: ['1.7'], baseYear: 2025, distribution: { kind: 'triangular', low: '0.02', likely: '0.03', high: '0.05' } },
 * ] });
 * table.rows.map((r) => [r.id, r.swing.toFixed()]); // [["1.4", "900"], ["1.7", "23.0391"]]: x € 1.000 (the budget's unit), widest first
 * ```
 * @category Uncertainty
 */
export function tornado(budget: Budget | CompiledBudget, options: TornadoOptions): TornadoTable {
  budget = requireRunBudget('tornado', budget);
  requireOptions('tornado', options, {
    inputs: arrayOf(object(INPUT_SPEC), { maxLength: MAX_INPUTS }),
    year: integer({ min: MIN_YEAR, max: MAX_YEAR }),
    measure: MEASURE,
    targets: arrayOf(object(TARGET_SPEC), { maxLength: MAX_TARGETS }),
    rounding: ROUNDING,
    unit: UNIT,
  }, ['inputs', 'year']);
  const measure = options.measure ?? 'structural';
  const unit = runUnitOf(options.unit, 'rowOf' in budget ? budget.budget : budget);
  const plan = buildPlan(budget, {
    inputs: options.inputs,
    draws: 1,
    ...(typeof measure === 'object' && 'savingsGap' in measure ? { savings: true } : {}),
    ...(measure === 'uncovered' ? { cover: true } : {}),
    ...(options.targets === undefined ? {} : { targets: options.targets }),
    ...(options.rounding === undefined ? {} : { rounding: options.rounding }),
    unit,
  }, 0, 'tornado');
  const meta = planMeta(plan);
  const { compiled } = meta;
  const y = compiled.yearIndexOf(options.year);
  if (y < 0) throw new MeerjarenError([issue('year_outside_horizon', ['year'], `${String(options.year)} is outside the horizon`)]);
  const { offset, sign, shift } = measureCell(measure, plan, meta, y, options.targets ?? []);
  const inputs = meta.inputs;
  const points = inputs.map((input) => distributionPoints(input.distribution));
  const toValue = (input: UncertainInput, value: Decimal): number =>
    input.kind === 'amount' || input.kind === 'capacity' ? unitsOf(roundTo(value, 2, 'half-up'), 2) : Number(value.toFixed());
  const central = Float64Array.from(inputs, (input, j) => toValue(input, points[j]!.central));
  const kernel = createKernel(plan);
  const out = new Float64Array(plan.stride);
  const measureWith = (values: Float64Array): number => {
    kernel.evaluate(values, out, 0);
    const v = shift + sign * out[offset]!;
    return v === 0 ? 0 : v;
  };
  const d = compiled.decimals;
  const amount = (units: number): Decimal => inUnit(unitsToDecimal(units, d), unit);
  const baseline = measureWith(central);

  const bars = barsOf(inputs);
  const values = new Float64Array(central.length);
  const rows = bars.map((bar, order) => {
    values.set(central);
    for (const j of bar.members) values[j] = toValue(inputs[j]!, points[j]!.low);
    const low = measureWith(values);
    values.set(central);
    for (const j of bar.members) values[j] = toValue(inputs[j]!, points[j]!.high);
    const high = measureWith(values);
    return { order, swing: Math.abs(high - low), row: { id: bar.id, label: bar.label, inputs: bar.members.map((j) => inputs[j]!.id), atLow: amount(low), atHigh: amount(high), swing: amount(Math.abs(high - low)) } };
  });
  rows.sort((a, b) => b.swing - a.swing || a.order - b.order);
  return deepFreeze({ year: options.year, measure, unit, baseline: amount(baseline), rows: rows.map((r) => r.row) });
}

/**
 * Where the measured figure sits in the kernel's output for year index `y`, and how to read it: the figure is
 * `shift + sign * out[offset]` (a savings gap is the path less what is realised).
 */
function measureCell(
  measure: TornadoMeasure,
  plan: MonteCarloPlan,
  meta: PlanMeta,
  y: number,
  targets: readonly TargetSpec[],
): { offset: number; sign: number; shift: number } {
  const Y = plan.yearCount;
  let offset: number;
  let sign = 1;
  let shift = 0;
  if (measure === 'saldo') offset = y;
  else if (measure === 'structural') offset = Y + y;
  else if (measure === 'uncovered') offset = (2 + plan.targetCount + plan.savingsCount) * Y + y;
  else if ('savingsGap' in measure) {
    const t = meta.savingsTargets.findIndex((target) => target.id === measure.savingsGap);
    if (t < 0) throw new MeerjarenError([issue('unknown_reference', ['measure', 'savingsGap'], `no savings target "${measure.savingsGap}"`)]);
    offset = (2 + plan.targetCount + t) * Y + y;
    // gap = path - realised
    sign = -1;
    shift = unitsOf(meta.savingsPath[t]![y]!, meta.compiled.decimals);
  } else {
    const t = targets.findIndex((target) => target.id === measure.target);
    if (t < 0) throw new MeerjarenError([issue('unknown_reference', ['measure', 'target'], `no target "${measure.target}"`)]);
    offset = (2 + t) * Y + y;
  }
  return { offset, sign, shift };
}

/** One bar per group of correlated inputs, or per input, in the order of the inputs. */
function barsOf(inputs: readonly UncertainInput[]): { id: string; label: string; members: number[] }[] {
  const bars: { id: string; label: string; members: number[] }[] = [];
  const byGroup = new Map<string, { id: string; label: string; members: number[] }>();
  inputs.forEach((input, j) => {
    if (input.group !== undefined) {
      const existing = byGroup.get(input.group);
      if (existing !== undefined) {
        existing.members.push(j);
        return;
      }
      const bar = { id: input.group, label: input.group, members: [j] };
      byGroup.set(input.group, bar);
      bars.push(bar);
    } else bars.push({ id: input.id, label: input.label ?? input.id, members: [j] });
  });
  return bars;
}
