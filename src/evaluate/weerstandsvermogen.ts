/**
 * The weerstandsvermogen (resistance capacity): the benodigde weerstandscapaciteit of the risicoregister set
 * against the beschikbare weerstandscapaciteit, as their ratio and its rating A to F. Exact: every figure is a
 * Decimal, and the rating is decided on the exact ratio.
 * @packageDocumentation
 */
import { Dec, ZERO, isDecimal, noNegativeZero, type Decimal } from '../core/decimal.js';
import { IssueCollector, MeerjarenError, type Path } from '../core/errors.js';
import { integer, isObjectLike, readOptions, type OptionCheck, type OptionSpec } from '../core/guard.js';
import { requireBudgetOption } from '../validate/result-checks.js';
import { MAX_HORIZON_YEARS, MAX_YEAR, MIN_YEAR, yearRange } from '../core/horizon.js';
import type { Budget } from '../model/budget.js';
import type { CapacityKind, CapacityPart, RiskDocument, RiskNature, RiskRegister } from '../model/risks.js';
import { readCapacity, readRisks, type ReadAmount, type ReadCapacityPart, type ReadRisk } from '../document/read-risks.js';

/** A rating of the ratio weerstandsvermogen, A (uitstekend) to F (ruim onvoldoende). @category Weerstandsvermogen */
export type WeerstandsRating = (typeof WEERSTANDS_RATINGS)[number];

/** Every {@link WeerstandsRating}, best first; the one list of them. @category Weerstandsvermogen */
export const WEERSTANDS_RATINGS = Object.freeze(['A', 'B', 'C', 'D', 'E', 'F'] as const);

/** The Dutch label (waardering) of each {@link WeerstandsRating}. @category Weerstandsvermogen */
export const RATING_LABELS: Readonly<Record<WeerstandsRating, string>> = Object.freeze({
  A: 'uitstekend',
  B: 'ruim voldoende',
  C: 'voldoende',
  D: 'matig',
  E: 'onvoldoende',
  F: 'ruim onvoldoende',
});

/** The contribution of one risk to the benodigde weerstandscapaciteit. @category Weerstandsvermogen */
export interface RiskContribution {
  /** The risk's id. */
  readonly id: string;
  /** The risk's title. */
  readonly title: string;
  /** The probability as read, a fraction 0 to 1. */
  readonly probability: Decimal;
  /** The financial effect as read, in euros. */
  readonly amount: Decimal;
  /** Incidental or structural. */
  readonly nature: RiskNature;
  /** `probability x amount`, exact, in euros. */
  readonly contribution: Decimal;
}

/** One part of the beschikbare weerstandscapaciteit as read. @category Weerstandsvermogen */
export interface CapacityFigure {
  /** What the part is. */
  readonly kind: CapacityKind;
  /** Its label. */
  readonly title: string;
  /** Its amount in euros. */
  readonly amount: Decimal;
}

/** The result of {@link weerstandsvermogen}, frozen. @category Weerstandsvermogen */
export interface WeerstandsvermogenResult {
  /** Benodigde weerstandscapaciteit: the exact sum of `probability x amount` over the risks, in euros. */
  readonly required: Decimal;
  /** Beschikbare weerstandscapaciteit: the exact sum of the capacity parts, in euros. */
  readonly available: Decimal;
  /**
   * Ratio weerstandsvermogen: `available / required`, rounded half-up to 6 decimals; `undefined` when nothing is
   * required (no risks, or all with probability or amount 0).
   */
  readonly ratio: Decimal | undefined;
  /** The rating, decided on the exact ratio; `A` when nothing is required. */
  readonly rating: WeerstandsRating;
  /** The Dutch label of the rating ("ruim voldoende"). */
  readonly label: string;
  /** Each risk's contribution, in register order; they add up to `required` exactly. */
  readonly contributions: readonly RiskContribution[];
  /** The capacity parts as read, in the order given; they add up to `available` exactly. */
  readonly capacity: readonly CapacityFigure[];
}

/** The input of {@link weerstandsvermogen}. @category Weerstandsvermogen */
export interface WeerstandsvermogenInput {
  /** The risicoregister. */
  readonly risks: RiskRegister;
  /** The parts of the beschikbare weerstandscapaciteit. */
  readonly capacity: readonly CapacityPart[];
}

