import { Dec, ZERO, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';

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

/** `10^k` for k = 0..7, exact. */
const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000] as const;

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
 * What decimal.js keeps inside a value: sign `s` (1 or -1), base-10 exponent `e` of the leading digit and
 * the digits `d` as base-1e7 words, most significant first, aligned so that a word covers the powers
 * `10^(7k) .. 10^(7k+6)` for some integer `k`, with no trailing zero word (zero is `d = [0]`; NaN and
 * Infinity have `d = null`).
 */
interface DecimalInternals {
  constructor: unknown;
  s: number;
  e: number;
  d: number[] | null;
}

/** Word of the digits: decimal.js's base. */
const WORD = 10_000_000;

/**
 * Whole euros of the absolute value, from the digit words: exact while the value is below 10^15.
 * @param d - the digit words
 * @param top - power of 1e7 of `d[0]`
 */
function wholeOf(d: readonly number[], top: number): number {
  let whole = 0;
  for (let w = top, k = 0; w >= 0; w--, k++) whole = whole * WORD + (k < d.length ? d[k]! : 0);
  return whole;
}

/**
 * The fraction of the absolute value as one word in 10^-7 euro, or -1 when it has digits below 10^-7.
 * @param d - the digit words
 * @param top - power of 1e7 of `d[0]`
 */
function fractionOf(d: readonly number[], top: number): number {
  const k = top < 0 ? 0 : top + 1; // index of the word that covers 10^-1 .. 10^-7
  if (k >= d.length) return 0;
  return top < -1 || k + 1 < d.length ? -1 : d[k]!;
}

/** The digit words of an amount below 10^(maxExponent + 1), or `undefined` (too large, NaN, Infinity). */
function internalsOf(value: Decimal, maxExponent: number): DecimalInternals | undefined {
  const x = value as unknown as DecimalInternals;
  return Array.isArray(x.d) && typeof x.e === 'number' && x.e <= maxExponent ? x : undefined;
}

/**
 * Integer units of an amount read from its digit words, or `undefined` when this does not apply (more than
 * 15 digits of units, more decimals than `decimals`, NaN or Infinity): then the caller converts through text.
 */
function wordsToUnits(value: Decimal, decimals: number): number | undefined {
  // units < 10^(e + 1 + decimals) <= 10^15 < 2^53: every step is an exact float64 integer
  const x = internalsOf(value, 14 - decimals);
  if (x === undefined) return undefined;
  const d = x.d!;
  const top = Math.floor(x.e / 7);
  const fraction = fractionOf(d, top);
  const step = POW10[7 - decimals]!;
  if (fraction < 0 || fraction % step !== 0) return undefined;
  const units = wholeOf(d, top) * POW10[decimals]! + fraction / step;
  if (units === 0) return 0;
  return x.s < 0 ? -units : units;
}

/**
 * Reads an amount of less than 10^15 euro, of at most 7 decimals, straight from its digit words: the whole
 * euros into `wholes[i]` and the fraction as a 7-digit word (units of 10^-7 euro) into `fractions[i]`, both
 * with the amount's sign (never -0). The compiler reads each amount once this way, before it knows the unit.
 * @internal
 * @param value - the amount
 * @param wholes - receives the whole euros
 * @param fractions - receives the fraction in 10^-7 euro
 * @param i - where to write
 * @returns false (and nothing written) when the amount is too large, has more than 7 decimals, or is not finite
 */
export function splitAmount(value: Decimal, wholes: Float64Array, fractions: Float64Array, i: number): boolean {
  const x = FAST ? internalsOf(value, 14) : undefined;
  if (x === undefined) return false;
  const d = x.d!;
  const top = Math.floor(x.e / 7);
  const fraction = fractionOf(d, top);
  if (fraction < 0) return false;
  const whole = wholeOf(d, top);
  wholes[i] = x.s < 0 && whole !== 0 ? -whole : whole;
  fractions[i] = x.s < 0 && fraction !== 0 ? -fraction : fraction;
  return true;
}

/**
 * Decimal places of a fraction word from {@link splitAmount} (0..7).
 * @internal
 * @param fraction - the fraction in 10^-7 euro
 */
export function fractionPlaces(fraction: number): number {
  if (fraction === 0) return 0;
  if (fraction % 10_000 === 0) return fraction % 1_000_000 === 0 ? 1 : fraction % 100_000 === 0 ? 2 : 3;
  if (fraction % 100 === 0) return fraction % 1000 === 0 ? 4 : 5;
  return fraction % 10 === 0 ? 6 : 7;
}

/**
 * Converts an amount in euros to integer units: a number when it is a safe integer, else a BigInt.
 *
 * @remarks
 * Amounts whose units have at most 15 digits (all realistic ones) are read straight from decimal.js's digit
 * words without any text; larger ones go through `toFixed`. Zero is `0`, never `-0`.
 * @param value - the amount; must have at most `decimals` decimal places
 * @param decimals - decimals of a unit
 */
