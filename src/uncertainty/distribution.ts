/**
 * Probability distributions of uncertain amounts and rates (kansverdelingen) for Monte Carlo runs:
 * plain JSON-friendly specs, their validation, and compiled allocation-free samplers.
 *
 * @remarks
 * **Specs.** Every spec is a plain object with a `kind`; numbers are decimal strings (`"-2100"`,
 * `"1083.50"`, `"0.5"`) or JSON numbers. Amounts are in euros and must be strings or safe integers
 * (a JSON number such as `0.1` is refused: it is not exactly one tenth). Rates (percentages,
 * realisation rates: `"0.5"` is 50%), probabilities and PERT's `lambda` may also be finite numbers.
 *
 * **Draws of amounts.** A compiled amount sampler works in cents: bounds are converted exactly
 * (`Dec` times 100) once, the draw is made in floating point in cents, and with `roundTo: 'cent'`
 * (the default) it is rounded by one rule: **half-up, away from zero, on the exact binary value of
 * the drawn float** (`roundHalfAwayFromZero`). Every draw is therefore an exact whole number
 * of cents, a safe integer, returned as a `number` (not a bigint, so that drawing allocates nothing).
 * With `roundTo: 'none'` the unrounded float in cents is returned.
 *
 * **Draws of rates.** A compiled rate sampler returns the drawn unitless float (0.5 = 50%). Turn it into
 * an exact rational with `rateToPpm` (parts per million, half-up on the exact float).
 *
 * **Determinism.** Samplers use only the {@link Random} given to them, IEEE 754 `+ - * /`, `Math.sqrt`,
 * and the engine-independent `detLog` / `detExp`, with bounded loops; the same stream gives the same
 * draws on every machine.
 */
import { Dec, type Decimal } from '../core/decimal.js';
import { MeerjarenError, issue, type Issue, type Path } from '../core/errors.js';
import { detExp, detLog, type Random } from './random.js';
import { oneOf, pathOf, readOptions, requireArgument, requireObject } from '../core/guard.js';

const UNIT = oneOf(['euro', 'rate']);

/** A number in a spec: a decimal string such as `"-2100.50"`, or a JSON number (see the module notes for which are accepted). @category Uncertainty */
export type NumberInput = string | number;

/** A certain value (vaste waarde): every draw is `value`. @category Uncertainty */
export interface FixedDistribution {
  /** Discriminant. */
  readonly kind: 'fixed';
  /** The value. */
  readonly value: NumberInput;
}

/** Uniform between `low` and `high` (uniforme verdeling). @category Uncertainty */
export interface UniformDistribution {
  /** Discriminant. */
  readonly kind: 'uniform';
  /** Lower bound. */
  readonly low: NumberInput;
  /** Upper bound, at least `low`. */
  readonly high: NumberInput;
}

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

/** One outcome of a discrete distribution. @category Uncertainty */
export interface DiscreteChoice {
  /** The value, kept exactly. */
  readonly value: NumberInput;
  /** Its probability, in [0, 1]. */
  readonly p: NumberInput;
}

/** A finite set of outcomes with probabilities summing to 1 (discrete verdeling). @category Uncertainty */
export interface DiscreteDistribution {
  /** Discriminant. */
  readonly kind: 'discrete';
  /** The outcomes; probabilities must sum to 1 within 1e-9. */
  readonly choices: readonly DiscreteChoice[];
}

/** A distribution spec (kansverdeling): plain, JSON-serialisable data. @category Uncertainty */
export type DistributionSpec =
  | FixedDistribution
  | UniformDistribution
  | TriangularDistribution
  | PertDistribution
  | NormalDistribution
  | DiscreteDistribution;

/** The kinds of distribution, in documentation order. @category Uncertainty */
export const DISTRIBUTION_KINDS = Object.freeze(['fixed', 'uniform', 'triangular', 'pert', 'normal', 'discrete'] as const);

/** A distribution kind. @category Uncertainty */
export type DistributionKind = DistributionSpec['kind'];

/**
 * What a distribution's numbers measure: `euro` for amounts (bedragen), `rate` for unitless
 * percentages and realisation rates (`"0.5"` = 50%).
 * @category Uncertainty
 */
export type DistributionUnit = 'euro' | 'rate';

