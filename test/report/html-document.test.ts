// Tests for src/report/html-document.ts (kept beside the chart tests it embeds).
import { describe, expect, it } from 'vitest';
import { saldoLineChart } from '../../src/report/charts/saldo-line-chart.js';
import { htmlDocument, type HtmlDocumentInput } from '../../src/report/html-document.js';
import { issuesOf, type CodeAndPath } from '../helpers.js';

const chart = saldoLineChart({ title: 'Saldo', unitLabel: 'x € 1.000', years: [2025, 2026], series: [{ name: 'Basis', values: [-609, 363] }] });

/** The issues htmlDocument reports for `input`. */
const codes = (input: unknown): CodeAndPath[] => issuesOf(() => htmlDocument(input as HtmlDocumentInput));

describe('htmlDocument', () => {
  it('makes one self-contained document in Dutch by default', () => {
    const html = htmlDocument({
      title: 'Meerjarenraming programma 2',
      parts: [
        { kind: 'heading', text: 'Saldo' },
        { kind: 'paragraph', text: 'Bedragen x € 1.000.' },
        { kind: 'svg', svg: chart, caption: 'Totaal saldo per jaar' },
        { kind: 'html', html: '<table><tr><td class="num">-609</td></tr></table>' },
        { kind: 'heading', text: 'Toelichting', level: 3 },
      ],
    });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Meerjarenraming programma 2</title>');
    expect(html).toContain('<h1>Meerjarenraming programma 2</h1>');
    expect(html).toContain('<h2>Saldo</h2>');
    expect(html).toContain('<h3>Toelichting</h3>');
    expect(html).toContain('<p>Bedragen x € 1.000.</p>');
    expect(html).toContain(`<figure>\n${chart}\n<figcaption>Totaal saldo per jaar</figcaption>\n</figure>`);
    expect(html).toContain('<td class="num">-609</td>');
    expect(html).toMatch(/<style>[\s\S]*@page[\s\S]*break-inside: avoid[\s\S]*<\/style>/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has no scripts and no external resources', () => {
    const html = htmlDocument({ title: 'T', parts: [{ kind: 'svg', svg: chart }] });
    expect(html).not.toMatch(/<script|<link|<img|@import|src=|href=|url\((?!#)/i);
  });

  it('escapes title, headings, paragraphs and captions', () => {
    const evil = '<script>alert("x")</script> & \'co\'';
    const html = htmlDocument({
      title: evil,
      lang: 'en',
      parts: [
        { kind: 'heading', text: evil },
        { kind: 'paragraph', text: evil },
        { kind: 'svg', svg: chart, caption: evil },
      ],
    });
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    expect(html).toContain('<html lang="en">');
  });

  it('reports every bad part with code and path', () => {
    expect(
      codes({
        title: 3,
        lang: 'de',
        parts: [
          { kind: 'svg', svg: '<div>not svg</div>' },
          { kind: 'heading' },
          { kind: 'heading', text: 'x', level: 7 },
          { kind: 'table' },
          null,
          { kind: 'svg', svg: chart, caption: 5 },
          {},
        ],
      }),
    ).toEqual([
      { code: 'invalid_type', path: 'title' },
      { code: 'invalid_value', path: 'lang' },
      { code: 'invalid_value', path: 'parts[0].svg' },
      { code: 'missing_field', path: 'parts[1].text' },
      { code: 'invalid_value', path: 'parts[2].level' },
      { code: 'invalid_value', path: 'parts[3].kind' },
      { code: 'invalid_type', path: 'parts[4]' },
      { code: 'invalid_type', path: 'parts[5].caption' },
      { code: 'missing_field', path: 'parts[6].kind' },
    ]);
    expect(codes({ title: 'x' })).toEqual([{ code: 'missing_field', path: 'parts' }]);
    expect(codes(null)).toEqual([{ code: 'invalid_argument', path: 'input' }]);
  });
});
