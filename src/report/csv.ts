import type { CsvSeparator } from '../document/csv.js';
import { roundTable, type RoundedTable } from './allocate.js';
import { formatResolvedCell } from './format.js';
import { UNIT_FACTORS, resolvePresentation, unitLine, type NumberLocale, type Presentation } from './presentation.js';
import { NUMBER_LOCALES } from '../document/locale-amount.js';
import { groupRuns } from './render-common.js';
import type { Table } from './table.js';
import { arrayOf, boolean, describeValue, oneOf, readOptions, requireArgument, type OptionCheck } from '../core/guard.js';
import { requirePresentation, requireTable } from './checks.js';

/** Options for writing CSV. @category Reports */
export interface CsvWriteOptions {
  /**
   * Field separator.
   * @defaultValue `';'` (what Dutch Excel opens directly)
   */
  readonly separator?: CsvSeparator;
  /**
   * Number format of amounts (tableToCsv), and the default of `bom`.
   * @defaultValue `'nl'`: decimal comma, "-2100,5"
   */
  readonly locale?: NumberLocale;
  /**
   * Start with a UTF-8 byte order mark, so Excel reads "€" and "ë" correctly.
   * @defaultValue `true` for locale 'nl', `false` for 'en'
   */
  readonly bom?: boolean;
}

const BOM = '\ufeff';
const CRLF = '\r\n';
/** Leading white space a spreadsheet may trim before it reads a cell (spaces of every width, tabs, line breaks). */
const LEADING_SPACE = /^[\s\u200b\ufeff]+/u;
/** A bare number ("-2100", "-2.100", "1083,5"): a spreadsheet reads it as a number, never a formula. */
const BARE_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/;
/** After a leading + or -, only words and spaces: at most the negation of a name ("-pm", "- kosten"), which runs nothing. */
const PLAIN_TAIL = /^[\p{L}\p{M}\p{N}\s._']*$/u;

/**
 * Writes rows of text as CSV (RFC 4180): CRLF line ends, fields quoted when they hold the
 * separator, a quote or a line break, quotes doubled.
 *
 * @remarks
 * Formula injection is neutralised: a cell a spreadsheet would run as a formula gets a leading apostrophe
 * (`'=SUM(A1)`). That is a cell that, past leading spaces, tabs and line breaks, and with the fullwidth and
 * small forms ＝＋－＠ read as `= + - @`, starts with `=` or `@`, or starts with `+` or `-` followed by more than
 * words and spaces (`'-1+2`, `'+cmd|' /C calc'!A0`, `'-SUM(A1)`). A bare number ("-2100", "-2.100") and a label
 * such as "- kosten noodopvang", "-pm" or "+pm" are written as they are: a spreadsheet reads them as a number or
 * as text (at most the negation of a name), and runs nothing.
 * @param rows - rows of cells, each row at least one cell
 * @param options - see {@link CsvWriteOptions}
 * @example
 * ```ts
 * import { writeCsv } from 'meerjaren';
 *
 * writeCsv([['Omschrijving', '2025'], ['=1+1', '-2100']]);
 * // "\ufeffOmschrijving;2025\r\n'=1+1;-2100\r\n": the formula-like text is neutralised
 * ```
 * @category Reports
 */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  requireArgument('writeCsv', 'rows', rows, CSV_ROWS);
  options = readOptions('writeCsv', options, WRITE_OPTIONS);
  const separator = options.separator ?? ';';
  const bom = options.bom ?? (options.locale ?? 'nl') === 'nl';
  const lines = rows.map((row) => row.map((cell) => quote(neutralise(cell), separator)).join(separator) + CRLF);
  return (bom ? BOM : '') + lines.join('');
}

/** A list of rows, each a list of texts. */
const CSV_ROWS: OptionCheck = arrayOf(
  arrayOf((value, path, collector) => {
    if (typeof value !== 'string') collector.add('invalid_option', path, `a CSV cell must be a text, not ${describeValue(value)}`);
  }),
);
const SEPARATOR = oneOf([';', ',']);
const LOCALE = oneOf(NUMBER_LOCALES);
const WRITE_OPTIONS = { separator: SEPARATOR, locale: LOCALE, bom: boolean };
const TABLE_CSV_OPTIONS = { ...WRITE_OPTIONS, ids: boolean, round: boolean };

/** {@link tableToCsv} under another public name (renderCsv): its arguments checked in that name. @internal */
export function tableToCsvAs(fn: string, table: Table, presentation: Presentation | undefined, options: TableCsvOptions | undefined): string {
  requireTable(fn, table);
  requirePresentation(fn, presentation);
  options = readOptions(fn, options, TABLE_CSV_OPTIONS);
  return tableToCsvChecked(table, presentation ?? {}, options);
}

/** The cell with a leading apostrophe when a spreadsheet would run it as a formula (see {@link writeCsv}). */
function neutralise(cell: string): string {
  return isFormula(cell) ? `'${cell}` : cell;
}

/**
 * Whether a spreadsheet would run a cell as a formula: read past leading white space, with fullwidth and small
 * forms (＝＋－＠, ﹦﹢﹣﹫) and the minus sign − read as = + - @, it starts with `=` or `@`, or with `+` or `-`
 * followed by more than words and spaces (an operator, a bracket, a quote, `|` or `!` of a link to another
 * program or sheet). A bare number and "-pm" or "- kosten" are not formulas.
 */
