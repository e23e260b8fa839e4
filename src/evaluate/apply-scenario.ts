/**
 * The public `applyScenario`: applying a scenario (scenario/apply.ts) and giving the result its evaluation, which
 * is why it sits in the evaluate stage (as the loader does, for its check of printed totals).
 * @packageDocumentation
 */
import type { Budget } from '../model/budget.js';
import { APPLY_OPTIONS, runScenario, scenarioArguments, type ApplyOptions, type ScenarioResult } from '../scenario/apply.js';
import type { Scenario, ScenarioLibrary } from '../scenario/types.js';
import { evaluateBudget } from './evaluate.js';
import { compiledOf } from '../engine/compile.js';
import { deriveCompiled } from '../engine/derive.js';

/**
 * Applies a scenario to a baseline budget (scenario doorrekenen): a new frozen budget, never touching the baseline.
 *
 * @remarks
 * Order: the changes of the scenarios it extends come first (root ancestor first), then its own, in the order
 * written; every `index` change is applied after all level changes (see {@link IndexChange}). Two changes that
 * touch the same cell conflict unless they commute (two `{ percent }` changes, or two additive changes:
 * `{ add }` and `move-amount`); writing values into a line added by an earlier change is not a conflict.
 * Changes to cover and savings targets (`add-claim`, `set-claim`, `drop-claim`, `set-capacity`,
 * `set-reserve-opening`, `set-target-path`, `set-realisation`) edit `budget.cover` and `budget.targets` in the same
 * draft, so their patches are recorded too; two of them that set the same claim field, capacity, opening balance,
 * path year or measure conflict.
 * Printed totals (`expected` on budget, sections and lines) are dropped from the result.
 * Built on immer's `produceWithPatches`; amounts are replaced, never mutated. The result's `evaluation` is
 * the scenario budget's, built on first use and shared with `evaluate(result.budget)`.
 *
 * @param budget - the baseline (frozen)
 * @param scenario - the scenario
 * @param library - scenarios it may extend
 * @param options - conflict handling
 * @throws MeerjarenError with every problem found: `unknown_reference`, `year_outside_horizon`, `not_pm`,
 *   `ambiguous_target`, `pm_cell`, `duplicate_id`, `empty_selection`, `cycle`, `change_conflict`, `not_reserve`,
 *   `capacity_not_per_year`, `realisation_above_plan`, shape codes (`negative_capacity`, `negative_amount`,
 *   `invalid_share`, `invalid_rate`...)
 * @example
 * ```ts
 * import { budget, pm, evaluate, loadScenario, applyScenario } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const scenario = loadScenario({ id: 'ramingen', title: 'Ramingen pm', changes: [
 *   { kind: 'estimate-pm', line: '1.4', value: '-1100' },
 * ] }, { budget: tb1 });
 * const result = applyScenario(tb1, scenario);
 * evaluate(result.budget).total['2026']!.amount.toFixed(); // "-1471000" (euros); tb1 itself is unchanged
 * result.touched.length;                                   // 2: the pm cells of 2026 and 2027
 * ```
 * @category Scenarios
 */
export function applyScenario(budget: Budget, scenario: Scenario, library?: ScenarioLibrary, options: ApplyOptions = {}): ScenarioResult {
  const args = scenarioArguments('applyScenario', 'budget', budget, scenario, library, options, APPLY_OPTIONS);
  const { result, engine } = runScenario(args.budget, scenario, library, args.options, evaluateBudget);
  // a scenario that only writes cells: its compiled form is the baseline's with those cells read again
  const base = compiledOf.known(args.budget);
  if (base !== undefined && !engine.restructured) {
    const derived = deriveCompiled(base, result.budget, engine.trace);
    if (derived !== undefined) compiledOf.remember(result.budget, derived);
  }
  return result;
}
