/**
 * The benodigde weerstandscapaciteit by simulation: every risk of the register occurs or not, with its probability,
 * in each of many draws; the capacity needed to absorb the risks that occur in a chosen share of the draws (90% by
 * default) is the required capacity at that certainty, as some municipalities report it beside kans x effect.
 * @packageDocumentation
 */
import { Dec, plainString, type Decimal } from '../core/decimal.js';
import { IssueCollector, MeerjarenError } from '../core/errors.js';
import { either, integer, text, type OptionCheck } from '../core/guard.js';
import { readAmount } from '../core/amount.js';
import { RATING_LABELS, rate, readRegister, resultFor, type ReadRegister, type WeerstandsRating, type WeerstandsvermogenInput, type WeerstandsvermogenOptions } from '../evaluate/weerstandsvermogen.js';
import { compileSpec, mapSpecAmounts, type DistributionSpec, type Sampler } from './distribution.js';
import { amountInEuros } from './montecarlo/amount-unit.js';
import { createRandom } from './random.js';
import type { Seed } from './seeding.js';

/** The most draws of one simulation. */
const MAX_RISK_DRAWS = 1_000_000;
/** Millionths of a euro: the finest amount a register holds (6 decimals). */
const MICRO = new Dec(1_000_000);
const TWO_POW_32 = new Dec(2).pow(32);
/** Millionths of a euro in a cent. */
const MICRO_PER_CENT = 10_000n;

/**
 * The sampler of each risk's distribution (undefined for a risk without one), its amounts converted exactly to
 * euros from the risk's `distributionUnit`; every problem at once, with its path (`risks[2].distribution.likely`):
 * an amount below zero is `negative_amount` (a financial effect is a magnitude), one that is not whole cents
 * `too_many_decimals`, and the problems of the spec as `compileDistribution` reports them.
 */
function amountSamplers(register: ReadRegister): readonly (Sampler | undefined)[] {
  const issues = new IssueCollector();
  const samplers = register.risks.map((risk, i): Sampler | undefined => {
    if (risk.distribution === undefined) return undefined;
    const path = ['risks', i, 'distribution'];
    const before = issues.issues.length;
    const spec = mapSpecAmounts(risk.distribution, path, (raw, at) => {
      const euros = amountInEuros(raw, risk.distributionUnit ?? 'euro', at, issues);
      if (euros === undefined) return raw;
      if (euros.isNegative() && !euros.isZero() && at[at.length - 1] !== 'sd') issues.add('negative_amount', at, `a financial effect is zero or more (a magnitude), not ${String(raw)}`);
      return plainString(euros);
    });
    if (issues.issues.length > before) return undefined;
    try {
      return compileSpec(spec as DistributionSpec, { path });
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      issues.addAll(e.issues);
      return undefined;
    }
  });
  issues.throwIfAny();
  return samplers;
}

/** Options of {@link simulateRequiredCapacity}. @category Weerstandsvermogen */
export interface RiskSimulationOptions extends WeerstandsvermogenOptions {
  /** The certainty (zekerheid) the capacity must give, a fraction above 0 and at most 1 ("0.9" for 90%). @defaultValue "0.9" */
  readonly confidence?: Decimal | string;
  /** Number of draws, 1 to 1.000.000. @defaultValue 10000 */
  readonly draws?: number;
  /** The seed: the same seed gives the same draws on every machine. @defaultValue 2026 */
  readonly seed?: Seed;
}

/** The result of {@link simulateRequiredCapacity}, frozen. @category Weerstandsvermogen */
export interface SimulatedCapacity {
  /** The certainty asked, a fraction. */
  readonly confidence: Decimal;
  /** Number of draws. */
  readonly draws: number;
  /** The seed used. */
  readonly seed: Seed;
  /**
   * Benodigde weerstandscapaciteit at that certainty: the smallest simulated loss that at least `confidence` of the
   * draws stay at or below (nearest rank), in euros; always one draw's exact sum of occurring risks.
   */
  readonly required: Decimal;
  /** The mean loss over the draws, in euros, rounded half-up to whole cents. */
  readonly mean: Decimal;
  /** The exact sum of kans x effect (the benodigde capaciteit of `weerstandsvermogen`), for comparison. */
  readonly expected: Decimal;
  /** Beschikbare weerstandscapaciteit, in euros. */
  readonly available: Decimal;
  /** `available / required`, rounded half-up to 6 decimals; `undefined` when the simulated need is zero. */
  readonly ratio: Decimal | undefined;
  /** The rating of the exact ratio against the simulated need (`A` when it is zero). */
  readonly rating: WeerstandsRating;
  /** The Dutch label of the rating. */
  readonly label: string;
  /** The draws in which the risks that occurred cost more than the available capacity. */
  readonly shortfallDraws: number;
  /** `shortfallDraws / draws`, exact. */
  readonly shortfallProbability: Decimal;
}

/** The certainty as read: a fraction above 0 and at most 1, or undefined. */
function confidenceOf(raw: unknown): Decimal | undefined {
  const reading = readAmount(raw, new Dec(1));
  return reading.ok && reading.value.gt(0) && reading.value.lte(1) ? reading.value : undefined;
}

/** The option check of the certainty. */
const confidenceCheck: OptionCheck = (value, path, collector) => {
  if (confidenceOf(value) === undefined) collector.add('invalid_option', path, 'the confidence is a fraction above 0 and at most 1, written as a text or Decimal ("0.9" for 90%)');
};

