/**
 * Reading a risicoregister: the risks and the parts of the beschikbare weerstandscapaciteit, as `weerstandsvermogen`
 * takes them and as the risicoregister document `{ format: 'meerjaren/risks', version: 1, title, unit, risks,
 * capacity }` writes them. Amounts are read exactly, in the document's unit, and kept in euros.
 * @module
 */
import { Dec, noNegativeZero, type Decimal } from '../core/decimal.js';
import { NUMBER_FORMATS, readAmount, type NumberFormat } from '../core/amount.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { describeValue, isRecord, isYearKey, readChoice, readText, textProblem } from '../core/fields.js';
import { deepFreeze } from '../core/freeze.js';
import { CAPACITY_KINDS, RISK_NATURES, type CapacityKind, type CapacityPart, type Risk, type RiskDistribution, type RiskDocument, type RiskNature } from '../model/risks.js';
import { UNITS, unitFactor, type Unit } from '../model/values.js';
import { MAX_TEXT_LENGTH } from './ids.js';
import { readOptions } from '../core/guard.js';
import { JSON_LIMITS, parseJsonText, type JsonLimits } from './json.js';

/** The `format` of a risicoregister document. @category Documents */
export const RISKS_FORMAT = 'meerjaren/risks';

/** An amount as read: one for every year, or one per year (keys are years), in euros. @internal */
export type ReadAmount = Decimal | Readonly<Record<string, Decimal>>;

/** One risk as read: its probability a fraction 0..1, its amount in euros. @internal */
export interface ReadRisk {
  readonly id: string;
  readonly title: string;
  readonly probability: Decimal;
  readonly amount: ReadAmount;
  readonly nature: RiskNature;
  /** The distribution of the amount as written (a copy), its amounts in `distributionUnit`; checked by the simulation. */
  readonly distribution: RiskDistribution | undefined;
  readonly distributionUnit: Unit | undefined;
  readonly lines: readonly string[] | undefined;
  readonly note: string | undefined;
}

/** One capacity part as read, its amount in euros. @internal */
export interface ReadCapacityPart {
  readonly kind: CapacityKind;
  readonly title: string;
  readonly amount: ReadAmount;
}

const RISK_KEYS = ['id', 'title', 'probability', 'amount', 'distribution', 'distributionUnit', 'nature', 'lines', 'note'];
/** How deep a distribution as data may nest (a mixture's discrete component's choice is 6 levels down). */
const MAX_DISTRIBUTION_DEPTH = 8;
const PART_KEYS = ['kind', 'title', 'amount'];
const isText = (v: unknown): v is string => textProblem(v, MAX_TEXT_LENGTH, false) === undefined;

/** Reads a probability: a fraction from 0 to 1; a plain number (0.3) is read as its shortest decimal form. */
function readProbability(raw: unknown, path: Path, issues: IssueCollector, format: NumberFormat | undefined): Decimal | undefined {
  const short = typeof raw === 'number' && Number.isFinite(raw) && /^-?\d+(?:\.\d+)?$/.test(String(raw));
  // a JSON number is no text in the document's notation: its shortest form is read plainly (0.3 in an "nl" document too)
  const reading = readAmount(short ? String(raw) : raw, new Dec(1), short ? 'plain' : format);
  if (!reading.ok) {
    issues.add(reading.code, path, reading.message);
    return undefined;
  }
  if (reading.value.isNegative() && !reading.value.isZero() || reading.value.gt(1)) {
    issues.add('invalid_value', path, `a probability is a fraction from 0 to 1 ("0.3" for 30%), not ${reading.value.toFixed()}`);
    return undefined;
  }
  return noNegativeZero(reading.value);
}

/** Reads one magnitude (zero or more) in the unit `factor`, kept in euros. */
function readMagnitude(raw: unknown, path: Path, issues: IssueCollector, factor: Decimal, format: NumberFormat | undefined): Decimal | undefined {
  const reading = readAmount(raw, factor, format);
  if (!reading.ok) {
    issues.add(reading.code, path, reading.message);
    return undefined;
  }
  if (reading.value.isNegative() && !reading.value.isZero()) {
    issues.add('negative_amount', path, `an amount here is zero or more (a magnitude), not ${reading.value.toFixed()}`);
    return undefined;
  }
  return noNegativeZero(reading.value);
}

