import { Dec, isDecimal, noNegativeZero, type Decimal } from './decimal.js';
import type { IssueCode } from './errors.js';
import { tally } from './work.js';
import { decimal, oneOf, requireArgument } from './guard.js';

/**
 * How amount strings in a document are written (getalnotatie).
 * - `plain`: a dot as decimal separator and no grouping: `"-2100"`, `"1083.5"`.
 * - `nl`: Dutch: a dot groups thousands and a comma separates decimals: `"-2.100"`, `"1.083,5"`.
 * - `en`: a comma groups thousands and a dot separates decimals: `"-2,100"`, `"1,083.5"`.
 *
 * When a document declares none, only forms that mean the same in every notation are read;
 * `"1.083"` (a thousand and eighty-three in Dutch, one point zero eight three elsewhere) is then refused
 * as ambiguous.
 * @category Model
 */
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

/** Every {@link NumberFormat}; the one list of them. @category Model */
export const NUMBER_FORMATS = Object.freeze(['plain', 'nl', 'en'] as const);

/** Largest number of digits before the decimal point of an amount in euros. @category Model */
export const MAX_INTEGER_DIGITS = 18;
/** Largest number of digits after the decimal point of an amount in euros. @category Model */
export const MAX_FRACTION_DIGITS = 6;

/** Result of reading one amount: a value, or the code and message of the problem. @category Model */
export type AmountReading =
  | {
      /** The amount was read. */
      readonly ok: true;
      /** The amount in euros. */
      readonly value: Decimal;
    }
  | {
      /** The amount could not be read. */
      readonly ok: false;
      /** Stable code of the problem. */
      readonly code: IssueCode;
      /** What is wrong, for a person. */
      readonly message: string;
    };

const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const NL = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const EN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const DUTCH_THOUSANDS_SHAPE = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/;

function refuse(code: IssueCode, message: string): AmountReading {
  return { ok: false, code, message };
}

/** Significant digits the library's decimals hold (`Dec`): a longer amount would be rounded on reading. */
const MAX_SIGNIFICANT_DIGITS = 80;

/**
 * Reads a plain decimal text (`-1083.5`) exactly, or refuses it when it has more significant digits than `Dec`
 * holds: such a value would be rounded silently, and it is beyond the limits anyway (at most 18 + 6 digits in
 * euros, 12 + 12 in millions).
 */
function exactDecimal(text: string): Decimal | AmountReading {
  // leading and trailing zeros are not significant: decimal.js keeps them in the exponent
  const significant = text.replace(/^[+-]/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  if (significant.length > MAX_SIGNIFICANT_DIGITS) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return refuse('amount_out_of_range', `${shown} has more than ${MAX_SIGNIFICANT_DIGITS} significant digits: beyond ${MAX_INTEGER_DIGITS} digits before or ${MAX_FRACTION_DIGITS} after the decimal point in euros`);
  }
  return new Dec(text);
}

/**
 * What to say about a printed notation ("5.810.503-", "(1.234)", "75 N") that a JSON document or the builder does
 * not take: which readers take it, and how to write it here.
 */
function printedHint(text: string, format: NumberFormat | undefined): string {
  const trailing = /^\d[\d.,]*-$/.test(text);
  const printed = trailing || /^\(.*\)$/.test(text) || /^[\d.,]+\s*[NnVv]$/.test(text);
  if (!printed) return '';
  const body = text.slice(0, -1);
  const written = trailing && (format === 'nl' || format === 'en' || /^\d+$/.test(body)) ? `; write "-${body}" here` : '';
  return ` (a printed notation: readYearTable and readPrintedTable read it from CSV${written})`;
}

function canonical(text: string, format: NumberFormat | undefined): string | AmountReading {
  switch (format) {
    case 'nl':
      if (!NL.test(text)) return refuse('invalid_amount', `"${text}" is not an amount in Dutch notation (such as "-2.100" or "1.083,5")${printedHint(text, format)}`);
      return text.replace(/\./g, '').replace(',', '.');
    case 'en':
      if (!EN.test(text)) return refuse('invalid_amount', `"${text}" is not an amount in English notation (such as "-2,100" or "1,083.5")${printedHint(text, format)}`);
      return text.replace(/,/g, '');
    case 'plain':
      if (!PLAIN.test(text)) return refuse('invalid_amount', `"${text}" is not a plain decimal amount (such as "-2100" or "1083.5")${printedHint(text, format)}`);
      return text;
    case undefined:
      if (DUTCH_THOUSANDS_SHAPE.test(text)) {
        return refuse('ambiguous_amount', `"${text}" is ambiguous: declare "numberFormat" ("nl" reads it as ${text.replace(/\./g, '')}, "plain" as a decimal)`);
      }
      if (!PLAIN.test(text)) return refuse('invalid_amount', `"${text}" is not a decimal amount; write "-2100" or "1083.5", or declare a "numberFormat"${printedHint(text, format)}`);
      return text;
  }
}

