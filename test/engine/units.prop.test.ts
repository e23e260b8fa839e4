import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, ZERO, type Decimal } from '../../src/core/decimal.js';
import { compileBudget } from '../../src/engine/compile.js';
import { DIGIT_WORDS, MAX_SAFE_UNITS, fractionPlaces, splitAmount, toUnits, unitsToDecimal } from '../../src/engine/units.js';
import { isPm } from '../../src/model/budget.js';
import { budgetArb, centsString } from './arbitraries.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

interface Internals {
  s: number;
  e: number;
  d: number[];
}
const internals = (x: Decimal): Internals => x as unknown as Internals;

/** The text conversion the fast paths must equal: `toFixed`, the point removed, as a BigInt. */
function referenceUnits(value: Decimal, decimals: number): bigint {
  const text = value.toFixed(decimals);
  return BigInt(decimals === 0 ? text : text.replace('.', ''));
}

/** An amount with up to 18 integer and up to 6 fraction digits, with how many fraction digits it was written with. */
const amountArb = fc
  .record({
    places: fc.integer({ min: 0, max: 6 }),
    mantissa: fc.oneof(
      fc.bigInt({ min: -(10n ** 24n) + 1n, max: 10n ** 24n - 1n }),
      fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map(BigInt),
      fc.constantFrom(0n, 1n, -1n, 10n ** 7n, 10n ** 14n, 10n ** 15n - 1n, -(10n ** 21n)),
    ),
    negativeZero: fc.boolean(),
  })
  .map(({ places, mantissa, negativeZero }) => {
    // at most 18 integer digits
    const bound = 10n ** BigInt(18 + places);
    const m = mantissa % bound;
    const text = m === 0n && negativeZero ? '-0' : centsString(m, places);
    return { value: new Dec(text), places };
  });

describe('toUnits (read from the digit words)', () => {
  it('uses the digit words of the installed decimal.js (the checks at load time hold)', () => {
    expect(DIGIT_WORDS).toBe(true);
  });

  it('equals the toFixed conversion for every unit that holds the amount', () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: 0, max: 6 }), ({ value, places }, extra) => {
        const decimals = Math.min(6, Math.max(places, value.decimalPlaces()) + (extra % 3));
        const units = toUnits(value, decimals);
        const expected = referenceUnits(value, decimals);
        expect(BigInt(units)).toBe(expected);
        const safe = expected >= -BigInt(MAX_SAFE_UNITS) && expected <= BigInt(MAX_SAFE_UNITS);
        expect(typeof units).toBe(safe ? 'number' : 'bigint');
        expect(Object.is(units, -0)).toBe(false);
      }),
      { numRuns },
    );
  });

  it('rounds like toFixed when the amount has more decimals than the unit', () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: 0, max: 5 }), ({ value }, decimals) => {
        expect(BigInt(toUnits(value, decimals))).toBe(referenceUnits(value, decimals));
      }),
      { numRuns },
    );
  });
});

