import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { compareScenarios } from '../../src/analysis/compare.js';
import { budgetWithItemsArb } from '../scenario/cover-arbitraries.js';
import { run } from '../../examples/23-scenario-cover-and-targets.js';

const k = (n: number) => new Dec(n).times(1000);
const mln = (n: number | string) => new Dec(n).times(1_000_000);
const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

describe('example 23: scenarios on cover and targets', () => {
  const { ukraineComparison: c, comparisons } = run();
  it('a lower Ukraine pool leaves 500 of 3.1 uncovered in 2025, per line, section and total, and leaves the saldo', () => {
    expect(c.lines.find((l) => l.id === '3.1')!.years['2025']!.cover).toEqual({
      covered: { a: k(2100), b: k(1600), difference: k(-500) },
      uncovered: { a: new Dec(0), b: k(500), difference: k(500) },
    });
    expect(c.sections.find((s) => s.id === '3')!.years['2025']!.cover!.uncovered.difference).toEqual(k(500));
    expect(c.total.years['2025']!.cover!.uncovered).toEqual({ a: new Dec(0), b: k(500), difference: k(500) });
    expect(c.total.years['2025']!.amount.isZero()).toBe(true);
    expect(c.total.changed).toBe(true);
    expect(c.lines.filter((l) => l.changed).map((l) => l.id)).toEqual(['3.1']);
    const pool = c.sources!.find((s) => s.id === 'oekraine')!;
    expect(pool.years['2025']).toEqual({ given: { a: k(2500), b: k(2000), difference: k(-500) }, overCommitted: { a: new Dec(0), b: k(500), difference: k(500) } });
    expect(c.sources!.filter((s) => s.changed).map((s) => s.id)).toEqual(['oekraine']);
    expect(c.targets).toBeUndefined();
  });
  it('compares the Hervormingsagenda gaps: as planned, 50%, pm from 2028, purchasing two years late', () => {
    const gaps = comparisons.map((cmp) => ['2025', '2026', '2027', '2028', '2031'].map((y) => cmp.targets![0]!.years[y]!.gap.b.div(1e6).toFixed()));
    expect(gaps).toEqual([
      ['0', '1', '-0.47', '0.53', '3.53'],
      ['1.5', '4', '3.765', '4.765', '7.765'],
      ['1.5', '4', '3.765', '-4.235', '-4.235'],
      ['0.5', '3.5', '4', '4', '5.53'],
    ]);
    expect(comparisons[0]!.targets![0]!.years['2027']!.gap.a).toEqual(mln(3.25));
    expect(comparisons[2]!.targets![0]!.years['2028']!.pm).toEqual({ a: false, b: true });
    expect(comparisons[1]!.total.years['2027']!.targetGap).toEqual({ a: mln(3.25), b: mln(3.765), difference: mln(0.515) });
    for (const cmp of comparisons) {
      expect(cmp.total.years['2027']!.amount.isZero()).toBe(true);
      expect(cmp.total.years['2027']!.cover).toBeUndefined();
      expect(cmp.sources).toBeUndefined();
    }
  });
});

describe('compareScenarios with cover and targets: properties', () => {
  it('a budget compared with itself differs nowhere; the total cover is the sum over the lines', () => {
    fc.assert(
      fc.property(budgetWithItemsArb(), (budget) => {
        const cmp = compareScenarios(budget, budget);
        expect(cmp.total.changed || cmp.lines.some((l) => l.changed) || cmp.sections.some((s) => s.changed)).toBe(false);
        expect(cmp.sources!.some((s) => s.changed) || cmp.targets!.some((t) => t.changed)).toBe(false);
        for (const y of cmp.years) {
          const sum = (pick: 'covered' | 'uncovered') => cmp.lines.reduce((acc, l) => acc.plus(l.years[y]!.cover![pick].b), new Dec(0));
          expect(cmp.total.years[y]!.cover!.uncovered.b.eq(sum('uncovered'))).toBe(true);
          expect(cmp.total.years[y]!.cover!.covered.b.eq(sum('covered'))).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});
