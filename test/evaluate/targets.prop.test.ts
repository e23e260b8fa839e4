import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../src/index.js';
import { evaluateTargets } from '../../src/evaluate/targets.js';
import { withTargets } from '../../src/validate/with-targets.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;
const table = budget({ title: 't', unit: 'euro', horizon: { from: 2025, to: 2029 } }).section('4', 's').line('T', 'T', [1], { nature: 'structural' }).build();
const amounts = fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(null)), { minLength: 5, maxLength: 5 });
const realisation = fc.oneof(
  fc.constant('as-planned'),
  fc.constant('none'),
  fc.record({ rate: fc.constantFrom('0', '0.3', '0.5', '1') }),
  fc.record({ delay: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ amount: amounts, abovePlan: fc.constant(true) }),
);
const measure = fc.record({ planned: amounts, status: fc.constantFrom('decided', 'in-preparation', 'at-risk'), realisation });
const input = fc.record({ path: amounts, measures: fc.array(measure, { maxLength: 5 }) });

describe('savings properties', () => {
  it('filled + unfilled = target, realised + gap = target, and realised + unfilled = target when realised and planned agree', () => {
    fc.assert(
      fc.property(input, ({ path, measures }) => {
        const b = withTargets(table, [{ id: 't', title: 'T', path, measures: measures.map((m, i) => ({ id: `m${i}`, title: `M${i}`, ...m })) }]);
        for (const y of Object.values(evaluateTargets(b).targets['t']!.years)) {
          expect(y.filled.plus(y.unfilled).eq(y.target)).toBe(true);
          expect(y.realised.plus(y.gap).eq(y.target)).toBe(true);
          expect(y.planned.minus(y.shortfall).eq(y.realised)).toBe(true);
          expect(y.unfilled.isNegative() && !y.unfilled.isZero()).toBe(false);
          if (y.shortfall.isZero() && y.planned.lte(y.target)) expect(y.realised.plus(y.unfilled).eq(y.target)).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});
