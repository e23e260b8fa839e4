import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO } from '../../src/core/decimal.js';
import { attributeDifference } from '../../src/analysis/attribution.js';
import { budgetAndScenarioArb, budgetAndStackedScenarioArb } from '../scenario/arbitraries.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

describe('attributeDifference properties', () => {
  it('shares add up exactly to the total difference, in every year', () => {
    fc.assert(
      fc.property(budgetAndScenarioArb({ maxChanges: 3 }), fc.integer({ min: 1, max: 3 }), ({ budget, scenario }, exactLimit) => {
        const a = attributeDifference(budget, scenario, undefined, { exactLimit, samples: 5 });
        for (const y of a.years) {
          const sum = a.shares.reduce((s, x) => s.plus(x.amounts[y]!), ZERO);
          expect(sum.eq(a.difference[y]!)).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('does not depend on the order in which changes are listed (exact method)', () => {
    fc.assert(
      fc.property(
        budgetAndScenarioArb({ maxChanges: 4, dependent: false }).chain(({ budget, scenario }) =>
          fc.shuffledSubarray([...scenario.changes.keys()], { minLength: scenario.changes.length }).map((order) => ({ budget, scenario, order })),
        ),
        ({ budget, scenario, order }) => {
          const a = attributeDifference(budget, scenario);
          const b = attributeDifference(budget, { ...scenario, changes: order.map((i) => scenario.changes[i]!) });
          order.forEach((original, position) => {
            for (const y of a.years) expect(b.shares[position]!.amounts[y]!.eq(a.shares[original]!.amounts[y]!)).toBe(true);
          });
        },
      ),
      { numRuns },
    );
  });

  it('shares of a stacked scenario add up exactly to the total difference too', () => {
    fc.assert(
      fc.property(budgetAndStackedScenarioArb({ maxChanges: 3 }), ({ budget, scenario, library }) => {
        const a = attributeDifference(budget, scenario, library, { exactLimit: 3 });
        for (const y of a.years) expect(a.shares.reduce((sum, s) => sum.plus(s.amounts[y]!), ZERO).eq(a.difference[y]!)).toBe(true);
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });
});
