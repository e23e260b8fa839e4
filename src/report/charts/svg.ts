/**
 * Tiny SVG helpers for the report charts (grafieken): escaping, an element builder, pixel
 * scales with "nice" ticks, text measurement estimates and the accessible root element.
 *
 * @remarks
 * Everything here is pure and works on plain strings: no DOM, no browser, no dependency.
 * Floats are fine in this module: they only place pixels. Amounts reach a chart already
 * converted to display units; the exact figures stay in the model.
 *
 * @packageDocumentation
 */

import { fail } from '../../core/errors.js';

/**
 * Escapes text for use in XML/HTML text content and attribute values (tekst ontsnappen).
 * Also removes characters that XML 1.0 does not allow at all (control characters).
 * @param text - any text
 * @example `escapeXml('<script>') === '&lt;script&gt;'`
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(SPECIAL, (ch) => ESCAPES[ch] ?? ch);
}

const SPECIAL = /[&<>"']/g;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Everything XML 1.0 forbids: control characters, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** An attribute value: numbers are written as pixel numbers, `undefined`/`false` drop the attribute. */
export type AttrValue = string | number | boolean | undefined;

/** Attributes of an SVG element, in the order they are written. */
export type Attrs = Readonly<Record<string, AttrValue>>;

/** A child of an element: markup made by {@link el} or {@link text}, or nothing. */
export type Child = Markup | false | null | undefined;

/**
 * A piece of already-escaped markup. Only {@link el}, {@link text} and {@link raw} make one, so a
 * plain string can never reach the output unescaped by accident.
 */
export interface Markup {
  /** The markup text. */
  readonly markup: string;
}

/**
 * Writes a number for an SVG attribute: at most two decimals, never `-0`, never exponent notation.
 * @param value - a finite number
 * @throws MeerjarenError `internal_error` if the value is not finite or too large (a bug in a chart, never user
 *   input: inputs are validated first)
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) fail('internal_error', ['value'], `meerjaren charts: non-finite coordinate ${String(value)}`);
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0';
  if (Math.abs(rounded) >= 1e21) fail('internal_error', ['value'], `meerjaren charts: coordinate out of range ${String(value)}`);
  return String(rounded);
}

/**
 * Path data (`d`) of a line through a series: `M` at each value after a gap, `L` to the next; a `null` value
 * (no amount that year) breaks the line. Empty when every value is null.
 * @param values - the series, one value or null per position
 * @param xAt - pixel x of position `i`
 * @param yAt - pixel y of value `v`
 * @example `linePath([1, null, 2, 3], xAt, yAt)` is `M<x0>,<y0>M<x2>,<y2>L<x3>,<y3>`: a point, a gap, then a segment.
 */
export function linePath(values: readonly (number | null)[], xAt: (i: number) => number, yAt: (v: number) => number): string {
  let d = '';
  let previous = false;
  values.forEach((v, i) => {
    if (v === null) {
      previous = false;
      return;
    }
    d += `${previous ? 'L' : 'M'}${num(xAt(i))},${num(yAt(v))}`;
    previous = true;
  });
  return d;
}

function attrString(attrs: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (value === true) {
      out += ` ${key}="${key}"`;
    } else if (typeof value === 'number') {
      out += ` ${key}="${num(value)}"`;
    } else {
      out += ` ${key}="${escapeXml(value)}"`;
    }
  }
  return out;
}

/**
 * Builds one element (element maken). Attribute values and text are escaped here.
 * @param tag - element name, such as `rect`
 * @param attrs - attributes; `undefined` and `false` values are left out
 * @param children - child elements or text; an element without children is self-closing
 * @example `el('rect', { class: 'mj-bar', x: 1, y: 2, width: 3, height: 4 }).markup`
 */
export function el(tag: string, attrs: Attrs = {}, ...children: readonly Child[]): Markup {
  const inner = children.filter((c): c is Markup => c !== false && c !== null && c !== undefined);
  const open = `<${tag}${attrString(attrs)}`;
  if (inner.length === 0) return { markup: `${open}/>` };
  return { markup: `${open}>${inner.map((c) => c.markup).join('')}</${tag}>` };
}

/**
 * Escaped text content.
 * @param content - plain text
 */
export function text(content: string): Markup {
  return { markup: escapeXml(content) };
}

