import { Dec, isDecimal, roundTo, toDec, type Decimal } from '../core/decimal.js';
import { fail } from '../core/errors.js';
import type { TableCell } from './table.js';
import { requireCell, requirePresentation } from './checks.js';
import {
  isResolvedPresentation,
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
 * One amount is printed in euros unless the presentation names another unit: `unit` defaults to `'euro'` here
 * (`formatAmount(new Dec(1234))` is "1.234"), not to the x € 1.000 of tables; pass `{ unit: 'thousand' }` for
 * figures as a table prints them.
 *
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
 * formatAmount(new Dec(1234));                                                          // "1.234" (euros by default)
 * formatAmount(new Dec(-2_100_000), { unit: 'thousand' });                              // "-2.100"
 * formatAmount(new Dec(-2_100_000), { unit: 'thousand', notation: 'trailing-minus' });  // "2.100-"
 * formatAmount('2.5', { decimals: 2 });                                                 // "2,50"
 * ```
 * @category Reports
 */
export function formatAmount(value: Decimal | string | number, presentation?: Presentation): string {
  requirePresentation('formatAmount', presentation);
  // a resolved presentation (a report's own) carries its unit and is not resolved again
  const p = isResolvedPresentation(presentation) ? presentation : resolvePresentation({ ...presentation, unit: presentation?.unit ?? 'euro' });
  return formatResolvedAmount(amountArgument(value), p);
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

/**
 * Writes a figure already on the display step (afgerond bedrag): `steps` whole display steps (x € 1.000 with one
 * decimal: steps of € 100), as {@link formatResolvedAmount} writes the amount `steps` x step, without any Decimal
 * arithmetic (the rounded table's figures are multiples of the step, so there is nothing left to round).
 * @param steps - a safe integer
 * @param p - resolved settings
 * @internal
 */
export function formatSteps(steps: number, p: ResolvedPresentation): string {
  const negativeSteps = steps < 0;
  let plain = String(negativeSteps ? -steps : steps);
  const places = p.decimals;
  if (places > 0) {
    if (plain.length <= places) plain = plain.padStart(places + 1, '0');
    plain = `${plain.slice(0, plain.length - places)}.${plain.slice(plain.length - places)}`;
  }
  const digits = groupDigits(plain, p.locale);
  if (steps === 0) return digits;
  const voordeel = !negativeSteps;
  if (p.notation === 'vn') return (voordeel ? 'V' : 'N') + digits;
  const negative = p.sign === 'voordeel-positive' ? !voordeel : voordeel;
  if (!negative) return digits;
  return p.notation === 'minus' ? `-${digits}` : `${digits}-`;
}

/** "1234567.5" -> "1.234.567,5" (nl): a separator before every third digit of the whole part, counted from its end. */
function groupDigits(plain: string, locale: NumberLocale): string {
  const { group, decimal } = SEPARATORS[locale];
  const point = plain.indexOf('.');
  const whole = point < 0 ? plain : plain.slice(0, point);
  let grouped = whole;
  if (whole.length > 3) {
    const first = whole.length % 3 || 3;
    grouped = whole.slice(0, first);
    for (let i = first; i < whole.length; i += 3) grouped += group + whole.slice(i, i + 3);
  }
  return point < 0 ? grouped : `${grouped}${decimal}${plain.slice(point + 1)}`;
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
  return cellText(cell, amount === undefined ? undefined : formatResolvedAmount(amount, p), p);
}

/**
 * The text of a cell whose figure is already written (`figure`, undefined for none): the figure, the nil token,
 * the pm token, or both ("363 + pm", "-100 - pm", "-100 ± pm"), and the mark of a check that is not ok ("1.501*").
 * @param cell - the cell, for its pm, pm direction and check
 * @param figure - the written amount, or undefined when the cell has none
 * @param p - resolved settings
 * @internal
 */
export function cellText(cell: Pick<TableCell, 'pm' | 'pmDirection' | 'check'>, figure: string | undefined, p: ResolvedPresentation): string {
  const mark = cell.check === undefined ? '' : CHECK_MARKS[cell.check];
  if (!cell.pm) return figure === undefined ? p.nil : figure + mark;
  const pm = signedPm(cell.pmDirection, p);
  if (figure === undefined) return pm + mark;
  const sign = pm.charAt(0);
  const joiner = sign === '-' ? ' - ' : sign === '±' ? ' ± ' : ' + ';
  return figure + joiner + pm.replace(/^[-+±]/, '') + mark;
}

/** The mark after a printed figure that differs from its exact sum: "*" an afrondingsverschil, "!" a mismatch. @internal */
export const CHECK_MARKS: Readonly<Record<NonNullable<TableCell['check']>, string>> = Object.freeze({ rounding: '*', mismatch: '!' });

function signedPm(direction: TableCell['pmDirection'], p: ResolvedPresentation): string {
  if (direction === undefined) return p.pm;
  if (direction === 'mixed') return '±' + p.pm;
  const voordeel = direction === 'voordeel';
  if (p.notation === 'vn') return (voordeel ? 'V' : 'N') + p.pm;
  const positive = p.sign === 'voordeel-positive' ? voordeel : !voordeel;
  return (positive ? '+' : '-') + p.pm;
}
