/**
 * The types of a comparison of two budgets or scenarios (vergelijking): what `compareScenarios` returns.
 * @module
 */
import type { Decimal } from '../core/decimal.js';
import type { Budget } from '../model/budget.js';
import type { Total } from '../evaluate/evaluate.js';
import type { ScenarioResult } from '../scenario/apply.js';
/** A budget, or the result of a scenario, that can be compared (vergelijkbaar). @category Analysis */
export type Comparable = Budget | ScenarioResult;

/** One figure in `a`, in `b`, and the difference `b - a` (verschil). @category Analysis */
export interface AmountDifference {
  /** The figure in `a` (0 when absent there). */
  readonly a: Decimal;
  /** The figure in `b` (0 when absent there). */
  readonly b: Decimal;
  /** `b - a`. */
  readonly difference: Decimal;
}

/**
 * The cover of a line, section or the total in one year, in `a` and `b` (dekking): what its claims get (gedekt)
 * and what they ask but do not get (ongedekt), summed over the line's own row and components.
 * @category Analysis
 */
export interface CoverDifference {
  /** What the claims get (gedekt). */
  readonly covered: AmountDifference;
  /** What the claims ask but do not get (ongedekt): the uncovered amount. */
  readonly uncovered: AmountDifference;
}

/** The difference between two figures in one year (verschil): `b - a`. @category Analysis */
export interface YearDifference {
  /** The figure in `a`; undefined when the row does not exist there. */
  readonly a: Total | undefined;
  /** The figure in `b`; undefined when the row does not exist there. */
  readonly b: Total | undefined;
  /** Difference in saldo, `b - a` (pm counts as 0; a missing row as 0). */
  readonly amount: Decimal;
  /** Difference in structural saldo (structureel saldo). */
  readonly structural: Decimal;
  /** Difference in incidental saldo. */
  readonly incidental: Decimal;
  /** Number of pm posts (lines with a pm) in `a`, in `b`, and `b - a`. */
  readonly pm: {
    /** Number of pm posts in `a`. */
    readonly a: number;
    /** Number of pm posts in `b`. */
    readonly b: number;
    /** `b - a`. */
    readonly difference: number;
  };
  /** Cover (gedekt / ongedekt); present when `a` or `b` declares cover. */
  readonly cover?: CoverDifference;
  /**
   * The gap of the savings targets (tekort op de taakstellingen: target - realised, summed over the targets; a pm
   * year counts 0 as target; negative is a surplus); only on the total row, present when `a` or `b` has targets.
   */
  readonly targetGap?: AmountDifference;
}

/** A cover source in one year, in `a` and `b`. @category Analysis */
export interface SourceYearDifference {
  /** What it gives (ingezet). */
  readonly given: AmountDifference;
  /** What claims ask beyond what it can give (overvraagd). */
  readonly overCommitted: AmountDifference;
}

/** Differences of a cover source (dekkingsbron) per year. @category Analysis */
export interface SourceDifference {
  /** Source id. */
  readonly id: string;
  /** Title (from `b` when it has the source). */
  readonly title: string;
  /** Where the source exists. */
  readonly presence: 'both' | 'only-a' | 'only-b';
  /** Per year ("2026"). */
  readonly years: Readonly<Record<string, SourceYearDifference>>;
  /** Whether anything differs in any year. */
  readonly changed: boolean;
}

/** A savings target in one year, in `a` and `b` (positive euros saved). @category Analysis */
export interface TargetYearDifference {
  /** The amount to save (0 in a pm year). */
  readonly target: AmountDifference;
  /** What the measures realise (gerealiseerd). */
  readonly realised: AmountDifference;
  /** `target - realised` (tekort; negative is a surplus). */
  readonly gap: AmountDifference;
  /** The part of the target not backed by planned measures (niet-ingevuld). */
  readonly unfilled: AmountDifference;
  /** Whether the path is pm in `a` and in `b`. */
  readonly pm: {
    /** Whether the path is pm in `a`. */
    readonly a: boolean;
    /** Whether the path is pm in `b`. */
    readonly b: boolean;
  };
}

/** Differences of a savings target (taakstelling) per year. @category Analysis */
export interface TargetDifference {
  /** Target id. */
  readonly id: string;
  /** Title (from `b` when it has the target). */
  readonly title: string;
  /** Where the target exists. */
  readonly presence: 'both' | 'only-a' | 'only-b';
  /** Per year ("2026"). */
  readonly years: Readonly<Record<string, TargetYearDifference>>;
  /** Whether anything differs in any year. */
  readonly changed: boolean;
}

/** Differences of one row (line, section or total) per year. @category Analysis */
export interface RowDifference {
  /** Id of the line or section; empty for the total. */
  readonly id: string;
  /** Title (from `b` when it has the row, else from `a`). */
  readonly title: string;
  /** Where the row exists. */
  readonly presence: 'both' | 'only-a' | 'only-b';
  /** Per year ("2026"). */
  readonly years: Readonly<Record<string, YearDifference>>;
  /** Whether anything differs in any year (amounts or pm count). */
  readonly changed: boolean;
}

/** The comparison of two budgets or scenarios (vergelijking). A frozen value. @category Analysis */
export interface ScenarioComparison {
  /** Label of `a` (scenario title, or the budget's title). */
  readonly a: string;
  /** Label of `b`. */
  readonly b: string;
  /** Years compared (those of `b`'s horizon). */
  readonly years: readonly number[];
  /** The grand total (TOTAAL SALDO). */
  readonly total: RowDifference;
  /** Sections, in `b`'s order, then those only in `a`. */
  readonly sections: readonly RowDifference[];
  /** Lines, in `b`'s order, then those only in `a`. */
  readonly lines: readonly RowDifference[];
  /** Cover sources, in `b`'s order, then those only in `a`; present when `a` or `b` declares cover. */
  readonly sources?: readonly SourceDifference[];
  /** Savings targets, in `b`'s order, then those only in `a`; present when `a` or `b` has targets. */
  readonly targets?: readonly TargetDifference[];
}
