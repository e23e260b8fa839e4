import type { Draft } from 'immer';
import { type Decimal } from '../../core/decimal.js';
import { PM } from '../../model/budget.js';
import { type ItemEditor } from '../cover-targets.js';
import type { ChangeStep, ScenarioAmount, YearSelection } from './common.js';
import type { ChangeKindEntry } from './context.js';

/**
 * Change a savings target's path (pad van de taakstelling wijzigen) in some years: a new amount to save (positive,
 * in the scenario's unit), `'pm'` (the target is open: seed 004's advice to book the Hervormingsagenda savings
 * from 2028 as pm), or `null` (no target that year).
 * @category Scenarios
 */
export interface SetTargetPathChange {
  /** Discriminant. */
  readonly kind: 'set-target-path';
  /** Id of the target. */
  readonly target: string;
  /** Years. */
  readonly years: YearSelection;
  /** The new amount, `'pm'` or `null`. */
  readonly value: ScenarioAmount | 'pm' | null;
  /** A note for reports. */
  readonly note?: string;
}

function setPath(ed: ItemEditor, change: SetTargetPathChange, step: ChangeStep, i: number): void {
  const target = ed.target(change.target, [...step.path, 'target']);
  const years = ed.years(change.years, [...step.path, 'years']);
  const raw = change.value;
  const pm = typeof raw === 'string' && raw.trim().toLowerCase() === 'pm';
  const value = raw === null || pm ? undefined : ed.amount(raw, step, [...step.path, 'value']);
  if (target === undefined || years.length === 0 || (raw !== null && !pm && value === undefined)) return;
  for (const year of years) {
    const y = String(year);
    if (raw === null) delete target.path[y];
    else target.path[y] = (pm ? PM : value) as Draft<Decimal>;
    ed.ctx.touch(`path ${target.id}`, year, i);
  }
  ed.ctx.record({ kind: 'target', id: target.id, field: 'path', years, step: i });
}

/** The set-target-path change kind: fields, shape check, application (on cover and savings targets) and footprint. @internal */
export const setTargetPathKind = {
  fields: ['kind', 'target', 'years', 'value', 'note'],
  shape(check, change, path) {
    check.id(change['target'], [...path, 'target'], 'target');
    check.years(change['years'], [...path, 'years'], true);
    const value = change['value'];
    if (!('value' in change)) check.c.add('missing_field', [...path, 'value'], 'value is missing');
    else if (value === null || (typeof value === 'string' && value.trim().toLowerCase() === 'pm')) return;
    else check.positive(value, [...path, 'value'], 'negative_amount');
  },
  apply: (ctx, change, step, i) => setPath(ctx.editor(), change, step, i),
  // cover and targets never change a line's amounts
  footprint: () => [],
} satisfies ChangeKindEntry<SetTargetPathChange>;
