import fc from 'fast-check';
import { applyPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { Dec, isDecimal } from '../../src/core/decimal.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { budgetAndItemScenarioArb } from './cover-arbitraries.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

function cloneDeep<T>(value: T): T {
  if (isDecimal(value)) return new Dec(value) as T;
  if (Array.isArray(value)) return value.map(cloneDeep) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneDeep(v)])) as T;
  return value;
}

describe('cover and target changes: properties', () => {
  it('never change the baseline; patches rebuild the scenario budget and inverse patches give the baseline back', () => {
    fc.assert(
      fc.property(budgetAndItemScenarioArb(), ({ budget, scenario }) => {
        const copy = cloneDeep(budget);
        const result = applyScenario(budget, scenario);
        expect(budget).toEqual(copy);
        expect(applyPatches(budget, result.patches as never)).toEqual(result.budget);
        expect(applyPatches(result.budget, result.inversePatches as never)).toEqual(budget);
        // every change is recorded
        expect(new Set(result.touchedItems.map((t) => t.change)).size).toBe(scenario.changes.length);
      }),
      { numRuns },
    );
  });

  it('survive a JSON round trip, checked against the budget', () => {
    fc.assert(
      fc.property(budgetAndItemScenarioArb(), ({ budget, scenario }) => {
        const loaded = loadScenario(JSON.stringify(scenario), { budget });
        expect(loaded).toEqual(scenario);
        expect(applyScenario(budget, loaded).budget).toEqual(applyScenario(budget, scenario).budget);
      }),
      { numRuns },
    );
  });
});
