import { readAmount } from '../../core/amount.js';
import { Dec, type Decimal } from '../../core/decimal.js';
import { isPm } from '../../model/budget.js';
import { isObject } from '../shape-checker.js';
import { lineOf } from './cells.js';
import type { ChangeStep, ScenarioAmount, YearSelection } from './common.js';
import type { ChangeKindEntry, LineContext } from './context.js';

/** A three-point estimate (bandbreedte) of a pm post: low, likely and high, in the scenario's unit. @category Scenarios */
export interface EstimateRange {
  /** Lowest (most nadelig) plausible amount. */
  readonly low: ScenarioAmount;
  /** Most likely amount; the scenario's budget uses it. */
  readonly likely: ScenarioAmount;
  /** Highest (most voordelig) plausible amount. */
  readonly high: ScenarioAmount;
}

/** Give a pm post an estimate (raming van een pm-post): one amount, or a range for uncertainty analysis. @category Scenarios */
export interface EstimatePmChange {
  /** Discriminant. */
  readonly kind: 'estimate-pm';
  /** The line (own row) or component whose pm cells get the estimate. */
  readonly line: string;
  /** Years; by default every year in which the row is pm. Every selected year must be pm. */
  readonly years?: YearSelection;
  /** The estimate: one amount, or a range whose `likely` value the budget uses. */
  readonly value: ScenarioAmount | EstimateRange;
  /** A note for reports. */
  readonly note?: string;
}

function estimatePm(ctx: LineContext, change: EstimatePmChange, step: ChangeStep, i: number): void {
  const found = ctx.target(change.line, step, 'line');
  if (found === undefined) return;
  const ref = ctx.ownRow(found, step, 'line');
  if (ref === undefined) return;
  const horizonYears = ctx.draft.horizon.years;
  const years = ctx.years(step, change.years, () => horizonYears.filter((y) => isPm(ctx.cell(ref, y))));
  const value = change.value;
  const vpath = [...step.path, 'value'];
  let likely: Decimal | undefined;
  let range: { low: Decimal; high: Decimal } | undefined;
  if (typeof value === 'object' && value !== null) {
    const low = ctx.amount(value.low, step, [...vpath, 'low']);
    likely = ctx.amount(value.likely, step, [...vpath, 'likely']);
    const high = ctx.amount(value.high, step, [...vpath, 'high']);
    if (low === undefined || high === undefined || likely === undefined) return;
    range = { low, high };
  } else likely = ctx.amount(value, step, vpath);
  if (likely === undefined) return;
  if (years.length === 0) ctx.issue('not_pm', [...step.path, 'line'], `${ref.id} has no pm post to estimate`);
  for (const year of years) {
    if (!isPm(ctx.cell(ref, year))) {
      ctx.issue('not_pm', [...step.path, 'years'], `${ref.id} is not pm in ${year}`);
      continue;
    }
    ctx.write(ref, year, likely, i, 'set');
    if (range !== undefined) {
      ctx.ranges.push(Object.freeze({ row: ref.id, line: ref.line.id, year, low: range.low, likely, high: range.high, scenario: step.scenario, change: step.index }));
    }
  }
}

/** The estimate-pm change kind: fields, shape check, application and footprint. @internal */
export const estimatePmKind = {
  fields: ['kind', 'line', 'years', 'value', 'note'],
  shape(check, change, path) {
    check.id(change['line'], [...path, 'line'], 'line');
    check.years(change['years'], [...path, 'years'], false);
    const value = change['value'];
    const vp = [...path, 'value'];
    if (value === undefined) check.c.add('missing_field', vp, 'value is missing');
    else if (isObject(value)) {
      check.fields(value, ['low', 'likely', 'high'], vp);
      const parts = (['low', 'likely', 'high'] as const).map((k) => {
        if (value[k] === undefined) {
          check.c.add('missing_field', [...vp, k], `${k} is missing`);
          return undefined;
        }
        if (!check.amount(value[k], [...vp, k])) return undefined;
        const r = readAmount(value[k], new Dec(1), check.format);
        return r.ok ? r.value : undefined;
      });
      const [low, likely, high] = parts;
      if (low !== undefined && high !== undefined && low.gt(high)) check.c.add('invalid_range', vp, 'low is greater than high');
      else if (low !== undefined && likely !== undefined && high !== undefined && (likely.lt(low) || likely.gt(high))) {
        check.c.add('invalid_range', [...vp, 'likely'], 'likely must lie between low and high');
      }
    } else check.amount(value, vp);
  },
  apply: estimatePm,
  footprint: (change, lines) => [lineOf(lines, change.line)],
} satisfies ChangeKindEntry<EstimatePmChange>;
