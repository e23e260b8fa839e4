/**
 * A scenario that only writes cells gets a compiled form derived from its baseline's (engine/derive.ts): it must
 * be the compiled form a full compile builds, field by field, and evaluate to the Decimal reference. The
 * generators draw every change kind (structure changes too, which compile in full), on budgets of every shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { evaluateReference } from '../../src/evaluate/reference.js';
import { compiledOf, compileValidBudget, type CompiledBudget } from '../../src/engine/compile.js';
import { deriveCompiled } from '../../src/engine/derive.js';
import { budgetArb, scenarioArb, stackedScenarioArb } from '../../src/testing/index.js';
import { budget as build } from '../../src/evaluate/builder.js';
import type { Budget } from '../../src/model/budget.js';
import { MeerjarenError } from '../../src/core/errors.js';
import type { Change } from '../../src/scenario/types.js';
import { budgetArb as centsBudgetArb, centsArb, plain } from './arbitraries.js';

const numRuns = process.env.MEERJAREN_DEEP ? 2000 : 150;
const budgets = budgetArb({ maxMicros: 10n ** 15n });

/** Every field of a compiled form, typed arrays as plain arrays (-0 and 0 differ). */
function fieldsOf(c: CompiledBudget): Record<string, unknown> {
  return {
    years: c.years, yearCount: c.yearCount, decimals: c.decimals, rounding: c.rounding, wide: c.wide, rowCount: c.rowCount,
    rowIds: c.rowIds, rowLine: Array.from(c.rowLine), rowStructural: Array.from(c.rowStructural), lineIds: c.lineIds,
    lineSection: Array.from(c.lineSection), lineFirstRow: Array.from(c.lineFirstRow), sectionIds: c.sectionIds,
    sectionFirstLine: Array.from(c.sectionFirstLine), units: Array.from(c.units), wideUnits: c.wideUnits,
    flags: Array.from(c.flags), absoluteSum: c.absoluteSum,
  };
}

/** The scenario's compiled form as applyScenario left it, checked against a full compile; whether it was derived. */
function checkDerived(baseline: Budget, after: Budget): boolean {
  const derived = compiledOf.known(after);
  if (derived !== undefined) {
    expect(derived.budget).toBe(after);
    expect(fieldsOf(derived)).toEqual(fieldsOf(compileValidBudget(after)));
  }
  expect(plain(evaluate(after))).toEqual(plain(evaluateReference(after)));
  expect(compiledOf.known(baseline)).toBeDefined();
  return derived !== undefined;
}

