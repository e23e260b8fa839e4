import type { CompiledBudget } from './compile.js';
import { FILLED, PM_FLAG } from './cells.js';

// The full passes of an Engine over its cells: amount totals rolled up from rows to lines, sections and the
// table (float64 or BigInt), and the counts of filled and pm cells behind `pm` and `empty`. Each total is kept
// as a structural and an incidental part (`S`, `I`), per scope and year.

/** The float64 totals of an Engine: per line, section and the table, structural and incidental. */
export interface FloatTotals {
  readonly lineS: Float64Array;
  readonly lineI: Float64Array;
  readonly secS: Float64Array;
  readonly secI: Float64Array;
  readonly tabS: Float64Array;
  readonly tabI: Float64Array;
}

/** The BigInt totals of an Engine in wide mode, laid out as {@link FloatTotals}. */
export interface WideTotals {
  readonly lineS: bigint[];
  readonly lineI: bigint[];
  readonly secS: bigint[];
  readonly secI: bigint[];
  readonly tabS: bigint[];
  readonly tabI: bigint[];
}

/** Counts of filled cells and pm cells per scope and year. */
export interface CellCounts {
  readonly lineFilled: Int32Array;
  readonly linePm: Int32Array;
  readonly secFilled: Int32Array;
  readonly secPm: Int32Array;
  readonly tabFilled: Int32Array;
  readonly tabPm: Int32Array;
}

/** Recomputes every float64 total from the cells. */
export function sumFloat(c: CompiledBudget, cells: Float64Array, t: FloatTotals): void {
  const Y = c.yearCount;
  const lineS = t.lineS;
  const lineI = t.lineI;
  const rowLine = c.rowLine;
  const rowStructural = c.rowStructural;
  lineS.fill(0);
  lineI.fill(0);
  for (let r = 0, R = c.rowCount; r < R; r++) {
    const dst = rowStructural[r] === 1 ? lineS : lineI;
    const o = r * Y;
    const b = rowLine[r]! * Y;
    for (let y = 0; y < Y; y++) dst[b + y]! += cells[o + y]!;
  }
  const secS = t.secS;
  const secI = t.secI;
  secS.fill(0);
  secI.fill(0);
  const lineSection = c.lineSection;
  for (let l = 0, L = c.lineIds.length; l < L; l++) {
    const o = l * Y;
    const b = lineSection[l]! * Y;
    for (let y = 0; y < Y; y++) {
      secS[b + y]! += lineS[o + y]!;
      secI[b + y]! += lineI[o + y]!;
    }
  }
  const tabS = t.tabS;
  const tabI = t.tabI;
  tabS.fill(0);
  tabI.fill(0);
  for (let s = 0, S = c.sectionIds.length; s < S; s++) {
    const o = s * Y;
    for (let y = 0; y < Y; y++) {
      tabS[y]! += secS[o + y]!;
      tabI[y]! += secI[o + y]!;
    }
  }
}

/** Recomputes every BigInt total from the cells. */
export function sumWide(c: CompiledBudget, cells: bigint[], t: WideTotals): void {
  const Y = c.yearCount;
  const lineS = t.lineS.fill(0n);
  const lineI = t.lineI.fill(0n);
  for (let r = 0; r < c.rowCount; r++) {
    const dst = c.rowStructural[r] === 1 ? lineS : lineI;
    const o = r * Y;
    const b = c.rowLine[r]! * Y;
    for (let y = 0; y < Y; y++) dst[b + y]! += cells[o + y]!;
  }
  const secS = t.secS.fill(0n);
  const secI = t.secI.fill(0n);
  for (let l = 0; l < c.lineIds.length; l++) {
    const b = c.lineSection[l]! * Y;
    for (let y = 0; y < Y; y++) {
      secS[b + y]! += lineS[l * Y + y]!;
      secI[b + y]! += lineI[l * Y + y]!;
    }
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

/** Counts the filled and pm cells of every line, section and the table. */
export function countCells(c: CompiledBudget, flags: Uint8Array, t: CellCounts): void {
  const Y = c.yearCount;
  const lf = t.lineFilled.fill(0);
  const lp = t.linePm.fill(0);
  for (let r = 0; r < c.rowCount; r++) {
    const o = r * Y;
    const b = c.rowLine[r]! * Y;
    for (let y = 0; y < Y; y++) {
      const f = flags[o + y]!;
      lf[b + y]! += f & FILLED;
      lp[b + y]! += (f & PM_FLAG) >> 1;
    }
  }
  const sf = t.secFilled.fill(0);
  const sp = t.secPm.fill(0);
  for (let l = 0; l < c.lineIds.length; l++) {
    const b = c.lineSection[l]! * Y;
    for (let y = 0; y < Y; y++) {
      sf[b + y]! += lf[l * Y + y]!;
      sp[b + y]! += lp[l * Y + y]!;
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
