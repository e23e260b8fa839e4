/**
 * A savings target against what measures realise (taakstelling en realisatie).
 *
 * @packageDocumentation
 */

import { IssueCollector } from '../../core/errors.js';
import { dataDecimals } from './format.js';
import { assembleChart, buildFrame, describeSeries, valueLabel, type Frame, type LegendItem } from './frame.js';
import { checkSeries, checkText, checkYears, resolveOptions, type ChartOptions, checkChartInput, type ResolvedOptions } from './options.js';
import { defsFor, fillValue, marker, ROLE_STYLES } from './palette.js';
import { el, fragment, linePath, type Markup } from './svg.js';

/** Input of {@link targetChart}. @category Reports */
export interface TargetChartInput extends ChartOptions {
  /** Title above the chart. */
  readonly title: string;
  /** Unit label, such as "x € 1.000". */
  readonly unitLabel: string;
  /** The years, one group of bars per year. */
  readonly years: readonly (number | string)[];
  /** The booked target per year (taakstelling), as savings (usually positive); `null` = none. */
  readonly target: readonly (number | null)[];
  /** Savings realised (or expected) by the measures per year, in the same sign; `null` = unknown. */
  readonly realised: readonly (number | null)[];
  /** Savings planned by the measures per year (ingevuld), drawn as a dashed line; `null` = gap. */
  readonly planned?: readonly (number | null)[];
}

/**
 * Draws a savings target (taakstelling) against realised savings as an SVG bar chart.
 *
 * @remarks
 * Per year: a wide, light, outlined bar for the target and a narrower dark bar inside it for
 * what the measures realise. The gap (target − realised) is the hatched part of the target
 * bar (class `mj-gap`, `data-value` = the gap); savings beyond the target show as a dotted
 * `mj-surplus` part. A shortfall is a realised value closer to zero than the target, in the
 * target's direction, so the chart works for targets written as positive savings or as
 * negative saldo effects. Planned savings, if given, are a dashed line with diamond markers.
 * Value labels (default on) print the shortfall per year (target − realised, as a size) or
 * the surplus with a plus sign.
 *
 * @param input - title, unit label, years, target, realised, optional planned and shared options
 * @returns the SVG document as a string
 * @throws MeerjarenError with every problem found
 *
 * @example
 * ```ts
 * import { targetChart } from 'meerjaren';
 *
 * targetChart({
 *   title: 'Taakstelling Hervormingsagenda Jeugd',
 *   unitLabel: 'x € 1.000',
 *   years: [2025, 2026, 2027],
 *   target: [3000, 7000, 8000],
 *   realised: [2500, 5000, 6800],
 * });
 * ```
 * @category Reports
 */
