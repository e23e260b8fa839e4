import { ZERO, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import type { Budget } from '../budget/model.js';
import { evaluate, type Total, type TotalsByYear } from '../evaluate/evaluate.js';
import type { ScenarioResult } from '../scenario/apply.js';

/** A budget, or the result of a scenario, that can be compared (vergelijkbaar). */
export type Comparable = Budget | ScenarioResult;

/** The difference between two figures in one year (verschil): `b - a`. */
export interface YearDifference {
  /** The figure in `a`; undefined when the row does not exist there. */
  readonly a: Total | undefined;
  /** The figure in `b`; undefined when the row does not exist there. */
  readonly b: Total | undefined;
  /** Difference in saldo, `b - a` (pm counts as 0; a missing row as 0). */
  readonly amount: Decimal;
  /** Difference in structural saldo (structureel saldo). */
  readonly structural: Decimal;
  /** Difference in incidental saldo. */
  readonly incidental: Decimal;
  /** Number of pm posts (lines with a pm) in `a`, in `b`, and `b - a`. */
  readonly pm: { readonly a: number; readonly b: number; readonly difference: number };
}

/** Differences of one row (line, section or total) per year. */
export interface RowDifference {
  /** Id of the line or section; empty for the total. */
  readonly id: string;
  /** Title (from `b` when it has the row, else from `a`). */
  readonly title: string;
  /** Where the row exists. */
  readonly presence: 'both' | 'only-a' | 'only-b';
  /** Per year ("2026"). */
  readonly years: Readonly<Record<string, YearDifference>>;
  /** Whether anything differs in any year (amounts or pm count). */
  readonly changed: boolean;
}

/** The comparison of two budgets or scenarios (vergelijking). A frozen value. */
export interface ScenarioComparison {
  /** Label of `a` (scenario title, or the budget's title). */
  readonly a: string;
  /** Label of `b`. */
  readonly b: string;
  /** Years compared (those of `b`'s horizon). */
  readonly years: readonly number[];
  /** The grand total (TOTAAL SALDO). */
  readonly total: RowDifference;
  /** Sections, in `b`'s order, then those only in `a`. */
  readonly sections: readonly RowDifference[];
  /** Lines, in `b`'s order, then those only in `a`. */
  readonly lines: readonly RowDifference[];
}

/** The budget of a comparable. */
export function budgetOf(x: Comparable): Budget {
  return 'patches' in x ? x.budget : x;
}

function labelOf(x: Comparable): string {
  return x.title;
}

const EMPTY_PM = (t: Total | undefined): number => t?.pm.length ?? 0;

function diffRow(id: string, title: string, years: readonly number[], a: TotalsByYear | undefined, b: TotalsByYear | undefined): RowDifference {
  const out: Record<string, YearDifference> = {};
  let changed = false;
  for (const year of years) {
    const ta = a?.[year];
    const tb = b?.[year];
    const amount = (tb?.amount ?? ZERO).minus(ta?.amount ?? ZERO);
    const structural = (tb?.structural ?? ZERO).minus(ta?.structural ?? ZERO);
    const incidental = (tb?.incidental ?? ZERO).minus(ta?.incidental ?? ZERO);
    const pm = { a: EMPTY_PM(ta), b: EMPTY_PM(tb), difference: EMPTY_PM(tb) - EMPTY_PM(ta) };
    if (!amount.isZero() || !structural.isZero() || pm.difference !== 0 || pm.a !== pm.b || (ta?.empty ?? true) !== (tb?.empty ?? true)) changed = true;
    out[year] = { a: ta, b: tb, amount: zero(amount), structural: zero(structural), incidental: zero(incidental), pm };
  }
  return { id, title, presence: a === undefined ? 'only-b' : b === undefined ? 'only-a' : 'both', years: out, changed };
}

function zero(d: Decimal): Decimal {
  return d.isZero() ? ZERO : d;
}

/**
 * Compares two budgets or scenario results (scenario's vergelijken): per line, section and total and per year,
 * the difference `b - a` in saldo, structural saldo and pm count. Either may be the baseline.
 *
 * @remarks
 * A line or section that exists in only one of them counts as 0 (and no pm) in the other. Years are those of
 * `b`'s horizon.
 * @param a - the reference (usually the baseline)
 * @param b - the variant
 */
export function compareScenarios(a: Comparable, b: Comparable): ScenarioComparison {
  const ea = evaluate(budgetOf(a));
  const eb = evaluate(budgetOf(b));
  const years = eb.years;
  const sections: RowDifference[] = [];
  const seenSections = new Set<string>();
  for (const s of eb.sections) {
    seenSections.add(s.id);
    sections.push(diffRow(s.id, s.title, years, ea.sections.find((x) => x.id === s.id)?.totals, s.totals));
  }
  for (const s of ea.sections) if (!seenSections.has(s.id)) sections.push(diffRow(s.id, s.title, years, s.totals, undefined));
  const lines: RowDifference[] = [];
  for (const s of eb.sections) for (const l of s.lines) lines.push(diffRow(l.id, l.title, years, ea.lines[l.id]?.totals, l.totals));
  for (const s of ea.sections) for (const l of s.lines) if (eb.lines[l.id] === undefined) lines.push(diffRow(l.id, l.title, years, l.totals, undefined));
  const total = diffRow('', budgetOf(b).presentation.totalLabel, years, ea.total, eb.total);
  return deepFreeze({ a: labelOf(a), b: labelOf(b), years, total, sections, lines });
}
