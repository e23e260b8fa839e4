import { NUMBER_FORMATS } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import { PLAIN_CELL_SETTINGS, readCell, type CellSettings } from './read-cell.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { tally } from '../core/work.js';
import type { Horizon } from '../core/horizon.js';
import {
  LINE_ROWS,
  NATURES,
  SIGN_CONVENTIONS,
  UNITS,
  unitFactor,
  type Budget,
  type Cell,
  type Component,
  type Line,
  type LineRow,
  type Nature,
  type Section,
} from '../model/budget.js';
import { readCover } from './read-cover.js';
import { contextOf } from './field-reader.js';
import { readTargets } from './read-targets.js';
import { drivenRowIds, readDrivers } from './read-drivers.js';
import { admitBudget } from './admitted.js';
import { BUDGET_FORMAT, BUDGET_FORMAT_VERSION } from './format.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_VALUES, checkShape, parseJsonText, type JsonLimits, type ValueLimits } from './json.js';
import { RawReader } from './raw-reader.js';
import { describeValue as describe, isYearKey } from '../core/fields.js';

const DOCUMENT_FIELDS = ['$schema', 'format', 'version', 'title', 'unit', 'sign', 'numberFormat', 'horizon', 'defaults', 'totalLabel', 'showIds', 'tags', 'sections', 'expected', 'cover', 'targets', 'drivers'];
const SECTION_FIELDS = ['id', 'title', 'lines', 'expected', 'totalLabel'];
const LINE_FIELDS = ['id', 'title', 'nature', 'tags', 'values', 'row', 'components'];
const COMPONENT_FIELDS = ['id', 'title', 'nature', 'tags', 'values'];

/**
 * Reads and validates a budget document (a `BudgetDocument` object or its JSON text) into a frozen, admitted
 * `Budget`, without checking its printed totals (which needs an evaluation: `loadBudget` in evaluate/ does
 * that). Every problem is reported at once in one `MeerjarenError`, each with a code and a path.
 * @param input - the document, or its JSON text
 * @param options - limits of the JSON text and of a document handed over as an object
 * @param check - run on the frozen budget before it is admitted (the check of printed totals), may add issues
 * @throws MeerjarenError when the document is not valid
 * @internal
 */
