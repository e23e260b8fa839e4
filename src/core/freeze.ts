import { isDecimal } from './decimal.js';

/**
 * Freezes a value and everything it holds (objects, arrays, decimal.js values
 * and their digit arrays), so that no later write can change a budget or a result.
 * @param value - a value built by the library
 * @returns the same value, frozen
 */
export function deepFreeze<T>(value: T): T {
  freezeInto(value);
  return value;
}

function freezeInto(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  if (isDecimal(value)) {
    Object.freeze((value as unknown as { d: unknown }).d);
    Object.freeze(value);
    return;
  }
  Object.freeze(value);
  for (const key of Object.keys(value)) freezeInto((value as Record<string, unknown>)[key]);
}
