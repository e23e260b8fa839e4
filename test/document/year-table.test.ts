import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { MeerjarenError } from '../../src/core/errors.js';
import { readYearTable, type YearTable, type YearTableOptions } from '../../src/document/csv.js';
import { yearTableToDocument } from '../../src/document/year-table.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { budgetTable } from '../../src/report/budget-table.js';
import { renderText } from '../../src/report/render-text.js';

const cell = (text: string, options: Partial<YearTableOptions> = {}): string => {
  const csv = `Omschrijving;2026\r\nregel;"${text.replace(/"/g, '""')}"\r\n`;
  const v = readYearTable(csv, { locale: 'nl', separator: ';', ...options }).rows[0]?.values[0];
  return v === null ? 'nil' : v === undefined ? 'none' : String(v);
};

const codes = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (MeerjarenError.is(e)) return e.issues.map((i) => `${i.code}@${i.path}`);
    throw e;
  }
  return [];
};

describe('readYearTable reads the printed notations with the one cell reader', () => {
  it.each([
    ['(1.234)', '-1234'],
    ['€ -1.234,50', '-1234.5'],
    ['1.234,-', '1234'],
    ['1\u00a0234', '1234'],
    ['1\u202f234\u202f567', '1234567'],
    ['-/- 75', '-75'],
    ['75 N', '-75'],
    ['75 V', '75'],
    ['5.810.503-', '-5810503'],
    ['p.m.', 'pm'],
    ['P.M.', 'pm'],
    ['-pm', '-pm'],
    ['+ p.m.', '+pm'],
    ['-', 'nil'],
    ['\u2013', 'nil'],
    ['\u2014', 'nil'],
    ['', 'nil'],
  ])('%j reads as %s', (text, expected) => expect(cell(text)).toBe(expected));

  it('"0,3 mln" is read when the unit is known (option, or the unit line above the header), refused otherwise', () => {
    expect(cell('0,3 mln', { unit: 'thousand' })).toBe('300');
    expect(cell('0,3 mln', { unit: 'euro' })).toBe('300000');
    expect(readYearTable('Bedragen x € 1.000;\r\nOmschrijving;2026\r\nregel;0,3 mln\r\n', { locale: 'nl' }).rows[0]?.values.map(String)).toEqual(['300']);
    expect(readYearTable('Bedragen x € 1.000;2026\r\nregel;0,3 mln\r\n', { locale: 'nl' }).rows[0]?.values.map(String)).toEqual(['300']);
    expect(codes(() => cell('0,3 mln'))).toEqual(['invalid_amount@row[1].column[1]']);
  });

  it('the unit: its digits are checked in euros ("0,000000000001" x € 1 mln is a micro-euro), "x € 1 million" is millions, a bad unit is an option error', () => {
    expect(cell('0,000000000001', { unit: 'million' })).toBe('0.000000000001');
    expect(codes(() => cell('0,0000001'))).toEqual(['amount_out_of_range@row[1].column[1]']);
    expect(readYearTable('Amounts x € 1 million,2026\r\nrow,"0.3 mln"\r\n', { locale: 'en' }).rows[0]?.values.map(String)).toEqual(['0.3']);
    expect(codes(() => readYearTable('Omschrijving;2026\r\nx;1\r\n', { locale: 'nl', unit: 'miljoen' as never }))).toEqual(['invalid_option@options.unit']);
  });

  it("en notation: '(1,234.5)'; under 'auto' the notations vote as before", () => {
    expect(cell('(1,234.5)', { locale: 'en' })).toBe('-1234.5');
    const auto = readYearTable('Omschrijving;2026;2027\r\nregel;(1.234,5);p.m.\r\n', { locale: 'auto' });
    expect([auto.locale, ...auto.rows[0]!.values.map(String)]).toEqual(['nl', '-1234.5', 'pm']);
    expect(codes(() => readYearTable('Omschrijving;2026\r\nregel;(1.234)\r\n', { locale: 'auto' }))).toEqual(['ambiguous_amount@row[1].column[1]']);
  });

  it('two signs and grouping not in threes are still refused, with the cell named', () => {
    expect(codes(() => cell('-/- -75'))).toEqual(['invalid_amount@row[1].column[1]']);
    expect(codes(() => cell('(-75)'))).toEqual(['invalid_amount@row[1].column[1]']);
    expect(codes(() => cell('1.23.4'))).toEqual(['invalid_amount@row[1].column[1]']);
  });
});

const TABLE = [
  'Bedragen x € 1.000;;',
  'Omschrijving;2026;2027',
  'Programma 1;;',
  'Lasten;-1.500;-1.600',
  'Baten;200;200',
  'Subtotaal programma 1;-1.300;-1.400',
  'Programma 2;;',
  'Lasten;-100;(100)',
  'Subtotaal programma 2;-100;-100',
  'Totaal saldo;-1.400;-1.501',
  'waarvan incidenteel;-100;-100',
  'Structureel saldo;-1.300;-1.401',
].join('\r\n');

