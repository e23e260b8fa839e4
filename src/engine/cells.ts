import type { Decimal } from '../core/decimal.js';
import { MeerjarenError, issue } from '../core/errors.js';
import { isPm, type Budget, type Nature, type YearValues } from '../model/budget.js';
import { MAX_DECIMALS, MAX_SAFE_UNITS, fractionPlaces, splitAmount, toUnits } from './units.js';

// The cells of a compiled budget: the rows laid out in document order, every amount read once and turned into
// integer units (see `compileBudget`).

/** Bit of `CompiledBudget.flags`: the cell has a value (an amount or pm). */
export const FILLED = 1;
/** Bit of `CompiledBudget.flags`: the cell is a pm post. */
export const PM_FLAG = 2;

/** The rows, lines and sections of a budget in document order, and its amounts read once, dense by cell. */
export interface Layout {
  readonly rowCount: number;
  readonly cellCount: number;
  readonly rowIds: string[];
  readonly rowLine: Int32Array;
  readonly rowStructural: Uint8Array;
  readonly lineIds: string[];
  readonly lineSectionList: number[];
  readonly lineFirstRowList: number[];
  readonly sectionIds: string[];
  readonly sectionFirstLineList: number[];
  /** The amount of each cell (not a pm), kept for the exact text conversion. */
  readonly amounts: (Decimal | undefined)[];
  /** 1 where the amount was split into `wholes` and `fractions`. */
  readonly split: Uint8Array;
  readonly wholes: Float64Array;
  readonly fractions: Float64Array;
  readonly flags: Uint8Array;
  /** The unit's decimals: the most any amount uses, at least `minDecimals`. */
  readonly decimals: number;
}

/**
 * Lays the budget out in rows (a line's own row, then its components) and reads every amount of the horizon once:
 * as whole euros and a fraction word when it is below 10^15 (`split`), else kept for the exact text conversion.
 * pm posts are flagged right away.
 */
export function layOut(budget: Budget, yearCount: number, yearIndex: ReadonlyMap<number, number>, minDecimals: number): Layout {
  let rowCount = 0;
  for (const section of budget.sections) for (const line of section.lines) rowCount += 1 + line.components.length;
  const rowIds: string[] = [];
  const rowLine = new Int32Array(rowCount);
  const rowStructural = new Uint8Array(rowCount);
  const lineIds: string[] = [];
  const lineSectionList: number[] = [];
  const lineFirstRowList: number[] = [];
  const sectionIds: string[] = [];
  const sectionFirstLineList: number[] = [];
  const cellCount = rowCount * yearCount;
  const amounts = new Array<Decimal | undefined>(cellCount).fill(undefined);
  const split = new Uint8Array(cellCount);
  const wholes = new Float64Array(cellCount);
  const fractions = new Float64Array(cellCount);
  const flags = new Uint8Array(cellCount);
  let decimals = minDecimals;
  const addRow = (id: string, nature: Nature, values: YearValues, l: number): void => {
    const r = rowIds.length;
    rowIds.push(id);
    rowLine[r] = l;
    rowStructural[r] = nature === 'structural' ? 1 : 0;
    const base = r * yearCount;
    for (const key in values) {
      const cell = values[key]!;
      const pm = isPm(cell);
      const y = yearIndex.get(Number(key));
      if (y === undefined) {
        // every amount counts for the unit, also one outside the horizon
        if (!pm) decimals = Math.max(decimals, cell.decimalPlaces());
        continue;
      }
      const i = base + y;
      if (pm) {
        flags[i] = FILLED | PM_FLAG;
        continue;
      }
      flags[i] = FILLED;
      amounts[i] = cell;
      const places = splitAmount(cell, wholes, fractions, i) ? ((split[i] = 1), fractionPlaces(fractions[i]!)) : cell.decimalPlaces();
      if (places > decimals) decimals = places;
    }
  };
  budget.sections.forEach((section, s) => {
    sectionIds.push(section.id);
    sectionFirstLineList.push(lineIds.length);
    for (const line of section.lines) {
      const l = lineIds.length;
      lineIds.push(line.id);
      lineSectionList.push(s);
      lineFirstRowList.push(rowIds.length);
      addRow(line.id, line.nature, line.values, l);
      for (const component of line.components) addRow(component.id, component.nature, component.values, l);
    }
  });
  lineFirstRowList.push(rowIds.length);
  sectionFirstLineList.push(lineIds.length);
  if (decimals > MAX_DECIMALS) {
    throw new MeerjarenError([issue('invalid_value', [], `an amount has more than ${MAX_DECIMALS} decimals`)]);
  }
  return { rowCount, cellCount, rowIds, rowLine, rowStructural, lineIds, lineSectionList, lineFirstRowList, sectionIds, sectionFirstLineList, amounts, split, wholes, fractions, flags, decimals };
}

/**
 * Every amount in units of `10^-decimals` euro: float64 cells, and from the first cell past 2^53 units a list that
 * also holds BigInts; with the float sum of absolute values.
 */
export function unitCells(layout: Layout): { floatCells: Float64Array; wideCells: (number | bigint)[] | undefined; floatSum: number } {
  const { cellCount, amounts, split, wholes, fractions, decimals } = layout;
  const floatCells = new Float64Array(cellCount);
  let wideCells: (number | bigint)[] | undefined;
  let floatSum = 0;
  // units = wholes * 10^decimals + fraction / 10^(7 - decimals), both exact (the fraction has at most
  // `decimals` places) while |wholes| < 10^(15 - decimals), so that the sum stays below 10^15 + 10^6 < 2^53
  const scale = 10 ** decimals;
  const shift = 10 ** (7 - decimals);
  const limit = 10 ** (15 - decimals);
  for (let i = 0; i < cellCount; i++) {
    const cell = amounts[i];
    if (cell === undefined) continue;
    const whole = wholes[i]!;
    const u = split[i] === 1 && whole < limit && whole > -limit ? whole * scale + fractions[i]! / shift || 0 : toUnits(cell, decimals);
    if (typeof u === 'number') {
      floatCells[i] = u;
      floatSum += Math.abs(u);
      if (wideCells !== undefined) wideCells[i] = u;
    } else {
      // a cell past 2^53 units: from here on every cell is also kept in a list that holds BigInts
      wideCells ??= Array.from(floatCells);
      wideCells[i] = u;
    }
  }
  return { floatCells, wideCells, floatSum };
}

/** The sum of absolute values of all cells: the float sum while it is exact (below 2^53), else counted exactly. */
export function absoluteSumOf(floatCells: Float64Array, wideCells: readonly (number | bigint)[] | undefined, floatSum: number): bigint {
  if (wideCells === undefined && floatSum <= MAX_SAFE_UNITS) return BigInt(floatSum);
  let absoluteSum = 0n;
  for (const u of wideCells ?? floatCells) absoluteSum += typeof u === 'bigint' ? (u < 0n ? -u : u) : BigInt(Math.abs(u));
  return absoluteSum;
}
