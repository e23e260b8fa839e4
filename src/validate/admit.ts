import { MeerjarenError, fail } from '../core/errors.js';
import { describeValue, isObjectLike } from '../core/guard.js';
import type { Budget } from '../model/budget.js';
import { admitBudget, isAdmittedBudget, type AdmittedBudget } from '../document/admitted.js';
import { readBudget } from '../document/load.js';
import { writeDocument } from '../document/serialize.js';

/**
 * The budget argument of a public function (begroting), validated as strictly as {@link loadBudget} validates
 * a document, whatever route the value took.
 *
 * @remarks
 * A budget the library built itself (`loadBudget`, the builder, `withCover`, `withTargets`, `applyScenario`)
 * is taken as it is, without a second check. Any other value (a budget from another loaded copy of the
 * library, such as the CommonJS build next to the ESM one, or an object written by hand) is written to a
 * document and read back through the loader: the function then works on that validated copy. A value that is
 * not a budget at all is refused with `invalid_argument` at the parameter's name.
 *
 * @param fn - the public function's name, for the message
 * @param param - the parameter's name (the path of the issue)
 * @param value - what the caller passed
 * @returns a validated, frozen budget
 * @internal
 */
export function requireBudget(fn: string, param: string, value: unknown): AdmittedBudget {
  if (isAdmittedBudget(value)) return value;
  if (!isObjectLike(value)) fail('invalid_argument', [param], `${fn}: ${param} must be a budget (from loadBudget or budget()), not ${describeValue(value)}`);
  let document;
  try {
    document = writeDocument(value as unknown as Budget);
  } catch (error) {
    // Writing a value that is not a budget fails somewhere inside the writer; that is the answer to
    // "is this a budget?", never an error of its own.
    if (MeerjarenError.is(error)) throw error;
    fail('invalid_argument', [param], `${fn}: ${param} is not a budget (from loadBudget or budget())`);
  }
  try {
    return admitBudget(readBudget(document));
  } catch (error) {
    if (!MeerjarenError.is(error)) throw error;
    const first = error.issues[0];
    fail('invalid_argument', [param], `${fn}: ${param} is not a valid budget: ${first ? `${first.path}: ${first.message} [${first.code}]` : 'invalid'}`);
  }
}
