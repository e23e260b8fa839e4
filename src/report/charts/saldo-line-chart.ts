/**
 * Multi-year saldo per scenario as a line chart (saldoverloop per scenario).
 *
 * @packageDocumentation
 */

import { IssueCollector } from '../../core/errors.js';
import { dataDecimals } from './format.js';
import { assembleChart, buildFrame, describeSeries, valueLabel, type Frame, type LegendItem } from './frame.js';
import { checkDisplays, checkSeries, checkText, checkYears, resolveOptions, type ChartOptions, checkChartInput } from './options.js';
import { marker, seriesStyle } from './palette.js';
import { el, fragment, linePath, type Markup } from './svg.js';

/** One scenario's saldo per year (reeks). @category Reports */
export interface SaldoSeries {
  /** Scenario name, shown in the legend and used as `data-series`. */
  readonly name: string;
  /** One display value per year; `null` leaves a gap (no point, the line breaks). */
  readonly values: readonly (number | null)[];
  /** Preformatted value labels per year (exact figures from the model), used instead of the formatter. */
  readonly displays?: readonly (string | null)[];
}

/** Input of {@link saldoLineChart}. @category Reports */
export interface SaldoLineChartInput extends ChartOptions {
  /** Title above the chart. */
  readonly title: string;
  /** Unit label, such as "x € 1.000". */
  readonly unitLabel: string;
  /** The years (or column labels such as "TB1 2025"), one point per year. */
  readonly years: readonly (number | string)[];
  /** The scenarios, each one line with its own dash and marker. */
  readonly series: readonly SaldoSeries[];
}

/**
 * Draws the multi-year saldo per scenario as an SVG line chart (saldolijn).
 *
 * @remarks
 * One point per year and series, a line through consecutive points; `null` values leave gaps.
 * Value labels are shown by default when there is a single series (`valueLabels` overrides).
 * Positive = voordeel: the zero line marks a balanced saldo.
 *
 * @param input - title, unit label, years, series and shared chart options
 * @returns the SVG document as a string
 * @throws MeerjarenError with every problem found (codes `invalid_type`, `missing_field`,
 * `length_mismatch`, `invalid_value`, `amount_out_of_range`, `duplicate_year`, `duplicate_key`, ...)
 *
 * @example
 * ```ts
 * import { saldoLineChart } from 'meerjaren';
 *
 * const svg = saldoLineChart({
 *   title: 'Totaal saldo programma 2',
 *   unitLabel: 'x € 1.000',
 *   years: [2025, 2026, 2027],
 *   series: [{ name: 'Basis', values: [-609, 363, 533] }],
 * });
 * ```
 * @category Reports
 */
export function saldoLineChart(input: SaldoLineChartInput): string {
  const issues = new IssueCollector();
  checkChartInput('saldoLineChart', input, ['title', 'unitLabel', 'years', 'series'], issues);
  const options = resolveOptions('saldo', input, input, issues);
  const title = checkText(input.title, ['title'], issues);
  const unitLabel = checkText(input.unitLabel, ['unitLabel'], issues);
  const years = checkYears(input.years, ['years'], issues);
  const series = readSeries(input.series, years.length, issues);
  issues.throwIfAny();

  const showValues = options.valueLabels ?? series.length === 1;
  const decimals = dataDecimals(series.flatMap((s) => s.values));
  const legend: LegendItem[] = series.map((s, i) => {
    const style = seriesStyle(i);
    return { key: s.name, label: s.name, swatch: { kind: 'line', stroke: style.stroke, dash: style.dash, marker: style.marker } };
  });
  const frame = buildFrame({
    options,
    title,
    unitLabel,
    categories: years,
    categoryAttr: 'data-year',
    values: series.flatMap((s) => s.values.filter((v): v is number => v !== null)),
    legend,
    headroom: showValues,
  });
  const fmt = (v: number): string => options.format(v, { decimals, role: 'value' });
  const layers = series.map((s, i) => drawSeries(s, i, years, frame, showValues ? fmt : undefined));

  const description =
    `${options.texts.kinds.line}: ${title}. ${unitLabel}. ` +
    series.map((s) => `${s.name}: ${describeSeries(years, s.values, options, decimals, s.displays)}`).join('. ');
  // The first series (usually the base case) is drawn last, so it lies on top.
  return assembleChart('saldo', options, title, description, frame, undefined, fragment(...layers.reverse()));
}

interface Series {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly displays: ReturnType<typeof checkDisplays>;
}

/** Reads the series; a name may appear only once. */
function readSeries(input: readonly SaldoSeries[], yearCount: number, issues: IssueCollector): Series[] {
  const rawSeries: readonly unknown[] = Array.isArray(input) ? input : [];
  if (!Array.isArray(input)) {
    issues.add(input === undefined ? 'missing_field' : 'invalid_type', ['series'], 'must be an array of series');
  }
  const names = new Set<string>();
  return rawSeries.map((raw, s) => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<SaldoSeries>;
    if (typeof raw !== 'object' || raw === null) issues.add('invalid_type', ['series', s], 'must be an object');
    const name = checkText(item.name, ['series', s, 'name'], issues);
    if (names.has(name)) issues.add('duplicate_key', ['series', s, 'name'], `series name "${name}" appears twice`);
    names.add(name);
    const values = checkSeries(item.values, yearCount, ['series', s, 'values'], issues);
    const displays = checkDisplays(item.displays, yearCount, ['series', s, 'displays'], issues);
    return { name, values, displays };
  });
}

/** One series: its line, a marker per year and (when `fmt` is given) the value labels. */
function drawSeries(s: Series, i: number, years: readonly string[], frame: Frame, fmt: ((v: number) => string) | undefined): Markup {
  const { x, y } = frame;
  const style = seriesStyle(i);
  const d = linePath(s.values, (j) => x.center(j), (v) => y.toPixel(v));
  const line =
    d === ''
      ? undefined
      : el('path', {
          class: 'mj-line',
          'data-series': s.name,
          d,
          fill: 'none',
          stroke: style.stroke,
          'stroke-width': 2.5,
          'stroke-dasharray': style.dash,
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
        });
  const points: Markup[] = [];
  const labels: Markup[] = [];
  s.values.forEach((v, j) => {
    if (v === null) return;
    const year = years[j] ?? '';
    const cx = x.center(j);
    const cy = y.toPixel(v);
    points.push(
      marker(style.marker, cx, cy, 8, style.stroke, {
        class: 'mj-point',
        'data-year': year,
        'data-series': s.name,
        'data-value': String(v),
      }),
    );
    if (fmt !== undefined) {
      const shown = s.displays?.[j];
      const label = typeof shown === 'string' ? shown : fmt(v);
      labels.push(valueLabel(cx, cy - (v >= 0 ? 3 : -3), v, label, { 'data-year': year, 'data-series': s.name }));
    }
  });
  return el('g', { class: 'mj-series', 'data-series': s.name }, line, ...points, ...labels);
}
