import type { Draft } from 'immer';
import { readAmount } from '../../core/amount.js';
import { Dec, plainString } from '../../core/decimal.js';
import { describeValue } from '../../core/fields.js';
import type { ParameterPeriod } from '../../model/drivers.js';
import { dayNumber, isPeriodDate } from '../../model/driver-values.js';
import { isObject } from '../shape-checker.js';
import type { ChangeStep } from './common.js';
import type { ChangeKindEntry, LineContext } from './context.js';
import { followDrivers, recordDriverWrite } from './driven.js';

/** A period of a dated parameter as a scenario writes it. @category Scenarios */
export interface ParameterPeriodSpec {
  /** First day, `yyyy-mm-dd`. */
  readonly from: string;
  /** The value from that day on, in the scenario's number format (not scaled by its unit). */
  readonly value: string | number;
}

/**
 * Give a dated parameter new periods (tarief wijzigen): the driven rows whose formulas name it follow, such as the
 * Ukraine reimbursement had the normvergoeding stayed at EUR 61 a day.
 * @example `{ kind: 'set-parameter', parameter: 'normvergoeding', periods: [{ from: '2022-03-01', value: '61' }] }`
 * @category Scenarios
 */
export interface SetParameterChange {
  /** Discriminant. */
  readonly kind: 'set-parameter';
  /** Id of the parameter. */
  readonly parameter: string;
  /** The new periods, by strictly increasing date; they replace the parameter's periods. */
  readonly periods: readonly ParameterPeriodSpec[];
  /** A note for reports. */
  readonly note?: string;
}

const ONE = new Dec(1);

function setParameter(ctx: LineContext, change: SetParameterChange, step: ChangeStep, i: number): void {
  const parameter = ctx.draft.drivers?.parameters.find((x) => x.id === change.parameter);
  if (parameter === undefined) {
    ctx.issue('unknown_reference', [...step.path, 'parameter'], `the budget has no parameter "${change.parameter}"`);
    return;
  }
  const periods: ParameterPeriod[] = [];
  for (const [k, p] of change.periods.entries()) {
    const reading = readAmount(p.value, ONE, step.format);
    if (!reading.ok) {
      ctx.issue(reading.code, [...step.path, 'periods', k, 'value'], reading.message);
      return;
    }
    periods.push(Object.freeze({ from: p.from, value: reading.value }));
  }
  parameter.periods = periods as Draft<ParameterPeriod>[];
  const text = periods.map((p) => `${p.from}=${plainString(p.value)}`).join(',');
  for (const year of ctx.draft.horizon.years) recordDriverWrite(ctx, `parameter ${parameter.id}`, year, text, i);
  followDrivers(ctx, step, i, parameter.id, 'periods');
}

/** The set-parameter change kind: fields, shape check, application and footprint. @internal */
export const setParameterKind = {
  fields: ['kind', 'parameter', 'periods', 'note'],
  shape(check, change, path) {
    check.id(change['parameter'], [...path, 'parameter'], 'parameter');
    const periods = change['periods'];
    if (!Array.isArray(periods) || periods.length === 0) {
      check.c.add(periods === undefined ? 'missing_field' : 'invalid_type', [...path, 'periods'], 'periods must be a non-empty list of { from, value }');
      return;
    }
    let last = -Infinity;
    periods.forEach((p: unknown, k) => {
      const at = [...path, 'periods', k];
      if (!isObject(p)) {
        check.c.add('invalid_type', at, `a period is { from, value }, not ${describeValue(p)}`);
        return;
      }
      check.fields(p, ['from', 'value'], at);
      const day = isPeriodDate(p['from']) ? dayNumber(p['from']) : undefined;
      if (day === undefined) check.c.add(p['from'] === undefined ? 'missing_field' : 'invalid_value', [...at, 'from'], `a period starts on a date yyyy-mm-dd (1900..2200), not ${describeValue(p['from'])}`);
      else if (day <= last) check.c.add('invalid_value', [...at, 'from'], 'the periods start on strictly increasing dates');
      if (day !== undefined) last = day;
      if (p['value'] === undefined) check.c.add('missing_field', [...at, 'value'], 'value is missing');
      else check.number(p['value'], [...at, 'value']);
    });
  },
  apply: setParameter,
  footprint: (change) => [`parameter ${change.parameter}`],
} satisfies ChangeKindEntry<SetParameterChange>;
