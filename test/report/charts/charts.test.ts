import { describe, expect, it } from 'vitest';
import { balanceChart } from '../../../src/report/charts/balance-chart.js';
import { fanChart } from '../../../src/report/charts/fan-chart.js';
import { saldoLineChart } from '../../../src/report/charts/saldo-line-chart.js';
import { targetChart } from '../../../src/report/charts/target-chart.js';
import { waterfallChart } from '../../../src/report/charts/waterfall-chart.js';
import { issuesOf } from '../../helpers.js';

// ---------------------------------------------------------------------------------------------
// A tiny XML parser: enough to check that a chart is well-formed and to query its structure.
// It rejects stray '<', '>' or '&' in text and attributes, so unescaped text makes it throw.
// ---------------------------------------------------------------------------------------------

interface XmlNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|#39);/g;
const DECODE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (s: string): string => s.replace(ENTITY, (m) => DECODE[m] ?? m);

function parseXml(xml: string): XmlNode {
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>|([^<>]+)/y;
  const root: XmlNode = { tag: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let pos = 0;
  while (pos < xml.length) {
    token.lastIndex = pos;
    const m = token.exec(xml);
    if (m === null) throw new Error(`not well-formed at ${pos}: ${xml.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const [, closing, tag, attrText, selfClosing, textPart] = m;
    const top = stack[stack.length - 1];
    if (top === undefined) throw new Error('stack underflow');
    if (textPart !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(textPart)) throw new Error(`raw & in text: ${textPart}`);
      top.text += decode(textPart);
      continue;
    }
    if (closing === '/') {
      if (top.tag !== tag) throw new Error(`</${tag}> closes <${top.tag}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) {
      const [, name = '', value = ''] = a;
      if (name in attrs) throw new Error(`duplicate attribute ${name}`);
      if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(value)) throw new Error(`raw & in attribute ${name}`);
      attrs[name] = decode(value);
    }
    const node: XmlNode = { tag: tag ?? '', attrs, children: [], text: '' };
    top.children.push(node);
    if (selfClosing !== '/') stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.tag}>`);
  const [svg, ...rest] = root.children;
  if (svg === undefined || rest.length > 0) throw new Error('expected exactly one root element');
  return svg;
}

function all(node: XmlNode, predicate: (n: XmlNode) => boolean): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    if (predicate(n)) out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}
const hasClass = (n: XmlNode, cls: string): boolean => (n.attrs['class'] ?? '').split(/\s+/).includes(cls);
const byClass = (node: XmlNode, cls: string): XmlNode[] => all(node, (n) => hasClass(n, cls));
const textOf = (n: XmlNode): string => n.text + n.children.map(textOf).join('');
const attr = (n: XmlNode | undefined, name: string): string => n?.attrs[name] ?? '';
const numAttr = (n: XmlNode | undefined, name: string): number => Number(attr(n, name));

/** Checks what every chart must have; returns the parsed tree. */
function checkCommon(svg: string): XmlNode {
  expect(svg).not.toMatch(/NaN|Infinity|undefined|\[object/);
  const root = parseXml(svg);
  expect(root.tag).toBe('svg');
  expect(attr(root, 'role')).toBe('img');
  expect(attr(root, 'xmlns')).toBe('http://www.w3.org/2000/svg');
  const [titleId, descId] = attr(root, 'aria-labelledby').split(' ');
  expect(root.children[0]?.tag).toBe('title');
  expect(attr(root.children[0], 'id')).toBe(titleId);
  expect(root.children[1]?.tag).toBe('desc');
  expect(attr(root.children[1], 'id')).toBe(descId);
  expect(byClass(root, 'mj-axis')).toHaveLength(2);
  expect(byClass(root, 'mj-axis-y')).toHaveLength(1);
  expect(byClass(root, 'mj-title')).toHaveLength(1);
  expect(byClass(root, 'mj-legend').length).toBeLessThanOrEqual(1);
  expect(byClass(root, 'mj-zero-line')).toHaveLength(1);
  // The zero line lies inside the value axis.
  const zero = byClass(root, 'mj-zero-line')[0];
  const axis = byClass(byClass(root, 'mj-axis-y')[0] ?? root, 'mj-axis-line')[0];
  const [top, bottom] = [numAttr(axis, 'y1'), numAttr(axis, 'y2')].sort((a, b) => a - b);
  expect(numAttr(zero, 'y1')).toBeGreaterThanOrEqual(top ?? 0);
  expect(numAttr(zero, 'y1')).toBeLessThanOrEqual(bottom ?? 0);
  // There is a zero tick.
  expect(byClass(root, 'mj-tick-label').map((n) => attr(n, 'data-value'))).toContain('0');
  // Every url(#id) reference points at an element of this chart.
  const ids = new Set(all(root, (n) => n.attrs['id'] !== undefined).map((n) => attr(n, 'id')));
  for (const ref of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids.has(ref[1] ?? '')).toBe(true);
  return root;
}

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030, 2031];
const SALDO = [-609, 363, 533, 725, 702, 742, 752];
const unitLabel = 'x € 1.000';

describe('saldoLineChart', () => {
  const chart = (series: { name: string; values: (number | null)[] }[], extra: object = {}): string =>
    saldoLineChart({ title: 'Totaal saldo', unitLabel, years: YEARS, series, ...extra });

  it('draws one point per year and series, a line per series and a legend entry per series', () => {
    const root = checkCommon(
      chart([
        { name: 'Basis', values: SALDO },
        { name: 'Zonder bezuinigingen', values: SALDO.map((v) => v - 954) },
      ]),
    );
    for (const name of ['Basis', 'Zonder bezuinigingen']) {
      const points = byClass(root, 'mj-point').filter((p) => attr(p, 'data-series') === name);
      expect(points.map((p) => attr(p, 'data-year'))).toEqual(YEARS.map(String));
      expect(byClass(root, 'mj-line').filter((p) => attr(p, 'data-series') === name)).toHaveLength(1);
    }
    expect(byClass(root, 'mj-legend-item').map((n) => attr(n, 'data-series'))).toEqual(['Basis', 'Zonder bezuinigingen']);
    expect(byClass(root, 'mj-legend-label').map(textOf)).toEqual(['Basis', 'Zonder bezuinigingen']);
  });

  it('prints years without grouping, ticks and values with Dutch grouping', () => {
    const root = checkCommon(chart([{ name: 'Basis', values: [-2100, 1083, 0, 0, 0, 0, 0] }]));
    expect(byClass(root, 'mj-x-label').map(textOf)).toEqual(YEARS.map(String));
    const values = byClass(root, 'mj-value-label').map(textOf);
    expect(values).toContain('-2.100');
    expect(values).toContain('1.083');
    expect(byClass(root, 'mj-tick-label').map(textOf)).toEqual(['-3.000', '-2.000', '-1.000', '0', '1.000', '2.000']);
  });

  it('leaves gaps for nulls: no point and a broken line', () => {
    const root = checkCommon(chart([{ name: 'Basis', values: [-609, 363, null, 725, null, null, 752] }]));
    const years = byClass(root, 'mj-point').map((p) => attr(p, 'data-year'));
    expect(years).toEqual(['2025', '2026', '2028', '2031']);
    const d = attr(byClass(root, 'mj-line')[0], 'd');
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d.match(/L/g)).toHaveLength(1);
  });

  it('draws no line for an all-null series but keeps its legend entry', () => {
    const root = checkCommon(chart([{ name: 'Leeg', values: YEARS.map(() => null) }]));
    expect(byClass(root, 'mj-point')).toHaveLength(0);
    expect(byClass(root, 'mj-line')).toHaveLength(0);
    expect(byClass(root, 'mj-legend-item')).toHaveLength(1);
  });

  it('escapes the title, names and unit label', () => {
    const svg = saldoLineChart({
      title: '<script>alert("x")</script> & co',
      unitLabel: 'x € 1.000 <b>',
      years: YEARS,
      series: [{ name: 'A "quoted" <name>', values: SALDO }],
    });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    const root = checkCommon(svg);
    expect(textOf(byClass(root, 'mj-title')[0] ?? root)).toBe('<script>alert("x")</script> & co');
    expect(textOf(root.children[0] ?? root)).toBe('<script>alert("x")</script> & co');
    expect(byClass(root, 'mj-point').every((p) => attr(p, 'data-series') === 'A "quoted" <name>')).toBe(true);
  });

  it('works for all-negative data: zero at the top of the axis', () => {
    const root = checkCommon(chart([{ name: 'Tekort', values: [-900, -800, -700, -600, -500, -400, -300] }]));
    const axis = byClass(byClass(root, 'mj-axis-y')[0] ?? root, 'mj-axis-line')[0];
    expect(numAttr(byClass(root, 'mj-zero-line')[0], 'y1')).toBe(Math.min(numAttr(axis, 'y1'), numAttr(axis, 'y2')));
    const ticks = byClass(root, 'mj-tick-label').map((n) => Number(attr(n, 'data-value')));
    expect(Math.max(...ticks)).toBe(0);
  });

  it('works for all-zero data, with whole-number ticks', () => {
    const root = checkCommon(chart([{ name: 'Nul', values: YEARS.map(() => 0) }]));
    expect(byClass(root, 'mj-point')).toHaveLength(7);
    expect(byClass(root, 'mj-tick-label').map(textOf)).toEqual(['0', '1']);
  });

  it('works with no years and with no series', () => {
    checkCommon(saldoLineChart({ title: 'Leeg', unitLabel, years: [], series: [] }));
    checkCommon(saldoLineChart({ title: 'Leeg', unitLabel, years: YEARS, series: [] }));
  });

  it('uses English texts and number format with labels: en', () => {
    const svg = saldoLineChart({ title: 'Saldo', unitLabel: 'x EUR 1,000', years: YEARS, series: [{ name: 'Base', values: [1083, -2100, 0, 0, 0, 0, 0] }], labels: 'en' });
    const root = checkCommon(svg);
    expect(attr(root, 'lang')).toBe('en');
    expect(byClass(root, 'mj-value-label').map(textOf)).toEqual(expect.arrayContaining(['1,083', '-2,100']));
    expect(textOf(root.children[1] ?? root)).toMatch(/^Line chart: /);
  });

  it('uses a custom formatter and preformatted displays', () => {
    const svg = saldoLineChart({
      title: 'Saldo',
      unitLabel,
      years: [2025, 2026],
      series: [{ name: 'A', values: [1.5, 2], displays: ['anderhalf', null] }],
      format: (v) => `${v} k`,
    });
    const root = checkCommon(svg);
    expect(byClass(root, 'mj-value-label').map(textOf)).toEqual(['anderhalf', '2 k']);
  });

  it('honours width, height and id', () => {
    const root = checkCommon(chart([{ name: 'Basis', values: SALDO }], { width: 900, height: 500, id: 'saldo-1' }));
    expect(attr(root, 'width')).toBe('900');
    expect(attr(root, 'height')).toBe('500');
    expect(attr(root, 'viewBox')).toBe('0 0 900 500');
    expect(attr(root, 'id')).toBe('saldo-1');
  });

  it('is deterministic and gives different charts different ids', () => {
    const a = chart([{ name: 'Basis', values: SALDO }]);
    expect(chart([{ name: 'Basis', values: SALDO }])).toBe(a);
    const b = chart([{ name: 'Basis', values: SALDO.map((v) => v + 1) }]);
    expect(attr(parseXml(a), 'id')).not.toBe(attr(parseXml(b), 'id'));
  });

  it('describes the data in words for screen readers', () => {
    const root = checkCommon(chart([{ name: 'Basis', values: [-609, null, 533, 725, 702, 742, 752] }]));
    const desc = textOf(root.children[1] ?? root);
    expect(desc).toContain('Lijndiagram');
    expect(desc).toContain('2025: -609');
    expect(desc).toContain('2026: geen waarde');
    expect(checkCommon(chart([{ name: 'B', values: SALDO }], { description: 'Eigen tekst' }))).toBeDefined();
  });

  it('reports every bad input at once, with codes and paths', () => {
    const issues = issuesOf(() =>
      saldoLineChart({
        title: 'x',
        unitLabel,
        years: [2025, 2026, 2026],
        series: [
          { name: 'A', values: [1, 2] },
          { name: 'A', values: [Number.NaN, Number.POSITIVE_INFINITY, 1e16] },
        ],
        width: -5,
        id: '1 bad',
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { code: 'invalid_value', path: 'width' },
        { code: 'invalid_id', path: 'id' },
        { code: 'duplicate_year', path: 'years[2]' },
        { code: 'length_mismatch', path: 'series[0].values' },
        { code: 'duplicate_key', path: 'series[1].name' },
        { code: 'invalid_value', path: 'series[1].values[0]' },
        { code: 'invalid_value', path: 'series[1].values[1]' },
        { code: 'amount_out_of_range', path: 'series[1].values[2]' },
      ]),
    );
  });

  it('reports missing and mistyped fields', () => {
    const bad = { title: 5, years: 'x', series: [null, { name: 'B', values: ['1'] }] } as unknown as Parameters<typeof saldoLineChart>[0];
    const issues = issuesOf(() => saldoLineChart(bad));
    expect(issues).toEqual(
      expect.arrayContaining([
        { code: 'invalid_type', path: 'title' },
        { code: 'missing_field', path: 'unitLabel' },
        { code: 'invalid_type', path: 'years' },
        { code: 'invalid_type', path: 'series[0]' },
      ]),
    );
  });
});

describe('waterfallChart', () => {
  const steps = [
    { label: '1.1 Vergoeding Oekraïne', value: 6500 },
    { label: '1.1 Kosten noodopvang', value: -3600 },
    { label: '1.2 HAR', value: -771 },
    { label: '1.2 Vergoeding COA', value: 371 },
    { label: '1.3 Noodopvang asielzoekers', value: -30 },
    { label: '1.4 Uitvoeringscapaciteit Wmo', value: -1100 },
    { label: '1.5 Werkbudget Wmo', value: 1100 },
    { label: '1.6 Uitvoeringscapaciteit JGH', value: -800 },
    { label: '1.7 Jeugdgezondheidszorg', value: -152 },
    { label: '2.1 Kinderopvang SMI', value: -27 },
    { label: '3.1 Gemeentelijke opvang', value: -2100 },
  ];

  it('builds seed 000 2025 from its lines: one bar per step and a total of -609', () => {
    const root = checkCommon(waterfallChart({ title: 'Saldo 2025', unitLabel, steps, totalLabel: 'Totaal 2025' }));
    const bars = byClass(root, 'mj-bar');
    expect(bars).toHaveLength(steps.length + 1);
    expect(bars.map((b) => attr(b, 'data-step'))).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    const total = bars[bars.length - 1];
    expect(attr(total, 'data-series')).toBe('total');
    expect(attr(total, 'data-value')).toBe('-609');
    expect(byClass(root, 'mj-value-label').map(textOf)).toEqual(expect.arrayContaining(['6.500', '-3.600', '-2.100', '-609']));
    expect(byClass(root, 'mj-connector')).toHaveLength(steps.length);
    expect(byClass(root, 'mj-x-label').map((n) => attr(n, 'data-step'))).toHaveLength(12);
  });

  it('keeps voordeel and nadeel apart without hue: one solid, one hatched', () => {
    const root = checkCommon(waterfallChart({ title: 'W', unitLabel, steps, totalLabel: 'Totaal' }));
    const advantage = byClass(root, 'mj-bar-advantage');
    const disadvantage = byClass(root, 'mj-bar-disadvantage');
    expect(advantage.map((b) => attr(b, 'data-value'))).toEqual(['6500', '371', '1100']);
    expect(disadvantage).toHaveLength(8);
    expect(attr(advantage[0], 'fill')).toMatch(/^#/);
    expect(attr(disadvantage[0], 'fill')).toMatch(/^url\(#/);
    expect(byClass(root, 'mj-legend-item').map((n) => attr(n, 'data-series'))).toEqual(['advantage', 'disadvantage', 'total']);
  });

  it('floats each step from the running total', () => {
    const root = checkCommon(
      waterfallChart({ title: 'W', unitLabel, start: { label: 'Begin', value: 100 }, steps: [{ label: 'a', value: 50 }, { label: 'b', value: -200 }], totalLabel: 'Eind' }),
    );
    const [start, a, b, total] = byClass(root, 'mj-bar');
    // The top of step a is the top of the start bar minus a's height; b starts where a ends.
    expect(numAttr(a, 'y') + numAttr(a, 'height')).toBeCloseTo(numAttr(start, 'y'), 1);
    expect(numAttr(b, 'y')).toBeCloseTo(numAttr(a, 'y'), 1);
    expect(attr(total, 'data-value')).toBe('-50');
    expect(attr(start, 'data-series')).toBe('start');
  });

  it('draws no bar for a null step but keeps its label and display', () => {
    const root = checkCommon(
      waterfallChart({ title: 'W', unitLabel, steps: [{ label: 'a', value: 10 }, { label: '1.8 pm', value: null, display: 'pm' }, { label: 'c', value: -5 }], totalLabel: 'T' }),
    );
    expect(byClass(root, 'mj-bar').map((b) => attr(b, 'data-step'))).toEqual(['0', '2', '3']);
    expect(byClass(root, 'mj-x-label').map(textOf)).toContain('1.8 pm');
    expect(byClass(root, 'mj-value-label').map(textOf)).toContain('pm');
  });

  it('works for all-negative, all-zero and empty steps', () => {
    checkCommon(waterfallChart({ title: 'W', unitLabel, steps: [{ label: 'a', value: -1 }, { label: 'b', value: -2 }], totalLabel: 'T' }));
    const zero = checkCommon(waterfallChart({ title: 'W', unitLabel, steps: [{ label: 'a', value: 0 }], totalLabel: 'T' }));
    expect(byClass(zero, 'mj-bar')).toHaveLength(2);
    const empty = checkCommon(waterfallChart({ title: 'W', unitLabel, steps: [], totalLabel: 'T' }));
    expect(byClass(empty, 'mj-bar')).toHaveLength(1);
  });

  it('prints the exact total when given as totalDisplay', () => {
    const root = checkCommon(waterfallChart({ title: 'W', unitLabel, steps: [{ label: 'a', value: 0.1 }, { label: 'b', value: 0.2 }], totalLabel: 'T', totalDisplay: '0,3' }));
    expect(byClass(root, 'mj-value-label').map(textOf)).toEqual(['0,1', '0,2', '0,3']);
  });

  it('reports bad steps with codes and paths', () => {
    const bad = { title: 'W', unitLabel, steps: [{ label: 'a', value: 'x' }, 4], totalLabel: 7, start: { label: 'b' } } as unknown as Parameters<typeof waterfallChart>[0];
    expect(issuesOf(() => waterfallChart(bad))).toEqual(
      expect.arrayContaining([
        { code: 'invalid_type', path: 'steps[0].value' },
        { code: 'invalid_type', path: 'steps[1]' },
        { code: 'invalid_type', path: 'totalLabel' },
        { code: 'invalid_type', path: 'start.value' },
      ]),
    );
  });
});

describe('targetChart', () => {
  const target = YEARS.map((y) => (y === 2025 ? 3000 : 7000 + (y - 2026) * 1000));
  const realised = [2400, 5100, 6200, 7000, 7400, 7800, 8000];

  it('draws one target bar and one realised bar per year, and the gap per year', () => {
    const root = checkCommon(targetChart({ title: 'Taakstelling', unitLabel, years: YEARS, target, realised, planned: [3000, 6000, 7500, 8000, 8500, 9000, 9000] }));
    expect(byClass(root, 'mj-bar-target').map((b) => attr(b, 'data-year'))).toEqual(YEARS.map(String));
    expect(byClass(root, 'mj-bar-realised').map((b) => attr(b, 'data-year'))).toEqual(YEARS.map(String));
    expect(byClass(root, 'mj-gap').map((g) => Number(attr(g, 'data-value')))).toEqual(target.map((t, i) => t - (realised[i] ?? 0)));
    expect(byClass(root, 'mj-point').filter((p) => attr(p, 'data-series') === 'planned')).toHaveLength(7);
    expect(byClass(root, 'mj-legend-item').map((n) => attr(n, 'data-series'))).toEqual(['target', 'realised', 'gap', 'planned']);
    expect(attr(byClass(root, 'mj-gap')[0], 'fill')).toMatch(/^url\(#/);
  });

  it('shows a surplus when realised exceeds the target, also for negative targets', () => {
    const root = checkCommon(targetChart({ title: 'T', unitLabel, years: [1, 2], target: [100, -100], realised: [150, -150] }));
    expect(byClass(root, 'mj-gap')).toHaveLength(0);
    expect(byClass(root, 'mj-surplus').map((g) => attr(g, 'data-value'))).toEqual(['-50', '50']);
    expect(byClass(root, 'mj-value-label').map(textOf)).toEqual(['+50', '+50']);
    expect(byClass(root, 'mj-legend-item').map((n) => attr(n, 'data-series'))).toContain('surplus');
    const negativeGap = checkCommon(targetChart({ title: 'T', unitLabel, years: [1], target: [-100], realised: [-40] }));
    expect(byClass(negativeGap, 'mj-gap').map((g) => attr(g, 'data-value'))).toEqual(['-60']);
  });

  it('leaves out bars and gaps for nulls', () => {
    const root = checkCommon(targetChart({ title: 'T', unitLabel, years: [2025, 2026, 2027], target: [3000, null, 8000], realised: [null, 5000, 6000] }));
    expect(byClass(root, 'mj-bar-target').map((b) => attr(b, 'data-year'))).toEqual(['2025', '2027']);
    expect(byClass(root, 'mj-bar-realised').map((b) => attr(b, 'data-year'))).toEqual(['2026', '2027']);
    expect(byClass(root, 'mj-gap').map((b) => attr(b, 'data-year'))).toEqual(['2027']);
  });

  it('works for all-zero and all-negative data', () => {
    checkCommon(targetChart({ title: 'T', unitLabel, years: [1, 2], target: [0, 0], realised: [0, 0] }));
    checkCommon(targetChart({ title: 'T', unitLabel, years: [1, 2], target: [-5, -6], realised: [-1, -9], planned: [-2, null] }));
  });

  it('reports length mismatches', () => {
    expect(issuesOf(() => targetChart({ title: 'T', unitLabel, years: [1, 2], target: [1], realised: [1, 2, 3], planned: [] }))).toEqual([
      { code: 'length_mismatch', path: 'target' },
      { code: 'length_mismatch', path: 'realised' },
      { code: 'length_mismatch', path: 'planned' },
    ]);
  });
});

describe('balanceChart', () => {
  const structural = [-209, 725, 725, 725, 702, 742, 752];
  const incidental = [-400, -362, -192, 0, 0, 0, 0];

  it('stacks structural and incidental per year and marks the total', () => {
    const root = checkCommon(balanceChart({ title: 'Saldo', unitLabel, years: YEARS, structural, incidental }));
    expect(byClass(root, 'mj-bar-structural').map((b) => attr(b, 'data-year'))).toEqual(YEARS.map(String));
    expect(byClass(root, 'mj-bar-incidental').map((b) => attr(b, 'data-year'))).toEqual(YEARS.map(String));
    const totals = byClass(root, 'mj-total-marker');
    expect(totals.map((t) => Number(attr(t, 'data-value')))).toEqual(SALDO);
    expect(byClass(root, 'mj-legend-item').map((n) => attr(n, 'data-series'))).toEqual(['structural', 'incidental', 'total']);
    // 2025: both negative, so incidental hangs below structural.
    const s = byClass(root, 'mj-bar-structural')[0];
    const i = byClass(root, 'mj-bar-incidental')[0];
    expect(numAttr(i, 'y')).toBeCloseTo(numAttr(s, 'y') + numAttr(s, 'height'), 1);
    // 2026: opposite signs, so both start at the zero line.
    const zeroY = numAttr(byClass(root, 'mj-zero-line')[0], 'y1');
    expect(numAttr(byClass(root, 'mj-bar-structural')[1], 'y') + numAttr(byClass(root, 'mj-bar-structural')[1], 'height')).toBeCloseTo(zeroY, 1);
    expect(numAttr(byClass(root, 'mj-bar-incidental')[1], 'y')).toBeCloseTo(zeroY, 1);
    expect(attr(i, 'fill')).toMatch(/^url\(#/);
    expect(attr(s, 'fill')).toMatch(/^#/);
  });

  it('uses a given total and its displays', () => {
    const root = checkCommon(balanceChart({ title: 'S', unitLabel, years: [2025], structural: [1], incidental: [2], total: [4], totalDisplays: ['4 (afgerond)'] }));
    expect(attr(byClass(root, 'mj-total-marker')[0], 'data-value')).toBe('4');
    expect(byClass(root, 'mj-value-label').map(textOf)).toEqual(['4 (afgerond)']);
  });

  it('leaves out nulls', () => {
    const root = checkCommon(balanceChart({ title: 'S', unitLabel, years: [1, 2, 3], structural: [1, null, null], incidental: [null, 2, null] }));
    expect(byClass(root, 'mj-bar')).toHaveLength(2);
    expect(byClass(root, 'mj-total-marker').map((m) => attr(m, 'data-year'))).toEqual(['1', '2']);
  });

  it('works for all-negative and all-zero data', () => {
    checkCommon(balanceChart({ title: 'S', unitLabel, years: [1, 2], structural: [-1, -2], incidental: [-3, -4] }));
    checkCommon(balanceChart({ title: 'S', unitLabel, years: [1, 2], structural: [0, 0], incidental: [0, 0] }));
  });
});

describe('fanChart', () => {
  const bands = [
    { label: 'P5–P95', lower: SALDO.map((v) => v - 300), upper: SALDO.map((v) => v + 300) },
    { label: 'P25–P75', lower: SALDO.map((v) => v - 100), upper: SALDO.map((v) => v + 100) },
  ];

  it('draws bands, a median line and one median point per year', () => {
    const root = checkCommon(fanChart({ title: 'Spreiding', unitLabel, years: YEARS, bands, median: SALDO }));
    expect(byClass(root, 'mj-point').map((p) => attr(p, 'data-year'))).toEqual(YEARS.map(String));
    expect(byClass(root, 'mj-band').map((b) => attr(b, 'data-series'))).toEqual(['band-0', 'band-1']);
    expect(byClass(root, 'mj-legend-item').map((n) => attr(n, 'data-series'))).toEqual(['band-0', 'band-1', 'median']);
    expect(byClass(root, 'mj-legend-label').map(textOf)).toEqual(['P5–P95', 'P25–P75', 'Mediaan']);
  });

  it('draws the widest band behind and lighter, whatever the input order', () => {
    const root = checkCommon(fanChart({ title: 'F', unitLabel, years: YEARS, bands: [...bands].reverse(), median: SALDO }));
    const drawn = byClass(root, 'mj-band');
    expect(drawn.map((b) => attr(b, 'data-series'))).toEqual(['band-1', 'band-0']);
  });

  it('breaks bands and the median at nulls', () => {
    const root = checkCommon(
      fanChart({
        title: 'F',
        unitLabel,
        years: [1, 2, 3, 4],
        bands: [{ label: 'B', lower: [0, null, 1, 2], upper: [5, 5, 6, 7] }],
        median: [1, null, 3, 4],
      }),
    );
    expect(byClass(root, 'mj-band')).toHaveLength(2);
    expect(byClass(root, 'mj-point').map((p) => attr(p, 'data-year'))).toEqual(['1', '3', '4']);
  });

  it('works for all-negative and all-zero data and without bands', () => {
    checkCommon(fanChart({ title: 'F', unitLabel, years: [1, 2], bands: [{ label: 'B', lower: [-9, -8], upper: [-1, -2] }], median: [-5, -5] }));
    checkCommon(fanChart({ title: 'F', unitLabel, years: [1, 2], bands: [], median: [0, 0] }));
  });
});

describe('several charts in one page', () => {
  it('use different pattern ids', () => {
    const a = waterfallChart({ title: 'A', unitLabel, steps: [{ label: 'x', value: -1 }], totalLabel: 'T' });
    const b = waterfallChart({ title: 'B', unitLabel, steps: [{ label: 'x', value: -1 }], totalLabel: 'T' });
    const ids = (svg: string): string[] => [...svg.matchAll(/<pattern id="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids(a).length).toBeGreaterThan(0);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
  });
});

describe('category labels are never cut', () => {
  it('long waterfall labels are rotated whole and the chart grows to hold them', () => {
    const titles = ['1.1 Noodopvang Oekraïne-vergoeding rijk', '4.5 Verbonden partijen (maatregel 5, 27, 157, 167), Gemeenschappelijke regelingen:', '3.1 Realisatie gemeentelijke opvang'];
    const steps = Array.from({ length: 14 }, (_, i) => ({ label: `${titles[i % 3]} ${i}`, value: (i % 2 === 0 ? 1 : -1) * (100 + i) }));
    const svg = waterfallChart({ title: 'Saldo 2026 per regel', unitLabel: 'x € 1.000', steps, totalLabel: 'TOTAAL SALDO PROGRAMMA' });
    for (const s of steps) expect(svg).toContain(`>${s.label.replace(/&/g, '&amp;')}<`);
    expect(svg).toContain('>TOTAAL SALDO PROGRAMMA<');
    expect(svg).not.toContain('…');
    const height = Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)?.[1]);
    expect(height).toBeGreaterThan(360);
    // short labels keep the chart at its given height
    const short = waterfallChart({ title: 'Saldo', unitLabel: '', steps: [{ label: 'a', value: 1 }], totalLabel: 'T' });
    expect(Number(/<svg[^>]* height="([\d.]+)"/.exec(short)?.[1])).toBe(360);
  });
});
