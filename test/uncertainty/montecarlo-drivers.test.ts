import { describe, expect, it } from 'vitest';
import { applyScenario, budget, evaluate, type Budget, type Scenario } from '../../src/index.js';
import { withTargets } from '../../src/validate/with-targets.js';
import { evaluateTargets } from '../../src/evaluate/targets.js';
import { monteCarlo, planMonteCarlo, tornado, type UncertainInput } from '../../src/uncertainty/index.js';
import { createKernel } from '../../src/uncertainty/montecarlo/kernel.js';
import { drawnSteps } from '../../src/uncertainty/montecarlo/kernel-drivers.js';
import { issuesOf, issuesOrNone } from '../helpers.js';

// Goal 2.1 of a programme budget as a driven line: -(jeugdigen x kostprijs), and a tariff per day for shelter.
const jeugd: Budget = budget({ title: 'Programma 2', unit: 'thousand', horizon: { from: 2026, to: 2029, budgetYear: 2026 } })
  .section('2', 'Samen leven en ondersteunen')
  .line('2.1', 'Jeugdhulp', undefined, { nature: 'structural' })
  .line('1.1', 'Opvang', undefined, { nature: 'incidental' })
  .line('2.9', 'Overig', [-100, -100, -100, -100], { nature: 'structural' })
  .drivers({
    indicators: [
      { id: 'jeugdigen', title: 'Jeugdigen', unit: 'jeugdigen', values: { 2026: 4525, 2027: 4000, 2028: 3750, 2029: 3500 } },
      { id: 'kostprijs', title: 'Kosten per jeugdige', unit: 'EUR', values: { 2026: '21526.19', 2027: '24174.75', 2028: '25596.53', 2029: '27431.43' } },
      { id: 'saldo_index', title: 'Index', unit: '%', values: { 2026: '-0.5', 2027: '1' } },
      { id: 'plaatsen', title: 'Plaatsen', unit: 'plaatsen', values: { 2026: 120, 2027: 100 } },
    ],
    parameters: [{ id: 'tarief', title: 'Normvergoeding', unit: 'EUR per plaats per dag', rule: 'per-day', periods: [{ from: '2025-01-01', value: '44' }] }],
    formulas: [
      { row: '2.1', expression: '-jeugdigen * kostprijs' },
      { row: '1.1', expression: 'plaatsen * tarief' },
    ],
  })
  .build({ totals: 'ignore' });

const youths = (extra: Partial<UncertainInput> = {}): UncertainInput => ({
  id: 'jeugdigen',
  kind: 'indicator',
  indicator: 'jeugdigen',
  years: [2026],
  distribution: { kind: 'triangular', low: '3750', likely: '4000', high: '4525' },
  ...extra,
});

const scenario = (changes: Scenario['changes']): Scenario => ({ id: 's', title: 's', unit: 'euro', numberFormat: 'plain', changes });

