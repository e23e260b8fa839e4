import { CLAIM_FIELDS, type ItemEditor } from '../cover-targets.js';
import type { ChangeStep } from './common.js';
import type { ChangeKindEntry } from './context.js';

/** Remove a claim (dekking schrappen): the row's cost is no longer covered by that source. @category Scenarios */
export interface DropClaimChange {
  /** Discriminant. */
  readonly kind: 'drop-claim';
  /** Id of the claim. */
  readonly claim: string;
  /** A note for reports. */
  readonly note?: string;
}

function dropClaim(ed: ItemEditor, change: DropClaimChange, step: ChangeStep, i: number): void {
  const at = ed.claimIndex(change.claim, [...step.path, 'claim']);
  if (at < 0) return;
  ed.cover()!.claims.splice(at, 1);
  ed.forgetClaim(change.claim);
  ed.touchClaim(change.claim, CLAIM_FIELDS, i);
  ed.ctx.record({ kind: 'claim', id: change.claim, field: 'dropped', years: ed.allYears, step: i });
}

/** The drop-claim change kind: fields, shape check, application (on cover and savings targets) and footprint. @internal */
export const dropClaimKind = {
  fields: ['kind', 'claim', 'note'],
  shape(check, change, path) {
    check.id(change['claim'], [...path, 'claim'], 'claim');
  },
  apply: (ctx, change, step, i) => dropClaim(ctx.editor(), change, step, i),
  // cover and targets never change a line's amounts
  footprint: () => [],
} satisfies ChangeKindEntry<DropClaimChange>;
