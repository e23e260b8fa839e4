import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, summarise } from '../../src/uncertainty/stats.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const wholeCents = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.maxSafeInteger());
const data = fc.oneof(fc.array(finite, { minLength: 1, maxLength: 200 }), fc.array(wholeCents, { minLength: 1, maxLength: 200 }));
const percentage = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));

describe('stats properties', () => {
  it('percentiles are ordered: P5 <= P50 <= P95, and any p <= q gives P(p) <= P(q)', () => {
    fc.assert(
      fc.property(data, percentage, percentage, (values, p, q) => {
        const s = summarise(Float64Array.from(values), [5, 50, 95]);
        expect(s.min <= s.p5! && s.p5! <= s.p50! && s.p50! <= s.p95! && s.p95! <= s.max).toBe(true);
        const sorted = Float64Array.from(values).sort();
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        expect(percentile(sorted, lo)).toBeLessThanOrEqual(percentile(sorted, hi));
      }),
      { numRuns },
    );
  });

  it('a percentile is always one of the values, with at least p% of them at or below it', () => {
    fc.assert(
      fc.property(data, percentage, (values, p) => {
        const sorted = Float64Array.from(values).sort();
        const value = percentile(sorted, p);
        expect(sorted.includes(value)).toBe(true);
        const atOrBelow = sorted.filter((v) => v <= value).length;
        expect(atOrBelow * 100).toBeGreaterThanOrEqual(p * sorted.length - 1e-9 * sorted.length);
      }),
      { numRuns },
    );
  });

  it('the mean of whole cents is the exact sum divided once', () => {
    fc.assert(
      fc.property(fc.array(wholeCents, { minLength: 1, maxLength: 200 }), (values) => {
        const sum = values.reduce((a, b) => a + BigInt(b), 0n);
        const n = BigInt(values.length);
        const expected = Number(sum / n) + Number(sum % n) / values.length;
        const mean = summarise(Float64Array.from(values)).mean;
        // exact sum, one rounding (or two past 2^53): within one ulp of the true quotient
        expect(Math.abs(mean - expected)).toBeLessThanOrEqual(Math.abs(expected) * 2 ** -52);
        if (values.every((v) => Math.abs(v) <= 1e9)) expect(mean).toBe(Number(sum) / values.length);
      }),
      { numRuns },
    );
  });

  it('min <= mean <= max', () => {
    fc.assert(
      fc.property(data, (values) => {
        const s = summarise(Float64Array.from(values));
        const slack = 1e-12 * Math.max(Math.abs(s.min), Math.abs(s.max));
        expect(s.mean).toBeGreaterThanOrEqual(s.min - slack);
        expect(s.mean).toBeLessThanOrEqual(s.max + slack);
      }),
      { numRuns },
    );
  });
});
