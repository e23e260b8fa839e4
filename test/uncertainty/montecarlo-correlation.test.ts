import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compareMonteCarlo, monteCarlo, tornado, type MonteCarloOptions, type UncertainInput } from '../../src/uncertainty/index.js';
import { closeWorkerPools, monteCarloAsync } from '../../src/parallel.js';
import { choleskyFactor, imanConoverOrder, normalQuantile, scoreCorrelation } from '../../src/uncertainty/montecarlo/rank-correlation.js';
import { issuesOf } from '../helpers.js';
import { amountInput, lineColumns, linesBudget, sorted, spearman } from './montecarlo-correlation-helpers.js';

const hasWorker = existsSync(fileURLToPath(new URL('../../dist/worker.js', import.meta.url)));
afterAll(() => closeWorkerPools());

const b3 = linesBudget(3);
const inputs: UncertainInput[] = [
  amountInput(0, { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' }),
  amountInput(1, { kind: 'uniform', low: '-1000', high: '-400' }),
  amountInput(2, { kind: 'pert', low: '-300', likely: '-100', high: '0' }),
];
const ids = inputs.map((i) => i.id);
const matrix = [
  [1, 0.7, -0.4],
  [0.7, 1, 0],
  [-0.4, 0, 1],
];
const options: MonteCarloOptions = { draws: 4000, seed: 17, inputs, percentiles: [10, 50, 90], correlation: { inputs: ids, matrix } };
const independent: MonteCarloOptions = { draws: 4000, seed: 17, inputs, percentiles: [10, 50, 90] };

describe('rank correlation of a Monte Carlo run', () => {
  it('gives the requested rank correlations (4000 draws, within 0.05), also a negative one and a zero one', () => {
    const columns = lineColumns(b3, 3, options);
    expect(spearman(columns[0]!, columns[1]!)).toBeCloseTo(0.7, 1);
    expect(Math.abs(spearman(columns[0]!, columns[1]!) - 0.7)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(spearman(columns[0]!, columns[2]!) + 0.4)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(spearman(columns[1]!, columns[2]!))).toBeLessThanOrEqual(0.05);
  });

  it('only reorders: each input draws exactly the values of the run without correlation (the same multiset, whole cents); the first keeps its order', () => {
    const correlated = lineColumns(b3, 3, options);
    const alone = lineColumns(b3, 3, independent);
    for (let i = 0; i < 3; i++) {
      expect(sorted(correlated[i]!)).toEqual(sorted(alone[i]!));
      expect(correlated[i]!.every((v) => Number.isInteger(v))).toBe(true);
    }
    // the first input keeps its draw order (the Cholesky factor is lower triangular); the others are reordered
    expect(correlated[0]).toEqual(alone[0]);
    expect(correlated[1]).not.toEqual(alone[1]);
    expect(correlated[2]).not.toEqual(alone[2]);
  });

  it("the summaries of each input's own line are those without correlation; the saldo's spread widens with a positive correlation", () => {
    const targets = ids.map((_, i) => ({ id: `t${i}`, lines: [`l${i}`] }));
    const a = monteCarlo(b3, { ...options, targets, correlation: { inputs: ['x0', 'x1'], matrix: [[1, 0.9], [0.9, 1]] } });
    const c = monteCarlo(b3, { ...independent, targets });
    expect(JSON.stringify(a.targets)).toBe(JSON.stringify(c.targets));
    const width = (r: typeof a): number => r.saldo['2026']!.percentiles['p90']!.minus(r.saldo['2026']!.percentiles['p10']!).toNumber();
    expect(width(a)).toBeGreaterThan(width(c));
    expect(a.saldo['2026']!.mean.toFixed()).toBe(c.saldo['2026']!.mean.toFixed()); // the same values: the same mean
  });

  it('an identity matrix leaves the run exactly as without correlation', () => {
    const identity = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    expect(JSON.stringify(monteCarlo(b3, { ...options, correlation: { inputs: ids, matrix: identity } }))).toBe(JSON.stringify(monteCarlo(b3, independent)));
  });

  it('the same seed gives the same result; another seed another', () => {
    expect(JSON.stringify(monteCarlo(b3, options))).toBe(JSON.stringify(monteCarlo(b3, options)));
    expect(JSON.stringify(monteCarlo(b3, { ...options, seed: 18 }))).not.toBe(JSON.stringify(monteCarlo(b3, options)));
  });

  it('an input of a group moves its whole group: the group stays perfectly correlated, and correlated with the other input', () => {
    const grouped: UncertainInput[] = [
      amountInput(0, { kind: 'uniform', low: '-1000', high: '-400' }, { group: 'g' }),
      amountInput(1, { kind: 'uniform', low: '-2000', high: '-800' }, { group: 'g' }),
      amountInput(2, { kind: 'triangular', low: '-300', likely: '-100', high: '0' }),
    ];
    const columns = lineColumns(b3, 3, { draws: 3000, seed: 5, inputs: grouped, correlation: { inputs: ['x2', 'x0'], matrix: [[1, -0.6], [-0.6, 1]] } });
    expect(spearman(columns[0]!, columns[1]!)).toBeCloseTo(1, 6);
    expect(Math.abs(spearman(columns[2]!, columns[0]!) + 0.6)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(spearman(columns[2]!, columns[1]!) + 0.6)).toBeLessThanOrEqual(0.05);
  });

  it('correlates rate inputs too (a realisation rate with an amount)', () => {
    const mixed: UncertainInput[] = [
      amountInput(0, { kind: 'uniform', low: '-1000', high: '-400' }),
      { id: 'r1', kind: 'realisation', rows: ['l1'], distribution: { kind: 'uniform', low: '0.5', high: '1.5' } },
    ];
    const columns = lineColumns(b3, 2, { draws: 3000, seed: 9, inputs: mixed, correlation: { inputs: ['x0', 'r1'], matrix: [[1, 0.5], [0.5, 1]] } });
    expect(Math.abs(spearman(columns[0]!, columns[1]!) - 0.5)).toBeLessThanOrEqual(0.05);
  });

  it('compareMonteCarlo takes the correlation too: the same order for the baseline and a variant (common random numbers)', () => {
    const comparison = compareMonteCarlo(b3, [{ id: 'same', budget: b3 }], options);
    const d = comparison.variants[0]!.difference.saldo['2026']!;
    expect([d.min.toFixed(), d.max.toFixed()]).toEqual(['0', '0']);
  });

  it('the tornado takes no correlation (each bar swings one input or group with the others central)', () => {
    expect(issuesOf(() => tornado(b3, { inputs, year: 2026, correlation: { inputs: ids, matrix } } as never))).toEqual([{ code: 'unknown_option', path: 'options.correlation' }]);
  });
});

describe('refusals of a rank correlation, with paths', () => {
  const run = (correlation: unknown, extra: Partial<MonteCarloOptions> = {}): unknown => monteCarlo(b3, { ...independent, draws: 10, ...extra, correlation } as MonteCarloOptions);
  const pair = (rho: unknown): unknown[][] => [
    [1, rho],
    [rho, 1],
  ];

  it('an unknown input, a duplicate, two inputs of one group', () => {
    expect(issuesOf(() => run({ inputs: ['x0', 'nope'], matrix: pair(0.5) }))).toEqual([{ code: 'unknown_reference', path: 'correlation.inputs[1]' }]);
    expect(issuesOf(() => run({ inputs: ['x0', 'x0'], matrix: pair(0.5) }))).toEqual([{ code: 'duplicate_id', path: 'correlation.inputs[1]' }]);
    const grouped = [amountInput(0, inputs[0]!.distribution, { group: 'g' }), amountInput(1, inputs[1]!.distribution, { group: 'g' })];
    expect(issuesOf(() => run({ inputs: ['x0', 'x1'], matrix: pair(0.5) }, { inputs: grouped }))).toEqual([{ code: 'invalid_value', path: 'correlation.inputs[1]' }]);
  });

  it('ids like __proto__ and toString are just ids: unknown unless an input has them', () => {
    expect(issuesOf(() => run({ inputs: ['__proto__', 'toString'], matrix: pair(0) }))).toEqual([
      { code: 'unknown_reference', path: 'correlation.inputs[0]' },
      { code: 'unknown_reference', path: 'correlation.inputs[1]' },
    ]);
    const odd = [amountInput(0, inputs[0]!.distribution, { id: '__proto__' }), amountInput(1, inputs[1]!.distribution, { id: 'toString' })];
    expect(() => run({ inputs: ['__proto__', 'toString'], matrix: pair(0.3) }, { inputs: odd })).not.toThrow();
  });

  it('a matrix of the wrong size, a diagonal other than 1, an asymmetric entry (at the lower one)', () => {
    expect(issuesOf(() => run({ inputs: ['x0', 'x1'], matrix: [[1, 0.5]] }))).toEqual([{ code: 'invalid_value', path: 'correlation.matrix' }]);
    expect(issuesOf(() => run({ inputs: ['x0', 'x1'], matrix: [[1, 0.5], [0.5]] }))).toEqual([{ code: 'invalid_value', path: 'correlation.matrix[1]' }]);
    expect(issuesOf(() => run({ inputs: ['x0', 'x1'], matrix: [[0.9, 0.5], [0.5, 1]] }))).toEqual([{ code: 'invalid_value', path: 'correlation.matrix[0][0]' }]);
    expect(issuesOf(() => run({ inputs: ['x0', 'x1'], matrix: [[1, 0.5], [0.4, 1]] }))).toEqual([{ code: 'invalid_value', path: 'correlation.matrix[1][0]' }]);
  });

  it('not positive definite: a correlation of 1 (a group), or three that cannot hold together', () => {
    expect(issuesOf(() => run({ inputs: ['x0', 'x1'], matrix: pair(1) }))).toEqual([{ code: 'not_positive_definite', path: 'correlation.matrix' }]);
    expect(issuesOf(() => run({ inputs: ids, matrix: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]] }))).toEqual([{ code: 'not_positive_definite', path: 'correlation.matrix' }]);
  });

  it('the shape with the options: entries outside [-1, 1] or not numbers, a list that is not one, an unknown key', () => {
    expect(issuesOf(() => run({ inputs: ['x0', 'x1'], matrix: pair(1.5) }))).toEqual([
      { code: 'invalid_option', path: 'options.correlation.matrix[0][1]' },
      { code: 'invalid_option', path: 'options.correlation.matrix[1][0]' },
    ]);
    expect(issuesOf(() => run({ inputs: ['x0', 'x1'], matrix: pair('0.5') }))).toEqual([
      { code: 'invalid_option', path: 'options.correlation.matrix[0][1]' },
      { code: 'invalid_option', path: 'options.correlation.matrix[1][0]' },
    ]);
    expect(issuesOf(() => run({ inputs: 'x0', matrix: [[1]] }))).toEqual([{ code: 'invalid_option', path: 'options.correlation.inputs' }]);
    expect(issuesOf(() => run({ inputs: ['x0'], matrix: [[1]], pairs: [] }))).toEqual([{ code: 'unknown_option', path: 'options.correlation.pairs' }]);
    expect(issuesOf(() => run([]))).toEqual([{ code: 'invalid_option', path: 'options.correlation' }]);
  });

  it('more than 100 correlated inputs (MAX_CORRELATED_INPUTS): refused with the options, not read further', () => {
    const ids = Array.from({ length: 101 }, (_, i) => `m${i}`);
    expect(issuesOf(() => run({ inputs: ids, matrix: [[1]] }))).toEqual([{ code: 'invalid_option', path: 'options.correlation.inputs' }]);
  });

  it('a missing inputs or matrix', () => {
    expect(issuesOf(() => run({ inputs: ['x0'] }))).toEqual([{ code: 'missing_field', path: 'correlation.matrix' }]);
    expect(issuesOf(() => run({ matrix: [[1]] }))).toEqual([{ code: 'missing_field', path: 'correlation.inputs' }]);
  });

  it('reports the correlation with the problems of the inputs, all at once', () => {
    const bad = [amountInput(0, { kind: 'uniform', low: '5', high: '1' }), inputs[1]!];
    expect(issuesOf(() => run({ inputs: ['x0', 'nope'], matrix: pair(0.5) }, { inputs: bad })).map((i) => i.path)).toEqual(['inputs[0].distribution.low', 'correlation.inputs[1]']);
  });

  it('too many correlated draws to keep: invalid_option at options.draws', () => {
    const many = Array.from({ length: 100 }, (_, i) => amountInput(i % 3, { kind: 'uniform', low: '-10', high: '-1' }, { id: `m${i}` }));
    const identity = many.map((_, i) => many.map((_, j) => (i === j ? 1 : 0)));
    expect(issuesOf(() => run({ inputs: many.map((m) => m.id), matrix: identity }, { inputs: many, draws: 700_000 }))).toEqual([{ code: 'invalid_option', path: 'options.draws' }]);
  });
});

