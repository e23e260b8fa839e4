/**
 * The limits and option checks of a Monte Carlo run, and its budget argument (re-exported from `plan.ts`).
 * @packageDocumentation
 */
import type { Budget } from '../../model/budget.js';
import { isCompiledBudget, type CompiledBudget } from '../../engine/compile.js';
import { anything, arrayOf, boolean, either, finiteNumber, integer, object, oneOf, text, type OptionSpec } from '../../core/guard.js';
import { UNITS } from '../../model/values.js';
import { MAX_YEAR, MIN_YEAR } from '../../core/horizon.js';
import { requireBudget } from '../../validate/admit.js';
import { ROUNDING } from '../../validate/result-checks.js';

/** The most draws of one run (`draws`). */
export const MAX_DRAWS = 10_000_000;

/** The most outcome values a run keeps (`draws` x years x outcomes, 8 bytes each): 2^26, 512 MiB. */
export const MAX_RUN_VALUES = 2 ** 26;

/** The most uncertain inputs of one run (`inputs`). */
export const MAX_INPUTS = 10_000;

/** The most inputs of a run's rank correlation (`correlation.inputs`; the matrix has this many rows and columns). */
export const MAX_CORRELATED_INPUTS = 100;

/** The most targets of one run (`targets`), and the most percentiles (`percentiles`). */
export const MAX_TARGETS = 1000;

const ID = text({ nonEmpty: true });
const IDS = arrayOf(ID);
const YEAR = integer({ min: MIN_YEAR, max: MAX_YEAR });

/** The unit of a run's amounts, or of one input's. @internal */
export const UNIT = oneOf(UNITS);

/** The checks of one uncertain input (its distribution is checked by `validateDistribution`). @internal */
export const INPUT_SPEC: OptionSpec = {
  id: anything,
  label: text(),
  kind: anything,
  rows: IDS,
  lines: IDS,
  years: arrayOf(YEAR),
  distribution: anything,
  group: ID,
  baseYear: YEAR,
  target: ID,
  measure: ID,
  source: ID,
  unit: UNIT,
  indicator: ID,
  parameter: ID,
  from: text({ nonEmpty: true }),
  places: integer({ min: 0, max: 6 }),
};

/** The checks of one target of a run. @internal */
export const TARGET_SPEC: OptionSpec = {
  id: anything,
  label: text(),
  lines: IDS,
  sections: IDS,
  minimum: either(text({ nonEmpty: true }), integer(), object()),
};

/** The shape checks of a run's rank correlation (what it means is checked by `readCorrelation`). @internal */
export const CORRELATION_SPEC: OptionSpec = {
  inputs: arrayOf(ID, { maxLength: MAX_CORRELATED_INPUTS }),
  matrix: arrayOf(arrayOf(finiteNumber({ min: -1, max: 1 }), { maxLength: MAX_CORRELATED_INPUTS }), { maxLength: MAX_CORRELATED_INPUTS }),
};

/** The checks of {@link MonteCarloOptions}. @internal */
export const MONTE_CARLO_OPTIONS: OptionSpec = {
  inputs: arrayOf(object(INPUT_SPEC), { maxLength: MAX_INPUTS }),
  draws: integer({ min: 1, max: MAX_DRAWS }),
  seed: either(integer(), text()),
  percentiles: arrayOf(finiteNumber({ min: 0, max: 100 }), { maxLength: MAX_TARGETS }),
  targets: arrayOf(object(TARGET_SPEC), { maxLength: MAX_TARGETS }),
  rounding: ROUNDING,
  unit: UNIT,
  savings: boolean,
  cover: boolean,
  correlation: object(CORRELATION_SPEC),
  net: boolean,
};

/**
 * The budget argument of a run: a budget compiled by `compileBudget`, or a budget (admitted or validated).
 * @internal
 */
export function requireRunBudget(fn: string, budget: unknown): Budget | CompiledBudget {
  return isCompiledBudget(budget) ? budget : requireBudget(fn, 'budget', budget);
}
