/**
 * A radix sort of float64 values (radix-sortering): the order of `Float64Array.prototype.sort` (ascending,
 * `-0` before `+0`), in four passes over the values instead of ~17 comparisons each. The Monte Carlo
 * summaries sort every output of every draw; this is ~3 times faster than the built-in sort from ~10^4 values.
 *
 * @remarks
 * Each finite double is mapped to a 64-bit key whose unsigned order is the double's order: a negative value has
 * every bit flipped, a positive one (and `+0`) only its sign bit. So `-0` (key `0x7fff...f`) comes just before
 * `+0` (key `0x8000...0`), as in the built-in sort. The keys are sorted least significant 16 bits first, a
 * stable counting pass per 16 bits; a pass in which every key has the same digit is skipped. NaN does not
 * occur (the kernel's outputs are whole units).
 * @packageDocumentation
 */

/** Whether this machine stores a double's low word first (every platform Node runs on, but checked). */
const LITTLE_ENDIAN = new Uint32Array(Float64Array.of(1).buffer)[1] === 0x3ff00000;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = 1 - LOW;
const SIGN = 0x80000000;
const DIGITS = 65536;

/** Below this many values the built-in sort is as fast (the counting passes cost 2^16 each). */
const RADIX_FROM = 4096;

/** Reusable buffers of {@link sortFloat64}. @internal */
export interface SortScratch {
  /** The keys, low and high word per value. */
  readonly keys: Uint32Array;
  /** The keys after a pass. */
  readonly swap: Uint32Array;
  /** The count of each 16-bit digit. */
  readonly counts: Uint32Array;
}

/**
 * Buffers for sorting up to `n` values.
 * @internal
 */
export function sortScratch(n: number): SortScratch {
  const size = n < RADIX_FROM ? 0 : 2 * n;
  return { keys: new Uint32Array(size), swap: new Uint32Array(size), counts: new Uint32Array(size === 0 ? 0 : DIGITS) };
}

/** One stable counting pass on the 16-bit digit at `shift` of word `w`; false when every key has the same digit. */
function pass(src: Uint32Array, dst: Uint32Array, n: number, w: number, shift: number, counts: Uint32Array): boolean {
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(src[2 * i + w]! >>> shift) & 0xffff]!++;
  if (counts[(src[w]! >>> shift) & 0xffff] === n) return false;
  let sum = 0;
  for (let d = 0; d < DIGITS; d++) {
    const c = counts[d]!;
    counts[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const j = counts[(src[2 * i + w]! >>> shift) & 0xffff]!++;
    dst[2 * j] = src[2 * i]!;
    dst[2 * j + 1] = src[2 * i + 1]!;
  }
  return true;
}

/**
 * Sorts finite doubles in place, in the order of `Float64Array.prototype.sort`.
 * @param values - the values (a view of any buffer)
 * @param scratch - buffers for at least `values.length` values ({@link sortScratch})
 * @internal
 */
export function sortFloat64(values: Float64Array, scratch: SortScratch): void {
  const n = values.length;
  if (n < RADIX_FROM) {
    values.sort();
    return;
  }
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let src = scratch.keys;
  let dst = scratch.swap;
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + HIGH]!;
    const low = words[2 * i + LOW]!;
    const negative = (high & SIGN) !== 0;
    src[2 * i] = negative ? ~low : low;
    src[2 * i + 1] = negative ? ~high : high ^ SIGN;
  }
  for (let p = 0; p < 4; p++) {
    if (pass(src, dst, n, p >> 1, (p & 1) * 16, scratch.counts)) {
      const t = src;
      src = dst;
      dst = t;
    }
  }
  for (let i = 0; i < n; i++) {
    const key = src[2 * i + 1]!;
    const negative = (key & SIGN) === 0;
    words[2 * i + HIGH] = negative ? ~key : key ^ SIGN;
    words[2 * i + LOW] = negative ? ~src[2 * i]! : src[2 * i]!;
  }
}
