import type { Draft } from 'immer';
import type { ClaimExtent } from '../../model/cover.js';
import { type ItemEditor } from '../cover-targets.js';
import type { ChangeStep, YearSelection } from './common.js';
import type { ChangeKindEntry } from './context.js';
import { claimExtent, type ClaimExtentSpec } from './add-claim.js';

/**
 * Change a claim (dekking wijzigen): another source, another extent (share, amounts, full), other years. Fields
 * left out stay as they are; at least one must be given.
 * @category Scenarios
 */
export interface SetClaimChange {
  /** Discriminant. */
  readonly kind: 'set-claim';
  /** Id of the claim. */
  readonly claim: string;
  /** The new source. */
  readonly source?: string;
  /** The new extent. */
  readonly extent?: ClaimExtentSpec;
  /** The new years, or `'all'` for every year of the horizon. */
  readonly years?: YearSelection | 'all';
  /** A note for reports. */
  readonly note?: string;
}

function setClaim(ed: ItemEditor, change: SetClaimChange, step: ChangeStep, i: number): void {
  const at = ed.claimIndex(change.claim, [...step.path, 'claim']);
  const source = change.source === undefined ? undefined : ed.source(change.source, [...step.path, 'source']);
  const extent = change.extent === undefined ? undefined : claimExtent(ed, change.extent, step, [...step.path, 'extent']);
  let years: number[] | 'all' | undefined;
  if (change.years === 'all') years = 'all';
  else if (change.years !== undefined) {
    years = ed.years(change.years, [...step.path, 'years']);
    if (years.length === 0) return;
  }
  if (at < 0 || (change.source !== undefined && source === undefined) || (change.extent !== undefined && extent === undefined)) return;
  const claim = ed.cover()!.claims[at]!;
  const fields: string[] = [];
  if (source !== undefined) {
    claim.source = source.id;
    fields.push('source');
  }
  if (extent !== undefined) {
    claim.extent = extent as Draft<ClaimExtent>;
    fields.push('extent');
  }
  if (years === 'all') delete claim.years;
  else if (years !== undefined) claim.years = years;
  if (years !== undefined) fields.push('years');
  ed.touchClaim(claim.id, fields, i);
  for (const field of fields) ed.ctx.record({ kind: 'claim', id: claim.id, field, years: ed.allYears, step: i });
}

/** The set-claim change kind: fields, shape check, application (on cover and savings targets) and footprint. @internal */
export const setClaimKind = {
  fields: ['kind', 'claim', 'source', 'extent', 'years', 'note'],
  shape(check, change, path) {
    check.id(change['claim'], [...path, 'claim'], 'claim');
    if (change['source'] !== undefined) check.id(change['source'], [...path, 'source'], 'source');
    if (change['extent'] !== undefined) check.extent(change['extent'], [...path, 'extent']);
    if (change['years'] !== undefined && change['years'] !== 'all') check.years(change['years'], [...path, 'years'], true);
    if (change['source'] === undefined && change['extent'] === undefined && change['years'] === undefined) {
      check.c.add('missing_field', path, 'set-claim needs a new source, extent or years');
    }
  },
  apply: (ctx, change, step, i) => setClaim(ctx.editor(), change, step, i),
  // cover and targets never change a line's amounts
  footprint: () => [],
} satisfies ChangeKindEntry<SetClaimChange>;
