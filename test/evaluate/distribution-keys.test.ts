import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { cumulate, distributeByKey, interpolatePath } from '../../src/evaluate/distribution-keys.js';
import { issuesOf } from '../helpers.js';

const numRuns = process.env.MEERJAREN_DEEP ? 20_000 : 500;

describe('distributeByKey (verdeelsleutel)', () => {
  it('splits by the key in whole steps, the largest remainders taking the steps left over, adding up exactly', () => {
    const parts = distributeByKey('1000000', { zoetermeer: 125000, leidschendam: 77000, wassenaar: 27000 }, { step: 1 });
    expect(Object.entries(parts).map(([k, v]) => [k, v.toFixed()])).toEqual([['zoetermeer', '545851'], ['leidschendam', '336245'], ['wassenaar', '117904']]);
    expect(Object.values(distributeByKey('-100', { a: 1, b: 1, c: 1 }, { step: 1 })).map((v) => v.toFixed())).toEqual(['-34', '-33', '-33']);
    expect(distributeByKey('10', { a: 0, b: 3 })['a']!.toFixed()).toBe('0');
  });

  it('refuses a bad amount, a negative weight and a key of zeros at their paths', () => {
    expect(issuesOf(() => distributeByKey('1,5', { a: 1 }))).toEqual([{ code: 'invalid_amount', path: 'amount' }]);
    expect(issuesOf(() => distributeByKey('1', { a: -1, b: 'x' }))).toEqual([{ code: 'invalid_value', path: 'weights.a' }, { code: 'invalid_amount', path: 'weights.b' }]);
    expect(issuesOf(() => distributeByKey('1', { a: 0 }))).toEqual([{ code: 'invalid_value', path: 'weights' }]);
  });

  it('for any amount and key: the parts add up to the amount in steps, each within one step of its exact share', () => {
    const arb = fc.record({
      cents: fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
      weights: fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
      step: fc.constantFrom('0.01', '1', '1000'),
    });
    fc.assert(
      fc.property(arb, ({ cents, weights, step }) => {
        const amount = new Dec(cents.toString()).div(100);
        const key = Object.fromEntries(weights.map((w, i) => [`m${i}`, w]));
        const parts = Object.values(distributeByKey(amount, key, { step }));
        const s = new Dec(step);
        const rounded = amount.div(s).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(s);
        expect(parts.reduce((a, b) => a.add(b), new Dec(0)).eq(rounded)).toBe(true);
        const sum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((part, i) => {
          expect(part.div(s).isInteger()).toBe(true);
          expect(part.sub(rounded.times(weights[i]!).div(sum)).abs().lt(s)).toBe(true);
        });
      }),
      { numRuns },
    );
  });
});

describe('interpolatePath and cumulate (reeksen)', () => {
  it("the Hervormingsagenda's national path: linear from € 374 mln in 2023 to € 1 bn in 2027, kept after", () => {
    const path = interpolatePath({ 2023: '374000000', 2027: '1000000000' }, { from: 2022, to: 2029 }, { step: 1000 });
    expect(Object.entries(path).map(([y, v]) => [y, v.div(1e6).toFixed()])).toEqual([
      ['2023', '374'], ['2024', '530.5'], ['2025', '687'], ['2026', '843.5'], ['2027', '1000'], ['2028', '1000'], ['2029', '1000'],
    ]);
    // rounded once, half away from zero: 1/3 of a step is dropped, a half step taken
    expect(interpolatePath({ 2020: '0', 2023: '1' }, { from: 2020, to: 2023 }, { step: 1 })['2021']!.toFixed()).toBe('0');
    expect(interpolatePath({ 2020: '0', 2022: '-1' }, { from: 2020, to: 2022 }, { step: 1 })['2021']!.toFixed()).toBe('-1');
  });

  it('cumulates a path in year order', () => {
    expect(Object.values(cumulate({ 2029: '1000000', 2027: '3000000', 2028: '1000000' })).map((v) => v.toFixed())).toEqual(['3000000', '4000000', '5000000']);
  });

  it('refuses keys that are not years, nothing known, and from after to', () => {
    expect(issuesOf(() => interpolatePath({ x: '1' }, { from: 2020, to: 2021 }))).toEqual([{ code: 'invalid_year', path: 'known.x' }]);
    expect(issuesOf(() => interpolatePath({}, { from: 2020, to: 2021 }))).toEqual([{ code: 'invalid_value', path: 'known' }]);
    expect(issuesOf(() => interpolatePath({ 2020: '1' }, { from: 2021, to: 2020 }))).toEqual([{ code: 'invalid_value', path: 'years' }]);
    expect(issuesOf(() => cumulate({ 2020: 'pm' }))).toEqual([{ code: 'invalid_amount', path: 'path.2020' }]);
  });

  it('for any known years: known years keep their figure, every year between lies between its neighbours', () => {
    const arb = fc.uniqueArray(fc.record({ year: fc.integer({ min: 2000, max: 2040 }), cents: fc.integer({ min: -1e9, max: 1e9 }) }), { selector: (p) => p.year, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(arb, (points) => {
        const known = Object.fromEntries(points.map((p) => [String(p.year), new Dec(p.cents).div(100)]));
        const path = interpolatePath(known, { from: 2000, to: 2040 });
        const sorted = [...points].sort((a, b) => a.year - b.year);
        for (const p of sorted) expect(path[p.year]!.eq(new Dec(p.cents).div(100))).toBe(true);
        for (let k = 1; k < sorted.length; k++) {
          const [a, b] = [sorted[k - 1]!, sorted[k]!];
          const [lo, hi] = [Math.min(a.cents, b.cents), Math.max(a.cents, b.cents)].map((c) => new Dec(c).div(100));
          for (let y = a.year; y <= b.year; y++) expect(path[y]!.gte(lo!) && path[y]!.lte(hi!)).toBe(true);
        }
        expect(Object.keys(path)[0]).toBe(String(sorted[0]!.year));
      }),
      { numRuns },
    );
  });
});
