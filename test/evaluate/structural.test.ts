import { describe, expect, it } from 'vitest';
import { budget } from '../../src/index.js';
import { structuralBalance } from '../../src/evaluate/structural.js';
import { withCover } from '../../src/validate/with-cover.js';
import { withTargets } from '../../src/validate/with-targets.js';
import { seed000Balance } from '../../examples/12-seed000-structural-balance.js';

const k = (d: { div(n: number): { toFixed(): string } } | undefined): string | undefined => d?.div(1000).toFixed();

describe('seed 000 structural balance', () => {
  const { balance, summary } = seed000Balance();
  it('splits the saldo into structural and incidental', () => {
    const row = (y: number) => [balance.perYear[y]?.saldo, balance.perYear[y]?.incidental, balance.perYear[y]?.structural].map(k);
    expect(row(2025)).toEqual(['-609', '-400', '-209']);
    expect(row(2026)).toEqual(['363', '-362', '725']);
    expect(row(2027)).toEqual(['533', '-192', '725']);
    expect(row(2029)).toEqual(['702', '0', '702']);
    expect(k(balance.perYear[2025]?.incidentalIncome)).toBe('7971');
    expect(k(balance.perYear[2025]?.incidentalExpenses)).toBe('-8371');
  });
  it('is structurally in balance in the first MJB year', () => {
    expect(balance.firstYear).toBe(2026);
    expect(balance.lastYear).toBe(2029);
    expect(balance.verdict).toBe('first-year');
  });
  it('warns about the pm posts', () => {
    expect(balance.warnings.filter((w) => w.code === 'pm_post').map((w) => w.id).sort()).toEqual(['1.1', '1.4', '1.6', '1.8', '3.1']);
    expect(balance.warnings.some((w) => w.code === 'incidental_too_long')).toBe(false);
  });
  it('summarises like "Financieel samengevat", the EUR 2,0 mln as a toevoeging', () => {
    const get = (id: string) => summary.rows.find((r) => r.id === id)?.cells.map((c) => k(c.amount));
    expect(get('lasten')?.[0]).toBe('-6580');
    expect(get('baten')?.[0]).toBe('7971');
    expect(get('gerealiseerd')?.[0]).toBe('1391');
    expect(get('toevoegingen')?.[0]).toBe('-2000');
    expect(get('mutaties')?.[0]).toBe('-2000');
    expect(get('saldo')).toEqual(['-609', '363', '533', '725', '702', '742', '752']);
  });
});

describe('structuralBalance', () => {
  const table = () =>
    budget({ title: 't', unit: 'euro', horizon: { from: 2025, to: 2029, budgetYear: 2025 } })
      .section('1', 's')
      .line('L', 'Lang incidenteel', [-10, -10, -10, -10], { nature: 'incidental' })
      .line('S', 'Structureel', [-100, -100, -100, -100, -100], { nature: 'structural' })
      .line('B', 'Bezuiniging', [0, 0, 0, 150, 150], { nature: 'structural' })
      .build();
  it('uses a configurable incidental threshold', () => {
    expect(structuralBalance(table()).warnings.find((w) => w.code === 'incidental_too_long')?.id).toBe('L');
    expect(structuralBalance(table(), { incidentalThreshold: 4 }).warnings.some((w) => w.code === 'incidental_too_long')).toBe(false);
  });
  it('gives the verdict last-year and counts reserve withdrawals; warns when they are structural or a target is unfilled', () => {
    let b = withCover(table(), {
      sources: [{ id: 'r', title: 'Reserve', kind: 'reserve', nature: 'structural', reserve: { opening: 1000 } }],
      claims: [{ target: 'S', source: 'r', years: [2025] }],
    });
    b = withTargets(b, [{ id: 't', title: 'T', path: [50, 50, 50, 50, 50], measures: [] }]);
    expect(structuralBalance(table()).verdict).toBe('last-year');
    const r = structuralBalance(b);
    // the structural reserve pays S in 2025: structurally balanced there, with a warning
    expect(r.verdict).toBe('first-year');
    expect(r.perYear[2025]?.saldo.toFixed()).toBe('-10');
    expect(r.perYear[2025]?.structural.toFixed()).toBe('0');
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['reserve_withdrawal_structural', 'unfilled_target']));
  });
  it('says not-in-balance when neither year is', () => {
    expect(structuralBalance(table(), {}).perYear[2028]?.structurallyBalanced).toBe(true);
    const worse = budget({ title: 't', unit: 'euro', horizon: { from: 2025, to: 2028 } }).section('1', 's').line('S', 'S', [-1, -1, -1, -1], { nature: 'structural' }).build();
    expect(structuralBalance(worse).verdict).toBe('not-in-balance');
  });
});
