import { tally, work } from '../../core/work.js';
import { lineOf } from './cells.js';
import type { ChangeStep } from './common.js';
import type { ChangeKindEntry, LineContext, RowRef } from './context.js';

/** Remove a line and its components (regel schrappen), such as seed 001's motion 2506-84 dropping 4.1. @category Scenarios */
export interface DropLineChange {
  /** Discriminant. */
  readonly kind: 'drop-line';
  /** The line id. */
  readonly line: string;
  /** A note for reports. */
  readonly note?: string;
}

function dropLine(ctx: LineContext, change: DropLineChange, step: ChangeStep, i: number): void {
  const ref = ctx.target(change.line, step, 'line');
  if (ref === undefined) return;
  const rows: RowRef[] = ref.component !== undefined ? [ref] : [ref, ...ref.line.components.map((c) => ({ ...ref, component: c, id: c.id }))];
  for (const row of rows) {
    const values = row.component !== undefined ? row.component.values : row.line.values;
    for (const key of Object.keys(values).sort()) ctx.write(row, Number(key), undefined, i, 'set');
  }
  const section = ctx.draft.sections[ref.sectionIndex]!;
  // the walks below and the lookup rebuilt after them visit every row of the section or line
  if (work.enabled) tally('rowVisit', ref.component !== undefined ? ref.line.components.length : section.lines.length);
  if (ref.component !== undefined) {
    const at = ref.line.components.findIndex((c) => c.id === ref.id);
    ref.line.components.splice(at, 1);
  } else {
    const at = section.lines.findIndex((l) => l.id === ref.id);
    section.lines.splice(at, 1);
  }
  ctx.forgetRows();
}

/** The drop-line change kind: fields, shape check, application and footprint. @internal */
export const dropLineKind = {
  fields: ['kind', 'line', 'note'],
  shape(check, change, path) {
    check.id(change['line'], [...path, 'line'], 'line');
  },
  apply: dropLine,
  footprint: (change, lines) => [lineOf(lines, change.line)],
} satisfies ChangeKindEntry<DropLineChange>;
