import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Dec,
  MeerjarenError,
  budget,
  loadBudget,
  evaluateTargets,
  goalSeek,
  goalSeekPerYear,
  goalSeekTable,
  renderGoalSeekTable,
  withTargets,
  GOAL_INPUT_KINDS,
  GOAL_OUTCOME_KINDS,
  type Budget,
  type GoalSeekResult,
  type GoalSeekSpec,
} from '../../src/index.js';

const horizon = { from: 2026, to: 2029 };
const table = budget({ title: 'Jeugd', unit: 'million', horizon })
  .section('4', 'Bezuinigingen')
  .line('HA', 'Taakstelling (stelpost)', ['7', '8', '9', '10'], { nature: 'structural' })
  .line('inc', 'Incidenteel', ['-1', '-1', '-1', '-1'], { nature: 'incidental' })
  .line('gr', 'Met componenten', undefined, { nature: 'structural' })
  .component('a', ['1', '1', '1', '1'], { id: 'gr.a' })
  .build();
const PATH = { 2026: '7', 2027: '8', 2028: '9', 2029: '10' };
const ha: Budget = withTargets(table, [
  {
    id: 'ha',
    title: 'Taakstelling',
    unit: 'million',
    path: PATH,
    measures: [
      { id: 'a', title: 'A', status: 'decided', planned: { 2026: '5', 2027: '6', 2028: '6.75', 2029: '7' } },
      { id: 'b', title: 'B', status: 'in-preparation', planned: { 2026: '3', 2027: '3.5', 2028: '4', 2029: '5' }, realisation: { rate: '0.5' } },
    ],
  },
]);
const RATE: GoalSeekSpec = { input: { kind: 'measure-rate', target: 'ha' }, outcome: { kind: 'target-gap', target: 'ha' } };
const found = (r: GoalSeekResult | undefined) => {
  if (r === undefined || !r.attainable) throw new Error('expected a threshold');
  return r;
};
const codes = (run: () => unknown): string[] => {
  try {
    run();
  } catch (e) {
    if (MeerjarenError.is(e)) return e.issues.map((i) => `${i.code} ${i.path}`);
    throw e;
  }
  return [];
};

describe('goalSeekPerYear: the realisation rate that fills the taakstelling', () => {
  const r = goalSeekPerYear(ha, RATE);
  it('finds 87,5% for 2026 down to 83,3334% for 2029, rounded up to the next ppm', () => {
    expect(r.years).toEqual([2026, 2027, 2028, 2029]);
    expect(r.years.map((y) => found(r.perYear[String(y)]).threshold.toFixed())).toEqual(['0.875', '0.842106', '0.83721', '0.833334']);
  });
  it('meets the target at the threshold and misses it one ppm below', () => {
    for (const y of r.years) {
      const x = found(r.perYear[String(y)]);
      expect(x.direction).toBe('at-least');
      expect(x.method).toBe('linear');
      expect(x.atThreshold.met).toBe(true);
      expect(x.beyond?.met).toBe(false);
      expect(x.beyond?.input.toFixed()).toBe(x.threshold.minus('0.000001').toFixed());
      expect(x.atThreshold.outcomes[0]!.year).toBe(y);
    }
    // 2026: 0.875 x 8 mln = 7 mln exactly; one ppm less leaves 8 euros
    expect(found(r.perYear['2026']).atThreshold.outcomes[0]!.value!.toFixed()).toBe('0');
    expect(found(r.perYear['2026']).beyond!.outcomes[0]!.value!.toFixed()).toBe('8');
  });
  it('agrees with bisection, which needs more evaluations', () => {
    const b = goalSeekPerYear(ha, { ...RATE, method: 'bisection' });
    for (const y of r.years) {
      const l = found(r.perYear[String(y)]);
      const s = found(b.perYear[String(y)]);
      expect(s.method).toBe('bisection');
      expect(s.threshold.eq(l.threshold)).toBe(true);
      expect(s.evaluations).toBeGreaterThan(l.evaluations);
      expect(s.evaluations).toBeLessThanOrEqual(2 + 21);
    }
  });
  it('gives the evaluations it used', () => {
    const x = found(r.perYear['2029']);
    expect(x.trail.length).toBe(x.evaluations);
    expect(x.trail[0]!.input.toFixed()).toBe('0');
    expect(x.trail[1]!.input.toFixed()).toBe('1');
    expect(Object.isFrozen(x)).toBe(true);
    expect(Object.isFrozen(x.trail[0]!.input)).toBe(true);
  });
  it('sets the rate the way a scenario would: the evaluation at the threshold is evaluateTargets on that rate', () => {
    const at = withTargets(table, [
      { id: 'ha', title: 'T', unit: 'million', path: PATH, measures: [
        { id: 'a', title: 'A', status: 'decided', planned: { 2026: '5', 2027: '6', 2028: '6.75', 2029: '7' }, realisation: { rate: '0.842106' } },
        { id: 'b', title: 'B', status: 'in-preparation', planned: { 2026: '3', 2027: '3.5', 2028: '4', 2029: '5' }, realisation: { rate: '0.842106' } },
      ] },
    ]);
    const gap = evaluateTargets(at).targets['ha']!.years['2027']!.gap;
    expect(found(r.perYear['2027']).atThreshold.outcomes[0]!.value!.eq(gap)).toBe(true);
  });
});

