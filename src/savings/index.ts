/** Savings targets (taakstellingen) and measures (maatregelen): model, path helper, reading and evaluation. */
export { MEASURE_STATUSES } from './model.js';
export type { SavingsTarget, Measure, MeasureStatus, Realisation, ReferencePath, SavingsAmounts } from './model.js';
export { steppedPath } from './path.js';
export type { SteppedPathOptions } from './path.js';
export { readTargets, withTargets } from './read.js';
export type { WithTargetsOptions } from './read.js';
export { evaluateTargets, realisedIn } from './evaluate.js';
export type { TargetsEvaluation, TargetResult, TargetYear, MeasureResult, MeasureShortfall, ReferenceYear } from './evaluate.js';
