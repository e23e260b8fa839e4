import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monteCarlo, type UncertainInput } from '../../src/uncertainty/index.js';
import { budgetArb } from '../engine/arbitraries.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

const rangeArb = fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }));

describe('monteCarlo properties', () => {
  it('percentiles are ordered (min <= P5 <= P50 <= P95 <= max), and the same seed repeats the result', () => {
    fc.assert(
      fc.property(budgetArb(), fc.array(rangeArb, { minLength: 1, maxLength: 4 }), fc.integer(), (b, ranges, seed) => {
        const rows = b.sections.flatMap((s) => s.lines.map((l) => l.id));
        const inputs: UncertainInput[] = ranges.map(([low, width, likely], k) => ({
          id: `i${k}`,
          kind: 'amount',
          rows: [rows[k % rows.length]!],
          years: [b.horizon.from],
          distribution: { kind: 'triangular', low: String(low), likely: String(low + Math.floor((width * likely) / 100)), high: String(low + width) },
        }));
        const result = monteCarlo(b, { draws: 40, seed, inputs, percentiles: [5, 50, 95] });
        for (const year of result.years) {
          for (const o of [result.saldo[year]!, result.structural[year]!]) {
            const p = o.percentiles;
            expect(o.min.lte(p['p5']!) && p['p5']!.lte(p['p50']!) && p['p50']!.lte(p['p95']!) && p['p95']!.lte(o.max)).toBe(true);
            expect(o.min.lte(o.mean) && o.mean.lte(o.max)).toBe(true);
          }
        }
        expect(JSON.stringify(monteCarlo(b, { draws: 40, seed, inputs, percentiles: [5, 50, 95] }))).toBe(JSON.stringify(result));
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });
});
