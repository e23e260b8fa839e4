/**
 * The types of goal seeking (doelzoeken): one input described as data, one outcome described as data, the years it
 * must hold in, and the frozen result (the threshold with the outcome at it and one step beyond it, or "not
 * attainable" with the best value found).
 * @packageDocumentation
 */
import type { Decimal } from '../core/decimal.js';
import type { Budget } from '../model/budget.js';
import type { WeerstandsvermogenInput } from '../evaluate/weerstandsvermogen.js';
import type { YearSelection } from '../scenario/changes/common.js';

/** A number as goal seeking takes it: a Decimal, a plain decimal string (`"0.875"`, `"-2100"`) or a safe integer. @category Analysis */
export type GoalNumber = Decimal | string | number;

/**
 * The realisation rate (realisatiegraad) of measures of a savings target: the share of their plan they deliver, on a
 * grid of 6 decimals (1 ppm; rates have at most 6 decimals) unless `step` says otherwise. A measure with a delay keeps
 * its delay and the rate applies to the delayed plan; every other measure gets `{ rate }`.
 * @category Analysis
 */
export interface MeasureRateInput {
  /** Discriminant. */
  readonly kind: 'measure-rate';
  /** Id of the savings target. */
  readonly target: string;
  /** Ids of its measures; every measure of the target when left out. */
  readonly measures?: readonly string[];
}

/**
 * The amount of a budget line's own row, or of a component, in euros on the saldo scale (positive = voordeel), on a
 * grid of whole cents unless `step` says otherwise (`"1000"` for the x € 1.000 of a table).
 * @category Analysis
 */
export interface LineAmountInput {
  /** Discriminant. */
  readonly kind: 'line-amount';
  /** A line id (a line without components) or a component id. */
  readonly line: string;
  /** The years it is set in; the years of the seek when left out (each year on its own in {@link goalSeekPerYear}). */
  readonly years?: YearSelection;
}

/**
 * The amount of one part of the beschikbare weerstandscapaciteit of the outcome's register (a
 * {@link WeerstandsratioOutcome}), in euros, zero or more, on a grid of whole cents unless `step` says otherwise.
 * @category Analysis
 */
export interface CapacityPartInput {
  /** Discriminant. */
  readonly kind: 'capacity-part';
  /** Index of the part in the register's `capacity`. */
  readonly part: number;
}

/**
 * The value of an indicator of the budget's drivers (a volume, a price, a rate: `jeugdigen`), in its own unit, in
 * `years` (the seek's years by default), on a grid of whole units unless `step` says otherwise: the driven lines
 * follow it, as they follow a `set-indicator` change.
 * @category Analysis
 */
export interface IndicatorInput {
  /** Discriminant. */
  readonly kind: 'indicator';
  /** The indicator's id. */
  readonly indicator: string;
  /** The years it is set in; the years of the seek when left out (each year on its own in {@link goalSeekPerYear}). */
  readonly years?: YearSelection;
}

/**
 * The value of a dated parameter of the budget's drivers (a tariff: the normvergoeding per day) from the date `from`
 * on: the periods before that date stay, the ones from it are replaced by the sought value; in the parameter's own
 * unit, on a grid of cents unless `step` says otherwise. The driven lines follow it, as they follow `set-parameter`.
 * @category Analysis
 */
export interface ParameterInput {
  /** Discriminant. */
  readonly kind: 'parameter';
  /** The parameter's id. */
  readonly parameter: string;
  /** The first day the sought value holds, `yyyy-mm-dd`. */
  readonly from: string;
}

/**
 * The input a goal seek solves (de te zoeken invoer). Built in: a measure's realisation rate, a line's amount, a part
 * of the weerstandscapaciteit, an indicator or a dated parameter (a tariff) of the drivers. Each kind is one entry of
 * the registry in `analysis/goal-inputs.ts`.
 * @category Analysis
 */
export type GoalInput = MeasureRateInput | LineAmountInput | CapacityPartInput | IndicatorInput | ParameterInput;

