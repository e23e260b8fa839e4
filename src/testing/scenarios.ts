import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import { boolean, integer, readOptions, type OptionSpec } from '../core/guard.js';
import type { Budget } from '../model/budget.js';
import { requireBudget } from '../validate/admit.js';
import type { Change, Scenario, ScenarioLibrary } from '../scenario/types.js';
import { addedArb, changeDraw, levelArb, withAddedLines } from './scenario-changes.js';

// The scenario arbitraries of `meerjaren/testing`: valid scenarios for a budget, single and stacked.

// ---------------------------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------------------------

/** What {@link scenarioChangesArb} and the scenario arbitraries draw. @category Testing */
export interface ScenarioArbOptions {
  /** Draw `index` changes. @defaultValue true */
  readonly index?: boolean;
  /** Draw `add-line` changes. @defaultValue true */
  readonly add?: boolean;
  /** Most level changes on the budget's own lines (one per line). @defaultValue 5 */
  readonly maxChanges?: number;
  /**
   * Draw changes that depend on an earlier change: an `add-line` after a line added before it, and a change
   * (`{ add }`, `{ percent }`, `drop-line`, `index`) of a line added before it. Such a scenario is valid only in
   * its own order: leave this off for properties that shuffle the changes. @defaultValue true
   */
  readonly dependent?: boolean;
  /**
   * Draw fractional percentages (6 decimals) and index rates with 4 decimals (never 3: `"1.627"` is ambiguous
   * without a `numberFormat`). @defaultValue true
   */
  readonly fractional?: boolean;
  /**
   * Draw the extremes of the limits: amounts of 18 digits before and 6 after the decimal point in euros, ids of
   * 64 characters, titles of 1000 characters (the scenario is then written in euros). Additions, percentages above
   * 100 and indexation may then push a cell past the limits: `applyScenario` refuses that with
   * `amount_out_of_range`. @defaultValue false
   */
  readonly extremes?: boolean;
}

/** The checks of {@link ScenarioArbOptions}. */
const SCENARIO_ARB_OPTIONS: OptionSpec = {
  index: boolean,
  add: boolean,
  maxChanges: integer({ min: 0, max: 1000 }),
  dependent: boolean,
  fractional: boolean,
  extremes: boolean,
};

/** The budget and options of a scenario arbitrary, checked at the boundary. */
function scenarioArbArguments(fn: string, budget: unknown, options: ScenarioArbOptions | undefined): [Budget, ScenarioArbOptions] {
  return [requireBudget(fn, 'budget', budget), readOptions(fn, options, SCENARIO_ARB_OPTIONS)];
}


/**
 * Valid changes of a scenario for a budget (scenariowijzigingen): one level change per line of the budget, each on a
 * different line (so they never conflict and never refer to a dropped line), `move-amount` between neighbours,
 * `estimate-pm` of pm posts, then `add-line` (at the end or `after` a line, also after a line added before it),
 * changes of added lines, and `index` changes. Valid by construction, in the order drawn.
 * @param budget - the baseline
 * @param options - what to draw
 * @category Testing
 */
export function scenarioChangesArb(budget: Budget, options: ScenarioArbOptions = {}): Arbitrary<Change[]> {
  [budget, options] = scenarioArbArguments('scenarioChangesArb', budget, options);
  const draw = changeDraw(budget, options);
  const level0 = levelArb(draw, options);
  const added = addedArb(draw); // built up front, as it always was (a budget without sections throws here)
  return level0.chain((level) => {
    const dropped = new Set(level.filter((c) => c.kind === 'drop-line').map((c) => (c as { line: string }).line));
    const live = draw.lines.filter((l) => !dropped.has(l));
    const addsArb = (options.add ?? true) && budget.sections.length > 0 ? fc.array(added, { maxLength: 3 }) : fc.constant([]);
    const indexArb = (options.index ?? true) ? fc.array(fc.tuple(fc.nat(1000), fc.subarray([...draw.years], { minLength: 1 }), draw.rateArb), { maxLength: 2 }) : fc.constant([]);
    return fc.tuple(addsArb, indexArb).map(([adds, indexes]) => withAddedLines(draw, level, live, adds, indexes, options.dependent ?? true));
  });
}

