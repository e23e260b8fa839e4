/**
 * Reading year tables (jaartabellen) out of CSV as spreadsheets export them.
 * @packageDocumentation
 */
import { Dec, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { tally } from '../core/work.js';
import { fail, IssueCollector, type Path } from '../core/errors.js';
import { UNITS, unitFactor, type Unit } from '../model/budget.js';
import { readPrintedAmount, type NumberLocale, type PrintedCellReading } from './locale-amount.js';
import { oneOf, requireOptions, requireString } from '../core/guard.js';
import { READ_OPTIONS, readRows, type CsvReadOptions } from './csv-rows.js';
import { millionScaleOf, unitOf } from './printed-table-grid.js';
import type { PrintedCheck, PrintedRowRole } from './printed-table-types.js';
import { yearTableRoles, type YearCell } from './year-table-checks.js';

const YEAR_TABLE_OPTIONS = { ...READ_OPTIONS, locale: oneOf(['nl', 'en', 'auto']), unit: oneOf(UNITS) };

/** A value read from a year table: an amount as typed, a pm (optionally signed), or nil. @category Documents */
export type YearTableValue = Decimal | 'pm' | '-pm' | '+pm' | null;

/** One row of a year table as read. @category Documents */
export interface YearTableRow {
  /** Id from the id column, when there is one and the cell is filled. */
  readonly id?: string;
  /** Label ("1.1 Noodopvang Oekraïne", "- kosten noodopvang"). */
  readonly label: string;
  /** One value per year, in the order of `years`. */
  readonly values: readonly YearTableValue[];
  /**
   * What the row is, by the printed-table reader's default rules: a `line`, a `heading` (a label without
   * figures), a printed `total` ("Totaal ...", "Saldo ...": checked against its rows, never a line), a `part` of
   * the total above ("waarvan ...") or a `derived` structural row ("Structureel saldo" after waarvan rows).
   * Absent in a year table made by hand: a line.
   */
  readonly role?: Exclude<PrintedRowRole, 'text' | 'verdict'>;
}

/** A year table as read from a spreadsheet export (jaartabel): plain data, not yet a budget. @category Documents */
export interface YearTable {
  /** The year columns, in file order. */
  readonly years: readonly number[];
  /** The number format the amounts were read in (decided by the file under 'auto'). */
  readonly locale: NumberLocale;
  /** Data rows in file order; empty rows are left out. */
  readonly rows: readonly YearTableRow[];
  /**
   * One check per printed total, structural and waarvan-derived cell, as {@link readPrintedTable} makes them
   * (`ok` or `rounding`: a `mismatch` is refused). Absent in a year table made by hand.
   */
  readonly checks?: readonly PrintedCheck[];
}

/** Options of {@link readYearTable}. @category Documents */
export interface YearTableOptions extends CsvReadOptions {
  /**
   * Number format of the amounts; 'auto' decides from the file and refuses a file where it
   * cannot ("1.234" alone could be either).
   */
  readonly locale: NumberLocale | 'auto';
  /**
   * Unit of the amounts, for "0,3 mln" and the words of the checks; default: from a text above the header or in
   * it ("Bedragen x € 1.000"), else unknown ("mln" is refused, checks are worded in euro).
   */
  readonly unit?: Unit;
}

const YEAR = /^\d{4}$/;
const ID_HEADER = /^(?:id|nr\.?|nummer|code)$/i;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

/**
 * Reads a year table as analysts export it from a spreadsheet (jaartabel inlezen).
 *
 * @remarks
 * The header row is the first row with a year ("2025") in it; rows above it (title, unit line,
 * column groups) are skipped. In the header: year columns, the label column (the first other
 * column), and optionally an id column before it headed "id", "nr", "nummer" or "code". Cells are read
 * by the printed-table reader's one cell reader, in the declared locale: "1.234,56", "-2.100", "2.100-"
 * (trailing minus), "N75", "(1.234)", "€ -1.234,50", "1.234,-", a non-breaking space grouping thousands,
 * "-/- 75", "75 N" / "75 V", "0,3 mln" (when the unit is known), pm in every spelling ("pm", "p.m.", "-pm"),
 * and "-", "–", "—" or blank for nil. The apostrophe {@link writeCsv} puts before a formula-like cell is
 * taken off. Amounts are returned as typed: in the file's unit and sign convention.
 *
 * Rows get the roles of {@link readPrintedTable}'s defaults: a label without figures is a `heading`; a label
 * beginning with Totaal, Subtotaal, Saldo, Begrotingssaldo, Resultaat or Begrotingsresultaat is a printed
 * `total` of the rows above it, "waarvan ..." a `part` and "Structureel ..." after it `derived`. Each printed
 * figure of those is checked (`checks`); one that differs by more than rounding is refused as
 * `total_mismatch`, with a message pointing at {@link readPrintedTable}, whose layout can declare the row.
 * In a table {@link tableToCsv} wrote with `ids: true` the ids name the rows' kinds, and each total is checked
 * against the rows that table summed ({@link yearTableToDocument} then reads the budget back).
 *
 * Every problem is reported at once, each with path `row[5].column[3]` (0-based, as in
 * {@link readCsv}) and the 1-based row and column in its message.
 * @param text - CSV text
 * @param options - see {@link YearTableOptions}
 * @throws MeerjarenError with codes `missing_field` (no header row, no label column, a row with
 *   values but no label), `invalid_year`, `duplicate_year`, `duplicate_key` (a header twice),
 *   `forbidden_key` (`__proto__`, `constructor`, `prototype`), `unknown_field` (data in a column
 *   that is neither label, id nor year), `duplicate_id`, `invalid_amount`, `amount_out_of_range`,
 *   `ambiguous_amount` (under 'auto'), `total_mismatch` (a printed total that is not the sum of its rows),
 *   `ambiguous_row` (a "waarvan" row under no total), and the codes of {@link readCsv}
 * @example
 * ```ts
 * import { readYearTable } from 'meerjaren';
 *
 * const sheet = readYearTable('Omschrijving;2025;2026\nUitvoeringscapaciteit Wmo;-1.100;pm\n', { locale: 'nl' });
 * sheet.years;            // [2025, 2026]
 * sheet.rows[0]!.values;  // ["-1100", "pm"]: plain decimal strings, still in the sheet's unit
 * ```
 * @category Documents
 */
export function readYearTable(text: string, options: YearTableOptions): YearTable {
  requireString('readYearTable', 'text', text);
  options = requireOptions('readYearTable', options, YEAR_TABLE_OPTIONS, ['locale']);
  const grid = readRows(text, options).map((row) => row.map((cell) => cell.replace(NEUTRALISED, '').trim()));
  const issues = new IssueCollector();
  const cellAt = (r: number, c: number): Path => ['row', r, 'column', c];
  const place = (r: number, c: number): string => `row ${r + 1}, column ${c + 1} (${columnName(c)})`;

  const h = grid.findIndex((row) => row.some((cell) => YEAR.test(cell)));
  if (h < 0) fail('missing_field', ['row', 0, 'column', 0], 'no header row with years ("2025") found');
  const header = grid[h] ?? [];
  const { years, yearColumns, idColumn, labelColumn, others } = readHeader(header, h, issues, cellAt, place);
  if (labelColumn === undefined) issues.add('missing_field', cellAt(h, 0), `${place(h, 0)}: no label column next to the years`);

  const body = grid.slice(h + 1).map((cells, i) => ({ r: h + 1 + i, cells }));
  const data = body.filter(({ cells }) => cells.some((cell) => cell !== ''));
  for (const { r, cells } of data) {
    cells.forEach((cell, c) => {
      tally('csvCell');
      if (cell !== '' && (others.has(c) || c >= header.length))
        issues.add('unknown_field', cellAt(r, c), `${place(r, c)}: a value in a column without a known header`);
    });
  }
  const unit = options.unit ?? unitOf([...grid.slice(0, h).flat(), ...header.filter((_, c) => !yearColumns.includes(c))]);
  const millionScale = unit === undefined ? undefined : millionScaleOf(unit);
  const factor = unit === undefined ? undefined : new Dec(unitFactor(unit));
  // readings by cell text, with the printed-table reader's one cell reader: 'auto' reads a cell in both locales
  // to decide, and the table reads it again below
  const memo = new Map<string, PrintedCellReading>();
  const read = (cell: string, as: NumberLocale): PrintedCellReading => {
    const key = `${as} ${cell}`;
    let reading = memo.get(key);
    if (reading === undefined) memo.set(key, (reading = readPrintedAmount(cell, as, millionScale, factor)));
    return reading;
  };
  const locale = options.locale === 'auto' ? decideLocale(data, yearColumns, issues, cellAt, place, read) : options.locale;

  const ids = new Set<string>();
  const rows: { id: string; label: string; values: YearTableValue[]; cells: YearCell[]; r: number }[] = [];
  for (const { r, cells } of data) {
    const figures = yearColumns.map((c): YearCell => {
      tally('csvCell');
      const cell = cells[c] ?? '';
      const reading = locale !== 'nl' && locale !== 'en' ? undefined : read(cell, locale);
      if (reading === undefined) return { kind: 'nil', dash: false };
      if (!reading.ok) {
        issues.add(reading.code, cellAt(r, c), `${place(r, c)}: ${reading.message}`);
        return { kind: 'nil', dash: false };
      }
      if ('nil' in reading) return { kind: 'nil', dash: cell !== '' };
      if ('pm' in reading) return { kind: 'pm', pm: reading.pm };
      return { kind: 'amount', value: reading.value };
    });
    const values = figures.map((v): YearTableValue => (v.kind === 'amount' ? v.value : v.kind === 'pm' ? v.pm : null));
    const label = labelColumn === undefined ? '' : (cells[labelColumn] ?? '');
    if (label === '' && labelColumn !== undefined)
      issues.add('missing_field', cellAt(r, labelColumn), `${place(r, labelColumn)}: a row with values needs a label`);
    const id = idColumn === undefined ? '' : (cells[idColumn] ?? '');
    if (id !== '' && idColumn !== undefined) {
      if (ids.has(id)) issues.add('duplicate_id', cellAt(r, idColumn), `${place(r, idColumn)}: id "${id}" is used twice`);
      ids.add(id);
    }
    rows.push({ id, label, values, cells: figures, r });
  }
  const headers = yearColumns.map((c) => header[c] ?? '');
  const { roles, checks } = yearTableRoles(rows, { columns: yearColumns, headers }, { locale: locale ?? 'nl', unit: unit ?? 'euro' }, issues, cellAt);
  issues.throwIfAny();
  const out = rows.map(({ id, label, values }, i): YearTableRow => ({ ...(id === '' ? {} : { id }), label, values, role: roles[i] ?? 'line' }));
  return deepFreeze({ years, locale: locale ?? 'nl', rows: out, checks });
}

/**
 * Decides 'nl' or 'en' from the amounts: a cell readable in one locale only votes for it; a cell
 * readable in both with different values ("1.234") is ambiguous. Mixed votes, or no vote and an
 * ambiguous cell, are `ambiguous_amount` issues.
 */
function decideLocale(
  data: readonly { readonly r: number; readonly cells: readonly string[] }[],
  yearColumns: readonly number[],
  issues: IssueCollector,
  cellAt: (r: number, c: number) => Path,
  place: (r: number, c: number) => string,
  read: (cell: string, locale: NumberLocale) => PrintedCellReading,
): NumberLocale | undefined {
  const votes = { nl: [] as [number, number][], en: [] as [number, number][] };
  const ambiguous: [number, number][] = [];
  for (const { r, cells } of data) {
    for (const c of yearColumns) {
      tally('csvCell');
      const cell = cells[c] ?? '';
      // a cell without '.' or ',' reads the same in both (and is read once below): no vote, never ambiguous
      if (!/[.,]/.test(cell)) continue;
      const nl = read(cell, 'nl');
      const en = read(cell, 'en');
      if (nl.ok && en.ok) {
        if ('value' in nl && 'value' in en && !nl.value.eq(en.value)) ambiguous.push([r, c]);
      } else if (nl.ok) votes.nl.push([r, c]);
      else if (en.ok) votes.en.push([r, c]);
    }
  }
  if (votes.nl.length > 0 && votes.en.length > 0) {
    const [minority] = votes.nl.length < votes.en.length ? votes.nl : votes.en;
    const [r, c] = minority ?? [0, 0];
    issues.add('ambiguous_amount', cellAt(r, c), `${place(r, c)}: the file mixes Dutch ("1.234,5") and English ("1,234.5") numbers; pass the locale`);
    return undefined;
  }
  if (votes.nl.length > 0) return 'nl';
  if (votes.en.length > 0) return 'en';
  for (const [r, c] of ambiguous) {
    issues.add('ambiguous_amount', cellAt(r, c), `${place(r, c)}: this number reads differently in Dutch and English; pass the locale`);
  }
  return ambiguous.length > 0 ? undefined : 'nl';
}

/** The columns of the header row `h`: the years, the id and label columns, and the columns with another header. */
function readHeader(
  header: readonly string[],
  h: number,
  issues: IssueCollector,
  cellAt: (r: number, c: number) => Path,
  place: (r: number, c: number) => string,
): { years: number[]; yearColumns: number[]; idColumn: number | undefined; labelColumn: number | undefined; others: Set<number> } {
  const years: number[] = [];
  const yearColumns: number[] = [];
  let idColumn: number | undefined;
  let labelColumn: number | undefined;
  // columns with a header that is neither a year, the id nor the label: a set, since every cell is looked up
  const others = new Set<number>();
  const seen = new Map<string, number>();
  header.forEach((name, c) => {
    const key = name.toLowerCase();
    if (FORBIDDEN.has(key)) {
      issues.add('forbidden_key', cellAt(h, c), `${place(h, c)}: "${name}" cannot be a header`);
      return;
    }
    if (key !== '' && seen.has(key)) {
      const code = YEAR.test(name) ? 'duplicate_year' : 'duplicate_key';
      issues.add(code, cellAt(h, c), `${place(h, c)}: "${name}" is also the header of column ${(seen.get(key) ?? 0) + 1}`);
      return;
    }
    seen.set(key, c);
    if (YEAR.test(name)) {
      const year = Number(name);
      if (year < 1900 || year > 2200) issues.add('invalid_year', cellAt(h, c), `${place(h, c)}: ${name} is not a plausible year`);
      years.push(year);
      yearColumns.push(c);
    } else if (idColumn === undefined && labelColumn === undefined && ID_HEADER.test(name)) idColumn = c;
    else if (labelColumn === undefined) labelColumn = c;
    else others.add(c);
  });
  return { years, yearColumns, idColumn, labelColumn, others };
}

/** Spreadsheet column name: 0 -> A, 26 -> AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
