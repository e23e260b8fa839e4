import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { idRecord, ownValue } from '../core/records.js';
import type { CoverClaim, CoverSource } from '../model/cover.js';
import type { Evaluation, Total, TotalsByYear } from './evaluate.js';
import type { ClaimYear, CoverFinding, CoverYear, ReserveYear, RowCoverYear, SourceYear } from './cover-types.js';

// The steps of one year of `evaluateCover`, in their order: what each source can give, the claims served in
// order, the claimed rows, the sources and reserves, and the table's figures.

/** The amount, or 0 when it is negative. */
export const max0 = (d: Decimal): Decimal => (d.isNegative() && !d.isZero() ? ZERO : d);
const min = (a: Decimal, b: Decimal): Decimal => (a.lte(b) ? a : b);
/** The amount, with -0 as 0. */
export const clean = (d: Decimal): Decimal => noNegativeZero(d);
/** The amount as printed in a finding's message. */
export const k = (d: Decimal): string => d.toFixed();

/** The totals of every line and component, by row id, with the id of its line. */
export type RowTotals = Map<string, { line: string; totals: TotalsByYear }>;

/** A reserve's figures at the start of a year, before claims withdraw from it. */
type ReserveStart = { opening: Decimal; additions: Decimal; planned: Decimal };

/** What the cover evaluation carries from year to year, and the results it gathers. */
export interface CoverState {
  readonly sources: Readonly<Record<string, CoverSource>>;
  readonly claims: readonly CoverClaim[];
  readonly rows: RowTotals;
  readonly findings: CoverFinding[];
  readonly claimYears: Map<string, Record<string, ClaimYear>>;
  readonly sourceYears: Map<string, Record<string, SourceYear>>;
  readonly reserveYears: Map<string, Record<string, ReserveYear>>;
  /** What is left of each `total` capacity. */
  readonly totalLeft: Map<string, Decimal>;
  /** Each reserve's balance at the end of the last year done. */
  readonly reserveBalance: Map<string, Decimal>;
  readonly rowYears: Map<string, Record<string, RowCoverYear>>;
}

/** What the claims of one year asked and got, by source and by claimed row. */
interface ServedYear {
  readonly claimedOf: Map<string, Decimal>;
  readonly askedBy: Map<string, string[]>;
  readonly givenBy: Map<string, Decimal>;
  readonly rowAcc: Map<string, { claimed: Decimal; covered: Decimal; bySource: Record<string, Decimal> }>;
}

/** Every line and component of an evaluation by id, with its totals. */
export function rowTotalsOf(evaluation: Evaluation): RowTotals {
  const rows: RowTotals = new Map();
  for (const line of Object.values(evaluation.lines)) {
    rows.set(line.id, { line: line.id, totals: line.totals });
    for (const c of line.components) rows.set(c.id, { line: line.id, totals: c.totals });
  }
  return rows;
}

/** The state before the first year: every `total` capacity whole, every reserve at its opening balance. */
export function coverState(sources: Readonly<Record<string, CoverSource>>, claims: readonly CoverClaim[], rows: RowTotals): CoverState {
  const state: CoverState = {
    sources,
    claims,
    rows,
    findings: [],
    claimYears: new Map<string, Record<string, ClaimYear>>(claims.map((c) => [c.id, {}])),
    sourceYears: new Map<string, Record<string, SourceYear>>(Object.keys(sources).map((id) => [id, {}])),
    reserveYears: new Map(),
    totalLeft: new Map(),
    reserveBalance: new Map(),
    rowYears: new Map(),
  };
  for (const source of Object.values(sources)) {
    if (source.capacity.kind === 'total') state.totalLeft.set(source.id, source.capacity.amount);
    if (source.reserve !== undefined) {
      state.reserveBalance.set(source.id, source.reserve.opening);
      state.reserveYears.set(source.id, {});
    }
  }
  return state;
}

/** Evaluates one year: serves the claims, settles rows and sources, and returns the table's figures. */
export function coverYear(state: CoverState, evaluation: Evaluation, year: number): CoverYear {
  const y = String(year);
  // 1. What each source can give.
  const available = new Map<string, Decimal | undefined>();
  const reserveStart = new Map<string, ReserveStart>();
  for (const source of Object.values(state.sources)) {
    available.set(source.id, availableOf(source, year, state.rows, state.totalLeft, state.reserveBalance, reserveStart));
    const capacity = source.capacity;
    if (capacity.kind === 'line' && !state.rows.has(capacity.line) && (capacity.years === undefined || capacity.years.includes(year))) {
      state.findings.push({ code: 'unknown_line', year, source: source.id, target: capacity.line, claims: [], amount: ZERO, message: `the capacity of ${source.id} is the voordeel of "${capacity.line}", which is not in the budget: it gives nothing` });
    }
  }
  const served = serveClaims(state, year, available);
  claimedRows(state, year, served);
  const sums = settleSources(state, year, available, reserveStart, served);
  // 5. The table.
  const saldo = evaluation.total[y]?.amount ?? ZERO;
  let programmeCost = ZERO;
  for (const line of Object.values(evaluation.lines)) programmeCost = programmeCost.plus(max0((line.totals[y]?.amount ?? ZERO).neg()));
  return {
    saldo,
    programmeCost,
    given: sums.given,
    givenFromOutside: sums.outside,
    oadCover: sums.oad,
    oadShare: programmeCost.isZero() ? undefined : sums.oad.div(programmeCost),
    generalMeans: clean(saldo.plus(sums.outside)),
  };
}

