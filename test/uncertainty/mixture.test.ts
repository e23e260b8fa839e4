/**
 * The mixture distribution (issue 17, point 6): weighted components (weights summing to exactly 1), each draw picks
 * a component by its weight and draws from it; whole cents, deterministic; amounts in the run's unit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget, pm } from '../../src/index.js';
import { compileDistribution, validateDistribution, type DistributionSpec, type Sampler } from '../../src/uncertainty/distribution.js';
import { createRandom, randomForDraw } from '../../src/uncertainty/random.js';
import { distributionPoints, monteCarlo, tornado } from '../../src/uncertainty/index.js';
import { issuesOf, issuesOrNone } from '../helpers.js';
import { withCover } from '../../src/validate/with-cover.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 100;
const at = ['inputs', 0, 'distribution'] as const;
const codes = (spec: unknown): [string, string][] => validateDistribution(spec, at).map((i) => [i.code, i.path]);

function drawn(sampler: Sampler, n: number, seed: number | string = 1): Float64Array {
  const rng = createRandom(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sampler(rng);
  return out;
}

/** With 0,6 the post stays (PERT around -1.100), with 0,4 it is cut (uniform -500 to -300). */
const decision: DistributionSpec = {
  kind: 'mixture',
  components: [
    { weight: '0.6', distribution: { kind: 'pert', low: '-1500', likely: '-1100', high: '-900' } },
    { weight: '0.4', distribution: { kind: 'uniform', low: '-500', high: '-300' } },
  ],
};

