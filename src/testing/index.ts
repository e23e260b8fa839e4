/**
 * fast-check arbitraries for meerjaren (the `meerjaren/testing` subpath): valid budget documents and budgets
 * of every shape the loader accepts, exact amount strings, the bad amount forms the loader must refuse, and valid
 * scenarios for a budget (single, stacked through a library, at the extremes of the limits).
 *
 * @remarks
 * fast-check is an optional peer dependency: it is imported here only, so the main entry never needs it.
 * Every generated document comes with a {@link BudgetSample} model of what it means, in exact BigInt
 * micro-euros (millionths of a euro: amounts have at most 6 decimals in euros), so that tests can compute
 * expected totals without decimal.js.
 * @packageDocumentation
 */
import fc from 'fast-check';
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, type NumberFormat } from '../core/amount.js';
import { fail, type IssueCode } from '../core/errors.js';
import { MAX_HORIZON_YEARS, MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { arrayOf, bigintIn, boolean, describeValue, integer, oneOf, readOptions, requireArgument, requireNumber, requireString, type OptionSpec } from '../core/guard.js';
import type { Budget, LineRow, Nature, SignConvention, Unit } from '../model/budget.js';
import { BUDGET_FORMAT, BUDGET_FORMAT_VERSION, type BudgetDocument, type ComponentDocument, type LineDocument, type SectionDocument, type ValueDocument, type ValuesDocument } from '../document/format.js';
import { loadBudget } from '../evaluate/load.js';
import { requireBudget } from '../validate/admit.js';
import type { Change, Scenario, ScenarioLibrary, ValueSpec } from '../scenario/types.js';

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
 * fc.assert(fc.property(idArb(), (id) => loadBudget(docWithLineId(id)).sections[0]!.lines[0]!.id === id));
 * ```
 * @category Testing
 */
export function idArb(): fc.Arbitrary<string> {
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
export function uniqueIdsArb(count: number): fc.Arbitrary<string[]> {
  requireNumber('uniqueIdsArb', 'count', count, { min: 0, max: 10_000 }, true);
  return fc.uniqueArray(idArb(), { minLength: count, maxLength: count });
}

/** Micro-euros per euro: amounts have at most {@link MAX_FRACTION_DIGITS} decimals in euros. @category Testing */
export const MICROS_PER_EURO = 10n ** BigInt(MAX_FRACTION_DIGITS);
/** One more than the largest amount in micro-euros (18 digits before and 6 after the decimal point). @category Testing */
export const MICRO_LIMIT = 10n ** BigInt(MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS);

/** A cell of a {@link BudgetSample}: micro-euros (effect on the saldo, positive = voordeel), or a pm. @category Testing */
export type SampleCell = bigint | SamplePm;

/** A pm cell of a sample: plain, or with a known direction. @category Testing */
export interface SamplePm {
  /** `plain` for "pm", `voordeel` for "+pm", `nadeel` for "-pm". */
  readonly pm: 'plain' | 'voordeel' | 'nadeel';
}

/** An amount as written and its exact value. @category Testing */
export interface AmountSample {
  /** The amount as a document writes it. */
  readonly text: string;
  /** Its exact value in micro-euros. */
  readonly micros: bigint;
}

/** Values of a sample row by year ("2026"); an absent year is nil. @category Testing */
export type SampleValues = Readonly<Record<string, SampleCell>>;

/** A component of a {@link BudgetSample}. @category Testing */
export interface SampleComponent {
  /** Id as the loader will know it (given, or the default `<line id>#<n>`). */
  readonly id: string;
  /** Incidental or structural, after defaults. */
  readonly nature: Nature;
  /** Values in micro-euros. */
  readonly values: SampleValues;
}

/** A line of a {@link BudgetSample}. @category Testing */
export interface SampleLine {
  /** Line id. */
  readonly id: string;
  /** Incidental or structural, after defaults (for the own row). */
  readonly nature: Nature;
  /** `amount` adds the own row to the components; `subtotal` prints their sum. */
  readonly row: LineRow;
  /** The own row in micro-euros (empty for a subtotal line: its printed values are checks). */
  readonly values: SampleValues;
  /** Components in order. */
  readonly components: readonly SampleComponent[];
}

/** A section of a {@link BudgetSample}. @category Testing */
export interface SampleSection {
  /** Section id. */
  readonly id: string;
  /** Lines in order. */
  readonly lines: readonly SampleLine[];
}

/**
 * What a generated document means, as plain data with BigInt micro-euros: the oracle for property tests.
 * @category Testing
 */
export interface BudgetSample {
  /** The generated document. */
  readonly document: BudgetDocument;
  /** Years of the horizon, ascending. */
  readonly years: readonly number[];
  /** Sections, lines and components with their exact values. */
  readonly sections: readonly SampleSection[];
  /** Unit the document writes amounts in. */
  readonly unit: Unit;
  /** Sign convention the document writes amounts in. */
  readonly sign: SignConvention;
  /** Declared number notation, if any. */
  readonly numberFormat: NumberFormat | undefined;
}

