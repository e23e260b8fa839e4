/**
 * The public loader of a version document (stand): its fields and its budget, with the budget's printed totals
 * checked as `loadBudget` checks them.
 * @packageDocumentation
 */
import { IssueCollector, fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { objectWith, oneOf, readOptions } from '../core/guard.js';
import { JSON_LIMITS, MAX_VALUES_OPTION } from '../document/json.js';
import { readVersionDocument } from '../document/read-version.js';
import type { Budget } from '../model/budget.js';
import type { BudgetVersion } from '../model/versions.js';
import { requireBudgetAt } from '../validate/result-checks.js';
import { checkPrintedTotals, type LoadOptions } from './load.js';
import { applyVersionMutations, checkVersionMutations } from './version-mutations.js';

/** Options of {@link loadVersion}: those of `loadBudget`, and the version before (to derive an omitted budget). @category Documents */
export interface LoadVersionOptions extends LoadOptions {
  /**
   * The version before this one: a document with mutations and without a budget gets the budget of `previous` with
   * the mutations applied. Not used when the document has its budget (`versionSeries` checks that one).
   */
  readonly previous?: BudgetVersion;
}

/**
 * Loads a version document (stand): `{ "format": "meerjaren/version", "version": 1, "name", "kind", "date"?,
 * "decision"?, "idMap"?, "budget": { ...a budget document } }`, as an object or its JSON text, into a frozen
 * {@link BudgetVersion}. Every problem at once: the version's fields at their names, the budget's at `budget.<path>`.
 *
 * @remarks
 * `"mutations"` (a scenario: `{ id, title, unit?, changes }`) are the changes that led to this version from the one
 * before; they are checked as a scenario (problems at `mutations.<path>`). A document with mutations may leave out
 * its budget: with `options.previous` the budget is that version's budget with the mutations applied; without it
 * the budget is `missing_field`.
 * @param input - the document or its JSON text
 * @param options - limits, how to treat printed totals that do not add up (as for `loadBudget`), the version before
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
export function loadVersion(input: unknown, options: LoadVersionOptions = {}): BudgetVersion {
  const fn = 'loadVersion';
  options = readOptions(fn, options, { ...JSON_LIMITS, maxValues: MAX_VALUES_OPTION, totals: oneOf(['error', 'ignore']), previous: objectWith(['name', 'kind', 'budget'], 'a version ({ name, kind, budget })') });
  const previous = options.previous === undefined ? undefined : requireBudgetAt(fn, ['options', 'previous', 'budget'], options.previous.budget);
  const read = readVersionDocument(input, options, (options.totals ?? 'error') === 'error' ? checkPrintedTotals : undefined);
  const issues = new IssueCollector();
  const mutations = read.mutations !== undefined && checkVersionMutations(read.mutations, ['mutations'], issues) ? read.mutations : undefined;
  issues.throwIfAny();
  let budget: Budget | undefined = read.budget;
  if (budget === undefined) {
    if (previous === undefined) fail('missing_field', ['budget'], `${fn}: a version document without its budget needs the version before it (options.previous) to derive the budget from its mutations`);
    budget = applyVersionMutations(previous, mutations!, ['mutations']).budget;
  }
  return deepFreeze({
    name: read.name!,
    kind: read.kind!,
    budget,
    ...(mutations === undefined ? {} : { mutations }),
    ...(read.date === undefined ? {} : { date: read.date }),
    ...(read.decision === undefined ? {} : { decision: read.decision }),
    ...(read.idMap === undefined ? {} : { idMap: read.idMap }),
  });
}
