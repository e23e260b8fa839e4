/**
 * The rows of a year table (jaartabel) that are not lines: headings, printed totals, waarvan and structural rows,
 * by the printed-table reader's default rules, and the check of every printed total against its rows.
 * @packageDocumentation
 */
import type { IssueCollector, Path } from '../core/errors.js';
import type { Unit } from '../model/budget.js';
import type { NumberLocale } from './locale-amount.js';
import { checksOf, computations } from './printed-table-checks.js';
import { defaultRole, type GridRow, type GridValue } from './printed-table-grid.js';
import type { PrintedCheck, PrintedRowRole } from './printed-table-types.js';

/** A value of a year table cell: an amount, a pm, or nil (with whether it was printed as a dash). */
export type YearCell = GridValue;

/** A data row of a year table before its role is known. */
export interface YearRowInput {
  /** The 0-based grid row. */
  readonly r: number;
  /** The label. */
  readonly label: string;
  /** Per year column (in order), its cell. */
  readonly cells: readonly YearCell[];
}

/** The roles a year table row can have: the printed-table roles without text and verdict rows. */
export type YearTableRowRole = Exclude<PrintedRowRole, 'text' | 'verdict'>;

/** Where the figures of a year table are: its year columns (0-based grid column, header). */
export interface YearColumns {
  readonly columns: readonly number[];
  readonly headers: readonly string[];
}

/**
 * The role of every row and the check of every printed total, waarvan-derived and structural row, as the
 * printed-table reader finds them. A check that is a `mismatch` is a `total_mismatch` issue: a year table has no
 * layout declaration, so the message points at readPrintedTable, which has one.
 */
export function yearTableRoles(
  rows: readonly YearRowInput[],
  where: YearColumns,
  wording: { locale: NumberLocale; unit: Unit },
  issues: IssueCollector,
  cellAt: (r: number, c: number) => Path,
): { roles: YearTableRowRole[]; checks: PrintedCheck[] } {
  const gridRows: GridRow[] = [];
  let afterPart = false;
  for (const row of rows) {
    const filled = row.cells.some((v) => v.kind !== 'nil');
    const dashes = row.cells.some((v) => v.kind === 'nil' && v.dash);
    const above = gridRows.some((x) => x.role === 'line' || x.role === 'total');
    const found = defaultRole(row.label, { filled, dashes, unreadable: 0, verdict: false, afterPart, above });
    // a year table has no text or verdict rows (an unreadable cell is an issue of its own)
    const role: YearTableRowRole = found === 'text' || found === 'verdict' ? 'line' : found;
    afterPart = role === 'part';
    const values = new Map(row.cells.map((v, i) => [where.columns[i] ?? i, v] as const));
    gridRows.push({ index: row.r, label: row.label, role, values, sign: 'voordeel-positive' });
  }
  const roles = gridRows.map((g) => g.role as YearTableRowRole);
  if (!roles.some((role) => role === 'total' || role === 'part' || role === 'derived')) return { roles, checks: [] };
  const columns = where.columns.map((index, i) => ({ index, header: where.headers[i] ?? '', role: 'year' as const, year: Number(where.headers[i]) }));
  const grid = { header: 0, columns, rows: gridRows, unit: wording.unit, sign: 'voordeel-positive' as const };
  const checks = checksOf(grid, computations(grid, issues), wording.locale, wording.locale);
  for (const check of checks) {
    if (check.status !== 'mismatch') continue;
    const advice =
      wording.locale === 'nl'
        ? 'lees de tabel met readPrintedTable, die elke controle teruggeeft en de rol van een rij laat declareren'
        : "read the table with readPrintedTable, which returns every check and lets a layout declare the row's role";
    issues.add('total_mismatch', cellAt(check.at.row, check.at.column), `${check.message}; ${advice}`);
  }
  return { roles, checks };
}
