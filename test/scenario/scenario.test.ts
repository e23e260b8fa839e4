import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { explain, loadScenario, type Scenario } from '../../src/scenario/index.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { issuesOf, seedBudget } from '../helpers.js';

const seed = seedBudget('seed000-tb1.json');
const k = (n: number | string) => new Dec(n).times(1000);

describe('bad input', () => {
  it('names unknown lines, years and sections with the path of the change', () => {
    const s = {
      id: 'x',
      title: 'x',
      changes: [
        { kind: 'set-amount', line: '1.4', years: [2026], value: '1' },
        { kind: 'set-amount', line: '9.9', years: [2026], value: '1' },
        { kind: 'set-amount', line: '1.5', years: [2040], value: '1' },
        { kind: 'add-line', section: '7', line: { id: 'N', title: 'n', nature: 'incidental' } },
      ],
    };
    expect(issuesOf(() => loadScenario(s, { budget: seed }))).toEqual([
      { code: 'unknown_reference', path: 'changes[1].line' },
      { code: 'year_outside_horizon', path: 'changes[2].years[0]' },
      { code: 'unknown_reference', path: 'changes[3].section' },
    ]);
  });
  it('refuses a range with low above high, a scenario extending itself, unknown kinds and fields', () => {
    expect(issuesOf(() => loadScenario({ id: 'x', title: 'x', changes: [{ kind: 'estimate-pm', line: '1.4', value: { low: '5', likely: '4', high: '3' } }] }))).toEqual([
      { code: 'invalid_range', path: 'changes[0].value' },
    ]);
    expect(issuesOf(() => loadScenario({ id: 'x', title: 'x', extends: 'x', changes: [] }))).toEqual([{ code: 'cycle', path: 'extends' }]);
    expect(issuesOf(() => loadScenario('{"id":"x","title":"x","changes":[{"kind":"nope"},{"kind":"drop-line","line":"1.1","extra":1}]}'))).toEqual([
      { code: 'unknown_change_kind', path: 'changes[0].kind' },
      { code: 'unknown_field', path: 'changes[1].extra' },
    ]);
  });
  it('finds cycles through a library', () => {
    const a: Scenario = { id: 'a', title: 'a', extends: 'b', changes: [] };
    const b: Scenario = { id: 'b', title: 'b', extends: 'a', changes: [] };
    expect(issuesOf(() => applyScenario(seed, a, [a, b]))[0]).toEqual({ code: 'cycle', path: 'library.b.extends' });
  });
  it('refuses an estimate on a cell that is not pm', () => {
    expect(issuesOf(() => applyScenario(seed, { id: 'x', title: 'x', changes: [{ kind: 'estimate-pm', line: '1.4', years: [2025], value: '1' }] }))).toEqual([
      { code: 'not_pm', path: 'changes[0].years' },
    ]);
  });
});

describe('conflicts', () => {
  const scenario: Scenario = {
    id: 'c',
    title: 'c',
    changes: [
      { kind: 'set-amount', line: '4.1', years: [2027], value: '100' },
      { kind: 'set-amount', line: '4.1', years: { from: 2027, to: 2028 }, value: { percent: '50' } },
    ],
  };
  it('are errors by default, with the path of the later change', () => {
    expect(issuesOf(() => applyScenario(seed, scenario))).toEqual([{ code: 'change_conflict', path: 'changes[1]' }]);
  });
  it('can be reported instead', () => {
    const r = applyScenario(seed, scenario, undefined, { conflicts: 'report' });
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.cells).toEqual([{ row: '4.1', year: 2027 }]);
    expect(r.budget.sections[3]!.lines[0]!.values['2027']).toEqual(k(50));
  });
  it('do not arise between commuting changes or on a line added earlier', () => {
    const ok: Scenario = {
      id: 'ok',
      title: 'ok',
      changes: [
        { kind: 'set-amount', line: '4.1', years: [2027], value: { add: '10' } },
        { kind: 'move-amount', from: '4.1', to: '4.2', years: [2027], amount: '34' },
        { kind: 'add-line', section: '4', line: { id: 'N', title: 'n', nature: 'structural', values: { '2027': '5' } } },
        { kind: 'set-amount', line: 'N', years: [2027], value: { percent: '200' } },
      ],
    };
    const r = applyScenario(seed, ok);
    expect(r.budget.sections[3]!.lines[0]!.values['2027']).toEqual(k(210));
    expect(r.budget.sections[3]!.lines[1]!.values['2027']).toEqual(k(284));
    expect(evaluate(r.budget).lines['N']!.totals['2027']!.amount).toEqual(k(10));
  });
});

describe('move-amount (technische begrotingswijziging)', () => {
  it('moves 125 of Integrale Vroeghulp from goal 2.1 to 2.2 without changing the total', () => {
    const s: Scenario = {
      id: 'iv',
      title: 'Integrale Vroeghulp naar doel 2.2',
      changes: [
        { kind: 'add-line', section: '2', line: { id: 'IV-2.1', title: 'Integrale Vroeghulp (doel 2.1)', nature: 'structural', tags: { goal: '2.1' }, values: { '2026': '-125', '2027': '-125' } } },
        { kind: 'add-line', section: '2', line: { id: 'IV-2.2', title: 'Integrale Vroeghulp (doel 2.2)', nature: 'structural', tags: { goal: '2.2' }, values: { '2026': '0', '2027': '0' } } },
        { kind: 'move-amount', from: 'IV-2.1', to: 'IV-2.2', years: [2026, 2027], amount: '-125' },
      ],
    };
    const r = evaluate(applyScenario(seed, s).budget);
    const base = evaluate(seed);
    expect(r.lines['IV-2.1']!.totals['2026']!.amount.isZero()).toBe(true);
    expect(r.lines['IV-2.2']!.totals['2026']!.amount).toEqual(k(-125));
    expect(r.total['2027']!.amount).toEqual(base.total['2027']!.amount.minus(k(125)));
  });
});

describe('indexation', () => {
  it('compounds per year and is applied on top of level changes, so a later change never freezes earlier years', () => {
    const s: Scenario = {
      id: 'idx',
      title: 'idx',
      changes: [
        { kind: 'index', select: { lines: ['4.2'] }, rates: { '2027': '2', '2028': '3' } },
        { kind: 'set-amount', line: '4.2', years: { from: 2028 }, value: '300' },
      ],
    };
    const r = applyScenario(seed, s);
    const v = r.budget.sections[3]!.lines[1]!.values;
    expect(v['2026']).toEqual(k(250));
    expect(v['2027']).toEqual(k(255));
    expect(v['2028']).toEqual(k(300).times('1.02').times('1.03'));
    expect(v['2031']).toEqual(k(300).times('1.0506'));
    const e = explain(seed, s, { line: '4.2', year: 2028 });
    expect(e.steps.map((x) => x.kind)).toEqual(['set-amount', 'index']);
    expect(e.steps[0]!.after.amount).toEqual(k(300));
    expect(e.result.amount).toEqual(k('315.18'));
  });
});
