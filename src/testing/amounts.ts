import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, NUMBER_FORMATS, type NumberFormat } from '../core/amount.js';
import { fail, type IssueCode } from '../core/errors.js';
import { bigintIn, boolean, describeValue, oneOf, readOptions, requireArgument, requireNumber, requireString } from '../core/guard.js';
import { UNITS, unitFactor, type Unit } from '../model/budget.js';


// The id and amount arbitraries of `meerjaren/testing`, and the amount forms the loader must refuse.

/**
 * The members of `Object.prototype` that are valid ids (the id rule: a letter or digit first; `constructor` is
 * refused as a forbidden key). Every stage must treat them as any other id, so the arbitraries draw them.
 * @category Testing
 */
export const PROTOTYPE_MEMBER_IDS: readonly string[] = Object.freeze(['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString']);

/**
 * Ids (id's) as documents write them, for every id position (sections, lines, components, cover sources, claims,
 * savings targets, measures, scenarios, tag keys): ordinary ids (`3.1.7`, `du-4`, `line/12`, `Ω:3`) mixed with
 * the names of `Object.prototype` members ({@link PROTOTYPE_MEMBER_IDS}), which are valid ids too.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { budget } from 'meerjaren';
 * import { idArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(idArb(), (id) => {
 *   const table = budget({ title: 'T', unit: 'euro', horizon: { from: 2026, to: 2026 } })
 *     .section('1', 'S').line(id, 'Regel', [1], { nature: 'structural' }).build();
 *   return table.sections[0]!.lines[0]!.id === id;
 * }), { numRuns: 50, seed: 20261125 }); // a fixed seed: the same cases on every run
 * ```
 * @category Testing
 */
export function idArb(): Arbitrary<string> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom('a', 'B', '1', '3.1', 'line', 'du', 'Ω', 'x9'), fc.constantFrom('', '.', '-', '_', '/', ':'), fc.nat(99))
        .map(([head, sep, n]) => `${head}${sep}${n}`),
    },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_MEMBER_IDS) },
  );
}

/**
 * `count` distinct ids from {@link idArb} (for one namespace: the sections, or the lines and components together).
 * @param count - how many
 * @category Testing
 */
export function uniqueIdsArb(count: number): Arbitrary<string[]> {
  requireNumber('uniqueIdsArb', 'count', count, { min: 0, max: 10_000 }, true);
  return fc.uniqueArray(idArb(), { minLength: count, maxLength: count });
}

/** Micro-euros per euro: amounts have at most {@link MAX_FRACTION_DIGITS} decimals in euros. @category Testing */
export const MICROS_PER_EURO = 10n ** BigInt(MAX_FRACTION_DIGITS);
/** One more than the largest amount in micro-euros (18 digits before and 6 after the decimal point). @category Testing */
export const MICRO_LIMIT = 10n ** BigInt(MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS);

/** An amount as written and its exact value. @category Testing */
export interface AmountSample {
  /** The amount as a document writes it. */
  readonly text: string;
  /** Its exact value in micro-euros. */
  readonly micros: bigint;
}

/** Powers of ten of the units (not exported by `meerjaren/testing`). */
export const UNIT_POWER: Readonly<Record<Unit, number>> = Object.fromEntries(UNITS.map((u) => [u, String(unitFactor(u)).length - 1])) as Record<Unit, number>;

/** The check of a unit option (not exported by `meerjaren/testing`). */
export const UNIT = oneOf(UNITS);
/** The check of a number format option (not exported by `meerjaren/testing`). */
export const FORMAT = oneOf(NUMBER_FORMATS);
/** The check of a `maxMicros` option (not exported by `meerjaren/testing`). */
export const MAX_MICROS = bigintIn({ min: 1n, max: MICRO_LIMIT });

/**
 * Writes micro-euros as a plain decimal amount in a unit: `-2100.5`, no exponent, no `-0`, no trailing zeros.
 * @param micros - the amount in micro-euros
 * @param unit - the table's unit
 * @example `microsToPlain(-2_100_500_000n, 'thousand') === '-2.1005'`
 * @category Testing
 */
export function microsToPlain(micros: bigint, unit: Unit = 'euro'): string {
  requireArgument('microsToPlain', 'micros', micros, bigintIn());
  requireArgument('microsToPlain', 'unit', unit, UNIT);
  const places = MAX_FRACTION_DIGITS + UNIT_POWER[unit];
  const negative = micros < 0n;
  const digits = (negative ? -micros : micros).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  if (whole === '0' && fraction === '') return '0';
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/**
 * Reads a plain decimal string (`-2100.5`, as `plainString` writes) as micro-euros, exactly, without decimal.js.
 * @param text - a plain decimal string in euros with at most 6 decimals
 * @throws MeerjarenError `invalid_argument` when the text is not such a string
 * @example
 * ```ts
 * import { microsToPlain, plainToMicros } from 'meerjaren/testing';
 *
 * plainToMicros('-2.5');        // -2500000n
 * microsToPlain(1_500_000n);    // "1.5"
 * ```
 * @category Testing
 */
export function plainToMicros(text: string): bigint {
  requireString('plainToMicros', 'text', text);
  const m = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (m === null) fail('invalid_argument', ['text'], `plainToMicros: not a plain amount with at most 6 decimals: ${describeValue(text)}`);
  const value = BigInt(m[2] ?? '0') * MICROS_PER_EURO + BigInt((m[3] ?? '').padEnd(MAX_FRACTION_DIGITS, '0'));
  return m[1] === '-' ? -value : value;
}

function group(whole: string, separator: string): string {
  let out = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += separator;
    out += whole[i];
  }
  return out;
}

