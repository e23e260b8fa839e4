/**
 * The check of a list of versions (standen) given to a public function: each one's fields and budget, names
 * unique, dates on all or none. Every problem at once, at `versions[i].<field>`.
 * @module
 */
import { IssueCollector, MeerjarenError, fail, type Path } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { describeValue, isObjectLike } from '../core/guard.js';
import type { VersionInput, VersionMutations } from '../model/versions.js';
import { readVersionFields } from '../document/read-version.js';
import { requireBudgetAt } from './result-checks.js';

/** The most versions one series holds. */
export const MAX_VERSIONS = 100;

/**
 * Checks a list of versions and returns them frozen, in the list's order. A version with mutations may leave out
 * its budget (the caller derives it); the mutations are checked as a scenario by the caller (a later stage).
 * @param fn - the public function's name
 * @param list - what the caller passed
 * @param param - the parameter's name (the root of every path); default `versions`
 * @internal
 */
export function requireVersions(fn: string, list: unknown, param = 'versions'): readonly VersionInput[] {
  if (!Array.isArray(list)) fail('invalid_argument', [param], `${fn}: ${param} must be a list of versions ({ name, kind, budget, date?, decision?, idMap?, mutations? }), not ${describeValue(list)}`);
  if (list.length > MAX_VERSIONS) fail('invalid_argument', [param], `${fn}: at most ${MAX_VERSIONS} versions, not ${list.length}`);
  const issues = new IssueCollector();
  const out: VersionInput[] = [];
  const names = new Map<string, number>();
  list.forEach((raw: unknown, i) => {
    const path: Path = [param, i];
    if (!isObjectLike(raw) || Array.isArray(raw)) {
      issues.add('invalid_type', path, `${fn}: a version is an object, not ${describeValue(raw)}`);
      return;
    }
    const fields = readVersionFields(issues, raw, path);
    let budget;
    if (!('budget' in raw) || raw['budget'] === undefined) {
      if (fields.mutations === undefined) issues.add('missing_field', [...path, 'budget'], `${fn}: a version has a budget (or mutations to derive it from the version before)`);
    } else {
      try {
        budget = requireBudgetAt(fn, [...path, 'budget'], raw['budget']);
      } catch (e) {
        if (!MeerjarenError.is(e)) throw e;
        issues.addAll(e.issues);
      }
    }
    if (fields.name !== undefined) {
      const seen = names.get(fields.name);
      if (seen !== undefined) issues.add('duplicate_id', [...path, 'name'], `${fn}: the name "${fields.name}" is also the name of ${param}[${seen}]`);
      else names.set(fields.name, i);
    }
    if (fields.name === undefined || fields.kind === undefined || (budget === undefined && fields.mutations === undefined)) return;
    out.push({
      name: fields.name,
      kind: fields.kind,
      ...(budget === undefined ? {} : { budget }),
      ...(fields.mutations === undefined ? {} : { mutations: fields.mutations as unknown as VersionMutations }),
      ...(fields.date === undefined ? {} : { date: fields.date }),
      ...(fields.decision === undefined ? {} : { decision: fields.decision }),
      ...(fields.idMap === undefined ? {} : { idMap: fields.idMap }),
    });
  });
  const dated = list.map((raw: unknown) => isObjectLike(raw) && (raw as { date?: unknown }).date !== undefined);
  if (dated.includes(true) && dated.includes(false)) {
    dated.forEach((has, i) => {
      if (!has) issues.add('missing_field', [param, i, 'date'], `${fn}: every version has a date or none has (the series is ordered by them)`);
    });
  }
  issues.throwIfAny();
  return out.map((v) => deepFreeze(v));
}
