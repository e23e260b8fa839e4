import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { evaluateReference } from '../../src/evaluate/reference.js';
import { compileBudget, createEngine } from '../../src/engine/index.js';
import { budgetArb, plain } from './arbitraries.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

describe('compiled engine equals the Decimal reference', () => {
  it('evaluate() gives exactly the reference result on random budgets', () => {
    fc.assert(
      fc.property(budgetArb(), (budget) => {
        expect(plain(evaluate(budget))).toEqual(plain(evaluateReference(budget)));
      }),
      { numRuns },
    );
  });

  it('also with huge amounts (BigInt fallback), and the engine says when it is wide', () => {
    fc.assert(
      fc.property(budgetArb({ huge: true }), (budget) => {
        expect(plain(evaluate(budget))).toEqual(plain(evaluateReference(budget)));
        const wideEngine = createEngine(compileBudget(budget, { arithmetic: 'bigint' }));
        const ref = evaluateReference(budget);
        budget.horizon.years.forEach((year, y) => {
          expect(plain(wideEngine.total('table', 0, y))).toEqual(plain(ref.total[String(year)]));
        });
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });
});
