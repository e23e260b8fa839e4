/**
 * Series of drivers: the exact value per year of an expression over indicators, parameters and the money of
 * rows, such as the cost per youth of goal 2.1 (`-[2.1] / jeugdigen`).
 * @packageDocumentation
 */
import type { Decimal } from '../core/decimal.js';
import { IssueCollector } from '../core/errors.js';
import { addFractions, fitsPlaces, fractionOf, roundFraction, type Fraction } from '../core/fraction.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { arrayOf, integer, readOptions, requireString } from '../core/guard.js';
import { deepFreeze } from '../core/freeze.js';
import { isPm, type Budget } from '../model/budget.js';
import { evaluateExpression, namesOf, parseExpression, referencesOf, type Expression } from '../model/driver-expression.js';
import { driverLookup } from '../model/driver-values.js';
import { requireBudget } from '../validate/admit.js';

/** Options of {@link driverSeries}. @category Evaluation */
export interface DriverSeriesOptions {
  /** Decimal places of the rounded `value` (half-up); the exact fraction is kept beside it. @defaultValue 2 */
  readonly places?: number;
  /** The years; indicators may have years outside the horizon (a realisation). @defaultValue the horizon's years */
  readonly years?: readonly number[];
}

/** One year of a {@link DriverSeries}. @category Evaluation */
export interface DriverValue {
  /** The exact value, a fraction (97.406.000 / 4.525 does not end as a decimal). */
  readonly exact: Fraction;
  /** The value rounded half-up to the option's `places`, for display. */
  readonly value: Decimal;
  /** Whether `value` differs from `exact` (the rounding changed it). */
  readonly rounded: boolean;
}

/** The values per year of an expression over drivers and rows (reeks). A frozen value. @category Evaluation */
export interface DriverSeries {
  /** The expression. */
  readonly expression: string;
  /** The years asked for. */
  readonly years: readonly number[];
  /** The value in each year in which every name and row has one ("2026"); other years are absent. */
  readonly values: Readonly<Record<string, DriverValue>>;
}

const MAX_PLACES = 12;

/** The money of every row per year: a line's own row plus its components, a component's own cell; a pm leaves the year without a value. */
function rowMoney(budget: Budget): Map<string, Map<number, Fraction | undefined>> {
  const rows = new Map<string, Map<number, Fraction | undefined>>();
  const add = (id: string, year: number, cell: unknown): void => {
    let row = rows.get(id);
    if (row === undefined) rows.set(id, (row = new Map()));
    if (row.has(year) && row.get(year) === undefined) return;
    if (cell === undefined) return;
    if (isPm(cell as never)) {
      row.set(year, undefined);
      return;
    }
    const part = fractionOf(cell as Decimal);
    const before = row.get(year);
    row.set(year, before === undefined ? part : addFractions(before, part));
  };
  for (const section of budget.sections) {
    for (const line of section.lines) {
      if (!rows.has(line.id)) rows.set(line.id, new Map());
      for (const year of budget.horizon.years) {
        add(line.id, year, line.values[year]);
        for (const c of line.components) add(line.id, year, c.values[year]);
      }
      for (const c of line.components) {
        if (!rows.has(c.id)) rows.set(c.id, new Map());
        for (const year of budget.horizon.years) add(c.id, year, c.values[year]);
      }
    }
  }
  return rows;
}

/**
 * The value per year of an expression over the budget's indicators and dated parameters and the money of its rows
 * (`[2.1]`: a line's own row plus its components, in euros as the effect on the saldo), computed exactly as a
 * fraction and rounded half-up for display. The grammar is that of formulas (numbers, names, `+ - * /`, unary minus,
 * parentheses), with row references besides. A year in which a name or row has no value (or a row is pm) has no
 * value.
 *
 * @param budget - the budget
 * @param expression - the expression, such as `-[2.1] / jeugdigen`
 * @param options - places of the rounded value, the years
 * @throws MeerjarenError `invalid_expression` at `expression`; `unknown_reference` (a name no driver has, a row the
 * budget has not); `division_by_zero` (the year in the message)
 * @example
 * ```ts
 * import { budget, driverSeries } from 'meerjaren';
 *
 * const jeugd = budget({ title: 'Programma 2', unit: 'thousand', horizon: { from: 2026, to: 2027 } })
 *   .section('2', 'Samen leven en ondersteunen')
 *   .line('2.1', 'Jeugdhulp', [-97406, -96699], { nature: 'structural' })
 *   .drivers({ indicators: [{ id: 'jeugdigen', title: 'Jeugdigen', unit: 'jeugdigen', values: { 2026: 4525, 2027: 4000 } }] })
 *   .build();
 *
 * const perYouth = driverSeries(jeugd, '-[2.1] / jeugdigen');
 * perYouth.values['2026']!.value.toFixed(2); // "21526.19" (exactly 97.406.000 / 4.525)
 * perYouth.values['2027']!.value.toFixed(2); // "24174.75"
 * ```
 * @category Evaluation
 */
export function driverSeries(budget: Budget, expression: string, options: DriverSeriesOptions = {}): DriverSeries {
  const checked = requireBudget('driverSeries', 'budget', budget);
  requireString('driverSeries', 'expression', expression);
  options = readOptions('driverSeries', options, {
    places: integer({ min: 0, max: MAX_PLACES }),
    years: arrayOf(integer({ min: MIN_YEAR, max: MAX_YEAR }), { maxLength: MAX_YEAR - MIN_YEAR + 1 }),
  });
  const collector = new IssueCollector();
  const parsed = parseExpression(expression, true);
  if (!parsed.ok) {
    collector.add('invalid_expression', ['expression'], parsed.message);
    return collector.throwIfAny() as never;
  }
  const drivers = checked.drivers ?? { indicators: [], parameters: [], formulas: [] };
  const names = driverLookup(drivers);
  const money = rowMoney(checked);
  const unknown = namesOf(parsed.expression).filter((n) => !names.has(n));
  if (unknown.length > 0) collector.add('unknown_reference', ['expression'], `no indicator or parameter ${unknown.map((n) => `"${n}"`).join(', ')}`);
  const rowsNamed = rowRefs(parsed.expression);
  const missingRows = rowsNamed.filter((r) => !money.has(r));
  if (missingRows.length > 0) collector.add('unknown_reference', ['expression'], `no line or component ${missingRows.map((r) => `[${r}]`).join(', ')} in the budget`);
  collector.throwIfAny();
  const places = options.places ?? 2;
  const years = [...new Set(options.years ?? checked.horizon.years)];
  const values: Record<string, DriverValue> = {};
  for (const year of years) {
    const result = evaluateExpression(parsed.expression, (name, row) => (row ? money.get(name)?.get(year) : names.value(name, year)));
    if (result.kind === 'division-by-zero') collector.add('division_by_zero', ['expression'], `${expression} in ${year}: division by zero at column ${result.at + 1}`);
    if (result.kind !== 'value') continue;
    values[String(year)] = { exact: result.value, value: roundFraction(result.value, places), rounded: !fitsPlaces(result.value, places) };
  }
  collector.throwIfAny();
  return deepFreeze({ expression, years, values });
}

/** The row ids an expression refers to. */
function rowRefs(expression: Expression): string[] {
  return referencesOf(expression, 'row');
}