/** Options of {@link budgetSampleArb}, {@link budgetDocumentArb} and {@link budgetArb}. @category Testing */
export interface BudgetArbOptions {
  /** Most years in the horizon. @defaultValue 8 */
  readonly maxYears?: number;
  /** Most sections. @defaultValue 4 */
  readonly maxSections?: number;
  /** Most lines per section. @defaultValue 5 */
  readonly maxLines?: number;
  /** Most components per line. @defaultValue 3 */
  readonly maxComponents?: number;
  /** Units to draw from. @defaultValue all */
  readonly units?: readonly Unit[];
  /** Sign conventions to draw from. @defaultValue both */
  readonly signs?: readonly SignConvention[];
  /** Number formats to draw from (`undefined` = none declared). @defaultValue all and none */
  readonly numberFormats?: readonly (NumberFormat | undefined)[];
  /** Whether cells may be pm. @defaultValue true */
  readonly pm?: boolean;
  /** Whether lines may be printed subtotals of their components. @defaultValue true */
  readonly subtotals?: boolean;
  /** Whether to print exact section and grand totals (`expected`) for the loader to check. @defaultValue true */
  readonly printedTotals?: boolean;
  /** Largest amount in micro-euros (exclusive). @defaultValue {@link MICRO_LIMIT} */
  readonly maxMicros?: bigint;
}

const UNIT_POWER: Readonly<Record<Unit, number>> = { euro: 0, thousand: 3, million: 6 };

const UNIT = oneOf(['euro', 'thousand', 'million']);
const FORMAT = oneOf(['plain', 'nl', 'en']);
const MAX_MICROS = bigintIn({ min: 1n, max: MICRO_LIMIT });

/** The checks of {@link BudgetArbOptions}. */
const BUDGET_ARB_OPTIONS: OptionSpec = {
  maxYears: integer({ min: 1, max: MAX_HORIZON_YEARS }),
  maxSections: integer({ min: 0, max: 100 }),
  maxLines: integer({ min: 0, max: 100 }),
  maxComponents: integer({ min: 0, max: 20 }),
  units: arrayOf(UNIT),
  signs: arrayOf(oneOf(['voordeel-positive', 'nadeel-positive'])),
  numberFormats: arrayOf((value, path, collector) => {
    if (value !== undefined) FORMAT(value, path, collector);
  }),
  pm: boolean,
  subtotals: boolean,
  printedTotals: boolean,
  maxMicros: MAX_MICROS,
};

/** Reads the options of an arbitrary of budgets: non-empty lists to draw from. */
function budgetArbOptions(fn: string, options: BudgetArbOptions): BudgetArbOptions {
  options = readOptions(fn, options, BUDGET_ARB_OPTIONS);
  for (const key of ['units', 'signs', 'numberFormats'] as const) {
    if (options[key]?.length === 0) fail('invalid_option', ['options', key], `${fn}: ${key} must not be empty`);
  }
  return options;
}
const DEFAULT_UNITS: readonly Unit[] = ['euro', 'thousand', 'million'];
const DEFAULT_SIGNS: readonly SignConvention[] = ['voordeel-positive', 'nadeel-positive'];
const DEFAULT_FORMATS: readonly (NumberFormat | undefined)[] = ['plain', 'nl', 'en', undefined];
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

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
export function microsArb(maxMicros: bigint = MICRO_LIMIT): fc.Arbitrary<bigint> {
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
 * fc.assert(fc.property(amountStringArb({ unit: 'thousand', format: 'nl' }), ({ text, micros }) => {
 *   const r = readAmount(text, new Dec(1000), 'nl');
 *   return r.ok && r.value.toFixed() === microsToPlain(micros);
 * }));
 * ```
 * @param options - unit (default `euro`) and format (default none declared)
 * @category Testing
 */
export function amountStringArb(options: { readonly unit?: Unit; readonly format?: NumberFormat; readonly maxMicros?: bigint } = {}): fc.Arbitrary<AmountSample> {
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
 * fc.assert(fc.property(badAmountArb(), (bad) => {
 *   const json = `{ ...,"values":{"2026":${bad.json}} ... }`;
 *   expect(() => loadBudget(json)).toThrow(); // with bad.code at values.2026
 * }));
 * ```
 * @category Testing
 */
export function badAmountArb(): fc.Arbitrary<BadAmount> {
  const digits = (min: number, max: number): fc.Arbitrary<string> =>
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min - 1, maxLength: max - 1 })).map(([d, s]) => `${d}${s}`);
  const str = (s: string): string => JSON.stringify(s);
  return fc.oneof<fc.Arbitrary<BadAmount>[]>(
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

// ---- budgets -----------------------------------------------------------------------------------------

function cellArb(maxMicros: bigint, pm: boolean): fc.Arbitrary<SampleCell | undefined> {
  const arbs: fc.WeightedArbitrary<SampleCell | undefined>[] = [
    { weight: 6, arbitrary: microsArb(maxMicros) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  ];
  if (pm) arbs.push({ weight: 1, arbitrary: fc.constantFrom<SampleCell>({ pm: 'plain' }, { pm: 'voordeel' }, { pm: 'nadeel' }) });
  return fc.oneof<fc.WeightedArbitrary<SampleCell | undefined>[]>(...arbs);
}

function rowArb(years: number, maxMicros: bigint, pm: boolean): fc.Arbitrary<(SampleCell | undefined)[]> {
  // At least one year carries a value, so a row is never empty.
  return fc
    .tuple(fc.array(cellArb(maxMicros, pm), { minLength: years, maxLength: years }), fc.nat({ max: years - 1 }), microsArb(maxMicros))
    .map(([drawn, at, fallback]) => {
      const cells: (SampleCell | undefined)[] = [...drawn];
      if (!cells.some((c) => c !== undefined)) cells[at] = fallback;
      return cells;
    });
}

const textArb = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim() !== '');
const tagsArb = fc.dictionary(
  fc.oneof(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !FORBIDDEN.has(k)), fc.constantFrom(...PROTOTYPE_MEMBER_IDS)),
  fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_MEMBER_IDS) }),
  { maxKeys: 3, noNullPrototype: true },
);

