import { ZERO, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { idRecord, ownValue } from '../core/records.js';
import type { Budget, Nature } from '../model/budget.js';
import { evaluate, type Evaluation, type Total, type TotalsByYear } from './evaluate.js';
import type { CoverClaim, CoverSource, CoverSourceKind } from '../model/cover.js';
import { bookedMismatches } from './booked.js';
import { requireArgument } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';
import { EVALUATION } from '../validate/result-checks.js';

/** One claim in one year: what it asks, what it gets and what stays open (claimed = covered + uncovered). @category Cover */
export interface ClaimYear {
  /** What the claim asks for, in euros (gevraagd). */
  readonly claimed: Decimal;
  /** What the source gives it (gedekt). */
  readonly covered: Decimal;
  /** What it does not get (ongedekt): `claimed - covered`. */
  readonly uncovered: Decimal;
  /** The target has a pm post this year: its cost is not fully known. */
  readonly pm: boolean;
}

/** A claim's result per year. @category Cover */
export interface ClaimResult {
  /** Claim id. */
  readonly id: string;
  /** Covered line or component. */
  readonly target: string;
  /** Source id. */
  readonly source: string;
  /** Per year ("2026"). */
  readonly years: Readonly<Record<string, ClaimYear>>;
}

/** Cover of one row (line or component) in one year. @category Cover */
export interface RowCoverYear {
  /** Its cost: the nadeel of its net value, in positive euros (0 in a voordeel year). */
  readonly cost: Decimal;
  /** What its claims ask. */
  readonly claimed: Decimal;
  /** What its claims get (gedekt). */
  readonly covered: Decimal;
  /** What its claims do not get (ongedekt): `claimed - covered`. */
  readonly uncovered: Decimal;
  /** The part of its cost no claim asks for: `cost - claimed` (negative when claims ask more than the cost). */
  readonly unclaimed: Decimal;
  /** Whether it has a pm post this year. */
  readonly pm: boolean;
  /** What each source gives it, by source id (only sources that give). */
  readonly bySource: Readonly<Record<string, Decimal>>;
}

/** Cover of one claimed row, per year. @category Cover */
export interface RowCover {
  /** Row id. */
  readonly id: string;
  /** Id of its line. */
  readonly line: string;
  /** Per year. */
  readonly years: Readonly<Record<string, RowCoverYear>>;
}

/** A source in one year. @category Cover */
export interface SourceYear {
  /** What it can give this year (for a `total` capacity: what is left of it); `undefined` = unlimited. */
  readonly available: Decimal | undefined;
  /** What claims ask of it. */
  readonly claimed: Decimal;
  /** What it gives (ingezet): never more than `available`. */
  readonly given: Decimal;
  /** What it has left after this year (resterend); `undefined` = unlimited. */
  readonly left: Decimal | undefined;
  /** Claimed beyond what it can give (overvraagd): `claimed - given`. */
  readonly overCommitted: Decimal;
}

/** A reserve's balance in one year (verloop van de reserve): `closing = opening + additions - withdrawals`. @category Cover */
export interface ReserveYear {
  /** Balance at the start of the year (beginstand). */
  readonly opening: Decimal;
  /** Additions (toevoegingen). */
  readonly additions: Decimal;
  /** All withdrawals (onttrekkingen): planned plus claims. */
  readonly withdrawals: Decimal;
  /** The planned withdrawals. */
  readonly plannedWithdrawals: Decimal;
  /** The withdrawals claims make. */
  readonly claimWithdrawals: Decimal;
  /** Balance at the end of the year (eindstand). */
  readonly closing: Decimal;
}

/** A source's result. @category Cover */
export interface SourceResult {
  /** Source id. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Kind. */
  readonly kind: CoverSourceKind;
  /** Nature. */
  readonly nature: Nature;
  /** Whether its money is already in the table (a `line` capacity) or comes from outside it. */
  readonly inTable: boolean;
  /** Per year. */
  readonly years: Readonly<Record<string, SourceYear>>;
  /** For a reserve: its balance path per year. */
  readonly reserve?: Readonly<Record<string, ReserveYear>>;
}

/** The cover of the whole table in one year. @category Cover */
export interface CoverYear {
  /** The table's total saldo (begrotingssaldo of the table, positive = voordeel). */
  readonly saldo: Decimal;
  /** The sum of the costs of the lines (their nadelen, positive euros). */
  readonly programmeCost: Decimal;
  /** What all sources give. */
  readonly given: Decimal;
  /** What sources outside the table give (OAD, reserves, third parties with their own capacity). */
  readonly givenFromOutside: Decimal;
  /** What OAD sources give: the programme's OAD coverage (dekking via OAD). */
  readonly oadCover: Decimal;
  /** `oadCover / programmeCost`; `undefined` when the programme has no cost. */
  readonly oadShare: Decimal | undefined;
  /**
   * Net effect on the general means (effect op de algemene middelen): the saldo plus the cover from outside the
   * table (OAD income, reserve withdrawals, third-party money that the table does not show).
   */
  readonly generalMeans: Decimal;
}

/** Codes of cover findings (bevindingen); never exceptions. @category Cover */
export type CoverFindingCode =
  | 'over_commitment'
  | 'reserve_below_zero'
  | 'structural_on_incidental'
  | 'over_claimed'
  | 'claim_on_pm'
  | 'unknown_source'
  | 'unknown_target'
  | 'unknown_line'
  | 'reserve_mutation_mismatch';

/** A finding of the cover evaluation (bevinding). @category Cover */
export interface CoverFinding {
  /** Stable code. */
  readonly code: CoverFindingCode;
  /** Year. */
  readonly year: number;
  /** Source concerned, if any. */
  readonly source?: string;
  /** Row concerned, if any. */
  readonly target?: string;
  /** Claims involved (for an over-commitment: every claim that asked the source that year). */
  readonly claims: readonly string[];
  /** The amount at stake: the excess, the negative balance, the structural cost covered incidentally... */
  readonly amount: Decimal;
  /** What it means, for a person. */
  readonly message: string;
}

/** The evaluation of a budget's cover (dekkingsoverzicht). A frozen value. @category Cover */
export interface CoverEvaluation {
  /** Years. */
  readonly years: readonly number[];
  /** Every claim. */
  readonly claims: readonly ClaimResult[];
  /** Every claimed row, by id. */
  readonly rows: Readonly<Record<string, RowCover>>;
  /** Every source, by id. */
  readonly sources: Readonly<Record<string, SourceResult>>;
  /** Table-wide figures per year. */
  readonly perYear: Readonly<Record<string, CoverYear>>;
  /** Findings, by year then kind. */
  readonly findings: readonly CoverFinding[];
}

const max0 = (d: Decimal): Decimal => (d.isNegative() && !d.isZero() ? ZERO : d);
const min = (a: Decimal, b: Decimal): Decimal => (a.lte(b) ? a : b);
const clean = (d: Decimal): Decimal => (d.isZero() ? ZERO : d);
const k = (d: Decimal): string => d.toFixed();

function rowTotalsOf(evaluation: Evaluation): Map<string, { line: string; totals: TotalsByYear }> {
  const rows = new Map<string, { line: string; totals: TotalsByYear }>();
  for (const line of Object.values(evaluation.lines)) {
    rows.set(line.id, { line: line.id, totals: line.totals });
    for (const c of line.components) rows.set(c.id, { line: line.id, totals: c.totals });
  }
  return rows;
}

/**
 * Evaluates the cover of a budget (dekking doorrekenen), year by year: what each claim asks and gets, what each
 * row has covered and uncovered, what each source gives and has left, reserve balance paths, and findings.
 *
 * @remarks
 * A source serves its claims in their order; it never gives more than it can: what claims ask beyond that stays
 * uncovered and is reported as an `over_commitment` finding naming every claim on it that year (never capped in
 * silence, never an exception). Other findings: `reserve_below_zero`, `structural_on_incidental` (a structural cost
 * paid from an incidental source), `over_claimed` (claims on a row ask more than its cost), `claim_on_pm` (a claimed
 * row has a pm post, so its cost is not known), `unknown_source` / `unknown_target` when a scenario removed
 * what a claim refers to, `unknown_line` when a `line` capacity or a reserve's `bookedIn` names a row the budget no
 * longer has, and `reserve_mutation_mismatch` when the row a reserve's planned mutations are booked in does not
 * hold them (its lasten less than the additions or its baten less than the withdrawals, in a year without pm; the
 * finding names the source, the row and the year, its amount is what the row does not hold). A budget without
 * cover evaluates to empty results.
 *
 * @param budget - the budget, with `cover`
 * @param evaluation - its evaluation, when at hand
 * @category Cover
 */
export function evaluateCover(budget: Budget, evaluation?: Evaluation): CoverEvaluation {
  budget = requireBudget('evaluateCover', 'budget', budget);
  if (evaluation === undefined) evaluation = evaluate(budget);
  else requireArgument('evaluateCover', 'evaluation', evaluation, EVALUATION);
  const years = budget.horizon.years;
  const sources = budget.cover?.sources ?? {};
  const claims = budget.cover?.claims ?? [];
  const rows = rowTotalsOf(evaluation);
  const findings: CoverFinding[] = [];

  const claimYears = new Map<string, Record<string, ClaimYear>>(claims.map((c) => [c.id, {}]));
  const sourceYears = new Map<string, Record<string, SourceYear>>(Object.keys(sources).map((id) => [id, {}]));
  const reserveYears = new Map<string, Record<string, ReserveYear>>();
  const totalLeft = new Map<string, Decimal>();
  const reserveBalance = new Map<string, Decimal>();
  for (const source of Object.values(sources)) {
    if (source.capacity.kind === 'total') totalLeft.set(source.id, source.capacity.amount);
    if (source.reserve !== undefined) {
      reserveBalance.set(source.id, source.reserve.opening);
      reserveYears.set(source.id, {});
    }
  }
  const rowYears = new Map<string, Record<string, RowCoverYear>>();
  const perYear: Record<string, CoverYear> = {};

  for (const year of years) {
    const y = String(year);
    // 1. What each source can give.
    const available = new Map<string, Decimal | undefined>();
    const reserveStart = new Map<string, { opening: Decimal; additions: Decimal; planned: Decimal }>();
    for (const source of Object.values(sources)) {
      available.set(source.id, availableOf(source, year, rows, totalLeft, reserveBalance, reserveStart));
      const capacity = source.capacity;
      if (capacity.kind === 'line' && !rows.has(capacity.line) && (capacity.years === undefined || capacity.years.includes(year))) {
        findings.push({ code: 'unknown_line', year, source: source.id, target: capacity.line, claims: [], amount: ZERO, message: `the capacity of ${source.id} is the voordeel of "${capacity.line}", which is not in the budget: it gives nothing` });
      }
    }
    // 2. What each claim asks, served in order.
    const remaining = new Map(available);
    const claimedOf = new Map<string, Decimal>();
    const askedBy = new Map<string, string[]>();
    const givenBy = new Map<string, Decimal>();
    const rowAcc = new Map<string, { claimed: Decimal; covered: Decimal; bySource: Record<string, Decimal> }>();
    for (const claim of claims) {
      const row = rows.get(claim.target);
      const total: Total | undefined = row?.totals[y];
      const applies = claim.years === undefined || claim.years.includes(year);
      const cost = total === undefined ? ZERO : max0(total.amount.neg());
      const pm = applies && total !== undefined && total.pm.length > 0;
      let claimed = ZERO;
      if (applies) {
        if (claim.extent.kind === 'full') claimed = cost;
        else if (claim.extent.kind === 'share') claimed = cost.times(claim.extent.rate);
        else claimed = claim.extent.values[y] ?? ZERO;
      }
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
      (claimYears.get(claim.id) ?? {})[y] = { claimed, covered, uncovered: clean(claimed.minus(covered)), pm };
      if (row !== undefined && applies) {
        const acc = rowAcc.get(claim.target) ?? { claimed: ZERO, covered: ZERO, bySource: idRecord<Decimal>() };
        acc.claimed = acc.claimed.plus(claimed);
        acc.covered = acc.covered.plus(covered);
        if (!covered.isZero()) acc.bySource[claim.source] = (ownValue(acc.bySource, claim.source) ?? ZERO).plus(covered);
        rowAcc.set(claim.target, acc);
      }
    }
    // 3. Rows.
    for (const [id, acc] of rowAcc) {
      const total = rows.get(id)?.totals[y];
      const cost = total === undefined ? ZERO : max0(total.amount.neg());
      const unclaimed = clean(cost.minus(acc.claimed));
      if (unclaimed.isNegative()) {
        findings.push({ code: 'over_claimed', year, target: id, claims: claims.filter((c) => c.target === id).map((c) => c.id), amount: unclaimed.neg(), message: `claims on ${id} ask ${k(acc.claimed)} in ${year}, more than its cost ${k(cost)}` });
      }
      const years = rowYears.get(id) ?? {};
      years[y] = { cost, claimed: acc.claimed, covered: acc.covered, uncovered: clean(acc.claimed.minus(acc.covered)), unclaimed, pm: total !== undefined && total.pm.length > 0, bySource: acc.bySource };
      rowYears.set(id, years);
    }
    // 4. Sources, reserves, over-commitment.
    let given = ZERO;
    let outside = ZERO;
    let oad = ZERO;
    for (const source of Object.values(sources)) {
      const avail = available.get(source.id);
      const claimed = claimedOf.get(source.id) ?? ZERO;
      const gave = givenBy.get(source.id) ?? ZERO;
      const over = clean(claimed.minus(gave));
      if (!over.isZero()) {
        findings.push({
          code: 'over_commitment',
          year,
          source: source.id,
          claims: askedBy.get(source.id) ?? [],
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
        reserveBalance.set(source.id, closing);
        (reserveYears.get(source.id) ?? {})[y] = { opening: start.opening, additions: start.additions, withdrawals, plannedWithdrawals: start.planned, claimWithdrawals: gave, closing };
        if (closing.isNegative()) {
          findings.push({ code: 'reserve_below_zero', year, source: source.id, claims: askedBy.get(source.id) ?? [], amount: closing, message: `the reserve ${source.id} ends ${year} at ${k(closing)}, below zero` });
        }
        left = closing;
      }
      (sourceYears.get(source.id) ?? {})[y] = { available: avail, claimed, given: gave, left, overCommitted: over };
      given = given.plus(gave);
      if (source.capacity.kind !== 'line') outside = outside.plus(gave);
      if (source.kind === 'oad') oad = oad.plus(gave);
    }
    // 5. The table.
    const saldo = evaluation.total[y]?.amount ?? ZERO;
    let programmeCost = ZERO;
    for (const line of Object.values(evaluation.lines)) programmeCost = programmeCost.plus(max0((line.totals[y]?.amount ?? ZERO).neg()));
    perYear[y] = {
      saldo,
      programmeCost,
      given,
      givenFromOutside: outside,
      oadCover: oad,
      oadShare: programmeCost.isZero() ? undefined : oad.div(programmeCost),
      generalMeans: clean(saldo.plus(outside)),
    };
  }

  findings.push(...bookedFindings(budget));
  const order: Record<CoverFindingCode, number> = {
    over_commitment: 0,
    reserve_below_zero: 1,
    structural_on_incidental: 2,
    over_claimed: 3,
    claim_on_pm: 4,
    unknown_source: 5,
    unknown_target: 6,
    unknown_line: 7,
    reserve_mutation_mismatch: 8,
  };
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.year - b.f.year || order[a.f.code] - order[b.f.code] || a.i - b.i).map((x) => x.f);
  const rowsOut = idRecord<RowCover>();
  for (const [id, ys] of rowYears) rowsOut[id] = { id, line: rows.get(id)?.line ?? id, years: ys };
  const sourcesOut = idRecord<SourceResult>();
  for (const source of Object.values(sources)) {
    const reserve = reserveYears.get(source.id);
    sourcesOut[source.id] = {
      id: source.id,
      title: source.title,
      kind: source.kind,
      nature: source.nature,
      inTable: source.capacity.kind === 'line',
      years: sourceYears.get(source.id) ?? {},
      ...(reserve === undefined ? {} : { reserve }),
    };
  }
  return deepFreeze({
    years,
    claims: claims.map((c: CoverClaim) => ({ id: c.id, target: c.target, source: c.source, years: claimYears.get(c.id) ?? {} })),
    rows: rowsOut,
    sources: sourcesOut,
    perYear,
    findings: sorted,
  });
}

function availableOf(
  source: CoverSource,
  year: number,
  rows: Map<string, { line: string; totals: TotalsByYear }>,
  totalLeft: Map<string, Decimal>,
  reserveBalance: Map<string, Decimal>,
  reserveStart: Map<string, { opening: Decimal; additions: Decimal; planned: Decimal }>,
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

/** Findings on planned reserve mutations and the row they are booked in (`bookedIn`), one per source and year. */
function bookedFindings(budget: Budget): CoverFinding[] {
  const out: CoverFinding[] = [];
  for (const m of bookedMismatches(budget)) {
    const last = out[out.length - 1];
    if (last !== undefined && last.source === m.source && last.year === m.year) {
      out[out.length - 1] = { ...last, amount: last.amount.plus(m.excess) };
      continue;
    }
    out.push(
      m.missing
        ? { code: 'unknown_line', year: m.year, source: m.source, target: m.row, claims: [], amount: m.excess, message: `the planned mutations of ${m.source} in ${m.year} are booked in "${m.row}", which is not in the budget` }
        : {
            code: 'reserve_mutation_mismatch',
            year: m.year,
            source: m.source,
            target: m.row,
            claims: [],
            amount: m.excess,
            message: `the planned mutations of ${m.source} in ${m.year} are booked in ${m.row}, but its lasten do not hold the additions or its baten the withdrawals: ${k(m.excess)} is not in the row`,
          },
    );
  }
  return out;
}
