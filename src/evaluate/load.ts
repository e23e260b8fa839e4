/**
 * The public loader: reading a document (document/load.ts) and checking its printed totals (which evaluates).
 * @packageDocumentation
 */
import type { IssueCollector } from '../core/errors.js';
import type { Budget } from '../model/budget.js';
import { readBudget } from '../document/load.js';
import { JSON_LIMITS, MAX_VALUES_OPTION, type JsonLimits, type ValueLimits } from '../document/json.js';
import { oneOf, readOptions } from '../core/guard.js';
import { expectationChecks } from './evaluate.js';
import { compiledOf } from '../engine/compile.js';

/** Options of {@link loadBudget}. @category Documents */
export interface LoadOptions extends JsonLimits, ValueLimits {
  /**
   * What to do when a printed total in the document (a line, section or grand total) differs from the sum
   * of its rows by more than rounding can explain: `error` throws (code `total_mismatch`), `ignore` loads
   * anyway (the evaluation still reports it). Differences within rounding are never errors.
   * @defaultValue 'error'
   */
  readonly totals?: 'error' | 'ignore';
}

/**
 * Reads and validates a budget document (a {@link BudgetDocument} object or its JSON text) into a frozen
 * {@link Budget}: amounts exact in euros, signed as effect on the saldo.
 *
 * @remarks
 * Every problem is reported at once in one {@link MeerjarenError}, each with a code and the path of the
 * bad value (`sections[2].lines[0].values.2027`). The optional `cover` (dekking) and `targets`
 * (taakstellingen) parts are read after the sections, so that they can refer to rows; see `readCover` and
 * `readTargets` for their format and codes.
 *
 * @param input - the document, or its JSON text
 * @param options - limits and how to treat printed totals that do not add up
 * @throws MeerjarenError when the document is not valid
 * @example
 * ```ts
 * import { evaluate, loadBudget } from 'meerjaren';
 *
 * const tb1 = loadBudget(`{
 *   "format": "meerjaren/budget", "version": 1, "title": "TB1 2025", "unit": "thousand", "numberFormat": "nl",
 *   "horizon": { "from": 2025, "to": 2027, "budgetYear": 2026 },
 *   "sections": [{ "id": "1", "title": "Bestaand beleid", "lines": [
 *     { "id": "1.4", "title": "Uitvoeringscapaciteit Wmo", "nature": "incidental", "values": ["-1.100", "pm", "pm"] }
 *   ] }]
 * }`);
 * evaluate(tb1).total['2025']!.amount.toFixed(); // "-1100000": "-1.100" x € 1.000, exact in euros
 * ```
 * @category Documents
 */
export function loadBudget(input: unknown, options: LoadOptions = {}): Budget {
  options = readOptions('loadBudget', options, { ...JSON_LIMITS, maxValues: MAX_VALUES_OPTION, totals: oneOf(['error', 'ignore']) });
  const budget = readBudget(input, options, (options.totals ?? 'error') === 'error' ? checkPrintedTotals : undefined);
  // compiled once here (memoised per budget), so that evaluating it is a pass over dense arrays
  compiledOf(budget);
  return budget;
}

/** Adds a `total_mismatch` issue for every printed total that differs from its rows by more than rounding. @internal */
export function checkPrintedTotals(budget: Budget, collector: IssueCollector): void {
  for (const check of expectationChecks(budget)) {
    if (check.status === 'mismatch') {
      collector.add(
        'total_mismatch',
        check.pathSegments,
        `the printed ${check.scope} ${check.expected.toFixed()} differs from the sum of its rows ${check.actual.toFixed()} by ${check.difference.toFixed()} (more than rounding explains)`,
      );
    }
  }
}
