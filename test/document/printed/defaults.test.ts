import { describe, expect, it } from 'vitest';
import { printedTableFromRows, readPrintedTable } from '../../../src/document/printed-table.js';

const statuses = (t: { checks: readonly { status: string }[] }): string[] => t.checks.map((c) => c.status);

describe('printed tables: the default rules', () => {
  it('a Saldo adds the lines above it; the lines alone become the document', () => {
    const t = readPrintedTable('Bedragen x € 1.000;;\nOmschrijving;2026;2027\nLasten;-1.500;-1.600\nBaten;200;200\nSaldo;-1.300;-1.402\n');
    expect(statuses(t)).toEqual(['ok', 'mismatch']);
    expect(t.document.unit).toBe('thousand');
    expect(t.document.sections[0]!.lines.map((l) => l.title)).toEqual(['Lasten', 'Baten']);
    expect(t.checks[1]).toMatchObject({ row: 'Saldo', column: '2027', printed: '-1402', computed: '-1400' });
    expect(t.ok).toBe(false);
  });

  it('rounding: within floor(n / 2) steps of the last printed digit', () => {
    const t = printedTableFromRows([['', '2026', '2027'], ['a', '1', '1'], ['b', '1', '1'], ['c', '1', '1'], ['Totaal', '4', '5']]);
    // three terms: floor(3/2) = 1 step explained by rounding; 2 steps is a mismatch
    expect(statuses(t)).toEqual(['rounding', 'mismatch']);
    expect(t.checks[0]!.tolerance).toBe('1');
  });

  it('a Dutch message in the unit and notation, an English one with language en', () => {
    const rows = [['Bedragen x € 1.000', ''], ['', '2028'], ['a', '700'], ['b', '801'], ['Totaal', '1.500']];
    const nl = printedTableFromRows(rows);
    expect(nl.checks[0]!.message).toBe('Totaal 2028: gedrukt 1.500, som van de regels 1.501 (x € 1.000): afrondingsverschil -1');
    const en = printedTableFromRows(rows, { language: 'en' });
    expect(en.checks[0]!.message).toBe('Totaal 2028: printed 1.500, sum of its rows 1.501 (x € 1.000): rounding difference -1');
  });

  it('subtotals per heading, then a total of the subtotals', () => {
    const t = printedTableFromRows([
      ['', '2026'], ['Lasten'], ['a', '10'], ['b', '20'], ['Subtotaal lasten', '30'], ['Baten'], ['c', '-5'], ['Subtotaal baten', '-5'], ['Totaal', '25'],
    ]);
    expect(statuses(t)).toEqual(['ok', 'ok', 'ok']);
    expect(t.document.sections.map((s) => s.title)).toEqual(['Lasten', 'Baten']);
    expect(t.issues).toEqual([]);
  });

  it('waarvan rows and the structural saldo (total minus the waarvan rows)', () => {
    const t = printedTableFromRows([
      ['', '2026', '2027'], ['Lasten', '-1.500', '-1.500'], ['Baten', '200', '200'], ['Saldo', '-1.300', '-1.300'],
      ['waarvan incidenteel', '-100', '0'], ['Structureel saldo', '-1.200', '-1.298'],
    ]);
    expect(t.checks.map((c) => `${c.row} ${c.column} ${c.status}`)).toEqual([
      'Saldo 2026 ok', 'Saldo 2027 ok', 'Structureel saldo 2026 ok', 'Structureel saldo 2027 mismatch',
    ]);
    expect(t.document.sections[0]!.lines).toHaveLength(2);
  });

  it('a waarvan row under no total is an ambiguous_row issue with its row in the path', () => {
    const t = printedTableFromRows([['', '2026'], ['waarvan incidenteel', '5'], ['a', '5']]);
    expect(t.issues.map((i) => [i.code, i.path])).toEqual([['ambiguous_row', 'row[1].column[0]']]);
    expect(t.ok).toBe(false);
  });

  it('nil cells ("-", "–", "—", empty) and pm in every spelling', () => {
    const t = printedTableFromRows([['', '2026', '2027', '2028', '2029'], ['a', '-', '–', '—', 'p.m.'], ['b', '5', '', '3', 'PM'], ['Totaal', '5', '-', '3', 'pm']]);
    expect(statuses(t)).toEqual(['ok', 'ok', 'ok']);
    expect(t.document.sections[0]!.lines[0]!.values).toEqual({ '2029': 'pm' });
  });

  it('Af: and Bij: rows are lines, added as printed', () => {
    const t = printedTableFromRows([['', '2026'], ['Saldo begroting', '100'], ['Af: nieuw beleid', '-30'], ['Bij: dekking', '10'], ['Resultaat', '80']]);
    expect(statuses(t)).toEqual(['ok']);
    expect(t.document.sections[0]!.lines).toHaveLength(3);
  });

  it('"+ is nadeel" above the header sets the sign convention', () => {
    const t = readPrintedTable('(+ is nadeel);;\n;2026;2027\nLasten;100;100\nBaten;-40;-40\nSaldo;60;60\n');
    expect(t.document.sign).toBe('nadeel-positive');
    expect(statuses(t)).toEqual(['ok', 'ok']);
  });

  it('an undeclared non-year column is an issue; declared as a sum of two columns it is checked', () => {
    const rows = [['', 'Primitief', 'Wijziging', 'Na wijziging', '2027'], ['a', '100', '5', '105', '100'], ['b', '50', '-5', '47', '50'], ['Totaal', '150', '0', '152', '150']];
    expect(printedTableFromRows(rows).issues.map((i) => i.code)).toContain('unknown_field');
    const t = printedTableFromRows(rows, {
      layout: { columns: [{ header: 'Primitief', role: 'amount' }, { header: 'Wijziging', role: 'amount' }, { header: 'Na wijziging', role: 'sum', of: ['Primitief', 'Wijziging'] }] },
    });
    expect(t.issues).toEqual([]);
    expect(t.checks.map((c) => `${c.row}|${c.column}|${c.status}`)).toEqual([
      'a|Na wijziging|ok', 'b|Na wijziging|mismatch', 'Totaal|Primitief|ok', 'Totaal|Wijziging|ok', 'Totaal|Na wijziging|ok', 'Totaal|Na wijziging|mismatch', 'Totaal|2027|ok',
    ]);
  });

  it('the result is frozen', () => {
    const t = printedTableFromRows([['', '2026'], ['a', '1'], ['Totaal', '1']]);
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.checks[0])).toBe(true);
  });
});