describe('goalSeek over a range of years', () => {
  it('needs the highest yearly rate when every year must hold', () => {
    const x = found(goalSeek(ha, { ...RATE, years: { from: 2026, to: 2029 } }));
    expect(x.threshold.toFixed()).toBe('0.875');
    expect(x.atThreshold.outcomes.map((o) => o.met)).toEqual([true, true, true, true]);
    expect(x.beyond!.outcomes.map((o) => o.met)).toEqual([false, true, true, true]);
    expect(x.years).toEqual([2026, 2027, 2028, 2029]);
  });
  it('takes a single year or a list', () => {
    expect(found(goalSeek(ha, { ...RATE, years: 2029 })).threshold.toFixed()).toBe('0.833334');
    expect(found(goalSeek(ha, { ...RATE, years: [2027, 2028] })).threshold.toFixed()).toBe('0.842106');
  });
  it('solves only the measures named; a coarser step rounds up to it', () => {
    // B alone: A delivers 5 of 7 in 2026, B must deliver 2 of 3
    expect(found(goalSeek(ha, { ...RATE, input: { kind: 'measure-rate', target: 'ha', measures: ['b'] }, years: 2026 })).threshold.toFixed()).toBe('0.666667');
    expect(found(goalSeek(ha, { ...RATE, years: 2029, step: '0.01' })).threshold.toFixed()).toBe('0.84');
  });
});

describe('not attainable, and already met', () => {
  it('is a result, with the best value found', () => {
    const r = goalSeek(ha, { ...RATE, input: { kind: 'measure-rate', target: 'ha', measures: ['b'] }, years: 2026, bounds: { high: '0.5' } });
    expect(r.attainable).toBe(false);
    if (r.attainable) return;
    expect(r.reason).toBe('not-met-within-bounds');
    expect(r.best.input.toFixed()).toBe('0.5');
    expect(r.best.met).toBe(false);
    expect(r.evaluations).toBe(2);
  });
  it('reaches above the plan only when the bounds say so', () => {
    const r = found(goalSeek(ha, { ...RATE, input: { kind: 'measure-rate', target: 'ha', measures: ['b'] }, years: 2029, bounds: { high: 2 } }));
    expect(r.threshold.toFixed()).toBe('0.6'); // 7 + 0.6 x 5 = 10
    const far = found(goalSeek(ha, { ...RATE, outcome: { kind: 'target-gap', target: 'ha', atMost: '-2000000' }, years: 2026, bounds: { high: 2 } }));
    expect(far.threshold.toFixed()).toBe('1.125'); // 9 of 8 planned
  });
  it('answers the bound when the goal holds everywhere', () => {
    const r = found(goalSeek(ha, { ...RATE, outcome: { kind: 'target-gap', target: 'ha', atMost: '7000000' }, years: 2026 }));
    expect(r.method).toBe('bound');
    expect(r.threshold.toFixed()).toBe('0');
    expect(r.beyond).toBeUndefined();
  });
  it('says when the input has no effect on the outcome', () => {
    const r = goalSeek(ha, { input: { kind: 'line-amount', line: 'inc' }, outcome: { kind: 'structural-saldo', atLeast: '100000000' }, years: 2026 });
    expect(r.attainable).toBe(false);
    if (!r.attainable) expect(r.reason).toBe('no-effect');
  });
});

