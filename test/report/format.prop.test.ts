import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { roundToStep } from '../../src/report/allocate.js';
import { formatAmount } from '../../src/report/format.js';
import { parseLocaleAmount } from '../../src/document/locale-amount.js';
import { displayStep, resolvePresentation, UNIT_FACTORS } from '../../src/report/presentation.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

const amountArb = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((c) => new Dec(c.toString()).div(10_000));
const presentationArb = fc.record({
  unit: fc.constantFrom('euro' as const, 'thousand' as const, 'million' as const),
  decimals: fc.integer({ min: 0, max: 4 }),
  sign: fc.constantFrom('voordeel-positive' as const, 'nadeel-positive' as const),
  notation: fc.constantFrom('minus' as const, 'trailing-minus' as const, 'vn' as const),
  locale: fc.constantFrom('nl' as const, 'en' as const),
  roundingMode: fc.constantFrom('half-up' as const, 'half-even' as const, 'down' as const, 'up' as const, 'floor' as const, 'ceil' as const),
});

describe('formatAmount properties', () => {
  it('parseLocaleAmount reads back what formatAmount wrote: the rounded figure in the display unit', () => {
    fc.assert(
      fc.property(amountArb, presentationArb, (value, partial) => {
        const p = resolvePresentation(partial);
        const text = formatAmount(value, p);
        const read = parseLocaleAmount(text, p.locale);
        const expected = roundToStep(value, displayStep(p), p.roundingMode).div(UNIT_FACTORS[p.unit]);
        const flip = p.sign === 'nadeel-positive' && p.notation !== 'vn';
        expect(read.eq(flip ? expected.neg() : expected)).toBe(true);
      }),
      { numRuns },
    );
  });

  it('never an exponent, never a negative zero, always the chosen number of decimals', () => {
    fc.assert(
      fc.property(amountArb, presentationArb, (value, p) => {
        const text = formatAmount(value, p);
        expect(text).not.toMatch(/[eE]/);
        expect(text).not.toMatch(/^(?:-0(?:[.,]0+)?|0(?:[.,]0+)?-|[NV]0(?:[.,]0+)?)$/);
        const decimal = p.locale === 'nl' ? ',' : '.';
        const digits = text.replace(/^[-NV]|-$/g, '');
        expect(digits.split(decimal)[1]?.length ?? 0).toBe(p.decimals);
      }),
      { numRuns },
    );
  });
});
