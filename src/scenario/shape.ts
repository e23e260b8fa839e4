import { readAmount, type NumberFormat } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import { IssueCollector, type IssueCode, type Path } from '../core/errors.js';
import { tally } from '../core/work.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { unitFactor, type Nature, type Unit } from '../model/budget.js';
import { ID_PATTERN as NEW_ID, MAX_ID_LENGTH, MAX_TEXT_LENGTH } from '../document/ids.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_VALUES, FORBIDDEN_KEYS, JsonNumberText, checkShape } from '../document/json.js';
import { checkLinksShape } from './links.js';
import { either, integer, issueCollector, oneOf, pathOf, readOptions, requireArgument } from '../core/guard.js';
import type { RoundingMode } from '../core/decimal.js';

type Raw = Record<string, unknown>;

/** A reference: an id as the loader writes it, or a default component id such as `1.7#1`. */
const ID = /^[\p{L}\p{N}][\p{L}\p{N}._\-/:#]*$/u;
const ONE = new Dec(1);
/** Euros per unit of each unit a budget may have: an amount of a scenario without a unit must fit one of them. */
const FACTORS: readonly Decimal[] = (['euro', 'thousand', 'million'] as const).map((u) => new Dec(unitFactor(u)));
const UNITS: readonly Unit[] = ['euro', 'thousand', 'million'];
const FORMATS: readonly NumberFormat[] = ['plain', 'nl', 'en'];
const NATURES: readonly Nature[] = ['incidental', 'structural'];
const MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceil'];
const PM_VALUES = ['pm', '-pm', '+pm'];

const SCENARIO_FIELDS = ['$schema', 'id', 'title', 'extends', 'unit', 'numberFormat', 'rounding', 'description', 'changes'];
const CHANGE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'set-amount': ['kind', 'line', 'years', 'value', 'note'],
  'estimate-pm': ['kind', 'line', 'years', 'value', 'note'],
  'drop-line': ['kind', 'line', 'note'],
  'set-nature': ['kind', 'line', 'nature', 'note'],
  'add-line': ['kind', 'section', 'after', 'line', 'note'],
  'move-amount': ['kind', 'from', 'to', 'years', 'amount', 'note'],
  index: ['kind', 'select', 'rates', 'links', 'requireLinked', 'note'],
  'add-claim': ['kind', 'claim', 'before', 'note'],
  'set-claim': ['kind', 'claim', 'source', 'extent', 'years', 'note'],
  'drop-claim': ['kind', 'claim', 'note'],
  'set-capacity': ['kind', 'source', 'capacity', 'years', 'value', 'note'],
  'set-reserve-opening': ['kind', 'source', 'value', 'note'],
  'set-target-path': ['kind', 'target', 'years', 'value', 'note'],
  'set-realisation': ['kind', 'target', 'measures', 'realisation', 'note'],
};
const NEW_CLAIM_FIELDS = ['id', 'target', 'source', 'extent', 'years'];
const NEW_LINE_FIELDS = ['id', 'title', 'nature', 'tags', 'values', 'components'];
const NEW_COMPONENT_FIELDS = ['id', 'title', 'nature', 'tags', 'values'];

/** A value as text for a message, whatever it is: a bigint, a symbol or an object without a prototype too. */
function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Visits every index of a list, holes included (`forEach` skips the holes of a sparse array such as `[, {}]`, so a
 * hole passed the check and reached the engine as `undefined`).
 */
function each(list: readonly unknown[], visit: (value: unknown, index: number) => void): void {
  for (let i = 0; i < list.length; i++) visit(list[i], i);
}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumberText);

/** Checks the shape of one scenario and records every problem; the scenario is usable when none were recorded. */
class ShapeChecker {
  /**
   * @param c - where problems go
   * @param format - the scenario's number format
   * @param factor - euros per unit of the scenario's declared unit; undefined when the budget's unit decides
   */
  constructor(
    private readonly c: IssueCollector,
    private readonly format: NumberFormat | undefined,
    private readonly factor: Decimal | undefined,
  ) {}

