import { Dec, ZERO, type Decimal } from '../core/decimal.js';

/**
 * Integer units of an engine (rekeneenheden): an amount in euros times `10^decimals`.
 *
 * @remarks
 * A compiled budget counts in whole units of `10^-decimals` euro, where `decimals` is the largest number of
 * decimal places any amount of the budget uses, and at least 2 (cents) by default. Units are held in
 * float64 while every value and partial sum stays within `2^53` (where float64 integers are exact), and
 * as BigInt otherwise.
 */
export const MAX_SAFE_UNITS = Number.MAX_SAFE_INTEGER;

/** The most decimal places an amount can have (matches the document loader's limit of 6). */
export const MAX_DECIMALS = 6;

/**
 * `10^k` as a number.
 * @param k - 0..6
 */
export function pow10(k: number): number {
  return 10 ** k;
}

/**
 * Decimal places of an amount (at most {@link MAX_DECIMALS} for a loaded budget).
 * @param value - an amount
 */
export function decimalsOf(value: Decimal): number {
  return value.decimalPlaces();
}

/**
 * Converts an amount in euros to integer units: a number when it is a safe integer, else a BigInt.
 * @param value - the amount; must have at most `decimals` decimal places
 * @param decimals - decimals of a unit
 */
export function toUnits(value: Decimal, decimals: number): number | bigint {
  const text = value.toFixed(decimals);
  const digits = decimals === 0 ? text : text.replace('.', '');
  // up to 15 digits (and a sign) is always below 2^53
  if (digits.length <= (digits.startsWith('-') ? 16 : 15)) {
    const n = Number(digits);
    return n === 0 ? 0 : n;
  }
  const big = BigInt(digits);
  return big >= -BigInt(MAX_SAFE_UNITS) && big <= BigInt(MAX_SAFE_UNITS) ? Number(big) : big;
}

/**
 * Converts an amount in euros to integer units as a BigInt (exact, any size).
 * @param value - the amount; must have at most `decimals` decimal places
 * @param decimals - decimals of a unit
 */
export function toUnitsBig(value: Decimal, decimals: number): bigint {
  const text = value.toFixed(decimals);
  return BigInt(decimals === 0 ? text : text.replace('.', ''));
}

/**
 * Converts integer units (number or BigInt) to an exact amount in euros.
 * Zero is always the shared {@link ZERO} (never -0).
 * @param units - integer units
 * @param decimals - decimals of a unit
 */
export function unitsToDecimal(units: number | bigint, decimals: number): Decimal {
  if (units === 0 || units === 0n) return ZERO;
  // Built from its digits (no division): "123456" with 2 decimals is "1234.56".
  const negative = units < 0;
  let digits = (negative ? -units : units).toString();
  if (decimals > 0) {
    if (digits.length <= decimals) digits = digits.padStart(decimals + 1, '0');
    digits = `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
  }
  return new Dec(negative ? `-${digits}` : digits);
}
