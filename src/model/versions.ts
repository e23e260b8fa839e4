/**
 * Versions of one budget (standen) in the planning and control cycle (P&C-cyclus): the primitive begroting, then
 * each document that changes it (voorjaarsnota or kadernota, tussenberichten, the jaarrekening).
 * @module
 */
import type { Budget } from './budget.js';

/**
 * Every kind of version (soort stand), in the order of the P&C cycle; the one list of them.
 * @category Model
 */
export const VERSION_KINDS = Object.freeze(['begroting', 'voorjaarsnota', 'kadernota', 'perspectiefnota', 'tb1', 'tb2', 'begrotingswijziging', 'jaarrekening'] as const);

/** The kind of a version (soort stand): one of {@link VERSION_KINDS}. @category Model */
export type VersionKind = (typeof VERSION_KINDS)[number];

/**
 * How the line ids of one version map to those of the next (hernummering): `{ [idInA]: idInB }`, where the
 * numbering changed between the years' documents; `null` says the line of `a` has no counterpart in `b` (so it is
 * not matched by its id either). Ids not named match by id.
 * @category Model
 */
export type IdMap = Readonly<Record<string, string | null>>;

/**
 * One version of a budget (stand): a name, the date and the council decision (besluit) that made it, its kind and
 * the budget as that document shows it. A frozen value once checked by `versionSeries`.
 * @category Model
 */
export interface BudgetVersion {
  /** Name, unique in a series ("Begroting 2024", "TB1 2025"). */
  readonly name: string;
  /** Date of the decision or the document, `yyyy-mm-dd`; a series is ordered by it. */
  readonly date?: string;
  /** Reference of the council decision (raadsbesluit), free text. */
  readonly decision?: string;
  /** Kind of document. */
  readonly kind: VersionKind;
  /** The budget as this version shows it. */
  readonly budget: Budget;
  /** How the ids of the version before it in a series map to this one's (see {@link IdMap}). */
  readonly idMap?: IdMap;
}
