import { fail, type IssueCollector, type Path } from './errors.js';

/**
 * The field rules (veldregels) every reader of input shares: the budget document reader, the cover and savings
 * reader, the scenario shape check, the option checks of the public functions and the distribution specs. Each
 * reader keeps its own issue codes and paths; what it says about a value, whether a value is a record, how a
 * choice, a text, a whole number or a year is checked and worded, comes from here, once.
 * @module
 */

/**
 * A JSON number that a float cannot hold exactly (a non-integer, or an integer beyond 2^53), kept as written
 * so that the loader can name it instead of silently using a rounded value.
 * @category Documents
 */
export class JsonNumberText {
  /** @param text - the number as written in the JSON text */
  constructor(readonly text: string) {
    if (typeof text !== 'string') fail('invalid_argument', ['text'], `JsonNumberText: text must be a text, not ${describeValue(text)}`);
  }
}

/** Longest quoted text in a message; a longer one is cut and ends in `…`. */
const SHOWN_TEXT = 40;

/**
 * A short description of a value for a message (waarde in een melding): a short text quoted, a number as
 * written, otherwise what kind of value it is (`a list`, `an object`, `a function`).
 * @param value - any value, also a bigint, a symbol or an object without a prototype
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof JsonNumberText) return value.text;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > SHOWN_TEXT ? value.slice(0, SHOWN_TEXT) + '…' : value);
    case 'bigint':
      return `${value}n`;
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return 'an object';
  }
}

/**
 * Whether a value is a record (object met velden): an object that is not null, not a list and not a
 * {@link JsonNumberText}. A class instance counts; what its fields must be is the reader's business.
 * @internal
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumberText);
}

/** The last segment of a path, as a message names the field: `unit` for `presentation.unit`. @internal */
export function fieldName(path: Path): string {
  return String(path[path.length - 1] ?? 'value');
}

/** The allowed values of a choice, for a message: `"euro", "thousand", "million"`. @internal */
export function choicesText(options: readonly unknown[]): string {
  return options.map((o) => JSON.stringify(o)).join(', ');
}

/**
 * Whether a value is one of the allowed values of a choice (keuze), exactly, case included.
 * @internal
 */
export function isChoice<T>(value: unknown, options: readonly T[]): value is T {
  return (options as readonly unknown[]).includes(value);
}

/**
 * The one wording of a value that is not one of the allowed values:
 * `unit must be one of "euro", "thousand", "million" (got "x")`.
 * @param name - the field, as the message names it
 * @param options - the allowed values
 * @param value - the value given
 * @internal
 */
export function choiceMessage(name: string, options: readonly unknown[], value: unknown): string {
  return `${name} must be one of ${choicesText(options)} (got ${describeValue(value)})`;
}

/**
 * Reads a choice (keuze) of a document or options: `undefined` when absent (with `missing_field` when
 * `required`), the value when it is one of `options`, else `invalid_value` with {@link choiceMessage}.
 * @param issues - where the problems go
 * @param raw - the value read
 * @param options - the allowed values
 * @param path - the value's path
 * @param required - whether absence is a problem
 * @internal
 */
export function readChoice<T extends string>(issues: IssueCollector, raw: unknown, options: readonly T[], path: Path, required: boolean): T | undefined {
  if (raw === undefined) {
    if (required) issues.add('missing_field', path, `required: one of ${choicesText(options)}`);
    return undefined;
  }
  if (typeof raw !== 'string' || !isChoice(raw, options)) {
    issues.add('invalid_value', path, choiceMessage(fieldName(path), options, raw));
    return undefined;
  }
  return raw;
}

/** Why a text is not acceptable: not a text, empty (blank), or longer than the limit. @internal */
export type TextProblem = 'not-text' | 'empty' | 'too-long';

/**
 * Checks a text (tekst) against the one rule for texts: a string, not blank unless `allowEmpty`, at most
 * `maxLength` UTF-16 code units; `undefined` when it is fine.
 * @internal
 */
export function textProblem(value: unknown, maxLength: number, allowEmpty: boolean): TextProblem | undefined {
  if (typeof value !== 'string') return 'not-text';
  if (value.length > maxLength) return 'too-long';
  if (!allowEmpty && value.trim() === '') return 'empty';
  return undefined;
}

/**
 * Reads a text (tekst) of a document: `undefined` when absent (with `missing_field` when `required`), the text
 * when {@link textProblem} finds nothing, else `invalid_type` (not a text) or `invalid_value` (blank, too long),
 * each with one wording.
 * @param issues - where the problems go
 * @param raw - the value read
 * @param path - the value's path
 * @param required - whether absence is a problem
 * @param maxLength - the most UTF-16 code units
 * @param allowEmpty - whether a blank text is fine
 * @internal
 */
export function readText(issues: IssueCollector, raw: unknown, path: Path, required: boolean, maxLength: number, allowEmpty = false): string | undefined {
  if (raw === undefined) {
    if (required) issues.add('missing_field', path, 'a text is required here');
    return undefined;
  }
  const problem = textProblem(raw, maxLength, allowEmpty);
  if (problem === 'not-text') issues.add('invalid_type', path, `expected a text, got ${describeValue(raw)}`);
  else if (problem !== undefined) issues.add('invalid_value', path, problem === 'too-long' ? `a text is longer than ${maxLength} characters` : 'a text is empty');
  return problem === undefined ? (raw as string) : undefined;
}

/** Whether a value is a whole number (geheel getal) that a float holds exactly. @internal */
export function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Whether a key of an object by year is a year as written (`"2026"`: four digits). @internal */
export function isYearKey(key: string): boolean {
  return /^\d{4}$/.test(key);
}

/**
 * The one wording of a JSON number that a float cannot hold exactly (`imprecise_number`).
 * @param text - the number as written
 * @internal
 */
export function impreciseMessage(text: string): string {
  return `the number ${text} may lose precision as a JSON number; write it as a string ("${text}")`;
}
