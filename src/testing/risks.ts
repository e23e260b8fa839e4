import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import { NUMBER_FORMATS, type NumberFormat } from '../core/amount.js';
import { fail } from '../core/errors.js';
import { arrayOf, bigintIn, boolean, integer, readOptions } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { CAPACITY_KINDS, RISK_NATURES, type CapacityKind, type RiskDistribution, type RiskNature } from '../model/risks.js';
import { UNITS, type Unit } from '../model/values.js';
import { FORMAT, MICROS_PER_EURO, UNIT, formatPlainAmount, idArb, microsToPlain } from './amounts.js';

// The risicoregister arbitraries of `meerjaren/testing`: registers as `loadRiskRegister` reads them, with their
// exact meaning in micro-euros.

/** An amount of a drawn register in micro-euros: one for every year, or one per year ("2026"). @category Testing */
export type RiskSampleAmount = bigint | Readonly<Record<string, bigint>>;

/** A drawn risk and what it means. @category Testing */
export interface RiskSample {
  /** Its id (ids such as `toString` and `__proto__` among them). */
  readonly id: string;
  /** Its probability as a plain decimal fraction ("0.35"), at most 6 decimals. */
  readonly probability: string;
  /** Its amount (financieel effect) in micro-euros, zero or more. */
  readonly amount: RiskSampleAmount;
  /** Its nature. */
  readonly nature: RiskNature;
  /** The distribution as written (amounts in `distributionUnit`), if it has one. */
  readonly distribution: RiskDistribution | undefined;
  /** The unit its distribution is written in. */
  readonly distributionUnit: Unit | undefined;
  /**
   * The least and the most one occurrence of the risk can cost in the simulation, in micro-euros: the bounds of its
   * distribution (whole cents), or its amount twice when it has none (for per-year amounts: the year's amount, so
   * undefined here).
   */
  readonly bounds:
    | {
        /** The least, in micro-euros. */
        readonly low: bigint;
        /** The most, in micro-euros. */
        readonly high: bigint;
      }
    | undefined;
}

/** A drawn part of the beschikbare weerstandscapaciteit. @category Testing */
export interface CapacityPartSample {
  /** Its kind. */
  readonly kind: CapacityKind;
  /** Its amount in micro-euros. */
  readonly amount: RiskSampleAmount;
}

/** A drawn risicoregister document (`meerjaren/risks`) and what it means. @category Testing */
export interface RiskRegisterSample {
  /** The document, as `loadRiskRegister` takes it. */
  readonly document: Readonly<Record<string, unknown>>;
  /** The unit its amounts are written in. */
  readonly unit: Unit;
  /** Its declared number format, if any. */
  readonly numberFormat: NumberFormat | undefined;
  /** The years every per-year amount names, in order. */
  readonly years: readonly number[];
  /** The risks, in order. */
  readonly risks: readonly RiskSample[];
  /** The capacity parts, in order. */
  readonly capacity: readonly CapacityPartSample[];
}

/** Options of {@link riskRegisterArb}. @category Testing */
export interface RiskRegisterArbOptions {
  /** Most risks. @defaultValue 6 */
  readonly maxRisks?: number;
  /** Most capacity parts. @defaultValue 3 */
  readonly maxParts?: number;
  /** Units to draw from. @defaultValue all */
  readonly units?: readonly Unit[];
  /** Number formats to draw from (`undefined`: none declared). @defaultValue all and none */
  readonly numberFormats?: readonly (NumberFormat | undefined)[];
  /** Whether risks may have a distribution (every kind, a mixture among them). @defaultValue true */
  readonly distributions?: boolean;
  /** Whether amounts may be per year. @defaultValue true */
  readonly perYear?: boolean;
  /** The first year of per-year amounts. @defaultValue 2026 */
  readonly from?: number;
  /** How many years per-year amounts name. @defaultValue 4 */
  readonly years?: number;
  /** Largest amount in micro-euros (exclusive). @defaultValue 10^16 (EUR 10 bln) */
  readonly maxMicros?: bigint;
}

