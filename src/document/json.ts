import { isDecimal } from '../core/decimal.js';
import { IssueCollector, MeerjarenError, formatPath, issue, type Path } from '../core/errors.js';
import { tally } from '../core/work.js';
import { JsonNumberText } from '../core/fields.js';
import { NOT_NATIVE, parseNative } from './json-native.js';
import { either, integer, oneOf, readOptions, requireString, type OptionCheck, type OptionSpec } from '../core/guard.js';

/** Limits on documents read from text (invoerlimieten). @category Documents */
export interface JsonLimits {
  /** Largest input in UTF-16 code units. @defaultValue 16 MiB (16 777 216) */
  readonly maxLength?: number;
  /** Deepest nesting of objects and arrays. @defaultValue 32 */
  readonly maxDepth?: number;
}

/** Default largest document text, in characters. @category Documents */
export const DEFAULT_MAX_LENGTH = 16 * 1024 * 1024;
/** Default deepest nesting of a document. @category Documents */
export const DEFAULT_MAX_DEPTH = 32;
/**
 * Default largest document handed over as an object (not text): at most this many values, counting every array
 * element (holes too) and every object key. An array or object whose length alone exceeds what is left is refused
 * before it is walked.
 * @category Documents
 */
export const DEFAULT_MAX_VALUES = 1_000_000;

/** Keys that are never accepted anywhere: they could reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A JSON number kept as written; the class lives with the shared field rules. */
export { JsonNumberText };

/**
 * Parses JSON text strictly: duplicate keys, forbidden keys (`__proto__`, `constructor`, `prototype`),
 * nesting deeper than the limit and text longer than the limit are errors with a path, and numbers that a
 * float cannot hold exactly are kept as {@link JsonNumberText}.
 *
 * @param text - the JSON text
 * @param limits - size and depth limits
 * @throws MeerjarenError with codes `invalid_json`, `duplicate_key`, `forbidden_key`, `too_deep`, `too_large`
 * @example
 * ```ts
 * import { MeerjarenError, parseJsonStrict } from 'meerjaren';
 *
 * parseJsonStrict('{"amount": 0.1}'); // { amount: JsonNumberText { text: "0.1" } }: the number as written, never a float
 * try {
 *   parseJsonStrict('{"a": 1, "a": 2}');
 * } catch (error) {
 *   if (error instanceof MeerjarenError) error.code; // "duplicate_key" at "a"
 * }
 * ```
 * @category Documents
 */
export function parseJsonStrict(text: string, limits: JsonLimits = {}): unknown {
  requireString('parseJsonStrict', 'text', text);
  return parse(text, readOptions('parseJsonStrict', limits, JSON_LIMITS, 'limits'), undefined);
}

/** The largest `maxDepth` a caller may set: the parser and the shape check go one level deeper per nesting. */
export const MAX_JSON_DEPTH = 1000;

/** The size limit of a document handed over as an object (loadBudget, loadScenario and the builder). @category Documents */
export interface ValueLimits {
  /**
   * Most values of a document handed over as an object (not text): every array element (holes too) and every
   * object key count; `too_large` at the array or object that passes it. A whole number from 1, or `Infinity`
   * for no limit. A text is bounded by `maxLength` instead.
   * @defaultValue 1 000 000 ({@link DEFAULT_MAX_VALUES})
   */
  readonly maxValues?: number;
}

/** The check of {@link ValueLimits.maxValues}: a whole number from 1, or `Infinity` (`NaN` and 0 are refused). @internal */
export const MAX_VALUES_OPTION: OptionCheck = either(integer({ min: 1 }), oneOf([Number.POSITIVE_INFINITY]));

/** The checks of {@link JsonLimits}, for every function that takes them among its options. @internal */
export const JSON_LIMITS: OptionSpec = {
  maxLength: integer({ min: 1 }),
  maxDepth: integer({ min: 1, max: MAX_JSON_DEPTH }),
};

/** {@link parseJsonStrict} for a text and limits already checked. @internal */
export function parseJsonText(text: string, limits: JsonLimits): unknown {
  return parse(text, limits, undefined);
}

/** {@link parseJsonText} by the strict parser alone, never the `JSON.parse` fast path (for tests). @internal */
export function parseJsonTextStrictly(text: string, limits: JsonLimits): unknown {
  return parse(text, limits, () => undefined);
}

/** A place in a text: 1-based line and column. @category Documents */
export interface TextPosition {
  /** Line, from 1. */
  readonly line: number;
  /** Column, from 1. */
  readonly column: number;
}

/**
 * Where each value of a JSON text starts, keyed by its path as {@link formatPath} writes it
 * (`sections[2].lines[0].values.2027`); used to point error messages at a line of a file.
 * @param text - JSON text (it need not be valid past the values found)
 * @example
 * ```ts
 * import { jsonPositions } from 'meerjaren';
 *
 * jsonPositions('{\n  "a": [1, 2]\n}').get('a[1]'); // { line: 2, column: 12 }
 * ```
 * @category Documents
 */
