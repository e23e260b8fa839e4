import { describe, expect, it } from 'vitest';
import { createRandom, detExp, detLog, randomForDraw, xoshiro128StarStar, type Random } from '../../src/uncertainty/random.js';
import { firstIssueOf } from '../helpers.js';

function take(n: number, next: () => number): number[] {
  return Array.from({ length: n }, next);
}

describe('xoshiro128** core', () => {
  it('matches the reference implementation from state [1, 2, 3, 4]', () => {
    // Blackman and Vigna's xoshiro128starstar.c (v1.1); the same vector is in rand_xoshiro's tests.
    const state = Int32Array.of(1, 2, 3, 4);
    expect(take(10, () => xoshiro128StarStar(state))).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });
});

describe('known answers (a change here changes every Monte Carlo result)', () => {
  // Cross-checked against an independent C implementation with uint32_t arithmetic.
  it('root stream of a numeric seed', () => {
    const rng = createRandom(2026);
    expect(take(4, rng.nextUint32)).toEqual([3439192768, 628710484, 3141323968, 2708042785]);
  });

  it('root stream of a string seed', () => {
    expect(take(4, createRandom('meerjaren').nextUint32)).toEqual([291452587, 476910023, 3862893426, 3370278092]);
    expect(take(2, createRandom('').nextUint32)).toEqual([2192874169, 1908255669]);
  });

  it('negative and largest safe seeds', () => {
    expect(take(2, createRandom(-1).nextUint32)).toEqual([737723512, 29750735]);
    expect(take(2, createRandom(Number.MAX_SAFE_INTEGER).nextUint32)).toEqual([4247659835, 1418153193]);
  });

  it('draw streams', () => {
    expect(take(4, randomForDraw(2026, 0).nextUint32)).toEqual([2378696695, 3785700423, 2116248421, 4175084631]);
    expect(take(4, randomForDraw(2026, 1).nextUint32)).toEqual([282014298, 1325229261, 1476710568, 1586151715]);
    expect(take(4, randomForDraw(2026, 7, 3).nextUint32)).toEqual([3961153534, 1855768653, 1702010823, 1566197404]);
  });

  it('floats and normals', () => {
    expect(take(3, createRandom(2026).nextFloat)).toEqual([0.8007494669138123, 0.7313964860924731, 0.2614545811973007]);
    expect(take(3, createRandom(2026).nextNormal)).toEqual([0.832515828330533, -0.6817367151689514, -0.9537600850291023]);
  });

  it('the float is built from two outputs: 27 high bits, then 26', () => {
    const words = take(2, createRandom(2026).nextUint32);
    const expected = ((words[0]! >>> 5) * 2 ** 26 + (words[1]! >>> 6)) / 2 ** 53;
    expect(createRandom(2026).nextFloat()).toBe(expected);
  });
});

describe('determinism', () => {
  it('the same seed gives the same sequence', () => {
    const a = createRandom('scenario A');
    const b = createRandom('scenario A');
    for (let i = 0; i < 1000; i++) {
      expect(a.nextUint32()).toBe(b.nextUint32());
      expect(a.nextFloat()).toBe(b.nextFloat());
      expect(a.nextNormal()).toBe(b.nextNormal());
    }
  });

  it('different seeds, numbers and strings, give different streams', () => {
    const firsts = [createRandom(1), createRandom(2), createRandom('1'), createRandom('2'), createRandom(0), createRandom('')].map((r) => r.nextUint32());
    expect(new Set(firsts).size).toBe(firsts.length);
  });

  it('nextNormal keeps no spare value: a fresh generator per value gives the same first value', () => {
    const rng = createRandom(5);
    const first = rng.nextNormal();
    expect(createRandom(5).nextNormal()).toBe(first);
  });

  it('resetForDraw moves a generator onto exactly the stream of randomForDraw', () => {
    const rng = createRandom(2026);
    rng.nextUint32();
    expect(rng.resetForDraw(7, 3)).toBe(rng);
    expect(take(4, rng.nextUint32)).toEqual(take(4, randomForDraw(2026, 7, 3).nextUint32));
    rng.resetForDraw(0);
    expect(take(4, rng.nextUint32)).toEqual(take(4, randomForDraw(2026, 0).nextUint32));
  });

  it('draw i gives the same numbers however a run is split over workers and ordered', () => {
    const seed = 'run-2026';
    const draws = 200;
    const firstValues = (rng: Random): number[] => [rng.nextFloat(), rng.nextNormal(), rng.nextUint32()];
    const inOrder = Array.from({ length: draws }, (_, i) => firstValues(randomForDraw(seed, i)));
    // three "workers" taking interleaved draws, each with one generator reset per draw, in reverse order
    const split: number[][] = new Array<number[]>(draws);
    for (let worker = 0; worker < 3; worker++) {
      const rng = createRandom(seed);
      for (let i = draws - 1 - worker; i >= 0; i -= 3) split[i] = firstValues(rng.resetForDraw(i));
    }
    expect(split).toEqual(inOrder);
  });

  it('draw streams differ from each other and from the root stream', () => {
    const seen = new Set<number>();
    seen.add(createRandom(9).nextUint32());
    for (let i = 0; i < 5000; i++) seen.add(randomForDraw(9, i).nextUint32());
    for (let s = 1; s < 50; s++) seen.add(randomForDraw(9, 0, s).nextUint32());
    // 5050 values drawn from 2^32: a collision would be a 0.3% chance, and none happens for this seed
    expect(seen.size).toBe(5050);
  });
});

