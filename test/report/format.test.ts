import { Decimal as DecimalJs } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { formatAmount as formatInEuros, formatCell } from '../../src/report/format.js';
import type { Presentation } from '../../src/report/presentation.js';
import { parseLocaleAmount } from '../../src/document/locale-amount.js';
import { issuesOf } from './fixtures/issues.js';

const euros = (n: number | string) => new Dec(n);
/** formatAmount in x € 1.000 unless the test names another unit (these tests were written for table figures). */
const formatAmount = (value: Parameters<typeof formatInEuros>[0], presentation: Presentation = {}): string => formatInEuros(value, { unit: 'thousand', ...presentation });

describe('formatAmount', () => {
  it('prints euros when no unit is given (not the x € 1.000 of tables)', () => {
    expect(formatInEuros(new Dec(1234))).toBe('1.234');
    expect(formatInEuros(new Dec(-2_100_000), { notation: 'trailing-minus' })).toBe('2.100.000-');
    expect(formatInEuros(new Dec(-2_100_000), { unit: 'thousand' })).toBe('-2.100');
    expect(formatInEuros('2.5', { decimals: 2 })).toBe('2,50');
  });

  it('prints thousands the Dutch way when asked for x € 1.000', () => {
    expect(formatAmount(euros(1_083_000))).toBe('1.083');
    expect(formatAmount(euros(-2_100_000))).toBe('-2.100');
    expect(formatAmount(euros(-609_000))).toBe('-609');
    expect(formatAmount(euros('-67734102'), { unit: 'euro' })).toBe('-67.734.102');
  });

  it('rounds exactly, half away from zero by default', () => {
    expect(formatAmount(euros(1500))).toBe('2');
    expect(formatAmount(euros(-1500))).toBe('-2');
    expect(formatAmount(euros(1499.999999))).toBe('1');
    expect(formatAmount(euros(2500), { roundingMode: 'half-even' })).toBe('2');
    expect(formatAmount(euros(280_000), { unit: 'million', decimals: 2 })).toBe('0,28');
    expect(formatAmount(euros('0.005'), { unit: 'euro', decimals: 2 })).toBe('0,01');
  });

  it('never prints -0', () => {
    expect(formatAmount(euros(-400))).toBe('0');
    expect(formatAmount(euros(-40), { decimals: 1 })).toBe('0,0');
    expect(formatAmount(euros(-400), { notation: 'trailing-minus' })).toBe('0');
    expect(formatAmount(euros(-400), { notation: 'vn' })).toBe('0');
    expect(formatAmount(euros(400), { sign: 'nadeel-positive' })).toBe('0');
  });

  it('never prints an exponent', () => {
    expect(formatAmount(euros('1e21'), { unit: 'euro' })).toBe('1.000.000.000.000.000.000.000');
    expect(formatAmount(euros('1e-7'), { unit: 'euro', decimals: 10 })).toBe('0,0000001000');
  });

  it('groups and separates per locale', () => {
    expect(formatAmount(euros(1_083_500), { decimals: 1 })).toBe('1.083,5');
    expect(formatAmount(euros(1_083_500), { decimals: 1, locale: 'en' })).toBe('1,083.5');
    expect(formatAmount(euros(-999_999_000), { locale: 'en' })).toBe('-999,999');
  });

  it('follows the sign convention and notation', () => {
    const cost = euros(-2_100_000);
    expect(formatAmount(cost, { sign: 'nadeel-positive' })).toBe('2.100');
    expect(formatAmount(euros(720_000), { sign: 'nadeel-positive' })).toBe('-720');
    expect(formatAmount(cost, { notation: 'trailing-minus' })).toBe('2.100-');
    expect(formatAmount(euros(4_977_000), { notation: 'trailing-minus', sign: 'nadeel-positive' })).toBe('4.977-');
    expect(formatAmount(euros(-75_000), { notation: 'vn', unit: 'euro' })).toBe('N75.000');
    expect(formatAmount(euros(12_000), { notation: 'vn' })).toBe('V12');
    // the letters name the direction whatever the convention
    expect(formatAmount(euros(12_000), { notation: 'vn', sign: 'nadeel-positive' })).toBe('V12');
  });

  it('accepts a value from the plain decimal.js constructor', () => {
    expect(formatAmount(new DecimalJs('-2100000.4'))).toBe('-2.100');
  });

  it('validates the presentation', () => {
    expect(issuesOf(() => formatAmount(euros(1), { unit: 'dozen' as 'euro' }))).toEqual(['invalid_value@unit']);
  });
});

