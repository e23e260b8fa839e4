import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { budget, type Budget } from '../../src/index.js';
import { withCover } from '../../src/validate/with-cover.js';
import { withTargets } from '../../src/validate/with-targets.js';
import { compareMonteCarlo, monteCarlo, tornado, type MonteCarloResult, type OutcomesByYear, type UncertainInput } from '../../src/uncertainty/index.js';
import { closeWorkerPools, monteCarloAsync } from '../../src/parallel.js';
import { issuesOf } from '../helpers.js';

const hasWorker = existsSync(fileURLToPath(new URL('../../dist/worker.js', import.meta.url)));
afterAll(() => closeWorkerPools());

const H = { from: 2026, to: 2029 };
const table = budget({ title: 't', unit: 'euro', horizon: H })
  .section('1', 'S')
  .line('cost', 'kosten', [-500, -500, 'pm', -700], { nature: 'structural' })
  .line('other', 'overig', [-100, -100, -100, -100], { nature: 'incidental' })
  .line('stelpost', 'taakstelling (stelpost)', [1000, 1000, 1000, 1000], { nature: 'structural' })
  .build();

function withAll(b: Budget = table): Budget {
  const targeted = withTargets(b, [
    {
      id: 'ta',
      title: 'Taakstelling',
      unit: 'euro',
      line: 'stelpost',
      path: { 2026: '1000', 2027: '1000', 2028: 'pm', 2029: '1000' },
      measures: [
        { id: 'a', title: 'A', status: 'decided', planned: { 2026: '600', 2027: '600', 2028: '600', 2029: '600' } },
        { id: 'b', title: 'B', status: 'at-risk', planned: { 2026: '0.05', 2027: '400', 2029: '400' }, realisation: { delay: 1 } },
      ],
    },
  ]);
  return withCover(targeted, {
    sources: [
      { id: 'du', title: 'Decentralisatie-uitkering', kind: 'oad', nature: 'structural', capacity: { perYear: [300, 300, 300, 300] } },
      { id: 'pot', title: 'Eenmalige pot', kind: 'windfall', nature: 'incidental', capacity: { total: 400 } },
      { id: 'line', title: 'Voordeel', kind: 'within-programme', nature: 'incidental', capacity: { line: 'stelpost' } },
    ],
    claims: [
      { id: 'c1', target: 'cost', source: 'du' },
      { id: 'c2', target: 'cost', source: 'pot', amount: [200, 200, 200, 200] },
      { id: 'c3', target: 'other', source: 'pot', share: '0.5' },
    ],
  });
}

const all = withAll();
const inputs: UncertainInput[] = [
  { id: 'a', kind: 'measure', target: 'ta', measure: 'a', distribution: { kind: 'pert', low: '0.3', likely: '0.6', high: '0.9' } },
  { id: 'du', kind: 'capacity', source: 'du', distribution: { kind: 'uniform', low: '100', high: '500' } },
  { id: 'pot', kind: 'capacity', source: 'pot', distribution: { kind: 'triangular', low: '0', likely: '400', high: '600' } },
  { id: 'pm', kind: 'amount', rows: ['cost'], distribution: { kind: 'uniform', low: '-900', high: '-300' } },
];

describe('Monte Carlo: a measure\'s realisation', () => {
  it('reports the savings target per year: realised, gap, probability met; P5 <= P50 <= P95', () => {
    const r = monteCarlo(all, { inputs: inputs.slice(0, 1), draws: 2000, seed: 5 });
    expect(r.savings.map((s) => s.id)).toEqual(['ta']);
    expect(r.cover).toBeUndefined();
    const s = r.savings[0]!;
    // measure b (delay 1) realises 0,05 in 2027 and 400 in 2028: fixed; a realises 600 x rate
    for (const year of r.years) {
      const g = s.gap[year]!.percentiles;
      expect(g['p5']!.lte(g['p50']!) && g['p50']!.lte(g['p95']!)).toBe(true);
    }
    expect(s.target['2028']!.isZero()).toBe(true); // pm year: target 0, as evaluateTargets
    expect(s.gap['2026']!.min.gte(460)).toBe(true); // 1000 - 600 x 0.9
    expect(s.gap['2026']!.max.lte(820)).toBe(true); // 1000 - 600 x 0.3
    expect(s.gap['2026']!.min.lt(s.gap['2026']!.max)).toBe(true);
    expect(s.realised['2027']!.min.gte('180.05') && s.realised['2027']!.max.lte('540.05')).toBe(true); // b: 0,05 a year late
    expect(s.probabilityMet['2026']).toBe(0);
    expect(s.probabilityMet['2028']).toBe(1);
    // the table's saldo is not moved by a measure (the stelpost holds the target)
    expect(r.saldo['2026']!.min.eq(r.saldo['2026']!.max)).toBe(true);
  });

  it('meets amounts at the one rounding point: 0,05 x 0,5 is 0,03 half-up and 0,02 half-even', () => {
    const b = withTargets(table, [{ id: 't', title: 't', unit: 'euro', path: { 2026: '1' }, measures: [{ id: 'm', title: 'm', status: 'decided', planned: { 2026: '0.05' } }] }]);
    const run = (rounding: 'half-up' | 'half-even'): string =>
      monteCarlo(b, { inputs: [{ id: 'm', kind: 'measure', target: 't', measure: 'm', distribution: { kind: 'fixed', value: '0.5' } }], draws: 1, rounding }).savings[0]!.realised['2026']!.mean.toFixed(2);
    expect(run('half-up')).toBe('0.03');
    expect(run('half-even')).toBe('0.02');
  });
});

