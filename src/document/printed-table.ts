/**
 * Reading a table as it is published (gedrukte tabel): every printed total, subtotal, waarvan, structural and
 * sum figure becomes a check, never a line; the real lines become a budget document.
 * @packageDocumentation
 */
import { plainString } from '../core/decimal.js';
import { IssueCollector, fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { arrayOf, either, integer, object, oneOf, readOptions, requireArray, requireString, text } from '../core/guard.js';
import { NATURES, SIGN_CONVENTIONS, UNITS } from '../model/budget.js';
import { readRows } from './csv-rows.js';
import type { BudgetDocument, LineDocument, SectionDocument } from './format.js';
import { NUMBER_LOCALES } from './locale-amount.js';
import { checksOf, computations, verdictChecks } from './printed-table-checks.js';
import { readGrid, type Grid, type GridRow } from './printed-table-grid.js';
import { PRINTED_COLUMN_ROLES, PRINTED_ROW_ROLES, type PrintedLayout, type PrintedTable, type PrintedTableOptions } from './printed-table-types.js';

const ref = either(integer({ min: 0 }), text());
const ROW_RULE = object({
  row: integer({ min: 0 }), label: text(), pattern: text(), role: oneOf(PRINTED_ROW_ROLES), of: arrayOf(ref), plus: arrayOf(ref),
  minus: arrayOf(ref), sign: oneOf(SIGN_CONVENTIONS), nature: oneOf(NATURES),
});
const COLUMN_RULE = object({ column: integer({ min: 0 }), header: text(), role: oneOf(PRINTED_COLUMN_ROLES), year: integer({ min: 1000, max: 9999 }), of: arrayOf(ref) });
const OPTIONS = {
  locale: oneOf(NUMBER_LOCALES), unit: oneOf(UNITS), sign: oneOf(SIGN_CONVENTIONS), nature: oneOf(NATURES), language: oneOf(['nl', 'en']),
  title: text(), separator: oneOf([';', ',', 'auto']),
  layout: object({ header: integer({ min: 0 }), rows: arrayOf(ROW_RULE), columns: arrayOf(COLUMN_RULE) }),
};

/**
 * Reads a printed table from CSV text (gedrukte tabel inlezen): any separator, nl or en notation. See
 * {@link printedTableFromRows} for what the rows mean.
 * @param text - CSV text, as exported or pasted
 * @param options - see {@link PrintedTableOptions}
 * @returns the frozen {@link PrintedTable}: the document of the real lines, every check, every problem
 * @throws MeerjarenError `invalid_argument`, `invalid_option` or `unknown_option` for bad arguments, and the CSV
 *   codes (`invalid_csv`, `unterminated_quote`, `ambiguous_separator`); problems of the table itself are issues
 *   of the result, not thrown
 * @example
 * ```ts
 * import { readPrintedTable } from 'meerjaren';
 *
 * const table = readPrintedTable('Bedragen x € 1.000;;\nOmschrijving;2026;2027\nLasten;-1.500;-1.600\nBaten;200;200\nSaldo;-1.300;-1.401\n');
 * table.checks.map((c) => c.status); // ["ok", "rounding"]
 * table.checks[1]!.message;          // "Saldo 2027: gedrukt -1.401, som van de regels -1.400 (x € 1.000): afrondingsverschil -1"
 * ```
 * @category Documents
 */
export function readPrintedTable(text: string, options: PrintedTableOptions = {}): PrintedTable {
  requireString('readPrintedTable', 'text', text);
  options = readOptions('readPrintedTable', options, OPTIONS);
  return fromRows(readRows(text, { separator: options.separator ?? 'auto' }), options);
}

/**
 * Reads a printed table from a grid of strings (from CSV, or text pasted from a PDF and split into cells).
 *
 * @remarks
 * The header is the first row with a year ("2026"); a line above it "Bedragen x € 1.000" sets the unit and
 * "+ is nadeel" the sign convention. Columns left of the first year are the label, year columns are years;
 * any other column is an issue until the layout declares it. Default row roles: a label without figures is a
 * heading (a new block, a section of the document); a label beginning with Totaal, Subtotaal, Saldo,
 * Begrotingssaldo, Resultaat or Begrotingsresultaat is a total: directly after lines it adds the lines since the
 * previous total (a Subtotaal stops at the previous heading too), directly after a total it adds the totals not
 * yet added into another; "waarvan ..." is a part of the total above; "Structureel ..." after waarvan rows is
 * that total minus them; every other row (also "Af:" and "Bij:") is a line, added as printed. Cells "-", "–",
 * "—" and empty are nil, pm in every spelling is pm. A check is `rounding` when its difference is within
 * floor(n / 2) steps of the last printed digit (n the printed terms), else `mismatch`.
 * @param rows - the grid, row by row
 * @param options - see {@link PrintedTableOptions}
 * @returns the frozen {@link PrintedTable}
 * @throws MeerjarenError `invalid_argument`, `invalid_option` or `unknown_option` for bad arguments
 * @example
 * ```ts
 * import { printedTableFromRows } from 'meerjaren';
 *
 * const table = printedTableFromRows([
 *   ['', '2026'], ['Lasten', '-1.500'], ['Baten', '200'], ['Saldo', '-1.300'], ['waarvan incidenteel', '-100'], ['Structureel saldo', '-1.200'],
 * ], { nature: 'structural' });
 * table.ok;                                  // true
 * table.document.sections[0]!.lines.length;  // 2: only the real lines
 * ```
 * @category Documents
 */
export function printedTableFromRows(rows: readonly (readonly string[])[], options: PrintedTableOptions = {}): PrintedTable {
  requireArray('printedTableFromRows', 'rows', rows, 'a list of rows');
  rows.forEach((row, r) => {
    requireArray('printedTableFromRows', `rows[${r}]`, row, 'a list of cells');
    row.forEach((cell, c) => requireString('printedTableFromRows', `rows[${r}][${c}]`, cell));
  });
  options = readOptions('printedTableFromRows', options, OPTIONS);
  return fromRows(rows, options);
}

function fromRows(rows: readonly (readonly string[])[], options: PrintedTableOptions): PrintedTable {
  options.layout?.rows?.forEach((rule, i) => {
    if (rule.pattern === undefined) return;
    try {
      new RegExp(rule.pattern, 'iu');
    } catch {
      fail('invalid_option', ['options', 'layout', 'rows', i, 'pattern'], `layout.rows[${i}].pattern "${rule.pattern}" is not a regular expression`);
    }
  });
  const issues = new IssueCollector();
  const locale = options.locale ?? 'nl';
  const layout: PrintedLayout = options.layout ?? {};
  const given = { ...(options.unit === undefined ? {} : { unit: options.unit }), ...(options.sign === undefined ? {} : { sign: options.sign }) };
  const grid = readGrid(rows, locale, layout, given, issues);
  const language = options.language ?? locale;
  const comps = grid === undefined ? [] : computations(grid, issues);
  const checks = grid === undefined ? [] : [...checksOf(grid, comps, locale, language), ...verdictChecks(grid, comps, locale, language, issues)];
  checks.sort((a, b) => a.at.row - b.at.row || a.at.column - b.at.column);
  const document = grid === undefined ? emptyDocument(options) : toDocument(grid, options);
  const ok = !issues.hasIssues && checks.every((c) => c.status !== 'mismatch');
  return deepFreeze({ document, checks, issues: [...issues.issues], ok });
}

function emptyDocument(options: PrintedTableOptions): BudgetDocument {
  return { format: 'meerjaren/budget', version: 1, title: options.title ?? 'Gedrukte tabel', unit: options.unit ?? 'euro', horizon: { from: 2000, to: 2000 }, sections: [] };
}

const ID = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/;

/** The budget document of a grid's real lines: one section per block, ids where the labels print them. */
function toDocument(grid: Grid, options: PrintedTableOptions): BudgetDocument {
  const years = grid.columns.filter((c) => c.year !== undefined && c.role !== 'amount');
  const yearNumbers = years.map((c) => c.year ?? 0);
  const from = yearNumbers.length === 0 ? 2000 : Math.min(...yearNumbers);
  const to = yearNumbers.length === 0 ? 2000 : Math.max(...yearNumbers);
  const sections: { id: string; title: string; lines: LineDocument[] }[] = [];
  const ids = new Set<string>();
  const unique = (wanted: string | undefined, fallback: string): string => {
    const id = wanted !== undefined && !ids.has(wanted) ? wanted : fallback;
    ids.add(id);
    return id;
  };
  for (const row of grid.rows) {
    if (row.role === 'heading') {
      const m = ID.exec(row.label);
      sections.push({ id: unique(m?.[1], `S${sections.length + 1}`), title: m?.[2] ?? row.label, lines: [] });
    } else if (row.role === 'line') {
      if (sections.length === 0) sections.push({ id: unique(undefined, 'S1'), title: options.title ?? grid.title ?? 'Gedrukte tabel', lines: [] });
      const m = ID.exec(row.label);
      const nature = row.nature ?? options.nature;
      sections.at(-1)?.lines.push({ id: unique(m?.[1], `r${row.index + 1}`), title: m?.[2] ?? row.label, ...(nature === undefined ? {} : { nature }), values: lineValues(row, years, grid) });
    }
  }
  const kept: SectionDocument[] = sections.filter((s) => s.lines.length > 0);
  // the last row with figures, when it is a total, is the table's grand total
  let grandTotal: GridRow | undefined;
  for (const row of grid.rows) if (row.role === 'line' || row.role === 'total') grandTotal = row.role === 'total' ? row : undefined;
  return {
    format: 'meerjaren/budget',
    version: 1,
    title: options.title ?? grid.title ?? 'Gedrukte tabel',
    unit: grid.unit,
    sign: grid.sign,
    numberFormat: 'plain',
    horizon: { from, to },
    ...(options.nature === undefined ? {} : { defaults: { nature: options.nature } }),
    // the grand total keeps the label the table prints for it ("Saldo")
    ...(grandTotal === undefined ? {} : { totalLabel: grandTotal.label }),
    // a table that prints no numbers before its rows is shown without the ids made up for it
    ...(grid.rows.some((row) => row.role === 'line' && ID.exec(row.label) === null) ? { showIds: false } : {}),
    sections: kept,
  };
}

/** A line's values in the table's sign: nil years left out, except that a row of only dashes is zero. */
function lineValues(row: GridRow, years: Grid['columns'], grid: Grid): Record<string, string> {
  const values: Record<string, string> = {};
  const onlyDashes = years.every((c) => row.values.get(c.index)?.kind === 'nil');
  const flip = row.sign !== grid.sign;
  for (const column of years) {
    const value = row.values.get(column.index);
    const year = String(column.year);
    if (value?.kind === 'amount') values[year] = plainString(flip && !value.value.isZero() ? value.value.neg() : value.value);
    else if (value?.kind === 'pm') values[year] = flip && value.pm !== 'pm' ? (value.pm === '-pm' ? '+pm' : '-pm') : value.pm;
    else if (onlyDashes && value?.kind === 'nil' && value.dash) values[year] = '0';
  }
  return values;
}