describe('readYearTable and printed totals', () => {
  it('recognises headings, subtotals, a total of totals, waarvan and structural rows, and checks every printed figure', () => {
    const t = readYearTable(TABLE, { locale: 'nl' });
    expect(t.rows.map((r) => `${r.role} ${r.label}`)).toEqual([
      'heading Programma 1',
      'line Lasten',
      'line Baten',
      'total Subtotaal programma 1',
      'heading Programma 2',
      'line Lasten',
      'total Subtotaal programma 2',
      'total Totaal saldo',
      'part waarvan incidenteel',
      'derived Structureel saldo',
    ]);
    expect(t.checks?.map((c) => `${c.row}|${c.column}|${c.status}`)).toEqual([
      'Subtotaal programma 1|2026|ok',
      'Subtotaal programma 1|2027|ok',
      'Subtotaal programma 2|2026|ok',
      'Subtotaal programma 2|2027|ok',
      'Totaal saldo|2026|ok',
      'Totaal saldo|2027|rounding',
      'Structureel saldo|2026|ok',
      'Structureel saldo|2027|ok',
    ]);
    expect(t.checks?.[5]?.message).toBe('Totaal saldo 2027: gedrukt -1.501, som van de regels -1.500 (x € 1.000): afrondingsverschil -1');
  });

  it('the totals do not become lines: the budget counts each line once', () => {
    const t = readYearTable(TABLE.replace(/Programma [12];;\r\n/g, ''), { locale: 'nl' });
    const doc = yearTableToDocument(t, { title: 'T', unit: 'thousand', nature: 'structural' });
    expect(doc.sections[0]!.lines.map((l) => l.title)).toEqual(['Lasten', 'Baten', 'Lasten']);
    const e = evaluate(loadBudget(doc));
    expect(['2026', '2027'].map((y) => e.total[y]!.amount.div(1000).toFixed())).toEqual(['-1400', '-1500']);
  });

  it('a printed total that is not the sum of its rows is refused, pointing at readPrintedTable; English in an en table', () => {
    const bad = 'Omschrijving;2026\r\nLasten;-1.500\r\nBaten;200\r\nSaldo;-1.200\r\n';
    let error: MeerjarenError | undefined;
    try {
      readYearTable(bad, { locale: 'nl' });
    } catch (e) {
      error = e as MeerjarenError;
    }
    expect(error?.issues.map((i) => `${i.code}@${i.path}`)).toEqual(['total_mismatch@row[3].column[1]']);
    expect(error?.issues[0]?.message).toBe(
      'Saldo 2026: gedrukt -1.200, som van de regels -1.300 (in euro): verschil groter dan afronding 100; lees de tabel met readPrintedTable, die elke controle teruggeeft en de rol van een rij laat declareren',
    );
    expect(codes(() => readYearTable(bad.replace(/\./g, ','), { locale: 'en' }))).toEqual(['total_mismatch@row[3].column[1]']);
    try {
      readYearTable(bad.replace(/\./g, ','), { locale: 'en' });
    } catch (e) {
      expect((e as MeerjarenError).issues[0]?.message).toContain('readPrintedTable, which returns every check');
    }
  });

  it('a "Saldo" row opening the table, with nothing above it to add, is a line; a waarvan row under no total is refused', () => {
    const t = readYearTable('Omschrijving;2026\r\nSaldo primitieve begroting;-500\r\nMutatie;100\r\nSaldo na wijziging;-400\r\n', { locale: 'nl' });
    expect(t.rows.map((r) => r.role)).toEqual(['line', 'line', 'total']);
    expect(t.checks?.map((c) => c.status)).toEqual(['ok']);
    expect(codes(() => readYearTable('Omschrijving;2026\r\nwaarvan incidenteel;5\r\n', { locale: 'nl' }))).toEqual(['ambiguous_row@row[1].column[0]']);
  });

  it('a table made by hand, without roles or checks, still converts every row to a line', () => {
    const table: YearTable = { years: [2026], locale: 'nl', rows: [{ label: 'Saldo', values: [new Dec('5')] }] };
    expect(yearTableToDocument(table, { title: 'T', unit: 'euro', nature: 'structural' }).sections[0]!.lines).toHaveLength(1);
  });
});

describe('yearTableToDocument: a year table as its source prints it', () => {
  it('a heading starts a section, a row of dashes is a line of zeros, and the table shows without made-up ids under its own total label', () => {
    const sheet = readYearTable('Omschrijving;2026;2027\nBestaand beleid;;\nWmo;-100;-200\nOpvang;-;-\nNieuw beleid;;\nJeugd;50;pm\nTotaal;-50;-200', { locale: 'nl' });
    const doc = yearTableToDocument(sheet, { title: 'T', unit: 'thousand', nature: 'structural' });
    const b = loadBudget(doc);
    expect(b.sections.map((s) => [s.title, s.lines.map((l) => l.title)])).toEqual([['Bestaand beleid', ['Wmo', 'Opvang']], ['Nieuw beleid', ['Jeugd']]]);
    expect(b.sections[0]!.lines[1]!.values['2026']!.toString()).toBe('0');
    expect(b.presentation).toMatchObject({ showIds: false, totalLabel: 'Totaal' });
    expect(renderText(budgetTable(b))).toMatch(/^ {2}Wmo +-100 +-200$/m);
    expect(renderText(budgetTable(b))).toMatch(/^Totaal +-50 +-200 \+ pm$/m);
  });
});