export function targetChart(input: TargetChartInput): string {
  const issues = new IssueCollector();
  checkChartInput('targetChart', input, ['title', 'unitLabel', 'years', 'target', 'realised', 'planned'], issues);
  const options = resolveOptions('target', input, input, issues);
  const title = checkText(input.title, ['title'], issues);
  const unitLabel = checkText(input.unitLabel, ['unitLabel'], issues);
  const years = checkYears(input.years, ['years'], issues);
  const target = checkSeries(input.target, years.length, ['target'], issues);
  const realised = checkSeries(input.realised, years.length, ['realised'], issues);
  const planned = input.planned === undefined ? undefined : checkSeries(input.planned, years.length, ['planned'], issues);
  issues.throwIfAny();


  const { texts, format } = options;
  const showValues = options.valueLabels ?? true;
  const decimals = dataDecimals([...target, ...realised, ...(planned ?? [])]);
  const fmt = (v: number): string => format(v, { decimals, role: 'value' });
  const styles = STYLES;
  const fill = (key: StyleKey): string => fillValue(options.id, key, styles[key]);

  const hasSurplus = years.some((_, i) => gapOf(target[i] ?? null, realised[i] ?? null)?.kind === 'surplus');
  const legend = targetLegend(texts, fill, hasSurplus, planned !== undefined);
  const values = [...target, ...realised, ...(planned ?? [])].filter((v): v is number => v !== null);
  const frame = buildFrame({ options, title, unitLabel, categories: years, categoryAttr: 'data-year', values, legend, headroom: showValues });
  const { targetBars, realisedBars, gaps, surpluses, labels } = drawBars(years, target, realised, frame, fill, showValues, fmt);
  const plannedLayer = planned === undefined ? undefined : drawPlanned(years, planned, frame);

  const gapsPerYear = years.map((_, i) => {
    const t = target[i] ?? null;
    const r = realised[i] ?? null;
    return t === null || r === null ? null : t - r;
  });
  const description =
    `${texts.kinds.target}: ${title}. ${unitLabel}. ` +
    `${texts.target}: ${describeSeries(years, target, options, decimals)}. ` +
    `${texts.realised}: ${describeSeries(years, realised, options, decimals)}. ` +
    (planned === undefined ? '' : `${texts.planned}: ${describeSeries(years, planned, options, decimals)}. `) +
    `${texts.gap}: ${describeSeries(years, gapsPerYear, options, decimals)}`;
  return assembleChart(
    'target',
    options,
    title,
    description,
    frame,
    defsFor(options.id, styles),
    fragment(
      el('g', { class: 'mj-series', 'data-series': 'target' }, ...targetBars),
      el('g', { class: 'mj-gaps' }, ...gaps),
      el('g', { class: 'mj-series', 'data-series': 'realised' }, ...realisedBars),
      el('g', { class: 'mj-surpluses' }, ...surpluses),
      plannedLayer,
      el('g', { class: 'mj-value-labels' }, ...labels),
    ),
  );
}

const STYLES = { target: ROLE_STYLES.target, realised: ROLE_STYLES.realised, gap: ROLE_STYLES.gap, surplus: ROLE_STYLES.surplus };
type StyleKey = keyof typeof STYLES;

/** The legend: target, realised and gap; surplus when some year has one; planned when given. */
function targetLegend(texts: ResolvedOptions['texts'], fill: (key: StyleKey) => string, hasSurplus: boolean, hasPlanned: boolean): LegendItem[] {
  const styles = STYLES;
  const legend: LegendItem[] = [
    { key: 'target', label: texts.target, swatch: { kind: 'box', fill: fill('target'), stroke: styles.target.ink } },
    { key: 'realised', label: texts.realised, swatch: { kind: 'box', fill: fill('realised'), stroke: styles.realised.ink } },
    { key: 'gap', label: texts.gap, swatch: { kind: 'box', fill: fill('gap'), stroke: styles.gap.ink } },
  ];
  if (hasSurplus) {
    legend.push({ key: 'surplus', label: texts.surplus, swatch: { kind: 'box', fill: fill('surplus'), stroke: styles.surplus.ink } });
  }
  if (hasPlanned) {
    legend.push({
      key: 'planned',
      label: texts.planned,
      swatch: { kind: 'line', stroke: ROLE_STYLES.planned.ink, dash: '7 4', marker: 'diamond', width: 2 },
    });
  }
  return legend;
}

