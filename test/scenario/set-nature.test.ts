import { describe, expect, it } from 'vitest';
import { applyScenario, evaluate, loadBudget, loadScenario, structuralBalance, type Scenario } from '../../src/index.js';
import { issuesOrNone, seedText } from '../helpers.js';

const data = seedText;
const baseline = loadBudget(data('seed000-tb1.json'));
const estimates = loadScenario(data('scenario-pm-estimates.json'), { budget: baseline });
const structural: Scenario = {
  id: 'structureel',
  title: 'Ramingen, structureel',
  extends: 'ramingen-pm',
  changes: [
    { kind: 'set-nature', line: '1.4', nature: 'structural' },
    { kind: 'set-nature', line: '1.6', nature: 'structural' },
  ],
};
const k = (d: { div(n: number): { toFixed(): string } }): string => d.div(1000).toFixed();

describe('set-nature', () => {
  it('moves the pm estimates of 1.4 and 1.6 into the structural saldo, and the verdict with them', () => {
    const result = applyScenario(baseline, structural, [estimates]);
    const e = evaluate(result.budget);
    expect(result.budget.sections[0]!.lines.find((l) => l.id === '1.4')!.nature).toBe('structural');
    expect(k(e.total['2026']!.structural)).toBe('-1175'); // 725 - 1.100 - 800
    expect(k(e.total['2026']!.amount)).toBe('-1537'); // the saldo itself does not move
    expect(structuralBalance(baseline).verdict).toBe('first-year');
    expect(structuralBalance(result.budget).verdict).toBe('not-in-balance');
    expect(evaluate(baseline).total['2026']!.structural.toFixed()).toBe('725000'); // baseline untouched
  });

  it('marks a line with its components, or one component', () => {
    const scenario: Scenario = { id: 's', title: 's', changes: [{ kind: 'set-nature', line: '1.7', nature: 'incidental' }] };
    const line = applyScenario(baseline, scenario).budget.sections[0]!.lines.find((l) => l.id === '1.7')!;
    expect([line.nature, ...line.components.map((c) => c.nature)]).toEqual(['incidental', 'incidental', 'incidental']);
    const one: Scenario = { id: 's', title: 's', changes: [{ kind: 'set-nature', line: '1.7#2', nature: 'structural' }] };
    const line2 = applyScenario(baseline, one).budget.sections[0]!.lines.find((l) => l.id === '1.7')!;
    expect(line2.components.map((c) => c.nature)).toEqual(['structural', 'structural']);
  });

  it('refuses an unknown line, a missing or bad nature, and two changes that disagree', () => {
    expect(issuesOrNone(() => loadScenario({ id: 's', title: 's', changes: [{ kind: 'set-nature', line: '9.9', nature: 'structural' }] }, { budget: baseline }))).toEqual([
      { code: 'unknown_reference', path: 'changes[0].line' },
    ]);
    expect(issuesOrNone(() => loadScenario({ id: 's', title: 's', changes: [{ kind: 'set-nature', line: '1.4' }] }))).toEqual([{ code: 'missing_nature', path: 'changes[0].nature' }]);
    expect(issuesOrNone(() => loadScenario({ id: 's', title: 's', changes: [{ kind: 'set-nature', line: '1.4', nature: 'yearly' }] }))).toEqual([{ code: 'invalid_value', path: 'changes[0].nature' }]);
    const clash: Scenario = {
      id: 's',
      title: 's',
      changes: [
        { kind: 'set-nature', line: '1.4', nature: 'structural' },
        { kind: 'set-nature', line: '1.4', nature: 'incidental' },
      ],
    };
    expect(issuesOrNone(() => applyScenario(baseline, clash)).map((i) => i.code)).toContain('change_conflict');
  });

  it('survives a JSON round trip', () => {
    expect(loadScenario(JSON.stringify(structural), { budget: baseline, library: [estimates] })).toEqual(structural);
  });
});

describe('scenario results are frozen all the way down', () => {
  it('freezes the amounts a scenario puts into its budget, digit arrays included', () => {
    const result = applyScenario(baseline, estimates);
    const cell = result.budget.sections[0]!.lines.find((l) => l.id === '1.4')!.values['2027']!;
    expect(Object.isFrozen(cell)).toBe(true);
    expect(Object.isFrozen((cell as unknown as { d: number[] }).d)).toBe(true);
    expect(() => {
      (cell as unknown as { d: number[] }).d[0] = 1;
    }).toThrow(TypeError);
    expect(evaluate(result.budget).total['2027']!.amount.toFixed()).toBe('-1367000');
  });
});