/** The lower boundaries of B to E (A is above 2,0; F below 0,6). */
const BOUNDS = { A: new Dec('2'), B: new Dec('1.4'), C: new Dec('1'), D: new Dec('0.8'), E: new Dec('0.6') } as const;

/** The rating of `available / required` without dividing: `required` is more than 0. @internal */
export function rate(available: Decimal, required: Decimal): WeerstandsRating {
  const atLeast = (b: Decimal): boolean => available.cmp(required.times(b)) >= 0;
  if (available.cmp(required.times(BOUNDS.A)) > 0) return 'A';
  if (atLeast(BOUNDS.B)) return 'B';
  if (atLeast(BOUNDS.C)) return 'C';
  if (atLeast(BOUNDS.D)) return 'D';
  if (atLeast(BOUNDS.E)) return 'E';
  return 'F';
}

/**
 * The rating of a ratio weerstandsvermogen (waardering): A above 2,0; B from 1,4 to 2,0 inclusive; C from 1,0 to
 * below 1,4; D from 0,8 to below 1,0; E from 0,6 to below 0,8; F below 0,6.
 * @param ratio - the ratio, as an exact Decimal
 * @throws MeerjarenError `invalid_argument` at `ratio` when it is not a finite Decimal
 * @example
 * ```ts
 * import { Dec, ratingOf } from 'meerjaren';
 *
 * ratingOf(new Dec('2'));        // "B": 2,0 itself is ruim voldoende
 * ratingOf(new Dec('2.000001')); // "A"
 * ratingOf(new Dec('1.4'));      // "B"
 * ```
 * @category Weerstandsvermogen
 */
export function ratingOf(ratio: Decimal): WeerstandsRating {
  const issues = new IssueCollector();
  if (!isDecimal(ratio) || !ratio.isFinite()) issues.add('invalid_argument', ['ratio'], 'ratingOf: ratio must be a finite Decimal');
  issues.throwIfAny();
  return rate(new Dec(ratio), new Dec(1));
}

/** The amount of a risk or part for the year asked, or records why there is none. */
function amountFor(amount: ReadAmount, year: number | undefined, path: Path, issues: IssueCollector): Decimal | undefined {
  if (isDecimal(amount)) return amount;
  if (year === undefined) {
    issues.add('invalid_option', [...path], 'this amount is given per year: name the year (options.year), or use weerstandsvermogenByYear');
    return undefined;
  }
  const value = Object.hasOwn(amount, String(year)) ? amount[String(year)] : undefined;
  if (value === undefined) issues.add('missing_field', [...path, String(year)], `this amount per year has no amount for ${year}`);
  return value;
}

/** Every line and component id of a budget. */
function rowIds(budget: Budget): Set<string> {
  const ids = new Set<string>();
  for (const section of budget.sections) {
    for (const line of section.lines) {
      ids.add(line.id);
      for (const component of line.components) ids.add(component.id);
    }
  }
  return ids;
}

/** The check of a budget given as an option, with the other options' problems. */
function budgetOption(fn: string): OptionCheck {
  return (value, _path, collector) => {
    try {
      requireBudgetOption(fn, 'budget', value);
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      collector.addAll(e.issues);
    }
  };
}

/** Options of {@link weerstandsvermogen}. @category Weerstandsvermogen */
export interface WeerstandsvermogenOptions {
  /** The year whose amounts count, when amounts are given per year. */
  readonly year?: number;
  /** The budget the risks' `lines` refer to: each must be a line or component id of it. */
  readonly budget?: Budget;
}

/** The risks and parts read and checked, as {@link weerstandsvermogen} and the simulation use them. @internal */
export interface ReadRegister {
  readonly risks: readonly ReadRisk[];
  readonly capacity: readonly ReadCapacityPart[];
}

/**
 * Reads and checks an input of {@link weerstandsvermogen} (and of the simulation of the register), throwing every
 * problem at once.
 * @internal
 */
