/**
 * The reserve mutations of a begrotingswijziging: the toevoegingen and onttrekkingen `b - a` outside the table's
 * lines (they change the begrotingssaldo), by the reserve's nature, and those booked in lines.
 * @module
 */
import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import type { Budget } from '../model/budget.js';
import type { Evaluation } from '../model/evaluation.js';
import { evaluateCover } from '../evaluate/cover.js';
import { reserveMutations, type ReserveMutationsYear } from '../evaluate/reserves.js';
import type { ReserveWijzigingYear } from './begrotingswijziging-types.js';

/** A budget with its evaluation. */
interface Evaluated {
  readonly budget: Budget;
  readonly evaluation: Evaluation;
}

/** Whether a budget has a reserve among its cover sources. */
export function hasReserves(budget: Budget): boolean {
  return Object.values(budget.cover?.sources ?? {}).some((s) => s.reserve !== undefined);
}

function mutationsOf(side: Evaluated): Readonly<Record<string, ReserveMutationsYear>> {
  return side.budget.cover === undefined ? {} : reserveMutations(side.budget, evaluateCover(side.budget, side.evaluation));
}

/** The reserve mutations `b - a` outside the lines, and those booked in lines, per year. */
export function reservesOf(sa: Evaluated, sb: Evaluated, years: readonly number[]): Record<string, ReserveWijzigingYear> {
  const ma = mutationsOf(sa);
  const mb = mutationsOf(sb);
  const out: Record<string, ReserveWijzigingYear> = {};
  const z = (d: Decimal): Decimal => noNegativeZero(d);
  for (const year of years) {
    const x = ma[year];
    const y = mb[year];
    const outsideAdd = (m: ReserveMutationsYear | undefined): Decimal => (m === undefined ? ZERO : m.additions.minus(m.additionsInTable));
    const outsideWd = (m: ReserveMutationsYear | undefined): Decimal => (m === undefined ? ZERO : m.withdrawals.minus(m.withdrawalsInTable));
    const additions = outsideAdd(y).minus(outsideAdd(x));
    const withdrawals = outsideWd(y).minus(outsideWd(x));
    out[year] = {
      additions: z(additions),
      withdrawals: z(withdrawals),
      mutations: z(additions.plus(withdrawals)),
      structural: z((y?.outside.structural ?? ZERO).minus(x?.outside.structural ?? ZERO)),
      incidental: z((y?.outside.incidental ?? ZERO).minus(x?.outside.incidental ?? ZERO)),
      additionsInLines: z((y?.additionsInTable ?? ZERO).minus(x?.additionsInTable ?? ZERO)),
      withdrawalsInLines: z((y?.withdrawalsInTable ?? ZERO).minus(x?.withdrawalsInTable ?? ZERO)),
    };
  }
  return out;
}

