import type { NumberFormat } from '../core/amount.js';
import type { RoundingMode } from '../core/decimal.js';
import type { Nature, Unit } from '../model/budget.js';

/**
 * An amount as a scenario writes it: an exact decimal string (`"-1100"`, `"1083.5"`) or a safe integer,
 * in the scenario's {@link Scenario.unit}, meaning the effect on the saldo (positive = voordeel).
 * @category Scenarios
 */
export type ScenarioAmount = string | number;

/**
 * Which years a change applies to (jaren): a list of years, or a run `{ from, to }` (both inclusive;
 * `to` defaults to the last year of the horizon).
 * @category Scenarios
 */
export type YearSelection =
  | readonly number[]
  | {
      /** First year (inclusive). */
      readonly from: number;
      /** Last year (inclusive); defaults to the last year of the horizon. */
      readonly to?: number;
    };

/**
 * A percentage (percentage), written like an amount: `"50"` is 50 %, `"2.5"` is 2,5 %.
 * @category Scenarios
 */
export type Percentage = string | number;

/**
 * The new value of a cell in a {@link SetAmountChange}:
 * - an amount (`"-1100"`): the cell becomes that amount (absolute);
 * - `{ percent }`: the cell becomes that percentage of what it was (`{ percent: "50" }` halves it: a measure realising 50 %);
 * - `{ add }`: the amount is added to the cell (a nil cell counts as 0);
 * - `'pm'`, `'-pm'`, `'+pm'`: the cell becomes a pm post (with a known direction for `-pm` nadeel / `+pm` voordeel);
 * - `null`: the cell becomes nil (blank).
 * @category Scenarios
 */
export type ValueSpec =
  | ScenarioAmount
  | {
      /** The cell becomes this percentage of what it was (`"50"` halves it). */
      readonly percent: Percentage;
    }
  | {
      /** Amount added to the cell (a nil cell counts as 0). */
      readonly add: ScenarioAmount;
    }
  | 'pm'
  | '-pm'
  | '+pm'
  | null;

/** Set or adjust the amount of a line's own row or a component for some years (bedrag wijzigen). @category Scenarios */
export interface SetAmountChange {
  /** Discriminant. */
  readonly kind: 'set-amount';
  /**
   * A line id (its own row) or a component id. With `{ percent }` a line id scales the whole line (own row and
   * components); an absolute amount on a line that has components must name a component.
   */
  readonly line: string;
  /** Years the change applies to. */
  readonly years: YearSelection;
  /** The new value. */
  readonly value: ValueSpec;
  /** A note for reports. */
  readonly note?: string;
}

/** A three-point estimate (bandbreedte) of a pm post: low, likely and high, in the scenario's unit. @category Scenarios */
export interface EstimateRange {
  /** Lowest (most nadelig) plausible amount. */
  readonly low: ScenarioAmount;
  /** Most likely amount; the scenario's budget uses it. */
  readonly likely: ScenarioAmount;
  /** Highest (most voordelig) plausible amount. */
  readonly high: ScenarioAmount;
}

/** Give a pm post an estimate (raming van een pm-post): one amount, or a range for uncertainty analysis. @category Scenarios */
export interface EstimatePmChange {
  /** Discriminant. */
  readonly kind: 'estimate-pm';
  /** The line (own row) or component whose pm cells get the estimate. */
  readonly line: string;
  /** Years; by default every year in which the row is pm. Every selected year must be pm. */
  readonly years?: YearSelection;
  /** The estimate: one amount, or a range whose `likely` value the budget uses. */
  readonly value: ScenarioAmount | EstimateRange;
  /** A note for reports. */
  readonly note?: string;
}

/** Remove a line and its components (regel schrappen), such as seed 001's motion 2506-84 dropping 4.1. @category Scenarios */
export interface DropLineChange {
  /** Discriminant. */
  readonly kind: 'drop-line';
  /** The line id. */
  readonly line: string;
  /** A note for reports. */
  readonly note?: string;
}

/**
 * Mark a line (with its components) or one component incidental or structural (aard wijzigen): an estimate for a
 * pm post that recurs every year is a structural cost, whatever the table said while it was pm.
 * @example `{ kind: 'set-nature', line: '1.4', nature: 'structural' }`
 * @category Scenarios
 */
