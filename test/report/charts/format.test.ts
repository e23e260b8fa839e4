import { describe, expect, it } from 'vitest';
import { dataDecimals, defaultFormatter, formatGrouped } from '../../../src/report/charts/format.js';

describe('formatGrouped', () => {
  it('groups thousands the Dutch way by default', () => {
    expect(formatGrouped(1083, 0)).toBe('1.083');
    expect(formatGrouped(-2100, 0)).toBe('-2.100');
    expect(formatGrouped(-67734102, 0)).toBe('-67.734.102');
    expect(formatGrouped(999, 0)).toBe('999');
    expect(formatGrouped(0.5, 1)).toBe('0,5');
    expect(formatGrouped(1234.5, 2)).toBe('1.234,50');
  });
  it('uses English separators for en', () => {
    expect(formatGrouped(1083, 0, 'en')).toBe('1,083');
    expect(formatGrouped(-2100.25, 2, 'en')).toBe('-2,100.25');
  });
  it('rounds half away from zero and never prints -0', () => {
    expect(formatGrouped(2.5, 0)).toBe('3');
    expect(formatGrouped(-2.5, 0)).toBe('-3');
    expect(formatGrouped(1.005, 2)).toBe('1,01');
    expect(formatGrouped(-0.4, 0)).toBe('0');
    expect(formatGrouped(-0, 0)).toBe('0');
    expect(formatGrouped(-1e-9, 3)).toBe('0,000');
  });
  it('never prints exponent notation, NaN or Infinity', () => {
    expect(formatGrouped(1e15, 0)).toBe('1.000.000.000.000.000');
    expect(formatGrouped(5e-324, 6)).toBe('0,000000');
    expect(formatGrouped(Number.NaN, 0)).toBe('');
    expect(formatGrouped(Number.POSITIVE_INFINITY, 0)).toBe('');
  });
  it('serves as the default formatter', () => {
    expect(defaultFormatter('nl')(-609, { decimals: 0, role: 'value' })).toBe('-609');
    expect(defaultFormatter('en')(2500, { decimals: 1, role: 'tick' })).toBe('2,500.0');
  });
});

describe('dataDecimals', () => {
  it('finds the decimals the data is written with', () => {
    expect(dataDecimals([-609, 363, null])).toBe(0);
    expect(dataDecimals([1.5, 2])).toBe(1);
    expect(dataDecimals([0.1, 0.25])).toBe(2);
    expect(dataDecimals([Math.PI])).toBe(6);
    expect(dataDecimals([])).toBe(0);
  });
});
