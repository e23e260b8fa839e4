/**
 * Parts of a budget document as written: the values of a row (waarden), and the cover (dekking) and savings
 * (taakstellingen) parts that `writeDocument` gives and `loadBudget` reads under `cover` and `targets`.
 * @module
 */
import type { Nature, Unit } from '../model/budget.js';
import type { CoverSourceKind } from '../model/cover.js';
import type { MeasureCostKind, MeasureStatus } from '../model/savings.js';

/**
 * One value as written in a document: an amount string (`"-2100"`, or in the declared number format),
 * a safe integer, or a pm token (`"pm"`, `"-pm"`, `"+pm"`, any case).
 * @category Documents
 */
export type ValueDocument = string | number;

/**
 * Values per year as written: an object keyed by year (`{ "2025": "-1100", "2026": "pm" }`; leave a year out
 * for nothing), or an array aligned with the horizon from its first year (`[-1100, "pm", null]`; `null` is a
 * blank cell, and the array may stop before the last year).
 * @category Documents
 */
export type ValuesDocument = Readonly<Record<string, ValueDocument>> | readonly (ValueDocument | null)[];

/**
 * One amount of the cover and savings parts as written (bedrag): zero or positive, in the unit that applies
 * (a string in the document's number format, or a safe integer). The document's sign convention does not apply.
 * @category Documents
 */
export type AmountDocument = string | number;

/**
 * Amounts per year as written in the cover and savings parts: an object keyed by year, or an array aligned with
 * the horizon from its first year (`null` for nothing). No pm here.
 * @category Documents
 */
export type AmountsDocument = Readonly<Record<string, AmountDocument>> | readonly (AmountDocument | null)[];

/** A plain decimal number that is not scaled by the unit, such as a share or rate (`"0.5"`). @category Documents */
export type RateDocument = string | number;

/**
 * The capacity of a cover source as written (capaciteit):
 * `{ "perYear": amounts }`, `{ "total": amount, "from": year }`, `{ "line": id, "years": [...] }`,
 * `"balance"` (reserves only, their default) or `"unlimited"`.
 * @category Documents
 */
export type CapacityDocument =
  | {
      /** An amount per year; what a year does not use is gone. */
      readonly perYear: AmountsDocument;
    }
  | {
      /** One amount for all years, used in year order; what is left carries over. */
      readonly total: AmountDocument;
      /** First year it can be used; default the first year of the horizon. */
      readonly from?: number;
    }
  | {
      /** Id of the line or component whose voordeel is the capacity. */
      readonly line: string;
      /** Years it counts; default every year. */
      readonly years?: readonly number[];
    }
  | 'balance'
  | 'unlimited';

/** The balance and planned mutations of a reserve as written (stand en mutaties), zero or positive. @category Documents */
export interface ReserveDocument {
  /** Balance at the start of the first year (beginstand); default 0. */
  readonly opening?: AmountDocument;
  /** Planned additions per year (toevoegingen). */
  readonly additions?: AmountsDocument;
  /** Planned withdrawals per year (onttrekkingen). */
  readonly withdrawals?: AmountsDocument;
  /** Id of the line in which the planned mutations are already booked. */
  readonly bookedIn?: string;
}

