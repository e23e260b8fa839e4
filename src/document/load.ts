import { readAmount, type NumberFormat } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { tally } from '../core/work.js';
import { MAX_HORIZON_YEARS, MAX_YEAR, MIN_YEAR, defaultGroups, yearRange, type ColumnGroup, type Horizon } from '../core/horizon.js';
import {
  PM,
  unitFactor,
  type Budget,
  type Cell,
  type Component,
  type Line,
  type LineRow,
  type Nature,
  type Section,
  type SignConvention,
  type Unit,
} from '../model/budget.js';
import { readCover } from './read-cover.js';
import { contextOf } from './field-reader.js';
import { readTargets } from './read-targets.js';
import { admitBudget } from './admitted.js';
import { BUDGET_FORMAT, BUDGET_FORMAT_VERSION } from './format.js';
import { ID_PATTERN as ID, MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './ids.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_VALUES, FORBIDDEN_KEYS, JsonNumberText, checkShape, parseJsonText, type JsonLimits } from './json.js';
import { idRecord } from '../core/records.js';

type Raw = Record<string, unknown>;

const UNITS: readonly Unit[] = ['euro', 'thousand', 'million'];
const SIGNS: readonly SignConvention[] = ['voordeel-positive', 'nadeel-positive'];
const FORMATS: readonly NumberFormat[] = ['plain', 'nl', 'en'];
const NATURES: readonly Nature[] = ['incidental', 'structural'];
const ROWS: readonly LineRow[] = ['amount', 'subtotal'];
const PM_TOKEN = /^([+-])?\s*pm$/i;

const DOCUMENT_FIELDS = ['$schema', 'format', 'version', 'title', 'unit', 'sign', 'numberFormat', 'horizon', 'defaults', 'totalLabel', 'tags', 'sections', 'expected', 'cover', 'targets'];
const HORIZON_FIELDS = ['from', 'to', 'budgetYear', 'groups'];
const SECTION_FIELDS = ['id', 'title', 'lines', 'expected'];
const LINE_FIELDS = ['id', 'title', 'nature', 'tags', 'values', 'row', 'components'];
const COMPONENT_FIELDS = ['id', 'title', 'nature', 'tags', 'values'];

/**
 * Reads and validates a budget document (a `BudgetDocument` object or its JSON text) into a frozen, admitted
 * `Budget`, without checking its printed totals (which needs an evaluation: `loadBudget` in evaluate/ does
 * that). Every problem is reported at once in one `MeerjarenError`, each with a code and a path.
 * @param input - the document, or its JSON text
 * @param options - limits of the JSON text
 * @param check - run on the frozen budget before it is admitted (the check of printed totals), may add issues
 * @throws MeerjarenError when the document is not valid
 * @internal
 */
export function readBudget(input: unknown, options: JsonLimits = {}, check?: (budget: Budget, collector: IssueCollector) => void): Budget {
  const collector = new IssueCollector();
  const raw = typeof input === 'string' ? parseJsonText(input, options) : input;
  if (typeof input !== 'string') checkShape(raw, options.maxDepth ?? DEFAULT_MAX_DEPTH, collector, DEFAULT_MAX_VALUES, options.maxLength ?? DEFAULT_MAX_LENGTH);
  collector.throwIfAny();
  const budget = new DocumentReader(collector).read(raw);
  collector.throwIfAny();
  if (budget === undefined) return collector.throwIfAny() as never;
  const frozen = deepFreeze(budget);
  if (check !== undefined) {
    check(frozen, collector);
    collector.throwIfAny();
  }
  return admitBudget(frozen);
}

class DocumentReader {
  #unit = new Dec(1);
  #negate = false;
  #format: NumberFormat | undefined;
  #horizon: Horizon | undefined;
  #ids = new Map<string, string>();
  #defaultNature: Nature | undefined;

  constructor(private readonly issues: IssueCollector) {}

  read(raw: unknown): Budget | undefined {
    const doc = this.object(raw, []);
    if (doc === undefined) return undefined;
    this.fields(doc, DOCUMENT_FIELDS, []);
    if (doc['format'] !== undefined && doc['format'] !== BUDGET_FORMAT) {
      this.issues.add('invalid_value', ['format'], `"format" must be "${BUDGET_FORMAT}"`);
    }
    if (doc['version'] === undefined) this.issues.add('missing_field', ['version'], `"version" is required (${BUDGET_FORMAT_VERSION})`);
    else if (doc['version'] !== BUDGET_FORMAT_VERSION) {
      this.issues.add('unsupported_version', ['version'], `version ${describe(doc['version'])} is not supported; this library reads version ${BUDGET_FORMAT_VERSION}`);
    }
    const title = this.text(doc['title'], ['title'], true) ?? '';
    const unit = this.choice(doc['unit'], UNITS, ['unit'], true) ?? 'euro';
    const sign = this.choice(doc['sign'], SIGNS, ['sign'], false) ?? 'voordeel-positive';
    this.#format = this.choice(doc['numberFormat'], FORMATS, ['numberFormat'], false);
    this.#unit = new Dec(unitFactor(unit));
    this.#negate = sign === 'nadeel-positive';
    const defaults = doc['defaults'] === undefined ? undefined : this.object(doc['defaults'], ['defaults']);
    if (defaults !== undefined) {
      this.fields(defaults, ['nature'], ['defaults']);
      this.#defaultNature = this.choice(defaults['nature'], NATURES, ['defaults', 'nature'], false);
    }
    const totalLabel = this.text(doc['totalLabel'], ['totalLabel'], false) ?? 'TOTAAL SALDO PROGRAMMA';
    const tags = this.tags(doc['tags'], ['tags']);
    this.#horizon = this.horizon(doc['horizon'], ['horizon']);
    const sections = this.list(doc['sections'], ['sections'], true).flatMap((s, i) => this.section(s, ['sections', i]) ?? []);
    const expected = this.expected(doc['expected'], ['expected']);
    if (this.#horizon === undefined) return undefined;
    const presentation = { unit, sign, totalLabel };
    // Cover and targets refer to rows, so they are read once the sections are known.
    const ctx = contextOf({ horizon: this.#horizon, presentation, sections }, this.#format);
    const cover = doc['cover'] === undefined ? undefined : readCover(doc['cover'], ['cover'], this.issues, ctx);
    const targets = doc['targets'] === undefined ? undefined : readTargets(doc['targets'], ['targets'], this.issues, ctx);
    return {
      title,
      horizon: this.#horizon,
      sections,
      presentation,
      ...(expected === undefined ? {} : { expected }),
      tags,
      ...(cover === undefined ? {} : { cover }),
      ...(targets === undefined ? {} : { targets }),
    };
  }

  // ---- structure ---------------------------------------------------------

  private horizon(raw: unknown, path: Path): Horizon | undefined {
    const h = this.object(raw, path);
    if (h === undefined) return undefined;
    this.fields(h, HORIZON_FIELDS, path);
    const from = this.year(h['from'], [...path, 'from'], true);
    const to = this.year(h['to'], [...path, 'to'], true);
    const budgetYear = this.year(h['budgetYear'], [...path, 'budgetYear'], false) ?? from;
    if (from === undefined || to === undefined || budgetYear === undefined) return undefined;
    let ok = true;
    if (to < from) {
      this.issues.add('invalid_horizon', [...path, 'to'], `the horizon ends (${to}) before it starts (${from})`);
      ok = false;
    } else if (to - from + 1 > MAX_HORIZON_YEARS) {
      this.issues.add('invalid_horizon', [...path, 'to'], `a horizon spans at most ${MAX_HORIZON_YEARS} years`);
      ok = false;
    }
    if (budgetYear < from || budgetYear > to) {
      this.issues.add('year_outside_horizon', [...path, 'budgetYear'], `the budget year ${budgetYear} is outside ${from}..${to}`);
      ok = false;
    }
    if (!ok) return undefined;
    let groups: ColumnGroup[] = defaultGroups(from, to, budgetYear);
    if (h['groups'] !== undefined) {
      groups = [];
      const covered = new Set<number>();
      this.list(h['groups'], [...path, 'groups'], false).forEach((g, i) => {
        const gp = [...path, 'groups', i];
        const group = this.object(g, gp);
        if (group === undefined) return;
        this.fields(group, ['label', 'from', 'to'], gp);
        const label = this.text(group['label'], [...gp, 'label'], true, true);
        const gFrom = this.year(group['from'], [...gp, 'from'], true);
        const gTo = this.year(group['to'], [...gp, 'to'], true);
        if (label === undefined || gFrom === undefined || gTo === undefined) return;
        if (gFrom > gTo || gFrom < from || gTo > to) {
          this.issues.add('year_outside_horizon', gp, `the group ${gFrom}..${gTo} is not a run of years inside ${from}..${to}`);
          return;
        }
        for (let y = gFrom; y <= gTo; y++) {
          if (covered.has(y)) this.issues.add('duplicate_year', gp, `the year ${y} is in more than one column group`);
          covered.add(y);
        }
        groups.push({ label, from: gFrom, to: gTo });
      });
    }
    return { from, to, budgetYear, years: yearRange(from, to), groups };
  }

  private section(raw: unknown, path: Path): Section | undefined {
    const s = this.object(raw, path);
    if (s === undefined) return undefined;
    this.fields(s, SECTION_FIELDS, path);
    const id = this.id(s['id'], [...path, 'id'], 'section');
    const title = this.text(s['title'], [...path, 'title'], true) ?? '';
    const lines = this.list(s['lines'], [...path, 'lines'], true).flatMap((l, i) => this.line(l, [...path, 'lines', i]) ?? []);
    const expected = this.expected(s['expected'], [...path, 'expected']);
    if (id === undefined) return undefined;
    return { id, title, lines, ...(expected === undefined ? {} : { expected }) };
  }

  private line(raw: unknown, path: Path): Line | undefined {
    const l = this.object(raw, path);
    if (l === undefined) return undefined;
    this.fields(l, LINE_FIELDS, path);
    const id = this.id(l['id'], [...path, 'id'], 'line');
    const title = this.text(l['title'], [...path, 'title'], true) ?? '';
    const declaredNature = this.choice(l['nature'], NATURES, [...path, 'nature'], false);
    const tags = this.tags(l['tags'], [...path, 'tags']);
    const values = l['values'] === undefined ? {} : this.values(l['values'], [...path, 'values']);
    const declaredRow = this.choice(l['row'], ROWS, [...path, 'row'], false);
    const lineNature = declaredNature ?? this.#defaultNature;
    const components: Component[] = [];
    this.list(l['components'], [...path, 'components'], false).forEach((c, i) => {
      const component = this.component(c, [...path, 'components', i], id ?? '?', i, lineNature);
      if (component !== undefined) components.push(component);
    });
    const ownYears = Object.keys(values);
    const componentYears = new Set(components.flatMap((c) => Object.keys(c.values)));
    if (ownYears.length === 0 && components.length === 0 && !writesValues(l['values']) && !writesValues(l['components'])) {
      this.issues.add('line_without_values', path, `line ${id ?? ''} has no value in any year (write "pm" for an unknown amount)`);
    }
    const shared = ownYears.filter((y) => componentYears.has(y));
    if (declaredRow === undefined && shared.length > 0) {
      this.issues.add(
        'ambiguous_line_row',
        [...path, 'values', shared[0] ?? ''],
        `line ${id ?? ''} and its components both have a value in ${shared.join(', ')}: declare "row": "amount" (the line's row adds to its components) or "subtotal" (it prints their sum)`,
      );
    }
    const row: LineRow = declaredRow ?? 'amount';
    let nature: Nature = lineNature ?? 'structural';
    if (lineNature === undefined && writesValues(l['values'])) {
      this.issues.add('missing_nature', [...path, 'nature'], `line ${id ?? ''} is not marked "incidental" or "structural" (or declare defaults.nature)`);
    }
    if (lineNature === undefined && ownYears.length === 0 && components.length > 0) nature = components[0]?.nature ?? nature;
    let expected: Record<string, Decimal> | undefined;
    let ownValues = values;
    if (row === 'subtotal') {
      if (components.length === 0) this.issues.add('invalid_value', [...path, 'row'], `line ${id ?? ''} is a subtotal but has no components`);
      expected = {};
      for (const [year, cell] of Object.entries(values)) {
        if (cell instanceof Dec) expected[year] = cell;
        else this.issues.add('invalid_value', [...path, 'values', year], 'a subtotal row cannot be pm: leave the year out');
      }
      ownValues = {};
    }
    if (id === undefined) return undefined;
    return { id, title, nature, tags, values: ownValues, row, components, ...(expected === undefined ? {} : { expected }) };
  }

  private component(raw: unknown, path: Path, lineId: string, index: number, lineNature: Nature | undefined): Component | undefined {
    const c = this.object(raw, path);
    if (c === undefined) return undefined;
    this.fields(c, COMPONENT_FIELDS, path);
    // a default id (`<line id>#<n>`) may also be written out: a component keeps it when an earlier one is dropped
    // (by a scenario), and toDocument then writes it, so that the saved budget loads again under the same ids
    const written = c['id'];
    const defaultForm = typeof written === 'string' && written.startsWith(`${lineId}#`) && /^[1-9]\d{0,5}$/.test(written.slice(lineId.length + 1));
    const id = written === undefined ? this.claim(`${lineId}#${index + 1}`, path, 'component') : defaultForm ? this.claim(written, [...path, 'id'], 'component') : this.id(written, [...path, 'id'], 'component');
    const title = this.text(c['title'], [...path, 'title'], true) ?? '';
    const declared = this.choice(c['nature'], NATURES, [...path, 'nature'], false);
    const tags = this.tags(c['tags'], [...path, 'tags']);
    const values = this.values(c['values'], [...path, 'values']);
    if (c['values'] !== undefined && !writesValues(c['values'])) {
      this.issues.add('line_without_values', [...path, 'values'], `component "${title}" has no value in any year`);
    }
    const nature = declared ?? lineNature;
    if (nature === undefined) {
      this.issues.add('missing_nature', [...path, 'nature'], `component "${title}" is not marked "incidental" or "structural" (nor is its line)`);
    }
    if (id === undefined) return undefined;
    return { id, title, nature: nature ?? 'structural', tags, values };
  }

  // ---- values ------------------------------------------------------------

  private values(raw: unknown, path: Path): Record<string, Cell> {
    const out: Record<string, Cell> = {};
    const horizon = this.#horizon;
    if (raw === undefined) {
      this.issues.add('missing_field', path, 'values are required');
      return out;
    }
    if (Array.isArray(raw)) {
      if (horizon !== undefined && raw.length > horizon.years.length) {
        this.issues.add('year_outside_horizon', [...path, horizon.years.length], `${raw.length} values for a horizon of ${horizon.years.length} years`);
      }
      raw.forEach((v: unknown, i) => {
        tally('fieldRead');
        if (v === null) return;
        const year = horizon?.years[i];
        const cell = this.cell(v, [...path, i]);
        if (cell !== undefined && year !== undefined) out[String(year)] = cell;
      });
      return out;
    }
    const obj = this.object(raw, path);
    if (obj === undefined) return out;
    for (const key of Object.keys(obj)) {
      tally('fieldRead');
      const year = this.yearKey(key, [...path, key]);
      const cell = this.cell(obj[key], [...path, key]);
      if (year !== undefined && cell !== undefined) out[String(year)] = cell;
    }
    return out;
  }

  private expected(raw: unknown, path: Path): Record<string, Decimal> | undefined {
    if (raw === undefined) return undefined;
    const out: Record<string, Decimal> = {};
    for (const [year, cell] of Object.entries(this.values(raw, path))) {
      if (cell instanceof Dec) out[year] = cell;
      else this.issues.add('invalid_value', [...path, year], 'a printed total cannot be pm: leave the year out');
    }
    return out;
  }

  private cell(raw: unknown, path: Path): Cell | undefined {
    if (typeof raw === 'string') {
      const pm = PM_TOKEN.exec(raw.trim());
      if (pm !== null) {
        const sign = pm[1];
        if (sign === undefined) return PM;
        const voordeel = (sign === '+') !== this.#negate;
        return Object.freeze({ kind: 'pm' as const, direction: voordeel ? ('voordeel' as const) : ('nadeel' as const) });
      }
    }
    if (raw instanceof JsonNumberText) {
      this.issues.add('imprecise_number', path, `the number ${raw.text} may lose precision as a JSON number; write it as a string ("${raw.text}")`);
      return undefined;
    }
    const reading = readAmount(raw, this.#unit, this.#format);
    if (!reading.ok) {
      this.issues.add(reading.code, path, reading.message);
      return undefined;
    }
    return this.#negate && !reading.value.isZero() ? reading.value.neg() : reading.value;
  }

  private yearKey(key: string, path: Path): number | undefined {
    if (!/^\d{4}$/.test(key)) {
      this.issues.add('invalid_year', path, `"${key}" is not a year`);
      return undefined;
    }
    const year = Number(key);
    const h = this.#horizon;
    if (h !== undefined && (year < h.from || year > h.to)) {
      this.issues.add('year_outside_horizon', path, `the year ${year} is outside the horizon ${h.from}..${h.to}`);
      return undefined;
    }
    return year;
  }

  private year(raw: unknown, path: Path, required: boolean): number | undefined {
    if (raw === undefined) {
      if (required) this.issues.add('missing_field', path, 'a year is required');
      return undefined;
    }
    if (typeof raw !== 'number' || !Number.isInteger(raw)) {
      this.issues.add('invalid_year', path, `a year must be a whole number such as 2026, not ${describe(raw)}`);
      return undefined;
    }
    if (raw < MIN_YEAR || raw > MAX_YEAR) {
      this.issues.add('invalid_year', path, `the year ${raw} is outside ${MIN_YEAR}..${MAX_YEAR}`);
      return undefined;
    }
    return raw;
  }

  // ---- primitives --------------------------------------------------------

  private object(raw: unknown, path: Path): Raw | undefined {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      this.issues.add(raw === undefined ? 'missing_field' : 'invalid_type', path, raw === undefined ? 'a value is required here' : `expected an object, got ${describe(raw)}`);
      return undefined;
    }
    return raw as Raw;
  }

  private list(raw: unknown, path: Path, required: boolean): unknown[] {
    if (raw === undefined) {
      if (required) this.issues.add('missing_field', path, 'a list is required here');
      return [];
    }
    if (!Array.isArray(raw)) {
      this.issues.add('invalid_type', path, `expected a list, got ${describe(raw)}`);
      return [];
    }
    return raw;
  }

  private fields(obj: Raw, known: readonly string[], path: Path): void {
    for (const key of Object.keys(obj)) {
      tally('fieldRead');
      if (FORBIDDEN_KEYS.has(key)) continue; // reported by the shape check
      if (!known.includes(key)) {
        const hint = known.find((k) => k.toLowerCase() === key.toLowerCase());
        this.issues.add('unknown_field', [...path, key], `unknown field "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; known: ${known.join(', ')}`);
      }
    }
  }

  private text(raw: unknown, path: Path, required: boolean, allowEmpty = false): string | undefined {
    if (raw === undefined) {
      if (required) this.issues.add('missing_field', path, 'a text is required here');
      return undefined;
    }
    if (typeof raw !== 'string') {
      this.issues.add('invalid_type', path, `expected a text, got ${describe(raw)}`);
      return undefined;
    }
    if ((!allowEmpty && raw.trim() === '') || raw.length > MAX_TEXT_LENGTH) {
      this.issues.add('invalid_value', path, raw.length > MAX_TEXT_LENGTH ? `a text is longer than ${MAX_TEXT_LENGTH} characters` : 'a text is empty');
      return undefined;
    }
    return raw;
  }

  private choice<T extends string>(raw: unknown, options: readonly T[], path: Path, required: boolean): T | undefined {
    if (raw === undefined) {
      if (required) this.issues.add('missing_field', path, `required: one of ${options.map((o) => `"${o}"`).join(', ')}`);
      return undefined;
    }
    if (typeof raw !== 'string' || !(options as readonly string[]).includes(raw)) {
      this.issues.add('invalid_value', path, `expected one of ${options.map((o) => `"${o}"`).join(', ')}, got ${describe(raw)}`);
      return undefined;
    }
    return raw as T;
  }

  private tags(raw: unknown, path: Path): Record<string, string> {
    const out = idRecord<string>();
    if (raw === undefined) return out;
    const obj = this.object(raw, path);
    if (obj === undefined) return out;
    for (const key of Object.keys(obj)) {
      const value = this.text(obj[key], [...path, key], true, true);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  private id(raw: unknown, path: Path, kind: string): string | undefined {
    if (raw === undefined) {
      this.issues.add('missing_field', path, `a ${kind} needs an id`);
      return undefined;
    }
    if (typeof raw !== 'string') {
      this.issues.add('invalid_type', path, `an id is a text ("1.4"), got ${describe(raw)}`);
      return undefined;
    }
    if (FORBIDDEN_KEYS.has(raw)) {
      this.issues.add('forbidden_key', path, `"${raw}" cannot be an id`);
      return undefined;
    }
    if (!ID.test(raw) || raw.length > MAX_ID_LENGTH) {
      this.issues.add('invalid_id', path, `"${raw}" is not a valid id: letters, digits and . _ - / : only, starting with a letter or digit, at most ${MAX_ID_LENGTH} characters`);
      return undefined;
    }
    return this.claim(raw, path, kind);
  }

  private claim(id: string, path: Path, kind: string): string | undefined {
    const key = `${kind === 'section' ? 'section' : 'row'}:${id}`;
    const earlier = this.#ids.get(key);
    if (earlier !== undefined) {
      this.issues.add('duplicate_id', kind === 'component' && !path.includes('id') ? path : path, `the id "${id}" is used twice (first at ${earlier})`);
      return undefined;
    }
    this.#ids.set(key, path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, ''));
    return id;
  }
}

/** Whether raw values write anything (a bad value is reported on its own, not as "no values"). */
function writesValues(raw: unknown): boolean {
  if (Array.isArray(raw)) return raw.some((v) => v !== null);
  return typeof raw === 'object' && raw !== null && Object.keys(raw).length > 0;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof JsonNumberText) return value.text;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}
