/**
 * The unit of a Monte Carlo run's amounts (issue 14): what a user writes (distributions of `amount` and `capacity`
 * inputs, targets' minimums) and what the results give are in the budget's own unit by default, in the options'
 * `unit` when it declares one, and an input may declare its own. The draws are those of the same money written in
 * euros: every figure is the euro figure divided by the unit's factor, exactly.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { budget, pm, type Budget, type Decimal } from '../../src/index.js';
import { withCover } from '../../src/validate/with-cover.js';
import { withTargets } from '../../src/validate/with-targets.js';
import { compareMonteCarlo, monteCarlo, tornado, type MonteCarloOptions, type UncertainInput } from '../../src/uncertainty/index.js';
import { closeWorkerPools, monteCarloAsync } from '../../src/parallel.js';
import { issuesOf, issuesOrNone } from '../helpers.js';

const hasWorker = existsSync(fileURLToPath(new URL('../../dist/worker.js', import.meta.url)));
afterAll(() => closeWorkerPools());

const H = { from: 2025, to: 2027, budgetYear: 2026 };

/** The same table written x € 1.000 and in euros. */
const inThousands = budget({ title: 'TB1', unit: 'thousand', horizon: H })
  .section('1', 'Bestaand beleid')
  .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
  .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
  .line('1.9', 'Stelpost', [2000, 2000, 2000], { nature: 'structural' })
  .build();
const inEuros = budget({ title: 'TB1', unit: 'euro', horizon: H })
  .section('1', 'Bestaand beleid')
  .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1_100_000, pm, pm], { nature: 'incidental' })
  .line('1.7', 'Jeugdgezondheidszorg', [-371_000, -371_000, -371_000], { nature: 'structural' })
  .line('1.9', 'Stelpost', [2_000_000, 2_000_000, 2_000_000], { nature: 'structural' })
  .build();

const wmo = (low: string, likely: string, high: string, unit?: 'euro' | 'thousand' | 'million'): UncertainInput => ({
  id: '1.4',
  kind: 'amount',
  rows: ['1.4'],
  distribution: { kind: 'triangular', low, likely, high },
  ...(unit === undefined ? {} : { unit }),
});
const index: UncertainInput = { id: '1.7', kind: 'indexation', rows: ['1.7'], baseYear: 2025, distribution: { kind: 'pert', low: '0.01', likely: '0.03', high: '0.06' } };

/** Every amount of a summary. */
const amounts = (o: { mean: Decimal; min: Decimal; max: Decimal; percentiles: Readonly<Record<string, Decimal>> }): Decimal[] => [o.mean, o.min, o.max, ...Object.values(o.percentiles)];

/** Whether every amount of `scaled` times `factor` is the amount at the same place of `euros` (and the rest is equal). */
function scaledEqual(scaled: unknown, euros: unknown, factor: number): boolean {
  if (scaled !== null && typeof scaled === 'object' && 'times' in scaled) return (scaled as Decimal).times(factor).eq(euros as Decimal);
  if (Array.isArray(scaled)) return Array.isArray(euros) && scaled.length === euros.length && scaled.every((v, i) => scaledEqual(v, euros[i], factor));
  if (scaled !== null && typeof scaled === 'object') {
    const a = scaled as Record<string, unknown>;
    const b = euros as Record<string, unknown>;
    const keys = Object.keys(a).filter((k) => k !== 'unit');
    return keys.length === Object.keys(b).filter((k) => k !== 'unit').length && keys.every((k) => scaledEqual(a[k], b[k], factor));
  }
  return Object.is(scaled, euros);
}

