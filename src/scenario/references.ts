/**
 * The check of a scenario's references against a budget (`loadScenario` with `options.budget`): the steps are
 * resolved and the change engine runs on a throwaway draft, reporting what applying would refuse; no result,
 * patches or trace are built.
 * @internal
 * @packageDocumentation
 */
import { tally } from '../core/work.js';
import { original, produce, type Draft } from 'immer';
import { IssueCollector } from '../core/errors.js';
import { describeValue, isObjectLike, type OptionCheck } from '../core/guard.js';
import type { Budget } from '../model/budget.js';
import { ChangeEngine } from './engine.js';
import { resolveSteps } from './resolve.js';
import type { Scenario, ScenarioLibrary } from './types.js';

/** A scenario library: a list of scenarios, or scenarios by id (each an object or null; their contents are checked when used). @internal */
export const SCENARIO_LIBRARY: OptionCheck = (value, path, collector) => {
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : isObjectLike(value) ? Object.entries(value) : undefined;
  if (entries === undefined) return collector.add('invalid_option', path, `library must be a list of scenarios or scenarios by id, not ${describeValue(value)}`);
  // a null (or a hole) is passed over: the scenario it should have been is then not found
  for (const [key, v] of entries) if (v !== null && v !== undefined && !isObjectLike(v)) collector.add('invalid_option', [...path, key], `a scenario in the library is an object, not ${describeValue(v)}`);
};

/**
 * Throws what applying the scenario to the budget would refuse (`unknown_reference`, `year_outside_horizon`,
 * `not_pm`, `change_conflict`...), with the same codes and paths, without applying it.
 * @param budget - a validated budget
 * @param scenario - a scenario whose shape was checked
 * @param library - scenarios it may extend
 * @throws MeerjarenError with every problem found
 * @internal
 */
export function checkReferences(budget: Budget, scenario: Scenario, library: ScenarioLibrary | undefined): void {
  const collector = new IssueCollector();
  const { steps } = resolveSteps(budget, scenario, library, collector);
  collector.throwIfAny();
  tally('applyScenario');
  let engine: ChangeEngine | undefined;
  produce(budget, (draft) => {
    dropExpectations(draft);
    engine = new ChangeEngine(draft, steps, collector, false);
    engine.run();
  });
  const ran = engine!;
  ran.conflicts.forEach((c, n) => collector.add('change_conflict', ran.conflictPaths[n]!, c.message));
  collector.throwIfAny();
}

/** Removes the printed totals from a draft budget: a scenario's result prints none. @internal */
export function dropExpectations(draft: Draft<Budget>): void {
  // where printed totals are is read from the baseline: walking the draft would draft every line
  const base = original(draft) as Budget;
  if ('expected' in base) delete draft.expected;
  base.sections.forEach((section, s) => {
    if ('expected' in section) delete draft.sections[s]!.expected;
    section.lines.forEach((line, l) => {
      if ('expected' in line) delete draft.sections[s]!.lines[l]!.expected;
    });
  });
}
