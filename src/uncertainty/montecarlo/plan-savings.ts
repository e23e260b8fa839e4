/**
 * The savings part of a Monte Carlo plan (taakstellingen): the realised savings of the budget's savings targets
 * without draws, and their paths, in integer units.
 * @packageDocumentation
 */
import { ZERO, type Decimal } from '../../core/decimal.js';
import { isPm } from '../../model/budget.js';
import { measureCostIn, measureRealised } from '../../evaluate/targets.js';
import type { SavingsTarget } from '../../model/savings.js';
import type { CompiledBudget } from '../../engine/compile.js';
import { unitsOf } from './units.js';

/** The savings targets compiled for a plan. @internal */
export interface PlannedSavings {
  /** The savings targets reported, in the budget's order. */
  readonly targets: readonly SavingsTarget[];
  /** Index of each savings target by id. */
  readonly index: ReadonlyMap<string, number>;
  /** Realised units without draws per target and year (`t * Y + y`); net of the measures' costs when asked. */
  readonly base: readonly number[];
  /** The amount to save per target and year (0 in a pm year or a year without one). */
  readonly path: readonly (readonly Decimal[])[];
  /** Sum of the absolute realised savings and paths, in units. */
  readonly bound: number;
}

/**
 * Compiles the savings targets for the draw kernel.
 * @param targets - the savings targets to report (empty when they are not reported)
 * @param compiled - the budget in the plan's units
 * @param net - take each measure's costs off what it realises (as `evaluateTargets(budget, { net: true })`)
 * @internal
 */
export function planSavings(targets: readonly SavingsTarget[], compiled: CompiledBudget, net = false): PlannedSavings {
  const Y = compiled.yearCount;
  const years = compiled.years;
  const dec = compiled.decimals;
  const base: number[] = new Array<number>(targets.length * Y).fill(0);
  const path: Decimal[][] = targets.map((t) =>
    years.map((year) => {
      const cell = t.path[String(year)];
      return cell === undefined || isPm(cell) ? ZERO : cell;
    }),
  );
  let bound = 0;
  targets.forEach((t, ti) => {
    for (const m of Object.values(t.measures)) {
      years.forEach((year, y) => {
        const units = unitsOf(measureRealised(m, year), dec);
        const costs = net ? unitsOf(measureCostIn(m, year), dec) : 0;
        base[ti * Y + y]! += units - costs;
        bound += Math.abs(units) + Math.abs(costs);
      });
    }
    for (const p of path[ti]!) bound += Math.abs(unitsOf(p, dec));
  });
  return { targets, index: new Map<string, number>(targets.map((t, i) => [t.id, i])), base, path, bound };
}
