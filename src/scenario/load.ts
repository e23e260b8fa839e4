import { tally } from '../core/work.js';
import { IssueCollector } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import type { Budget } from '../model/budget.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_VALUES, MAX_VALUES_OPTION, parseJsonText, type JsonLimits, type ValueLimits } from '../document/json.js';
import { SCENARIO_LIBRARY, checkReferences } from './references.js';
import { checkScenarioShape } from './shape.js';
import { markShapeChecked } from './checked.js';
import type { Scenario, ScenarioLibrary } from './types.js';
import { anything, integer, readOptions } from '../core/guard.js';
import { requireBudgetOption } from '../validate/result-checks.js';

/** The largest `maxDepth` a caller may set: the shape check recurses once a level. */
export const MAX_SCENARIO_DEPTH = 1000;

/** Options of {@link loadScenario}. @category Scenarios */
export interface LoadScenarioOptions extends JsonLimits, ValueLimits {
  /**
   * The baseline the scenario will be applied to: when given, references are checked too (unknown line,
   * section or year, estimates on cells that are not pm), by a dry run of the scenario.
   */
  readonly budget?: Budget;
  /** Scenarios this one may extend. */
  readonly library?: ScenarioLibrary;
}

/**
 * Reads and validates a scenario (a {@link Scenario} object or its JSON text) into a frozen scenario.
 *
 * @remarks
 * All problems are reported at once, each with a code and the path of the change (`changes[3].line`).
 * Without a budget only the shape is checked (codes such as `unknown_change_kind`, `invalid_amount`,
 * `invalid_range` for low above high, `cycle` for a scenario extending itself, `negative_capacity`,
 * `negative_amount`, `invalid_share`, `invalid_rate`, `realisation_above_plan` for a rate above 1 without
 * `abovePlan`). With `options.budget` the scenario is also dry-run against it: `unknown_reference` (line,
 * component, section, claim, cover source, savings target, measure, or a scenario in `extends`),
 * `year_outside_horizon`, `not_pm`, `ambiguous_target`, `not_reserve`, `capacity_not_per_year`,
 * `realisation_above_plan` for an amount above the plan, `change_conflict`.
 *
 * @param input - the scenario, or its JSON text
 * @param options - budget and library to check references against; JSON limits
 * @throws MeerjarenError with every problem found
 * @example
 * ```ts
 * import { budget, pm, loadScenario } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const scenario = loadScenario(`{ "id": "ramingen", "title": "Ramingen pm",
 *   "changes": [{ "kind": "estimate-pm", "line": "1.4", "value": "-1100" }] }`, { budget: tb1 });
 * scenario.changes.length; // 1
 * // a change on an unknown line fails with every problem at once: unknown_reference at changes[0].line
 * ```
 * @category Scenarios
 */
export function loadScenario(input: unknown, options: LoadScenarioOptions = {}): Scenario {
  options = readOptions('loadScenario', options, {
    maxLength: integer({ min: 1 }),
    maxDepth: integer({ min: 1, max: MAX_SCENARIO_DEPTH }),
    maxValues: MAX_VALUES_OPTION,
    budget: anything,
    library: SCENARIO_LIBRARY,
  });
  const budget = options.budget === undefined ? undefined : requireBudgetOption('loadScenario', 'budget', options.budget);
  const collector = new IssueCollector();
  const raw = typeof input === 'string' ? parseJsonText(input, options) : input;
  // the same check as every other route (applyScenario, explain, a library's scenarios); parsed text already
  // passed the parser's depth and length limits, so they are not applied to it again
  const text = typeof input === 'string';
  tally('scenarioShape');
  checkScenarioShape(raw, collector, [], text
      ? { maxDepth: Number.POSITIVE_INFINITY, maxValues: Number.POSITIVE_INFINITY, maxTextLength: Number.POSITIVE_INFINITY }
      : {
          maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
          ...(options.maxLength === undefined ? {} : { maxTextLength: options.maxLength }),
          ...(options.maxValues === undefined ? {} : { maxValues: options.maxValues }),
        });
  collector.throwIfAny();
  const scenario = deepFreeze(structuredClone(raw) as Scenario);
  // Parsed text passed the check that applying runs (so applying need not run it again) when the parser's depth
  // limit was no looser than the check's default and the text is too short to hold more values than its
  // default (every element or key takes a character) or a longer text. An object handed over is not marked:
  // its clone need not read the same as what was checked (a getter).
  if (text && (options.maxDepth ?? DEFAULT_MAX_DEPTH) <= DEFAULT_MAX_DEPTH && input.length <= DEFAULT_MAX_VALUES) markShapeChecked(scenario);
  if (budget !== undefined) checkReferences(budget, scenario, options.library);
  return scenario;
}

