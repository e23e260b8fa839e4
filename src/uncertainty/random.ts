/**
 * Seeded pseudo-random numbers for Monte Carlo runs (toevalsgenerator), identical on every machine.
 *
 * @remarks
 * **Generator.** The stream is **xoshiro128\*\*** (Blackman and Vigna, 2018): 128 bits of state, period
 * 2^128 - 1, 32-bit output, no known statistical failures in BigCrush (as its authors report), and
 * needs only 32-bit xor, shift, rotate and multiply. In JavaScript those are exact with `^`, `<<`,
 * `>>>` and `Math.imul`, so the stream is the same bit for bit in every engine, on every CPU, in the
 * ESM and the CommonJS build alike. It was chosen
 * over a 32-bit PCG (which needs 64-bit multiplication, i.e. BigInt or hand-split arithmetic) and over
 * `Math.random` (unseeded, engine-specific).
 *
 * **Seeding.** A seed (a safe integer or a string) is first hashed into a 128-bit key. The state of a
 * stream is then `P(key xor (drawLo, drawHi, streamLo, streamHi))`, where `P` is a fixed permutation of
 * 128 bits built from three rounds of the `lowbias32` integer finaliser (C. Wellons' hash prospector:
 * `x ^= x >>> 16; x *= 0x7feb352d; x ^= x >>> 15; x *= 0x846ca68b; x ^= x >>> 16`), each round
 * chaining the four words so every output bit depends on every input bit. This replaces the usual
 * SplitMix seeding, which from a single 32-bit seed could only reach 2^32 states: with 10^5 draws those
 * would already collide. Because `P` is a bijection, two different (draw, stream) pairs of one seed
 * always start from different states; with a 2^128 period their sequences overlap only with negligible
 * probability. The root stream of {@link createRandom} uses a draw word no draw index can have, so it
 * never coincides with a draw stream either.
 *
 * **Floats.** {@link Random.nextFloat} takes 27 + 26 bits of two outputs: a uniform multiple of 2^-53
 * in [0, 1), exactly as in the classic `genrand_res53`. Normal variates ({@link Random.nextNormal}) use
 * Marsaglia's polar method with a bounded loop and keep no spare value between calls.
 *
 * **Elementary functions.** `Math.log`, `Math.exp`, `Math.sin` and friends are "implementation-approximated"
 * in ECMAScript: their last bits may differ between engines and engine versions. The samplers here
 * use {@link detLog} and {@link detExp} instead: range reduction and series written with `+ - * /`
 * only, which IEEE 754 rounds identically everywhere. Besides the exact `Math.floor`, `Math.ceil`,
 * `Math.round` and `Math.abs`, only `Math.sqrt` (correctly rounded by IEEE 754) is used on the way to
 * a draw.
 */
import { MeerjarenError, issue, type IssueCode } from '../core/errors.js';
import { detLog } from './det-math.js';

export { detExp, detLog } from './det-math.js';

/** A seed for a Monte Carlo run (zaadwaarde): a safe integer or any string. @category Uncertainty */
export type Seed = number | string;

/**
 * A seeded stream of pseudo-random numbers (toevalsstroom). Every method is allocation-free.
 *
 * @remarks
 * A `Random` is mutable (it advances as it is drawn from) and belongs to one run or one worker.
 * Samplers from `compileDistribution` take one as their only argument.
 * @category Uncertainty
 */
export interface Random {
  /** The next 32-bit output, an integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform float in [0, 1): a multiple of 2^-53 built from two 32-bit outputs. */
  nextFloat(): number;
  /**
   * A standard normal variate (mean 0, sd 1), by Marsaglia's polar method.
   *
   * @remarks
   * Each call draws pairs of floats until one falls inside the unit disc (probability pi/4 per pair)
   * and returns one value; no spare value is cached, so the stream depends only on the calls made.
   * The loop is bounded at 64 attempts; should all fail (probability below 10^-42) the result is 0.
   */
  nextNormal(): number;
  /**
   * Restarts this generator, in place, on the stream of draw `drawIndex` (and sub-stream `streamIndex`)
   * of its seed: afterwards it yields exactly what `randomForDraw(seed, drawIndex, streamIndex)` would.
   * Allocation-free: a worker keeps one generator and resets it for every draw it runs.
   *
   * @param drawIndex - the draw (trekking) number, a safe integer >= 0
   * @param streamIndex - an independent sub-stream of that draw, a safe integer >= 0; default 0
   * @returns this generator
   */
  resetForDraw(drawIndex: number, streamIndex?: number): Random;
}

