import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import { boolean, integer, readOptions, type OptionSpec } from '../core/guard.js';
import type { Budget } from '../model/budget.js';
import { requireBudget } from '../validate/admit.js';
import type { Change, Scenario, ScenarioLibrary, ValueSpec } from '../scenario/types.js';

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

interface ScenarioRow {
  readonly id: string;
  readonly line: string;
  readonly cells: Readonly<Record<string, unknown>>;
}

const isPmValue = (cell: unknown): boolean => typeof cell === 'object' && cell !== null && (cell as { kind?: unknown }).kind === 'pm';

/** The largest amount in euros: 18 digits before and 6 after the decimal point. */
const EXTREME_AMOUNTS = ['999999999999999999.999999', '-999999999999999999.999999', '0.000001', '-0.000001', '123456789012345678.123456'];

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
  const lines: string[] = [];
  const rows: ScenarioRow[] = [];
  const sectionOf = new Map<string, string>();
  for (const s of budget.sections) {
    for (const l of s.lines) {
      lines.push(l.id);
      sectionOf.set(l.id, s.id);
      rows.push({ id: l.id, line: l.id, cells: l.values });
      for (const c of l.components) rows.push({ id: c.id, line: l.id, cells: c.values });
    }
  }
  const years = budget.horizon.years;
  const extremes = options.extremes ?? false;
  const fractional = options.fractional ?? true;
  const scale = budget.presentation.unit === 'euro' ? 1 : budget.presentation.unit === 'thousand' ? 1000 : 1_000_000;
  // amounts in the scenario's unit: the budget's, or euros for the extremes
  const plainAmountArb = fc.integer({ min: -3000, max: 3000 }).map(String);
  const amountArb = extremes
    ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -3000 * scale, max: 3000 * scale }).map(String) }, { weight: 1, arbitrary: fc.constantFrom(...EXTREME_AMOUNTS) })
    : plainAmountArb;
  const percentArb = fractional
    ? fc.oneof(fc.integer({ min: 0, max: 200 }).map(String), fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 999_999 })).map(([w, f]) => `${w}.${String(f).padStart(6, '0')}`))
    : fc.integer({ min: 0, max: 200 }).map(String);
  const rateArb = fractional
    ? fc.oneof(fc.integer({ min: -50, max: 100 }).map((r) => (r / 10).toString()), fc.tuple(fc.integer({ min: -9, max: 12 }), fc.integer({ min: 1, max: 9999 })).map(([w, f]) => `${w < 0 ? '-' : ''}${Math.abs(w)}.${String(f).padStart(4, '0')}`))
    : fc.integer({ min: -50, max: 100 }).map((r) => (r / 10).toString());
  const yearsArb = fc.subarray([...years], { minLength: 1 });
  const byLine = new Map<string, ScenarioRow[]>();
  for (const r of rows) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);
  const numericYears = (row: ScenarioRow): number[] => years.filter((y) => !isPmValue(row.cells[y]));
  const pmYears = (row: ScenarioRow): number[] => years.filter((y) => isPmValue(row.cells[y]));

  const changeFor = (line: string, partner: string | undefined): Arbitrary<Change> => {
    const lineRows = byLine.get(line) ?? [];
    const choices: Arbitrary<Change>[] = [];
    choices.push(
      fc.tuple(fc.constantFrom(...lineRows), yearsArb, fc.oneof(amountArb, fc.constantFrom<ValueSpec>('pm', '-pm', null))).map(([r, ys, value]): Change => {
        // blanking every value of a row would leave a line (or component) the loader refuses: keep one
        const mayEmpty = r.id === r.line && lineRows.length > 1;
        const keeps = mayEmpty || years.some((y) => r.cells[y] !== undefined && !ys.includes(y));
        return value === null && !keeps ? { kind: 'set-amount', line: r.id, years: ys, value: '0' } : { kind: 'set-amount', line: r.id, years: ys, value };
      }),
      fc.tuple(yearsArb, percentArb).map(([ys, p]): Change => ({ kind: 'set-amount', line, years: ys, value: { percent: p } })),
      fc.constant<Change>({ kind: 'drop-line', line }),
    );
    const addable = lineRows.filter((r) => numericYears(r).length > 0);
    if (addable.length > 0) {
      choices.push(fc.constantFrom(...addable).chain((r) => fc.tuple(fc.subarray(numericYears(r), { minLength: 1 }), amountArb).map(([ys, a]): Change => ({ kind: 'set-amount', line: r.id, years: ys, value: { add: a } }))));
    }
    const estimable = lineRows.filter((r) => pmYears(r).length > 0);
    if (estimable.length > 0) {
      choices.push(
        fc.tuple(fc.constantFrom(...estimable), plainAmountArb, fc.nat(500), fc.nat(500), fc.boolean()).map(([r, likely, down, up, single]): Change => ({
          kind: 'estimate-pm',
          line: r.id,
          value: single ? likely : { low: String(Number(likely) - down), likely, high: String(Number(likely) + up) },
        })),
      );
    }
    if (partner !== undefined) {
      const a = lineRows[0];
      const b = (byLine.get(partner) ?? [])[0];
      if (a !== undefined && b !== undefined) {
        const common = years.filter((y) => !isPmValue(a.cells[y]) && !isPmValue(b.cells[y]));
        if (common.length > 0) choices.push(fc.tuple(fc.subarray(common, { minLength: 1 }), amountArb).map(([ys, amount]): Change => ({ kind: 'move-amount', from: a.id, to: b.id, years: ys, amount })));
      }
    }
    return fc.oneof(...choices);
  };

  const levelArb = fc.shuffledSubarray(lines, { minLength: 0, maxLength: Math.min(options.maxChanges ?? 5, lines.length) }).chain((chosen) => {
    const pairs = chosen.map((line, i) => fc.tuple(fc.boolean(), fc.constant(line), fc.constant(chosen[i + 1])));
    return fc.tuple(...pairs).chain((picked) => {
      // a move uses the next line as its partner; that line then gets no change of its own
      const used = new Set<string>();
      const arbs: Arbitrary<Change>[] = [];
      for (const [withPartner, line, next] of picked) {
        if (used.has(line)) continue;
        used.add(line);
        const partner = withPartner && next !== undefined && !used.has(next) ? next : undefined;
        if (partner !== undefined) used.add(partner);
        arbs.push(changeFor(line, partner));
      }
      return arbs.length === 0 ? fc.constant<Change[]>([]) : fc.tuple(...arbs).map((cs) => [...cs]);
    });
  });

  const valuesArb = fc.array(fc.option(fc.oneof({ weight: 4, arbitrary: amountArb }, { weight: 1, arbitrary: fc.constant('pm') }), { nil: undefined }), { minLength: years.length, maxLength: years.length });
  const addedArb = fc.record({
    section: fc.constantFrom(...budget.sections.map((s) => s.id)),
    where: fc.nat(1000),
    place: fc.constantFrom('end', 'after-baseline', 'after-added'),
    values: valuesArb,
    components: fc.array(valuesArb, { maxLength: extremes ? 2 : 1 }),
    then: fc.constantFrom('none', 'add', 'percent', 'drop', 'index'),
    amount: amountArb,
    percent: percentArb,
  });

  return levelArb.chain((level) => {
    const dropped = new Set(level.filter((c) => c.kind === 'drop-line').map((c) => (c as { line: string }).line));
    const live = lines.filter((l) => !dropped.has(l));
    const dependent = options.dependent ?? true;
    const addsArb = (options.add ?? true) && budget.sections.length > 0 ? fc.array(addedArb, { maxLength: 3 }) : fc.constant([]);
    const indexArb = (options.index ?? true) ? fc.array(fc.tuple(fc.nat(1000), fc.subarray([...years], { minLength: 1 }), rateArb), { maxLength: 2 }) : fc.constant([]);
    return fc.tuple(addsArb, indexArb).map(([adds, indexes]) => {
      const out: Change[] = [...level];
      const after: Change[] = [];
      const indexable = [...live];
      const addedBySection = new Map<string, string[]>();
      adds.forEach((a, k) => {
        const base = `N${k + 1}`;
        const id = extremes && k === 0 ? base.padEnd(64, 'x') : base;
        const title = extremes && k === 0 ? 'T'.repeat(1000) : `Nieuw ${k + 1}`;
        const sectionLines = budget.sections.find((s) => s.id === a.section)!.lines.map((l) => l.id).filter((l) => live.includes(l));
        const added = dependent ? (addedBySection.get(a.section) ?? []) : [];
        const target =
          a.place === 'after-added' && added.length > 0 ? added[a.where % added.length] : a.place === 'after-baseline' && sectionLines.length > 0 ? sectionLines[a.where % sectionLines.length] : undefined;
        const write = (values: readonly (string | undefined)[]): Record<string, string> => Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[String(years[i]), v]])));
        const components = a.components.filter((vs) => vs.some((v) => v !== undefined)).map((vs, n) => ({ title: `${title.slice(0, 990)} ${n + 1}`, values: write(vs) }));
        // a line needs a value in some year (or a component with one): the loader refuses it otherwise
        const values = components.length === 0 && a.values.every((v) => v === undefined) ? { [String(years[0])]: a.amount } : write(a.values);
        out.push({ kind: 'add-line', section: a.section, ...(target === undefined ? {} : { after: target }), line: { id, title, nature: 'structural', values, ...(components.length > 0 ? { components } : {}) } });
        addedBySection.set(a.section, [...(addedBySection.get(a.section) ?? []), id]);
        const numeric = years.filter((y) => values[String(y)] !== undefined && values[String(y)] !== 'pm');
        if (!dependent) {
          indexable.push(id);
          return;
        }
        if (a.then === 'add' && numeric.length > 0) after.push({ kind: 'set-amount', line: id, years: numeric, value: { add: a.amount } });
        else if (a.then === 'percent' && numeric.length > 0) after.push({ kind: 'set-amount', line: id, years: numeric, value: { percent: a.percent } });
        else if (a.then === 'drop') {
          // a dropped line is no longer a place to add after: later lines of this draw still name it only
          // when they were drawn before the drop, which comes after them
          after.push({ kind: 'drop-line', line: id });
          return;
        }
        indexable.push(id);
      });
      out.push(...after);
      for (const [pick, ys, rate] of indexes) {
        if (indexable.length === 0) break;
        const chosen = indexable.filter((_, i) => (pick >> i) % 2 === 1 || i === pick % indexable.length);
        out.push({ kind: 'index', select: { lines: chosen }, rates: Object.fromEntries(ys.map((y) => [String(y), rate])) });
      }
      return out;
    });
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
 * Valid stacked scenarios: the changes of {@link scenarioChangesArb} split over a chain of 1 to 4 scenarios, each
 * extending the one before, with a library given as a list or as a record keyed by id (in any key order, with
 * scenarios that no chain uses).
 * @param budget - the baseline
 * @param options - what to draw
 * @category Testing
 */
