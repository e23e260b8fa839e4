import { Dec, plainString, type Decimal } from '../core/decimal.js';
import { unitFactor, type Budget } from '../model/budget.js';
import type { AmountsDocument, CapacityDocument, CoverClaimDocument, CoverDocument, CoverSourceDocument, ReserveDocument } from './format.js';
import type { Capacity, Cover, CoverClaim, CoverSource, ReserveBalance, YearAmounts } from '../model/cover.js';
import { requireArgument } from '../core/guard.js';
import { COVER, PRESENTED } from './field-checks.js';

/**
 * Writes a cover (dekking) back in the document format that `readCover` reads: amounts as plain decimal
 * strings in the budget's unit (euros divided by the unit factor, no exponent notation, never `-0`), keyed by year.
 * Reading the result against the same budget gives a cover equal to `cover`.
 *
 * @remarks
 * Defaults are left out: a reserve's `"balance"` capacity, empty planned mutations, empty tags, and claim ids
 * that equal their default (`claim-<n>`). The budget's sign convention does not apply: cover amounts are zero
 * or positive.
 *
 * @param cover - the cover, as on `Budget.cover`
 * @param budget - the budget it belongs to (for its unit)
 * @returns the `cover` value of a budget document
 * @example
 * ```ts
 * import { budget, pm, withCover, coverToDocument } from 'meerjaren';
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
 * coverToDocument(covered.cover!, covered); // { sources: [...], claims: [...] }, amounts in the budget's unit
 * ```
 * @category Cover
 */
export function coverToDocument(cover: Cover, budget: Pick<Budget, 'presentation'>): CoverDocument {
  requireArgument('coverToDocument', 'cover', cover, COVER);
  requireArgument('coverToDocument', 'budget', budget, PRESENTED);
  const factor = new Dec(unitFactor(budget.presentation.unit));
  const amount = (value: Decimal): string => plainString(value.div(factor));
  const amounts = (values: YearAmounts): AmountsDocument => Object.fromEntries(Object.entries(values).map(([year, v]) => [year, amount(v)]));
  return {
    sources: Object.values(cover.sources).map((s) => sourceToDocument(s, amount, amounts)),
    claims: cover.claims.map((c, i) => claimToDocument(c, i, amounts)),
  };
}

type Write = (value: Decimal) => string;
type WriteAll = (values: YearAmounts) => AmountsDocument;

function sourceToDocument(source: CoverSource, amount: Write, amounts: WriteAll): CoverSourceDocument {
  const defaultCapacity = source.kind === 'reserve' && source.capacity.kind === 'balance';
  return {
    id: source.id,
    title: source.title,
    kind: source.kind,
    nature: source.nature,
    ...(defaultCapacity ? {} : { capacity: capacityToDocument(source.capacity, amount, amounts) }),
    ...(source.reserve === undefined ? {} : { reserve: reserveToDocument(source.reserve, amount, amounts) }),
    ...(Object.keys(source.tags).length > 0 ? { tags: { ...source.tags } } : {}),
  };
}

function capacityToDocument(capacity: Capacity, amount: Write, amounts: WriteAll): CapacityDocument {
  switch (capacity.kind) {
    case 'per-year':
      return { perYear: amounts(capacity.values) };
    case 'total':
      return capacity.from === undefined ? { total: amount(capacity.amount) } : { total: amount(capacity.amount), from: capacity.from };
    case 'line':
      return capacity.years === undefined ? { line: capacity.line } : { line: capacity.line, years: [...capacity.years] };
    case 'balance':
    case 'unlimited':
      return capacity.kind;
  }
}

function reserveToDocument(reserve: ReserveBalance, amount: Write, amounts: WriteAll): ReserveDocument {
  return {
    opening: amount(reserve.opening),
    ...(Object.keys(reserve.additions).length > 0 ? { additions: amounts(reserve.additions) } : {}),
    ...(Object.keys(reserve.withdrawals).length > 0 ? { withdrawals: amounts(reserve.withdrawals) } : {}),
    ...(reserve.bookedIn === undefined ? {} : { bookedIn: reserve.bookedIn }),
  };
}

function claimToDocument(claim: CoverClaim, index: number, amounts: WriteAll): CoverClaimDocument {
  const extent = claim.extent;
  return {
    ...(claim.id === `claim-${index + 1}` ? {} : { id: claim.id }),
    target: claim.target,
    source: claim.source,
    ...(extent.kind === 'amount' ? { amount: amounts(extent.values) } : {}),
    ...(extent.kind === 'share' ? { share: plainString(extent.rate) } : {}),
    ...(claim.years === undefined ? {} : { years: [...claim.years] }),
  };
}
