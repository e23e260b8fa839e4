import { roundTo, type Decimal } from '../../core/decimal.js';
import { isPm, type Cell } from '../../model/budget.js';
import { readPercentage } from '../values.js';
import { PM_VALUES, isObject } from '../shape-checker.js';
import { HUNDREDTH, cellKey, lineOf, nonNegativeZero, pmCell } from './cells.js';
import type { ChangeStep, Percentage, ScenarioAmount, YearSelection } from './common.js';
import type { ChangeKindEntry, LineContext, RowRef } from './context.js';

/**
 * The new value of a cell in a {@link SetAmountChange}:
 * - an amount (`"-1100"`): the cell becomes that amount (absolute);
 * - `{ percent }`: the cell becomes that percentage of what it was (`{ percent: "50" }` halves it: a measure realising 50 %);
 * - `{ add }`: the amount is added to the cell (a nil cell counts as 0);
 * - `'pm'`, `'-pm'`, `'+pm'`: the cell becomes a pm post (with a known direction for `-pm` nadeel / `+pm` voordeel);
 * - `null`: the cell becomes nil (blank).
 * @category Scenarios
 */
export type ValueSpec =
  | ScenarioAmount
  | {
      /** The cell becomes this percentage of what it was (`"50"` halves it). */
      readonly percent: Percentage;
    }
  | {
      /** Amount added to the cell (a nil cell counts as 0). */
      readonly add: ScenarioAmount;
    }
  | 'pm'
  | '-pm'
  | '+pm'
  | null;

/** Set or adjust the amount of a line's own row or a component for some years (bedrag wijzigen). @category Scenarios */
export interface SetAmountChange {
  /** Discriminant. */
  readonly kind: 'set-amount';
  /**
   * A line id (its own row) or a component id. With `{ percent }` a line id scales the whole line (own row and
   * components); an absolute amount on a line that has components must name a component.
   */
  readonly line: string;
  /** Years the change applies to. */
  readonly years: YearSelection;
  /** The new value. */
  readonly value: ValueSpec;
  /** A note for reports. */
  readonly note?: string;
}

function setAmount(ctx: LineContext, change: SetAmountChange, step: ChangeStep, i: number): void {
  const ref = ctx.target(change.line, step, 'line');
  if (ref === undefined) return;
  const years = ctx.years(step, change.years, () => []);
  const value = change.value;
  const vpath = [...step.path, 'value'];
  if (typeof value === 'object' && value !== null && 'percent' in value) {
    const pct = readPercentage(value.percent, step.format, [...vpath, 'percent'], ctx.issues);
    if (pct === undefined) return;
    const rows: RowRef[] = ref.component !== undefined ? [ref] : [...(ref.line.row === 'amount' ? [ref] : []), ...ref.line.components.map((c) => ({ ...ref, component: c, id: c.id }))];
    const factor = HUNDREDTH.times(pct);
    for (const row of rows) {
      for (const year of years) {
        const old = ctx.cell(row, year);
        if (old === undefined || isPm(old)) continue;
        // percentages of one cell compose exactly and the cell is rounded once: 50 % then 10 % of EUR 0,05 is
        // 0,0025, so 0,00 in either order (rounding after each gave 0,00 one way and 0,01 the other)
        const key = cellKey(row.id, year);
        // (factor's times: the result keeps Exact's precision)
        const exact = factor.times(ctx.exact.get(key) ?? (old as Decimal));
        ctx.write(row, year, ctx.fromExact(roundTo(exact, step.rounding.places, step.rounding.mode), step, row.id, year), i, 'mul');
        ctx.exact.set(key, exact);
      }
    }
    return;
  }
  const row = ctx.ownRow(ref, step, 'line');
  if (row === undefined) return;
  if (typeof value === 'object' && value !== null && 'add' in value) {
    const add = ctx.amount(value.add, step, [...vpath, 'add']);
    if (add === undefined) return;
    for (const year of years) {
      const old = ctx.cell(row, year);
      if (isPm(old)) {
        ctx.issue('pm_cell', vpath, `${row.id} is pm in ${year}: give it an estimate before adding to it`);
        continue;
      }
      ctx.write(row, year, nonNegativeZero((old as Decimal | undefined)?.plus(add) ?? add), i, 'add');
    }
    return;
  }
  let cell: Cell | undefined;
  if (value === null) cell = undefined;
  else if (typeof value === 'string' && /^[+-]?pm$/i.test(value.trim())) cell = pmCell(value.trim());
  else {
    cell = ctx.amount(value as ScenarioAmount, step, vpath);
    if (cell === undefined) return;
  }
  for (const year of years) ctx.write(row, year, cell, i, 'set');
}

/** The set-amount change kind: fields, shape check, application and footprint. @internal */
export const setAmountKind = {
  fields: ['kind', 'line', 'years', 'value', 'note'],
  shape(check, change, path) {
    check.id(change['line'], [...path, 'line'], 'line');
    check.years(change['years'], [...path, 'years'], true);
    const value = change['value'];
    const vp = [...path, 'value'];
    if (!('value' in change)) check.c.add('missing_field', vp, 'value is missing');
    else if (value === null) return;
    else if (typeof value === 'string' && PM_VALUES.includes(value.trim().toLowerCase())) return;
    else if (isObject(value)) {
      const keys = Object.keys(value);
      if (keys.length !== 1 || (keys[0] !== 'percent' && keys[0] !== 'add')) check.c.add('invalid_value', vp, 'value must be an amount, { percent }, { add }, "pm" or null');
      else if (keys[0] === 'percent') check.number(value['percent'], [...vp, 'percent']);
      else check.amount(value['add'], [...vp, 'add']);
    } else check.amount(value, vp);
  },
  apply: setAmount,
  footprint: (change, lines) => [lineOf(lines, change.line)],
} satisfies ChangeKindEntry<SetAmountChange>;
