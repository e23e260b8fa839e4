import { isDecimal, plainString } from '../core/decimal.js';

/** A JSON value as meerjaren exports it: amounts are plain decimal strings. @category Reports */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Converts any meerjaren result (an evaluation, a table, a comparison...) to plain JSON data for other tools:
 * every amount becomes a plain decimal string in euros (`"-609000"`, never exponent notation or `-0`),
 * objects and arrays are copied, functions and `undefined` are left out.
 * @param value - a result
 * @category Reports
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (isDecimal(value)) return plainString(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || typeof v === 'function') continue;
      out[key] = toJsonValue(v);
    }
    return out;
  }
  return null;
}

/**
 * Writes a result as JSON text with amounts as strings (see {@link toJsonValue}).
 * @param value - a result
 * @param indent - spaces to indent with; 0 for one line
 * @category Reports
 */
export function resultToJson(value: unknown, indent = 2): string {
  return JSON.stringify(toJsonValue(value), null, indent);
}