/** Options of {@link validateDistribution}. @category Uncertainty */
export interface ValidateOptions {
  /**
   * What the numbers measure.
   * @defaultValue `'euro'`
   */
  readonly unit?: DistributionUnit;
}

/** Options of {@link compileDistribution}. @category Uncertainty */
export interface DistributionCompileOptions extends ValidateOptions {
  /**
   * For amounts: `'cent'` rounds every draw half-up (away from zero) to a whole number of cents;
   * `'none'` returns the unrounded float in cents. Has no effect on rates.
   * @defaultValue `'cent'`
   */
  readonly roundTo?: 'cent' | 'none';
  /** Path prefix for the issues of a bad spec, e.g. `['inputs', 3, 'distribution']`. */
  readonly path?: Path;
}

/**
 * A compiled sampler (trekker): one draw per call, allocation-free. Amounts come back in cents
 * (whole cents with `roundTo: 'cent'`), rates as unitless floats.
 * @category Uncertainty
 */
export type Sampler = (rng: Random) => number;

/** Largest amount magnitude in euros a distribution accepts: 10^13, i.e. 10^15 cents, below 2^53. */
export const MAX_DISTRIBUTION_EUROS = 10_000_000_000_000;
/** Largest number of decimals of an amount in euros. */
export const MAX_AMOUNT_DECIMALS = 6;
/** Largest rate magnitude: 10^9 (so that `rateToPpm` stays a safe integer). */
export const MAX_RATE = 1_000_000_000;
/** Largest PERT lambda. */
export const MAX_PERT_LAMBDA = 1_000_000;
/** Tolerance on the sum of discrete probabilities. */
export const PROBABILITY_TOLERANCE = 1e-9;

// ---------------------------------------------------------------------------------------------
// Validation

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const MAX_EUROS = new Dec(MAX_DISTRIBUTION_EUROS);
const MAX_RATE_DEC = new Dec(MAX_RATE);
const MAX_LAMBDA_DEC = new Dec(MAX_PERT_LAMBDA);
const ONE = new Dec(1);
const HUNDRED = new Dec(100);
const TOLERANCE_DEC = new Dec('1e-9');
const DEFAULT_LAMBDA = new Dec(4);

type Role = 'euro' | 'rate' | 'probability' | 'lambda';

const FIELDS: Readonly<Record<DistributionKind, readonly string[]>> = Object.freeze({
  fixed: ['kind', 'value'],
  uniform: ['kind', 'low', 'high'],
  triangular: ['kind', 'low', 'likely', 'high'],
  pert: ['kind', 'low', 'likely', 'high', 'lambda'],
  normal: ['kind', 'mean', 'sd', 'low', 'high'],
  discrete: ['kind', 'choices'],
});

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKind(value: unknown): value is DistributionKind {
  return typeof value === 'string' && (DISTRIBUTION_KINDS as readonly string[]).includes(value);
}

function describe(raw: unknown): string {
  return typeof raw === 'string' ? `"${raw}"` : String(raw);
}

