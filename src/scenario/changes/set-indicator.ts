import type { Draft } from 'immer';
import { readAmount } from '../../core/amount.js';
import { Dec, plainString, type Decimal } from '../../core/decimal.js';
import type { ChangeStep, YearSelection } from './common.js';
import type { ChangeKindEntry, LineContext } from './context.js';
import { followDrivers, recordDriverWrite } from './driven.js';

/**
 * Set an indicator's value for some years (indicator wijzigen): the driven rows whose formulas name it follow, such
 * as goal 2.1's money when the number of youths stays at 4.525.
 * @example `{ kind: 'set-indicator', indicator: 'jeugdigen', years: { from: 2027 }, value: '4525' }`
 * @category Scenarios
 */
export interface SetIndicatorChange {
  /** Discriminant. */
  readonly kind: 'set-indicator';
  /** Id of the indicator. */
  readonly indicator: string;
  /** Years the change applies to; default every year of the horizon. */
  readonly years?: YearSelection;
  /** The new value, as written in the scenario's number format; never scaled by the scenario's unit (an indicator is not money). */
  readonly value: string | number;
  /** A note for reports. */
  readonly note?: string;
}

const ONE = new Dec(1);

function setIndicator(ctx: LineContext, change: SetIndicatorChange, step: ChangeStep, i: number): void {
  const indicator = ctx.draft.drivers?.indicators.find((x) => x.id === change.indicator);
  if (indicator === undefined) {
    ctx.issue('unknown_reference', [...step.path, 'indicator'], `the budget has no indicator "${change.indicator}"`);
    return;
  }
  const reading = readAmount(change.value, ONE, step.format);
  if (!reading.ok) {
    ctx.issue(reading.code, [...step.path, 'value'], reading.message);
    return;
  }
  const years = ctx.years(step, change.years, () => [...ctx.draft.horizon.years]);
  const values = indicator.values as Record<string, Draft<Decimal>>;
  for (const year of years) {
    values[String(year)] = reading.value as Draft<Decimal>;
    recordDriverWrite(ctx, `indicator ${indicator.id}`, year, plainString(reading.value), i);
  }
  followDrivers(ctx, step, i, indicator.id, 'value');
}

/** The set-indicator change kind: fields, shape check, application and footprint. @internal */
export const setIndicatorKind = {
  fields: ['kind', 'indicator', 'years', 'value', 'note'],
  shape(check, change, path) {
    check.id(change['indicator'], [...path, 'indicator'], 'indicator');
    check.years(change['years'], [...path, 'years'], false);
    if (change['value'] === undefined) check.c.add('missing_field', [...path, 'value'], 'value is missing');
    else check.number(change['value'], [...path, 'value']);
  },
  apply: setIndicator,
  // the driven rows it moves are found in the trace; changes of one indicator are grouped by its key
  footprint: (change) => [`indicator ${change.indicator}`],
} satisfies ChangeKindEntry<SetIndicatorChange>;
