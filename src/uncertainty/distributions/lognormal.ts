import type { Decimal } from '../../core/decimal.js';
import { issue } from '../../core/errors.js';
import { detExp, detLog } from '../random.js';
import { checkOrder, constant, exactValue, mapAmountFields, toFloat, type DistributionKindEntry, type NumberInput } from './common.js';
import { standardNormalBetween } from './normal.js';

/**
 * Lognormal, truncated to [low, high] (lognormale verdeling): a skewed amount, most likely near its median, with a
 * long tail on one side, stated as an analyst states it: the median (as likely more as less) and the p90 (the
 * amount whose size is passed in 1 of 10 cases). Both have the same sign; for a cost (negative amounts) the tail
 * is on the side of higher costs: `median: '-1100', p90: '-1600'` costs more than 1.600 in 1 of 10 draws. The draws
 * are `median x e^(sigma z)` with z standard normal and `sigma = ln(p90 / median) / 1.2815515655446004` (the
 * standard normal's 90th percentile), truncated to [low, high].
 * @category Uncertainty
 */
export interface LognormalDistribution {
  /** Discriminant. */
  readonly kind: 'lognormal';
  /** The median (not 0), within [low, high]. */
  readonly median: NumberInput;
  /** The 90th percentile of the size: the same sign as the median and at least as large in size (equal: every draw is the median). */
  readonly p90: NumberInput;
  /** Lower bound of the draws. */
  readonly low: NumberInput;
  /** Upper bound of the draws. */
  readonly high: NumberInput;
}

/** A lognormal spec read into exact decimals. @internal */
export type ParsedLognormal = { readonly kind: 'lognormal'; readonly median: Decimal; readonly p90: Decimal; readonly low: Decimal; readonly high: Decimal };

/** The 90th percentile of the standard normal. */
const Z90 = 1.2815515655446004;
/** Where the standard normal's mass ends in a double (an open side of the truncation). */
const Z_LIMIT = 40;

/** `ln(ratio) / sigma` clamped to [-Z_LIMIT, Z_LIMIT]; -Z_LIMIT for a ratio of 0 or less (an open side). */
function zOf(ratio: Decimal, sigma: number): number {
  if (!ratio.gt(0)) return -Z_LIMIT;
  const z = detLog(ratio.toNumber()) / sigma;
  return z < -Z_LIMIT ? -Z_LIMIT : z > Z_LIMIT ? Z_LIMIT : z;
}

/** The lognormal distribution kind: fields, reading and sampler. @internal */
export const lognormalKind = {
  fields: ['kind', 'median', 'p90', 'low', 'high'],
  mapAmounts: mapAmountFields('median', 'p90', 'low', 'high'),
  parse({ path, issues, num }) {
    const median = num('median');
    const p90 = num('p90');
    const low = num('low');
    const high = num('high');
    if (median !== undefined && median.isZero()) issues.push(issue('invalid_amount', [...path, 'median'], 'the median of a lognormal is not 0: it sets the scale'));
    if (median !== undefined && p90 !== undefined && !median.isZero()) {
      if (p90.isZero() || p90.isNegative() !== median.isNegative()) {
        issues.push(issue('invalid_amount', [...path, 'p90'], `p90 ${p90.toFixed()} has another sign than the median ${median.toFixed()}`));
      } else if (p90.abs().lt(median.abs())) {
        issues.push(issue('low_above_high', [...path, 'p90'], `p90 ${p90.toFixed()} is smaller in size than the median ${median.toFixed()}: the tail lies beyond the median`));
      }
    }
    checkOrder(low, undefined, high, path, issues);
    if (median !== undefined && low !== undefined && high !== undefined && low.lte(high) && (median.lt(low) || median.gt(high))) {
      issues.push(issue('low_above_high', [...path, 'median'], `the median ${median.toFixed()} is outside [low, high]`));
    }
    return median !== undefined && p90 !== undefined && low !== undefined && high !== undefined ? { kind: 'lognormal', median, p90, low, high } : undefined;
  },
  sampler(parsed, unit, roundTo) {
    if (parsed.p90.eq(parsed.median)) return { sampler: constant(exactValue(parsed.median, unit, roundTo)), exact: true };
    if (parsed.low.eq(parsed.high)) return { sampler: constant(exactValue(parsed.low, unit, roundTo)), exact: true };
    const size = parsed.median.abs();
    const sign = parsed.median.isNegative() ? -1 : 1;
    const sigma = detLog(parsed.p90.abs().div(size).toNumber()) / Z90;
    // the draw is sign x size x e^(sigma z): [low, high] in z, for a positive or a negative median
    const [za, zb] = sign > 0 ? [zOf(parsed.low.div(size), sigma), zOf(parsed.high.div(size), sigma)] : [zOf(parsed.high.neg().div(size), sigma), zOf(parsed.low.neg().div(size), sigma)];
    const standard = standardNormalBetween(za, zb);
    const scale = sign * toFloat(size, unit);
    const low = toFloat(parsed.low, unit);
    const high = toFloat(parsed.high, unit);
    return {
      sampler: (rng) => {
        const x = scale * detExp(sigma * standard(rng));
        return x < low ? low : x > high ? high : x;
      },
      exact: false,
    };
  },
} satisfies DistributionKindEntry<ParsedLognormal>;
