/**
 * The indicator table: indicators, dated parameters and series of drivers per year with their units, as a report
 * {@link Table} for the shared renderers. Never a total row: indicators are not money and are never summed.
 * @module
 */
import { deepFreeze } from '../core/freeze.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { arrayOf, integer, objectWith, readOptions, text, type OptionCheck } from '../core/guard.js';
import type { Budget } from '../model/budget.js';
import { driverSeries } from '../evaluate/drivers.js';
import { requireBudget } from '../validate/admit.js';
import type { Table, TableCell, TableRow } from './table.js';

/** A series shown as a row of the {@link indicatorTable}: an expression over drivers and rows. @category Reports */
export interface IndicatorTableSeries {
  /** Label of the row ("Kosten per jeugdige"). */
  readonly label: string;
  /** Unit shown after the label ("EUR per jeugdige"). */
  readonly unit: string;
  /** The expression, as for `driverSeries` (`-[2.1] / jeugdigen`). */
  readonly expression: string;
}

/** Options of {@link indicatorTable}. @category Reports */
export interface IndicatorTableOptions {
  /** Title. @defaultValue 'Indicatoren' */
  readonly title?: string;
  /** The years (columns). @defaultValue the horizon's years */
  readonly years?: readonly number[];
  /** Rows of derived series after the indicators and parameters (kosten per jeugdige). */
  readonly series?: readonly IndicatorTableSeries[];
}

const SERIES_FIELDS = ['label', 'unit', 'expression'] as const;
const seriesShape = objectWith(SERIES_FIELDS, 'a series { label, unit, expression }');
const seriesText = text();
/** A series: an object with the three texts, and no other key. */
const seriesCheck: OptionCheck = (value, path, collector) => {
  seriesShape(value, path, collector);
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    if (!(SERIES_FIELDS as readonly string[]).includes(key)) collector.add('unknown_option', [...path, key], `unknown field "${key}" of a series (label, unit, expression)`);
  }
  for (const key of SERIES_FIELDS) if (Object.hasOwn(value, key)) seriesText((value as Record<string, unknown>)[key], [...path, key], collector);
};

const NIL: TableCell = { amount: undefined, pm: false };
/** Decimals of the cells: the exact value rounded half-up to 12 decimals; the renderers round it for display. */
const CELL_PLACES = 12;

/**
 * The indicators and dated parameters of a budget per year, with their units, and any derived series (an expression
 * over drivers and rows, such as the cost per youth), as a report {@link Table}: one row per indicator ("Jeugdigen
 * (jeugdigen)"), one per parameter (its value in each year by its rule: "Normvergoeding (EUR per plaats per dag,
 * som over de dagen)"), one per series. No total row: an indicator is never summed into a saldo.
 *
 * @remarks
 * Render it in euros so nothing is scaled (`renderText(table, { unit: 'euro' })`), with the decimals the figures
 * need. A cell holds the exact value rounded half-up to 12 decimals; a year without a value is blank.
 * @param budget - a budget with drivers
 * @param options - title, years, series
 * @throws MeerjarenError as `driverSeries` for a series; `invalid_option` for a bad option
 * @example
 * ```ts
 * import { budget, indicatorTable, renderText } from 'meerjaren';
 *
 * const jeugd = budget({ title: 'Programma 2', unit: 'thousand', horizon: { from: 2026, to: 2027 } })
 *   .section('2', 'Samen leven en ondersteunen')
 *   .line('2.1', 'Jeugdhulp', [-97406, -96699], { nature: 'structural' })
 *   .drivers({ indicators: [{ id: 'jeugdigen', title: 'Jeugdigen', unit: 'jeugdigen', values: { 2026: 4525, 2027: 4000 } }] })
 *   .build();
 * const table = indicatorTable(jeugd, { series: [{ label: 'Kosten per jeugdige', unit: 'EUR', expression: '-[2.1] / jeugdigen' }] });
 * console.log(renderText(table, { unit: 'euro' }));
 * // "Jeugdigen (jeugdigen)   4.525   4.000", "Kosten per jeugdige (EUR)   21.526   24.175"
 * ```
 * @category Reports
 */
export function indicatorTable(budget: Budget, options: IndicatorTableOptions = {}): Table {
  const checked = requireBudget('indicatorTable', 'budget', budget);
  options = readOptions('indicatorTable', options, {
    title: text(),
    years: arrayOf(integer({ min: MIN_YEAR, max: MAX_YEAR }), { maxLength: MAX_YEAR - MIN_YEAR + 1 }),
    series: arrayOf(seriesCheck, { maxLength: 1000 }),
  });
  const years = [...new Set(options.years ?? checked.horizon.years)];
  const drivers = checked.drivers;
  const rows: TableRow[] = [];
  const row = (id: string, label: string, expression: string): void => {
    const series = driverSeries(checked, expression, { years, places: CELL_PLACES });
    const cells = years.map((y): TableCell => {
      const v = series.values[String(y)];
      return v === undefined ? NIL : { amount: v.value, pm: false };
    });
    rows.push({ id, label, kind: 'line', depth: 0, cells });
  };
  for (const indicator of drivers?.indicators ?? []) row(`indicator:${indicator.id}`, `${indicator.title} (${indicator.unit})`, indicator.id);
  for (const parameter of drivers?.parameters ?? []) {
    const rule = parameter.rule === 'per-day' ? 'som over de dagen' : 'gemiddelde over de dagen';
    row(`parameter:${parameter.id}`, `${parameter.title} (${parameter.unit}, ${rule})`, parameter.id);
  }
  (options.series ?? []).forEach((s, i) => row(`series:${i}`, `${s.label} (${s.unit})`, s.expression));
  return deepFreeze({
    title: options.title ?? 'Indicatoren',
    columns: years.map((y) => ({ key: String(y), label: String(y) })),
    rows,
    labelHeader: 'Indicator',
  });
}
