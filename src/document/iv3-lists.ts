/**
 * Reading Iv3 lists (taakvelden, economische categorieën) out of CSV, as the informatievoorschrift's tables are
 * exported: `code;taakveld;hoofdtaakveld`, one entry a row. The list's version is the caller's to name.
 * @module
 */
import { deepFreeze } from '../core/freeze.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { boolean, requireOptions, requireString, text } from '../core/guard.js';
import { textProblem } from '../core/fields.js';
import type { Iv3Entry, Iv3Group, Iv3List, Iv3ListKind } from '../model/iv3.js';
import { READ_OPTIONS, readRows, type CsvReadOptions } from './csv-rows.js';
import { MAX_TEXT_LENGTH } from './ids.js';

/** Options of {@link readTaakveldList} and {@link readCategorieList}. @category Documents */
export interface Iv3ListOptions extends CsvReadOptions {
  /** The list's version, named in every finding against it ("2025", "Iv3 2026 v1.2"). Required. */
  readonly version: string;
  /** Where the list comes from, for a person. @defaultValue 'supplied by the user' */
  readonly source?: string;
  /** Whether the list holds every code of its version (see {@link Iv3List.complete}). @defaultValue true */
  readonly complete?: boolean;
}

const LIST_OPTIONS = { ...READ_OPTIONS, version: text({ nonEmpty: true }), source: text(), complete: boolean };

/** A group cell as the lists write it: "6 Sociaal domein" (code, a space, the title). */
const GROUP_CELL = /^(\S+)\s+(\S.*)$/;
/** A code: digits and letters in parts separated by dots ("0.10", "6.71a", "3.5.1"). */
const CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

/**
 * Reads a list of Iv3 taakvelden from CSV: a header row, then one taakveld a row with its code, its title and
 * optionally its hoofdtaakveld ("0 Bestuur en ondersteuning"): `code;taakveld;hoofdtaakveld`, as the list meerjaren
 * ships (`IV3_TAAKVELDEN`) is written. Columns are found by their position; the header is skipped.
 *
 * @param csv - the CSV text
 * @param options - the version (required), the source, the separator
 * @throws MeerjarenError with every problem: `invalid_value` (`row[3].column[0]`: not a code; `column[2]`: a group
 *   cell that is not "code title"), `missing_field` (an empty title, a missing header or no entries), `duplicate_id`
 *   (a code listed twice), and the CSV codes of `readCsv`
 * @example
 * ```ts
 * import { readTaakveldList } from 'meerjaren';
 *
 * const list = readTaakveldList('code;taakveld;hoofdtaakveld\n6.751;Jeugdhulp ambulant lokaal;6 Sociaal domein\n', { version: '2025' });
 * list.entries[0]!.group!.title; // "Sociaal domein"
 * ```
 * @category Documents
 */
export function readTaakveldList(csv: string, options: Iv3ListOptions): Iv3List {
  return readIv3List('readTaakveldList', 'taakveld', csv, options);
}

/**
 * Reads a list of Iv3 economische categorieën from CSV, in the layout of {@link readTaakveldList}:
 * `code;categorie;hoofdcategorie` ("3.5.1;Ingeleend personeel;3 Goederen en diensten").
 * @param csv - the CSV text
 * @param options - the version (required), the source, whether the list is complete, the separator
 * @throws MeerjarenError as {@link readTaakveldList}
 * @example
 * ```ts
 * import { readCategorieList } from 'meerjaren';
 *
 * const list = readCategorieList('code;categorie;hoofdcategorie\n4.3.1;Inkomensoverdrachten Rijk;4 Overdrachten\n', { version: 'mijn-1' });
 * list.entries.map((e) => e.code); // ["4.3.1"]
 * ```
 * @category Documents
 */
export function readCategorieList(csv: string, options: Iv3ListOptions): Iv3List {
  return readIv3List('readCategorieList', 'categorie', csv, options);
}

function readIv3List(fn: string, kind: Iv3ListKind, csv: string, options: Iv3ListOptions): Iv3List {
  requireString(fn, 'csv', csv);
  options = requireOptions(fn, options, LIST_OPTIONS, ['version']);
  const rows = readRows(csv, options.separator === undefined ? {} : { separator: options.separator });
  const issues = new IssueCollector();
  const entries: Iv3Entry[] = [];
  const seen = new Map<string, number>();
  const at = (r: number, c: number): Path => ['row', r, 'column', c];
  if (rows.length === 0 || rows[0]!.every((cell) => cell.trim() === '')) issues.add('missing_field', ['row', 0], `${fn}: the CSV has no header row (code;${kind};...)`);
  rows.forEach((row, r) => {
    if (r === 0 || row.every((cell) => cell.trim() === '')) return;
    const code = (row[0] ?? '').trim();
    const title = (row[1] ?? '').trim();
    const groupCell = (row[2] ?? '').trim();
    if (!CODE.test(code)) issues.add(code === '' ? 'missing_field' : 'invalid_value', at(r, 0), `row ${r + 1}: "${code}" is not an Iv3 code (parts of digits and letters separated by dots, "6.72")`);
    const problem = textProblem(title, MAX_TEXT_LENGTH, false);
    if (problem !== undefined) issues.add(problem === 'too-long' ? 'invalid_value' : 'missing_field', at(r, 1), `row ${r + 1}: the ${kind} ${code} needs a title of at most ${MAX_TEXT_LENGTH} characters`);
    let group: Iv3Group | undefined;
    if (groupCell !== '') {
      const match = GROUP_CELL.exec(groupCell);
      if (match === null || !CODE.test(match[1]!)) issues.add('invalid_value', at(r, 2), `row ${r + 1}: "${groupCell}" is not a group written as its code and title ("6 Sociaal domein")`);
      else group = { code: match[1]!, title: match[2]! };
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) issues.add('duplicate_id', at(r, 0), `row ${r + 1}: the ${kind} ${code} is listed before, in row ${earlier + 1}`);
    seen.set(code, r);
    entries.push(group === undefined ? { code, title } : { code, title, group });
  });
  if (rows.length > 0 && entries.length === 0 && !issues.hasIssues) issues.add('missing_field', ['row', 1], `${fn}: the list has no entries`);
  issues.throwIfAny();
  return deepFreeze({ kind, version: options.version, source: options.source ?? 'supplied by the user', complete: options.complete ?? true, entries });
}
