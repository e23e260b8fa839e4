/**
 * The shared chart frame (grafiekkader): title, unit label, value axis with nice ticks and
 * grid, category axis with year or step labels, the zero line and the legend. Each chart
 * computes a frame, then draws its data inside the plot area.
 *
 * @packageDocumentation
 */

import { dataDecimals } from './format.js';
import type { ResolvedOptions } from './options.js';
import { FRAME_COLORS, marker, type MarkerShape } from './palette.js';
import {
  bandScale,
  el,
  fragment,
  linearScale,
  svgRoot,
  text,
  textWidth,
  truncate,
  wrapText,
  type BandScale,
  type Child,
  type LinearScale,
  type Markup,
} from './svg.js';

/** The sample shown in front of a legend entry. */
export type LegendSwatch =
  | {
      /** A line sample with an optional dash and marker. */
      readonly kind: 'line';
      /** Line colour. */
      readonly stroke: string;
      /** `stroke-dasharray`, if dashed. */
      readonly dash?: string | undefined;
      /** Marker in the middle of the sample, if any. */
      readonly marker?: MarkerShape | undefined;
      /** Line width in pixels (default 2.5). */
      readonly width?: number;
    }
  | {
      /** A filled box (solid colour or pattern reference). */
      readonly kind: 'box';
      /** Fill: a colour or `url(#pattern)`. */
      readonly fill: string;
      /** Outline colour. */
      readonly stroke: string;
      /** `stroke-dasharray` of the outline, if dashed. */
      readonly dash?: string | undefined;
    };

/** One legend entry (legenda-item). */
export interface LegendItem {
  /** Value of `data-series` on the entry, matching the series' elements. */
  readonly key: string;
  /** Text of the entry. */
  readonly label: string;
  /** The sample. */
  readonly swatch: LegendSwatch;
}

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
}

/** Font sizes and spacing of the frame. */
export const FRAME_METRICS = Object.freeze({
  pad: 12,
  titleSize: 16,
  titleLine: 20,
  labelSize: 12,
  labelLine: 14,
  legendRow: 20,
  swatchWidth: 28,
});

const M = FRAME_METRICS;

/** How category labels are laid out. */
interface CategoryLayout {
  readonly mode: 'flat' | 'wrap' | 'rotate';
  readonly lines: readonly (readonly string[])[];
  readonly height: number;
}

function layoutCategories(categories: readonly string[], bandWidth: number, maxHeight: number): CategoryLayout {
  const size = M.labelSize;
  const room = Math.max(8, bandWidth - 6);
  const widest = Math.max(0, ...categories.map((c) => textWidth(c, size)));
  if (widest <= room) return { mode: 'flat', lines: categories.map((c) => [c]), height: M.labelLine + 6 };
  const wrapped = categories.map((c) => wrapText(c, room, size, 3));
  const fits = wrapped.every((lines) => lines.every((l) => textWidth(l, size) <= room + 0.5));
  if (fits) {
    const count = Math.max(1, ...wrapped.map((l) => l.length));
    return { mode: 'wrap', lines: wrapped, height: count * M.labelLine + 6 };
  }
  // Rotated by 45 degrees: the label's length becomes height; cut what does not fit.
  const maxLength = Math.max(24, (maxHeight - 10) / Math.SQRT1_2);
  const cut = categories.map((c) => [truncate(c, maxLength, size)]);
  const longest = Math.max(0, ...cut.map((l) => textWidth(l[0] ?? '', size)));
  return { mode: 'rotate', lines: cut, height: longest * Math.SQRT1_2 + size + 10 };
}

interface LegendLayout {
  readonly rows: readonly (readonly { item: LegendItem; x: number; width: number }[])[];
  readonly height: number;
}

