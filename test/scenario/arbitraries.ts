import fc from 'fast-check';
import type { Budget } from '../../src/model/budget.js';
import { loadBudget } from '../../src/evaluate/load.js';
import type { BudgetDocument, LineDocument, SectionDocument } from '../../src/document/format.js';
import type { Change, Scenario } from '../../src/scenario/types.js';
import { scenarioArb as publicScenarioArb, scenarioChangesArb, stackedScenarioArb, type ScenarioArbOptions, type StackedScenario } from '../../src/testing/index.js';

/** A small budget document: 2-5 years, 1-3 sections, 1-4 lines each, some with components, amounts, pm and nil. */
export function budgetDocArb(): fc.Arbitrary<BudgetDocument> {
  const cellArb = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -5000, max: 5000 }).map((n) => String(n)) },
    { weight: 1, arbitrary: fc.constantFrom('pm', '-pm') },
    { weight: 2, arbitrary: fc.constant(null) },
  );
  return fc.integer({ min: 2, max: 5 }).chain((years) => {
    const valuesArb = fc.array(cellArb, { minLength: years, maxLength: years }).map((vs) => (vs.every((v) => v === null) ? ['0', ...vs.slice(1)] : vs));
    const lineArb = fc.record({
      nature: fc.constantFrom('incidental' as const, 'structural' as const),
      goal: fc.constantFrom('2.1', '2.2'),
      values: valuesArb,
      components: fc.array(valuesArb, { maxLength: 2 }),
    });
    return fc.array(fc.array(lineArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }).map((sections): BudgetDocument => {
      let n = 0;
      const docs: SectionDocument[] = sections.map((lines, si) => ({
        id: String(si + 1),
        title: `Onderdeel ${si + 1}`,
        lines: lines.map((l): LineDocument => {
          n += 1;
          return {
            id: `L${n}`,
            title: `Regel ${n}`,
            nature: l.nature,
            tags: { goal: l.goal },
            row: 'amount',
            values: l.values,
            components: l.components.map((values, ci) => ({ title: `onderdeel ${ci + 1}`, values })),
          };
        }),
      }));
      return { version: 1, title: 'Arbitraire begroting', unit: 'thousand', horizon: { from: 2026, to: 2026 + years - 1 }, sections: docs };
    });
  });
}

/** A frozen budget from {@link budgetDocArb}. */
export function budgetArb(): fc.Arbitrary<Budget> {
  return budgetDocArb().map((doc) => loadBudget(doc));
}

/** What the scenario arbitraries draw: see {@link ScenarioArbOptions} of `meerjaren/testing`. */
export type ScenarioOptions = ScenarioArbOptions;

/**
 * Changes for a budget, valid by construction (one generator for every test: `scenarioChangesArb` of
 * `meerjaren/testing`): one level change per line, moves, estimates, added lines (also after a line added
 * before), changes of added lines, index changes with fractional rates.
 * @param budget - the baseline
 * @param options - `index: false` leaves out index changes; `add: false` added lines; `dependent: false` changes
 *   that only hold in the order drawn (for properties that shuffle changes)
 */
export function changesArb(budget: Budget, options: ScenarioOptions = {}): fc.Arbitrary<Change[]> {
  return scenarioChangesArb(budget, options);
}

/** A scenario for a budget, valid by construction. */
export function scenarioArb(budget: Budget, options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  return publicScenarioArb(budget, options);
}

/** A budget together with a scenario for it. */
export function budgetAndScenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<{ budget: Budget; scenario: Scenario }> {
  return budgetArb().chain((budget) => scenarioArb(budget, options).map((scenario) => ({ budget, scenario })));
}

/** A budget together with a stacked scenario for it (a chain of `extends` through a library list or record). */
export function budgetAndStackedScenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<{ budget: Budget } & StackedScenario> {
  return budgetArb().chain((budget) => stackedScenarioArb(budget, options).map((stacked) => ({ budget, ...stacked })));
}
