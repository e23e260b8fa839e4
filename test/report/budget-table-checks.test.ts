import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { budget, budgetTable, budgetToJson, loadBudget, pm, readPrintedTable, renderCsv, renderHtml, renderMarkdown, renderText, roundTable, type Table, type TableRow } from '../../src/index.js';
import { budgetArb } from '../../src/testing/index.js';
import { seedText } from '../helpers.js';

const numRuns = process.env.MEERJAREN_DEEP ? 5000 : 150;
const samengevat = (): ReturnType<typeof loadBudget> => loadBudget(seedText('seed001-financieel-samengevat.json'));
const rowById = (table: Table, id: string): TableRow => table.rows.find((r) => r.id === id)!;

describe('budgetTable: the checks of printed totals shown where the figures are', () => {
  it('marks each printed total that differs from its rows and lists it in a note, in the source unit (seed 001)', () => {
    const table = budgetTable(samengevat());
    const a = rowById(table, 'subtotal:A');
    expect(a.cells.map((c) => c.check)).toEqual([undefined, 'rounding', undefined, 'rounding', 'rounding', 'rounding']);
    const notes = table.rows.filter((r) => r.kind === 'note').map((r) => r.label);
    expect(notes).toHaveLength(10);
    expect(notes[0]).toBe('* onderdeel A 2025: gedrukt -151.175, som van de regels -151.176 (x € 1.000): afrondingsverschil 1');
    const text = renderText(table);
    expect(text).toMatch(/^Subtotaal A +-136\.759 +-151\.176\* +-158\.250 +-157\.730\* /m);
    expect(text).toContain('* totaal 2024: gedrukt -135.874, som van de regels -135.873 (x € 1.000): afrondingsverschil -1\n');
    for (const render of [renderMarkdown, renderHtml, renderCsv]) expect(render(table)).toContain('afrondingsverschil 1');
    expect(renderMarkdown(table)).toContain('-151.176\\*');
  });

  it("shows the printed figures with the seed's own Afrondingsverschil rows when asked", () => {
    const table = budgetTable(samengevat(), { figures: 'printed' });
    expect(rowById(table, 'subtotal:A').cells.map((c) => c.amount?.toFixed())).toEqual(['-136759000', '-151175000', '-158250000', '-157731000', '-156613000', '-156536000']);
    const difference = rowById(table, 'subtotal:A:verschil');
    expect(difference.kind).toBe('rounding');
    expect(difference.label).toBe('Afrondingsverschil');
    expect(difference.cells.map((c) => c.amount?.toFixed())).toEqual([undefined, '1000', undefined, '-1000', '-1000', '-1000']);
    expect(rowById(table, 'subtotal:A').of).toContain('subtotal:A:verschil');
    // every figure as printed: the grand total is the printed Saldo, and the rounded rows still add up
    expect(rowById(table, 'total').cells.map((c) => c.amount?.div(1000).toFixed())).toEqual(['-135874', '-152558', '-157884', '-157677', '-156613', '-156536']);
    expect(table.rows.some((r) => r.kind === 'note')).toBe(false);
    expect(renderText(table)).toMatch(/^Afrondingsverschil +1 +-1 +-1 +-1$/m);
  });

  it('lists a mismatch in both modes, and labels the printed difference as more than rounding', () => {
    const doc = JSON.parse(budgetToJson(samengevat())) as { expected: Record<string, string> };
    doc.expected['2026'] = '-150000';
    const b = loadBudget(doc, { totals: 'ignore' });
    const computed = budgetTable(b);
    expect(rowById(computed, 'total').cells[2]!.check).toBe('mismatch');
    expect(renderText(computed)).toContain('! totaal 2026: gedrukt -150.000, som van de regels -157.885 (x € 1.000): verschil groter dan afronding 7.885');
    const printed = budgetTable(b, { figures: 'printed', labels: 'en' });
    expect(rowById(printed, 'total:verschil').label).toBe('Difference from the sum of the rows');
    expect(printed.rows.filter((r) => r.kind === 'note').map((r) => r.label)).toEqual(['! total 2026: printed -150,000, sum of its rows -157,885 (x € 1,000): difference beyond rounding 7,885']);
  });

  it('refuses a cell whose pm direction or check is not one of the list, at its path', () => {
    const table = budgetTable(samengevat());
    const bad = (cell: object): Table => ({ ...table, rows: table.rows.map((r, i) => (i === 1 ? { ...r, cells: [cell, ...r.cells.slice(1)] } : r)) }) as Table;
    expect(() => renderText(bad({ amount: undefined, pm: true, pmDirection: 'up' }))).toThrow(/table\.rows\[1\]\.cells\[0\]\.pmDirection/);
    expect(() => renderText(bad({ amount: new Dec(1), pm: false, check: 'wrong' }))).toThrow(/table\.rows\[1\]\.cells\[0\]\.check/);
    expect(renderText(bad({ ...table.rows[1]!.cells[0]!, check: 'mismatch' }))).toMatch(/^  lasten Lasten +-156\.729!/m);
  });

  it('shows no marks and no notes with checks: false', () => {
    const table = budgetTable(samengevat(), { checks: false });
    expect(table.rows.some((r) => r.kind === 'note' || r.cells.some((c) => c.check !== undefined))).toBe(false);
  });

  it('prints a subtotal under the sections whose subtotal the source prints, unless told otherwise', () => {
    expect(budgetTable(samengevat()).rows.filter((r) => r.id.startsWith('subtotal:')).map((r) => r.id)).toEqual(['subtotal:A', 'subtotal:B']);
    expect(budgetTable(samengevat(), { sectionTotals: false }).rows.some((r) => r.id.startsWith('subtotal:'))).toBe(false);
  });
});