export function readRegister(fn: string, input: WeerstandsvermogenInput, options: WeerstandsvermogenOptions | undefined, extra: OptionSpec = {}): ReadRegister {
  const opts = readOptions(fn, options, { year: integer({ min: MIN_YEAR, max: MAX_YEAR }), budget: budgetOption(fn), ...extra });
  const budget = opts.budget === undefined ? undefined : requireBudgetOption(fn, 'budget', opts.budget);
  const issues = new IssueCollector();
  let risks: ReadRisk[] = [];
  let capacity: ReadCapacityPart[] = [];
  if (!isObjectLike(input) || Array.isArray(input)) issues.add('invalid_argument', ['input'], `${fn}: the input is an object { risks, capacity }`);
  else {
    const known = new Set(['risks', 'capacity', 'title', 'unit']);
    for (const key of Object.keys(input)) if (!known.has(key)) issues.add('unknown_field', [key], `unknown field "${key}" (the fields are risks and capacity)`);
    const one = new Dec(1);
    risks = readRisks(issues, input.risks, ['risks'], one);
    capacity = readCapacity(issues, input.capacity, ['capacity'], one);
    if (budget !== undefined) {
      const ids = rowIds(budget);
      risks.forEach((risk, i) =>
        risk.lines?.forEach((id, j) => {
          if (!ids.has(id)) issues.add('unknown_reference', ['risks', i, 'lines', j], `the risk "${risk.id}" names the line "${id}", which is not in the budget "${budget.title}"`);
        }),
      );
    }
  }
  issues.throwIfAny();
  return { risks, capacity };
}

/**
 * The weerstandsvermogen of a budget: the benodigde weerstandscapaciteit (the sum of `kans x financieel effect`
 * over the risicoregister), the beschikbare weerstandscapaciteit (the sum of the capacity parts), the ratio
 * weerstandsvermogen (beschikbaar / benodigd) and its rating A to F.
 *
 * @remarks
 * The rating is decided on the exact ratio, by comparing `available` with `required x boundary`, never on the
 * rounded `ratio`: a ratio of 1,3999999 is C even though it prints as 1,40. Scale: A above 2,0; B from 1,4 to 2,0
 * inclusive; C from 1,0 to below 1,4; D from 0,8 to below 1,0; E from 0,6 to below 0,8; F below 0,6. When nothing
 * is required, `ratio` is `undefined` and the rating A.
 * Amounts may be given per year (`amount: { "2026": "2500000", "2027": "2000000" }`); then `options.year` names the
 * year that counts, or {@link weerstandsvermogenByYear} sets it out for every year of the meerjarenraming.
 * With `options.budget`, every id in a risk's `lines` must be a line or component of that budget.
 * @param input - the risicoregister and the capacity parts (a {@link RiskDocument} from `loadRiskRegister` too)
 * @param options - the year of per-year amounts, the budget the risks' lines refer to
 * @returns a frozen {@link WeerstandsvermogenResult}
 * @throws MeerjarenError with every problem: `invalid_argument` (`risks`, `capacity` not lists), `invalid_type`,
 * `missing_field`, `unknown_field` at a risk or part, `duplicate_id` (`risks[3].id`), `invalid_value` (a probability
 * outside 0..1 at `risks[2].probability`, an unknown nature or kind), `negative_amount` (`risks[1].amount`,
 * `capacity[0].amount`), the amount codes of an unreadable number, `invalid_year` (a key of a per-year amount),
 * `invalid_option` (a per-year amount without `options.year`), `missing_field` (no amount for that year, at
 * `risks[0].amount.2027`) and `unknown_reference` (a line not in `options.budget`, at `risks[1].lines[0]`)
 * @example
 * ```ts
 * import { weerstandsvermogen } from 'meerjaren';
 *
 * const w = weerstandsvermogen({
 *   risks: [{ id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: '2000000', nature: 'structural' }],
 *   capacity: [{ kind: 'algemene-reserve', title: 'Algemene reserve', amount: '1500000' }],
 * });
 * w.required.toFixed(); // "1000000"
 * w.ratio?.toFixed();   // "1.5"
 * w.rating;             // "B"
 * ```
 * @category Weerstandsvermogen
 */
export function weerstandsvermogen(input: WeerstandsvermogenInput, options?: WeerstandsvermogenOptions): WeerstandsvermogenResult {
  const register = readRegister('weerstandsvermogen', input, options);
  return resultFor(register, options?.year);
}

