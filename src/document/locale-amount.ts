/**
 * Reading amounts as people type them in a locale ("1.234,56", "2.100-", "N75"), for CSV and year tables.
 * @packageDocumentation
 */
import { readAmount, type AmountReading } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import { fail, type Path } from '../core/errors.js';
import { boolean, oneOf, pathOf, readOptions, requireArgument, requireString } from '../core/guard.js';

/** Number format: 'nl' writes "1.083" and "2,5"; 'en' writes "1,083" and "2.5". @category Documents */
export type NumberLocale = (typeof NUMBER_LOCALES)[number];

/** Every {@link NumberLocale}; the one list of them. @category Documents */
export const NUMBER_LOCALES = Object.freeze(['nl', 'en'] as const);

/** Options of {@link parseLocaleAmount}. @category Documents */
export interface ParseAmountOptions {
  /**
   * Accept accountants' parentheses for negative numbers: "(1.000)" is -1000.
   * @defaultValue `false`
   */
  readonly parentheses?: boolean;
  /** Path reported in errors. @defaultValue `[]` */
  readonly path?: Path;
}

/**
 * Reads a number as people type it (bedrag inlezen): "1.234,56", "-2.100", "2.100-" (trailing
 * minus), "N75" (nadeel, -75), "V12" (voordeel, 12), "- 152".
 *
 * @remarks
 * Strict: grouping must come in threes ("1.2.3" and, under 'en', "1,5" are errors); no exponent
 * ("1e5"), hex, underscores, "Infinity" or "NaN"; one sign at most. The value is returned as
 * typed, in the unit of the source, with a minus (or N) read as negative.
 * @param text - the typed number
 * @param locale - 'nl' (decimal comma) or 'en' (decimal point)
 * @param options - see {@link ParseAmountOptions}
 * @throws MeerjarenError `empty_amount` for empty text, `invalid_amount` for anything else unreadable
 * @example
 * ```ts
 * import { parseLocaleAmount } from 'meerjaren';
 *
 * parseLocaleAmount('-1.234,5', 'nl').toFixed(); // "-1234.5"
 * parseLocaleAmount('2,100.25', 'en').toFixed(); // "2100.25"
 * ```
 * @category Documents
 */
export function parseLocaleAmount(text: string, locale: NumberLocale, options: ParseAmountOptions = {}): Decimal {
  requireString('parseLocaleAmount', 'text', text);
  requireArgument('parseLocaleAmount', 'locale', locale, oneOf(NUMBER_LOCALES));
  options = readOptions('parseLocaleAmount', options, { parentheses: boolean, path: pathOf });
  const reading = readLocaleAmount(text, locale, options.parentheses ?? false);
  if (!reading.ok) fail(reading.code, options.path ?? [], reading.message);
  return reading.value;
}

const ONE = new Dec(1);
const SIGNS = /^[-+\u2212NnVv]/;

/**
 * {@link parseLocaleAmount} without throwing. The number itself is read by `readAmount`
 * (src/core/amount.ts) in the locale's notation, after the sign forms are taken off.
 * @internal
 */
export function readLocaleAmount(text: string, locale: NumberLocale, parentheses: boolean): AmountReading {
  let rest = text.trim();
  let negative = false;
  let signs = 0;
  if (parentheses && rest.startsWith('(') && rest.endsWith(')')) {
    rest = rest.slice(1, -1).trim();
    negative = true;
    signs++;
  }
  const lead = SIGNS.exec(rest)?.[0];
  if (lead !== undefined) {
    negative = '-\u2212Nn'.includes(lead);
    rest = rest.slice(1).trimStart();
    signs++;
  }
  if (rest.endsWith('-')) {
    negative = true;
    rest = rest.slice(0, -1);
    signs++;
  }
  if (signs > 1 || SIGNS.test(rest)) {
    return { ok: false, code: 'invalid_amount', message: `"${text}" has more than one sign` };
  }
  if (rest === '' && signs > 0) return { ok: false, code: 'invalid_amount', message: `"${text}" has a sign but no number` };
  const reading = readAmount(rest, ONE, locale);
  if (!reading.ok) {
    const example = locale === 'nl' ? '"-2.100" or "1.234,56"' : '"-2,100" or "1,234.56"';
    const message = reading.code === 'invalid_amount' ? `"${text}" is not a number in ${locale} notation, such as ${example}` : reading.message;
    return { ok: false, code: reading.code, message };
  }
  if (!negative) return reading;
  return { ok: true, value: reading.value.isZero() ? reading.value : reading.value.neg() };
}
