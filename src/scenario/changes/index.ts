import type { Draft } from 'immer';
import type { Decimal } from '../../core/decimal.js';
import { tally, work } from '../../core/work.js';
import { isPm, type Cell } from '../../model/budget.js';
import { ownValue } from '../../core/records.js';
import { readPercentage } from '../values.js';
import { checkLinkedIndexation, checkLinksShape } from '../links.js';
import { each, isObject } from '../shape-checker.js';
import { Exact, HUNDREDTH, lineOf } from './cells.js';
import type { ChangeStep, Percentage } from './common.js';
import type { ChangeKindEntry, LineContext, RowRef } from './context.js';
import { IndexChain, IndexWrite, RunningProduct } from './index-chain.js';

/** Which lines an {@link IndexChange} applies to: by id, by tag, or both (a line matching either is selected). @category Scenarios */
export interface LineSelector {
  /** Line ids (the whole line) or component ids. */
  readonly lines?: readonly string[];
  /** Tags a line or component must all carry (`{ goal: "2.1" }`). */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Index a set of lines by a percentage per year (indexatie), compounding: the factor of a year is the product
 * of `1 + rate/100` over every indexed year up to and including it.
 *
 * @remarks
 * Indexation is applied after every level change of the scenario (set, estimate, move, add, drop), to the
 * resulting amounts: level changes are written in the prices of the base table, indexation puts them in the
 * prices of each year. So a change that starts in 2028 never freezes indexation in 2026 or 2027, and two index
 * changes on the same line multiply. pm and nil cells are not indexed. Each indexed cell is rounded once, to
 * the scenario's {@link Scenario.rounding}.
 * @category Scenarios
 */
export interface IndexChange {
  /** Discriminant. */
  readonly kind: 'index';
  /** The lines indexed. */
  readonly select: LineSelector;
  /** Percentage per year (`{ "2027": "2.5", "2028": "3" }`); years without a rate have rate 0. */
  readonly rates: Readonly<Record<string, Percentage>>;
  /**
   * Income and expense rows that belong together (gekoppelde baten en lasten), as `[incomeId, expenseId]` pairs:
   * indexing one side of a pair without the other is an error (`unlinked_indexation` at `links[n]`), so income is
   * never indexed while the spending it pays for is not.
   */
  readonly links?: readonly (readonly [string, string])[];
  /** Whether the `links` are enforced. @defaultValue true when `links` is given */
  readonly requireLinked?: boolean;
  /** A note for reports. */
  readonly note?: string;
}


/**
 * The index change kind: fields, shape check, application and footprint. Its `apply` only queues the change:
 * indexation runs after every level change ({@link applyIndexation}).
 * @internal
 */
export const indexKind = {
  fields: ['kind', 'select', 'rates', 'links', 'requireLinked', 'note'],
  shape(check, change, path) {
    const sel = change['select'];
    const sp = [...path, 'select'];
    if (!isObject(sel)) check.c.add(sel === undefined ? 'missing_field' : 'invalid_type', sp, 'select must be { lines?, tags? }');
    else {
      check.fields(sel, ['lines', 'tags'], sp);
      const lines = sel['lines'];
      if (lines !== undefined) {
        if (!Array.isArray(lines)) check.c.add('invalid_type', [...sp, 'lines'], 'lines must be a list of ids');
        else each(lines, (id, i) => check.id(id, [...sp, 'lines', i], 'line'));
      }
      check.tags(sel['tags'], [...sp, 'tags']);
      if (lines === undefined && sel['tags'] === undefined) check.c.add('missing_field', sp, 'select needs lines or tags');
    }
    const rates = change['rates'];
    const rp = [...path, 'rates'];
    if (!isObject(rates)) check.c.add(rates === undefined ? 'missing_field' : 'invalid_type', rp, 'rates must be an object by year: { "2027": "2.5" }');
    else
      for (const [year, rate] of Object.entries(rates)) {
        if (!/^\d{4}$/.test(year)) check.c.add('invalid_year', [...rp, year], `"${year}" is not a year`);
        const r = check.number(rate, [...rp, year]);
        if (r !== undefined && r.lte(-100)) check.c.add('invalid_value', [...rp, year], 'a rate must be above -100 %');
      }
    checkLinksShape(change['links'], change['requireLinked'], path, check.c);
  },
  apply: (ctx, _change, _step, i) => {
    ctx.deferred.push(i);
  },
  footprint: (change, lines) => {
    const out = (change.select.lines ?? []).map((id) => lineOf(lines, id));
    const wanted = change.select.tags;
    if (wanted !== undefined) {
      for (const entry of lines.tags) {
        if (entry.tags.some((t) => Object.entries(wanted).every(([k, v]) => ownValue(t, k) === v))) out.push(entry.line);
      }
    }
    return out;
  },
} satisfies ChangeKindEntry<IndexChange>;

/**
 * Applies every index change, after every level change (see {@link IndexChange}).
 * @param ctx - the engine
 * @param indexSteps - the index changes with their flattened index, in order
 * @internal
 */
export function applyIndexation(ctx: LineContext, indexSteps: readonly { readonly i: number; readonly change: IndexChange }[]): void {
  if (indexSteps.length === 0) return;
  const horizon = ctx.draft.horizon;
  const years = horizon.years;
  // the cells of each row as they stand after the level changes, read from the draft once (indexation reads them
  // for every change that selects the row; through immer's proxies that was most of the time)
  const snapshots = new Map<object, (Cell | undefined)[]>();
  const snapshot = (ref: RowRef): (Cell | undefined)[] => {
    const values = ref.component !== undefined ? ref.component.values : ref.line.values;
    let cells = snapshots.get(values);
    if (cells === undefined) {
      const record = values as Record<string, Cell | undefined>;
      cells = years.map((year) => record[year]);
      snapshots.set(values, cells);
    }
    return cells;
  };
  // per cell (row and year, in order of first selection) the index steps that select it with their cumulative factor
  const perCell: Entry[] = [];
  const byRow = new Map<string, (Entry | undefined)[]>();
  // the rows each tag selector matches: the budget does not change while the index steps are read
  const walks = new Map<string, RowRef[]>();
  const factorsByRates = new Map<string, (Decimal | undefined)[]>();
  for (const { i, change } of indexSteps) {
    const step = ctx.steps[i]!;
    const rates = readRates(ctx, change, step);
    if (rates === undefined) continue;
    const rows = select(ctx, change, step, walks);
    if (change.links !== undefined && change.requireLinked !== false) {
      checkLinkedIndexation(change.links, rows.map((r) => ({ id: r.id, line: r.line.id })), (id) => ctx.find(id) !== undefined, step.path, (c, p, m) => ctx.issue(c, p, m));
    }
    const yearFactors = factorsOf(rates, years, factorsByRates);
    const cells = rows.map(snapshot);
    years.forEach((year, y) => {
      const factor = yearFactors[y];
      if (factor === undefined) return;
      tally('indexCell', rows.length);
      rows.forEach((ref, n) => {
        const cell = cells[n]![y];
        if (cell === undefined || isPm(cell)) return;
        let slots = byRow.get(ref.id);
        if (slots === undefined) byRow.set(ref.id, (slots = []));
        let entry = slots[y];
        if (entry === undefined) perCell.push((slots[y] = entry = { ref, year, steps: [], factors: [] }));
        entry.steps.push(i);
        entry.factors.push(factor);
      });
    });
  }
  writeIndexed(ctx, perCell);
}

/** A cell selected by index changes: the steps that select it, each with its cumulative factor in the cell's year. */
interface Entry {
  readonly ref: RowRef;
  readonly year: number;
  readonly steps: number[];
  readonly factors: Decimal[];
}

/** The rates of an index change by year, as percentages; undefined (with issues) when one is bad. */
function readRates(ctx: LineContext, change: IndexChange, step: ChangeStep): { year: number; rate: Decimal }[] | undefined {
  const horizon = ctx.draft.horizon;
  const collector = ctx.issues;
  const rates: { year: number; rate: Decimal }[] = [];
  let ok = true;
  for (const [year, raw] of Object.entries(change.rates)) {
    const y = Number(year);
    if (y < horizon.from || y > horizon.to) {
      ctx.issue('year_outside_horizon', [...step.path, 'rates', year], `${year} is outside the horizon ${horizon.from}-${horizon.to}`);
      ok = false;
      continue;
    }
    const rate = readPercentage(raw, step.format, [...step.path, 'rates', year], collector);
    if (rate === undefined) ok = false;
    else rates.push({ year: y, rate });
  }
  return ok ? rates : undefined;
}

/**
 * The cumulative factor of each year of the horizon (undefined where it is 1): the factor of a year depends on the
 * rates alone, so changes with the same rates share them (`cache`).
 */
function factorsOf(rates: readonly { year: number; rate: Decimal }[], years: readonly number[], cache: Map<string, (Decimal | undefined)[]>): (Decimal | undefined)[] {
  const ratesKey = rates.map((r) => `${r.year}:${r.rate.toString()}`).join(',');
  let yearFactors = cache.get(ratesKey);
  if (yearFactors === undefined) {
    const multipliers = rates.map((r) => ({ year: r.year, multiplier: HUNDREDTH.times(r.rate.plus(100)) }));
    yearFactors = years.map((year) => {
      let factor: Decimal = new Exact(1);
      for (const r of multipliers) if (r.year <= year) factor = factor.times(r.multiplier);
      return factor.eq(1) ? undefined : factor;
    });
    cache.set(ratesKey, yearFactors);
  }
  return yearFactors;
}

/** Writes every indexed cell once, and traces each index step of it. */
function writeIndexed(ctx: LineContext, perCell: readonly Entry[]): void {
  // cells selected by the same index steps in the same year share their running products: each product is
  // computed once, then every cell is multiplied by it and rounded once per step, as before
  const products = new Map<string, RunningProduct>();
  for (const { ref, year, steps, factors } of perCell) {
    tally('indexCell', steps.length);
    const key = `${year}:${steps.join(',')}`;
    let cumulative = products.get(key);
    if (cumulative === undefined) {
      tally('indexCell', factors.length);
      products.set(key, (cumulative = new RunningProduct(factors)));
    }
    const values = (ref.component !== undefined ? ref.component.values : ref.line.values) as Record<string, Cell>;
    const chain = new IndexChain(values[year] as Decimal, cumulative, steps.map((step) => ctx.steps[step]!.rounding));
    steps.forEach((step, k) => ctx.trace.push(new IndexWrite(ref.id, ref.line.id, year, step, chain, k)));
    // only the last value stays in the budget: one write to the draft per cell; the values in between are only
    // computed when the trace is read (explain)
    const last = ctx.steps[steps[steps.length - 1]!]!;
    values[year] = ctx.fromExact(chain.exactAt(steps.length - 1), last, ref.id, year) as Draft<Cell>;
  }
}

/**
 * The rows an index change selects, lines first, then rows matching the tags in budget order.
 * @param walks - rows matched by each tag selector so far (valid while the budget does not change)
 */
function select(ctx: LineContext, change: IndexChange, step: ChangeStep, walks: Map<string, RowRef[]>): RowRef[] {
  const rows: RowRef[] = [];
  const seen = new Set<string>();
  const add = (ref: RowRef): void => {
    tally('rowVisit');
    if (seen.has(ref.id)) return;
    seen.add(ref.id);
    rows.push(ref);
  };
  const ids = change.select.lines ?? [];
  ids.forEach((id, n) => {
    const ref = ctx.find(id);
    if (ref === undefined) return ctx.issue('unknown_reference', [...step.path, 'select', 'lines', n], `no line or component "${id}" in the budget`);
    if (ref.component !== undefined) return add(ref);
    add(ref);
    for (const c of ref.line.components) add({ ...ref, component: c, id: c.id });
  });
  const tags = change.select.tags;
  if (tags !== undefined) {
    const key = JSON.stringify(Object.entries(tags));
    let matched = walks.get(key);
    if (matched === undefined) {
      const found: RowRef[] = [];
      const has = (t: Readonly<Record<string, string>>): boolean => Object.entries(tags).every(([k, v]) => ownValue(t, k) === v);
      ctx.draft.sections.forEach((section, sectionIndex) => {
        for (const line of section.lines) {
          if (work.enabled) tally('rowVisit', 1 + line.components.length);
          const lineRef: RowRef = { line, component: undefined, id: line.id, sectionIndex };
          if (has(line.tags)) found.push(lineRef);
          for (const c of line.components) if (has(line.tags) || has(c.tags)) found.push({ ...lineRef, component: c, id: c.id });
        }
      });
      walks.set(key, (matched = found));
    }
    for (const ref of matched) add(ref);
  }
  if (rows.length === 0) ctx.issue('empty_selection', [...step.path, 'select'], 'the selection matches no line');
  return rows;
}
