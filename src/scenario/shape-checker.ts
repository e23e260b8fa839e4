import { readAmount, type NumberFormat } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import type { IssueCode, IssueCollector, Path } from '../core/errors.js';
import { tally } from '../core/work.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { NATURES, UNITS, unitFactor, type Nature } from '../model/budget.js';
import { MAX_TEXT_LENGTH, checkKeys, idProblem, idRuleText, type IdRule } from '../document/ids.js';
import { JsonNumberText } from '../document/json.js';
import { choiceMessage, describeValue, impreciseMessage, isRecord, isWholeNumber, isYearKey, textProblem } from '../core/fields.js';

/** A value read from JSON, as an object. @internal */
export type Raw = Record<string, unknown>;

const ONE = new Dec(1);
/** Euros per unit of each unit a budget may have: an amount of a scenario without a unit must fit one of them. */
const FACTORS: readonly Decimal[] = UNITS.map((u) => new Dec(unitFactor(u)));
/** The pm tokens. @internal */
export const PM_VALUES = ['pm', '-pm', '+pm'];


/** A value as text for a message: the shared {@link describeValue}. */
export const show = describeValue;

/**
 * Visits every index of a list, holes included (`forEach` skips the holes of a sparse array such as `[, {}]`, so a
 * hole passed the check and reached the engine as `undefined`).
 */
export function each(list: readonly unknown[], visit: (value: unknown, index: number) => void): void {
  for (let i = 0; i < list.length; i++) visit(list[i], i);
}

/** Whether a value is a record: the shared {@link isRecord}. */
export const isObject: (v: unknown) => v is Raw = isRecord;

/**
 * The field checks of a scenario's shape, shared by the change kinds; records every problem, the scenario is usable
 * when none were recorded.
 * @internal
 */
export class ShapeChecker {
  /**
   * @param c - where problems go
   * @param format - the scenario's number format
   * @param factor - euros per unit of the scenario's declared unit; undefined when the budget's unit decides
   */
  constructor(
    readonly c: IssueCollector,
    readonly format: NumberFormat | undefined,
    private readonly factor: Decimal | undefined,
  ) {}

  fields(value: Raw, allowed: readonly string[], path: Path): void {
    tally('fieldRead', Object.keys(value).length);
    checkKeys(value, allowed, path, 'unknown', (code, at, message) => this.c.add(code, at, message));
  }

  /** A reference to something that exists (a line, a component such as `1.7#1`, a claim, a scenario). */
  id(value: unknown, path: Path, what: string): void {
    if (value === undefined) this.c.add('missing_field', path, `${what} is missing`);
    else this.idRule(value, path, what, 'reference');
  }

  /**
   * The id of a line or component a change creates: by the budget loader's rules (letters, digits and `. _ - / :`,
   * at most 64 characters, never `__proto__`, `constructor`, `prototype`), so that the result loads again.
   */
  newId(value: unknown, path: Path, what: string): void {
    if (value === undefined) this.c.add('missing_field', path, `${what} is missing`);
    else this.idRule(value, path, what, 'id');
  }

  /** A present id or reference by the shared rule of `document/ids.ts`. */
  private idRule(value: unknown, path: Path, what: string, rule: IdRule): void {
    const problem = typeof value === 'string' ? idProblem(value, rule) : 'invalid_id';
    if (problem === 'forbidden_key') this.c.add('forbidden_key', path, `"${String(value)}" cannot be an id`);
    else if (problem === 'invalid_id') this.c.add('invalid_id', path, `${what} must be an id of ${idRuleText(rule)}`);
  }

  text(value: unknown, path: Path, what: string, required: boolean): void {
    if (value === undefined) {
      if (required) this.c.add('missing_field', path, `${what} is missing`);
    } else if (textProblem(value, MAX_TEXT_LENGTH, true) !== undefined) this.c.add('invalid_type', path, `${what} must be a text`);
  }

  /** A text that becomes part of the budget (a title, a tag value): by the budget loader's rules. */
  budgetText(value: unknown, path: Path, what: string, required: boolean): void {
    if (value === undefined) {
      if (required) this.c.add('missing_field', path, `${what} is missing`);
      return;
    }
    const problem = textProblem(value, MAX_TEXT_LENGTH, !required);
    if (problem === 'not-text') this.c.add('invalid_type', path, `${what} must be a text`);
    else if (problem === 'too-long') this.c.add('invalid_value', path, `${what} is longer than ${MAX_TEXT_LENGTH} characters`);
    else if (problem === 'empty') this.c.add('invalid_value', path, `${what} is empty`);
  }

  /**
   * An amount in the scenario's unit: its limits (18 digits before and 6 after the decimal point) hold in euros.
   * Without a declared unit the budget's unit decides, so here it must fit at least one unit (applying the
   * scenario checks it in the budget's unit).
   */
  amount(value: unknown, path: Path): boolean {
    if (value instanceof JsonNumberText) {
      this.c.add('imprecise_number', path, impreciseMessage(value.text));
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
      this.c.add('imprecise_number', path, impreciseMessage(value.text));
      return undefined;
    }
    const reading = readAmount(value, ONE, this.format);
    if (!reading.ok) this.c.add(reading.code, path, reading.message);
    return reading.ok ? reading.value : undefined;
  }

  year(value: unknown, path: Path): value is number {
    if (!isWholeNumber(value) || value < MIN_YEAR || value > MAX_YEAR) {
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
      if (!isYearKey(year)) this.c.add('invalid_year', [...path, year], `"${year}" is not a year`);
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
      if (!isWholeNumber(d) || d < 0 || d > 50) this.c.add('invalid_value', [...path, 'delay'], 'a delay is a whole number of years from 0 to 50');
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
    } else if (!NATURES.includes(value as Nature)) this.c.add('invalid_value', path, choiceMessage('nature', NATURES, value));
  }

  values(value: unknown, path: Path, required: boolean): void {
    if (value === undefined) {
      if (required) this.c.add('missing_field', path, 'values are missing');
      return;
    }
    if (!isObject(value)) return this.c.add('invalid_type', path, 'values must be an object by year: { "2026": "-500" }');
    for (const [year, v] of Object.entries(value)) {
      if (!isYearKey(year)) this.c.add('invalid_year', [...path, year], `"${year}" is not a year`);
      if (typeof v === 'string' && PM_VALUES.includes(v.trim().toLowerCase())) continue;
      this.amount(v, [...path, year]);
    }
  }

}
