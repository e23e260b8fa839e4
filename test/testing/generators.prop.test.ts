/**
 * The generators of `meerjaren/testing` keep their promise "valid by construction" on budgets of every shape the
 * loader accepts (subtotal lines, pm, components, every unit and sign), not only on the small budgets of the
 * library's own scenario tests: every drawn scenario applies.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyScenario, evaluateCover, evaluateTargets } from 'meerjaren';
import { budgetArb, budgetWithCoverArb, coverScenarioArb, scenarioArb, stackedScenarioArb } from 'meerjaren/testing';

const runs = { numRuns: process.env.MEERJAREN_DEEP ? 1000 : 60, seed: 20261203 };
// amounts under EUR 1 bln: indexation cannot push a cell past the limits
const budgets = budgetArb({ maxMicros: 10n ** 15n });

describe('meerjaren/testing: drawn scenarios are valid', () => {
  it('scenarioArb on any budget (subtotal lines included) applies', () => {
    fc.assert(fc.property(budgets.chain((b) => scenarioArb(b).map((s) => ({ b, s }))), ({ b, s }) => {
      expect(applyScenario(b, s).budget.horizon).toEqual(b.horizon);
    }), runs);
  });

  it('a subtotal line is changed through its components, never by its own row', () => {
    const subtotalled = budgets.filter((b) => b.sections.some((sec) => sec.lines.some((l) => l.row === 'subtotal')));
    fc.assert(fc.property(subtotalled.chain((b) => scenarioArb(b).map((s) => ({ b, s }))), ({ b, s }) => {
      const subtotals = new Set(b.sections.flatMap((sec) => sec.lines.filter((l) => l.row === 'subtotal').map((l) => l.id)));
      for (const c of s.changes) {
        if (c.kind === 'set-amount' || c.kind === 'estimate-pm') expect(subtotals.has(c.line)).toBe(false);
        if (c.kind === 'move-amount') expect(subtotals.has(c.from) || subtotals.has(c.to)).toBe(false);
      }
      applyScenario(b, s);
    }), { ...runs, numRuns: Math.ceil(runs.numRuns / 2) });
  });

  it('stackedScenarioArb applies through its library, the same as its flat list', () => {
    fc.assert(fc.property(budgets.chain((b) => stackedScenarioArb(b).map((st) => ({ b, st }))), ({ b, st }) => {
      const stacked = applyScenario(b, st.scenario, st.library);
      expect(stacked.budget).toEqual(applyScenario(b, st.flat).budget);
    }), { ...runs, numRuns: Math.ceil(runs.numRuns / 2) });
  });

  it('budgetWithCoverArb and coverScenarioArb: the cover and targets evaluate, before and after', () => {
    fc.assert(fc.property(budgetWithCoverArb({ maxMicros: 10n ** 15n }).chain((b) => coverScenarioArb(b).map((s) => ({ b, s }))), ({ b, s }) => {
      expect(Object.keys(b.cover!.sources).length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(b.targets!).length).toBeGreaterThanOrEqual(1);
      const after = applyScenario(b, s).budget;
      for (const x of [b, after]) {
        expect(evaluateCover(x).claims.length).toBe(x.cover!.claims.length);
        expect(Object.keys(evaluateTargets(x).targets).length).toBe(Object.keys(x.targets!).length);
      }
    }), runs);
  });
});
