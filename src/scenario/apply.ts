import { tally } from '../core/work.js';
import { enablePatches, produce, produceWithPatches, type Patch } from 'immer';
import { IssueCollector } from '../core/errors.js';
import { freezeChanged, freezeThrough } from '../core/freeze.js';
import { admitBudget } from '../document/admitted.js';
import type { Budget } from '../model/budget.js';
import type { Evaluation } from '../model/evaluation.js';
import { ChangeEngine, type ChangeConflict, type EstimateRangeResult } from './engine.js';
import { resolveSteps, type Step } from './resolve.js';
import { SCENARIO_LIBRARY, dropExpectations } from './references.js';
import type { ItemKind } from './cover-targets.js';
import type { Scenario, ScenarioLibrary } from './types.js';
import { oneOf, readOptions, requireArgument, requireObject, type OptionSpec } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';

enablePatches();

/** Options of {@link applyScenario}. @category Scenarios */
export interface ApplyOptions {
  /**
   * What to do when two changes touch the same cell (line or component, year) in a way whose result depends on
   * their order: `error` throws a `MeerjarenError` with code `change_conflict` at the path of the later
   * change; `report` applies them in order and returns the conflicts in {@link ScenarioResult.conflicts}.
   * @defaultValue 'error'
   */
  readonly conflicts?: 'error' | 'report';
}

/** A cell a scenario changed: which row, which year, and which change did it (gewijzigde cel). @category Scenarios */
export interface TouchedCell {
  /** The line the row belongs to. */
  readonly line: string;
  /** The row: the line id (own row) or a component id. */
  readonly row: string;
  /** The year. */
  readonly year: number;
  /** Id of the scenario whose change it was (the scenario itself or one it extends). */
  readonly scenario: string;
  /** Index of the change in that scenario's `changes`. */
  readonly change: number;
  /** Index of the change in the flattened list (ancestors first). */
  readonly step: number;
}

/**
 * A claim, source, savings target or measure a scenario changed (gewijzigde dekking of taakstelling): what, which
 * part of it, the years whose figures it may change, and which change did it.
 * @category Scenarios
 */
export interface TouchedItem {
  /** What was changed. */
  readonly kind: ItemKind;
  /** Id of the claim, source, target or measure. */
  readonly id: string;
  /** For a measure: the id of its target. */
  readonly target?: string;
  /**
   * Which part: `added` / `dropped` (a claim), `source`, `extent`, `years` (a claim's), `capacity`, `opening`
   * (a source's), `path` (a target's), `realisation` (a measure's).
   */
  readonly field: string;
  /** Years whose figures the change may alter. */
  readonly years: readonly number[];
  /** Id of the scenario whose change it was. */
  readonly scenario: string;
  /** Index of the change in that scenario's `changes`. */
  readonly change: number;
  /** Index of the change in the flattened list (ancestors first). */
  readonly step: number;
}

/** The result of applying a scenario: a new frozen budget and the record of what changed. A frozen value. @category Scenarios */
export interface ScenarioResult {
  /** The scenario's budget. Printed totals (`expected`) of the source table are dropped: they describe the source, not the variant. */
  readonly budget: Budget;
  /** immer patches that turn the baseline into `budget` (`applyPatches(baseline, patches)`). */
  readonly patches: readonly Patch[];
  /** immer patches that turn `budget` back into the baseline. */
  readonly inversePatches: readonly Patch[];
  /** Every cell a change wrote, in application order. */
  readonly touched: readonly TouchedCell[];
  /** Every claim, source, target and measure a change edited, in application order. */
  readonly touchedItems: readonly TouchedItem[];
  /** Ranges put on pm posts (for uncertainty analysis). */
  readonly ranges: readonly EstimateRangeResult[];
  /** Conflicts found (only with `conflicts: 'report'`; otherwise they throw). */
  readonly conflicts: readonly ChangeConflict[];
  /** Ids of the scenarios applied, in application order: every ancestor before the scenarios that extend it, ending with the scenario itself. */
  readonly chain: readonly string[];
  /** Id of the scenario. */
  readonly scenario: string;
  /** Title of the scenario. */
  readonly title: string;
  /**
   * The evaluation of `budget` (as `evaluate(result.budget)` gives it), built on first use and then kept: every
   * table, chart and comparison of the result uses this one. Not an own enumerable property (a getter), so
   * spreading or serialising a result leaves it out.
   */
  readonly evaluation: Evaluation;
}

/** A {@link ScenarioResult} as the scenario stage builds it, before the evaluate stage gives it its evaluation. @internal */
export type ScenarioRun = Omit<ScenarioResult, 'evaluation'>;

/** The checks of {@link ApplyOptions}. @internal */
export const APPLY_OPTIONS: OptionSpec = { conflicts: oneOf(['error', 'report']) };

