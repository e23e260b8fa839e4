/**
 * Probability distributions of uncertain amounts and rates (kansverdelingen) for Monte Carlo runs:
 * plain JSON-friendly specs, their validation, and compiled allocation-free samplers.
 *
 * @remarks
 * **Specs.** Every spec is a plain object with a `kind`; numbers are decimal strings (`"-2100"`,
 * `"1083.50"`, `"0.5"`) or JSON numbers. Amounts are in euros here (a Monte Carlo run reads them in its own unit
 * and hands them over in euros) and must be strings or safe integers
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
import { MeerjarenError, issue, type Issue, type Path } from '../core/errors.js';
import { oneOf, pathOf, readOptions, requireArgument, requireObject } from '../core/guard.js';
import { MAX_RATE, isRecord, parseSpecOf, type AmountMap, type DistributionUnit, type KindEntries, type Sampler } from './distributions/common.js';
import { DISTRIBUTION_KINDS, type DistributionKind, type DistributionSpec } from './distributions/spec.js';
import { DISTRIBUTIONS, distributionKind } from './distributions/registry.js';

// each kind's type, reading and sampler live in its own file (distributions/<kind>.ts)
export type { FixedDistribution } from './distributions/fixed.js';
export type { UniformDistribution } from './distributions/uniform.js';
export type { TriangularDistribution } from './distributions/triangular.js';
export type { PertDistribution } from './distributions/pert.js';
export type { NormalDistribution } from './distributions/normal.js';
export type { DiscreteChoice, DiscreteDistribution } from './distributions/discrete.js';
export type { LognormalDistribution } from './distributions/lognormal.js';
export type { MixtureComponent, MixtureDistribution } from './distributions/mixture.js';
export type { ComponentDistribution } from './distributions/component.js';
export { DISTRIBUTION_KINDS, type DistributionKind, type DistributionSpec } from './distributions/spec.js';
export { MAX_AMOUNT_DECIMALS, MAX_DISTRIBUTION_EUROS, MAX_PERT_LAMBDA, MAX_RATE, PROBABILITY_TOLERANCE, type DistributionUnit, type NumberInput, type Sampler } from './distributions/common.js';

const UNIT = oneOf(['euro', 'rate']);

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

function isKind(value: unknown): value is DistributionKind {
  return typeof value === 'string' && (DISTRIBUTION_KINDS as readonly string[]).includes(value);
}

/** Validates and reads a spec by its kind's entry; returns the parsed form when there are no issues. */
function parse(spec: unknown, path: Path, unit: DistributionUnit, issues: Issue[]): { readonly kind: DistributionKind } | undefined {
  return parseSpecOf(DISTRIBUTIONS as unknown as KindEntries, spec, path, unit, issues) as { readonly kind: DistributionKind } | undefined;
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
 * import { validateDistribution } from 'meerjaren';
 *
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
 * import { compileDistribution, createRandom } from 'meerjaren';
 *
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
 * A spec as written with each amount replaced by `map(amount, path)` (probabilities, lambda and rates kept); a
 * spec that is not an object of a known kind is returned as it is (its problems are reported when it is read).
 * @param spec - the spec as given
 * @param path - where the spec sits
 * @param map - the new value of each amount
 * @internal
 */
export function mapSpecAmounts(spec: unknown, path: Path, map: AmountMap): unknown {
  if (!isRecord(spec) || !isKind(spec['kind'])) return spec;
  return distributionKind(spec['kind']).mapAmounts(spec, path, map);
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
  const { sampler, exact } = distributionKind(parsed.kind).sampler(parsed, unit, roundTo);
  if (unit === 'rate' || roundTo === 'none' || exact) return sampler;
  return (rng) => roundHalfAwayFromZero(sampler(rng));
}

