/**
 * The targets of a Monte Carlo run (doelen): which lines count in each, and its minimum per year.
 * @packageDocumentation
 */
import { Dec, ZERO, type Decimal } from '../../core/decimal.js';
import type { IssueCollector, Path } from '../../core/errors.js';
import type { CompiledBudget } from '../../engine/compile.js';
import type { TargetSpec } from './types.js';

/** The targets compiled for a plan. @internal */
export interface PlannedTargets {
  /** Per line of the compiled budget: the targets its total counts in. */
  readonly lineTargets: readonly (readonly number[])[];
  /** Per target and year index: the minimum in euros. */
  readonly minimum: readonly (readonly Decimal[])[];
}

/** An amount in euros given as a safe integer or a decimal string; an `invalid_amount` issue otherwise. */
function readEuros(raw: string | number, path: Path, issues: IssueCollector): Decimal | undefined {
  if ((typeof raw === 'number' && Number.isSafeInteger(raw)) || (typeof raw === 'string' && /^-?\d+(?:\.\d+)?$/.test(raw))) return new Dec(raw);
  issues.add('invalid_amount', path, `${String(raw)} is not a safe integer or a decimal string`);
  return undefined;
}

/** A target's minimum per year index: one for every year, or one per year given (0 for the others). */
function minimumOf(target: TargetSpec, ti: number, compiled: CompiledBudget, issues: IssueCollector): Decimal[] {
  const mins: Decimal[] = compiled.years.map(() => ZERO);
  const m = target.minimum;
  if (m !== undefined && typeof m === 'object') {
    for (const [key, raw] of Object.entries(m)) {
      const y = compiled.yearIndexOf(Number(key));
      if (y < 0) issues.add('year_outside_horizon', ['targets', ti, 'minimum', key], `${key} is outside the horizon`);
      const v = readEuros(raw, ['targets', ti, 'minimum', key], issues);
      if (v !== undefined && y >= 0) mins[y] = v;
    }
  } else if (m !== undefined) {
    const v = readEuros(m, ['targets', ti, 'minimum'], issues);
    if (v !== undefined) mins.fill(v);
  }
  return mins;
}

/**
 * Finds the lines of each target and reads its minimum.
 * @param compiled - the budget in the plan's units
 * @param targets - the targets of the options
 * @param issues - where problems go: `duplicate_id`, `unknown_reference`, `year_outside_horizon`, `invalid_amount`
 * @internal
 */
export function planTargets(compiled: CompiledBudget, targets: readonly TargetSpec[], issues: IssueCollector): PlannedTargets {
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
    minimum.push(minimumOf(t, ti, compiled, issues));
  });
  return { lineTargets, minimum };
}
