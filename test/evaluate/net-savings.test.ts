import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Dec,
  MeerjarenError,
  budget,
  evaluateTargets,
  goalSeek,
  loadBudget,
  netSavings,
  netSavingsTable,
  renderText,
  targetsToDocument,
  toDocument,
  withTargets,
  MEASURE_COST_KINDS,
  PAYBACK_STATUSES,
  type Budget,
} from '../../src/index.js';

const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2025, to: 2029 } })
  .section('4', 'Bezuinigingen')
  .line('HA', 'Taakstelling (stelpost)', ['3', '7', '8', '9', '10'], { nature: 'structural' })
  .build();
const PATH = { 2025: '3', 2026: '7', 2027: '8', 2028: '9', 2029: '10' };
const ha: Budget = withTargets(table, [
  {
    id: 'ha',
    title: 'Taakstelling',
    unit: 'million',
    path: PATH,
    measures: [
      {
        id: 'teams',
        title: 'Stevige lokale teams',
        status: 'in-preparation',
        planned: { 2026: '2', 2027: '3', 2028: '4', 2029: '4' },
        realisation: { rate: '0.5' },
        costs: [
          { kind: 'transformation', title: 'Bij- en omscholing', amounts: { 2025: '1', 2026: '1' } },
          { kind: 'investment', amounts: { 2026: '0.5' } },
        ],
      },
      { id: 'crisis', title: 'Crisisorganisatie', status: 'decided', planned: { 2025: '2', 2026: '2' } },
      { id: 'dure', title: 'Dure maatregel', status: 'at-risk', planned: { 2029: '1' }, costs: [{ kind: 'investment', amounts: { 2025: '5' } }] },
    ],
  },
]);
const codes = (run: () => unknown): string[] => {
  try {
    run();
  } catch (e) {
    if (MeerjarenError.is(e)) return e.issues.map((i) => `${i.code} ${i.path}`);
    throw e;
  }
  return [];
};
const mln = (d: { div(n: number): { toFixed(): string } }): string => d.div(1_000_000).toFixed();

describe('netSavings', () => {
  const n = netSavings(ha).targets['ha']!;
  it('net = realised - costs, cumulative, and the payback year', () => {
    const t = n.measures['teams']!;
    expect(['2025', '2026', '2027', '2028', '2029'].map((y) => mln(t.years[y]!.realised))).toEqual(['0', '1', '1.5', '2', '2']);
    expect(['2025', '2026', '2027', '2028', '2029'].map((y) => mln(t.years[y]!.costs))).toEqual(['1', '1.5', '0', '0', '0']);
    expect(['2025', '2026', '2027', '2028', '2029'].map((y) => mln(t.years[y]!.net))).toEqual(['-1', '-0.5', '1.5', '2', '2']);
    expect(['2025', '2026', '2027', '2028', '2029'].map((y) => mln(t.years[y]!.cumulative))).toEqual(['-1', '-1.5', '0', '2', '4']);
    expect(t.paybackYear).toBe(2027); // the cumulative net reaches 0
    expect(t.payback).toBe('paid-back');
    expect(mln(t.totalCosts)).toBe('2.5');
    expect(mln(t.totalNet)).toBe('4');
  });
  it('a measure without costs has none; one that does not earn its costs back says so', () => {
    expect(n.measures['crisis']!.payback).toBe('no-costs');
    expect(n.measures['crisis']!.paybackYear).toBeUndefined();
    expect(n.measures['dure']!.payback).toBe('not-within-horizon');
    expect(mln(n.measures['dure']!.totalNet)).toBe('-4');
  });
  it('the target sums its measures', () => {
    expect(['2025', '2026'].map((y) => mln(n.years[y]!.net))).toEqual(['-4', '1.5']); // 2 - 1 - 5; 1 + 2 - 1,5
    expect(n.payback).toBe('paid-back'); // cumulative -4, -2.5, -1, 1: paid back in 2028
    expect(n.paybackYear).toBe(2028);
    expect(mln(n.years['2028']!.cumulative)).toBe('1');
  });
  it('is frozen and lists its statuses', () => {
    expect(Object.isFrozen(n.years['2025']!.net)).toBe(true);
    expect(PAYBACK_STATUSES).toEqual(['paid-back', 'not-within-horizon', 'no-costs']);
    expect(MEASURE_COST_KINDS).toEqual(['investment', 'transformation']);
  });
  it('refuses what is not a budget', () => {
    expect(codes(() => netSavings({} as Budget))[0]).toMatch(/ budget$/);
  });
});

