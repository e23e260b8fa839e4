import type { Decimal } from '../core/decimal.js';
import type { Cell, Unit } from './values.js';

/** Amounts per year in euros, keyed by year ("2026"). @category Savings */
export type SavingsAmounts = Readonly<Record<string, Decimal>>;

/** Where a measure stands (status van een maatregel): decided (besloten), in preparation (in voorbereiding), at risk (risicovol). @category Savings */
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Every {@link MeasureStatus}. @category Savings */
export const MEASURE_STATUSES = Object.freeze(['decided', 'in-preparation', 'at-risk'] as const);

/**
 * What a measure delivers against its plan (realisatie).
 * - `as-planned`: everything, in the planned years.
 * - `rate`: a share of the plan each year (0.5 = half); above 1 only with `abovePlan`.
 * - `amount`: given amounts per year in euros ("75 of 147"); above the plan only with `abovePlan`.
 * - `none`: nothing.
 * - `delay`: the plan, `years` later (what shifts past the horizon is lost to it), optionally times a rate.
 * @category Savings
 */
export type Realisation =
  | {
      /** Everything, as planned. */
      readonly kind: 'as-planned';
    }
  | {
      /** A share of the plan each year. */
      readonly kind: 'rate';
      /** The share (0.5 = half). */
      readonly rate: Decimal;
      /** Whether more than the plan (a rate above 1) is intended. */
      readonly abovePlan?: boolean;
    }
  | {
      /** Given amounts per year. */
      readonly kind: 'amount';
      /** The realised amount per year, in euros. */
      readonly values: SavingsAmounts;
      /** Whether more than the plan is intended. */
      readonly abovePlan?: boolean;
    }
  | {
      /** Nothing. */
      readonly kind: 'none';
    }
  | {
      /** The plan, later. */
      readonly kind: 'delay';
      /** Years of delay. */
      readonly years: number;
      /** A share of the delayed plan; default all of it. */
      readonly rate?: Decimal;
    };

/** What a cost of a measure is: an investment (investering) or transformation costs (transformatiekosten, frictiekosten). @category Savings */
export type MeasureCostKind = (typeof MEASURE_COST_KINDS)[number];

/** Every {@link MeasureCostKind}. @category Savings */
export const MEASURE_COST_KINDS = Object.freeze(['investment', 'transformation'] as const);

/**
 * A cost of a measure beside its savings (kosten van een maatregel): what it takes to realise it, per year, such as
 * bij- en omscholing for stevige lokale teams (seed 004: "transformatiekosten"). Frozen data.
 * @category Savings
 */
export interface MeasureCost {
  /** Investment or transformation costs. */
  readonly kind: MeasureCostKind;
  /** A label ("Bij- en omscholing"), if any. */
  readonly title?: string;
  /** The costs per year in euros, positive (zero or more). */
  readonly amounts: SavingsAmounts;
}

/** A savings measure (maatregel, ombuiging) that fills a target. Frozen data. @category Savings */
export interface Measure {
  /** Id, unique within its target. */
  readonly id: string;
  /** Title ("Stevige lokale teams"). */
  readonly title: string;
  /** Planned savings per year in euros, positive (geraamde opbrengst). */
  readonly planned: SavingsAmounts;
  /** Where it stands. */
  readonly status: MeasureStatus;
  /** What it delivers. */
  readonly realisation: Realisation;
  /** Id of the budget line that books it, if any. */
  readonly line?: string;
  /** Its costs (investment, transformation) per year, if any; the savings are gross of them. */
  readonly costs?: readonly MeasureCost[];
}

/**
 * A reference path beside a target (referentiepad), such as the national Hervormingsagenda savings, with the
 * local share of it when known: the user compares the local target with its share.
 * @category Savings
 */
export interface ReferencePath {
  /** Title ("Hervormingsagenda Jeugd, landelijk"). */
  readonly title: string;
  /** The path in euros per year (a pm where the amount is open). */
  readonly path: Readonly<Record<string, Cell>>;
  /** The municipality's share of it in euros per year, if known. */
  readonly localShare?: SavingsAmounts;
}

/**
 * A savings target (taakstelling): a path of amounts to save per year, and the measures that fill it.
 * Amounts are positive euros saved. Frozen data on `Budget.targets`.
 * @category Savings
 */
export interface SavingsTarget {
  /** Id, unique among the targets. */
  readonly id: string;
  /** Title ("Taakstelling Hervormingsagenda Jeugd"). */
  readonly title: string;
  /** The unit its amounts were written in; measures are written in the same unit. */
  readonly unit: Unit;
  /** Amount to save per year, in euros; a pm where the amount is open. */
  readonly path: Readonly<Record<string, Cell>>;
  /** Measures keyed by id, in the order written. */
  readonly measures: Readonly<Record<string, Measure>>;
  /** Paths to compare with, such as the national one. */
  readonly references: readonly ReferencePath[];
  /** Id of the budget line holding the stelpost, if any. */
  readonly line?: string;
}
