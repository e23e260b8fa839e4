/**
 * The unit of a run's amounts (eenheid): what a user writes for a Monte Carlo run or a tornado table (the
 * distributions of `amount` and `capacity` inputs, the targets' minimums) and what the results give (percentiles,
 * means, swings, gaps) are in the budget's own unit (`budget.presentation.unit`) unless the options declare another
 * (`unit`); an input may declare its own. Written amounts are converted exactly to euros, in whole cents, before a
 * run draws (so the draws are those of the same amounts written in euros); results are scaled exactly from euros.
 * @packageDocumentation
 */
import { Dec, plainString, type Decimal } from '../../core/decimal.js';
import type { IssueCollector, Path } from '../../core/errors.js';
import { UNITS, unitFactor, type Unit } from '../../model/values.js';
import type { Budget } from '../../model/budget.js';
import { mapSpecAmounts } from '../distribution.js';
import type { UncertainInput } from './types.js';

/** An amount as written: a plain decimal text (`"-1500"`, `"2.5"`). */
const PLAIN_AMOUNT = /^-?\d+(?:\.\d+)?$/;

/** The decimals of a unit factor (0 for euros, 3 for thousands, 6 for millions). */
const FACTOR_DECIMALS: Readonly<Record<Unit, number>> = Object.freeze({ euro: 0, thousand: 3, million: 6 });

/** Words for a unit in messages. */
const UNIT_WORDS: Readonly<Record<Unit, string>> = Object.freeze({ euro: 'euros', thousand: 'x € 1.000', million: 'x € 1 mln' });

/** A declared unit when it is one of the units (a bad one is reported by the option checks), else `fallback`. */
function unitOr(unit: unknown, fallback: Unit): Unit {
  return (UNITS as readonly unknown[]).includes(unit) ? (unit as Unit) : fallback;
}

/**
 * The unit of a run: the options' `unit` when it is one of the units, else the budget's own.
 * @param unit - the options' `unit` (checked by the option checks)
 * @param source - the budget
 * @internal
 */
export function runUnitOf(unit: unknown, source: Budget): Unit {
  return unitOr(unit, source.presentation.unit);
}

/**
 * A written amount in euros, exactly: `raw` (a plain decimal text or a safe integer) times the unit's factor.
 * `too_many_decimals` at `path` when that is not a whole number of cents. Undefined for a value that is not an
 * amount (the caller reports it as it was written).
 * @param raw - the amount as written
 * @param unit - the unit it is written in
 * @param path - where it sits
 * @param issues - where problems go
 * @internal
 */
export function amountInEuros(raw: unknown, unit: Unit, path: Path, issues: IssueCollector): Decimal | undefined {
  if (!((typeof raw === 'string' && PLAIN_AMOUNT.test(raw)) || (typeof raw === 'number' && Number.isSafeInteger(raw)))) return undefined;
  const written = new Dec(raw);
  // more decimals than cents and the factor hold cannot be whole cents: refused before the product is formed
  if (written.decimalPlaces() > 2 + FACTOR_DECIMALS[unit]) {
    issues.add('too_many_decimals', path, `${String(raw)} (${UNIT_WORDS[unit]}) is not a whole number of cents: Monte Carlo amounts are whole cents`);
  }
  return written.times(unitFactor(unit));
}

/**
 * An input with its distribution's amounts in euros (for `amount` and `capacity` inputs; the others draw rates and
 * are returned as they are). `invalid_value` at `inputs[j].unit` for a unit on an input that draws a rate.
 * @param input - the input as given
 * @param j - its index
 * @param runUnit - the run's unit
 * @param issues - where problems go
 * @internal
 */
export function inputInEuros(input: UncertainInput, j: number, runUnit: Unit, issues: IssueCollector): UncertainInput {
  const isAmount = input.kind === 'amount' || input.kind === 'capacity';
  if (input.unit !== undefined && !isAmount && (UNITS as readonly unknown[]).includes(input.unit)) {
    issues.add('invalid_value', ['inputs', j, 'unit'], `a ${String(input.kind)} input draws a rate, which has no unit: leave unit out`);
  }
  if (!isAmount) return input;
  const unit = unitOr(input.unit, runUnit);
  const distribution = mapSpecAmounts(input.distribution, ['inputs', j, 'distribution'], (raw, path) => {
    const euros = amountInEuros(raw, unit, path, issues);
    return euros === undefined ? raw : plainString(euros);
  });
  return { ...input, distribution: distribution as UncertainInput['distribution'] };
}

/**
 * An amount in euros in the unit `unit`, exactly (a decimal shift).
 * @param euros - the amount in euros
 * @param unit - the unit of the results
 * @internal
 */
export function inUnit(euros: Decimal, unit: Unit): Decimal {
  return unit === 'euro' || euros.isZero() ? euros : euros.div(unitFactor(unit));
}