const RISK_IDS = fc.oneof({ weight: 4, arbitrary: idArb() }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype') });
const MICROS_PER_CENT = MICROS_PER_EURO / 100n;

/** A probability: a plain fraction with up to 6 decimals, the classes 10..90% and 0 and 1 often. */
const probabilityArb: Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('0', '1', '0.1', '0.3', '0.5', '0.7', '0.9') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((n) => microsToPlain(BigInt(n))) },
);

/** Micro-euros, zero or more, below `max`, small and extreme ones often. */
function magnitudeArb(max: bigint): Arbitrary<bigint> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: max - 1n }) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 12n < max ? 10n ** 12n : max - 1n }).map((v) => v - (v % MICROS_PER_EURO)) },
    { weight: 1, arbitrary: fc.constantFrom(0n, 1n, max - 1n) },
  );
}

/** A written amount: its text in the unit and number format, or a JSON number when it is a whole number. */
function writeAmount(micros: bigint, unit: Unit, format: NumberFormat | undefined, asNumber: boolean): string | number {
  const plain = microsToPlain(micros, unit);
  return asNumber && /^\d{1,15}$/.test(plain) ? Number(plain) : formatPlainAmount(plain, format);
}

/** A distribution amount in `unit`: a plain text or, when whole, a JSON number. */
function specAmount(cents: bigint, unit: Unit, asNumber: boolean): string | number {
  const plain = microsToPlain(cents * MICROS_PER_CENT, unit);
  return asNumber && /^\d{1,15}$/.test(plain) ? Number(plain) : plain;
}

/** A drawn distribution: the spec in `unit` and its bounds in micro-euros. */
type Drawn = { readonly spec: RiskDistribution; readonly low: bigint; readonly high: bigint };

