import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortFloat64, sortScratch } from '../../src/uncertainty/montecarlo/radix-sort.js';

const numRuns = process.env.MEERJAREN_DEEP ? 10_000 : 60;

/** n values picked from a small pool (so with many ties), by a seeded LCG. */
function valuesOf(pool: readonly number[], n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = pool[s % pool.length]!;
  }
  return out;
}

describe('sortFloat64', () => {
  it('sorts as Float64Array.prototype.sort does, element for element (-0 before +0, infinities, subnormals), below and above the radix threshold', () => {
    const special = fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 2 ** 53 - 1, -(2 ** 53 - 1), 1, -1);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true }), fc.integer(), special), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 9000 }), fc.nat(), fc.nat(7), (pool, n, seed, offset) => {
        const values = valuesOf(pool, n, seed);
        // sorted inside a view of a larger buffer, as the columns are
        const buffer = new Float64Array(n + 8);
        const view = buffer.subarray(offset, offset + n);
        view.set(values);
        sortFloat64(view, sortScratch(n));
        const expected = values.slice().sort();
        expect(view.every((v, i) => Object.is(v, expected[i]))).toBe(true);
      }),
      { numRuns },
    );
  });

  it('sorts whole numbers as the built-in sort does on both sides of the narrow path\'s 2^32 range (-0 and +0 among them, anywhere in the safe range)', () => {
    const safe = 2 ** 53 - 1;
    fc.assert(
      fc.property(
        fc.integer({ min: -safe, max: safe - 2 ** 33 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 2 ** 32 }), fc.constantFrom(0, 2 ** 32 - 1, 2 ** 32, 2 ** 11 - 1, 2 ** 11, 2 ** 22 - 1, 2 ** 22)), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 6000 }),
        fc.nat(),
        (base, offsets, zeros, n, seed) => {
          // around a base (or around zero, with both zeros), as the Monte Carlo columns are
          const pool = zeros ? [...offsets.map((o) => o - 2 ** 31), 0, -0] : offsets.map((o) => base + o);
          const values = valuesOf(pool, n, seed);
          const sorted = values.slice();
          sortFloat64(sorted, sortScratch(n));
          const expected = values.slice().sort();
          expect(sorted.every((v, i) => Object.is(v, expected[i]))).toBe(true);
        },
      ),
      { numRuns },
    );
  });
});
