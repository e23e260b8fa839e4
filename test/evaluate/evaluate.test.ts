import { describe, expect, it } from 'vitest';
import { budget, evaluate, pm } from '../../src/index.js';
import { seedBudget } from '../helpers.js';

const thousands = (d: { div(n: number): { toFixed(): string } }): string => d.div(1000).toFixed();
const load = (name: string) => seedBudget(`${name}.json`);

describe('evaluate', () => {
  it('reproduces seed 000 TOTAAL SALDO PROGRAMMA to the euro, with its structural and incidental parts', () => {
    const e = evaluate(load('seed000-tb1'));
    expect(e.years.map((y) => thousands(e.total[y]!.amount))).toEqual(['-609', '363', '533', '725', '702', '742', '752']);
    expect(e.years.map((y) => e.total[y]!.amount.toFixed())).toEqual(['-609000', '363000', '533000', '725000', '702000', '742000', '752000']);
    expect(thousands(e.total['2025']!.structural)).toBe('-209');
    expect(thousands(e.total['2025']!.incidental)).toBe('-400');
    expect(thousands(e.total['2026']!.structural)).toBe('725');
    expect(e.checks.every((c) => c.status === 'ok')).toBe(true);
  });

  it('says which lines a total holds pm for', () => {
    const e = evaluate(load('seed000-tb1'));
    expect(e.total['2025']!.pm).toEqual([]);
    expect(e.total['2026']!.pm).toEqual(['1.4', '1.6', '1.8', '3.1']);
    expect(e.total['2027']!.pm).toEqual(['1.1', '1.4', '1.6', '1.8']);
    expect(e.sections[0]!.totals['2026']!.pm).toEqual(['1.4', '1.6', '1.8']);
    expect(e.lines['1.1']!.totals['2026']!.pm).toEqual([]);
    expect(e.lines['1.1']!.totals['2027']!.pm).toEqual(['1.1']);
  });

  it('sums a line from its own row and its components', () => {
    const e = evaluate(load('seed000-tb1'));
    expect(thousands(e.lines['1.1']!.totals['2025']!.amount)).toBe('2900');
    expect(thousands(e.lines['1.2']!.totals['2025']!.amount)).toBe('-400');
    expect(thousands(e.lines['3.2']!.totals['2026']!.amount)).toBe('-653');
    expect(thousands(e.sections[3]!.totals['2026']!.amount)).toBe('954');
    expect(e.lines['3.2']!.totals['2027']!.empty).toBe(true);
  });

  it('reports seed 001 Financieel samengevat rounding differences as afrondingsverschil, not as errors', () => {
    const e = evaluate(load('seed001-financieel-samengevat'));
    const rounding = e.checks.filter((c) => c.status === 'rounding').map((c) => `${c.scope}:${c.id}:${c.year}:${thousands(c.difference)}`);
    expect(rounding).toEqual([
      'section:A:2025:1',
      'section:A:2027:-1',
      'section:A:2028:-1',
      'section:A:2029:-1',
      'total::2024:-1',
      'total::2025:1',
      'total::2026:1',
      'total::2027:-1',
      'total::2028:-1',
      'total::2029:-1',
    ]);
    expect(e.checks.some((c) => c.status === 'mismatch')).toBe(false);
  });

  it('reads seed 001 and seed 003 tables in their own sign conventions', () => {
    const bw = evaluate(load('seed001-beleidswijzigingen'));
    expect(bw.years.map((y) => thousands(bw.total[y]!.amount))).toEqual(['-653', '0', '0', '0']);
    expect(bw.total['2026']!.pm).toEqual(['1']);
    const bz = evaluate(load('seed001-bezuinigingen'));
    expect(bz.years.map((y) => thousands(bz.total[y]!.amount))).toEqual(['720', '720', '720', '720']);
    const nb = evaluate(load('seed003-nieuw-beleid'));
    expect(nb.years.map((y) => thousands(nb.total[y]!.amount))).toEqual(['-1352', '-1352', '-20', '0']);
  });

  it('treats a subtotal line as a check, not as an amount', () => {
    const b = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2027 } })
      .section('1', 's')
      .line('a', 'sum', [100, 10], { nature: 'structural', row: 'subtotal' })
      .component('x', [60, 4])
      .component('y', [40, 6])
      .build();
    const e = evaluate(b);
    expect(e.total['2026']!.amount.toFixed()).toBe('100');
    expect(e.checks.map((c) => c.status)).toEqual(['ok', 'ok']);
    expect(() =>
      budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2026 } })
        .section('1', 's')
        .line('a', 'sum', [102], { nature: 'structural', row: 'subtotal' })
        .component('x', [60])
        .component('y', [40])
        .build(),
    ).toThrow(/differs/);
  });

  it('never changes its input and returns a frozen result', () => {
    const b = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2026 } }).section('1', 's').line('a', 'x', [pm], { nature: 'incidental' }).build();
    const before = JSON.stringify(b);
    const e = evaluate(b);
    expect(JSON.stringify(b)).toBe(before);
    expect(Object.isFrozen(e.total)).toBe(true);
    expect(Object.isFrozen(e.total['2026'])).toBe(true);
    expect(() => {
      (e.total['2026'] as { amount: unknown }).amount = 5;
    }).toThrow(TypeError);
  });
});
