import type { Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { resolvePresentation, type Presentation, type ResolvedPresentation } from './presentation.js';
import type { Table, TableCell, TableRow } from './table.js';
import { requirePresentation, requireTable } from './checks.js';
import { roundGrid, type GridRow } from './rounded-grid.js';

export { parentsFirst } from './table-check.js';

export { allocateRounded, allocateSteps, roundToStep } from './allocate-steps.js';
export type { AllocateOptions } from './allocate-steps.js';

/**
 * A table with its figures rounded for print (afgeronde tabel): every amount is a multiple of
 * {@link RoundedTable.step}, in euros, and rounding-difference rows are in place.
 * @category Reports
 */
export interface RoundedTable extends Table {
  /** Rows in print order, each rounding-difference row right after the total it belongs to. */
  readonly rows: readonly TableRow[];
  /** The display step in euros (x € 1.000 without decimals: 1000). */
  readonly step: Decimal;
  /** The settings the figures were rounded with. */
  readonly presentation: ResolvedPresentation;
  /** The rows of kind `rounding` that were added ("Afrondingsverschil"), also found in `rows`. */
  readonly differences: readonly TableRow[];
}

/**
 * Rounds a table's figures for print so that printed totals add up (tabel afronden).
 *
 * @remarks
 * `consistent` (the default): the rows no other row names in its `of` are rounded on their own;
 * then every total hands its rounded figure down to its parts with {@link allocateRounded},
 * recursively, so each total equals the sum of its printed parts and each part stays less than
 * one step from its exact value. pm and nil cells never change.
 *
 * `plain`: every cell is rounded on its own; where a total no longer equals the sum of its
 * printed parts, a row of kind `rounding` ("Afrondingsverschil") follows it, showing in each
 * column the printed total minus the sum of its printed parts (blank where that is 0).
 *
 * A row named by two totals keeps the figure the first one gave it; if the second cannot absorb
 * that, it too gets a rounding-difference row. A printed total never silently differs from the sum
 * of its printed parts.
 * @param table - exact table
 * @param presentation - settings; see {@link Presentation}
 * @throws MeerjarenError with every problem: `duplicate_id` (`rows[3].id`, or a row named twice in
 *   one `of`), `unknown_reference` (`rows[3].of[1]`), `cycle` (`rows[3].of`), `invalid_value`
 *   (`rows[3].cells`: not one cell per column), `invalid_amount` (`rows[3].cells[2]`: not finite),
 *   `total_mismatch` (`rows[3].cells[2]`: the exact figure is not the sum of its parts)
 * @example
 * ```ts
 * import { budget, pm, budgetTable, roundTable } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const rounded = roundTable(budgetTable(tb1), { unit: 'million', decimals: 1 });
 * rounded.step.toFixed(); // "100000": figures are whole multiples of € 0,1 mln; rows add up to their totals
 * ```
 * @category Reports
 */
export function roundTable(table: Table, presentation?: Presentation): RoundedTable {
  requireTable('roundTable', table);
  requirePresentation('roundTable', presentation);
  const grid = roundGrid(table, resolvePresentation(presentation));
  const built = new Map<GridRow, TableRow>();
  const rows = grid.rows.map((g): TableRow => {
    const row = g.row;
    const cells = row.cells.map((cell, c): TableCell => ({ ...cell, amount: grid.amount(g, c) }));
    const printed: TableRow = { ...row, cells, ...(row.of === undefined ? {} : { of: [...row.of] }) };
    built.set(g, printed);
    return printed;
  });
  return deepFreeze({
    title: table.title,
    columns: table.columns.map((column) => ({ ...column })),
    ...(table.labelHeader === undefined ? {} : { labelHeader: table.labelHeader }),
    rows,
    step: grid.step,
    presentation: grid.presentation,
    differences: grid.differences.map((g) => built.get(g)!),
  });
}