interface LineShape {
  readonly title: string;
  readonly nature: Nature;
  readonly declareNature: boolean;
  readonly tags: Record<string, string> | undefined;
  readonly own: (SampleCell | undefined)[] | undefined;
  readonly subtotal: boolean;
  readonly components: readonly {
    readonly title: string;
    readonly nature: Nature;
    readonly declareNature: boolean;
    readonly customId: boolean;
    readonly tags: Record<string, string> | undefined;
    readonly values: (SampleCell | undefined)[];
  }[];
}

function lineArb(years: number, o: Required<Omit<BudgetArbOptions, 'units' | 'signs' | 'numberFormats'>>): fc.Arbitrary<LineShape> {
  const nature = fc.constantFrom<Nature>('incidental', 'structural');
  const component = fc.record({
    title: textArb,
    nature,
    declareNature: fc.boolean(),
    customId: fc.boolean(),
    tags: fc.option(tagsArb, { nil: undefined }),
    values: rowArb(years, o.maxMicros, o.pm),
  });
  return fc
    .record({
      title: textArb,
      nature,
      declareNature: fc.boolean(),
      tags: fc.option(tagsArb, { nil: undefined }),
      own: fc.option(rowArb(years, o.maxMicros, o.pm), { nil: undefined, freq: 4 }),
      subtotal: o.subtotals ? fc.boolean() : fc.constant(false),
      components: fc.array(component, { maxLength: o.maxComponents }),
    })
    .map((l): LineShape => {
      if (l.own !== undefined || l.components.length > 0) return l;
      const own: (SampleCell | undefined)[] = Array.from({ length: years }, () => undefined);
      own[0] = 0n;
      return { ...l, own };
    });
}

const isPmCell = (c: SampleCell | undefined): c is { readonly pm: 'plain' | 'voordeel' | 'nadeel' } => typeof c === 'object';

/**
 * Valid budget documents with the exact meaning of each ({@link BudgetSample}): random horizons, sections,
 * lines, components, pm posts, natures, units, sign conventions, number formats, values written as
 * objects or arrays, amounts up to 18 digits before and 6 after the decimal point in euros, and (optionally)
 * exact printed subtotals and grand totals (left out in years whose sum is beyond the amount limit, since
 * such a total cannot be written).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(budgetSampleArb(), (sample) => {
 *   const result = evaluate(loadBudget(sample.document));
 *   // compare result.total with sums of sample.sections' BigInt micro-euros
 * }));
 * ```
 * @param options - sizes and which features to draw
 * @category Testing
 */
export function budgetSampleArb(options: BudgetArbOptions = {}): fc.Arbitrary<BudgetSample> {
  options = budgetArbOptions('budgetSampleArb', options);
  const o = {
    maxYears: options.maxYears ?? 8,
    maxSections: options.maxSections ?? 4,
    maxLines: options.maxLines ?? 5,
    maxComponents: options.maxComponents ?? 3,
    pm: options.pm ?? true,
    subtotals: options.subtotals ?? true,
    printedTotals: options.printedTotals ?? true,
    maxMicros: options.maxMicros ?? MICRO_LIMIT,
  };
  const units = options.units ?? DEFAULT_UNITS;
  const signs = options.signs ?? DEFAULT_SIGNS;
  const formats = options.numberFormats ?? DEFAULT_FORMATS;
  return fc
    .record({
      from: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
      length: fc.integer({ min: 1, max: Math.max(1, o.maxYears) }),
      budgetOffset: fc.nat(),
      unit: fc.constantFrom(...units),
      sign: fc.constantFrom(...signs),
      numberFormat: fc.constantFrom(...formats),
      defaultNature: fc.option(fc.constantFrom<Nature>('incidental', 'structural'), { nil: undefined }),
      asArrays: fc.boolean(),
      grouped: fc.boolean(),
      integersAsNumbers: fc.boolean(),
      title: textArb,
      tags: fc.option(tagsArb, { nil: undefined }),
      printTotals: o.printedTotals ? fc.boolean() : fc.constant(false),
    })
    .chain((head) => {
      const to = Math.min(MAX_YEAR, head.from + head.length - 1);
      const years = to - head.from + 1;
      return fc
        .array(fc.record({ title: textArb, lines: fc.array(lineArb(years, o), { maxLength: o.maxLines }) }), { maxLength: o.maxSections })
        .chain((sections) => {
          const rows = sections.reduce((n, s) => n + s.lines.reduce((m, l) => m + 1 + l.components.length, 0), 0);
          return fc
            .tuple(uniqueIdsArb(sections.length), uniqueIdsArb(rows))
            .map(([sectionIds, rowIds]) => render({ ...head, to, budgetYear: head.from + (head.budgetOffset % years) }, sections, { sections: sectionIds, rows: rowIds }));
        });
    });
}

