import { createRequire } from 'node:module';
import { Decimal as UserDecimal } from 'decimal.js';
import { produce } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import { Dec, plainString, toDec, type Decimal } from '../../src/core/decimal.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { budgetToJson, toDocument } from '../../src/validate/serialize.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Budget } from '../../src/model/budget.js';
import { seedText } from '../helpers.js';

/** Issue 7, misuse and faults: nothing a user does outside the library changes its results. */

const seed = seedText('seed000-tb1.json');
const SEED_TOTALS = ['-609', '363', '533', '725', '702', '742', '752'].map((t) => `${t}000`);
const totals = (b: Budget): string[] => {
  const e = evaluate(b);
  return e.years.map((y) => plainString(e.total[y]?.amount ?? new Dec(NaN)));
};
const big = (a: string, b: string): string =>
  `{"version":1,"title":"t","unit":"euro","horizon":{"from":2025,"to":2025},"sections":[{"id":"1","title":"s","lines":[` +
  `{"id":"a","title":"l","nature":"structural","values":["${a}"]},{"id":"b","title":"l","nature":"incidental","values":["${b}"]}]}]}`;

describe("a user's own decimal.js settings change nothing", () => {
  const saved = { precision: UserDecimal.precision, rounding: UserDecimal.rounding, toExpNeg: UserDecimal.toExpNeg, toExpPos: UserDecimal.toExpPos };
  afterEach(() => {
    UserDecimal.set(saved);
  });

  it('Decimal.set({ precision: 5 }) on the default export', () => {
    const before = totals(loadBudget(seed));
    const exact = evaluate(loadBudget(big('999999999999999999.999999', '-0.000001'))).total['2025']?.amount;
    UserDecimal.set({ precision: 5, rounding: UserDecimal.ROUND_DOWN, toExpNeg: -1, toExpPos: 1 });
    expect(totals(loadBudget(seed))).toEqual(before);
    expect(before).toEqual(SEED_TOTALS);
    const after = evaluate(loadBudget(big('999999999999999999.999999', '-0.000001'))).total['2025']?.amount;
    expect(plainString(after ?? new Dec(0))).toBe('999999999999999999.999998');
    expect(after?.eq(exact ?? 0)).toBe(true);
    // and written without exponent notation even though the user's default would use it
    expect(budgetToJson(loadBudget(big('123456789012345678.5', '0.000001')))).toContain('"123456789012345678.5"');
  });

  it('a second copy of decimal.js (the CommonJS build) with its own settings', () => {
    const Other = createRequire(import.meta.url)('decimal.js') as typeof UserDecimal;
    expect(Other).not.toBe(UserDecimal);
    const otherSaved = Other.precision;
    try {
      Other.set({ precision: 3 });
      const fromOther = new Other('123456789.123456');
      // a decimal from another copy becomes the library's own, digit for digit
      const mine = toDec(fromOther);
      expect(mine.constructor).toBe(Dec);
      expect(plainString(mine)).toBe('123456789.123456');
      // and used as an amount in a document object it keeps every digit
      const doc = JSON.parse(big('1', '2')) as { sections: { lines: { values: unknown[] }[] }[] };
      const lineA = doc.sections[0]?.lines[0];
      if (lineA) lineA.values = [fromOther];
      const b = loadBudget(doc);
      expect(plainString(evaluate(b).total['2025']?.amount ?? new Dec(0))).toBe('123456791.123456');
      expect(totals(loadBudget(seed))).toEqual(SEED_TOTALS);
    } finally {
      Other.set({ precision: otherSaved });
    }
  });
});