/**
 * Reads one amount exactly and scales it to euros.
 *
 * @remarks
 * Accepts a string in the declared {@link NumberFormat}, a safe integer, a bigint or a decimal.js value.
 * Refuses, each with its own code: non-integer or unsafe JSON numbers (`imprecise_number`: they may
 * already have lost digits), exponent, hexadecimal, binary, underscore and locale forms that do not fit
 * the format (`invalid_amount`), the ambiguous `"1.083"` with no format declared (`ambiguous_amount`),
 * empty or blank strings (`empty_amount`), and amounts beyond {@link MAX_INTEGER_DIGITS} or
 * {@link MAX_FRACTION_DIGITS} digits in euros (`amount_out_of_range`).
 *
 * @param raw - the value as written
 * @param unitFactor - euros per unit of the table (1000 for x EUR 1.000)
 * @param format - the declared number format, if any
 * @example
 * ```ts
 * import { Dec, readAmount } from 'meerjaren';
 *
 * const reading = readAmount('1.083', new Dec(1000), 'nl'); // "1.083" x € 1.000, Dutch notation
 * if (reading.ok) reading.value.toFixed();                  // "1083000" (euros)
 * ```
 * @category Model
 */
export function readAmount(raw: unknown, unitFactor: Decimal, format?: NumberFormat): AmountReading {
  // cheap checks first: the loader reads every amount through here
  if (!isDecimal(unitFactor) || !unitFactor.isFinite()) requireArgument('readAmount', 'unitFactor', unitFactor, decimal);
  if (format !== undefined && !(NUMBER_FORMATS as readonly unknown[]).includes(format)) requireArgument('readAmount', 'format', format, oneOf(NUMBER_FORMATS));
  tally('amountRead');
  let value: Decimal;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return refuse('invalid_amount', `${String(raw)} is not a finite amount`);
    if (!Number.isSafeInteger(raw)) {
      return refuse('imprecise_number', `the number ${String(raw)} may have lost precision; write amounts with decimals or beyond 2^53 as strings`);
    }
    value = new Dec(raw === 0 ? 0 : raw);
  } else if (typeof raw === 'bigint') {
    const exact = exactDecimal(raw.toString());
    if (!isDecimal(exact)) return exact;
    value = exact;
  } else if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return refuse('empty_amount', 'an amount is empty; leave the year out for nothing, or write 0');
    const normal = canonical(text, format);
    if (typeof normal !== 'string') return normal;
    const exact = exactDecimal(normal);
    if (!isDecimal(exact)) return exact;
    value = exact;
  } else if (isDecimal(raw)) {
    if (!raw.isFinite()) return refuse('invalid_amount', `${raw.toString()} is not a finite amount`);
    // a decimal.js value of another copy or clone may hold more digits than Dec: read its exact text
    const exact = exactDecimal(raw.toFixed());
    if (!isDecimal(exact)) return exact;
    value = exact;
  } else if (raw === null || raw === undefined) {
    return refuse('empty_amount', 'an amount is missing (null); leave the year out for nothing, or write 0');
  } else {
    return refuse('invalid_amount', `expected an amount (a string such as "-2100", or a safe integer), got ${typeof raw}`);
  }
  const euros = value.times(unitFactor);
  return checkRange(noNegativeZero(euros));
}

/**
 * Checks that an amount in euros fits the library's limits.
 * @param euros - the amount
 */
export function checkRange(euros: Decimal): AmountReading {
  if (euros.decimalPlaces() > MAX_FRACTION_DIGITS) {
    return refuse('amount_out_of_range', `${euros.toFixed()} has more than ${MAX_FRACTION_DIGITS} decimals in euros`);
  }
  if (euros.abs().gte(TEN_TO_MAX_INTEGER_DIGITS)) {
    return refuse('amount_out_of_range', `${euros.toFixed()} has more than ${MAX_INTEGER_DIGITS} digits before the decimal point in euros`);
  }
  return { ok: true, value: euros };
}

const TEN_TO_MAX_INTEGER_DIGITS = new Dec(10).pow(MAX_INTEGER_DIGITS);
