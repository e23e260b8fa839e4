import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { MeerjarenError } from '../../src/core/errors.js';
import { tableToCsv, writeCsv } from '../../src/report/csv.js';
import { readCsv, readYearTable } from '../../src/document/csv.js';
import type { Table } from '../../src/report/table.js';
import { row, seed000Table } from './fixtures/seed000.js';
import { issuesOf } from './fixtures/issues.js';

const BOM = '\ufeff';

describe('writeCsv', () => {
  it("writes ';' separated rows with CRLF and a BOM for Dutch Excel by default", () => {
    expect(writeCsv([['Omschrijving', '2025'], ['Lasten', '-2100,5']])).toBe(`${BOM}Omschrijving;2025\r\nLasten;-2100,5\r\n`);
    expect(writeCsv([['a', 'b']], { locale: 'en' })).toBe('a;b\r\n');
    expect(writeCsv([['a', 'b']], { separator: ',', bom: false })).toBe('a,b\r\n');
    expect(writeCsv([])).toBe(BOM);
  });

  it('quotes per RFC 4180', () => {
    expect(writeCsv([['a;b', 'say "hi"', 'two\nlines', 'cr\rx', 'a,b']], { bom: false })).toBe(
      '"a;b";"say ""hi""";"two\nlines";"cr\rx";a,b\r\n',
    );
    expect(writeCsv([['a,b', '1,5']], { separator: ',', bom: false })).toBe('"a,b","1,5"\r\n');
  });

  it('neutralises formulas in text cells and leaves numbers alone', () => {
    const cells = ['=SUM(A1:A9)', '+1+2', '-1+2', '@cmd', '=', '-SUM(A1)', "+cmd|' /C calc'!A0", '-A1*2'];
    expect(writeCsv([cells], { bom: false })).toBe(`'=SUM(A1:A9);'+1+2;'-1+2;'@cmd;'=;'-SUM(A1);'+cmd|' /C calc'!A0;'-A1*2\r\n`);
    expect(writeCsv([['-2100', '-2.100', '-2100,5', '+20', '6500', '-0,5']], { bom: false })).toBe('-2100;-2.100;-2100,5;+20;6500;-0,5\r\n');
  });

  it('neutralises a formula behind leading spaces, tabs or line breaks, and fullwidth or small ＝＋－＠', () => {
    const cells = [' =1+1', '\t=1+1', '  @SUM(A1)', '\u3000=1', '＝1+1', '＋1+1', '－1+1', '＠SUM(A1)', '﹦1', '−1+1', ' \t-1+1'];
    expect(writeCsv([cells], { bom: false, separator: ',' }).split(',').map((c) => c.startsWith("'") || c.startsWith(`"'`))).toEqual(cells.map(() => true));
  });

  it('writes labels that are not formulas as they are: "- component", "-pm", "+pm", a lone "-", leading white space before text', () => {
    const cells = ['- kosten noodopvang', '-pm', '+pm', '-PM', '-', '+', '\tx', ' - structureel', 'Wmo-budget', "- o'Brien", ' 1.000'];
    expect(writeCsv([cells], { bom: false })).toBe(`${cells.join(';')}\r\n`);
  });
});

