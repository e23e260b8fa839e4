import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { evaluateTargets } from '../../src/evaluate/targets.js';
import { monteCarlo } from '../../src/uncertainty/index.js';
import { hervormingsagenda } from '../../examples/11-hervormingsagenda-taakstelling.js';
import { MEASURE_INPUTS, hervormingsagendaKans } from '../../examples/33-hervormingsagenda-maatregelen-kans.js';

// example 11's budget is written x € 1 mln, so are the run's results
const mln = (d: { toFixed(n: number): string }): string => d.toFixed(2);

describe('example 33: the Hervormingsagenda taakstelling with uncertain measures', () => {
  const cmp = hervormingsagendaKans();
  const s = cmp.baseline.savings[0]!;

  it('prints per year the probability the taakstelling is met and P5/P50/P95 of the gap (10,000 draws, seed 2025)', () => {
    expect([cmp.unit, cmp.baseline.unit, cmp.variants[0]!.result.unit]).toEqual(['million', 'million', 'million']);
    const years = ['2025', '2026', '2027', '2028', '2029', '2030', '2031'];
    expect(years.map((y) => s.probabilityMet[y])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(years.map((y) => ['p5', 'p50', 'p95'].map((p) => mln(s.gap[y]!.percentiles[p]!)).join(' '))).toEqual([
      '0.29 0.50 0.71',
      '2.75 3.31 3.86',
      '1.72 2.84 4.01',
      '1.72 2.84 4.01',
      '2.72 3.84 5.01',
      '3.72 4.84 6.01',
      '4.72 5.84 7.01',
    ]);
    // every percentile is a draw, exact to the cent (8 decimals x € 1 mln)
    for (const y of years) for (const p of Object.values(s.gap[y]!.percentiles)) expect(p.decimalPlaces()).toBeLessThanOrEqual(8);
  });

  it('the variant "voorveld op tijd" shifts the gap by exactly -1 mln in 2026 and 2027 in every draw, 0 elsewhere', () => {
    const gap = cmp.variants[0]!.difference.savings[0]!.gap;
    for (const [year, expected] of Object.entries({ 2025: '0', 2026: '-1', 2027: '-1', 2028: '0', 2031: '0' })) {
      expect(gap[year]!.min.toFixed()).toBe(expected);
      expect(gap[year]!.max.toFixed()).toBe(expected);
    }
  });

  it('with every measure at a fixed rate the run equals evaluateTargets', () => {
    const fixed = MEASURE_INPUTS.map((input) => ({ ...input, distribution: { kind: 'fixed' as const, value: '0.5' } }));
    const r = monteCarlo(hervormingsagenda(), { inputs: fixed, draws: 2 });
    const b = hervormingsagenda();
    const halved = evaluateTargets({
      ...b,
      targets: {
        hervormingsagenda: {
          ...b.targets!['hervormingsagenda']!,
          measures: Object.fromEntries(
            Object.entries(b.targets!['hervormingsagenda']!.measures).map(([id, m]) => [id, id === 'voorveld' ? m : { ...m, realisation: { kind: 'rate' as const, rate: new Dec('0.5') } }]),
          ),
        },
      },
    }).targets['hervormingsagenda']!;
    // the run gives x € 1 mln (the budget's unit), evaluateTargets euros
    for (const year of r.years) expect(r.savings[0]!.gap[year]!.mean.times(1_000_000).eq(halved.years[year]!.gap)).toBe(true);
  });
});