function isFormula(cell: string): boolean {
  const text = cell.replace(LEADING_SPACE, '').normalize('NFKC').replace(/^\u2212/, '-');
  const first = text[0];
  if (first === '=' || first === '@') return true;
  if (first !== '+' && first !== '-') return false;
  return !BARE_NUMBER.test(text) && !PLAIN_TAIL.test(text.slice(1));
}

function quote(cell: string, separator: CsvSeparator): string {
  return cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Options of {@link tableToCsv}. @category Reports */
export interface TableCsvOptions extends CsvWriteOptions {
  /**
   * Put the row ids in a first column "id" ("section:1", "line:1.1", "component:1.1#1", "total"; a line printed
   * as the sum of its components "subtotal:line:1.1"), from which {@link readYearTable} reads the budget back.
   * @defaultValue `false`
   */
  readonly ids?: boolean;
  /**
   * Round the figures for print as the presentation says ({@link roundTable}: its decimals and rounding policy,
   * with rounding-difference rows), instead of writing each amount in full precision.
   * @defaultValue `false`: every amount exact in the display unit ("-2100,5" is € 2.100.500 nadeel under x € 1.000)
   */
  readonly round?: boolean;
}

/**
 * Writes a table as CSV for a spreadsheet (CSV-export): a row of column groups (when there are
 * any), a header row (the label header with the unit line, then the column labels) and one row
 * per table row, figures in full precision (or rounded with {@link roundTable} when `options.round` is set).
 * {@link readYearTable} reads it back.
 *
 * @remarks
 * Amounts are bare numbers in the display unit without grouping ("-2100", "-2100,5" under 'nl')
 * so a spreadsheet reads them as numbers; exact to the last digit (€ 1.083.333,33 is "1083,33333" under
 * x € 1.000) unless `options.round` asks for the presentation's rounding. Signs follow the presentation's sign
 * convention with a plain minus whatever its notation. A pm prints its token ("pm", "-pm", "+pm"); a total that
 * holds a pm prints its amount only, so the column stays numeric; nil prints an empty cell.
 * @param table - exact table
 * @param presentation - settings; its locale is the default of `options.locale`
 * @param options - see {@link TableCsvOptions}
 * @example
 * ```ts
 * import { budget, pm, budgetTable, tableToCsv } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * tableToCsv(budgetTable(tb1));
 * // BOM, ';' and CRLF: "...1.4 Uitvoeringscapaciteit Wmo;-1100;pm;pm\r\n..."
 * tableToCsv(budgetTable(tb1), { unit: 'euro' }, { separator: ',', locale: 'en', bom: false });
 * ```
 * @category Reports
 */
export function tableToCsv(table: Table, presentation: Presentation = {}, options: TableCsvOptions = {}): string {
  return tableToCsvAs('tableToCsv', table, presentation, options);
}

function tableToCsvChecked(table: Table, presentation: Presentation, options: TableCsvOptions): string {
  const rounded = options.round === true ? roundTable(table, presentation) : table;
  const p = options.round === true ? (rounded as RoundedTable).presentation : resolvePresentation(presentation);
  const locale = options.locale ?? p.locale;
  const factor = UNIT_FACTORS[p.unit];
  const lead = (id: string): string[] => (options.ids === true ? [id] : []);
  const rows: string[][] = [];
  const runs = groupRuns(rounded.columns);
  if (runs.length > 0) {
    rows.push([...lead(''), '', ...runs.flatMap((run) => [run.label ?? '', ...Array<string>(run.last - run.first).fill('')])]);
  }
  // figures go out with a plain minus whatever the notation, so the unit line names the sign convention
  // (only the vn notation changes the unit line; any other is taken as it is, not resolved again)
  const unit = unitLine(p.notation === 'vn' ? { ...p, notation: 'minus' } : p);
  const header = rounded.labelHeader === undefined ? unit : `${rounded.labelHeader} (${unit})`;
  rows.push([...lead('id'), header, ...rounded.columns.map((column) => column.label)]);
  for (const row of rounded.rows) {
    const cells = row.cells.map((cell) => {
      if (row.kind === 'heading') return '';
      if (cell.amount === undefined) return cell.pm ? formatResolvedCell(cell, { ...p, notation: 'minus' }) : '';
      const shown = p.sign === 'nadeel-positive' && !cell.amount.isZero() ? cell.amount.neg() : cell.amount;
      const text = shown.div(factor).toFixed(options.round === true ? p.decimals : undefined);
      return locale === 'nl' ? text.replace('.', ',') : text;
    });
    // a line printed as the sum of its components says so in its id, so that readYearTable reads it back as one
    rows.push([...lead(row.kind === 'subtotal' && row.id.startsWith('line:') ? `subtotal:${row.id}` : row.id), row.label, ...cells]);
  }
  return writeCsv(rows, { ...(options.separator === undefined ? {} : { separator: options.separator }), ...(options.bom === undefined ? {} : { bom: options.bom }), locale });
}