/** Distributions of every kind but mixture, amounts whole cents from 0 to `maxCents`. */
function baseDistributionArb(maxCents: bigint, unit: Unit): Arbitrary<Drawn> {
  const cents = fc.oneof(fc.bigInt({ min: 0n, max: maxCents }), fc.constantFrom(0n, maxCents));
  const sorted = (n: number) => fc.array(cents, { minLength: n, maxLength: n }).map((xs) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  const w = (c: bigint, asNumber: boolean) => specAmount(c, unit, asNumber);
  const micro = (c: bigint) => c * MICROS_PER_CENT;
  return fc.oneof(
    fc.tuple(cents, fc.boolean()).map(([v, n]): Drawn => ({ spec: { kind: 'fixed', value: w(v, n) }, low: micro(v), high: micro(v) })),
    fc.tuple(sorted(2), fc.boolean()).map(([[l, h], n]): Drawn => ({ spec: { kind: 'uniform', low: w(l!, n), high: w(h!, n) }, low: micro(l!), high: micro(h!) })),
    fc.tuple(sorted(3), fc.boolean()).map(([[l, m, h], n]): Drawn => ({ spec: { kind: 'triangular', low: w(l!, n), likely: w(m!, n), high: w(h!, n) }, low: micro(l!), high: micro(h!) })),
    fc.tuple(sorted(3), fc.option(fc.constantFrom(0, 4, '2.5', 1_000_000), { nil: undefined })).map(([[l, m, h], lambda]): Drawn => ({
      spec: { kind: 'pert', low: w(l!, false), likely: w(m!, false), high: w(h!, false), ...(lambda === undefined ? {} : { lambda }) },
      low: micro(l!),
      high: micro(h!),
    })),
    fc.tuple(sorted(3), cents).map(([[l, m, h], sd]): Drawn => ({ spec: { kind: 'normal', mean: w(m!, false), sd: w(sd, false), low: w(l!, false), high: w(h!, false) }, low: micro(l!), high: micro(h!) })),
    sorted(4)
      .filter(([, median]) => median! > 0n)
      .map(([l, median, p90, h]): Drawn => ({ spec: { kind: 'lognormal', median: w(median!, false), p90: w(p90!, false), low: w(l!, false), high: w(h!, false) }, low: micro(l!), high: micro(h!) })),
    fc.array(cents, { minLength: 1, maxLength: 4 }).map((values): Drawn => {
      // probabilities k / n that sum to 1 exactly: quarters, or one certain value
      const p = values.length === 1 ? ['1'] : values.length === 2 ? ['0.25', '0.75'] : values.length === 3 ? ['0.5', '0.25', '0.25'] : ['0.25', '0.25', '0.25', '0.25'];
      const sortedValues = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return { spec: { kind: 'discrete', choices: values.map((v, i) => ({ value: w(v, i % 2 === 0), p: p[i]! })) }, low: micro(sortedValues[0]!), high: micro(sortedValues[sortedValues.length - 1]!) };
    }),
  );
}

/** Distributions of every kind, a mixture of two of the others (weights summing to 1) among them. */
function distributionArb(maxCents: bigint, unit: Unit): Arbitrary<Drawn> {
  const base = baseDistributionArb(maxCents, unit);
  const mixture = fc.tuple(base, base, fc.constantFrom(['0.5', '0.5'], ['0.6', '0.4'], ['1', '0'], [0.25, 0.75])).map(([a, b, [wa, wb]]): Drawn => ({
    spec: { kind: 'mixture', components: [{ weight: wa, distribution: a.spec }, { weight: wb, distribution: b.spec }] },
    low: a.low < b.low ? a.low : b.low,
    high: a.high > b.high ? a.high : b.high,
  }));
  return fc.oneof({ weight: 6, arbitrary: base }, { weight: 1, arbitrary: mixture });
}

/**
 * Valid risicoregister documents (`meerjaren/risks`) with their exact meaning ({@link RiskRegisterSample}): every
 * unit and number format, risk ids such as `toString` and `__proto__`, probabilities 0 and 1 and up to 6 decimals
 * (as texts and as JSON numbers), amounts up to 6 decimals in euros as one amount or per year, every nature and
 * capacity kind, lines and notes or none, and (unless `distributions: false`) distributions of every kind with
 * whole-cent amounts from 0 to the risk's range, written in the document's unit or the risk's own
 * `distributionUnit`. For properties of `weerstandsvermogen` (the required capacity is the exact sum of
 * probability x amount) and `simulateRequiredCapacity` (every draw lies within the risks' bounds).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { loadRiskRegister, weerstandsvermogenByYear } from 'meerjaren';
 * import { riskRegisterArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(riskRegisterArb(), (s) => {
 *   const register = loadRiskRegister(s.document); // never throws
 *   return weerstandsvermogenByYear(register, { from: s.years[0]!, to: s.years[s.years.length - 1]! }).years.length === s.years.length;
 * }), { numRuns: 20, seed: 20261204 });
 * ```
 * @param options - sizes, units, number formats, distributions, per-year amounts
 * @category Testing
 */
export function riskRegisterArb(options: RiskRegisterArbOptions = {}): Arbitrary<RiskRegisterSample> {
  options = readOptions('riskRegisterArb', options, {
    maxRisks: integer({ min: 0, max: 100 }),
    maxParts: integer({ min: 0, max: 20 }),
    units: arrayOf(UNIT),
    numberFormats: arrayOf((value, path, collector) => {
      if (value !== undefined) FORMAT(value, path, collector);
    }),
    distributions: boolean,
    perYear: boolean,
    from: integer({ min: MIN_YEAR, max: MAX_YEAR }),
    years: integer({ min: 1, max: 50 }),
    maxMicros: bigintIn({ min: 100n, max: 10n ** 19n }),
  });
  for (const key of ['units', 'numberFormats'] as const) if (options[key]?.length === 0) fail('invalid_option', ['options', key], `riskRegisterArb: ${key} must not be empty`);
  const from = options.from ?? 2026;
  const years = Array.from({ length: Math.min(options.years ?? 4, MAX_YEAR - from + 1) }, (_, i) => from + i);
  const maxMicros = options.maxMicros ?? 10n ** 16n;
  const perYear = options.perYear ?? true;
  const distributions = options.distributions ?? true;
  const amountArb: Arbitrary<RiskSampleAmount> = perYear
    ? fc.oneof({ weight: 3, arbitrary: magnitudeArb(maxMicros) }, { weight: 1, arbitrary: fc.tuple(...years.map(() => magnitudeArb(maxMicros))).map((xs) => Object.fromEntries(years.map((y, i) => [String(y), xs[i]!] as const))) })
    : magnitudeArb(maxMicros);
  return fc
    .record({
      unit: fc.constantFrom(...(options.units ?? UNITS)),
      numberFormat: fc.constantFrom(...(options.numberFormats ?? [...NUMBER_FORMATS, undefined])),
      declareUnit: fc.boolean(),
      count: fc.integer({ min: 0, max: options.maxRisks ?? 6 }),
      parts: fc.array(fc.tuple(fc.constantFrom<CapacityKind>(...CAPACITY_KINDS), amountArb, fc.boolean()), { maxLength: options.maxParts ?? 3 }),
    })
    .chain((head) =>
      fc
        .tuple(
          fc.uniqueArray(RISK_IDS, { minLength: head.count, maxLength: head.count }),
          fc.array(
            fc.record({
              probability: probabilityArb,
              probabilityAsNumber: fc.boolean(),
              amount: amountArb,
              amountAsNumber: fc.boolean(),
              nature: fc.constantFrom<RiskNature>(...RISK_NATURES),
              lines: fc.option(fc.array(idArb(), { maxLength: 3 }), { nil: undefined }),
              note: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
              ownUnit: fc.option(fc.constantFrom<Unit>(...UNITS), { nil: undefined, freq: 3 }),
              hasDistribution: distributions ? fc.boolean() : fc.constant(false),
            }),
            { minLength: head.count, maxLength: head.count },
          ),
        )
        .chain(([ids, drawn]) =>
          fc.tuple(...drawn.map((d) => (!d.hasDistribution ? fc.constant(undefined) : distributionArb(maxMicros / MICROS_PER_CENT - 1n, d.ownUnit ?? head.unit)))).map((specs): RiskRegisterSample => {
            const write = (a: RiskSampleAmount, asNumber: boolean): unknown =>
              typeof a === 'bigint' ? writeAmount(a, head.unit, head.numberFormat, asNumber) : Object.fromEntries(Object.entries(a).map(([y, v]) => [y, writeAmount(v, head.unit, head.numberFormat, asNumber)]));
            const risks = drawn.map((d, i): RiskSample => {
              const spec = specs[i];
              const distributionUnit = spec === undefined ? undefined : (d.ownUnit ?? head.unit);
              const bounds = spec !== undefined ? { low: spec.low, high: spec.high } : typeof d.amount === 'bigint' ? { low: d.amount, high: d.amount } : undefined;
              return { id: ids[i]!, probability: d.probability, amount: d.amount, nature: d.nature, distribution: spec?.spec, distributionUnit, bounds };
            });
            const documentRisks = drawn.map((d, i) => {
              const risk = risks[i]!;
              const probability = d.probabilityAsNumber && risk.probability.length <= 5 ? Number(risk.probability) : formatPlainAmount(risk.probability, head.numberFormat);
              return {
                id: risk.id,
                title: `Risico ${i + 1}`,
                probability,
                amount: write(risk.amount, d.amountAsNumber),
                ...(risk.distribution === undefined ? {} : { distribution: risk.distribution }),
                ...(d.ownUnit === undefined || risk.distribution === undefined ? {} : { distributionUnit: d.ownUnit }),
                nature: risk.nature,
                ...(d.lines === undefined ? {} : { lines: d.lines }),
                ...(d.note === undefined || d.note.trim() === '' ? {} : { note: d.note }),
              };
            });
            const capacity = head.parts.map(([kind, amount]): CapacityPartSample => ({ kind, amount }));
            const document = {
              format: 'meerjaren/risks',
              version: 1,
              title: 'Risicoregister',
              ...(head.unit === 'euro' && !head.declareUnit ? {} : { unit: head.unit }),
              ...(head.numberFormat === undefined ? {} : { numberFormat: head.numberFormat }),
              risks: documentRisks,
              capacity: head.parts.map(([kind, amount, asNumber], i) => ({ kind, title: `Deel ${i + 1}`, amount: write(amount, asNumber) })),
            };
            return { document, unit: head.unit, numberFormat: head.numberFormat, years, risks, capacity };
          }),
        ),
    );
}
