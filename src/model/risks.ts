/**
 * The risks and the resistance capacity of the paragraaf weerstandsvermogen en risicobeheersing: the
 * risicoregister and the parts of the beschikbare weerstandscapaciteit.
 * @packageDocumentation
 */
import type { Decimal } from '../core/decimal.js';
import type { Unit } from './values.js';

/** A number as a risk or capacity part takes it: a Decimal, a plain decimal string ("0.3", "1250000") or a safe integer. @category Weerstandsvermogen */
export type RiskNumber = Decimal | string | number;

/**
 * An amount of a risk or a capacity part: one number for every year, or a number per year of the meerjarenraming
 * (`{ "2026": "2500000", "2027": "2000000" }`, keys are years).
 * @category Weerstandsvermogen
 */
export type RiskAmount = RiskNumber | Readonly<Record<string, RiskNumber>>;

/** Whether a risk can occur once (incidenteel) or every year (structureel). @category Weerstandsvermogen */
export type RiskNature = (typeof RISK_NATURES)[number];

/** Every {@link RiskNature}; the one list of them. @category Weerstandsvermogen */
export const RISK_NATURES = Object.freeze(['incidental', 'structural'] as const);

/**
 * One risk of the risicoregister: what may go wrong, how likely it is (kans) and what it would cost
 * (financieel effect).
 * @category Weerstandsvermogen
 */
export interface Risk {
  /** Stable id, unique within the register ("R3"). */
  readonly id: string;
  /** What the risk is ("Open-einderegeling jeugdzorg"). */
  readonly title: string;
  /**
   * The probability (kans) as a decimal fraction from 0 to 1: "0.3" for 30%. The usual classes 10, 30, 50, 70 and
   * 90% are just the values "0.1" to "0.9". A plain number (0.3) is read as its shortest decimal form ("0.3").
   */
  readonly probability: RiskNumber;
  /**
   * The financial effect (financieel effect) in euros: the possible loss as a magnitude, zero or more; one amount,
   * or one per year (then the weerstandsvermogen is set per year).
   */
  readonly amount: RiskAmount;
  /**
   * The financial effect as a distribution (kansverdeling van het financieel effect), for the simulation of the
   * register: when the risk occurs in a draw, `simulateRequiredCapacity` draws its cost from this distribution
   * instead of taking `amount`. A distribution spec as the Monte Carlo runs write them (`{ kind: 'triangular', low,
   * likely, high }`; every kind of `DistributionSpec`), kept here as data: the simulation reads and checks it, each
   * of its amounts zero or more and whole cents. Its amounts are in euros, or in `distributionUnit`. `amount` stays
   * the figure of kans x effect (the benodigde capaciteit of `weerstandsvermogen`): the register's printed
   * financieel effect, which may be the distribution's mean or its expected maximum. One distribution counts for
   * every year.
   */
  readonly distribution?: RiskDistribution;
  /**
   * The unit the amounts of `distribution` are written in (`'thousand'`: `"2000"` is 2.000 x € 1.000); a risicoregister
   * document in thousands gives its risks this unit. `amount` is in euros regardless.
   * @defaultValue `'euro'`
   */
  readonly distributionUnit?: Unit;
  /** Incidental (eenmalig) or structural (jaarlijks terugkerend). */
  readonly nature: RiskNature;
  /** Ids of the budget lines the risk belongs to, if any. */
  readonly lines?: readonly string[];
  /** A note for the reader (toelichting). */
  readonly note?: string;
}

/**
 * The distribution of a risk's financial effect as data: a distribution spec (`DistributionSpec`) with its `kind`
 * and fields, such as `{ kind: 'triangular', low: '0', likely: '500000', high: '2000000' }`. The register keeps it
 * as written; `simulateRequiredCapacity` reads and checks it.
 * @category Weerstandsvermogen
 */
export type RiskDistribution = {
  /** The kind of distribution (`triangular`, `pert`, `uniform`, `normal`, `lognormal`, `discrete`, `mixture`, `fixed`). */
  readonly kind: string;
} & Readonly<Record<string, unknown>>;

/** The risicoregister: every risk of the budget, each id once. @category Weerstandsvermogen */
export type RiskRegister = readonly Risk[];

/** What a part of the beschikbare weerstandscapaciteit is. @category Weerstandsvermogen */
export type CapacityKind = (typeof CAPACITY_KINDS)[number];

/** Every {@link CapacityKind}; the one list of them. @category Weerstandsvermogen */
export const CAPACITY_KINDS = Object.freeze(['algemene-reserve', 'vrije-bestemmingsreserve', 'onbenutte-belastingcapaciteit', 'onvoorzien', 'other'] as const);

/**
 * One part of the beschikbare weerstandscapaciteit: the means the municipality can use to cover risks that occur
 * (algemene reserve, vrije bestemmingsreserves, onbenutte belastingcapaciteit, the post onvoorzien).
 * @category Weerstandsvermogen
 */
export interface CapacityPart {
  /** What the part is. */
  readonly kind: CapacityKind;
  /** Its label in the table ("Algemene reserve"). */
  readonly title: string;
  /** The amount in euros, zero or more; one amount, or one per year (the algemene reserve's expected balance). */
  readonly amount: RiskAmount;
}

/**
 * A risicoregister document as read (`meerjaren/risks`): its title, the unit it was written in, the risks and the
 * capacity parts with every amount converted to euros. A frozen value; `weerstandsvermogen` takes it as its input.
 * @category Weerstandsvermogen
 */
export interface RiskDocument {
  /** Title ("Risicoregister Begroting 2026"). */
  readonly title: string;
  /** The unit the document's amounts were written in; the amounts here are in euros. */
  readonly unit: Unit;
  /** The risks. */
  readonly risks: RiskRegister;
  /** The parts of the beschikbare weerstandscapaciteit. */
  readonly capacity: readonly CapacityPart[];
}
