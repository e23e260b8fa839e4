import type { FixedDistribution } from './fixed.js';
import type { UniformDistribution } from './uniform.js';
import type { TriangularDistribution } from './triangular.js';
import type { PertDistribution } from './pert.js';
import type { NormalDistribution } from './normal.js';
import type { DiscreteDistribution } from './discrete.js';
import type { LognormalDistribution } from './lognormal.js';
import type { MixtureDistribution } from './mixture.js';

/** A distribution spec (kansverdeling): plain, JSON-serialisable data. @category Uncertainty */
export type DistributionSpec =
  | FixedDistribution
  | UniformDistribution
  | TriangularDistribution
  | PertDistribution
  | NormalDistribution
  | LognormalDistribution
  | DiscreteDistribution
  | MixtureDistribution;

/** The kinds of distribution, in documentation order. @category Uncertainty */
export const DISTRIBUTION_KINDS = Object.freeze(['fixed', 'uniform', 'triangular', 'pert', 'normal', 'lognormal', 'discrete', 'mixture'] as const);

/** A distribution kind. @category Uncertainty */
export type DistributionKind = DistributionSpec['kind'];
