import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The library's own decimal constructor: a `Decimal.clone` of decimal.js, so a user's
 * `Decimal.set(...)` or a second copy of decimal.js never changes meerjaren's results.
 *
 * @remarks
 * Precision is 80 significant digits: amounts of up to 18 digits before and 6 after the
 * decimal point, summed over millions of cells or multiplied by rates, never round.
 * Exponent notation is switched off for every magnitude the library accepts, and the
 * default rounding is half-up (what Dutch finance tables use); rounding that matters
 * always names its mode explicitly.
 * @category Model
 */
export const Dec = DecimalJs.clone({
  precision: 80,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
  modulo: DecimalJs.ROUND_DOWN,
  crypto: false,
});

/** An exact decimal amount in euros (bedrag). Instances come from {@link Dec}. @category Model */
export type Decimal = DecimalJs;

/** The zero amount, shared (decimal.js values are immutable). @category Model */
export const ZERO: Decimal = new Dec(0);

/**
 * Whether a value is a decimal.js instance (from any copy or clone of decimal.js).
 * @param value - anything
 * @category Model
 */
export function isDecimal(value: unknown): value is Decimal {
  // decimal.js recognises instances of every copy through a `toStringTag` property, which a plain JSON
  // object such as {"toStringTag": "[object Decimal]"} can also carry; a real instance of any copy also
  // inherits Symbol.toStringTag 'Decimal' from its prototype, which parsed JSON never does.
  return DecimalJs.isDecimal(value) && Object.prototype.toString.call(value) === '[object Decimal]';
}

/**
 * Converts a decimal.js value from anywhere (the user's own copy or clone) to the library's
 * constructor, through its exact string form, so a user's settings never leak in.
 * @param value - a decimal.js instance
 * @category Model
 */
export function toDec(value: Decimal): Decimal {
  if ((value as { constructor: unknown }).constructor === Dec) return value;
  // toFixed() without arguments never uses exponent notation and keeps every digit.
  return new Dec(value.toFixed());
}

/**
 * Writes an amount as a plain decimal string: no exponent notation, never `-0`,
 * no trailing zeros after the decimal point.
 * @param value - the amount
 * @category Model
 */
export function plainString(value: Decimal): string {
  if (value.isZero()) return '0';
  return value.toFixed();
}

/** Rounding modes the library names explicitly (afrondingsregel). @category Model */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up' | 'floor' | 'ceil';

/** decimal.js rounding constant of a {@link RoundingMode}. */
export function roundingConstant(mode: RoundingMode): DecimalJs.Rounding {
  switch (mode) {
    case 'half-up':
      return DecimalJs.ROUND_HALF_UP;
    case 'half-even':
      return DecimalJs.ROUND_HALF_EVEN;
    case 'down':
      return DecimalJs.ROUND_DOWN;
    case 'up':
      return DecimalJs.ROUND_UP;
    case 'floor':
      return DecimalJs.ROUND_FLOOR;
    case 'ceil':
      return DecimalJs.ROUND_CEIL;
  }
}

/**
 * Rounds an amount to a number of decimal places with an explicit mode.
 * `half-up` rounds halves away from zero (-2.5 becomes -3), as finance tables do.
 * @param value - the amount
 * @param places - decimal places to keep (0 for whole units)
 * @param mode - the rounding rule; {@link RoundingMode}
 * @category Model
 */
export function roundTo(value: Decimal, places: number, mode: RoundingMode): Decimal {
  const rounded = value.toDecimalPlaces(places, roundingConstant(mode));
  return rounded.isZero() ? ZERO : rounded;
}
