import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { explain, type Scenario } from '../../src/scenario/index.js';
import { issuesOf, seedBudget } from '../helpers.js';

const seed = seedBudget('seed000-tb1.json');
const scenario: Scenario = {
  id: 'ramingen',
  title: 'Ramingen',
  changes: [
    { kind: 'estimate-pm', line: '1.4', years: [2027], value: '-1100', note: 'raming op basis van 2025' },
    { kind: 'set-amount', line: '4.1', years: [2027], value: { percent: '50' } },
    { kind: 'set-amount', line: '2.1', years: [2027], value: '-40' },
  ],
};
const k = (s: string | undefined): string | undefined => (s === undefined ? undefined : String(Number(s) / 1000));

describe('explain a section subtotal and the grand total through the changes that moved them', () => {
  it('the grand total: the baseline, every change that touched a row of it with its note, and the result', () => {
    const why = explain(seed, scenario, { total: true, year: 2027 });
    expect(why.scope).toBe('total');
    expect(k(why.baseline.amount?.toFixed())).toBe(k(evaluate(seed).total['2027']!.amount.toFixed()));
    expect(why.steps.map((s) => [s.change, s.kind, s.note])).toEqual([[0, 'estimate-pm', 'raming op basis van 2025'], [1, 'set-amount', undefined], [2, 'set-amount', undefined]]);
    // each step moves the total by what it changed, and the last step's figure is the result
    for (let i = 1; i < why.steps.length; i++) expect(why.steps[i]!.before).toEqual(why.steps[i - 1]!.after);
    expect(why.steps.at(-1)!.after).toEqual(why.result);
  });

  it('a section: only the changes of its lines', () => {
    const why = explain(seed, scenario, { section: '4', year: 2027 });
    expect(why).toMatchObject({ scope: 'section', line: '4' });
    expect(why.steps.map((s) => s.change)).toEqual([1]);
    expect(why.result.amount!.sub(why.baseline.amount!).toFixed()).toBe(why.steps[0]!.after.amount!.sub(why.steps[0]!.before.amount!).toFixed());
  });

  it('refuses no target, two targets and an unknown section, with the path', () => {
    expect(issuesOf(() => explain(seed, scenario, { year: 2027 } as never))).toEqual([{ code: 'invalid_argument', path: 'at.line' }]);
    expect(issuesOf(() => explain(seed, scenario, { line: '1.4', total: true, year: 2027 }))).toEqual([{ code: 'invalid_argument', path: 'at' }]);
    expect(issuesOf(() => explain(seed, scenario, { section: '99', year: 2027 }))).toEqual([{ code: 'unknown_reference', path: 'section' }]);
  });
});
