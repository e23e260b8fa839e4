import { readAmount, type AmountReading } from '../core/amount.js';
import { Dec, isDecimal, roundTo, toDec, type Decimal } from '../core/decimal.js';
import { fail, type Path } from '../core/errors.js';
import type { TableCell } from './table.js';
import { requireCell, requirePresentation } from './checks.js';
import { boolean, oneOf, pathOf, readOptions, requireArgument, requireString } from '../core/guard.js';
import {
  resolvePresentation,
  UNIT_FACTORS,
  type NumberLocale,
  type Presentation,
  type ResolvedPresentation,
} from './presentation.js';

const SEPARATORS: Readonly<Record<NumberLocale, { readonly group: string; readonly decimal: string }>> = {
  nl: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * Writes an amount for people (bedrag opmaken): rounded exactly to the display unit and
 * decimals, grouped per locale, signed per convention and notation.
 *
 * @remarks
 * Never prints "-0" (a value that rounds to zero prints "0", or "0,0" with one decimal) and
 * never an exponent. Under the `vn` notation the letter says the direction ("V12", "N2.100")
 * whatever the sign convention.
 *
 * The amount is read exactly: a `Decimal`, a plain decimal string (`"-2100000.5"`), or a JavaScript number
 * that is a safe integer. Any other number (`0.3`, `2.5`, `1e300`, `NaN`) may not be what was meant (a float
 * holds 0.3 only approximately) and is refused with `imprecise_number` at `amount`: pass a string or a
 * `Decimal`. Another string is refused with `invalid_amount`, anything else with `invalid_argument`.
 * @param value - amount in euros on the saldo scale (positive = voordeel)
 * @param presentation - settings; see {@link Presentation}
 * @throws MeerjarenError `imprecise_number`, `invalid_amount` or `invalid_argument` at `amount`
 * @example
 * ```ts
 * formatAmount(new Dec(-2_100_000)); // "-2.100"
 * formatAmount(new Dec(-2_100_000), { notation: 'trailing-minus' }); // "2.100-"
 * formatAmount('2.5', { unit: 'euro', decimals: 2 }); // "2,50"
 * ```
 */
export function formatAmount(value: Decimal | string | number, presentation?: Presentation): string {
  return formatResolvedAmount(amountArgument(value), resolvePresentation(presentation));
}

/** Reads the amount given to {@link formatAmount} exactly, or refuses it at `amount`. */
function amountArgument(value: unknown): Decimal {
  if (isDecimal(value)) return value;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return new Dec(value === 0 ? 0 : value);
    return fail(
      'imprecise_number',
      ['amount'],
      `formatAmount was given the number ${String(value)}, which a JavaScript number may not hold exactly (only safe integers are read); pass a string such as "2.5" or a Decimal`,
    );
  }
  if (typeof value === 'string') {
    if (PLAIN_AMOUNT.test(value)) return new Dec(value);
    return fail('invalid_amount', ['amount'], `formatAmount was given "${value.length > 40 ? `${value.slice(0, 40)}...` : value}", which is not a plain decimal amount such as "-2100.5"`);
  }
  return fail('invalid_argument', ['amount'], `formatAmount needs an amount (a Decimal, a plain decimal string or a safe integer), got ${value === null ? 'null' : typeof value}`);
}

/** A plain decimal amount: an optional minus, digits, and optionally a point and digits. */
const PLAIN_AMOUNT = /^-?\d{1,100}(?:\.\d{1,100})?$/;

/** {@link formatAmount} for settings already resolved. @internal */
export function formatResolvedAmount(value: Decimal, p: ResolvedPresentation): string {
  const scaled = toDec(value).div(UNIT_FACTORS[p.unit]);
  const rounded = roundTo(scaled, p.decimals, p.roundingMode);
  const digits = groupDigits(rounded.abs().toFixed(p.decimals), p.locale);
  if (rounded.isZero()) return digits;
  const voordeel = rounded.isPositive();
  if (p.notation === 'vn') return (voordeel ? 'V' : 'N') + digits;
  const negative = p.sign === 'voordeel-positive' ? !voordeel : voordeel;
  if (!negative) return digits;
  return p.notation === 'minus' ? `-${digits}` : `${digits}-`;
}

/** "1234567.5" -> "1.234.567,5" (nl). */
function groupDigits(plain: string, locale: NumberLocale): string {
  const { group, decimal } = SEPARATORS[locale];
  const [whole = '0', fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  return fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`;
}

/**
 * Writes one table cell: an amount, a pm or nil.
 *
 * @remarks
 * A pure pm (no amount) prints the pm token, signed when its direction is known
 * ("-pm" for a nadeel under "+ is voordeel"; "Npm" under `vn`). A total that holds an amount
 * and a pm prints both ("363 + pm"), so a reader sees the total is not complete.
 * @param cell - the cell; its amount in euros on the saldo scale
 * @param presentation - settings; see {@link Presentation}
 */
export function formatCell(cell: TableCell, presentation?: Presentation): string {
  requireCell('formatCell', cell);
  requirePresentation('formatCell', presentation);
  return formatResolvedCell(cell, resolvePresentation(presentation));
}

/** {@link formatCell} for settings already resolved. @internal */
export function formatResolvedCell(cell: TableCell, p: ResolvedPresentation): string {
  const amount = cell.amount;
  if (!cell.pm) return amount === undefined ? p.nil : formatResolvedAmount(amount, p);
  const pm = signedPm(cell.pmDirection, p);
  if (amount === undefined) return pm;
  const joiner = pm.startsWith('-') ? ' - ' : ' + ';
  return formatResolvedAmount(amount, p) + joiner + pm.replace(/^[-+]/, '');
}

function signedPm(direction: TableCell['pmDirection'], p: ResolvedPresentation): string {
  if (direction === undefined) return p.pm;
  const voordeel = direction === 'voordeel';
  if (p.notation === 'vn') return (voordeel ? 'V' : 'N') + p.pm;
  const positive = p.sign === 'voordeel-positive' ? voordeel : !voordeel;
  return (positive ? '+' : '-') + p.pm;
}

/** Options of {@link parseLocaleAmount}. */
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
 */
export function parseLocaleAmount(text: string, locale: NumberLocale, options: ParseAmountOptions = {}): Decimal {
  requireString('parseLocaleAmount', 'text', text);
  requireArgument('parseLocaleAmount', 'locale', locale, oneOf(['nl', 'en']));
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
