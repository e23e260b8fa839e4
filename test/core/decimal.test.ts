import { createRequire } from 'node:module';
import { Decimal as DecimalEsm } from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Dec, ZERO, pinnedDecimal, roundTo } from '../../src/core/decimal.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { budgetTable } from '../../src/report/budget-table.js';
import { renderText } from '../../src/report/render-text.js';
import { firstIssueOf, seedBudget } from '../helpers.js';

const DecimalCjs = (createRequire(import.meta.url)('decimal.js') as { Decimal: typeof DecimalEsm }).Decimal;

/** What seed 000 prints and totals, as text: loading it also checks its printed totals. */
function seed000(): { text: string; totals: string } {
  const budget = seedBudget('seed000-tb1.json');
  const text = renderText(budgetTable(budget));
  const totals = JSON.stringify(evaluate(budget), (_key, value: unknown) => (value instanceof DecimalEsm ? `D${String(value)}` : value));
  return { text, totals };
}

const before = seed000();
const hostile = { precision: 2, rounding: DecimalEsm.ROUND_DOWN, toExpNeg: -1, toExpPos: 1 };

afterEach(() => {
  DecimalEsm.set({ defaults: true });
  DecimalCjs.set({ defaults: true });
});

describe('the library decimal constructor cannot be reconfigured', () => {
  it('Dec.set and Dec.config throw frozen_setting', () => {
    expect(firstIssueOf(() => Dec.set(hostile))).toEqual({ code: 'frozen_setting', path: 'Dec.set' });
    expect(firstIssueOf(() => Dec.config(hostile))).toEqual({ code: 'frozen_setting', path: 'Dec.set' });
    expect(Dec.precision).toBe(80);
  });

  it('writing a setting throws frozen_setting and changes nothing', () => {
    for (const name of ['precision', 'rounding', 'toExpNeg', 'toExpPos', 'minE', 'maxE', 'modulo', 'crypto'] as const) {
      const was: unknown = Dec[name];
      expect(firstIssueOf(() => ((Dec as unknown as Record<string, unknown>)[name] = 1))).toEqual({ code: 'frozen_setting', path: `Dec.${name}` });
      expect(Dec[name]).toBe(was);
    }
    expect(Object.isFrozen(Dec)).toBe(true);
  });

  it('the constructor reached through a returned value is the same frozen one', () => {
    const x = new Dec('1.5').plus(ZERO);
    const own = x.constructor as typeof DecimalEsm;
    expect(own).toBe(Dec);
    expect(firstIssueOf(() => own.set(hostile))).toEqual({ code: 'frozen_setting', path: 'Dec.set' });
    const proto = Object.getPrototypeOf(x) as { constructor: typeof DecimalEsm };
    expect(firstIssueOf(() => proto.constructor.set(hostile))).toEqual({ code: 'frozen_setting', path: 'Dec.set' });
    expect(Object.isFrozen(proto)).toBe(true);
    // No instance holds a constructor of its own that could be swapped for another.
    expect(Object.getOwnPropertyNames(x)).not.toContain('constructor');
    expect(firstIssueOf(() => ((x as { constructor: unknown }).constructor = DecimalEsm))).toEqual({ code: 'frozen_setting', path: 'Dec.constructor' });
    expect(x.constructor).toBe(Dec);
    // Still an instance of decimal.js for the user's own checks.
    expect(x instanceof DecimalEsm).toBe(true);
  });

  it('seed 000 loads and prints the same after every attempt, and after the global decimal.js is reconfigured', () => {
    const x = new Dec(1);
    for (const attempt of [
      () => Dec.set(hostile),
      () => (x.constructor as typeof DecimalEsm).set(hostile),
      () => (Object.getPrototypeOf(x) as { constructor: typeof DecimalEsm }).constructor.set(hostile),
      () => ((Dec as { precision: number }).precision = 2),
    ]) {
      expect(firstIssueOf(attempt)?.code).toBe('frozen_setting');
    }
    DecimalEsm.set(hostile);
    DecimalCjs.set(hostile);
    expect(seed000()).toEqual(before);
  });

  it('the methods that change precision for a moment (pow, ln, exp, trigonometry) work and keep the settings', () => {
    const two = new Dec(2);
    expect(two.pow('0.5').toFixed(10)).toBe('1.4142135624');
    expect(two.ln().toFixed(10)).toBe('0.6931471806');
    expect(two.exp().toFixed(10)).toBe('7.3890560989');
    expect(two.log(10).toFixed(10)).toBe('0.3010299957');
    expect(new Dec('1.1').pow(30).toFixed(6)).toBe('17.449402');
    expect(new Dec('0.5').toFraction().map(String)).toEqual(['1', '2']);
    expect(Dec.atan2(1, 1).times(4).toFixed(10)).toBe('3.1415926536');
    // Every method of an instance (and the static ones) runs without tripping the guard.
    const proto = Object.getPrototypeOf(two) as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const method = proto[key];
      if (key === 'constructor' || typeof method !== 'function') continue;
      try {
        (method as (this: unknown, ...a: unknown[]) => unknown).call(new Dec('0.5'), new Dec('0.25'));
      } catch (e) {
        expect((e as { code?: unknown }).code).not.toBe('frozen_setting');
      }
    }
    for (const key of ['abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh', 'exp', 'ln', 'log10', 'log2', 'sin', 'sinh', 'sqrt', 'tan', 'tanh'] as const) {
      expect(() => (Dec[key] as (x: string) => unknown)('0.5')).not.toThrow();
    }
    expect(Dec.precision).toBe(80);
    expect(Dec.rounding).toBe(DecimalEsm.ROUND_HALF_UP);
    expect(new Dec(1).div(3).toString()).toBe('0.' + '3'.repeat(80));
    expect(new Dec('1e30').toString()).toBe('1' + '0'.repeat(30));
  });

  it("a user's change to decimal.js' shared prototype does not reach library values", () => {
    const shared = Object.getPrototypeOf(new DecimalEsm(0)) as Record<string, unknown>;
    const plus = shared.plus;
    try {
      shared.plus = () => new DecimalEsm(42);
      expect(new Dec(1).plus(1).toString()).toBe('2');
    } finally {
      shared.plus = plus;
    }
  });

  it('a pinned clone keeps its own settings', () => {
    const Exact = pinnedDecimal({ ...settingsOf(Dec), precision: 1000 });
    expect(new Exact(1).div(3).toString().length).toBe(1002);
    expect(firstIssueOf(() => Exact.set({ precision: 2 }))?.code).toBe('frozen_setting');
    // Dec.clone still gives a user a constructor of their own to configure.
    const Mine = Dec.clone();
    Mine.set({ precision: 3 });
    expect(new Mine(1).div(3).toString()).toBe('0.333');
    expect(new Dec(1).div(3).toString()).toBe('0.' + '3'.repeat(80));
  });
});

function settingsOf(C: typeof DecimalEsm): Parameters<typeof pinnedDecimal>[0] {
  return { precision: C.precision, rounding: C.rounding, toExpNeg: C.toExpNeg, toExpPos: C.toExpPos, minE: C.minE, maxE: C.maxE, modulo: C.modulo, crypto: C.crypto };
}

describe('decimal helpers called from plain JavaScript', () => {
  it('roundTo refuses places that are not a whole number from 0, and an unknown mode', () => {
    for (const places of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refusal(() => roundTo(new Dec('1.25'), places, 'half-up'))).toEqual(['invalid_argument places']);
    }
    expect(refusal(() => roundTo(new Dec('1.25'), 1, 'bogus' as never))).toEqual(['invalid_argument mode']);
    expect(roundTo(new Dec('1.25'), 1, 'half-up').toFixed()).toBe('1.3');
  });
});

function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return (error as { issues: { code: string; path: string }[] }).issues.map((i) => `${i.code} ${i.path}`);
  }
  return [];
}
