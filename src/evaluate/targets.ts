import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { isPm, type Budget, type Unit } from '../model/budget.js';
import type { Measure, MeasureStatus, SavingsTarget } from '../model/savings.js';
import { idRecord } from '../core/records.js';
import { boolean, objectWith, readOptions, requireArgument, requireNumber } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { requireBudget } from '../validate/admit.js';

const MEASURE = objectWith(['id', 'planned', 'realisation'], 'a measure of a budget (Budget.targets[t].measures[m])');

/** A measure that delivers less than planned in a year (achterblijvende maatregel). @category Savings */
export interface MeasureShortfall {
  /** Measure id. */
  readonly id: string;
  /** Its status. */
  readonly status: MeasureStatus;
  /** Planned. */
  readonly planned: Decimal;
  /** Realised. */
  readonly realised: Decimal;
  /** `planned - realised`. */
  readonly short: Decimal;
}

/**
 * A target in one year (taakstelling per jaar), in positive euros saved.
 *
 * @remarks
 * `filled + unfilled = target` (ingevuld + niet-ingevuld, by the plans of the measures) and
 * `realised + gap = target` (what the measures deliver, and what is left to find).
 * @category Savings
 */
export interface TargetYear {
  /** The amount to save (0 for a pm year). */
  readonly target: Decimal;
  /** The path is pm this year: the target is open. */
  readonly pm: boolean;
  /** What the measures plan (gepland). */
  readonly planned: Decimal;
  /** What they realise (gerealiseerd). */
  readonly realised: Decimal;
  /** The part of the target backed by planned measures (ingevuld): `min(planned, target)`, never below 0. */
  readonly filled: Decimal;
  /** The part not backed by measures (niet-ingevuld, stelpost): `target - filled`. */
  readonly unfilled: Decimal;
  /** What is left to save after realisation (tekort): `target - realised`; negative is a surplus. */
  readonly gap: Decimal;
  /** What measures plan but do not realise: `planned - realised`. */
  readonly shortfall: Decimal;
  /** What measures with status at-risk plan. */
  readonly atRisk: Decimal;
  /** The measures' costs (investment and transformation) this year; with `net: true` already taken off `planned` and `realised`. */
  readonly costs: Decimal;
  /** Measures falling short this year, in order. */
  readonly shortMeasures: readonly MeasureShortfall[];
}

/** A measure's plan and realisation per year. @category Savings */
export interface MeasureResult {
  /** Id. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Status. */
  readonly status: MeasureStatus;
  /** Per year. */
  readonly years: Readonly<
    Record<
      string,
      {
        /** Planned savings in the year, in euros. */
        readonly planned: Decimal;
        /** Realised savings in the year, in euros. */
        readonly realised: Decimal;
        /** Its costs in the year, in euros (0 when it has none). */
        readonly costs: Decimal;
      }
    >
  >;
}

/** A reference path beside a target in one year. @category Savings */
export interface ReferenceYear {
  /** The reference amount (`undefined` when absent or pm). */
  readonly amount: Decimal | undefined;
  /** Whether it is pm. */
  readonly pm: boolean;
  /** The local share of it, if known. */
  readonly localShare: Decimal | undefined;
  /** `target - localShare`: how much the local target asks beyond (positive) or below its share. */
  readonly targetOverShare: Decimal | undefined;
}

/** A target's result. @category Savings */
export interface TargetResult {
  /** Id. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Unit it was written in. */
  readonly unit: Unit;
  /** Per year. */
  readonly years: Readonly<Record<string, TargetYear>>;
  /** Measures by id. */
  readonly measures: Readonly<Record<string, MeasureResult>>;
  /** Reference paths, in order. */
  readonly references: readonly {
    /** Title of the reference path. */
    readonly title: string;
    /** The path and the target against it, per year. */
    readonly years: Readonly<Record<string, ReferenceYear>>;
  }[];
}

/** The evaluation of a budget's savings targets. A frozen value. @category Savings */
export interface TargetsEvaluation {
  /** Years. */
  readonly years: readonly number[];
  /** Whether planned and realised savings are net of the measures' costs. */
  readonly net: boolean;
  /** Targets by id. */
  readonly targets: Readonly<Record<string, TargetResult>>;
}

const clean = (d: Decimal): Decimal => noNegativeZero(d);

/**
 * What a measure realises in a year.
 * @param measure - the measure
 * @param year - the year
 * @category Savings
 */
export function realisedIn(measure: Measure, year: number): Decimal {
  requireArgument('realisedIn', 'measure', measure, MEASURE);
  requireNumber('realisedIn', 'year', year, { min: MIN_YEAR, max: MAX_YEAR }, true);
  return measureRealised(measure, year);
}

/**
 * {@link realisedIn} without the checks of its arguments, for the library's own loops.
 * @param measure - a measure of a budget
 * @param year - a year
 * @internal
 */
export function measureRealised(measure: Measure, year: number): Decimal {
  const y = String(year);
  const planned = measure.planned[y] ?? ZERO;
  const r = measure.realisation;
  switch (r.kind) {
    case 'as-planned':
      return planned;
    case 'none':
      return ZERO;
    case 'rate':
      return clean(planned.times(r.rate));
    case 'amount':
      return r.values[y] ?? planned;
    case 'delay': {
      const earlier = measure.planned[String(year - r.years)] ?? ZERO;
      return clean(r.rate === undefined ? earlier : earlier.times(r.rate));
    }
  }
}