/**
 * Writes a plain amount in a number format, optionally with thousands grouping.
 * @param plain - a plain decimal string
 * @param format - the notation; `undefined` writes plain forms that are never ambiguous
 * @param grouped - whether to group thousands (nl and en only)
 * @category Testing
 */
export function formatPlainAmount(plain: string, format: NumberFormat | undefined, grouped = false): string {
  requireString('formatPlainAmount', 'plain', plain);
  if (format !== undefined) requireArgument('formatPlainAmount', 'format', format, FORMAT);
  requireArgument('formatPlainAmount', 'grouped', grouped, boolean);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain);
  if (m === null) return plain;
  const [, sign = '', whole = '0', fraction] = m;
  switch (format) {
    case 'nl':
      return `${sign}${grouped ? group(whole, '.') : whole}${fraction === undefined ? '' : `,${fraction}`}`;
    case 'en':
      return `${sign}${grouped ? group(whole, ',') : whole}${fraction === undefined ? '' : `.${fraction}`}`;
    case 'plain':
      return plain;
    case undefined:
      // "1.234" would be ambiguous with no format declared; "1.2340" means the same and is not.
      return /^-?[1-9]\d{0,2}\.\d{3}$/.test(plain) ? `${plain}0` : plain;
  }
}

/**
 * Amounts in micro-euros, biased towards both small and extreme values (up to 18 digits before and 6 after
 * the decimal point in euros).
 * @param maxMicros - largest magnitude, exclusive; default {@link MICRO_LIMIT}
 * @category Testing
 */
export function microsArb(maxMicros: bigint = MICRO_LIMIT): Arbitrary<bigint> {
  requireArgument('microsArb', 'maxMicros', maxMicros, MAX_MICROS);
  const max = maxMicros - 1n;
  return fc.oneof(
    { weight: 3, arbitrary: fc.bigInt({ min: -max, max }) },
    { weight: 2, arbitrary: fc.bigInt({ min: -1_000_000_000_000n, max: 1_000_000_000_000n }).filter((v) => v <= max && v >= -max).map((v) => v - (v % 1_000_000n)) },
    { weight: 1, arbitrary: fc.constantFrom(0n, max, -max, 1n, -1n, MICROS_PER_EURO / 2n, -MICROS_PER_EURO / 2n).filter((v) => v <= max && v >= -max) },
  );
}

/**
 * Valid amount strings in a unit and number format, with the exact micro-euros each means.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { Dec, readAmount } from 'meerjaren';
 * import { amountStringArb, microsToPlain } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(amountStringArb({ unit: 'thousand', format: 'nl' }), ({ text, micros }) => {
 *   const r = readAmount(text, new Dec(1000), 'nl');
 *   return r.ok && r.value.toFixed() === microsToPlain(micros);
 * }), { numRuns: 50, seed: 20261125 }); // a fixed seed: the same cases on every run
 * ```
 * @param options - unit (default `euro`) and format (default none declared)
 * @category Testing
 */
export function amountStringArb(options: { readonly unit?: Unit; readonly format?: NumberFormat; readonly maxMicros?: bigint } = {}): Arbitrary<AmountSample> {
  options = readOptions('amountStringArb', options, { unit: UNIT, format: FORMAT, maxMicros: MAX_MICROS });
  const unit = options.unit ?? 'euro';
  return fc.tuple(microsArb(options.maxMicros), fc.boolean(), fc.boolean()).map(([micros, grouped, plus]) => {
    const text = formatPlainAmount(microsToPlain(micros, unit), options.format, grouped);
    return { text: plus && micros > 0n ? `+${text}` : text, micros };
  });
}

/** A bad amount as JSON text, with the code the loader must report for it (with no number format declared). @category Testing */
export interface BadAmount {
  /** The value as it appears in JSON text (a JSON string literal or a bare JSON number or `null`). */
  readonly json: string;
  /** The issue code the loader reports at the value's path. */
  readonly code: IssueCode;
}

