import type { DistributionKindEntry } from './common.js';
import { fixedKind } from './fixed.js';
import { uniformKind } from './uniform.js';
import { triangularKind } from './triangular.js';
import { pertKind } from './pert.js';
import { normalKind } from './normal.js';
import { lognormalKind } from './lognormal.js';
import { discreteKind } from './discrete.js';
import type { ComponentKind } from './component.js';

/**
 * The distribution kinds a mixture's component may be (every kind but `mixture`), by kind, in documentation order;
 * the registry adds `mixture` to them.
 * @internal
 */
export const BASE_DISTRIBUTIONS = {
  fixed: fixedKind,
  uniform: uniformKind,
  triangular: triangularKind,
  pert: pertKind,
  normal: normalKind,
  lognormal: lognormalKind,
  discrete: discreteKind,
} satisfies { readonly [K in ComponentKind]: DistributionKindEntry<{ readonly kind: K }> };