  fields(value: Raw, allowed: readonly string[], path: Path): void {
    for (const key of Object.keys(value)) {
      tally('fieldRead');
      if (!allowed.includes(key)) this.c.add('unknown_field', [...path, key], `unknown field "${key}"`);
    }
  }

  /** A reference to something that exists (a line, a component such as `1.7#1`, a claim, a scenario). */
  id(value: unknown, path: Path, what: string): void {
    if (value === undefined) this.c.add('missing_field', path, `${what} is missing`);
    else if (typeof value === 'string' && FORBIDDEN_KEYS.has(value)) this.c.add('forbidden_key', path, `"${value}" cannot be an id`);
    else if (typeof value !== 'string' || !ID.test(value) || value.length > MAX_ID_LENGTH) this.c.add('invalid_id', path, `${what} must be an id such as "1.4"`);
  }

  /**
   * The id of a line or component a change creates: by the budget loader's rules (letters, digits and `. _ - / :`,
   * at most 64 characters, never `__proto__`, `constructor`, `prototype`), so that the result loads again.
   */
  newId(value: unknown, path: Path, what: string): void {
    if (value === undefined) this.c.add('missing_field', path, `${what} is missing`);
    else if (typeof value === 'string' && FORBIDDEN_KEYS.has(value)) this.c.add('forbidden_key', path, `"${value}" cannot be an id`);
    else if (typeof value !== 'string' || !NEW_ID.test(value) || value.length > MAX_ID_LENGTH) {
      this.c.add('invalid_id', path, `${what} must be an id of letters, digits and . _ - / : (starting with a letter or digit, at most ${MAX_ID_LENGTH} characters)`);
    }
  }

  text(value: unknown, path: Path, what: string, required: boolean): void {
    if (value === undefined) {
      if (required) this.c.add('missing_field', path, `${what} is missing`);
    } else if (typeof value !== 'string' || value.length > MAX_TEXT_LENGTH) this.c.add('invalid_type', path, `${what} must be a text`);
  }

  /** A text that becomes part of the budget (a title, a tag value): by the budget loader's rules. */
  budgetText(value: unknown, path: Path, what: string, required: boolean): void {
    if (value === undefined) {
      if (required) this.c.add('missing_field', path, `${what} is missing`);
    } else if (typeof value !== 'string') this.c.add('invalid_type', path, `${what} must be a text`);
    else if (value.length > MAX_TEXT_LENGTH) this.c.add('invalid_value', path, `${what} is longer than ${MAX_TEXT_LENGTH} characters`);
    else if (required && value.trim() === '') this.c.add('invalid_value', path, `${what} is empty`);
  }

  /**
   * An amount in the scenario's unit: its limits (18 digits before and 6 after the decimal point) hold in euros.
   * Without a declared unit the budget's unit decides, so here it must fit at least one unit (applying the
   * scenario checks it in the budget's unit).
   */
  amount(value: unknown, path: Path): boolean {
    if (value instanceof JsonNumberText) {
      this.c.add('imprecise_number', path, `the number ${value.text} may have lost precision; write it as a string`);
      return false;
    }
    const reading = readAmount(value, this.factor ?? ONE, this.format);
    if (!reading.ok && reading.code === 'amount_out_of_range' && this.factor === undefined && FACTORS.some((f) => readAmount(value, f, this.format).ok)) return true;
    if (!reading.ok) this.c.add(reading.code, path, reading.message);
    return reading.ok;
  }

  /** A number without a unit (a percentage, a share, a rate): read as written. */
  number(value: unknown, path: Path): Decimal | undefined {
    if (value instanceof JsonNumberText) {
      this.c.add('imprecise_number', path, `the number ${value.text} may have lost precision; write it as a string`);
      return undefined;
    }
    const reading = readAmount(value, ONE, this.format);
    if (!reading.ok) this.c.add(reading.code, path, reading.message);
    return reading.ok ? reading.value : undefined;
  }