/** Reads an amount: one magnitude, or an object of magnitudes per year. */
function readYearlyAmount(raw: unknown, path: Path, issues: IssueCollector, factor: Decimal, format: NumberFormat | undefined): ReadAmount | undefined {
  if (!isRecord(raw) || Array.isArray(raw) || raw instanceof Dec) return readMagnitude(raw, path, issues, factor, format);
  const out: Record<string, Decimal> = {};
  let ok = true;
  const keys = Object.keys(raw);
  if (keys.length === 0) issues.add('invalid_value', path, 'an amount per year names at least one year');
  for (const key of keys) {
    if (!isYearKey(key)) {
      issues.add('invalid_year', [...path, key], `an amount per year has years as keys ("2026"), not "${key}"`);
      ok = false;
      continue;
    }
    const value = readMagnitude(raw[key], [...path, key], issues, factor, format);
    if (value === undefined) ok = false;
    else out[key] = value;
  }
  return ok && keys.length > 0 ? out : undefined;
}

/** A copy of plain data (lists, records, primitives), or undefined when it nests deeper than `depth`. */
function copyData(value: unknown, depth: number): unknown {
  if (!isRecord(value)) return value;
  if (depth === 0) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v: unknown) => copyData(v, depth - 1));
    return items.some((v, i) => v === undefined && value[i] !== undefined) ? undefined : items;
  }
  const entries = Object.keys(value).map((key) => [key, copyData(value[key], depth - 1)] as const);
  return entries.some(([key, v]) => v === undefined && value[key] !== undefined) ? undefined : Object.fromEntries(entries);
}

/**
 * Reads the distribution of a risk's amount as data: an object with a text `kind`, copied; its fields are read and
 * checked by the simulation, which knows the kinds.
 */
function readDistribution(raw: unknown, path: Path, issues: IssueCollector): RiskDistribution | undefined {
  if (!isRecord(raw) || Array.isArray(raw) || raw instanceof Dec) {
    issues.add('invalid_distribution', path, `a distribution is an object with a "kind" ({ "kind": "triangular", "low", "likely", "high" }), not ${describeValue(raw)}`);
    return undefined;
  }
  if (typeof raw['kind'] !== 'string') {
    issues.add('invalid_distribution', [...path, 'kind'], `a distribution names its kind as a text ("triangular"), not ${describeValue(raw['kind'])}`);
    return undefined;
  }
  const copy = copyData(raw, MAX_DISTRIBUTION_DEPTH);
  if (copy === undefined) {
    issues.add('invalid_distribution', path, `a distribution nests at most ${MAX_DISTRIBUTION_DEPTH} levels deep`);
    return undefined;
  }
  return copy as RiskDistribution;
}

/** Checks the fields of an object: unknown ones and the required ones; false when a required one is missing. */
function fieldsOf(raw: Record<string, unknown>, known: readonly string[], required: readonly string[], what: string, path: Path, issues: IssueCollector): boolean {
  for (const key of Object.keys(raw)) if (!known.includes(key)) issues.add('unknown_field', [...path, key], `unknown field "${key}" of ${what}`);
  let ok = true;
  for (const key of required) {
    if (raw[key] === undefined) {
      issues.add('missing_field', [...path, key], `${what} needs ${key}`);
      ok = false;
    }
  }
  return ok;
}

/**
 * Reads the risks of a register at `path` (`risks`), adding every problem to `issues`.
 * @param factor - euros per unit of the amounts
 * @param format - how the amounts' texts are written (as a budget document's `numberFormat`)
 * @internal
 */
