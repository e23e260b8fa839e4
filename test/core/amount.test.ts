import { describe, expect, it } from 'vitest';
import { readAmount } from '../../src/core/amount.js';
import { Dec, plainString, roundTo } from '../../src/core/decimal.js';

const one = new Dec(1);
const thousand = new Dec(1000);

function value(raw: unknown, unit = one, format?: 'plain' | 'nl' | 'en'): string {
  const r = readAmount(raw, unit, format);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return plainString(r.value);
}
function code(raw: unknown, unit = one, format?: 'plain' | 'nl' | 'en'): string {
  const r = readAmount(raw, unit, format);
  return r.ok ? 'ok' : r.code;
}

describe('readAmount', () => {
  it('reads plain decimals and safe integers exactly, scaled to euros', () => {
    expect(value('-2100')).toBe('-2100');
    expect(value('1083.5', thousand)).toBe('1083500');
    expect(value(-771, thousand)).toBe('-771000');
    expect(value('0.000001')).toBe('0.000001');
    expect(value(-0)).toBe('0');
    expect(value('-0')).toBe('0');
    expect(value(12n)).toBe('12');
  });
  it('reads Dutch and English notation only when declared', () => {
    expect(value('1.083', thousand, 'nl')).toBe('1083000');
    expect(value('-2.100', thousand, 'nl')).toBe('-2100000');
    expect(value('1.234,56', one, 'nl')).toBe('1234.56');
    expect(value('1,234.56', one, 'en')).toBe('1234.56');
    expect(value('1.083', one, 'plain')).toBe('1.083');
  });
  it('refuses the ambiguous "1.083" when no notation is declared', () => {
    expect(code('1.083')).toBe('ambiguous_amount');
    expect(code('-2.100')).toBe('ambiguous_amount');
    expect(code('1.5')).toBe('ok');
    expect(code('0.500')).toBe('ok');
  });
  it.each([
    ['1,5'], ['NaN'], ['Infinity'], ['1e400'], ['1e5'], ['0x1F'], ['0b101'], ['1_000'], ['(1.000)'], ['EUR 1.000'], ['1.234,56'], ['1,234.56'], ['--1'], ['1.'], ['.5'],
  ])('refuses %s', (raw) => {
    expect(['invalid_amount', 'ambiguous_amount']).toContain(code(raw));
  });
  it('refuses numbers that may have lost precision', () => {
    expect(code(0.1)).toBe('imprecise_number');
    expect(code(2 ** 53)).toBe('imprecise_number');
    expect(code(Number.POSITIVE_INFINITY)).toBe('invalid_amount');
    expect(code(Number.NaN)).toBe('invalid_amount');
  });
  it('refuses empty and missing amounts instead of reading 0', () => {
    expect(code('')).toBe('empty_amount');
    expect(code('   ')).toBe('empty_amount');
    expect(code(null)).toBe('empty_amount');
    expect(code(undefined)).toBe('empty_amount');
    expect(code(true)).toBe('invalid_amount');
  });
  it('enforces 18 digits before and 6 after the decimal point, in euros', () => {
    expect(code('999999999999999999.999999')).toBe('ok');
    expect(code('1000000000000000000')).toBe('amount_out_of_range');
    expect(code('0.0000001')).toBe('amount_out_of_range');
    expect(code('0.0000001', thousand)).toBe('ok');
    expect(code('999999999999999999', thousand)).toBe('amount_out_of_range');
  });
  it('accepts decimal.js values from any copy through their exact string', () => {
    expect(value(new Dec('123.456'))).toBe('123.456');
  });
});

describe('rounding', () => {
  it('rounds half away from zero with half-up, and never yields -0', () => {
    expect(plainString(roundTo(new Dec('-2.5'), 0, 'half-up'))).toBe('-3');
    expect(plainString(roundTo(new Dec('2.5'), 0, 'half-up'))).toBe('3');
    expect(plainString(roundTo(new Dec('2.5'), 0, 'half-even'))).toBe('2');
    expect(plainString(roundTo(new Dec('-0.4'), 0, 'half-up'))).toBe('0');
  });
  it('writes amounts without exponent notation', () => {
    expect(plainString(new Dec('1e-6'))).toBe('0.000001');
    expect(plainString(new Dec('123456789012345678901234567890'))).toBe('123456789012345678901234567890');
  });
});
