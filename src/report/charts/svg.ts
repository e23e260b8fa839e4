/**
 * Tiny SVG helpers for the report charts (grafieken): escaping, an element builder, number
 * writing, path data and the accessible root element. Pixel scales (`scales.ts`) and text
 * measurement estimates (`text-measure.ts`) are re-exported from here.
 *
 * @remarks
 * Everything here is pure and works on plain strings: no DOM, no browser, no dependency.
 * Floats are fine in this module: they only place pixels. Amounts reach a chart already
 * converted to display units; the exact figures stay in the model.
 *
 * @packageDocumentation
 */

import { fail } from '../../core/errors.js';

export { MIN_SPAN, bandScale, decimalsForStep, linearScale, niceStep, type BandScale, type LinearScale } from './scales.js';
export { textWidth, truncate, wrapText } from './text-measure.js';

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