export function toUnits(value: Decimal, decimals: number): number | bigint {
  if (FAST && Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_DECIMALS) {
    const fast = wordsToUnits(value, decimals);
    if (fast !== undefined) return fast;
  }
  return toUnitsText(value, decimals);
}

/** {@link toUnits} through the text of the amount (any size). */
function toUnitsText(value: Decimal, decimals: number): number | bigint {
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

/** Number of decimal digits of a word `1 <= w < 10^7`. */
function digitCount(w: number): number {
  return w < 1000 ? (w < 10 ? 1 : w < 100 ? 2 : 3) : w < 100_000 ? (w < 10_000 ? 4 : 5) : w < 1_000_000 ? 6 : 7;
}

/** A frozen amount built straight from the digit words of safe integer units (no text, no division). */
function wordsFromUnits(units: number, decimals: number): Decimal {
  const negative = units < 0;
  const n = negative ? -units : units;
  const p = POW10[decimals]!;
  const f = n % p;
  const int = (n - f) / p; // exact: n - f is a multiple of p
  const fracWord = f * POW10[7 - decimals]!;
  let d: number[];
  let e: number;
  if (int === 0) {
    d = [fracWord];
    e = digitCount(fracWord) - 8;
  } else {
    const w0 = int % WORD;
    const rest = (int - w0) / WORD;
    if (rest === 0) {
      d = [w0];
      e = digitCount(w0) - 1;
    } else {
      const w1 = rest % WORD;
      const w2 = (rest - w1) / WORD;
      if (w2 === 0) {
        d = [w1, w0];
        e = 6 + digitCount(w1);
      } else {
        d = [w2, w1, w0];
        e = 13 + digitCount(w2);
      }
    }
    if (fracWord !== 0) d.push(fracWord);
    else while (d[d.length - 1] === 0) d.pop();
  }
  // the same own properties, in the same order, as decimal.js's constructor gives an instance
  const x = Object.create(Dec.prototype) as DecimalInternals;
  x.constructor = Dec;
  x.s = negative ? -1 : 1;
  x.e = e;
  x.d = Object.freeze(d) as number[];
  return Object.freeze(x) as unknown as Decimal;
}

/** {@link unitsToDecimal} through text (any size, number or BigInt), frozen. */
function textFromUnits(units: number | bigint, decimals: number): Decimal {
  // Built from its digits (no division): "123456" with 2 decimals is "1234.56".
  const negative = units < 0;
  let digits = (negative ? -units : units).toString();
  if (decimals > 0) {
    if (digits.length <= decimals) digits = digits.padStart(decimals + 1, '0');
    digits = `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
  }
  const value = new Dec(negative ? `-${digits}` : digits);
  Object.freeze((value as unknown as DecimalInternals).d);
  return Object.freeze(value);
}

/**
 * Converts integer units (number or BigInt) to an exact amount in euros, frozen (its digit array too).
 * Zero is always the shared {@link ZERO} (never -0).
 *
 * @remarks
 * Safe integer units are turned into decimal.js's digit words directly, without text; BigInt units and
 * anything else are parsed from their digits.
 * @param units - integer units
 * @param decimals - decimals of a unit
 */
export function unitsToDecimal(units: number | bigint, decimals: number): Decimal {
  if (units === 0 || units === 0n) return ZERO;
  if (FAST && typeof units === 'number' && Number.isSafeInteger(units) && decimals >= 0 && decimals <= MAX_DECIMALS && Number.isInteger(decimals)) {
    return wordsFromUnits(units, decimals);
  }
  return textFromUnits(units, decimals);
}

/**
 * Whether the installed decimal.js keeps its digits as this module reads and writes them: checked once on a
 * few amounts, so that another version of decimal.js falls back to the (slower) text conversions.
 */
function fastPathHolds(): boolean {
  const samples: [number, number][] = [
    [1, 0], [-7, 2], [5, 2], [50, 2], [123_456_789, 2], [-100_000_000, 2], [10_000_000, 0], [1, 6], [-987_654_321_012_345, 6],
    [9_007_199_254_740_991, 2], [100_000_000_000_000, 0], [12_345_670_000_000, 6],
  ];
  for (const [units, decimals] of samples) {
    const text = textFromUnits(units, decimals);
    const fast = wordsFromUnits(units, decimals) as unknown as DecimalInternals;
    const t = text as unknown as DecimalInternals;
    if (fast.s !== t.s || fast.e !== t.e || String(fast.d) !== String(t.d) || !text.eq(fast as unknown as Decimal)) return false;
    if (units <= 999_999_999_999_999 && wordsToUnits(text, decimals) !== units) return false;
  }
  return true;
}

const FAST: boolean = fastPathHolds();

/**
 * Whether amounts are converted through decimal.js's digit words (fast) rather than through text: true unless
 * the installed decimal.js keeps its digits differently. @internal
 */
export const DIGIT_WORDS: boolean = FAST;

// The shared zero is handed out as a result too: frozen like every other amount.
deepFreeze(ZERO);