describe('a line amount: saldo and structural saldo', () => {
  it('finds the amount at which the saldo is 0, to the cent', () => {
    const t = budget({ title: 'TB1', unit: 'euro', horizon, defaultNature: 'structural' })
      .section('1', 'S')
      .line('cost', 'Kosten', ['-1000.005', '-2000', '-3000', '-4000.333333'])
      .line('cover', 'Dekking', [0, 0, 0, 0])
      .build();
    const r = goalSeekPerYear(t, { input: { kind: 'line-amount', line: 'cover' }, outcome: { kind: 'saldo' } });
    expect(r.years.map((y) => found(r.perYear[String(y)]).threshold.toFixed())).toEqual(['1000.01', '2000', '3000', '4000.34']);
    const x = found(r.perYear['2029']);
    expect(x.beyond!.input.toFixed()).toBe('4000.33');
    expect(x.beyond!.met).toBe(false);
    // in the table's x € 1.000 step
    expect(found(goalSeek(t, { input: { kind: 'line-amount', line: 'cover' }, outcome: { kind: 'saldo' }, years: 2029, step: '1000' })).threshold.toFixed()).toBe('5000');
  });
  it('an incidental line moves the saldo but not the structural saldo; a structural one moves both', () => {
    const s = found(goalSeek(ha, { input: { kind: 'line-amount', line: 'HA' }, outcome: { kind: 'structural-saldo' }, years: 2026 }));
    // structural saldo = HA + gr.a = HA + 1 mln
    expect(s.threshold.toFixed()).toBe('-1000000');
    const saldo = found(goalSeek(ha, { input: { kind: 'line-amount', line: 'inc' }, outcome: { kind: 'saldo', atLeast: '0' }, years: 2026 }));
    expect(saldo.threshold.toFixed()).toBe('-8000000');
  });
  it('a decreasing relation gives the highest amount that meets the goal', () => {
    // saldo at most ...: written as a target gap? No: a component of a line, the saldo at least 7,5 mln in 2026
    const r = found(goalSeek(ha, { input: { kind: 'line-amount', line: 'gr.a' }, outcome: { kind: 'saldo', atLeast: '7500000' }, years: 2026 }));
    expect(r.threshold.toFixed()).toBe('1500000');
    expect(r.direction).toBe('at-least');
  });
});

