/**
 * One self-contained HTML report file (HTML-rapport): headings, paragraphs, tables rendered
 * elsewhere and SVG charts, with print CSS inlined.
 *
 * @packageDocumentation
 */

import { IssueCollector } from '../core/errors.js';
import { describeValue } from '../core/guard.js';
import { escapeXml } from './charts/svg.js';

/** One part of an HTML report (onderdeel), in reading order. @category Reports */
export type HtmlPart =
  | {
      /** Markup made by meerjaren (such as a rendered table), inserted as is. */
      readonly kind: 'html';
      /** The markup. */
      readonly html: string;
    }
  | {
      /** An SVG chart made by meerjaren, inserted as is inside a `<figure>`. */
      readonly kind: 'svg';
      /** The `<svg>` markup. */
      readonly svg: string;
      /** Caption under the chart (plain text, escaped). */
      readonly caption?: string;
    }
  | {
      /** A section heading (plain text, escaped). */
      readonly kind: 'heading';
      /** Heading text. */
      readonly text: string;
      /**
       * Heading level; the document title is level 1.
       * @defaultValue 2
       */
      readonly level?: 2 | 3 | 4;
    }
  | {
      /** A paragraph (plain text, escaped; blank lines are not special). */
      readonly kind: 'paragraph';
      /** Paragraph text. */
      readonly text: string;
    };

/** Input of {@link htmlDocument}. @category Reports */
export interface HtmlDocumentInput {
  /** Document title: the `<title>` and the `<h1>` (plain text, escaped). */
  readonly title: string;
  /**
   * Language of the document.
   * @defaultValue 'nl'
   */
  readonly lang?: 'nl' | 'en';
  /** The parts, in reading order. */
  readonly parts: readonly HtmlPart[];
}

