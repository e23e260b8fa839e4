import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import type { Budget, Nature } from '../model/budget.js';
import type { CoverEvaluation } from './cover.js';
import { ownValue } from '../core/records.js';
import { requireArgument } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';
import { COVER_EVALUATION } from '../validate/result-checks.js';

/** Reserve mutations in one year, split by where they are booked (mutaties reserves). Positive = to the saldo. @category Balance */
export interface ReserveMutationsYear {
  /** Additions (toevoegingen) as a saldo effect (zero or negative), all reserves. */
  readonly additions: Decimal;
  /** Withdrawals (onttrekkingen) as a saldo effect (zero or positive), all reserves. */
  readonly withdrawals: Decimal;
  /** The part of `additions` already in table lines (`bookedIn`). */
  readonly additionsInTable: Decimal;
  /** The part of `withdrawals` already in table lines (`bookedIn`). */
  readonly withdrawalsInTable: Decimal;
  /** Mutations outside the table, by nature of the reserve: they change the begrotingssaldo. */
  readonly outside: Readonly<Record<Nature, Decimal>>;
}

/**
 * Reserve mutations per year from a budget's cover (reserve sources): planned additions and withdrawals, and the
 * withdrawals that claims make. Mutations booked in a table line (`bookedIn`) are already in the saldo; the rest
 * comes on top of it.
 * @param budget - the budget
 * @param cover - its cover evaluation
 * @example
 * ```ts
 * import { budget, pm, withCover, evaluateCover, reserveMutations } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const covered = withCover(tb1, {
 *   sources: [{ id: 'reserve', title: 'Algemene reserve', kind: 'reserve', nature: 'incidental', capacity: 'balance', reserve: { opening: 800 } }],
 *   claims: [{ id: 'res-1.4', target: '1.4', source: 'reserve' }],
 * });
 * reserveMutations(covered, evaluateCover(covered))['2025']!.withdrawals.toFixed(); // "800000": an onttrekking outside the table (euros)
 * ```
 * @category Balance
 */
export function reserveMutations(budget: Budget, cover: CoverEvaluation): Readonly<Record<string, ReserveMutationsYear>> {
  budget = requireBudget('reserveMutations', 'budget', budget);
  requireArgument('reserveMutations', 'cover', cover, COVER_EVALUATION);
  const out: Record<string, ReserveMutationsYear> = {};
  for (const year of budget.horizon.years) {
    const y = String(year);
    let additions = ZERO;
    let withdrawals = ZERO;
    let additionsInTable = ZERO;
    let withdrawalsInTable = ZERO;
    const outside: Record<Nature, Decimal> = { structural: ZERO, incidental: ZERO };
    for (const source of Object.values(budget.cover?.sources ?? {})) {
      const reserve = source.reserve;
      const path = ownValue(cover.sources, source.id)?.reserve?.[y];
      if (reserve === undefined || path === undefined) continue;
      additions = additions.minus(path.additions);
      withdrawals = withdrawals.plus(path.withdrawals);
      let outsideEffect = path.claimWithdrawals;
      if (reserve.bookedIn !== undefined) {
        additionsInTable = additionsInTable.minus(path.additions);
        withdrawalsInTable = withdrawalsInTable.plus(path.plannedWithdrawals);
      } else {
        outsideEffect = outsideEffect.plus(path.plannedWithdrawals).minus(path.additions);
      }
      outside[source.nature] = outside[source.nature].plus(outsideEffect);
    }
    const z = (d: Decimal): Decimal => noNegativeZero(d);
    out[y] = { additions: z(additions), withdrawals, additionsInTable: z(additionsInTable), withdrawalsInTable, outside: { structural: z(outside.structural), incidental: z(outside.incidental) } };
  }
  return out;
}
