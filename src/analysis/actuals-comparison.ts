/**
 * Budget against actuals (begroting na wijziging tegenover realisatie): per line, section and total and per closed
 * year, the deviation (afwijking) with over- and underspending named; pm budgets and missing actuals are said, never
 * counted as 0.
 * @module
 */
import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { IssueCollector } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { hasOwnKey, ownValue } from '../core/records.js';
import type { Actuals } from '../model/actuals.js';
import type { Budget } from '../model/budget.js';
import type { Total } from '../model/evaluation.js';
import { splitSides, type Side } from '../model/lasten-baten.js';
import type { BudgetVersion } from '../model/versions.js';
import { evaluate } from '../evaluate/evaluate.js';
import { requireActuals, requireBudgetOrVersion } from '../validate/actuals.js';

/**
 * What a deviation means for a line (soort afwijking), from its side (lasten or baten, see `SIDE_TAG`) and sign:
 * `overspending` (overschrijding: more lasten than budgeted), `underspending` (onderschrijding: fewer lasten),
 * `higher-income` (hogere baten), `lower-income` (lagere baten), `on-budget` (conform begroting: no deviation).
 * @category Analysis
 */
export type DeviationKind = (typeof DEVIATION_KINDS)[number];

/** Every {@link DeviationKind}; the one list of them. @category Analysis */
export const DEVIATION_KINDS = Object.freeze(['overspending', 'underspending', 'higher-income', 'lower-income', 'on-budget'] as const);

/**
 * Why a row has no deviation in a year (geen afwijking te berekenen): the year is outside the budget's horizon
 * (`not-in-version`), the line's actual is missing (`missing-actual`), or its budget holds a pm post (`pm-budget`).
 * @category Analysis
 */
export type NoDeviationReason = 'not-in-version' | 'missing-actual' | 'pm-budget';

/** One row in one closed year: budget, actual, deviation (begroting, realisatie, afwijking). @category Analysis */
export interface ActualsYear {
  /** The budget (begroting na wijziging); undefined when the year is outside the budget's horizon. */
  readonly budget: Total | undefined;
  /**
   * The actual (realisatie) in euros. For a line: undefined when missing (never 0). For a section or the total: the
   * sum of its lines' actuals, undefined when none of them has one; `missing` names the lines left out.
   */
  readonly actual: Decimal | undefined;
  /**
   * `actual - budget` in euros (afwijking; positive = voordeel). For a line: only when both are known and the budget
   * holds no pm (else `reason` says why). For a section or the total: the sum of its lines' deviations; exactly
   * `actual - budget` when `missing` and `pm` are empty.
   */
  readonly deviation: Decimal | undefined;
  /** For a line without a deviation: why. */
  readonly reason: NoDeviationReason | undefined;
  /** For a line with a deviation: over- or underspending, higher or lower income, or on budget. */
  readonly kind: DeviationKind | undefined;
  /** Lines (this one, or those under a section or the total) without an actual in this year. */
  readonly missing: readonly string[];
  /** Lines whose budget holds a pm post in this year, so that they have no deviation. */
  readonly pm: readonly string[];
}

/** One row of an actuals comparison: a line, a section or the total. @category Analysis */
export interface ActualsRow {
  /** Id of the line or section; empty for the total. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** For a line: its side (lasten or baten), declared by its tag or inferred from the sign of its budget. */
  readonly side: Side | undefined;
  /** Per closed year ("2025"). */
  readonly years: Readonly<Record<string, ActualsYear>>;
}

/** A section of an actuals comparison with its lines. @category Analysis */
export interface ActualsSection extends ActualsRow {
  /** Its lines. */
  readonly lines: readonly ActualsRow[];
}

/** A budget set against actuals (begroting na wijziging tegenover realisatie). A frozen value. @category Analysis */
export interface ActualsComparison {
  /** Label of the budget: the version's name or the budget's title. */
  readonly label: string;
  /** Title of the actuals ("Jaarrekening 2025"). */
  readonly title: string;
  /** The closed years compared (those of the actuals). */
  readonly years: readonly number[];
  /** Sections with their lines, in the budget's order. */
  readonly sections: readonly ActualsSection[];
  /** The grand total. */
  readonly total: ActualsRow;
  /** The label of the total row (the budget's). */
  readonly totalLabel: string;
}

function kindOf(side: Side, deviation: Decimal): DeviationKind {
  if (deviation.isZero()) return 'on-budget';
  const voordeel = deviation.greaterThan(ZERO);
  return side === 'lasten' ? (voordeel ? 'underspending' : 'overspending') : voordeel ? 'higher-income' : 'lower-income';
}

function lineYear(id: string, budget: Total | undefined, actual: Decimal | undefined, side: Side): ActualsYear {
  const missing = actual === undefined ? [id] : [];
  const pm = budget !== undefined && budget.pm.length > 0 ? [id] : [];
  let reason: NoDeviationReason | undefined;
  if (budget === undefined) reason = 'not-in-version';
  else if (actual === undefined) reason = 'missing-actual';
  else if (pm.length > 0) reason = 'pm-budget';
  const deviation = reason === undefined ? noNegativeZero(actual!.minus(budget!.amount)) : undefined;
  return { budget, actual, deviation, reason, kind: deviation === undefined ? undefined : kindOf(side, deviation), missing, pm };
}