interface Head {
  readonly from: number;
  readonly to: number;
  readonly budgetYear: number;
  readonly unit: Unit;
  readonly sign: SignConvention;
  readonly numberFormat: NumberFormat | undefined;
  readonly defaultNature: Nature | undefined;
  readonly asArrays: boolean;
  readonly grouped: boolean;
  readonly integersAsNumbers: boolean;
  readonly title: string;
  readonly tags: Record<string, string> | undefined;
  readonly printTotals: boolean;
}

/** The drawn ids of a document: one per section, and one per line and component in document order (one namespace). */
interface DrawnIds {
  readonly sections: readonly string[];
  readonly rows: readonly string[];
}

function render(head: Head, shapes: readonly { readonly title: string; readonly lines: readonly LineShape[] }[], ids: DrawnIds): BudgetSample {
  let nextRow = 0;
  const rowId = (): string => ids.rows[nextRow++] ?? `row-${nextRow}`;
  const years: number[] = [];
  for (let y = head.from; y <= head.to; y++) years.push(y);
  const negate = head.sign === 'nadeel-positive';
  const unitMicros = 10n ** BigInt(UNIT_POWER[head.unit] + MAX_FRACTION_DIGITS);

  const amount = (micros: bigint): ValueDocument => {
    const written = negate ? -micros : micros;
    if (head.integersAsNumbers && written % unitMicros === 0n) {
      const n = Number(written / unitMicros);
      if (Number.isSafeInteger(n)) return n;
    }
    return formatPlainAmount(microsToPlain(written, head.unit), head.numberFormat, head.grouped);
  };
  const cell = (c: SampleCell): ValueDocument => {
    if (!isPmCell(c)) return amount(c);
    if (c.pm === 'plain') return 'pm';
    return (c.pm === 'voordeel') !== negate ? '+pm' : '-pm';
  };
  const write = (cells: readonly (SampleCell | undefined)[]): ValuesDocument => {
    if (head.asArrays) {
      let last = cells.length;
      while (last > 0 && cells[last - 1] === undefined) last--;
      return cells.slice(0, last).map((c) => (c === undefined ? null : cell(c)));
    }
    const out: Record<string, ValueDocument> = {};
    cells.forEach((c, i) => {
      if (c !== undefined) out[String(years[i])] = cell(c);
    });
    return out;
  };
  const toRecord = (cells: readonly (SampleCell | undefined)[]): Record<string, SampleCell> => {
    const out: Record<string, SampleCell> = {};
    cells.forEach((c, i) => {
      if (c !== undefined) out[String(years[i])] = c;
    });
    return out;
  };
  // Exact printed totals of rows: a year is printed when some row has an amount in it.
  const printed = (rows: readonly (readonly (SampleCell | undefined)[])[]): (SampleCell | undefined)[] =>
    years.map((_, i) => {
      let sum = 0n;
      let any = false;
      for (const row of rows) {
        const c = row[i];
        if (typeof c === 'bigint') {
          sum += c;
          any = true;
        }
      }
      // A sum beyond the amount limit cannot be printed: leave that year out.
      return any && sum < MICRO_LIMIT && sum > -MICRO_LIMIT ? sum : undefined;
    });

  const allRows: (readonly (SampleCell | undefined)[])[] = [];
  const sampleSections: SampleSection[] = [];
  const sections: SectionDocument[] = shapes.map((shape, si) => {
    const sectionId = ids.sections[si] ?? `${si + 1}`;
    const sectionRows: (readonly (SampleCell | undefined)[])[] = [];
    const lines: SampleLine[] = [];
    const lineDocs: LineDocument[] = shape.lines.map((l) => {
      const id = rowId();
      const declareNature = l.declareNature || head.defaultNature === undefined;
      const lineNature: Nature = declareNature ? l.nature : (head.defaultNature ?? l.nature);
      const subtotal = l.subtotal && l.components.length > 0;
      const compDocs: ComponentDocument[] = [];
      const comps: SampleComponent[] = l.components.map((c, ci) => {
        const drawn = rowId(); // drawn for every component, so a line's components never take each other's ids
        const cid = c.customId ? drawn : `${id}#${ci + 1}`;
        const nature = c.declareNature ? c.nature : lineNature;
        compDocs.push({
          ...(c.customId ? { id: cid } : {}),
          title: c.title,
          ...(c.declareNature ? { nature: c.nature } : {}),
          ...(c.tags === undefined ? {} : { tags: c.tags }),
          values: write(c.values),
        });
        sectionRows.push(c.values);
        return { id: cid, nature, values: toRecord(c.values) };
      });
      let own = subtotal ? undefined : l.own;
      let ownDoc: ValuesDocument | undefined;
      if (subtotal) {
        // The printed subtotal: exact where every component value in the year is an amount.
        const cells = years.map((_, i) => {
          const row = l.components.map((c) => c.values[i]);
          if (row.some(isPmCell) || row.every((c) => c === undefined)) return undefined;
          const sum = row.reduce<bigint>((s, c) => s + (typeof c === 'bigint' ? c : 0n), 0n);
          return sum < MICRO_LIMIT && sum > -MICRO_LIMIT ? sum : undefined;
        });
        ownDoc = cells.some((c) => c !== undefined) ? write(cells) : undefined;
      } else if (own !== undefined) {
        ownDoc = write(own);
        sectionRows.push(own);
      } else own = undefined;
      lines.push({ id, nature: lineNature, row: subtotal ? 'subtotal' : 'amount', values: own === undefined ? {} : toRecord(own), components: comps });
      return {
        id,
        title: l.title,
        ...(declareNature ? { nature: l.nature } : {}),
        ...(l.tags === undefined ? {} : { tags: l.tags }),
        ...(ownDoc === undefined ? {} : { values: ownDoc }),
        ...(compDocs.length > 0 ? { row: subtotal ? ('subtotal' as const) : ('amount' as const), components: compDocs } : {}),
      };
    });
    allRows.push(...sectionRows);
    sampleSections.push({ id: sectionId, lines });
    const expected = head.printTotals ? printed(sectionRows) : [];
    return { id: sectionId, title: shape.title, lines: lineDocs, ...(expected.some((c) => c !== undefined) ? { expected: write(expected) } : {}) };
  });
  const expected = head.printTotals ? printed(allRows) : [];
  const document: BudgetDocument = {
    format: BUDGET_FORMAT,
    version: BUDGET_FORMAT_VERSION,
    title: head.title,
    unit: head.unit,
    ...(head.sign === 'voordeel-positive' && head.from % 2 === 0 ? {} : { sign: head.sign }),
    ...(head.numberFormat === undefined ? {} : { numberFormat: head.numberFormat }),
    horizon: { from: head.from, to: head.to, ...(head.budgetYear === head.from ? {} : { budgetYear: head.budgetYear }) },
    ...(head.defaultNature === undefined ? {} : { defaults: { nature: head.defaultNature } }),
    ...(head.tags === undefined ? {} : { tags: head.tags }),
    sections,
    ...(expected.some((c) => c !== undefined) ? { expected: write(expected) } : {}),
  };
  return { document, years, sections: sampleSections, unit: head.unit, sign: head.sign, numberFormat: head.numberFormat };
}

