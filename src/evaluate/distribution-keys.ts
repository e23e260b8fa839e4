/**
 * Distribution keys and paths (verdeelsleutels en reeksen): a national or regional amount split into local shares
 * by a key (a share of the gemeentefonds, a gemeenschappelijke regeling's key by inhabitants or use), a path
 * interpolated between the years it is known in, and a path cumulated. Exact: every figure is a Decimal, rounded
 * once to a step that the parts then add up to exactly.
 * @packageDocumentation
 */
import { Dec, ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { readAmount } from '../core/amount.js';
import { handOutSteps } from '../core/allocate.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { isObjectLike } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';

/** An amount as the functions of this module take it: a Decimal, a plain decimal string ("-1100.5") or a safe integer. @category Evaluation */
export type AmountInput = Decimal | string | number;

/** Options of {@link distributeByKey}, {@link interpolatePath} and {@link cumulate}. @category Evaluation */
export interface KeyOptions {
  /**
   * The step every result is a whole multiple of, in euros ("0.01" cents, "1" euros, "1000" for x € 1.000).
   * @defaultValue "0.01"
   */
  readonly step?: AmountInput;
}

/** Amounts per year, keyed by year ("2027"). @category Evaluation */
export type AmountPath = Readonly<Record<string, Decimal>>;

const CENT = new Dec('0.01');

/** Reads an amount, or records why not at `path`. */
function amountAt(raw: unknown, path: Path, issues: IssueCollector): Decimal | undefined {
  const reading = readAmount(raw, new Dec(1));
  if (!reading.ok) issues.add(reading.code, path, reading.message);
  return reading.ok ? reading.value : undefined;
}

/** The step of the options: a positive amount, default a cent. */
function stepOf(options: KeyOptions | undefined, issues: IssueCollector): Decimal {
  if (options === undefined) return CENT;
  if (!isObjectLike(options) || Array.isArray(options)) {
    issues.add('invalid_argument', ['options'], 'options must be an object { step? }');
    return CENT;
  }
  for (const key of Object.keys(options)) if (key !== 'step') issues.add('unknown_option', ['options', key], `unknown option "${key}" (the one option is step)`);
  if (options.step === undefined) return CENT;
  const reading = readAmount(options.step, new Dec(1));
  const step = reading.ok && reading.value.isPositive() && !reading.value.isZero() ? reading.value : undefined;
  if (step === undefined) issues.add('invalid_option', ['options', 'step'], `the step must be an amount more than 0 ("0.01", 1, 1000), not ${reading.ok ? reading.value.toFixed() : reading.message}`);
  return step ?? CENT;
}

/** Whole steps of `value`, rounded half away from zero. */
const roundToStep = (value: Decimal, step: Decimal): Decimal => noNegativeZero(value.div(step).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(step));

/**
 * Splits an amount over recipients by a key (verdeelsleutel): each gets `amount x weight / sum of weights`, in
 * whole steps, and the parts add up to the amount exactly.
 *
 * @remarks
 * The amount is first rounded to the step (half away from zero). Each part is then its exact share rounded toward
 * zero to a whole step; the steps still missing go one at a time to the parts with the largest remainder (ties: the
 * recipient listed first). So no part is more than one step from its exact share, and the sum is the amount. A
 * negative amount splits the same way with every part negative. Weights are zero or more, and not all zero.
 * @param amount - the amount to split, in euros
 * @param weights - the key: a weight per recipient (inhabitants, a percentage, a share of the gemeentefonds)
 * @param options - the step of the parts
 * @returns the part of each recipient, in the order of `weights`
 * @throws MeerjarenError `invalid_amount` and the other amount codes at `amount` or `weights.<id>`, `invalid_value`
 * for a negative weight or all weights zero, `invalid_option` for a step of zero or less
 * @example
 * ```ts
 * import { distributeByKey } from 'meerjaren';
 *
 * // a GR contribution of € 1.000.000 over its members by inhabitants, in whole euros
 * const parts = distributeByKey('1000000', { zoetermeer: 125000, leidschendam: 77000, wassenaar: 27000 }, { step: 1 });
 * parts['zoetermeer']!.toFixed();   // "545851"
 * parts['leidschendam']!.toFixed(); // "336245"
 * parts['wassenaar']!.toFixed();    // "117904": the largest remainder (.93) takes the step left over
 * ```
 * @category Evaluation
 */
export function distributeByKey(amount: AmountInput, weights: Readonly<Record<string, AmountInput>>, options?: KeyOptions): Readonly<Record<string, Decimal>> {
  const issues = new IssueCollector();
  const step = stepOf(options, issues);
  const total = amountAt(amount, ['amount'], issues);
  const ids: string[] = [];
  const w: Decimal[] = [];
  if (!isObjectLike(weights) || Array.isArray(weights)) issues.add('invalid_argument', ['weights'], 'weights must be an object { recipient: weight }');
  else {
    for (const id of Object.keys(weights)) {
      const weight = amountAt(weights[id], ['weights', id], issues);
      if (weight === undefined) continue;
      if (weight.isNegative() && !weight.isZero()) issues.add('invalid_value', ['weights', id], `a weight is zero or more, not ${weight.toFixed()}`);
      ids.push(id);
      w.push(weight);
    }
    if (Object.keys(weights).length === 0) issues.add('invalid_value', ['weights'], 'a key needs at least one recipient');
  }
  const sum = w.reduce((a, b) => a.add(b), ZERO);
  if (ids.length > 0 && sum.isZero()) issues.add('invalid_value', ['weights'], 'the weights are all zero: there is nothing to split by');
  issues.throwIfAny();
  const rounded = roundToStep(total!, step);
  const exact = w.map((weight) => rounded.times(weight).div(sum));
  const parts = exact.map((share) => share.div(step).trunc().times(step));
  const missing = rounded.sub(parts.reduce((a, b) => a.add(b), ZERO)).div(step).abs().toNumber();
  const order = exact.map((share, i) => ({ i, rest: share.sub(parts[i]!).abs() })).sort((a, b) => b.rest.cmp(a.rest) || a.i - b.i);
  handOutSteps(parts, order.map((o) => o.i), missing, rounded.isNegative() ? step.neg() : step, false);
  return Object.freeze(Object.fromEntries(ids.map((id, i) => [id, noNegativeZero(parts[i]!)])));
}

/**
 * A path between the years it is known in (interpolatie): linear from each known year to the next, the last known
 * figure kept in the years after it, nothing before the first.
 *
 * @remarks
 * A year between known years `a` (figure `x`) and `b` (figure `z`) gets `x + (z - x) x (year - a) / (b - a)`,
 * computed exactly and rounded once to the step, half away from zero. Known years keep their figure (rounded to
 * the step).
 * @param known - the figures of the years it is known in, by year ("2023": "374000000")
 * @param years - the years of the path, `from` to `to` inclusive
 * @param options - the step of the figures
 * @returns the figure of every year from the first known year (or `from`, if later) to `to`
 * @throws MeerjarenError `invalid_year` for a key that is not a year, `invalid_amount` and the other amount codes at
 * `known.<year>`, `invalid_value` when nothing is known or `from` is after `to`
 * @example
 * ```ts
 * import { interpolatePath } from 'meerjaren';
 *
 * // the Hervormingsagenda Jeugd nationally: € 374 mln in 2023 rising to about € 1 bn from 2027
 * const path = interpolatePath({ 2023: '374000000', 2027: '1000000000' }, { from: 2023, to: 2029 }, { step: 1000 });
 * path['2025']!.toFixed(); // "687000000"
 * path['2029']!.toFixed(); // "1000000000"
 * ```
 * @category Evaluation
 */
export function interpolatePath(known: Readonly<Record<string, AmountInput>>, years: { readonly from: number; readonly to: number }, options?: KeyOptions): AmountPath {
  const issues = new IssueCollector();
  const step = stepOf(options, issues);
  const points: { year: number; value: Decimal }[] = [];
  if (!isObjectLike(known) || Array.isArray(known)) issues.add('invalid_argument', ['known'], 'known must be an object { year: amount }');
  else {
    for (const key of Object.keys(known)) {
      const year = Number(key);
      if (!/^\d{4}$/.test(key) || year < MIN_YEAR || year > MAX_YEAR) issues.add('invalid_year', ['known', key], `"${key}" is not a year such as 2027`);
      const value = amountAt(known[key], ['known', key], issues);
      if (value !== undefined) points.push({ year, value: roundToStep(value, step) });
    }
    if (Object.keys(known).length === 0) issues.add('invalid_value', ['known'], 'a path needs at least one known year');
  }
  const validYear = (y: unknown): y is number => Number.isSafeInteger(y) && (y as number) >= MIN_YEAR && (y as number) <= MAX_YEAR;
  if (!isObjectLike(years) || !validYear(years.from) || !validYear(years.to)) issues.add('invalid_argument', ['years'], `years must be { from, to }, whole years from ${MIN_YEAR} to ${MAX_YEAR}`);
  else if (years.from > years.to) issues.add('invalid_value', ['years'], `from ${years.from} is after to ${years.to}`);
  issues.throwIfAny();
  points.sort((a, b) => a.year - b.year);
  const path: Record<string, Decimal> = {};
  for (let year = Math.max(years.from, points[0]!.year); year <= years.to; year++) {
    const next = points.findIndex((p) => p.year >= year);
    if (next === -1) path[year] = points[points.length - 1]!.value;
    else if (points[next]!.year === year) path[year] = points[next]!.value;
    else {
      const a = points[next - 1]!;
      const b = points[next]!;
      path[year] = roundToStep(a.value.add(b.value.sub(a.value).times(year - a.year).div(b.year - a.year)), step);
    }
  }
  return Object.freeze(path);
}

/**
 * A path cumulated (cumulatief): each year the sum of its figure and every figure before it.
 * @param path - figures by year
 * @returns the running sums, by year in ascending order
 * @throws MeerjarenError `invalid_year` for a key that is not a year, the amount codes at `path.<year>`
 * @example
 * ```ts
 * import { cumulate } from 'meerjaren';
 *
 * // the Hervormingsagenda's extra savings for Zoetermeer: € 1 mln more each year
 * cumulate({ 2027: '1000000', 2028: '1000000', 2029: '1000000' })['2029']!.toFixed(); // "3000000"
 * ```
 * @category Evaluation
 */
export function cumulate(path: Readonly<Record<string, AmountInput>>): AmountPath {
  const issues = new IssueCollector();
  const entries: { year: number; value: Decimal }[] = [];
  if (!isObjectLike(path) || Array.isArray(path)) issues.add('invalid_argument', ['path'], 'path must be an object { year: amount }');
  else {
    for (const key of Object.keys(path)) {
      if (!/^\d{4}$/.test(key)) issues.add('invalid_year', ['path', key], `"${key}" is not a year such as 2027`);
      const value = amountAt(path[key], ['path', key], issues);
      if (value !== undefined) entries.push({ year: Number(key), value });
    }
  }
  issues.throwIfAny();
  entries.sort((a, b) => a.year - b.year);
  const out: Record<string, Decimal> = {};
  let sum = ZERO;
  for (const { year, value } of entries) out[year] = sum = noNegativeZero(sum.add(value));
  return Object.freeze(out);
}
