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
 * (src/core/amount.ts) in the locale's notation, after the sign forms are taken off. With `unitFactor` (euros per
 * unit of the table), the library's limits (digits before and after the point) hold in euros; the value is still
 * returned as typed.
 * @internal
 */
export function readLocaleAmount(text: string, locale: NumberLocale, parentheses: boolean, unitFactor: Decimal = ONE): AmountReading {
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
  const inEuros = readAmount(rest, unitFactor, locale);
  const reading: AmountReading = !inEuros.ok || unitFactor.eq(ONE) ? inEuros : { ok: true, value: inEuros.value.div(unitFactor) };
  if (!reading.ok) {
    const example = locale === 'nl' ? '"-2.100" or "1.234,56"' : '"-2,100" or "1,234.56"';
    const message = reading.code === 'invalid_amount' ? `"${text}" is not a number in ${locale} notation, such as ${example}` : reading.message;
    return { ok: false, code: reading.code, message };
  }
  if (!negative) return reading;
  return { ok: true, value: reading.value.isZero() ? reading.value : reading.value.neg() };
}

/** A cell of a printed table as read: an amount, a pm (optionally signed), or nil. */
export type PrintedCellReading =
  | AmountReading
  | { readonly ok: true; readonly pm: 'pm' | '-pm' | '+pm' }
  | { readonly ok: true; readonly nil: true };

/** Nil as printed: a dash of any width, or nothing. */
const NIL_CELL = /^(?:|-|\u2013|\u2014|\u2212)$/;
/** pm in every spelling: "pm", "p.m.", "PM", "p.m", "P.M.", with a sign before it. */
const PM_PRINTED = /^([-+\u2212]?)\s*p\.?\s?m\.?$/i;
/** "-/-" (min-streep-min) before an amount: negative. */
const MIN_SLASH_MIN = /^-\s*\/\s*-\s*/;
/** N or V (nadeel, voordeel) after an amount, with or without a space. */
const NV_SUFFIX = /\s*([NnVv])$/;
/** Millions written out after an amount: "0,3 mln", "1,2 mln.", "2 miljoen". */
const MILLIONS = /\s*(?:mln\.?|miljoen)$/i;
/** Spaces that group thousands in print: the non-breaking, the narrow non-breaking and the thin space. */
const GROUP_SPACES = /(\d)[\u00a0\u202f\u2009 ](?=\d{3}(?:\D|$))/g;

/**
 * Reads one cell of a printed table (the notations of published tables): nil ("", "-", "–", "—"), pm in every
 * spelling ("pm", "p.m.", "-pm"), and an amount in {@link readLocaleAmount}'s forms plus "(1.234)" (negative),
 * "€ -1.234,50", "1.234,-", a non-breaking space grouping thousands, "-/- 75" (negative), "75 N" / "75 V"
 * (nadeel negative, voordeel positive), "5.810.503-" and "0,3 mln" (scaled by `millionScale`, the number of
 * table units in a million; without it "mln" is refused). `unitFactor` as for {@link readLocaleAmount}.
 * @internal
 */
export function readPrintedAmount(text: string, locale: NumberLocale, millionScale?: Decimal, unitFactor?: Decimal): PrintedCellReading {
  let rest = text.replace(/\u00a0/g, ' ').trim();
  if (NIL_CELL.test(rest)) return { ok: true, nil: true };
  const pm = PM_PRINTED.exec(rest);
  if (pm !== null) return { ok: true, pm: pm[1] === '' ? 'pm' : pm[1] === '+' ? '+pm' : '-pm' };
  rest = rest.replace(/^€\s*/, '').replace(/^([-+\u2212])\s*€\s*/, '$1').replace(/\s*€$/, '');
  if (rest.endsWith(',-') || rest.endsWith('.-')) rest = rest.slice(0, -2);
  let scale: Decimal | undefined;
  if (MILLIONS.test(rest)) {
    if (millionScale === undefined) return { ok: false, code: 'invalid_amount', message: `"${text}" is written in millions: declare the table's unit to read it` };
    scale = millionScale;
    rest = rest.replace(MILLIONS, '');
  }
  let negate = false;
  if (MIN_SLASH_MIN.test(rest)) {
    rest = rest.replace(MIN_SLASH_MIN, '');
    negate = true;
  }
  const nv = NV_SUFFIX.exec(rest);
  if (nv !== null && /\d/.test(rest.slice(0, nv.index))) {
    rest = `${nv[1]!.toUpperCase()}${rest.slice(0, nv.index)}`;
  }
  rest = rest.replace(GROUP_SPACES, locale === 'nl' ? '$1.' : '$1,');
  const reading = readLocaleAmount(rest, locale, true, unitFactor);
  if (!reading.ok) return { ok: false, code: reading.code, message: reading.message.replace(`"${rest}"`, `"${text}"`) };
  let value = scale === undefined ? reading.value : reading.value.times(scale);
  if (negate) {
    if (value.isNegative()) return { ok: false, code: 'invalid_amount', message: `"${text}" has more than one sign` };
    value = value.isZero() ? value : value.neg();
  }
  return { ok: true, value };
}
