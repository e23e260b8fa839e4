import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { run as motion } from '../../examples/20-scenario-motion-2506-84.js';
import { run as pmEstimates } from '../../examples/21-scenario-pm-estimates.js';
import { run as hervormingsagenda } from '../../examples/22-scenario-hervormingsagenda.js';
import { scenarioTable } from '../../src/report/scenario-table.js';

const k = (n: number) => new Dec(n).times(1000);
const YEARS = ['2026', '2027', '2028', '2029', '2030', '2031'];

describe('example 20: motion 2506-84', () => {
  const { before, after, result, comparison } = motion();
  it('takes programme 2 savings from 954 to 720 and keeps the municipality total', () => {
    for (const y of YEARS) {
      expect(before.sections.find((s) => s.id === '4')!.totals[y]!.amount).toEqual(k(954));
      expect(after.sections.find((s) => s.id === '4')!.totals[y]!.amount).toEqual(k(720));
      expect(after.total[y]!.amount).toEqual(before.total[y]!.amount);
      expect(comparison.total.years[y]!.amount.isZero()).toBe(true);
    }
    expect(comparison.lines.find((l) => l.id === '4.1')!.presence).toBe('only-a');
    expect(comparison.lines.find((l) => l.id === 'G4.2')!.years['2027']!.amount).toEqual(k(234));
    expect(result.budget.expected).toBeUndefined();
  });
});

describe('example 21: pm posts 1.4 and 1.6 estimated', () => {
  const { comparison, attribution, explanation, result } = pmEstimates();
  it('lowers the saldo by 1.900 a year from 2026, leaves the structural saldo, removes two pm posts', () => {
    expect(comparison.total.years['2025']!.amount.isZero()).toBe(true);
    for (const y of YEARS) {
      expect(comparison.total.years[y]!.amount).toEqual(k(-1900));
      expect(comparison.total.years[y]!.structural.isZero()).toBe(true);
      expect(comparison.total.years[y]!.pm.difference).toBe(-2);
    }
  });
  it('attributes -1.100 and -800 to the two estimates and explains 1.4 in 2027', () => {
    expect(attribution.method).toBe('exact');
    expect(attribution.shares.map((s) => s.amounts['2027'])).toEqual([k(-1100), k(-800)]);
    expect(explanation.baseline.pm).toBe(true);
    expect(explanation.steps).toHaveLength(1);
    expect(explanation.steps[0]!.kind).toBe('estimate-pm');
    expect(explanation.result).toEqual({ amount: k(-1100), pm: false });
    expect(result.ranges.filter((r) => r.row === '1.6' && r.year === 2027)[0]).toMatchObject({ low: k(-1000), likely: k(-800), high: k(-600) });
  });
});

describe('example 22: Hervormingsagenda', () => {
  const { baseline, results } = hervormingsagenda();
  const base = evaluate(baseline).total;
  const path: Record<string, number> = { '2025': 3000, '2026': 7000, '2027': 8000, '2028': 9000, '2029': 10000, '2030': 11000, '2031': 12000 };
  it('books the full path, half of it, and pm from 2028', () => {
    const [full, half, pmFrom2028] = results.map((r) => evaluate(r.budget).total);
    for (const [y, v] of Object.entries(path)) {
      expect(full![y]!.amount.minus(base[y]!.amount)).toEqual(k(v));
      expect(half![y]!.amount.minus(base[y]!.amount)).toEqual(k(v / 2));
      const expected = Number(y) >= 2028 ? 0 : v;
      expect(pmFrom2028![y]!.amount.minus(base[y]!.amount).toNumber()).toBe(k(expected).toNumber());
      expect(pmFrom2028![y]!.pm.includes('HA')).toBe(Number(y) >= 2028);
    }
    expect(results[1]!.chain).toEqual(['ha-volledig', 'ha-50']);
  });
  it('prints the three side by side', () => {
    const table = scenarioTable(results);
    expect(table.columns.map((c) => c.key)).toEqual(['2025', ...YEARS]);
    const saldo = table.rows.filter((r) => r.kind === 'line' && r.id.startsWith('saldo/'));
    expect(saldo).toHaveLength(3);
    expect(saldo[2]!.cells[3]!.pm).toBe(true);
  });
});