/** The bars of each year (target, realised, the gap or surplus between them) and the value labels. */
function drawBars(
  years: readonly string[],
  target: readonly (number | null)[],
  realised: readonly (number | null)[],
  frame: Frame,
  fill: (key: StyleKey) => string,
  showValues: boolean,
  fmt: (v: number) => string,
): { targetBars: Markup[]; realisedBars: Markup[]; gaps: Markup[]; surpluses: Markup[]; labels: Markup[] } {
  const styles = STYLES;
  const { x, y } = frame;
  const wide = Math.max(3, Math.min(72, x.bandWidth * 0.66));
  const narrow = Math.max(2, wide * 0.5);

  const targetBars: Markup[] = [];
  const realisedBars: Markup[] = [];
  const gaps: Markup[] = [];
  const surpluses: Markup[] = [];
  const labels: Markup[] = [];
  const rect = (cx: number, w: number, a: number, b: number): { x: number; y: number; width: number; height: number } => {
    const top = y.toPixel(Math.max(a, b));
    return { x: cx - w / 2, y: top, width: w, height: Math.max(0, y.toPixel(Math.min(a, b)) - top) };
  };
  years.forEach((year, i) => {
    const cx = x.center(i);
    const t = target[i] ?? null;
    const r = realised[i] ?? null;
    if (t !== null) {
      targetBars.push(
        el('rect', {
          class: 'mj-bar mj-bar-target',
          'data-year': year,
          'data-series': 'target',
          'data-value': String(t),
          ...rect(cx, wide, 0, t),
          fill: fill('target'),
          stroke: styles.target.ink,
          'stroke-width': 1.2,
        }),
      );
    }
    const gap = gapOf(t, r);
    if (gap !== undefined && t !== null && r !== null) {
      const s = gap.kind === 'gap' ? 'gap' : 'surplus';
      (gap.kind === 'gap' ? gaps : surpluses).push(
        el('rect', {
          class: `mj-${s}`,
          'data-year': year,
          'data-series': s,
          'data-value': String(t - r),
          ...rect(cx, gap.kind === 'gap' ? wide : narrow, t, r),
          fill: fill(s),
          stroke: styles[s].ink,
          'stroke-width': 1,
        }),
      );
      if (showValues) {
        const outward = Math.abs(t) >= Math.abs(r) ? t : r;
        const edge = y.toPixel(outward);
        const label = gap.kind === 'gap' ? fmt(t - r) : `+${fmt(Math.abs(r - t))}`;
        labels.push(valueLabel(cx, edge, outward, label, { 'data-year': year, 'data-series': s }));
      }
    }
    if (r !== null) {
      realisedBars.push(
        el('rect', {
          class: 'mj-bar mj-bar-realised',
          'data-year': year,
          'data-series': 'realised',
          'data-value': String(r),
          ...rect(cx, narrow, 0, r),
          fill: fill('realised'),
          stroke: styles.realised.ink,
          'stroke-width': 1,
        }),
      );
    }
  });
  return { targetBars, realisedBars, gaps, surpluses, labels };
}

/** The planned savings: a dashed line with diamond markers. */
function drawPlanned(years: readonly string[], planned: readonly (number | null)[], frame: Frame): Markup {
  const { x, y } = frame;
  const d = linePath(planned, (i) => x.center(i), (v) => y.toPixel(v));
  const points: Markup[] = [];
  planned.forEach((v, i) => {
    if (v === null) return;
    const cx = x.center(i);
    const cy = y.toPixel(v);
    points.push(
      marker('diamond', cx, cy, 9, ROLE_STYLES.planned.ink, {
        class: 'mj-point',
        'data-year': years[i],
        'data-series': 'planned',
        'data-value': String(v),
      }),
    );
  });
  return el(
    'g',
    { class: 'mj-series', 'data-series': 'planned' },
    d === ''
      ? undefined
      : el('path', { class: 'mj-line', 'data-series': 'planned', d, fill: 'none', stroke: ROLE_STYLES.planned.ink, 'stroke-width': 2, 'stroke-dasharray': '7 4' }),
    ...points,
  );
}

/**
 * Whether realised savings fall short of the target (gap) or exceed it (surplus), measured in
 * the target's direction; `undefined` when either is missing or they are equal.
 */
function gapOf(target: number | null, realised: number | null): { kind: 'gap' | 'surplus' } | undefined {
  if (target === null || realised === null || target === realised) return undefined;
  const direction = target < 0 ? -1 : 1;
  return { kind: (target - realised) * direction > 0 ? 'gap' : 'surplus' };
}