describe('a scenario compiled from its baseline equals a full compile', () => {
  it('for drawn scenarios of every change kind', () => {
    let derived = 0;
    let full = 0;
    fc.assert(
      fc.property(budgets.chain((b) => scenarioArb(b).map((s) => ({ b, s }))), ({ b, s }) => {
        compiledOf(b);
        if (checkDerived(b, applyScenario(b, s).budget)) derived++;
        else full++;
      }),
      { numRuns, seed: 20261203 },
    );
    // both routes were taken, or the property proves nothing about one of them
    expect(derived).toBeGreaterThan(numRuns / 10);
    expect(full).toBeGreaterThan(0);
  });

  it('for stacked scenarios (extends)', () => {
    fc.assert(
      fc.property(budgets.chain((b) => stackedScenarioArb(b).map((st) => ({ b, st }))), ({ b, st }) => {
        compiledOf(b);
        checkDerived(b, applyScenario(b, st.scenario, st.library).budget);
      }),
      { numRuns: Math.ceil(numRuns / 3), seed: 20261204 },
    );
  });

  it('for writes of every kind of value into budgets in cents (the derived route)', () => {
    /** Writes into drawn rows: set (an amount, pm or nil), add and percent in set-amount, and estimates of pm posts. */
    const writesArb = (b: Budget): fc.Arbitrary<Change[]> => {
      const lines = b.sections.flatMap((s) => s.lines);
      const rows = lines.flatMap((l) => [...(l.components.length === 0 ? [l.id] : []), ...l.components.map((c) => c.id)]);
      const { from, to } = b.horizon;
      const years = fc.integer({ min: from, max: to }).chain((y) => fc.integer({ min: y, max: to }).map((z) => ({ from: y, to: z })));
      const write: fc.Arbitrary<Change> = fc.oneof(
        fc.record({ kind: fc.constant('set-amount' as const), line: fc.constantFrom(...rows), years, value: fc.oneof({ weight: 6, arbitrary: centsArb }, { weight: 2, arbitrary: fc.constantFrom('pm', '-pm', '+pm') }, { weight: 1, arbitrary: fc.constant(null) }) }),
        fc.record({ kind: fc.constant('set-amount' as const), line: fc.constantFrom(...rows), years, value: centsArb.map((a) => ({ add: a })) }),
        fc.record({ kind: fc.constant('set-amount' as const), line: fc.constantFrom(...lines.map((l) => l.id)), years, value: fc.integer({ min: -200, max: 200 }).map((p) => ({ percent: String(p) })) }),
        fc.record({ kind: fc.constant('estimate-pm' as const), line: fc.constantFrom(...rows), value: centsArb }),
      );
      return fc.array(write, { minLength: 1, maxLength: 6 });
    };
    let derived = 0;
    fc.assert(
      fc.property(centsBudgetArb({ cents: true }).chain((b) => writesArb(b).map((changes) => ({ b, changes }))), ({ b, changes }) => {
        expect(compiledOf(b).decimals).toBe(2);
        let after: Budget;
        try {
          after = applyScenario(b, { id: 's', title: 's', changes }, undefined, { conflicts: 'report' }).budget;
        } catch (error) {
          if (MeerjarenError.is(error)) return; // a write the scenario rules refuse (adding to pm, no pm to estimate)
          throw error;
        }
        if (checkDerived(b, after)) derived++;
      }),
      { numRuns: numRuns * 2, seed: 20261205 },
    );
    expect(derived).toBeGreaterThan(numRuns / 2);
  });

  it('falls back to a full compile where deriving cannot promise the same unit', () => {
    // an amount with four decimals makes the unit a hundredth of a cent: writing over it could change the unit
    const b = build({ title: 't', unit: 'euro', horizon: { from: 2025, to: 2026, budgetYear: 2025 } })
      .section('1', 'Een')
      .line('a', 'A', ['1.1255', '2'], { nature: 'structural' })
      .line('b', 'B', ['3', '4'], { nature: 'incidental' })
      .build();
    const base = compiledOf(b);
    expect(base.decimals).toBe(4);
    const after = applyScenario(b, { id: 's', title: 's', changes: [{ kind: 'set-amount', line: 'a', years: { from: 2025, to: 2025 }, value: '1' }] }).budget;
    expect(deriveCompiled(base, after, [{ row: 'a', year: 2025 }])).toBeUndefined();
    expect(compiledOf(after).decimals).toBe(2);
    expect(plain(evaluate(after))).toEqual(plain(evaluateReference(after)));
  });

  it('refuses a budget whose rows are not where the baseline has them', () => {
    const b = build({ title: 't', unit: 'euro', horizon: { from: 2025, to: 2025, budgetYear: 2025 } })
      .section('1', 'Een')
      .line('a', 'A', ['1'], { nature: 'structural' })
      .line('b', 'B', ['3'], { nature: 'incidental' })
      .build();
    const swapped = build({ title: 't', unit: 'euro', horizon: { from: 2025, to: 2025, budgetYear: 2025 } })
      .section('1', 'Een')
      .line('b', 'B', ['3'], { nature: 'incidental' })
      .line('a', 'A', ['1'], { nature: 'structural' })
      .build();
    expect(deriveCompiled(compiledOf(b), swapped, [{ row: 'a', year: 2025 }])).toBeUndefined();
    expect(deriveCompiled(compiledOf(b), swapped, [{ row: 'zz', year: 2025 }])).toBeUndefined();
  });
});
