/**
 * The checks of single values (waardecontroles) that the public functions state their options and arguments
 * with: `oneOf([...])`, `integer({ min: 1 })`, `object({...})`, `arrayOf(...)`. Each records a problem in a
 * collector at the value's path (`invalid_option`); `core/guard.ts` reads options and arguments with them.
 * @module
 */
import { IssueCollector, type Path } from './errors.js';
import { isDecimal } from './decimal.js';
import { choiceMessage, describeValue, fieldName as named, isRecord as isObjectLike } from './fields.js';

/** Checks one option value; records a problem in `collector` at `path` when the value is not acceptable. */
export type OptionCheck = (value: unknown, path: Path, collector: IssueCollector) => void;

/** The checks of a function's options, one per option name. */
export type OptionSpec = Readonly<Record<string, OptionCheck>>;

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

/** The bounds as words, for a message: `at least 1 and at most 10`. @internal */
export function boundsText(bounds: NumberBounds): string {
  const lo = bounds.min === undefined ? '' : `${bounds.exclusive ? 'above' : 'at least'} ${bounds.min}`;
  const hi = bounds.max === undefined ? '' : `${bounds.exclusive ? 'below' : 'at most'} ${bounds.max}`;
  return [lo, hi].filter((s) => s !== '').join(' and ');
}

/** Whether a number is within bounds. @internal */
export function inBounds(n: number, bounds: NumberBounds): boolean {
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
