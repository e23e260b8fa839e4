import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { budget, evaluate, pm } from '../../src/index.js';
import { monteCarlo, type UncertainInput } from '../../src/uncertainty/index.js';
import { closeWorkerPools, monteCarloAsync } from '../../src/parallel.js';
import { issuesOf, seedBudget } from '../helpers.js';

const seed000 = seedBudget('seed000-tb1.json');
const hasWorker = existsSync(fileURLToPath(new URL('../../dist/worker.js', import.meta.url)));

const small = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2028 } })
  .section('1', 'S')
  .line('a', 'a', ['10.25', pm, 5], { nature: 'structural' })
  .line('b', 'b', [-3, -3, '-0.5'], { nature: 'incidental' })
  .line('c', 'c', [100, 100, 100], { nature: 'structural' })
  .build();

// seed 000 is written x € 1.000: so are the ranges and the results
const pmRanges: UncertainInput[] = [
  { id: '1.4', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' } },
  { id: '1.6', kind: 'amount', rows: ['1.6'], distribution: { kind: 'uniform', low: '-1000', high: '-400' } },
  { id: '1.8', kind: 'amount', rows: ['1.8'], distribution: { kind: 'pert', low: '-300', likely: '-100', high: '0' } },
];

afterAll(() => closeWorkerPools());

describe('monteCarlo', () => {
  it('a fixed distribution gives the deterministic result', () => {
    const result = monteCarlo(small, { draws: 20, inputs: [{ id: 'pm', kind: 'amount', rows: ['a'], distribution: { kind: 'fixed', value: '-7.5' } }] });
    const expected = evaluate(
      budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2028 } })
        .section('1', 'S')
        .line('a', 'a', ['10.25', '-7.5', 5], { nature: 'structural' })
        .line('b', 'b', [-3, -3, '-0.5'], { nature: 'incidental' })
        .line('c', 'c', [100, 100, 100], { nature: 'structural' })
        .build(),
    );
    for (const year of result.years) {
      const s = result.saldo[year]!;
      for (const v of [s.mean, s.min, s.max, ...Object.values(s.percentiles)]) expect(v.toFixed()).toBe(expected.total[year]!.amount.toFixed());
      expect(result.structural[year]!.percentiles['p50']!.toFixed()).toBe(expected.total[year]!.structural.toFixed());
    }
  });

  it('draws the pm posts of seed 000 as ranges: P5 <= P50 <= P95, and 2025 (no pm) stays -609 (x € 1.000)', () => {
    const result = monteCarlo(seed000, { draws: 2000, seed: 42, inputs: pmRanges });
    expect(result.unit).toBe('thousand');
    expect(result.saldo['2025']!.percentiles['p50']!.toFixed()).toBe('-609');
    for (const year of result.years) {
      const p = result.saldo[year]!.percentiles;
      expect(p['p5']!.lte(p['p50']!)).toBe(true);
      expect(p['p50']!.lte(p['p95']!)).toBe(true);
      expect(p['p5']!.decimalPlaces()).toBeLessThanOrEqual(5); // whole cents, x € 1.000
    }
    expect(result.saldo['2027']!.percentiles['p5']!.lt(result.saldo['2027']!.percentiles['p95']!)).toBe(true);
  });

  it('the same seed gives the same result; another seed another', () => {
    const a = monteCarlo(seed000, { draws: 500, seed: 'tb1', inputs: pmRanges });
    const b = monteCarlo(seed000, { draws: 500, seed: 'tb1', inputs: pmRanges });
    const c = monteCarlo(seed000, { draws: 500, seed: 'tb2', inputs: pmRanges });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('common random numbers: adding an input leaves the draws of the others unchanged', () => {
    const target = [{ id: 'l14', lines: ['1.4'] }];
    const a = monteCarlo(seed000, { draws: 300, seed: 1, inputs: pmRanges.slice(0, 1), targets: target });
    const b = monteCarlo(seed000, { draws: 300, seed: 1, inputs: pmRanges, targets: target });
    expect(JSON.stringify(a.targets)).toBe(JSON.stringify(b.targets));
  });

  it('a correlated group draws the same numbers', () => {
    const dist = { kind: 'uniform', low: '0', high: '1000' } as const;
    const result = monteCarlo(small, {
      draws: 300,
      inputs: [
        { id: 'x', kind: 'amount', rows: ['a'], years: [2027], distribution: dist, group: 'g' },
        { id: 'y', kind: 'amount', rows: ['b'], years: [2027], distribution: dist, group: 'g' },
      ],
      targets: [
        { id: 'a', lines: ['a'] },
        { id: 'b', lines: ['b'] },
      ],
    });
    expect(JSON.stringify(result.targets[0]!.total['2027'])).toBe(JSON.stringify(result.targets[1]!.total['2027']));
    expect(result.targets[0]!.total['2027']!.min.lt(result.targets[0]!.total['2027']!.max)).toBe(true);
  });

  it('realisation rates and indexation meet amounts at one rounding point (mode a setting)', () => {
    const half = { id: 'r', kind: 'realisation', rows: ['a'], years: [2026], distribution: { kind: 'fixed', value: '0.5' } } as const;
    const up = monteCarlo(small, { draws: 1, inputs: [half], targets: [{ id: 'a', lines: ['a'] }] });
    const even = monteCarlo(small, { draws: 1, inputs: [half], targets: [{ id: 'a', lines: ['a'] }], rounding: 'half-even' });
    expect(up.targets[0]!.total['2026']!.mean.toFixed()).toBe('5.13');
    expect(even.targets[0]!.total['2026']!.mean.toFixed()).toBe('5.12');
    const index = monteCarlo(small, { draws: 1, inputs: [{ id: 'i', kind: 'indexation', rows: ['c'], distribution: { kind: 'fixed', value: '0.025' } }], targets: [{ id: 'c', lines: ['c'] }] });
    expect(index.targets[0]!.total['2026']!.mean.toFixed()).toBe('100');
    expect(index.targets[0]!.total['2027']!.mean.toFixed()).toBe('102.5');
    expect(index.targets[0]!.total['2028']!.mean.toFixed()).toBe('105.06');
  });

  it('gives the probability of structural balance and of meeting a target', () => {
    const result = monteCarlo(small, {
      draws: 1000,
      inputs: [{ id: 'pm', kind: 'amount', rows: ['a'], distribution: { kind: 'discrete', choices: [{ value: '-200', p: '0.25' }, { value: '0', p: '0.75' }] } }],
      targets: [{ id: 'a', lines: ['a'], minimum: { '2027': '-100' } }],
    });
    expect(result.probabilityStructurallyBalanced['2026']).toBe(1);
    const p = result.probabilityStructurallyBalanced['2027']!;
    expect(p).toBeGreaterThan(0.65);
    expect(p).toBeLessThan(0.85);
    expect(result.targets[0]!.probabilityMet['2027']).toBe(p);
    expect(result.targets[0]!.gap['2027']!.max.toFixed()).toBe('100');
  });

  it('reports bad input with codes and paths, all at once', () => {
    const issues = issuesOf(() =>
      monteCarlo(small, {
        draws: 0,
        inputs: [
          { id: 'u', kind: 'amount', rows: ['a'], distribution: { kind: 'uniform', low: '10', high: '5' } },
          { id: 'd', kind: 'amount', rows: ['a'], distribution: { kind: 'discrete', choices: [{ value: '1', p: '0.5' }, { value: '2', p: '0.4' }] } },
          { id: 'n', kind: 'amount', rows: ['nope'], distribution: { kind: 'normal', mean: '0', sd: '-1', low: '-5', high: '5' } },
        ],
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { code: 'invalid_option', path: 'options.draws' },
        { code: 'low_above_high', path: 'inputs[0].distribution.low' },
        { code: 'probabilities_not_one', path: 'inputs[1].distribution.choices' },
        { code: 'negative_sd', path: 'inputs[2].distribution.sd' },
        { code: 'unknown_reference', path: 'inputs[2].rows[0]' },
      ]),
    );
  });

  it('reports a malformed distribution as an issue, not a crash', () => {
    const small = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2027 } }).section('1', 'S').line('a', 'a', [100, 100], { nature: 'structural' }).build();
    const issues = issuesOf(() =>
      monteCarlo(small, {
        inputs: [
          { id: 'd', kind: 'amount', rows: ['a'], distribution: { kind: 'discrete' } as never },
          { id: 'e', kind: 'realisation', rows: ['a'], distribution: undefined as never },
        ],
      }),
    );
    expect(issues).toEqual([
      { code: 'missing_field', path: 'inputs[0].distribution.choices' },
      { code: 'invalid_distribution', path: 'inputs[1].distribution' },
    ]);
  });

  it.skipIf(!hasWorker)('gives identical results on 1 and 2 workers (needs dist/worker.js)', async () => {
    const options = { draws: 3000, seed: 9, inputs: pmRanges, parallelThreshold: 0 };
    const one = monteCarlo(seed000, options);
    const two = await monteCarloAsync(seed000, { ...options, workers: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