// ---------------------------------------------------------------------------------------------
// 32-bit mixing and the seeding permutation

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
const ROUND_CONSTANTS = [0x9e3779b9 | 0, 0x6a09e667 | 0, 0xbb67ae85 | 0] as const;

/**
 * The fixed 128-bit permutation used for seeding: three rounds that each replace one word by a
 * bijective function of itself given the others, so the whole is a bijection of the state.
 */
function permute(s: Int32Array): void {
  let a = s[0]!;
  let b = s[1]!;
  let c = s[2]!;
  let d = s[3]!;
  for (let round = 0; round < ROUND_CONSTANTS.length; round++) {
    a = fmix32((a + ROUND_CONSTANTS[round]!) | 0);
    b = fmix32(b ^ a);
    c = fmix32((c + b) | 0);
    d = fmix32(d ^ c);
    a = (a + d) | 0;
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
}

const TWO_POW_32 = 4294967296;
/** Domain tags keep number and string seeds (and the root stream) apart. */
const TAG_NUMBER_SEED = 0x4e554d42; // "NUMB"
const TAG_STRING_SEED = 0x53545247; // "STRG"
/** The high draw word of the root stream; draw indices are below 2^53, so their high word is below 2^21. */
const ROOT_DRAW_HIGH = -1;

function invalid(code: IssueCode, path: readonly (string | number)[], message: string): MeerjarenError {
  return new MeerjarenError([issue(code, path, message)]);
}

/** Hashes a seed into a 128-bit key (written into `key`). */
function seedKey(seed: Seed, key: Int32Array): void {
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

function checkIndex(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid('invalid_value', [name], `${name} must be a safe integer >= 0, not ${String(value)}`);
  }
}

/** Loads the stream state for (key, draw words, stream words) into `state`. */
function loadState(state: Int32Array, key: Int32Array, drawLow: number, drawHigh: number, streamLow: number, streamHigh: number): void {
  state[0] = key[0]! ^ drawLow;
  state[1] = key[1]! ^ drawHigh;
  state[2] = key[2]! ^ streamLow;
  state[3] = key[3]! ^ streamHigh;
  permute(state);
  // xoshiro's one forbidden state; P maps exactly one input per key onto it.
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 0x9e3779b9 | 0;
}

// ---------------------------------------------------------------------------------------------
// The generator

/**
 * One step of xoshiro128\*\* 1.1 on a raw state: returns the next 32-bit output and advances `state`.
 *
 * @remarks
 * The core of {@link Random.nextUint32}, exposed for known-answer tests and for compiled engines that
 * keep their own state. From state `[1, 2, 3, 4]` the reference implementation (prng.di.unimi.it)
 * gives 11520, 0, 5927040, 70819200, 2031721883, ... The state must not be all zero.
 *
 * @param state - four 32-bit words (stored as int32), changed in place
 * @returns an integer in [0, 2^32)
 */
export function xoshiro128StarStar(state: Int32Array): number {
  const s0 = state[0]!;
  const s1 = state[1]!;
  // result = rotl(s1 * 5, 7) * 9
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  const s2 = state[2]! ^ s0;
  const s3 = state[3]! ^ s1;
  state[1] = s1 ^ s2;
  state[0] = s0 ^ s3;
  state[2] = s2 ^ t;
  state[3] = (s3 << 11) | (s3 >>> 21);
  return result;
}

const TWO_POW_26 = 67108864;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;
const NORMAL_ATTEMPTS = 64;

function makeRandom(key: Int32Array, drawLow: number, drawHigh: number, streamIndex: number): Random {
  const s = new Int32Array(4);
  loadState(s, key, drawLow, drawHigh, streamIndex | 0, Math.floor(streamIndex / TWO_POW_32) | 0);

  const nextUint32 = (): number => xoshiro128StarStar(s);

  const nextFloat = (): number => {
    const high = nextUint32() >>> 5; // 27 bits
    const low = nextUint32() >>> 6; // 26 bits
    return (high * TWO_POW_26 + low) * TWO_POW_MINUS_53;
  };

  const nextNormal = (): number => {
    for (let attempt = 0; attempt < NORMAL_ATTEMPTS; attempt++) {
      const u = 2 * nextFloat() - 1;
      const v = 2 * nextFloat() - 1;
      const r = u * u + v * v;
      if (r > 0 && r < 1) return u * Math.sqrt((-2 * detLog(r)) / r);
    }
    return 0;
  };

  const rng: Random = {
    nextUint32,
    nextFloat,
    nextNormal,
    resetForDraw(drawIndex: number, streamIndex = 0): Random {
      checkIndex(drawIndex, 'drawIndex');
      checkIndex(streamIndex, 'streamIndex');
      loadState(s, key, drawIndex | 0, Math.floor(drawIndex / TWO_POW_32) | 0, streamIndex | 0, Math.floor(streamIndex / TWO_POW_32) | 0);
      return rng;
    },
  };
  return Object.freeze(rng);
}

/**
 * Creates a seeded generator: the root stream of a seed (toevalsgenerator).
 *
 * @remarks
 * A numeric seed must be a safe integer; a string seed may be any text and is hashed code unit by code
 * unit, so `42` and `"42"` give different streams. The root stream is independent of every draw stream
 * of the same seed ({@link randomForDraw}); call {@link Random.resetForDraw} to move this generator onto
 * a draw stream without allocating.
 *
 * @param seed - the run's seed
 * @throws MeerjarenError `invalid_seed` when the seed is not a safe integer or a string
 * @example
 * ```ts
 * import { createRandom } from 'meerjaren';
 *
 * const rng = createRandom(2026);
 * rng.nextUint32(); // 3439192768, on every machine
 * ```
 * @category Uncertainty
 */
export function createRandom(seed: Seed): Random {
  const key = new Int32Array(4);
  seedKey(seed, key);
  return makeRandom(key, 0, ROOT_DRAW_HIGH, 0);
}

/**
 * The generator of draw `drawIndex` of a Monte Carlo run (trekking): its own stream, seeded from
 * (seed, drawIndex, streamIndex) only.
 *
 * @remarks
 * Draw i therefore yields the same numbers whichever worker runs it and in whatever order: splitting a
 * run over threads never changes its results. `streamIndex` gives a draw further independent
 * sub-streams (for instance one per uncertain input, so that adding an input to a scenario leaves the
 * draws of the others unchanged). Equivalent to `createRandom(seed).resetForDraw(drawIndex, streamIndex)`.
 *
 * @param seed - the run's seed
 * @param drawIndex - the draw number, a safe integer >= 0
 * @param streamIndex - sub-stream of the draw, a safe integer >= 0; default 0
 * @throws MeerjarenError `invalid_seed`, or `invalid_value` for a bad index
 * @example
 * ```ts
 * import { randomForDraw } from 'meerjaren';
 *
 * randomForDraw(2026, 5).nextUint32(); // 1504666262: draw 5 of seed 2026, whichever worker computes it
 * ```
 * @category Uncertainty
 */
export function randomForDraw(seed: Seed, drawIndex: number, streamIndex = 0): Random {
  checkIndex(drawIndex, 'drawIndex');
  checkIndex(streamIndex, 'streamIndex');
  const key = new Int32Array(4);
  seedKey(seed, key);
  return makeRandom(key, drawIndex | 0, Math.floor(drawIndex / TWO_POW_32) | 0, streamIndex);
}
