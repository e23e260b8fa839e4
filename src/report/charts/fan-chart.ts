/**
 * A percentile fan around a median saldo (waaierdiagram): the spread of simulated outcomes.
 *
 * @packageDocumentation
 */

import { IssueCollector } from '../../core/errors.js';
import { dataDecimals } from './format.js';
import { assembleChart, buildFrame, describeSeries, valueLabel, type Frame, type LegendItem } from './frame.js';
import { checkSeries, checkText, checkYears, resolveOptions, type ChartOptions, checkChartInput } from './options.js';
import { bandFill, BAND_FILLS, marker, ROLE_STYLES } from './palette.js';
import { el, fragment, linePath, num, type Markup } from './svg.js';

/** One percentile band, such as P5–P95 (bandbreedte). @category Reports */
export interface FanBand {
  /** Lower bound per year; `null` leaves a gap. */
  readonly lower: readonly (number | null)[];
  /** Upper bound per year; `null` leaves a gap. */
  readonly upper: readonly (number | null)[];
  /** Legend text, such as "P5–P95". */
  readonly label: string;
}

/** Input of {@link fanChart}. @category Reports */
export interface FanChartInput extends ChartOptions {
  /** Title above the chart. */
  readonly title: string;
  /** Unit label, such as "x € 1.000". */
  readonly unitLabel: string;
  /** The years, one median point per year. */
  readonly years: readonly (number | string)[];
  /** Percentile bands, in any order; the widest is drawn lightest and at the back. */
  readonly bands: readonly FanBand[];
  /** Median (P50) per year; `null` leaves a gap. */
  readonly median: readonly (number | null)[];
}

/**
 * Draws a percentile fan as SVG: nested shaded bands (for example P5–P95 and P25–P75) with
 * the median as a dark line with a point per year.
 *
 * @remarks
 * Bands are ordered by their average width: the widest is the lightest and lies at the back,
 * narrower bands are darker, so the nesting reads in grey too; the outermost band also has a
 * dashed outline. A year where a band's lower or upper bound is `null` breaks that band; a
 * lone year is drawn as a short vertical bar. Band elements have class `mj-band` and
 * `data-series="band-<index>"` (index as given); median points have class `mj-point` and
 * `data-series="median"`. Value labels (default off) print the median.
 *
 * @param input - title, unit label, years, bands, median and shared options
 * @returns the SVG document as a string
 * @throws MeerjarenError with every problem found
 *
 * @example
 * ```ts
 * import { fanChart } from 'meerjaren';
 *
 * fanChart({
 *   title: 'Saldo: spreiding van uitkomsten',
 *   unitLabel: 'x € 1.000',
 *   years: [2025, 2026],
 *   bands: [{ label: 'P5–P95', lower: [-900, -300], upper: [-300, 1000] }],
 *   median: [-609, 363],
 * });
 * ```
 * @category Reports
 */
export function fanChart(input: FanChartInput): string {
  const issues = new IssueCollector();
  checkChartInput('fanChart', input, ['title', 'unitLabel', 'years', 'bands', 'median'], issues);
  const options = resolveOptions('fan', input, input, issues);
  const title = checkText(input.title, ['title'], issues);
  const unitLabel = checkText(input.unitLabel, ['unitLabel'], issues);
  const years = checkYears(input.years, ['years'], issues);
  const median = checkSeries(input.median, years.length, ['median'], issues);
  const bands = readBands(input.bands, years.length, issues);
  issues.throwIfAny();

  const { texts, format } = options;
  const showValues = options.valueLabels ?? false;
  const decimals = dataDecimals([...median, ...bands.flatMap((b) => [...b.lower, ...b.upper])]);

  // Widest band first (back, lightest).
  const order = bands.map((band, index) => ({ band, index, width: averageWidth(band) })).sort((a, b) => b.width - a.width || a.index - b.index);
  const fillOf = new Map<string, string>(order.map((o, rank) => [o.band.key, bandFill(rank, bands.length)]));
  const outline = BAND_FILLS[BAND_FILLS.length - 1] ?? '#5c8fc0';
  const outermost = order[0]?.band.key;

  const legend: LegendItem[] = [
    ...bands.map(
      (band): LegendItem => ({
        key: band.key,
        label: band.label,
        swatch: {
          kind: 'box',
          fill: fillOf.get(band.key) ?? '#dddddd',
          stroke: band.key === outermost ? outline : (fillOf.get(band.key) ?? outline),
          dash: band.key === outermost ? '4 3' : undefined,
        },
      }),
    ),
    { key: 'median', label: texts.median, swatch: { kind: 'line', stroke: ROLE_STYLES.median.ink, marker: 'circle' } },
  ];
  const values = [...median, ...bands.flatMap((b) => [...b.lower, ...b.upper])].filter((v): v is number => v !== null);
  const frame = buildFrame({ options, title, unitLabel, categories: years, categoryAttr: 'data-year', values, legend, headroom: showValues });

  const bandLayers = order.map(({ band }) => drawBand(band, years, frame, fillOf.get(band.key) ?? '#dddddd', band.key === outermost ? outline : 'none', band.key === outermost));
  const medianLayer = drawMedian(median, years, frame, showValues, (v) => format(v, { decimals, role: 'value' }));

  const description =
    `${texts.kinds.fan}: ${title}. ${unitLabel}. ${texts.median}: ${describeSeries(years, median, options, decimals)}. ` +
    bands
      .map((band) => {
        const ranges = years.map((_, i) => {
          const lo = band.lower[i] ?? null;
          const hi = band.upper[i] ?? null;
          return lo === null || hi === null
            ? texts.noValue
            : `${format(lo, { decimals, role: 'value' })} … ${format(hi, { decimals, role: 'value' })}`;
        });
        return `${band.label}: ${years.map((year, i) => `${year}: ${ranges[i] ?? ''}`).join('; ')}`;
      })
      .join('. ');
  return assembleChart('fan', options, title, description, frame, undefined, fragment(...bandLayers, medianLayer));
}

