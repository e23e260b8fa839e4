/**
 * The chart palette (kleurenpalet), made to survive grey-scale printing.
 *
 * @remarks
 * Council papers are often printed in black and white, and some readers cannot tell hues
 * apart. So no two series in a chart differ by hue alone:
 *
 * - **Lines** (scenarios, medians) differ by lightness (CIE L*), by dash pattern
 *   (`stroke-dasharray`) and by marker shape (circle, square, triangle, diamond, cross, ring).
 * - **Bars and areas** differ by lightness and by fill pattern (solid, diagonal hatch,
 *   back hatch, cross hatch, dots), made with SVG `<pattern>` elements.
 * - **Meaning** has fixed styles: voordeel is a dark solid fill, nadeel a light fill with a dark
 *   diagonal hatch, totals the darkest solid fill; a shortfall against a taakstelling uses the
 *   nadeel hatch; incidental amounts are hatched, structural ones solid.
 *
 * The L* values are listed with each style; the first three series styles are at least 15 L*
 * apart, and every series style has its own dash and marker.
 *
 * @packageDocumentation
 */

import { fail } from '../../core/errors.js';
import { el, fragment, num, type Markup } from './svg.js';

/** A fill pattern for bars and areas (vulpatroon). */
export type PatternKind = 'solid' | 'hatch' | 'backhatch' | 'crosshatch' | 'dots';

/** A marker shape for data points (markering). */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'ring';

/** How a bar or area is filled. */
export interface FillStyle {
  /** Base fill colour (for patterns: the background tint). */
  readonly color: string;
  /** Colour of outlines and pattern lines. */
  readonly ink: string;
  /** Fill pattern. */
  readonly pattern: PatternKind;
  /** Approximate CIE L* lightness of the fill as printed in grey (0 = black, 100 = white). */
  readonly lightness: number;
}

/** The style of one data series: its line and its bars. */
export interface SeriesStyle extends FillStyle {
  /** Line colour (the same as `ink`). */
  readonly stroke: string;
  /** `stroke-dasharray`, or `undefined` for a solid line. */
  readonly dash: string | undefined;
  /** Marker shape at each data point. */
  readonly marker: MarkerShape;
}

/**
 * Series styles in order of use. Lightness (L*) of the line colour: 15, 44, 65, 27, 46, 58.
 * A chart with more series repeats them (the legend still tells them apart by name).
 */
export const SERIES_STYLES: readonly SeriesStyle[] = Object.freeze([
  style('#0b2545', '#0b2545', 'solid', undefined, 'circle', 15),
  style('#fde2c8', '#a64d1c', 'hatch', '8 4', 'square', 44),
  style('#d4e4f1', '#74a3cf', 'dots', '2 3', 'triangle', 65),
  style('#e9dff0', '#5b2a6e', 'crosshatch', '10 3 2 3', 'diamond', 27),
  style('#d6ebde', '#3b7a57', 'backhatch', '4 2', 'cross', 46),
  style('#eeeeee', '#8c8c8c', 'solid', '1 3', 'ring', 58),
]);

function style(
  color: string,
  ink: string,
  pattern: PatternKind,
  dash: string | undefined,
  marker: MarkerShape,
  lightness: number,
): SeriesStyle {
  return Object.freeze({ color: pattern === 'solid' ? ink : color, ink, stroke: ink, pattern, dash, marker, lightness });
}

/**
 * The style of series number `index` (0-based), cycling through {@link SERIES_STYLES}.
 * @param index - series position
 */
export function seriesStyle(index: number): SeriesStyle {
  const styles = SERIES_STYLES;
  const picked = styles[((index % styles.length) + styles.length) % styles.length];
  if (picked === undefined) fail('internal_error', ['index'], 'meerjaren charts: empty palette');
  return picked;
}

function fill(color: string, ink: string, pattern: PatternKind, lightness: number): FillStyle {
  return Object.freeze({ color, ink, pattern, lightness });
}

