/**
 * Checks at the public boundary (grenscontrole): the arguments and options of every public function,
 * for callers in plain JavaScript as much as in TypeScript. A bad argument is a {@link MeerjarenError}
 * with code `invalid_argument` and the parameter's name as its path; a bad option is `invalid_option`
 * with the path `options.<name>`; an option the function does not know is `unknown_option`.
 *
 * @remarks
 * One small set of checks, shared by every entry point, instead of code pasted into each function.
 * A function states its parameters once:
 * ```ts
 * const opts = readOptions('loadBudget', options, {
 *   totals: oneOf(['check', 'ignore']),
 *   maxDepth: integer({ min: 1 }),
 * });
 * ```
 * @module
 */
import { IssueCollector, fail } from './errors.js';
import { describeValue, isRecord as isObjectLike } from './fields.js';
import { boundsText, inBounds, object, type NumberBounds, type OptionCheck, type OptionSpec } from './checks.js';

/** The checks of single values, stated once in `core/checks.ts`; re-exported for every reader of options. */
export { oneOf, finiteNumber, integer, boolean, text, callable, object, arrayOf, either, anything, decimal, objectWith, pathOf, issueCollector, bigintIn, anyDecimal } from './checks.js';
export type { NumberBounds, OptionCheck, OptionSpec } from './checks.js';

/**
 * The field rules shared by every reader ({@link describeValue}, the record predicate), re-exported for the
 * option checks' callers.
 */
export { describeValue, isRecord as isObjectLike } from './fields.js';

/**
 * Refuses a missing or non-object argument: `invalid_argument` at the parameter's name.
 * @param fn - the public function's name, for the message
 * @param param - the parameter's name (the path of the issue)
 * @param value - what the caller passed
 * @param what - what the parameter should be, for the message ("a budget")
 */
export function requireObject(fn: string, param: string, value: unknown, what: string): asserts value is object {
  if (!isObjectLike(value)) fail('invalid_argument', [param], `${fn}: ${param} must be ${what}, not ${describeValue(value)}`);
}

/**
 * Refuses an argument that is not a string: `invalid_argument` at the parameter's name.
 * @param fn - the public function's name
 * @param param - the parameter's name
 * @param value - what the caller passed
 */
export function requireString(fn: string, param: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') fail('invalid_argument', [param], `${fn}: ${param} must be a text, not ${describeValue(value)}`);
}

/**
 * Reads a function's options: `undefined` is no options; anything else must be an object whose every key
 * is in `spec` and passes its check. Every problem is reported at once.
 * @param fn - the public function's name
 * @param options - what the caller passed
 * @param spec - the checks, one per option name
 * @param param - the parameter's name; default `options`
 * @returns the options, or an empty object
 */
export function readOptions<T extends object>(fn: string, options: T | undefined, spec: OptionSpec, param = 'options'): T | Partial<T> {
  if (options === undefined) return {};
  requireObject(fn, param, options, 'an object of options');
  const collector = new IssueCollector();
  for (const key of Object.keys(options)) {
    const check = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (check === undefined) {
      collector.add('unknown_option', [param, key], `${fn}: unknown option "${key}"; known options: ${Object.keys(spec).join(', ') || 'none'}`);
      continue;
    }
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) check(value, [param, key], collector);
  }
  collector.throwIfAny();
  return options;
}

/**
 * Reads a function's options as {@link readOptions} does, but records the problems in `collector` instead of
 * throwing, so that a function that validates more (its inputs, a document) can report everything at once.
 * @param fn - the public function's name
 * @param options - what the caller passed
 * @param spec - the checks, one per option name
 * @param collector - where problems go
 * @param param - the parameter's name; default `options`
 * @returns the options (an empty object for `undefined`, or when they are not an object at all)
 */
