import type { Path } from '../../core/errors.js';
import type { ClaimExtent, CoverClaim } from '../../model/cover.js';
import { type DClaim, type ItemEditor } from '../cover-targets.js';
import { isObject } from '../shape-checker.js';
import type { ChangeStep, Rate, ScenarioAmount, YearSelection } from './common.js';
import type { ChangeKindEntry } from './context.js';

/**
 * How much a claim asks (omvang van de claim), as a scenario writes it:
 * - `'full'`: the whole cost of the covered row in each year (its net nadeel);
 * - `{ share }`: a share of that cost, a rate from 0 to 1 (`{ share: "0.5" }`);
 * - `{ amount }`: fixed positive amounts per year, in the scenario's unit (`{ amount: { "2025": "2000" } }`).
 * @category Scenarios
 */
export type ClaimExtentSpec =
  | 'full'
  | {
      /** Share of the row's cost (aandeel), a rate from 0 to 1 (`"0.5"`). */
      readonly share: Rate;
    }
  | {
      /** Fixed positive amount per year (bedrag per jaar), keyed by year, in the scenario's unit. */
      readonly amount: Readonly<Record<string, ScenarioAmount>>;
    };

/** A claim added by an {@link AddClaimChange} (dekkingsclaim). @category Scenarios */
export interface NewClaim {
  /** Id, unique among the claims. */
  readonly id: string;
  /** The line or component whose cost is covered. */
  readonly target: string;
  /** The cover source. */
  readonly source: string;
  /** How much. @defaultValue 'full' */
  readonly extent?: ClaimExtentSpec;
  /** Years the claim applies to. @defaultValue every year of the horizon */
  readonly years?: YearSelection;
}

/**
 * Add a claim on a cover source (dekking toevoegen): a line or component asks a source to pay (part of) its cost.
 *
 * @remarks
 * Claims are served in order; by default the new claim comes last (lowest priority); `before` puts it in front of
 * another claim.
 * @category Scenarios
 */
export interface AddClaimChange {
  /** Discriminant. */
  readonly kind: 'add-claim';
  /** The claim. */
  readonly claim: NewClaim;
  /** Id of the claim it is served before; at the end by default. */
  readonly before?: string;
  /** A note for reports. */
  readonly note?: string;
}


/** A claim extent as the budget holds it. @internal */
export function claimExtent(ed: ItemEditor, spec: ClaimExtentSpec, step: ChangeStep, path: Path): ClaimExtent | undefined {
  if (spec === 'full') return { kind: 'full' };
  if ('share' in spec) {
    const rate = ed.rate(spec.share, step, [...path, 'share']);
    return rate === undefined ? undefined : { kind: 'share', rate };
  }
  const values = ed.yearAmounts(spec.amount, step, [...path, 'amount']);
  return values === undefined ? undefined : { kind: 'amount', values };
}

function addClaim(ed: ItemEditor, change: AddClaimChange, step: ChangeStep, i: number): void {
  const spec = change.claim;
  const cp = [...step.path, 'claim'];
  let ok = true;
  const cover = ed.cover();
  if (ed.claimIds().has(spec.id)) {
    ed.issue('duplicate_id', [...cp, 'id'], `"${spec.id}" is already a claim`);
    ok = false;
  }
  if (!ed.ctx.hasRow(spec.target)) {
    ed.issue('unknown_reference', [...cp, 'target'], `no line or component "${spec.target}" in the budget`);
    ok = false;
  }
  if (ed.source(spec.source, [...cp, 'source']) === undefined) ok = false;
  let at = cover?.claims.length ?? 0;
  if (change.before !== undefined) {
    at = ed.claimIndex(change.before, [...step.path, 'before']);
    if (at < 0) ok = false;
  }
  const extent = claimExtent(ed, spec.extent ?? 'full', step, [...cp, 'extent']);
  const years = spec.years === undefined ? undefined : ed.years(spec.years, [...cp, 'years']);
  if (!ok || extent === undefined || cover === undefined || (years !== undefined && years.length === 0)) return;
  const claim: CoverClaim = { id: spec.id, target: spec.target, source: spec.source, extent, ...(years === undefined ? {} : { years }) };
  cover.claims.splice(at, 0, claim as DClaim);
  ed.claimIds().add(spec.id);
  ed.ctx.record({ kind: 'claim', id: spec.id, field: 'added', years: years ?? ed.allYears, step: i });
}

const NEW_CLAIM_FIELDS = ['id', 'target', 'source', 'extent', 'years'];

/** The add-claim change kind: fields, shape check, application (on cover and savings targets) and footprint. @internal */
export const addClaimKind = {
  fields: ['kind', 'claim', 'before', 'note'],
  shape(check, change, path) {
    if (change['before'] !== undefined) check.id(change['before'], [...path, 'before'], 'before');
    const claim = change['claim'];
    const cp = [...path, 'claim'];
    if (!isObject(claim)) {
      check.c.add(claim === undefined ? 'missing_field' : 'invalid_type', cp, 'claim must be an object { id, target, source, extent?, years? }');
      return;
    }
    check.fields(claim, NEW_CLAIM_FIELDS, cp);
    check.id(claim['id'], [...cp, 'id'], 'claim id');
    check.id(claim['target'], [...cp, 'target'], 'target');
    check.id(claim['source'], [...cp, 'source'], 'source');
    if (claim['extent'] !== undefined) check.extent(claim['extent'], [...cp, 'extent']);
    check.years(claim['years'], [...cp, 'years'], false);
  },
  apply: (ctx, change, step, i) => addClaim(ctx.editor(), change, step, i),
  // cover and targets never change a line's amounts
  footprint: () => [],
} satisfies ChangeKindEntry<AddClaimChange>;