describe('formatCell', () => {
  const pm = { amount: undefined, pm: true } as const;
  it('prints nil with the nil token', () => {
    expect(formatCell({ amount: undefined, pm: false })).toBe('');
    expect(formatCell({ amount: undefined, pm: false }, { nil: '-' })).toBe('-');
  });

  it('prints a pm, signed when its direction is known', () => {
    expect(formatCell(pm)).toBe('pm');
    expect(formatCell({ ...pm, pmDirection: 'nadeel' })).toBe('-pm');
    expect(formatCell({ ...pm, pmDirection: 'voordeel' })).toBe('+pm');
    expect(formatCell({ ...pm, pmDirection: 'nadeel' }, { sign: 'nadeel-positive' })).toBe('+pm');
    expect(formatCell({ ...pm, pmDirection: 'nadeel' }, { pm: 'PM' })).toBe('-PM');
    expect(formatCell({ ...pm, pmDirection: 'nadeel' }, { notation: 'vn' })).toBe('Npm');
  });

  it('prints a total that holds a pm with both', () => {
    expect(formatCell({ amount: euros(363_000), pm: true })).toBe('363 + pm');
    expect(formatCell({ amount: euros(363_000), pm: true, pmDirection: 'nadeel' })).toBe('363 - pm');
    expect(formatCell({ amount: euros(-609_000), pm: true })).toBe('-609 + pm');
    expect(formatCell({ amount: euros(0), pm: true })).toBe('0 + pm');
  });

  it('prints amounts', () => {
    expect(formatCell({ amount: euros(-2_100_000), pm: false })).toBe('-2.100');
  });
});

describe('parseLocaleAmount', () => {
  const nl = (text: string) => parseLocaleAmount(text, 'nl').toFixed();
  const en = (text: string) => parseLocaleAmount(text, 'en').toFixed();

  it('reads Dutch numbers', () => {
    expect(nl('1.234,56')).toBe('1234.56');
    expect(nl('-2.100')).toBe('-2100');
    expect(nl('1.083')).toBe('1083');
    expect(nl('1,5')).toBe('1.5');
    expect(nl(' 6.500 ')).toBe('6500');
    expect(nl('1234567')).toBe('1234567');
  });

  it('reads English numbers', () => {
    expect(en('1,234.56')).toBe('1234.56');
    expect(en('1.083')).toBe('1.083');
    expect(en('-2,100')).toBe('-2100');
  });

  it('reads the sign forms of the field', () => {
    expect(nl('2.100-')).toBe('-2100');
    expect(nl('N75')).toBe('-75');
    expect(nl('N75.000')).toBe('-75000');
    expect(nl('V12')).toBe('12');
    expect(nl('- 152')).toBe('-152');
    expect(nl('+20')).toBe('20');
    expect(nl('\u2212300')).toBe('-300');
    expect(nl('-0')).toBe('0');
  });

  it('reads parentheses only when asked', () => {
    expect(() => nl('(1.000)')).toThrow();
    expect(parseLocaleAmount('(1.000)', 'nl', { parentheses: true }).toFixed()).toBe('-1000');
    expect(() => parseLocaleAmount('(-1.000)', 'nl', { parentheses: true })).toThrow();
  });

  it('is strict', () => {
    const bad = ['1.2.3', '1e5', '0x1F', '1_000', 'Infinity', 'NaN', '-Infinity', '1,2,3', '--5', '-5-', 'N-5', 'V', '-', '12a', '€ 12', '.5', '5,', '1 000'];
    for (const text of bad) expect(issuesOf(() => parseLocaleAmount(text, 'nl')), text).toEqual(['invalid_amount@']);
    for (const text of ['1,5', '1,23', '1,2345', '1.234,5']) {
      expect(issuesOf(() => parseLocaleAmount(text, 'en')), text).toEqual(['invalid_amount@']);
    }
    expect(issuesOf(() => parseLocaleAmount('', 'nl'))).toEqual(['empty_amount@']);
    expect(issuesOf(() => parseLocaleAmount('   ', 'en'))).toEqual(['empty_amount@']);
  });

  it('refuses amounts beyond the library limits', () => {
    expect(issuesOf(() => parseLocaleAmount('1234567890123456789', 'nl'))).toEqual(['amount_out_of_range@']);
  });

  it('reports the path it is given', () => {
    expect(issuesOf(() => parseLocaleAmount('x', 'nl', { path: ['row', 2, 'column', 1] }))).toEqual([
      'invalid_amount@row[2].column[1]',
    ]);
  });
});
