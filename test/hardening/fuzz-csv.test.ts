import fc from 'fast-check';
import { assertNoPoisoning, restoreGlobals } from '@fast-check/poisoning';
import { afterAll, describe, expect, it } from 'vitest';
import { unitFactor, type Nature, type SignConvention, type Unit } from '../../src/model/budget.js';
import { Dec } from '../../src/core/decimal.js';
import { MeerjarenError } from '../../src/core/errors.js';
import { countWork, type WorkCount } from '../../src/core/work.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { readYearTable, type CsvSeparator, type YearTable, type YearTableOptions } from '../../src/document/csv.js';
import { yearTableToDocument } from '../../src/document/year-table.js';
import { orRefused } from '../helpers.js';
import { hostileCsvTexts } from './hostile-texts.js';

/**
 * Issue 7, loader fuzzing of CSV year tables (jaartabellen): generated tables (separators ";" and ",", quoting,
 * doubled quotes, line breaks in fields, BOM, CRLF/LF/CR, Dutch and English numbers, pm, "-", blanks, id columns),
 * then mutated (cells, headers, and the text itself: quotes, separators, control characters, random bytes), read with
 * `readYearTable` under locale 'nl', 'en' and 'auto', and when they read, turned into a budget with
 * `yearTableToDocument` and `loadBudget`. Only a MeerjarenError may escape, no prototype may be polluted, and the
 * work of reading a text, and of reading, converting and loading it, is linear in its length: the steps counted
 * (src/core/work.ts: characters and fields split, cells looked at, amounts read, values parsed and walked) stay
 * under {@link WORK_PER_CHARACTER} per character. Counted, not timed, so that a busy machine cannot fail the test;
 * `npm run bench -- --loaders` prints the times.
 * A generated table that was not mutated reads back exactly: every amount, pm and blank as written.
 */

const DEEP = Boolean(process.env.MEERJAREN_DEEP);
/** Per test: generated and mutated texts together make 10 000 CSV documents in CI. */
const RUNS = DEEP ? 50_000 : 5_000;
/** A guard against a hang, not a limit on speed (as vitest.config.ts): a busy machine may take minutes. */
const TIMEOUT = DEEP ? 1_800_000 : 600_000;
/**
 * Most counted steps per character of a CSV text (plus {@link WORK_BASE}) that reading it, and reading, converting
 * and loading it, may take. Linear work stays far below it (see the printed maxima); a walk per cell through the
 * columns or rows before it passes it on any text of a few kilobytes.
 */
const WORK_PER_CHARACTER = 16;
/** Steps any text may take whatever its length. */
const WORK_BASE = 2000;
const IGNORED = { ignoredRootRegex: /^(__vitest.*|AbortController|__VITEST.*)$/ };
const KB64 = 64 * 1024;

const stats = { inputs: 0, read: 0, loaded: 0, refused: 0, checked: 0, maxRead: 0, maxReadBytes: 0, busiestRead: '', maxLoad: 0, maxLoadBytes: 0 };

/** What `f` returns (`undefined` when it refuses with a MeerjarenError; anything else is thrown again), and its work. */
function workOf<T>(f: () => T): { value: T | undefined; work: WorkCount } {
  let value: T | undefined;
  const work = countWork(
    () => (value = f()),
    (e) => {
      if (!MeerjarenError.is(e)) throw e;
      expect(e.issues.length).toBeGreaterThan(0);
    },
  );
  return { value, work };
}

// ---- generated year tables -------------------------------------------------------------------------

type Locale = 'nl' | 'en';
/** What a cell must read as: an exact amount (plain decimal), a pm token or blank; `undefined` where it need not read. */
type Expected = string | 'pm' | '-pm' | '+pm' | null | undefined;
interface Cell {
  readonly text: string;
  readonly expected: Expected;
}

/** Groups the integer digits in threes with `mark`. */
const group = (digits: string, mark: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, mark);

/** An amount written in `locale`, with what it must read as. */
const amountCell = (locale: Locale): fc.Arbitrary<Cell> =>
  fc
    .record({
      int: fc.oneof(fc.bigInt({ min: 0n, max: 9_999n }), fc.bigInt({ min: 0n, max: 999_999_999_999n })),
      fraction: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.stringMatching(/^\d{1,4}$/) }),
      grouped: fc.boolean(),
      sign: fc.constantFrom('', '', '', '-', '+', 'trailing', 'N', 'V', '\u2212'),
    })
    .map(({ int, fraction, grouped, sign }) => {
      const [mark, point] = locale === 'nl' ? ['.', ','] : [',', '.'];
      const digits = int.toString();
      const body = (grouped ? group(digits, mark) : digits) + (fraction === '' ? '' : point + fraction);
      const negative = sign === '-' || sign === 'trailing' || sign === 'N' || sign === '\u2212';
      const text = sign === 'trailing' ? `${body}-` : sign === '' ? body : `${sign}${body}`;
      const value = new Dec(`${digits}${fraction === '' ? '' : `.${fraction}`}`);
      const expected = (negative && !value.isZero() ? value.neg() : value).toFixed();
      return { text, expected };
    });

