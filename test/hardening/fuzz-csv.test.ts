import fc from 'fast-check';
import { assertNoPoisoning, restoreGlobals } from '@fast-check/poisoning';
import { cpus, loadavg } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { unitFactor, type Nature, type SignConvention, type Unit } from '../../src/budget/model.js';
import { Dec } from '../../src/core/decimal.js';
import { loadBudget } from '../../src/document/load.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { readYearTable, type CsvSeparator, type YearTable, type YearTableOptions } from '../../src/report/csv.js';
import { yearTableToDocument } from '../../src/report/year-table-document.js';
import { orRefused } from '../helpers.js';

/**
 * Issue 7, loader fuzzing of CSV year tables (jaartabellen): generated tables (separators ";" and ",", quoting,
 * doubled quotes, line breaks in fields, BOM, CRLF/LF/CR, Dutch and English numbers, pm, "-", blanks, id columns),
 * then mutated (cells, headers, and the text itself: quotes, separators, control characters, random bytes), read with
 * `readYearTable` under locale 'nl', 'en' and 'auto', and when they read, turned into a budget with
 * `yearTableToDocument` and `loadBudget`. Only a MeerjarenError may escape, no prototype may be polluted, a text
 * under 64 KB is read in 50 ms (and read, converted and loaded in 50 ms when its budget document is under 64 KB).
 * A generated table that was not mutated reads back exactly: every amount, pm and blank as written.
 */

const DEEP = Boolean(process.env.MEERJAREN_DEEP);
/** Per test: generated and mutated texts together make 10 000 CSV documents in CI. */
const RUNS = DEEP ? 50_000 : 5_000;
/** vitest's 60 s per test is too little for a deep run. */
const TIMEOUT = DEEP ? 1_800_000 : 60_000;
/**
 * 50 ms per input, stretched when the machine is busier than it has cores (as in fuzz.test.ts); read when it is
 * checked, since other test files start and stop while this one runs.
 */
const limitMs = (): number => 50 * Math.max(1, (loadavg()[0] ?? 0) / Math.max(1, cpus().length));
const IGNORED = { ignoredRootRegex: /^(__vitest.*|AbortController|__VITEST.*)$/ };
const KB64 = 64 * 1024;

const stats = { inputs: 0, read: 0, loaded: 0, refused: 0, checked: 0, maxReadMs: 0, maxReadBytes: 0, slowestRead: '', maxLoadMs: 0, maxLoadBytes: 0 };

