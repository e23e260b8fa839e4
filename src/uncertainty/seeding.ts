/**
 * The seeding of the random streams (zaaien): a seed hashed into a 128-bit key, and the fixed 128-bit
 * permutation that turns (key, draw, stream) into the state of a stream. See `random.ts` for the design.
 *
 * @remarks
 * The permutation is split at the one place where a Monte Carlo run can share work: the first two words of
 * its first round depend on the key and the draw only ({@link drawWords}), the rest on the stream as well
 * ({@link streamState}). {@link loadState} is exactly those two in a row, so a run that computes the draw's
 * words once and then every input's stream gets the same states, bit for bit, as one that loads every state
 * from scratch.
 * @packageDocumentation
 */
import { MeerjarenError, issue, type IssueCode } from '../core/errors.js';

/** A seed for a Monte Carlo run (zaadwaarde): a safe integer or any string. @category Uncertainty */
export type Seed = number | string;

/** `lowbias32` finaliser: a bijection of 32-bit integers with strong avalanche. Returns int32. */
function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x | 0;
}

/** Round constants of the seeding permutation: the first words of the fractional part of the golden ratio and of sqrt(2), sqrt(3). */
const ROUND_CONSTANTS = Int32Array.of(0x9e3779b9 | 0, 0x6a09e667 | 0, 0xbb67ae85 | 0);
const RC0 = ROUND_CONSTANTS[0]!;

/**
 * The permutation from the end of round 0's second word on: words `c`, `d` of round 0, then rounds 1 and 2,
 * written into `s`. Each round replaces one word by a bijective function of itself given the others.
 * (A loop, not the rounds written out: V8 then inlines every `fmix32`.)
 */
function finishRounds(s: Int32Array, a: number, b: number, c: number, d: number): void {
  for (let round = 0; round < 3; round++) {
    if (round > 0) {
      a = fmix32((a + ROUND_CONSTANTS[round]!) | 0);
      b = fmix32(b ^ a);
    }
    c = fmix32((c + b) | 0);
    d = fmix32(d ^ c);
    a = (a + d) | 0;
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
}

/** The fixed 128-bit permutation used for seeding, in place: three rounds, so a bijection of the state. */
function permute(s: Int32Array): void {
  const a = fmix32((s[0]! + RC0) | 0);
  finishRounds(s, a, fmix32(s[1]! ^ a), s[2]!, s[3]!);
}

const TWO_POW_32 = 4294967296;
/** Domain tags keep number and string seeds (and the root stream) apart. */
const TAG_NUMBER_SEED = 0x4e554d42; // "NUMB"
const TAG_STRING_SEED = 0x53545247; // "STRG"

/** A refusal with one issue. */
export function invalid(code: IssueCode, path: readonly (string | number)[], message: string): MeerjarenError {
  return new MeerjarenError([issue(code, path, message)]);
}

/**
 * Hashes a seed into a 128-bit key (written into `key`).
 * @throws MeerjarenError `invalid_seed` when the seed is not a safe integer or a string
 */
export function seedKey(seed: Seed, key: Int32Array): void {
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed)) {
      throw invalid('invalid_seed', ['seed'], `a numeric seed must be a safe integer, not ${String(seed)}`);
    }
    // Two's complement words of the 64-bit integer (floor division keeps negative seeds exact).
    key[0] = seed | 0;
    key[1] = Math.floor(seed / TWO_POW_32) | 0;
    key[2] = TAG_NUMBER_SEED;
    key[3] = 0;
    permute(key);
    return;
  }
  if (typeof seed !== 'string') {
    throw invalid('invalid_seed', ['seed'], 'a seed must be a safe integer or a string');
  }
  // A sponge: absorb the length, then two UTF-16 code units per permutation.
  key[0] = TAG_STRING_SEED;
  key[1] = seed.length | 0;
  key[2] = Math.floor(seed.length / TWO_POW_32) | 0;
  key[3] = 0;
  permute(key);
  for (let i = 0; i < seed.length; i += 2) {
    const low = seed.charCodeAt(i);
    const high = i + 1 < seed.length ? seed.charCodeAt(i + 1) : 0;
    key[0] = key[0]! ^ (low | (high << 16));
    permute(key);
  }
}

/** The low 32-bit word of a safe integer >= 0, as int32. */
export function lowWord(value: number): number {
  return value | 0;
}

/** The high word of a safe integer >= 0 (below 2^21), as int32. */
export function highWord(value: number): number {
  return Math.floor(value / TWO_POW_32) | 0;
}

/**
 * The first two words of the permutation's first round for a draw: they depend on the key and the draw only.
 * Written into `out[0]`, `out[1]`.
 */
export function drawWords(key: Int32Array, drawLow: number, drawHigh: number, out: Int32Array): void {
  const a = fmix32(((key[0]! ^ drawLow) + RC0) | 0);
  out[0] = a;
  out[1] = fmix32((key[1]! ^ drawHigh) ^ a);
}

/**
 * The state of a stream from its draw's words ({@link drawWords}) and the stream's two key words
 * (`key[2] ^ streamLow`, `key[3] ^ streamHigh`), into `state`.
 */
export function streamState(state: Int32Array, draw: Int32Array, streamWord2: number, streamWord3: number): void {
  finishRounds(state, draw[0]!, draw[1]!, streamWord2, streamWord3);
  // xoshiro's one forbidden state; P maps exactly one input per key onto it.
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 0x9e3779b9 | 0;
}

/** Loads the stream state for (key, draw words, stream words) into `state` (`draw` is scratch space). */
export function loadState(state: Int32Array, draw: Int32Array, key: Int32Array, drawLow: number, drawHigh: number, streamLow: number, streamHigh: number): void {
  drawWords(key, drawLow, drawHigh, draw);
  streamState(state, draw, key[2]! ^ streamLow, key[3]! ^ streamHigh);
}
