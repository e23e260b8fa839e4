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
      distribution: { kind: 'triangular', low: '-1300000', likely: '-1100000', high: '-900000' },
    });
    expect(inputsFromRanges(result.ranges, { distribution: 'pert' })[1]!.distribution.kind).toBe('pert');
  });

  it('gives a Monte Carlo band around the scenario, within the ranges', () => {
    const run = monteCarlo(result.budget, { inputs: inputsFromRanges(result.ranges), draws: 2000, seed: 7 });
    const p = run.saldo['2027']!.percentiles;
    // likely: 533 - 1.100 - 800 = -1.367 (x 1.000); the extremes are -1.367 -/+ 400
    expect(p['p5']!.gte(-1_767_000) && p['p95']!.lte(-967_000)).toBe(true);
    expect(p['p5']!.lt(p['p95']!)).toBe(true);
  });
});