  year(value: unknown, path: Path): value is number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
      this.c.add('invalid_year', path, `a year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}`);
      return false;
    }
    return true;
  }

  years(value: unknown, path: Path, required: boolean): void {
    if (value === undefined) {
      if (required) this.c.add('missing_field', path, 'years are missing: a list of years or { from, to }');
      return;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) this.c.add('invalid_years', path, 'the list of years is empty');
      const seen = new Set<unknown>();
      each(value, (y, i) => {
        if (this.year(y, [...path, i]) && seen.has(y)) this.c.add('duplicate_year', [...path, i], `${String(y)} is listed twice`);
        seen.add(y);
      });
      return;
    }
    if (!isObject(value)) {
      this.c.add('invalid_type', path, 'years must be a list of years or { from, to }');
      return;
    }
    this.fields(value, ['from', 'to'], path);
    const fromOk = value['from'] === undefined ? (this.c.add('missing_field', [...path, 'from'], 'from is missing'), false) : this.year(value['from'], [...path, 'from']);
    const toOk = value['to'] === undefined ? false : this.year(value['to'], [...path, 'to']);
    if (fromOk && toOk && (value['to'] as number) < (value['from'] as number)) this.c.add('invalid_years', path, 'from is after to');
  }

  /**
   * Reads an amount (in the scenario's unit) or, with `unitless`, a share or rate, and checks it is zero or more;
   * returns it as written (factor 1) when it is.
   */
  positive(value: unknown, path: Path, negativeCode: IssueCode, unitless = false): Decimal | undefined {
    if (value === undefined) {
      this.c.add('missing_field', path, 'an amount is missing');
      return undefined;
    }
    if (!unitless && !this.amount(value, path)) return undefined;
    const r = readAmount(value, ONE, this.format);
    if (!r.ok) {
      if (unitless) this.c.add(r.code, path, r.message);
      return undefined;
    }
    if (r.value.isNegative() && !r.value.isZero()) {
      this.c.add(negativeCode, path, 'the amount must be zero or more');
      return undefined;
    }
    return r.value;
  }

  /** Amounts by year, each zero or more. */
  yearAmounts(value: unknown, path: Path, negativeCode: IssueCode): void {
    if (!isObject(value)) return this.c.add(value === undefined ? 'missing_field' : 'invalid_type', path, 'amounts must be an object by year: { "2026": "500" }');
    if (Object.keys(value).length === 0) this.c.add('invalid_value', path, 'give at least one year');
    for (const [year, v] of Object.entries(value)) {
      if (!/^\d{4}$/.test(year)) this.c.add('invalid_year', [...path, year], `"${year}" is not a year`);
      this.positive(v, [...path, year], negativeCode);
    }
  }

  extent(value: unknown, path: Path): void {
    if (value === 'full') return;
    if (!isObject(value)) return this.c.add('invalid_value', path, 'extent must be "full", { share } or { amount }');
    const keys = Object.keys(value);
    if (keys.length !== 1 || (keys[0] !== 'share' && keys[0] !== 'amount')) return this.c.add('invalid_value', path, 'extent must be "full", { share } or { amount }');
    if (keys[0] === 'amount') return this.yearAmounts(value['amount'], [...path, 'amount'], 'negative_amount');
    const share = this.positive(value['share'], [...path, 'share'], 'invalid_share', true);
    if (share !== undefined && share.gt(1)) this.c.add('invalid_share', [...path, 'share'], 'a share is between 0 and 1');
  }

  capacity(value: unknown, path: Path): void {
    if (value === 'balance' || value === 'unlimited') return;
    const message = 'capacity must be { perYear }, { total, from? }, { line, years? }, "balance" or "unlimited"';
    if (!isObject(value)) return this.c.add('invalid_value', path, message);
    if ('perYear' in value) {
      this.fields(value, ['perYear'], path);
      return this.yearAmounts(value['perYear'], [...path, 'perYear'], 'negative_capacity');
    }
    if ('total' in value) {
      this.fields(value, ['total', 'from'], path);
      this.positive(value['total'], [...path, 'total'], 'negative_capacity');
      if (value['from'] !== undefined) this.year(value['from'], [...path, 'from']);
      return;
    }
    if ('line' in value) {
      this.fields(value, ['line', 'years'], path);
      this.id(value['line'], [...path, 'line'], 'line');
      const years = value['years'];
      if (years !== undefined) {
        if (!Array.isArray(years) || years.length === 0) this.c.add('invalid_years', [...path, 'years'], 'years must be a non-empty list of years');
        else each(years, (y, i) => this.year(y, [...path, 'years', i]));
      }
      return;
    }
    this.c.add('invalid_value', path, message);
  }

  /** A rate of a realisation: zero or more; above 1 only when allowed. */
  realisationRate(value: unknown, path: Path, allowed: boolean): void {
    const rate = this.positive(value, path, 'invalid_rate', true);
    if (rate !== undefined && rate.gt(1) && !allowed) this.c.add('realisation_above_plan', path, 'a rate above 1 delivers more than planned; say so with "abovePlan": true');
  }

  realisation(value: unknown, path: Path): void {
    if (value === 'as-planned' || value === 'none') return;
    const message = 'realisation must be "as-planned", "none", { rate }, { amount } or { delay, rate? }';
    if (!isObject(value)) return this.c.add(value === undefined ? 'missing_field' : 'invalid_value', path, message);
    const above = value['abovePlan'];
    if (above !== undefined && typeof above !== 'boolean') this.c.add('invalid_type', [...path, 'abovePlan'], 'abovePlan is true or false');
    const allowed = above === true;
    if ('delay' in value) {
      this.fields(value, ['delay', 'rate', 'abovePlan'], path);
      const d = value['delay'];
      if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 50) this.c.add('invalid_value', [...path, 'delay'], 'a delay is a whole number of years from 0 to 50');
      if (value['rate'] !== undefined) this.realisationRate(value['rate'], [...path, 'rate'], allowed);
      return;
    }
    if ('rate' in value) {
      this.fields(value, ['rate', 'abovePlan'], path);
      return this.realisationRate(value['rate'], [...path, 'rate'], allowed);
    }
    if ('amount' in value) {
      this.fields(value, ['amount', 'abovePlan'], path);
      return this.yearAmounts(value['amount'], [...path, 'amount'], 'negative_amount');
    }
    this.c.add('invalid_value', path, message);
  }

  tags(value: unknown, path: Path): void {
    if (value === undefined) return;
    if (!isObject(value)) return this.c.add('invalid_type', path, 'tags must be an object of texts');
    for (const [k, v] of Object.entries(value)) this.budgetText(v, [...path, k], 'a tag', false);
  }

  nature(value: unknown, path: Path, required: boolean): void {
    if (value === undefined) {
      if (required) this.c.add('missing_nature', path, 'nature is missing: "incidental" or "structural"');
    } else if (!NATURES.includes(value as Nature)) this.c.add('invalid_value', path, 'nature must be "incidental" or "structural"');
  }

  values(value: unknown, path: Path, required: boolean): void {
    if (value === undefined) {
      if (required) this.c.add('missing_field', path, 'values are missing');
      return;
    }
    if (!isObject(value)) return this.c.add('invalid_type', path, 'values must be an object by year: { "2026": "-500" }');
    for (const [year, v] of Object.entries(value)) {
      if (!/^\d{4}$/.test(year)) this.c.add('invalid_year', [...path, year], `"${year}" is not a year`);
      if (typeof v === 'string' && PM_VALUES.includes(v.trim().toLowerCase())) continue;
      this.amount(v, [...path, year]);
    }
  }

  change(change: unknown, path: Path): void {
    if (!isObject(change)) return this.c.add('invalid_type', path, 'a change must be an object with a kind');
    const kind = change['kind'];
    const allowed = typeof kind === 'string' && Object.hasOwn(CHANGE_FIELDS, kind) ? CHANGE_FIELDS[kind] : undefined;
    if (allowed === undefined) return this.c.add('unknown_change_kind', [...path, 'kind'], `unknown change kind ${show(kind)}; use ${Object.keys(CHANGE_FIELDS).join(', ')}`);
    this.fields(change, allowed, path);
    this.text(change['note'], [...path, 'note'], 'note', false);
    switch (kind) {
      case 'set-amount': {
        this.id(change['line'], [...path, 'line'], 'line');
        this.years(change['years'], [...path, 'years'], true);
        const value = change['value'];
        const vp = [...path, 'value'];
        if (!('value' in change)) this.c.add('missing_field', vp, 'value is missing');
        else if (value === null) break;
        else if (typeof value === 'string' && PM_VALUES.includes(value.trim().toLowerCase())) break;
        else if (isObject(value)) {
          const keys = Object.keys(value);
          if (keys.length !== 1 || (keys[0] !== 'percent' && keys[0] !== 'add')) this.c.add('invalid_value', vp, 'value must be an amount, { percent }, { add }, "pm" or null');
          else if (keys[0] === 'percent') this.number(value['percent'], [...vp, 'percent']);
          else this.amount(value['add'], [...vp, 'add']);
        } else this.amount(value, vp);
        break;
      }
      case 'estimate-pm': {
        this.id(change['line'], [...path, 'line'], 'line');
        this.years(change['years'], [...path, 'years'], false);
        const value = change['value'];
        const vp = [...path, 'value'];
        if (value === undefined) this.c.add('missing_field', vp, 'value is missing');
        else if (isObject(value)) {
          this.fields(value, ['low', 'likely', 'high'], vp);
          const parts = (['low', 'likely', 'high'] as const).map((k) => {
            if (value[k] === undefined) {
              this.c.add('missing_field', [...vp, k], `${k} is missing`);
              return undefined;
            }
            if (!this.amount(value[k], [...vp, k])) return undefined;
            const r = readAmount(value[k], new Dec(1), this.format);
            return r.ok ? r.value : undefined;
          });
          const [low, likely, high] = parts;
          if (low !== undefined && high !== undefined && low.gt(high)) this.c.add('invalid_range', vp, 'low is greater than high');
          else if (low !== undefined && likely !== undefined && high !== undefined && (likely.lt(low) || likely.gt(high))) {
            this.c.add('invalid_range', [...vp, 'likely'], 'likely must lie between low and high');
          }
        } else this.amount(value, vp);
        break;
      }
      case 'drop-line':
        this.id(change['line'], [...path, 'line'], 'line');
        break;
      case 'set-nature':
        this.id(change['line'], [...path, 'line'], 'line');
        this.nature(change['nature'], [...path, 'nature'], true);
        break;
      case 'add-line': {
        this.id(change['section'], [...path, 'section'], 'section');
        if (change['after'] !== undefined) this.id(change['after'], [...path, 'after'], 'after');
        const line = change['line'];
        const lp = [...path, 'line'];
        if (!isObject(line)) {
          this.c.add(line === undefined ? 'missing_field' : 'invalid_type', lp, 'line must be an object { id, title, nature, values }');
          break;
        }
        this.fields(line, NEW_LINE_FIELDS, lp);
        this.newId(line['id'], [...lp, 'id'], 'line id');
        this.budgetText(line['title'], [...lp, 'title'], 'title', true);
        this.nature(line['nature'], [...lp, 'nature'], true);
        this.tags(line['tags'], [...lp, 'tags']);
        this.values(line['values'], [...lp, 'values'], false);
        const comps = line['components'];
        if (comps !== undefined) {
          if (!Array.isArray(comps)) this.c.add('invalid_type', [...lp, 'components'], 'components must be a list');
          else
            each(comps, (comp, i) => {
              const cp = [...lp, 'components', i];
              if (!isObject(comp)) return this.c.add('invalid_type', cp, 'a component must be an object { title, values }');
              this.fields(comp, NEW_COMPONENT_FIELDS, cp);
              if (comp['id'] !== undefined) this.newId(comp['id'], [...cp, 'id'], 'component id');
              this.budgetText(comp['title'], [...cp, 'title'], 'title', true);
              this.nature(comp['nature'], [...cp, 'nature'], false);
              this.tags(comp['tags'], [...cp, 'tags']);
              this.values(comp['values'], [...cp, 'values'], true);
            });
        }
        break;
      }
      case 'move-amount':
        this.id(change['from'], [...path, 'from'], 'from');
        this.id(change['to'], [...path, 'to'], 'to');
        if (change['from'] !== undefined && change['from'] === change['to']) this.c.add('invalid_value', [...path, 'to'], 'from and to are the same line');
        this.years(change['years'], [...path, 'years'], true);
        if (change['amount'] === undefined) this.c.add('missing_field', [...path, 'amount'], 'amount is missing');
        else this.amount(change['amount'], [...path, 'amount']);
        break;
      case 'index': {
        const sel = change['select'];
        const sp = [...path, 'select'];
        if (!isObject(sel)) this.c.add(sel === undefined ? 'missing_field' : 'invalid_type', sp, 'select must be { lines?, tags? }');
        else {
          this.fields(sel, ['lines', 'tags'], sp);
          const lines = sel['lines'];
          if (lines !== undefined) {
            if (!Array.isArray(lines)) this.c.add('invalid_type', [...sp, 'lines'], 'lines must be a list of ids');
            else each(lines, (id, i) => this.id(id, [...sp, 'lines', i], 'line'));
          }
          this.tags(sel['tags'], [...sp, 'tags']);
          if (lines === undefined && sel['tags'] === undefined) this.c.add('missing_field', sp, 'select needs lines or tags');
        }
        const rates = change['rates'];
        const rp = [...path, 'rates'];
        if (!isObject(rates)) this.c.add(rates === undefined ? 'missing_field' : 'invalid_type', rp, 'rates must be an object by year: { "2027": "2.5" }');
        else
          for (const [year, rate] of Object.entries(rates)) {
            if (!/^\d{4}$/.test(year)) this.c.add('invalid_year', [...rp, year], `"${year}" is not a year`);
            const r = this.number(rate, [...rp, year]);
            if (r !== undefined && r.lte(-100)) this.c.add('invalid_value', [...rp, year], 'a rate must be above -100 %');
          }
        checkLinksShape(change['links'], change['requireLinked'], path, this.c);
        break;
      }
      case 'add-claim': {
        if (change['before'] !== undefined) this.id(change['before'], [...path, 'before'], 'before');
        const claim = change['claim'];
        const cp = [...path, 'claim'];
        if (!isObject(claim)) {
          this.c.add(claim === undefined ? 'missing_field' : 'invalid_type', cp, 'claim must be an object { id, target, source, extent?, years? }');
          break;
        }
        this.fields(claim, NEW_CLAIM_FIELDS, cp);
        this.id(claim['id'], [...cp, 'id'], 'claim id');
        this.id(claim['target'], [...cp, 'target'], 'target');
        this.id(claim['source'], [...cp, 'source'], 'source');
        if (claim['extent'] !== undefined) this.extent(claim['extent'], [...cp, 'extent']);
        this.years(claim['years'], [...cp, 'years'], false);
        break;
      }
      case 'set-claim': {
        this.id(change['claim'], [...path, 'claim'], 'claim');
        if (change['source'] !== undefined) this.id(change['source'], [...path, 'source'], 'source');
        if (change['extent'] !== undefined) this.extent(change['extent'], [...path, 'extent']);
        if (change['years'] !== undefined && change['years'] !== 'all') this.years(change['years'], [...path, 'years'], true);
        if (change['source'] === undefined && change['extent'] === undefined && change['years'] === undefined) {
          this.c.add('missing_field', path, 'set-claim needs a new source, extent or years');
        }
        break;
      }
      case 'drop-claim':
        this.id(change['claim'], [...path, 'claim'], 'claim');
        break;
      case 'set-capacity': {
        this.id(change['source'], [...path, 'source'], 'source');
        const whole = change['capacity'] !== undefined;
        const partial = change['years'] !== undefined || change['value'] !== undefined;
        if (whole && partial) this.c.add('invalid_value', [...path, 'capacity'], 'give either a capacity, or years and a value');
        else if (whole) this.capacity(change['capacity'], [...path, 'capacity']);
        else if (partial) {
          this.years(change['years'], [...path, 'years'], true);
          this.positive(change['value'], [...path, 'value'], 'negative_capacity');
        } else this.c.add('missing_field', [...path, 'capacity'], 'give a capacity, or years and a value');
        break;
      }
      case 'set-reserve-opening':
        this.id(change['source'], [...path, 'source'], 'source');
        this.positive(change['value'], [...path, 'value'], 'negative_amount');
        break;
      case 'set-target-path': {
        this.id(change['target'], [...path, 'target'], 'target');
        this.years(change['years'], [...path, 'years'], true);
        const value = change['value'];
        if (!('value' in change)) this.c.add('missing_field', [...path, 'value'], 'value is missing');
        else if (value === null || (typeof value === 'string' && value.trim().toLowerCase() === 'pm')) break;
        else this.positive(value, [...path, 'value'], 'negative_amount');
        break;
      }
      case 'set-realisation': {
        this.id(change['target'], [...path, 'target'], 'target');
        const measures = change['measures'];
        if (measures !== undefined) {
          if (!Array.isArray(measures) || measures.length === 0) this.c.add('invalid_type', [...path, 'measures'], 'measures must be a non-empty list of measure ids');
          else {
            const seen = new Set<unknown>();
            each(measures, (id, i) => {
              this.id(id, [...path, 'measures', i], 'measure');
              if (seen.has(id)) this.c.add('duplicate_id', [...path, 'measures', i], `measure ${show(id)} is listed twice`);
              seen.add(id);
            });
          }
        }
        this.realisation(change['realisation'], [...path, 'realisation']);
        break;
      }
    }
  }
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
  const format = FORMATS.includes(raw['numberFormat'] as NumberFormat) ? (raw['numberFormat'] as NumberFormat) : undefined;
  const unit = UNITS.includes(raw['unit'] as Unit) ? (raw['unit'] as Unit) : undefined;
  const check = new ShapeChecker(collector, format, unit === undefined ? undefined : new Dec(unitFactor(unit)));
  check.fields(raw, SCENARIO_FIELDS, prefix);
  check.id(raw['id'], [...prefix, 'id'], 'id');
  check.text(raw['title'], [...prefix, 'title'], 'title', true);
  check.text(raw['description'], [...prefix, 'description'], 'description', false);
  if (raw['extends'] !== undefined) {
    check.id(raw['extends'], [...prefix, 'extends'], 'extends');
    if (raw['extends'] === raw['id']) collector.add('cycle', [...prefix, 'extends'], 'a scenario cannot extend itself');
  }
  if (raw['unit'] !== undefined && !UNITS.includes(raw['unit'] as Unit)) collector.add('invalid_value', [...prefix, 'unit'], `unit must be one of ${UNITS.join(', ')}`);
  if (raw['numberFormat'] !== undefined && format === undefined) collector.add('invalid_value', [...prefix, 'numberFormat'], `numberFormat must be one of ${FORMATS.join(', ')}`);
  const rounding = raw['rounding'];
  if (rounding !== undefined) {
    const rp = [...prefix, 'rounding'];
    if (!isObject(rounding)) collector.add('invalid_type', rp, 'rounding must be { places, mode }');
    else {
      check.fields(rounding, ['places', 'mode'], rp);
      const places = rounding['places'];
      if (typeof places !== 'number' || !Number.isInteger(places) || places < 0 || places > 6) collector.add('invalid_value', [...rp, 'places'], 'places must be a whole number from 0 to 6');
      if (!MODES.includes(rounding['mode'] as RoundingMode)) collector.add('invalid_value', [...rp, 'mode'], `mode must be one of ${MODES.join(', ')}`);
    }
  }
  const changes = raw['changes'];
  if (!Array.isArray(changes)) collector.add(changes === undefined ? 'missing_field' : 'invalid_type', [...prefix, 'changes'], 'changes must be a list');
  else each(changes, (change, i) => check.change(change, [...prefix, 'changes', i]));
}

