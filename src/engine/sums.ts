import type { CompiledBudget } from './compile.js';
import { FILLED, PM_FLAG } from './cells.js';

// The full passes of an Engine over its cells: amount totals of the sections and the table (float64 or BigInt),
// summed straight from the rows, and the counts of filled and pm cells behind `pm` and `empty`; the same per line
// in passes of their own, run only once a line total is asked for. Each total is kept as a structural and an
// incidental part (`S`, `I`), per scope and year. Every value is an integer (float64 within 2^53, or BigInt), so
// the order of the additions does not change a total.

/** The float64 totals of an Engine's sections and table, structural and incidental. */
export interface FloatTotals {
  readonly secS: Float64Array;
  readonly secI: Float64Array;
  readonly tabS: Float64Array;
  readonly tabI: Float64Array;
}

/** The BigInt totals of an Engine in wide mode, laid out as {@link FloatTotals}. */
export interface WideTotals {
  readonly secS: bigint[];
  readonly secI: bigint[];
  readonly tabS: bigint[];
  readonly tabI: bigint[];
}

/** Counts of filled cells and pm cells of the sections and the table, per year. */
export interface CellCounts {
  readonly secFilled: Int32Array;
  readonly secPm: Int32Array;
  readonly tabFilled: Int32Array;
  readonly tabPm: Int32Array;
}

/** Recomputes the float64 totals of sections and table from the cells. */
export function sumFloat(c: CompiledBudget, cells: Float64Array, t: FloatTotals): void {
  const Y = c.yearCount;
  const { rowLine, rowStructural, lineSection } = c;
  const secS = t.secS.fill(0);
  const secI = t.secI.fill(0);
  for (let r = 0, R = c.rowCount; r < R; r++) {
    const dst = rowStructural[r] === 1 ? secS : secI;
    const o = r * Y;
    const b = lineSection[rowLine[r]!]! * Y;
    for (let y = 0; y < Y; y++) dst[b + y]! += cells[o + y]!;
  }
  const tabS = t.tabS.fill(0);
  const tabI = t.tabI.fill(0);
  for (let s = 0, S = c.sectionIds.length; s < S; s++) {
    const o = s * Y;
    for (let y = 0; y < Y; y++) {
      tabS[y]! += secS[o + y]!;
      tabI[y]! += secI[o + y]!;
    }
  }
}

/** Recomputes the float64 totals of every line from the cells. */
export function sumFloatLines(c: CompiledBudget, cells: Float64Array, lineS: Float64Array, lineI: Float64Array): void {
  const Y = c.yearCount;
  const { rowLine, rowStructural } = c;
  lineS.fill(0);
  lineI.fill(0);
  for (let r = 0, R = c.rowCount; r < R; r++) {
    const dst = rowStructural[r] === 1 ? lineS : lineI;
    const o = r * Y;
    const b = rowLine[r]! * Y;
    for (let y = 0; y < Y; y++) dst[b + y]! += cells[o + y]!;
  }
}

/** Recomputes the BigInt totals of sections and table from the cells. */
export function sumWide(c: CompiledBudget, cells: bigint[], t: WideTotals): void {
  const Y = c.yearCount;
  const secS = t.secS.fill(0n);
  const secI = t.secI.fill(0n);
  for (let r = 0; r < c.rowCount; r++) {
    const dst = c.rowStructural[r] === 1 ? secS : secI;
    const o = r * Y;
    const b = c.lineSection[c.rowLine[r]!]! * Y;
    for (let y = 0; y < Y; y++) dst[b + y]! += cells[o + y]!;
  }
  const tabS = t.tabS.fill(0n);
  const tabI = t.tabI.fill(0n);
  for (let s = 0; s < c.sectionIds.length; s++) {
    for (let y = 0; y < Y; y++) {
      tabS[y]! += secS[s * Y + y]!;
      tabI[y]! += secI[s * Y + y]!;
    }
  }
}

/** Recomputes the BigInt totals of every line from the cells. */
export function sumWideLines(c: CompiledBudget, cells: bigint[], lineS: bigint[], lineI: bigint[]): void {
  const Y = c.yearCount;
  lineS.fill(0n);
  lineI.fill(0n);
  for (let r = 0; r < c.rowCount; r++) {
    const dst = c.rowStructural[r] === 1 ? lineS : lineI;
    const o = r * Y;
    const b = c.rowLine[r]! * Y;
    for (let y = 0; y < Y; y++) dst[b + y]! += cells[o + y]!;
  }
}

/** Recounts the filled and pm cells of sections and table from the cell flags. */
export function countCells(c: CompiledBudget, flags: Uint8Array, t: CellCounts): void {
  const Y = c.yearCount;
  const { rowLine, lineSection } = c;
  const sf = t.secFilled.fill(0);
  const sp = t.secPm.fill(0);
  for (let r = 0; r < c.rowCount; r++) {
    const o = r * Y;
    const b = lineSection[rowLine[r]!]! * Y;
    for (let y = 0; y < Y; y++) {
      const f = flags[o + y]!;
      sf[b + y]! += f & FILLED;
      sp[b + y]! += (f & PM_FLAG) >> 1;
    }
  }
  const tf = t.tabFilled.fill(0);
  const tp = t.tabPm.fill(0);
  for (let s = 0; s < c.sectionIds.length; s++) {
    for (let y = 0; y < Y; y++) {
      tf[y]! += sf[s * Y + y]!;
      tp[y]! += sp[s * Y + y]!;
    }
  }
}

/** Recounts the filled and pm cells of every line from the cell flags. */
export function countLines(c: CompiledBudget, flags: Uint8Array, filled: Int32Array, pm: Int32Array): void {
  const Y = c.yearCount;
  filled.fill(0);
  pm.fill(0);
  for (let r = 0; r < c.rowCount; r++) {
    const o = r * Y;
    const b = c.rowLine[r]! * Y;
    for (let y = 0; y < Y; y++) {
      const f = flags[o + y]!;
      filled[b + y]! += f & FILLED;
      pm[b + y]! += (f & PM_FLAG) >> 1;
    }
  }
}

/**
 * Ids of the lines in `from .. to - 1` with a pm post in a year, read from the cell flags (for an Engine whose line
 * counts are not built).
 */
export function pmLinesOfFlags(c: CompiledBudget, flags: Uint8Array, from: number, to: number, yearIndex: number): string[] {
  const Y = c.yearCount;
  const out: string[] = [];
  for (let l = from; l < to; l++) {
    for (let r = c.lineFirstRow[l]!, end = c.lineFirstRow[l + 1]!; r < end; r++) {
      if ((flags[r * Y + yearIndex]! & PM_FLAG) !== 0) {
        out.push(c.lineIds[l]!);
        break;
      }
    }
  }
  return out;
}
