import { IssueCollector, fail, type Path } from './errors.js';
import { isDecimal } from './decimal.js';
import { choiceMessage, describeValue, fieldName as named, isRecord as isObjectLike } from './fields.js';

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

/** Checks one option value; records a problem in `collector` at `path` when the value is not acceptable. */
export type OptionCheck = (value: unknown, path: Path, collector: IssueCollector) => void;

/** The checks of a function's options, one per option name. */
export type OptionSpec = Readonly<Record<string, OptionCheck>>;

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

/** An option that must be one of the listed values (exactly, case included). */
export function oneOf(values: readonly (string | number | boolean)[]): OptionCheck {
  return (value, path, collector) => {
    if (!values.includes(value as string)) {
      collector.add('invalid_option', path, choiceMessage(named(path), values, value));
    }
  };
}

/** Bounds of a numeric option; both inclusive. */
export interface NumberBounds {
  /** Smallest accepted value. */
  readonly min?: number;
  /** Largest accepted value. */
  readonly max?: number;
  /** Whether the bounds themselves are excluded; default false. */
  readonly exclusive?: boolean;
}

function boundsText(bounds: NumberBounds): string {
  const lo = bounds.min === undefined ? '' : `${bounds.exclusive ? 'above' : 'at least'} ${bounds.min}`;
  const hi = bounds.max === undefined ? '' : `${bounds.exclusive ? 'below' : 'at most'} ${bounds.max}`;
  return [lo, hi].filter((s) => s !== '').join(' and ');
}

function inBounds(n: number, bounds: NumberBounds): boolean {
  if (bounds.min !== undefined && (bounds.exclusive ? n <= bounds.min : n < bounds.min)) return false;
  if (bounds.max !== undefined && (bounds.exclusive ? n >= bounds.max : n > bounds.max)) return false;
  return true;
}

/** An option that must be a finite number within bounds (NaN and Infinity are refused). */
export function finiteNumber(bounds: NumberBounds = {}): OptionCheck {
  return (value, path, collector) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || !inBounds(value, bounds)) {
      const range = boundsText(bounds);
      collector.add('invalid_option', path, `${named(path)} must be a finite number${range ? ' ' + range : ''}, not ${describeValue(value)}`);
    }
  };
}

/** An option that must be a safe integer within bounds. */
export function integer(bounds: NumberBounds = {}): OptionCheck {
  return (value, path, collector) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || !inBounds(value, bounds)) {
      const range = boundsText(bounds);
      collector.add('invalid_option', path, `${named(path)} must be a whole number${range ? ' ' + range : ''}, not ${describeValue(value)}`);
    }
  };
}

/** An option that must be `true` or `false`. */
export const boolean: OptionCheck = (value, path, collector) => {
  if (typeof value !== 'boolean') collector.add('invalid_option', path, `${named(path)} must be true or false, not ${describeValue(value)}`);
};

/** An option that must be a text (optionally non-empty). */
export function text(options: { readonly nonEmpty?: boolean } = {}): OptionCheck {
  return (value, path, collector) => {
    if (typeof value !== 'string' || (options.nonEmpty === true && value === '')) {
      collector.add('invalid_option', path, `${named(path)} must be ${options.nonEmpty ? 'a non-empty' : 'a'} text, not ${describeValue(value)}`);
    }
  };
}

/** An option that must be a function. */
export const callable: OptionCheck = (value, path, collector) => {
  if (typeof value !== 'function') collector.add('invalid_option', path, `${named(path)} must be a function, not ${describeValue(value)}`);
};

/** An option that must be an object (its contents checked by the function that reads it, or by `inner`). */
export function object(inner?: OptionSpec): OptionCheck {
  return (value, path, collector) => {
    if (!isObjectLike(value)) {
      collector.add('invalid_option', path, `${named(path)} must be an object, not ${describeValue(value)}`);
      return;
    }
    if (inner === undefined) return;
    for (const key of Object.keys(value)) {
      const check = Object.hasOwn(inner, key) ? inner[key] : undefined;
      if (check === undefined) collector.add('unknown_option', [...path, key], `unknown option "${key}"; known options: ${Object.keys(inner).join(', ')}`);
      else {
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined) check(v, [...path, key], collector);
      }
    }
  };
}

