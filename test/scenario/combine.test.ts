import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { issuesOf, seedBudget } from '../helpers.js';

const seed = seedBudget('seed000-tb1.json');
const total = (b: Parameters<typeof evaluate>[0], year: number): string => evaluate(b).total[String(year)]!.amount.div(1000).toFixed();

// two motions on seed 000's TB1, written independently of each other
const wmo: Scenario = { id: 'motie-wmo', title: 'Motie Wmo', changes: [{ kind: 'set-amount', line: '1.4', years: { from: 2026 }, value: '-1100' }] };
const jgh: Scenario = { id: 'motie-jgh', title: 'Motie JGH', changes: [{ kind: 'set-amount', line: '1.6', years: { from: 2026 }, value: '-800' }] };

describe('combining scenarios: extends with several parents', () => {
  it('applies the motions listed in extends, in order, without chaining them, and keeps which change came from which', () => {
    const both: Scenario = { id: 'beide', title: 'Beide moties', extends: ['motie-wmo', 'motie-jgh'], changes: [] };
    const r = applyScenario(seed, both, [wmo, jgh]);
    expect(total(r.budget, 2026)).toBe(new Dec(total(seed, 2026)).sub(1900).toFixed());
    expect(r.chain).toEqual(['motie-wmo', 'motie-jgh', 'beide']);
    expect([...new Set(r.touched.map((t) => t.scenario))]).toEqual(['motie-wmo', 'motie-jgh']);
    // the same as one list of both motions' changes
    expect(r.budget).toEqual(applyScenario(seed, { id: 'plat', title: 'plat', changes: [...wmo.changes, ...jgh.changes] }).budget);
  });

  it('applies a scenario reached through two parents once (a diamond)', () => {
    const base: Scenario = { id: 'basis', title: 'Basis', changes: [{ kind: 'set-amount', line: '1.5', years: [2025], value: { add: '100' } }] };
    const a: Scenario = { ...wmo, extends: 'basis' };
    const b: Scenario = { ...jgh, extends: 'basis' };
    const top: Scenario = { id: 'top', title: 'Top', extends: ['motie-wmo', 'motie-jgh'], changes: [] };
    const r = applyScenario(seed, top, [base, a, b]);
    expect(r.chain).toEqual(['basis', 'motie-wmo', 'motie-jgh', 'top']);
    expect(total(r.budget, 2025)).toBe(new Dec(total(seed, 2025)).add(100).toFixed());
  });

  it('names both scenarios when two motions change the same cell in a way that depends on their order', () => {
    const other: Scenario = { id: 'motie-b', title: 'Motie B', changes: [{ kind: 'set-amount', line: '1.4', years: [2026], value: '-500' }] };
    const top: Scenario = { id: 'top', title: 'Top', extends: ['motie-wmo', 'motie-b'], changes: [] };
    const r = applyScenario(seed, top, [wmo, other], { conflicts: 'report' });
    expect(r.conflicts.map((c) => c.message)).toEqual([expect.stringMatching(/change motie-wmo\.changes\[0\] \(set-amount\) and change motie-b\.changes\[0\] \(set-amount\) both change 1\.4 2026/)]);
  });

  it('refuses an empty or repeated list, a cycle through a list and an unknown parent, at the place in the list', () => {
    expect(issuesOf(() => loadScenario({ id: 'x', title: 'x', extends: [], changes: [] }))).toEqual([{ code: 'invalid_value', path: 'extends' }]);
    expect(issuesOf(() => loadScenario({ id: 'x', title: 'x', extends: ['a', 'a'], changes: [] }))).toEqual([{ code: 'duplicate_id', path: 'extends[1]' }]);
    expect(issuesOf(() => loadScenario({ id: 'x', title: 'x', extends: ['a', 'x'], changes: [] }))).toEqual([{ code: 'cycle', path: 'extends[1]' }]);
    const a: Scenario = { id: 'a', title: 'a', extends: ['b'], changes: [] };
    const b: Scenario = { id: 'b', title: 'b', extends: ['c', 'a'], changes: [] };
    const c: Scenario = { id: 'c', title: 'c', changes: [] };
    expect(issuesOf(() => applyScenario(seed, a, [a, b, c]))[0]).toEqual({ code: 'cycle', path: 'library.b.extends[1]' });
    expect(issuesOf(() => applyScenario(seed, { id: 't', title: 't', extends: ['c', 'zzz'], changes: [] }, [c]))[0]).toEqual({ code: 'unknown_reference', path: 'extends[1]' });
  });
});
