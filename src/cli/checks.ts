/**
 * The checks of printed totals as the command line shows them (controles): a mismatch is a failure, a rounding
 * difference (afrondingsverschil) a note, each in the table's own unit and sign convention.
 * @module
 */
import { issue, type Issue } from '../core/errors.js';
import type { Budget } from '../model/budget.js';
import type { Check } from '../model/evaluation.js';
import { evaluate } from '../evaluate/evaluate.js';
import { checkNote } from '../report/check-notes.js';
import { locateIssues, type Diagnostic } from './diagnostics.js';

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
  const toIssue = (c: Check): Issue => issue('total_mismatch', c.pathSegments, checkNote(c, budget));
  return {
    mismatches: checks.filter((c) => c.status === 'mismatch').map(toIssue),
    notes: locateIssues(text, checks.filter((c) => c.status === 'rounding').map(toIssue), budget.horizon.from),
  };
}

/** Notes as `file:line:column: note: path: message`, one a line. */
export function describeNotes(file: string, notes: readonly Diagnostic[]): string {
  return notes.map((d) => `${d.line === undefined ? file : `${file}:${d.line}:${d.column}`}: note: ${d.path}: ${d.message}\n`).join('');
}
