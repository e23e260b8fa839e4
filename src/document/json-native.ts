/**
 * The `JSON.parse` fast path of the strict JSON parser (json.ts).
 * @packageDocumentation
 */
import { tally } from '../core/work.js';

/** What {@link parseNative} returns for a text it leaves to the strict parser. */
export const NOT_NATIVE: unique symbol = Symbol('not native');

/**
 * The fast path of the strict parser (`parse` in json.ts): the platform's `JSON.parse`, taken only when the text holds nothing the strict
 * parser reads differently, which a scan of the text and a walk over the result show. Else (an error, a
 * duplicate or forbidden key, a number written with a fraction or exponent or beyond 2^53, -0, nesting past the
 * limit, a byte order mark) it returns {@link NOT_NATIVE} and the strict parser reads the text, with its paths.
 * @param text - the JSON text
 * @param maxDepth - deepest nesting
 * @param forbidden - keys never accepted
 */
export function parseNative(text: string, maxDepth: number, forbidden: ReadonlySet<string>): unknown {
  // Every object member has one ":" outside strings: fewer keys in the result than members means a duplicate.
  let members = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 58) members++;
    // outside strings "." and "E" are only in numbers, and "e" after a digit: a number the strict parser keeps as text
    else if (c === 46 || c === 69 || (c === 101 && i > 0 && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57)) return NOT_NATIVE;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_NATIVE;
  }
  let keys = 0;
  let values = 0;
  const plain = (v: unknown, depth: number): boolean => {
    values++;
    if (typeof v === 'number') return Number.isSafeInteger(v) && !Object.is(v, -0);
    if (typeof v !== 'object' || v === null) return true;
    if (depth >= maxDepth) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!plain(v[i], depth + 1)) return false;
      return true;
    }
    const own = Object.keys(v);
    keys += own.length;
    for (const key of own) if (forbidden.has(key) || !plain((v as Record<string, unknown>)[key], depth + 1)) return false;
    return true;
  };
  if (!plain(value, 0) || keys !== members) return NOT_NATIVE;
  tally('jsonValue', values);
  return value;
}