export interface SetNatureChange {
  /** Discriminant. */
  readonly kind: 'set-nature';
  /** The line or component id; a line's components follow it. */
  readonly line: string;
  /** The new nature. */
  readonly nature: Nature;
  /** A note for reports. */
  readonly note?: string;
}

/** A component of an added line. @category Scenarios */
export interface NewComponent {
  /** Id; defaults to `<line id>#<n>`. */
  readonly id?: string;
  /** Title. */
  readonly title: string;
  /** Incidental or structural; defaults to the line's. */
  readonly nature?: Nature;
  /** Free labels. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Values by year (`"2026": "-500"`, `"pm"`). */
  readonly values: Readonly<Record<string, ScenarioAmount>>;
}

/** Add a line to a section (regel toevoegen). @category Scenarios */
export interface AddLineChange {
  /** Discriminant. */
  readonly kind: 'add-line';
  /** The section id. */
  readonly section: string;
  /** Insert after this line of the section; at the end by default. */
  readonly after?: string;
  /** The new line. */
  readonly line: {
    /** Id, unique among lines and components. */
    readonly id: string;
    /** Title. */
    readonly title: string;
    /** Incidental or structural. */
    readonly nature: Nature;
    /** Free labels (goal, taakveld, maatregel). */
    readonly tags?: Readonly<Record<string, string>>;
    /** Values of the own row by year (`"2026": "-500"`, `"pm"`). */
    readonly values?: Readonly<Record<string, ScenarioAmount>>;
    /** Components. */
    readonly components?: readonly NewComponent[];
  };
  /** A note for reports. */
  readonly note?: string;
}

/**
 * Move an amount between lines without changing the total (technische begrotingswijziging, budgettair neutraal):
 * `from` becomes `from - amount`, `to` becomes `to + amount`, in the saldo meaning.
 *
 * @remarks
 * To move an expense budget (a nadeel, written negative) write a negative amount: moving EUR 125.000
 * Integrale Vroeghulp from goal 2.1 to 2.2 is `amount: "-125"` (x EUR 1.000): the 2.1 line's cost falls by
 * 125, the 2.2 line's rises by 125.
 * @category Scenarios
 */
export interface MoveAmountChange {
  /** Discriminant. */
  readonly kind: 'move-amount';
  /** Line (own row) or component the amount leaves. */
  readonly from: string;
  /** Line (own row) or component the amount goes to. */
  readonly to: string;
  /** Years. */
  readonly years: YearSelection;
  /** The amount moved, in the scenario's unit. */
  readonly amount: ScenarioAmount;
  /** A note for reports. */
  readonly note?: string;
}

