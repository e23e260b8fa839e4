import { type Nature } from '../../model/budget.js';
import { lineOf } from './cells.js';
import type { ChangeStep } from './common.js';
import type { ChangeKindEntry, LineContext, RowRef } from './context.js';

/**
 * Mark a line (with its components) or one component incidental or structural (aard wijzigen): an estimate for a
 * pm post that recurs every year is a structural cost, whatever the table said while it was pm.
 * @example `{ kind: 'set-nature', line: '1.4', nature: 'structural' }`
 * @category Scenarios
 */
export interface SetNatureChange {
  /** Discriminant. */
  readonly kind: 'set-nature';
  /** The line or component id; a line's components follow it. */
  readonly line: string;
  /** The new nature. */
  readonly nature: Nature;
  /** A note for reports. */
  readonly note?: string;
}

function setNature(ctx: LineContext, change: SetNatureChange, step: ChangeStep, i: number): void {
  const ref = ctx.target(change.line, step, 'line');
  if (ref === undefined) return;
  const rows: RowRef[] = ref.component !== undefined ? [ref] : [ref, ...ref.line.components.map((c) => ({ ...ref, component: c, id: c.id }))];
  for (const row of rows) {
    const earlier = ctx.natures.get(row.id);
    // Two changes that set one row to different natures would depend on their order.
    if (earlier !== undefined && earlier.nature !== change.nature) {
      for (const year of ctx.draft.horizon.years) ctx.conflict(earlier.step, i, row.id, year);
    }
    ctx.natures.set(row.id, { nature: change.nature, step: i });
    if (row.component !== undefined) row.component.nature = change.nature;
    else row.line.nature = change.nature;
  }
}

/** The set-nature change kind: fields, shape check, application and footprint. @internal */
export const setNatureKind = {
  fields: ['kind', 'line', 'nature', 'note'],
  shape(check, change, path) {
    check.id(change['line'], [...path, 'line'], 'line');
    check.nature(change['nature'], [...path, 'nature'], true);
  },
  apply: setNature,
  footprint: (change, lines) => [lineOf(lines, change.line)],
} satisfies ChangeKindEntry<SetNatureChange>;
