import type { FixedDistribution } from './fixed.js';
import type { UniformDistribution } from './uniform.js';
import type { TriangularDistribution } from './triangular.js';
import type { PertDistribution } from './pert.js';
import type { NormalDistribution } from './normal.js';
import type { LognormalDistribution } from './lognormal.js';
import type { DiscreteDistribution } from './discrete.js';

/** A distribution that is not a mixture: what a mixture's component may be. @category Uncertainty */
export type ComponentDistribution =
  | FixedDistribution
  | UniformDistribution
  | TriangularDistribution
  | PertDistribution
  | NormalDistribution
  | LognormalDistribution
  | DiscreteDistribution;

/** The kind of a {@link ComponentDistribution}. @internal */
export type ComponentKind = ComponentDistribution['kind'];
