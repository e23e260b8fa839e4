import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, MeerjarenError, applyScenario, budget, loadBudget, type Budget, type BudgetDocument, type Change, type Decimal } from '../../src/index.js';
import { evaluateTargets } from '../../src/evaluate/targets.js';
import { withTargets } from '../../src/validate/with-targets.js';
import { dayNumber } from '../../src/model/driver-values.js';
import { monteCarlo, planMonteCarlo, type UncertainInput } from '../../src/uncertainty/index.js';
import { createKernel } from '../../src/uncertainty/montecarlo/kernel.js';
import { drawnSteps } from '../../src/uncertainty/montecarlo/kernel-drivers.js';

// Each run plans a budget and applies a scenario per draw (~10 ms): 100 runs; MEERJAREN_DEEP runs 20,000.
const numRuns = process.env.MEERJAREN_DEEP ? 20_000 : 100;
const YEARS = [2025, 2026, 2027, 2028];
const H = { from: 2025, to: 2028 };

// ---------------------------------------------------------------------------------------------
// Drivers: a draw of an indicator or a parameter gives evaluate(applyScenario(set-indicator / set-parameter)) exactly

const FORMULAS = ['-a * b', 'a * 12.5', 'a * b / 3', '(a + b) * 2', '-t * a', 't * 365 / 7', 'b / (a + 1)', '-(a - b) * t / 11', 'a * 0.333'];
const decimalText = (places: number) => (n: number): string => new Dec(n).div(10 ** places).toFixed();
const indicatorValues = fc.array(fc.option(fc.integer({ min: 0, max: 600_000 }).map(decimalText(2)), { nil: undefined }), { minLength: 4, maxLength: 4 });
const dateIn = (from: number, to: number) => fc.integer({ min: Date.UTC(from, 0, 1) / 86_400_000, max: Date.UTC(to, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const driverModel = fc.record({
  a: indicatorValues,
  b: fc.array(fc.integer({ min: 0, max: 100_000 }).map(decimalText(2)), { minLength: 4, maxLength: 4 }),
  rule: fc.constantFrom('per-day' as const, 'year-average' as const),
  periods: fc.uniqueArray(dateIn(2023, 2027), { minLength: 1, maxLength: 3 }).chain((dates) =>
    fc.tuple(fc.constant([...dates].sort()), fc.array(fc.integer({ min: 0, max: 20_000 }).map(decimalText(2)), { minLength: dates.length, maxLength: dates.length })),
  ),
  formulas: fc.tuple(fc.constantFrom(...FORMULAS), fc.constantFrom(...FORMULAS), fc.constantFrom(...FORMULAS)),
  // the inputs, in order: which driver, its years (indicators), its date (the parameter), places, the drawn floats
  inputs: fc.array(
    fc.record({
      driver: fc.constantFrom('a', 'b', 't'),
      years: fc.option(fc.subarray(YEARS, { minLength: 1 }), { nil: undefined }),
      from: dateIn(2024, 2028),
      places: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      draws: fc.array(fc.double({ min: 0, max: 6000, noNaN: true }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});
type DriverModel = typeof driverModel extends fc.Arbitrary<infer T> ? T : never;

const byYear = (values: readonly (string | undefined)[]): Record<string, string> =>
  Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[String(YEARS[i]), v]])));

function driversBudget(m: DriverModel): Budget {
  return loadBudget({
    format: 'meerjaren/budget',
    version: 1,
    title: 'drivers',
    unit: 'euro',
    numberFormat: 'plain',
    horizon: H,
    sections: [
      {
        id: '1',
        title: 's',
        lines: [
          { id: 'L1', title: 'driven structural', nature: 'structural' },
          { id: 'L2', title: 'driven incidental', nature: 'incidental' },
          { id: 'L3', title: 'own row and a driven component', nature: 'structural', row: 'amount', values: { 2025: '10', 2026: '20', 2027: '30', 2028: '40' }, components: [{ id: 'c1', title: 'driven component', nature: 'incidental' }] },
        ],
      },
    ],
    drivers: {
      indicators: [
        { id: 'a', title: 'a', unit: 'stuks', values: byYear(m.a) },
        { id: 'b', title: 'b', unit: 'EUR', values: byYear(m.b) },
      ],
      parameters: [{ id: 't', title: 't', unit: 'EUR per dag', rule: m.rule, periods: m.periods[0].map((from, i) => ({ from, value: m.periods[1][i]! })) }],
      formulas: [
        { row: 'L1', expression: m.formulas[0] },
        { row: 'L2', expression: m.formulas[1] },
        { row: 'c1', expression: m.formulas[2] },
      ],
    },
  } as BudgetDocument);
}

/** The inputs that plan: an indicator's years are years it has a value; one input per parameter, per indicator and year. */
function inputsOf(m: DriverModel): { input: UncertainInput; draws: readonly number[] }[] {
  let parameterSeen = false;
  const drawn = new Set<string>();
  return m.inputs.flatMap((x, j): { input: UncertainInput; draws: readonly number[] }[] => {
    const places = x.places === undefined ? {} : { places: x.places };
    const distribution = { kind: 'uniform' as const, low: '0', high: '6000' };
    if (x.driver === 't') {
      if (parameterSeen) return [];
      parameterSeen = true;
      if (Number(x.from.slice(0, 4)) > 2028) return [];
      return [{ input: { id: `i${j}`, kind: 'parameter' as const, parameter: 't', from: x.from, distribution, ...places }, draws: x.draws }];
    }
    const values = x.driver === 'a' ? m.a : m.b;
    const years = x.years?.filter((y) => values[YEARS.indexOf(y)] !== undefined);
    if (years !== undefined && years.length === 0) return [];
    if (years === undefined && values.every((v) => v === undefined)) return [];
    const keys = (years ?? YEARS.filter((_, i) => values[i] !== undefined)).map((y) => `${x.driver}${y}`);
    if (keys.some((k) => drawn.has(k))) return [];
    keys.forEach((k) => drawn.add(k));
    return [{ input: { id: `i${j}`, kind: 'indicator' as const, indicator: x.driver, ...(years === undefined ? {} : { years }), distribution, ...places }, draws: x.draws }];
  });
}

/** The scenario change an input's drawn float makes. */
function changeOf(b: Budget, input: UncertainInput, drawn: number): Change {
  const places = input.places ?? (input.kind === 'indicator' ? 0 : 2);
  const value = new Dec(drawnSteps(drawn, places)).div(10 ** places).toFixed();
  // without years an input draws the years in which the indicator has a value (a scenario: every year)
  const has = b.drivers!.indicators.find((i) => i.id === input.indicator)?.values ?? {};
  if (input.kind === 'indicator') return { kind: 'set-indicator', indicator: input.indicator!, years: input.years ?? YEARS.filter((y) => String(y) in has), value };
  const start = dayNumber(input.from!)!;
  const before = b.drivers!.parameters[0]!.periods.filter((p) => dayNumber(p.from)! < start).map((p) => ({ from: p.from, value: p.value.toFixed() }));
  return { kind: 'set-parameter', parameter: 't', periods: [...before, { from: input.from!, value }] };
}

/** Whether the plan takes the inputs; it may refuse only a formula that can divide by zero or a driver no formula reads. */
const plannable = (b: Budget, inputs: readonly UncertainInput[]): boolean => {
  try {
    planMonteCarlo(b, { inputs, draws: 1 });
    return true;
  } catch (error) {
    if (!MeerjarenError.is(error) || !error.issues.every((i) => i.code === 'division_by_zero' || i.code === 'no_cells')) throw error;
    return false;
  }
};

describe('Monte Carlo on drivers: a draw equals the scenario that sets the drawn value', () => {
  it('indicator and parameter draws give evaluate(applyScenario(set-indicator, set-parameter)) exactly, saldo and structural', () => {
    let checked = 0;
    fc.assert(
      fc.property(driverModel, (m) => {
        const b = driversBudget(m);
        const planned = inputsOf(m);
        const inputs = planned.map((p) => p.input);
        if (inputs.length === 0 || !plannable(b, inputs)) return;
        const plan = planMonteCarlo(b, { inputs, draws: 1, unit: 'euro' });
        const kernel = createKernel(plan);
        const Y = plan.yearCount;
        const out = new Float64Array(plan.stride);
        const draws = Math.max(...planned.map((p) => p.draws.length));
        for (let d = 0; d < draws; d++) {
          const values = Float64Array.from(planned, (p) => p.draws[d % p.draws.length]!);
          kernel.evaluate(values, out, 0);
          const scenario = applyScenario(b, { id: 's', title: 's', unit: 'euro', numberFormat: 'plain', changes: inputs.map((input, j) => changeOf(b, input, values[j]!)) });
          const units = (x: Decimal): number => Number(x.times(100 * plan.unitsPerCent).toFixed());
          YEARS.forEach((year, y) => {
            const total = scenario.evaluation.total[String(year)]!;
            expect(out[y]).toBe(units(total.amount));
            expect(out[Y + y]).toBe(units(total.structural));
          });
          checked += 1;
        }
      }),
      { numRuns },
    );
    expect(checked).toBeGreaterThan(numRuns / 4);
  });

  it('a run draws what the kernel computes: a fixed draw gives the saldo of the scenario in every percentile', () => {
    fc.assert(
      fc.property(indicatorValues, fc.integer({ min: 0, max: 9000 }), fc.constantFrom(...FORMULAS.filter((f) => f.includes('a'))), (a, drawn, formula) => {
        const m: DriverModel = { a, b: ['1', '2', '3', '4'], rule: 'per-day', periods: [['2024-01-01'], ['10']], formulas: [formula, formula, formula], inputs: [] };
        const b = driversBudget(m);
        const years = YEARS.filter((_, i) => a[i] !== undefined);
        if (years.length === 0) return;
        const inputs: UncertainInput[] = [{ id: 'a', kind: 'indicator', indicator: 'a', distribution: { kind: 'fixed', value: String(drawn) } }];
        const result = monteCarlo(b, { inputs, draws: 3, unit: 'euro' });
        const scenario = applyScenario(b, { id: 's', title: 's', unit: 'euro', numberFormat: 'plain', changes: [{ kind: 'set-indicator', indicator: 'a', years, value: String(drawn) }] });
        for (const year of YEARS) {
          const expected = scenario.evaluation.total[String(year)]!.amount;
          const s = result.saldo[String(year)]!;
          expect(s.min.eq(expected) && s.max.eq(expected) && s.mean.eq(expected)).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Net savings: each draw's net gap equals evaluateTargets({ net: true }) on the drawn budget; without costs net = gross

const yearAmounts = fc.array(fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }), { minLength: 4, maxLength: 4 });
const measureModel = fc.record({
  planned: yearAmounts,
  costs: fc.array(fc.record({ kind: fc.constantFrom('investment', 'transformation'), amounts: yearAmounts }), { maxLength: 2 }),
  drawn: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
});
const targetModel = fc.record({
  path: fc.array(fc.oneof(fc.integer({ min: 0, max: 12000 }).map(String), fc.constant('pm')), { minLength: 4, maxLength: 4 }),
  measures: fc.array(measureModel, { minLength: 1, maxLength: 3 }),
});
type TargetModel = typeof targetModel extends fc.Arbitrary<infer T> ? T : never;
type MeasureModel = typeof measureModel extends fc.Arbitrary<infer T> ? T : never;
const isDrawn = (m: MeasureModel): boolean => m.drawn !== undefined && m.planned.some((v) => v !== undefined);
const amounts = (values: readonly (number | undefined)[]): Record<string, string> => byYear(values.map((v) => (v === undefined ? undefined : String(v))));

function savingsBudget(targets: readonly TargetModel[], drawnAsRealisation: boolean, withCosts: boolean): Budget {
  const table = budget({ title: 't', unit: 'euro', horizon: H }).section('1', 's').line('a', 'a', [1, 2, 3, 4], { nature: 'structural' }).build();
  return withTargets(
    table,
    targets.map((t, ti) => ({
      id: `t${ti}`,
      title: `target ${ti}`,
      unit: 'euro',
      path: Object.fromEntries(t.path.map((p, i) => [String(YEARS[i]), p])),
      measures: t.measures.map((m, mi) => ({
        id: `m${mi}`,
        title: `measure ${mi}`,
        status: 'decided',
        planned: amounts(m.planned),
        ...(drawnAsRealisation && isDrawn(m) ? { realisation: { rate: (m.drawn! / 100).toFixed(2), abovePlan: true } } : {}),
        ...(withCosts && m.costs.length > 0 ? { costs: m.costs.map((c) => ({ kind: c.kind, title: c.kind, amounts: amounts(c.amounts) })) } : {}),
      })),
    })),
  );
}

function measureInputs(targets: readonly TargetModel[]): UncertainInput[] {
  return targets.flatMap((t, ti) =>
    t.measures.flatMap((m, mi) => (!isDrawn(m) ? [] : [{ id: `t${ti}.m${mi}`, kind: 'measure' as const, target: `t${ti}`, measure: `m${mi}`, distribution: { kind: 'fixed' as const, value: (m.drawn! / 100).toFixed(2) } }])),
  );
}

describe('Monte Carlo net savings', () => {
  it('with costs, the net realised and gap of each draw equal evaluateTargets({ net: true }) on the drawn budget', () => {
    fc.assert(
      fc.property(fc.array(targetModel, { minLength: 1, maxLength: 3 }), (targets) => {
        const expected = evaluateTargets(savingsBudget(targets, true, true), { net: true });
        const result = monteCarlo(savingsBudget(targets, false, true), { inputs: measureInputs(targets), draws: 2, seed: 5, net: true });
        expect(result.net).toBe(true);
        expect(result.savings.map((s) => s.id)).toEqual(Object.keys(expected.targets));
        for (const s of result.savings) {
          for (const year of result.years) {
            const y = expected.targets[s.id]!.years[year]!;
            expect(s.realised[year]!.min.eq(y.realised) && s.realised[year]!.max.eq(y.realised)).toBe(true);
            expect(s.gap[year]!.min.eq(y.gap) && s.gap[year]!.max.eq(y.gap)).toBe(true);
            expect(s.probabilityMet[year]).toBe(y.gap.lte(0) ? 1 : 0);
          }
        }
      }),
      { numRuns },
    );
  });

  it('without costs net equals gross, and a gross run ignores the costs', () => {
    fc.assert(
      fc.property(fc.array(targetModel, { minLength: 1, maxLength: 3 }), (targets) => {
        const inputs = measureInputs(targets);
        const { net: _n, ...net } = monteCarlo(savingsBudget(targets, false, false), { inputs, draws: 2, seed: 5, savings: true, net: true });
        const { net: _g, ...gross } = monteCarlo(savingsBudget(targets, false, false), { inputs, draws: 2, seed: 5, savings: true });
        expect(net).toEqual(gross);
        const { net: _c, ...grossWithCosts } = monteCarlo(savingsBudget(targets, false, true), { inputs, draws: 2, seed: 5, savings: true });
        expect(grossWithCosts.savings).toEqual(gross.savings);
      }),
      { numRuns },
    );
  });
});
