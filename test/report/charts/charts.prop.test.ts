import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceChart } from '../../../src/report/charts/balance-chart.js';
import { fanChart } from '../../../src/report/charts/fan-chart.js';
import { saldoLineChart } from '../../../src/report/charts/saldo-line-chart.js';
import { targetChart } from '../../../src/report/charts/target-chart.js';
import { waterfallChart } from '../../../src/report/charts/waterfall-chart.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

/** Any display number a chart accepts: ordinary amounts, fractions, extremes and tiny values. */
const value = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -10_000, max: 10_000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e15, -1e15, 5e-324, -5e-324, 0.1, 1e-7) },
);
const maybe = fc.option(value, { nil: null, freq: 5 });
const text = fc.string({ maxLength: 30 });

/** Years 2025.. with one generated value per year for `count` series. */
const yearly = (count: number, withNulls: boolean) =>
  fc.integer({ min: 0, max: 12 }).chain((n) =>
    fc.record({
      years: fc.constant(Array.from({ length: n }, (_, i) => 2025 + i)),
      series: fc.array(fc.array(withNulls ? maybe : value, { minLength: n, maxLength: n }), { minLength: count, maxLength: count }),
    }),
  );

const size = fc.record({
  width: fc.integer({ min: 160, max: 2000 }),
  height: fc.integer({ min: 120, max: 1500 }),
  labels: fc.constantFrom('nl' as const, 'en' as const),
});

function clean(svg: string): void {
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  expect(svg.startsWith('<svg ')).toBe(true);
  expect(svg.endsWith('</svg>')).toBe(true);
  // Coordinates are plain numbers: no exponent notation in any geometric attribute.
  expect(svg).not.toMatch(/ (?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)="[^"]*e[-+]?\d/);
}

const count = (svg: string, pattern: RegExp): number => svg.match(pattern)?.length ?? 0;
const nonNull = (values: readonly (number | null)[]): number => values.filter((v) => v !== null).length;

describe('charts never print NaN or Infinity, and draw exactly one mark per value', () => {
  it('saldoLineChart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }).chain((k) => yearly(k, true)), size, text, ({ years, series }, opts, title) => {
        const svg = saldoLineChart({ title, unitLabel: 'x € 1.000', years, series: series.map((values, i) => ({ name: `S${i}`, values })), ...opts });
        clean(svg);
        expect(count(svg, /class="mj-point"/g)).toBe(series.reduce((sum, s) => sum + nonNull(s), 0));
      }),
      { numRuns },
    );
  });

  it('waterfallChart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ label: text, value: maybe }), { maxLength: 15 }),
        fc.option(value, { nil: undefined }),
        size,
        (steps, start, opts) => {
          const svg = waterfallChart({
            title: 'W',
            unitLabel: 'x € 1.000',
            steps,
            totalLabel: 'Totaal',
            ...(start === undefined ? {} : { start: { label: 'Begin', value: start } }),
            ...opts,
          });
          clean(svg);
          expect(count(svg, /class="mj-bar /g)).toBe(nonNull(steps.map((s) => s.value)) + 1 + (start === undefined ? 0 : 1));
        },
      ),
      { numRuns },
    );
  });

  it('targetChart', () => {
    fc.assert(
      fc.property(yearly(3, true), size, ({ years, series }, opts) => {
        const [target = [], realised = [], planned = []] = series;
        const svg = targetChart({ title: 'T', unitLabel: 'x € 1.000', years, target, realised, planned, ...opts });
        clean(svg);
        expect(count(svg, /class="mj-bar mj-bar-target"/g)).toBe(nonNull(target));
        expect(count(svg, /class="mj-bar mj-bar-realised"/g)).toBe(nonNull(realised));
        expect(count(svg, /data-series="planned" data-value=/g)).toBe(nonNull(planned));
      }),
      { numRuns },
    );
  });

  it('balanceChart', () => {
    fc.assert(
      fc.property(yearly(3, true), fc.boolean(), size, ({ years, series }, withTotal, opts) => {
        const [structural = [], incidental = [], total = []] = series;
        const svg = balanceChart({ title: 'B', unitLabel: 'x € 1.000', years, structural, incidental, ...(withTotal ? { total } : {}), ...opts });
        clean(svg);
        expect(count(svg, /class="mj-bar mj-bar-structural"/g)).toBe(nonNull(structural));
        expect(count(svg, /class="mj-bar mj-bar-incidental"/g)).toBe(nonNull(incidental));
        const markers = withTotal ? nonNull(total) : years.filter((_, i) => structural[i] !== null || incidental[i] !== null).length;
        expect(count(svg, /class="mj-total-marker"/g)).toBe(markers);
      }),
      { numRuns },
    );
  });

  it('fanChart', () => {
    fc.assert(
      fc.property(yearly(5, true), size, ({ years, series }, opts) => {
        const [median = [], l1 = [], u1 = [], l2 = [], u2 = []] = series;
        const svg = fanChart({
          title: 'F',
          unitLabel: 'x € 1.000',
          years,
          median,
          bands: [
            { label: 'P5–P95', lower: l1, upper: u1 },
            { label: 'P25–P75', lower: l2, upper: u2 },
          ],
          ...opts,
        });
        clean(svg);
        expect(count(svg, /class="mj-point"/g)).toBe(nonNull(median));
      }),
      { numRuns },
    );
  });
});