describe('budgetTable: totals as the source prints them', () => {
  const horizon = { from: 2025, to: 2027, budgetYear: 2025 };
  it('a total with nothing in it is blank, unless the source printed a figure for it', () => {
    const b = budget({ title: 'T', unit: 'thousand', horizon }).section('1', 'S').line('1.1', 'a', [5, null, null], { nature: 'structural' }).build();
    expect(rowById(budgetTable(b), 'total').cells.map((c) => c.amount?.toFixed())).toEqual(['5000', undefined, undefined]);
    const printed = budget({ title: 'T', unit: 'thousand', horizon }).section('1', 'S').line('1.1', 'a', [5, null, null], { nature: 'structural' }).total([5, 0, 0]).build();
    expect(rowById(budgetTable(printed), 'total').cells.map((c) => c.amount?.toFixed())).toEqual(['5000', '0', '0']);
  });

  it('a total says which way its pm posts go: "- pm" when all are nadeel, "± pm" when both occur, "+ pm" when unknown', () => {
    const b = budget({ title: 'T', unit: 'thousand', horizon })
      .section('1', 'S')
      .line('1.1', 'a', [-100, -100, -100], { nature: 'structural' })
      .line('1.2', 'b', [null, '-pm', '-pm'], { nature: 'structural' })
      .line('1.3', 'c', [null, null, '+pm'], { nature: 'structural' })
      .build();
    const table = budgetTable(b);
    expect(rowById(table, 'total').cells.map((c) => c.pmDirection)).toEqual([undefined, 'nadeel', 'mixed']);
    expect(renderText(table)).toMatch(/^TOTAAL SALDO PROGRAMMA +-100 +-100 - pm +-100 ± pm$/m);
    const unknown = budget({ title: 'T', unit: 'thousand', horizon }).section('1', 'S').line('1.1', 'a', [-100, -100, -100], { nature: 'structural' }).line('1.2', 'b', [null, pm, pm], { nature: 'structural' }).build();
    expect(renderText(budgetTable(unknown))).toMatch(/^TOTAAL SALDO PROGRAMMA +-100 +-100 \+ pm +-100 \+ pm$/m);
  });

  it("labels rows as the source does: its subtotal labels, and ids only where it prints them", () => {
    const b = budget({ title: 'T', unit: 'thousand', horizon, showIds: false })
      .section('A', 'Bestaand beleid')
      .line('r1', 'Wmo', [1, 2, 3], { nature: 'structural' })
      .sectionTotal([1, 2, 3], 'Subtotaal bestaand beleid')
      .build();
    const table = budgetTable(b);
    expect(table.rows.map((r) => r.label)).toEqual(['Bestaand beleid', 'Wmo', 'Subtotaal bestaand beleid', 'TOTAAL SALDO PROGRAMMA']);
    const back = loadBudget(budgetToJson(b));
    expect(back.presentation.showIds).toBe(false);
    expect(back.sections[0]!.totalLabel).toBe('Subtotaal bestaand beleid');
    expect(budgetTable(loadBudget({ ...JSON.parse(budgetToJson(b)), showIds: true })).rows[1]!.label).toBe('r1 Wmo');
    expect(() => loadBudget({ ...JSON.parse(budgetToJson(b)), showIds: 'no' })).toThrow(/showIds: expected true or false/);
  });

  it('a printed table without row numbers is shown without the ids made up for it', () => {
    const plain = readPrintedTable('Bedragen x € 1.000;2026;2027\nLasten;-10;-20\nBaten;5;5\nSaldo;-5;-15', { nature: 'structural' });
    expect(plain.document.showIds).toBe(false);
    expect(budgetTable(loadBudget(plain.document)).rows.map((r) => r.label)).toEqual(['Gedrukte tabel', 'Lasten', 'Baten', 'Saldo']);
    const numbered = readPrintedTable('Bedragen x € 1.000;2026;2027\n1.1 Lasten;-10;-20\n1.2 Baten;5;5\nSaldo;-5;-15', { nature: 'structural' });
    expect(numbered.document.showIds).toBeUndefined();
  });

  it('column groups name the years they span in this horizon', () => {
    const b = budget({ title: 'T', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } }).section('1', 'S').line('1.1', 'a', [1, 2, 3], { nature: 'structural' }).build();
    const table = budgetTable(b);
    expect(table.columns.map((c) => c.group)).toEqual(['', 'MJB 2026 - 2027', 'MJB 2026 - 2027']);
    expect(renderMarkdown(table)).toContain('Kolomgroepen: MJB 2026 - 2027: 2026 t/m 2027\n');
  });
});