/** Best time of `f` over its first run `ms` and up to five more while above the limit (two at least). */
function retime(ms: number, f: () => void): number {
  let best = ms;
  for (let i = 0; i < 5 && (i < 2 || best > limitMs()); i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
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

/** Reads, converts and loads one text; times the reader (and the whole way when the document is under 64 KB). */
function attempt({ text, options, conversion, exact }: Case): void {
  const t0 = performance.now();
  const table = orRefused(() => readYearTable(text, options));
  const readMs = performance.now() - t0;
  stats.inputs++;
  if (text.length < KB64 && readMs > stats.maxReadMs) {
    const best = retime(readMs, () => orRefused(() => readYearTable(text, options)));
    if (best > stats.maxReadMs) Object.assign(stats, { maxReadMs: best, maxReadBytes: text.length, slowestRead: JSON.stringify(text.slice(0, 120)) });
    expect(best, `reading a CSV text of ${text.length} characters took ${best.toFixed(1)} ms: ${JSON.stringify(text.slice(0, 300))}`).toBeLessThanOrEqual(limitMs());
  }
  if (exact !== undefined && options.separator !== 'auto' && options.locale === exact.locale) {
    // a clean table with its own separator and locale always reads, and reads back exactly
    expect(table, `a clean table did not read: ${JSON.stringify(text)}`).toBeDefined();
    checkExact(table!, exact);
  }
  if (table === undefined) {
    stats.refused++;
    return;
  }
  stats.read++;
  const t1 = performance.now();
  const doc = orRefused(() => convert(table, conversion));
  const budget = doc === undefined ? undefined : orRefused(() => loadBudget(doc));
  const loadMs = readMs + performance.now() - t1;
  if (budget !== undefined) {
    stats.loaded++;
    // evaluating is not loading; it is checked here on budgets of a reasonable size (a 60 KB CSV can hold 15 000 lines)
    if (table.rows.length <= 500) orRefused(() => evaluate(budget));
    if (exact !== undefined && conversion.sign === 'voordeel-positive' && conversion.budgetYear !== 'outside') checkBudget(budget, table, conversion.unit);
  }
  const docBytes = doc === undefined ? 0 : JSON.stringify(doc).length;
  if (text.length < KB64 && docBytes < KB64 && loadMs > stats.maxLoadMs) {
    const best = retime(loadMs, () => {
      const again = orRefused(() => readYearTable(text, options));
      if (again !== undefined) orRefused(() => loadBudget(convert(again, conversion)));
    });
    if (best > stats.maxLoadMs) Object.assign(stats, { maxLoadMs: best, maxLoadBytes: text.length });
    expect(best, `reading and loading a CSV text of ${text.length} characters took ${best.toFixed(1)} ms`).toBeLessThanOrEqual(limitMs());
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
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
  const lines = budget.sections[0]?.lines ?? [];
  expect(lines).toHaveLength(table.rows.length);
  table.rows.forEach((row, i) => {
    row.values.forEach((value, c) => {
      const cell = lines[i]?.values[table.years[c] ?? 0];
      if (value === null) expect(cell).toBeUndefined();
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
        `slowest read under 64 KB: ${stats.maxReadMs.toFixed(2)} ms for ${stats.maxReadBytes} characters (${stats.slowestRead}); ` +
        `slowest read + convert + load with a document under 64 KB: ${stats.maxLoadMs.toFixed(2)} ms for ${stats.maxLoadBytes} characters (limit at the end ${limitMs().toFixed(0)} ms)`,
    );
    restoreGlobals(IGNORED);
  });

  it(`${RUNS} generated year tables read back exactly, convert and load: only MeerjarenError, no poisoning, in time`, () => {
    fc.assert(fc.property(generatedCase, attempt), { numRuns: RUNS });
    assertNoPoisoning(IGNORED);
  }, TIMEOUT);

  it(`${RUNS} mutated year tables and texts: only MeerjarenError, no poisoning, in time`, () => {
    fc.assert(fc.property(mutatedCase, attempt), { numRuns: RUNS });
    assertNoPoisoning(IGNORED);
  }, TIMEOUT);

  it('hostile CSV texts near 64 KB are read (or refused) in time', () => {
    const near = 60 * 1024;
    const rows = (header: string, row: (i: number) => string, eol = '\r\n'): string => {
      const out = [header];
      for (let i = 0, size = header.length; size < near; i++) {
        const r = row(i);
        out.push(r);
        size += r.length + eol.length;
      }
      return out.join(eol);
    };
    const cols = (n: number, f: (i: number) => string, sep = ';'): string => Array.from({ length: n }, (_, i) => f(i)).join(sep);
    const years301 = cols(301, (i) => String(1900 + i));
    let n = 0;
    const texts = [
      rows('Omschrijving;2025', (i) => `a;${i % 10}`),
      rows('id;Omschrijving;2025;2026;2027;2028;2029;2030', (i) => `${i};a;1;2;3;4;5;6`),
      rows('Omschrijving;2025;2026;2027', () => 'a;1.234;2,5;-'),
      rows('Omschrijving,2025,2026', () => '"a, b","1,234.5",pm', '\n'),
      rows('Omschrijving;2025', () => 'a;1', '\r'),
      rows('id;Omschrijving;2025', () => 'a;b;1'),
      rows('Omschrijving;2025', () => 'a;1e5'),
      rows('Omschrijving;2025', () => '"x ""y"" z";-pm'),
      rows(`Omschrijving;${years301}`, () => `a;${cols(301, () => String(n++))}`).slice(0, near),
      rows(`Omschrijving;${years301}`, () => `a;${cols(301, () => `${n++ % 1000}.${n % 7}`)}`).slice(0, near),
      rows(`Omschrijving;${years301}`, () => `a;${cols(301, () => `"${n++ % 1000},${n % 7}"`)}`).slice(0, near),
      `Omschrijving;2025;${cols(6000, (i) => `c${i}`)}\r\nx;1;${cols(6000, () => 'x')}`,
      `Omschrijving;2025\r\nx;1;${cols(near / 2 - 20, () => 'x')}`,
      `Omschrijving;${cols(near / 5 - 4, () => '2025')}`,
      `Omschrijving;${cols(near / 5 - 4, (i) => String(1000 + (i % 9000)))}\r\nx;${cols(near / 5 - 4, () => '1')}`.slice(0, near),
      `Omschrijving;2025\r\n"${'""'.repeat(near / 2 - 20)}";1`,
      `Omschrijving;2025\r\n"${'x;\r\n'.repeat(near / 4 - 10)}";1`,
      `"${'a'.repeat(near)}`,
      ';'.repeat(near) + '2025',
      ','.repeat(near / 2) + ';'.repeat(near / 2) + '\n2025',
      '"'.repeat(near),
      '\ufeff' + '\r\n'.repeat(near / 2) + 'x;2025',
      rows('Omschrijving;2025', (i) => `${'x'.repeat(i % 2000)};1`),
      rows('Omschrijving;2025', () => `a;${'9'.repeat(30)}`),
      rows('Omschrijving;2025', () => `a;${'1.'.repeat(20)}5`),
    ];
    const conversion: Conversion = { unit: 'thousand', nature: 'structural', sign: 'voordeel-positive', budgetYear: 'first' };
    for (const text of texts) {
      expect(text.length).toBeLessThan(KB64);
      for (const locale of ['nl', 'auto'] as const) attempt({ text, options: { locale }, conversion });
    }
    assertNoPoisoning(IGNORED);
  });
});
