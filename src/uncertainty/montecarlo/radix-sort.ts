/**
 * A radix sort of float64 values (radix-sortering): the order of `Float64Array.prototype.sort` (ascending,
 * `-0` before `+0`), in a few counting passes over the values instead of ~17 comparisons each. The Monte Carlo
 * summaries sort every output of every draw; this is several times faster than the built-in sort from ~10^3 values.
 *
 * @remarks
 * Two paths. **Narrow** (the Monte Carlo outputs: whole units within 2^32 of each other): each value becomes the
 * 32-bit key `value - min`, exact because both are integers and the difference is below 2^32; the keys are sorted
 * 11 bits at a time (at most three stable counting passes of 2,048 digits, only as many as the range needs, all
 * digits counted in one scan), and `min + key` is written back, exact again. A zero comes back as `+0`; the sort
 * counted the `-0` values among them, and the first that many zeros are written back as `-0`. **Wide** (any other
 * finite doubles): each double is mapped to a 64-bit key whose unsigned order is the double's order: a negative
 * value has every bit flipped, a positive one (and `+0`) only its sign bit. So `-0` (key `0x7fff...f`) comes just
 * before `+0` (key `0x8000...0`), as in the built-in sort. The keys are sorted least significant 16 bits first, a
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

/** Below this many values the built-in sort is as fast as the wide path (its counting passes cost 2^16 each). */
const RADIX_FROM = 4096;
/** Below this many values the built-in sort is as fast as the narrow path (its passes cost 2^11 each). */
const NARROW_FROM = 256;
const NARROW_BITS = 11;
const NARROW_DIGITS = 1 << NARROW_BITS;
const NARROW_MASK = NARROW_DIGITS - 1;
/** The widest range of the narrow path: keys `value - min` below 2^32. */
const NARROW_RANGE = 4294967296;

/** Reusable buffers of {@link sortFloat64}. @internal */
export interface SortScratch {
  /** The keys, low and high word per value. */
  readonly keys: Uint32Array;
  /** The keys after a pass. */
  readonly swap: Uint32Array;
  /** The count of each digit: 16-bit (wide path), or 11-bit for each of three digits at once (narrow path). */
  readonly counts: Uint32Array;
}

/**
 * Buffers for sorting up to `n` values.
 * @internal
 */
export function sortScratch(n: number): SortScratch {
  const size = n < NARROW_FROM ? 0 : 2 * n;
  // the narrow path counts three 11-bit digits at once; the wide one, from RADIX_FROM values, 16 bits a pass
  const counts = n < NARROW_FROM ? 0 : n < RADIX_FROM ? 3 * NARROW_DIGITS : DIGITS;
  return { keys: new Uint32Array(size), swap: new Uint32Array(size), counts: new Uint32Array(counts) };
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
 * The narrow path of {@link sortFloat64}: sorts `values` in place when they are integers within 2^32 of each
 * other, and returns false (changing nothing) otherwise.
 */
function sortNarrow(values: Float64Array, scratch: SortScratch): boolean {
  const n = values.length;
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  // Infinity - x and NaN fail the test; an integer range below 2^32 passes
  if (!(max - min < NARROW_RANGE) || Math.floor(min) !== min) return false;
  let keys = scratch.keys;
  let swap = scratch.swap;
  const counts = scratch.counts;
  counts.fill(0, 0, 3 * NARROW_DIGITS);
  let negativeZeros = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Math.floor(v) !== v) return false; // not an integer: nothing written to values yet
    if (v === 0 && 1 / v < 0) negativeZeros++;
    const key = (v - min) >>> 0;
    keys[i] = key;
    counts[key & NARROW_MASK]!++;
    counts[NARROW_DIGITS + ((key >>> NARROW_BITS) & NARROW_MASK)]!++;
    counts[2 * NARROW_DIGITS + (key >>> (2 * NARROW_BITS))]!++;
  }
  const range = max - min;
  const passes = range < NARROW_DIGITS ? 1 : range < NARROW_DIGITS * NARROW_DIGITS ? 2 : 3;
  for (let p = 0; p < passes; p++) {
    const base = p * NARROW_DIGITS;
    const shift = p * NARROW_BITS;
    let sum = 0;
    for (let d = base; d < base + NARROW_DIGITS; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      swap[counts[base + ((key >>> shift) & NARROW_MASK)]!++] = key;
    }
    const t = keys;
    keys = swap;
    swap = t;
  }
  // min + key is exact and gives +0 for every zero; the sort order puts the -0 values first among them
  let firstZero = -1;
  for (let i = 0; i < n; i++) {
    const v = min + keys[i]!;
    values[i] = v;
    if (v === 0 && firstZero < 0) firstZero = i;
  }
  for (let i = 0; i < negativeZeros; i++) values[firstZero + i] = -0;
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
  if (n < NARROW_FROM) {
    values.sort();
    return;
  }
  if (sortNarrow(values, scratch)) return;
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
