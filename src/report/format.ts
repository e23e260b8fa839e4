import { Dec, isDecimal, roundTo, toDec, type Decimal } from '../core/decimal.js';
import { fail } from '../core/errors.js';
import type { TableCell } from './table.js';
import { requireCell, requirePresentation } from './checks.js';
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
 * import { Dec, formatAmount } from 'meerjaren';
 *
 * formatAmount(new Dec(-2_100_000));                                  // "-2.100" (x € 1.000 by default)
 * formatAmount(new Dec(-2_100_000), { notation: 'trailing-minus' });  // "2.100-"
 * formatAmount('2.5', { unit: 'euro', decimals: 2 });                 // "2,50"
 * ```
 * @category Reports
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
 * @category Reports
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
