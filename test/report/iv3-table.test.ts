import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, budget, iv3Rollup, iv3Table, pm, renderCsv, renderText, roundTable, type Budget } from '../../src/index.js';
import { taggedBudgetArb } from '../evaluate/iv3-arbitraries.js';
import { issuesOf } from '../helpers.js';

const b: Budget = budget({ title: 'Jeugd', unit: 'thousand', horizon: { from: 2026, to: 2027, budgetYear: 2027 } })
  .section('1', 'Jeugd')
  .line('1.1', 'Jeugdhulp ambulant', ['-500.4', pm], { nature: 'structural', tags: { taakveld: '6.72', categorie: '3' } })
  .line('1.2', 'Wmo', ['-100.3', '-100.3'], { nature: 'structural', tags: { taakveld: '6.6', categorie: '3' } })
  .line('1.3', 'Rijksbijdrage', [200, 200], { nature: 'structural', tags: { taakveld: '6.72', categorie: '4' } })
  .line('1.4', 'Bestuur', ['-50.3', '-50.3'], { nature: 'structural', tags: { taakveld: '0.1', categorie: '1.1' } })
  .line('1.5', 'Elders', [-7, -7], { nature: 'structural', tags: { taakveld: '9.9' } })
  .build();

describe('iv3Table', () => {
  it('lays out taakvelden down and categorieën across, with hoofdtaakveld subtotals and the total', () => {
    const t = iv3Table(iv3Rollup(b), { side: 'lasten', year: 2026 });
    expect(t.title).toBe('Iv3 lasten 2026');
    expect(t.columns.map((c) => [c.key, c.group])).toEqual([
      ['1.1', '1 Salarissen en sociale lasten'],
      ['3', '3 Goederen en diensten'],
      ['4', '4 Overdrachten'],
      ['-', undefined],
    ]);
    expect(t.rows.map((r) => [r.id, r.label, r.kind, r.cells.map((c) => c.amount?.toFixed() ?? (c.pm ? 'pm' : ''))])).toEqual([
      ['taakveld:0.1', '0.1 Bestuur', 'line', ['50300', '', '', '']],
      ['hoofdtaakveld:0', '0 Bestuur en ondersteuning', 'subtotal', ['50300', '', '', '']],
      ['taakveld:6.6', '6.6 Maatwerkvoorzieningen (Wmo)', 'line', ['', '100300', '', '']],
      ['taakveld:6.72', '6.72 Maatwerkdienstverlening 18-', 'line', ['', '500400', '', '']],
      ['hoofdtaakveld:6', '6 Sociaal domein', 'subtotal', ['', '600700', '', '']],
      ['taakveld:9.9', '9.9 (niet in de lijst 2017/meerjaren-1)', 'line', ['', '', '', '7000']],
      ['totaal', 'Totaal lasten 2026', 'total', ['50300', '600700', '', '7000']],
    ]);
    expect(t.rows.at(-1)!.of).toEqual(['hoofdtaakveld:0', 'hoofdtaakveld:6', 'taakveld:9.9']);
  });

  it('places a code the list does not hold under the group of its first part, marked', () => {
    const c = budget({ title: 'T', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('a', 'Pleegzorg', [-10], { nature: 'structural', tags: { taakveld: '6.73', categorie: '3.5.9' } })
      .line('b', 'Wmo', [-5], { nature: 'structural', tags: { taakveld: '6.6', categorie: '3' } })
      .build();
    const r = iv3Rollup(c);
    expect(r.byTaakveld.map((g) => [g.code, g.entry === undefined, g.group?.code])).toEqual([
      ['6.6', false, '6'],
      ['6.73', true, '6'],
    ]);
    const t = iv3Table(r, { side: 'lasten' });
    expect(t.columns.map((col) => [col.key, col.group])).toEqual([
      ['3', '3 Goederen en diensten'],
      ['3.5.9', '3 Goederen en diensten'],
    ]);
    expect(t.rows.map((row) => row.label)).toEqual(['6.6 Maatwerkvoorzieningen (Wmo)', '6.73 (niet in de lijst 2017/meerjaren-1)', '6 Sociaal domein', 'Totaal lasten 2026']);
  });

  it('prints the baten of the budget year by default; a pm post makes a pm cell', () => {
    const t = iv3Table(iv3Rollup(b), { side: 'baten', language: 'en' });
    expect(t.title).toBe('Iv3 baten 2027');
    expect(t.rows.find((r) => r.id === 'taakveld:6.72')!.cells[2]!.amount!.toFixed()).toBe('200000');
    const lasten = iv3Table(iv3Rollup(b), { side: 'lasten' });
    expect(lasten.rows.find((r) => r.id === 'taakveld:6.72')!.cells[1]).toEqual({ amount: undefined, pm: true });
    expect(lasten.rows.at(-1)!.label).toBe('Totaal lasten 2027');
  });

  it('rounds for print with rows that add up (x EUR 1.000), and renders as text and CSV', () => {
    const t = iv3Table(iv3Rollup(b), { side: 'lasten', year: 2026 });
    const rounded = roundTable(t, { unit: 'thousand' });
    const row = (id: string): string[] => rounded.rows.find((r) => r.id === id)!.cells.map((c) => c.amount?.toFixed() ?? '');
    // 500,4 and 100,3 round to 500 and 100, the subtotal 600,7 to 601: one part takes the step
    expect(row('hoofdtaakveld:6')[1]).toBe('601000');
    expect(Number(row('taakveld:6.6')[1]) + Number(row('taakveld:6.72')[1])).toBe(601000);
    expect(renderText(t, { unit: 'thousand' })).toContain('6 Sociaal domein');
    const csv = renderCsv(t, { unit: 'thousand' });
    expect(csv.split('\r\n').some((l) => l.startsWith('6.72 Maatwerkdienstverlening 18-;'))).toBe(true);
  });

  it('checks its arguments', () => {
    const r = iv3Rollup(b);
    expect(issuesOf(() => iv3Table({} as never, { side: 'lasten' }))).toEqual([{ code: 'invalid_argument', path: 'rollup' }]);
    expect(issuesOf(() => iv3Table(r, {} as never))).toEqual([{ code: 'invalid_option', path: 'options.side' }]);
    expect(issuesOf(() => iv3Table(r, { side: 'uitgaven' as never }))).toEqual([{ code: 'invalid_option', path: 'options.side' }]);
    expect(issuesOf(() => iv3Table(r, { side: 'lasten', year: 2030 }))).toEqual([{ code: 'invalid_option', path: 'options.year' }]);
  });

  it('property: the exact table of any tagged budget rounds without a mismatch, and its total row is the roll-up total', () => {
    fc.assert(
      fc.property(taggedBudgetArb(), fc.constantFrom('lasten', 'baten') as fc.Arbitrary<'lasten' | 'baten'>, (tagged, side) => {
        const r = iv3Rollup(tagged);
        for (const year of r.years) {
          const t = iv3Table(r, { side, year });
          const rounded = roundTable(t, { unit: 'thousand' });
          expect(rounded.differences).toEqual([]);
          const total = t.rows.at(-1)!.cells.reduce((a, c) => (c.amount === undefined ? a : a.add(c.amount)), new Dec(0));
          expect(total.toFixed()).toBe(r.total[String(year)]![side].amount.toFixed());
        }
      }),
      { numRuns: 25 },
    );
  });
});
