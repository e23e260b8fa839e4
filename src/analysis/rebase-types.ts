/**
 * The types of rebasing a scenario (scenario overzetten) from one version of a budget onto the next: what
 * `rebaseScenario` takes and returns.
 * @module
 */
import type { Cell } from '../model/budget.js';
import type { Unit } from '../model/values.js';
import type { IdMap } from '../model/versions.js';
import type { ChangeKind, Scenario, ScenarioLibrary } from '../scenario/types.js';

/**
 * What to do with a change whose base moved (beslissing bij overzetten):
 * - `keep-relative`: the change as written, on the new base (a percentage stays a percentage of the new figure, an
 *   addition the same addition, an absolute figure the same figure; an estimate of a pm post that the new version
 *   quantifies leaves the new figure);
 * - `keep-absolute`: the figures the change gave in the old version are written into the new one;
 * - `drop`: the change is left out.
 * A change whose target is gone can only be dropped.
 * @category Analysis
 */
export type RebasePolicy = (typeof REBASE_POLICIES)[number];

/** Every {@link RebasePolicy}; the one list of them. @category Analysis */
export const REBASE_POLICIES = Object.freeze(['keep-relative', 'keep-absolute', 'drop'] as const);

/**
 * How a change fares on the new version (status bij overzetten):
 * - `fresh` (actueel): every target is there and every figure it works on is unchanged: it applies as before;
 * - `stale` (verouderd): its targets are there, but a figure it works on changed, or some of its years are not in the
 *   new version;
 * - `gone` (vervallen): a line, component, section, claim, source, target or measure it names is not in the new
 *   version (or a line or claim it adds is there already).
 * @category Analysis
 */
export type RebaseStatus = 'fresh' | 'stale' | 'gone';

/** Options of `rebaseScenario`. @category Analysis */
export interface RebaseOptions {
  /**
   * Line ids of `from` mapped to those of `to` where the numbering changed (see {@link IdMap}).
   * @defaultValue the `idMap` of `to` when it is a version
   */
  readonly idMap?: IdMap;
  /** Match lines left over after ids and the map by their title, as `compareVersions` does. @defaultValue false */
  readonly matchTitles?: boolean;
  /** Scenarios the scenario extends. */
  readonly library?: ScenarioLibrary;
  /** A decision per change, by its key (`changes[1]`, or `library.<id>.changes[0]` for a change of a scenario it extends). */
  readonly decisions?: Readonly<Record<string, RebasePolicy>>;
  /** The decision for every stale change without one of its own. @defaultValue none: stale changes stay undecided */
  readonly stale?: RebasePolicy;
  /** The decision for every gone change without one of its own: only `drop`. @defaultValue none: gone changes stay undecided */
  readonly gone?: 'drop';
  /**
   * Hand back a rebased scenario even while changes are undecided, leaving them out (as if dropped); the report
   * still lists them as undecided. @defaultValue false: no scenario until every stale and gone change is decided
   */
  readonly partial?: boolean;
}

/**
 * One cell a change writes, in both versions (cel bij overzetten): the base figure (the cell in the version's own
 * document), the figure the change gave in `from`, and what each policy gives in `to`. Amounts in exact euros;
 * `undefined` is nil (blank).
 * @category Analysis
 */
export interface RebaseCell {
  /** The row in `from` (line or component id). */
  readonly row: string;
  /** The row in `to`; undefined when it is not there. */
  readonly rowTo: string | undefined;
  /** The year. */
  readonly year: number;
  /** Whether `to`'s horizon holds the year. */
  readonly inVersion: boolean;
  /** The cell in `from`'s document. */
  readonly baseFrom: Cell | undefined;
  /** The cell in `to`'s document (undefined also when the year or row is not there). */
  readonly baseTo: Cell | undefined;
  /** Whether the base differs (or the year is not in `to`). */
  readonly stale: boolean;
  /** The cell after the change in `from`. */
  readonly result: Cell | undefined;
  /** The cell after the change in `to` with `keep-relative`; only for a stale change whose year `to` holds. */
  readonly relative?: Cell | undefined;
  /** The cell after the change in `to` with `keep-absolute` (the figure of `from`); only for a stale change whose year `to` holds. */
  readonly absolute?: Cell | undefined;
}