export function readBudget(input: unknown, options: JsonLimits & ValueLimits = {}, check?: (budget: Budget, collector: IssueCollector) => void): Budget {
  const collector = new IssueCollector();
  const raw = typeof input === 'string' ? parseJsonText(input, options) : input;
  if (typeof input !== 'string') checkShape(raw, options.maxDepth ?? DEFAULT_MAX_DEPTH, collector, options.maxValues ?? DEFAULT_MAX_VALUES, options.maxLength ?? DEFAULT_MAX_LENGTH);
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

class DocumentReader extends RawReader {
  #cells: CellSettings = PLAIN_CELL_SETTINGS;
  #horizon: Horizon | undefined;
  #defaultNature: Nature | undefined;
  #driven: ReadonlySet<string> = new Set();

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
    const sign = this.choice(doc['sign'], SIGN_CONVENTIONS, ['sign'], false) ?? 'voordeel-positive';
    const format = this.choice(doc['numberFormat'], NUMBER_FORMATS, ['numberFormat'], false);
    this.#cells = {
      unit: new Dec(unitFactor(unit)),
      format,
      negate: sign === 'nadeel-positive',
      plainEuros: unit === 'euro' && (format === undefined || format === 'plain'),
    };
    const defaults = doc['defaults'] === undefined ? undefined : this.object(doc['defaults'], ['defaults']);
    if (defaults !== undefined) {
      this.fields(defaults, ['nature'], ['defaults']);
      this.#defaultNature = this.choice(defaults['nature'], NATURES, ['defaults', 'nature'], false);
    }
    const totalLabel = this.text(doc['totalLabel'], ['totalLabel'], false) ?? 'TOTAAL SALDO PROGRAMMA';
    const tags = this.tags(doc['tags'], ['tags']);
    this.#horizon = this.horizon(doc['horizon'], ['horizon']);
    this.#driven = drivenRowIds(doc['drivers']);
    const sections = this.list(doc['sections'], ['sections'], true).flatMap((s, i) => this.section(s, ['sections', i]) ?? []);
    const expected = this.expected(doc['expected'], ['expected']);
    if (this.#horizon === undefined) return undefined;
    const showIds = this.flag(doc['showIds'], ['showIds']);
    const presentation = { unit, sign, totalLabel, ...(showIds === false ? { showIds } : {}) };
    // Cover and targets refer to rows, so they are read once the sections are known.
    const ctx = contextOf({ horizon: this.#horizon, presentation, sections }, format);
    const cover = doc['cover'] === undefined ? undefined : readCover(doc['cover'], ['cover'], this.issues, ctx);
    const targets = doc['targets'] === undefined ? undefined : readTargets(doc['targets'], ['targets'], this.issues, ctx);
    // driven rows get their formulas' values (checked against what the document writes) before the budget is frozen
    const drivers = doc['drivers'] === undefined ? undefined : readDrivers(doc['drivers'], sections, this.#horizon.years, this.#cells.unit, format, this.issues);
    return {
      title,
      horizon: this.#horizon,
      sections,
      presentation,
      ...(expected === undefined ? {} : { expected }),
      tags,
      ...(cover === undefined ? {} : { cover }),
      ...(targets === undefined ? {} : { targets }),
      ...(drivers === undefined ? {} : { drivers }),
    };
  }

  // ---- structure ---------------------------------------------------------

  private section(raw: unknown, path: Path): Section | undefined {
    const s = this.object(raw, path);
    if (s === undefined) return undefined;
    this.fields(s, SECTION_FIELDS, path);
    const id = this.id(s['id'], [...path, 'id'], 'section');
    const title = this.text(s['title'], [...path, 'title'], true) ?? '';
    const lines = this.list(s['lines'], [...path, 'lines'], true).flatMap((l, i) => this.line(l, [...path, 'lines', i]) ?? []);
    const expected = this.expected(s['expected'], [...path, 'expected']);
    const totalLabel = this.text(s['totalLabel'], [...path, 'totalLabel'], false);
    if (id === undefined) return undefined;
    return { id, title, lines, ...(expected === undefined ? {} : { expected }), ...(totalLabel === undefined ? {} : { totalLabel }) };
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
    const declaredRow = this.choice(l['row'], LINE_ROWS, [...path, 'row'], false);
    const lineNature = declaredNature ?? this.#defaultNature;
    const components: Component[] = [];
    this.list(l['components'], [...path, 'components'], false).forEach((c, i) => {
      const component = this.component(c, [...path, 'components', i], id ?? '?', i, lineNature);
      if (component !== undefined) components.push(component);
    });
    const ownYears = Object.keys(values);
    const componentYears = new Set(components.flatMap((c) => Object.keys(c.values)));
    const driven = id !== undefined && this.#driven.has(id);
    if (!driven && ownYears.length === 0 && components.length === 0 && !writesValues(l['values']) && !writesValues(l['components'])) {
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
    if (lineNature === undefined && (writesValues(l['values']) || driven)) {
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
    const driven = typeof written === 'string' ? this.#driven.has(written) : this.#driven.has(`${lineId}#${index + 1}`);
    const values = driven && c['values'] === undefined ? Object.freeze({}) : this.values(c['values'], [...path, 'values']);
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

  /** The cells of a row, frozen (every cell is frozen as it is read). */
  private values(raw: unknown, path: Path): Readonly<Record<string, Cell>> {
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
        const cell = readCell(v, path, i, this.#cells, this.issues);
        if (cell !== undefined && year !== undefined) out[String(year)] = cell;
      });
      return Object.freeze(out);
    }
    const obj = this.object(raw, path);
    if (obj === undefined) return out;
    for (const key of Object.keys(obj)) {
      tally('fieldRead');
      const year = this.yearKey(key, [...path, key]);
      const cell = readCell(obj[key], path, key, this.#cells, this.issues);
      if (year !== undefined && cell !== undefined) out[String(year)] = cell;
    }
    return Object.freeze(out);
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

  private yearKey(key: string, path: Path): number | undefined {
    if (!isYearKey(key)) {
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
}

/** Whether raw values write anything (a bad value is reported on its own, not as "no values"). */
function writesValues(raw: unknown): boolean {
  if (Array.isArray(raw)) return raw.some((v) => v !== null);
  return typeof raw === 'object' && raw !== null && Object.keys(raw).length > 0;
}
