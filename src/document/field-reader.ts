import { readAmount, type NumberFormat } from '../core/amount.js';
import { Dec, noNegativeZero, type Decimal } from '../core/decimal.js';
import type { IssueCollector, IssueCode, Path } from '../core/errors.js';
import type { Horizon } from '../core/horizon.js';
import { unitFactor } from '../model/values.js';
import { FORBIDDEN_KEYS, JsonNumberText } from './json.js';
import { MAX_TEXT_LENGTH, checkKeys, idProblem, idRuleText } from './ids.js';
import { impreciseMessage, isRecord, isWholeNumber, isYearKey, readChoice, readText } from '../core/fields.js';
import { idRecord } from '../core/records.js';
import { requireArgument } from '../core/guard.js';
import { CONTEXT_SOURCE, NUMBER_FORMAT } from './field-checks.js';

export type { ReadContext } from './field-checks.js';
import type { ReadContext } from './field-checks.js';

type Raw = Record<string, unknown>;

/** Small validating primitives shared by the cover and savings readers. @internal */
export class FieldReader {
  constructor(
    readonly issues: IssueCollector,
    readonly ctx: ReadContext,
  ) {}

  object(raw: unknown, path: Path): Raw | undefined {
    if (!isRecord(raw)) {
      this.issues.add(raw === undefined ? 'missing_field' : 'invalid_type', path, raw === undefined ? 'a value is required here' : 'expected an object');
      return undefined;
    }
    return raw as Raw;
  }

  list(raw: unknown, path: Path, required: boolean): unknown[] {
    if (raw === undefined) {
      if (required) this.issues.add('missing_field', path, 'a list is required here');
      return [];
    }
    if (!Array.isArray(raw)) {
      this.issues.add('invalid_type', path, 'expected a list');
      return [];
    }
    return raw;
  }

  fields(obj: Raw, known: readonly string[], path: Path): void {
    checkKeys(obj, known, path, 'report', (code, at, message) => this.issues.add(code, at, message));
  }

  text(raw: unknown, path: Path, required: boolean, allowEmpty = false): string | undefined {
    return readText(this.issues, raw, path, required, MAX_TEXT_LENGTH, allowEmpty);
  }


  id(raw: unknown, path: Path): string | undefined {
    if (raw === undefined) {
      this.issues.add('missing_field', path, 'an id is required');
      return undefined;
    }
    // a forbidden key is an invalid_id here (as it always was for cover and savings ids), forbidden_key elsewhere
    if (typeof raw !== 'string' || idProblem(raw, 'reference') !== undefined) {
      this.issues.add(typeof raw === 'string' ? 'invalid_id' : 'invalid_type', path, `an id is a text of ${idRuleText('reference')}`);
      return undefined;
    }
    return raw;
  }

  choice<T extends string>(raw: unknown, options: readonly T[], path: Path, required: boolean): T | undefined {
    return readChoice(this.issues, raw, options, path, required);
  }


