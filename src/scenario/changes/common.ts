import type { NumberFormat } from '../../core/amount.js';
import type { Decimal, RoundingMode } from '../../core/decimal.js';
import type { Path } from '../../core/errors.js';

/**
 * An amount as a scenario writes it: an exact decimal string (`"-1100"`, `"1083.5"`) or a safe integer,
 * in the scenario's {@link Scenario.unit}, meaning the effect on the saldo (positive = voordeel).
 * @category Scenarios
 */
export type ScenarioAmount = string | number;

/**
 * Which years a change applies to (jaren): a list of years, or a run `{ from, to }` (both inclusive;
 * `to` defaults to the last year of the horizon).
 * @category Scenarios
 */
export type YearSelection =
  | readonly number[]
  | {
      /** First year (inclusive). */
      readonly from: number;
      /** Last year (inclusive); defaults to the last year of the horizon. */
      readonly to?: number;
    };

/**
 * A percentage (percentage), written like an amount: `"50"` is 50 %, `"2.5"` is 2,5 %.
 * @category Scenarios
 */
export type Percentage = string | number;

/**
 * A rate (fractie) as the cover and savings documents write it: `"0.5"` is half, `"1"` everything.
 * @category Scenarios
 */
export type Rate = string | number;

/**
 * The settings of the scenario that wrote a change, as a change kind applies it (the fields of a resolved step
 * other than the change itself).
 * @internal
 */
export interface ChangeStep {
  /** Id of the scenario that wrote it. */
  readonly scenario: string;
  /** Index of the change in that scenario's `changes`. */
  readonly index: number;
  /** Path of the change in errors. */
  readonly path: Path;
  /** Euros per unit of that scenario. */
  readonly factor: Decimal;
  /** Number format of that scenario. */
  readonly format: NumberFormat | undefined;
  /** Rounding of that scenario. */
  readonly rounding: { readonly places: number; readonly mode: RoundingMode };
}

/** A range (bandbreedte) put on a pm post by an `estimate-pm` change, kept for uncertainty analysis. @category Scenarios */
export interface EstimateRangeResult {
  /** The row (line or component id). */
  readonly row: string;
  /** The line. */
  readonly line: string;
  /** The year. */
  readonly year: number;
  /** Lowest amount in euros. */
  readonly low: Decimal;
  /** Likely amount in euros: the value in the scenario's budget. */
  readonly likely: Decimal;
  /** Highest amount in euros. */
  readonly high: Decimal;
  /** Scenario that set it. */
  readonly scenario: string;
  /** Index of the change in that scenario. */
  readonly change: number;
}
