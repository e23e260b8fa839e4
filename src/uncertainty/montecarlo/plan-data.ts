/**
 * The plan's data (draaiboek): every number a draw needs as plain, transferable data shared by the main thread
 * and the workers, and what a plan was built from, kept beside it on the main thread.
 * @packageDocumentation
 */
import type { Decimal, RoundingMode } from '../../core/decimal.js';
import type { Unit } from '../../model/values.js';
import { MeerjarenError, issue } from '../../core/errors.js';
import type { SavingsTarget } from '../../model/savings.js';
import type { CompiledBudget } from '../../engine/compile.js';
import type { DistributionSpec } from '../distribution.js';
import type { Seed } from '../random.js';
import type { TargetSpec, UncertainInput, UncertainKind } from './types.js';

/** The kind code of each input kind, as in `MonteCarloPlan.inputKind`. @internal */
export const KIND_CODE: Readonly<Record<UncertainKind, number>> = { amount: 0, realisation: 1, indexation: 2, measure: 3, capacity: 4, indicator: 5, parameter: 6 };

/**
 * A compiled Monte Carlo plan (draaiboek): every number a draw needs, as plain data that can be posted to a
 * worker. Built by `planMonteCarlo`.
 * @category Uncertainty
 */
export interface MonteCarloPlan {
  /** Seed. */
  readonly seed: Seed;
  /** Years. */
  readonly yearCount: number;
  /** Units per cent (`10^(decimals - 2)`). */
  readonly unitsPerCent: number;
  /** Rounding rule. */
  readonly rounding: RoundingMode;
  /** Number of targets. */
  readonly targetCount: number;
  /** Number of savings targets reported (`budget.targets`). */
  readonly savingsCount: number;
  /** 1 when the cover's uncovered amount is reported. */
  readonly coverActive: number;
  /**
   * Outputs per draw: saldo (Y), structural saldo (Y), each target's total (Y each), each savings target's
   * realised savings (Y each), the uncovered amount (Y, when `coverActive`).
   */
  readonly stride: number;
  /** Base outputs (the budget without draws), `stride` values. */
  readonly base: Float64Array;
  /** Base units of each touched cell (slot). */
  readonly slotBase: Float64Array;
  /** Year index of each slot. */
  readonly slotYear: Int32Array;
  /** 1 when the slot's row is structural. */
  readonly slotStructural: Uint8Array;
  /** Targets of each slot: `slotTargets[slotTargetStart[s] .. slotTargetStart[s + 1]]`. */
  readonly slotTargetStart: Int32Array;
  /** Flattened target indices. */
  readonly slotTargets: Int32Array;
  /** Per input: its kind code (0 amount, 1 realisation, 2 indexation, 3 measure, 4 capacity, 5 indicator, 6 parameter). */
  readonly inputKind: Uint8Array;
  /** Per input: its random stream. */
  readonly inputStream: Float64Array;
  /** Per input: the slots it changes, `inputSlots[inputSlotStart[j] .. inputSlotStart[j + 1]]`. */
  readonly inputSlotStart: Int32Array;
  /** Flattened slot indices (measure slots for `measure` inputs, capacity cells for `capacity` inputs). */
  readonly inputSlots: Int32Array;
  /** Exponent per entry of `inputSlots` (indexation: years since the base year; else 1). */
  readonly inputExponent: Int32Array;
  /** Distribution specs per input. */
  readonly distributions: readonly DistributionSpec[];
  /**
   * Per input: the column of its draw order in `drawOrder` (a rank-correlated input, or an input of its group), or
   * -1 for an input drawn in draw order.
   */
  readonly inputOrder: Int32Array;
  /**
   * The draw orders of the rank-correlated inputs (`MonteCarloOptions.correlation`): at draw `d`, column `c` draws
   * from the random stream of draw `drawOrder[c * orderDraws + d]` (a permutation of the draws per column).
   */
  readonly drawOrder: Int32Array;
  /** The draws of each column of `drawOrder` (the run's draws; 0 without a correlation). */
  readonly orderDraws: number;
  /** Measure slots (one per measure and year drawn): savings target index. */
  readonly msTarget: Int32Array;
  /** Measure slots: year index. */
  readonly msYear: Int32Array;
  /** Measure slots: planned units. */
  readonly msPlanned: Float64Array;
  /** Measure slots: realised units without draws. */
  readonly msBase: Float64Array;
  /** The cover program (empty when `coverActive` is 0). */
  readonly cover: CoverProgram;
  /** The driver program of the `indicator` and `parameter` inputs (empty without them). */
  readonly drivers: DriverProgram;
}

/**
 * The drivers compiled for the draw kernel (stuurprogramma): the driven cells that `indicator` and `parameter`
 * inputs recompute, the driver values they read, and per input the values it sets. Exact fractions are written
 * `"numerator/denominator"` (`""` for no value) so that the plan stays plain data.
 * @category Uncertainty
 */
