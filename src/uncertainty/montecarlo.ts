/**
 * Monte Carlo runs on the compiled engine (Monte Carlo-simulatie): uncertain pm posts, amounts,
 * realisation rates and indexation percentages; percentiles of the saldo and the structural saldo per
 * year, the probability of structural balance and of meeting targets.
 *
 * @remarks
 * **Exact draws.** Every drawn amount is a whole number of cents (see `compileDistribution`), every drawn
 * rate becomes whole parts per million (`rateToPpm`) and meets an amount at the engine's one rounding point
 * (`applyRatio`, rounding mode a setting, default half-up). So every draw is itself an exact budget, and
 * its totals are exact integers in units of the compiled budget.
 *
 * **Seeds and streams.** Draw `d` of input `j` uses `randomForDraw(seed, d, stream)`, where the stream is a
 * 53-bit hash of the input's `group` (or, without one, its `id`). Hence: the same seed gives the same result
 * in any order and on any number of threads; inputs of one `group` draw the same numbers (perfectly
 * correlated: with `uniform`, `triangular` and `discrete` they sit at the same quantile); and two runs with
 * the same seed and input ids (a baseline and a variant) draw the same numbers for the same inputs: common
 * random numbers, so their difference is not noise. A rank `correlation` between inputs (`RankCorrelation`)
 * only reorders the draws of the correlated inputs: draw `d` of such an input uses the stream of another draw,
 * by a permutation the plan computes from the seed and the number of draws.
 *
 * **Buffers.** A run compiles a plan once (typed arrays: the cells touched by inputs, their base values,
 * the base totals). A draw resets the touched cells, applies the inputs in order, and adds the differences
 * to the base totals: no budget object is built per draw, and the cost of a draw is ~ touched cells.
 *
 * The parts live in `./montecarlo/`, one concept a module:
 * - `types.ts`: the public types (inputs, targets, options, results);
 * - `plan-data.ts`: the plan's shape (`MonteCarloPlan`, `CoverProgram`, `DriverProgram`) and what it was built from (`planMeta`);
 * - `plan.ts`: `planMonteCarlo`, with `plan-cover.ts`, `plan-savings.ts`, `plan-targets.ts`, `plan-inputs.ts`
 *   (`plan-input-targets.ts` for measures and capacities, `plan-input-drivers.ts` for indicators and parameters),
 *   and `plan-correlation.ts` (the `correlation` option and the draw order of the correlated inputs, by
 *   Iman-Conover in `rank-correlation.ts`);
 * - `stream.ts`: `streamOf`; `units.ts`: amounts as float64 units;
 * - `kernel.ts`: `createKernel` (`kernel-drivers.ts`: the driven cells computed again from a drawn driver); `summary.ts`: `summariseRun`; `run.ts`: `monteCarlo`;
 * - `compare.ts`: `compareMonteCarlo`; `pool.ts`: `WorkerPool`, `workerEntry`; `parallel.ts`: `monteCarloAsync`
 *   (these two need Node's worker threads: they are exported by the `meerjaren/parallel` entry, src/parallel.ts).
 * @packageDocumentation
 */
export type {
  UncertainKind,
  UncertainInput,
  TargetSpec,
  MonteCarloOptions,
  RankCorrelation,
  OutcomeSummary,
  OutcomesByYear,
  ProbabilityByYear,
  TargetOutcome,
  SavingsOutcome,
  CoverOutcome,
  MonteCarloResult,
} from './montecarlo/types.js';
export { planMeta } from './montecarlo/plan-data.js';
export type { MonteCarloPlan, CoverProgram, DriverProgram, PlanMeta } from './montecarlo/plan-data.js';
export { streamOf } from './montecarlo/stream.js';
export { planMonteCarlo } from './montecarlo/plan.js';
export { createKernel } from './montecarlo/kernel.js';
export type { DrawKernel } from './montecarlo/kernel.js';
export { summariseRun } from './montecarlo/summary.js';
export { monteCarlo } from './montecarlo/run.js';
export { compareMonteCarlo } from './montecarlo/compare.js';
export type { MonteCarloVariant, MonteCarloDifference, VariantComparison, MonteCarloComparison } from './montecarlo/compare.js';