function layoutLegend(items: readonly LegendItem[], width: number): LegendLayout {
  const rows: { item: LegendItem; x: number; width: number }[][] = [];
  let row: { item: LegendItem; x: number; width: number }[] = [];
  let x = 0;
  for (const item of items) {
    const label = truncate(item.label, width - M.swatchWidth - 8, M.labelSize);
    const w = M.swatchWidth + 6 + textWidth(label, M.labelSize) + 18;
    if (row.length > 0 && x + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ item: { ...item, label }, x, width: w });
    x += w;
  }
  if (row.length > 0) rows.push(row);
  return { rows, height: rows.length * M.legendRow };
}

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

  let lo = 0;
  let hi = 0;
  for (const v of input.values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (input.headroom) {
    const span = hi - lo;
    if (hi > 0) hi += span * 0.12;
    if (lo < 0) lo -= span * 0.12;
  }

  // Whole-number data (such as x € 1.000) gets whole-number ticks.
  const minStep = 10 ** -dataDecimals(input.values);
  const tickLabel = (value: number, decimals: number): string => format(value, { decimals, role: 'tick' });
  const scaleFor = (bottom: number): LinearScale => {
    const count = Math.max(2, Math.min(8, Math.floor((bottom - plotTop) / 45)));
    return linearScale(lo, hi, bottom, plotTop, count, minStep);
  };
  const leftFor = (scale: LinearScale): number =>
    M.pad + Math.max(16, ...scale.ticks.map((t) => textWidth(tickLabel(t, scale.decimals), M.labelSize))) + 10;
  const right = width - M.pad - 8;
  const maxCategoryHeight = Math.max(20, (height - plotTop - legend.height) * 0.35);

  // First pass with a one-line category axis, then the real label layout.
  let bottom = legendTop - 8 - (M.labelLine + 6);
  let y = scaleFor(bottom);
  let left = leftFor(y);
  const n = input.categories.length;
  const layout = layoutCategories(input.categories, (right - left) / Math.max(1, n), maxCategoryHeight);
  bottom = Math.max(plotTop + 30, legendTop - 8 - layout.height);
  y = scaleFor(bottom);
  left = Math.max(left, leftFor(y));
  if (layout.mode === 'rotate' && n > 0) {
    // The first rotated label reaches down-left from its band centre; keep it inside the chart.
    const first = textWidth(layout.lines[0]?.[0] ?? '', M.labelSize) * Math.SQRT1_2;
    const band = (right - left) / n;
    left = Math.max(left, Math.min(width / 3, M.pad + first - band / 2));
  }
  const x = bandScale(n, left, right);
  const plot: PlotArea = { left, right, top: plotTop, bottom };

  const title = el(
    'text',
    { class: 'mj-title', x: M.pad, y: M.pad + M.titleSize, 'font-size': M.titleSize, 'font-weight': 'bold', fill: FRAME_COLORS.text },
    ...titleLines.map((line, i) =>
      titleLines.length === 1 ? text(line) : el('tspan', { x: M.pad, dy: i === 0 ? 0 : M.titleLine }, text(line)),
    ),
  );
  const unit =
    input.unitLabel === ''
      ? undefined
      : el(
          'text',
          { class: 'mj-label mj-unit', x: M.pad, y: unitY, 'font-size': M.labelSize, fill: FRAME_COLORS.muted },
          text(input.unitLabel),
        );

  const grid = el(
    'g',
    { class: 'mj-grid', stroke: FRAME_COLORS.grid, 'stroke-width': 1 },
    ...y.ticks.map((t) => el('line', { class: 'mj-grid-line', x1: left, x2: right, y1: y.toPixel(t), y2: y.toPixel(t) })),
  );

  const yAxis = el(
    'g',
    { class: 'mj-axis mj-axis-y' },
    el('line', { class: 'mj-axis-line', x1: left, x2: left, y1: plot.top, y2: plot.bottom, stroke: FRAME_COLORS.axis }),
    ...y.ticks.map((t) =>
      fragment(
        el('line', { class: 'mj-tick', x1: left - 4, x2: left, y1: y.toPixel(t), y2: y.toPixel(t), stroke: FRAME_COLORS.axis }),
        el(
          'text',
          {
            class: 'mj-label mj-tick-label',
            'data-value': String(t),
            x: left - 7,
            y: y.toPixel(t) + 4,
            'text-anchor': 'end',
            'font-size': M.labelSize,
            fill: FRAME_COLORS.muted,
          },
          text(tickLabel(t, y.decimals)),
        ),
      ),
    ),
  );

  const labelTop = bottom + M.labelLine + 2;
  const xAxis = el(
    'g',
    { class: 'mj-axis mj-axis-x' },
    el('line', { class: 'mj-axis-line', x1: left, x2: right, y1: bottom, y2: bottom, stroke: FRAME_COLORS.axis }),
    ...input.categories.map((category, i) => {
      const cx = x.center(i);
      const lines = layout.lines[i] ?? [category];
      const attrs = {
        class: 'mj-label mj-x-label',
        [input.categoryAttr]: input.categoryAttr === 'data-year' ? category : String(i),
        'font-size': M.labelSize,
        fill: FRAME_COLORS.text,
      };
      const full = lines.join(' ') === category ? undefined : el('title', {}, text(category));
      if (layout.mode === 'rotate') {
        return el(
          'text',
          { ...attrs, x: cx + 4, y: bottom + 10, 'text-anchor': 'end', transform: `rotate(-45 ${cx + 4} ${bottom + 10})` },
          full,
          text(lines[0] ?? ''),
        );
      }
      if (lines.length <= 1) {
        return el('text', { ...attrs, x: cx, y: labelTop, 'text-anchor': 'middle' }, full, text(lines[0] ?? ''));
      }
      return el(
        'text',
        { ...attrs, x: cx, y: labelTop, 'text-anchor': 'middle' },
        full,
        ...lines.map((line, j) => el('tspan', { x: cx, dy: j === 0 ? 0 : M.labelLine }, text(line))),
      );
    }),
  );

  const zeroY = y.toPixel(0);
  const zero = el('line', {
    class: 'mj-zero-line',
    x1: left,
    x2: right,
    y1: zeroY,
    y2: zeroY,
    stroke: FRAME_COLORS.zero,
    'stroke-width': 1.3,
  });

  const legendMarkup =
    input.legend.length === 0
      ? undefined
      : el(
          'g',
          { class: 'mj-legend', 'aria-label': texts.legend },
          ...legend.rows.flatMap((row, r) =>
            row.map(({ item, x: ix }) => drawLegendItem(item, M.pad + ix, legendTop + r * M.legendRow + M.legendRow / 2)),
          ),
        );

  return {
    plot,
    y,
    x,
    back: fragment(title, unit, grid, yAxis, xAxis),
    front: fragment(zero, legendMarkup),
  };
}

function drawLegendItem(item: LegendItem, x: number, cy: number): Markup {
  const s = item.swatch;
  let sample: Child;
  if (s.kind === 'line') {
    sample = fragment(
      el('line', {
        x1: x,
        x2: x + M.swatchWidth,
        y1: cy,
        y2: cy,
        stroke: s.stroke,
        'stroke-width': s.width ?? 2.5,
        'stroke-dasharray': s.dash,
      }),
      s.marker === undefined ? undefined : marker(s.marker, x + M.swatchWidth / 2, cy, 8, s.stroke),
    );
  } else {
    sample = el('rect', {
      x: x + 4,
      y: cy - 7,
      width: M.swatchWidth - 8,
      height: 14,
      fill: s.fill,
      stroke: s.stroke,
      'stroke-width': 1,
      'stroke-dasharray': s.dash,
    });
  }
  return el(
    'g',
    { class: 'mj-legend-item', 'data-series': item.key },
    el('g', { class: 'mj-legend-swatch' }, sample),
    el(
      'text',
      { class: 'mj-label mj-legend-label', x: x + M.swatchWidth + 6, y: cy + 4, 'font-size': M.labelSize, fill: FRAME_COLORS.text },
      text(item.label),
    ),
  );
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
      height: options.height,
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