/** Every {@link GoalInput} kind. @category Analysis */
export type GoalInputKind = GoalInput['kind'];

/** The begrotingssaldo (the table's total) is at least `atLeast` euros in every year (default 0). @category Analysis */
export interface SaldoOutcome {
  /** Discriminant. */
  readonly kind: 'saldo';
  /** The lowest saldo that meets the goal, in euros. @defaultValue 0 */
  readonly atLeast?: GoalNumber;
}

/** The structureel begrotingssaldo is at least `atLeast` euros in every year (default 0). @category Analysis */
export interface StructuralSaldoOutcome {
  /** Discriminant. */
  readonly kind: 'structural-saldo';
  /** The lowest structural saldo that meets the goal, in euros. @defaultValue 0 */
  readonly atLeast?: GoalNumber;
}

/** The gap of a savings target (tekort: target - realised) is at most `atMost` euros in every year (default 0: filled). @category Analysis */
export interface TargetGapOutcome {
  /** Discriminant. */
  readonly kind: 'target-gap';
  /** Id of the savings target. */
  readonly target: string;
  /** The largest gap that meets the goal, in euros. @defaultValue 0 */
  readonly atMost?: GoalNumber;
  /** Use the savings net of the measures' costs (`evaluateTargets(budget, { net: true })`). @defaultValue false */
  readonly net?: boolean;
}

/**
 * The ratio weerstandsvermogen of a register is at least `atLeast` (default 1): decided exactly, as
 * `available >= atLeast x required`, never on the rounded ratio. It has no years.
 * @category Analysis
 */
export interface WeerstandsratioOutcome {
  /** Discriminant. */
  readonly kind: 'weerstandsratio';
  /** The risicoregister and the capacity parts. */
  readonly register: WeerstandsvermogenInput;
  /** The lowest ratio that meets the goal. @defaultValue 1 */
  readonly atLeast?: GoalNumber;
}

/** The outcome a goal seek must meet (de doelstelling). Each kind is one entry of the registry in `analysis/goal-outcomes.ts`. @category Analysis */
export type GoalOutcome = SaldoOutcome | StructuralSaldoOutcome | TargetGapOutcome | WeerstandsratioOutcome;

/** Every {@link GoalOutcome} kind. @category Analysis */
export type GoalOutcomeKind = GoalOutcome['kind'];

/** What a goal seek asks: solve `input` so that `outcome` holds in `years`. @category Analysis */
export interface GoalSeekSpec {
  /** The input to solve. */
  readonly input: GoalInput;
  /** The outcome to meet. */
  readonly outcome: GoalOutcome;
  /** The years the outcome must hold in, all of them; default every year of the horizon. A yearless outcome ignores them. */
  readonly years?: number | YearSelection;
  /**
   * The range searched, inclusive: rates default to 0 .. 1 (a high bound above 1 lets measures deliver more than
   * planned); amounts to -1.000.000.000.000 .. 1.000.000.000.000 euros (capacity parts from 0).
   */
  readonly bounds?: {
    /** The lowest input searched (inclusive). */
    readonly low?: GoalNumber;
    /** The highest input searched (inclusive). */
    readonly high?: GoalNumber;
  };
  /** The precision (grid step) of the input: rates `0.000001`, amounts `0.01` (a cent) by default; at most 6 decimals. */
  readonly step?: GoalNumber;
  /** `auto` tries the linear inverse first and verifies it, bisecting when it does not hold; `bisection` only bisects. @defaultValue 'auto' */
  readonly method?: 'auto' | 'bisection';
}

/** The outcome in one year (or the yearless outcome) at one input value. @category Analysis */
export interface GoalOutcomeYear {
  /** The year; `undefined` for a yearless outcome (weerstandsratio). */
  readonly year: number | undefined;
  /** The outcome: the saldo, structural saldo or gap in euros, or the ratio (6 decimals; `undefined` when nothing is required). */
  readonly value: Decimal | undefined;
  /** How far it is on the good side of the goal (negative: short of it), in euros. */
  readonly margin: Decimal;
  /** Whether the goal holds this year. */
  readonly met: boolean;
}

