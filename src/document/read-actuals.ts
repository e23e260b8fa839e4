/**
 * Reading an actuals document (realisatie uit de jaarrekening): `{ format: 'meerjaren/actuals', version: 1, title,
 * unit, numberFormat?, sign?, years: [2025], lines: { "1.4": { "2025": "-1.050" } } }`. Never evaluates: the ids
 * are checked against a budget only when the actuals are set against one (`compareActuals`, `forecast`).
 * @module
 */
import { NUMBER_FORMATS, readAmount } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { describeValue, isRecord, isWholeNumber, readChoice, readText } from '../core/fields.js';
import { readOptions } from '../core/guard.js';
import { MAX_HORIZON_YEARS, MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { idRecord } from '../core/records.js';
import type { Actuals, LineActuals } from '../model/actuals.js';
import { SIGN_CONVENTIONS, UNITS, unitFactor } from '../model/values.js';
import { checkKeys, idProblem, idRuleText, MAX_TEXT_LENGTH } from './ids.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_VALUES, JSON_LIMITS, MAX_VALUES_OPTION, checkShape, parseJsonText, type JsonLimits, type ValueLimits } from './json.js';

/** The `format` of an actuals document. @category Documents */
export const ACTUALS_FORMAT = 'meerjaren/actuals';

/** The fields of an actuals document. */
const ACTUALS_FIELDS = ['$schema', 'format', 'version', 'title', 'unit', 'numberFormat', 'sign', 'years', 'lines'] as const;

/** Options of {@link loadActuals}: the limits of a document. @category Documents */
export interface LoadActualsOptions extends JsonLimits, ValueLimits {}

/** Reads `years`: whole years from {@link MIN_YEAR} to {@link MAX_YEAR}, each once; ascending. */
function readYears(issues: IssueCollector, raw: unknown): number[] {
  if (raw === undefined) {
    issues.add('missing_field', ['years'], 'an actuals document lists the closed years it covers: "years": [2025]');
    return [];
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.add('invalid_type', ['years'], `years is a non-empty list of closed years ([2025]), not ${describeValue(raw)}`);
    return [];
  }
  if (raw.length > MAX_HORIZON_YEARS) {
    issues.add('too_large', ['years'], `at most ${MAX_HORIZON_YEARS} years, not ${raw.length}`);
    return [];
  }
  const years: number[] = [];
  raw.forEach((y: unknown, i) => {
    if (!isWholeNumber(y) || y < MIN_YEAR || y > MAX_YEAR) issues.add('invalid_year', ['years', i], `a year is a whole number from ${MIN_YEAR} to ${MAX_YEAR}, not ${describeValue(y)}`);
    else if (years.includes(y)) issues.add('duplicate_year', ['years', i], `the year ${y} is listed twice`);
    else years.push(y);
  });
  return years.sort((a, b) => a - b);
}

/** How the amounts are written: the unit's factor, the format, and whether they are negated (`nadeel-positive`). */
interface AmountSettings {
  readonly factor: Decimal;
  readonly format: (typeof NUMBER_FORMATS)[number] | undefined;
  readonly negate: boolean;
}

/** Reads one line's realised amounts: year keys among `years`; `null` is nihil (0), never pm. */
function readLine(issues: IssueCollector, raw: unknown, path: Path, years: readonly number[], settings: AmountSettings): LineActuals | undefined {
  if (!isRecord(raw) || Array.isArray(raw)) {
    issues.add('invalid_type', path, `a line's actuals are an object of years ({ "2025": "-1.050" }), not ${describeValue(raw)}`);
    return undefined;
  }
  const out = idRecord<Decimal>();
  for (const [key, value] of Object.entries(raw)) {
    const at = [...path, key];
    const year = /^\d{4}$/.test(key) ? Number(key) : NaN;
    if (!years.includes(year)) {
      issues.add('year_outside_horizon', at, `"${key}" is not one of the closed years of these accounts (${years.join(', ')})`);
      continue;
    }
    if (value === null) {
      out[key] = new Dec(0);
      continue;
    }
    if (typeof value === 'string' && /^[+-]?\s*pm$/i.test(value.trim())) {
      issues.add('invalid_value', at, 'a realisation is an amount: the accounts of a closed year hold no pm (pro memorie) posts');
      continue;
    }
    const reading = readAmount(value, settings.factor, settings.format);
    if (!reading.ok) issues.add(reading.code, at, reading.message);
    else out[key] = settings.negate && !reading.value.isZero() ? reading.value.neg() : reading.value;
  }
  return out;
}

/**
 * Reads an actuals document (the object or its JSON text) into {@link Actuals}, every problem at once.
 * @param input - the document or its text
 * @param limits - JSON and value limits, already checked
 * @internal
 */
export function readActualsDocument(input: unknown, limits: JsonLimits & ValueLimits = {}): Actuals {
  const issues = new IssueCollector();
  const raw = typeof input === 'string' ? parseJsonText(input, limits) : input;
  if (typeof input !== 'string') checkShape(raw, limits.maxDepth ?? DEFAULT_MAX_DEPTH, issues, limits.maxValues ?? DEFAULT_MAX_VALUES, limits.maxLength ?? DEFAULT_MAX_LENGTH);
  issues.throwIfAny();
  if (!isRecord(raw) || Array.isArray(raw)) {
    issues.add('invalid_type', [], `an actuals document is an object, not ${describeValue(raw)}`);
    issues.throwIfAny();
  }
  const doc = raw as Record<string, unknown>;
  checkKeys(doc, ACTUALS_FIELDS, [], 'report', (code, path, message) => issues.add(code, path, message));
  if (doc['format'] !== ACTUALS_FORMAT) issues.add('invalid_value', ['format'], `an actuals document has format "${ACTUALS_FORMAT}"`);
  if (!('version' in doc)) issues.add('missing_field', ['version'], 'an actuals document has version 1');
  else if (doc['version'] !== 1) issues.add('unsupported_version', ['version'], `version 1 is the only version of ${ACTUALS_FORMAT}, not ${describeValue(doc['version'])}`);
  const title = readText(issues, doc['title'], ['title'], true, MAX_TEXT_LENGTH) ?? '';
  const unit = readChoice(issues, doc['unit'], UNITS, ['unit'], true) ?? 'euro';
  const sign = readChoice(issues, doc['sign'], SIGN_CONVENTIONS, ['sign'], false) ?? 'voordeel-positive';
  const format = readChoice(issues, doc['numberFormat'], NUMBER_FORMATS, ['numberFormat'], false);
  const years = readYears(issues, doc['years']);
  const lines = idRecord<LineActuals>();
  const rawLines = doc['lines'];
  if (rawLines === undefined) issues.add('missing_field', ['lines'], 'an actuals document has "lines": { "<line id>": { "<year>": amount } }');
  else if (!isRecord(rawLines) || Array.isArray(rawLines)) issues.add('invalid_type', ['lines'], `lines is an object of line ids, not ${describeValue(rawLines)}`);
  else {
    const settings: AmountSettings = { factor: new Dec(unitFactor(unit)), format, negate: sign === 'nadeel-positive' };
    for (const [id, value] of Object.entries(rawLines)) {
      const problem = idProblem(id, 'reference');
      if (problem !== undefined) {
        issues.add(problem, ['lines', id], `a line id has ${idRuleText('reference')}, not "${id}"`);
        continue;
      }
      const line = readLine(issues, value, ['lines', id], years, settings);
      if (line !== undefined) lines[id] = line;
    }
  }
  issues.throwIfAny();
  return deepFreeze({ title, years, unit, lines });
}

/**
 * Loads an actuals document (realisatie, from a jaarrekening): the closed years it covers and per budget line the
 * realised amount of each of those years, in the document's unit, number format and sign convention, into frozen
 * {@link Actuals} in exact euros.
 *
 * @remarks
 * A line without a year the document covers has no actual for it: that actual is missing, never 0 (`compareActuals`
 * and `forecast` say so). `null` is a realised nihil (0). A pm is refused (`invalid_value`): a closed year has no
 * pro memorie posts. Every problem at once: `missing_field`, `unknown_field`, `invalid_year`, `duplicate_year`,
 * `year_outside_horizon` (a year not in `years`), `invalid_id`, `forbidden_key`, the amount codes.
 * @param input - the document or its JSON text
 * @param options - JSON and value limits
 * @example
 * ```ts
 * import { loadActuals } from 'meerjaren';
 *
 * const jr = loadActuals({ format: 'meerjaren/actuals', version: 1, title: 'Jaarrekening 2025', unit: 'thousand', numberFormat: 'nl',
 *   years: [2025], lines: { '1.4': { '2025': '-1.050' }, '1.5': { '2025': '1.100' } } });
 * jr.lines['1.4']!['2025']!.toFixed(); // "-1050000": euros
 * jr.years;                            // [2025]
 * ```
 * @category Documents
 */
export function loadActuals(input: unknown, options: LoadActualsOptions = {}): Actuals {
  options = readOptions('loadActuals', options, { ...JSON_LIMITS, maxValues: MAX_VALUES_OPTION });
  return readActualsDocument(input, options);
}

