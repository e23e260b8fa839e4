/**
 * Checks of results handed back to the library as options (an evaluation at hand, a cover evaluation...):
 * enough to tell a result of the library from a wrong value, without walking it.
 * @internal
 * @packageDocumentation
 */
import { objectWith, oneOf, type OptionCheck } from '../core/guard.js';
import { ROUNDING_MODES } from '../core/decimal.js';
import { IssueCollector, MeerjarenError, formatPath, type IssueCode, type Path } from '../core/errors.js';
import type { Budget } from '../model/budget.js';
import { requireBudget } from './admit.js';

/** An {@link Evaluation} from `evaluate`. @internal */
export const EVALUATION: OptionCheck = objectWith(['years', 'sections', 'lines', 'total', 'checks'], 'an evaluation from evaluate()');

/** A cover evaluation from `evaluateCover`. @internal */
export const COVER_EVALUATION: OptionCheck = objectWith(['years', 'claims', 'rows', 'sources', 'perYear', 'findings'], 'a cover evaluation from evaluateCover()');

/** A targets evaluation from `evaluateTargets`. @internal */
export const TARGETS_EVALUATION: OptionCheck = objectWith(['years', 'targets'], 'a targets evaluation from evaluateTargets()');

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
  return requireBudgetAt(fn, ['options', name], value, 'invalid_option');
}

/**
 * {@link requireBudget} for a budget inside an argument (`items[2]`, `a.budget`): the issue at that path.
 * @param fn - the public function's name
 * @param path - where the budget is
 * @param value - what the caller passed
 * @param code - the code of a value that is not a budget; default `invalid_argument`
 * @returns the validated budget
 * @internal
 */
export function requireBudgetAt(fn: string, path: Path, value: unknown, code: IssueCode = 'invalid_argument'): Budget {
  const name = formatPath(path);
  try {
    return requireBudget(fn, name, value);
  } catch (error) {
    if (!MeerjarenError.is(error)) throw error;
    const collector = new IssueCollector();
    for (const i of error.issues) collector.add(i.code === 'invalid_argument' ? code : i.code, i.path === name ? path : i.pathSegments, i.message);
    return collector.throwIfAny() as never;
  }
}