/** An option that must be an array whose every element passes `each`. */
export function arrayOf(each: OptionCheck, bounds: { readonly maxLength?: number } = {}): OptionCheck {
  return (value, path, collector) => {
    if (!Array.isArray(value)) {
      collector.add('invalid_option', path, `${named(path)} must be a list, not ${describeValue(value)}`);
      return;
    }
    if (bounds.maxLength !== undefined && value.length > bounds.maxLength) {
      collector.add('invalid_option', path, `${named(path)} has ${value.length} entries; at most ${bounds.maxLength}`);
      return;
    }
    value.forEach((v, i) => each(v, [...path, i], collector));
  };
}

/** An option that passes any of the given checks (the first one's message is reported otherwise). */
export function either(...checks: readonly OptionCheck[]): OptionCheck {
  return (value, path, collector) => {
    let firstFailure: IssueCollector | undefined;
    for (const check of checks) {
      const trial = new IssueCollector();
      check(value, path, trial);
      if (!trial.hasIssues) return;
      firstFailure ??= trial;
    }
    if (firstFailure !== undefined) collector.addAll(firstFailure.issues);
  };
}

/** An option the function takes as it is (checked where it is read, e.g. a document or a presentation). */
export const anything: OptionCheck = () => {};

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

/** An option (or, through {@link requireArgument}, an argument) that must be a finite decimal amount (a `Decimal`). */
export const decimal: OptionCheck = (value, path, collector) => {
  if (!isDecimal(value) || !value.isFinite()) collector.add('invalid_option', path, `${named(path)} must be a finite Decimal, not ${describeValue(value)}`);
};

/**
 * An option that must be an object with (at least) the given own fields: a result of the library handed back
 * to it (an evaluation, a cover evaluation), checked as far as telling it from a wrong value goes.
 * @param fields - the fields it must have
 * @param what - what it should be, for the message ("an evaluation from evaluate()")
 */
export function objectWith(fields: readonly string[], what: string): OptionCheck {
  return (value, path, collector) => {
    if (!isObjectLike(value) || fields.some((f) => !Object.hasOwn(value, f))) {
      collector.add('invalid_option', path, `${named(path)} must be ${what}, not ${describeValue(value)}`);
    }
  };
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

/** An argument that must be a path: a list of texts and whole numbers (`['cover', 'claims', 0]`). */
export const pathOf: OptionCheck = arrayOf((value, path, collector) => {
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isSafeInteger(value))) {
    collector.add('invalid_option', path, `a path holds texts and whole numbers, not ${describeValue(value)}`);
  }
});

/** An argument that must be an {@link IssueCollector} (where a validator records problems). */
export const issueCollector: OptionCheck = (value, path, collector) => {
  if (!(value instanceof IssueCollector)) collector.add('invalid_option', path, `${named(path)} must be an IssueCollector, not ${describeValue(value)}`);
};

/** An option that must be a `bigint` within bounds (both inclusive). */
export function bigintIn(bounds: { readonly min?: bigint; readonly max?: bigint } = {}): OptionCheck {
  return (value, path, collector) => {
    if (typeof value !== 'bigint' || (bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
      const range = [bounds.min === undefined ? '' : `at least ${bounds.min}n`, bounds.max === undefined ? '' : `at most ${bounds.max}n`].filter((s) => s !== '').join(' and ');
      collector.add('invalid_option', path, `${named(path)} must be a bigint${range ? ' ' + range : ''}, not ${describeValue(value)}`);
    }
  };
}

/**
 * An option (or argument) that must be a `Decimal`, finite or not: for functions that report a non-finite
 * amount with a code of their own (`invalid_amount`).
 */
export const anyDecimal: OptionCheck = (value, path, collector) => {
  if (!isDecimal(value)) collector.add('invalid_option', path, `${named(path)} must be a Decimal, not ${describeValue(value)}`);
};
