/**
 * The axes of the chart frame: the layout of the category labels (flat, wrapped or rotated),
 * the value grid, the value axis with its tick labels, the category axis and the zero line.
 *
 * @packageDocumentation
 */

import { FRAME_METRICS as M } from './frame-metrics.js';
import { FRAME_COLORS } from './palette.js';
import type { BandScale, LinearScale } from './scales.js';
import { el, fragment, text, type Markup } from './svg.js';
import { textWidth, wrapText } from './text-measure.js';

/** How category labels are laid out. */
export interface CategoryLayout {
  /** On one line, wrapped over lines, or rotated by 45 degrees. */
  readonly mode: 'flat' | 'wrap' | 'rotate';
  /** The lines of each label. */
  readonly lines: readonly (readonly string[])[];
  /** Height the labels take below the plot. */
  readonly height: number;
}

/**
 * Chooses how category labels fit their bands: flat, else wrapped over at most three lines, else rotated; a
 * label is never cut.
 * @param categories - the labels
 * @param bandWidth - width of one band
 */
export function layoutCategories(categories: readonly string[], bandWidth: number): CategoryLayout {
  const size = M.labelSize;
  const room = Math.max(8, bandWidth - 6);
  const widest = Math.max(0, ...categories.map((c) => textWidth(c, size)));
  if (widest <= room) return { mode: 'flat', lines: categories.map((c) => [c]), height: M.labelLine + 6 };
  const wrapped = categories.map((c) => wrapText(c, room, size, Number.POSITIVE_INFINITY));
  const fits = wrapped.every((lines) => lines.length <= 3 && lines.every((l) => textWidth(l, size) <= room + 0.5));
  if (fits) {
    const count = Math.max(1, ...wrapped.map((l) => l.length));
    return { mode: 'wrap', lines: wrapped, height: count * M.labelLine + 6 };
  }
  // Rotated by 45 degrees: the label's length becomes height, never cut (the chart grows where labels need more
  // than `maxHeight`: see the frame)
  const longest = Math.max(0, ...categories.map((c) => textWidth(c, size)));
  return { mode: 'rotate', lines: categories.map((c) => [c]), height: longest * Math.SQRT1_2 + size + 10 };
}

/**
 * The horizontal grid lines, one per tick.
 * @param y - the value scale
 * @param left - left edge of the plot
 * @param right - right edge of the plot
 */
export function drawGrid(y: LinearScale, left: number, right: number): Markup {
  return el(
    'g',
    { class: 'mj-grid', stroke: FRAME_COLORS.grid, 'stroke-width': 1 },
    ...y.ticks.map((t) => el('line', { class: 'mj-grid-line', x1: left, x2: right, y1: y.toPixel(t), y2: y.toPixel(t) })),
  );
}

/**
 * The value axis: its line, tick marks and tick labels.
 * @param y - the value scale
 * @param left - left edge of the plot (where the axis sits)
 * @param top - top of the plot
 * @param bottom - bottom of the plot
 * @param tickLabel - writes a tick value with the given decimals
 */
export function drawYAxis(
  y: LinearScale,
  left: number,
  top: number,
  bottom: number,
  tickLabel: (value: number, decimals: number) => string,
): Markup {
  return el(
    'g',
    { class: 'mj-axis mj-axis-y' },
    el('line', { class: 'mj-axis-line', x1: left, x2: left, y1: top, y2: bottom, stroke: FRAME_COLORS.axis }),
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
}

/**
 * The category axis: its line and one label per category, laid out as `layout` says.
 * @param categories - the labels
 * @param categoryAttr - attribute that identifies a category on its label
 * @param layout - how the labels are laid out
 * @param x - the category scale
 * @param left - left edge of the plot
 * @param right - right edge of the plot
 * @param bottom - bottom of the plot (where the axis sits)
 */
export function drawXAxis(
  categories: readonly string[],
  categoryAttr: 'data-year' | 'data-step',
  layout: CategoryLayout,
  x: BandScale,
  left: number,
  right: number,
  bottom: number,
): Markup {
  const labelTop = bottom + M.labelLine + 2;
  return el(
    'g',
    { class: 'mj-axis mj-axis-x' },
    el('line', { class: 'mj-axis-line', x1: left, x2: right, y1: bottom, y2: bottom, stroke: FRAME_COLORS.axis }),
    ...categories.map((category, i) => {
      const cx = x.center(i);
      const lines = layout.lines[i] ?? [category];
      const attrs = {
        class: 'mj-label mj-x-label',
        [categoryAttr]: categoryAttr === 'data-year' ? category : String(i),
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
}

/**
 * The zero line across the plot.
 * @param y - the value scale
 * @param left - left edge of the plot
 * @param right - right edge of the plot
 */
export function drawZeroLine(y: LinearScale, left: number, right: number): Markup {
  const zeroY = y.toPixel(0);
  return el('line', {
    class: 'mj-zero-line',
    x1: left,
    x2: right,
    y1: zeroY,
    y2: zeroY,
    stroke: FRAME_COLORS.zero,
    'stroke-width': 1.3,
  });
}
