import { Dec } from '../core/decimal.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { unitFactor, type Unit } from '../model/budget.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_VALUES, checkShape } from '../document/json.js';
import { either, integer, issueCollector, oneOf, pathOf, readOptions, requireArgument } from '../core/guard.js';
import type { NumberFormat } from '../core/amount.js';
import { ShapeChecker, each, isObject, show } from './shape-checker.js';
import { choiceMessage, isChoice, isWholeNumber } from '../core/fields.js';
import { NUMBER_FORMATS } from '../core/amount.js';
import { ROUNDING_MODES } from '../core/decimal.js';
import { UNITS } from '../model/budget.js';
import { CHANGE_KINDS } from './changes/registry.js';
import type { ChangeKind } from './types.js';

const SCENARIO_FIELDS = ['$schema', 'id', 'title', 'extends', 'unit', 'numberFormat', 'rounding', 'description', 'changes'];

/** Checks one change: its kind, its fields and note, then what its kind checks (in the kind's file). */
function checkChange(check: ShapeChecker, change: unknown, path: Path): void {
  if (!isObject(change)) return check.c.add('invalid_type', path, 'a change must be an object with a kind');
  const kind = change['kind'];
  const entry = typeof kind === 'string' && Object.hasOwn(CHANGE_KINDS, kind) ? CHANGE_KINDS[kind as ChangeKind] : undefined;
  if (entry === undefined) return check.c.add('unknown_change_kind', [...path, 'kind'], `unknown change kind ${show(kind)}; use ${Object.keys(CHANGE_KINDS).join(', ')}`);
  check.fields(change, entry.fields, path);
  check.text(change['note'], [...path, 'note'], 'note', false);
  entry.shape(check, change, path);
}

/** Limits of the generic value check of {@link checkScenarioShape}. @category Scenarios */
export interface ScenarioShapeLimits {
  /** Deepest nesting. @defaultValue 32 */
  readonly maxDepth?: number;
  /** Most array elements and object keys in all. @defaultValue 1 000 000 */
  readonly maxValues?: number;
  /** Longest text (and key), in UTF-16 code units. @defaultValue 16 MiB (16 777 216) */
  readonly maxTextLength?: number;
}

/** A limit of {@link checkScenarioShape}: a whole number from 1, or `Infinity` for none (`NaN` is refused). */
const LIMIT = either(integer({ min: 1 }), oneOf([Number.POSITIVE_INFINITY]));

/**
 * Checks the shape of a scenario (without a budget): first as a value (nesting, size, `__proto__`,
 * `constructor` and `prototype` keys, functions and symbols: what `loadScenario` refuses in a document), then
 * fields, kinds, ids, amounts (in euros, by the scenario's unit), years, ranges. Records problems in `collector`
 * with paths under `prefix`. Every route to a scenario (`loadScenario`, `applyScenario`, `explain`,
 * `attributeDifference`, the scenarios of a library) checks it with this one function.
 * @param raw - the scenario as given
 * @param collector - where problems go
 * @param prefix - path of the scenario (empty for the scenario itself)
 * @param limits - nesting and size limits
 * @category Scenarios
 */
export function checkScenarioShape(raw: unknown, collector: IssueCollector, prefix: Path = [], limits: ScenarioShapeLimits = {}): void {
  requireArgument('checkScenarioShape', 'collector', collector, issueCollector);
  requireArgument('checkScenarioShape', 'prefix', prefix, pathOf);
  limits = readOptions('checkScenarioShape', limits, { maxDepth: LIMIT, maxValues: LIMIT, maxTextLength: LIMIT }, 'limits');
  const generic = new IssueCollector();
  checkShape(raw, limits.maxDepth ?? DEFAULT_MAX_DEPTH, generic, limits.maxValues ?? DEFAULT_MAX_VALUES, limits.maxTextLength ?? DEFAULT_MAX_LENGTH);
  for (const issue of generic.issues) collector.add(issue.code, [...prefix, ...issue.pathSegments], issue.message);
  // a value with forbidden keys, too deep or too large is not read further: its fields cannot be trusted
  if (generic.issues.length > 0) return;
  if (!isObject(raw)) return collector.add('invalid_type', prefix, 'a scenario must be an object { id, title, changes }');
  const format = NUMBER_FORMATS.includes(raw['numberFormat'] as NumberFormat) ? (raw['numberFormat'] as NumberFormat) : undefined;
  const unit = UNITS.includes(raw['unit'] as Unit) ? (raw['unit'] as Unit) : undefined;
  const check = new ShapeChecker(collector, format, unit === undefined ? undefined : new Dec(unitFactor(unit)));
  check.fields(raw, SCENARIO_FIELDS, prefix);
  check.id(raw['id'], [...prefix, 'id'], 'id');
  check.text(raw['title'], [...prefix, 'title'], 'title', true);
  check.text(raw['description'], [...prefix, 'description'], 'description', false);
  const parents = raw['extends'];
  if (Array.isArray(parents)) {
    if (parents.length === 0) collector.add('invalid_value', [...prefix, 'extends'], 'extends lists at least one scenario (or leave it out)');
    const listed = new Set<unknown>();
    parents.forEach((parent: unknown, k) => {
      check.id(parent, [...prefix, 'extends', k], 'extends');
      if (parent === raw['id']) collector.add('cycle', [...prefix, 'extends', k], 'a scenario cannot extend itself');
      if (listed.has(parent)) collector.add('duplicate_id', [...prefix, 'extends', k], `"${String(parent)}" is listed twice in extends`);
      listed.add(parent);
    });
  } else if (parents !== undefined) {
    check.id(parents, [...prefix, 'extends'], 'extends');
    if (parents === raw['id']) collector.add('cycle', [...prefix, 'extends'], 'a scenario cannot extend itself');
  }
  if (raw['unit'] !== undefined && !isChoice(raw['unit'], UNITS)) collector.add('invalid_value', [...prefix, 'unit'], choiceMessage('unit', UNITS, raw['unit']));
  if (raw['numberFormat'] !== undefined && format === undefined) collector.add('invalid_value', [...prefix, 'numberFormat'], choiceMessage('numberFormat', NUMBER_FORMATS, raw['numberFormat']));
  const rounding = raw['rounding'];
  if (rounding !== undefined) {
    const rp = [...prefix, 'rounding'];
    if (!isObject(rounding)) collector.add('invalid_type', rp, 'rounding must be { places, mode }');
    else {
      check.fields(rounding, ['places', 'mode'], rp);
      const places = rounding['places'];
      if (!isWholeNumber(places) || places < 0 || places > 6) collector.add('invalid_value', [...rp, 'places'], 'places must be a whole number from 0 to 6');
      if (!isChoice(rounding['mode'], ROUNDING_MODES)) collector.add('invalid_value', [...rp, 'mode'], choiceMessage('mode', ROUNDING_MODES, rounding['mode']));
    }
  }
  const changes = raw['changes'];
  if (!Array.isArray(changes)) collector.add(changes === undefined ? 'missing_field' : 'invalid_type', [...prefix, 'changes'], 'changes must be a list');
  else each(changes, (change, i) => checkChange(check, change, [...prefix, 'changes', i]));
}