/** Reads one number strictly; records an issue and returns undefined when it is bad. */
function readNumber(raw: unknown, role: Role, path: Path, issues: Issue[]): Decimal | undefined {
  if (raw === undefined) {
    issues.push(issue('missing_field', path, `missing ${role === 'euro' ? 'amount' : 'number'}`));
    return undefined;
  }
  let value: Decimal;
  if (typeof raw === 'string') {
    if (!DECIMAL.test(raw)) {
      issues.push(issue('invalid_amount', path, `${describe(raw)} is not a plain decimal number (such as "-2100" or "0.5")`));
      return undefined;
    }
    value = new Dec(raw);
  } else if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) {
      issues.push(issue('invalid_amount', path, `${String(raw)} is not a finite number`));
      return undefined;
    }
    if (role === 'euro' && !Number.isSafeInteger(raw)) {
      issues.push(issue('invalid_amount', path, `the amount ${String(raw)} is not a safe integer; write amounts with decimals as strings`));
      return undefined;
    }
    value = new Dec(String(raw));
  } else {
    issues.push(issue('invalid_amount', path, `${describe(raw)} is not a number or a decimal string`));
    return undefined;
  }
  switch (role) {
    case 'euro':
      if (value.abs().gt(MAX_EUROS) || value.decimalPlaces() > MAX_AMOUNT_DECIMALS) {
        issues.push(issue('amount_out_of_range', path, `${describe(raw)} is beyond ${MAX_DISTRIBUTION_EUROS} euros or has more than ${MAX_AMOUNT_DECIMALS} decimals`));
        return undefined;
      }
      return value;
    case 'rate':
      if (value.abs().gt(MAX_RATE_DEC)) {
        issues.push(issue('amount_out_of_range', path, `${describe(raw)} is beyond ${MAX_RATE}`));
        return undefined;
      }
      return value;
    case 'probability':
      if (value.isNegative() && !value.isZero()) {
        issues.push(issue('invalid_amount', path, `the probability ${describe(raw)} is negative`));
        return undefined;
      }
      if (value.gt(ONE)) {
        issues.push(issue('invalid_amount', path, `the probability ${describe(raw)} is above 1`));
        return undefined;
      }
      return value;
    case 'lambda':
      if ((value.isNegative() && !value.isZero()) || value.gt(MAX_LAMBDA_DEC)) {
        issues.push(issue('invalid_amount', path, `lambda ${describe(raw)} is not between 0 and ${MAX_PERT_LAMBDA}`));
        return undefined;
      }
      return value;
  }
}

/** A spec read into exact decimals (internal). */
type Parsed =
  | { readonly kind: 'fixed'; readonly value: Decimal }
  | { readonly kind: 'uniform'; readonly low: Decimal; readonly high: Decimal }
  | { readonly kind: 'triangular'; readonly low: Decimal; readonly likely: Decimal; readonly high: Decimal }
  | { readonly kind: 'pert'; readonly low: Decimal; readonly likely: Decimal; readonly high: Decimal; readonly lambda: Decimal }
  | { readonly kind: 'normal'; readonly mean: Decimal; readonly sd: Decimal; readonly low: Decimal; readonly high: Decimal }
  | { readonly kind: 'discrete'; readonly values: readonly Decimal[]; readonly probabilities: readonly Decimal[] };

function checkFields(spec: Readonly<Record<string, unknown>>, allowed: readonly string[], path: Path, issues: Issue[]): void {
  for (const key of Object.keys(spec)) {
    if (!allowed.includes(key)) issues.push(issue('unknown_field', [...path, key], `unknown field "${key}"`));
  }
}

function checkOrder(low: Decimal | undefined, likely: Decimal | undefined, high: Decimal | undefined, path: Path, issues: Issue[]): void {
  if (low !== undefined && high !== undefined && low.gt(high)) {
    issues.push(issue('low_above_high', [...path, 'low'], `low ${low.toFixed()} is above high ${high.toFixed()}`));
    return;
  }
  if (likely === undefined) return;
  if ((low !== undefined && likely.lt(low)) || (high !== undefined && likely.gt(high))) {
    issues.push(issue('low_above_high', [...path, 'likely'], `likely ${likely.toFixed()} is outside [low, high]`));
  }
}

