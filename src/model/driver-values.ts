/**
 * The arithmetic of drivers: a dated parameter's value in a year, and the values of the driven rows. Exact:
 * fractions over BigInt; a driven row's value is rounded once, half-up to whole cents.
 * @packageDocumentation
 */
import { addFractions, fraction, fractionOf, fitsPlaces, roundFraction, type Fraction } from '../core/fraction.js';
import type { Decimal } from '../core/decimal.js';
import type { IssueCode, Path } from '../core/errors.js';
import { checkRange } from '../core/amount.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { DRIVEN_PLACES, type Drivers, type Parameter } from './drivers.js';
import { evaluateExpression, namesOf, parseExpression, type Expression } from './driver-expression.js';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number (days since 1970-01-01) of a `yyyy-mm-dd` date, or undefined when it is not a real date. @internal */
export function dayNumber(date: string): number | undefined {
  const m = DATE.exec(date);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / DAY_MS;
}

/** Whether a text is a period's date: a real day `yyyy-mm-dd` in the years 1900..2200. @internal */
export function isPeriodDate(text: unknown): text is string {
  if (typeof text !== 'string' || dayNumber(text) === undefined) return false;
  const year = Number(text.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The days of a year: 365, or 366 in a leap year. @internal */
export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
}

/**
 * The number of days of each period inside a year (periods by increasing date; the last runs on).
 * @internal
 */
export function periodDays(parameter: Parameter, year: number): number[] {
  const start = Date.UTC(year, 0, 1) / DAY_MS;
  const end = Date.UTC(year + 1, 0, 1) / DAY_MS;
  return parameter.periods.map((p, i) => {
    const from = dayNumber(p.from) ?? Infinity;
    const next = parameter.periods[i + 1];
    const to = next === undefined ? Infinity : (dayNumber(next.from) ?? Infinity);
    return Math.max(0, Math.min(end, to) - Math.max(start, from));
  });
}

/**
 * A dated parameter's value in a year, exactly, by its {@link Parameter.rule}; undefined when the year ends before
 * the first period.
 * @internal
 */
export function parameterYearFraction(parameter: Parameter, year: number): Fraction | undefined {
  const days = periodDays(parameter, year);
  if (days.every((d) => d === 0)) return undefined;
  // value x days of each period: exact (a value has at most 6 decimals, a year at most 366 days)
  const sum = parameter.periods.reduce((total, p, i) => addFractions(total, fractionOf(p.value.times(days[i]!))), fraction(0n, 1n));
  return parameter.rule === 'per-day' ? sum : fraction(sum.numerator, sum.denominator * BigInt(daysInYear(year)));
}

/** A problem found while computing driven rows, with its path. @internal */
export interface DriverProblem {
  /** Index of the formula. */
  readonly formula: number;
  readonly code: IssueCode;
  readonly path: Path;
  readonly message: string;
}

/** The value of a name in a year, exactly: an indicator's value, or a parameter's year value. @internal */
export type DriverLookup = (name: string, year: number) => Fraction | undefined;

/** How drivers' names are looked up: one map, names shared by indicators and parameters. @internal */
export function driverLookup(drivers: Drivers): { has: (name: string) => boolean; value: DriverLookup } {
  const indicators = new Map(drivers.indicators.map((i) => [i.id, i] as const));
  const parameters = new Map(drivers.parameters.map((p) => [p.id, p] as const));
  const memo = new Map<string, Fraction | undefined>();
  return {
    has: (name) => indicators.has(name) || parameters.has(name),
    value: (name, year) => {
      const key = `${year}:${name}`;
      if (memo.has(key)) return memo.get(key);
      const indicator = indicators.get(name);
      let value: Fraction | undefined;
      if (indicator !== undefined) {
        const v = Object.hasOwn(indicator.values, String(year)) ? indicator.values[String(year)] : undefined;
        value = v === undefined ? undefined : fractionOf(v);
      } else {
        const parameter = parameters.get(name);
        value = parameter === undefined ? undefined : parameterYearFraction(parameter, year);
      }
      memo.set(key, value);
      return value;
    },
  };
}

/** The value of one driven row in one year: the exact fraction, the amount in euros (whole cents) and whether rounding changed it. @internal */
export interface DrivenCell {
  readonly exact: Fraction;
  readonly amount: Decimal;
  readonly rounded: boolean;
}

/**
 * The values of every driven row, per year of `years`: each formula's expression evaluated exactly, then rounded
 * half-up to whole cents ({@link DRIVEN_PLACES}; a value with at most two decimals, as every product of amounts in
 * cents and whole volumes, is unchanged). A year in which a name has no value gives the row no value that year.
 * Problems (a bad expression, an unknown name, a division by zero, an amount beyond the limits, a formula for a row
 * twice) are returned with their paths under `path` (`formulas[i].expression`).
 * @internal
 */
export function drivenRowValues(
  drivers: Drivers,
  years: readonly number[],
  path: Path,
): { rows: Map<string, Map<number, DrivenCell>>; problems: DriverProblem[] } {
  const problems: DriverProblem[] = [];
  const rows = new Map<string, Map<number, DrivenCell>>();
  const names = driverLookup(drivers);
  drivers.formulas.forEach((formula, i) => {
    const at: Path = [...path, 'formulas', i, 'expression'];
    const parsed = parseExpression(formula.expression, false);
    if (!parsed.ok) {
      problems.push({ formula: i, code: 'invalid_expression', path: at, message: `the formula of ${formula.row}: ${parsed.message}` });
      return;
    }
    const unknown = namesOf(parsed.expression).filter((n) => !names.has(n));
    if (unknown.length > 0) {
      problems.push({ formula: i, code: 'unknown_reference', path: at, message: `the formula of ${formula.row} names ${unknown.map((n) => `"${n}"`).join(', ')}: no indicator or parameter has that id` });
      return;
    }
    if (rows.has(formula.row)) {
      problems.push({ formula: i, code: 'duplicate_id', path: [...path, 'formulas', i, 'row'], message: `the row ${formula.row} has a formula already` });
      return;
    }
    const cells = new Map<number, DrivenCell>();
    rows.set(formula.row, cells);
    for (const year of years) {
      const cell = drivenCell(parsed.expression, year, names.value);
      if (cell === undefined) continue;
      if ('problem' in cell) {
        problems.push({ formula: i, code: cell.code, path: at, message: `the formula of ${formula.row} in ${year}: ${cell.problem}` });
        continue;
      }
      cells.set(year, cell);
    }
  });
  return { rows, problems };
}

function drivenCell(expression: Expression, year: number, value: DriverLookup): DrivenCell | { code: IssueCode; problem: string } | undefined {
  const result = evaluateExpression(expression, (name) => value(name, year));
  if (result.kind === 'missing') return undefined;
  if (result.kind === 'division-by-zero') return { code: 'division_by_zero', problem: `division by zero at column ${result.at + 1}` };
  const amount = roundFraction(result.value, DRIVEN_PLACES);
  const range = checkRange(amount);
  if (!range.ok) return { code: 'amount_out_of_range', problem: range.message };
  return { exact: result.value, amount, rounded: !fitsPlaces(result.value, DRIVEN_PLACES) };
}