const specialCell: fc.Arbitrary<Cell> = fc.constantFrom<Cell>(
  { text: '', expected: null },
  { text: '-', expected: null },
  { text: ' ', expected: null },
  { text: 'pm', expected: 'pm' },
  { text: 'PM', expected: 'pm' },
  { text: '-pm', expected: '-pm' },
  { text: '+Pm', expected: '+pm' },
  { text: ' - pm ', expected: '-pm' },
  { text: "'-pm", expected: '-pm' },
  { text: '0', expected: '0' },
  { text: '-0', expected: '0' },
);

/** Cells no locale reads, or that only the other locale reads: the reader must refuse them, never guess. */
const BAD_CELLS = [
  '1e5', '1E-3', '0x1F', '0b101', '1_000', 'NaN', 'Infinity', '-Infinity', '€ 1.000', 'EUR 1.000', '(1.000)', '1.2.3,4,5', '1 000', '--5', '+-5',
  '5--', 'N-5', 'p.m.', 'pm pm', 'abc', '12a', '1,234.56', '1.234,56', '1.234', '1,234', '12.500.000', '9'.repeat(19), `0.${'1'.repeat(7)}`, '٣', '１２',
  '\u00a0', '\u200b1', '1\u0000', '=1+1', '@SUM(A1)', "'=1+1", '\t5', '5\r', '"', '""', ';', ',',
];

const labelArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Noodopvang Oekraïne', 'Werkbudget Wmo', '- kosten noodopvang', 'Jeugd; GGD', 'Jeugd, GGD', 'Schuld "hulp"', 'Regel\nmet overloop', '€ 1.000 extra') },
  { weight: 1, arbitrary: fc.constantFrom("'=SUM(A1)", '+31 70', '@team', ' Voorloopspatie', '__proto__', 'constructor') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '' && !/^\d{4}$/.test(s.trim())) },
);

interface Table {
  readonly locale: Locale;
  readonly preamble: readonly (readonly string[])[];
  readonly header: readonly string[];
  /** Number of leading columns before the years (id and label, or label). */
  readonly lead: number;
  readonly rows: readonly (readonly Cell[])[];
  readonly ids: boolean;
}

/** A year table valid by construction: every cell reads in `locale`, ids unique, labels present. */
const tableArb: fc.Arbitrary<Table> = fc
  .record({
    locale: fc.constantFrom<Locale>('nl', 'en'),
    ids: fc.boolean(),
    idHeader: fc.constantFrom('id', 'Nr', 'nr.', 'Nummer', 'CODE'),
    labelHeader: fc.constantFrom('Omschrijving', 'Omschrijving (bedragen x € 1.000; voordeel +)', '', 'Label'),
    from: fc.integer({ min: 2020, max: 2030 }),
    years: fc.integer({ min: 1, max: 7 }),
    preamble: fc.subarray([['Programma 2 Samen leven'], ['(bedragen x € 1.000)'], ['', 'TB1', 'MJB 2026 - 2029']]),
  })
  .chain(({ locale, ids, idHeader, labelHeader, from, years, preamble }) => {
    const cell = fc.oneof({ weight: 5, arbitrary: amountCell(locale) }, { weight: 2, arbitrary: specialCell });
    const row = fc.tuple(labelArb, fc.array(cell, { minLength: years, maxLength: years }));
    return fc.array(row, { maxLength: 8 }).map((rows): Table => {
      const yearHeaders = Array.from({ length: years }, (_, i) => String(from + i));
      const lead = ids ? 2 : 1;
      return {
        locale,
        ids,
        preamble,
        lead,
        header: [...(ids ? [idHeader] : []), labelHeader, ...yearHeaders],
        rows: rows.map(([label, cells], r) => [...(ids ? [{ text: r % 3 === 2 ? '' : `${Math.floor(r / 2) + 1}.${r + 1}`, expected: undefined }] : []), { text: label, expected: undefined }, ...cells]),
      };
    });
  });

// ---- table mutations -------------------------------------------------------------------------------

