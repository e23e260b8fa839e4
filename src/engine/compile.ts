import type { RoundingMode } from '../core/decimal.js';
import { MeerjarenError, issue } from '../core/errors.js';
import { memoPerFrozen, type FrozenMemo } from '../core/memo.js';
import type { Budget } from '../model/budget.js';
import { MAX_DECIMALS, MAX_SAFE_UNITS } from './units.js';
import { absoluteSumOf, layOut, unitCells } from './cells.js';
import { integer, oneOf, readOptions } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';
import { ROUNDING } from '../validate/result-checks.js';

const compiledBudgets = new WeakSet<object>();

/**
 * Whether a value is a budget compiled by {@link compileBudget} (of this copy of the library).
 * @param value - anything
 * @internal
 */
export function isCompiledBudget(value: unknown): value is CompiledBudget {
  return typeof value === 'object' && value !== null && compiledBudgets.has(value);
}

/**
 * Which integer arithmetic an engine uses (rekenwijze):
 * - `auto`: float64 while the sum of absolute values of all cells stays within 2^53 units, BigInt otherwise;
 * - `float`: float64 only; compiling a budget that could pass 2^53 units fails with `engine_overflow`;
 * - `bigint`: BigInt always (slow, for tests and for budgets of unbounded size).
 * @category Engine
 */
export type Arithmetic = 'auto' | 'float' | 'bigint';

/** Options of {@link compileBudget}. @category Engine */
export interface CompileOptions {
  /**
   * Fewest decimals of a unit: the engine counts in units of `10^-decimals` euro, where `decimals` is the
   * largest number of decimal places any amount uses, but at least this.
   * @defaultValue 2 (cents: drawn amounts and rates are rounded to the cent)
   */
  readonly minDecimals?: number;
  /** Integer arithmetic. @defaultValue 'auto' */
  readonly arithmetic?: Arithmetic;
  /** Rounding rule of the engine's one rounding point (rates times amounts). @defaultValue 'half-up' */
  readonly rounding?: RoundingMode;
}

export { FILLED, PM_FLAG } from './cells.js';

/**
 * A budget compiled into dense arrays (gecompileerde begroting): one row per line (its own row) and per
 * component, one column per year, amounts as integer units.
 *
 * @remarks
 * Cell `(row, yearIndex)` lives at `row * yearCount + yearIndex`. Rows of line `l` are
 * `lineFirstRow[l] .. lineFirstRow[l + 1] - 1`, its own row first; lines of section `s` are
 * `sectionFirstLine[s] .. sectionFirstLine[s + 1] - 1`. A compiled budget is never changed: an
 * {@link Engine} works on its own copy of the cells.
 * @category Engine
 */
export interface CompiledBudget {
  /** The budget compiled. */
  readonly budget: Budget;
  /** Years, ascending. */
  readonly years: readonly number[];
  /** Number of years. */
  readonly yearCount: number;
  /** A unit is `10^-decimals` euro. */
  readonly decimals: number;
  /** Rounding rule of the rounding point. */
  readonly rounding: RoundingMode;
  /** Whether cells and totals are BigInt (the 2^53 bound could be passed). */
  readonly wide: boolean;
  /** Number of rows. */
  readonly rowCount: number;
  /** Row ids: the line id for a line's own row, the component id for a component. */
  readonly rowIds: readonly string[];
  /** Line index of each row. */
  readonly rowLine: Int32Array;
  /** Nature mask: 1 when the row is structural, 0 when incidental. */
  readonly rowStructural: Uint8Array;
  /** Line ids in document order. */
  readonly lineIds: readonly string[];
  /** Section index of each line. */
  readonly lineSection: Int32Array;
  /** First row of each line, plus one entry past the last. */
  readonly lineFirstRow: Int32Array;
  /** Section ids in document order. */
  readonly sectionIds: readonly string[];
  /** First line of each section, plus one entry past the last. */
  readonly sectionFirstLine: Int32Array;
  /** Amounts in units (float mode; all zero in wide mode). */
  readonly units: Float64Array;
  /** Amounts in units (wide mode only). */
  readonly wideUnits: readonly bigint[] | undefined;
  /** Cell flags: `FILLED`, `PM_FLAG`. */
  readonly flags: Uint8Array;
  /** Sum of the absolute values of all cells, in units: bounds every total. */
  readonly absoluteSum: bigint;
  /** Row index of a line id (its own row) or component id; -1 when unknown. */
  rowOf(id: string): number;
  /** Line index of a line id; -1 when unknown. */
  lineOf(id: string): number;
  /** Section index of a section id; -1 when unknown. */
  sectionOf(id: string): number;
  /** Year index of a year; -1 outside the horizon. */
  yearIndexOf(year: number): number;
}

