import type { Budget } from '../model/budget.js';

const admitted = new WeakSet<object>();

/**
 * Marks a frozen budget that the library built and validated itself (by `loadBudget`, the builder,
 * `withCover`, `withTargets` or `applyScenario`), so that the public functions that take it need not check it again.
 * @param budget - a budget the library just built, frozen
 * @returns the same budget
 * @internal
 */
export function admitBudget<T extends Budget>(budget: T): T {
  admitted.add(budget);
  return budget;
}

/**
 * Whether a value is a budget the library built and validated itself.
 * @param value - anything
 * @internal
 */
export function isAdmittedBudget(value: unknown): value is Budget {
  return typeof value === 'object' && value !== null && admitted.has(value);
}
