/**
 * The largest-remainder step shared by the rounding of report tables (`report/allocate-steps.ts`) and the
 * rounding of attribution shares (`analysis/attribution.ts`): after every part has been rounded one way,
 * the steps still missing are handed out one at a time to the parts in ranked order (largest remainder
 * first). Each caller ranks its parts by its own rule (ties by index and sign for tables, by key for shares).
 * @internal
 * @packageDocumentation
 */
import type { Decimal } from './decimal.js';

/**
 * Adds `step` to `count` entries of `values`, in the order of `order` (indices into `values`).
 * With `cycle`, a count larger than the order starts over at its front; without, it stops at its end.
 * @param values - the rounded parts, changed in place
 * @param order - the indices of the parts that may take a step, largest remainder first
 * @param count - how many steps to hand out (a non-negative integer)
 * @param step - the step to add (negative to take one away)
 * @param cycle - whether a part may take more than one step
 * @returns how many steps were handed out
 * @internal
 */
export function handOutSteps(values: Decimal[], order: readonly number[], count: number, step: Decimal, cycle: boolean): number {
  if (order.length === 0) return 0;
  const moves = cycle ? count : Math.min(count, order.length);
  for (let k = 0; k < moves; k++) {
    const i = order[k % order.length]!;
    values[i] = values[i]!.add(step);
  }
  return moves;
}
