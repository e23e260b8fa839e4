import { describe, expect, it } from 'vitest';
import { MeerjarenError } from '../../src/core/errors.js';
import {
  compileDistribution,
  rateToPpm,
  roundHalfAwayFromZero,
  validateDistribution,
  type DistributionSpec,
  type Sampler,
} from '../../src/uncertainty/distribution.js';
import { createRandom, randomForDraw } from '../../src/uncertainty/random.js';

const at = ['inputs', 3, 'distribution'] as const;

function codes(spec: unknown, options: { unit?: 'euro' | 'rate' } = {}): [string, (string | number)[]][] {
  return validateDistribution(spec, at, options).map((i) => [i.code, [...i.pathSegments]]);
}

function draw(sampler: Sampler, n: number, seed: number | string = 1): Float64Array {
  const rng = createRandom(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sampler(rng);
  return out;
}

function meanAndVariance(values: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2;
  return { mean, variance: variance / values.length };
}

describe('validateDistribution', () => {
  it('accepts every kind in its documented form', () => {
    const valid: unknown[] = [
      { kind: 'fixed', value: '-2100' },
      { kind: 'fixed', value: 1083 },
      { kind: 'uniform', low: '-1100000', high: '0' },
      { kind: 'triangular', low: '10', likely: '10', high: '20.50' },
      { kind: 'pert', low: '10', likely: '15', high: '20', lambda: 6 },
      { kind: 'pert', low: '10', likely: '15', high: '20', lambda: '0' },
      { kind: 'normal', mean: '100', sd: '15', low: '0', high: '1000' },
      { kind: 'normal', mean: '100', sd: '0', low: '100', high: '100' },
      { kind: 'discrete', choices: [{ value: '0', p: 0.1 }, { value: '-234000', p: 0.2 }, { value: '1.50', p: '0.7' }] },
      { kind: 'discrete', choices: [{ value: 1, p: 1 / 3 }, { value: 2, p: 1 / 3 }, { value: 3, p: 1 / 3 }] },
    ];
    for (const spec of valid) expect(codes(spec)).toEqual([]);
    expect(codes({ kind: 'uniform', low: 0.25, high: 0.75 }, { unit: 'rate' })).toEqual([]);
  });

  it('invalid_distribution: not an object, no kind, or an unknown kind', () => {
    expect(codes(null)).toEqual([['invalid_distribution', [...at]]]);
    expect(codes([1, 2])).toEqual([['invalid_distribution', [...at]]]);
    expect(codes('uniform')).toEqual([['invalid_distribution', [...at]]]);
    expect(codes({ low: '1', high: '2' })).toEqual([['invalid_distribution', [...at, 'kind']]]);
    expect(codes({ kind: 'gamma', mean: '1' })).toEqual([['invalid_distribution', [...at, 'kind']]]);
  });

  it('low_above_high: low > high at low, likely outside [low, high] at likely', () => {
    expect(codes({ kind: 'uniform', low: '10', high: '5' })).toEqual([['low_above_high', [...at, 'low']]]);
    expect(codes({ kind: 'triangular', low: '10', likely: '12', high: '5' })).toEqual([['low_above_high', [...at, 'low']]]);
    expect(codes({ kind: 'triangular', low: '0', likely: '25', high: '20' })).toEqual([['low_above_high', [...at, 'likely']]]);
    expect(codes({ kind: 'pert', low: '0', likely: '-0.01', high: '20' })).toEqual([['low_above_high', [...at, 'likely']]]);
    expect(codes({ kind: 'normal', mean: '0', sd: '1', low: '2', high: '1' })).toEqual([['low_above_high', [...at, 'low']]]);
    expect(codes({ kind: 'normal', mean: '5', sd: '0', low: '0', high: '1' })).toEqual([['low_above_high', [...at, 'mean']]]);
  });

  it('negative_sd', () => {
    expect(codes({ kind: 'normal', mean: '0', sd: '-1', low: '-5', high: '5' })).toEqual([['negative_sd', [...at, 'sd']]]);
  });

  it('probabilities_not_one at choices, with a tolerance of 1e-9', () => {
    expect(codes({ kind: 'discrete', choices: [{ value: '1', p: '0.5' }, { value: '2', p: '0.4' }] })).toEqual([
      ['probabilities_not_one', [...at, 'choices']],
    ]);
    expect(codes({ kind: 'discrete', choices: [] })).toEqual([['probabilities_not_one', [...at, 'choices']]]);
    expect(codes({ kind: 'discrete', choices: [{ value: '1', p: '0.5' }, { value: '2', p: '0.500000001' }] })).toEqual([]);
    expect(codes({ kind: 'discrete', choices: [{ value: '1', p: '0.5' }, { value: '2', p: '0.50000001' }] })).toEqual([
      ['probabilities_not_one', [...at, 'choices']],
    ]);
  });

  it('invalid_amount for bad numbers, at the field', () => {
    for (const bad of ['abc', '1e5', ' 12', '1,5', '+3', '', '.5', '5.', '0x10', 12.5, Number.NaN, Infinity, null, true, {}, [1]]) {
      expect(codes({ kind: 'uniform', low: '0', high: bad })).toEqual([['invalid_amount', [...at, 'high']]]);
    }
    expect(codes({ kind: 'fixed', value: 2 ** 53 })).toEqual([['invalid_amount', [...at, 'value']]]);
  });

  it('rates accept finite JSON numbers; amounts only safe integers', () => {
    expect(codes({ kind: 'fixed', value: 0.5 })).toEqual([['invalid_amount', [...at, 'value']]]);
    expect(codes({ kind: 'fixed', value: 0.5 }, { unit: 'rate' })).toEqual([]);
    expect(codes({ kind: 'fixed', value: 1e-7 }, { unit: 'rate' })).toEqual([]);
    expect(codes({ kind: 'fixed', value: Infinity }, { unit: 'rate' })).toEqual([['invalid_amount', [...at, 'value']]]);
  });

  it('amount_out_of_range beyond 10^13 euros, 6 decimals, or a rate beyond 10^9', () => {
    expect(codes({ kind: 'fixed', value: '10000000000000' })).toEqual([]);
    expect(codes({ kind: 'fixed', value: '-10000000000000.000001' })).toEqual([['amount_out_of_range', [...at, 'value']]]);
    expect(codes({ kind: 'fixed', value: '0.1234567' })).toEqual([['amount_out_of_range', [...at, 'value']]]);
    expect(codes({ kind: 'fixed', value: '0.1234567' }, { unit: 'rate' })).toEqual([]);
    expect(codes({ kind: 'fixed', value: '1000000001' }, { unit: 'rate' })).toEqual([['amount_out_of_range', [...at, 'value']]]);
  });

  it('missing_field and unknown_field', () => {
    expect(codes({ kind: 'uniform', low: '0' })).toEqual([['missing_field', [...at, 'high']]]);
    expect(codes({ kind: 'uniform', low: '0', hihg: '5', high: '5' })).toEqual([['unknown_field', [...at, 'hihg']]]);
    expect(codes({ kind: 'triangular', low: '0', likely: '1', high: '2', lambda: 4 })).toEqual([['unknown_field', [...at, 'lambda']]]);
    expect(codes({ kind: 'discrete' })).toEqual([['missing_field', [...at, 'choices']]]);
    expect(codes({ kind: 'normal', mean: '0', sd: '1' })).toEqual([
      ['missing_field', [...at, 'low']],
      ['missing_field', [...at, 'high']],
    ]);
  });

  it('PERT lambda must be a number from 0 to 10^6', () => {
    expect(codes({ kind: 'pert', low: '0', likely: '1', high: '2', lambda: -1 })).toEqual([['invalid_amount', [...at, 'lambda']]]);
    expect(codes({ kind: 'pert', low: '0', likely: '1', high: '2', lambda: 1e7 })).toEqual([['invalid_amount', [...at, 'lambda']]]);
    expect(codes({ kind: 'pert', low: '0', likely: '1', high: '2', lambda: 'four' })).toEqual([['invalid_amount', [...at, 'lambda']]]);
  });

  it('discrete choices: shape, probabilities in [0, 1], values', () => {
    expect(codes({ kind: 'discrete', choices: 'a' })).toEqual([['invalid_type', [...at, 'choices']]]);
    expect(codes({ kind: 'discrete', choices: [{ value: '1', p: 1 }, 7] })).toEqual([['invalid_type', [...at, 'choices', 1]]]);
    expect(codes({ kind: 'discrete', choices: [{ value: '1', p: -0.5 }, { value: '2', p: 1.5 }] })).toEqual([
      ['invalid_amount', [...at, 'choices', 0, 'p']],
      ['invalid_amount', [...at, 'choices', 1, 'p']],
    ]);
    expect(codes({ kind: 'discrete', choices: [{ value: 'x', p: 1, q: 2 }] })).toEqual([
      ['unknown_field', [...at, 'choices', 0, 'q']],
      ['invalid_amount', [...at, 'choices', 0, 'value']],
    ]);
  });

  it('reports every problem at once', () => {
    expect(codes({ kind: 'pert', low: '10', likely: 'x', high: '5', lambda: -1, extra: true })).toEqual([
      ['unknown_field', [...at, 'extra']],
      ['invalid_amount', [...at, 'likely']],
      ['invalid_amount', [...at, 'lambda']],
      ['low_above_high', [...at, 'low']],
    ]);
  });

  it('path defaults to the spec itself; the issues are frozen', () => {
    const issues = validateDistribution({ kind: 'uniform', low: '2', high: '1' });
    expect(issues.map((i) => i.path)).toEqual(['low']);
    expect(Object.isFrozen(issues)).toBe(true);
  });
});

describe('compileDistribution', () => {
  it('throws a MeerjarenError carrying every issue, under the given path', () => {
    let caught: unknown;
    try {
      compileDistribution({ kind: 'normal', mean: 'x', sd: '-1', low: '1', high: '0' } as DistributionSpec, { path: at });
    } catch (error) {
      caught = error;
    }
    expect(MeerjarenError.is(caught)).toBe(true);
    expect((caught as MeerjarenError).issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_amount', 'inputs[3].distribution.mean'],
      ['negative_sd', 'inputs[3].distribution.sd'],
      ['low_above_high', 'inputs[3].distribution.low'],
    ]);
  });

  it('fixed gives the value exactly, in cents, rounded half away from zero', () => {
    const rng = createRandom(1);
    expect(compileDistribution({ kind: 'fixed', value: '1234.56' })(rng)).toBe(123456);
    expect(compileDistribution({ kind: 'fixed', value: '-2100' })(rng)).toBe(-210000);
    expect(compileDistribution({ kind: 'fixed', value: 10_000_000_000_000 })(rng)).toBe(1e15);
    expect(compileDistribution({ kind: 'fixed', value: '0.005' })(rng)).toBe(1);
    expect(compileDistribution({ kind: 'fixed', value: '-0.005' })(rng)).toBe(-1);
    expect(Object.is(compileDistribution({ kind: 'fixed', value: '-0.004' })(rng), 0)).toBe(true);
    expect(compileDistribution({ kind: 'fixed', value: '0.004' }, { roundTo: 'none' })(rng)).toBe(0.4);
    expect(compileDistribution({ kind: 'fixed', value: '0.5' }, { unit: 'rate' })(rng)).toBe(0.5);
  });

  it('fixed draws consume no random numbers', () => {
    const rng = createRandom(3);
    compileDistribution({ kind: 'fixed', value: '1' })(rng);
    expect(rng.nextUint32()).toBe(createRandom(3).nextUint32());
  });

  it('known answers: first draws of each kind (a change here changes Monte Carlo results)', () => {
    const rng = randomForDraw(2026, 0);
    const first3 = (spec: DistributionSpec): number[] => {
      const sample = compileDistribution(spec);
      rng.resetForDraw(0);
      return [sample(rng), sample(rng), sample(rng)];
    };
    expect(first3({ kind: 'uniform', low: '-1100000', high: '0' })).toEqual([-49078317, -55799976, -38391586]);
    expect(first3({ kind: 'triangular', low: '-1100000', likely: '-800000', high: '0' })).toEqual([-62659918, -66813158, -55419553]);
    expect(first3({ kind: 'pert', low: '-1100000', likely: '-800000', high: '0' })).toEqual([-18868755, -87934695, -57912143]);
    expect(first3({ kind: 'normal', mean: '500000', sd: '100000', low: '250000', high: '750000' })).toEqual([54728462, 46203480, 43971269]);
    expect(first3({ kind: 'normal', mean: '0', sd: '1000', low: '3000', high: '4000' })).toEqual([322960, 319450, 329520]);
    expect(first3({ kind: 'discrete', choices: [{ value: '0', p: '0.5' }, { value: '-234000', p: '0.5' }] })).toEqual([-23400000, 0, -23400000]);
    const rate = compileDistribution({ kind: 'pert', low: '0.3', likely: '0.6', high: '0.9' }, { unit: 'rate' });
    rng.resetForDraw(0);
    expect([rate(rng), rate(rng)]).toEqual([0.83711925737574, 0.5125362543702399]);
  });

  it('rounded amount draws are whole cents; unrounded ones are the same draws before rounding', () => {
    const spec: DistributionSpec = { kind: 'uniform', low: '-1000', high: '1000.37' };
    const rounded = draw(compileDistribution(spec), 10_000, 4);
    const raw = draw(compileDistribution(spec, { roundTo: 'none' }), 10_000, 4);
    let fractional = 0;
    let mismatches = 0;
    for (let i = 0; i < raw.length; i++) {
      if (!Number.isSafeInteger(rounded[i]) || rounded[i] !== roundHalfAwayFromZero(raw[i]!)) mismatches++;
      if (!Number.isInteger(raw[i])) fractional++;
    }
    expect(mismatches).toBe(0);
    expect(fractional).toBeGreaterThan(9_900);
  });

  it('uniform: within bounds, mean and variance about right', () => {
    const values = draw(compileDistribution({ kind: 'uniform', low: '-500', high: '1500' }), 50_000, 5);
    const { mean, variance } = meanAndVariance(values);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-50_000);
    expect(Math.max(...values)).toBeLessThanOrEqual(150_000);
    expect(Math.abs(mean - 50_000)).toBeLessThan(1_000);
    expect(Math.abs(variance / (200_000 ** 2 / 12) - 1)).toBeLessThan(0.03);
  });

  it('triangular and PERT: means (low + likely + high)/3 and (low + 4 likely + high)/6', () => {
    const triangular = meanAndVariance(draw(compileDistribution({ kind: 'triangular', low: '0', likely: '200', high: '1000' }), 50_000, 6));
    expect(Math.abs(triangular.mean - 40_000)).toBeLessThan(500);
    const pert = meanAndVariance(draw(compileDistribution({ kind: 'pert', low: '0', likely: '200', high: '1000' }), 50_000, 7));
    expect(Math.abs(pert.mean - 30_000)).toBeLessThan(500);
    // PERT variance: (mean - low)(high - mean)/(lambda + 3) = 300 * 700 / 7 euros^2
    expect(Math.abs(pert.variance / (30_000 * 70_000 / 7) - 1)).toBeLessThan(0.05);
    const wide = meanAndVariance(draw(compileDistribution({ kind: 'pert', low: '0', likely: '200', high: '1000', lambda: 0 }), 50_000, 8));
    expect(Math.abs(wide.mean - 50_000)).toBeLessThan(1_000); // lambda 0 is uniform
  });

  it('degenerate ranges give the value itself', () => {
    const rng = createRandom(1);
    for (const spec of [
      { kind: 'uniform', low: '7.77', high: '7.77' },
      { kind: 'triangular', low: '7.77', likely: '7.77', high: '7.77' },
      { kind: 'pert', low: '7.77', likely: '7.77', high: '7.77' },
      { kind: 'normal', mean: '7.77', sd: '0', low: '0', high: '10' },
      { kind: 'normal', mean: '0', sd: '3', low: '7.77', high: '7.77' },
    ] as DistributionSpec[]) {
      expect(compileDistribution(spec)(rng)).toBe(777);
    }
  });

  it('discrete: frequencies near their probabilities, values exact, zero probabilities never drawn', () => {
    const sample = compileDistribution({
      kind: 'discrete',
      choices: [
        { value: '-234000', p: '0.2' },
        { value: '99.99', p: 0 },
        { value: '0', p: '0.3' },
        { value: '1083.5', p: '0.5' },
      ],
    });
    const values = draw(sample, 50_000, 9);
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-23_400_000, 0, 108_350]);
    expect(Math.abs(counts.get(-23_400_000)! / 50_000 - 0.2)).toBeLessThan(0.01);
    expect(Math.abs(counts.get(0)! / 50_000 - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(counts.get(108_350)! / 50_000 - 0.5)).toBeLessThan(0.01);
  });

  it('normal: truncated to [low, high], symmetric mean, and the right tail shape', () => {
    const symmetric = draw(compileDistribution({ kind: 'normal', mean: '100', sd: '50', low: '0', high: '200' }), 50_000, 10);
    expect(Math.min(...symmetric)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...symmetric)).toBeLessThanOrEqual(20_000);
    expect(Math.abs(meanAndVariance(symmetric).mean - 10_000)).toBeLessThan(100);

    // mass 0.13% (inverse CDF): mean of Z truncated to [3, 4] is (phi(3) - phi(4))/(Phi(4) - Phi(3)) = 3.2606
    const tail = draw(compileDistribution({ kind: 'normal', mean: '0', sd: '1', low: '3', high: '4' }, { roundTo: 'none' }), 20_000, 11);
    expect(Math.min(...tail)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...tail)).toBeLessThanOrEqual(400);
    expect(Math.abs(meanAndVariance(tail).mean - 326.06)).toBeLessThan(0.5);

    // the lower tail mirrors it
    const lower = draw(compileDistribution({ kind: 'normal', mean: '0', sd: '1', low: '-4', high: '-3' }, { roundTo: 'none' }), 20_000, 11);
    expect(Math.abs(meanAndVariance(lower).mean + 326.06)).toBeLessThan(0.5);

    // 50 sd out the mass underflows: the exponential tail, mean about 50 + 1/50
    const deep = draw(compileDistribution({ kind: 'normal', mean: '0', sd: '1', low: '50', high: '51' }, { roundTo: 'none' }), 20_000, 12);
    expect(Math.min(...deep)).toBeGreaterThanOrEqual(5_000);
    expect(Math.abs(meanAndVariance(deep).mean - 5_002)).toBeLessThan(0.1);

    // a window too narrow for rejection: nearly uniform on it
    const narrow = draw(compileDistribution({ kind: 'normal', mean: '0', sd: '1000', low: '-1', high: '1' }, { roundTo: 'none' }), 20_000, 13);
    expect(Math.min(...narrow)).toBeGreaterThanOrEqual(-100);
    expect(Math.max(...narrow)).toBeLessThanOrEqual(100);
    expect(Math.abs(meanAndVariance(narrow).variance / (200 ** 2 / 12) - 1)).toBeLessThan(0.05);
  });

  it('rate distributions return unitless floats', () => {
    const values = draw(compileDistribution({ kind: 'uniform', low: '0.4', high: '0.8' }, { unit: 'rate' }), 10_000, 14);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0.4);
    expect(Math.max(...values)).toBeLessThanOrEqual(0.8);
    expect(Math.abs(meanAndVariance(values).mean - 0.6)).toBeLessThan(0.01);
  });

  it('the same rng state gives the same draw', () => {
    const sample = compileDistribution({ kind: 'pert', low: '0', likely: '5', high: '10' });
    const a = draw(sample, 100, 'same');
    const b = draw(sample, 100, 'same');
    expect(a).toEqual(b);
  });
});