/**
 * Checks the arguments of a public function that applies a scenario (`applyScenario`, `explain`,
 * `attributeDifference`): the budget (admitted or validated), the scenario an object (its contents are checked
 * when it is resolved), the library, and the options.
 * @returns the budget to use and the options
 * @internal
 */
export function scenarioArguments<O extends object>(
  fn: string,
  budgetParam: string,
  budget: unknown,
  scenario: unknown,
  library: unknown,
  options: O | undefined,
  spec: OptionSpec,
): { budget: Budget; options: O } {
  const checked = requireBudget(fn, budgetParam, budget);
  requireObject(fn, 'scenario', scenario, 'a scenario (an object { id, title, changes }, or one from loadScenario)');
  if (library !== undefined) requireArgument(fn, 'library', library, SCENARIO_LIBRARY);
  return { budget: checked, options: readOptions(fn, options, spec) as O };
}

/**
 * `applyScenario` that also hands back the engine's trace and the flattened steps. With `evaluateWith` (the
 * public `applyScenario` in evaluate/ passes `evaluate`) the result gets its lazily built `evaluation`; without
 * it (explain, attribution: they use only the budget) it has none.
 * @internal
 */
export function runScenario(
  budget: Budget,
  scenario: Scenario,
  library: ScenarioLibrary | undefined,
  options: ApplyOptions,
): { result: ScenarioRun; engine: ChangeEngine; steps: readonly Step[] };
export function runScenario(
  budget: Budget,
  scenario: Scenario,
  library: ScenarioLibrary | undefined,
  options: ApplyOptions,
  evaluateWith: (budget: Budget) => Evaluation,
): { result: ScenarioResult; engine: ChangeEngine; steps: readonly Step[] };
export function runScenario(
  budget: Budget,
  scenario: Scenario,
  library: ScenarioLibrary | undefined,
  options: ApplyOptions,
  evaluateWith?: (budget: Budget) => Evaluation,
): { result: ScenarioRun; engine: ChangeEngine; steps: readonly Step[] } {
  const collector = new IssueCollector();
  const { steps, chain } = resolveSteps(budget, scenario, library, collector);
  collector.throwIfAny();
  tally('applyScenario');
  let engine: ChangeEngine | undefined;
  const [next, patches, inversePatches] = produceWithPatches(budget, (draft) => {
    dropExpectations(draft);
    engine = new ChangeEngine(draft, steps, collector, false);
    engine.run();
  });
  const ran = engine!;
  if ((options.conflicts ?? 'error') === 'error') {
    // one by one: spreading thousands of conflicts into a push overflows the stack
    ran.conflicts.forEach((c, n) => collector.add('change_conflict', ran.conflictPaths[n]!, c.message));
  }
  collector.throwIfAny();
  const touched: TouchedCell[] = ran.trace.map((t) => {
    const step = steps[t.step]!;
    return { line: t.line, row: t.row, year: t.year, scenario: step.scenario, change: step.index, step: t.step };
  });
  const touchedItems: TouchedItem[] = ran.items.map((t) => {
    const step = steps[t.step]!;
    return { ...t, scenario: step.scenario, change: step.index };
  });
  // immer froze the objects it built, not the decimal.js amounts the changes put inside them; what it shares
  // with the baseline is frozen already
  admitBudget(freezeChanged(next, budget));
  // frozen all the way down: the engine froze each range and conflict itself, which stopped deepFreeze from
  // walking into their decimal.js amounts (a range's low could be written to, and flowed into inputsFromRanges)
  const fields: ScenarioRun = {
    budget: next,
    patches,
    inversePatches,
    touched,
    touchedItems,
    ranges: ran.ranges,
    conflicts: ran.conflicts,
    chain,
    scenario: scenario.id,
    title: scenario.title,
  };
  // the evaluation is a getter, not a field: built on first use (evaluate keeps one per frozen budget), and
  // the result stays frozen
  if (evaluateWith !== undefined) Object.defineProperty(fields, 'evaluation', { get: () => evaluateWith(next), enumerable: false, configurable: false });
  // every field but the budget (frozen above) frozen all the way down
  for (const [key, value] of Object.entries(fields)) if (key !== 'budget') freezeThrough(value);
  const result: ScenarioRun = Object.freeze(fields);
  return { result, engine: ran, steps };
}

/**
 * Applies a list of already resolved steps leniently (changes whose target is missing are skipped), for
 * attribution coalitions and explanations. @internal
 */
export function applySteps(budget: Budget, steps: readonly Step[]): { budget: Budget; engine: ChangeEngine } {
  tally('applyScenario');
  let engine: ChangeEngine | undefined;
  const next = produce(budget, (draft) => {
    dropExpectations(draft);
    engine = new ChangeEngine(draft, steps, new IssueCollector(), true);
    engine.run();
  });
  return { budget: freezeChanged(next, budget), engine: engine! };
}