  tags(raw: unknown, path: Path): Record<string, string> {
    const out = idRecord<string>();
    if (raw === undefined) return out;
    const obj = this.object(raw, path);
    if (obj === undefined) return out;
    for (const key of Object.keys(obj)) {
      if (FORBIDDEN_KEYS.has(key)) continue;
      const value = this.text(obj[key], [...path, key], true, true);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  year(raw: unknown, path: Path): number | undefined {
    const h = this.ctx.horizon;
    if (!isWholeNumber(raw)) {
      this.issues.add(raw === undefined ? 'missing_field' : 'invalid_year', path, 'a year is a whole number such as 2026');
      return undefined;
    }
    if (raw < h.from || raw > h.to) {
      this.issues.add('year_outside_horizon', path, `the year ${raw} is outside the horizon ${h.from}..${h.to}`);
      return undefined;
    }
    return raw;
  }

  years(raw: unknown, path: Path): number[] | undefined {
    if (raw === undefined) return undefined;
    const out: number[] = [];
    this.list(raw, path, false).forEach((y, i) => {
      const year = this.year(y, [...path, i]);
      if (year === undefined) return;
      if (out.includes(year)) this.issues.add('duplicate_year', [...path, i], `the year ${year} is listed twice`);
      else out.push(year);
    });
    return out.sort((a, b) => a - b);
  }

  /**
   * An amount in euros that must not be negative.
   * @param negativeCode - the code when it is negative
   */
  amount(raw: unknown, path: Path, negativeCode: IssueCode, factor: Decimal = this.ctx.unitFactor): Decimal | undefined {
    if (raw instanceof JsonNumberText) {
      this.issues.add('imprecise_number', path, impreciseMessage(raw.text));
      return undefined;
    }
    const reading = readAmount(raw, factor, this.ctx.numberFormat);
    if (!reading.ok) {
      this.issues.add(reading.code, path, reading.message);
      return undefined;
    }
    if (reading.value.isNegative() && !reading.value.isZero()) {
      this.issues.add(negativeCode, path, `${reading.value.toFixed()} is negative; amounts here are zero or positive euros`);
      return undefined;
    }
    return reading.value;
  }

  /** A plain decimal number such as a rate ("0.5"), not scaled by the unit. */
  rate(raw: unknown, path: Path): Decimal | undefined {
    const text = raw instanceof JsonNumberText ? raw.text : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
    if (typeof text !== 'string' || !/^[+-]?\d+(?:\.\d+)?$/.test(text.trim())) {
      this.issues.add(raw === undefined ? 'missing_field' : 'invalid_value', path, 'expected a decimal number such as "0.5"');
      return undefined;
    }
    const rate = new Dec(text.trim());
    return noNegativeZero(rate); // "-0" is 0
  }

  /**
   * Amounts per year: an object keyed by year or an array aligned with the horizon (`null` = nothing).
   * @param negativeCode - the code for a negative amount
   */
  yearAmounts(raw: unknown, path: Path, negativeCode: IssueCode, factor: Decimal = this.ctx.unitFactor): Record<string, Decimal> {
    const out: Record<string, Decimal> = {};
    const h = this.ctx.horizon;
    const put = (yearKey: string, value: unknown, p: Path): void => {
      if (value === null) return;
      const amount = this.amount(value, p, negativeCode, factor);
      if (amount !== undefined) out[yearKey] = amount;
    };
    if (Array.isArray(raw)) {
      if (raw.length > h.years.length) this.issues.add('year_outside_horizon', [...path, h.years.length], `more values than the ${h.years.length} years of the horizon`);
      raw.forEach((value, i) => {
        const year = h.years[i];
        if (year !== undefined) put(String(year), value, [...path, i]);
      });
      return out;
    }
    const obj = this.object(raw, path);
    if (obj === undefined) return out;
    for (const key of Object.keys(obj)) {
      if (!isYearKey(key)) {
        this.issues.add('invalid_year', [...path, key], `"${key}" is not a year`);
        continue;
      }
      const year = Number(key);
      if (year < h.from || year > h.to) {
        this.issues.add('year_outside_horizon', [...path, key], `the year ${year} is outside the horizon ${h.from}..${h.to}`);
        continue;
      }
      put(key, obj[key], [...path, key]);
    }
    return out;
  }
}

/**
 * The read context of a budget: its horizon and rows, amounts in the unit the budget was written in.
 * @param budget - the budget
 * @param numberFormat - notation of amount strings; default plain
 * @category Cover
 */
export function contextOf(
  budget: { readonly horizon: Horizon; readonly presentation: { readonly unit: 'euro' | 'thousand' | 'million' }; readonly sections: readonly { readonly lines: readonly { readonly id: string; readonly components: readonly { readonly id: string }[] }[] }[] },
  numberFormat?: NumberFormat,
): ReadContext {
  requireArgument('contextOf', 'budget', budget, CONTEXT_SOURCE);
  if (numberFormat !== undefined) requireArgument('contextOf', 'numberFormat', numberFormat, NUMBER_FORMAT);
  const rows = new Map<string, string>();
  for (const section of budget.sections) {
    for (const line of section.lines) {
      rows.set(line.id, line.id);
      for (const c of line.components) rows.set(c.id, line.id);
    }
  }
  const factor = new Dec(unitFactor(budget.presentation.unit));
  return numberFormat === undefined ? { unitFactor: factor, horizon: budget.horizon, rows } : { unitFactor: factor, numberFormat, horizon: budget.horizon, rows };
}
