import { describe, expect, it } from 'vitest';
import { balanceChart } from '../../../src/report/charts/balance-chart.js';
import { waterfallChart } from '../../../src/report/charts/waterfall-chart.js';

/** The attributes of every element with `class` in an SVG, in order. */
function elements(svg: string, cls: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<\\w+ class="${cls}"([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}
const num = (a: Record<string, string>, key: string): number => Number(a[key]);

describe('value labels keep clear of each other and sit at their marks', () => {
  it("the waterfall's last step label moves off the total's when the two would touch", () => {
    // the last step ends where the total ends: both labels would sit at the same height, side by side
    // (16 bars in 640 pixels: each band is narrower than the two labels)
    const steps = Array.from({ length: 15 }, (_, i) => ({ label: `r${i}`, value: i === 14 ? 20 : 100 }));
    const svg = waterfallChart({ title: 'W', unitLabel: 'x € 1.000', steps, totalLabel: 'T', totalDisplay: '1.420 + pm' });
    const labels = elements(svg, 'mj-label mj-value-label');
    const [last, total] = labels.slice(-2);
    const lastBar = elements(svg, 'mj-bar mj-bar-advantage').at(-1)!;
    expect(num(total!, 'y')).toBeLessThan(num(lastBar, 'y'));
    // below the step's bar, a full label line under the total's label
    expect(num(last!, 'y')).toBeGreaterThan(num(lastBar, 'y') + num(lastBar, 'height'));
    expect(num(last!, 'y') - num(total!, 'y')).toBeGreaterThan(12);
  });

  it('labels far enough apart stay at the ends of their bars', () => {
    const svg = waterfallChart({ title: 'W', unitLabel: 'x € 1.000', steps: [{ label: 'a', value: 300 }, { label: 'b', value: -200 }], totalLabel: 'T' });
    const [a, b, total] = elements(svg, 'mj-label mj-value-label');
    const [barA] = elements(svg, 'mj-bar mj-bar-advantage');
    const [barB] = elements(svg, 'mj-bar mj-bar-disadvantage');
    expect(num(a!, 'y')).toBeLessThan(num(barA!, 'y'));
    expect(num(b!, 'y')).toBeGreaterThan(num(barB!, 'y') + num(barB!, 'height'));
    expect(total).toBeDefined();
  });

  it("the balance chart prints a total at its marker, not at its bar's edge", () => {
    // 2026: structural 725 up, incidental -362 down; the total 363 is inside the bar, well below its top
    const svg = balanceChart({ title: 'B', unitLabel: 'x € 1.000', years: [2025, 2026], structural: [-209, 725], incidental: [-400, -362], totalDisplays: ['-609', '363 + pm'] });
    const markers = [...svg.matchAll(/<g class="mj-total-marker"[^>]*><line x1="[^"]*" x2="[^"]*" y1="([^"]*)"/g)].map((m) => Number(m[1]));
    const labels = elements(svg, 'mj-label mj-value-label');
    const structural = elements(svg, 'mj-bar mj-bar-structural');
    expect(labels.map((l) => l['data-year'])).toEqual(['2025', '2026']);
    // above the positive total's marker, just clear of its ring; below the negative one's
    const [neg, pos] = labels;
    expect(num(pos!, 'y')).toBeLessThan(markers[1]!);
    expect(markers[1]! - num(pos!, 'y')).toBeLessThan(15);
    expect(num(pos!, 'y')).toBeGreaterThan(num(structural[1]!, 'y') + 20);
    expect(num(neg!, 'y')).toBeGreaterThan(markers[0]!);
    expect(num(neg!, 'y') - markers[0]!).toBeLessThan(30);
    // a white backdrop under each, where it lies over a bar
    expect(elements(svg, 'mj-label-backdrop').map((r) => r['fill'])).toEqual(['#ffffff', '#ffffff']);
  });
});

describe('waterfallChart: the sign convention of its values', () => {
  const steps = [{ label: 'kosten', value: 77 }, { label: 'opbrengst', value: -30 }];
  it('draws a positive step as a voordeel by default, as a nadeel under "+ is nadeel"', () => {
    const plain = waterfallChart({ title: 'W', unitLabel: 'x € 1.000', steps, totalLabel: 'T' });
    expect(elements(plain, 'mj-bar mj-bar-advantage').map((b) => b['data-value'])).toEqual(['77']);
    const costs = waterfallChart({ title: 'W', unitLabel: 'x € 1.000', steps, totalLabel: 'T', sign: 'nadeel-positive' });
    expect(elements(costs, 'mj-bar mj-bar-disadvantage').map((b) => b['data-value'])).toEqual(['77']);
    expect(elements(costs, 'mj-bar mj-bar-advantage').map((b) => b['data-value'])).toEqual(['-30']);
  });
  it('refuses an unknown convention', () => {
    expect(() => waterfallChart({ title: 'W', unitLabel: 'x', steps, totalLabel: 'T', sign: 'plus' as never })).toThrow(/sign/);
  });
});