describe('unitsToDecimal (digit words built directly)', () => {
  it('round trips toUnits, and is the same value as parsing its digits, frozen', () => {
    fc.assert(
      fc.property(amountArb, ({ value, places }) => {
        const decimals = Math.max(places, value.decimalPlaces());
        const back = unitsToDecimal(toUnits(value, decimals), decimals);
        expect(back.eq(value)).toBe(true);
        const parsed = internals(new Dec(value.toFixed()));
        if (value.isZero()) {
          expect(back).toBe(ZERO);
          expect(internals(back).s).toBe(1);
        } else {
          expect({ s: internals(back).s, e: internals(back).e, d: [...internals(back).d] }).toEqual({ s: parsed.s, e: parsed.e, d: [...parsed.d] });
        }
        expect(Object.isFrozen(back)).toBe(true);
        expect(Object.isFrozen(internals(back).d)).toBe(true);
        expect((back as unknown as { constructor: unknown }).constructor).toBe(Dec);
      }),
      { numRuns },
    );
  });

  it('builds any safe integer of units exactly (number and BigInt alike)', () => {
    const safeArb = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.maxSafeInteger().map((n) => n - (n % 10_000_000)), fc.constantFrom(MAX_SAFE_UNITS, -MAX_SAFE_UNITS, 1, -1, 10_000_000));
    fc.assert(
      fc.property(safeArb, fc.integer({ min: 0, max: 6 }), (units, decimals) => {
        const fast = unitsToDecimal(units, decimals);
        const text = unitsToDecimal(BigInt(units), decimals);
        expect(fast.eq(text)).toBe(true);
        expect({ s: internals(fast).s, e: internals(fast).e, d: [...internals(fast).d] }).toEqual({ s: internals(text).s, e: internals(text).e, d: [...internals(text).d] });
        expect(referenceUnits(fast, decimals)).toBe(BigInt(units));
        // decimal.js arithmetic on a built value is the same as on a parsed one
        expect(fast.plus('0.0000001').toFixed()).toBe(text.plus('0.0000001').toFixed());
        expect(fast.times(3).toFixed()).toBe(text.times(3).toFixed());
      }),
      { numRuns },
    );
  });

  it('gives the shared zero for 0, -0 and 0n', () => {
    expect(unitsToDecimal(0, 2)).toBe(ZERO);
    expect(unitsToDecimal(-0, 2)).toBe(ZERO);
    expect(unitsToDecimal(0n, 6)).toBe(ZERO);
    expect(Object.isFrozen(ZERO)).toBe(true);
  });
});

describe('splitAmount and fractionPlaces (the compiler reads each amount once)', () => {
  it('split whole euros and a 10^-7 fraction word, equal to the amount, and count its decimals', () => {
    fc.assert(
      fc.property(amountArb, ({ value }) => {
        const wholes = new Float64Array(1);
        const fractions = new Float64Array(1);
        const ok = splitAmount(value, wholes, fractions, 0);
        expect(ok).toBe(value.abs().lt('1e15'));
        if (!ok) return;
        expect(BigInt(wholes[0]!) * 10_000_000n + BigInt(fractions[0]!)).toBe(referenceUnits(value, 7));
        expect(Object.is(wholes[0], -0) || Object.is(fractions[0], -0)).toBe(false);
        expect(fractionPlaces(fractions[0]!)).toBe(value.decimalPlaces());
      }),
      { numRuns },
    );
  });

  it('refuse an amount with digits below 10^-7', () => {
    const wholes = new Float64Array(1);
    const fractions = new Float64Array(1);
    expect(splitAmount(new Dec('0.00000001'), wholes, fractions, 0)).toBe(false);
    expect(splitAmount(new Dec('12.00000001'), wholes, fractions, 0)).toBe(false);
    expect(splitAmount(new Dec('0.0000001'), wholes, fractions, 0)).toBe(true);
    expect(fractionPlaces(fractions[0]!)).toBe(7);
  });
});

describe('compileBudget', () => {
  it('holds every cell as exactly its toFixed units, with the unit of the most decimals', () => {
    fc.assert(
      fc.property(budgetArb({ huge: true }), (budget) => {
        const c = compileBudget(budget);
        let places = 2;
        const cells: (Decimal | undefined)[] = [];
        for (const section of budget.sections) {
          for (const line of section.lines) {
            for (const values of [line.values, ...line.components.map((comp) => comp.values)]) {
              for (const key of c.years.map(String)) {
                const cell = values[key];
                if (cell !== undefined && !isPm(cell)) places = Math.max(places, cell.decimalPlaces());
                cells.push(cell === undefined || isPm(cell) ? undefined : cell);
              }
            }
          }
        }
        expect(c.decimals).toBe(places);
        cells.forEach((cell, i) => {
          const got = c.wide ? c.wideUnits![i]! : c.units[i]!;
          expect(BigInt(got)).toBe(cell === undefined ? 0n : referenceUnits(cell, places));
          expect(Object.is(got, -0)).toBe(false);
        });
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });
});
