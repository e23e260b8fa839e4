import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal.js';
import { readPrintedAmount } from '../../../src/document/locale-amount.js';

const value = (text: string, locale: 'nl' | 'en' = 'nl', million?: number): string => {
  const r = readPrintedAmount(text, locale, million === undefined ? undefined : new Dec(million));
  if (!r.ok) return `error ${r.code}`;
  if ('nil' in r) return 'nil';
  if ('pm' in r) return r.pm;
  return r.value.toFixed();
};

describe('printed amount notations', () => {
  it.each([
    ['(1.234)', '-1234'],
    ['€ -1.234,50', '-1234.5'],
    ['-€ 1.234,50', '-1234.5'],
    ['1.234,-', '1234'],
    ['1\u00a0234', '1234'],
    ['1 234 567', '1234567'],
    ['-/- 75', '-75'],
    ['75 N', '-75'],
    ['75 V', '75'],
    ['75N', '-75'],
    ['5.810.503-', '-5810503'],
    ['-', 'nil'],
    ['\u2013', 'nil'],
    ['\u2014', 'nil'],
    ['', 'nil'],
    ['p.m.', 'pm'],
    ['PM', 'pm'],
    ['-pm', '-pm'],
    ['+ p.m.', '+pm'],
  ])('nl %j reads as %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('en notation', () => {
    expect(value('(1,234.5)', 'en')).toBe('-1234.5');
    expect(value('1,234', 'en')).toBe('1234');
  });

  it('"0,3 mln" needs the unit: scaled by the table units in a million', () => {
    expect(value('0,3 mln', 'nl', 1000)).toBe('300');
    expect(value('0,3 mln', 'nl', 1_000_000)).toBe('300000');
    expect(value('0,3 mln')).toBe('error invalid_amount');
  });

  it('refuses ambiguity and double signs with a code', () => {
    expect(value('-/- -75')).toBe('error invalid_amount');
    expect(value('(-75)')).toBe('error invalid_amount');
    expect(value('1,5', 'en')).toBe('error invalid_amount');
    expect(value('1.2.3')).toBe('error invalid_amount');
    expect(value('abc')).toBe('error invalid_amount');
  });
});

describe('the JSON and builder readers refuse printed notations, naming the readers that take them', () => {
  it('"5.810.503-" in a JSON document with numberFormat nl, and in the builder', async () => {
    const { budget, loadBudget, MeerjarenError } = await import('../../../src/index.js');
    const doc = {
      format: 'meerjaren/budget', version: 1, title: 't', unit: 'euro', horizon: { from: 2026, to: 2026 }, numberFormat: 'nl',
      sections: [{ id: '1', title: 's', lines: [{ id: 'a', title: 'a', nature: 'structural', values: { '2026': '5.810.503-' } }] }],
    };
    const messageOf = (run: () => unknown): string => {
      try {
        run();
      } catch (e) {
        if (MeerjarenError.is(e)) return e.issues.map((i) => `${i.code}: ${i.message}`).join('; ');
      }
      return 'accepted';
    };
    expect(messageOf(() => loadBudget(JSON.stringify(doc)))).toContain('invalid_amount: "5.810.503-" is not an amount in Dutch notation');
    expect(messageOf(() => loadBudget(JSON.stringify(doc)))).toContain('readYearTable and readPrintedTable read it from CSV; write "-5.810.503" here');
    const built = (): unknown => budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2026 } }).section('1', 'S').line('a', 'A', ['5.810.503-' as never], { nature: 'structural' }).build();
    expect(messageOf(built)).toContain('readPrintedTable read it from CSV');
    expect(messageOf(built)).not.toContain('write "-5.810.503"');
  });
});