describe('Monte Carlo indicator and parameter inputs', () => {
  it('a drawn number of youths moves 2.1 by youths x price, to the cent; other years and lines stay', () => {
    const result = monteCarlo(jeugd, { inputs: [youths()], draws: 2000, seed: 2026, percentiles: [10, 50, 90], unit: 'euro' });
    const s = result.saldo['2026']!;
    // the saldo is -100.000 + 1.927.200 (opvang: 120 x 365 x 44) - youths x 21.526,19 for a whole number of youths
    for (const v of [s.min, s.max, s.percentiles['p10']!, s.percentiles['p50']!, s.percentiles['p90']!]) {
      const n = v.plus(100_000).minus(1_927_200).neg().div('21526.19');
      expect(n.isInteger() && n.gte(3750) && n.lte(4525)).toBe(true);
    }
    expect(s.percentiles['p10']!.lt(s.percentiles['p90']!)).toBe(true); // more youths, a lower saldo
    const base = evaluate(jeugd).total;
    for (const year of ['2027', '2028', '2029']) expect(result.saldo[year]!.min.eq(base[year]!.amount) && result.saldo[year]!.max.eq(base[year]!.amount)).toBe(true);
  });

  it('every draw of a run is a scenario: two possible numbers of youths give exactly the two scenario saldos', () => {
    const result = monteCarlo(jeugd, { inputs: [youths({ distribution: { kind: 'discrete', choices: [{ value: '3900', p: '0.5' }, { value: '4400', p: '0.5' }] } })], draws: 200, seed: 11, unit: 'euro' });
    const at = (value: string) => applyScenario(jeugd, scenario([{ kind: 'set-indicator', indicator: 'jeugdigen', years: [2026], value }])).evaluation;
    const s = result.saldo['2026']!;
    expect(s.min.eq(at('4400').total['2026']!.amount)).toBe(true);
    expect(s.max.eq(at('3900').total['2026']!.amount)).toBe(true);
    expect(result.structural['2026']!.min.eq(at('4400').total['2026']!.structural)).toBe(true);
    expect(result.probabilityStructurallyBalanced['2026']).toBe(0);
  });

  it('a drawn value is rounded to places (half-up) before the formula: fixed 4000.5 is 4001 youths, or 4000.5 with places 1', () => {
    const at = (value: string, places?: number) =>
      monteCarlo(jeugd, { inputs: [youths({ distribution: { kind: 'fixed', value }, ...(places === undefined ? {} : { places }) })], draws: 1, unit: 'euro' }).saldo['2026']!.min.toFixed();
    const expected = (value: string) => applyScenario(jeugd, scenario([{ kind: 'set-indicator', indicator: 'jeugdigen', years: [2026], value }])).evaluation.total['2026']!.amount.toFixed();
    expect(at('4000.5')).toBe(expected('4001'));
    expect(at('4000.5', 1)).toBe(expected('4000.5'));
    expect(at('4000.5', 1)).toBe('-84288323.1'); // -4.000,5 x 21.526,19 = -86.115.520,095, half-up to cents; -100.000; +1.927.200
    expect(drawnSteps(4000.5, 0)).toBe(4001);
    expect(drawnSteps(-2.5, 0)).toBe(-3);
    expect(drawnSteps(0.125, 2)).toBe(13); // 0.125 is exact in binary: 12.5 cents, half-up
  });

  it('a drawn tariff from a date on: the days before it keep the old tariff, the days after take the drawn one', () => {
    const input: UncertainInput = { id: 'tarief', kind: 'parameter', parameter: 'tarief', from: '2026-07-01', distribution: { kind: 'fixed', value: '61' } };
    const result = monteCarlo(jeugd, { inputs: [input], draws: 1, unit: 'euro' });
    const expected = applyScenario(jeugd, scenario([{ kind: 'set-parameter', parameter: 'tarief', periods: [{ from: '2025-01-01', value: '44' }, { from: '2026-07-01', value: '61' }] }])).evaluation.total;
    for (const year of result.years) expect(result.saldo[year]!.min.eq(expected[year]!.amount)).toBe(true);
    // 2026: 120 places x (181 days x 44 + 184 days x 61) = 2.302.560
    expect(result.saldo['2026']!.min.minus(evaluate(jeugd).total['2026']!.amount).toFixed()).toBe(String(120 * 184 * (61 - 44)));
  });

  it('volume and price drawn together, a realisation after them: the order of the inputs is the order of the changes', () => {
    const inputs: UncertainInput[] = [
      youths({ distribution: { kind: 'fixed', value: '4100' } }),
      { id: 'prijs', kind: 'indicator', indicator: 'kostprijs', years: [2026, 2027], places: 2, distribution: { kind: 'fixed', value: '22000.555' } },
      { id: 'real', kind: 'realisation', rows: ['2.1'], years: [2026], distribution: { kind: 'fixed', value: '0.5' } },
    ];
    const result = monteCarlo(jeugd, { inputs, draws: 1, unit: 'euro' });
    const drawn = applyScenario(jeugd, scenario([
      { kind: 'set-indicator', indicator: 'jeugdigen', years: [2026], value: '4100' },
      { kind: 'set-indicator', indicator: 'kostprijs', years: [2026, 2027], value: '22000.56' },
    ])).evaluation.total;
    expect(result.saldo['2027']!.min.eq(drawn['2027']!.amount)).toBe(true);
    // 2026: half of -4.100 x 22.000,56 = -45.101.148, plus -100.000 and the opvang 1.927.200
    expect(result.saldo['2026']!.min.toFixed()).toBe('-43273948');
  });

  it('drivers named like properties of an object (valueOf, toString) are drivers like any other', () => {
    const odd = budget({ title: 'o', unit: 'euro', horizon: { from: 2026, to: 2027 } })
      .section('1', 's')
      .line('hasOwnProperty', 'kosten', undefined, { nature: 'structural' })
      .drivers({
        indicators: [{ id: 'valueOf', title: 'v', unit: 'stuks', values: { 2026: 2, 2027: 3 } }, { id: 'toString', title: 't', unit: 'EUR', values: { 2026: '-10.5', 2027: '-11' } }],
        formulas: [{ row: 'hasOwnProperty', expression: 'valueOf * toString' }],
      })
      .build();
    const result = monteCarlo(odd, { inputs: [{ id: 'hasOwnProperty', kind: 'indicator', indicator: 'valueOf', distribution: { kind: 'fixed', value: '7' } }], draws: 2 });
    expect([result.saldo['2026']!.min.toFixed(), result.saldo['2027']!.min.toFixed()]).toEqual(['-73.5', '-77']);
  });

  it('a plan is plain data: a structured clone (what a worker receives) draws the same', () => {
    const plan = planMonteCarlo(jeugd, { inputs: [youths(), { id: 'tarief', kind: 'parameter', parameter: 'tarief', from: '2027-01-01', distribution: { kind: 'uniform', low: '40', high: '65' } }], draws: 50, seed: 9 });
    const a = new Float64Array(50 * plan.stride);
    const b = new Float64Array(50 * plan.stride);
    createKernel(plan).run(0, 50, a);
    createKernel(structuredClone(plan)).run(0, 50, b);
    expect([...b]).toEqual([...a]);
    expect(new Set(a).size).toBeGreaterThan(10);
  });

  it('the tornado table takes indicator inputs: its swing is the money of the low and high number of youths', () => {
    const table = tornado(jeugd, { year: 2026, measure: 'saldo', unit: 'euro', inputs: [youths()] });
    const at = (value: string) => applyScenario(jeugd, scenario([{ kind: 'set-indicator', indicator: 'jeugdigen', years: [2026], value }])).evaluation.total['2026']!.amount;
    expect(table.rows[0]!.atLow.eq(at('3750'))).toBe(true);
    expect(table.rows[0]!.atHigh.eq(at('4525'))).toBe(true);
    expect(table.rows[0]!.swing.toFixed()).toBe('16682797.25'); // 775 youths x 21.526,19
  });
});

