/**
 * The types of a comparison of two versions of a budget (standen vergelijken) over the union of their horizons:
 * what `compareVersions` returns.
 * @module
 */
import type { Decimal } from '../core/decimal.js';
import type { Issue } from '../core/errors.js';
import type { Total } from '../model/evaluation.js';
import type { Unit } from '../model/values.js';
import type { IdMap } from '../model/versions.js';

/**
 * A row's figure in one year of one version (bedrag in een stand):
 * - `not-in-version`: the year is outside the version's horizon (niet in deze versie): never 0, no difference;
 * - `no-row`: the year is in the horizon but the row (a new or gone line or section) is not in this version: it
 *   adds nothing to this version's totals, so it counts 0 in the difference;
 * - `figure`: the row's total in this year.
 * @category Analysis
 */
export type VersionFigure =
  | {
      /** The year is outside this version's horizon (niet in deze versie): no figure, never 0. */
      readonly state: 'not-in-version';
    }
  | {
      /** The year is in the horizon, but the row is not in this version: it counts 0 in the difference. */
      readonly state: 'no-row';
    }
  | {
      /** The row has a figure in this year. */
      readonly state: 'figure';
      /** The row's total in the year (saldo, structural and incidental parts, its pm posts), in exact euros. */
      readonly total: Total;
    };

/** The difference `b - a` of a row in a year that both versions hold (verschil), in exact euros. @category Analysis */
export interface VersionDelta {
  /** Saldo (pm counts as 0). */
  readonly amount: Decimal;
  /** Structural saldo (structureel). */
  readonly structural: Decimal;
  /** Incidental saldo (incidenteel). */
  readonly incidental: Decimal;
  /** Number of pm posts in `b` minus in `a`. */
  readonly pm: number;
}

/** One year of a row in both versions. @category Analysis */
export interface VersionYear {
  /** The figure in `a`. */
  readonly a: VersionFigure;
  /** The figure in `b`. */
  readonly b: VersionFigure;
  /** `b - a`; undefined when the year is not in one of the versions (then no difference exists). */
  readonly difference: VersionDelta | undefined;
}

/** How a row of `a` was matched with one of `b` (koppeling). @category Analysis */
export type VersionMatch = 'id' | 'map' | 'title';

/** One row (line, section or the total) compared across two versions. @category Analysis */
export interface VersionRow {
  /** Id in `b` when the row is there, else in `a`; empty for the total. */
  readonly id: string;
  /** Id in `a`, when the row is there. */
  readonly idA: string | undefined;
  /** Id in `b`, when the row is there. */
  readonly idB: string | undefined;
  /** Title (from `b` when it has the row). */
  readonly title: string;
  /** In both, only in `b` (nieuw) or only in `a` (vervallen). */
  readonly status: 'both' | 'new' | 'gone';
  /** How the line was matched; undefined for sections, the total, and rows in one version only. */
  readonly matchedBy: VersionMatch | undefined;
  /** Per year of the union ("2026"). */
  readonly years: Readonly<Record<string, VersionYear>>;
  /** Whether the row is new or gone, or differs in a year both versions hold. */
  readonly changed: boolean;
}

/** Options of `compareVersions`. @category Analysis */
export interface CompareVersionsOptions {
  /** Line ids of `a` mapped to those of `b` where the numbering changed; see {@link IdMap}. */
  readonly idMap?: IdMap;
  /**
   * Match lines left over after ids and the map by their title (case and spacing ignored), when exactly one line
   * of each has it; every such match is a warning `matched_by_title`. @defaultValue false
   */
  readonly matchTitles?: boolean;
}

/** One side of a version comparison. @category Analysis */
export interface VersionSide {
  /** Label: the version's name, the scenario's title, or the budget's title. */
  readonly label: string;
  /** The years of its horizon. */
  readonly years: readonly number[];
  /** The unit its document was written in (amounts are compared in exact euros). */
  readonly unit: Unit;
}

/** The comparison of two versions over the union of their horizons (standenvergelijking). A frozen value. @category Analysis */
export interface VersionComparison {
  /** The reference (usually the older version). */
  readonly a: VersionSide;
  /** The newer version. */
  readonly b: VersionSide;
  /** Every year of either horizon, ascending. */
  readonly years: readonly number[];
  /** The grand total. */
  readonly total: VersionRow;
  /** Sections (matched by id), in `b`'s order, then those only in `a`. */
  readonly sections: readonly VersionRow[];
  /** Lines, in `b`'s order, then those only in `a`. */
  readonly lines: readonly VersionRow[];
  /** Warnings: one `matched_by_title` per line matched by its title. */
  readonly warnings: readonly Issue[];
}
