import { isDecimal, plainString } from '../core/decimal.js';
import { requireNumber } from '../core/guard.js';
import { fail } from '../core/errors.js';

/** A JSON value as meerjaren exports it: amounts are plain decimal strings. @category Reports */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Converts any meerjaren result (an evaluation, a table, a comparison...) to plain JSON data for other tools:
 * every amount becomes a plain decimal string in euros (`"-609000"`, never exponent notation or `-0`),
 * objects and arrays are copied, functions and `undefined` are left out.
 * @param value - a result
 * @example
 * ```ts
 * import { Dec, toJsonValue } from 'meerjaren';
 *
 * toJsonValue({ amount: new Dec('1.50'), years: [2025, 2026] }); // { amount: "1.5", years: [2025, 2026] }
 * ```
 * @category Reports
 */
export function toJsonValue(value: unknown): JsonValue {
  return jsonValue(value, [], new Set());
}

/** The deepest nesting {@link toJsonValue} follows: a result of the library is a few levels deep. */
export const MAX_JSON_VALUE_DEPTH = 1000;

function jsonValue(value: unknown, path: (string | number)[], ancestors: Set<object>): JsonValue {
  if (value === null || value === undefined) return null;
  if (isDecimal(value)) return plainString(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return null;
  // a value that contains itself, or nests deeper than any result, would overflow the stack: refuse it where it happens
  if (ancestors.has(value)) fail('cycle', path, 'toJsonValue: the value contains itself here');
  if (path.length >= MAX_JSON_VALUE_DEPTH) fail('too_deep', path, `toJsonValue: nesting deeper than ${MAX_JSON_VALUE_DEPTH} levels`);
  ancestors.add(value);
  let out: JsonValue;
  if (Array.isArray(value)) out = value.map((v, i) => jsonValue(v, [...path, i], ancestors));
  else {
    const record: Record<string, JsonValue> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || typeof v === 'function') continue;
      record[key] = jsonValue(v, [...path, key], ancestors);
    }
    out = record;
  }
  ancestors.delete(value);
  return out;
}

/**
 * Writes a result as JSON text with amounts as strings (see {@link toJsonValue}).
 * @param value - a result
 * @param indent - spaces to indent with; 0 for one line
 * @example
 * ```ts
 * import { budget, pm, evaluate, resultToJson } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * resultToJson(evaluate(tb1).total['2025']);
 * // '{ "amount": "-1471000", "structural": "-371000", "incidental": "-1100000", "pm": [], "empty": false }' (indented)
 * ```
 * @category Reports
 */
export function resultToJson(value: unknown, indent = 2): string {
  requireNumber('resultToJson', 'indent', indent, { min: 0, max: 10 }, true);
  return JSON.stringify(toJsonValue(value), null, indent);
}
