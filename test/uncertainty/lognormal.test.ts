/**
 * The lognormal distribution (issue 17, point 6): stated by its median and p90, truncated to [low, high], for costs
 * (negative amounts) and for revenues and rates (positive ones); deterministic draws of whole cents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget, pm } from '../../src/index.js';
import { compileDistribution, validateDistribution, type DistributionSpec, type Sampler } from '../../src/uncertainty/distribution.js';
import { createRandom, randomForDraw } from '../../src/uncertainty/random.js';
import { distributionPoints, monteCarlo } from '../../src/uncertainty/index.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 100;
const at = ['inputs', 0, 'distribution'] as const;
const codes = (spec: unknown, unit: 'euro' | 'rate' = 'euro'): [string, string][] => validateDistribution(spec, at, { unit }).map((i) => [i.code, i.path]);

function sorted(sampler: Sampler, n: number, seed: number | string = 1): Float64Array {
  const rng = createRandom(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sampler(rng);
  return out.sort();
}
const mean = (values: Float64Array): number => values.reduce((s, v) => s + v, 0) / values.length;

/** The 90th percentile of the standard normal, as the kind states it. */
const Z90 = 1.2815515655446004;

describe('lognormal', () => {
  it('is stated by its median and p90: 10.000 draws have their median within 3% and their p90 within 4% of them', () => {
    // a revenue of most likely € 1.000, in 1 of 10 cases above € 2.000
    const draws = sorted(compileDistribution({ kind: 'lognormal', median: '1000', p90: '2000', low: '0', high: '1000000' }), 10_000, 2026);
    expect(draws[5000]! / 100).toBeGreaterThan(970);
    expect(draws[5000]! / 100).toBeLessThan(1030);
    expect(draws[9000]! / 100).toBeGreaterThan(1920);
    expect(draws[9000]! / 100).toBeLessThan(2080);
    // the mean of a lognormal is median x e^(sigma^2 / 2): 1.157,5 here, within 3%
    const sigma = Math.log(2) / Z90;
    expect(Math.abs(mean(draws) / 100 / (1000 * Math.exp((sigma * sigma) / 2)) - 1)).toBeLessThan(0.03);
  });

  it('for a cost the tail is on the side of higher costs: median -1100, p90 -1600 costs more than 1.600 in 1 of 10 draws', () => {
    const draws = sorted(compileDistribution({ kind: 'lognormal', median: '-1100', p90: '-1600', low: '-100000', high: '0' }), 10_000, 7);
    // ascending: the costliest tenth comes first
    expect(draws[1000]! / 100).toBeGreaterThan(-1600 * 1.04);
    expect(draws[1000]! / 100).toBeLessThan(-1600 * 0.96);
    expect(draws[5000]! / 100).toBeGreaterThan(-1100 * 1.03);
    expect(draws[5000]! / 100).toBeLessThan(-1100 * 0.97);
    expect(draws.every((x) => x < 0)).toBe(true);
  });

  it('draws whole cents within [low, high], the same on every run; a p90 equal to the median draws the median', () => {
    const spec: DistributionSpec = { kind: 'lognormal', median: '250.50', p90: '400', low: '200', high: '300' };
    const a = sorted(compileDistribution(spec), 2000, 'x');
    expect(a.every((x) => Number.isSafeInteger(x) && x >= 20_000 && x <= 30_000)).toBe(true);
    expect([...sorted(compileDistribution(spec), 2000, 'x')]).toEqual([...a]);
    expect(new Set(sorted(compileDistribution({ kind: 'lognormal', median: '-3.21', p90: '-3.21', low: '-10', high: '0' }), 50))).toEqual(new Set([-321]));
    // the raw draws (roundTo 'none') are not all whole: the cents come from the one rounding rule
    expect(sorted(compileDistribution(spec, { roundTo: 'none' }), 100).some((x) => !Number.isInteger(x))).toBe(true);
  });

  it('as a rate: an index of most likely 2%, 1 in 10 above 4%', () => {
    const draws = sorted(compileDistribution({ kind: 'lognormal', median: '0.02', p90: '0.04', low: '0', high: '0.2' }, { unit: 'rate' }), 10_000, 3);
    expect(draws[5000]!).toBeGreaterThan(0.0194);
    expect(draws[5000]!).toBeLessThan(0.0206);
    expect(draws[9999]!).toBeLessThanOrEqual(0.2);
  });

  it('is refused with a code at the bad field', () => {
    expect(codes({ kind: 'lognormal', median: '0', p90: '1', low: '0', high: '1' })).toEqual([['invalid_amount', 'inputs[0].distribution.median']]);
    expect(codes({ kind: 'lognormal', median: '10', p90: '-20', low: '0', high: '100' })).toEqual([['invalid_amount', 'inputs[0].distribution.p90']]);
    expect(codes({ kind: 'lognormal', median: '10', p90: '5', low: '0', high: '100' })).toEqual([['low_above_high', 'inputs[0].distribution.p90']]);
    expect(codes({ kind: 'lognormal', median: '-10', p90: '-5', low: '-100', high: '0' })).toEqual([['low_above_high', 'inputs[0].distribution.p90']]);
    expect(codes({ kind: 'lognormal', median: '200', p90: '300', low: '0', high: '100' })).toEqual([['low_above_high', 'inputs[0].distribution.median']]);
    expect(codes({ kind: 'lognormal', median: '10', p90: '30', low: '100', high: '0' })).toEqual([['low_above_high', 'inputs[0].distribution.low']]);
    expect(codes({ kind: 'lognormal', median: '10', p90: '30', low: '0' })).toEqual([['missing_field', 'inputs[0].distribution.high']]);
    expect(codes({ kind: 'lognormal', median: '10', p90: '30', low: '0', high: '100', sd: '1' })).toEqual([['unknown_field', 'inputs[0].distribution.sd']]);
  });

  it('in a run: amounts in the document\'s unit, the tornado holds it at its median', () => {
    const b = budget({ title: 't', unit: 'thousand', horizon: { from: 2026, to: 2027 } }).section('1', 'S').line('a', 'a', [pm, pm], { nature: 'structural' }).build();
    const run = monteCarlo(b, { seed: 1, draws: 4000, inputs: [{ id: 'a', kind: 'amount', rows: ['a'], distribution: { kind: 'lognormal', median: '-1100', p90: '-1600', low: '-5000', high: '0' } }] });
    const p50 = run.saldo['2027']!.percentiles['p50']!.toNumber();
    expect(p50).toBeGreaterThan(-1100 * 1.04);
    expect(p50).toBeLessThan(-1100 * 0.96);
    expect(distributionPoints({ kind: 'lognormal', median: '-1100', p90: '-1600', low: '-5000', high: '0' }).central.toFixed()).toBe('-1100');
  });

  it('property: any median, p90 and bounds around the median give whole cents within [low, high], for any seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.boolean(),
        fc.oneof(fc.maxSafeInteger(), fc.string({ maxLength: 8 })),
        (median, spreadPerMille, below, above, cost, s) => {
          const sign = cost ? -1 : 1;
          const p90 = median + Math.floor((median * spreadPerMille) / 1000);
          const [low, high] = cost ? [-(median + above), -median + below] : [median - below, median + above];
          const euros = (cents: number): string => (cents / 100).toFixed(2);
          const sample = compileDistribution({ kind: 'lognormal', median: euros(sign * median), p90: euros(sign * p90), low: euros(low), high: euros(high) });
          const rng = randomForDraw(s, 0);
          for (let k = 0; k < 20; k++) {
            const x = sample(rng);
            if (!Number.isSafeInteger(x) || x < low || x > high) return false;
          }
          return true;
        },
      ),
      { numRuns },
    );
  });
});