describe('printed tables: the layout refused', () => {
  it('a row pattern that is no regular expression is invalid_option at its path, not a SyntaxError', () => {
    let caught: unknown;
    try {
      printedTableFromRows([['', '2026'], ['a', '1']], { layout: { rows: [{ pattern: '(', role: 'total' }] } });
    } catch (e) {
      caught = e;
    }
    expect((caught as { issues: { code: string; path: string }[] }).issues.map((i) => `${i.code} ${i.path}`)).toEqual(['invalid_option options.layout.rows[0].pattern']);
  });

  it('verdict rows (JA/NEE) are checked against the computed structural saldo of their block, in Dutch or English', () => {
    const rows = [['Bedragen x € 1.000', ''], ['', '2026'], ['Lasten', '-1.500'], ['Baten', '1.400'], ['Saldo', '-100'], ['waarvan incidenteel', '-150'], ['Structureel saldo', '50'], ['Structureel sluitend', 'NEE']];
    const nl = printedTableFromRows(rows);
    expect(nl.checks.at(-1)).toMatchObject({ row: 'Structureel sluitend', column: '2026', printed: 'NEE', computed: 'JA', status: 'mismatch' });
    expect(nl.checks.at(-1)!.message).toBe('Structureel sluitend 2026: gedrukt NEE, berekend JA uit saldo 50 (x € 1.000): klopt niet');
    expect(nl.ok).toBe(false);
    const en = printedTableFromRows(rows.map((r) => r.map((c) => (c === 'NEE' ? 'yes' : c))), { language: 'en' });
    expect(en.checks.at(-1)!.message).toBe('Structureel sluitend 2026: printed yes, computed YES from the saldo 50 (x € 1.000): agrees');
    expect(en.ok).toBe(true);
  });

  it('a verdict judges the row its layout names (of); without a saldo above it in its block it is an issue', () => {
    const rows = [['', '2026'], ['Lasten', '-100'], ['Baten', '150'], ['Saldo', '50'], ['Dekking', ''], ['Reserve', '-80'], ['Totaal dekking', '-80'], ['Sluitend', 'JA']];
    // by default the verdict judges "Totaal dekking" (-80, NEE); the layout points it at the Saldo (50, JA)
    expect(printedTableFromRows(rows).checks.at(-1)!.status).toBe('mismatch');
    expect(printedTableFromRows(rows, { layout: { rows: [{ label: 'Sluitend', role: 'verdict', of: ['Saldo'] }] } }).checks.at(-1)!.status).toBe('ok');
    const alone = printedTableFromRows([['', '2026'], ['Kop', ''], ['Sluitend', 'JA']]);
    expect(alone.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['ambiguous_row row[2].column[0]']);
  });
});
