/**
 * Structural and incidental saldo per year (structureel en incidenteel saldo).
 *
 * @packageDocumentation
 */

import { IssueCollector } from '../../core/errors.js';
import { dataDecimals } from './format.js';
import { assembleChart, buildFrame, describeSeries, valueLabel, type Frame, type LegendItem } from './frame.js';
import { checkDisplays, checkSeries, checkText, checkYears, resolveOptions, type ChartOptions, checkChartInput } from './options.js';
import { defsFor, fillValue, marker, ROLE_STYLES } from './palette.js';
import { el, fragment, type Markup } from './svg.js';
import { textWidth } from './text-measure.js';

/** Input of {@link balanceChart}. @category Reports */
export interface BalanceChartInput extends ChartOptions {
  /** Title above the chart. */
  readonly title: string;
  /** Unit label, such as "x € 1.000". */
  readonly unitLabel: string;
  /** The years, one stacked bar per year. */
  readonly years: readonly (number | string)[];
  /** Structural saldo per year (positive = voordeel); `null` = no bar. */
  readonly structural: readonly (number | null)[];
  /** Incidental saldo per year; `null` = no bar. */
  readonly incidental: readonly (number | null)[];
  /**
   * Total saldo per year, marked with a line and a ring. By default structural + incidental
   * (for placing the marker only; pass the model's exact figures with `totalDisplays`).
   */
  readonly total?: readonly (number | null)[];
  /** Preformatted labels of the totals (exact figures), used instead of the formatter. */
  readonly totalDisplays?: readonly (string | null)[];
}

/**
 * Draws structural and incidental saldo per year as SVG stacked bars around zero, with a
 * marker at the total.
 *
 * @remarks
 * Bars stack away from zero: positive parts upwards, negative parts downwards, structural
 * nearest to zero. Structural is a dark solid fill, incidental a light fill with a back hatch,
 * so a budget that is only balanced thanks to incidental money shows at a glance, also in grey.
 * The total marker (class `mj-total-marker`) is a black line across the bar with a ring; value
 * labels (default on) print the total at its marker (above it, below it for a negative total), on a
 * white backdrop where they lie over a bar.
 *
 * @param input - title, unit label, years, structural, incidental, optional total and shared options
 * @returns the SVG document as a string
 * @throws MeerjarenError with every problem found
 *
 * @example
 * ```ts
 * import { balanceChart } from 'meerjaren';
 *
 * balanceChart({
 *   title: 'Structureel en incidenteel saldo',
 *   unitLabel: 'x € 1.000',
 *   years: [2025, 2026],
 *   structural: [-209, 725],
 *   incidental: [-400, -362],
 * });
 * ```
 * @category Reports
 */
export function balanceChart(input: BalanceChartInput): string {
  const issues = new IssueCollector();
  checkChartInput('balanceChart', input, ['title', 'unitLabel', 'years', 'structural', 'incidental', 'total', 'totalDisplays'], issues);
  const options = resolveOptions('balance', input, input, issues);
  const title = checkText(input.title, ['title'], issues);
  const unitLabel = checkText(input.unitLabel, ['unitLabel'], issues);
  const years = checkYears(input.years, ['years'], issues);
  const structural = checkSeries(input.structural, years.length, ['structural'], issues);
  const incidental = checkSeries(input.incidental, years.length, ['incidental'], issues);
  const givenTotal = input.total === undefined ? undefined : checkSeries(input.total, years.length, ['total'], issues);
  const totalDisplays = checkDisplays(input.totalDisplays, years.length, ['totalDisplays'], issues);
  issues.throwIfAny();

  const total = years.map((_, i) => {
    if (givenTotal !== undefined) return givenTotal[i] ?? null;
    const s = structural[i] ?? null;
    const n = incidental[i] ?? null;
    return s === null && n === null ? null : (s ?? 0) + (n ?? 0);
  });
  const { texts, format } = options;
  const showValues = options.valueLabels ?? true;
  const decimals = dataDecimals([...structural, ...incidental, ...(givenTotal ?? [])]);
  const styles = { structural: ROLE_STYLES.structural, incidental: ROLE_STYLES.incidental };
  const fill = (key: keyof typeof styles): string => fillValue(options.id, key, styles[key]);

  const legend: LegendItem[] = [
    { key: 'structural', label: texts.structural, swatch: { kind: 'box', fill: fill('structural'), stroke: styles.structural.ink } },
    { key: 'incidental', label: texts.incidental, swatch: { kind: 'box', fill: fill('incidental'), stroke: styles.incidental.ink } },
    { key: 'total', label: texts.total, swatch: { kind: 'line', stroke: ROLE_STYLES.marker.ink, marker: 'ring', width: 3 } },
  ];

  const stacks = stackParts(years.length, structural, incidental);
  const values = [
    ...stacks.flatMap((s) => [s.up, s.down]),
    ...total.filter((v): v is number => v !== null),
  ];
  const frame = buildFrame({ options, title, unitLabel, categories: years, categoryAttr: 'data-year', values, legend, headroom: showValues });
  const labelOf = (t: number, i: number): string => {
    const shown = totalDisplays?.[i];
    return typeof shown === 'string' ? shown : format(t, { decimals, role: 'value' });
  };
  const { bars, markers, labels } = drawStacks(stacks, total, years, frame, fill, showValues ? labelOf : undefined);

  const description =
    `${texts.kinds.balance}: ${title}. ${unitLabel}. ` +
    `${texts.structural}: ${describeSeries(years, structural, options, decimals)}. ` +
    `${texts.incidental}: ${describeSeries(years, incidental, options, decimals)}. ` +
    `${texts.total}: ${describeSeries(years, total, options, decimals, totalDisplays)}`;
  return assembleChart(
    'balance',
    options,
    title,
    description,
    frame,
    defsFor(options.id, styles),
    fragment(el('g', { class: 'mj-bars' }, ...bars), el('g', { class: 'mj-totals' }, ...markers), el('g', { class: 'mj-value-labels' }, ...labels)),
  );
}

