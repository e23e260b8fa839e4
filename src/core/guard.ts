import { IssueCollector, fail, type Path } from './errors.js';

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

/** A short description of a value for a message: its type, or the value itself when it is short. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length <= 40 ? JSON.stringify(value) : `a text of ${value.length} characters`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return typeof value === 'bigint' ? `${value}n` : String(value);
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return 'an object';
  }
}

/** Whether a value is a plain object or a class instance (not null, not an array, not a function). */
export function isObjectLike(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

const named = (path: Path): string => String(path[path.length - 1] ?? 'value');

/** An option that must be one of the listed values (exactly, case included). */
export function oneOf(values: readonly (string | number | boolean)[]): OptionCheck {
  return (value, path, collector) => {
    if (!values.includes(value as string)) {
      collector.add('invalid_option', path, `${named(path)} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(value)}`);
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
