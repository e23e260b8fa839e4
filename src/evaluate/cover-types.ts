import type { Decimal } from '../core/decimal.js';
import type { Nature } from '../model/budget.js';
import type { CoverSourceKind } from '../model/cover.js';

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
