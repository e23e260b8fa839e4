import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, WEERSTANDS_RATINGS, ratingOf, weerstandsvermogen, type Risk } from '../../src/index.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

/** An amount in euros with up to 2 decimals, as a string. */
const euros = fc.bigInt({ min: 0n, max: 10n ** 11n }).map((c) => new Dec(c.toString()).div(100).toFixed());
/** A probability: the usual classes or any fraction with up to 6 decimals. */
const probability = fc.oneof(fc.constantFrom('0.1', '0.3', '0.5', '0.7', '0.9'), fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Dec(n).div(1_000_000).toFixed()));
const risks = fc.array(fc.record({ probability, amount: euros, nature: fc.constantFrom('incidental' as const, 'structural' as const) }), { maxLength: 12 }).map((rs) =>
  rs.map((r, i): Risk => ({ id: `R${i}`, title: `Risico ${i}`, ...r })),
);
const rank = (rating: string): number => (WEERSTANDS_RATINGS as readonly string[]).indexOf(rating);
const BOUNDS = ['0.6', '0.8', '1', '1.4', '2'];

describe('weerstandsvermogen (properties)', () => {
  it('required is the exact sum of the contributions, each probability x amount', () => {
    fc.assert(
      fc.property(risks, (rs) => {
        const w = weerstandsvermogen({ risks: rs, capacity: [] });
        const sum = w.contributions.reduce((a, c) => a.add(c.contribution), new Dec(0));
        expect(w.required.eq(sum)).toBe(true);
        rs.forEach((r, i) => expect(w.contributions[i]!.contribution.eq(new Dec(r.probability as string).times(r.amount as string))).toBe(true));
      }),
      { numRuns },
    );
  });

  it('the rating never gets worse when the available capacity grows', () => {
    fc.assert(
      fc.property(risks, euros, euros, (rs, a, extra) => {
        const low = weerstandsvermogen({ risks: rs, capacity: [{ kind: 'algemene-reserve', title: 'AR', amount: a }] });
        const high = weerstandsvermogen({ risks: rs, capacity: [{ kind: 'algemene-reserve', title: 'AR', amount: a }, { kind: 'onvoorzien', title: 'O', amount: extra }] });
        expect(rank(high.rating)).toBeLessThanOrEqual(rank(low.rating));
      }),
      { numRuns },
    );
  });

  it('the rating matches the exact ratio at every boundary, and one millionth of a euro either side', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.constantFrom(...BOUNDS), fc.constantFrom(-1, 0, 1), (required, bound, side) => {
        const available = new Dec(required).times(bound).add(new Dec(side).div(1_000_000));
        const w = weerstandsvermogen({ risks: [{ id: 'R', title: 'R', probability: '1', amount: String(required), nature: 'incidental' }], capacity: [{ kind: 'other', title: 'C', amount: available.toFixed() }] });
        // the exact ratio, not the 6-decimal one
        expect(w.rating).toBe(ratingOf(available.div(required)));
        const expected = side < 0 ? ratingOf(new Dec(bound).minus('1e-9')) : side > 0 ? ratingOf(new Dec(bound).plus('1e-9')) : ratingOf(new Dec(bound));
        expect(w.rating).toBe(expected);
      }),
      { numRuns },
    );
  });
});
