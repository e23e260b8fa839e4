import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budget, evaluate, htmlReport, loadBudget, pm, VERSION } from '../../src/index.js';
import { WATERFALL_STEP_LIMIT } from '../../src/report/charts/report-charts.js';

const tb1 = loadBudget(readFileSync(join(__dirname, '..', '..', 'examples', 'data', 'seed000-tb1.json'), 'utf8'));

describe('htmlReport', () => {
  it('labels chart values as the table prints them: a total that holds a pm says so', () => {
    const html = htmlReport(tb1, evaluate(tb1));
    // seed 000's TOTAAL SALDO PROGRAMMA 2026 is 363 with pm posts: the table, the saldo chart, the balance
    // chart's total and the waterfall's total label all print "363 + pm", never a bare "363"
    const saldoChart = html.slice(html.indexOf('Totaal saldo per jaar'));
    expect(saldoChart).toContain('363 + pm');
    expect(saldoChart).not.toMatch(/>363</);
    const waterfall = html.slice(html.indexOf('Saldo 2026 per regel'));
    expect(waterfall).toContain('363 + pm');
    // 2025 holds no pm: its label is the figure alone
    expect(saldoChart).toMatch(/>-609</);
  });

  it("gives the table a caption of its unit only: the page's heading is the title", () => {
    const html = htmlReport(tb1, evaluate(tb1));
    expect(html).toContain(`<h1>${tb1.title}</h1>`);
    expect(html).toContain('<caption><span class="mj-unit">Bedragen x € 1.000</span></caption>');
  });

  it('shows a column group over all its years: the label centred over its span, ruled under it', () => {
    const html = htmlReport(tb1, evaluate(tb1));
    expect(html).toContain('<th scope="colgroup" colspan="4">MJB 2026 - 2029</th>');
    expect(html).toMatch(/thead tr\.mj-groups th \{ text-align: center; border-bottom: 1px solid #444444; \}/);
  });
});

/** The value labels of the chart whose title is `title`, in order. */
function chartLabels(html: string, title: string): string[] {
  const from = html.indexOf(`-title">${title}</title>`);
  const chart = html.slice(from, html.indexOf('</svg>', from));
  return [...chart.matchAll(/<text class="mj-label mj-value-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

/** A printed Dutch figure as a number of display units ("-1.234" is -1234; "363 + pm" is 363). */
const figure = (label: string): number => Number(label.replace(/ [+-] pm$/, '').replace(/\./g, ''));

/** The printed cells of the table's row labelled `label`. */
function tableCells(html: string, label: string): string[] {
  const row = html.slice(html.indexOf(`<th scope="row">${label}</th>`));
  return [...row.slice(0, row.indexOf('</tr>')).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!);
}

describe('htmlReport: chart labels are the table printed figures', () => {
  // three lines of 1.400 euro shown in thousands: each rounds to 1 while their total rounds to 4
  const three = budget({ title: 'Drie', unit: 'euro', horizon: { from: 2025, to: 2026, budgetYear: 2025 } })
    .section('1', 'Een')
    .line('1.1', 'A', [1400, 1], { nature: 'structural' })
    .line('1.2', 'B', [1400, 1], { nature: 'structural' })
    .section('2', 'Twee')
    .line('2.1', 'C', [1400, 1], { nature: 'incidental' })
    .build();

  it('under the consistent policy the waterfall labels are the table figures and add up to its total', () => {
    const html = htmlReport(three, evaluate(three), { unit: 'thousand' });
    const labels = chartLabels(html, 'Saldo 2025 per regel');
    const printed = ['1.1 A', '1.2 B', '2.1 C', 'TOTAAL SALDO PROGRAMMA'].map((row) => tableCells(html, row)[0]!);
    expect(labels).toEqual(printed);
    expect(labels.slice(0, -1).map(figure).reduce((a, b) => a + b)).toBe(figure(labels.at(-1)!));
    expect(chartLabels(html, 'Totaal saldo per jaar')).toEqual(tableCells(html, 'TOTAAL SALDO PROGRAMMA'));
  });

  it('under the plain policy the rounding difference is a step of its own, so the steps still add up', () => {
    const html = htmlReport(three, evaluate(three), { unit: 'thousand', rounding: 'plain' });
    const labels = chartLabels(html, 'Saldo 2025 per regel');
    expect(labels).toEqual(['1', '1', '1', '1', '4']);
    expect(html.slice(html.indexOf('-title">Saldo 2025 per regel'))).toContain('Afrondingsverschil');
  });

  it(`groups the steps per section past ${WATERFALL_STEP_LIMIT} bars, each the sum of its printed parts`, () => {
    let b = budget({ title: 'Groot', unit: 'euro', horizon: { from: 2025, to: 2026, budgetYear: 2025 } });
    for (let s = 1; s <= 3; s++) {
      b = b.section(String(s), `Sectie ${s}`);
      for (let l = 1; l <= 20; l++) b = b.line(`${s}.${l}`, `Regel ${l}`, [s === 2 && l === 1 ? pm : 1400 * s + l, 1], { nature: 'structural' });
    }
    const big = b.build();
    const html = htmlReport(big, evaluate(big), { unit: 'thousand' });
    const labels = chartLabels(html, 'Saldo 2025 per sectie');
    expect(labels).toHaveLength(4);
    // section 2 holds a pm in 2025: its bar says so; the sections' printed figures add up to the printed total
    expect(labels[1]).toMatch(/ \+ pm$/);
    expect(labels.slice(0, -1).map(figure).reduce((a, b) => a + b)).toBe(figure(labels[3]!));
    expect(labels[3]).toBe(tableCells(html, 'TOTAAL SALDO PROGRAMMA')[0]);
    const waterfall = html.slice(html.indexOf('-title">Saldo 2025 per sectie'));
    expect(waterfall).toContain('2 Sectie 2');
    expect(waterfall).not.toContain('Regel 1<');
  });
});

describe('htmlReport: a waterfall of more sections than its limit', () => {
  it(`keeps the ${WATERFALL_STEP_LIMIT - 1} largest sections and gives the others one bar; the steps still add up`, () => {
    let b = budget({ title: 'Veel', unit: 'euro', horizon: { from: 2025, to: 2025, budgetYear: 2025 } });
    // 60 sections of one line: section s has 1.000 x s euro (section 7 a cost), so sections 1..21 are the smallest
    for (let s = 1; s <= 60; s++) b = b.section(String(s), `Sectie ${s}`).line(`${s}.1`, 'Regel', [s === 7 ? -7000 : 1000 * s], { nature: 'structural' });
    const many = b.build();
    const html = htmlReport(many, evaluate(many), { unit: 'thousand' });
    const labels = chartLabels(html, 'Saldo 2025 per sectie');
    expect(labels).toHaveLength(WATERFALL_STEP_LIMIT + 1);
    const waterfall = html.slice(html.indexOf('-title">Saldo 2025 per sectie'));
    expect(waterfall).toContain('Overige 21 secties');
    expect(waterfall).toContain('>22 Sectie 22<');
    expect(waterfall).not.toContain('>21 Sectie 21<');
    // the others: 1..21 without 7, minus 7 = 231 - 14 = 217
    expect(labels[WATERFALL_STEP_LIMIT - 1]).toBe('217');
    expect(labels.slice(0, -1).map(figure).reduce((x, y) => x + y)).toBe(figure(labels.at(-1)!));
  });
});

describe('htmlReport: provenance', () => {
  const sha = '1a2b3c4d5e6f' + '0'.repeat(52);

  it('prints source, hash, date and the library version in a line at the foot', () => {
    const html = htmlReport(tb1, evaluate(tb1), {}, { provenance: { source: 'seed000-tb1.json', sha256: sha.toUpperCase(), date: '2026-12-03' } });
    const foot = html.slice(html.lastIndexOf('<footer'));
    expect(foot).toContain(`Bron: seed000-tb1.json (sha256 1a2b3c4d5e6f…), 3 december 2026, meerjaren ${VERSION}`);
    expect(foot).toContain(`data-sha256="${sha}"`);
    // the line is the last thing on the page, after the charts and the pm note
    expect(html.indexOf('<footer')).toBeGreaterThan(html.lastIndexOf('</svg>'));
    expect(html.indexOf('<footer')).toBeGreaterThan(html.indexOf('pm-posten'));
  });

  it('always names the library version, in the report language', () => {
    expect(htmlReport(tb1, evaluate(tb1))).toContain(`<footer class="mj-provenance"><p>meerjaren ${VERSION}</p></footer>`);
    const en = htmlReport(tb1, evaluate(tb1), { labels: 'en' }, { provenance: { sha256: sha, date: '2026-01-09' } });
    expect(en).toContain(`Source: sha256 1a2b3c4d5e6f…, 9 January 2026, meerjaren ${VERSION}`);
  });

  it('escapes the source name', () => {
    const html = htmlReport(tb1, evaluate(tb1), {}, { provenance: { source: '<b>x</b>.json' } });
    expect(html).toContain('Bron: &lt;b&gt;x&lt;/b&gt;.json, meerjaren');
  });
});

describe('htmlReport: a budget in the "+ is nadeel" convention', () => {
  it("draws its costs as nadeel steps in the waterfall, labelled as its table prints them", () => {
    const seed001 = loadBudget(readFileSync(join(__dirname, '..', '..', 'examples', 'data', 'seed001-beleidswijzigingen.json'), 'utf8'));
    const html = htmlReport(seed001, evaluate(seed001), { sign: 'nadeel-positive' });
    const waterfall = html.slice(html.indexOf('-title">Saldo 2026 per regel'));
    // 77, 446 and 130 are costs: positive in this table's convention, nadeel all the same
    expect([...waterfall.matchAll(/class="mj-bar mj-bar-disadvantage"[^>]*data-value="([^"]*)"/g)].map((m) => m[1])).toEqual(['77', '446', '130']);
    expect(waterfall).not.toContain('mj-bar mj-bar-advantage');
    expect(chartLabels(html, 'Saldo 2026 per regel')).toEqual(['77', '446', '130', '653 + pm']);
  });

  it("is shown in the budget's own convention unless the presentation says otherwise", () => {
    const seed001 = loadBudget(readFileSync(join(__dirname, '..', '..', 'examples', 'data', 'seed001-beleidswijzigingen.json'), 'utf8'));
    expect(seed001.presentation.sign).toBe('nadeel-positive');
    const own = htmlReport(seed001, evaluate(seed001));
    expect(own).toBe(htmlReport(seed001, evaluate(seed001), { sign: 'nadeel-positive' }));
    expect(own).not.toBe(htmlReport(seed001, evaluate(seed001), { sign: 'voordeel-positive' }));
  });
});