describe('weerstandsratio: a capacity part', () => {
  const register = {
    risks: [{ id: 'R1', title: 'Jeugdzorg', probability: '0.3', amount: '1000001', nature: 'structural' as const }],
    capacity: [
      { kind: 'algemene-reserve' as const, title: 'Algemene reserve', amount: '0' },
      { kind: 'onvoorzien' as const, title: 'Onvoorzien', amount: '100000' },
    ],
  };
  it('finds the algemene reserve at which the ratio is 1, and 1,4', () => {
    const r = found(goalSeek(ha, { input: { kind: 'capacity-part', part: 0 }, outcome: { kind: 'weerstandsratio', register } }));
    // required 300.000,30; onvoorzien 100.000: the reserve must be 200.000,30
    expect(r.threshold.toFixed()).toBe('200000.3');
    expect(r.years).toEqual([]);
    expect(r.atThreshold.outcomes[0]!.year).toBeUndefined();
    expect(r.atThreshold.outcomes[0]!.value!.toFixed()).toBe('1');
    expect(r.beyond!.met).toBe(false);
    const b = found(goalSeek(ha, { input: { kind: 'capacity-part', part: 0 }, outcome: { kind: 'weerstandsratio', register, atLeast: '1.4' } }));
    expect(b.threshold.toFixed()).toBe('320000.42'); // 1,4 x 300.000,30 = 420.000,42, less the 100.000 onvoorzien
  });
  it('does not touch the register given', () => {
    goalSeek(ha, { input: { kind: 'capacity-part', part: 0 }, outcome: { kind: 'weerstandsratio', register } });
    expect(register.capacity[0]!.amount).toBe('0');
    expect(Object.isFrozen(register)).toBe(false);
  });
});

describe('a delayed measure keeps its delay', () => {
  it('applies the rate to the delayed plan', () => {
    const d = withTargets(table, [
      { id: 'ha', title: 'T', unit: 'million', path: PATH, measures: [{ id: 'v', title: 'Voorveld', status: 'in-preparation', planned: { 2026: '8', 2027: '10', 2028: '10', 2029: '10' }, realisation: { delay: 1 } }] },
    ]);
    // 2027 realises 2026's plan of 8 mln: 8 mln target needs everything
    expect(found(goalSeek(d, { ...RATE, years: 2027 })).threshold.toFixed()).toBe('1');
    expect(found(goalSeek(d, { ...RATE, years: 2028 })).threshold.toFixed()).toBe('0.9');
    expect(goalSeek(d, { ...RATE, years: 2026 }).attainable).toBe(false);
  });
});