describe('Monte Carlo driver inputs: every problem with its path', () => {
  const run = (inputs: readonly unknown[], extra: Record<string, unknown> = {}) => issuesOf(() => monteCarlo(jeugd, { inputs: inputs as UncertainInput[], draws: 10, ...extra }));

  it('the indicator: missing, unknown, read by no formula', () => {
    expect(run([{ ...youths(), indicator: undefined }])).toEqual([{ code: 'missing_field', path: 'inputs[0].indicator' }]);
    expect(run([youths({ indicator: 'toString' })])).toEqual([{ code: 'unknown_reference', path: 'inputs[0].indicator' }]);
    expect(run([youths({ indicator: 'saldo_index', distribution: { kind: 'uniform', low: '-1', high: '1' } })])).toEqual([{ code: 'no_cells', path: 'inputs[0].indicator' }]);
  });

  it('the years: outside the horizon, a year without a value, one input per indicator and year', () => {
    expect(run([youths({ years: [2030] })])).toEqual([{ code: 'year_outside_horizon', path: 'inputs[0].years[0]' }]);
    expect(run([{ id: 'p', kind: 'indicator', indicator: 'plaatsen', years: [2027, 2028], distribution: { kind: 'fixed', value: '100' } }])).toEqual([{ code: 'invalid_value', path: 'inputs[0].years[1]' }]);
    expect(run([youths(), youths({ id: 'again', years: [2027, 2026] })])).toEqual([{ code: 'invalid_value', path: 'inputs[1].years' }]);
    expect(run([{ ...youths(), years: undefined } as never, youths({ id: 'again' })])).toEqual([{ code: 'invalid_value', path: 'inputs[1].years' }]);
  });

  it('the distribution: a negative count is refused, a negative value of an indicator that has one is not; a division by a value that can be zero', () => {
    expect(run([youths({ distribution: { kind: 'uniform', low: '-1', high: '4000' } })])).toEqual([{ code: 'negative_amount', path: 'inputs[0].distribution.low' }]);
    expect(run([youths({ distribution: { kind: 'discrete', choices: [{ value: '-5', p: '0.5' }, { value: '5', p: '0.5' }] } })])).toEqual([{ code: 'negative_amount', path: 'inputs[0].distribution.choices' }]);
    expect(run([youths({ distribution: { kind: 'triangular', low: '4000', likely: '3000', high: '4525' } })]).map((i) => i.path)).toEqual(['inputs[0].distribution.likely']);
    const divides = budget({ title: 'd', unit: 'euro', horizon: { from: 2026, to: 2027 } })
      .section('1', 's')
      .line('x', 'per stuk', undefined, { nature: 'structural' })
      .line('y', 'saldo-effect', undefined, { nature: 'structural' })
      .drivers({
        indicators: [{ id: 'n', title: 'n', unit: 'stuks', values: { 2026: 10, 2027: 10 } }, { id: 'd', title: 'd', unit: 'EUR', values: { 2026: -3, 2027: 2 } }],
        formulas: [{ row: 'x', expression: '-1000 / n' }, { row: 'y', expression: 'd * 1000' }],
      })
      .build();
    expect(issuesOrNone(() => monteCarlo(divides, { inputs: [{ id: 'd', kind: 'indicator', indicator: 'd', distribution: { kind: 'uniform', low: '-5', high: '5' } }], draws: 10 }))).toEqual([]);
    const at = (low: string) => issuesOrNone(() => monteCarlo(divides, { inputs: [{ id: 'n', kind: 'indicator', indicator: 'n', distribution: { kind: 'uniform', low, high: '20' } }], draws: 10 }));
    expect(at('0')).toEqual([{ code: 'division_by_zero', path: 'inputs[0].distribution' }]);
    // 0.4 rounds to 0 whole units
    expect(at('0.4')).toEqual([{ code: 'division_by_zero', path: 'inputs[0].distribution' }]);
    expect(at('0.5')).toEqual([]);
  });

  it('the parameter: missing, unknown, its date, no years, one input per parameter', () => {
    const tarief = { id: 't', kind: 'parameter', parameter: 'tarief', from: '2026-01-01', distribution: { kind: 'uniform', low: '40', high: '60' } };
    expect(run([{ ...tarief, parameter: undefined }])).toEqual([{ code: 'missing_field', path: 'inputs[0].parameter' }]);
    expect(run([{ ...tarief, parameter: '__proto__' }])).toEqual([{ code: 'unknown_reference', path: 'inputs[0].parameter' }]);
    expect(run([{ ...tarief, from: undefined }])).toEqual([{ code: 'missing_field', path: 'inputs[0].from' }]);
    expect(run([{ ...tarief, from: '2026-02-30' }])).toEqual([{ code: 'invalid_value', path: 'inputs[0].from' }]);
    expect(run([{ ...tarief, from: '2031-01-01' }])).toEqual([{ code: 'no_cells', path: 'inputs[0].from' }]);
    expect(run([{ ...tarief, years: [2026] }])).toEqual([{ code: 'invalid_value', path: 'inputs[0].years' }]);
    expect(run([tarief, { ...tarief, id: 't2' }])).toEqual([{ code: 'invalid_value', path: 'inputs[1].parameter' }]);
    expect(run([{ ...tarief, distribution: { kind: 'uniform', low: '-1', high: '60' } }])).toEqual([{ code: 'negative_amount', path: 'inputs[0].distribution.low' }]);
  });

  it('the options: places 0 to 6, no unit on a driver value, net needs the savings', () => {
    expect(run([youths({ places: 7 })]).map((i) => i.path)).toEqual(['options.inputs[0].places']);
    expect(run([youths({ unit: 'thousand' })])).toEqual([{ code: 'invalid_value', path: 'inputs[0].unit' }]);
    expect(run([youths({ kind: 'capacity' as never })]).map((i) => i.code)).toContain('missing_field');
    expect(run([youths()], { net: true, savings: false })).toEqual([{ code: 'invalid_value', path: 'net' }]);
    expect(run([youths()], { net: 'yes' }).map((i) => i.path)).toEqual(['options.net']);
  });
});