/** Validates and reads a spec; returns the parsed form when there are no issues. */
function parse(spec: unknown, path: Path, unit: DistributionUnit, issues: Issue[]): Parsed | undefined {
  if (!isRecord(spec)) {
    issues.push(issue('invalid_distribution', path, 'a distribution must be an object with a "kind"'));
    return undefined;
  }
  const kind = spec['kind'];
  if (!isKind(kind)) {
    issues.push(
      issue('invalid_distribution', [...path, 'kind'], `unknown distribution kind ${describe(kind)}; expected one of ${DISTRIBUTION_KINDS.join(', ')}`),
    );
    return undefined;
  }
  const before = issues.length;
  checkFields(spec, FIELDS[kind], path, issues);
  const num = (field: string, role: Role = unit): Decimal | undefined => readNumber(spec[field], role, [...path, field], issues);
  let parsed: Parsed | undefined;
  switch (kind) {
    case 'fixed': {
      const value = num('value');
      if (value !== undefined) parsed = { kind, value };
      break;
    }
    case 'uniform': {
      const low = num('low');
      const high = num('high');
      checkOrder(low, undefined, high, path, issues);
      if (low !== undefined && high !== undefined) parsed = { kind, low, high };
      break;
    }
    case 'triangular':
    case 'pert': {
      const low = num('low');
      const likely = num('likely');
      const high = num('high');
      const lambda = kind === 'triangular' || spec['lambda'] === undefined ? DEFAULT_LAMBDA : num('lambda', 'lambda');
      checkOrder(low, likely, high, path, issues);
      if (low !== undefined && likely !== undefined && high !== undefined && lambda !== undefined) {
        parsed = kind === 'pert' ? { kind, low, likely, high, lambda } : { kind, low, likely, high };
      }
      break;
    }
    case 'normal': {
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
      if (mean !== undefined && sd !== undefined && low !== undefined && high !== undefined) parsed = { kind, mean, sd, low, high };
      break;
    }
    case 'discrete': {
      const choices = spec['choices'];
      const choicesPath = [...path, 'choices'];
      if (choices === undefined) {
        issues.push(issue('missing_field', choicesPath, 'missing "choices"'));
        break;
      }
      if (!Array.isArray(choices)) {
        issues.push(issue('invalid_type', choicesPath, '"choices" must be an array of { value, p }'));
        break;
      }
      const values: Decimal[] = [];
      const probabilities: Decimal[] = [];
      let total = new Dec(0);
      let complete = true;
      choices.forEach((choice: unknown, index) => {
        const choicePath = [...choicesPath, index];
        if (!isRecord(choice)) {
          issues.push(issue('invalid_type', choicePath, 'a choice must be an object { value, p }'));
          complete = false;
          return;
        }
        checkFields(choice, ['value', 'p'], choicePath, issues);
        const value = readNumber(choice['value'], unit, [...choicePath, 'value'], issues);
        const p = readNumber(choice['p'], 'probability', [...choicePath, 'p'], issues);
        if (value === undefined || p === undefined) {
          complete = false;
          return;
        }
        values.push(value);
        probabilities.push(p);
        total = total.plus(p);
      });
      if (complete && total.minus(ONE).abs().gt(TOLERANCE_DEC)) {
        issues.push(issue('probabilities_not_one', choicesPath, `the probabilities sum to ${total.toFixed()}, not 1`));
      }
      if (complete) parsed = { kind, values, probabilities };
      break;
    }
  }
  return issues.length === before ? parsed : undefined;
}

/**
 * Checks a distribution spec (kansverdeling) and returns every problem found, each with the path of the
 * bad field; an empty list means the spec is valid.
 *
 * @remarks
 * Codes: `invalid_distribution` (not an object, or an unknown `kind`), `unknown_field`, `missing_field`,
 * `invalid_type` (`choices` not an array of objects), `invalid_amount` (a bad number: not a plain decimal
 * string, a non-integer JSON number for an amount, a probability outside [0, 1], a lambda outside
 * [0, 10^6]), `amount_out_of_range` (beyond `MAX_DISTRIBUTION_EUROS` euros or
 * `MAX_AMOUNT_DECIMALS` decimals, or a rate beyond `MAX_RATE`), `low_above_high` (low > high
 * at `low`; likely outside [low, high] at `likely`; a normal with sd 0 whose mean is outside [low, high]
 * at `mean`), `negative_sd`, `probabilities_not_one` (at `choices`, when they do not sum to 1 within 1e-9).
 *
 * @param spec - the spec as read from JSON
 * @param path - where the spec sits, prefixed to every issue path; default `[]`
 * @param options - {@link ValidateOptions}
 * @returns the issues, frozen
 * @example
 * ```ts
 * validateDistribution({ kind: 'uniform', low: '10', high: '5' }, ['inputs', 3, 'distribution']);
 * // [{ code: 'low_above_high', path: 'inputs[3].distribution.low', ... }]
 * ```
 * @category Uncertainty
 */
export function validateDistribution(spec: unknown, path: Path = [], options: ValidateOptions = {}): readonly Issue[] {
  requireArgument('validateDistribution', 'path', path, pathOf);
  options = readOptions('validateDistribution', options, { unit: UNIT });
  const issues: Issue[] = [];
  parse(spec, path, options.unit ?? 'euro', issues);
  return Object.freeze(issues);
}

// ---------------------------------------------------------------------------------------------
// Exact rounding of floats