/** 2. What each claim asks, served in order: a source never gives more than it has left. */
function serveClaims(state: CoverState, year: number, available: ReadonlyMap<string, Decimal | undefined>): ServedYear {
  const { sources, rows, findings } = state;
  const y = String(year);
  const remaining = new Map(available);
  const served: ServedYear = { claimedOf: new Map(), askedBy: new Map(), givenBy: new Map(), rowAcc: new Map() };
  const { claimedOf, askedBy, givenBy, rowAcc } = served;
  for (const claim of state.claims) {
    const row = rows.get(claim.target);
    const total: Total | undefined = row?.totals[y];
    const applies = claim.years === undefined || claim.years.includes(year);
    const cost = total === undefined ? ZERO : max0(total.amount.neg());
    const pm = applies && total !== undefined && total.pm.length > 0;
    const claimed = applies ? claimedAmount(claim, cost, y) : ZERO;
    const source = ownValue(sources, claim.source);
    let covered = ZERO;
    if (applies && row === undefined) {
      findings.push({ code: 'unknown_target', year, target: claim.target, claims: [claim.id], amount: claimed, message: `claim ${claim.id} covers "${claim.target}", which is not in the budget` });
    }
    if (source === undefined) {
      if (applies && !claimed.isZero()) {
        findings.push({ code: 'unknown_source', year, source: claim.source, claims: [claim.id], amount: claimed, message: `claim ${claim.id} asks ${k(claimed)} of "${claim.source}", which is not a cover source` });
      }
    } else if (!claimed.isZero()) {
      const left = remaining.get(source.id);
      covered = left === undefined ? claimed : min(claimed, max0(left));
      if (left !== undefined) remaining.set(source.id, left.minus(covered));
      claimedOf.set(source.id, (claimedOf.get(source.id) ?? ZERO).plus(claimed));
      givenBy.set(source.id, (givenBy.get(source.id) ?? ZERO).plus(covered));
      askedBy.set(source.id, [...(askedBy.get(source.id) ?? []), claim.id]);
      if (source.nature === 'incidental' && total !== undefined && total.structural.isNegative() && !total.structural.isZero() && !covered.isZero()) {
        findings.push({
          code: 'structural_on_incidental',
          year,
          source: source.id,
          target: claim.target,
          claims: [claim.id],
          amount: min(covered, total.structural.neg()),
          message: `the structural cost of ${claim.target} is covered by the incidental source ${source.id} in ${year}`,
        });
      }
    }
    if (pm && applies) {
      findings.push({ code: 'claim_on_pm', year, target: claim.target, ...(source === undefined ? {} : { source: source.id }), claims: [claim.id], amount: claimed, message: `${claim.target} has a pm post in ${year}: its cost, and so the claim, is not fully known` });
    }
    (state.claimYears.get(claim.id) ?? {})[y] = { claimed, covered, uncovered: clean(claimed.minus(covered)), pm };
    if (row !== undefined && applies) {
      const acc = rowAcc.get(claim.target) ?? { claimed: ZERO, covered: ZERO, bySource: idRecord<Decimal>() };
      acc.claimed = acc.claimed.plus(claimed);
      acc.covered = acc.covered.plus(covered);
      if (!covered.isZero()) acc.bySource[claim.source] = (ownValue(acc.bySource, claim.source) ?? ZERO).plus(covered);
      rowAcc.set(claim.target, acc);
    }
  }
  return served;
}

/** What a claim that applies this year asks: the row's whole cost, a share of it, or its own amounts. */
function claimedAmount(claim: CoverClaim, cost: Decimal, y: string): Decimal {
  if (claim.extent.kind === 'full') return cost;
  if (claim.extent.kind === 'share') return cost.times(claim.extent.rate);
  return claim.extent.values[y] ?? ZERO;
}

