import fc from 'fast-check';
import { applyPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { budgetToJson } from '../../src/validate/serialize.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { Dec, isDecimal } from '../../src/core/decimal.js';
import type { Evaluation } from '../../src/evaluate/evaluate.js';
import { budgetAndScenarioArb, budgetAndStackedScenarioArb, budgetArb } from './arbitraries.js';
import { MeerjarenError } from '../../src/core/errors.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { toDocument } from '../../src/validate/serialize.js';

function cloneDeep<T>(value: T): T {
  if (isDecimal(value)) return new Dec(value) as T;
  if (Array.isArray(value)) return value.map(cloneDeep) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneDeep(v)])) as T;
  return value;
}

/** Figures of an evaluation that do not depend on the print order of lines. */
function figures(e: Evaluation): unknown {
  const total = (t: Evaluation['total']): unknown =>
    Object.fromEntries(Object.entries(t).map(([y, v]) => [y, { amount: v.amount.toFixed(), structural: v.structural.toFixed(), pm: [...v.pm].sort(), empty: v.empty }]));
  return { total: total(e.total), lines: Object.fromEntries(Object.entries(e.lines).map(([id, l]) => [id, total(l.totals)])) };
}

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

describe('applyScenario properties', () => {
  it('never changes the baseline', () => {
    fc.assert(
      fc.property(budgetAndScenarioArb(), ({ budget, scenario }) => {
        const before = budgetToJson(budget);
        const copy = cloneDeep(budget);
        applyScenario(budget, scenario);
        expect(budgetToJson(budget)).toBe(before);
        expect(budget).toEqual(copy);
      }),
      { numRuns },
    );
  });

  it('returns an equal budget for an empty scenario', () => {
    fc.assert(
      fc.property(budgetArb(), (budget) => {
        const result = applyScenario(budget, { id: 'leeg', title: 'Leeg', changes: [] });
        expect(result.budget).toEqual(budget);
        expect(result.patches).toEqual([]);
        expect(result.touched).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('records patches that rebuild the scenario budget, and inverse patches that give the baseline back', () => {
    fc.assert(
      fc.property(budgetAndScenarioArb(), ({ budget, scenario }) => {
        const result = applyScenario(budget, scenario);
        expect(applyPatches(budget, result.patches as never)).toEqual(result.budget);
        expect(applyPatches(result.budget, result.inversePatches as never)).toEqual(budget);
      }),
      { numRuns },
    );
  });

  it('gives the same figures when changes to disjoint lines are listed in another order', () => {
    fc.assert(
      fc.property(
        budgetAndScenarioArb({ dependent: false }).chain(({ budget, scenario }) => fc.shuffledSubarray([...scenario.changes], { minLength: scenario.changes.length }).map((shuffled) => ({ budget, scenario, shuffled }))),
        ({ budget, scenario, shuffled }) => {
          const a = evaluate(applyScenario(budget, scenario).budget);
          const b = evaluate(applyScenario(budget, { ...scenario, changes: shuffled }).budget);
          expect(figures(b)).toEqual(figures(a));
        },
      ),
      { numRuns },
    );
  });

  it('survives a JSON round trip', () => {
    fc.assert(
      fc.property(budgetAndScenarioArb(), ({ budget, scenario }) => {
        const text = JSON.stringify(scenario);
        const loaded = loadScenario(text, { budget });
        expect(loaded).toEqual(scenario);
        expect(JSON.parse(JSON.stringify(loaded))).toEqual(scenario);
        expect(applyScenario(budget, loaded).budget).toEqual(applyScenario(budget, scenario).budget);
      }),
      { numRuns },
    );
  });

  it('gives a budget that saves and loads again as it is, for scenarios at the extremes of the limits', () => {
    fc.assert(
      fc.property(budgetAndScenarioArb({ extremes: true }), ({ budget, scenario }) => {
        let result;
        try {
          result = applyScenario(budget, scenario);
        } catch (error) {
          // only a computed cell beyond the limits may refuse a scenario valid by construction
          expect(MeerjarenError.is(error) && error.issues.every((i) => i.code === 'amount_out_of_range')).toBe(true);
          return;
        }
        expect(loadBudget(toDocument(result.budget))).toEqual(result.budget);
        expect(loadBudget(budgetToJson(result.budget))).toEqual(result.budget);
      }),
      { numRuns },
    );
  });

  it('gives a budget that saves and loads again as it is', () => {
    fc.assert(
      fc.property(budgetAndScenarioArb(), ({ budget, scenario }) => {
        const result = applyScenario(budget, scenario);
        expect(loadBudget(toDocument(result.budget))).toEqual(result.budget);
      }),
      { numRuns },
    );
  });

  it('applies a stacked scenario (library as a list or a record) as its changes in one list', () => {
    fc.assert(
      fc.property(budgetAndStackedScenarioArb(), ({ budget, scenario, library, flat }) => {
        const stacked = applyScenario(budget, scenario, library);
        expect(stacked.budget).toEqual(applyScenario(budget, flat).budget);
        expect(loadScenario(JSON.stringify(scenario), { budget, library })).toEqual(scenario);
      }),
      { numRuns },
    );
  });
});