/**
 * Rounds a float to an integer, half-up (halves away from zero), on the float's exact binary value.
 *
 * @remarks
 * `x - floor(x)` is exact for every double, so the comparison with one half is exact: 2.5 gives 3,
 * -2.5 gives -3, and 0.49999999999999994 gives 0 (unlike `Math.round(x + 0.5)` tricks). Never returns -0.
 *
 * @param x - a finite number
 */
export function roundHalfAwayFromZero(x: number): number {
  const a = Math.abs(x);
  const whole = Math.floor(a);
  const rounded = a - whole >= 0.5 ? whole + 1 : whole;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's splitting constant
const MILLION = 1_000_000;

/**
 * Converts a rate to whole parts per million (ppm), exactly: `x * 10^6` rounded half-up (away from zero)
 * on the exact binary value of `x`.
 *
 * @remarks
 * The product is computed exactly as a pair `hi + lo` (Dekker's two-product with Veltkamp splitting;
 * 10^6 has only 14 significant bits), and the rounding decision uses both parts, so a float just below
 * a half-ppm is never rounded up. 0.5 gives 500000; 0.1 (binary 0.1000000000000000055...) gives 100000.
 * The runner can then treat the rate as the exact rational ppm / 10^6.
 *
 * @param x - a finite rate with |x| <= 10^9
 * @returns a safe integer, never -0
 * @throws MeerjarenError `invalid_value` when x is not finite or beyond 10^9
 */
export function rateToPpm(x: number): number {
  if (!(Math.abs(x) <= MAX_RATE)) {
    throw new MeerjarenError([issue('invalid_value', [], `the rate ${String(x)} is not a finite number within ${MAX_RATE}`)]);
  }
  const a = Math.abs(x);
  const hi = a * MILLION;
  const c = SPLITTER * a;
  const aHigh = c - (c - a);
  const aLow = a - aHigh;
  const lo = aHigh * MILLION - hi + aLow * MILLION; // exact: hi + lo = a * 10^6
  const whole = Math.floor(hi);
  const fraction = hi - whole; // exact
  const rounded = fraction > 0.5 || (fraction === 0.5 && lo >= 0) ? whole + 1 : whole;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

// ---------------------------------------------------------------------------------------------
// The standard normal distribution (internal, deterministic)

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

// ---------------------------------------------------------------------------------------------
// Samplers

/** Rejection tries of the truncated normal before the inverse-CDF fallback. */
const NORMAL_REJECTION_TRIES = 64;
/** Below this acceptance probability the truncated normal uses the inverse CDF straight away. */
const NORMAL_MIN_ACCEPTANCE = 0.2;
/** Marsaglia-Tsang tries before the fallback. */
const GAMMA_TRIES = 64;

function constant(value: number): Sampler {
  return () => value;
}

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

function toFloat(value: Decimal, unit: DistributionUnit): number {
  return (unit === 'euro' ? value.times(HUNDRED) : value).toNumber();
}

function exactValue(value: Decimal, unit: DistributionUnit, roundTo: 'cent' | 'none'): number {
  if (unit === 'rate') return value.toNumber();
  const cents = value.times(HUNDRED);
  const result = roundTo === 'cent' ? cents.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber() : cents.toNumber();
  return result === 0 ? 0 : result;
}

function rawSampler(parsed: Parsed, unit: DistributionUnit, roundTo: 'cent' | 'none'): { readonly sampler: Sampler; readonly exact: boolean } {
  switch (parsed.kind) {
    case 'fixed':
      return { sampler: constant(exactValue(parsed.value, unit, roundTo)), exact: true };
    case 'uniform': {
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
    }
    case 'triangular': {
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
    }
    case 'pert': {
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
    }
    case 'normal': {
      if (parsed.sd.isZero()) return { sampler: constant(exactValue(parsed.mean, unit, roundTo)), exact: true };
      if (parsed.low.eq(parsed.high)) return { sampler: constant(exactValue(parsed.low, unit, roundTo)), exact: true };
      const mean = toFloat(parsed.mean, unit);
      const sd = toFloat(parsed.sd, unit);
      const low = toFloat(parsed.low, unit);
      const high = toFloat(parsed.high, unit);
      const za = parsed.low.minus(parsed.mean).div(parsed.sd).toNumber();
      const zb = parsed.high.minus(parsed.mean).div(parsed.sd).toNumber();
      const truncated = truncatedNormal(za, zb);
      const rejection = truncated.mass >= NORMAL_MIN_ACCEPTANCE;
      const inverse = truncated.inverse;
      return {
        sampler: (rng) => {
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
          const x = mean + sd * z;
          return x < low ? low : x > high ? high : x;
        },
        exact: false,
      };
    }
    case 'discrete': {
      const count = parsed.values.length;
      const values = new Float64Array(count);
      const cumulative = new Float64Array(count);
      const total = parsed.probabilities.reduce((sum, p) => sum.plus(p), new Dec(0));
      let running = new Dec(0);
      for (let i = 0; i < count; i++) {
        values[i] = exactValue(parsed.values[i]!, unit, roundTo);
        running = running.plus(parsed.probabilities[i]!);
        cumulative[i] = i === count - 1 ? 1 : running.div(total).toNumber();
      }
      const last = count - 1;
      return {
        sampler: (rng) => {
          const u = rng.nextFloat();
          // first index with u < cumulative[index] (binary search; the last choice takes what is left)
          let lo = 0;
          let hi = last;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]!) hi = mid;
            else lo = mid + 1;
          }
          return values[lo]!;
        },
        exact: true,
      };
    }
  }
}