const tableMutation = fc.oneof(
  fc.record({ m: fc.constant('cell' as const), row: fc.nat(), col: fc.nat(), text: fc.oneof(fc.constantFrom(...BAD_CELLS), fc.string({ maxLength: 6 })) }),
  fc.record({ m: fc.constant('header' as const), col: fc.nat(), text: fc.constantFrom('__proto__', 'constructor', 'Prototype', '2025', '2026', '1899', '2201', '0000', '20250', 'Toelichting', 'id', '', ' 2027 ') }),
  fc.record({ m: fc.constant('widen' as const), row: fc.nat(), text: fc.constantFrom('extra', '1', '', 'pm') }),
  fc.record({ m: fc.constant('repeat' as const), row: fc.nat(), times: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ m: fc.constant('drop' as const), row: fc.nat() }),
);
type TableMutation = typeof tableMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateTable(table: Table, m: TableMutation): Table {
  const rows = table.rows.map((r) => [...r]);
  const header = [...table.header];
  switch (m.m) {
    case 'cell': {
      const row = rows[m.row % Math.max(1, rows.length)];
      if (row !== undefined && row.length > 0) row[m.col % row.length] = { text: m.text, expected: undefined };
      break;
    }
    case 'header':
      header[m.col % header.length] = m.text;
      break;
    case 'widen':
      rows[m.row % Math.max(1, rows.length)]?.push({ text: m.text, expected: undefined });
      break;
    case 'repeat': {
      const row = rows[m.row % Math.max(1, rows.length)];
      if (row !== undefined) for (let i = 0; i < m.times; i++) rows.push(row);
      break;
    }
    case 'drop':
      rows.splice(m.row % Math.max(1, rows.length), 1);
      break;
  }
  return { ...table, header, rows };
}

// ---- writing the text ------------------------------------------------------------------------------

interface Style {
  readonly separator: CsvSeparator;
  readonly quoting: 'minimal' | 'all' | 'mixed';
  readonly eol: '\r\n' | '\n' | '\r';
  readonly bom: boolean;
  readonly trailing: boolean;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  separator: fc.constantFrom<CsvSeparator>(';', ','),
  quoting: fc.constantFrom('minimal' as const, 'all' as const, 'mixed' as const),
  eol: fc.constantFrom('\r\n' as const, '\n' as const, '\r' as const),
  bom: fc.boolean(),
  trailing: fc.boolean(),
});