/** The bad amount forms of issue 7, each with the code the loader must give (no number format declared). @category Testing */
export const BAD_AMOUNTS: readonly BadAmount[] = Object.freeze([
  { json: '12345678901234567890', code: 'imprecise_number' },
  { json: '0.1234567890123456789', code: 'imprecise_number' },
  { json: '1e309', code: 'imprecise_number' },
  { json: '1e-9999999', code: 'imprecise_number' },
  { json: '0.5', code: 'imprecise_number' },
  { json: '9007199254740993', code: 'imprecise_number' },
  { json: '"1e999999999"', code: 'invalid_amount' },
  { json: '"1E5"', code: 'invalid_amount' },
  { json: '"Infinity"', code: 'invalid_amount' },
  { json: '"-Infinity"', code: 'invalid_amount' },
  { json: '"NaN"', code: 'invalid_amount' },
  { json: '"0x1F"', code: 'invalid_amount' },
  { json: '"0b101"', code: 'invalid_amount' },
  { json: '"0o17"', code: 'invalid_amount' },
  { json: '"1_000"', code: 'invalid_amount' },
  { json: '"1.234,56"', code: 'invalid_amount' },
  { json: '"1,234.56"', code: 'invalid_amount' },
  { json: '"EUR 1.000"', code: 'invalid_amount' },
  { json: '"€ 1000"', code: 'invalid_amount' },
  { json: '"(1.000)"', code: 'invalid_amount' },
  { json: '"4.977-"', code: 'invalid_amount' },
  { json: '"N75.000"', code: 'invalid_amount' },
  { json: '"1 000"', code: 'invalid_amount' },
  { json: '".5"', code: 'invalid_amount' },
  { json: '"5."', code: 'invalid_amount' },
  { json: '"--5"', code: 'invalid_amount' },
  { json: '"1.234"', code: 'ambiguous_amount' },
  { json: '"-12.500.000"', code: 'ambiguous_amount' },
  { json: '""', code: 'empty_amount' },
  { json: '"   "', code: 'empty_amount' },
  { json: 'null', code: 'empty_amount' },
  { json: '"1000000000000000000"', code: 'amount_out_of_range' },
  { json: '"0.0000001"', code: 'amount_out_of_range' },
  { json: 'true', code: 'invalid_amount' },
  { json: '{}', code: 'invalid_amount' },
  { json: '[]', code: 'invalid_amount' },
] satisfies BadAmount[]);

/**
 * Bad amounts (JSON text of one value) with the code the loader must give at the value's path, when no
 * number format is declared and the unit is euro: the fixed forms of {@link BAD_AMOUNTS} and generated ones
 * (exponents, hexadecimal, grouping, currency signs, brackets, too many digits).
 *
 * @remarks
 * `null` is an empty amount in an object of values; in an array of values it is a blank cell, so put these
 * values in `{ "2026": ... }` objects.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { MeerjarenError, loadBudget } from 'meerjaren';
 * import { badAmountArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(badAmountArb(), (bad) => {
 *   const json = `{"format":"meerjaren/budget","version":1,"title":"T","unit":"euro","horizon":{"from":2026,"to":2026},
 *     "sections":[{"id":"1","title":"S","lines":[{"id":"a","title":"A","nature":"structural","values":{"2026":${bad.json}}}]}]}`;
 *   try { loadBudget(json); return false; } catch (error) { return error instanceof MeerjarenError && error.issues.some((i) => i.code === bad.code); }
 * }), { numRuns: 50, seed: 20261125 }); // a fixed seed: the same cases on every run
 * ```
 * @category Testing
 */
export function badAmountArb(): Arbitrary<BadAmount> {
  const digits = (min: number, max: number): Arbitrary<string> =>
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min - 1, maxLength: max - 1 })).map(([d, s]) => `${d}${s}`);
  const str = (s: string): string => JSON.stringify(s);
  return fc.oneof<Arbitrary<BadAmount>[]>(
    fc.constantFrom(...BAD_AMOUNTS),
    fc.tuple(digits(1, 4), fc.integer({ min: -400, max: 400 }), fc.constantFrom('e', 'E')).map(([d, e, E]) => ({ json: str(`${d}${E}${e}`), code: 'invalid_amount' })),
    fc.tuple(digits(1, 6), fc.constantFrom('0x', '0b', '0o', '#', '$', '€', 'EUR ', 'V', 'N')).map(([d, p]) => ({ json: str(`${p}${d}`), code: 'invalid_amount' })),
    digits(1, 6).map((d) => ({ json: str(`(${d})`), code: 'invalid_amount' })),
    digits(2, 6).map((d) => ({ json: str(`${d.slice(0, 1)}_${d.slice(1)}`), code: 'invalid_amount' })),
    digits(4, 9).map((d) => ({ json: str(`${group(d, '.')},5`), code: 'invalid_amount' })),
    digits(4, 9).map((d) => ({ json: str(`${group(d, ',')}.5`), code: 'invalid_amount' })),
    digits(4, 9).map((d) => ({ json: str(group(d, '.')), code: 'ambiguous_amount' })),
    digits(19, 30).map((d) => ({ json: str(d), code: 'amount_out_of_range' })),
    fc.tuple(digits(1, 3), digits(7, 12)).map(([a, b]) => ({ json: str(`${a}.${b}`), code: 'amount_out_of_range' })),
    fc.tuple(digits(1, 3), digits(1, 6)).map(([a, b]) => ({ json: `${a}.${b}`, code: 'imprecise_number' })),
    fc.string({ unit: fc.constantFrom(' ', '\t', '\n'), minLength: 1, maxLength: 4 }).map((s) => ({ json: str(s), code: 'empty_amount' })),
  );
}
