/**
 * Exact rational numbers (breuken) over BigInt: what a quotient of indicators is before it is rounded. A decimal
 * quotient such as 97.406.000 / 4.525 does not end; a fraction keeps it exact until the one rounding at the end.
 * @packageDocumentation
 */
import { Dec, noNegativeZero, type Decimal } from './decimal.js';
import { fail } from './errors.js';

/**
 * An exact fraction (breuk): `numerator / denominator`, reduced, the denominator positive. A frozen value.
 * @category Model
 */
export interface Fraction {
  /** The numerator (teller), with the sign. */
  readonly numerator: bigint;
  /** The denominator (noemer), always positive. */
  readonly denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** A reduced, frozen fraction; the denominator must not be zero. @internal */
export function fraction(numerator: bigint, denominator: bigint): Fraction {
  if (denominator === 0n) fail('internal_error', ['denominator'], 'fraction: a denominator of zero (a division by zero is found before it gets here)');
  const sign = denominator < 0n ? -1n : 1n;
  const g = gcd(numerator, denominator) || 1n;
  return Object.freeze({ numerator: (sign * numerator) / g, denominator: (sign * denominator) / g });
}

/** The exact fraction of a finite decimal. @internal */
export function fractionOf(value: Decimal): Fraction {
  const places = value.decimalPlaces();
  const scaled = value.times(new Dec(10).pow(places)).toFixed(0);
  return fraction(BigInt(scaled), 10n ** BigInt(places));
}

/** a + b. @internal */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** a x b. @internal */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** a / b; `undefined` when b is zero. @internal */
export function divideFractions(a: Fraction, b: Fraction): Fraction | undefined {
  if (b.numerator === 0n) return undefined;
  return fraction(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** -a. @internal */
export function negateFraction(a: Fraction): Fraction {
  return fraction(-a.numerator, a.denominator);
}

/**
 * The fraction rounded half-up (halves away from zero) to `places` decimals, as an exact decimal.
 * @internal
 */
export function roundFraction(value: Fraction, places: number): Decimal {
  const scale = 10n ** BigInt(places);
  const n = value.numerator < 0n ? -value.numerator : value.numerator;
  const scaled = n * scale;
  let q = scaled / value.denominator;
  const r = scaled % value.denominator;
  if (2n * r >= value.denominator) q += 1n;
  const digits = new Dec(q.toString()).dividedBy(new Dec(scale.toString()));
  return noNegativeZero(value.numerator < 0n ? digits.neg() : digits);
}

/** Whether the fraction is a decimal with at most `places` decimals (rounding it there changes nothing). @internal */
export function fitsPlaces(value: Fraction, places: number): boolean {
  return (value.numerator * 10n ** BigInt(places)) % value.denominator === 0n;
}