export interface DriverProgram {
  /** The expressions of the formulas of the driven cells. */
  readonly expressions: readonly string[];
  /** Per driven cell: its slot. */
  readonly cellSlot: Int32Array;
  /** Per driven cell: the index of its expression. */
  readonly cellExpression: Int32Array;
  /** Per driven cell: its names, `cellNames[cellNameStart[c] .. cellNameStart[c + 1]]`. */
  readonly cellNameStart: Int32Array;
  /** Flattened names of the driven cells. */
  readonly cellNames: readonly string[];
  /** Per name of a driven cell: the driver value (key) an input sets, or -1 for a fixed value. */
  readonly cellNameKey: Int32Array;
  /** Per name of a driven cell: its fixed value in the cell's year (a fraction, `""` for none). */
  readonly cellNameFixed: readonly string[];
  /** Per key (a driver in one year): its value without draws (a fraction, `""` for none). */
  readonly keyBase: readonly string[];
  /** Per input: its entries `entryKey[entryStart[j] .. entryStart[j + 1]]` (empty for other kinds). */
  readonly entryStart: Int32Array;
  /** Per entry: the key it sets to `entryA + entryB x drawn value`. */
  readonly entryKey: Int32Array;
  /** Per entry: the constant part (a fraction). */
  readonly entryA: readonly string[];
  /** Per entry: the factor of the drawn value (a fraction). */
  readonly entryB: readonly string[];
  /** Per input: the driven cells it recomputes, `inputCells[inputCellStart[j] .. inputCellStart[j + 1]]`. */
  readonly inputCellStart: Int32Array;
  /** Flattened driven cell indices. */
  readonly inputCells: Int32Array;
  /** Per input: the decimals its drawn value is rounded to. */
  readonly inputPlaces: Int32Array;
}

/**
 * The cover compiled for the draw kernel (dekkingsprogramma): sources, claims in priority order and the rows
 * whose totals they read, in integer units. Mirrors `evaluateCover` exactly.
 * @category Uncertainty
 */
export interface CoverProgram {
  /** Per source: 0 per-year, 1 total, 2 line, 3 unlimited, 4 balance. */
  readonly capKind: Uint8Array;
  /** Capacity cells, `(Y + 1)` per source: the per-year amounts, then the total amount. */
  readonly capBase: Float64Array;
  /** Per source: first year index of a `total` capacity (`from`). */
  readonly capStart: Int32Array;
  /** Per source: cover row of a `line` capacity, or -1. */
  readonly capRow: Int32Array;
  /** Per source and year: 1 when a `line` capacity applies. */
  readonly capYears: Uint8Array;
  /** Per source: 1 when it is a reserve with a balance. */
  readonly hasReserve: Uint8Array;
  /** Per source: the reserve's opening balance. */
  readonly resOpening: Float64Array;
  /** Per source and year: planned additions. */
  readonly resAdd: Float64Array;
  /** Per source and year: planned withdrawals. */
  readonly resWithdraw: Float64Array;
  /** Per claim: source index, or -1 for an unknown source. */
  readonly claimSource: Int32Array;
  /** Per claim: cover row of a `full` claim read per draw, or -1 for a claim with fixed amounts. */
  readonly claimRow: Int32Array;
  /** Per claim and year: 1 when the claim applies. */
  readonly claimApplies: Uint8Array;
  /** Per claim and year: the fixed claimed amount (claims with `claimRow` -1). */
  readonly claimFixed: Float64Array;
  /** Per cover row and year: its total without draws. */
  readonly rowBase: Float64Array;
  /** Cover rows of each slot: `slotCover[slotCoverStart[s] .. slotCoverStart[s + 1]]`. */
  readonly slotCoverStart: Int32Array;
  /** Flattened cover row indices. */
  readonly slotCover: Int32Array;
}

/** What a plan was built from (kept beside it on the main thread, not posted to workers). @internal */
export interface PlanMeta {
  readonly compiled: CompiledBudget;
  readonly savingsTargets: readonly SavingsTarget[];
  readonly savingsPath: readonly (readonly Decimal[])[];
  readonly draws: number;
  /** The unit of the results (the amounts of `inputs` and `minimum` are in euros). */
  readonly unit: Unit;
  readonly percentiles: readonly number[];
  readonly targets: readonly TargetSpec[];
  readonly minimum: readonly (readonly Decimal[])[];
  readonly inputs: readonly UncertainInput[];
  /** Whether the savings are net of the measures' costs. */
  readonly net: boolean;
}

/** What a plan was built from (kept beside it, not posted to workers). */
const PLAN_META = new WeakMap<MonteCarloPlan, PlanMeta>();

/**
 * Keeps what a plan was built from beside it.
 * @internal
 */
export function rememberPlan(plan: MonteCarloPlan, meta: PlanMeta): void {
  PLAN_META.set(plan, meta);
}

/**
 * What a plan was built from.
 * @throws MeerjarenError `invalid_value` when the plan was not made by `planMonteCarlo`
 * @internal
 */
export function planMeta(plan: MonteCarloPlan): PlanMeta {
  const meta = PLAN_META.get(plan);
  if (meta === undefined) throw new MeerjarenError([issue('invalid_value', ['plan'], 'not a plan made by planMonteCarlo')]);
  return meta;
}
