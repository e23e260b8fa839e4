import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal.js';
import { splitSides, declaredSide, SIDE_TAG } from '../../src/model/lasten-baten.js';

describe('lasten and baten', () => {
  it('a declared side books the whole effect on it', () => {
    const cost = splitSides({ [SIDE_TAG]: 'lasten' }, new Dec(-100));
    expect([cost.side, cost.declared, cost.lasten.toFixed(), cost.baten.toFixed()]).toEqual(['lasten', true, '100', '0']);
    const lessIncome = splitSides({ [SIDE_TAG]: 'baten' }, new Dec(-100));
    expect([lessIncome.side, lessIncome.lasten.toFixed(), lessIncome.baten.toFixed()]).toEqual(['baten', '0', '-100']);
    const lowerCost = splitSides({ [SIDE_TAG]: 'lasten' }, new Dec(40));
    expect([lowerCost.lasten.toFixed(), lowerCost.baten.toFixed()]).toEqual(['-40', '0']);
  });
  it('without a tag the sign decides: a nadeel is lasten, a voordeel baten, zero lasten', () => {
    expect(splitSides({}, new Dec(-5)).side).toBe('lasten');
    expect(splitSides({}, new Dec(5)).side).toBe('baten');
    const zero = splitSides({}, new Dec(0));
    expect([zero.side, zero.declared, Object.is(zero.lasten.toNumber(), -0)]).toEqual(['lasten', false, false]);
  });
  it('an unknown or inherited tag value is no declaration', () => {
    expect(declaredSide({ [SIDE_TAG]: 'kosten' })).toBeUndefined();
    expect(declaredSide(Object.create({ [SIDE_TAG]: 'baten' }) as Record<string, string>)).toBeUndefined();
  });
  it('baten - lasten is the saldo effect again, exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom({}, { [SIDE_TAG]: 'lasten' }, { [SIDE_TAG]: 'baten' }, { [SIDE_TAG]: 'x' }), (cents, tags) => {
        const effect = new Dec(cents.toString()).div(100);
        const split = splitSides(tags, effect);
        expect(split.baten.minus(split.lasten).equals(effect)).toBe(true);
      }),
    );
  });
});