/** Writes rows as CSV in a style (RFC 4180 quoting: doubled quotes; separators and line breaks inside quotes). */
function writeText(rows: readonly (readonly string[])[], style: Style): string {
  let n = 0;
  const field = (cell: string): string => {
    n++;
    const needs = cell.includes(style.separator) || /["\r\n]/.test(cell);
    const quoted = needs || style.quoting === 'all' || (style.quoting === 'mixed' && n % 3 === 0);
    return quoted ? `"${cell.replace(/"/g, '""')}"` : cell;
  };
  const body = rows.map((row) => row.map(field).join(style.separator)).join(style.eol);
  return (style.bom ? '\ufeff' : '') + body + (style.trailing ? style.eol : '');
}

const rowsOf = (table: Table): string[][] => [...table.preamble.map((r) => [...r]), [...table.header], ...table.rows.map((r) => r.map((c) => c.text))];

// ---- mutations of the text -------------------------------------------------------------------------

const TEXT_FRAGMENTS = ['"', '""', '"""', ';', ',', '\n', '\r', '\r\n', '\ufeff', '\u0000', '\u001b', '\u2028', '\ud800', '\t', ';;;;', ',,,,', '"a;b"', '"x\ny"', '2025', ';2026', '__proto__', "'", '=', '-', 'pm', '1.234,5', '1,234.5'];

const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TEXT_FRAGMENTS), fc.string({ maxLength: 4, unit: 'binary' }), fc.string({ maxLength: 4, unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateText(text: string, m: TextMutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'bytes':
      // random bytes as a file read with the wrong encoding would give them
      return text.slice(0, at) + new TextDecoder('utf-8').decode(m.bytes) + String.fromCharCode(...m.bytes) + text.slice(at);
  }
}

// ---- one attempt -----------------------------------------------------------------------------------

interface Conversion {
  readonly unit: Unit;
  readonly nature: Nature;
  readonly sign: SignConvention;
  readonly budgetYear: 'first' | 'last' | 'outside';
}

const conversionArb: fc.Arbitrary<Conversion> = fc.record({
  unit: fc.constantFrom<Unit>('euro', 'thousand', 'million'),
  nature: fc.constantFrom<Nature>('incidental', 'structural'),
  sign: fc.constantFrom<SignConvention>('voordeel-positive', 'nadeel-positive'),
  budgetYear: fc.constantFrom('first' as const, 'first' as const, 'last' as const, 'outside' as const),
});

interface Case {
  readonly text: string;
  readonly options: YearTableOptions;
  readonly conversion: Conversion;
  /** The table the text was written from, when the text is that table unchanged (then it must read back exactly). */
  readonly exact?: Table;
}

function convert(table: YearTable, c: Conversion): ReturnType<typeof yearTableToDocument> {
  const years = table.years;
  const budgetYear = c.budgetYear === 'first' ? undefined : c.budgetYear === 'last' ? Math.max(...years) : Math.max(...years) + 1;
  return yearTableToDocument(table, { title: 'Jaartabel', unit: c.unit, nature: c.nature, sign: c.sign, ...(budgetYear === undefined ? {} : { budgetYear }) });
}

/**
 * Reads, converts and loads one text; counts the reader's work (and the whole way's when the document is under
 * 64 KB) and returns the reader's.
 */
function attempt({ text, options, conversion, exact }: Case): number {
  const { value: table, work: read } = workOf(() => readYearTable(text, options));
  stats.inputs++;
  if (read.total / Math.max(1, text.length) > stats.maxRead / Math.max(1, stats.maxReadBytes) && text.length > 256) {
    Object.assign(stats, { maxRead: read.total, maxReadBytes: text.length, busiestRead: JSON.stringify(text.slice(0, 120)) });
  }
  expect(read.total, `reading a CSV text of ${text.length} characters took ${read.total} steps (${JSON.stringify(read.counts)}): ${JSON.stringify(text.slice(0, 300))}`).toBeLessThanOrEqual(
    WORK_PER_CHARACTER * text.length + WORK_BASE,
  );
  if (exact !== undefined && options.separator !== 'auto' && options.locale === exact.locale) {
    // a clean table with its own separator and locale always reads, and reads back exactly
    expect(table, `a clean table did not read: ${JSON.stringify(text)}`).toBeDefined();
    checkExact(table!, exact);
  }
  if (table === undefined) {
    stats.refused++;
    return read.total;
  }
  stats.read++;
  const { value: doc, work: converting } = workOf(() => convert(table, conversion));
  const { value: budget, work: loading } = doc === undefined ? { value: undefined, work: undefined } : workOf(() => loadBudget(doc));
  const load = { total: converting.total + (loading?.total ?? 0), counts: loading?.counts ?? converting.counts };
  if (budget !== undefined) {
    stats.loaded++;
    // evaluating is not loading; it is checked here on budgets of a reasonable size (a 60 KB CSV can hold 15 000 lines)
    if (table.rows.length <= 500) orRefused(() => evaluate(budget));
    if (exact !== undefined && conversion.sign === 'voordeel-positive' && conversion.budgetYear !== 'outside') checkBudget(budget, table, conversion.unit);
  }
  const docBytes = doc === undefined ? 0 : JSON.stringify(doc).length;
  if (text.length < KB64 && docBytes < KB64) {
    // reading, converting and loading: linear in the text too (the document is at most a constant times longer)
    const total = read.total + load.total;
    if (total / Math.max(1, text.length) > stats.maxLoad / Math.max(1, stats.maxLoadBytes) && text.length > 256) Object.assign(stats, { maxLoad: total, maxLoadBytes: text.length });
    expect(total, `reading and loading a CSV text of ${text.length} characters took ${total} steps (${JSON.stringify(load.counts)})`).toBeLessThanOrEqual(WORK_PER_CHARACTER * text.length + WORK_BASE);
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  return read.total;
}

/** The table read is the table written: years, ids, every value. */
function checkExact(table: YearTable, written: Table): void {
  stats.checked++;
  expect(table.years).toEqual(written.header.slice(written.lead).map(Number));
  expect(table.locale).toBe(written.locale);
  const data = written.rows.filter((r) => r.some((c) => c.text.trim() !== '' && c.text.trim() !== "'"));
  expect(table.rows.map((r) => r.values.map((v) => (v === null || typeof v === 'string' ? v : v.toFixed())))).toEqual(data.map((r) => r.slice(written.lead).map((c) => c.expected)));
  if (written.ids) expect(table.rows.map((r) => r.id ?? '')).toEqual(data.map((r) => r[0]?.text.trim() ?? ''));
}

/** The budget holds every amount of the table in euros, and every pm. */
function checkBudget(budget: ReturnType<typeof loadBudget>, table: YearTable, unit: Unit): void {
  // a heading (a row without amounts) starts a section; every other row is a line
  const lines = budget.sections.flatMap((s) => s.lines);
  const rows = table.rows.filter((row) => row.role !== 'heading');
  expect(lines).toHaveLength(rows.length);
  rows.forEach((row, i) => {
    // a line nil in every year (a row of dashes) is a line of zeros
    const zeros = row.values.every((v) => v === null);
    row.values.forEach((value, c) => {
      const cell = lines[i]?.values[table.years[c] ?? 0];
      if (value === null) expect(zeros ? String(cell) : cell).toBe(zeros ? '0' : undefined);
      else if (typeof value === 'string') expect(cell).toMatchObject({ kind: 'pm' });
      else expect(String(cell)).toBe(value.times(unitFactor(unit)).toFixed());
    });
  });
}

const optionsArb = (table: Table, style: Style): fc.Arbitrary<YearTableOptions> =>
  fc.record({ locale: fc.constantFrom<YearTableOptions['locale']>('nl', 'en', 'auto', table.locale, table.locale), separator: fc.constantFrom<CsvSeparator | 'auto'>('auto', style.separator, style.separator) });

const generatedCase: fc.Arbitrary<Case> = fc
  .tuple(tableArb, styleArb, conversionArb)
  .chain(([table, style, conversion]) => optionsArb(table, style).map((options): Case => ({ text: writeText(rowsOf(table), style), options, conversion, exact: table })));

const mutatedCase: fc.Arbitrary<Case> = fc
  .tuple(tableArb, styleArb, conversionArb, fc.array(tableMutation, { maxLength: 3 }), fc.array(textMutation, { maxLength: 3 }))
  .filter(([, , , tm, xm]) => tm.length + xm.length > 0)
  .chain(([table, style, conversion, tableMutations, textMutations]) => {
    const mutated = tableMutations.reduce(mutateTable, table);
    const text = textMutations.reduce(mutateText, writeText(rowsOf(mutated), style));
    return optionsArb(table, style).map((options): Case => ({ text, options, conversion }));
  });

describe('CSV year table fuzzing', () => {
  afterAll(() => {
    console.info(
      `fuzz-csv: ${stats.inputs} inputs; ${stats.read} read (${stats.checked} compared cell by cell with what was written), ${stats.loaded} loaded as budgets, ${stats.refused} refused with MeerjarenError; ` +
        `most work per character of a read (texts over 256 characters): ${(stats.maxRead / Math.max(1, stats.maxReadBytes)).toFixed(2)} steps (${stats.maxRead} for ${stats.maxReadBytes} characters: ${stats.busiestRead}); ` +
        `of a read + convert + load with a document under 64 KB: ${(stats.maxLoad / Math.max(1, stats.maxLoadBytes)).toFixed(2)} steps (${stats.maxLoad} for ${stats.maxLoadBytes} characters; limit ${WORK_PER_CHARACTER} per character + ${WORK_BASE})`,
    );
    restoreGlobals(IGNORED);
  });

  it(`${RUNS} generated year tables read back exactly, convert and load: only MeerjarenError, no poisoning, work linear in the length`, () => {
    fc.assert(fc.property(generatedCase, (c) => void attempt(c)), { numRuns: RUNS });
    assertNoPoisoning(IGNORED);
  }, TIMEOUT);

  it(`${RUNS} mutated year tables and texts: only MeerjarenError, no poisoning, work linear in the length`, () => {
    fc.assert(fc.property(mutatedCase, (c) => void attempt(c)), { numRuns: RUNS });
    assertNoPoisoning(IGNORED);
  }, TIMEOUT);

  it('hostile CSV texts near 64 KB are read (or refused) in work linear in their length', () => {
    const near = 60 * 1024;
    const conversion: Conversion = { unit: 'thousand', nature: 'structural', sign: 'voordeel-positive', budgetYear: 'first' };
    const small = hostileCsvTexts(near / 8);
    hostileCsvTexts(near).forEach((text, n) => {
      expect(text.length).toBeLessThan(KB64);
      for (const locale of ['nl', 'auto'] as const) {
        // eight times the text is at most three times eight times the work (quadratic work would be 64 times)
        const [few, many] = [attempt({ text: small[n]!, options: { locale }, conversion }), attempt({ text, options: { locale }, conversion })];
        expect(many, `hostile text ${n} (${locale}): ${few} steps at ${small[n]!.length} characters, ${many} at ${text.length}`).toBeLessThanOrEqual(3 * 8 * few + WORK_BASE);
      }
    });
    assertNoPoisoning(IGNORED);
  });
});