function sumYear(budget: Total | undefined, parts: readonly ActualsYear[]): ActualsYear {
  const sum = (xs: (Decimal | undefined)[]): Decimal | undefined => (xs.every((x) => x === undefined) ? undefined : noNegativeZero(xs.reduce<Decimal>((a, x) => (x === undefined ? a : a.plus(x)), ZERO)));
  return {
    budget,
    actual: sum(parts.map((p) => p.actual)),
    deviation: sum(parts.map((p) => p.deviation)),
    reason: undefined,
    kind: undefined,
    missing: parts.flatMap((p) => p.missing),
    pm: parts.flatMap((p) => p.pm),
  };
}

/**
 * Sets a budget (the begroting na wijziging, or a version of it) against actuals (realisatie, from `loadActuals`):
 * per line, section and total and per closed year of the actuals, the budget, the actual and the deviation
 * (afwijking = realisatie - begroting, exact, positive = voordeel), with what the deviation means for the line:
 * overspending (overschrijding) or underspending (onderschrijding) of lasten, higher or lower baten.
 *
 * @remarks
 * Nothing unknown is counted as 0: a line without an actual in a closed year has `actual` undefined and `reason`
 * `missing-actual`; a line whose budget holds a pm post has `reason` `pm-budget`; a closed year outside the
 * budget's horizon has no budget (`not-in-version`). A section or the total sums what its lines have and names the
 * lines left out (`missing`, `pm`). A line's side is its tag `lastenbaten`, else inferred from the sign of its budget
 * (a nadeel is lasten). The actuals must name lines of the budget (`unknown_reference` at `actuals.lines.<id>`).
 * @param budget - the budget or version (begroting na wijziging)
 * @param actuals - the actuals
 * @example
 * ```ts
 * import { budget, compareActuals, loadActuals } from 'meerjaren';
 *
 * const b = budget({ title: 'Begroting 2025 na wijziging', unit: 'thousand', horizon: { from: 2025, to: 2028 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Behoud uitvoeringscapaciteit Wmo', [-1100, 0, 0, 0], { nature: 'incidental' })
 *   .line('1.6', 'Uitvoeringscapaciteit JGH', [-800, 0, 0, 0], { nature: 'incidental' })
 *   .build();
 * const jr = loadActuals({ format: 'meerjaren/actuals', version: 1, title: 'Jaarrekening 2025', unit: 'thousand', years: [2025],
 *   lines: { '1.4': { '2025': '-1250' } } });
 * const c = compareActuals(b, jr);
 * const wmo = c.sections[0]!.lines[0]!.years['2025']!;
 * wmo.deviation!.toFixed();               // "-150000": 150 more spent
 * wmo.kind;                               // "overspending" (overschrijding)
 * c.sections[0]!.lines[1]!.years['2025']!.reason; // "missing-actual": never 0
 * ```
 * @category Analysis
 */
export function compareActuals(budget: Budget | BudgetVersion, actuals: Actuals): ActualsComparison {
  const fn = 'compareActuals';
  const { budget: b, label } = requireBudgetOrVersion(fn, 'budget', budget);
  const a = requireActuals(fn, 'actuals', actuals);
  const e = evaluate(b);
  const issues = new IssueCollector();
  for (const id of Object.keys(a.lines)) if (!hasOwnKey(e.lines, id)) issues.add('unknown_reference', ['actuals', 'lines', id], `${fn}: the actuals name line "${id}", which is not a line of ${label}`);
  issues.throwIfAny();
  const inHorizon = new Set(b.horizon.years);
  const years = a.years;
  const tags = new Map(b.sections.flatMap((s) => s.lines.map((l) => [l.id, l.tags] as const)));
  const sections: ActualsSection[] = e.sections.map((s) => {
    const lines: ActualsRow[] = s.lines.map((l) => {
      const out: Record<string, ActualsYear> = {};
      let side: Side = 'lasten';
      const first = years.find((y) => inHorizon.has(y));
      if (first !== undefined) side = splitSides(tags.get(l.id) ?? {}, l.totals[first]!.amount).side;
      for (const y of years) out[y] = lineYear(l.id, inHorizon.has(y) ? l.totals[y] : undefined, ownValue(ownValue(a.lines, l.id), String(y)), side);
      return { id: l.id, title: l.title, side, years: out };
    });
    const out: Record<string, ActualsYear> = {};
    for (const y of years) out[y] = sumYear(inHorizon.has(y) ? s.totals[y] : undefined, lines.map((l) => l.years[y]!));
    return { id: s.id, title: s.title, side: undefined, years: out, lines };
  });
  const total: Record<string, ActualsYear> = {};
  for (const y of years) total[y] = sumYear(inHorizon.has(y) ? e.total[y] : undefined, sections.map((s) => s.years[y]!));
  return deepFreeze({ label, title: a.title, years, sections, total: { id: '', title: b.presentation.totalLabel, side: undefined, years: total }, totalLabel: b.presentation.totalLabel });
}