/**
 * Markup taken as is. Only for markup this library made itself.
 * @param markup - trusted markup
 */
export function raw(markup: string): Markup {
  return { markup };
}

/**
 * Groups children without a wrapper element.
 * @param children - the parts
 */
export function fragment(...children: readonly Child[]): Markup {
  return {
    markup: children
      .filter((c): c is Markup => c !== false && c !== null && c !== undefined)
      .map((c) => c.markup)
      .join(''),
  };
}

/** A linear scale from data values (display units) to pixels, with its ticks. */
export interface LinearScale {
  /** Lowest value of the domain (a tick, at most 0). */
  readonly min: number;
  /** Highest value of the domain (a tick, at least 0). */
  readonly max: number;
  /** The tick values, ascending; 0 is always one of them. */
  readonly ticks: readonly number[];
  /** Distance between ticks. */
  readonly step: number;
  /** Decimals needed to print the ticks exactly. */
  readonly decimals: number;
  /** Maps a value to a pixel coordinate. */
  readonly toPixel: (value: number) => number;
}

/** The smallest span a value scale gets; below it the axis would only show rounding noise. */
export const MIN_SPAN = 1e-6;

/**
 * The number of decimals that prints a tick step exactly (at most 12).
 * @param step - a positive step such as 0.25 or 2000
 */
export function decimalsForStep(step: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, scaled)) return d;
  }
  return 12;
}

/**
 * A "nice" tick step (1, 2, 2.5 or 5 times a power of ten) close to `span / count`.
 * @param span - the positive range to cover
 * @param count - about how many intervals are wanted
 */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * A linear value scale with nice ticks that always includes zero (schaal met nulpunt).
 *
 * @remarks
 * The domain is widened to whole ticks around `[min(0, lo), max(0, hi)]`, so bars always
 * start at a visible zero line. All-zero data gets the domain 0..1.
 *
 * @param lo - lowest data value (any finite number; use 0 when there is no data)
 * @param hi - highest data value
 * @param pixelFrom - pixel coordinate of the domain minimum (for a y axis: the bottom)
 * @param pixelTo - pixel coordinate of the domain maximum (for a y axis: the top)
 * @param count - about how many tick intervals are wanted (default 5)
 * @param minStep - smallest tick step (a power of ten), such as 1 for whole-number data (default: none)
 */
export function linearScale(
  lo: number,
  hi: number,
  pixelFrom: number,
  pixelTo: number,
  count = 5,
  minStep = 0,
): LinearScale {
  let low = Math.min(0, lo, hi);
  let high = Math.max(0, lo, hi);
  if (high - low < MIN_SPAN) {
    if (low === 0 && high === 0) high = 1;
    else if (high > 0) high = low + MIN_SPAN;
    else low = high - MIN_SPAN;
  }
  // Try a few tick counts around the wish and keep the one that wastes least room.
  const target = Math.max(1, Math.round(count));
  let best: { step: number; kLow: number; kHigh: number; score: number } | undefined;
  for (let c = Math.max(1, target - 2); c <= target + 2; c++) {
    const candidate = Math.max(minStep, niceStep(high - low, c));
    const kl = Math.floor(low / candidate + 1e-9);
    const kh = Math.ceil(high / candidate - 1e-9);
    const intervals = kh - kl;
    if (intervals < 1 || intervals > target + 2) continue;
    const score = ((kh - kl) * candidate) / (high - low) + 0.15 * Math.abs(intervals - target);
    if (best === undefined || score < best.score - 1e-9) best = { step: candidate, kLow: kl, kHigh: kh, score };
  }
  const step = best?.step ?? Math.max(minStep, niceStep(high - low, target));
  const kLow = best?.kLow ?? Math.floor(low / step + 1e-9);
  const kHigh = best?.kHigh ?? Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let k = kLow; k <= kHigh; k++) ticks.push(k === 0 ? 0 : k * step);
  const min = kLow * step;
  const max = kHigh * step;
  const span = max - min;
  const toPixel = (value: number): number => pixelFrom + ((value - min) / span) * (pixelTo - pixelFrom);
  return Object.freeze({
    min: min === 0 ? 0 : min,
    max: max === 0 ? 0 : max,
    ticks: Object.freeze(ticks),
    step,
    decimals: decimalsForStep(step),
    toPixel,
  });
}

