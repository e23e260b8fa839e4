/**
 * The shared chart frame (grafiekkader): title, unit label, value axis with nice ticks and
 * grid, category axis with year or step labels, the zero line and the legend. Each chart
 * computes a frame, then draws its data inside the plot area.
 *
 * @packageDocumentation
 */

import { drawGrid, drawXAxis, drawYAxis, drawZeroLine, layoutCategories, type CategoryLayout } from './axes.js';
import { FRAME_METRICS } from './frame-metrics.js';
import { dataDecimals } from './format.js';
import { drawLegend, layoutLegend, type LegendItem } from './legend.js';
import type { ResolvedOptions } from './options.js';
import { FRAME_COLORS } from './palette.js';
import { bandScale, linearScale, type BandScale, type LinearScale } from './scales.js';
import { el, fragment, svgRoot, text, type Child, type Markup } from './svg.js';
import { textWidth, wrapText } from './text-measure.js';

export { FRAME_METRICS } from './frame-metrics.js';
export type { LegendItem, LegendSwatch } from './legend.js';

/** What a chart tells the frame. */
export interface FrameInput {
  /** Resolved shared options. */
  readonly options: ResolvedOptions;
  /** Title text. */
  readonly title: string;
  /** Unit label, such as "x € 1.000". */
  readonly unitLabel: string;
  /** One label per category (year or step). */
  readonly categories: readonly string[];
  /** Attribute name that identifies a category on its label: `data-year` or `data-step`. */
  readonly categoryAttr: 'data-year' | 'data-step';
  /** Every value that must fit on the value axis (display units). */
  readonly values: readonly number[];
  /** Legend entries, in order. */
  readonly legend: readonly LegendItem[];
  /** Whether value labels will be drawn (adds head room). */
  readonly headroom: boolean;
}

/** The plot area, in pixels. */
export interface PlotArea {
  /** Left edge. */
  readonly left: number;
  /** Right edge. */
  readonly right: number;
  /** Top edge. */
  readonly top: number;
  /** Bottom edge. */
  readonly bottom: number;
}

/** A computed frame: scales and the frame's markup. */
export interface Frame {
  /** The plot area. */
  readonly plot: PlotArea;
  /** Value scale (vertical). */
  readonly y: LinearScale;
  /** Category scale (horizontal). */
  readonly x: BandScale;
  /** Title, unit label, grid and axes: drawn below the data. */
  readonly back: Markup;
  /** Zero line and legend: drawn above the data. */
  readonly front: Markup;
  /** Height of the chart: the options' height, or more where rotated category labels need it. */
  readonly height: number;
}

const M = FRAME_METRICS;

/**
 * Lays out and draws the frame of a chart.
 * @param input - what the chart needs framed
 */
export function buildFrame(input: FrameInput): Frame {
  const { width, height, format, texts } = input.options;
  const inner = width - 2 * M.pad;
  const titleLines = wrapText(input.title, inner, M.titleSize, 2);
  const titleBottom = M.pad + Math.max(1, titleLines.length) * M.titleLine;
  const unitY = titleBottom + M.labelLine;
  const plotTop = unitY + 14;
  const legend = layoutLegend(input.legend, inner);
  const legendTop = height - M.pad - legend.height;
  const tickLabel = (value: number, decimals: number): string => format(value, { decimals, role: 'tick' });
  const { plot, x, y, layout, overflow } = layOutPlot(input, plotTop, legendTop, legend.height, tickLabel);
  const { left, right, bottom } = plot;

  const grid = drawGrid(y, left, right);
  const yAxis = drawYAxis(y, left, plot.top, plot.bottom, tickLabel);
  const xAxis = drawXAxis(input.categories, input.categoryAttr, layout, x, left, right, bottom);
  const zero = drawZeroLine(y, left, right);
  const legendMarkup = drawLegend(input.legend, legend, texts.legend, legendTop + overflow);

  return {
    plot,
    y,
    x,
    back: fragment(drawTitle(titleLines), drawUnit(input.unitLabel, unitY), grid, yAxis, xAxis),
    front: fragment(zero, legendMarkup),
    height: height + overflow,
  };
}

/** The lowest and highest value the value axis must show (always including 0), with head room for labels. */
function valueRange(values: readonly number[], headroom: boolean): { lo: number; hi: number } {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (headroom) {
    const span = hi - lo;
    if (hi > 0) hi += span * 0.12;
    if (lo < 0) lo -= span * 0.12;
  }
  return { lo, hi };
}