/**
 * Valid budget documents (see {@link budgetSampleArb} for what varies).
 * @example
 * ```ts
 * fc.assert(fc.property(budgetDocumentArb({ maxYears: 5 }), (doc) => {
 *   loadBudget(doc); // never throws
 * }));
 * ```
 * @param options - sizes and which features to draw
 * @category Testing
 */
export function budgetDocumentArb(options: BudgetArbOptions = {}): fc.Arbitrary<BudgetDocument> {
  options = budgetArbOptions('budgetDocumentArb', options);
  return budgetSampleArb(options).map((s) => s.document);
}

/**
 * Valid, frozen budgets: {@link budgetDocumentArb} loaded with `loadBudget`.
 * @example
 * ```ts
 * fc.assert(fc.property(budgetArb(), (b) => {
 *   const e = evaluate(b);
 *   return b.horizon.years.every((y) => e.total[y] !== undefined);
 * }));
 * ```
 * @param options - sizes and which features to draw
 * @category Testing
 */
export function budgetArb(options: BudgetArbOptions = {}): fc.Arbitrary<Budget> {
  options = budgetArbOptions('budgetArb', options);
  return budgetDocumentArb(options).map((doc) => loadBudget(doc));
}

/** Type guard for a pm cell of a {@link BudgetSample}. @category Testing */
export function isSamplePm(cell: SampleCell | undefined): cell is SamplePm {
  return isPmCell(cell);
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------------------------

/** What {@link scenarioChangesArb} and the scenario arbitraries draw. @category Testing */
export interface ScenarioArbOptions {
  /** Draw `index` changes. @defaultValue true */
  readonly index?: boolean;
  /** Draw `add-line` changes. @defaultValue true */
  readonly add?: boolean;
  /** Most level changes on the budget's own lines (one per line). @defaultValue 5 */
  readonly maxChanges?: number;
  /**
   * Draw changes that depend on an earlier change: an `add-line` after a line added before it, and a change
   * (`{ add }`, `{ percent }`, `drop-line`, `index`) of a line added before it. Such a scenario is valid only in
   * its own order: leave this off for properties that shuffle the changes. @defaultValue true
   */
  readonly dependent?: boolean;
  /**
   * Draw fractional percentages (6 decimals) and index rates with 4 decimals (never 3: `"1.627"` is ambiguous
   * without a `numberFormat`). @defaultValue true
   */
  readonly fractional?: boolean;
  /**
   * Draw the extremes of the limits: amounts of 18 digits before and 6 after the decimal point in euros, ids of
   * 64 characters, titles of 1000 characters (the scenario is then written in euros). Additions, percentages above
   * 100 and indexation may then push a cell past the limits: `applyScenario` refuses that with
   * `amount_out_of_range`. @defaultValue false
   */
  readonly extremes?: boolean;
}

/** The checks of {@link ScenarioArbOptions}. */
const SCENARIO_ARB_OPTIONS: OptionSpec = {
  index: boolean,
  add: boolean,
  maxChanges: integer({ min: 0, max: 1000 }),
  dependent: boolean,
  fractional: boolean,
  extremes: boolean,
};

/** The budget and options of a scenario arbitrary, checked at the boundary. */
function scenarioArbArguments(fn: string, budget: unknown, options: ScenarioArbOptions | undefined): [Budget, ScenarioArbOptions] {
  return [requireBudget(fn, 'budget', budget), readOptions(fn, options, SCENARIO_ARB_OPTIONS)];
}

interface ScenarioRow {
  readonly id: string;
  readonly line: string;
  readonly cells: Readonly<Record<string, unknown>>;
}

const isPmValue = (cell: unknown): boolean => typeof cell === 'object' && cell !== null && (cell as { kind?: unknown }).kind === 'pm';

/** The largest amount in euros: 18 digits before and 6 after the decimal point. */
const EXTREME_AMOUNTS = ['999999999999999999.999999', '-999999999999999999.999999', '0.000001', '-0.000001', '123456789012345678.123456'];

/**
 * Valid changes of a scenario for a budget (scenariowijzigingen): one level change per line of the budget, each on a
 * different line (so they never conflict and never refer to a dropped line), `move-amount` between neighbours,
 * `estimate-pm` of pm posts, then `add-line` (at the end or `after` a line, also after a line added before it),
 * changes of added lines, and `index` changes. Valid by construction, in the order drawn.
 * @param budget - the baseline
 * @param options - what to draw
 * @category Testing
 */
export function scenarioChangesArb(budget: Budget, options: ScenarioArbOptions = {}): fc.Arbitrary<Change[]> {
  [budget, options] = scenarioArbArguments('scenarioChangesArb', budget, options);
  const lines: string[] = [];
  const rows: ScenarioRow[] = [];
  const sectionOf = new Map<string, string>();
  for (const s of budget.sections) {
    for (const l of s.lines) {
      lines.push(l.id);
      sectionOf.set(l.id, s.id);
      rows.push({ id: l.id, line: l.id, cells: l.values });
      for (const c of l.components) rows.push({ id: c.id, line: l.id, cells: c.values });
    }
  }
  const years = budget.horizon.years;
  const extremes = options.extremes ?? false;
  const fractional = options.fractional ?? true;
  const scale = budget.presentation.unit === 'euro' ? 1 : budget.presentation.unit === 'thousand' ? 1000 : 1_000_000;
  // amounts in the scenario's unit: the budget's, or euros for the extremes
  const plainAmountArb = fc.integer({ min: -3000, max: 3000 }).map(String);
  const amountArb = extremes
    ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -3000 * scale, max: 3000 * scale }).map(String) }, { weight: 1, arbitrary: fc.constantFrom(...EXTREME_AMOUNTS) })
    : plainAmountArb;
  const percentArb = fractional
    ? fc.oneof(fc.integer({ min: 0, max: 200 }).map(String), fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 999_999 })).map(([w, f]) => `${w}.${String(f).padStart(6, '0')}`))
    : fc.integer({ min: 0, max: 200 }).map(String);
  const rateArb = fractional
    ? fc.oneof(fc.integer({ min: -50, max: 100 }).map((r) => (r / 10).toString()), fc.tuple(fc.integer({ min: -9, max: 12 }), fc.integer({ min: 1, max: 9999 })).map(([w, f]) => `${w < 0 ? '-' : ''}${Math.abs(w)}.${String(f).padStart(4, '0')}`))
    : fc.integer({ min: -50, max: 100 }).map((r) => (r / 10).toString());
  const yearsArb = fc.subarray([...years], { minLength: 1 });
  const byLine = new Map<string, ScenarioRow[]>();
  for (const r of rows) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);
  const numericYears = (row: ScenarioRow): number[] => years.filter((y) => !isPmValue(row.cells[y]));
  const pmYears = (row: ScenarioRow): number[] => years.filter((y) => isPmValue(row.cells[y]));

  const changeFor = (line: string, partner: string | undefined): fc.Arbitrary<Change> => {
    const lineRows = byLine.get(line) ?? [];
    const choices: fc.Arbitrary<Change>[] = [];
    choices.push(
      fc.tuple(fc.constantFrom(...lineRows), yearsArb, fc.oneof(amountArb, fc.constantFrom<ValueSpec>('pm', '-pm', null))).map(([r, ys, value]): Change => {
        // blanking every value of a row would leave a line (or component) the loader refuses: keep one
        const mayEmpty = r.id === r.line && lineRows.length > 1;
        const keeps = mayEmpty || years.some((y) => r.cells[y] !== undefined && !ys.includes(y));
        return value === null && !keeps ? { kind: 'set-amount', line: r.id, years: ys, value: '0' } : { kind: 'set-amount', line: r.id, years: ys, value };
      }),
      fc.tuple(yearsArb, percentArb).map(([ys, p]): Change => ({ kind: 'set-amount', line, years: ys, value: { percent: p } })),
      fc.constant<Change>({ kind: 'drop-line', line }),
    );
    const addable = lineRows.filter((r) => numericYears(r).length > 0);
    if (addable.length > 0) {
      choices.push(fc.constantFrom(...addable).chain((r) => fc.tuple(fc.subarray(numericYears(r), { minLength: 1 }), amountArb).map(([ys, a]): Change => ({ kind: 'set-amount', line: r.id, years: ys, value: { add: a } }))));
    }
    const estimable = lineRows.filter((r) => pmYears(r).length > 0);
    if (estimable.length > 0) {
      choices.push(
        fc.tuple(fc.constantFrom(...estimable), plainAmountArb, fc.nat(500), fc.nat(500), fc.boolean()).map(([r, likely, down, up, single]): Change => ({
          kind: 'estimate-pm',
          line: r.id,
          value: single ? likely : { low: String(Number(likely) - down), likely, high: String(Number(likely) + up) },
        })),
      );
    }
    if (partner !== undefined) {
      const a = lineRows[0];
      const b = (byLine.get(partner) ?? [])[0];
      if (a !== undefined && b !== undefined) {
        const common = years.filter((y) => !isPmValue(a.cells[y]) && !isPmValue(b.cells[y]));
        if (common.length > 0) choices.push(fc.tuple(fc.subarray(common, { minLength: 1 }), amountArb).map(([ys, amount]): Change => ({ kind: 'move-amount', from: a.id, to: b.id, years: ys, amount })));
      }
    }
    return fc.oneof(...choices);
  };

  const levelArb = fc.shuffledSubarray(lines, { minLength: 0, maxLength: Math.min(options.maxChanges ?? 5, lines.length) }).chain((chosen) => {
    const pairs = chosen.map((line, i) => fc.tuple(fc.boolean(), fc.constant(line), fc.constant(chosen[i + 1])));
    return fc.tuple(...pairs).chain((picked) => {
      // a move uses the next line as its partner; that line then gets no change of its own
      const used = new Set<string>();
      const arbs: fc.Arbitrary<Change>[] = [];
      for (const [withPartner, line, next] of picked) {
        if (used.has(line)) continue;
        used.add(line);
        const partner = withPartner && next !== undefined && !used.has(next) ? next : undefined;
        if (partner !== undefined) used.add(partner);
        arbs.push(changeFor(line, partner));
      }
      return arbs.length === 0 ? fc.constant<Change[]>([]) : fc.tuple(...arbs).map((cs) => [...cs]);
    });
  });

  const valuesArb = fc.array(fc.option(fc.oneof({ weight: 4, arbitrary: amountArb }, { weight: 1, arbitrary: fc.constant('pm') }), { nil: undefined }), { minLength: years.length, maxLength: years.length });
  const addedArb = fc.record({
    section: fc.constantFrom(...budget.sections.map((s) => s.id)),
    where: fc.nat(1000),
    place: fc.constantFrom('end', 'after-baseline', 'after-added'),
    values: valuesArb,
    components: fc.array(valuesArb, { maxLength: extremes ? 2 : 1 }),
    then: fc.constantFrom('none', 'add', 'percent', 'drop', 'index'),
    amount: amountArb,
    percent: percentArb,
  });

  return levelArb.chain((level) => {
    const dropped = new Set(level.filter((c) => c.kind === 'drop-line').map((c) => (c as { line: string }).line));
    const live = lines.filter((l) => !dropped.has(l));
    const dependent = options.dependent ?? true;
    const addsArb = (options.add ?? true) && budget.sections.length > 0 ? fc.array(addedArb, { maxLength: 3 }) : fc.constant([]);
    const indexArb = (options.index ?? true) ? fc.array(fc.tuple(fc.nat(1000), fc.subarray([...years], { minLength: 1 }), rateArb), { maxLength: 2 }) : fc.constant([]);
    return fc.tuple(addsArb, indexArb).map(([adds, indexes]) => {
      const out: Change[] = [...level];
      const after: Change[] = [];
      const indexable = [...live];
      const addedBySection = new Map<string, string[]>();
      adds.forEach((a, k) => {
        const base = `N${k + 1}`;
        const id = extremes && k === 0 ? base.padEnd(64, 'x') : base;
        const title = extremes && k === 0 ? 'T'.repeat(1000) : `Nieuw ${k + 1}`;
        const sectionLines = budget.sections.find((s) => s.id === a.section)!.lines.map((l) => l.id).filter((l) => live.includes(l));
        const added = dependent ? (addedBySection.get(a.section) ?? []) : [];
        const target =
          a.place === 'after-added' && added.length > 0 ? added[a.where % added.length] : a.place === 'after-baseline' && sectionLines.length > 0 ? sectionLines[a.where % sectionLines.length] : undefined;
        const write = (values: readonly (string | undefined)[]): Record<string, string> => Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[String(years[i]), v]])));
        const components = a.components.filter((vs) => vs.some((v) => v !== undefined)).map((vs, n) => ({ title: `${title.slice(0, 990)} ${n + 1}`, values: write(vs) }));
        // a line needs a value in some year (or a component with one): the loader refuses it otherwise
        const values = components.length === 0 && a.values.every((v) => v === undefined) ? { [String(years[0])]: a.amount } : write(a.values);
        out.push({ kind: 'add-line', section: a.section, ...(target === undefined ? {} : { after: target }), line: { id, title, nature: 'structural', values, ...(components.length > 0 ? { components } : {}) } });
        addedBySection.set(a.section, [...(addedBySection.get(a.section) ?? []), id]);
        const numeric = years.filter((y) => values[String(y)] !== undefined && values[String(y)] !== 'pm');
        if (!dependent) {
          indexable.push(id);
          return;
        }
        if (a.then === 'add' && numeric.length > 0) after.push({ kind: 'set-amount', line: id, years: numeric, value: { add: a.amount } });
        else if (a.then === 'percent' && numeric.length > 0) after.push({ kind: 'set-amount', line: id, years: numeric, value: { percent: a.percent } });
        else if (a.then === 'drop') {
          // a dropped line is no longer a place to add after: later lines of this draw still name it only
          // when they were drawn before the drop, which comes after them
          after.push({ kind: 'drop-line', line: id });
          return;
        }
        indexable.push(id);
      });
      out.push(...after);
      for (const [pick, ys, rate] of indexes) {
        if (indexable.length === 0) break;
        const chosen = indexable.filter((_, i) => (pick >> i) % 2 === 1 || i === pick % indexable.length);
        out.push({ kind: 'index', select: { lines: chosen }, rates: Object.fromEntries(ys.map((y) => [String(y), rate])) });
      }
      return out;
    });
  });
}