export function readRisks(issues: IssueCollector, raw: unknown, path: Path, factor: Decimal, format?: NumberFormat): ReadRisk[] {
  if (!Array.isArray(raw)) {
    issues.add('invalid_argument', path, 'risks must be a list of risks (a risicoregister)');
    return [];
  }
  const seen = new Set<string>();
  const out: ReadRisk[] = [];
  raw.forEach((item: unknown, i) => {
    const at = [...path, i];
    if (!isRecord(item) || Array.isArray(item)) {
      issues.add('invalid_type', at, 'a risk is an object { id, title, probability, amount, nature }');
      return;
    }
    let ok = fieldsOf(item, RISK_KEYS, ['id', 'title', 'probability', 'amount', 'nature'], 'a risk', at, issues);
    const id = item['id'];
    if (id !== undefined && !isText(id)) {
      issues.add('invalid_id', [...at, 'id'], 'a risk id is a text that is not blank');
      ok = false;
    } else if (typeof id === 'string') {
      if (seen.has(id)) {
        issues.add('duplicate_id', [...at, 'id'], `the risk id "${id}" is used twice`);
        ok = false;
      }
      seen.add(id);
    }
    const title = readText(issues, item['title'], [...at, 'title'], false, MAX_TEXT_LENGTH);
    const nature = readChoice(issues, item['nature'], RISK_NATURES, [...at, 'nature'], false);
    let lines: string[] | undefined;
    if (item['lines'] !== undefined) {
      const list = item['lines'];
      if (!Array.isArray(list) || !list.every((l) => typeof l === 'string')) {
        issues.add('invalid_type', [...at, 'lines'], `lines is a list of budget line ids, not ${describeValue(list)}`);
        ok = false;
      } else lines = [...(list as string[])];
    }
    const note = readText(issues, item['note'], [...at, 'note'], false, MAX_TEXT_LENGTH, true);
    if (item['note'] !== undefined && note === undefined) ok = false;
    const probability = item['probability'] === undefined ? undefined : readProbability(item['probability'], [...at, 'probability'], issues, format);
    const amount = item['amount'] === undefined ? undefined : readYearlyAmount(item['amount'], [...at, 'amount'], issues, factor, format);
    const distribution = item['distribution'] === undefined ? undefined : readDistribution(item['distribution'], [...at, 'distribution'], issues);
    if (item['distribution'] !== undefined && distribution === undefined) ok = false;
    const distributionUnit = item['distributionUnit'] === undefined ? undefined : readChoice(issues, item['distributionUnit'], UNITS, [...at, 'distributionUnit'], false);
    if (item['distributionUnit'] !== undefined && distributionUnit === undefined) ok = false;
    if (distributionUnit !== undefined && item['distribution'] === undefined) {
      issues.add('invalid_value', [...at, 'distributionUnit'], 'distributionUnit is the unit of a distribution: give the distribution, or leave distributionUnit out');
      ok = false;
    }
    if (!ok || title === undefined || nature === undefined || probability === undefined || amount === undefined) return;
    out.push({ id: id as string, title, probability, amount, distribution, distributionUnit, nature, lines, note });
  });
  return out;
}

/**
 * Reads the parts of the beschikbare weerstandscapaciteit at `path` (`capacity`), adding every problem to `issues`.
 * @param factor - euros per unit of the amounts
 * @param format - how the amounts' texts are written
 * @internal
 */
export function readCapacity(issues: IssueCollector, raw: unknown, path: Path, factor: Decimal, format?: NumberFormat): ReadCapacityPart[] {
  if (!Array.isArray(raw)) {
    issues.add('invalid_argument', path, 'capacity must be a list of capacity parts');
    return [];
  }
  const out: ReadCapacityPart[] = [];
  raw.forEach((item: unknown, i) => {
    const at = [...path, i];
    if (!isRecord(item) || Array.isArray(item)) {
      issues.add('invalid_type', at, 'a capacity part is an object { kind, title, amount }');
      return;
    }
    const ok = fieldsOf(item, PART_KEYS, PART_KEYS, 'a capacity part', at, issues);
    const kind = readChoice(issues, item['kind'], CAPACITY_KINDS, [...at, 'kind'], false);
    const title = readText(issues, item['title'], [...at, 'title'], false, MAX_TEXT_LENGTH);
    const amount = item['amount'] === undefined ? undefined : readYearlyAmount(item['amount'], [...at, 'amount'], issues, factor, format);
    if (!ok || kind === undefined || title === undefined || amount === undefined) return;
    out.push({ kind, title, amount });
  });
  return out;
}

const DOCUMENT_KEYS = ['$schema', 'format', 'version', 'title', 'unit', 'numberFormat', 'risks', 'capacity'];

