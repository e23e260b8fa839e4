/**
 * Checks of results handed back to the library as options (an evaluation at hand, a cover evaluation...):
 * enough to tell a result of the library from a wrong value, without walking it.
 * @internal
 * @packageDocumentation
 */
import { objectWith, oneOf, type OptionCheck } from '../core/guard.js';
import type { RoundingMode } from '../core/decimal.js';
import { IssueCollector, MeerjarenError } from '../core/errors.js';
import type { Budget } from '../budget/model.js';
import { requireBudget } from '../document/admit.js';

/** An {@link Evaluation} from `evaluate`. @internal */
export const EVALUATION: OptionCheck = objectWith(['years', 'sections', 'lines', 'total', 'checks'], 'an evaluation from evaluate()');

/** A cover evaluation from `evaluateCover`. @internal */
export const COVER_EVALUATION: OptionCheck = objectWith(['years', 'claims', 'rows', 'sources', 'perYear', 'findings'], 'a cover evaluation from evaluateCover()');

/** A targets evaluation from `evaluateTargets`. @internal */
export const TARGETS_EVALUATION: OptionCheck = objectWith(['years', 'targets'], 'a targets evaluation from evaluateTargets()');

/** The rounding modes (afrondingsregels) of `RoundingMode`. @internal */
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceil'];

/** A rounding mode (afrondingsregel). @internal */
export const ROUNDING: OptionCheck = oneOf(ROUNDING_MODES);

/**
 * A budget given as an option (`loadScenario(x, { budget })`): {@link requireBudget} with the issue at
 * `options.<name>`.
 * @param fn - the public function's name
 * @param name - the option's name
 * @param value - what the caller passed
 * @returns the validated budget
 * @internal
 */
export function requireBudgetOption(fn: string, name: string, value: unknown): Budget {
  try {
    return requireBudget(fn, name, value);
  } catch (error) {
    if (!MeerjarenError.is(error)) throw error;
    const collector = new IssueCollector();
    for (const i of error.issues) collector.add(i.code === 'invalid_argument' ? 'invalid_option' : i.code, ['options', ...i.pathSegments], i.message);
    return collector.throwIfAny() as never;
  }
}
