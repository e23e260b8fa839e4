import { describe, expect, it } from 'vitest';
import { applyScenario, inputsFromRanges, loadBudget, loadScenario, monteCarlo } from '../../src/index.js';
import { seedText } from '../helpers.js';

const data = seedText;

describe('inputsFromRanges', () => {
  const tb1 = loadBudget(data('seed000-tb1.json'));
  const result = applyScenario(tb1, loadScenario(data('scenario-pm-estimates.json'), { budget: tb1 }));

  it("turns a scenario's pm ranges into one input per estimate, its years drawn together", () => {
    const inputs = inputsFromRanges(result.ranges);
    expect(inputs.map((i) => i.id)).toEqual(['ramingen-pm/0/1.4', 'ramingen-pm/1/1.6']);
    expect(inputs[0]).toMatchObject({
      kind: 'amount',
      rows: ['1.4'],
      years: [2026, 2027, 2028, 2029, 2030, 2031],
      unit: 'euro', // a scenario's ranges are euros, whatever the unit it was written in
      distribution: { kind: 'triangular', low: '-1300000', likely: '-1100000', high: '-900000' },
    });
    expect(inputsFromRanges(result.ranges, { distribution: 'pert' })[1]!.distribution.kind).toBe('pert');
  });

  it('gives a Monte Carlo band around the scenario, within the ranges', () => {
    const run = monteCarlo(result.budget, { inputs: inputsFromRanges(result.ranges), draws: 2000, seed: 7 });
    const p = run.saldo['2027']!.percentiles;
    // likely: 533 - 1.100 - 800 = -1.367 (x 1.000, the budget's unit and so the run's); the extremes are -1.367 -/+ 400
    expect(run.unit).toBe('thousand');
    expect(p['p5']!.gte(-1767) && p['p95']!.lte(-967)).toBe(true);
    expect(p['p5']!.lt(p['p95']!)).toBe(true);
  });

  it('a range keeps meaning the same money in a run of any unit: in euros the figures are those x 1000', () => {
    const inputs = inputsFromRanges(result.ranges);
    const thousands = monteCarlo(result.budget, { inputs, draws: 300, seed: 3 });
    const euros = monteCarlo(result.budget, { inputs, draws: 300, seed: 3, unit: 'euro' });
    for (const year of thousands.years) {
      const t = thousands.saldo[year]!;
      const e = euros.saldo[year]!;
      for (const k of ['p5', 'p50', 'p95']) expect(t.percentiles[k]!.times(1000).eq(e.percentiles[k]!)).toBe(true);
      expect(t.mean.times(1000).eq(e.mean)).toBe(true);
    }
  });
});
