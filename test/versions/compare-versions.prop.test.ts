import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO } from '../../src/core/decimal.js';
import { compareVersions, type VersionComparison, type VersionRow } from '../../src/analysis/compare-versions.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { budgetArb } from '../../src/testing/budgets.js';

const numRuns = process.env.MEERJAREN_DEEP ? 10_000 : 150;
const small = budgetArb({ maxYears: 6, maxSections: 3, maxLines: 4, maxComponents: 2 });

function rowsOf(c: VersionComparison): VersionRow[] {
  return [c.total, ...c.sections, ...c.lines];
}

describe('compareVersions properties', () => {
  it('never counts a year outside a horizon as 0: no difference there, and every other difference adds up', () => {
    fc.assert(
      fc.property(small, small, (a, b) => {
        const c = compareVersions(a, b);
        const inA = new Set(a.horizon.years);
        const inB = new Set(b.horizon.years);
        expect(c.years).toEqual([...new Set([...inA, ...inB])].sort((x, y) => x - y));
        for (const r of rowsOf(c)) {
          for (const y of c.years) {
            const cell = r.years[y]!;
            expect(cell.a.state === 'not-in-version').toBe(!inA.has(y));
            expect(cell.b.state === 'not-in-version').toBe(!inB.has(y));
            expect(cell.difference === undefined).toBe(!inA.has(y) || !inB.has(y));
          }
        }
        const ea = evaluate(a);
        const eb = evaluate(b);
        for (const y of c.years) {
          const d = c.total.years[y]!.difference;
          if (d === undefined) continue;
          expect(d.amount.eq(eb.total[y]!.amount.minus(ea.total[y]!.amount))).toBe(true);
          const sum = c.lines.reduce((s, l) => s.plus(l.years[y]!.difference!.amount), ZERO);
          expect(sum.eq(d.amount)).toBe(true);
          const structural = c.lines.reduce((s, l) => s.plus(l.years[y]!.difference!.structural), ZERO);
          expect(structural.eq(d.structural)).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('comparing a budget with itself gives every difference 0', () => {
    fc.assert(
      fc.property(small, (a) => {
        const c = compareVersions(a, a);
        for (const r of rowsOf(c)) {
          expect(r.status).toBe('both');
          expect(r.changed).toBe(false);
          for (const y of c.years) {
            const d = r.years[y]!.difference!;
            expect(d.amount.isZero() && d.structural.isZero() && d.incidental.isZero() && d.pm === 0).toBe(true);
          }
        }
      }),
      { numRuns },
    );
  });

  it('swapping a and b negates every difference (and new becomes gone)', () => {
    fc.assert(
      fc.property(small, small, (a, b) => {
        const ab = compareVersions(a, b);
        const ba = compareVersions(b, a);
        const key = (r: VersionRow, swap: boolean): string => (swap ? `${r.idB ?? ''}|${r.idA ?? ''}` : `${r.idA ?? ''}|${r.idB ?? ''}`);
        const other = new Map(ba.lines.map((r) => [key(r, true), r]));
        const pairs: [VersionRow, VersionRow][] = [[ab.total, ba.total], ...ab.lines.map((r): [VersionRow, VersionRow] => [r, other.get(key(r, false))!])];
        for (const [x, y] of pairs) {
          expect(y).toBeDefined();
          expect(y.status).toBe(x.status === 'new' ? 'gone' : x.status === 'gone' ? 'new' : 'both');
          for (const year of ab.years) {
            const dx = x.years[year]!.difference;
            const dy = y.years[year]!.difference;
            if (dx === undefined) {
              expect(dy).toBeUndefined();
              continue;
            }
            expect(dx.amount.eq(dy!.amount.neg())).toBe(true);
            expect(dx.structural.eq(dy!.structural.neg())).toBe(true);
            expect(dx.incidental.eq(dy!.incidental.neg())).toBe(true);
            expect(dx.pm + dy!.pm).toBe(0);
          }
        }
      }),
      { numRuns },
    );
  });
});