describe('evaluateTargets with net: true', () => {
  it('takes the costs off planned and realised; the gap grows by the costs', () => {
    const gross = evaluateTargets(ha).targets['ha']!.years['2026']!;
    const net = evaluateTargets(ha, { net: true }).targets['ha']!.years['2026']!;
    expect(evaluateTargets(ha).net).toBe(false);
    expect(evaluateTargets(ha, { net: true }).net).toBe(true);
    expect(mln(gross.costs)).toBe('1.5');
    expect(mln(net.realised)).toBe(mln(gross.realised.minus(gross.costs)));
    expect(mln(net.planned)).toBe(mln(gross.planned.minus(gross.costs)));
    expect(mln(net.gap)).toBe(mln(gross.gap.plus(gross.costs)));
    expect(mln(evaluateTargets(ha, { net: true }).targets['ha']!.measures['teams']!.years['2026']!.realised)).toBe('-0.5');
  });
  it('refuses a net that is not true or false', () => {
    expect(codes(() => evaluateTargets(ha, { net: 'yes' as unknown as boolean }))).toEqual(['invalid_option options.net']);
  });
  it('goal seeking can use the net figures', () => {
    const spec = { input: { kind: 'measure-rate' as const, target: 'ha', measures: ['teams'] }, years: 2029, bounds: { high: 3 } };
    const gross = goalSeek(ha, { ...spec, outcome: { kind: 'target-gap', target: 'ha' } });
    const net = goalSeek(ha, { ...spec, outcome: { kind: 'target-gap', target: 'ha', net: true } });
    // 2029 has no costs: the same threshold, (10 - 1) / 4
    expect(gross.attainable && gross.threshold.toFixed()).toBe('2.25');
    expect(net.attainable && net.threshold.toFixed()).toBe('2.25');
    const y2026 = goalSeek(ha, { ...spec, years: 2026, bounds: { high: 10 }, outcome: { kind: 'target-gap', target: 'ha', net: true } });
    expect(y2026.attainable && y2026.threshold.toFixed()).toBe('3.25'); // 2 + 2r - 1,5 >= 7
    expect(codes(() => goalSeek(ha, { ...spec, outcome: { kind: 'target-gap', target: 'ha', net: 1 as unknown as boolean } }))).toEqual(['invalid_option spec.outcome.net']);
  });
});

describe('costs in documents', () => {
  it('are written back in the target unit and read again the same', () => {
    const doc = targetsToDocument(ha.targets!, ha);
    expect(doc[0]!.measures![0]!.costs).toEqual([
      { kind: 'transformation', title: 'Bij- en omscholing', amounts: { 2025: '1', 2026: '1' } },
      { kind: 'investment', amounts: { 2026: '0.5' } },
    ]);
    const again = loadBudget(toDocument(ha));
    expect(again.targets).toEqual(ha.targets);
  });
  it('are described by the JSON Schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/budget.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
    const doc = JSON.parse(JSON.stringify(toDocument(ha))) as { targets: { measures: { costs?: { kind: string }[] }[] }[] };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    doc.targets[0]!.measures[0]!.costs![0]!.kind = 'frictie';
    expect(validate(doc)).toBe(false);
  });
  it('refuse a negative cost, an unknown kind, a missing amount and unknown fields, with their paths', () => {
    const bad = (costs: unknown): string[] =>
      codes(() => withTargets(table, [{ id: 'ha', title: 'T', path: PATH, measures: [{ id: 'm', title: 'M', status: 'decided', planned: {}, costs } as never] }]));
    expect(bad([{ kind: 'investment', amounts: { 2026: '-1' } }])).toEqual(['negative_amount targets[0].measures[0].costs[0].amounts.2026']);
    expect(bad([{ kind: 'frictie', amounts: {} }])).toEqual(['invalid_value targets[0].measures[0].costs[0].kind']);
    expect(bad([{ kind: 'investment' }])).toEqual(['missing_field targets[0].measures[0].costs[0].amounts']);
    expect(bad([{ kind: 'investment', amounts: {}, extra: 1 }])).toEqual(['unknown_field targets[0].measures[0].costs[0].extra']);
    expect(bad('5')[0]).toMatch(/targets\[0\]\.measures\[0\]\.costs$/);
  });
});

