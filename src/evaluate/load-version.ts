/**
 * The public loader of a version document (stand): its fields and its budget, with the budget's printed totals
 * checked as `loadBudget` checks them.
 * @packageDocumentation
 */
import { deepFreeze } from '../core/freeze.js';
import { oneOf, readOptions } from '../core/guard.js';
import { JSON_LIMITS, MAX_VALUES_OPTION } from '../document/json.js';
import { readVersionDocument } from '../document/read-version.js';
import type { BudgetVersion } from '../model/versions.js';
import { checkPrintedTotals, type LoadOptions } from './load.js';

/**
 * Loads a version document (stand): `{ "format": "meerjaren/version", "version": 1, "name", "kind", "date"?,
 * "decision"?, "idMap"?, "budget": { ...a budget document } }`, as an object or its JSON text, into a frozen
 * {@link BudgetVersion}. Every problem at once: the version's fields at their names, the budget's at `budget.<path>`.
 * @param input - the document or its JSON text
 * @param options - limits, and how to treat printed totals that do not add up (as for `loadBudget`)
 * @example
 * ```ts
 * import { loadVersion } from 'meerjaren';
 *
 * const v = loadVersion({ format: 'meerjaren/version', version: 1, name: 'Begroting 2026', kind: 'begroting', date: '2025-11-06',
 *   budget: { format: 'meerjaren/budget', version: 1, title: 'Programma 2', unit: 'thousand', horizon: { from: 2026, to: 2029 },
 *     sections: [{ id: '4', title: 'Bezuinigingen', lines: [{ id: '4.1', title: 'Besparing subsidies Jeugd', nature: 'structural', values: [250, 250, 250, 250] }] }] } });
 * v.kind;                      // "begroting"
 * v.budget.horizon.years;      // [2026, 2027, 2028, 2029]
 * ```
 * @category Documents
 */
export function loadVersion(input: unknown, options: LoadOptions = {}): BudgetVersion {
  options = readOptions('loadVersion', options, { ...JSON_LIMITS, maxValues: MAX_VALUES_OPTION, totals: oneOf(['error', 'ignore']) });
  const read = readVersionDocument(input, options, (options.totals ?? 'error') === 'error' ? checkPrintedTotals : undefined);
  return deepFreeze({
    name: read.name!,
    kind: read.kind!,
    budget: read.budget,
    ...(read.date === undefined ? {} : { date: read.date }),
    ...(read.decision === undefined ? {} : { decision: read.decision }),
    ...(read.idMap === undefined ? {} : { idMap: read.idMap }),
  });
}