/** The inline style sheet: readable on screen, tidy on A4 paper, no external resources. @category Reports */
export const REPORT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font-family: 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; background: #ffffff; }
h1 { font-size: 18pt; margin: 0 0 0.8em; }
h2 { font-size: 14pt; margin: 1.6em 0 0.5em; break-after: avoid; page-break-after: avoid; }
h3, h4 { font-size: 12pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 0.8em; orphans: 3; widows: 3; }
figure { margin: 1em 0 1.4em; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 9.5pt; color: #444444; margin-top: 0.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1.2em; font-size: 9.5pt; font-variant-numeric: tabular-nums; }
th, td { padding: 0.25em 0.5em; border-bottom: 1px solid #cccccc; vertical-align: top; }
th { text-align: left; }
td.num, th.num, td.mj-amount, td.mj-pm, td.mj-nil, thead th[scope="col"]:not(:first-child) { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
caption { text-align: left; font-size: 9.5pt; color: #444444; padding-bottom: 0.3em; }
caption .mj-title { display: block; font-size: 11pt; font-weight: bold; color: #1a1a1a; }
footer.mj-provenance { margin-top: 2em; padding-top: 0.4em; border-top: 1px solid #cccccc; font-size: 9pt; color: #444444; }
thead tr.mj-groups th { text-align: center; border-bottom: 1px solid #444444; }
thead tr.mj-groups th + th { border-left: 0.6em solid #ffffff; }
tbody th { font-weight: normal; }
tr.mj-heading th, tr.mj-subtotal th, tr.mj-subtotal td, tr.mj-total th, tr.mj-total td { font-weight: bold; }
tr.mj-total th, tr.mj-total td { border-top: 2px solid #1a1a1a; }
tr.mj-depth-1 th { padding-left: 1.2em; }
tr.mj-depth-2 th { padding-left: 2.4em; }
tr.mj-note th, tr.mj-note td, tr.mj-rounding th, tr.mj-rounding td { font-style: italic; color: #444444; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
}
`.trim();

/**
 * Builds one self-contained HTML file (HTML-document) from report parts.
 *
 * @remarks
 * The result has inline CSS suitable for print (A4, no page breaks inside figures or table
 * rows), no scripts and no external resources. Titles, headings, paragraphs and captions are
 * escaped. `html` and `svg` parts are inserted as they are: pass only markup that meerjaren
 * made (its tables and charts escape their own text); an `svg` part must start with `<svg`.
 *
 * @param input - title, language and parts
 * @returns the HTML document as a string
 * @throws MeerjarenError listing every bad part (codes `invalid_type`, `missing_field`, `invalid_value`)
 *
 * @example
 * ```ts
 * import { htmlDocument, saldoLineChart } from 'meerjaren';
 *
 * const html = htmlDocument({
 *   title: 'Meerjarenraming programma 2',
 *   parts: [
 *     { kind: 'heading', text: 'Saldo' },
 *     { kind: 'svg', svg: saldoLineChart({ title: 'Saldo', unitLabel: 'x € 1.000', years: [2025, 2026], series: [{ name: 'Basis', values: [-609, 363] }] }), caption: 'Bedragen x € 1.000' },
 *   ],
 * });
 * ```
 * @category Reports
 */
export function htmlDocument(input: HtmlDocumentInput): string {
  const issues = new IssueCollector();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    issues.add('invalid_argument', ['input'], `htmlDocument: input must be an object with title and parts, not ${describeValue(input)}`);
    issues.throwIfAny();
  }
  for (const key of Object.keys(input)) {
    if (!['title', 'lang', 'parts'].includes(key)) issues.add('unknown_option', [key], `htmlDocument: unknown field "${key}"; known fields: title, lang, parts`);
  }
  const title = typeof input.title === 'string' ? input.title : '';
  if (typeof input.title !== 'string') {
    issues.add(input.title === undefined ? 'missing_field' : 'invalid_type', ['title'], 'must be a string');
  }
  const lang = input.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') issues.add('invalid_value', ['lang'], "must be 'nl' or 'en'");
  const parts: readonly unknown[] = Array.isArray(input.parts) ? input.parts : [];
  if (!Array.isArray(input.parts)) {
    issues.add(input.parts === undefined ? 'missing_field' : 'invalid_type', ['parts'], 'must be an array of parts');
  }
  const body = parts.map((part, i) => renderPart(part, i, issues));
  issues.throwIfAny();

  // one string grown part by part and copied flat once by its reader (a join would copy the table's rows again)
  let html = `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n`;
  html += `<title>${escapeXml(title)}</title>\n<style>\n${REPORT_CSS}\n</style>\n</head>\n<body>\n<main>\n<h1>${escapeXml(title)}</h1>\n`;
  for (const part of body) html += part + '\n';
  return html + '</main>\n</body>\n</html>\n';
}

function renderPart(part: unknown, index: number, issues: IssueCollector): string {
  const path = ['parts', index];
  if (typeof part !== 'object' || part === null) {
    issues.add('invalid_type', path, 'must be an object with a kind');
    return '';
  }
  const p = part as Record<string, unknown>;
  const field = (name: string): string => {
    const value = p[name];
    if (typeof value === 'string') return value;
    issues.add(value === undefined ? 'missing_field' : 'invalid_type', [...path, name], 'must be a string');
    return '';
  };
  switch (p['kind']) {
    case 'html':
      return field('html');
    case 'svg': {
      const svg = field('svg');
      if (typeof p['svg'] === 'string' && !/^\s*<svg[\s>]/.test(svg)) {
        issues.add('invalid_value', [...path, 'svg'], 'must be an <svg> element');
      }
      const caption = p['caption'];
      if (caption !== undefined && typeof caption !== 'string') {
        issues.add('invalid_type', [...path, 'caption'], 'must be a string');
      }
      const figcaption = typeof caption === 'string' && caption !== '' ? `\n<figcaption>${escapeXml(caption)}</figcaption>` : '';
      return `<figure>\n${svg.trim()}${figcaption}\n</figure>`;
    }
    case 'heading': {
      const content = field('text');
      const level = p['level'] ?? 2;
      if (level !== 2 && level !== 3 && level !== 4) {
        issues.add('invalid_value', [...path, 'level'], 'must be 2, 3 or 4');
        return '';
      }
      return `<h${level}>${escapeXml(content)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${escapeXml(field('text'))}</p>`;
    default:
      issues.add(p['kind'] === undefined ? 'missing_field' : 'invalid_value', [...path, 'kind'], "must be 'html', 'svg', 'heading' or 'paragraph'");
      return '';
  }
}
