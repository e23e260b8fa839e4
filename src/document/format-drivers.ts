/**
 * The drivers part of a budget document as written: indicators, dated parameters and formulas.
 * @packageDocumentation
 */
import type { ParameterRule } from '../model/drivers.js';

/**
 * An indicator as written (indicator): values by year in the document's number format, never scaled by the
 * document's unit nor signed by its convention (4.525 youths are 4.525, also in a table x EUR 1.000).
 * @category Documents
 */
export interface IndicatorDocument {
  /** Id, the name formulas use: a letter, then letters, digits and `_`. */
  readonly id: string;
  /** Title as printed. */
  readonly title: string;
  /** Unit, free text ("jeugdigen", "plaatsen", "dagen", "%"). */
  readonly unit: string;
  /** Values by year ("2026": "4525"); years may lie outside the horizon. */
  readonly values: Readonly<Record<string, string | number>>;
}

/** A period of a dated parameter as written. @category Documents */
export interface ParameterPeriodDocument {
  /** First day, `yyyy-mm-dd`. */
  readonly from: string;
  /** The value from that day on, in the document's number format (not scaled by its unit). */
  readonly value: string | number;
}

/** A dated parameter as written (gedateerde parameter). @category Documents */
export interface ParameterDocument {
  /** Id, the name formulas use (one namespace with the indicators). */
  readonly id: string;
  /** Title as printed. */
  readonly title: string;
  /** Unit, free text ("EUR per plaats per dag"). */
  readonly unit: string;
  /** How a year's value is found: `per-day` (summed over the days) or `year-average` (averaged over the days). */
  readonly rule: ParameterRule;
  /** Periods by strictly increasing date. */
  readonly periods: readonly ParameterPeriodDocument[];
}

/** The formula of a driven row as written. @category Documents */
export interface FormulaDocument {
  /** Id of the line or component. */
  readonly row: string;
  /** The expression, such as `plaatsen * normvergoeding`; its value is euros as the effect on the saldo. */
  readonly expression: string;
}

/**
 * The drivers of a budget document (sturende grootheden). A driven row may leave out its values; values it
 * writes are checked against its formula (`formula_mismatch`).
 * @category Documents
 */
export interface DriversDocument {
  /** Indicators. */
  readonly indicators?: readonly IndicatorDocument[];
  /** Dated parameters. */
  readonly parameters?: readonly ParameterDocument[];
  /** Formulas of driven rows. */
  readonly formulas?: readonly FormulaDocument[];
}
