/**
 * The net effect of savings measures with costs (netto-opbrengst): per measure and year the realised savings, the
 * costs (investment, transformation), the net effect and its cumulative sum, and the payback year (terugverdienjaar).
 * @packageDocumentation
 */
import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { idRecord } from '../core/records.js';
import type { Budget } from '../model/budget.js';
import type { Measure } from '../model/savings.js';
import { requireBudget } from '../validate/admit.js';
import { measureCostIn, measureRealised } from './targets.js';

/** A measure's (or a target's) figures in one year, in euros. @category Savings */
export interface NetYear {
  /** Planned savings (gepland). */
  readonly planned: Decimal;
  /** Realised savings (gerealiseerd). */
  readonly realised: Decimal;
  /** Costs: investment and transformation (kosten). */
  readonly costs: Decimal;
  /** `realised - costs` (netto). */
  readonly net: Decimal;
  /** The net effect of this year and every year of the horizon before it (cumulatief). */
  readonly cumulative: Decimal;
}

/**
 * Whether the costs are earned back within the horizon (terugverdiend): `paid-back` in `paybackYear`,
 * `not-within-horizon` when the cumulative net effect stays below 0, `no-costs` when there are none.
 * @category Savings
 */
export type PaybackStatus = (typeof PAYBACK_STATUSES)[number];

/** Every {@link PaybackStatus}. @category Savings */
export const PAYBACK_STATUSES = Object.freeze(['paid-back', 'not-within-horizon', 'no-costs'] as const);

/** The net effect of a measure, or of all measures of a target. @category Savings */
export interface NetEffect {
  /** Per year of the horizon, in order. */
  readonly years: Readonly<Record<string, NetYear>>;
  /** Sum of the costs over the horizon. */
  readonly totalCosts: Decimal;
  /** Sum of the realised savings over the horizon. */
  readonly totalRealised: Decimal;
  /** Sum of the net effect over the horizon: the last year's cumulative. */
  readonly totalNet: Decimal;
  /**
   * The payback year (terugverdienjaar): the first year, from the first year with costs on, in which the cumulative
   * net effect is 0 or more; `undefined` unless `payback` is `paid-back`.
   */
  readonly paybackYear: number | undefined;
  /** Whether and how it pays back. */
  readonly payback: PaybackStatus;
}

/** A measure's net effect. @category Savings */
export interface MeasureNet extends NetEffect {
  /** Id. */
  readonly id: string;
  /** Title. */
  readonly title: string;
}

/** A target's measures and their sum. @category Savings */
export interface TargetNet extends NetEffect {
  /** Id of the target. */
  readonly id: string;
  /** Title of the target. */
  readonly title: string;
  /** Its measures by id, in order. */
  readonly measures: Readonly<Record<string, MeasureNet>>;
}

/** The net effect of every target's measures, frozen. @category Savings */
export interface NetSavings {
  /** Years of the horizon. */
  readonly years: readonly number[];
  /** Targets by id. */
  readonly targets: Readonly<Record<string, TargetNet>>;
}

type Row = Omit<NetYear, 'cumulative'>;

function effect(rows: readonly Row[], years: readonly number[]): NetEffect {
  const out: Record<string, NetYear> = {};
  let cumulative = ZERO;
  let totalCosts = ZERO;
  let totalRealised = ZERO;
  let costsSeen = false;
  let paybackYear: number | undefined;
  years.forEach((year, i) => {
    const row = rows[i]!;
    cumulative = noNegativeZero(cumulative.plus(row.net));
    totalCosts = totalCosts.plus(row.costs);
    totalRealised = totalRealised.plus(row.realised);
    if (row.costs.gt(0)) costsSeen = true;
    if (costsSeen && paybackYear === undefined && !cumulative.isNegative()) paybackYear = year;
    out[String(year)] = { ...row, cumulative };
  });
  const payback = !costsSeen ? 'no-costs' : paybackYear === undefined ? 'not-within-horizon' : 'paid-back';
  return { years: out, totalCosts, totalRealised, totalNet: cumulative, paybackYear, payback };
}

function measureRows(m: Measure, years: readonly number[]): Row[] {
  return years.map((year) => {
    const realised = measureRealised(m, year);
    const costs = measureCostIn(m, year);
    return { planned: m.planned[String(year)] ?? ZERO, realised, costs, net: noNegativeZero(realised.minus(costs)) };
  });
}

/**
 * The net effect of savings measures with costs (netto-opbrengst van maatregelen): per target and measure, per year
 * the planned and realised savings, the costs (investment and transformatiekosten), `net = realised - costs` and its
 * cumulative sum over the horizon, and the payback year (terugverdienjaar): the first year, from the first year with
 * costs on, in which the cumulative net effect is 0 or more. A measure that does not pay back within the horizon says
 * so (`not-within-horizon`); that is a result, not an error. Each target sums its measures.
 * @param budget - a budget with `targets`
 * @returns a frozen {@link NetSavings}
 * @throws MeerjarenError `invalid_argument` at `budget` when it is not a budget
 * @example
 * ```ts
 * import { budget, withTargets, netSavings } from 'meerjaren';
 *
 * const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2025, to: 2028 } })
 *   .section('4', 'Bezuinigingen').line('HA', 'Taakstelling (stelpost)', ['1', '2', '3', '3'], { nature: 'structural' }).build();
 * const ha = withTargets(table, [{ id: 'ha', title: 'Taakstelling', unit: 'million', path: { 2025: '1', 2026: '2', 2027: '3', 2028: '3' },
 *   measures: [{ id: 'teams', title: 'Stevige lokale teams', status: 'in-preparation', planned: { 2026: '1', 2027: '2', 2028: '2' },
 *     costs: [{ kind: 'transformation', title: 'Bij- en omscholing', amounts: { 2025: '1.5', 2026: '0.5' } }] }] }]);
 *
 * const teams = netSavings(ha).targets['ha']!.measures['teams']!;
 * teams.years['2026']!.cumulative.toFixed(); // "-1000000": -1,5 in 2025, then 1 - 0,5
 * teams.paybackYear;                          // 2027: the cumulative net is 1 mln
 * ```
 * @category Savings
 */
export function netSavings(budget: Budget): NetSavings {
  budget = requireBudget('netSavings', 'budget', budget);
  const years = budget.horizon.years;
  const targets = idRecord<TargetNet>();
  for (const target of Object.values(budget.targets ?? {})) {
    const measures = idRecord<MeasureNet>();
    const sums: Row[] = years.map(() => ({ planned: ZERO, realised: ZERO, costs: ZERO, net: ZERO }));
    for (const m of Object.values(target.measures)) {
      const rows = measureRows(m, years);
      rows.forEach((r, i) => {
        const s = sums[i]!;
        sums[i] = { planned: s.planned.plus(r.planned), realised: s.realised.plus(r.realised), costs: s.costs.plus(r.costs), net: noNegativeZero(s.net.plus(r.net)) };
      });
      measures[m.id] = { id: m.id, title: m.title, ...effect(rows, years) };
    }
    targets[target.id] = { id: target.id, title: target.title, measures, ...effect(sums, years) };
  }
  return deepFreeze({ years, targets });
}