describe('exact rounding', () => {
  it('roundHalfAwayFromZero', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(1.4999999999999998)).toBe(1);
    expect(roundHalfAwayFromZero(0.49999999999999994)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
    expect(roundHalfAwayFromZero(2 ** 52 + 1)).toBe(2 ** 52 + 1);
    expect(roundHalfAwayFromZero(-123456.5)).toBe(-123457);
  });

  it('rateToPpm rounds the exact value of the float half-up', () => {
    expect(rateToPpm(0.5)).toBe(500_000);
    expect(rateToPpm(0.1)).toBe(100_000);
    expect(rateToPpm(-0.25)).toBe(-250_000);
    expect(rateToPpm(0.0000025)).toBe(3); // 2.5e-6 is stored as 2.50000000000000020...e-6
    expect(rateToPpm(5e-7)).toBe(0); // 5e-7 is stored as 4.99999999999999977...e-7, below half a ppm
    expect(rateToPpm(1.5e-6)).toBe(2); // stored as 1.50000000000000003...e-6
    expect(rateToPpm(0.0000005000000000000001)).toBe(1);
    expect(rateToPpm(1e9)).toBe(1e15);
    expect(Object.is(rateToPpm(-0), 0)).toBe(true);
    expect(Object.is(rateToPpm(-1e-9), 0)).toBe(true);
  });

  it('rateToPpm refuses what has no safe ppm', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, 1e9 + 1]) {
      expect(() => rateToPpm(bad)).toThrow(MeerjarenError);
    }
  });
});