/**
 * Valid scenarios for a budget ({@link scenarioChangesArb}); with `extremes` written in euros.
 * @param budget - the baseline
 * @param options - what to draw
 * @category Testing
 */
export function scenarioArb(budget: Budget, options: ScenarioArbOptions = {}): Arbitrary<Scenario> {
  [budget, options] = scenarioArbArguments('scenarioArb', budget, options);
  return scenarioChangesArb(budget, options).map((changes): Scenario => ({ id: 'variant', title: 'Variant', ...(options.extremes ? { unit: 'euro' as const } : {}), changes }));
}

/** A stacked scenario (gestapeld scenario): the scenario, the library it extends, and the same changes in one list. @category Testing */
export interface StackedScenario {
  /** The scenario at the end of the chain. */
  readonly scenario: Scenario;
  /** The scenarios it extends, as a list or a record by id. */
  readonly library: ScenarioLibrary;
  /** Every change of the chain in application order (root ancestor first): applying it alone gives the same budget. */
  readonly flat: Scenario;
}

/**
 * Valid stacked scenarios: the changes of {@link scenarioChangesArb} split over 1 to 4 scenarios that the last one
 * reaches through `extends`: a chain (each extending the one before), a combination (the last extends all the
 * others, listed), or a diamond (every middle one extends the first, the last extends the middle ones, so the
 * first is reached more than once and applied once); with a library given as a list or as a record keyed by id
 * (in any key order, with scenarios that none uses).
 * @param budget - the baseline
 * @param options - what to draw
 * @category Testing
 */
export function stackedScenarioArb(budget: Budget, options: ScenarioArbOptions = {}): Arbitrary<StackedScenario> {
  [budget, options] = scenarioArbArguments('stackedScenarioArb', budget, options);
  const shapes = fc.constantFrom('chain', 'combined', 'diamond');
  return fc.tuple(scenarioArb(budget, options), fc.array(fc.nat(100), { maxLength: 3 }), fc.boolean(), fc.boolean(), shapes).map(([flat, cuts, asRecord, spare, shape]) => {
    const n = flat.changes.length;
    const bounds = [...new Set(cuts.map((c) => (n === 0 ? 0 : c % (n + 1))))].sort((a, b) => a - b);
    const parts: Change[][] = [];
    let from = 0;
    for (const b of [...bounds, n]) {
      parts.push(flat.changes.slice(from, b));
      from = b;
    }
    const ids = parts.map((_, i) => (i === parts.length - 1 ? flat.id : `laag-${i + 1}`));
    const last = parts.length - 1;
    // what scenario i extends; every shape applies the parts in their order
    const parentsOf = (i: number): string | string[] | undefined => {
      if (i === 0) return undefined;
      if (shape === 'chain') return ids[i - 1]!;
      if (shape === 'combined') return i === last ? ids.slice(0, last) : undefined;
      return i < last ? ids[0]! : last === 1 ? ids[0]! : ids.slice(1, last);
    };
    const chain: Scenario[] = parts.map((changes, i) => {
      const parents = parentsOf(i);
      return { ...flat, id: ids[i]!, title: `Laag ${i + 1}`, ...(parents === undefined ? {} : { extends: parents }), changes };
    });
    const ancestors = [...chain.slice(0, -1), ...(spare ? [{ id: 'ongebruikt', title: 'Ongebruikt', changes: [] } as Scenario] : [])].reverse();
    const library: ScenarioLibrary = asRecord ? Object.fromEntries(ancestors.map((s) => [s.id, s])) : ancestors;
    return { scenario: chain[chain.length - 1]!, library, flat };
  });
}