/** 3. The cover of every claimed row this year, with an `over_claimed` finding where claims ask more than its cost. */
function claimedRows(state: CoverState, year: number, served: ServedYear): void {
  const y = String(year);
  for (const [id, acc] of served.rowAcc) {
    const total = state.rows.get(id)?.totals[y];
    const cost = total === undefined ? ZERO : max0(total.amount.neg());
    const unclaimed = clean(cost.minus(acc.claimed));
    if (unclaimed.isNegative()) {
      state.findings.push({ code: 'over_claimed', year, target: id, claims: state.claims.filter((c) => c.target === id).map((c) => c.id), amount: unclaimed.neg(), message: `claims on ${id} ask ${k(acc.claimed)} in ${year}, more than its cost ${k(cost)}` });
    }
    const years = state.rowYears.get(id) ?? {};
    years[y] = { cost, claimed: acc.claimed, covered: acc.covered, uncovered: clean(acc.claimed.minus(acc.covered)), unclaimed, pm: total !== undefined && total.pm.length > 0, bySource: acc.bySource };
    state.rowYears.set(id, years);
  }
}

/** 4. Sources, reserves, over-commitment: what each source gave and has left; the sums over sources. */
function settleSources(
  state: CoverState,
  year: number,
  available: ReadonlyMap<string, Decimal | undefined>,
  reserveStart: ReadonlyMap<string, ReserveStart>,
  served: ServedYear,
): { given: Decimal; outside: Decimal; oad: Decimal } {
  const { findings, totalLeft } = state;
  const y = String(year);
  let given = ZERO;
  let outside = ZERO;
  let oad = ZERO;
  for (const source of Object.values(state.sources)) {
    const avail = available.get(source.id);
    const claimed = served.claimedOf.get(source.id) ?? ZERO;
    const gave = served.givenBy.get(source.id) ?? ZERO;
    const over = clean(claimed.minus(gave));
    if (!over.isZero()) {
      findings.push({
        code: 'over_commitment',
        year,
        source: source.id,
        claims: served.askedBy.get(source.id) ?? [],
        amount: over,
        message: `claims ask ${k(claimed)} of ${source.id} in ${year}, ${k(over)} more than the ${k(avail ?? ZERO)} it can give`,
      });
    }
    let left: Decimal | undefined = avail === undefined ? undefined : clean(avail.minus(gave));
    if (source.capacity.kind === 'total') {
      const before = totalLeft.get(source.id) ?? ZERO;
      const started = source.capacity.from === undefined || year >= source.capacity.from;
      if (started) totalLeft.set(source.id, clean(before.minus(gave)));
      left = totalLeft.get(source.id);
    }
    const start = reserveStart.get(source.id);
    if (start !== undefined) {
      const withdrawals = start.planned.plus(gave);
      const closing = clean(start.opening.plus(start.additions).minus(withdrawals));
      state.reserveBalance.set(source.id, closing);
      (state.reserveYears.get(source.id) ?? {})[y] = { opening: start.opening, additions: start.additions, withdrawals, plannedWithdrawals: start.planned, claimWithdrawals: gave, closing };
      if (closing.isNegative()) {
        findings.push({ code: 'reserve_below_zero', year, source: source.id, claims: served.askedBy.get(source.id) ?? [], amount: closing, message: `the reserve ${source.id} ends ${year} at ${k(closing)}, below zero` });
      }
      left = closing;
    }
    (state.sourceYears.get(source.id) ?? {})[y] = { available: avail, claimed, given: gave, left, overCommitted: over };
    given = given.plus(gave);
    if (source.capacity.kind !== 'line') outside = outside.plus(gave);
    if (source.kind === 'oad') oad = oad.plus(gave);
  }
  return { given, outside, oad };
}

/** 1. What a source can give this year; for a reserve, also its figures at the start of the year (in `reserveStart`). */
function availableOf(
  source: CoverSource,
  year: number,
  rows: RowTotals,
  totalLeft: Map<string, Decimal>,
  reserveBalance: Map<string, Decimal>,
  reserveStart: Map<string, ReserveStart>,
): Decimal | undefined {
  const y = String(year);
  let avail: Decimal | undefined;
  const capacity = source.capacity;
  switch (capacity.kind) {
    case 'per-year':
      avail = capacity.values[y] ?? ZERO;
      break;
    case 'total':
      avail = capacity.from === undefined || year >= capacity.from ? (totalLeft.get(source.id) ?? ZERO) : ZERO;
      break;
    case 'line': {
      const inYears = capacity.years === undefined || capacity.years.includes(year);
      avail = inYears ? max0(rows.get(capacity.line)?.totals[y]?.amount ?? ZERO) : ZERO;
      break;
    }
    case 'unlimited':
      avail = undefined;
      break;
    case 'balance':
      avail = ZERO;
      break;
  }
  if (source.reserve !== undefined) {
    const opening = reserveBalance.get(source.id) ?? ZERO;
    const additions = source.reserve.additions[y] ?? ZERO;
    const planned = source.reserve.withdrawals[y] ?? ZERO;
    reserveStart.set(source.id, { opening, additions, planned });
    const balance = max0(opening.plus(additions).minus(planned));
    avail = capacity.kind === 'balance' ? balance : avail === undefined ? balance : min(avail, balance);
  }
  return avail;
}
