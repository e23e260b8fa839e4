/**
 * Uncertainty (onzekerheid): seeded random streams, distributions, statistics, Monte Carlo runs and the
 * tornado table.
 * @packageDocumentation
 */
export { createRandom, randomForDraw, xoshiro128StarStar, detLog, detExp } from './random.js';
export type { Random, Seed } from './random.js';
export {
  compileDistribution,
  validateDistribution,
  roundHalfAwayFromZero,
  rateToPpm,
  DISTRIBUTION_KINDS,
  MAX_DISTRIBUTION_EUROS,
  MAX_AMOUNT_DECIMALS,
  MAX_RATE,
  MAX_PERT_LAMBDA,
  PROBABILITY_TOLERANCE,
} from './distribution.js';
export type {
  DistributionSpec,
  DistributionKind,
  DistributionUnit,
  FixedDistribution,
  UniformDistribution,
  TriangularDistribution,
  PertDistribution,
  NormalDistribution,
  LognormalDistribution,
  MixtureDistribution,
  MixtureComponent,
  ComponentDistribution,
  DiscreteDistribution,
  DiscreteChoice,
  NumberInput,
  Sampler,
  ValidateOptions,
  DistributionCompileOptions,
} from './distribution.js';
export { percentile, summarise, probability } from './stats.js';
export type { Summary } from './stats.js';
export {
  monteCarlo,
  compareMonteCarlo,
  planMonteCarlo,
  createKernel,
  summariseRun,
  streamOf,
} from './montecarlo.js';
export type {
  UncertainInput,
  UncertainKind,
  TargetSpec,
  MonteCarloOptions,
  RankCorrelation,
  MonteCarloResult,
  MonteCarloPlan,
  DrawKernel,
  OutcomeSummary,
  OutcomesByYear,
  ProbabilityByYear,
  TargetOutcome,
  SavingsOutcome,
  CoverOutcome,
  CoverProgram,
  DriverProgram,
  MonteCarloVariant,
  MonteCarloDifference,
  VariantComparison,
  MonteCarloComparison,
} from './montecarlo.js';
export { tornado, distributionPoints } from './sensitivity.js';
export type { TornadoOptions, TornadoTable, TornadoRow, TornadoMeasure, DistributionPoints } from './sensitivity.js';