describe('refusals', () => {
  it('names every problem of the spec with its path', () => {
    expect(codes(() => goalSeek(ha, { input: { kind: 'measure-rate', target: 'nope' }, outcome: { kind: 'target-gap', target: 'nope' } }))).toEqual([
      'unknown_reference spec.outcome.target',
      'unknown_reference spec.input.target',
    ]);
    expect(codes(() => goalSeek(ha, { input: { kind: 'measure-rate', target: 'ha', measures: ['a', 'x', 'a'] }, outcome: { kind: 'saldo' } }))).toEqual([
      'unknown_reference spec.input.measures[1]',
      'duplicate_id spec.input.measures[2]',
    ]);
    expect(codes(() => goalSeek(ha, { input: { kind: 'line-amount', line: 'gr' }, outcome: { kind: 'saldo' } }))).toEqual(['invalid_option spec.input.line']);
    expect(codes(() => goalSeek(ha, { input: { kind: 'line-amount', line: 'zz', years: [2031] }, outcome: { kind: 'saldo' }, years: [2025] }))).toEqual([
      'unknown_reference spec.input.line',
      'year_outside_horizon spec.input.years[0]',
      'year_outside_horizon spec.years[0]',
    ]);
    expect(codes(() => goalSeek(ha, { ...RATE, step: '0', bounds: { low: '0.9', high: '0.1' }, method: 'newton' as 'auto' }))).toEqual([
      'invalid_option spec.method',
      'invalid_option spec.step',
      'invalid_option spec.bounds.low'.replace('.low', ''),
    ]);
    expect(codes(() => goalSeek(ha, { ...RATE, bounds: { low: '-0.1' } }))).toEqual(['invalid_option spec.bounds.low']);
    expect(codes(() => goalSeek(ha, { ...RATE, step: '0.0000001' }))).toEqual(['invalid_option spec.step']);
    expect(codes(() => goalSeek(ha, { ...RATE, bounds: { low: '0.11', high: '0.15' }, step: '0.1' }))).toEqual(['invalid_option spec.bounds']);
    expect(codes(() => goalSeek(ha, { ...RATE, extra: 1 } as GoalSeekSpec))).toEqual(['unknown_option spec.extra']);
    expect(codes(() => goalSeek(ha, { input: { kind: 'tariff' }, outcome: { kind: 'nope' } } as unknown as GoalSeekSpec))).toEqual(['invalid_option spec.outcome.kind', 'invalid_option spec.input.kind']);
    expect(codes(() => goalSeek(ha, { input: { kind: 'capacity-part', part: 0 }, outcome: { kind: 'saldo' } }))).toEqual(['invalid_option spec.input.kind']);
    expect(codes(() => goalSeek(ha, { input: { kind: 'capacity-part', part: 3 }, outcome: { kind: 'weerstandsratio', register: { risks: [{ id: 'R', title: 'R', probability: 2, amount: 1, nature: 'structural' }], capacity: [] } } }))).toEqual([
      'invalid_value spec.outcome.register.risks[0].probability',
      'invalid_option spec.input.part',
    ]);
    expect(codes(() => goalSeekPerYear(ha, { input: { kind: 'capacity-part', part: 0 }, outcome: { kind: 'weerstandsratio', register: { risks: [], capacity: [{ kind: 'other', title: 'x', amount: 1 }] } } }))).toEqual(['invalid_option spec.outcome']);
    expect(codes(() => goalSeek(ha, undefined as unknown as GoalSeekSpec))).toEqual(['invalid_argument spec']);
    expect(codes(() => goalSeek({} as Budget, RATE))[0]).toMatch(/ budget/);
  });
  it('lists its kinds', () => {
    expect(GOAL_INPUT_KINDS).toEqual(['measure-rate', 'line-amount', 'capacity-part', 'indicator', 'parameter']);
    expect(GOAL_OUTCOME_KINDS).toEqual(['saldo', 'structural-saldo', 'target-gap', 'weerstandsratio']);
  });
  it('never freezes the spec given', () => {
    const spec = { input: { kind: 'measure-rate' as const, target: 'ha', measures: ['a'] }, outcome: { kind: 'target-gap' as const, target: 'ha', atMost: new Dec(0) }, years: 2026 };
    const r = goalSeek(ha, spec);
    expect(Object.isFrozen(spec.input.measures)).toBe(false);
    expect(Object.isFrozen(spec.outcome.atMost)).toBe(false);
    expect(Object.isFrozen(r.input)).toBe(true);
  });
});

describe('goalSeekTable', () => {
  it('prints the thresholds per year, Dutch by default', () => {
    const text = renderGoalSeekTable(goalSeekTable(goalSeekPerYear(ha, RATE)));
    expect(text).toContain('Drempel realisatiegraad');
    expect(text).toMatch(/87,5000%\s+84,2106%\s+83,7210%\s+83,3334%/);
    expect(text).toContain('Tekort taakstelling (€) een stap lager');
    expect(text).toContain('lineair (gecontroleerd)');
    const en = renderGoalSeekTable(goalSeekTable(goalSeekPerYear(ha, RATE), { language: 'en', title: 'T' }), { format: 'markdown' });
    expect(en).toContain('| Threshold realisation rate | 87.5000% | 84.2106% | 83.7210% | 83.3334% |');
  });
  it('shows a goal that cannot be met and a single seek', () => {
    const r = goalSeek(ha, { ...RATE, input: { kind: 'measure-rate', target: 'ha', measures: ['b'] }, years: 2026, bounds: { high: '0.5' } });
    const t = goalSeekTable(r);
    expect(t.columns).toEqual(['Alle jaren']);
    expect(t.rows[0]!.cells).toEqual(['niet haalbaar']);
    expect(t.rows[1]!.cells).toEqual(['500.000']); // the gap at the best rate
    const amount = goalSeekTable(goalSeek(ha, { input: { kind: 'line-amount', line: 'inc' }, outcome: { kind: 'saldo' }, years: 2026 }));
    expect(amount.rows[0]!.label).toBe('Drempel bedrag (€)');
    expect(amount.rows[0]!.cells).toEqual(['-8.000.000']);
  });
  it('refuses what is not a goal seek result, and bad options', () => {
    expect(codes(() => goalSeekTable({} as GoalSeekResult))).toEqual(['invalid_argument result']);
    expect(codes(() => goalSeekTable(goalSeek(ha, RATE), { language: 'fr' as 'en', x: 1 } as object))).toEqual(['unknown_option options.x', 'invalid_option options.language']);
    expect(codes(() => renderGoalSeekTable(goalSeekTable(goalSeek(ha, RATE)), { format: 'html' as 'text' }))).toEqual(['invalid_option options.format']);
  });
});