describe('Monte Carlo: a source\'s capacity', () => {
  it('reports the uncovered amount per year and the probability that every claim is covered', () => {
    const r = monteCarlo(all, { inputs: inputs.slice(1, 3), draws: 2000, seed: 9 });
    const u = r.cover!.uncovered;
    // 2026: c1 asks the cost 500 of du (100..500 a year); c2 200 and c3 50 ask the pot (0..600 in total)
    expect(u['2026']!.min.isZero()).toBe(true);
    expect(u['2026']!.max.lte(650)).toBe(true);
    // 2029: c1 asks 700, du gives at most 500
    expect(u['2029']!.min.gte(200)).toBe(true);
    expect(r.cover!.probabilityCovered['2029']).toBe(0);
    for (const year of r.years) {
      const p = u[year]!.percentiles;
      expect(p['p5']!.lte(p['p50']!) && p['p50']!.lte(p['p95']!)).toBe(true);
      expect(r.cover!.probabilityCovered[year]).toBeGreaterThanOrEqual(0);
    }
    expect(r.cover!.probabilityCovered['2026']).toBeGreaterThan(r.cover!.probabilityCovered['2029']!);
  });

  it('refuses what it cannot mirror exactly, and bad references, with codes and paths', () => {
    const bad: UncertainInput[] = [
      { id: 'x1', kind: 'capacity', source: 'line', distribution: { kind: 'fixed', value: '1' } },
      { id: 'x2', kind: 'capacity', source: 'pot', years: [2026], distribution: { kind: 'fixed', value: '1' } },
      { id: 'x3', kind: 'capacity', source: 'nope', distribution: { kind: 'fixed', value: '1' } },
      { id: 'x4', kind: 'capacity', source: 'du', distribution: { kind: 'uniform', low: '-1', high: '1' } },
      { id: 'x5', kind: 'measure', target: 'ta', measure: 'nope', distribution: { kind: 'fixed', value: '1' } },
      { id: 'x6', kind: 'measure', target: 'nope', measure: 'a', distribution: { kind: 'fixed', value: '1' } },
      { id: 'x7', kind: 'measure', target: 'ta', measure: 'a', distribution: { kind: 'discrete', choices: [{ value: '-0.5', p: '0.5' }, { value: '1', p: '0.5' }] } },
      { id: 'x8', kind: 'amount', rows: ['other'], distribution: { kind: 'fixed', value: '-3' } },
      { id: 'x9', kind: 'measure', measure: 'a', distribution: { kind: 'fixed', value: '1' } },
      { id: 'x10', kind: 'capacity', distribution: { kind: 'fixed', value: '1' } },
    ];
    expect(issuesOf(() => monteCarlo(all, { inputs: bad, draws: 1 }))).toEqual([
      { code: 'unsupported_capacity', path: 'inputs[0].source' },
      { code: 'invalid_value', path: 'inputs[1].years' },
      { code: 'unknown_reference', path: 'inputs[2].source' },
      { code: 'negative_amount', path: 'inputs[3].distribution.low' },
      { code: 'unknown_reference', path: 'inputs[4].measure' },
      { code: 'unknown_reference', path: 'inputs[5].target' },
      { code: 'invalid_rate', path: 'inputs[6].distribution.choices' },
      { code: 'cover_share_uncertain', path: 'inputs[7].rows' },
      { code: 'missing_field', path: 'inputs[8].target' },
      { code: 'missing_field', path: 'inputs[9].source' },
    ]);
    expect(issuesOf(() => monteCarlo(all, { inputs: inputs.slice(0, 2), draws: 1, savings: false, cover: false }))).toEqual([
      { code: 'invalid_value', path: 'savings' },
      { code: 'invalid_value', path: 'cover' },
    ]);
  });

  it('a tornado ranks inputs by their effect on a savings gap and on the uncovered amount', () => {
    const gap = tornado(all, { inputs, year: 2026, measure: { savingsGap: 'ta' } });
    expect(gap.rows[0]!.id).toBe('a');
    expect(gap.rows[0]!.atLow.toFixed()).toBe('820');
    expect(gap.rows[0]!.atHigh.toFixed()).toBe('460');
    expect(gap.baseline.toFixed()).toBe('640');
    const uncovered = tornado(all, { inputs, year: 2026, measure: 'uncovered' });
    expect(uncovered.rows.map((r) => r.id)).toEqual(['du', 'pot', 'a', 'pm']);
    expect(uncovered.rows[0]!.atLow.toFixed()).toBe('400'); // du 100: 400 of 500 uncovered, the pot at 400 covers 250
    expect(uncovered.rows[0]!.atHigh.toFixed()).toBe('0');
    expect(uncovered.rows[2]!.swing.isZero() && uncovered.rows[3]!.swing.isZero()).toBe(true); // a measure and a 2028 pm post
    const later = tornado(all, { inputs, year: 2028, measure: 'uncovered' });
    expect(later.rows[0]!.id).toBe('pm');
  });
});