type PartKey = 'structural' | 'incidental';
interface Stack {
  readonly parts: readonly { key: PartKey; from: number; to: number; value: number }[];
  readonly up: number;
  readonly down: number;
}

/** Stacks away from zero: each part starts where the previous part of its sign ended. */
function stackParts(count: number, structural: readonly (number | null)[], incidental: readonly (number | null)[]): Stack[] {
  return Array.from({ length: count }, (_, i) => {
    let up = 0;
    let down = 0;
    const parts: { key: 'structural' | 'incidental'; from: number; to: number; value: number }[] = [];
    for (const [key, series] of [['structural', structural], ['incidental', incidental]] as const) {
      const v = series[i] ?? null;
      if (v === null) continue;
      if (v >= 0) {
        parts.push({ key, from: up, to: up + v, value: v });
        up += v;
      } else {
        parts.push({ key, from: down, to: down + v, value: v });
        down += v;
      }
    }
    return { parts, up, down };
  });
}

/** Per year the stacked bars, the total's marker and (when `labelOf` is given) its value label. */
function drawStacks(
  stacks: readonly Stack[],
  total: readonly (number | null)[],
  years: readonly string[],
  frame: Frame,
  fill: (key: PartKey) => string,
  labelOf: ((t: number, i: number) => string) | undefined,
): { bars: Markup[]; markers: Markup[]; labels: Markup[] } {
  const styles = { structural: ROLE_STYLES.structural, incidental: ROLE_STYLES.incidental };
  const { x, y } = frame;
  const barWidth = Math.max(3, Math.min(64, x.bandWidth * 0.56));

  const bars: Markup[] = [];
  const markers: Markup[] = [];
  const labels: Markup[] = [];
  stacks.forEach((stack, i) => {
    const year = years[i] ?? '';
    const cx = x.center(i);
    for (const part of stack.parts) {
      const top = y.toPixel(Math.max(part.from, part.to));
      const bottom = y.toPixel(Math.min(part.from, part.to));
      bars.push(
        el('rect', {
          class: `mj-bar mj-bar-${part.key}`,
          'data-year': year,
          'data-series': part.key,
          'data-value': String(part.value),
          x: cx - barWidth / 2,
          y: top,
          width: barWidth,
          height: Math.max(0, bottom - top),
          fill: fill(part.key),
          stroke: styles[part.key].ink,
          'stroke-width': 1,
        }),
      );
    }
    const t = total[i] ?? null;
    if (t === null) return;
    const ty = y.toPixel(t);
    const half = Math.min(barWidth * 0.75, x.bandWidth * 0.45);
    markers.push(
      el(
        'g',
        { class: 'mj-total-marker', 'data-year': year, 'data-series': 'total', 'data-value': String(t) },
        el('line', { x1: cx - half, x2: cx + half, y1: ty, y2: ty, stroke: '#ffffff', 'stroke-width': 5 }),
        el('line', { x1: cx - half, x2: cx + half, y1: ty, y2: ty, stroke: ROLE_STYLES.marker.ink, 'stroke-width': 3 }),
        marker('ring', cx, ty, 9, ROLE_STYLES.marker.ink),
      ),
    );
    if (labelOf !== undefined) {
      // At the total's mark, clear of its ring, on a white backdrop where it lies over a bar
      const clear = t >= 0 ? -6 : 6;
      const label = labelOf(t, i);
      const width = textWidth(label, 11) + 8;
      const baseline = t >= 0 ? ty + clear - 5 : ty + clear + 15;
      labels.push(
        el('rect', { class: 'mj-label-backdrop', 'data-year': year, x: cx - width / 2, y: baseline - 11, width, height: 14, rx: 2, fill: '#ffffff', 'fill-opacity': 0.9 }),
        valueLabel(cx, ty + clear, t, label, { 'data-year': year, 'data-series': 'total' }),
      );
    }
  });
  return { bars, markers, labels };
}
