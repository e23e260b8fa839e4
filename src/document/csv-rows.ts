/**
 * Reading CSV (RFC 4180, as spreadsheets export it) into rows of text: the splitter. Year tables
 * out of it in `year-table-read.ts`; both re-exported from `csv.ts`.
 * @packageDocumentation
 */
import { deepFreeze } from '../core/freeze.js';
import { tally } from '../core/work.js';
import { fail, MeerjarenError, type Path } from '../core/errors.js';
import { oneOf, readOptions, requireString } from '../core/guard.js';

const BOM = '\ufeff';
const CRLF = '\r\n';

/** Field separator: ';' for Dutch Excel, ',' elsewhere. @category Documents */
export type CsvSeparator = ';' | ',';

/** The option checks of {@link readCsv}, shared with the year table reader. */
export const READ_OPTIONS = { separator: oneOf([';', ',', 'auto']) };

/** Options for reading CSV. @category Documents */
export interface CsvReadOptions {
  /**
   * Field separator; `'auto'` decides between ';' and ',' when the text leaves no doubt.
   * @defaultValue `'auto'`
   */
  readonly separator?: CsvSeparator | 'auto';
}

/**
 * Reads CSV (RFC 4180) into rows of text: quoted fields with doubled quotes, separators and
 * line breaks inside quotes, CRLF, LF or CR line ends, a leading byte order mark dropped.
 *
 * @remarks
 * `rows[r][c]` is record r, field c (0-based, as in error paths). Strict: a quote inside an
 * unquoted field, text after a closing quote, or an unclosed quote is an error. With separator
 * 'auto', ';' or ',' is chosen only when just one of them splits every record into the same
 * number of fields (or only one occurs); otherwise the error asks for the option.
 * @param text - the CSV text
 * @param options - see {@link CsvReadOptions}
 * @throws MeerjarenError `invalid_csv` or `unterminated_quote` (path `row[3].column[1]`), or
 *   `ambiguous_separator` (path `separator`)
 * @example
 * ```ts
 * import { readCsv } from 'meerjaren';
 *
 * readCsv('a;b\r\n"x;y";2\r\n'); // [["a", "b"], ["x;y", "2"]]: the separator is found, quotes are honoured
 * ```
 * @category Documents
 */
export function readCsv(text: string, options: CsvReadOptions = {}): readonly (readonly string[])[] {
  requireString('readCsv', 'text', text);
  options = readOptions('readCsv', options, READ_OPTIONS);
  return deepFreeze(readRows(text, options));
}

/** {@link readCsv} without freezing, for readers that copy the rows anyway. */
export function readRows(text: string, options: CsvReadOptions): string[][] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const separator = options.separator ?? 'auto';
  if (separator !== 'auto') return parseCsv(source, separator);
  const tries = ([';', ','] as const).map((sep) => {
    try {
      return { sep, rows: parseCsv(source, sep) };
    } catch (error) {
      if (MeerjarenError.is(error)) return { sep, error };
      throw error;
    }
  });
  const parsed = tries.flatMap((t) => (t.rows === undefined ? [] : [{ sep: t.sep, rows: t.rows }]));
  const splitting = parsed.filter((t) => t.rows.some((row) => row.length > 1));
  const even = splitting.filter((t) => sameWidth(t.rows));
  const chosen = splitting.length === 1 ? splitting[0] : even.length === 1 ? even[0] : splitting.length === 0 ? parsed[0] : undefined;
  if (chosen !== undefined) return chosen.rows;
  if (parsed.length === 0) throw tries[0]?.error;
  return fail('ambiguous_separator', ['separator'], "cannot tell whether ';' or ',' separates the fields; pass the separator option");
}

function sameWidth(rows: readonly string[][]): boolean {
  const widths = new Set(rows.filter((row) => row.length > 1 || row[0] !== '').map((row) => row.length));
  return widths.size === 1;
}

function parseCsv(text: string, separator: CsvSeparator): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  // one pass over the text per separator tried
  tally('csvChar', text.length);
  const at = (): Path => ['row', rows.length, 'column', row.length];
  const where = (): string => `row ${rows.length + 1}, column ${row.length + 1}`;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      let end = i + 1;
      for (;;) {
        const close = text.indexOf('"', end);
        if (close < 0) fail('unterminated_quote', at(), `${where()}: a quoted field is never closed`);
        field += text.slice(end, close);
        if (text[close + 1] === '"') {
          field += '"';
          end = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      if (i < text.length && !isEnd(text, i, separator))
        fail('invalid_csv', at(), `${where()}: text after the closing quote`);
    } else {
      const start = i;
      while (i < text.length && !isEnd(text, i, separator)) i++;
      field = text.slice(start, i);
      if (field.includes('"')) fail('invalid_csv', at(), `${where()}: a quote inside an unquoted field`);
    }
    tally('csvField');
    row.push(field);
    if (text[i] === separator) {
      i++;
      if (i === text.length) row.push('');
      continue;
    }
    rows.push(row);
    row = [];
    i += text.startsWith(CRLF, i) ? 2 : 1;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function isEnd(text: string, i: number, separator: CsvSeparator): boolean {
  const ch = text[i];
  return ch === separator || ch === '\n' || ch === '\r';
}
