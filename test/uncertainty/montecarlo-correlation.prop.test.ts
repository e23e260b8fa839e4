import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../src/index.js';
import { monteCarlo } from '../../src/uncertainty/index.js';
import { closeWorkerPools, monteCarloAsync } from '../../src/parallel.js';
import { amountInput, lineColumns, linesBudget, sorted, spearman } from './montecarlo-correlation-helpers.js';

/** The tolerance of a recovered rank correlation from 10,000 draws, as the guide and `RankCorrelation` state it. */
const TOLERANCE = 0.05;
const DRAWS = 10_000;
// 10,000 draws each: a few runs by default, many under MEERJAREN_DEEP
const numRuns = process.env.MEERJAREN_DEEP ? 500 : 6;
const smallRuns = process.env.MEERJAREN_DEEP ? 10_000 : 100;
const hasWorker = existsSync(fileURLToPath(new URL('../../dist/worker.js', import.meta.url)));
afterAll(() => closeWorkerPools());

/** Continuous distributions in euros, of every shape the samplers have. */
const distributionArb: fc.Arbitrary<DistributionSpec> = fc.constantFrom<DistributionSpec>(
  { kind: 'uniform', low: '-1000', high: '-400' },
  { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' },
  { kind: 'pert', low: '-300', likely: '-100', high: '0' },
  { kind: 'normal', mean: '-500', sd: '120', low: '-900', high: '-100' },
  { kind: 'lognormal', median: '800', p90: '2000', low: '100', high: '9000' },
);

/** A correlation in (-0.9, 0.9) with two decimals. */
const rhoArb = fc.integer({ min: -90, max: 90 }).map((x) => x / 100);

/**
 * A valid 3 x 3 rank correlation matrix, by partial correlations: r01 and r02, then the partial correlation of 1
 * and 2 given 0, which gives r12 = p sqrt((1 - r01^2)(1 - r02^2)) + r01 r02 (always positive definite).
 */
const matrix3Arb = fc.tuple(rhoArb, rhoArb, rhoArb).map(([r01, r02, p]) => {
  const r12 = p * Math.sqrt((1 - r01 * r01) * (1 - r02 * r02)) + r01 * r02;
  return [
    [1, r01, r02],
    [r01, 1, r12],
    [r02, r12, 1],
  ];
});

const matrix2Arb = rhoArb.map((r) => [
  [1, r],
  [r, 1],
]);

function checkRecovered(matrix: number[][], distributions: readonly DistributionSpec[], seed: number): void {
  const n = matrix.length;
  const b = linesBudget(n);
  const inputs = distributions.slice(0, n).map((d, i) => amountInput(i, d));
  const options = { draws: DRAWS, seed, inputs, correlation: { inputs: inputs.map((i) => i.id), matrix } };
  const columns = lineColumns(b, n, options);
  const independent = lineColumns(b, n, { draws: DRAWS, seed, inputs });
  for (let i = 0; i < n; i++) {
    // exact: each line's totals are those of the run without correlation, reordered
    expect(sorted(columns[i]!)).toEqual(sorted(independent[i]!));
    for (let j = 0; j < i; j++) expect(Math.abs(spearman(columns[i]!, columns[j]!) - matrix[i]![j]!)).toBeLessThanOrEqual(TOLERANCE);
  }
}

describe('rank correlation (Iman-Conover): acceptance of issue 17', () => {
  it(`a requested 2 x 2 rank correlation is recovered within ${TOLERANCE} from ${DRAWS} draws, each line's values unchanged`, () => {
    fc.assert(
      fc.property(matrix2Arb, fc.array(distributionArb, { minLength: 2, maxLength: 2 }), fc.integer(), (matrix, distributions, seed) => checkRecovered(matrix, distributions, seed)),
      { numRuns },
    );
  });

  it(`a requested 3 x 3 rank correlation is recovered within ${TOLERANCE} from ${DRAWS} draws, each line's values unchanged`, () => {
    fc.assert(
      fc.property(matrix3Arb, fc.array(distributionArb, { minLength: 3, maxLength: 3 }), fc.integer(), (matrix, distributions, seed) => checkRecovered(matrix, distributions, seed)),
      { numRuns },
    );
  });
});

/** Any distribution of the inputs, discrete and fixed ones (ties) among them. */
const anyDistributionArb: fc.Arbitrary<DistributionSpec> = fc.oneof(
  distributionArb,
  fc.constantFrom<DistributionSpec>(
    { kind: 'fixed', value: '-250' },
    { kind: 'discrete', choices: [{ value: '-100', p: '0.5' }, { value: '-900', p: '0.5' }] },
  ),
);

describe('rank correlation, for any draws', () => {
  it('any number of draws (1 to 60), any valid matrix and distribution: each input draws exactly its values without correlation, whole cents', () => {
    fc.assert(
      fc.property(matrix3Arb, fc.array(anyDistributionArb, { minLength: 3, maxLength: 3 }), fc.integer({ min: 1, max: 60 }), fc.oneof(fc.integer(), fc.string({ maxLength: 6 })), (matrix, distributions, draws, seed) => {
        const b = linesBudget(3);
        const inputs = distributions.map((d, i) => amountInput(i, d));
        const columns = lineColumns(b, 3, { draws, seed, inputs, correlation: { inputs: inputs.map((i) => i.id), matrix } });
        const independent = lineColumns(b, 3, { draws, seed, inputs });
        for (let i = 0; i < 3; i++) {
          expect(sorted(columns[i]!)).toEqual(sorted(independent[i]!));
          expect(columns[i]!.every((v) => Number.isSafeInteger(v))).toBe(true);
        }
        expect(columns[0]).toEqual(independent[0]); // the first input keeps its order
      }),
      { numRuns: smallRuns },
    );
  });
});

describe.skipIf(!hasWorker)('rank correlation on workers (needs dist/worker.js)', () => {
  it('2 or 3 workers give the result of one thread, for any valid matrix, draws and seed', async () => {
    await fc.assert(
      fc.asyncProperty(matrix3Arb, fc.integer({ min: 1, max: 400 }), fc.oneof(fc.integer(), fc.string({ maxLength: 6 })), fc.constantFrom(2, 3), async (matrix, draws, seed, workers) => {
        const b = linesBudget(3);
        const inputs = [0, 1, 2].map((i) => amountInput(i, { kind: 'uniform', low: String(-100 * (i + 1)), high: '0' }));
        const options = { draws, seed, inputs, percentiles: [0, 10, 50, 90, 100], correlation: { inputs: inputs.map((i) => i.id), matrix } };
        expect(JSON.stringify(await monteCarloAsync(b, { ...options, workers, parallelThreshold: 0 }))).toBe(JSON.stringify(monteCarlo(b, options)));
      }),
      { numRuns: Math.ceil(smallRuns / 5) },
    );
  });
});
