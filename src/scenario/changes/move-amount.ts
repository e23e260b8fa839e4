import { ZERO, type Decimal } from '../../core/decimal.js';
import { isPm } from '../../model/budget.js';
import { lineOf, nonNegativeZero } from './cells.js';
import type { ChangeStep, ScenarioAmount, YearSelection } from './common.js';
import type { ChangeKindEntry, LineContext } from './context.js';

/**
 * Move an amount between lines without changing the total (technische begrotingswijziging, budgettair neutraal):
 * `from` becomes `from - amount`, `to` becomes `to + amount`, in the saldo meaning.
 *
 * @remarks
 * To move an expense budget (a nadeel, written negative) write a negative amount: moving EUR 125.000
 * Integrale Vroeghulp from goal 2.1 to 2.2 is `amount: "-125"` (x EUR 1.000): the 2.1 line's cost falls by
 * 125, the 2.2 line's rises by 125.
 * @category Scenarios
 */
export interface MoveAmountChange {
  /** Discriminant. */
  readonly kind: 'move-amount';
  /** Line (own row) or component the amount leaves. */
  readonly from: string;
  /** Line (own row) or component the amount goes to. */
  readonly to: string;
  /** Years. */
  readonly years: YearSelection;
  /** The amount moved, in the scenario's unit. */
  readonly amount: ScenarioAmount;
  /** A note for reports. */
  readonly note?: string;
}

function moveAmount(ctx: LineContext, change: MoveAmountChange, step: ChangeStep, i: number): void {
  const fromRef = ctx.target(change.from, step, 'from');
  const toRef = ctx.target(change.to, step, 'to');
  const amount = ctx.amount(change.amount, step, [...step.path, 'amount']);
  const years = ctx.years(step, change.years, () => []);
  if (fromRef === undefined || toRef === undefined || amount === undefined) return;
  const from = ctx.ownRow(fromRef, step, 'from');
  const to = ctx.ownRow(toRef, step, 'to');
  if (from === undefined || to === undefined) return;
  for (const year of years) {
    const a = ctx.cell(from, year);
    const b = ctx.cell(to, year);
    if (isPm(a) || isPm(b)) {
      ctx.issue('pm_cell', [...step.path, isPm(a) ? 'from' : 'to'], `${isPm(a) ? from.id : to.id} is pm in ${year}: give it an estimate before moving amounts`);
      continue;
    }
    ctx.write(from, year, nonNegativeZero(((a as Decimal | undefined) ?? ZERO).minus(amount)), i, 'add');
    ctx.write(to, year, nonNegativeZero(((b as Decimal | undefined) ?? ZERO).plus(amount)), i, 'add');
  }
}

/** The move-amount change kind: fields, shape check, application and footprint. @internal */
export const moveAmountKind = {
  fields: ['kind', 'from', 'to', 'years', 'amount', 'note'],
  shape(check, change, path) {
    check.id(change['from'], [...path, 'from'], 'from');
    check.id(change['to'], [...path, 'to'], 'to');
    if (change['from'] !== undefined && change['from'] === change['to']) check.c.add('invalid_value', [...path, 'to'], 'from and to are the same line');
    check.years(change['years'], [...path, 'years'], true);
    if (change['amount'] === undefined) check.c.add('missing_field', [...path, 'amount'], 'amount is missing');
    else check.amount(change['amount'], [...path, 'amount']);
  },
  apply: moveAmount,
  footprint: (change, lines) => [lineOf(lines, change.from), lineOf(lines, change.to)],
} satisfies ChangeKindEntry<MoveAmountChange>;
