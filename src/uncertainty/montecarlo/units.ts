/**
 * Exact amounts as whole engine units in float64, the number type of the plan and the draw kernel.
 * @packageDocumentation
 */
import type { Decimal } from '../../core/decimal.js';
import { toUnits } from '../../engine/units.js';

/**
 * An exact amount in whole units as a number (the plan checks that its values stay within 2^53 units).
 * @param value - the amount in euros
 * @param decimals - decimals of a unit
 * @internal
 */
export function unitsOf(value: Decimal, decimals: number): number {
  return Number(toUnits(value, decimals));
}