interface Band {
  readonly label: string;
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
  readonly key: string;
}

/** Reads the bands, each with its key `band-<index>`. */
function readBands(input: readonly FanBand[], yearCount: number, issues: IssueCollector): Band[] {
  const rawBands: readonly unknown[] = Array.isArray(input) ? input : [];
  if (!Array.isArray(input)) {
    issues.add(input === undefined ? 'missing_field' : 'invalid_type', ['bands'], 'must be an array of bands');
  }
  return rawBands.map((raw, b) => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<FanBand>;
    if (typeof raw !== 'object' || raw === null) issues.add('invalid_type', ['bands', b], 'must be an object');
    return {
      label: checkText(item.label, ['bands', b, 'label'], issues),
      lower: checkSeries(item.lower, yearCount, ['bands', b, 'lower'], issues),
      upper: checkSeries(item.upper, yearCount, ['bands', b, 'upper'], issues),
      key: `band-${b}`,
    };
  });
}

/** The average width of a band over the years where both bounds are known. */
function averageWidth(band: Band): number {
  let sum = 0;
  let count = 0;
  band.lower.forEach((lo, i) => {
    const hi = band.upper[i] ?? null;
    if (lo !== null && hi !== null) {
      sum += Math.abs(hi - lo);
      count++;
    }
  });
  return count === 0 ? 0 : sum / count;
}

/** One band: a shape per run of years with both bounds, a lone year as a short vertical bar. */
function drawBand(band: Band, years: readonly string[], frame: Frame, fill: string, stroke: string, outermost: boolean): Markup {
  const { x, y } = frame;
  const segments: number[][] = [];
  let current: number[] = [];
  years.forEach((_, i) => {
    if ((band.lower[i] ?? null) !== null && (band.upper[i] ?? null) !== null) current.push(i);
    else if (current.length > 0) {
      segments.push(current);
      current = [];
    }
  });
  if (current.length > 0) segments.push(current);
  const shapes = segments.map((segment) => {
    const first = segment[0] ?? 0;
    const attrs = {
      class: 'mj-band',
      'data-series': band.key,
      'data-year': years[first],
      fill,
      stroke,
      'stroke-width': 1,
      'stroke-dasharray': outermost ? '4 3' : undefined,
    };
    if (segment.length === 1) {
      const lo = band.lower[first] ?? 0;
      const hi = band.upper[first] ?? 0;
      const top = y.toPixel(Math.max(lo, hi));
      return el('rect', { ...attrs, x: x.center(first) - 4, y: top, width: 8, height: Math.max(0, y.toPixel(Math.min(lo, hi)) - top) });
    }
    const upper = segment.map((i) => `${num(x.center(i))},${num(y.toPixel(band.upper[i] ?? 0))}`);
    const lower = [...segment].reverse().map((i) => `${num(x.center(i))},${num(y.toPixel(band.lower[i] ?? 0))}`);
    return el('path', { ...attrs, d: `M${upper.join('L')}L${lower.join('L')}Z` });
  });
  return el('g', { class: 'mj-series mj-fan-band', 'data-series': band.key }, ...shapes);
}

/** The median: a dark line with a point per year, and the value labels if asked. */
function drawMedian(median: readonly (number | null)[], years: readonly string[], frame: Frame, showValues: boolean, fmt: (v: number) => string): Markup {
  const { x, y } = frame;
  const d = linePath(median, (i) => x.center(i), (v) => y.toPixel(v));
  const points: Markup[] = [];
  const labels: Markup[] = [];
  median.forEach((v, i) => {
    if (v === null) return;
    const cx = x.center(i);
    const cy = y.toPixel(v);
    points.push(marker('circle', cx, cy, 7, ROLE_STYLES.median.ink, { class: 'mj-point', 'data-year': years[i], 'data-series': 'median', 'data-value': String(v) }));
    if (showValues) labels.push(valueLabel(cx, cy - (v >= 0 ? 3 : -3), v, fmt(v), { 'data-year': years[i], 'data-series': 'median' }));
  });
  return el(
  'g',
  { class: 'mj-series', 'data-series': 'median' },
  d === '' ? undefined : el('path', { class: 'mj-line', 'data-series': 'median', d, fill: 'none', stroke: ROLE_STYLES.median.ink, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }),
  ...points,
  ...labels,
);
}
