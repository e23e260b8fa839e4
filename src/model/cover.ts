import type { Decimal } from '../core/decimal.js';
import type { Nature, Tags } from './values.js';

/** Amounts per year in euros, keyed by year ("2026"); an absent year is nothing. @category Cover */
export type YearAmounts = Readonly<Record<string, Decimal>>;

/**
 * Kind of a cover source (soort dekkingsbron).
 * - `oad`: the general cover overview (Overzicht Algemene Dekkingsmiddelen): algemene uitkering
 *   (taakmutatie, decentralisatie-uitkering), OZB, dividend. Its income is outside the programme table.
 * - `reserve`: an algemene reserve or bestemmingsreserve, with an opening balance and planned mutations.
 * - `windfall`: an incidental advantage (incidenteel voordeel), such as seed 000's Ukraine reimbursement.
 * - `third-party`: money from another party (derden: gemeente Den Haag, a SPUK grant).
 * - `within-programme`: another line of the same programme or product (1.5 werkbudget covers 1.4).
 * @category Cover
 */
export type CoverSourceKind = (typeof COVER_SOURCE_KINDS)[number];

/** Every {@link CoverSourceKind}, in a fixed order. @category Cover */
export const COVER_SOURCE_KINDS = Object.freeze(['oad', 'reserve', 'windfall', 'third-party', 'within-programme'] as const);

/**
 * How much a source can give (capaciteit), in euros, always zero or positive.
 * - `per-year`: an amount per year; what a year does not use is gone.
 * - `total`: one amount for all years, used in year order from `from` (default the first year); what is left carries over.
 * - `line`: the voordeel of a budget line or component in the listed years (default every year): its net value when
 *   positive, else nothing. Seed 000's Ukraine pool is line 1.1 in 2025 (6.500 - 3.600 = 2.900).
 * - `balance`: a reserve's available balance (only for `reserve` sources).
 * - `unlimited`: no limit (the general means as a whole); never over-committed.
 * @category Cover
 */
export type Capacity =
  | {
      /** An amount per year. */
      readonly kind: 'per-year';
      /** The amount per year, in euros. */
      readonly values: YearAmounts;
    }
  | {
      /** One amount for all years. */
      readonly kind: 'total';
      /** The amount, in euros. */
      readonly amount: Decimal;
      /** First year it can be used in; default the first year of the horizon. */
      readonly from?: number;
    }
  | {
      /** The voordeel of a budget line. */
      readonly kind: 'line';
      /** Id of the line or component. */
      readonly line: string;
      /** Years it counts in; default every year. */
      readonly years?: readonly number[];
    }
  | {
      /** A reserve's available balance. */
      readonly kind: 'balance';
    }
  | {
      /** No limit. */
      readonly kind: 'unlimited';
    };

/**
 * The balance and planned mutations of a reserve (reserve, stand en mutaties), in euros, all zero or positive.
 *
 * @remarks
 * Claims on the reserve are withdrawals on top of the planned ones. `bookedIn` names the budget line whose
 * amounts already contain the planned additions and withdrawals (3.1 holds the EUR 2,0 mln put into the brede
 * bestemmingsreserve): the reserve mutations summary then moves them from lasten/baten to the mutaties reserves
 * instead of counting them twice.
 * @category Cover
 */
export interface ReserveBalance {
  /** Balance at the start of the first year (beginstand). */
  readonly opening: Decimal;
  /** Planned additions per year (toevoegingen). */
  readonly additions: YearAmounts;
  /** Planned withdrawals per year (onttrekkingen), besides those that claims make. */
  readonly withdrawals: YearAmounts;
  /** Id of the budget line in which the planned mutations are already booked, if any. */
  readonly bookedIn?: string;
}

/** A source of cover (dekkingsbron). Frozen data. @category Cover */
export interface CoverSource {
  /** Id, unique among the sources. */
  readonly id: string;
  /** Name as printed ("Decentralisatie-uitkering noodopvang", "Brede bestemmingsreserve"). */
  readonly title: string;
  /** What kind of source it is. */
  readonly kind: CoverSourceKind;
  /** Whether the money recurs every year (structureel) or not (incidenteel). */
  readonly nature: Nature;
  /** How much it can give. */
  readonly capacity: Capacity;
  /** For a `reserve`: its balance and planned mutations. */
  readonly reserve?: ReserveBalance;
  /** Free labels. */
  readonly tags: Tags;
}

/**
 * How much of its target a claim asks for (omvang van de claim), per year.
 * - `full`: the whole cost of the target in that year (its net nadeel; nothing in a voordeel year).
 * - `amount`: a fixed amount per year, in euros.
 * - `share`: a share of the cost (0.5 = half).
 * @category Cover
 */
export type ClaimExtent =
  | {
      /** The whole cost. */
      readonly kind: 'full';
    }
  | {
      /** Fixed amounts. */
      readonly kind: 'amount';
      /** The amount per year, in euros. */
      readonly values: YearAmounts;
    }
  | {
      /** A share of the cost. */
      readonly kind: 'share';
      /** The share, 0..1 (0.5 = half). */
      readonly rate: Decimal;
    };

/** A claim: a budget line or component asks a source to pay (part of) its cost (dekkingsclaim). @category Cover */
export interface CoverClaim {
  /** Id, unique among the claims. */
  readonly id: string;
  /** Id of the line or component whose cost is covered. */
  readonly target: string;
  /** Id of the source. */
  readonly source: string;
  /** How much. */
  readonly extent: ClaimExtent;
  /** Years the claim applies to; default every year of the horizon. */
  readonly years?: readonly number[];
}

/**
 * The cover of a budget (dekking): its sources keyed by id, and its claims in priority order (a source serves
 * earlier claims first). Frozen data on `Budget.cover`, so scenario patches can change any part of it.
 * @category Cover
 */
export interface Cover {
  /** Sources keyed by id. */
  readonly sources: Readonly<Record<string, CoverSource>>;
  /** Claims in priority order. */
  readonly claims: readonly CoverClaim[];
}
