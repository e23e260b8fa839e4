import type { NumberFormat } from '../core/amount.js';
import type { RoundingMode } from '../core/decimal.js';
import type { Unit } from '../model/budget.js';

import type { SetAmountChange } from './changes/set-amount.js';
import type { EstimatePmChange } from './changes/estimate-pm.js';
import type { DropLineChange } from './changes/drop-line.js';
import type { SetNatureChange } from './changes/set-nature.js';
import type { AddLineChange } from './changes/add-line.js';
import type { MoveAmountChange } from './changes/move-amount.js';
import type { IndexChange } from './changes/index.js';
import type { AddClaimChange } from './changes/add-claim.js';
import type { SetClaimChange } from './changes/set-claim.js';
import type { DropClaimChange } from './changes/drop-claim.js';
import type { SetCapacityChange } from './changes/set-capacity.js';
import type { SetReserveOpeningChange } from './changes/set-reserve-opening.js';
import type { SetTargetPathChange } from './changes/set-target-path.js';
import type { SetRealisationChange } from './changes/set-realisation.js';
import type { SetIndicatorChange } from './changes/set-indicator.js';
import type { SetParameterChange } from './changes/set-parameter.js';

// each change kind's type lives in its own file (changes/<kind>.ts), with its shape check and application
export type { ScenarioAmount, YearSelection, Percentage, Rate } from './changes/common.js';
export type { SetAmountChange, ValueSpec } from './changes/set-amount.js';
export type { EstimatePmChange, EstimateRange } from './changes/estimate-pm.js';
export type { DropLineChange } from './changes/drop-line.js';
export type { SetNatureChange } from './changes/set-nature.js';
export type { AddLineChange, NewComponent } from './changes/add-line.js';
export type { MoveAmountChange } from './changes/move-amount.js';
export type { IndexChange, LineSelector } from './changes/index.js';
export type { AddClaimChange, ClaimExtentSpec, NewClaim } from './changes/add-claim.js';
export type { SetClaimChange } from './changes/set-claim.js';
export type { DropClaimChange } from './changes/drop-claim.js';
export type { SetCapacityChange, CapacitySpec } from './changes/set-capacity.js';
export type { SetReserveOpeningChange } from './changes/set-reserve-opening.js';
export type { SetTargetPathChange } from './changes/set-target-path.js';
export type { SetRealisationChange, RealisationSpec } from './changes/set-realisation.js';
export type { SetIndicatorChange } from './changes/set-indicator.js';
export type { SetParameterChange, ParameterPeriodSpec } from './changes/set-parameter.js';

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
  | SetRealisationChange
  | SetIndicatorChange
  | SetParameterChange;

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
 * import type { Scenario } from 'meerjaren';
 *
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
  /**
   * Id of the scenario this one builds on (stacking), or the ids of several (combining motions without chaining
   * them): their changes come first, in the order listed, each scenario once however often it is reached.
   */
  readonly extends?: string | readonly string[];
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