describe('goal seeking an indicator of the drivers', () => {
  const driven = budget({ title: 'J', unit: 'euro', horizon: { from: 2026, to: 2027 } })
    .section('2', 'Jeugd')
    .line('2.1', 'Jeugdhulp', undefined, { nature: 'structural' })
    .line('dekking', 'Budget', [90_000_000, 90_000_000], { nature: 'structural' })
    .drivers({ indicators: [{ id: 'jeugdigen', title: 'Jeugdigen', unit: 'jeugdigen', values: { 2026: 4525, 2027: 4000 } }], formulas: [{ row: '2.1', expression: '-jeugdigen * 21526.19' }] })
    .build();
  it('finds the most youths the budget covers: the saldo holds at the threshold and fails one youth beyond', () => {
    const r = goalSeekPerYear(driven, { input: { kind: 'indicator', indicator: 'jeugdigen' }, outcome: { kind: 'saldo' } });
    for (const year of ['2026', '2027']) {
      const y = r.perYear[year]!;
      if (!y.attainable) throw new Error('not attainable');
      expect([y.threshold.toFixed(), y.direction, y.atThreshold.margin.toFixed(), y.beyond!.margin.toFixed()]).toEqual(['4180', 'at-most', '20525.8', '-1000.39']);
    }
  });
  it('refuses an indicator the budget does not have, with its path', () => {
    expect(() => goalSeek(driven, { input: { kind: 'indicator', indicator: 'toString' }, outcome: { kind: 'saldo' } })).toThrow(/indicator/);
  });
});

describe('goal seeking a dated parameter (a tariff) of the drivers', () => {
  const ukraine = () => loadBudget(readFileSync(new URL('../../examples/data/seed000-oekraine-drivers.json', import.meta.url), 'utf8'));
  it('finds the lowest normvergoeding from 2025-01-01 that covers the 2025 costs of 3.600.000 for 405 places', () => {
    const r = goalSeek(ukraine(), { input: { kind: 'parameter', parameter: 'normvergoeding', from: '2025-01-01' }, outcome: { kind: 'saldo' }, years: [2025] });
    if (!r.attainable) throw new Error('not attainable');
    // 405 x 365 x 24,36 = 3.601.017 covers 3.600.000; 24,35 leaves 461,25 short
    expect([r.threshold.toFixed(), r.direction, r.atThreshold.margin.toFixed(), r.beyond!.margin.toFixed()]).toEqual(['24.36', 'at-least', '1017', '-461.25']);
  });
  it('refuses an unknown parameter and a date that is not yyyy-mm-dd, with their paths', () => {
    let caught: unknown;
    try {
      goalSeek(ukraine(), { input: { kind: 'parameter', parameter: 'valueOf', from: '2025-13-01' }, outcome: { kind: 'saldo' } });
    } catch (e) {
      caught = e;
    }
    const paths = (caught as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['spec.input.parameter', 'spec.input.from']));
  });
});