describe('Monte Carlo net savings', () => {
  const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2025, to: 2028 } })
    .section('4', 'Bezuinigingen')
    .line('HA', 'Taakstelling (stelpost)', ['1', '2', '3', '3'], { nature: 'structural' })
    .build();
  const ha = withTargets(table, [
    {
      id: 'ha',
      title: 'Taakstelling',
      unit: 'million',
      path: { 2025: '1', 2026: '2', 2027: '3', 2028: '3' },
      measures: [
        {
          id: 'teams',
          title: 'Stevige lokale teams',
          status: 'in-preparation',
          planned: { 2026: '1', 2027: '2', 2028: '2' },
          costs: [{ kind: 'transformation', title: 'Bij- en omscholing', amounts: { 2025: '1.5', 2026: '0.5' } }],
        },
      ],
    },
  ]);

  it('net: true takes the costs off what the measures realise, as evaluateTargets({ net: true }); a drawn rate too', () => {
    const inputs: UncertainInput[] = [{ id: 'teams', kind: 'measure', target: 'ha', measure: 'teams', distribution: { kind: 'uniform', low: '0.5', high: '1' } }];
    const net = monteCarlo(ha, { inputs, draws: 500, seed: 4, net: true, unit: 'million' });
    const gross = monteCarlo(ha, { inputs, draws: 500, seed: 4, unit: 'million' });
    expect([net.net, gross.net]).toEqual([true, false]);
    const s = net.savings[0]!;
    const g = gross.savings[0]!;
    // 2025: nothing realised, 1,5 mln costs: the net gap is 1 + 1,5; 2026: costs 0,5 on top of the gross gap in every draw
    expect(s.gap['2025']!.min.toFixed()).toBe('2.5');
    expect(s.gap['2026']!.min.minus(g.gap['2026']!.min).toFixed()).toBe('0.5');
    expect(s.gap['2026']!.max.minus(g.gap['2026']!.max).toFixed()).toBe('0.5');
    expect(s.gap['2027']!.percentiles['p50']!.eq(g.gap['2027']!.percentiles['p50']!)).toBe(true);
    const expected = evaluateTargets(ha, { net: true }).targets['ha']!.years;
    const plain = monteCarlo(ha, { inputs: [], draws: 1, net: true, unit: 'euro' }).savings[0]!;
    for (const year of ['2025', '2026', '2027', '2028']) expect(plain.gap[year]!.min.eq(expected[year]!.gap)).toBe(true);
  });
});