/** Options of {@link evaluateTargets}. @category Savings */
export interface TargetsOptions {
  /**
   * Take each measure's costs (investment, transformation) off its planned and realised savings, so that the gap is
   * what is left after the costs (netto). @defaultValue false
   */
  readonly net?: boolean;
}

/**
 * What a measure costs in a year: the sum of its costs (investment and transformation), in euros.
 * @param measure - a measure of a budget
 * @param year - a year
 * @internal
 */
export function measureCostIn(measure: Measure, year: number): Decimal {
  let sum = ZERO;
  for (const c of measure.costs ?? []) sum = sum.plus(c.amounts[String(year)] ?? ZERO);
  return sum;
}

/**
 * Evaluates the savings targets of a budget (taakstellingen doorrekenen): per target and year the target, what the
 * measures plan and realise, filled and unfilled (ingevuld / niet-ingevuld), the gap, and the measures falling short;
 * reference paths (the national Hervormingsagenda) beside it with the local share. With `{ net: true }` each measure's
 * costs are taken off its planned and realised savings first.
 * @param budget - a budget with `targets`
 * @param options - `net`: figures net of the measures' costs
 * @example
 * ```ts
 * import { budget, withTargets, evaluateTargets } from 'meerjaren';
 *
 * const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2025, to: 2027 } })
 *   .section('4', 'Bezuinigingen')
 *   .line('HA', 'Taakstelling Hervormingsagenda (stelpost)', ['3', '7', '8'], { nature: 'structural' })
 *   .build();
 * const ha = withTargets(table, [{
 *   id: 'ha', title: 'Taakstelling Hervormingsagenda Jeugd', unit: 'million', line: 'HA', path: { 2025: '3', 2026: '7', 2027: '8' },
 *   measures: [{ id: 'teams', title: 'Stevige lokale teams', status: 'in-preparation', planned: { 2025: '1', 2026: '3', 2027: '4' }, realisation: { rate: '0.5' } }],
 * }]);
 *
 * const year = evaluateTargets(ha).targets['ha']!.years['2027']!;
 * year.target.toFixed();   // "8000000" (euros)
 * year.realised.toFixed(); // "2000000": 4 mln planned at a rate of 0,5
 * year.gap.toFixed();      // "6000000": target - realised
 * ```
 * @category Savings
 */
export function evaluateTargets(budget: Budget, options: TargetsOptions = {}): TargetsEvaluation {
  budget = requireBudget('evaluateTargets', 'budget', budget);
  const net = readOptions('evaluateTargets', options, { net: boolean }).net === true;
  const years = budget.horizon.years;
  const targets = idRecord<TargetResult>();
  for (const target of Object.values(budget.targets ?? {})) targets[target.id] = evaluateTarget(target, years, net);
  return deepFreeze({ years, net, targets });
}

function evaluateTarget(target: SavingsTarget, years: readonly number[], net: boolean): TargetResult {
  const measures = Object.values(target.measures);
  const measureYears = new Map<string, Record<string, { planned: Decimal; realised: Decimal; costs: Decimal }>>(measures.map((m) => [m.id, {}]));
  const out: Record<string, TargetYear> = {};
  for (const year of years) {
    const y = String(year);
    const cell = target.path[y];
    const pm = isPm(cell);
    const amount = cell === undefined || isPm(cell) ? ZERO : cell;
    let planned = ZERO;
    let realised = ZERO;
    let atRisk = ZERO;
    let costs = ZERO;
    const shortMeasures: MeasureShortfall[] = [];
    for (const m of measures) {
      const c = measureCostIn(m, year);
      const p = net ? clean(m.planned[y]?.minus(c) ?? c.neg()) : (m.planned[y] ?? ZERO);
      const r = net ? clean(measureRealised(m, year).minus(c)) : measureRealised(m, year);
      (measureYears.get(m.id) ?? {})[y] = { planned: p, realised: r, costs: c };
      costs = costs.plus(c);
      planned = planned.plus(p);
      realised = realised.plus(r);
      if (m.status === 'at-risk') atRisk = atRisk.plus(p);
      if (r.lt(p)) shortMeasures.push({ id: m.id, status: m.status, planned: p, realised: r, short: p.minus(r) });
    }
    const filledRaw = planned.lt(amount) ? planned : amount;
    const filled = filledRaw.isNegative() ? ZERO : filledRaw;
    out[y] = {
      target: amount,
      pm,
      planned,
      realised,
      filled,
      unfilled: clean(amount.minus(filled)),
      gap: clean(amount.minus(realised)),
      shortfall: clean(planned.minus(realised)),
      atRisk,
      costs,
      shortMeasures,
    };
  }
  const references = target.references.map((ref) => {
    const ys: Record<string, ReferenceYear> = {};
    for (const year of years) {
      const y = String(year);
      const cell = ref.path[y];
      const share = ref.localShare?.[y];
      const t = out[y];
      ys[y] = {
        amount: cell === undefined || isPm(cell) ? undefined : cell,
        pm: isPm(cell),
        localShare: share,
        targetOverShare: share === undefined || t === undefined || t.pm ? undefined : clean(t.target.minus(share)),
      };
    }
    return { title: ref.title, years: ys };
  });
  const measureResults = idRecord<MeasureResult>();
  for (const m of measures) measureResults[m.id] = { id: m.id, title: m.title, status: m.status, years: measureYears.get(m.id) ?? {} };
  return { id: target.id, title: target.title, unit: target.unit, years: out, measures: measureResults, references };
}