/** One evaluation of the outcome at an input value. @category Analysis */
export interface GoalEvaluation {
  /** The input value. */
  readonly input: Decimal;
  /** The smallest margin over the years. */
  readonly margin: Decimal;
  /** Whether the goal holds in every year. */
  readonly met: boolean;
  /** Per year, in year order. */
  readonly outcomes: readonly GoalOutcomeYear[];
}

/** One step of the search: an input value and whether the goal held there. @category Analysis */
export interface GoalTrailStep {
  /** The input value. */
  readonly input: Decimal;
  /** The smallest margin over the years. */
  readonly margin: Decimal;
  /** Whether the goal held. */
  readonly met: boolean;
}

/** What a goal seek searched: the input, outcome, years, grid and bounds as read. @category Analysis */
export interface GoalSeekSearch {
  /** The input. */
  readonly input: GoalInput;
  /** The outcome. */
  readonly outcome: GoalOutcome;
  /** The years the outcome had to hold in (empty for a yearless outcome). */
  readonly years: readonly number[];
  /** The grid step. */
  readonly step: Decimal;
  /** The lowest input searched (the low bound on the grid). */
  readonly low: Decimal;
  /** The highest input searched. */
  readonly high: Decimal;
  /** Every evaluation, in the order made. */
  readonly trail: readonly GoalTrailStep[];
  /** How many evaluations were made. */
  readonly evaluations: number;
}

/**
 * A goal seek that found its threshold (drempel): the goal holds at `threshold` and fails one step beyond it, toward
 * the failing side (`direction` `at-least`: one step below fails, larger inputs meet; `at-most`: one step above fails).
 * @category Analysis
 */
export interface GoalSeekFound extends GoalSeekSearch {
  /** Discriminant. */
  readonly attainable: true;
  /** The input value at which the goal just holds, on the grid; the safe side of the exact value. */
  readonly threshold: Decimal;
  /** Which way the goal holds from the threshold. */
  readonly direction: 'at-least' | 'at-most';
  /** How it was found: the verified linear inverse, bisection, or a bound (the goal holds at the bound already). */
  readonly method: 'linear' | 'bisection' | 'bound';
  /** The outcome at the threshold. */
  readonly atThreshold: GoalEvaluation;
  /** The outcome one step beyond the threshold (it fails there); `undefined` when that step is outside the bounds. */
  readonly beyond: GoalEvaluation | undefined;
}

/** A goal seek whose goal holds nowhere within the bounds: a result, not an error. @category Analysis */
export interface GoalSeekNotAttainable extends GoalSeekSearch {
  /** Discriminant. */
  readonly attainable: false;
  /** `not-met-within-bounds`: it fails at both bounds; `no-effect`: the input does not change the outcome. */
  readonly reason: 'not-met-within-bounds' | 'no-effect';
  /** The evaluation with the largest margin (the nearest to the goal). */
  readonly best: GoalEvaluation;
}

/** The result of {@link goalSeek}, frozen. @category Analysis */
export type GoalSeekResult = GoalSeekFound | GoalSeekNotAttainable;

/** The result of {@link goalSeekPerYear}: one goal seek per year, frozen. @category Analysis */
export interface GoalSeekPerYear {
  /** The years, in order. */
  readonly years: readonly number[];
  /** The goal seek of each year, keyed by year. */
  readonly perYear: Readonly<Record<string, GoalSeekResult>>;
}

/**
 * What an input acts on and an outcome reads: the budget, and the register of a weerstandsratio outcome.
 * @internal
 */
export interface GoalSubject {
  /** The budget. */
  readonly budget: Budget;
  /** The register of a weerstandsratio outcome. */
  readonly register: WeerstandsvermogenInput | undefined;
}
