import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileDistribution,
  rateToPpm,
  roundHalfAwayFromZero,
  validateDistribution,
  type DistributionSpec,
} from '../../src/uncertainty/distribution.js';
import { randomForDraw } from '../../src/uncertainty/random.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;
const DRAWS = 20;

/** Cents as a euro string: 123456 -> "1234.56", -5 -> "-0.05". */
function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const MAX_CENTS = 1e15; // 10^13 euros
const cents = fc.oneof(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }));
const sortedTriple = fc.tuple(cents, cents, cents).map((t) => [...t].sort((a, b) => a - b) as [number, number, number]);
const seed = fc.oneof(fc.maxSafeInteger(), fc.string({ maxLength: 12 }));
const drawIndex = fc.nat(1_000_000);

/** The exact value of a double as num / den (den a power of two). */
function exact(x: number): { num: bigint; den: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const num = negative ? -mantissa : mantissa;
  return exponent >= 0 ? { num: num << BigInt(exponent), den: 1n } : { num, den: 1n << BigInt(-exponent) };
}

function roundHalfAway(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const quotient = abs / den;
  const twice = 2n * (abs - quotient * den);
  const rounded = twice >= den ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

function allWithin(spec: DistributionSpec, low: number, high: number, s: number | string, i: number): boolean {
  const sample = compileDistribution(spec);
  const rng = randomForDraw(s, i);
  for (let k = 0; k < DRAWS; k++) {
    const x = sample(rng);
    if (!Number.isSafeInteger(x) || x < low || x > high) return false;
  }
  return true;
}

describe('distribution properties', () => {
  it('triangular draws are whole cents within [low, high] for any low <= likely <= high and any seed', () => {
    fc.assert(
      fc.property(sortedTriple, seed, drawIndex, ([l, m, h], s, i) =>
        allWithin({ kind: 'triangular', low: euros(l), likely: euros(m), high: euros(h) }, l, h, s, i),
      ),
      { numRuns },
    );
  });

  it('PERT draws are whole cents within [low, high] for any low <= likely <= high, lambda and seed', () => {
    fc.assert(
      fc.property(sortedTriple, fc.oneof(fc.constant(4), fc.double({ min: 0, max: 1000, noNaN: true })), seed, drawIndex, ([l, m, h], lambda, s, i) =>
        allWithin({ kind: 'pert', low: euros(l), likely: euros(m), high: euros(h), lambda }, l, h, s, i),
      ),
      { numRuns },
    );
  });

  it('uniform draws are whole cents within [low, high]', () => {
    fc.assert(
      fc.property(sortedTriple, seed, drawIndex, ([l, , h], s, i) => allWithin({ kind: 'uniform', low: euros(l), high: euros(h) }, l, h, s, i)),
      { numRuns },
    );
  });

  it('truncated normal draws are whole cents within [low, high] for any mean and sd', () => {
    fc.assert(
      fc.property(sortedTriple, cents, fc.integer({ min: 0, max: MAX_CENTS }), seed, drawIndex, ([l, , h], mean, sd, s, i) => {
        if (sd === 0 && (mean < l || mean > h)) return true; // refused by validation
        return allWithin({ kind: 'normal', mean: euros(mean), sd: euros(sd), low: euros(l), high: euros(h) }, l, h, s, i);
      }),
      { numRuns },
    );
  });

  it('discrete draws are always one of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, fc.nat(1000)), { minLength: 1, maxLength: 8 }), seed, drawIndex, (raw, s, i) => {
        const weights = raw.map(([, w]) => w);
        const total = weights.reduce((a, b) => a + b, 0);
        if (total === 0) return true;
        // probabilities as exact decimal strings summing to 1: w / total, last takes the rest
        const scale = 1e6;
        const ppm = weights.map((w) => Math.floor((w * scale) / total));
        ppm[ppm.length - 1]! += scale - ppm.reduce((a, b) => a + b, 0);
        const spec: DistributionSpec = {
          kind: 'discrete',
          choices: raw.map(([value], k) => ({ value: euros(value), p: (ppm[k]! / scale).toFixed(6) })),
        };
        expect(validateDistribution(spec)).toEqual([]);
        const allowed = new Set(raw.filter((_, k) => ppm[k]! > 0).map(([value]) => value));
        const sample = compileDistribution(spec);
        const rng = randomForDraw(s, i);
        for (let k = 0; k < DRAWS; k++) if (!allowed.has(sample(rng))) return false;
        return true;
      }),
      { numRuns },
    );
  });

  it('a spec survives JSON: the same draws after a round trip', () => {
    fc.assert(
      fc.property(sortedTriple, seed, ([l, m, h], s) => {
        const spec: DistributionSpec = { kind: 'pert', low: euros(l), likely: euros(m), high: euros(h) };
        const copy = JSON.parse(JSON.stringify(spec)) as DistributionSpec;
        const a = compileDistribution(spec);
        const b = compileDistribution(copy);
        const r1 = randomForDraw(s, 0);
        const r2 = randomForDraw(s, 0);
        for (let k = 0; k < 5; k++) expect(a(r1)).toBe(b(r2));
      }),
      { numRuns },
    );
  });

  it('roundHalfAwayFromZero rounds the exact value of any double', () => {
    fc.assert(
      fc.property(fc.double({ min: -(2 ** 53), max: 2 ** 53, noNaN: true }), (x) => {
        const { num, den } = exact(x);
        return roundHalfAwayFromZero(x) === Number(roundHalfAway(num, den));
      }),
      { numRuns },
    );
  });

  it('roundHalfAwayFromZero on exact halves and their neighbours', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (n) => {
        const half = n + 0.5;
        const { num, den } = exact(half);
        return roundHalfAwayFromZero(half) === Number(roundHalfAway(num, den));
      }),
      { numRuns },
    );
  });

  it('rateToPpm equals exact half-up rounding of x * 10^6 for any rate', () => {
    const rate = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.double({ min: -2, max: 2, noNaN: true }),
      // near half-ppm ties: k/2 ppm and its neighbouring doubles
      fc.tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: -2, max: 2 })).map(([k, step]) => {
        let x = (k + 0.5) / 1e6;
        for (let j = 0; j < Math.abs(step); j++) x = nextAfter(x, step > 0);
        return x;
      }),
    );
    fc.assert(
      fc.property(rate, (x) => {
        const { num, den } = exact(x);
        return rateToPpm(x) === Number(roundHalfAway(num * 1_000_000n, den));
      }),
      { numRuns },
    );
  });
});

/** The neighbouring double above (up) or below. */
function nextAfter(x: number, up: boolean): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const away = x > 0 === up;
  view.setBigUint64(0, away ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
