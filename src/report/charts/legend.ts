/**
 * The legend of a chart (legenda): entries with a line or box sample, laid out in rows that
 * fit the chart width, drawn at the bottom of the chart.
 *
 * @packageDocumentation
 */

import { FRAME_METRICS as M } from './frame-metrics.js';
import { FRAME_COLORS, marker, type MarkerShape } from './palette.js';
import { el, fragment, text, type Child, type Markup } from './svg.js';
import { textWidth, truncate } from './text-measure.js';

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

/** The legend's entries in rows, each entry with its x offset and width. */
export interface LegendLayout {
  /** The rows, top to bottom. */
  readonly rows: readonly (readonly { item: LegendItem; x: number; width: number }[])[];
  /** Height of all rows together. */
  readonly height: number;
}

/**
 * Lays out legend entries in rows no wider than `width`; labels that do not fit are cut.
 * @param items - the entries, in order
 * @param width - the available width
 */
export function layoutLegend(items: readonly LegendItem[], width: number): LegendLayout {
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
 * Draws a laid-out legend, its first row at `top`; nothing when there are no entries.
 * @param items - the entries (decides whether there is a legend)
 * @param legend - the layout of the entries
 * @param label - accessible name of the legend
 * @param top - y of the first row's top
 */
export function drawLegend(items: readonly LegendItem[], legend: LegendLayout, label: string, top: number): Markup | undefined {
  return items.length === 0
    ? undefined
    : el(
        'g',
        { class: 'mj-legend', 'aria-label': label },
        ...legend.rows.flatMap((row, r) =>
          row.map(({ item, x: ix }) => drawLegendItem(item, M.pad + ix, top + r * M.legendRow + M.legendRow / 2)),
        ),
      );
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