export function stackedScenarioArb(budget: Budget, options: ScenarioArbOptions = {}): Arbitrary<StackedScenario> {
  [budget, options] = scenarioArbArguments('stackedScenarioArb', budget, options);
  return fc.tuple(scenarioArb(budget, options), fc.array(fc.nat(100), { maxLength: 3 }), fc.boolean(), fc.boolean()).map(([flat, cuts, asRecord, spare]) => {
    const n = flat.changes.length;
    const bounds = [...new Set(cuts.map((c) => (n === 0 ? 0 : c % (n + 1))))].sort((a, b) => a - b);
    const parts: Change[][] = [];
    let from = 0;
    for (const b of [...bounds, n]) {
      parts.push(flat.changes.slice(from, b));
      from = b;
    }
    const ids = parts.map((_, i) => (i === parts.length - 1 ? flat.id : `laag-${i + 1}`));
    const chain: Scenario[] = parts.map((changes, i) => ({ ...flat, id: ids[i]!, title: `Laag ${i + 1}`, ...(i === 0 ? {} : { extends: ids[i - 1]! }), changes }));
    const ancestors = [...chain.slice(0, -1), ...(spare ? [{ id: 'ongebruikt', title: 'Ongebruikt', changes: [] } as Scenario] : [])].reverse();
    const library: ScenarioLibrary = asRecord ? Object.fromEntries(ancestors.map((s) => [s.id, s])) : ancestors;
    return { scenario: chain[chain.length - 1]!, library, flat };
  });
}