/** Styles with a fixed meaning (betekenisvaste stijlen). */
export const ROLE_STYLES = Object.freeze({
  /** Totals and start values: darkest solid (L* 15). */
  total: fill('#0b2545', '#0b2545', 'solid', 15),
  /** Voordeel (positive step): dark green solid (L* 46). */
  advantage: fill('#3b7a57', '#24503a', 'solid', 46),
  /** Nadeel (negative step): light red tint with a dark red diagonal hatch (L* about 75). */
  disadvantage: fill('#f3d9d3', '#9e2a2b', 'hatch', 75),
  /** Taakstelling (target): very light solid with a dark outline (L* 90). */
  target: fill('#e3edf6', '#0b2545', 'solid', 90),
  /** Realised savings: mid blue solid (L* 45). */
  realised: fill('#3f6e99', '#1f3b63', 'solid', 45),
  /** Shortfall (tekort) between realised and target: the nadeel hatch. */
  gap: fill('#f3d9d3', '#9e2a2b', 'hatch', 75),
  /** Surplus (overschot) beyond the target: light green with dots (L* 85). */
  surplus: fill('#d6ebde', '#24503a', 'dots', 85),
  /** Planned measures: orange dashed line with diamond markers (L* 52). */
  planned: fill('#c0601e', '#c0601e', 'solid', 52),
  /** Structural saldo: dark navy solid (L* 25). */
  structural: fill('#1f3b63', '#1f3b63', 'solid', 25),
  /** Incidental saldo: light blue with a navy back hatch (L* about 75). */
  incidental: fill('#b7d0e6', '#1f3b63', 'backhatch', 75),
  /** Total marker: black. */
  marker: fill('#111111', '#111111', 'solid', 5),
  /** Median line of a fan chart: darkest solid. */
  median: fill('#0b2545', '#0b2545', 'solid', 15),
});

/** Names of the fixed-meaning styles. */
export type RoleStyleName = keyof typeof ROLE_STYLES;

/**
 * Fills of nested fan bands from light to dark. L*: 93, 82, 70, 58.
 * See {@link bandFill} for how a chart picks from them.
 */
export const BAND_FILLS: readonly string[] = Object.freeze(['#e3edf6', '#b7d0e6', '#86aed3', '#5c8fc0']);

/**
 * The fill colour of fan band `rank` of `count`, where rank 0 is the widest (outermost) band.
 * Up to three bands are spread over the three lightest fills (one band: L* 82; two: 93 and 70;
 * three: 93, 82, 70), so neighbours differ by at least 11 L* and the median line (L* 15) stays
 * readable on every band; a fourth band gets L* 58 and further bands repeat it.
 * @param rank - band position, widest first
 * @param count - number of bands
 */
export function bandFill(rank: number, count: number): string {
  const fills = BAND_FILLS;
  let index: number;
  if (count <= 1) index = 1;
  else if (count <= 3) index = Math.round((rank * 2) / (count - 1));
  else index = Math.min(fills.length - 1, rank);
  return fills[Math.max(0, Math.min(fills.length - 1, index))] ?? '#dddddd';
}

/** Fixed colours of the chart frame. */
export const FRAME_COLORS = Object.freeze({
  /** Text. */
  text: '#1a1a1a',
  /** Secondary text (unit label, tick labels). */
  muted: '#444444',
  /** Axis lines. */
  axis: '#333333',
  /** Grid lines. */
  grid: '#dddddd',
  /** The zero line. */
  zero: '#000000',
});

/**
 * The `fill` attribute value for a style: its colour, or a reference to its pattern.
 * @param prefix - the chart's id prefix
 * @param key - a name for the style, unique within the chart (such as `s0` or `gap`)
 * @param fillStyle - the style
 */
export function fillValue(prefix: string, key: string, fillStyle: FillStyle): string {
  return fillStyle.pattern === 'solid' ? fillStyle.color : `url(#${patternId(prefix, key)})`;
}

/**
 * The id of a style's pattern element.
 * @param prefix - the chart's id prefix
 * @param key - the style's name in the chart
 */
export function patternId(prefix: string, key: string): string {
  return `${prefix}-pattern-${key}`;
}

