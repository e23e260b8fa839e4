import type { RoundingMode } from '../core/decimal.js';
import { MeerjarenError, issue } from '../core/errors.js';
import { isPm, type Budget } from '../budget/model.js';
import { MAX_DECIMALS, MAX_SAFE_UNITS, toUnits } from './units.js';

/**
 * Which integer arithmetic an engine uses (rekenwijze):
 * - `auto`: float64 while the sum of absolute values of all cells stays within 2^53 units, BigInt otherwise;
 * - `float`: float64 only; compiling a budget that could pass 2^53 units fails with `engine_overflow`;
 * - `bigint`: BigInt always (slow, for tests and for budgets of unbounded size).
 */
export type Arithmetic = 'auto' | 'float' | 'bigint';

/** Options of {@link compileBudget}. */
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

/** Bit of {@link CompiledBudget.flags}: the cell has a value (an amount or pm). */
export const FILLED = 1;
/** Bit of {@link CompiledBudget.flags}: the cell is a pm post. */
export const PM_FLAG = 2;

/**
 * A budget compiled into dense arrays (gecompileerde begroting): one row per line (its own row) and per
 * component, one column per year, amounts as integer units.
 *
 * @remarks
 * Cell `(row, yearIndex)` lives at `row * yearCount + yearIndex`. Rows of line `l` are
 * `lineFirstRow[l] .. lineFirstRow[l + 1] - 1`, its own row first; lines of section `s` are
 * `sectionFirstLine[s] .. sectionFirstLine[s + 1] - 1`. A compiled budget is never changed: an
 * {@link Engine} works on its own copy of the cells.
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
 */
export function compileBudget(budget: Budget, options: CompileOptions = {}): CompiledBudget {
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

  const rowIds: string[] = [];
  const rowLineList: number[] = [];
  const rowStructuralList: number[] = [];
  const rowValues: Budget['sections'][number]['lines'][number]['values'][] = [];
  const lineIds: string[] = [];
  const lineSectionList: number[] = [];
  const lineFirstRowList: number[] = [];
  const sectionIds: string[] = [];
  const sectionFirstLineList: number[] = [];
  let decimals = minDecimals;
  budget.sections.forEach((section, s) => {
    sectionIds.push(section.id);
    sectionFirstLineList.push(lineIds.length);
    for (const line of section.lines) {
      const l = lineIds.length;
      lineIds.push(line.id);
      lineSectionList.push(s);
      lineFirstRowList.push(rowIds.length);
      const rows = [{ id: line.id, nature: line.nature, values: line.values }, ...line.components];
      for (const row of rows) {
        rowIds.push(row.id);
        rowLineList.push(l);
        rowStructuralList.push(row.nature === 'structural' ? 1 : 0);
        rowValues.push(row.values);
        for (const cell of Object.values(row.values)) {
          if (!isPm(cell)) decimals = Math.max(decimals, cell.decimalPlaces());
        }
      }
    }
  });
  lineFirstRowList.push(rowIds.length);
  sectionFirstLineList.push(lineIds.length);
  if (decimals > MAX_DECIMALS) {
    throw new MeerjarenError([issue('invalid_value', [], `an amount has more than ${MAX_DECIMALS} decimals`)]);
  }

  const rowCount = rowIds.length;
  const flags = new Uint8Array(rowCount * yearCount);
  const cells: (number | bigint)[] = new Array<number | bigint>(rowCount * yearCount).fill(0);
  let floatSum = 0;
  let allNumbers = true;
  rowValues.forEach((values, r) => {
    for (const key in values) {
      const cell = values[key]!;
      const y = yearIndex.get(Number(key));
      if (y === undefined) continue;
      const i = r * yearCount + y;
      if (isPm(cell)) {
        flags[i] = FILLED | PM_FLAG;
        continue;
      }
      flags[i] = FILLED;
      const u = toUnits(cell, decimals);
      cells[i] = u;
      if (typeof u === 'number') floatSum += Math.abs(u);
      else allNumbers = false;
    }
  });
  // The float sum of absolute values is exact while it stays below 2^53; otherwise count exactly.
  let absoluteSum: bigint;
  if (allNumbers && floatSum <= MAX_SAFE_UNITS) absoluteSum = BigInt(floatSum);
  else {
    absoluteSum = 0n;
    for (const u of cells) absoluteSum += typeof u === 'bigint' ? (u < 0n ? -u : u) : BigInt(Math.abs(u));
  }
  const fits = absoluteSum <= BigInt(MAX_SAFE_UNITS);
  if (!fits && arithmetic === 'float') {
    throw new MeerjarenError([
      issue('engine_overflow', [], `the sum of absolute amounts (${absoluteSum} units of 10^-${decimals} euro) can pass 2^53: use arithmetic 'auto' or 'bigint'`),
    ]);
  }
  const wide = arithmetic === 'bigint' || !fits;
  const units = new Float64Array(wide ? 0 : rowCount * yearCount);
  if (!wide) for (let i = 0; i < cells.length; i++) units[i] = cells[i] as number;
  const big = wide ? cells.map((u) => BigInt(u)) : [];

  const rowIndex = new Map<string, number>();
  rowIds.forEach((id, r) => {
    if (!rowIndex.has(id)) rowIndex.set(id, r);
  });
  const lineIndex = new Map<string, number>();
  lineIds.forEach((id, l) => lineIndex.set(id, l));
  const sectionIndex = new Map<string, number>();
  sectionIds.forEach((id, s) => sectionIndex.set(id, s));

  return Object.freeze({
    budget,
    years,
    yearCount,
    decimals,
    rounding,
    wide,
    rowCount,
    rowIds: Object.freeze(rowIds),
    rowLine: Int32Array.from(rowLineList),
    rowStructural: Uint8Array.from(rowStructuralList),
    lineIds: Object.freeze(lineIds),
    lineSection: Int32Array.from(lineSectionList),
    lineFirstRow: Int32Array.from(lineFirstRowList),
    sectionIds: Object.freeze(sectionIds),
    sectionFirstLine: Int32Array.from(sectionFirstLineList),
    units,
    wideUnits: wide ? Object.freeze(big) : undefined,
    flags,
    absoluteSum,
    rowOf: (id: string) => rowIndex.get(id) ?? -1,
    lineOf: (id: string) => lineIndex.get(id) ?? -1,
    sectionOf: (id: string) => sectionIndex.get(id) ?? -1,
    yearIndexOf: (year: number) => yearIndex.get(year) ?? -1,
  });
}
