import { describe, expect, it } from 'vitest';
import { Dec, type Decimal } from '../../src/core/decimal.js';
import { allocateRounded, roundTable, roundToStep } from '../../src/report/allocate.js';
import type { Table, TableCell, TableRow } from '../../src/report/table.js';
import { issuesOf } from './fixtures/issues.js';

const d = (xs: readonly (number | string)[]): Decimal[] => xs.map((x) => new Dec(x));
const s = (xs: readonly Decimal[]): string[] => xs.map((x) => x.toFixed());
const ONE = new Dec(1);

describe('roundToStep', () => {
  it('rounds to a multiple of the step with the mode', () => {
    expect(roundToStep(new Dec(1500), new Dec(1000), 'half-up').toFixed()).toBe('2000');
    expect(roundToStep(new Dec(-1500), new Dec(1000), 'half-up').toFixed()).toBe('-2000');
    expect(roundToStep(new Dec(2500), new Dec(1000), 'half-even').toFixed()).toBe('2000');
    expect(roundToStep(new Dec(-1), new Dec(1000), 'floor').toFixed()).toBe('-1000');
    expect(roundToStep(new Dec('0.12'), new Dec('0.05'), 'half-up').toFixed()).toBe('0.1');
    expect(Object.is(roundToStep(new Dec(-1), new Dec(1000), 'half-up').toNumber(), -0)).toBe(false);
  });
});

describe('allocateRounded', () => {
  it('hands the missing step to the largest remainder', () => {
    expect(s(allocateRounded(d([1.4, 1.4, 1.2]), new Dec(4), ONE))).toEqual(['2', '1', '1']);
    expect(s(allocateRounded(d([1.2, 1.4, 1.4]), new Dec(4), ONE))).toEqual(['1', '2', '1']);
  });

  it('takes a step from the smallest remainder when own roundings overshoot', () => {
    // 0.6 + 0.6 + 0.6 = 1.8 -> 2; own roundings give 3
    expect(s(allocateRounded(d([0.6, 0.6, 0.7]), new Dec(1.9), ONE))).toEqual(['1', '0', '1']);
  });

  it('breaks ties by index, mirrored for negative parts', () => {
    expect(s(allocateRounded(d([0.5, 0.5]), new Dec(1), ONE))).toEqual(['1', '0']);
    expect(s(allocateRounded(d([-0.5, -0.5]), new Dec(-1), ONE))).toEqual(['-1', '0']);
    expect(s(allocateRounded(d([0.5, 0.5, 0.5]), new Dec(1.5), ONE, 'half-even'))).toEqual(['1', '1', '0']);
  });

  it('rounds in thousands, keeping the sum of seed 001 style rows', () => {
    // gerealiseerd saldo -136.759,4 and mutaties reserves 885,6: saldo -135.873,8 prints -135.874
    const parts = d([-136_759_400, 885_600]);
    const out = allocateRounded(parts, new Dec(-135_873_800), new Dec(1000));
    expect(s(out)).toEqual(['-136760000', '886000']);
  });

  it('keeps mixed signs within one step', () => {
    expect(s(allocateRounded(d([0.6, -0.6]), new Dec(0), ONE))).toEqual(['1', '-1']);
    expect(s(allocateRounded(d([2.5, -1.5, 0.3]), new Dec(1.3), ONE))).toEqual(['3', '-2', '0']);
    expect(s(allocateRounded(d([0.4, 0.4, -0.3]), new Dec(0.5), ONE))).toEqual(['1', '0', '0']);
  });

  it('never moves fixed parts or exact multiples', () => {
    const out = allocateRounded(d([0, 0.5, 0.5, 3]), new Dec(4), ONE, 'half-up', { fixed: [true, false, false, false] });
    expect(s(out)).toEqual(['0', '1', '0', '3']);
    expect(s(allocateRounded(d([2, 0.3, 0.3, 0.4]), new Dec(3), ONE))).toEqual(['2', '0', '0', '1']);
  });

  it('works with any positive step', () => {
    expect(s(allocateRounded(d([0.12, 0.13]), new Dec(0.25), new Dec(0.05)))).toEqual(['0.1', '0.15']);
    expect(s(allocateRounded(d([1, 1, 1]), new Dec(3), new Dec(3)))).toEqual(['3', '0', '0']);
    expect(s(allocateRounded([], new Dec(0), ONE))).toEqual([]);
  });

  it('refuses what it cannot do', () => {
    expect(issuesOf(() => allocateRounded(d([1]), new Dec(1), new Dec(0)))).toEqual(['invalid_value@step']);
    expect(issuesOf(() => allocateRounded(d([1, 'NaN']), new Dec(Infinity), ONE))).toEqual(['invalid_amount@total', 'invalid_amount@parts[1]']);
    expect(issuesOf(() => allocateRounded(d([1]), new Dec(1), ONE, 'half-up', { fixed: [] }))).toEqual(['invalid_value@fixed']);
    expect(issuesOf(() => allocateRounded(d([0.5]), new Dec(1), ONE, 'half-up', { fixed: [true] }))).toEqual([
      'invalid_value@parts[0]',
    ]);
    expect(issuesOf(() => allocateRounded(d([1.2, 1.2]), new Dec(5), ONE))).toEqual(['total_mismatch@total']);
  });
});