/** A budget's document with some printed totals moved by a few units of the table, loaded without refusing. */
const movedArb = budgetArb({ printedTotals: true, subtotals: true, maxLines: 5, maxSections: 3, maxMicros: 10n ** 18n }).chain((b) =>
  fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 40, maxLength: 40 }).map((moves) => {
    const doc = JSON.parse(budgetToJson(b)) as { expected?: Record<string, string>; sections: { expected?: Record<string, string> }[] };
    let k = 0;
    const move = (record: Record<string, string> | undefined): void => {
      for (const year of Object.keys(record ?? {})) {
        const m = moves[k++ % moves.length]!;
        if (record![year] !== 'pm') record![year] = new Dec(record![year]!.replace(',', '.')).add(m).toFixed();
      }
    };
    move(doc.expected);
    doc.sections.forEach((s) => move(s.expected));
    return loadBudget(doc, { totals: 'ignore' });
  }),
);

describe('budgetTable: the printed figures, for any budget', () => {
  it('computed: every check that is not ok is marked once and noted once; printed: every total is the sum of its rows', () => {
    fc.assert(
      fc.property(movedArb, (b) => {
        const computed = budgetTable(b);
        const marked = computed.rows.flatMap((r) => r.cells.filter((c) => c.check !== undefined));
        const notes = computed.rows.filter((r) => r.kind === 'note');
        const notOk = budgetTable(b, { checks: false }).rows.length === computed.rows.length - notes.length;
        expect(notOk).toBe(true);
        expect(marked.length).toBe(notes.length);
        const printed = budgetTable(b, { figures: 'printed' });
        const byId = new Map(printed.rows.map((r) => [r.id, r]));
        for (const row of printed.rows) {
          if (row.of === undefined) continue;
          row.cells.forEach((cell, c) => {
            const sum = row.of!.reduce((acc, id) => acc.add(byId.get(id)!.cells[c]!.amount ?? 0), new Dec(0));
            expect((cell.amount ?? new Dec(0)).eq(sum)).toBe(true);
          });
        }
        // the rounded figures still add up, and every renderer prints it
        expect(() => [roundTable(printed), renderText(printed), renderCsv(printed)]).not.toThrow();
      }),
      { numRuns },
    );
  });
});