describe('readCsv', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes, and drops a BOM', () => {
    const text = `${BOM}a;"b;c";"say ""hi"""\r\n"two\r\nlines";;x\r\n`;
    expect(readCsv(text)).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['two\r\nlines', '', 'x'],
    ]);
  });

  it('accepts CRLF, LF and CR line ends, with or without a final one', () => {
    expect(readCsv('a;b\nc;d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(readCsv('a;b\rc;d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(readCsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
    expect(readCsv('a;')).toEqual([['a', '']]);
    expect(readCsv('')).toEqual([]);
    expect(Object.isFrozen(readCsv('a')[0])).toBe(true);
  });

  it('detects the separator only when the text leaves no doubt', () => {
    expect(readCsv('Omschrijving;2025\r\nLasten;-1,5\r\n')).toEqual([
      ['Omschrijving', '2025'],
      ['Lasten', '-1,5'],
    ]);
    expect(readCsv('Description,2025\r\nCosts,-1.5\r\n')).toEqual([
      ['Description', '2025'],
      ['Costs', '-1.5'],
    ]);
    expect(readCsv('"a,b";c\r\n')).toEqual([['a,b', 'c']]);
    expect(readCsv('single column\r\nx')).toEqual([['single column'], ['x']]);
    expect(issuesOf(() => readCsv('a;b,c\r\nd;e,f\r\n'))).toEqual(['ambiguous_separator@separator']);
    expect(readCsv('a;b,c\r\nd;e,f\r\n', { separator: ',' })).toEqual([
      ['a;b', 'c'],
      ['d;e', 'f'],
    ]);
  });

  it('reports malformed quoting with row and column', () => {
    expect(issuesOf(() => readCsv('a;b\r\nc;"open', { separator: ';' }))).toEqual(['unterminated_quote@row[1].column[1]']);
    expect(issuesOf(() => readCsv('a;b"c', { separator: ';' }))).toEqual(['invalid_csv@row[0].column[1]']);
    expect(issuesOf(() => readCsv('x\r\n"a"b;c', { separator: ';' }))).toEqual(['invalid_csv@row[1].column[0]']);
    try {
      readCsv('a;b\r\nc;"open', { separator: ';' });
    } catch (error) {
      expect((error as MeerjarenError).message).toContain('row 2, column 2');
    }
  });
});

describe('tableToCsv', () => {
  it('writes the seed table as numbers a spreadsheet reads, and reads back as the same cells', () => {
    const csv = tableToCsv(seed000Table);
    const grid = readCsv(csv);
    expect(grid[0]).toEqual(['', 'TB1', 'MJB 2026 - 2029', '', '', '', 'Doorkijk MJB', '']);
    expect(grid[1]).toEqual(['Bedragen x € 1.000', '2025', '2026', '2027', '2028', '2029', '2030', '2031']);
    expect(grid[3]).toEqual(['1.1 Noodopvang Oekraïne-vergoeding rijk', '6500', '1083', 'pm', 'pm', 'pm', 'pm', 'pm']);
    expect(grid[4]).toEqual(['- kosten noodopvang', '-3600', '-600', '', '', '', '', '']);
    expect(grid.at(-1)).toEqual(['TOTAAL SALDO PROGRAMMA', '-609', '363', '533', '725', '702', '742', '752']);
    expect(grid).toHaveLength(seed000Table.rows.length + 2);
  });

  it('follows the presentation: unit, decimals, sign, locale; ids on request', () => {
    const table: Table = {
      title: 't',
      labelHeader: 'Programma 2',
      columns: [{ key: '2026', label: '2026' }],
      rows: [
        row('a', '4.1 Besparing', 'line', 1, [234.56]),
        { ...row('b', '3.1 Opvang', 'line', 1, [null]), cells: [{ amount: undefined, pm: true, pmDirection: 'nadeel' }] },
        { ...row('t', 'Totaal', 'total', 0, [234.56], ['a', 'b']), cells: [{ amount: new Dec(234_560), pm: true }] },
      ],
    };
    expect(tableToCsv(table, { decimals: 1 }, { round: true })).toBe(
      `${BOM}Programma 2 (Bedragen x € 1.000);2026\r\n4.1 Besparing;234,6\r\n3.1 Opvang;-pm\r\nTotaal;234,6\r\n`,
    );
    expect(tableToCsv(table, { sign: 'nadeel-positive', unit: 'euro', locale: 'en', notation: 'vn' }, { separator: ',', ids: true })).toBe(
      'id,Programma 2 (Bedragen x € 1; + is nadeel),2026\r\na,4.1 Besparing,-234560\r\nb,3.1 Opvang,+pm\r\nt,Totaal,-234560\r\n',
    );
  });

  it('writes amounts in full precision unless a rounding is asked (round: true rounds as the presentation says)', () => {
    const table: Table = {
      title: 't',
      columns: [{ key: '2026', label: '2026' }],
      rows: [
        { ...row('a', 'A', 'line', 1, [0]), cells: [{ amount: new Dec('1083333.333333'), pm: false }] },
        { ...row('b', 'B', 'line', 1, [0]), cells: [{ amount: new Dec('-0.000001'), pm: false }] },
        { ...row('c', 'C', 'line', 1, [0]), cells: [{ amount: new Dec('123456789012345678.123456'), pm: false }] },
      ],
    };
    expect(readCsv(tableToCsv(table)).slice(1).map((r) => r[1])).toEqual(['1083,333333333', '-0,000000001', '123456789012345,678123456']);
    expect(readCsv(tableToCsv(table, { unit: 'euro', locale: 'en' })).slice(1).map((r) => r[1])).toEqual(['1083333.333333', '-0.000001', '123456789012345678.123456']);
    expect(readCsv(tableToCsv(table, {}, { round: true })).slice(1).map((r) => r[1])).toEqual(['1083', '0', '123456789012346']);
    expect(readCsv(tableToCsv(table, { decimals: 1, unit: 'million' }, { round: true })).slice(1).map((r) => r[1])).toEqual(['1,1', '0,0', '123456789012,3']);
    expect(() => tableToCsv(table, {}, { round: 'yes' as unknown as boolean })).toThrow(/round/);
  });
});

describe('readYearTable', () => {
  it('reads its own export back', () => {
    const back = readYearTable(tableToCsv(seed000Table), { locale: 'nl' });
    expect(back.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    expect(back.locale).toBe('nl');
    const kosten = back.rows.find((r) => r.label === '- kosten noodopvang');
    expect(kosten?.values.map((v) => (v instanceof Object ? v.toFixed() : v))).toEqual(['-3600', '-600', null, null, null, null, null]);
    expect(back.rows.find((r) => r.label.startsWith('1.4'))?.values.slice(0, 2).map(String)).toEqual(['-1100', 'pm']);
    expect(back.rows).toHaveLength(seed000Table.rows.length);
    expect(Object.isFrozen(back.rows[0])).toBe(true);
  });

  it('reads an analyst export: title rows, an id column, Dutch amounts, pm, nil', () => {
    const text = [
      'Bijstelling programma 2;;;',
      'Bedragen x € 1.000;;;',
      'Nr;Omschrijving;2026;2027',
      '1.1;Noodopvang;1.234,56;-PM',
      '1.2;HAR;-;+pm',
      ';;;',
      '1.3;Asiel;2.100-;N75',
      '1.4;Leeg;;',
    ].join('\r\n');
    const t = readYearTable(text, { locale: 'nl' });
    expect(t.years).toEqual([2026, 2027]);
    expect(t.rows.map((r) => [r.id, r.label, ...r.values.map((v) => (v === null ? null : String(v)))])).toEqual([
      ['1.1', 'Noodopvang', '1234.56', '-pm'],
      ['1.2', 'HAR', null, '+pm'],
      ['1.3', 'Asiel', '-2100', '-75'],
      ['1.4', 'Leeg', null, null],
    ]);
    expect('id' in (readYearTable('Omschrijving;2026\r\nx;1', { locale: 'nl' }).rows[0] ?? {})).toBe(false);
  });

  it('reports every unreadable cell with row and column', () => {
    const text = 'Omschrijving;2025;2026\r\nA;1.2.3;4\r\nB;1e5;0x1F\r\nC;Infinity;12abc\r\n';
    const error = (() => {
      try {
        readYearTable(text, { locale: 'nl' });
      } catch (e) {
        return e as MeerjarenError;
      }
      throw new Error('no error');
    })();
    expect(error.issues.map((i) => `${i.code}@${i.path}`)).toEqual([
      'invalid_amount@row[1].column[1]',
      'invalid_amount@row[2].column[1]',
      'invalid_amount@row[2].column[2]',
      'invalid_amount@row[3].column[1]',
      'invalid_amount@row[3].column[2]',
    ]);
    for (const issue of error.issues) expect(issue.pathSegments).toEqual(['row', expect.any(Number), 'column', expect.any(Number)]);
    expect(error.issues[0]?.message).toContain('row 2, column 2 (B)');
  });

  it('refuses bad headers and rows', () => {
    expect(issuesOf(() => readYearTable('Omschrijving;2025;2025\r\nA;1;2', { locale: 'nl' }))).toEqual(['duplicate_year@row[0].column[2]']);
    expect(issuesOf(() => readYearTable('Omschrijving;2025;Toelichting;toelichting\r\nA;1;;', { locale: 'nl' }))).toEqual([
      'duplicate_key@row[0].column[3]',
    ]);
    expect(issuesOf(() => readYearTable('Omschrijving;__proto__;constructor;Prototype;2025\r\nA;;;;1', { locale: 'nl' }))).toEqual([
      'forbidden_key@row[0].column[1]',
      'forbidden_key@row[0].column[2]',
      'forbidden_key@row[0].column[3]',
    ]);
    expect(issuesOf(() => readYearTable('Omschrijving;2025;Toelichting\r\nA;1;tekst\r\nB;2;;extra', { locale: 'nl' }))).toEqual([
      'unknown_field@row[1].column[2]',
      'unknown_field@row[2].column[3]',
    ]);
    expect(issuesOf(() => readYearTable('Omschrijving;2025\r\n;1', { locale: 'nl' }))).toEqual(['missing_field@row[1].column[0]']);
    expect(issuesOf(() => readYearTable('id;Omschrijving;2025\r\n1;A;1\r\n1;B;2', { locale: 'nl' }))).toEqual(['duplicate_id@row[2].column[0]']);
    expect(issuesOf(() => readYearTable('Omschrijving;Jaar\r\nA;1', { locale: 'nl' }))).toEqual(['missing_field@row[0].column[0]']);
    expect(issuesOf(() => readYearTable('2025;2026\r\n1;2', { locale: 'nl' }))).toEqual(['missing_field@row[0].column[0]']);
    expect(issuesOf(() => readYearTable('Omschrijving;1850\r\nA;1', { locale: 'nl' }))).toEqual(['invalid_year@row[0].column[1]']);
  });

  it("decides the locale under 'auto' only when the file is unambiguous", () => {
    const read = (body: string) => readYearTable(`Omschrijving;2025;2026\r\n${body}`, { locale: 'auto' });
    expect(read('A;1.234,56;1.234').locale).toBe('nl');
    expect(String(read('A;1.234,56;1.234').rows[0]?.values[1])).toBe('1234');
    expect(read('A;"1,234.5";1.5').locale).toBe('en');
    expect(read('A;12;-600').locale).toBe('nl');
    expect(issuesOf(() => read('A;1.234;5'))).toEqual(['ambiguous_amount@row[1].column[1]']);
    // mixed formats: the cell of the rarer one is reported
    expect(issuesOf(() => read('A;1.234,5;1.5\r\nB;2,5;1'))).toEqual(['ambiguous_amount@row[1].column[2]']);
  });
});
