import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../src/index.js';
import { amountInput, lineColumns, linesBudget, sorted, spearman } from './montecarlo-correlation-helpers.js';

/** The tolerance of a recovered rank correlation from 10,000 draws, as the guide and `RankCorrelation` state it. */
const TOLERANCE = 0.05;
const DRAWS = 10_000;
// 10,000 draws each: a few runs by default, many under MEERJAREN_DEEP
const numRuns = process.env.MEERJAREN_DEEP ? 500 : 6;

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