/** A cover source as written (dekkingsbron). @category Documents */
export interface CoverSourceDocument {
  /** Id, unique among the sources. */
  readonly id: string;
  /** Name as printed. */
  readonly title: string;
  /** Kind of source. */
  readonly kind: CoverSourceKind;
  /** Whether the money recurs (structural) or not (incidental). */
  readonly nature: Nature;
  /** How much it can give; required except for a reserve, whose default is `"balance"`. */
  readonly capacity?: CapacityDocument;
  /** For a `reserve` source (required there): its balance and planned mutations. */
  readonly reserve?: ReserveDocument;
  /** Free labels. */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A claim as written (dekkingsclaim): a line or component asks a source to pay its cost, in full unless it
 * gives `amount` (per year) or `share` (not both).
 * @category Documents
 */
export interface CoverClaimDocument {
  /** Id, unique among the claims; defaults to `claim-<n>` (1-based position in the list). */
  readonly id?: string;
  /** Id of the line or component whose cost is covered. */
  readonly target: string;
  /** Id of the source. */
  readonly source: string;
  /** A fixed amount per year instead of the full cost. */
  readonly amount?: AmountsDocument;
  /** A share of the cost, from 0 to 1 (`"0.5"`). */
  readonly share?: RateDocument;
  /** Years the claim applies to; default every year. */
  readonly years?: readonly number[];
}

/** The cover part of a budget document (dekking): sources in any order, claims in priority order. @category Documents */
export interface CoverDocument {
  /** The sources. */
  readonly sources?: readonly CoverSourceDocument[];
  /** The claims, earliest served first. */
  readonly claims?: readonly CoverClaimDocument[];
}

/**
 * What a measure delivers as written (realisatie): `"as-planned"` (default), `"none"`, `{ "rate": "0.5" }`,
 * `{ "amount": { "2027": "0.75" } }` (years not listed deliver the plan), `{ "delay": 1 }` or
 * `{ "delay": 1, "rate": "0.5" }`. More than planned needs `"abovePlan": true`.
 * @category Documents
 */
export type RealisationDocument =
  | 'as-planned'
  | 'none'
  | {
      /** Share of the plan delivered each year (0.5 = half). */
      readonly rate: RateDocument;
      /** Allows a rate above 1. */
      readonly abovePlan?: boolean;
    }
  | {
      /** Amounts delivered per year, in the target's unit; years not listed deliver the plan. */
      readonly amount: AmountsDocument;
      /** Allows amounts above the plan. */
      readonly abovePlan?: boolean;
    }
  | {
      /** Years the plan comes late (0 to 50). */
      readonly delay: number;
      /** Share of the delayed plan delivered; default all of it. */
      readonly rate?: RateDocument;
      /** Allows a rate above 1. */
      readonly abovePlan?: boolean;
    };

/** A savings measure as written (maatregel); amounts are positive savings in its target's unit. @category Documents */
export interface MeasureDocument {
  /** Id, unique within its target. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Must equal the target's unit when given. */
  readonly unit?: Unit;
  /** Planned savings per year (geraamde opbrengst). */
  readonly planned: AmountsDocument;
  /** Where it stands. */
  readonly status: MeasureStatus;
  /** What it delivers; default `"as-planned"`. */
  readonly realisation?: RealisationDocument;
  /** Id of the budget line that books it. */
  readonly line?: string;
  /** Its costs per year (investment, transformation), positive, in the target's unit. */
  readonly costs?: readonly MeasureCostDocument[];
}

/** A cost of a measure as written: `{ "kind": "transformation", "title": "Bij- en omscholing", "amounts": { "2025": "0.5" } }`. @category Documents */
export interface MeasureCostDocument {
  /** `investment` (investering) or `transformation` (transformatiekosten). */
  readonly kind: MeasureCostKind;
  /** A label. */
  readonly title?: string;
  /** The costs per year, positive, in the target's unit. */
  readonly amounts: AmountsDocument;
}

/** A reference path as written (referentiepad), such as the national Hervormingsagenda savings. @category Documents */
export interface ReferencePathDocument {
  /** Title. */
  readonly title: string;
  /** Unit of `path`; default the target's. */
  readonly unit?: Unit;
  /** The path per year; `"pm"` where the amount is open. */
  readonly path?: ValuesDocument;
  /** The municipality's share per year, in the target's unit. */
  readonly localShare?: AmountsDocument;
}

/** A savings target as written (taakstelling). @category Documents */
export interface SavingsTargetDocument {
  /** Id, unique among the targets. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Unit of its amounts and its measures'; default the document's. */
  readonly unit?: Unit;
  /** Amount to save per year, positive; `"pm"` where the amount is open. */
  readonly path: ValuesDocument;
  /** Measures in order; ids unique within the target. */
  readonly measures?: readonly MeasureDocument[];
  /** Paths to compare with. */
  readonly references?: readonly ReferencePathDocument[];
  /** Id of the budget line holding the stelpost. */
  readonly line?: string;
}