describe('mixture', () => {
  it('picks each component by its weight: of 10.000 draws 60% within 1% come from the first; the mean within 1% of the weighted means', () => {
    const draws = drawn(compileDistribution(decision), 10_000, 2026);
    const first = draws.filter((x) => x <= -90_000).length / draws.length;
    expect(first).toBeGreaterThan(0.59);
    expect(first).toBeLessThan(0.61);
    // nothing between the components
    expect(draws.every((x) => x <= -90_000 || (x >= -50_000 && x <= -30_000))).toBe(true);
    // PERT mean (low + 4 likely + high) / 6 = -1.133,33; uniform mean -400: 0,6 x -1.133,33 + 0,4 x -400 = -840
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length / 100;
    expect(Math.abs(mean / -840 - 1)).toBeLessThan(0.01);
  });

  it('draws whole cents, the same for the same stream; a weight of 0 is never drawn; one component is that component', () => {
    const a = drawn(compileDistribution(decision), 500, 'x');
    expect(a.every((x) => Number.isSafeInteger(x))).toBe(true);
    expect([...drawn(compileDistribution(decision), 500, 'x')]).toEqual([...a]);
    const never = drawn(compileDistribution({ kind: 'mixture', components: [
      { weight: '0', distribution: { kind: 'fixed', value: '1' } },
      { weight: '1', distribution: { kind: 'fixed', value: '2' } },
      { weight: 0, distribution: { kind: 'fixed', value: '3' } },
    ] }), 2000);
    expect(new Set(never)).toEqual(new Set([200]));
    const alone = drawn(compileDistribution({ kind: 'mixture', components: [{ weight: 1, distribution: { kind: 'triangular', low: '0', likely: '1', high: '5' } }] }), 300, 4);
    expect(alone.every((x) => x >= 0 && x <= 500)).toBe(true);
  });

  it('is refused with a code at the bad field: weights not summing to exactly 1, a nested mixture, a bad component', () => {
    const uniform = { kind: 'uniform', low: '0', high: '1' };
    expect(codes({ kind: 'mixture', components: [{ weight: '0.3', distribution: uniform }, { weight: '0.6', distribution: uniform }] })).toEqual([['probabilities_not_one', 'inputs[0].distribution.components']]);
    // exactly 1: a difference of 1e-12 is refused (a discrete's tolerance does not apply)
    expect(codes({ kind: 'mixture', components: [{ weight: '0.3', distribution: uniform }, { weight: '0.700000000001', distribution: uniform }] })).toEqual([['probabilities_not_one', 'inputs[0].distribution.components']]);
    expect(codes({ kind: 'mixture', components: [] })).toEqual([['probabilities_not_one', 'inputs[0].distribution.components']]);
    expect(codes({ kind: 'mixture', components: [{ weight: '1', distribution: decision }] })).toEqual([['invalid_distribution', 'inputs[0].distribution.components[0].distribution.kind']]);
    expect(codes({ kind: 'mixture', components: [{ weight: '0.5', distribution: uniform }, { weight: '0.5', distribution: { kind: 'uniform', low: '5', high: '1' } }] })).toEqual([['low_above_high', 'inputs[0].distribution.components[1].distribution.low']]);
    expect(codes({ kind: 'mixture', components: [{ weight: '1.5', distribution: uniform }] })).toEqual([['invalid_amount', 'inputs[0].distribution.components[0].weight']]);
    expect(codes({ kind: 'mixture', components: [{ weight: '1' }] })).toEqual([['missing_field', 'inputs[0].distribution.components[0].distribution']]);
    expect(codes({ kind: 'mixture', components: [{ weight: '1', distribution: uniform, p: '1' }] })).toEqual([['unknown_field', 'inputs[0].distribution.components[0].p']]);
    expect(codes({ kind: 'mixture', components: 'x' })).toEqual([['invalid_type', 'inputs[0].distribution.components']]);
    expect(codes({ kind: 'mixture' })).toEqual([['missing_field', 'inputs[0].distribution.components']]);
  });

  it('in a run its components\' amounts are in the run\'s unit: the euro figures / 1000; finer than a cent is refused at the component', () => {
    const b = budget({ title: 't', unit: 'thousand', horizon: { from: 2026, to: 2027 } }).section('1', 'S').line('a', 'a', [pm, pm], { nature: 'structural' }).build();
    const inEuros: DistributionSpec = {
      kind: 'mixture',
      components: [
        { weight: '0.6', distribution: { kind: 'pert', low: '-1500000', likely: '-1100000', high: '-900000' } },
        { weight: '0.4', distribution: { kind: 'uniform', low: '-500000', high: '-300000' } },
      ],
    };
    const t = monteCarlo(b, { seed: 3, draws: 500, inputs: [{ id: 'a', kind: 'amount', rows: ['a'], distribution: decision }] });
    const e = monteCarlo(b, { seed: 3, draws: 500, unit: 'euro', inputs: [{ id: 'a', kind: 'amount', rows: ['a'], distribution: inEuros }] });
    for (const k of ['p5', 'p50', 'p95']) expect(t.saldo['2027']!.percentiles[k]!.times(1000).eq(e.saldo['2027']!.percentiles[k]!)).toBe(true);
    expect(t.saldo['2027']!.mean.times(1000).eq(e.saldo['2027']!.mean)).toBe(true);
    const fine: DistributionSpec = { kind: 'mixture', components: [{ weight: '1', distribution: { kind: 'uniform', low: '-1', high: '-0.000001' } }] };
    expect(issuesOf(() => monteCarlo(b, { draws: 1, inputs: [{ id: 'a', kind: 'amount', rows: ['a'], distribution: fine }] }))).toEqual([
      { code: 'too_many_decimals', path: 'inputs[0].distribution.components[0].distribution.high' },
    ]);
  });

  it('a capacity mixture below 0 is refused; the tornado holds a mixture at its weighted central', () => {
    const points = distributionPoints(decision);
    expect([points.low.toFixed(), points.central.toFixed(), points.high.toFixed()]).toEqual(['-1500', '-820', '-300']);
    const b = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2027 } }).section('1', 'S').line('a', 'a', [pm, pm], { nature: 'structural' }).build();
    const table = tornado(b, { year: 2027, measure: 'saldo', inputs: [{ id: 'a', kind: 'amount', rows: ['a'], distribution: decision }] });
    expect([table.baseline.toFixed(), table.rows[0]!.swing.toFixed()]).toEqual(['-820', '1200']);
    const covered = withCover(b, { sources: [{ id: 'du', title: 'DU', kind: 'oad', nature: 'structural', capacity: { perYear: [100, 100] } }], claims: [{ target: 'a', source: 'du' }] });
    const capacity = (distribution: DistributionSpec) => issuesOrNone(() => monteCarlo(covered, { draws: 10, inputs: [{ id: 'du', kind: 'capacity', source: 'du', distribution }] }));
    const negative: DistributionSpec = { kind: 'mixture', components: [{ weight: '0.5', distribution: { kind: 'fixed', value: '100' } }, { weight: '0.5', distribution: { kind: 'uniform', low: '-1', high: '5' } }] };
    expect(capacity(negative)).toEqual([{ code: 'negative_amount', path: 'inputs[0].distribution.components' }]);
    expect(capacity({ kind: 'mixture', components: [{ weight: '0.5', distribution: { kind: 'fixed', value: '100' } }, { weight: '0.5', distribution: { kind: 'uniform', low: '0', high: '5' } }] })).toEqual([]);
  });

  it('property: any components and weights summing to 1 give whole cents within the components\' bounds, for any seed', () => {
    const cents = fc.integer({ min: -(10 ** 12), max: 10 ** 12 });
    const component = fc.tuple(cents, cents, cents, fc.constantFrom('uniform', 'triangular', 'pert', 'fixed')).map(([a, b, c, kind]) => {
      const [low, likely, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      return { low, likely, high, kind };
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(component, fc.nat(1000)), { minLength: 1, maxLength: 5 }), fc.oneof(fc.maxSafeInteger(), fc.string({ maxLength: 8 })), (parts, s) => {
        const euros = (c: number): string => (c / 100).toFixed(2);
        // weights in thousandths, the last one takes the rest: exactly 1
        const total = parts.reduce((sum, [, w]) => sum + w, 0) || 1;
        const thousandths = parts.map(([, w]) => Math.floor((w * 1000) / total));
        thousandths[thousandths.length - 1] = 1000 - thousandths.slice(0, -1).reduce((a, b) => a + b, 0);
        const spec = {
          kind: 'mixture',
          components: parts.map(([c], i) => ({
            weight: (thousandths[i]! / 1000).toFixed(3),
            distribution:
              c.kind === 'fixed' ? { kind: 'fixed', value: euros(c.likely) } : c.kind === 'uniform' ? { kind: 'uniform', low: euros(c.low), high: euros(c.high) } : { kind: c.kind, low: euros(c.low), likely: euros(c.likely), high: euros(c.high) },
          })),
        } as DistributionSpec;
        const drawable = parts.filter((_, i) => thousandths[i]! > 0).map(([c]) => c);
        const low = Math.min(...drawable.map((c) => (c.kind === 'fixed' ? c.likely : c.low)));
        const high = Math.max(...drawable.map((c) => (c.kind === 'fixed' ? c.likely : c.high)));
        const sample = compileDistribution(spec);
        const rng = randomForDraw(s, 0);
        for (let k = 0; k < 20; k++) {
          const x = sample(rng);
          if (!Number.isSafeInteger(x) || x < low || x > high) return false;
        }
        return true;
      }),
      { numRuns },
    );
  });
});
