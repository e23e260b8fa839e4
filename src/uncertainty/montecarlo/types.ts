/**
 * The public types of a Monte Carlo run (Monte Carlo-simulatie): its uncertain inputs and targets, its options,
 * and its results.
 * @packageDocumentation
 */
import type { Decimal, RoundingMode } from '../../core/decimal.js';
import type { Unit } from '../../model/values.js';
import type { DistributionSpec } from '../distribution.js';
import type { Seed } from '../random.js';

/**
 * What an uncertain input changes (soort onzekerheid):
 * - `amount`: the amount of a cell (a pm post's amount, any line or component amount); the distribution is in the
 *   run's unit (the budget's own unit, or the options' or the input's `unit`);
 * - `realisation`: a realisation rate (realisatiegraad) multiplying the cells (a measure that delivers 50%: `0.5`);
 * - `indexation`: an indexation percentage per year as a rate (`0.025` = 2.5%); year `y` is multiplied by
 *   `(1 + p)^(y - baseYear)`, years up to `baseYear` are untouched;
 * - `measure`: the realisation rate (realisatiegraad) of a savings measure (`budget.targets[target].measures[measure]`):
 *   the drawn rate replaces the measure's own realisation, so it realises `round(planned x rate)` in each year
 *   (the one rounding point, as for `realisation`); the target's realised savings and gap follow, the table's saldo
 *   does not (the stelpost holds the target: put a `realisation` input on a line to move the saldo too);
 * - `capacity`: the capacity of a cover source (`budget.cover.sources[source]`), in the run's unit as `amount`, zero or more: it replaces
 *   a `per-year` capacity in the input's years, or a `total` capacity's amount; the claims are then served as
 *   `evaluateCover` serves them and what they ask beyond the capacities is the uncovered amount (ongedekt);
 * - `indicator`: the value of an indicator of the budget's drivers (`budget.drivers.indicators[indicator]`) in the
 *   input's years, in the indicator's own unit (a number of youths: `"4000"`), rounded half-up to `places` decimals
 *   (whole units by default): every driven row whose formula names it follows exactly as after a `set-indicator`
 *   change (the formula evaluated exactly, rounded half-up once to whole cents); an indicator that is never
 *   negative is drawn zero or more;
 * - `parameter`: the value of a dated parameter (`budget.drivers.parameters[parameter]`, a tariff) from the date
 *   `from` on, in its own unit, rounded half-up to `places` decimals (cents by default): the periods before `from`
 *   stay, the driven rows follow as after a `set-parameter` change; one such input per parameter.
 * @category Uncertainty
 */
export type UncertainKind = 'amount' | 'realisation' | 'indexation' | 'measure' | 'capacity' | 'indicator' | 'parameter';

/** One uncertain input (onzekere invoer) of a Monte Carlo run. @category Uncertainty */
export interface UncertainInput {
  /** Id, unique in the run: names the input in results and the tornado table, and keys its random stream. */
  readonly id: string;
  /** Label for reports. @defaultValue the id */
  readonly label?: string;
  /** What it changes. */
  readonly kind: UncertainKind;
  /** Row ids: a line id means the line's own row, a component id the component. */
  readonly rows?: readonly string[];
  /** Line ids: every row of these lines (own row and components). */
  readonly lines?: readonly string[];
  /**
   * Years it applies to. Default: for `amount`, the years in which a row is pm (or, when it has none, every
   * year with an amount); for `realisation`, every year with an amount; for `indexation`, every year after `baseYear`;
   * for `indicator`, every year of the horizon in which the indicator has a value (other years are refused).
   */
  readonly years?: readonly number[];
  /**
   * The distribution: an amount for `amount` and `capacity` (in `unit`), a unitless rate for `realisation`,
   * `indexation` and `measure`, a value in the driver's own unit for `indicator` and `parameter` (read as rates are:
   * strings or finite numbers, drawn to 6 decimals, then rounded to `places`).
   */
  readonly distribution: DistributionSpec;
  /**
   * For `amount` and `capacity`: the unit its distribution's amounts are written in (`'thousand'`: `"-1500"` is
   * -1.500 x € 1.000), over the options' `unit`; refused on an input that draws a rate.
   * @defaultValue the options' `unit`
   */
  readonly unit?: Unit;
  /**
   * Inputs with the same group draw the same random numbers (perfect correlation). A group may take part in a
   * run's rank correlation (`MonteCarloOptions.correlation`) through one of its inputs: the whole group moves with it.
   */
  readonly group?: string;
  /** For `indexation`: the year whose prices the amounts are in. @defaultValue the first year of the horizon */
  readonly baseYear?: number;
  /** For `measure`: the id of the savings target (taakstelling) in `budget.targets`. */
  readonly target?: string;
  /** For `measure`: the id of the measure (maatregel) within that target. */
  readonly measure?: string;
  /** For `capacity`: the id of the cover source (dekkingsbron) in `budget.cover.sources`. */
  readonly source?: string;
  /** For `indicator`: the id of the indicator in `budget.drivers.indicators`. */
  readonly indicator?: string;
  /** For `parameter`: the id of the dated parameter in `budget.drivers.parameters`. */
  readonly parameter?: string;
  /** For `parameter`: the first day the drawn value holds, `yyyy-mm-dd`; the periods before it stay. */
  readonly from?: string;
  /**
   * For `indicator` and `parameter`: the decimals the drawn value is rounded to (half-up), 0 to 6.
   * @defaultValue 0 for an indicator (whole youths, places), 2 for a parameter (a tariff in cents)
   */
  readonly places?: number;
}