/**
 * The benodigde weerstandscapaciteit by simulation (Monte Carlo): in each draw every risk occurs with its
 * probability and then costs its full amount, or, for a risk with a `distribution`, an amount drawn from it; the
 * required capacity at a certainty is the loss that that share of the draws stays within. Also the mean loss, the
 * shortfall probability against the available capacity and the ratio and rating against the simulated need.
 *
 * @remarks
 * Exact: amounts are summed as whole millionths of a euro in 64-bit integers, never floats; the percentile is the
 * nearest rank (`ceil(confidence x draws)`-th smallest loss). A risk occurs when a 32-bit draw is below
 * `ceil(probability x 2^32)`, so a probability of 0 never and 1 always occurs, and every other one within 2^-32 of
 * its value. Each draw takes one 32-bit number per risk, in register order, from the seed's stream: the same seed
 * and register give the same result everywhere. Risks are independent: a risk that depends on another is one risk.
 *
 * A risk's `distribution` (any kind of `compileDistribution`: triangular, pert, uniform, normal, lognormal,
 * discrete, mixture, fixed) is drawn only in the draws in which the risk occurs, from a stream of its own (sub-stream
 * 1 of the draw), so whether each risk occurs is the same with or without distributions, and a `fixed` distribution
 * gives exactly the result of its value as `amount`. Its amounts are converted exactly from `distributionUnit` to
 * euros and must be whole cents and zero or more; every draw is a whole number of cents, rounded half-up on the
 * drawn float as the Monte Carlo runs do. `expected` stays kans x `amount`; `mean` follows the distributions.
 * @param input - the risicoregister and the capacity parts, as for `weerstandsvermogen`
 * @param options - certainty, draws, seed; the year of per-year amounts and the budget of the risks' lines
 * @returns a frozen {@link SimulatedCapacity}
 * @throws MeerjarenError as `weerstandsvermogen`, and `invalid_option` for a confidence outside (0, 1], draws
 * outside 1..1.000.000 or a seed that is not a safe integer or a text; for a risk's distribution, at its path
 * (`risks[2].distribution.likely`), the codes of `validateDistribution`, `negative_amount` for an amount below
 * zero and `too_many_decimals` for one that is not whole cents in euros
 * @example
 * ```ts
 * import { simulateRequiredCapacity } from 'meerjaren';
 *
 * const sim = simulateRequiredCapacity({
 *   risks: [
 *     { id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: '2000000', nature: 'structural' },
 *     { id: 'R2', title: 'Grondexploitatie', probability: '0.1', amount: '1000000', nature: 'incidental' },
 *   ],
 *   capacity: [{ kind: 'algemene-reserve', title: 'Algemene reserve', amount: '1500000' }],
 * }, { confidence: '0.9', draws: 10_000, seed: 1 });
 * sim.expected.toFixed(); // "1100000": 0,5 x 2.000.000 + 0,1 x 1.000.000
 * sim.required.toFixed(); // "2000000": in 90% of the draws the risks that occur cost at most 2.000.000
 * sim.rating;             // "E": 1.500.000 / 2.000.000 = 0,75
 * ```
 * @category Weerstandsvermogen
 */
export function simulateRequiredCapacity(input: WeerstandsvermogenInput, options: RiskSimulationOptions = {}): SimulatedCapacity {
  const extra = { confidence: confidenceCheck, draws: integer({ min: 1, max: MAX_RISK_DRAWS }), seed: either(integer(), text()) };
  const register = readRegister('simulateRequiredCapacity', input, options, extra);
  const confidence = options.confidence === undefined ? new Dec('0.9') : confidenceOf(options.confidence)!;
  const draws = options.draws ?? 10_000;
  const seed = options.seed ?? 2026;
  const base = resultFor(register, options.year);
  const samplers = amountSamplers(register);
  const drawn = samplers.some((s) => s !== undefined);
  const micro = base.contributions.map((c) => BigInt(c.amount.times(MICRO).toFixed(0)));
  const thresholds = base.contributions.map((c) => c.probability.times(TWO_POW_32).ceil().toNumber());
  const available = BigInt(base.available.times(MICRO).toFixed(0));
  const random = createRandom(seed);
  const amounts = createRandom(seed);
  const losses = new BigInt64Array(draws);
  let total = 0n;
  let short = 0;
  for (let d = 0; d < draws; d++) {
    let loss = 0n;
    if (drawn) amounts.resetForDraw(d, 1);
    for (let i = 0; i < micro.length; i++) {
      if (random.nextUint32() >= thresholds[i]!) continue;
      const sampler = samplers[i];
      loss += sampler === undefined ? micro[i]! : BigInt(sampler(amounts)) * MICRO_PER_CENT;
    }
    losses[d] = loss;
    total += loss;
    if (loss > available) short++;
  }
  losses.sort();
  const rank = Math.max(1, Math.min(draws, confidence.times(draws).ceil().toNumber()));
  const required = new Dec(losses[rank - 1]!.toString()).div(MICRO);
  const rating = required.isZero() ? 'A' : rate(base.available, required);
  return Object.freeze({
    confidence,
    draws,
    seed,
    required,
    mean: new Dec(total.toString()).div(MICRO).div(draws).toDecimalPlaces(2, Dec.ROUND_HALF_UP),
    expected: base.required,
    available: base.available,
    ratio: required.isZero() ? undefined : base.available.div(required).toDecimalPlaces(6, Dec.ROUND_HALF_UP),
    rating,
    label: RATING_LABELS[rating],
    shortfallDraws: short,
    shortfallProbability: new Dec(short).div(draws),
  });
}
