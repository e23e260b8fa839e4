import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { formatAmount } from '../../src/report/format.js';
import { issuesOf } from '../helpers.js';

const cents = { unit: 'euro', decimals: 2 } as const;

describe('formatAmount given a JavaScript number or a string', () => {
  it('reads a safe integer exactly', () => {
    expect(formatAmount(-2_100_000)).toBe('-2.100.000');
    expect(formatAmount(-2_100_000, { unit: 'thousand' })).toBe('-2.100');
    expect(formatAmount(2, cents)).toBe('2,00');
    expect(formatAmount(Number.MAX_SAFE_INTEGER, { unit: 'euro' })).toBe('9.007.199.254.740.991');
    expect(formatAmount(-0, cents)).toBe('0,00');
  });

  it('refuses any other number with imprecise_number at amount', () => {
    for (const n of [0.3, 2.5, -0.1, 1e300, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(issuesOf(() => formatAmount(n, cents))).toEqual([{ code: 'imprecise_number', path: 'amount' }]);
    }
  });

  it('reads a plain decimal string exactly, as the refusal suggests', () => {
    expect(formatAmount('0.3', cents)).toBe('0,30');
    expect(formatAmount('2.5', cents)).toBe('2,50');
    expect(formatAmount('2.5', { unit: 'euro' })).toBe('3');
    expect(formatAmount('-2100000', { unit: 'thousand' })).toBe('-2.100');
    expect(formatAmount('2.5', cents)).toBe(formatAmount(new Dec('2.5'), cents));
  });

  it('refuses other strings and other values', () => {
    for (const s of ['', '1e5', '1,5', ' 1', 'NaN', '0x10', '1.']) {
      expect(issuesOf(() => formatAmount(s, cents))).toEqual([{ code: 'invalid_amount', path: 'amount' }]);
    }
    for (const v of [null, undefined, 1n, {}, [1], true]) {
      expect(issuesOf(() => formatAmount(v as never, cents))).toEqual([{ code: 'invalid_argument', path: 'amount' }]);
    }
  });
});