/**
 * A target to meet (doel), such as a taakstelling: the total of some lines or sections per year compared to
 * a minimum. Met in a year when `total >= minimum`; the gap (tekort) is `minimum - total`.
 * @category Uncertainty
 */
export interface TargetSpec {
  /** Id, unique among targets. */
  readonly id: string;
  /** Label for reports. */
  readonly label?: string;
  /** Lines whose totals count. */
  readonly lines?: readonly string[];
  /** Sections whose totals count. */
  readonly sections?: readonly string[];
  /** Minimum per year (`{ "2027": "0" }`), or one minimum for every year, in the run's unit (the options' `unit`). @defaultValue 0 */
  readonly minimum?: string | number | Readonly<Record<string, string | number>>;
}

/**
 * A rank correlation between some inputs of a Monte Carlo run (rangcorrelatie): the Spearman rank correlation
 * each pair of `inputs` should have over the draws.
 *
 * @remarks
 * The draws of the inputs are made as without it, independently, and then only **reordered** (Iman-Conover): each
 * input keeps exactly the values it would have drawn, so every draw stays an exact budget, the amounts stay on
 * their grids (whole cents, whole parts per million) and the summaries of one input alone do not change. The
 * order comes from van der Waerden scores, the Cholesky factor of the target and the correction by that of the
 * scores' own sample correlation; those are binary floats, which only decide an order, never an amount, and are
 * computed the same way on every machine. The recovered rank correlation is within 0.05 of the target from 10,000
 * draws (closer with more draws; an input with many equal values, such as a `discrete` or `fixed` one, ties and
 * reaches less).
 *
 * - `matrix[i][j]` is the target between `inputs[i]` and `inputs[j]`: symmetric, 1 on the diagonal, entries in
 *   [-1, 1], positive definite (it has a Cholesky factor; a correlation of 1 or -1 between two inputs has none:
 *   use a `group` for perfect correlation);
 * - an identity matrix asks for nothing beyond independence: the draws stay exactly as without it;
 * - an input in a `group` moves its whole group (the group's inputs draw the same numbers and keep doing so);
 *   two inputs of one group cannot both be named (they are perfectly correlated already);
 * - the first input of `inputs` keeps its draw order (the factor is lower triangular); the others are ordered
 *   around it;
 * - inputs not named stay independent of the named ones and of each other.
 *
 * Seeded: the order is computed on the calling thread from the seed and the number of draws, before any draw is
 * run, so a run on worker threads (`monteCarloAsync`) gives the same result as one on one thread.
 * @category Uncertainty
 */
export interface RankCorrelation {
  /** The ids of the correlated inputs (at most `MAX_CORRELATED_INPUTS`, 100), in the order of the matrix's rows. */
  readonly inputs: readonly string[];
  /** The target rank correlations, one row per input of `inputs`, each with one entry per input. */
  readonly matrix: readonly (readonly number[])[];
}

/** Options of a Monte Carlo run. @category Uncertainty */
export interface MonteCarloOptions {
  /** The uncertain inputs. */
  readonly inputs: readonly UncertainInput[];
  /** Number of draws (trekkingen), at least 1. @defaultValue 10000 */
  readonly draws?: number;
  /** Seed (zaadwaarde). @defaultValue 1 */
  readonly seed?: Seed;
  /** Percentiles to report, from 0 to 100. @defaultValue [5, 50, 95] */
  readonly percentiles?: readonly number[];
  /** Targets whose probability of being met is wanted. */
  readonly targets?: readonly TargetSpec[];
  /** Rounding rule where a rate meets an amount. @defaultValue 'half-up' */
  readonly rounding?: RoundingMode;
  /**
   * The unit of the amounts written in these options (the distributions of `amount` and `capacity` inputs, unless
   * an input declares its own `unit`; the targets' minimums) and of every amount of the results (eenheid):
   * `'euro'`, `'thousand'` (x € 1.000) or `'million'` (x € 1 mln). Written amounts must be whole cents in euros.
   * @defaultValue the budget's own unit (`budget.presentation.unit`)
   */
  readonly unit?: Unit;
  /**
   * Report the budget's savings targets (`budget.targets`: realised savings, gap, probability met).
   * @defaultValue true when an input is of kind `measure`
   */
  readonly savings?: boolean;
  /**
   * Report the uncovered amount of the budget's cover (`budget.cover`).
   * @defaultValue true when an input is of kind `capacity`
   */
  readonly cover?: boolean;
  /**
   * A rank correlation between some of the inputs (rangcorrelatie), beside the perfect correlation of a `group`.
   * @defaultValue none: every input (every group) is drawn independently
   */
  readonly correlation?: RankCorrelation;
  /**
   * Report the savings targets net of the measures' costs (netto, as `evaluateTargets(budget, { net: true })`): each
   * measure's costs (investment, transformation) are taken off what it realises, so the realised savings and the
   * gap are net in every draw. Turns `savings` on.
   * @defaultValue false
   */
  readonly net?: boolean;
}