describe('frozen budgets and results', () => {
  it('writing to a budget throws in strict mode and changes no later result', () => {
    'use strict';
    const b = loadBudget(seed);
    const line = b.sections[0]?.lines[0];
    expect(line).toBeDefined();
    if (line === undefined) return;
    const w = line as unknown as Record<string, unknown>;
    expect(() => {
      w['nature'] = 'structural';
    }).toThrow(TypeError);
    expect(() => {
      (line.values as Record<string, unknown>)['2025'] = new Dec(1);
    }).toThrow(TypeError);
    expect(() => {
      (b.sections as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (b.horizon.years as number[])[0] = 1999;
    }).toThrow(TypeError);
    expect(() => {
      delete (b.presentation as unknown as Partial<Record<string, unknown>>)['unit'];
    }).toThrow(TypeError);
    expect(totals(b)).toEqual(SEED_TOTALS);
  });

  it('writing to an evaluation throws and changes no later result', () => {
    const b = loadBudget(seed);
    const e = evaluate(b);
    const total = e.total['2025'];
    expect(() => {
      (total as unknown as Record<string, unknown>)['amount'] = new Dec(0);
    }).toThrow(TypeError);
    expect(() => {
      (total?.pm as string[]).push('x');
    }).toThrow(TypeError);
    expect(() => {
      (e.lines as Record<string, unknown>)['1.1'] = undefined;
    }).toThrow(TypeError);
    expect(() => {
      (e.checks as unknown[]).length = 0;
    }).toThrow(TypeError);
    expect(totals(b)).toEqual(SEED_TOTALS);
    expect(plainString(evaluate(b).total['2025']?.amount ?? new Dec(0))).toBe('-609000');
  });

  it("a Decimal inside a budget cannot be mutated: its digit array is frozen", () => {
    const b = loadBudget(seed);
    const cell = b.sections[0]?.lines[0]?.values['2025'] as Decimal;
    const internals = cell as unknown as { d: number[]; e: number; s: number };
    expect(Object.isFrozen(cell)).toBe(true);
    expect(Object.isFrozen(internals.d)).toBe(true);
    expect(() => {
      internals.d[0] = 9;
    }).toThrow(TypeError);
    expect(() => {
      internals.s = -1;
    }).toThrow(TypeError);
    expect(() => {
      internals.e = 9;
    }).toThrow(TypeError);
    expect(plainString(cell)).toBe('6500000');
    expect(totals(b)).toEqual(SEED_TOTALS);
  });

  it("a Decimal's internals cannot be reached through an immer draft", () => {
    const b = loadBudget(seed);
    expect(() =>
      produce(b, (draft) => {
        const cell = draft.sections[0]?.lines[0]?.values['2025'] as unknown as { d: number[] };
        cell.d[0] = 9;
      }),
    ).toThrow(TypeError);
    expect(totals(b)).toEqual(SEED_TOTALS);
    // a legitimate change through a draft gives a new budget and leaves the old one alone
    const changed = produce(b, (draft) => {
      const line = draft.sections[0]?.lines[3];
      if (line) (line.values as Record<string, unknown>)['2025'] = new Dec(0);
    });
    expect(totals(b)).toEqual(SEED_TOTALS);
    expect(totals(changed)[0]).toBe('491000');
  });

  it('evaluation leaves its input untouched (same JSON before and after)', () => {
    const b = loadBudget(seed);
    const before = budgetToJson(b);
    evaluate(b);
    evaluate(b);
    expect(budgetToJson(b)).toBe(before);
  });
});

describe('amounts are written without exponent notation and never as -0', () => {
  it.each([
    ['1e-6', '0.000001'],
    ['-1e-6', '-0.000001'],
    ['1e21', '1000000000000000000000'],
    ['-0', '0'],
    ['-0.000000', '0'],
    ['123456789012345678.123456', '123456789012345678.123456'],
  ])('plainString(%s) = %s', (input, out) => {
    expect(plainString(new Dec(input))).toBe(out);
  });

  it('toDocument writes zero, tiny and huge amounts plainly in every unit and sign', () => {
    for (const [unit, sign] of [
      ['euro', 'voordeel-positive'],
      ['thousand', 'nadeel-positive'],
      ['million', 'nadeel-positive'],
    ] as const) {
      const text =
        `{"version":1,"title":"t","unit":"${unit}","sign":"${sign}","horizon":{"from":2025,"to":2027},"sections":[{"id":"1","title":"s","lines":[` +
        `{"id":"a","title":"l","nature":"structural","values":["0","-0","${unit === 'euro' ? '0.000001' : unit === 'thousand' ? '0.000000001' : '0.000000000001'}"]},` +
        `{"id":"b","title":"l","nature":"structural","values":["${unit === 'euro' ? '999999999999999999' : unit === 'thousand' ? '999999999999999' : '999999999999'}"]}]}]}`;
      const doc = toDocument(loadBudget(text));
      const written = JSON.stringify(doc);
      expect(written).not.toMatch(/\d[eE][+-]?\d/);
      expect(written).not.toContain('"-0"');
      expect(written).not.toMatch(/"-0(\.0*)?"/);
    }
  });
});