/**
 * Valid scenarios for a budget ({@link scenarioChangesArb}); with `extremes` written in euros.
 * @param budget - the baseline
 * @param options - what to draw
 * @category Testing
 */
export function scenarioArb(budget: Budget, options: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  [budget, options] = scenarioArbArguments('scenarioArb', budget, options);
  return scenarioChangesArb(budget, options).map((changes): Scenario => ({ id: 'variant', title: 'Variant', ...(options.extremes ? { unit: 'euro' as const } : {}), changes }));
}

/** A stacked scenario (gestapeld scenario): the scenario, the library it extends, and the same changes in one list. @category Testing */
export interface StackedScenario {
  /** The scenario at the end of the chain. */
  readonly scenario: Scenario;
  /** The scenarios it extends, as a list or a record by id. */
  readonly library: ScenarioLibrary;
  /** Every change of the chain in application order (root ancestor first): applying it alone gives the same budget. */
  readonly flat: Scenario;
}

/**
 * Valid stacked scenarios: the changes of {@link scenarioChangesArb} split over a chain of 1 to 4 scenarios, each
 * extending the one before, with a library given as a list or as a record keyed by id (in any key order, with
 * scenarios that no chain uses).
 * @param budget - the baseline
 * @param options - what to draw
 * @category Testing
 */
