/**
 * What planning the uncertain inputs of a Monte Carlo run fills in, and the bound of a drawn amount
 * (shared by `plan-inputs.ts`, `plan-input-targets.ts` and `plan-input-drivers.ts`).
 * @packageDocumentation
 */
import type { IssueCollector } from '../../core/errors.js';
import type { CompiledBudget } from '../../engine/compile.js';
import type { PlannedCover } from './plan-cover.js';
import type { PlannedSavings } from './plan-savings.js';
import type { Fraction } from '../../core/fraction.js';

/** The measure slots (one per measure and year drawn), filled by `measure` inputs. @internal */
export interface MeasureSlots {
  /** Savings target index of each slot. */
  readonly target: readonly number[];
  /** Year index of each slot. */
  readonly year: readonly number[];
  /** Planned units of each slot. */
  readonly planned: readonly number[];
  /** Realised units without draws of each slot. */
  readonly base: readonly number[];
}

/** What planning the inputs found, in input order. @internal */
export interface PlannedInputs {
  /** The budget cell (`row * Y + year`) of each slot. */
  readonly slotCells: readonly number[];
  /** Bound of each slot's value in units, after every input. */
  readonly slotMaxAbs: readonly number[];
  /** Per input: the start of its entries in `inputSlots` (one more entry than inputs). */
  readonly inputSlotStart: readonly number[];
  /** Flattened slots (measure slots for `measure` inputs, capacity cells for `capacity` inputs). */
  readonly inputSlots: readonly number[];
  /** Exponent per entry of `inputSlots`. */
  readonly inputExponent: readonly number[];
  /** Per input: its random stream. */
  readonly streams: readonly number[];
  /** The measure slots. */
  readonly measures: MeasureSlots;
  /** The savings bound (`PlannedSavings.bound`) plus what the measure inputs can draw, in units. */
  readonly savingsBound: number;
  /** The cover bound (`PlannedCover.bound`) plus what the capacity inputs can draw, in units. */
  readonly coverBound: number;
  /** What the `indicator` and `parameter` inputs set and compute again. */
  readonly drivers: DriverPlanning;
}

/** The state of planning the inputs: what is read, and what the inputs fill in order. @internal */
export interface InputPlanning {
  readonly compiled: CompiledBudget;
  readonly issues: IssueCollector;
  readonly unitsPerCent: number;
  readonly savings: PlannedSavings;
  readonly cover: PlannedCover;
  readonly ids: Set<string>;
  readonly slotOfCell: Map<number, number>;
  readonly slotCells: number[];
  readonly slotMaxAbs: number[];
  readonly inputSlotStart: number[];
  readonly inputSlots: number[];
  readonly inputExponent: number[];
  readonly streams: number[];
  readonly measureOf: Map<string, number>;
  readonly measures: { target: number[]; year: number[]; planned: number[]; base: number[] };
  savingsBound: number;
  coverBound: number;
  readonly drivers: DriverPlanning;
}

/** Bound in units of an amount drawn in euros up to `maxEuros` (whole cents, plus one for safety). @internal */
export function drawnUnitsBound(maxEuros: number, unitsPerCent: number): number {
  return maxEuros * 100 * unitsPerCent + 1;
}

/** What planning the driver inputs fills in. @internal */
export interface DriverPlanning {
  /** Key index by `name \0 yearIndex`. */
  readonly keyOf: Map<string, number>;
  /** Per key: the value without draws. */
  readonly keyBase: (Fraction | undefined)[];
  /** Per key: its year index. */
  readonly keyYear: number[];
  /** Per key: the least and the greatest value it can take (floats, for the bounds). */
  readonly keyLow: number[];
  readonly keyHigh: number[];
  /** Driven cell index by `formula \0 yearIndex`. */
  readonly cellOf: Map<string, number>;
  readonly cellSlot: number[];
  readonly cellFormula: number[];
  readonly cellYear: number[];
  readonly entryStart: number[];
  readonly entryKey: number[];
  readonly entryA: Fraction[];
  readonly entryB: Fraction[];
  readonly inputCellStart: number[];
  readonly inputCells: number[];
  readonly inputPlaces: number[];
  /** Parameters drawn so far (one input per parameter). */
  readonly parameters: Set<string>;
}

/** An empty driver planning. @internal */
export function newDriverPlanning(): DriverPlanning {
  return {
    keyOf: new Map(),
    keyBase: [],
    keyYear: [],
    keyLow: [],
    keyHigh: [],
    cellOf: new Map(),
    cellSlot: [],
    cellFormula: [],
    cellYear: [],
    entryStart: [0],
    entryKey: [],
    entryA: [],
    entryB: [],
    inputCellStart: [0],
    inputCells: [],
    inputPlaces: [],
    parameters: new Set(),
  };
}

/** Closes input `j`'s entries and cells (every input, of every kind, has a range). @internal */
export function closeDriverInput(d: DriverPlanning, places: number): void {
  d.entryStart.push(d.entryKey.length);
  d.inputCellStart.push(d.inputCells.length);
  d.inputPlaces.push(places);
}
