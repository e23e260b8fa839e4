import { Dec } from '../core/decimal.js';
import { divRound } from '../engine/rate.js';
import { fractionPlaces, splitAmount } from '../engine/units.js';
import type { ResolvedPresentation } from './presentation.js';
import type { Table } from './table.js';

// The rounding of a table in integer units (rekeneenheden): what allocate-steps.ts and rounded-grid.ts do in
// Decimals, with every amount a whole number of 10^-decimals euro in float64, exact while every figure and sum
// stays below 2^52. A table this does not apply to (amounts of more than 15 digits, not the library's Decimals)
// is rounded in Decimals; both give the same figures.

/** A table's amounts in integer units, row by row (`cells[r * columns + c]`, NaN where a cell has no amount). @internal */
export interface UnitCells {
  /** Decimals of a unit: a unit is 10^-decimals euro. */
  readonly decimals: number;
  /** The display step in units. */
  readonly step: number;
  /** Columns per row. */
  readonly columns: number;
  /** The amounts, NaN for none. */
  readonly cells: Float64Array;
}

/** Below this every figure, sum and rounded sum of a table is an exact float64 integer (with room to spare). */
const LIMIT = 2 ** 52;

const DEC_PROTOTYPE: unknown = Dec.prototype;

const LOG10_UNIT: Readonly<Record<string, number>> = { 1: 0, 1000: 3, 1_000_000: 6 };

/**
 * The table's amounts in integer units, or undefined when they do not fit (then the caller rounds in Decimals).
 * @param table - a checked table
 * @param factor - euros per display unit
 * @param p - resolved settings
 * @internal
 */
export function unitCells(table: Table, factor: number, p: ResolvedPresentation): UnitCells | undefined {
  const log10Unit = LOG10_UNIT[factor];
  if (log10Unit === undefined) return undefined;
  const rows = table.rows;
  const columns = table.columns.length;
  const n = rows.length * columns;
  const wholes = new Float64Array(n);
  const fractions = new Float64Array(n);
  const present = new Uint8Array(n);
  let places = 0;
  for (let r = 0, i = 0; r < rows.length; r++) {
    const cells = rows[r]!.cells;
    for (let c = 0; c < columns; c++, i++) {
      const amount = cells[c]!.amount;
      if (amount === undefined) continue;
      // the library's own Decimals only (their prototype: no call of the inherited `constructor` accessor per cell)
      if (Object.getPrototypeOf(amount) !== DEC_PROTOTYPE || !splitAmount(amount, wholes, fractions, i)) return undefined;
      present[i] = 1;
      if (fractions[i] !== 0) places = Math.max(places, fractionPlaces(Math.abs(fractions[i]!)));
    }
  }
  const decimals = Math.max(places, p.decimals - log10Unit);
  const step = 10 ** (log10Unit + decimals - p.decimals);
  const whole = 10 ** decimals;
  // the powers of ten once, not per cell (the same factors, so the same units)
  const fractionTimes = decimals >= 7 ? 10 ** (decimals - 7) : 0;
  const fractionOver = decimals >= 7 ? 0 : 10 ** (7 - decimals);
  const cells = new Float64Array(n);
  let bound = 0;
  for (let i = 0; i < n; i++) {
    if (present[i] === 0) {
      cells[i] = NaN;
      continue;
    }
    const f = fractions[i]!;
    const units = wholes[i]! * whole + (f === 0 ? 0 : decimals >= 7 ? f * fractionTimes : f / fractionOver);
    cells[i] = units === 0 ? 0 : units;
    bound += Math.abs(units) + 2 * step;
  }
  if (!(bound + 2 * step < LIMIT)) return undefined;
  return { decimals, step, columns, cells };
}

/**
 * Whether every total is the exact sum of its parts, in units.
 * @internal
 */
export function sumsHold(units: UnitCells, children: readonly (readonly number[])[]): boolean {
  const { cells, columns } = units;
  for (let r = 0; r < children.length; r++) {
    const parts = children[r]!;
    if (parts.length === 0) continue;
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      for (const k of parts) {
        const v = cells[k * columns + c]!;
        if (v === v) sum += v;
      }
      const own = cells[r * columns + c]!;
      if ((own === own ? own : 0) !== sum) return false;
    }
  }
  return true;
}

/**
 * Every amount rounded on its own to a multiple of the step (NaN stays NaN).
 * @internal
 */
export function roundEach(units: UnitCells, mode: ResolvedPresentation['roundingMode']): Float64Array {
  const { cells, step } = units;
  const shown = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    shown[i] = v === v ? roundUnits(v, step, mode) : NaN;
  }
  return shown;
}