export function collectOptions<T extends object>(fn: string, options: T | undefined, spec: OptionSpec, collector: IssueCollector, param = 'options'): T | Partial<T> {
  if (options === undefined) return {};
  if (!isObjectLike(options)) {
    collector.add('invalid_argument', [param], `${fn}: ${param} must be an object of options, not ${describeValue(options)}`);
    return {};
  }
  object(spec)(options, [param], collector);
  return options;
}

/**
 * Refuses an argument that is not an array: `invalid_argument` at the parameter's name.
 * @param fn - the public function's name
 * @param param - the parameter's name
 * @param value - what the caller passed
 * @param what - what the parameter should be, for the message ("a list of scenarios")
 * @param bounds - an upper limit of its length, where the length allocates memory
 */
export function requireArray(fn: string, param: string, value: unknown, what: string, bounds: { readonly maxLength?: number } = {}): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) fail('invalid_argument', [param], `${fn}: ${param} must be ${what}, not ${describeValue(value)}`);
  if (bounds.maxLength !== undefined && value.length > bounds.maxLength) {
    fail('invalid_argument', [param], `${fn}: ${param} has ${value.length} entries; at most ${bounds.maxLength}`);
  }
}

/**
 * Refuses an argument that is not a finite number within bounds (NaN and Infinity are refused):
 * `invalid_argument` at the parameter's name.
 * @param fn - the public function's name
 * @param param - the parameter's name
 * @param value - what the caller passed
 * @param bounds - the accepted range
 * @param whole - whether it must be a safe integer
 */
export function requireNumber(fn: string, param: string, value: unknown, bounds: NumberBounds = {}, whole = false): asserts value is number {
  const ok = typeof value === 'number' && (whole ? Number.isSafeInteger(value) : Number.isFinite(value)) && inBounds(value, bounds);
  if (!ok) {
    const range = boundsText(bounds);
    fail('invalid_argument', [param], `${fn}: ${param} must be ${whole ? 'a whole number' : 'a finite number'}${range ? ' ' + range : ''}, not ${describeValue(value)}`);
  }
}

/**
 * Checks a positional argument with an {@link OptionCheck} (the checks of options, reused): a problem with the
 * argument itself is `invalid_argument` at the parameter's name; problems inside it keep their codes and paths
 * (`unknown_option` at `at.lne`), all at once.
 * @param fn - the public function's name
 * @param param - the parameter's name
 * @param value - what the caller passed
 * @param check - the check, such as `oneOf([...])` or `object({...})`
 */
export function requireArgument(fn: string, param: string, value: unknown, check: OptionCheck): void {
  const trial = new IssueCollector();
  if (value === undefined) trial.add('invalid_argument', [param], `${fn}: ${param} is required`);
  else check(value, [param], trial);
  if (!trial.hasIssues) return;
  const out = new IssueCollector();
  for (const i of trial.issues) {
    out.add(i.code === 'invalid_option' ? 'invalid_argument' : i.code, i.pathSegments, i.code === 'invalid_option' ? `${fn}: ${i.message}` : i.message);
  }
  out.throwIfAny();
}

/**
 * Reads the options of a function whose options are required (`steppedPath({ start, step, to })`,
 * `monteCarlo(budget, { inputs })`): the object must be there (`invalid_argument` otherwise), the `required`
 * options present (`invalid_option` at `options.<name>`), and every option as {@link readOptions} checks it.
 * All problems at once.
 * @param fn - the public function's name
 * @param options - what the caller passed
 * @param spec - the checks, one per option name
 * @param required - the options that must be given
 * @param param - the parameter's name; default `options`
 */
export function requireOptions<T extends object>(fn: string, options: T | undefined, spec: OptionSpec, required: readonly string[], param = 'options'): T {
  requireObject(fn, param, options, 'an object of options');
  const collector = new IssueCollector();
  for (const key of required) {
    if ((options as Record<string, unknown>)[key] === undefined) collector.add('invalid_option', [param, key], `${fn}: the option "${key}" is required`);
  }
  object(spec)(options, [param], collector);
  collector.throwIfAny();
  return options;
}