function everyDrawZero(o: OutcomesByYear): boolean {
  return Object.values(o).every((s) => s.min.isZero() && s.max.isZero() && s.mean.isZero());
}

function everyPercentile(o: OutcomesByYear, years: readonly number[], value: string): boolean {
  return years.every((y) => {
    const s = o[y]!;
    return s.min.eq(value) && s.max.eq(value) && s.mean.eq(value) && Object.values(s.percentiles).every((p) => p.eq(value));
  });
}

describe('compareMonteCarlo: common random numbers', () => {
  const options = { inputs, draws: 1500, seed: 11, percentiles: [5, 25, 50, 75, 95] };

  it('a variant identical to the baseline differs by exactly 0 in every draw', () => {
    const cmp = compareMonteCarlo(all, [{ id: 'same', budget: withAll() }], options);
    const d = cmp.variants[0]!.difference;
    expect(everyDrawZero(d.saldo) && everyDrawZero(d.structural) && everyDrawZero(d.uncovered!)).toBe(true);
    expect(d.savings.map((s) => s.id)).toEqual(['ta']);
    expect(everyDrawZero(d.savings[0]!.gap) && everyDrawZero(d.savings[0]!.realised)).toBe(true);
    expect(cmp.variants[0]!.result).toEqual(cmp.baseline);
    expect(cmp.baseline).toEqual(monteCarlo(all, options));
  });

  it('a variant that adds a fixed amount differs by exactly that amount at every percentile', () => {
    const plus = withAll(
      budget({ title: 't', unit: 'euro', horizon: H })
        .section('1', 'S')
        .line('cost', 'kosten', [-500, -500, 'pm', -700], { nature: 'structural' })
        .line('other', 'overig', [-100, -100, -100, -100], { nature: 'incidental' })
        .line('stelpost', 'taakstelling (stelpost)', [1000, 1000, 1000, 1000], { nature: 'structural' })
        .line('extra', 'extra', ['250.25', '250.25', '250.25', '250.25'], { nature: 'incidental' })
        .build(),
    );
    const cmp = compareMonteCarlo(all, [{ id: 'plus', budget: plus }], options);
    const d = cmp.variants[0]!.difference;
    const years = cmp.baseline.years;
    expect(everyPercentile(d.saldo, years, '250.25')).toBe(true);
    expect(everyDrawZero(d.structural)).toBe(true);
  });

  it('takes scenarios: a higher target path moves the gap by exactly the change, and the draws stay common', () => {
    const cmp = compareMonteCarlo(
      all,
      [
        { id: 'hoger', scenario: { id: 'hoger', title: 'Hogere taakstelling', changes: [{ kind: 'set-target-path', target: 'ta', years: [2027], value: '1500' }] } },
        { id: 'dekking', label: 'Meer dekking', scenario: { id: 'dekking', title: 'Meer dekking', changes: [{ kind: 'set-amount', line: 'other', years: [2026], value: { add: '40' } }] } },
      ],
      options,
    );
    const gap = cmp.variants[0]!.difference.savings[0]!.gap;
    expect(everyPercentile(gap, [2027], '500')).toBe(true);
    expect(everyDrawZero({ 2026: gap['2026']!, 2028: gap['2028']!, 2029: gap['2029']! })).toBe(true);
    expect(cmp.variants[0]!.label).toBe('Hogere taakstelling');
    expect(cmp.variants[1]!.label).toBe('Meer dekking');
    expect(everyPercentile(cmp.variants[1]!.difference.saldo, [2026], '40')).toBe(true);
  });

  it('reports variant errors under variants[i]', () => {
    const without = budget({ title: 't', unit: 'euro', horizon: H }).section('1', 'S').line('x', 'x', [1, 1, 1, 1], { nature: 'structural' }).build();
    const issues = issuesOf(() => compareMonteCarlo(all, [{ id: 'v', budget: without }, { id: 'v', budget: all }], options));
    expect(issues).toEqual([{ code: 'duplicate_id', path: 'variants[1].id' }]);
    const missing = issuesOf(() => compareMonteCarlo(all, [{ id: 'v', budget: without }], { ...options, inputs: inputs.slice(3) }));
    expect(missing).toEqual([{ code: 'unknown_reference', path: 'variants[0].inputs[0].rows[0]' }]);
  });
});

describe.skipIf(!hasWorker)('Monte Carlo on worker threads with measure and capacity inputs', () => {
  it('gives the same result on 2 workers as on 1 thread', async () => {
    const options = { inputs, draws: 4000, seed: 21 };
    const one: MonteCarloResult = monteCarlo(all, options);
    const two = await monteCarloAsync(all, { ...options, workers: 2, parallelThreshold: 0 });
    expect(two).toEqual(one);
  });
});
