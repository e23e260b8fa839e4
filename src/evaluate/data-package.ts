/**
 * The public reader of a budget's data package: the document rebuilt from `datapackage.json` and the CSV
 * (`document/read-data-package.ts`), then loaded as `loadBudget` loads (which checks printed totals, so it sits here).
 * @module
 */
import { IssueCollector } from '../core/errors.js';
import { oneOf, readOptions, requireObject } from '../core/guard.js';
import type { Budget } from '../model/budget.js';
import { JSON_LIMITS, MAX_VALUES_OPTION } from '../document/json.js';
import { readDataPackageDocument } from '../document/read-data-package.js';
import { loadBudget, type LoadOptions } from './load.js';

/**
 * Reads a budget back from its Frictionless data package, as {@link toDataPackage} wrote it: `readDataPackage(
 * toDataPackage(b).files)` is a budget equal to `b` (pm posts, components, tags, ids, unit and sign, cover and
 * targets included).
 *
 * @remarks
 * Every CSV row is checked against the budget's frame in `datapackage.json`: its line and component must exist there,
 * with the same section, titles, nature and tags; its year must be in the horizon, once per row; it holds an amount
 * (plain decimal euros) or a pm. Rows may come in any order. The budget document is then loaded as `loadBudget` does.
 * @param files - the package's files by path: `datapackage.json` and the CSV it names, as texts
 * @param options - as {@link loadBudget} (JSON limits for `datapackage.json`, how to treat printed totals)
 * @throws MeerjarenError with every problem of the CSV at once (paths like `begroting.csv[3].amount`: the file, the
 *   row, the column): `unknown_reference`, `invalid_value`, `invalid_amount`, `invalid_year`, `year_outside_horizon`,
 *   `duplicate_year`, `missing_field`; and the loader's codes for the budget itself
 * @example
 * ```ts
 * import { budget, pm, readDataPackage, toDataPackage } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm], { nature: 'incidental' })
 *   .build();
 * const back = readDataPackage(toDataPackage(tb1).files);
 * back.sections[0]!.lines[0]!.values['2026']; // { kind: "pm" }: the pm survives
 * ```
 * @category Documents
 */
export function readDataPackage(files: Readonly<Record<string, string>>, options: LoadOptions = {}): Budget {
  requireObject('readDataPackage', 'files', files, 'the files of a data package by path ({ "datapackage.json": text, "begroting.csv": text })');
  options = readOptions('readDataPackage', options, { ...JSON_LIMITS, maxValues: MAX_VALUES_OPTION, totals: oneOf(['error', 'ignore']) });
  const issues = new IssueCollector();
  const document = readDataPackageDocument(files, options, issues);
  issues.throwIfAny();
  return loadBudget(document, options);
}
