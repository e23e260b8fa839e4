import type { Budget } from '../model/budget.js';

const admitted = new WeakSet<object>();
declare const admittedBrand: unique symbol;

/**
 * A budget the library built and validated itself (toegelaten begroting): the type of what `admitBudget`
 * marks and `requireBudget` hands back, so that code taking an `AdmittedBudget` needs no second check.
 * The brand exists only for the type checker; at run time the mark is a `WeakSet`.
 * @internal
 */
export type AdmittedBudget = Budget & { readonly [admittedBrand]: true };

/**
 * Marks a frozen budget that the library built and validated itself (by `loadBudget`, the builder,
 * `withCover`, `withTargets` or `applyScenario`), so that the public functions that take it need not check it again.
 * @param budget - a budget the library just built, frozen
 * @returns the same budget, typed as admitted
 * @internal
 */
export function admitBudget<T extends Budget>(budget: T): T & AdmittedBudget {
  admitted.add(budget);
  return budget as T & AdmittedBudget;
}

/**
 * Whether a value is a budget the library built and validated itself.
 * @param value - anything
 * @internal
 */
export function isAdmittedBudget(value: unknown): value is AdmittedBudget {
  return typeof value === 'object' && value !== null && admitted.has(value);
}
