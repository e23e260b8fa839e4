import type { Decimal } from '../../core/decimal.js';
import { issue } from '../../core/errors.js';
import { detExp, detLog, type Random } from '../random.js';
import { checkOrder, constant, exactValue, toFloat, type DistributionKindEntry, type NumberInput, mapAmountFields } from './common.js';

/** Normal, truncated to [low, high] (afgekapte normale verdeling). @category Uncertainty */
export interface NormalDistribution {
  /** Discriminant. */
  readonly kind: 'normal';
  /** Mean of the untruncated normal. */
  readonly mean: NumberInput;
  /** Standard deviation, at least 0. */
  readonly sd: NumberInput;
  /** Lower bound of the draws. */
  readonly low: NumberInput;
  /** Upper bound of the draws. */
  readonly high: NumberInput;
}

/** A normal spec read into exact decimals. @internal */
export type ParsedNormal = { readonly kind: 'normal'; readonly mean: Decimal; readonly sd: Decimal; readonly low: Decimal; readonly high: Decimal };


const INV_SQRT_2PI = 0.3989422804014327;
/** Below this the upper tail comes from the Taylor series of Phi, above it from the continued fraction. */
const TAIL_SWITCH = 2.5;

/** Standard normal density. */
function density(x: number): number {
  return detExp(-0.5 * x * x) * INV_SQRT_2PI;
}