/** Summary of one outcome over all draws (uitkomst): exact amounts in the run's unit (`MonteCarloResult.unit`). @category Uncertainty */
export interface OutcomeSummary {
  /** Mean, rounded half-up to the engine unit in euros (the cent, or finer when the budget is), then given in the run's unit. */
  readonly mean: Decimal;
  /** Smallest draw. */
  readonly min: Decimal;
  /** Largest draw. */
  readonly max: Decimal;
  /** Nearest-rank percentiles by key: `p5`, `p50`, `p95`... each is one of the draws, exact. */
  readonly percentiles: Readonly<Record<string, Decimal>>;
}

/** Outcomes per year, keyed "2026". @category Uncertainty */
export type OutcomesByYear = Readonly<Record<string, OutcomeSummary>>;

/** Probabilities per year, keyed "2026", from 0 to 1. @category Uncertainty */
export type ProbabilityByYear = Readonly<Record<string, number>>;

/** Results for one target. @category Uncertainty */
export interface TargetOutcome {
  /** Target id. */
  readonly id: string;
  /** Label. */
  readonly label: string;
  /** The total of its lines per year. */
  readonly total: OutcomesByYear;
  /** The gap `minimum - total` per year (positive = shortfall, tekort). */
  readonly gap: OutcomesByYear;
  /** Probability that the target is met per year. */
  readonly probabilityMet: ProbabilityByYear;
}

/**
 * Results for one savings target of the budget (taakstelling, `budget.targets`), in positive amounts saved (in the run's unit), as
 * `evaluateTargets` computes them per draw.
 * @category Uncertainty
 */
export interface SavingsOutcome {
  /** Target id. */
  readonly id: string;
  /** Its title. */
  readonly label: string;
  /** The amount to save per year (0 in a pm year, as in `evaluateTargets`). */
  readonly target: Readonly<Record<string, Decimal>>;
  /** What the measures realise per year (gerealiseerd). */
  readonly realised: OutcomesByYear;
  /** `target - realised` per year (tekort; negative is a surplus). */
  readonly gap: OutcomesByYear;
  /** Probability that the target is met (gap at most 0) per year. */
  readonly probabilityMet: ProbabilityByYear;
}

/** The uncovered amount of the cover (ongedekt): what claims ask beyond what their sources can give. @category Uncertainty */
export interface CoverOutcome {
  /** The sum over all claims of `claimed - covered` per year. */
  readonly uncovered: OutcomesByYear;
  /** Probability that every claim is covered (uncovered is 0) per year. */
  readonly probabilityCovered: ProbabilityByYear;
}

/** The result of a Monte Carlo run. A frozen value. @category Uncertainty */
export interface MonteCarloResult {
  /** Number of draws. */
  readonly draws: number;
  /** The seed. */
  readonly seed: Seed;
  /** The unit of every amount of the result (the options' `unit`, or the budget's own). */
  readonly unit: Unit;
  /** Years, ascending. */
  readonly years: readonly number[];
  /** Percentiles reported. */
  readonly percentiles: readonly number[];
  /** The saldo (TOTAAL SALDO) per year. */
  readonly saldo: OutcomesByYear;
  /** The structural saldo per year. */
  readonly structural: OutcomesByYear;
  /** Probability that the budget is structurally in balance (structural saldo >= 0) per year. */
  readonly probabilityStructurallyBalanced: ProbabilityByYear;
  /** Per target, in the order given. */
  readonly targets: readonly TargetOutcome[];
  /** Per savings target of the budget, in its order (empty unless `savings` is on). */
  readonly savings: readonly SavingsOutcome[];
  /** The cover's uncovered amount (absent unless `cover` is on). */
  readonly cover?: CoverOutcome;
  /** Whether the savings are net of the measures' costs (the option `net`). */
  readonly net: boolean;
}