export function jsonPositions(text: string): ReadonlyMap<string, TextPosition> {
  requireString('jsonPositions', 'text', text);
  const offsets = new Map<string, number>();
  try {
    parse(text, { maxLength: Number.MAX_SAFE_INTEGER, maxDepth: 1000 }, (path, offset) => offsets.set(formatPath(path), offset));
  } catch {
    // positions found before the problem are still useful
  }
  const positions = new Map<string, TextPosition>();
  const sorted = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  let line = 1;
  let column = 1;
  let at = 0;
  for (const [key, offset] of sorted) {
    for (; at < offset; at++) {
      if (text.charCodeAt(at) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    positions.set(key, { line, column });
  }
  return positions;
}

function parse(text: string, limits: JsonLimits, onValue: ((path: Path, offset: number) => void) | undefined): unknown {
  const maxLength = limits.maxLength ?? DEFAULT_MAX_LENGTH;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (text.length > maxLength) {
    throw new MeerjarenError([issue('too_large', [], `the document has ${text.length} characters; the limit is ${maxLength}`)]);
  }
  if (onValue === undefined) {
    const fast = parseNative(text, maxDepth, FORBIDDEN_KEYS);
    if (fast !== NOT_NATIVE) return fast;
  }
  const issues = new IssueCollector();
  let pos = 0;
  const path: (string | number)[] = [];

  const where = (): string => {
    let line = 1;
    let col = 1;
    for (let i = 0; i < pos && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    return `line ${line}, column ${col}`;
  };
  const syntax = (what: string): never => {
    throw new MeerjarenError([...issues.issues, issue('invalid_json', [...path], `${what} at ${where()}`)]);
  };
  const skip = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
  };

  const parseString = (): string => {
    pos++; // opening quote
    let out = '';
    let start = pos;
    for (;;) {
      if (pos >= text.length) syntax('unterminated string');
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c < 32) syntax('control character in string');
      if (c === 92) {
        out += text.slice(start, pos);
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple && e !== 'u') {
          out += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else syntax('bad escape in string');
        start = pos;
      } else pos++;
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const parseNumber = (): number | JsonNumberText => {
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m === null) return syntax('unexpected character');
    pos += m[0].length;
    const raw = m[0];
    if (/^-?\d+$/.test(raw)) {
      const n = Number(raw);
      if (Number.isSafeInteger(n)) return n === 0 ? 0 : n;
    }
    return new JsonNumberText(raw);
  };

  const parseValue = (depth: number): unknown => {
    tally('jsonValue');
    skip();
    onValue?.(path, pos);
    const c = text[pos];
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) {
        throw new MeerjarenError([...issues.issues, issue('too_deep', [...path], `nesting deeper than ${maxDepth} levels`)]);
      }
      return c === '{' ? parseObject(depth + 1) : parseArray(depth + 1);
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', pos)) return (pos += 4), true;
    if (text.startsWith('false', pos)) return (pos += 5), false;
    if (text.startsWith('null', pos)) return (pos += 4), null;
    if (c === undefined) return syntax('unexpected end of text');
    return parseNumber();
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    pos++;
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    skip();
    if (text[pos] === '}') return pos++, out;
    for (;;) {
      skip();
      if (text[pos] !== '"') syntax('expected a key');
      const key = parseString();
      skip();
      if (text[pos] !== ':') syntax('expected ":"');
      pos++;
      path.push(key);
      const value = parseValue(depth);
      if (FORBIDDEN_KEYS.has(key)) issues.add('forbidden_key', [...path], `the key "${key}" is not allowed`);
      else if (seen.has(key)) issues.add('duplicate_key', [...path], `the key "${key}" appears more than once`);
      else Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      seen.add(key);
      path.pop();
      skip();
      if (text[pos] === ',') pos++;
      else if (text[pos] === '}') return pos++, out;
      else syntax('expected "," or "}"');
    }
  };

  const parseArray = (depth: number): unknown[] => {
    pos++;
    const out: unknown[] = [];
    skip();
    if (text[pos] === ']') return pos++, out;
    for (;;) {
      path.push(out.length);
      out.push(parseValue(depth));
      path.pop();
      skip();
      if (text[pos] === ',') pos++;
      else if (text[pos] === ']') return pos++, out;
      else syntax('expected "," or "]"');
    }
  };

  // A byte order mark is tolerated at the start.
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  const value = parseValue(0);
  skip();
  if (pos < text.length) syntax('unexpected text after the document');
  issues.throwIfAny();
  return value;
}

/**
 * What kind of non-plain object a value is, when it is one that a document never holds: typed arrays, array
 * buffers, DataView, String/Number/Boolean objects, Map, Set, Date, RegExp, promises, class instances. Judged by
 * the prototype alone (never by reading keys or elements), so an 8-million-element typed array or a String object
 * of 10 million characters is refused at once. Plain objects (of any realm, or without prototype), arrays,
 * decimal.js values and {@link JsonNumberText} pass.
 * @param v - an object
 * @returns a description of the kind for a message, or `undefined` for a plain object
 */
function nonPlainKind(v: object): string | undefined {
  if (Array.isArray(v) || v instanceof JsonNumberText) return undefined;
  const proto: unknown = Object.getPrototypeOf(v);
  // Object.prototype of this or another realm (its own prototype is null), or no prototype at all
  if (proto === null || Object.getPrototypeOf(proto) === null) return undefined;
  if (ArrayBuffer.isView(v)) return v instanceof DataView ? 'a DataView' : 'a typed array';
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name} object` : 'an object with a prototype of its own';
}

/**
 * Checks an already parsed value for nesting depth, size and forbidden keys, for documents handed over as objects.
 * Objects that are not plain (typed arrays, String objects, Map, Date, class instances, ...) are refused as
 * `invalid_type` by their kind, and texts (and keys) longer than `maxTextLength` as `too_large` by their length,
 * before anything in them is read.
 * @param value - the document
 * @param maxDepth - deepest nesting
 * @param collector - where problems go
 * @param maxValues - most array elements and object keys in all (`too_large` at the array or object that passes it)
 * @param maxTextLength - longest text (and key), in UTF-16 code units (`too_large` at the text)
 */
export function checkShape(
  value: unknown,
  maxDepth: number,
  collector: IssueCollector,
  maxValues: number = DEFAULT_MAX_VALUES,
  maxTextLength: number = DEFAULT_MAX_LENGTH,
): void {
  let left = maxValues;
  const tooLarge = (path: Path): false => {
    collector.add('too_large', path, `the document has more than ${maxValues} values`);
    return false;
  };
  const walk = (v: unknown, depth: number, path: Path): boolean => {
    tally('shapeValue');
    if (typeof v === 'function' || typeof v === 'symbol') {
      // not data: a document handed over as an object holds only what JSON (or a decimal.js value) can say
      collector.add('invalid_type', path, `a ${typeof v} is not a value a document can hold`);
      return true;
    }
    if (typeof v === 'string') {
      if (v.length <= maxTextLength) return true;
      collector.add('too_large', path, `a text of ${v.length} characters is longer than the limit of ${maxTextLength}`);
      return false;
    }
    if (typeof v !== 'object' || v === null) return true;
    // A decimal.js value is an amount, not a structure: its own "constructor" and digits are not keys.
    if (isDecimal(v)) return true;
    const kind = nonPlainKind(v);
    if (kind !== undefined) {
      collector.add('invalid_type', path, `${kind} is not a value a document can hold: use plain objects, arrays, texts, numbers and booleans`);
      return true;
    }
    if (depth >= maxDepth) {
      collector.add('too_deep', path, `nesting deeper than ${maxDepth} levels`);
      return false;
    }
    if (Array.isArray(v)) {
      // the length is checked before any element is visited: a sparse array of 10^7 holes is refused at once
      if (v.length > left) return tooLarge(path);
      left -= v.length;
      for (let i = 0; i < v.length; i++) if (!walk(v[i], depth + 1, [...path, i])) return false;
      return true;
    }
    const keys = Object.keys(v);
    if (keys.length > left) return tooLarge(path);
    left -= keys.length;
    for (const key of keys) {
      if (key.length > maxTextLength) {
        collector.add('too_large', path, `a key of ${key.length} characters is longer than the limit of ${maxTextLength}`);
        return false;
      }
      if (FORBIDDEN_KEYS.has(key)) collector.add('forbidden_key', [...path, key], `the key "${key}" is not allowed`);
      else if (!walk((v as Record<string, unknown>)[key], depth + 1, [...path, key])) return false;
    }
    return true;
  };
  walk(value, 0, []);
}

/**
 * {@link checkShape} with the default limits, for a part of a document handed over on its own (the cover of
 * `withCover`, the targets of `withTargets`): problems are recorded with paths under `prefix`.
 * @param value - the part as given
 * @param prefix - its path in a document (`['cover']`)
 * @param collector - where problems go
 * @returns whether the part passed (no problem recorded): only then may it be read further
 * @internal
 */
export function checkPartShape(value: unknown, prefix: Path, collector: IssueCollector): boolean {
  const generic = new IssueCollector();
  checkShape(value, DEFAULT_MAX_DEPTH, generic);
  for (const found of generic.issues) collector.add(found.code, [...prefix, ...found.pathSegments], found.message);
  return !generic.hasIssues;
}
