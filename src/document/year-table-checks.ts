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
import type { PrintedCheck, PrintedRowRole, PrintedRowRule } from './printed-table-types.js';

/** A value of a year table cell: an amount, a pm, or nil (with whether it was printed as a dash). */
export type YearCell = GridValue;

/** A data row of a year table before its role is known. */
export interface YearRowInput {
  /** The 0-based grid row. */
  readonly r: number;
  /** The label. */
  readonly label: string;
  /** The id cell ('' when none). */
  readonly id: string;
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
  const exported = exportRules(rows);
  for (const [i, row] of rows.entries()) {
    const rule = exported?.[i];
    if (rule !== undefined) {
      const values = new Map(row.cells.map((v, c) => [where.columns[c] ?? c, v] as const));
      gridRows.push({ index: row.r, label: row.label, role: rule.role, values, sign: 'voordeel-positive', rule, ruleIndex: 0 });
      continue;
    }
    const filled = row.cells.some((v) => v.kind !== 'nil');
    const dashes = row.cells.some((v) => v.kind === 'nil' && v.dash);
    const above = gridRows.some((x) => x.role === 'line' || x.role === 'total');
    const found = defaultRole(row.label, { filled, dashes, unreadable: 0, verdict: false, afterPart, above });
    // a year table has no text or verdict rows (an unreadable cell is an issue of its own)
    const role: YearTableRowRole = found === 'text' || found === 'verdict' ? 'line' : found;
    afterPart = role === 'part';
    const values = new Map(row.cells.map((v, c) => [where.columns[c] ?? c, v] as const));
    gridRows.push({ index: row.r, label: row.label, role, values, sign: 'voordeel-positive' });
  }
  const roles = gridRows.map((g) => g.role as YearTableRowRole);
  if (!roles.some((role) => role === 'total' || role === 'part' || role === 'derived')) return { roles, checks: [] };
  const columns = where.columns.map((index, i) => ({ index, header: where.headers[i] ?? '', role: 'year' as const, year: Number(where.headers[i]) }));
  const grid = { header: 0, columns, rows: gridRows, unit: wording.unit, sign: 'voordeel-positive' as const };
  // a cell that did not read is an issue already: a total over it is not refused a second time
  const read = !issues.hasIssues;
  const checks = checksOf(grid, computations(grid, issues), wording.locale, wording.locale);
  for (const check of checks) {
    if (check.status !== 'mismatch' || !read) continue;
    const advice =
      wording.locale === 'nl'
        ? 'lees de tabel met readPrintedTable, die elke controle teruggeeft en de rol van een rij laat declareren'
        : "read the table with readPrintedTable, which returns every check and lets a layout declare the row's role";
    issues.add('total_mismatch', cellAt(check.at.row, check.at.column), `${check.message}; ${advice}`);
  }
  return { roles, checks };
}

/** The ids tableToCsv writes with `ids: true`: the kind of the row, then the id of what it shows. */
export const EXPORT_ID = /^(?:section|line|component|subtotal):.|^total(?::|$)/;

/**
 * Whether the exported row `i` is a line printed as the sum of its components ("subtotal:line:1.1"): such a row is
 * followed by its components, a section subtotal ("subtotal:" and a section id, which may itself be "line:1") never.
 */
export function isLineSubtotal(ids: readonly string[], i: number): boolean {
  return (ids[i] ?? '').startsWith('subtotal:line:') && (ids[i + 1] ?? '').startsWith('component:');
}

/**
 * The rows of a table exported by tableToCsv with its ids ("section:1", "line:1.1", "component:1.1#1",
 * "subtotal:line:1.1" for a line printed as the sum of its components, "subtotal:1" for a section subtotal,
 * "total"), when every row has such an id: each row's role, and for a printed total the rows it adds, as the
 * export's table did (a line subtotal its components below it, a section subtotal the lines and components of its
 * section, the total the section subtotals or else every line and component).
 */
function exportRules(rows: readonly YearRowInput[]): (PrintedRowRule & { role: YearTableRowRole })[] | undefined {
  if (rows.length === 0 || !rows.every((row) => EXPORT_ID.test(row.id))) return undefined;
  const counted = (row: YearRowInput): boolean => row.id.startsWith('line:') || row.id.startsWith('component:');
  const sectionStart = (i: number): number => {
    for (let j = i; j >= 0; j--) if (rows[j]?.id.startsWith('section:') === true) return j;
    return 0;
  };
  const ids = rows.map((row) => row.id);
  const subtotals = rows.filter((row, i) => row.id.startsWith('subtotal:') && !isLineSubtotal(ids, i));
  return rows.map((row, i) => {
    if (row.id.startsWith('section:')) return { role: 'heading' };
    if (counted(row)) return { role: 'line' };
    if (isLineSubtotal(ids, i)) {
      const of: number[] = [];
      for (let j = i + 1; rows[j]?.id.startsWith('component:') === true; j++) of.push(rows[j]?.r ?? 0);
      return { role: 'total', of };
    }
    if (row.id.startsWith('subtotal:')) return { role: 'total', of: rows.slice(sectionStart(i), i).filter(counted).map((x) => x.r) };
    return { role: 'total', of: (subtotals.length > 0 ? subtotals : rows.slice(0, i).filter(counted)).map((x) => x.r) };
  });
}
