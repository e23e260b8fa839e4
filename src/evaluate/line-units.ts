/**
 * Every line total of an evaluation as exact integers of the engine's unit: the read of all line totals that
 * needs no Decimal per cell.
 * @packageDocumentation
 */
import { fail } from '../core/errors.js';
import { describeValue } from '../core/guard.js';
import type { Evaluation } from '../model/evaluation.js';
import { enginesOf } from './line-results.js';

/**
 * Every line total of every year in integer units (regeltotalen in rekeneenheden): exact, with no Decimal per
 * cell. Cell `line * years.length + yearIndex` of each array is the total of line `lineIds[line]` in
 * `years[yearIndex]`; an amount in euros is `units / 10^decimals`.
 *
 * @remarks
 * Float64 integers (exact: every total stays within 2^53 units), or BigInts when the budget is too large for
 * that (`wide`). The arrays are copies that belong to the caller: changing them changes nothing in the
 * evaluation.
 * @category Evaluation
 */
export interface LineTotalUnits {
  /** A unit is `10^-decimals` euro. */
  readonly decimals: number;
  /** Whether the arrays hold BigInts (a budget whose totals could pass 2^53 units). */
  readonly wide: boolean;
  /** Years, ascending. */
  readonly years: readonly number[];
  /** Line ids in document order. */
  readonly lineIds: readonly string[];
  /** The line totals (amount = structural + incidental), in units. */
  readonly amount: Float64Array | bigint[];
  /** Their structural parts (structureel), in units. */
  readonly structural: Float64Array | bigint[];
  /** Their incidental parts (incidenteel), in units. */
  readonly incidental: Float64Array | bigint[];
  /** Number of filled cells (amounts and pm) in each total: 0 for a total printed blank. */
  readonly filled: Int32Array;
  /** Number of pm cells in each total. */
  readonly pm: Int32Array;
}

/**
 * Every line total of an evaluation as integer units: the cheap read of all of them (a table of every line, an
 * export), where reading `evaluation.lines` would build a frozen `Total` with Decimals per cell.
 * @param evaluation - a result of `evaluate`
 * @throws MeerjarenError `invalid_argument` for a value that is not a result of `evaluate`
 * @category Evaluation
 */
export function lineTotalUnits(evaluation: Evaluation): LineTotalUnits {
  const engine = typeof evaluation === 'object' && evaluation !== null ? enginesOf.get(evaluation) : undefined;
  if (engine === undefined) fail('invalid_argument', ['evaluation'], `lineTotalUnits: evaluation must be a result of evaluate(), not ${describeValue(evaluation)}`);
  const c = engine.compiled;
  const { structural, incidental, filled, pm } = engine.lineUnits();
  let amount: Float64Array | bigint[];
  if (structural instanceof Float64Array) {
    const inc = incidental as Float64Array;
    const sum = new Float64Array(structural.length);
    for (let i = 0; i < sum.length; i++) sum[i] = structural[i]! + inc[i]! || 0;
    amount = sum;
  } else {
    const inc = incidental as bigint[];
    amount = structural.map((s, i) => s + inc[i]!);
  }
  return Object.freeze({ decimals: c.decimals, wide: !(structural instanceof Float64Array), years: c.years, lineIds: c.lineIds, amount, structural, incidental, filled, pm });
}