const amount = (n: number | string): TableCell => ({ amount: new Dec(n), pm: false });
const NIL: TableCell = { amount: undefined, pm: false };
const PM: TableCell = { amount: undefined, pm: true };
const line = (id: string, cells: TableCell[], extra: Partial<TableRow> = {}): TableRow => ({
  id,
  label: id,
  kind: 'line',
  depth: 1,
  cells,
  ...extra,
});
const table = (rows: TableRow[], columns = 1): Table => ({
  title: 't',
  columns: Array.from({ length: columns }, (_, i) => ({ key: String(2025 + i), label: String(2025 + i) })),
  rows,
});
const shown = (t: Table, id: string): (string | undefined)[] =>
  t.rows.find((r) => r.id === id)?.cells.map((c) => c.amount?.toFixed()) ?? [];

describe('roundTable', () => {
  // seed 001, Financieel samengevat 2024, in euros (exact figures invented to reproduce the printed difference)
  const seed001 = table([
    line('lasten', [amount(-156_729_400)]),
    line('baten', [amount(19_970_000)]),
    { ...line('gerealiseerd', [amount(-136_759_400)]), kind: 'subtotal', depth: 0, of: ['lasten', 'baten'] },
    line('mutaties', [amount(885_600)]),
    { ...line('saldo', [amount(-135_873_800)]), kind: 'total', depth: 0, of: ['gerealiseerd', 'mutaties'] },
  ]);

  it('consistent: every printed total is the sum of its printed parts', () => {
    const t = roundTable(seed001);
    expect(shown(t, 'saldo')).toEqual(['-135874000']);
    expect(shown(t, 'gerealiseerd')).toEqual(['-136760000']);
    expect(shown(t, 'mutaties')).toEqual(['886000']);
    expect(shown(t, 'lasten')).toEqual(['-156730000']);
    expect(shown(t, 'baten')).toEqual(['19970000']);
    expect(t.differences).toEqual([]);
    expect(t.step.toFixed()).toBe('1000');
    expect(Object.isFrozen(t.rows[0]?.cells[0])).toBe(true);
  });

  it('plain: rounds each cell and adds an Afrondingsverschil row after a total that no longer adds up', () => {
    const t = roundTable(seed001, { rounding: 'plain' });
    expect(shown(t, 'saldo')).toEqual(['-135874000']);
    expect(shown(t, 'gerealiseerd')).toEqual(['-136759000']);
    expect(t.rows.map((r) => r.id)).toEqual(['lasten', 'baten', 'gerealiseerd', 'mutaties', 'saldo', 'saldo.afrondingsverschil']);
    const diff = t.rows[5];
    expect(diff).toMatchObject({ kind: 'rounding', label: 'Afrondingsverschil', depth: 0 });
    expect(diff?.cells.map((c) => c.amount?.toFixed())).toEqual(['-1000']);
    expect(t.differences).toEqual([diff]);
    expect(roundTable(seed001, { rounding: 'plain', labels: 'en' }).differences[0]?.label).toBe('Rounding difference');
  });

  it('plain: columns without a difference stay blank in the difference row', () => {
    const t = roundTable(
      table([line('a', [amount(400), amount(1000)]), line('b', [amount(400), amount(0)]), { ...line('t', [amount(800), amount(1000)]), kind: 'total', of: ['a', 'b'] }], 2),
      { rounding: 'plain' },
    );
    expect(t.differences[0]?.cells.map((c) => c.amount?.toFixed())).toEqual(['1000', undefined]);
  });

  it('keeps pm and nil cells as they are', () => {
    const t = roundTable(
      table([line('a', [PM, amount(1400)]), line('b', [NIL, amount(1400)]), { ...line('t', [PM, { amount: new Dec(2800), pm: true }]), kind: 'total', of: ['a', 'b'] }], 2),
    );
    expect(t.rows[0]?.cells[0]).toEqual(PM);
    expect(t.rows[1]?.cells[0]).toEqual(NIL);
    expect(shown(t, 't')).toEqual([undefined, '3000']);
    expect(shown(t, 'a')).toEqual([undefined, '2000']);
    expect(shown(t, 'b')).toEqual([undefined, '1000']);
    expect(t.rows[2]?.cells[1]?.pm).toBe(true);
  });

  it('rounds to the display unit and decimals', () => {
    const t = roundTable(table([line('a', [amount(1_234_567)])]), { unit: 'million', decimals: 1 });
    expect(shown(t, 'a')).toEqual(['1200000']);
    expect(t.step.toFixed()).toBe('100000');
  });

  it('never silently breaks a total named twice: a row in two totals', () => {
    const t = roundTable(
      table(
        [
          line('a', [amount(600)]),
          line('b', [amount(600)]),
          { ...line('sa', [amount(600)]), kind: 'subtotal', of: ['a'] },
          { ...line('sb', [amount(600)]), kind: 'subtotal', of: ['b'] },
          { ...line('t', [amount(1200)]), kind: 'total', of: ['a', 'b'] },
        ],
      ),
    );
    expect(shown(t, 'a')).toEqual(['1000']);
    expect(shown(t, 't')).toEqual(['1000']);
    expect(t.differences.map((r) => [r.id, r.cells[0]?.amount?.toFixed()])).toEqual([['t.afrondingsverschil', '-1000']]);
  });

  it('leaves the input alone', () => {
    const input = table([line('a', [amount(1400)]), { ...line('t', [amount(1400)]), kind: 'total', of: ['a'] }]);
    roundTable(input);
    expect(Object.isFrozen(input.rows[1]?.of)).toBe(false);
    expect(input.rows[0]?.cells[0]?.amount?.toFixed()).toBe('1400');
  });

  it('reports every structural problem with its path', () => {
    const bad = table([
      line('a', [amount(1)]),
      line('a', [amount(1)]),
      line('c', []),
      { ...line('t', [amount(1)]), of: ['a', 'x', 'a'] },
    ]);
    expect(issuesOf(() => roundTable(bad))).toEqual([
      'duplicate_id@rows[1].id',
      'invalid_value@rows[2].cells',
      'unknown_reference@rows[3].of[1]',
      'duplicate_id@rows[3].of[2]',
    ]);
    const cyclic = table([line('a', [amount(0)], { of: ['b'] }), line('b', [amount(0)], { of: ['a'] }), line('c', [amount(0)], { of: ['c'] })]);
    expect(issuesOf(() => roundTable(cyclic))).toEqual(['cycle@rows[0].of', 'cycle@rows[1].of', 'cycle@rows[2].of']);
    expect(issuesOf(() => roundTable(table([line('a', [amount('Infinity')])])))).toEqual(['invalid_amount@rows[0].cells[0]']);
    const mismatch = table([line('a', [amount(1), amount(2)]), { ...line('t', [amount(1), amount(3)]), of: ['a'] }], 2);
    expect(issuesOf(() => roundTable(mismatch))).toEqual(['total_mismatch@rows[1].cells[1]']);
    expect(issuesOf(() => roundTable(table([]), { unit: 'x' as 'euro' }))).toEqual(['invalid_value@unit']);
  });
});