/** A band scale: one band per category (year or step) across the plot width. */
export interface BandScale {
  /** Number of bands. */
  readonly count: number;
  /** Width of one band in pixels. */
  readonly bandWidth: number;
  /** Left edge of band `i`. */
  readonly start: (index: number) => number;
  /** Centre of band `i`. */
  readonly center: (index: number) => number;
}

/**
 * Splits `[from, to]` into `count` equal bands.
 * @param count - number of categories (0 is allowed)
 * @param from - left pixel
 * @param to - right pixel
 */
export function bandScale(count: number, from: number, to: number): BandScale {
  const bandWidth = count > 0 ? (to - from) / count : to - from;
  return Object.freeze({
    count,
    bandWidth,
    start: (index: number) => from + index * bandWidth,
    center: (index: number) => from + (index + 0.5) * bandWidth,
  });
}

/**
 * An estimate of the rendered width of a text in a sans-serif font, in pixels. Good enough
 * to reserve margins and to decide when to wrap or rotate labels.
 * @param content - the text
 * @param fontSize - font size in pixels
 */
export function textWidth(content: string, fontSize: number): number {
  let units = 0;
  for (const ch of content) {
    if ('il.,:;|!\'’ '.includes(ch)) units += 0.3;
    else if ('fjtrI()[]-'.includes(ch)) units += 0.38;
    else if ('mwMW@'.includes(ch)) units += 0.86;
    else if (ch >= 'A' && ch <= 'Z') units += 0.66;
    else units += 0.56;
  }
  return units * fontSize;
}

/**
 * Wraps text into lines no wider than `maxWidth` (estimated), breaking at spaces; a word that
 * is too long on its own gets a line of its own. At most `maxLines` lines: the last one ends in
 * an ellipsis when text was cut.
 * @param content - the text
 * @param maxWidth - maximum line width in pixels
 * @param fontSize - font size in pixels
 * @param maxLines - maximum number of lines (default 3)
 */
export function wrapText(content: string, maxWidth: number, fontSize: number, maxLines = 3): readonly string[] {
  const words = content.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1] ?? ''} ${lines[maxLines] ?? ''}`, maxWidth, fontSize);
  return kept;
}

/**
 * Shortens text with an ellipsis so that it fits `maxWidth` (estimated).
 * @param content - the text
 * @param maxWidth - maximum width in pixels
 * @param fontSize - font size in pixels
 */
export function truncate(content: string, maxWidth: number, fontSize: number): string {
  if (textWidth(content, fontSize) <= maxWidth) return content;
  const chars = [...content];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * A short stable hash (FNV-1a, base 36) used to make element ids unique per chart, so that
 * several charts can sit in one HTML page without their pattern ids colliding.
 * @param content - what the chart is made of
 */
export function shortHash(content: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) {
    h ^= content.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** What the accessible root element needs. */
export interface SvgRootOptions {
  /** Id prefix, unique within a page. */
  readonly id: string;
  /** Chart kind, added as class `mj-chart-<kind>`. */
  readonly kind: string;
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** Accessible name, shown as `<title>`. */
  readonly title: string;
  /** Accessible description, shown as `<desc>`. */
  readonly description: string;
  /** Language of the texts (`nl` or `en`). */
  readonly lang: string;
}

/** Font stack for every chart text. */
export const FONT_FAMILY = "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif";

/**
 * The root `<svg>` element with `role="img"`, `<title>` and `<desc>` (toegankelijkheid), a white
 * background and the given content.
 * @param options - size, ids and accessible texts
 * @param content - the drawing
 */
export function svgRoot(options: SvgRootOptions, ...content: readonly Child[]): string {
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: `mj-chart mj-chart-${options.kind}`,
      id: options.id,
      width: options.width,
      height: options.height,
      viewBox: `0 0 ${num(options.width)} ${num(options.height)}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      lang: options.lang,
      'font-family': FONT_FAMILY,
    },
    el('title', { id: titleId }, text(options.title)),
    el('desc', { id: descId }, text(options.description)),
    el('rect', { class: 'mj-background', x: 0, y: 0, width: options.width, height: options.height, fill: '#ffffff' }),
    ...content,
  ).markup;
}