describe('netSavingsTable', () => {
  it('prints savings, costs, net, cumulative and the payback year; the printed rows add up', () => {
    const text = renderText(netSavingsTable(netSavings(ha), 'ha'), { unit: 'thousand' });
    expect(text).toMatch(/Kosten \(investering, transformatie\)\s+-1\.000\s+-1\.500\s+0\s+0\s+0/);
    expect(text).toMatch(/Netto cumulatief\s+-1\.000\s+-1\.500\s+0\s+2\.000\s+4\.000/);
    expect(text).toContain('Terugverdienjaar: terugverdiend in 2027');
    expect(text).toContain('Terugverdienjaar: niet terugverdiend binnen de horizon');
    expect(text).toContain('Terugverdienjaar: geen kosten');
  });
  it('refuses an unknown target and what is not a result', () => {
    expect(codes(() => netSavingsTable(netSavings(ha), 'nope'))).toEqual(['unknown_reference target']);
    expect(codes(() => netSavingsTable({} as never, 'ha'))).toEqual(['invalid_argument net']);
  });
});

describe('properties', () => {
  const euros = fc.integer({ min: 0, max: 1_000_000_00 }).map((c) => new Dec(c).div(100).toFixed());
  const yearly = fc.array(fc.option(euros, { nil: undefined }), { minLength: 5, maxLength: 5 }).map((vs) => Object.fromEntries(vs.flatMap((v, i) => (v === undefined ? [] : [[String(2025 + i), v]]))));
  const measure = fc.record({
    planned: yearly,
    realisation: fc.constantFrom<unknown>('as-planned', 'none', { rate: '0.5' }, { delay: 1 }),
    costs: fc.array(fc.record({ kind: fc.constantFrom('investment' as const, 'transformation' as const), amounts: yearly }), { maxLength: 3 }),
  });
  it('net = realised - costs each year, cumulative is the running sum, the payback year is the first from the first cost on with cumulative >= 0; the net gap is the gross gap plus the costs', () => {
    const euroTable = budget({ title: 't', unit: 'euro', horizon: { from: 2025, to: 2029 } }).section('4', 'S').line('T', 'T', [1], { nature: 'structural' }).build();
    fc.assert(
      fc.property(fc.array(measure, { minLength: 1, maxLength: 3 }), yearly, (ms, path) => {
        const b = withTargets(euroTable, [{ id: 't', title: 'T', unit: 'euro', path, measures: ms.map((m, i) => ({ id: `m${i}`, title: `M${i}`, status: 'decided', ...m }) as never) }]);
        const n = netSavings(b).targets['t']!;
        const gross = evaluateTargets(b).targets['t']!;
        const net = evaluateTargets(b, { net: true }).targets['t']!;
        for (const e of [n, ...Object.values(n.measures)]) {
          let running = new Dec(0);
          let costsSeen = false;
          let payback: number | undefined;
          for (const y of [2025, 2026, 2027, 2028, 2029]) {
            const v = e.years[String(y)]!;
            expect(v.net.eq(v.realised.minus(v.costs))).toBe(true);
            running = running.plus(v.net);
            expect(v.cumulative.eq(running)).toBe(true);
            if (v.costs.gt(0)) costsSeen = true;
            if (costsSeen && payback === undefined && running.gte(0)) payback = y;
          }
          expect(e.paybackYear).toBe(payback);
          expect(e.payback).toBe(!costsSeen ? 'no-costs' : payback === undefined ? 'not-within-horizon' : 'paid-back');
          expect(e.totalNet.eq(running)).toBe(true);
        }
        for (const y of ['2025', '2026', '2027', '2028', '2029']) {
          expect(net.years[y]!.gap.eq(gross.years[y]!.gap.plus(gross.years[y]!.costs))).toBe(true);
          expect(gross.years[y]!.costs.eq(n.years[y]!.costs)).toBe(true);
          expect(gross.years[y]!.realised.eq(n.years[y]!.realised)).toBe(true);
        }
        expect(loadBudget(toDocument(b)).targets).toEqual(b.targets);
      }),
    );
  });
});
