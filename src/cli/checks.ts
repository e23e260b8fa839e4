/**
 * The checks of printed totals as the command line shows them (controles): a mismatch is a failure, a rounding
 * difference (afrondingsverschil) a note, each in the table's own unit and sign convention.
 * @module
 */
import type { Decimal } from '../core/decimal.js';
import { issue, type Issue } from '../core/errors.js';
import { unitFactor, type Budget } from '../model/budget.js';
import type { Check } from '../model/evaluation.js';
import { evaluate } from '../evaluate/evaluate.js';
import { checkSentence, checkWording } from '../document/check-words.js';
import { locateIssues, type Diagnostic } from './diagnostics.js';

/** An amount in euros as a plain decimal in the table's unit and sign convention ("-151.176" x € 1.000 is "-151176"). */
function asPrinted(value: Decimal, budget: Budget): string {
  const scaled = value.div(unitFactor(budget.presentation.unit));
  const signed = budget.presentation.sign === 'nadeel-positive' && !scaled.isZero() ? scaled.neg() : scaled;
  return signed.toFixed();
}

/** What was checked, in words: "regel 1.1 2026", "onderdeel 3 2027", "totaal 2025". */
function subject(check: Check): string {
  const scope = check.scope === 'line' ? 'regel ' : check.scope === 'section' ? 'onderdeel ' : 'totaal';
  return `${scope}${check.id} ${check.year}`;
}

/**
 * A check with a non-ok status in words, in the table's unit and the wording of every check (document/check-words.ts):
 * "totaal 2028: gedrukt 1.500, som van de regels 1.501 (x € 1.000): afrondingsverschil -1".
 */
export function checkMessage(check: Check, budget: Budget): string {
  const words = checkWording('nl', budget.presentation.unit, 'nl');
  return checkSentence(words, subject(check), asPrinted(check.expected, budget), asPrinted(check.actual, budget), 'sum', check.status, asPrinted(check.difference, budget));
}

/** The printed totals of a budget that differ from their rows: mismatches (failures) and rounding differences (notes). */
export interface CheckFindings {
  /** Mismatches as `total_mismatch` issues at the printed figure. */
  readonly mismatches: readonly Issue[];
  /** Rounding differences, placed in the file where known (code `total_mismatch`, never a failure). */
  readonly notes: readonly Diagnostic[];
}

/**
 * The checks of a budget's printed totals that are not ok, as issues (mismatches) and notes (rounding), placed
 * in the budget's text.
 * @param budget - the budget (its evaluation is the one every report of it uses)
 * @param text - its JSON text
 */
export function checkFindings(budget: Budget, text: string): CheckFindings {
  const checks = evaluate(budget).checks;
  const toIssue = (c: Check): Issue => issue('total_mismatch', c.pathSegments, checkMessage(c, budget));
  return {
    mismatches: checks.filter((c) => c.status === 'mismatch').map(toIssue),
    notes: locateIssues(text, checks.filter((c) => c.status === 'rounding').map(toIssue), budget.horizon.from),
  };
}

/** Notes as `file:line:column: note: path: message`, one a line. */
export function describeNotes(file: string, notes: readonly Diagnostic[]): string {
  return notes.map((d) => `${d.line === undefined ? file : `${file}:${d.line}:${d.column}`}: note: ${d.path}: ${d.message}\n`).join('');
}
