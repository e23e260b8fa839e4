import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import { boolean, integer, readOptions } from '../core/guard.js';
import type { Actuals } from '../model/actuals.js';
import type { Budget } from '../model/budget.js';
import type { VersionInput, VersionKind } from '../model/versions.js';
import { requireBudget } from '../validate/admit.js';
import { applyScenario } from '../evaluate/apply-scenario.js';
import { loadActuals } from '../document/read-actuals.js';
import { MeerjarenError } from '../core/errors.js';
import { MIN_YEAR } from '../core/horizon.js';
import { microsArb, microsToPlain } from './amounts.js';
import { budgetArb, type BudgetArbOptions } from './budgets.js';
import { scenarioArb } from './scenarios.js';

// The version and actuals arbitraries of `meerjaren/testing`: series of versions with their mutations, and the
// actuals (realisatie) of a budget.

/** Options of {@link versionSeriesArb}. @category Testing */
export interface VersionSeriesArbOptions {
  /** Most versions after the first (each with mutations). @defaultValue 3 */
  readonly maxSteps?: number;
  /** Leave out the budget of some versions with mutations (the series derives it). @defaultValue true */
  readonly omitBudgets?: boolean;
  /** Sizes of the first budget. @defaultValue `{ maxYears: 5, maxSections: 3, maxLines: 4, maxComponents: 2, maxMicros: 10n ** 18n }` (EUR 10^12) */
  readonly budget?: BudgetArbOptions;
}

/** A drawn series of versions (standenreeks) and the budget each version must come to. @category Testing */
export interface VersionSeriesSample {
  /** The versions, dated in order, each after the first with mutations; some without their budget. */
  readonly versions: readonly VersionInput[];
  /** The budget of each version: the first's, then each with the mutations applied to the one before. */
  readonly budgets: readonly Budget[];
}

const KINDS: readonly VersionKind[] = ['begroting', 'voorjaarsnota', 'tb1', 'tb2', 'begrotingswijziging'];

/**
 * Series of versions of a budget with their mutations (standen met mutaties): a first budget (`budgetArb`), then
 * up to `maxSteps` versions, each with a valid scenario for the budget before it (`scenarioArb`, no indexation) as
 * its mutations and, unless left out, that scenario applied as its budget. Dated one day apart in order, named
 * uniquely. `budgets` holds what each version's budget must be, for properties of `versionSeries` (replaying the
 * mutations gives every version exactly; a derived budget is the replay's). A step whose scenario would push a
 * cell past the amount limits ends the series before it.
 * @param options - how many steps, whether budgets are left out, the first budget's sizes
 * @category Testing
 */
export function versionSeriesArb(options: VersionSeriesArbOptions = {}): Arbitrary<VersionSeriesSample> {
  options = readOptions('versionSeriesArb', options, {
    maxSteps: integer({ min: 0, max: 20 }),
    omitBudgets: boolean,
    budget: (value, path, collector) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) collector.add('invalid_option', path, 'options.budget must be the options of budgetArb');
    },
  });
  const first = budgetArb(options.budget ?? { maxYears: 5, maxSections: 3, maxLines: 4, maxComponents: 2, maxMicros: 1_000_000_000_000_000n });
  const steps = options.maxSteps ?? 3;
  const omit = options.omitBudgets ?? true;
  const grow = (budgets: Budget[], versions: VersionInput[], left: number): Arbitrary<VersionSeriesSample> => {
    if (left === 0) return fc.constant({ versions, budgets });
    const before = budgets[budgets.length - 1]!;
    return fc.tuple(scenarioArb(before, { index: false }), fc.boolean(), fc.boolean()).chain(([scenario, leaveOut, stop]) => {
      const k = budgets.length;
      // the lines a scenario adds are named N1, N2, ...: unique per step, so a later step can add lines too
      const changes = JSON.parse(JSON.stringify(scenario.changes).replace(/"N(\d+)(#\d+)?"/g, `"S${k}.N$1$2"`)) as typeof scenario.changes;
      scenario = { ...scenario, changes };
      let next: Budget;
      try {
        next = applyScenario(before, scenario).budget;
      } catch (e) {
        // a percentage or an addition may push a cell past the limits: the series ends before that step
        if (MeerjarenError.is(e) && e.issues.every((i) => i.code === 'amount_out_of_range')) return fc.constant({ versions, budgets });
        throw e;
      }
      const version: VersionInput = {
        name: `Stand ${k}`,
        kind: KINDS[k % KINDS.length]!,
        date: `2025-01-${String(k + 1).padStart(2, '0')}`,
        mutations: { ...scenario, id: `mutaties-${k}` },
        ...(omit && leaveOut ? {} : { budget: next }),
      };
      const out = { versions: [...versions, version], budgets: [...budgets, next] };
      return stop ? fc.constant(out) : grow(out.budgets, out.versions, left - 1);
    });
  };
  return first.chain((b) => grow([b], [{ name: 'Stand 0', kind: 'begroting', date: '2025-01-01', budget: b }], steps));
}

/** Options of {@link actualsArb}. @category Testing */
export interface ActualsArbOptions {
  /** Also draw a closed year just before the horizon (outside it). @defaultValue true */
  readonly outside?: boolean;
  /** Leave out some lines' actuals (missing, never 0). @defaultValue true */
  readonly missing?: boolean;
}

/**
 * Actuals (realisatie) for a budget, read by `loadActuals` from a drawn document: closed years from the start of
 * its horizon (and maybe one before it), per line a realised amount in euros (up to EUR 10 mln, up to 6 decimals,
 * 0 and nihil among them) for each closed year, some lines and years left out.
 * @param budget - the budget whose lines the actuals name
 * @param options - a closed year outside the horizon, missing actuals
 * @category Testing
 */
export function actualsArb(budget: Budget, options: ActualsArbOptions = {}): Arbitrary<Actuals> {
  const b = requireBudget('actualsArb', 'budget', budget);
  options = readOptions('actualsArb', options, { outside: boolean, missing: boolean });
  const horizon = b.horizon.years;
  const lines = b.sections.flatMap((s) => s.lines.map((l) => l.id));
  const amount = fc.oneof({ weight: 5, arbitrary: microsArb(10_000_000_000_000n).map((m) => microsToPlain(m, 'euro')) }, { weight: 1, arbitrary: fc.constantFrom<string | null>('0', null) });
  return fc
    .tuple(fc.integer({ min: 1, max: horizon.length }), (options.outside ?? true) ? fc.boolean() : fc.constant(false))
    .chain(([count, before]) => {
      const years = [...(before && horizon[0]! > MIN_YEAR ? [horizon[0]! - 1] : []), ...horizon.slice(0, count)];
      const cell = (options.missing ?? true) ? fc.option(amount, { freq: 4, nil: undefined }) : amount;
      const lineArb = fc.array(cell, { minLength: years.length, maxLength: years.length }).map((vs) => Object.fromEntries(vs.flatMap((v, i) => (v === undefined ? [] : [[String(years[i]!), v] as const]))));
      return fc.tuple(fc.constant(years), fc.array(lineArb, { minLength: lines.length, maxLength: lines.length }), (options.missing ?? true) ? fc.subarray(lines) : fc.constant(lines));
    })
    .map(([years, values, kept]) =>
      loadActuals({
        format: 'meerjaren/actuals',
        version: 1,
        title: 'Jaarrekening',
        unit: 'euro',
        numberFormat: 'plain',
        years,
        lines: Object.fromEntries(lines.flatMap((id, i) => (kept.includes(id) ? [[id, values[i]!] as const] : []))),
      }),
    );
}
