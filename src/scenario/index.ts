/**
 * Scenarios (scenario's): immutable variants of a budget, compared and explained.
 * @packageDocumentation
 */
export type {
  Scenario,
  ScenarioLibrary,
  Change,
  ChangeKind,
  SetAmountChange,
  EstimatePmChange,
  EstimateRange,
  DropLineChange,
  SetNatureChange,
  AddLineChange,
  NewComponent,
  MoveAmountChange,
  IndexChange,
  LineSelector,
  ValueSpec,
  ScenarioAmount,
  Percentage,
  YearSelection,
  ScenarioRounding,
  Rate,
  CoverOrTargetChange,
  AddClaimChange,
  SetClaimChange,
  DropClaimChange,
  NewClaim,
  ClaimExtentSpec,
  SetCapacityChange,
  CapacitySpec,
  SetReserveOpeningChange,
  SetTargetPathChange,
  SetRealisationChange,
  SetIndicatorChange,
  SetParameterChange,
  ParameterPeriodSpec,
  RealisationSpec,
} from './types.js';
export { loadScenario } from './load.js';
export type { LoadScenarioOptions } from './load.js';
export { checkScenarioShape } from './shape.js';
export type { ScenarioShapeLimits } from './shape.js';
export type { ApplyOptions, ScenarioResult, TouchedCell, TouchedItem } from './apply.js';
export type { ItemKind } from './cover-targets.js';
export type { ChangeConflict, EstimateRangeResult } from './engine.js';
export { DEFAULT_ROUNDING } from './resolve.js';
export { explain } from './explain.js';
export type { Explanation, ExplanationStep, ExplainAt, Figure } from './explain.js';
export type { IndexLink } from './links.js';