describe.skipIf(!hasWorker)('rank correlation on worker threads (needs dist/worker.js)', () => {
  it('2 and 3 workers give the result of one thread', async () => {
    const one = monteCarlo(b3, options);
    for (const workers of [2, 3]) {
      const many = await monteCarloAsync(b3, { ...options, workers, parallelThreshold: 0 });
      expect(JSON.stringify(many)).toBe(JSON.stringify(one));
    }
  });
});

describe('the reordering (Iman-Conover)', () => {
  it('normal quantiles: symmetric, the known values', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    expect(normalQuantile(0.2)).toBeCloseTo(-normalQuantile(0.8), 9);
  });

  it('a rank correlation is mixed in as the normal scores\' 2 sin(pi rho / 6)', () => {
    for (const rho of [-1, -0.7, -0.3, 0, 0.5, 0.9, 1]) expect(scoreCorrelation(rho)).toBeCloseTo(2 * Math.sin((Math.PI * rho) / 6), 14);
  });

  it('the Cholesky factor, or the row where it fails', () => {
    const f = choleskyFactor([
      [4, 2],
      [2, 3],
    ]);
    expect(f).toEqual({ factor: [[2, 0], [1, Math.sqrt(2)]] });
    expect(choleskyFactor([[1, 1], [1, 1]])).toEqual({ failedRow: 1 });
  });

  it('gives a permutation of the draws per column, and keeps one draw (or none) as it is', () => {
    const columns = [Float64Array.of(3, 1, 2, 5, 4), Float64Array.of(9, 7, 8, 6, 5)];
    const order = imanConoverOrder(columns, [
      [1, 0.8],
      [0.8, 1],
    ]);
    for (const o of order) expect([...o].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(imanConoverOrder([Float64Array.of(2)], [[1]])).toEqual([Int32Array.of(0)]);
  });
});
