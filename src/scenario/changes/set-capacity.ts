import type { Draft } from 'immer';
import { type Decimal } from '../../core/decimal.js';
import type { Path } from '../../core/errors.js';
import type { Capacity } from '../../model/cover.js';
import { type DSource, type ItemEditor } from '../cover-targets.js';
import type { ChangeStep, ScenarioAmount, YearSelection } from './common.js';
import type { ChangeKindEntry } from './context.js';

/**
 * A capacity as a scenario writes it (capaciteit), like the cover document: `{ perYear }` amounts per year,
 * `{ total, from? }` one amount used in year order, `{ line, years? }` the voordeel of a budget line, `'balance'`
 * (a reserve's balance) or `'unlimited'`. Amounts are positive, in the scenario's unit.
 * @category Scenarios
 */
export type CapacitySpec =
  | {
      /** Capacity per year (per jaar), keyed by year, positive, in the scenario's unit. */
      readonly perYear: Readonly<Record<string, ScenarioAmount>>;
    }
  | {
      /** One total amount (totaalbedrag), used in year order, positive, in the scenario's unit. */
      readonly total: ScenarioAmount;
      /** First year the total may be used in; defaults to the first year of the horizon. */
      readonly from?: number;
    }
  | {
      /** Id of the budget line whose voordeel is the capacity. */
      readonly line: string;
      /** Years in which that voordeel counts; defaults to every year. */
      readonly years?: readonly number[];
    }
  | 'balance'
  | 'unlimited';

/**
 * Change what a cover source can give (capaciteit wijzigen): either a whole new `capacity`, or, for a source with a
 * capacity per year, a new `value` in some `years`.
 *
 * @example
 * ```json
 * { "kind": "set-capacity", "source": "oekraine", "capacity": { "perYear": { "2025": "2000" } } }
 * { "kind": "set-capacity", "source": "du-noodopvang", "years": { "from": 2028 }, "value": "0" }
 * ```
 * @category Scenarios
 */
export interface SetCapacityChange {
  /** Discriminant. */
  readonly kind: 'set-capacity';
  /** Id of the source. */
  readonly source: string;
  /** The new capacity (replaces the old one in every year). */
  readonly capacity?: CapacitySpec;
  /** With `value`: the years whose per-year capacity changes. */
  readonly years?: YearSelection;
  /** With `years`: the new capacity in those years, positive, in the scenario's unit. */
  readonly value?: ScenarioAmount;
  /** A note for reports. */
  readonly note?: string;
}

function readCapacity(ed: ItemEditor, spec: CapacitySpec, source: DSource, step: ChangeStep, path: Path): Capacity | undefined {
  if (spec === 'unlimited') return { kind: 'unlimited' };
  if (spec === 'balance') {
    if (source.reserve === undefined) {
      ed.issue('not_reserve', path, `only a reserve has its balance as capacity; "${source.id}" is not a reserve`);
      return undefined;
    }
    return { kind: 'balance' };
  }
  if ('perYear' in spec) {
    const values = ed.yearAmounts(spec.perYear, step, [...path, 'perYear']);
    return values === undefined ? undefined : { kind: 'per-year', values };
  }
  if ('total' in spec) {
    const amount = ed.amount(spec.total, step, [...path, 'total']);
    const fromOk = spec.from === undefined || ed.inHorizon(spec.from, [...path, 'from']);
    if (amount === undefined || !fromOk) return undefined;
    return spec.from === undefined ? { kind: 'total', amount } : { kind: 'total', amount, from: spec.from };
  }
  let ok = true;
  if (!ed.ctx.hasRow(spec.line)) {
    ed.issue('unknown_reference', [...path, 'line'], `no line or component "${spec.line}" in the budget`);
    ok = false;
  }
  spec.years?.forEach((y, n) => {
    if (!ed.inHorizon(y, [...path, 'years', n])) ok = false;
  });
  if (!ok) return undefined;
  return spec.years === undefined ? { kind: 'line', line: spec.line } : { kind: 'line', line: spec.line, years: [...spec.years] };
}

function setCapacity(ed: ItemEditor, change: SetCapacityChange, step: ChangeStep, i: number): void {
  const source = ed.source(change.source, [...step.path, 'source']);
  if (change.capacity !== undefined) {
    if (source === undefined) return;
    const capacity = readCapacity(ed, change.capacity, source, step, [...step.path, 'capacity']);
    if (capacity === undefined) return;
    source.capacity = capacity as Draft<Capacity>;
    for (const year of ed.allYears) ed.ctx.touch(`capacity ${source.id}`, year, i);
    ed.ctx.record({ kind: 'source', id: source.id, field: 'capacity', years: ed.allYears, step: i });
    return;
  }
  const years = ed.years(change.years ?? [], [...step.path, 'years']);
  const value = ed.amount(change.value ?? '', step, [...step.path, 'value']);
  if (source === undefined || value === undefined || years.length === 0) return;
  const capacity = source.capacity;
  if (capacity.kind !== 'per-year') {
    ed.issue('capacity_not_per_year', [...step.path, 'years'], `"${source.id}" has a capacity of kind ${capacity.kind}, not per year: give a whole new capacity instead`);
    return;
  }
  for (const year of years) {
    capacity.values[String(year)] = value as Draft<Decimal>;
    ed.ctx.touch(`capacity ${source.id}`, year, i);
  }
  ed.ctx.record({ kind: 'source', id: source.id, field: 'capacity', years, step: i });
}

/** The set-capacity change kind: fields, shape check, application (on cover and savings targets) and footprint. @internal */
export const setCapacityKind = {
  fields: ['kind', 'source', 'capacity', 'years', 'value', 'note'],
  shape(check, change, path) {
    check.id(change['source'], [...path, 'source'], 'source');
    const whole = change['capacity'] !== undefined;
    const partial = change['years'] !== undefined || change['value'] !== undefined;
    if (whole && partial) check.c.add('invalid_value', [...path, 'capacity'], 'give either a capacity, or years and a value');
    else if (whole) check.capacity(change['capacity'], [...path, 'capacity']);
    else if (partial) {
      check.years(change['years'], [...path, 'years'], true);
      check.positive(change['value'], [...path, 'value'], 'negative_capacity');
    } else check.c.add('missing_field', [...path, 'capacity'], 'give a capacity, or years and a value');
  },
  apply: (ctx, change, step, i) => setCapacity(ctx.editor(), change, step, i),
  // cover and targets never change a line's amounts
  footprint: () => [],
} satisfies ChangeKindEntry<SetCapacityChange>;