describe('validation', () => {
  it('refuses seeds that are not safe integers or strings', () => {
    expect(firstIssueOf(() => createRandom(1.5))).toEqual({ code: 'invalid_seed', path: 'seed' });
    expect(firstIssueOf(() => createRandom(2 ** 53))).toEqual({ code: 'invalid_seed', path: 'seed' });
    expect(firstIssueOf(() => createRandom(Number.NaN))).toEqual({ code: 'invalid_seed', path: 'seed' });
    expect(firstIssueOf(() => createRandom({} as unknown as string))).toEqual({ code: 'invalid_seed', path: 'seed' });
  });

  it('refuses draw and stream indices that are not safe integers >= 0', () => {
    expect(firstIssueOf(() => randomForDraw(1, -1))).toEqual({ code: 'invalid_value', path: 'drawIndex' });
    expect(firstIssueOf(() => randomForDraw(1, 0.5))).toEqual({ code: 'invalid_value', path: 'drawIndex' });
    expect(firstIssueOf(() => randomForDraw(1, 0, -2))).toEqual({ code: 'invalid_value', path: 'streamIndex' });
    expect(firstIssueOf(() => createRandom(1).resetForDraw(Number.POSITIVE_INFINITY))).toEqual({ code: 'invalid_value', path: 'drawIndex' });
  });

  it('accepts the largest safe draw index', () => {
    expect(randomForDraw(1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).nextUint32()).toBeTypeOf('number');
  });
});

describe('statistics (fixed seeds, loose bounds: these cannot flake)', () => {
  const n = 100_000;

  it('nextUint32 is an integer in [0, 2^32) and its bits are balanced', () => {
    const rng = createRandom(11);
    const ones = new Array<number>(32).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.nextUint32();
      if (!(Number.isInteger(x) && x >= 0 && x < 2 ** 32)) outside++;
      for (let bit = 0; bit < 32; bit++) ones[bit]! += (x >>> bit) & 1;
    }
    expect(outside).toBe(0);
    for (const count of ones) expect(Math.abs(count / n - 0.5)).toBeLessThan(0.01);
  });

  it('nextFloat is uniform on [0, 1): mean 1/2, variance 1/12, multiples of 2^-53', () => {
    const rng = createRandom(12);
    let sum = 0;
    let squares = 0;
    const buckets = new Array<number>(10).fill(0);
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.nextFloat();
      if (!(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 53))) bad++;
      sum += u;
      squares += u * u;
      buckets[Math.floor(u * 10)]! += 1;
    }
    expect(bad).toBe(0);
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(squares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    for (const count of buckets) expect(Math.abs(count / n - 0.1)).toBeLessThan(0.005);
  });

  it('nextNormal has mean 0, variance 1 and normal tails', () => {
    const rng = createRandom(13);
    let sum = 0;
    let squares = 0;
    let beyond196 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.nextNormal();
      sum += z;
      squares += z * z;
      if (Math.abs(z) > 1.96) beyond196++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.015);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(beyond196 / n - 0.05)).toBeLessThan(0.005);
  });

  it('first values of consecutive draw streams are uncorrelated', () => {
    const draws = 20_000;
    const first = new Float64Array(draws);
    const rng = createRandom('corr');
    for (let i = 0; i < draws; i++) first[i] = rng.resetForDraw(i).nextFloat();
    let mean = 0;
    for (const x of first) mean += x / draws;
    let cov = 0;
    let variance = 0;
    for (let i = 0; i < draws; i++) {
      variance += (first[i]! - mean) ** 2;
      if (i > 0) cov += (first[i]! - mean) * (first[i - 1]! - mean);
    }
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(cov / variance)).toBeLessThan(0.03);
  });
});

describe('deterministic elementary functions', () => {
  it('detLog agrees with Math.log to a few ulp', () => {
    const rng = createRandom(21);
    let worst = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = 2 ** Math.round((rng.nextFloat() - 0.5) * 2000) * (0.5 + rng.nextFloat());
      const expected = Math.log(x);
      worst = Math.max(worst, Math.abs(detLog(x) - expected) / Math.max(Math.abs(expected), 1e-300));
    }
    expect(worst).toBeLessThanOrEqual(4e-16);
    for (const x of [1, 2, 0.5, Math.E, 10, 1 + 2 ** -52, 1 - 2 ** -53, 5e-324, Number.MAX_VALUE]) {
      expect(Math.abs(detLog(x) - Math.log(x))).toBeLessThanOrEqual(4e-16 * Math.max(Math.abs(Math.log(x)), 2 ** -52));
    }
    expect(detLog(1)).toBe(0);
  });

  it('detLog edge cases', () => {
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(Number.NaN)).toBeNaN();
    expect(detLog(Infinity)).toBe(Infinity);
  });

  it('detExp agrees with Math.exp to a few ulp', () => {
    const rng = createRandom(22);
    let worst = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = (rng.nextFloat() - 0.5) * 1400;
      const expected = Math.exp(x);
      if (expected < 1e-300) continue; // subnormal results keep fewer bits
      worst = Math.max(worst, Math.abs(detExp(x) - expected) / expected);
    }
    expect(worst).toBeLessThanOrEqual(4e-16);
    expect(detExp(0)).toBe(1);
    expect(detExp(1)).toBeCloseTo(Math.E, 15);
  });

  it('detExp edge cases', () => {
    expect(detExp(800)).toBe(Infinity);
    expect(detExp(-800)).toBe(0);
    expect(detExp(Number.NaN)).toBeNaN();
    expect(detExp(-Infinity)).toBe(0);
  });
});