/** A named thing a change refers to, in both versions (verwijzing). @category Analysis */
export interface RebaseReference {
  /** The field of the change (`line`, `from`, `claim.target`, `select.lines[0]`). */
  readonly field: string;
  /** The id in `from`. */
  readonly from: string;
  /** The id in `to`; undefined when it is not there (or, for an id the change adds, when `to` has it already). */
  readonly to: string | undefined;
  /**
   * What it is: `row`, `line`, `section`, `claim`, `source`, `target`, `measure`, an `indicator` or `parameter` of the
   * budget's drivers, or `new` for an id the change adds.
   */
  readonly kind: 'row' | 'line' | 'section' | 'claim' | 'source' | 'target' | 'measure' | 'indicator' | 'parameter' | 'new';
}

/**
 * Something other than a cell that a change works on, in both versions (a row's nature, a claim, a source, a savings
 * target, a line's rows), as short text, so that a report can print both.
 * @category Analysis
 */
export interface RebaseItem {
  /** What it is ("nature 1.4", "claim c1", "source oekraine", "rows of 1.7"). */
  readonly what: string;
  /** In `from`. */
  readonly from: string;
  /** In `to`. */
  readonly to: string;
}

/** One change of the scenario on the new version (gewijzigde wijziging). @category Analysis */
export interface RebasedChange {
  /** Key of the change, its path: `changes[1]` or `library.<id>.changes[0]`; {@link RebaseOptions.decisions} uses it. */
  readonly key: string;
  /** Id of the scenario that wrote it. */
  readonly scenario: string;
  /** Index of the change in that scenario. */
  readonly index: number;
  /** Kind of change. */
  readonly kind: ChangeKind;
  /** The change's note (toelichting), when it gives one. */
  readonly note?: string;
  /** Fresh, stale or gone. */
  readonly status: RebaseStatus;
  /** What it names, mapped to `to`. */
  readonly references: readonly RebaseReference[];
  /** Why it is gone or stale, in words (one entry per reason). */
  readonly reasons: readonly string[];
  /** Years it works on that `to`'s horizon does not hold. */
  readonly lostYears: readonly number[];
  /** Every cell it writes (for changes of amounts), in order. */
  readonly cells: readonly RebaseCell[];
  /** Other things it works on whose state differs between the versions. */
  readonly items: readonly RebaseItem[];
  /** The decision taken (from the options); undefined for a fresh change, and for an undecided one. */
  readonly decision: RebasePolicy | undefined;
  /** Whether it is stale or gone and has no decision. */
  readonly undecided: boolean;
  /** Whether it is in the rebased scenario (fresh, or kept). */
  readonly applied: boolean;
}

/** One side of a rebase. @category Analysis */
export interface RebaseSide {
  /** The version's name, or the budget's title. */
  readonly label: string;
  /** The unit its document is written in. */
  readonly unit: Unit;
  /** The years of its horizon. */
  readonly years: readonly number[];
}

/** A scenario rebased from one version onto another (overgezet scenario): the report and the new scenario. A frozen value. @category Analysis */
export interface ScenarioRebase {
  /** The version the scenario was written against. */
  readonly from: RebaseSide;
  /** The version it is rebased onto. */
  readonly to: RebaseSide;
  /** Every change of the scenario (those of the scenarios it extends first), in order. */
  readonly changes: readonly RebasedChange[];
  /** Keys of the stale and gone changes without a decision. */
  readonly undecided: readonly string[];
  /** Whether every stale and gone change is decided. */
  readonly complete: boolean;
  /**
   * The rebased scenario: a plain scenario against `to` (in `to`'s unit, plain number format, no `extends`), which
   * `applyScenario(to, scenario)` accepts. Undefined while a change is undecided, unless `partial` was asked.
   */
  readonly scenario: Scenario | undefined;
}
