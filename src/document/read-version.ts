/**
 * Reading a version of a budget (stand): the fields of a `BudgetVersion` (name, date, decision, kind, id map), and
 * the version document `{ format: 'meerjaren/version', version: 1, name, kind, budget: { ...budget document } }`.
 * Never evaluates: the budget is read by `readBudget`, its printed totals checked by `loadVersion` (evaluate/).
 * @module
 */
import { IssueCollector, MeerjarenError, issue, type Path } from '../core/errors.js';
import { describeValue, isChoice, choiceMessage, isRecord, readText } from '../core/fields.js';
import { VERSION_KINDS, type IdMap, type VersionKind } from '../model/versions.js';
import type { Budget } from '../model/budget.js';
import { MAX_TEXT_LENGTH } from './ids.js';
import { readBudget } from './load.js';
import { parseJsonText, type JsonLimits, type ValueLimits } from './json.js';

/** The `format` of a version document. @category Documents */
export const VERSION_FORMAT = 'meerjaren/version';

/** The fields of a version other than its budget. */
export const VERSION_FIELDS = ['name', 'date', 'decision', 'kind', 'budget', 'idMap', 'mutations'] as const;

/** A version's fields as read, before its budget. @internal */
export interface VersionFields {
  readonly name: string | undefined;
  readonly date: string | undefined;
  readonly decision: string | undefined;
  readonly kind: VersionKind | undefined;
  readonly idMap: IdMap | undefined;
  /** The mutations as given (an object; their shape is checked by the scenario stage), if any. */
  readonly mutations: Record<string, unknown> | undefined;
}

/** Whether a text is a real calendar date written `yyyy-mm-dd`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Reads the fields of one version (all but its budget) at `path`, adding every problem to `issues`: unknown fields
 * (`unknown_field`), a missing name or kind (`missing_field`), a blank or overlong text or a kind outside
 * {@link VERSION_KINDS} or a date that is not `yyyy-mm-dd` (`invalid_value`), an id map that is not an object of
 * ids or null, or mutations that are not an object (`invalid_type`).
 * @param issues - where problems go
 * @param raw - the version object
 * @param path - its path (`versions[2]`)
 * @param extra - fields allowed besides {@link VERSION_FIELDS} (a document's `format`, `version`, `$schema`)
 * @internal
 */
export function readVersionFields(issues: IssueCollector, raw: Record<string, unknown>, path: Path, extra: readonly string[] = []): VersionFields {
  for (const key of Object.keys(raw)) {
    if (!(VERSION_FIELDS as readonly string[]).includes(key) && !extra.includes(key)) issues.add('unknown_field', [...path, key], `a version has no field "${key}" (it has ${VERSION_FIELDS.join(', ')})`);
  }
  const name = readText(issues, raw['name'], [...path, 'name'], true, MAX_TEXT_LENGTH);
  const decision = readText(issues, raw['decision'], [...path, 'decision'], false, MAX_TEXT_LENGTH);
  let date = readText(issues, raw['date'], [...path, 'date'], false, 10);
  if (date !== undefined && !isIsoDate(date)) {
    issues.add('invalid_value', [...path, 'date'], `a date is written yyyy-mm-dd (2025-07-03), not "${date}"`);
    date = undefined;
  }
  let kind: VersionKind | undefined;
  if (!('kind' in raw)) issues.add('missing_field', [...path, 'kind'], `a version has a kind: ${VERSION_KINDS.join(', ')}`);
  else if (isChoice(raw['kind'], VERSION_KINDS)) kind = raw['kind'];
  else issues.add('invalid_value', [...path, 'kind'], choiceMessage('kind', VERSION_KINDS, raw['kind']));
  let idMap: IdMap | undefined;
  if ('idMap' in raw) {
    const map = raw['idMap'];
    if (!isRecord(map) || Array.isArray(map)) issues.add('invalid_type', [...path, 'idMap'], `an id map is an object of line ids ({ "4.2": "4.1" }), not ${describeValue(map)}`);
    else {
      const bad = Object.entries(map).filter(([, v]) => v !== null && typeof v !== 'string');
      for (const [key, v] of bad) issues.add('invalid_type', [...path, 'idMap', key], `an id map gives an id or null, not ${describeValue(v)}`);
      if (bad.length === 0) idMap = map as IdMap;
    }
  }
  let mutations: Record<string, unknown> | undefined;
  if ('mutations' in raw && raw['mutations'] !== undefined) {
    const m = raw['mutations'];
    if (!isRecord(m) || Array.isArray(m)) issues.add('invalid_type', [...path, 'mutations'], `the mutations of a version are a scenario ({ id, title, changes }), not ${describeValue(m)}`);
    else mutations = m;
  }
  return { name, date, decision, kind, idMap, mutations };
}

/**
 * Reads a version document (its JSON text or the parsed object): the version's fields and its budget, read with
 * `readBudget` (so issues of the budget are at `budget.<path>`). A document with mutations may leave its budget
 * out (it is then derived from the version before it); without mutations the budget is required.
 * @param input - the document or its text
 * @param limits - JSON and value limits
 * @param check - the check of the budget's printed totals (from `loadVersion`)
 * @internal
 */
export function readVersionDocument(input: unknown, limits: JsonLimits & ValueLimits = {}, check?: (budget: Budget, collector: IssueCollector) => void): VersionFields & { readonly budget: Budget | undefined } {
  const raw = typeof input === 'string' ? parseJsonText(input, limits) : input;
  const issues = new IssueCollector();
  if (!isRecord(raw) || Array.isArray(raw)) {
    issues.add('invalid_type', [], `a version document is an object, not ${describeValue(raw)}`);
    issues.throwIfAny();
  }
  const doc = raw as Record<string, unknown>;
  if (doc['format'] !== VERSION_FORMAT) issues.add('invalid_value', ['format'], `a version document has format "${VERSION_FORMAT}"`);
  if (!('version' in doc)) issues.add('missing_field', ['version'], 'a version document has version 1');
  else if (!(Number(String(doc['version'])) === 1)) issues.add('unsupported_version', ['version'], `version 1 is the only version of ${VERSION_FORMAT}, not ${describeValue(doc['version'])}`);
  const fields = readVersionFields(issues, doc, [], ['$schema', 'format', 'version']);
  let budget: Budget | undefined;
  if (!('budget' in doc)) {
    if (fields.mutations === undefined) issues.add('missing_field', ['budget'], 'a version document holds its budget document at "budget" (or, with mutations, leaves it to be derived)');
  }
  else {
    try {
      budget = readBudget(doc['budget'], limits, check);
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      issues.addAll(e.issues.map((i) => issue(i.code, ['budget', ...i.pathSegments], i.message)));
    }
  }
  issues.throwIfAny();
  return { ...fields, budget };
}
