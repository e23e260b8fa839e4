/**
 * Versions of one budget (standen) in the planning and control cycle (P&C-cyclus): the primitive begroting, then
 * each document that changes it (voorjaarsnota or kadernota, tussenberichten, the jaarrekening).
 * @module
 */
import type { NumberFormat } from '../core/amount.js';
import type { RoundingMode } from '../core/decimal.js';
import type { Budget } from './budget.js';
import type { Unit } from './values.js';

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
  /**
   * The mutations (mutaties) that led to this version from the one before it in a series: a scenario, written
   * against the budget of the version before (an adopted scenario is a begrotingswijziging). `versionSeries` checks
   * that applying them to that budget gives this version's budget exactly.
   */
  readonly mutations?: VersionMutations;
}

/**
 * The mutations of a version (mutaties, begrotingswijziging): a scenario as the scenario stage defines it
 * (`Scenario`: an id, a title, its changes and their unit, number format and rounding). The model stage comes
 * before the scenario stage, so it names a scenario's fields here and leaves each change to the scenario stage:
 * `versionSeries` and `loadVersion` check them with `checkScenarioShape`, and every `Scenario` is one of these.
 * @category Model
 */
export interface VersionMutations {
  /** Id of the scenario. */
  readonly id: string;
  /** Title ("TB1 2025: wijzigingen programma 2"). */
  readonly title: string;
  /** Ids of scenarios it builds on; a version's mutations stand alone, so versions refuse this (`invalid_value`). */
  readonly extends?: string | readonly string[];
  /** Unit of the amounts written in the changes. @defaultValue the budget's unit */
  readonly unit?: Unit;
  /** Notation of amount strings. */
  readonly numberFormat?: NumberFormat;
  /** Rounding of computed amounts. */
  readonly rounding?: {
    /** Decimal places in euros. */
    readonly places: number;
    /** Rounding rule. */
    readonly mode: RoundingMode;
  };
  /** Free description. */
  readonly description?: string;
  /** The changes (each a `Change` of the scenario stage: `set-amount`, `add-line`, `drop-line`, ...), in order. */
  readonly changes: readonly object[];
}

/**
 * A version as given to `versionSeries` (stand, invoer): a {@link BudgetVersion} whose budget may be left out when it
 * has mutations; the series then derives it from the version before it plus those mutations.
 * @category Model
 */
export interface VersionInput extends Omit<BudgetVersion, 'budget'> {
  /** The budget as this version shows it; omitted, it is the version before's budget with {@link BudgetVersion.mutations} applied. */
  readonly budget?: Budget;
}
