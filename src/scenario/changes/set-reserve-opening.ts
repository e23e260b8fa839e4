import type { Draft } from 'immer';
import { type Decimal } from '../../core/decimal.js';
import { type ItemEditor } from '../cover-targets.js';
import type { ChangeStep, ScenarioAmount } from './common.js';
import type { ChangeKindEntry } from './context.js';

/** Change the opening balance of a reserve (beginstand reserve wijzigen). @category Scenarios */
export interface SetReserveOpeningChange {
  /** Discriminant. */
  readonly kind: 'set-reserve-opening';
  /** Id of the reserve source. */
  readonly source: string;
  /** The new opening balance, zero or positive, in the scenario's unit. */
  readonly value: ScenarioAmount;
  /** A note for reports. */
  readonly note?: string;
}

function setOpening(ed: ItemEditor, change: SetReserveOpeningChange, step: ChangeStep, i: number): void {
  const source = ed.source(change.source, [...step.path, 'source']);
  const value = ed.amount(change.value, step, [...step.path, 'value']);
  if (source === undefined || value === undefined) return;
  if (source.reserve === undefined) {
    ed.issue('not_reserve', [...step.path, 'source'], `"${source.id}" is not a reserve: it has no opening balance`);
    return;
  }
  source.reserve.opening = value as Draft<Decimal>;
  for (const year of ed.allYears) ed.ctx.touch(`opening ${source.id}`, year, i);
  ed.ctx.record({ kind: 'source', id: source.id, field: 'opening', years: ed.allYears, step: i });
}

/** The set-reserve-opening change kind: fields, shape check, application (on cover and savings targets) and footprint. @internal */
export const setReserveOpeningKind = {
  fields: ['kind', 'source', 'value', 'note'],
  shape(check, change, path) {
    check.id(change['source'], [...path, 'source'], 'source');
    check.positive(change['value'], [...path, 'value'], 'negative_amount');
  },
  apply: (ctx, change, step, i) => setOpening(ctx.editor(), change, step, i),
  // cover and targets never change a line's amounts
  footprint: () => [],
} satisfies ChangeKindEntry<SetReserveOpeningChange>;
