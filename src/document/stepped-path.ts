import { Dec, plainString, type Decimal } from '../core/decimal.js';
import { fail } from '../core/errors.js';
import { either, integer, object, requireOptions, text } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';

/** Options of {@link steppedPath}. @category Savings */
export interface SteppedPathOptions {
  /** The amounts of the first years as written, exact strings or safe integers: `{ 2025: '3', 2026: '7' }`. */
  readonly start: Readonly<Record<number | string, string | number>>;
  /** What each later year adds to the one before (may be negative or `'0'`). */
  readonly step: string | number;
  /** The last year of the path. */
  readonly to: number;
}

function exact(value: string | number, where: string): Decimal {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) fail('imprecise_number', [where], `write ${String(value)} as a string`);
  const text = String(value).trim();
  if (!/^[+-]?\d+(?:\.\d+)?$/.test(text)) fail('invalid_amount', [where], `"${text}" is not a plain decimal amount`);
  return new Dec(text);
}

/**
 * A target path written as one expression (oplopend pad): given amounts for the first years, then a fixed step
 * each year. "EUR 3 mln in 2025, EUR 7 mln in 2026 and then EUR 1 mln more each year" is
 * `steppedPath({ start: { 2025: '3', 2026: '7' }, step: '1', to: 2031 })`, giving
 * `{ 2025: '3', 2026: '7', 2027: '8', 2028: '9', 2029: '10', 2030: '11', 2031: '12' }` as exact strings in the unit
 * you write them in (use it as a target's `path`).
 * @param options - the first years, the step and the last year
 * @throws MeerjarenError (`invalid_year`, `invalid_amount`, `imprecise_number`) for a bad year or amount
 * @example
 * ```ts
 * import { steppedPath } from 'meerjaren';
 *
 * steppedPath({ start: { 2025: '3', 2026: '7' }, step: '1', to: 2031 });
 * // { 2025: "3", 2026: "7", 2027: "8", 2028: "9", 2029: "10", 2030: "11", 2031: "12" }
 * ```
 * @category Savings
 */
export function steppedPath(options: SteppedPathOptions): Readonly<Record<string, string>> {
  const amount = either(text({ nonEmpty: true }), integer());
  requireOptions('steppedPath', options, { start: object(), step: amount, to: integer({ min: MIN_YEAR, max: MAX_YEAR }) }, ['start', 'step', 'to']);
  const years = Object.keys(options.start).map(Number).sort((a, b) => a - b);
  if (years.length === 0 || years.some((y) => !Number.isInteger(y))) fail('invalid_year', ['start'], 'start needs at least one year, written as a whole number');
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? 0;
  if (years.length !== last - first + 1) fail('invalid_year', ['start'], 'the start years must follow each other without a gap');
  if (!Number.isInteger(options.to) || options.to < last || options.to - first > 200) fail('invalid_year', ['to'], `to must be a year from ${last}`);
  const step = exact(options.step, 'step');
  const out: Record<string, string> = {};
  let current = new Dec(0);
  for (let y = first; y <= options.to; y++) {
    const given = options.start[y] ?? options.start[String(y)];
    current = given === undefined ? current.plus(step) : exact(given, `start.${y}`);
    out[String(y)] = plainString(current);
  }
  return Object.freeze(out);
}
