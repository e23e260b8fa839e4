/**
 * The targets of a Monte Carlo run (doelen): which lines count in each, and its minimum per year.
 * @packageDocumentation
 */
import { ZERO, type Decimal } from '../../core/decimal.js';
import type { IssueCollector, Path } from '../../core/errors.js';
import type { CompiledBudget } from '../../engine/compile.js';
import type { Unit } from '../../model/values.js';
import { amountInEuros } from './amount-unit.js';
import type { TargetSpec } from './types.js';

/** The targets compiled for a plan. @internal */
export interface PlannedTargets {
  /** Per line of the compiled budget: the targets its total counts in. */
  readonly lineTargets: readonly (readonly number[])[];
  /** Per target and year index: the minimum in euros. */
  readonly minimum: readonly (readonly Decimal[])[];
}

/**
 * A minimum in `unit` given as a safe integer or a decimal string, in euros; an `invalid_amount` issue otherwise,
 * `too_many_decimals` when it is not whole cents.
 */
function readEuros(raw: string | number, unit: Unit, path: Path, issues: IssueCollector): Decimal | undefined {
  const euros = amountInEuros(raw, unit, path, issues);
  if (euros === undefined) issues.add('invalid_amount', path, `${String(raw)} is not a safe integer or a decimal string`);
  return euros;
}

/** A target's minimum per year index: one for every year, or one per year given (0 for the others). */
function minimumOf(target: TargetSpec, ti: number, compiled: CompiledBudget, unit: Unit, issues: IssueCollector): Decimal[] {
  const mins: Decimal[] = compiled.years.map(() => ZERO);
  const m = target.minimum;
  if (m !== undefined && typeof m === 'object') {
    for (const [key, raw] of Object.entries(m)) {
      const y = compiled.yearIndexOf(Number(key));
      if (y < 0) issues.add('year_outside_horizon', ['targets', ti, 'minimum', key], `${key} is outside the horizon`);
      const v = readEuros(raw, unit, ['targets', ti, 'minimum', key], issues);
      if (v !== undefined && y >= 0) mins[y] = v;
    }
  } else if (m !== undefined) {
    const v = readEuros(m, unit, ['targets', ti, 'minimum'], issues);
    if (v !== undefined) mins.fill(v);
  }
  return mins;
}

/**
 * Finds the lines of each target and reads its minimum.
 * @param compiled - the budget in the plan's units
 * @param targets - the targets of the options
 * @param unit - the unit their minimums are written in
 * @param issues - where problems go: `duplicate_id`, `unknown_reference`, `year_outside_horizon`, `invalid_amount`,
 *   `too_many_decimals`
 * @internal
 */
export function planTargets(compiled: CompiledBudget, targets: readonly TargetSpec[], unit: Unit, issues: IssueCollector): PlannedTargets {
  const lineTargets: number[][] = compiled.lineIds.map(() => []);
  const minimum: Decimal[][] = [];
  const seen = new Set<string>();
  targets.forEach((t, ti) => {
    if (seen.has(t.id)) issues.add('duplicate_id', ['targets', ti, 'id'], `target id "${t.id}" is used twice`);
    seen.add(t.id);
    const covered = new Set<number>();
    (t.lines ?? []).forEach((id, k) => {
      const l = compiled.lineOf(id);
      if (l < 0) issues.add('unknown_reference', ['targets', ti, 'lines', k], `no line "${id}"`);
      else covered.add(l);
    });
    (t.sections ?? []).forEach((id, k) => {
      const s = compiled.sectionOf(id);
      if (s < 0) issues.add('unknown_reference', ['targets', ti, 'sections', k], `no section "${id}"`);
      else for (let l = compiled.sectionFirstLine[s]!; l < compiled.sectionFirstLine[s + 1]!; l++) covered.add(l);
    });
    for (const l of covered) lineTargets[l]!.push(ti);
    minimum.push(minimumOf(t, ti, compiled, unit, issues));
  });
  return { lineTargets, minimum };
}
