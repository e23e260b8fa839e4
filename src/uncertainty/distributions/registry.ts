import type { DistributionKindEntry } from './common.js';
import type { DistributionKind } from './spec.js';
import { fixedKind } from './fixed.js';
import { uniformKind } from './uniform.js';
import { triangularKind } from './triangular.js';
import { pertKind } from './pert.js';
import { normalKind } from './normal.js';
import { discreteKind } from './discrete.js';
import { lognormalKind } from './lognormal.js';

/**
 * Every distribution kind, by its `kind`: its fields, reading and sampler each live in the kind's own file
 * (`distributions/<kind>.ts`). Adding a kind touches that file, this registry and the union in `spec.ts`.
 * @internal
 */
export const DISTRIBUTIONS = {
  fixed: fixedKind,
  uniform: uniformKind,
  triangular: triangularKind,
  pert: pertKind,
  normal: normalKind,
  lognormal: lognormalKind,
  discrete: discreteKind,
} satisfies { readonly [K in DistributionKind]: DistributionKindEntry<{ readonly kind: K }> };

/** The entry of a kind, for any parsed spec (the registry is keyed by the spec's own kind). @internal */
export function distributionKind(kind: DistributionKind): DistributionKindEntry<{ readonly kind: DistributionKind }> {
  return DISTRIBUTIONS[kind] as unknown as DistributionKindEntry<{ readonly kind: DistributionKind }>;
}
