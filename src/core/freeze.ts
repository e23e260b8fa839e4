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

/**
 * Like {@link deepFreeze}, but also walks into objects that are already frozen: for a value built by immer,
 * whose autoFreeze freezes plain objects and arrays but not the decimal.js values a recipe put inside them.
 * @param value - a value built by the library (a tree: no cycles)
 * @returns the same value, frozen all the way down
 */
export function freezeThrough<T>(value: T): T {
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (isDecimal(v)) {
      if (!Object.isFrozen(v)) freezeInto(v);
      return;
    }
    Object.freeze(v);
    for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key]);
  };
  walk(value);
  return value;
}

/**
 * Like {@link freezeThrough}, for a value built by immer from a deeply frozen `base`: walks only what is not
 * shared with the base (a subtree that is the same object as the base's at the same place is frozen already),
 * so the cost follows what changed, not the size of the value.
 * @param value - the new value (a tree: no cycles)
 * @param base - the deeply frozen value it was produced from
 * @returns the same value, frozen all the way down
 */
export function freezeChanged<T>(value: T, base: unknown): T {
  const walk = (v: unknown, b: unknown): void => {
    if (v === b || typeof v !== 'object' || v === null) return;
    if (isDecimal(v)) {
      if (!Object.isFrozen(v)) freezeInto(v);
      return;
    }
    Object.freeze(v);
    const old = typeof b === 'object' && b !== null && !isDecimal(b) ? (b as Record<string, unknown>) : undefined;
    for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key], old?.[key]);
  };
  walk(value, base);
  return value;
}
