/**
 * Scenarios whose shape is known to be good: `loadScenario` marks the frozen scenario it returns when the check
 * it ran was at least as strict as the one `applyScenario` runs, so that applying it does not check it again.
 * @internal
 * @packageDocumentation
 */
import type { Scenario } from './types.js';

const checked = new WeakSet<object>();

/**
 * Marks a frozen scenario that passed `checkScenarioShape` with limits no looser than its defaults.
 * @param scenario - the frozen scenario
 * @returns the same scenario
 * @internal
 */
export function markShapeChecked(scenario: Scenario): Scenario {
  checked.add(scenario);
  return scenario;
}

/**
 * Whether a value is a scenario {@link markShapeChecked} marked: its shape need not be checked again.
 * @param value - anything
 * @internal
 */
export function isShapeChecked(value: unknown): boolean {
  return typeof value === 'object' && value !== null && checked.has(value);
}