describe('Monte Carlo amounts in the document\'s unit', () => {
  it('by default reads the inputs and gives the results in the budget\'s own unit: the euro figures / 1000, draw for draw', () => {
    const t = monteCarlo(inThousands, { seed: 2026, draws: 500, inputs: [wmo('-1500', '-1100', '-600'), index] });
    const e = monteCarlo(inEuros, { seed: 2026, draws: 500, inputs: [wmo('-1500000', '-1100000', '-600000'), index] });
    expect(t.unit).toBe('thousand');
    expect(e.unit).toBe('euro');
    expect(scaledEqual(t, e, 1000)).toBe(true);
    // not a rounded figure: the cents stay, as decimals of x € 1.000
    expect(t.saldo['2027']!.percentiles['p50']!.times(1000).eq(e.saldo['2027']!.percentiles['p50']!)).toBe(true);
    expect(amounts(t.saldo['2027']!).some((d) => d.decimalPlaces() > 0)).toBe(true);
  });

  it('the options\' unit declares the unit of every amount written and of the results', () => {
    const base = monteCarlo(inThousands, { seed: 7, draws: 300, inputs: [wmo('-1500', '-1100', '-600')], targets: [{ id: 't', lines: ['1.4'], minimum: '-1000' }] });
    const euro = monteCarlo(inThousands, { seed: 7, draws: 300, unit: 'euro', inputs: [wmo('-1500000', '-1100000', '-600000')], targets: [{ id: 't', lines: ['1.4'], minimum: '-1000000' }] });
    const million = monteCarlo(inThousands, { seed: 7, draws: 300, unit: 'million', inputs: [wmo('-1.5', '-1.1', '-0.6')], targets: [{ id: 't', lines: ['1.4'], minimum: '-1' }] });
    expect([base.unit, euro.unit, million.unit]).toEqual(['thousand', 'euro', 'million']);
    expect(scaledEqual(base, euro, 1000)).toBe(true);
    expect(scaledEqual(million, euro, 1_000_000)).toBe(true);
    expect(base.targets[0]!.probabilityMet['2027']).toBe(euro.targets[0]!.probabilityMet['2027']);
    expect(base.targets[0]!.probabilityMet['2027']).toBeGreaterThan(0);
    expect(base.targets[0]!.probabilityMet['2027']).toBeLessThan(1);
  });

  it('an input\'s own unit overrides the options\' unit (and the budget\'s); rates have none', () => {
    const thousands = monteCarlo(inThousands, { seed: 3, draws: 200, inputs: [wmo('-1500', '-1100', '-600'), index] });
    const ownEuros = monteCarlo(inThousands, { seed: 3, draws: 200, inputs: [wmo('-1500000', '-1100000', '-600000', 'euro'), index] });
    const ownMillions = monteCarlo(inThousands, { seed: 3, draws: 200, unit: 'euro', inputs: [wmo('-1.5', '-1.1', '-0.6', 'million'), index] });
    expect(JSON.stringify(ownEuros)).toBe(JSON.stringify(thousands));
    expect(ownMillions.unit).toBe('euro');
    expect(scaledEqual(thousands, ownMillions, 1000)).toBe(true);
    expect(issuesOf(() => monteCarlo(inThousands, { inputs: [{ ...index, unit: 'euro' }] }))).toEqual([{ code: 'invalid_value', path: 'inputs[0].unit' }]);
  });

  it('refuses a written amount that is not a whole cent in euros, with its path, in every unit', () => {
    const run = (options: Partial<MonteCarloOptions>, input: UncertainInput = wmo('-1500', '-1100', '-600')) => issuesOrNone(() => monteCarlo(inThousands, { draws: 2, inputs: [input], ...options }));
    // x € 1.000: five decimals are whole cents, six are not
    expect(run({}, wmo('-1500.00001', '-1100', '-600'))).toEqual([]);
    expect(run({}, wmo('-1500.000001', '-1100', '-600'))).toEqual([{ code: 'too_many_decimals', path: 'inputs[0].distribution.low' }]);
    expect(run({ unit: 'million' }, wmo('-1.50000001', '-1.1', '-0.6'))).toEqual([]);
    expect(run({ unit: 'million' }, wmo('-1.5', '-1.100000001', '-0.6'))).toEqual([{ code: 'too_many_decimals', path: 'inputs[0].distribution.likely' }]);
    expect(run({ unit: 'euro' }, wmo('-1500000', '-1100000', '-600000.001'))).toEqual([{ code: 'too_many_decimals', path: 'inputs[0].distribution.high' }]);
    expect(run({}, wmo('-1500000', '-1100000', '-600000.001', 'euro'))).toEqual([{ code: 'too_many_decimals', path: 'inputs[0].distribution.high' }]);
    const discrete: UncertainInput = { id: 'd', kind: 'amount', rows: ['1.4'], distribution: { kind: 'discrete', choices: [{ value: '-1', p: '0.5' }, { value: '-0.0000001', p: '0.5' }] } };
    expect(run({}, discrete)).toEqual([{ code: 'too_many_decimals', path: 'inputs[0].distribution.choices[1].value' }]);
    const normal: UncertainInput = { id: 'n', kind: 'amount', rows: ['1.4'], distribution: { kind: 'normal', mean: '-1000', sd: '0.0000001', low: '-2000', high: '0' } };
    expect(run({}, normal)).toEqual([{ code: 'too_many_decimals', path: 'inputs[0].distribution.sd' }]);
    expect(run({ targets: [{ id: 't', lines: ['1.7'], minimum: { 2026: '-0.0001', 2027: '-0.000001' } }] })).toEqual([{ code: 'too_many_decimals', path: 'targets[0].minimum.2027' }]);
    expect(run({ targets: [{ id: 't', lines: ['1.7'], minimum: '0.1234567' }] })).toEqual([{ code: 'too_many_decimals', path: 'targets[0].minimum' }]);
    // a fraction as a JSON number stays refused as it was written, whatever the unit
    expect(run({}, { id: 'f', kind: 'amount', rows: ['1.4'], distribution: { kind: 'fixed', value: 1.5 } })).toEqual([{ code: 'invalid_amount', path: 'inputs[0].distribution.value' }]);
  });

  it('refuses a unit that is not one of the three, for the run and for an input, at its path', () => {
    expect(issuesOf(() => monteCarlo(inThousands, { inputs: [wmo('-1', '0', '1')], unit: 'euros' as never }))).toEqual([{ code: 'invalid_option', path: 'options.unit' }]);
    expect(issuesOf(() => monteCarlo(inThousands, { inputs: [wmo('-1', '0', '1', 'mln' as never)] }))).toEqual([{ code: 'invalid_option', path: 'options.inputs[0].unit' }]);
    expect(issuesOf(() => tornado(inThousands, { year: 2027, inputs: [wmo('-1', '0', '1')], unit: 'rate' as never }))).toEqual([{ code: 'invalid_option', path: 'options.unit' }]);
  });

  it('a capacity and a savings target read and report in the run\'s unit', () => {
    const withBoth = (b: Budget, factor: number): Budget =>
      withCover(
        withTargets(b, [{ id: 'ta', title: 'Taakstelling', unit: 'euro', path: { 2026: '300000', 2027: '300000' }, measures: [{ id: 'm', title: 'M', status: 'decided', planned: { 2026: '300000', 2027: '300000' } }] }]),
        { sources: [{ id: 'du', title: 'DU', kind: 'oad', nature: 'structural', capacity: { perYear: [100 * factor, 100 * factor, 100 * factor] } }], claims: [{ target: '1.7', source: 'du' }] },
      );
    const capacity = (low: string, high: string): UncertainInput => ({ id: 'du', kind: 'capacity', source: 'du', distribution: { kind: 'uniform', low, high } });
    const measure: UncertainInput = { id: 'm', kind: 'measure', target: 'ta', measure: 'm', distribution: { kind: 'uniform', low: '0.3', high: '1' } };
    const t = monteCarlo(withBoth(inThousands, 1), { seed: 11, draws: 400, inputs: [capacity('200', '400'), measure] });
    const e = monteCarlo(withBoth(inEuros, 1000), { seed: 11, draws: 400, inputs: [capacity('200000', '400000'), measure] });
    expect(scaledEqual(t, e, 1000)).toBe(true);
    expect(t.savings[0]!.target['2026']!.toFixed()).toBe('300');
    // 1.7 claims 371 a year of a capacity drawn from 200 to 400: at most 171 (x € 1.000) uncovered, to the cent
    const max = t.cover!.uncovered['2026']!.max;
    expect(max.gt(165) && max.lte(171)).toBe(true);
    expect(max.times(1000).eq(e.cover!.uncovered['2026']!.max)).toBe(true);
  });

  it('the tornado table reads and gives its amounts in the run\'s unit: the euro swings / 1000', () => {
    const t = tornado(inThousands, { year: 2027, measure: 'saldo', inputs: [wmo('-1500', '-1100', '-600'), index] });
    const e = tornado(inEuros, { year: 2027, measure: 'saldo', inputs: [wmo('-1500000', '-1100000', '-600000'), index] });
    expect([t.unit, e.unit]).toEqual(['thousand', 'euro']);
    expect(scaledEqual(t, e, 1000)).toBe(true);
    expect(t.rows.map((r) => [r.id, r.swing.toFixed()])).toEqual([['1.4', '900'], ['1.7', '38.3985']]);
    expect(scaledEqual(tornado(inThousands, { year: 2027, measure: 'saldo', unit: 'euro', inputs: [wmo('-1500000', '-1100000', '-600000'), index] }), e, 1)).toBe(true);
  });

  it('compareMonteCarlo reads every run in the baseline\'s unit (or the options\'), so a variant in euros draws the same money', () => {
    const inputs = [wmo('-1500', '-1100', '-600')];
    // the same budget written in euros: no difference in any draw
    const cmp = compareMonteCarlo(inThousands, [{ id: 'euros', budget: inEuros }], { seed: 5, draws: 300, inputs });
    expect([cmp.unit, cmp.baseline.unit, cmp.variants[0]!.result.unit]).toEqual(['thousand', 'thousand', 'thousand']);
    for (const year of ['2025', '2026', '2027']) for (const d of amounts(cmp.variants[0]!.difference.saldo[year]!)) expect(d.isZero()).toBe(true);
    const euro = compareMonteCarlo(inThousands, [{ id: 'euros', budget: inEuros }], { seed: 5, draws: 300, inputs: [wmo('-1500000', '-1100000', '-600000')], unit: 'euro' });
    expect(euro.unit).toBe('euro');
    expect(scaledEqual(cmp, euro, 1000)).toBe(true);
    // a variant that sets 1.9 250 higher (x € 1.000, the scenario's amounts in the budget's unit too) differs by exactly 250 at every percentile
    const more = compareMonteCarlo(inThousands, [{ id: 'plus', scenario: { id: 'plus', title: 'plus', changes: [{ kind: 'set-amount', line: '1.9', years: { from: 2025 }, value: '2250' }] } }], { seed: 5, draws: 100, inputs });
    for (const d of amounts(more.variants[0]!.difference.saldo['2027']!)) expect(d.toFixed()).toBe('250');
  });

  it.skipIf(!hasWorker)('2 workers give the figures of one thread in the document\'s unit (needs dist/worker.js)', async () => {
    const options: MonteCarloOptions = { seed: 9, draws: 2000, inputs: [wmo('-1500', '-1100', '-600'), index] };
    const one = monteCarlo(inThousands, options);
    const two = await monteCarloAsync(inThousands, { ...options, workers: 2, parallelThreshold: 0 });
    expect(two.unit).toBe('thousand');
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
