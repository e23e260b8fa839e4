import type { Change, ChangeKind } from '../types.js';
import type { ChangeKindEntry } from './context.js';
import { setAmountKind } from './set-amount.js';
import { estimatePmKind } from './estimate-pm.js';
import { dropLineKind } from './drop-line.js';
import { setNatureKind } from './set-nature.js';
import { addLineKind } from './add-line.js';
import { moveAmountKind } from './move-amount.js';
import { indexKind } from './index.js';
import { addClaimKind } from './add-claim.js';
import { setClaimKind } from './set-claim.js';
import { dropClaimKind } from './drop-claim.js';
import { setCapacityKind } from './set-capacity.js';
import { setReserveOpeningKind } from './set-reserve-opening.js';
import { setTargetPathKind } from './set-target-path.js';
import { setRealisationKind } from './set-realisation.js';
import { setIndicatorKind } from './set-indicator.js';
import { setParameterKind } from './set-parameter.js';

/**
 * Every change kind, by its `kind`: its fields, shape check, application and footprint each live in the kind's own
 * file (`changes/<kind>.ts`). Adding a kind touches that file, this registry and the {@link Change} union.
 * The order is the order the shape check lists the kinds in.
 * @internal
 */
export const CHANGE_KINDS = {
  'set-amount': setAmountKind,
  'estimate-pm': estimatePmKind,
  'drop-line': dropLineKind,
  'set-nature': setNatureKind,
  'add-line': addLineKind,
  'move-amount': moveAmountKind,
  index: indexKind,
  'add-claim': addClaimKind,
  'set-claim': setClaimKind,
  'drop-claim': dropClaimKind,
  'set-capacity': setCapacityKind,
  'set-reserve-opening': setReserveOpeningKind,
  'set-target-path': setTargetPathKind,
  'set-realisation': setRealisationKind,
  'set-indicator': setIndicatorKind,
  'set-parameter': setParameterKind,
} satisfies { readonly [K in ChangeKind]: ChangeKindEntry<Extract<Change, { kind: K }>> };

/** The entry of a kind, typed for any change (the registry is keyed by the change's own kind). @internal */
export function kindOf(kind: ChangeKind): ChangeKindEntry<Change> {
  return CHANGE_KINDS[kind] as unknown as ChangeKindEntry<Change>;
}