/**
 * Compiles a distribution spec into a sampler (trekker): a plain function of a {@link Random} that
 * returns one draw and allocates nothing.
 *
 * @remarks
 * Amounts (`unit: 'euro'`, the default) are returned in **cents**; with `roundTo: 'cent'` (default)
 * every draw is a whole number of cents, rounded half-up away from zero on the exact drawn float
 * (`roundHalfAwayFromZero`); `fixed` and `discrete` values are converted exactly (half-up to
 * cents) once. Rates (`unit: 'rate'`) are returned as unitless floats (0.5 = 50%); use
 * `rateToPpm` to make them exact.
 *
 * Methods: uniform `low + (high - low) u`; triangular by its inverse CDF; PERT as
 * `low + (high - low) X/(X + Y)` with X, Y Gamma(alpha), Gamma(beta) by Marsaglia-Tsang; truncated normal
 * by rejection from normal draws (at most 64 tries) with an inverse-CDF fallback (bisection on a
 * deterministic normal CDF), or the inverse CDF straight away when [low, high] holds less than 20% of
 * the normal's mass; discrete by a binary search in the cumulative probabilities. Continuous draws are
 * clamped to [low, high], so with whole-cent bounds every rounded draw lies within them.
 *
 * @param spec - a valid spec (it is validated again)
 * @param options - {@link DistributionCompileOptions}
 * @throws MeerjarenError with every issue of {@link validateDistribution} when the spec is bad
 * @example
 * ```ts
 * const sample = compileDistribution({ kind: 'pert', low: '-1100000', likely: '-800000', high: '0' });
 * const rng = createRandom(2026);
 * const cents = sample(rng); // a whole number of cents in [-110000000, 0]
 * ```
 * @category Uncertainty
 */
export function compileDistribution(spec: DistributionSpec, options: DistributionCompileOptions = {}): Sampler {
  requireObject('compileDistribution', 'spec', spec, 'a distribution: { kind, ... }');
  options = readOptions('compileDistribution', options, { unit: UNIT, roundTo: oneOf(['cent', 'none']), path: pathOf });
  return compileSpec(spec, options);
}

/**
 * {@link compileDistribution} without the checks of its arguments, for the library's own plans (a spec that is
 * not an object is `invalid_distribution` at `options.path`, with the other problems of a run).
 * @param spec - the spec as given
 * @param options - checked options
 * @internal
 */
export function compileSpec(spec: DistributionSpec, options: DistributionCompileOptions = {}): Sampler {
  const unit = options.unit ?? 'euro';
  const roundTo = options.roundTo ?? 'cent';
  const issues: Issue[] = [];
  const parsed = parse(spec, options.path ?? [], unit, issues);
  if (parsed === undefined || issues.length > 0) throw new MeerjarenError(issues);
  const { sampler, exact } = rawSampler(parsed, unit, roundTo);
  if (unit === 'rate' || roundTo === 'none' || exact) return sampler;
  return (rng) => roundHalfAwayFromZero(sampler(rng));
}
