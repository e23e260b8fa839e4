/**
 * Number formatting for chart labels (getalnotatie in grafieken).
 *
 * @remarks
 * Charts receive display numbers (already in the display unit, such as x € 1.000) and print
 * tick and value labels with a formatter. The default groups thousands the Dutch way
 * ("1.083", "-2.100", "0,5"); with `labels: 'en'` it writes "1,083", "-2,100", "0.5".
 * Exact figures from the model can instead be passed as preformatted strings where a chart
 * offers a `display` field.
 *
 * @packageDocumentation
 */

import { Dec } from '../../core/decimal.js';

/** Language of the chart texts and the default number format (taal). @category Reports */
export type ChartLocale = 'nl' | 'en';

/** What a formatter is told about the number it prints. @category Reports */
export interface FormatInfo {
  /** Decimals the chart would print by default (from the tick step or the data). */
  readonly decimals: number;
  /** Whether the number is an axis tick or a data value. */
  readonly role: 'tick' | 'value';
}

/**
 * Prints a display number as a label (getalformatter). May ignore `info`.
 * @example `(value) => \`${value} mln\``
 * @category Reports
 */
export type NumberFormatter = (value: number, info: FormatInfo) => string;

/**
 * Formats a number with grouped thousands: Dutch "1.083", "-2.100", "0,5" by default,
 * English "1,083". Never prints "-0", "NaN" or exponent notation.
 * @param value - a finite display number
 * @param decimals - decimals to print (0..20), rounded half away from zero
 * @param locale - `nl` (default) or `en`
 * @example `formatGrouped(-2100, 0) === '-2.100'`
 */
export function formatGrouped(value: number, decimals: number, locale: ChartLocale = 'nl'): string {
  if (!Number.isFinite(value)) return '';
  const places = Math.max(0, Math.min(20, Math.trunc(decimals)));
  const negative = value < 0;
  const fixed = roundHalfUp(Math.abs(value), places);
  if (fixed === null) return '';
  const [whole = '0', fraction] = fixed.split('.');
  const groupSep = locale === 'nl' ? '.' : ',';
  const decimalSep = locale === 'nl' ? ',' : '.';
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += groupSep;
    grouped += whole[i];
  }
  const body = fraction === undefined ? grouped : `${grouped}${decimalSep}${fraction}`;
  const isZero = /^[0.]*$/.test(fixed);
  return negative && !isZero ? `-${body}` : body;
}

/** Rounds a non-negative number half up to `places` decimals and writes it without exponent. */
function roundHalfUp(value: number, places: number): string | null {
  if (value >= 1e21) return null;
  // Whole numbers are exact as floats: no rounding needed.
  if (Number.isInteger(value)) return value.toFixed(places);
  // Through its shortest decimal form, so 1.005 rounds to 1.01 and 2.5 to 3, as printed.
  return new Dec(value).toDecimalPlaces(places, Dec.ROUND_HALF_UP).toFixed(places);
}

/**
 * The default formatter for a locale: grouped thousands with the decimals the chart asks for.
 * @param locale - `nl` or `en`
 */
export function defaultFormatter(locale: ChartLocale): NumberFormatter {
  return (value, info) => formatGrouped(value, info.decimals, locale);
}

/**
 * The number of decimals needed to show the given data values as written (at most 6): 0 for
 * whole numbers, 1 for 0,5 and so on. Used for value labels of display numbers.
 * @param values - finite display numbers; nulls are skipped
 */
export function dataDecimals(values: Iterable<number | null>): number {
  let max = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    for (let d = max; d <= 6; d++) {
      const scaled = Math.abs(value) * 10 ** d;
      if (Math.abs(scaled - Math.round(scaled)) <= 1e-7 * Math.max(1, scaled)) {
        max = d;
        break;
      }
      if (d === 6) max = 6;
    }
  }
  return max;
}
