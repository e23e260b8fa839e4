import type { Decimal } from '../../core/decimal.js';
import { HUNDRED, ONE, checkOrder, constant, exactValue, type DistributionKindEntry, type NumberInput, mapAmountFields } from './common.js';

/** Triangular with mode `likely` (driehoeksverdeling). @category Uncertainty */
export interface TriangularDistribution {
  /** Discriminant. */
  readonly kind: 'triangular';
  /** Lower bound. */
  readonly low: NumberInput;
  /** Most likely value, within [low, high]. */
  readonly likely: NumberInput;
  /** Upper bound. */
  readonly high: NumberInput;
}

/** A triangular spec read into exact decimals. @internal */
export type ParsedTriangular = { readonly kind: 'triangular'; readonly low: Decimal; readonly likely: Decimal; readonly high: Decimal };

/** The triangular distribution kind: fields, reading and sampler. @internal */
export const triangularKind = {
  fields: ['kind', 'low', 'likely', 'high'],
  mapAmounts: mapAmountFields('low', 'likely', 'high'),
  parse({ path, issues, num }) {
    const low = num('low');
    const likely = num('likely');
    const high = num('high');
    checkOrder(low, likely, high, path, issues);
    return low !== undefined && likely !== undefined && high !== undefined ? { kind: 'triangular', low, likely, high } : undefined;
  },
  sampler(parsed, unit, roundTo) {
    if (parsed.low.eq(parsed.high)) return { sampler: constant(exactValue(parsed.low, unit, roundTo)), exact: true };
    const scale = unit === 'euro' ? HUNDRED : ONE;
    const lowD = parsed.low.times(scale);
    const likelyD = parsed.likely.times(scale);
    const highD = parsed.high.times(scale);
    const low = lowD.toNumber();
    const high = highD.toNumber();
    const split = likelyD.minus(lowD).div(highD.minus(lowD)).toNumber();
    const left = highD.minus(lowD).times(likelyD.minus(lowD)).toNumber();
    const right = highD.minus(lowD).times(highD.minus(likelyD)).toNumber();
    return {
      sampler: (rng) => {
        const u = rng.nextFloat();
        const x = u < split ? low + Math.sqrt(u * left) : high - Math.sqrt((1 - u) * right);
        return x < low ? low : x > high ? high : x;
      },
      exact: false,
    };
  },
} satisfies DistributionKindEntry<ParsedTriangular>;