/**
 * A `<pattern>` definition for a hatched or dotted style, or nothing for a solid one.
 * @param prefix - the chart's id prefix
 * @param key - the style's name in the chart
 * @param fillStyle - the style
 */
export function patternDef(prefix: string, key: string, fillStyle: FillStyle): Markup | undefined {
  const id = patternId(prefix, key);
  const size = 6;
  const background = el('rect', { x: 0, y: 0, width: size, height: size, fill: fillStyle.color });
  const line = (x1: number, y1: number, x2: number, y2: number): Markup =>
    el('line', { x1, y1, x2, y2, stroke: fillStyle.ink, 'stroke-width': 1.4 });
  const base = { id, class: 'mj-pattern', patternUnits: 'userSpaceOnUse', width: size, height: size };
  switch (fillStyle.pattern) {
    case 'solid':
      return undefined;
    case 'hatch':
      return el('pattern', { ...base, patternTransform: 'rotate(45)' }, background, line(0, 0, 0, size));
    case 'backhatch':
      return el('pattern', { ...base, patternTransform: 'rotate(-45)' }, background, line(0, 0, 0, size));
    case 'crosshatch':
      return el(
        'pattern',
        { ...base, patternTransform: 'rotate(45)' },
        background,
        line(0, 0, 0, size),
        line(0, 0, size, 0),
      );
    case 'dots':
      return el(
        'pattern',
        base,
        background,
        el('circle', { cx: size / 2, cy: size / 2, r: 1.3, fill: fillStyle.ink }),
      );
  }
}

/**
 * A data-point marker centred on `(x, y)`.
 * @param shape - marker shape
 * @param x - centre x
 * @param y - centre y
 * @param size - about the marker's diameter in pixels
 * @param color - ink colour
 * @param attrs - extra attributes (class, data attributes)
 */
export function marker(
  shape: MarkerShape,
  x: number,
  y: number,
  size: number,
  color: string,
  attrs: Readonly<Record<string, string | number | undefined>> = {},
): Markup {
  const r = size / 2;
  const solid = { fill: color, stroke: '#ffffff', 'stroke-width': 1 };
  switch (shape) {
    case 'circle':
      return el('circle', { ...attrs, cx: x, cy: y, r, ...solid });
    case 'ring':
      return el('circle', { ...attrs, cx: x, cy: y, r: r * 0.85, fill: '#ffffff', stroke: color, 'stroke-width': 2 });
    case 'square':
      return el('rect', { ...attrs, x: x - r * 0.85, y: y - r * 0.85, width: r * 1.7, height: r * 1.7, ...solid });
    case 'triangle':
      return el('path', {
        ...attrs,
        d: `M${pt(x, y - r * 1.1)}L${pt(x + r, y + r * 0.75)}L${pt(x - r, y + r * 0.75)}Z`,
        ...solid,
      });
    case 'diamond':
      return el('path', {
        ...attrs,
        d: `M${pt(x, y - r * 1.15)}L${pt(x + r, y)}L${pt(x, y + r * 1.15)}L${pt(x - r, y)}Z`,
        fill: '#ffffff',
        stroke: color,
        'stroke-width': 1.8,
      });
    case 'cross':
      return el('path', {
        ...attrs,
        d: `M${pt(x - r, y - r)}L${pt(x + r, y + r)}M${pt(x - r, y + r)}L${pt(x + r, y - r)}`,
        fill: 'none',
        stroke: color,
        'stroke-width': 2.2,
      });
  }
}

function pt(x: number, y: number): string {
  return `${num(x)},${num(y)}`;
}

/**
 * All pattern definitions a chart needs, as one `<defs>` element (or nothing).
 * @param prefix - the chart's id prefix
 * @param styles - style name in the chart → style
 */
export function defsFor(prefix: string, styles: Readonly<Record<string, FillStyle>>): Markup | undefined {
  const defs = Object.entries(styles)
    .map(([key, s]) => patternDef(prefix, key, s))
    .filter((d): d is Markup => d !== undefined);
  return defs.length === 0 ? undefined : el('defs', {}, fragment(...defs));
}
