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
import { detLog } from './det-math.js';
import { drawWords, highWord, invalid, loadState, lowWord, seedKey, streamState, type Seed } from './seeding.js';

export { detExp, detLog } from './det-math.js';
export type { Seed } from './seeding.js';

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

/** The high draw word of the root stream; draw indices are below 2^53, so their high word is below 2^21. */
const ROOT_DRAW_HIGH = -1;

function checkIndex(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid('invalid_value', [name], `${name} must be a safe integer >= 0, not ${String(value)}`);
  }
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

/** A generator on the state `s` (loaded by the caller); `scratch` holds a draw's words when it is reset. */
function makeRandom(key: Int32Array, s: Int32Array, scratch: Int32Array): Random {

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
      loadState(s, scratch, key, lowWord(drawIndex), highWord(drawIndex), lowWord(streamIndex), highWord(streamIndex));
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
  const state = new Int32Array(4);
  const scratch = new Int32Array(2);
  loadState(state, scratch, key, 0, ROOT_DRAW_HIGH, 0, 0);
  return makeRandom(key, state, scratch);
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
  const state = new Int32Array(4);
  const scratch = new Int32Array(2);
  loadState(state, scratch, key, lowWord(drawIndex), highWord(drawIndex), lowWord(streamIndex), highWord(streamIndex));
  return makeRandom(key, state, scratch);
}

/**
 * One generator moved over the (draw, stream) pairs of a Monte Carlo run (trekkingsstromen), the draw's share
 * of the seeding computed once per draw instead of once per input.
 * @internal
 */
export interface DrawStreams {
  /** The generator; after `draw(d)` and `stream(j)` it yields exactly what `randomForDraw(seed, d, streams[j])` would. */
  readonly random: Random;
  /** Moves onto draw `drawIndex` (a safe integer >= 0): computes what depends on the draw only. */
  draw(drawIndex: number): void;
  /** Moves the generator onto the stream `streams[j]` of the current draw (draw 0 until `draw` is called). */
  stream(j: number): void;
}

/**
 * The draw streams of a run: a seed and the streams of its inputs (one per input, checked here once).
 * @param seed - the run's seed
 * @param streams - the stream index of each input, safe integers >= 0
 * @throws MeerjarenError `invalid_seed`, or `invalid_value` for a bad stream index
 * @internal
 */
export function createDrawStreams(seed: Seed, streams: ArrayLike<number>): DrawStreams {
  const key = new Int32Array(4);
  seedKey(seed, key);
  const word2 = new Int32Array(streams.length);
  const word3 = new Int32Array(streams.length);
  for (let j = 0; j < streams.length; j++) {
    const stream = streams[j]!;
    checkIndex(stream, 'streamIndex');
    word2[j] = key[2]! ^ lowWord(stream);
    word3[j] = key[3]! ^ highWord(stream);
  }
  const state = new Int32Array(4);
  const drawn = new Int32Array(2);
  const scratch = new Int32Array(2);
  loadState(state, scratch, key, 0, 0, 0, 0);
  const random = makeRandom(key, state, scratch);
  drawWords(key, 0, 0, drawn);
  return {
    random,
    draw(drawIndex: number): void {
      checkIndex(drawIndex, 'drawIndex');
      drawWords(key, lowWord(drawIndex), highWord(drawIndex), drawn);
    },
    stream(j: number): void {
      streamState(state, drawn, word2[j]!, word3[j]!);
    },
  };
}
