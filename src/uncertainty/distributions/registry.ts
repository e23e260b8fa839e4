import type { DistributionKindEntry } from './common.js';
import type { DistributionKind } from './spec.js';
import { BASE_DISTRIBUTIONS } from './base-kinds.js';
import { mixtureKind } from './mixture.js';

/**
 * Every distribution kind, by its `kind`: its fields, reading and sampler each live in the kind's own file
 * (`distributions/<kind>.ts`); every kind but `mixture` is listed in `base-kinds.ts` (a mixture's components may be
 * any of them). Adding a kind touches that file, `base-kinds.ts` and `component.ts` (or this registry for a kind a
 * mixture may not hold), and the union in `spec.ts`.
 * @internal
 */
export const DISTRIBUTIONS = {
  ...BASE_DISTRIBUTIONS,
  mixture: mixtureKind,
} satisfies { readonly [K in DistributionKind]: DistributionKindEntry<{ readonly kind: K }> };

/** The entry of a kind, for any parsed spec (the registry is keyed by the spec's own kind). @internal */
export function distributionKind(kind: DistributionKind): DistributionKindEntry<{ readonly kind: DistributionKind }> {
  return DISTRIBUTIONS[kind] as unknown as DistributionKindEntry<{ readonly kind: DistributionKind }>;
}
