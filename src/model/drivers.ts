/**
 * Drivers (sturende grootheden): indicators, dated parameters and the formulas that make a budget row an
 * expression of them (volume x prijs). Indicators are never money: they are never summed into a saldo.
 * @packageDocumentation
 */
import type { Decimal } from '../core/decimal.js';

/**
 * A non-money series per year (indicator, prestatie-indicator): a volume, a price or a rate with its unit, such as
 * the unique youths in specialist youth care (4.525 / 4.000 / 3.750 / 3.500 in 2026-2029). Never part of a saldo.
 * @category Model
 */
export interface Indicator {
  /** Id, the name formulas use: a letter, then letters, digits and `_` (`jeugdigen`, `plaatsen_2025`). */
  readonly id: string;
  /** Title as printed ("Aantal unieke jeugdigen 0-23 jaar met specialistische jeugdhulp"). */
  readonly title: string;
  /** Unit, free text ("jeugdigen", "plaatsen", "dagen", "%", "EUR per jeugdige"). */
  readonly unit: string;
  /** Exact values per year ("2026"); a year without a value is absent. Years may lie outside the horizon (a realisation). */
  readonly values: Readonly<Record<string, Decimal>>;
}

/** Every {@link ParameterRule}; the one list of them. @category Model */
export const PARAMETER_RULES = Object.freeze(['per-day', 'year-average'] as const);

/**
 * How a dated parameter becomes one value for a year (jaarwaarde), exactly:
 * - `per-day`: a tariff per day (dagtarief); the year's value is the sum over the days of the year of the value
 *   valid that day: the sum over the periods of value x the number of days of the period inside the year
 *   (EUR 44 a day for a whole 2025 is 16.060). Exact, no rounding.
 * - `year-average`: a tariff or percentage per year valid from a date; the year's value is the average over the
 *   days of the year: the sum of value x days divided by the days of the year (365 or 366), an exact fraction,
 *   rounded only where the formula's result is (to whole cents).
 * Before its first period a parameter is 0 (days before it add nothing); a year that ends before the first period
 * has no value.
 * @category Model
 */
export type ParameterRule = (typeof PARAMETER_RULES)[number];

/** One period of a dated parameter: the value valid from a date until the next period's date (geldig vanaf). @category Model */
export interface ParameterPeriod {
  /** First day the value holds, `yyyy-mm-dd`. */
  readonly from: string;
  /** The value from that day on. */
  readonly value: Decimal;
}

/**
 * A parameter valid from dates (gedateerde parameter): a tariff or percentage that changes at a date, such as the
 * normvergoeding for Ukrainian refugees that dropped from EUR 61 to EUR 44 a day on 1 January 2025.
 * @category Model
 */
export interface Parameter {
  /** Id, the name formulas use (the same rule and namespace as indicators). */
  readonly id: string;
  /** Title as printed. */
  readonly title: string;
  /** Unit, free text ("EUR per plaats per dag", "%"). */
  readonly unit: string;
  /** How a year's value is found; {@link ParameterRule}. */
  readonly rule: ParameterRule;
  /** Periods, by strictly increasing date. */
  readonly periods: readonly ParameterPeriod[];
}

/**
 * A row (line or component) whose values are an expression of indicators, parameters and numbers (een gestuurde
 * regel): `plaatsen * dagen * tarief`, `-jeugdigen * kostprijs`. The result is euros as the effect on the saldo
 * (positive = voordeel), whatever the document's unit and sign. See `drivenRowValues` for the rules.
 * @category Model
 */
export interface Formula {
  /** Id of the line or component that follows the expression. */
  readonly row: string;
  /** The expression: numbers, names, `+ - * /`, unary minus and parentheses. */
  readonly expression: string;
}

/** The drivers of a budget (sturende grootheden): indicators, dated parameters and formulas. A frozen value. @category Model */
export interface Drivers {
  /** Indicators, in print order. */
  readonly indicators: readonly Indicator[];
  /** Dated parameters, in print order. */
  readonly parameters: readonly Parameter[];
  /** Formulas of driven rows, one per row. */
  readonly formulas: readonly Formula[];
}

/** The most characters of an expression. @category Model */
export const MAX_EXPRESSION_LENGTH = 1000;
/** The deepest nesting of an expression (parentheses and operators). @category Model */
export const MAX_EXPRESSION_DEPTH = 32;
/** A driver name: a letter, then letters, digits and `_`, at most 64 characters. @internal */
export const DRIVER_ID_PATTERN = /^\p{L}[\p{L}\p{N}_]{0,63}$/u;
/** Decimal places of a driven row's value in euros: whole cents, rounded half-up. @category Model */
export const DRIVEN_PLACES = 2;