/**
 * Compiles a budget once into dense integer form (compileren): the shared input of evaluation, scenarios
 * and Monte Carlo.
 *
 * @remarks
 * Chooses the unit (`10^-k` euro for the largest `k` in use, at least `minDecimals`), converts every amount
 * exactly, and checks up front that no total can pass 2^53 units (the sum of absolute values bounds them
 * all). When it could, the engine switches to BigInt (`arithmetic: 'auto'`) or fails with `engine_overflow`
 * (`arithmetic: 'float'`): a unit is never lost.
 *
 * @param budget - a budget from `loadBudget` or the builder
 * @param options - unit, arithmetic and rounding
 * @throws MeerjarenError `invalid_value` for bad options, `engine_overflow` when `float` is forced on a budget too large for it
 * @category Engine
 */
export function compileBudget(budget: Budget, options?: CompileOptions): CompiledBudget {
  budget = requireBudget('compileBudget', 'budget', budget);
  if (options === undefined) return compiledOf(budget);
  options = readOptions('compileBudget', options, {
    minDecimals: integer({ min: 0, max: MAX_DECIMALS }),
    arithmetic: oneOf(['auto', 'float', 'bigint']),
    rounding: ROUNDING,
  });
  return compileValidBudget(budget, options);
}

/**
 * The budget compiled with the default options, once per frozen budget (memoised, held weakly): evaluating,
 * tables and Monte Carlo on the same budget share it. `compiledOf.remember` records a compiled form derived from
 * another (a scenario's, from its baseline's).
 * @param budget - a validated budget
 * @internal
 */
export const compiledOf: FrozenMemo<Budget, CompiledBudget> = memoPerFrozen((budget: Budget) => compileValidBudget(budget));

/**
 * {@link compileBudget} without the checks of its arguments, for the library's own budgets (the loader's, which
 * is not admitted yet).
 * @param budget - a validated budget
 * @param options - checked options
 * @internal
 */
export function compileValidBudget(budget: Budget, options: CompileOptions = {}): CompiledBudget {
  const minDecimals = options.minDecimals ?? 2;
  const arithmetic = options.arithmetic ?? 'auto';
  const rounding = options.rounding ?? 'half-up';
  if (!Number.isInteger(minDecimals) || minDecimals < 0 || minDecimals > MAX_DECIMALS) {
    throw new MeerjarenError([issue('invalid_value', ['minDecimals'], `minDecimals must be an integer from 0 to ${MAX_DECIMALS}`)]);
  }
  const years = budget.horizon.years;
  const yearCount = years.length;
  const yearIndex = new Map<number, number>();
  years.forEach((y, i) => yearIndex.set(y, i));

  const layout = layOut(budget, yearCount, yearIndex, minDecimals);
  const { rowIds, lineIds, sectionIds, decimals } = layout;
  const { floatCells, wideCells, floatSum } = unitCells(layout);
  const absoluteSum = absoluteSumOf(floatCells, wideCells, floatSum);
  const fits = absoluteSum <= BigInt(MAX_SAFE_UNITS);
  if (!fits && arithmetic === 'float') {
    throw new MeerjarenError([
      issue('engine_overflow', [], `the sum of absolute amounts (${absoluteSum} units of 10^-${decimals} euro) can pass 2^53: use arithmetic 'auto' or 'bigint'`),
    ]);
  }
  const wide = arithmetic === 'bigint' || !fits;
  const units = wide ? new Float64Array(0) : floatCells;
  const big = wide ? Array.from(wideCells ?? floatCells, (u) => BigInt(u)) : [];

  // The id indexes are built on first use: evaluating a budget never looks ids up.
  let rowIndex: Map<string, number> | undefined;
  let lineIndex: Map<string, number> | undefined;
  let sectionIndex: Map<string, number> | undefined;

  return sealCompiled({
    budget,
    years,
    yearCount,
    decimals,
    rounding,
    wide,
    rowCount: layout.rowCount,
    rowIds: Object.freeze(rowIds),
    rowLine: layout.rowLine,
    rowStructural: layout.rowStructural,
    lineIds: Object.freeze(lineIds),
    lineSection: Int32Array.from(layout.lineSectionList),
    lineFirstRow: Int32Array.from(layout.lineFirstRowList),
    sectionIds: Object.freeze(sectionIds),
    sectionFirstLine: Int32Array.from(layout.sectionFirstLineList),
    units,
    wideUnits: wide ? Object.freeze(big) : undefined,
    flags: layout.flags,
    absoluteSum,
    rowOf: (id: string) => (rowIndex ??= indexOf(rowIds, true)).get(id) ?? -1,
    lineOf: (id: string) => (lineIndex ??= indexOf(lineIds, false)).get(id) ?? -1,
    sectionOf: (id: string) => (sectionIndex ??= indexOf(sectionIds, false)).get(id) ?? -1,
    yearIndexOf: (year: number) => yearIndex.get(year) ?? -1,
  });
}

/**
 * Freezes a compiled budget and marks it as one (see {@link isCompiledBudget}).
 * @param compiled - a compiled budget just built
 * @internal
 */
export function sealCompiled(compiled: CompiledBudget): CompiledBudget {
  Object.freeze(compiled);
  compiledBudgets.add(compiled);
  return compiled;
}

/** Index of ids by position; with `keepFirst`, a repeated id keeps its first position. */
function indexOf(ids: readonly string[], keepFirst: boolean): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!keepFirst || !index.has(id)) index.set(id, i);
  });
  return index;
}