/** A multiple of `step` by `mode`, as `roundToStep` (never -0). */
function roundUnits(value: number, step: number, mode: ResolvedPresentation['roundingMode']): number {
  const rounded = divRound(value, step, mode) * step;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Hands each total's rounded figure down to its parts, top first, in every column: `distributeColumn` of
 * rounded-grid.ts in units. A row counts as settled (keeps its figure) once a total above it handed it one; that
 * does not depend on the column, so the rows are walked once and the columns inside.
 * @internal
 */
export function distributeUnits(units: UnitCells, shown: Float64Array, order: readonly number[], children: readonly (readonly number[])[], mode: ResolvedPresentation['roundingMode']): void {
  const { cells, columns, step } = units;
  const settled = new Uint8Array(children.length);
  let most = 0;
  for (const of of children) if (of.length > most) most = of.length;
  // one set of buffers for every total and column: a total of 250,000 parts allocates them once, not per column
  const work: AllocationBuffers = { values: new Float64Array(most), exact: new Float64Array(most), fixed: new Uint8Array(most), free: new Uint8Array(most), errors: new Float64Array(most), candidates: [] };
  for (const r of order) {
    settled[r] = 1;
    const of = children[r]!;
    if (of.length === 0) continue;
    for (let c = 0; c < columns; c++) {
      for (let j = 0; j < of.length; j++) {
        const k = of[j]!;
        const exact = cells[k * columns + c]!;
        const isFixed = settled[k] === 1 || exact !== exact;
        work.fixed[j] = isFixed ? 1 : 0;
        const value = isFixed ? shown[k * columns + c]! : exact;
        work.values[j] = value === value ? value : 0;
      }
      const total = shown[r * columns + c]!;
      allocateUnits(work, of.length, total === total ? total : 0, step, mode);
      for (let j = 0; j < of.length; j++) {
        const at = of[j]! * columns + c;
        if (shown[at] === shown[at]) shown[at] = work.values[j]!;
      }
    }
    for (const k of of) settled[k] = 1;
  }
}

/** The scratch space of {@link allocateUnits}, as long as the most parts of any total. */
interface AllocationBuffers {
  /** The parts' figures: in, the exact (or fixed) values; out, the rounded ones. */
  readonly values: Float64Array;
  readonly exact: Float64Array;
  /** 1 for a part that keeps its figure. */
  readonly fixed: Uint8Array;
  readonly free: Uint8Array;
  readonly errors: Float64Array;
  readonly candidates: number[];
}

/**
 * `allocateSteps` of allocate-steps.ts in units, in place on the first `n` of `work.values`: the parts rounded,
 * then the steps still missing handed to the closest calls (largest error in the needed direction, ties as
 * `byClosestCall`).
 */
function allocateUnits(work: AllocationBuffers, n: number, target: number, step: number, mode: ResolvedPresentation['roundingMode']): void {
  const { values, exact, fixed, free, errors, candidates } = work;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const part = values[i]!;
    exact[i] = part;
    const isFree = fixed[i] === 0 && part % step !== 0;
    free[i] = isFree ? 1 : 0;
    if (isFree) values[i] = roundUnits(part, step, mode);
    sum += values[i]!;
  }
  const needed = (target - sum) / step;
  if (needed === 0) return;
  const direction = needed > 0 ? 1 : -1;
  const count = Math.abs(needed);
  candidates.length = 0;
  for (let i = 0; i < n; i++) {
    if (free[i] === 0) continue;
    const error = (exact[i]! - values[i]!) * direction;
    errors[i] = error;
    if (error > 0) candidates.push(i);
  }
  const closer = (a: number, b: number): number => {
    const byError = errors[b]! - errors[a]!;
    if (byError !== 0) return byError > 0 ? 1 : -1;
    const awayA = exact[a]! > 0 === direction > 0;
    const awayB = exact[b]! > 0 === direction > 0;
    if (awayA !== awayB) return awayA ? -1 : 1;
    return awayA ? a - b : b - a;
  };
  for (const i of closest(candidates, count, closer)) {
    const v = values[i]! + step * direction;
    values[i] = v === 0 ? 0 : v;
  }
}

/**
 * The first `count` candidates in the order of `closer` (all of them when there are fewer), in no particular
 * order: only which parts take a step matters. A few among thousands are kept in a short sorted list; more are
 * selected in place (expected linear: a total of 250,000 parts missing a thousand steps sorts none of them).
 * @param candidates - part indices (reordered)
 * @param count - how many to keep
 * @param closer - a strict total order (ties broken by index)
 * @internal
 */
export function closest(candidates: number[], count: number, closer: (a: number, b: number) => number): readonly number[] {
  if (count >= candidates.length) return candidates;
  if (count > 32) {
    selectFirst(candidates, count, closer);
    return candidates.slice(0, count);
  }
  const top: number[] = [];
  for (const i of candidates) {
    if (top.length === count && closer(i, top[count - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && closer(i, top[at - 1]!) < 0) at--;
    top.splice(at, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * Moves the first `count` items in the order of `closer` to the front of `xs` (quickselect, the pivot the median
 * of three; after a run of bad pivots the rest is sorted, so never quadratic).
 */
function selectFirst(xs: number[], count: number, closer: (a: number, b: number) => number): void {
  const k = count - 1;
  let lo = 0;
  let hi = xs.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(xs.length + 1)) + 8;
  while (hi > lo) {
    if (--rounds < 0) {
      const rest = xs.slice(lo, hi + 1).sort(closer);
      for (let j = 0; j < rest.length; j++) xs[lo + j] = rest[j]!;
      return;
    }
    const a = xs[lo]!;
    const b = xs[(lo + hi) >>> 1]!;
    const c = xs[hi]!;
    const pivot = closer(a, b) < 0 ? (closer(b, c) < 0 ? b : closer(a, c) < 0 ? c : a) : closer(a, c) < 0 ? a : closer(b, c) < 0 ? c : b;
    // three ways: [lo, lt) before the pivot, [lt, gt] the pivot, (gt, hi] after it
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const x = xs[i]!;
      const order = closer(x, pivot);
      if (order < 0) {
        xs[i++] = xs[lt]!;
        xs[lt++] = x;
      } else if (order > 0) {
        xs[i] = xs[gt]!;
        xs[gt--] = x;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}