/** The weerstandsvermogen of a register already read, for one year (or the amounts that are not per year). @internal */
export function resultFor(register: ReadRegister, year: number | undefined): WeerstandsvermogenResult {
  const issues = new IssueCollector();
  const contributions: RiskContribution[] = [];
  const capacity: CapacityFigure[] = [];
  register.risks.forEach((risk, i) => {
    const amount = amountFor(risk.amount, year, ['risks', i, 'amount'], issues);
    if (amount !== undefined) contributions.push({ id: risk.id, title: risk.title, probability: risk.probability, amount, nature: risk.nature, contribution: noNegativeZero(risk.probability.times(amount)) });
  });
  register.capacity.forEach((part, i) => {
    const amount = amountFor(part.amount, year, ['capacity', i, 'amount'], issues);
    if (amount !== undefined) capacity.push({ kind: part.kind, title: part.title, amount });
  });
  issues.throwIfAny();
  const required = contributions.reduce((a, c) => a.add(c.contribution), ZERO);
  const available = capacity.reduce((a, p) => a.add(p.amount), ZERO);
  const ratio = required.isZero() ? undefined : available.div(required).toDecimalPlaces(6, Dec.ROUND_HALF_UP);
  const rating = required.isZero() ? 'A' : rate(available, required);
  return Object.freeze({
    required,
    available,
    ratio,
    rating,
    label: RATING_LABELS[rating],
    contributions: Object.freeze(contributions.map((c) => Object.freeze(c))),
    capacity: Object.freeze(capacity.map((p) => Object.freeze(p))),
  });
}


/** The weerstandsvermogen per year of the meerjarenraming, from {@link weerstandsvermogenByYear}. Frozen. @category Weerstandsvermogen */
export interface WeerstandsvermogenByYear {
  /** The years, in order. */
  readonly years: readonly number[];
  /** The result of each year, keyed by year ("2026"). */
  readonly byYear: Readonly<Record<string, WeerstandsvermogenResult>>;
}

/** The years of {@link weerstandsvermogenByYear}: from the first to the last, both included. @category Weerstandsvermogen */
export interface WeerstandsvermogenYears {
  /** The first year. */
  readonly from: number;
  /** The last year. */
  readonly to: number;
}

/**
 * The weerstandsvermogen for every year of a range (per jaar van de meerjarenraming), as the paragraaf prints it:
 * each year's risks and capacity parts with the amount of that year (an amount that is not per year counts in
 * every year), its benodigde and beschikbare capaciteit, ratio and rating.
 * @param input - the risicoregister and the capacity parts
 * @param years - the years, `{ from, to }`, at most 50
 * @param options - the budget the risks' lines refer to
 * @returns a frozen {@link WeerstandsvermogenByYear}
 * @throws MeerjarenError as {@link weerstandsvermogen}, and `invalid_argument` at `years` for a range that is not
 * whole years from 1900 to 2200 with `from <= to`; a per-year amount without a year of the range is `missing_field`
 * at that year
 * @example
 * ```ts
 * import { weerstandsvermogenByYear } from 'meerjaren';
 *
 * const w = weerstandsvermogenByYear({
 *   risks: [{ id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: '2000000', nature: 'structural' }],
 *   capacity: [{ kind: 'algemene-reserve', title: 'Algemene reserve', amount: { 2026: '3000000', 2027: '1800000' } }],
 * }, { from: 2026, to: 2027 });
 * w.byYear['2026']!.rating; // "A": 3.000.000 / 1.000.000 = 3,0
 * w.byYear['2027']!.rating; // "B": 1,8
 * ```
 * @category Weerstandsvermogen
 */
export function weerstandsvermogenByYear(input: WeerstandsvermogenInput, years: WeerstandsvermogenYears, options?: Pick<WeerstandsvermogenOptions, 'budget'>): WeerstandsvermogenByYear {
  const issues = new IssueCollector();
  const whole = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= MIN_YEAR && (v as number) <= MAX_YEAR;
  if (!isObjectLike(years) || !whole(years.from) || !whole(years.to) || years.from > years.to || years.to - years.from + 1 > MAX_HORIZON_YEARS)
    issues.add('invalid_argument', ['years'], `weerstandsvermogenByYear: years is { from, to }, whole years from ${MIN_YEAR} to ${MAX_YEAR}, from <= to, at most ${MAX_HORIZON_YEARS} years`);
  issues.throwIfAny();
  readOptions('weerstandsvermogenByYear', options, { budget: budgetOption('weerstandsvermogenByYear') });
  const register = readRegister('weerstandsvermogenByYear', input, options);
  const list = yearRange(years.from, years.to);
  const byYear: Record<string, WeerstandsvermogenResult> = {};
  for (const year of list) byYear[String(year)] = resultFor(register, year);
  return Object.freeze({ years: Object.freeze(list), byYear: Object.freeze(byYear) });
}
