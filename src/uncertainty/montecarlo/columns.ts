/**
 * Sorted columns of a Monte Carlo run (gesorteerde kolommen): each output of every draw, in ascending order. A
 * worker sorts the columns of its own block of draws; the main thread merges the blocks' columns in one pass
 * each, so that the summaries read percentiles, extremes and counts off sorted columns without sorting again.
 *
 * @remarks
 * The order is that of `Float64Array.prototype.sort`: ascending, and `-0` before `+0` (the two compare equal
 * with `<` but the sort keeps them apart). The merge keeps the same order, so merged blocks equal one sort of
 * the whole column, element for element.
 * @packageDocumentation
 */

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
  for (let c = 0; c < stride; c++) {
    const column = out.subarray(c * count, (c + 1) * count);
    for (let i = 0; i < count; i++) column[i] = raw[i * stride + c]!;
    column.sort();
  }
  return out;
}

/** Whether `a` goes before (or with) `b` in the order of `Float64Array.prototype.sort` (`-0` before `+0`). */
function before(a: number, b: number): boolean {
  return a < b || (a === b && (a !== 0 || 1 / a <= 1 / b));
}

/** Merges the sorted runs `x[xFrom, xTo)` and `y[yFrom, yTo)` into `out` from `at`. */
function mergeRuns(x: Float64Array, xFrom: number, xTo: number, y: Float64Array, yFrom: number, yTo: number, out: Float64Array, at: number): void {
  let i = xFrom;
  let j = yFrom;
  let k = at;
  while (i < xTo && j < yTo) {
    const a = x[i]!;
    const b = y[j]!;
    if (before(a, b)) {
      out[k++] = a;
      i++;
    } else {
      out[k++] = b;
      j++;
    }
  }
  while (i < xTo) out[k++] = x[i++]!;
  while (j < yTo) out[k++] = y[j++]!;
}

/** One block's sorted columns ({@link sortColumns}) and its number of draws. @internal */
export interface SortedBlock {
  /** `count * stride` values, column by column, each sorted. */
  readonly columns: Float64Array;
  /** Draws in the block. */
  readonly count: number;
}

/**
 * Merges blocks of sorted columns into the sorted columns of all their draws (`total * stride` values, column
 * `c` at `[c * total, (c + 1) * total)`), identical to {@link sortColumns} of the blocks' draws together. Blocks
 * are merged in pairs, so the cost is `total * stride * ceil(log2(blocks))` steps.
 * @param blocks - the blocks, in any order
 * @param stride - outputs per draw
 * @internal
 */
export function mergeColumns(blocks: readonly SortedBlock[], stride: number): Float64Array {
  let level: SortedBlock[] = blocks.filter((b) => b.count > 0);
  if (level.length === 0) return new Float64Array(0);
  while (level.length > 1) {
    const next: SortedBlock[] = [];
    for (let p = 0; p + 1 < level.length; p += 2) {
      const x = level[p]!;
      const y = level[p + 1]!;
      const count = x.count + y.count;
      const columns = new Float64Array(count * stride);
      for (let c = 0; c < stride; c++) mergeRuns(x.columns, c * x.count, (c + 1) * x.count, y.columns, c * y.count, (c + 1) * y.count, columns, c * count);
      next.push({ columns, count });
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!.columns;
}