/**
 * Loads a risicoregister document, as an object or its JSON text: `{ "format": "meerjaren/risks", "version": 1,
 * "title", "unit"?, "numberFormat"?, "risks": [...], "capacity": [...] }`. Amounts are written in `unit` (`euro`, the
 * default, `thousand` or `million`), in texts read as `numberFormat` says (`plain`, `nl`, `en`, as in a budget
 * document; without it a text such as "433.333" is refused as ambiguous), as a magnitude or per year (`{ "2026": 2500, "2027": 2000 }`); the result holds them in
 * euros, so `weerstandsvermogen(register)` takes it as it is. A risk may give its financial effect as a
 * distribution too (`"distribution": { "kind": "triangular", "low": 0, "likely": 500, "high": 2000 }`, amounts in the
 * document's unit or the risk's `distributionUnit`), which `simulateRequiredCapacity` draws; it is kept as written,
 * with the unit it was written in, and checked by the simulation (`amount` stays the figure of kans x effect).
 * Every problem is reported at once, with its path.
 * @param input - the document or its JSON text
 * @param limits - limits of the JSON text (as for `loadBudget`)
 * @returns a frozen {@link RiskDocument}
 * @throws MeerjarenError `invalid_json`, `invalid_type`, `invalid_value` (`format`), `unsupported_version`,
 * `missing_field`, `unknown_field`, `duplicate_id`, `invalid_year`, `negative_amount` and the amount codes, each at
 * its path (`risks[2].amount.2027`); `invalid_distribution` for a distribution that is not an object with a text
 * `kind` (`risks[0].distribution`), `invalid_value` for a `distributionUnit` without a distribution or not a unit
 * @example
 * ```ts
 * import { loadRiskRegister, weerstandsvermogen } from 'meerjaren';
 *
 * const register = loadRiskRegister({
 *   format: 'meerjaren/risks', version: 1, title: 'Risicoregister 2026', unit: 'thousand',
 *   risks: [{ id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: 2000, nature: 'structural' }],
 *   capacity: [{ kind: 'algemene-reserve', title: 'Algemene reserve', amount: 1500 }],
 * });
 * register.risks[0]!.amount.toString();         // "2000000": in euros
 * weerstandsvermogen(register).rating;          // "B"
 * ```
 * @category Documents
 */
export function loadRiskRegister(input: unknown, limits: JsonLimits = {}): RiskDocument {
  limits = readOptions('loadRiskRegister', limits, JSON_LIMITS);
  const raw = typeof input === 'string' ? parseJsonText(input, limits) : input;
  const issues = new IssueCollector();
  if (!isRecord(raw) || Array.isArray(raw)) {
    issues.add('invalid_type', [], `a risicoregister document is an object, not ${describeValue(raw)}`);
    issues.throwIfAny();
  }
  const doc = raw as Record<string, unknown>;
  for (const key of Object.keys(doc)) if (!DOCUMENT_KEYS.includes(key)) issues.add('unknown_field', [key], `a risicoregister document has no field "${key}"`);
  if (doc['format'] !== RISKS_FORMAT) issues.add('invalid_value', ['format'], `a risicoregister document has format "${RISKS_FORMAT}"`);
  if (!('version' in doc)) issues.add('missing_field', ['version'], 'a risicoregister document has version 1');
  else if (doc['version'] !== 1) issues.add('unsupported_version', ['version'], `version 1 is the only version of ${RISKS_FORMAT}, not ${describeValue(doc['version'])}`);
  const title = readText(issues, doc['title'], ['title'], true, MAX_TEXT_LENGTH);
  const unit: Unit | undefined = doc['unit'] === undefined ? 'euro' : readChoice(issues, doc['unit'], UNITS, ['unit'], false);
  const factor = new Dec(unitFactor(unit ?? 'euro'));
  const format = readChoice(issues, doc['numberFormat'], NUMBER_FORMATS, ['numberFormat'], false);
  for (const key of ['risks', 'capacity']) if (!(key in doc)) issues.add('missing_field', [key], `a risicoregister document has a list "${key}"`);
  const risks = 'risks' in doc ? readRisks(issues, doc['risks'], ['risks'], factor, format) : [];
  const capacity = 'capacity' in doc ? readCapacity(issues, doc['capacity'], ['capacity'], factor, format) : [];
  issues.throwIfAny();
  return deepFreeze({
    title: title!,
    unit: unit!,
    risks: risks.map((r): Risk => ({
      id: r.id,
      title: r.title,
      probability: r.probability,
      amount: r.amount,
      ...(r.distribution === undefined ? {} : { distribution: r.distribution }),
      ...(r.distribution === undefined || (r.distributionUnit ?? unit) === 'euro' ? {} : { distributionUnit: r.distributionUnit ?? unit! }),
      nature: r.nature,
      ...(r.lines === undefined ? {} : { lines: r.lines }),
      ...(r.note === undefined ? {} : { note: r.note }),
    })),
    capacity: capacity.map((p): CapacityPart => ({ kind: p.kind, title: p.title, amount: p.amount })),
  });
}