export function stackedScenarioArb(budget: Budget, options: ScenarioArbOptions = {}): fc.Arbitrary<StackedScenario> {
  [budget, options] = scenarioArbArguments('stackedScenarioArb', budget, options);
  return fc.tuple(scenarioArb(budget, options), fc.array(fc.nat(100), { maxLength: 3 }), fc.boolean(), fc.boolean()).map(([flat, cuts, asRecord, spare]) => {
    const n = flat.changes.length;
    const bounds = [...new Set(cuts.map((c) => (n === 0 ? 0 : c % (n + 1))))].sort((a, b) => a - b);
    const parts: Change[][] = [];
    let from = 0;
    for (const b of [...bounds, n]) {
      parts.push(flat.changes.slice(from, b));
      from = b;
    }
    const ids = parts.map((_, i) => (i === parts.length - 1 ? flat.id : `laag-${i + 1}`));
    const chain: Scenario[] = parts.map((changes, i) => ({ ...flat, id: ids[i]!, title: `Laag ${i + 1}`, ...(i === 0 ? {} : { extends: ids[i - 1]! }), changes }));
    const ancestors = [...chain.slice(0, -1), ...(spare ? [{ id: 'ongebruikt', title: 'Ongebruikt', changes: [] } as Scenario] : [])].reverse();
    const library: ScenarioLibrary = asRecord ? Object.fromEntries(ancestors.map((s) => [s.id, s])) : ancestors;
    return { scenario: chain[chain.length - 1]!, library, flat };
  });
}
