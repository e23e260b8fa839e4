import type { Decimal } from '../../core/decimal.js';
import { checkOrder, constant, exactValue, toFloat, type DistributionKindEntry, type NumberInput, mapAmountFields } from './common.js';

/** Uniform between `low` and `high` (uniforme verdeling). @category Uncertainty */
export interface UniformDistribution {
  /** Discriminant. */
  readonly kind: 'uniform';
  /** Lower bound. */
  readonly low: NumberInput;
  /** Upper bound, at least `low`. */
  readonly high: NumberInput;
}

/** A uniform spec read into exact decimals. @internal */
export type ParsedUniform = { readonly kind: 'uniform'; readonly low: Decimal; readonly high: Decimal };

/** The uniform distribution kind: fields, reading and sampler. @internal */
export const uniformKind = {
  fields: ['kind', 'low', 'high'],
  mapAmounts: mapAmountFields('low', 'high'),
  parse({ path, issues, num }) {
    const low = num('low');
    const high = num('high');
    checkOrder(low, undefined, high, path, issues);
    return low !== undefined && high !== undefined ? { kind: 'uniform', low, high } : undefined;
  },
  sampler(parsed, unit, roundTo) {
    if (parsed.low.eq(parsed.high)) return { sampler: constant(exactValue(parsed.low, unit, roundTo)), exact: true };
    const low = toFloat(parsed.low, unit);
    const high = toFloat(parsed.high, unit);
    const width = high - low;
    return {
      sampler: (rng) => {
        const x = low + width * rng.nextFloat();
        return x > high ? high : x;
      },
      exact: false,
    };
  },
} satisfies DistributionKindEntry<ParsedUniform>;
