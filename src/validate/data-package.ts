/**
 * The public writer of a budget's data package, around the unchecked writer in `document/data-package.ts`.
 * @module
 */
import { deepFreeze } from '../core/freeze.js';
import { fail } from '../core/errors.js';
import { readOptions, text } from '../core/guard.js';
import type { Budget } from '../model/budget.js';
import { writeDataPackage, type DataPackage } from '../document/data-package.js';
import { requireBudget } from './admit.js';

/** Options of {@link toDataPackage}. @category Documents */
export interface DataPackageOptions {
  /** The package's `name`: lower case letters, digits and `-._/`. @defaultValue 'meerjaren-begroting' */
  readonly name?: string;
}

const NAME = /^[-a-z0-9._/]+$/;

/**
 * Writes a budget as a Frictionless data package (datapakket): `datapackage.json` (profile `tabular-data-package`)
 * and `begroting.csv`, one row per filled cell with its section, line and component (ids and titles), nature, tags,
 * year and exact amount in euros (effect on the saldo, positive = voordeel) or pm. The table schema in the descriptor
 * types every column; the budget's frame (unit, sign, horizon, the rows without their cells, printed totals, cover,
 * targets) is in the descriptor under `meerjaren`, so that {@link readDataPackage} reads back the identical budget.
 *
 * @remarks
 * Summing `amount` per year over the CSV gives the grand total (pm counted as 0): a subtotal line's printed figures
 * are in the frame, not in the CSV. Write the files with any file API (`fs.writeFileSync(path, text)` in Node); the
 * function itself touches no file system and runs in a browser.
 * @param budget - the budget
 * @param options - the package name
 * @example
 * ```ts
 * import { budget, pm, toDataPackage } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm], { nature: 'incidental', tags: { taakveld: '6.6' } })
 *   .build();
 * const pkg = toDataPackage(tb1);
 * Object.keys(pkg.files);          // ["datapackage.json", "begroting.csv"]
 * pkg.files['begroting.csv'];      // "section,sectionTitle,line,...\r\n1,Bestaand beleid,1.4,...,2025,-1100000,\r\n..."
 * ```
 * @category Documents
 */
export function toDataPackage(budget: Budget, options?: DataPackageOptions): DataPackage {
  const checked = requireBudget('toDataPackage', 'budget', budget);
  const read = readOptions('toDataPackage', options, { name: text({ nonEmpty: true }) });
  if (read.name !== undefined && !NAME.test(read.name)) fail('invalid_option', ['options', 'name'], `toDataPackage: a package name holds lower case letters, digits and -._/ only, not "${read.name}"`);
  return deepFreeze(writeDataPackage(checked, read.name ?? 'meerjaren-begroting'));
}
