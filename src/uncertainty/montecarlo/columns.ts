/**
 * Sorted columns of a Monte Carlo run (gesorteerde kolommen): each output of every draw in ascending order,
 * block by block. A worker sorts the columns of its own block of draws and sums them; the main thread then
 * reads a percentile, an extreme or a count off the blocks by binary search, without merging or sorting again.
 *
 * @remarks
 * The order is that of `Float64Array.prototype.sort`: ascending, and `-0` before `+0` (the two compare equal
 * with `<` but the sort keeps them apart). {@link SortedRun.at} gives the value at a rank in that order over
 * all blocks, so it equals the element at that index of one sort of the whole column.
 * @packageDocumentation
 */
import { MAX_SAFE_UNITS } from '../../engine/units.js';
import { sortFloat64, sortScratch } from './radix-sort.js';

/**
 * The columns of a block of draws, each sorted: column `c` (output `c` of every draw) at
 * `[c * count, (c + 1) * count)`.
 * @param raw - `count * stride` outputs in draw order (not changed)
 * @param count - draws in the block
 * @param stride - outputs per draw
 * @internal
 */
export function sortColumns(raw: Float64Array, count: number, stride: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(count * stride);
  const scratch = sortScratch(count);
  for (let c = 0; c < stride; c++) {
    const column = out.subarray(c * count, (c + 1) * count);
    for (let i = 0; i < count; i++) column[i] = raw[i * stride + c]!;
    sortFloat64(column, scratch);
  }
  return out;
}

/**
 * The exact sum of each column of a block (whole units): a float sum while every partial sum stays within
 * 2^53, a BigInt sum otherwise.
 * @param columns - `count * stride` values, column by column
 * @param count - draws in the block
 * @param stride - outputs per draw
 * @internal
 */
export function columnSums(columns: Float64Array, count: number, stride: number): bigint[] {
  const sums: bigint[] = [];
  for (let c = 0; c < stride; c++) {
    let sum = 0;
    let safe = true;
    for (let i = c * count; i < (c + 1) * count; i++) {
      sum += columns[i]!;
      if (!(Math.abs(sum) <= MAX_SAFE_UNITS)) safe = false;
    }
    if (safe) sums.push(BigInt(sum));
    else {
      let big = 0n;
      for (let i = c * count; i < (c + 1) * count; i++) big += BigInt(columns[i]!);
      sums.push(big);
    }
  }
  return sums;
}

/** One block of draws, summarised where it was drawn. @internal */
export interface SortedBlock {
  /** `count * stride` values, column by column, each ascending ({@link sortColumns}). */
  readonly columns: Float64Array;
  /** Draws in the block. */
  readonly count: number;
  /** The exact sum of each column ({@link columnSums}). */
  readonly sums: readonly bigint[];
}

/** The sorted block of draws in draw order (`count * stride` values): what a worker sends back. @internal */
export function sortedBlock(raw: Float64Array, count: number, stride: number): SortedBlock {
  const columns = sortColumns(raw, count, stride);
  return { columns, count, sums: columnSums(columns, count, stride) };
}

/** `u` before `v` in the sort order, strictly (`-0` before `+0`). */
function less(u: number, v: number): boolean {
  return u < v || (u === 0 && v === 0 && 1 / u < 1 / v);
}

/** The first index of `col[from, to)` whose value `v` has `!pred(v)`, for a predicate true on a prefix. */
function firstNot(col: Float64Array, from: number, to: number, pred: (v: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (pred(col[mid]!)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One output of every draw of a run, read in ascending order. @internal */
export interface RankedColumn {
  /** Number of draws. */
  readonly count: number;
  /** The value at `rank` (0-based) in ascending order. */
  at(rank: number): number;
  /** The exact sum of the values. */
  readonly sum: bigint;
}

/** The sorted columns of all blocks of a run. @internal */
export interface SortedRun {
  /** Output `c` of every draw. */
  column(c: number): RankedColumn;
  /** Draws whose output `c` is at least `threshold` (`-0` counts as 0). */
  countAtLeast(c: number, threshold: number): number;
  /** Draws whose output `c` is at most `threshold`. */
  countAtMost(c: number, threshold: number): number;
}

/**
 * The sorted columns of a run from its blocks (in draw order, or any order: ties are broken by block).
 * @param blocks - the blocks of every draw
 * @internal
 */
export function sortedRun(blocks: readonly SortedBlock[]): SortedRun {
  const parts = blocks.filter((b) => b.count > 0);
  const count = parts.reduce((n, b) => n + b.count, 0);
  /** The value at `rank` of column `c`: the one element whose rank over all blocks is `rank`. */
  const at = (c: number, rank: number): number => {
    if (parts.length === 1) return parts[0]!.columns[c * parts[0]!.count + rank]!;
    for (let b = 0; b < parts.length; b++) {
      const col = parts[b]!.columns;
      const from = c * parts[b]!.count;
      // rank of element i of block b: i, plus what the other blocks hold before it (ties: lower blocks first)
      const rankOf = (i: number): number => {
        const v = col[i]!;
        let r = i - from;
        for (let o = 0; o < parts.length; o++) {
          if (o === b) continue;
          const other = parts[o]!;
          const oFrom = c * other.count;
          r += firstNot(other.columns, oFrom, oFrom + other.count, o < b ? (u) => !less(v, u) : (u) => less(u, v)) - oFrom;
        }
        return r;
      };
      let low = from;
      let high = from + parts[b]!.count;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (rankOf(mid) < rank) low = mid + 1;
        else high = mid;
      }
      if (low < from + parts[b]!.count && rankOf(low) === rank) return col[low]!;
    }
    return Number.NaN; // not reached: every rank in [0, count) is held by one element
  };
  const countWhere = (c: number, pred: (v: number) => boolean): number => {
    let n = 0;
    for (const p of parts) n += firstNot(p.columns, c * p.count, (c + 1) * p.count, pred) - c * p.count;
    return n;
  };
  return {
    column: (c) => ({ count, at: (rank) => at(c, rank), sum: parts.reduce((s, p) => s + p.sums[c]!, 0n) }),
    countAtLeast: (c, threshold) => count - countWhere(c, (v) => v < threshold),
    countAtMost: (c, threshold) => countWhere(c, (v) => v <= threshold),
  };
}
