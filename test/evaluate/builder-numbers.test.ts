import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget, evaluate } from '../../src/index.js';
import { issuesOf } from '../helpers.js';

const horizon = { from: 2025, to: 2026 };
const one = (value: number, numberFormat?: 'nl' | 'en' | 'plain') =>
  budget({ title: 't', unit: 'thousand', horizon, ...(numberFormat === undefined ? {} : { numberFormat }) }).section('1', 'S').line('1.1', 'L', [value], { nature: 'incidental' });

// Issue 14: the builder refused the JS number 250.5 as imprecise.
describe('the builder and JS numbers', () => {
  it('takes a number whose shortest form has at most 15 significant digits as that decimal', () => {
    expect(evaluate(one(250.5).build()).total['2025']!.amount.toFixed()).toBe('250500');
    expect(evaluate(one(0.1).build()).total['2025']!.amount.toFixed()).toBe('100');
    expect(evaluate(one(-1083.333).build()).total['2025']!.amount.toFixed()).toBe('-1083333');
    expect(evaluate(one(123456789012.345).build()).total['2025']!.amount.toFixed()).toBe('123456789012345');
  });

  it('writes it as a string in the declared number format, and unambiguously when none is declared', () => {
    const values = (b: ReturnType<typeof one>) => b.toDocument().sections[0]!.lines[0]!.values;
    expect(values(one(250.5))).toEqual(['250.5']);
    expect(values(one(250.5, 'nl'))).toEqual(['250,5']);
    expect(values(one(1.083, 'en'))).toEqual(['1.083']);
    expect(values(one(1.083))).toEqual(['1.0830']); // "1.083" would be ambiguous
    for (const f of [undefined, 'nl', 'en', 'plain'] as const) expect(evaluate(one(1.083, f).build()).total['2025']!.amount.toFixed()).toBe('1083');
    expect(values(one(-2100))).toEqual([-2100]); // a safe integer stays a number
  });

  it('refuses 0.30000000000000004 (more than 15 digits) with imprecise_number at the value and a hint to pass a string', () => {
    expect(issuesOf(() => one(0.1 + 0.2))).toEqual([{ code: 'imprecise_number', path: 'values[0]' }]);
    const record = () => budget({ title: 't', unit: 'euro', horizon }).section('1', 'S').line('1.1', 'L', { 2026: 1 / 3 }, { nature: 'incidental' });
    expect(issuesOf(record)).toEqual([{ code: 'imprecise_number', path: 'values.2026' }]);
    expect(() => one(0.1 + 0.2)).toThrow(/pass the amount as a string \(such as "0\.3"\)/);
    expect(issuesOf(() => one(1e-7))).toEqual([{ code: 'imprecise_number', path: 'values[0]' }]);
    expect(issuesOf(() => one(2 ** 53 + 2))).toEqual([{ code: 'imprecise_number', path: 'values[0]' }]);
  });

  it('property: every number of at most 9 digits and 5 decimals reads as the decimal String(n) shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 5 }), (units, scale) => {
        const n = units / 10 ** scale;
        const b = budget({ title: 't', unit: 'euro', horizon }).section('1', 'S').line('1.1', 'L', [n], { nature: 'incidental' }).build();
        expect(evaluate(b).total['2025']!.amount.eq(n.toFixed(scale))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
