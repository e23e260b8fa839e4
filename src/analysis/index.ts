/** Analysis of scenarios against their baseline (after evaluation): comparison, attribution, side-by-side tables. */
export { compareScenarios } from './compare.js';
export type {
  Comparable,
  ScenarioComparison,
  RowDifference,
  YearDifference,
  AmountDifference,
  CoverDifference,
  SourceDifference,
  SourceYearDifference,
  TargetDifference,
  TargetYearDifference,
} from './compare.js';
export { attributeDifference, allocateExactly } from './attribution.js';
export type { Attribution, AttributionShare, AttributionGroup, AttributionOptions } from './attribution.js';
export { scenarioTable } from './scenario-table.js';
export type { ScenarioTableOptions, ScenarioMeasure } from './scenario-table.js';
