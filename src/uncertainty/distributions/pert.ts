import { Dec, type Decimal } from '../../core/decimal.js';
import { detLog } from '../random.js';
import { ONE, checkOrder, constant, exactValue, toFloat, type DistributionKindEntry, type NumberInput, type Sampler, mapAmountFields } from './common.js';

/**
 * (Modified) PERT: a Beta distribution scaled to [low, high] with mode `likely` (PERT-verdeling).
 * Shape parameters: alpha = 1 + lambda (likely - low)/(high - low), beta = 1 + lambda (high - likely)/(high - low).
 * @category Uncertainty
 */
export interface PertDistribution {
  /** Discriminant. */
  readonly kind: 'pert';
  /** Lower bound. */
  readonly low: NumberInput;
  /** Most likely value, within [low, high]. */
  readonly likely: NumberInput;
  /** Upper bound. */
  readonly high: NumberInput;
  /**
   * Weight of the mode, from 0 (uniform) to 10^6.
   * @defaultValue 4 (classic PERT)
   */
  readonly lambda?: NumberInput;
}

/** A pert spec read into exact decimals. @internal */
export type ParsedPert = { readonly kind: 'pert'; readonly low: Decimal; readonly likely: Decimal; readonly high: Decimal; readonly lambda: Decimal };

const DEFAULT_LAMBDA = new Dec(4);
/** Marsaglia-Tsang tries before the fallback. */
const GAMMA_TRIES = 64;

/** Gamma(shape, 1) for shape >= 1 by Marsaglia and Tsang (2000); bounded at 64 tries (then the mode-like d). */
function gammaSampler(shape: number): Sampler {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return (rng) => {
    for (let attempt = 0; attempt < GAMMA_TRIES; attempt++) {
      const x = rng.nextNormal();
      const base = 1 + c * x;
      if (base <= 0) continue;
      const v = base * base * base;
      const u = rng.nextFloat();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (detLog(u) < 0.5 * x2 + d * (1 - v + detLog(v))) return d * v;
    }
    return d;
  };
}

/** The pert distribution kind: fields, reading and sampler. @internal */
export const pertKind = {
  fields: ['kind', 'low', 'likely', 'high', 'lambda'],
  mapAmounts: mapAmountFields('low', 'likely', 'high'),
  parse({ spec, path, issues, num }) {
    const low = num('low');
    const likely = num('likely');
    const high = num('high');
    const lambda = spec['lambda'] === undefined ? DEFAULT_LAMBDA : num('lambda', 'lambda');
    checkOrder(low, likely, high, path, issues);
    return low !== undefined && likely !== undefined && high !== undefined && lambda !== undefined ? { kind: 'pert', low, likely, high, lambda } : undefined;
  },
  sampler(parsed, unit, roundTo) {
    if (parsed.low.eq(parsed.high)) return { sampler: constant(exactValue(parsed.low, unit, roundTo)), exact: true };
    const range = parsed.high.minus(parsed.low);
    const alpha = ONE.plus(parsed.lambda.times(parsed.likely.minus(parsed.low)).div(range)).toNumber();
    const beta = ONE.plus(parsed.lambda.times(parsed.high.minus(parsed.likely)).div(range)).toNumber();
    const gammaA = gammaSampler(alpha);
    const gammaB = gammaSampler(beta);
    const low = toFloat(parsed.low, unit);
    const high = toFloat(parsed.high, unit);
    const width = high - low;
    return {
      sampler: (rng) => {
        const x = gammaA(rng);
        const y = gammaB(rng);
        const value = low + width * (x / (x + y));
        return value < low ? low : value > high ? high : value;
      },
      exact: false,
    };
  },
} satisfies DistributionKindEntry<ParsedPert>;