/** Which lines an {@link IndexChange} applies to: by id, by tag, or both (a line matching either is selected). @category Scenarios */
export interface LineSelector {
  /** Line ids (the whole line) or component ids. */
  readonly lines?: readonly string[];
  /** Tags a line or component must all carry (`{ goal: "2.1" }`). */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Index a set of lines by a percentage per year (indexatie), compounding: the factor of a year is the product
 * of `1 + rate/100` over every indexed year up to and including it.
 *
 * @remarks
 * Indexation is applied after every level change of the scenario (set, estimate, move, add, drop), to the
 * resulting amounts: level changes are written in the prices of the base table, indexation puts them in the
 * prices of each year. So a change that starts in 2028 never freezes indexation in 2026 or 2027, and two index
 * changes on the same line multiply. pm and nil cells are not indexed. Each indexed cell is rounded once, to
 * the scenario's {@link Scenario.rounding}.
 * @category Scenarios
 */
export interface IndexChange {
  /** Discriminant. */
  readonly kind: 'index';
  /** The lines indexed. */
  readonly select: LineSelector;
  /** Percentage per year (`{ "2027": "2.5", "2028": "3" }`); years without a rate have rate 0. */
  readonly rates: Readonly<Record<string, Percentage>>;
  /**
   * Income and expense rows that belong together (gekoppelde baten en lasten), as `[incomeId, expenseId]` pairs:
   * indexing one side of a pair without the other is an error (`unlinked_indexation` at `links[n]`), so income is
   * never indexed while the spending it pays for is not.
   */
  readonly links?: readonly (readonly [string, string])[];
  /** Whether the `links` are enforced. @defaultValue true when `links` is given */
  readonly requireLinked?: boolean;
  /** A note for reports. */
  readonly note?: string;
}

/**
 * A rate (fractie) as the cover and savings documents write it: `"0.5"` is half, `"1"` everything.
 * @category Scenarios
 */
export type Rate = string | number;

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

/** Remove a claim (dekking schrappen): the row's cost is no longer covered by that source. @category Scenarios */
export interface DropClaimChange {
  /** Discriminant. */
  readonly kind: 'drop-claim';
  /** Id of the claim. */
  readonly claim: string;
  /** A note for reports. */
  readonly note?: string;
}

/**
 * A capacity as a scenario writes it (capaciteit), like the cover document: `{ perYear }` amounts per year,
 * `{ total, from? }` one amount used in year order, `{ line, years? }` the voordeel of a budget line, `'balance'`
 * (a reserve's balance) or `'unlimited'`. Amounts are positive, in the scenario's unit.
 * @category Scenarios
 */
export type CapacitySpec =
  | {
      /** Capacity per year (per jaar), keyed by year, positive, in the scenario's unit. */
      readonly perYear: Readonly<Record<string, ScenarioAmount>>;
    }
  | {
      /** One total amount (totaalbedrag), used in year order, positive, in the scenario's unit. */
      readonly total: ScenarioAmount;
      /** First year the total may be used in; defaults to the first year of the horizon. */
      readonly from?: number;
    }
  | {
      /** Id of the budget line whose voordeel is the capacity. */
      readonly line: string;
      /** Years in which that voordeel counts; defaults to every year. */
      readonly years?: readonly number[];
    }
  | 'balance'
  | 'unlimited';

/**
 * Change what a cover source can give (capaciteit wijzigen): either a whole new `capacity`, or, for a source with a
 * capacity per year, a new `value` in some `years`.
 *
 * @example
 * ```json
 * { "kind": "set-capacity", "source": "oekraine", "capacity": { "perYear": { "2025": "2000" } } }
 * { "kind": "set-capacity", "source": "du-noodopvang", "years": { "from": 2028 }, "value": "0" }
 * ```
 * @category Scenarios
 */
export interface SetCapacityChange {
  /** Discriminant. */
  readonly kind: 'set-capacity';
  /** Id of the source. */
  readonly source: string;
  /** The new capacity (replaces the old one in every year). */
  readonly capacity?: CapacitySpec;
  /** With `value`: the years whose per-year capacity changes. */
  readonly years?: YearSelection;
  /** With `years`: the new capacity in those years, positive, in the scenario's unit. */
  readonly value?: ScenarioAmount;
  /** A note for reports. */
  readonly note?: string;
}

/** Change the opening balance of a reserve (beginstand reserve wijzigen). @category Scenarios */
export interface SetReserveOpeningChange {
  /** Discriminant. */
  readonly kind: 'set-reserve-opening';
  /** Id of the reserve source. */
  readonly source: string;
  /** The new opening balance, zero or positive, in the scenario's unit. */
  readonly value: ScenarioAmount;
  /** A note for reports. */
  readonly note?: string;
}

/**
 * Change a savings target's path (pad van de taakstelling wijzigen) in some years: a new amount to save (positive,
 * in the scenario's unit), `'pm'` (the target is open: seed 004's advice to book the Hervormingsagenda savings
 * from 2028 as pm), or `null` (no target that year).
 * @category Scenarios
 */
export interface SetTargetPathChange {
  /** Discriminant. */
  readonly kind: 'set-target-path';
  /** Id of the target. */
  readonly target: string;
  /** Years. */
  readonly years: YearSelection;
  /** The new amount, `'pm'` or `null`. */
  readonly value: ScenarioAmount | 'pm' | null;
  /** A note for reports. */
  readonly note?: string;
}

/**
 * What a measure realises (realisatie), as a scenario writes it, like the savings document:
 * - `'as-planned'`: everything, in the planned years; `'none'`: nothing;
 * - `{ rate }`: a share of the plan each year (`"0.5"`); above 1 only with `abovePlan: true`;
 * - `{ amount }`: amounts per year in the scenario's unit (years not listed deliver the plan); above the plan only
 *   with `abovePlan: true`;
 * - `{ delay, rate? }`: the plan `delay` whole years later, optionally times a rate.
 * @category Scenarios
 */
export type RealisationSpec =
  | 'as-planned'
  | 'none'
  | {
      /** Share of the plan realised each year (`"0.5"` = half). */
      readonly rate: Rate;
      /** Whether more than the plan (a rate above 1) is intended. */
      readonly abovePlan?: boolean;
    }
  | {
      /** Realised amount per year, keyed by year, in the scenario's unit; years not listed deliver the plan. */
      readonly amount: Readonly<Record<string, ScenarioAmount>>;
      /** Whether more than the plan is intended. */
      readonly abovePlan?: boolean;
    }
  | {
      /** Whole years of delay (vertraging): the plan is realised this many years later. */
      readonly delay: number;
      /** Share of the delayed plan realised; defaults to all of it. */
      readonly rate?: Rate;
      /** Whether more than the plan (a rate above 1) is intended. */
      readonly abovePlan?: boolean;
    };

/** Set what measures of a savings target realise (realisatie van maatregelen): a rate, an amount, nothing, or a delay. @category Scenarios */
export interface SetRealisationChange {
  /** Discriminant. */
  readonly kind: 'set-realisation';
  /** Id of the target. */
  readonly target: string;
  /** Id(s) of the measures; every measure of the target when left out. */
  readonly measures?: readonly string[];
  /** What they realise. */
  readonly realisation: RealisationSpec;
  /** A note for reports. */
  readonly note?: string;
}

/** One change of a scenario (scenariowijziging), tagged by `kind`. @category Scenarios */
export type Change =
  | SetAmountChange
  | EstimatePmChange
  | DropLineChange
  | SetNatureChange
  | AddLineChange
  | MoveAmountChange
  | IndexChange
  | AddClaimChange
  | SetClaimChange
  | DropClaimChange
  | SetCapacityChange
  | SetReserveOpeningChange
  | SetTargetPathChange
  | SetRealisationChange;

/** The change kinds that act on cover (dekking) and savings targets (taakstellingen), not on budget lines. @category Scenarios */
export type CoverOrTargetChange = AddClaimChange | SetClaimChange | DropClaimChange | SetCapacityChange | SetReserveOpeningChange | SetTargetPathChange | SetRealisationChange;

/** The kinds of {@link Change}. @category Scenarios */
export type ChangeKind = Change['kind'];

/** How computed amounts (percentages, indexation) are rounded (afronding). @category Scenarios */
export interface ScenarioRounding {
  /** Decimal places in euros. @defaultValue 2 */
  readonly places: number;
  /** Rounding rule. @defaultValue 'half-up' */
  readonly mode: RoundingMode;
}

/**
 * A scenario (scenario, variant): a named list of changes to a baseline budget. Plain data: it survives a JSON
 * round trip unchanged.
 *
 * @example
 * ```ts
 * const motion: Scenario = {
 *   id: 'motie-2506-84', title: 'Motie 2506-84: geen verschraling preventieve zorg',
 *   changes: [
 *     { kind: 'drop-line', line: '4.1' },
 *     { kind: 'set-amount', line: 'G.4.2', years: { from: 2026 }, value: { add: '234' } },
 *   ],
 * };
 * ```
 * @category Scenarios
 */
export interface Scenario {
  /** Id, unique in a library. */
  readonly id: string;
  /** Title for reports. */
  readonly title: string;
  /** Id of the scenario this one builds on (stacking): its changes come first. */
  readonly extends?: string;
  /** Unit of the amounts written in this scenario. @defaultValue the budget's unit */
  readonly unit?: Unit;
  /** Notation of amount strings. @defaultValue unambiguous plain decimals only */
  readonly numberFormat?: NumberFormat;
  /** Rounding of computed amounts. @defaultValue `{ places: 2, mode: 'half-up' }` */
  readonly rounding?: ScenarioRounding;
  /** Free description. */
  readonly description?: string;
  /** The changes, applied in this order (indexation last; see {@link IndexChange}). */
  readonly changes: readonly Change[];
}

/** Scenarios that others may extend, as a list or by id (scenariobibliotheek). @category Scenarios */
export type ScenarioLibrary = readonly Scenario[] | Readonly<Record<string, Scenario>>;