/** Upper tail Q(x) = P(Z > x) for x >= 0, given the density at x; full relative accuracy far into the tail. */
function upperTail(x: number, densityAtX: number): number {
  if (x < TAIL_SWITCH) {
    // Phi(x) - 1/2 = density * (x + x^3/3 + x^5/(3*5) + ...) (Marsaglia 2004); converges for all x.
    let sum = x;
    let term = x;
    const x2 = x * x;
    for (let k = 3; k < 200; k += 2) {
      term *= x2 / k;
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 - densityAtX * sum;
  }
  // Mills ratio by the continued fraction x + 1/(x + 2/(x + 3/(x + ...))), evaluated backwards.
  // Depth 8 + 160/x reaches full double precision for every x >= 2.5 (it needs about 150/x terms).
  let t = x;
  for (let k = 8 + Math.ceil(160 / x); k >= 1; k--) t = x + k / t;
  return densityAtX / t;
}

/**
 * The standard normal truncated to [a, b] (a <= b, finite): its mass and its inverse CDF, computed in
 * whichever tail keeps relative accuracy. Everything is deterministic and bounded.
 */
interface TruncatedNormal {
  /** P(a <= Z <= b). */
  readonly mass: number;
  /** The z in [a, b] with P(a <= Z <= z) = u * mass. */
  readonly inverse: (u: number) => number;
}

const NEWTON_STEPS = 60;
const NEWTON_TOLERANCE = 1e-14;

function truncatedNormal(a: number, b: number): TruncatedNormal {
  const upper = a >= 0;
  // F(z) = P(a <= Z <= z): Q(a) - Q(z) in the upper tail, else Phi(z) - Phi(a) with Phi(z) = Q(-z) for z < 0.
  const phi = (z: number, d: number): number => (z < 0 ? upperTail(-z, d) : 1 - upperTail(z, d));
  const base = upper ? upperTail(a, density(a)) : phi(a, density(a));
  const cumulative = (z: number, d: number): number => (upper ? base - upperTail(z, d) : phi(z, d) - base);
  const mass = cumulative(b, density(b));

  const inverse = (u: number): number => {
    if (!(mass > 0)) {
      // Bounds so deep in one tail that the mass underflows: there the tail is exponential with rate
      // |a| (or |b|) to within O(1/a^2). An interval around 0 too narrow to have a mass is flat.
      if (a > 0) {
        const z = a - detLog(1 - u * (1 - detExp(-a * (b - a)))) / a;
        return z < a ? a : z > b ? b : z;
      }
      if (b < 0) {
        const z = b + detLog(1 - u * (1 - detExp(b * (b - a)))) / -b;
        return z < a ? a : z > b ? b : z;
      }
      return a + (b - a) * u;
    }
    const target = u * mass;
    // Safeguarded Newton: keep a bracket [lo, hi] around the root, bisect when a step leaves it.
    let lo = a;
    let hi = b;
    let z: number;
    if (a >= 1) z = a - detLog(1 - u * (1 - detExp(-a * (b - a)))) / a;
    else if (b <= -1) z = b + detLog(1 - u * (1 - detExp(b * (b - a)))) / -b;
    else z = a + (b - a) * u;
    if (!(z > lo && z < hi)) z = lo + (hi - lo) / 2;
    for (let step = 0; step < NEWTON_STEPS; step++) {
      const d = density(z);
      const error = cumulative(z, d) - target;
      if (error === 0) break;
      const newtonStep = error / d;
      if (Math.abs(newtonStep) <= NEWTON_TOLERANCE * (1 + Math.abs(z))) break;
      if (error < 0) lo = z;
      else hi = z;
      const next = z - newtonStep;
      z = next > lo && next < hi ? next : lo + (hi - lo) / 2;
      if (hi - lo <= NEWTON_TOLERANCE * (1 + Math.abs(z))) break;
    }
    return z < a ? a : z > b ? b : z;
  };
  return { mass, inverse };
}

/** Rejection tries of the truncated normal before the inverse-CDF fallback. */
const NORMAL_REJECTION_TRIES = 64;
/** Below this acceptance probability the truncated normal uses the inverse CDF straight away. */
const NORMAL_MIN_ACCEPTANCE = 0.2;

/**
 * A sampler of the standard normal truncated to [za, zb] (finite, za <= zb): by rejection from normal draws (at
 * most 64 tries) with the inverse CDF as fallback, or the inverse CDF straight away when [za, zb] holds less than
 * 20% of the mass. Shared by the normal and the lognormal kinds.
 * @internal
 */
export function standardNormalBetween(za: number, zb: number): (rng: Random) => number {
  const truncated = truncatedNormal(za, zb);
  const rejection = truncated.mass >= NORMAL_MIN_ACCEPTANCE;
  const inverse = truncated.inverse;
  return (rng) => {
    let z = Number.NaN;
    if (rejection) {
      for (let attempt = 0; attempt < NORMAL_REJECTION_TRIES; attempt++) {
        const candidate = rng.nextNormal();
        if (candidate >= za && candidate <= zb) {
          z = candidate;
          break;
        }
      }
    }
    if (z !== z) z = inverse(rng.nextFloat());
    return z;
  };
}

/** The normal distribution kind: fields, reading and sampler. @internal */
export const normalKind = {
  fields: ['kind', 'mean', 'sd', 'low', 'high'],
  mapAmounts: mapAmountFields('mean', 'sd', 'low', 'high'),
  parse({ path, issues, num }) {
    const mean = num('mean');
    const sd = num('sd');
    const low = num('low');
    const high = num('high');
    if (sd !== undefined && sd.isNegative() && !sd.isZero()) {
      issues.push(issue('negative_sd', [...path, 'sd'], `the standard deviation ${sd.toFixed()} is negative`));
    }
    checkOrder(low, undefined, high, path, issues);
    if (mean !== undefined && sd !== undefined && sd.isZero() && low !== undefined && high !== undefined && low.lte(high)) {
      if (mean.lt(low) || mean.gt(high)) {
        issues.push(issue('low_above_high', [...path, 'mean'], `with sd 0 every draw is the mean ${mean.toFixed()}, which is outside [low, high]`));
      }
    }
    return mean !== undefined && sd !== undefined && low !== undefined && high !== undefined ? { kind: 'normal', mean, sd, low, high } : undefined;
  },
  sampler(parsed, unit, roundTo) {
    if (parsed.sd.isZero()) return { sampler: constant(exactValue(parsed.mean, unit, roundTo)), exact: true };
    if (parsed.low.eq(parsed.high)) return { sampler: constant(exactValue(parsed.low, unit, roundTo)), exact: true };
    const mean = toFloat(parsed.mean, unit);
    const sd = toFloat(parsed.sd, unit);
    const low = toFloat(parsed.low, unit);
    const high = toFloat(parsed.high, unit);
    const za = parsed.low.minus(parsed.mean).div(parsed.sd).toNumber();
    const zb = parsed.high.minus(parsed.mean).div(parsed.sd).toNumber();
    const standard = standardNormalBetween(za, zb);
    return {
      sampler: (rng) => {
        const x = mean + sd * standard(rng);
        return x < low ? low : x > high ? high : x;
      },
      exact: false,
    };
  },
} satisfies DistributionKindEntry<ParsedNormal>;