/** The plot area and its scales: the left margin fits the tick labels, the bottom the category labels. */
function layOutPlot(
  input: FrameInput,
  plotTop: number,
  legendTop: number,
  legendHeight: number,
  tickLabel: (value: number, decimals: number) => string,
): { plot: PlotArea; x: BandScale; y: LinearScale; layout: CategoryLayout; overflow: number } {
  const { width, height } = input.options;
  const { lo, hi } = valueRange(input.values, input.headroom);
  // Whole-number data (such as x € 1.000) gets whole-number ticks.
  const minStep = 10 ** -dataDecimals(input.values);
  const scaleFor = (bottom: number): LinearScale => {
    const count = Math.max(2, Math.min(8, Math.floor((bottom - plotTop) / 45)));
    return linearScale(lo, hi, bottom, plotTop, count, minStep);
  };
  const leftFor = (scale: LinearScale): number =>
    M.pad + Math.max(16, ...scale.ticks.map((t) => textWidth(tickLabel(t, scale.decimals), M.labelSize))) + 10;
  const right = width - M.pad - 8;
  const maxCategoryHeight = Math.max(20, (height - plotTop - legendHeight) * 0.35);

  // First pass with a one-line category axis, then the real label layout.
  let bottom = legendTop - 8 - (M.labelLine + 6);
  let y = scaleFor(bottom);
  let left = leftFor(y);
  const n = input.categories.length;
  const layout = layoutCategories(input.categories, (right - left) / Math.max(1, n));
  // labels taller than their share of the height make the chart taller, not the plot smaller
  const overflow = Math.max(0, Math.ceil(layout.height - maxCategoryHeight));
  bottom = Math.max(plotTop + 30, legendTop + overflow - 8 - layout.height);
  y = scaleFor(bottom);
  left = Math.max(left, leftFor(y));
  if (layout.mode === 'rotate' && n > 0) {
    // The first rotated label reaches down-left from its band centre; keep it inside the chart.
    // (a tenth more than the estimate: a wide font must not push the label past the edge)
    const first = 1.1 * textWidth(layout.lines[0]?.[0] ?? '', M.labelSize) * Math.SQRT1_2;
    const band = (right - left) / n;
    left = Math.max(left, Math.min(width / 3, M.pad + first - band / 2));
  }
  const x = bandScale(n, left, right);
  return { plot: { left, right, top: plotTop, bottom }, x, y, layout, overflow };
}

/** The title, on one line or as wrapped lines. */
function drawTitle(titleLines: readonly string[]): Markup {
  return el(
    'text',
    { class: 'mj-title', x: M.pad, y: M.pad + M.titleSize, 'font-size': M.titleSize, 'font-weight': 'bold', fill: FRAME_COLORS.text },
    ...titleLines.map((line, i) =>
      titleLines.length === 1 ? text(line) : el('tspan', { x: M.pad, dy: i === 0 ? 0 : M.titleLine }, text(line)),
    ),
  );
}

/** The unit label below the title; nothing when it is empty. */
function drawUnit(unitLabel: string, unitY: number): Markup | undefined {
  return unitLabel === ''
    ? undefined
    : el('text', { class: 'mj-label mj-unit', x: M.pad, y: unitY, 'font-size': M.labelSize, fill: FRAME_COLORS.muted }, text(unitLabel));
}

/**
 * A value label placed above (for values ≥ 0) or below (for negative values) a point.
 * @param x - centre x
 * @param y - the point's y
 * @param value - the value (decides above or below)
 * @param label - the text
 * @param attrs - data attributes
 */
export function valueLabel(
  x: number,
  y: number,
  value: number,
  label: string,
  attrs: Readonly<Record<string, string | undefined>> = {},
): Markup {
  const above = value >= 0;
  return el(
    'text',
    {
      class: 'mj-label mj-value-label',
      ...attrs,
      x,
      y: above ? y - 5 : y + M.labelSize + 3,
      'text-anchor': 'middle',
      'font-size': 11,
      fill: FRAME_COLORS.text,
    },
    text(label),
  );
}

/**
 * Puts a chart together: the accessible root, pattern definitions, frame and data.
 * @param kind - chart kind (class `mj-chart-<kind>`)
 * @param options - resolved shared options
 * @param title - chart title (accessible name)
 * @param description - generated description, used unless the user gave one
 * @param frame - the computed frame
 * @param defs - pattern definitions, if any
 * @param data - the data layer
 */
export function assembleChart(
  kind: string,
  options: ResolvedOptions,
  title: string,
  description: string,
  frame: Frame,
  defs: Child,
  data: Markup,
): string {
  return svgRoot(
    {
      id: options.id,
      kind,
      width: options.width,
      height: frame.height,
      title,
      description: options.description ?? description,
      lang: options.locale,
    },
    defs,
    frame.back,
    el('g', { class: 'mj-data' }, data),
    frame.front,
  );
}

/**
 * Reads a series out in words for the accessible description: "2025: -609; 2026: 363".
 * @param years - year labels
 * @param values - one value (or null) per year
 * @param options - resolved options (formatter, texts)
 * @param decimals - decimals for the values
 * @param displays - preformatted labels, used where given
 */
export function describeSeries(
  years: readonly string[],
  values: readonly (number | null)[],
  options: ResolvedOptions,
  decimals: number,
  displays?: readonly (string | null | undefined)[],
): string {
  return years
    .map((year, i) => {
      const v = values[i] ?? null;
      const shown = displays?.[i];
      const label =
        typeof shown === 'string' ? shown : v === null ? options.texts.noValue : options.format(v, { decimals, role: 'value' });
      return `${year}: ${label}`;
    })
    .join('; ');
}
