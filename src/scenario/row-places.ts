/**
 * Where each line and component of a budget sits, by id: how a scenario finds the rows it changes in its
 * baseline without walking the immer draft (which would draft every line). Not part of the public API.
 * @internal
 * @packageDocumentation
 */
import { memoPerFrozen } from '../core/memo.js';
import { tally, work } from '../core/work.js';
import type { Budget } from '../model/budget.js';

/** Where a row sits in a budget: section, line, and component (-1 for the line's own row). */
export interface RowPlace {
  /** Index of the section. */
  readonly section: number;
  /** Index of the line in its section. */
  readonly line: number;
  /** Index of the component in its line, -1 for the line's own row. */
  readonly component: number;
}

/**
 * Every line and component of a frozen budget by id, with its place (the first of an id wins, as in a walk):
 * built once per baseline, so that applying a scenario drafts only the lines it changes.
 */
export const rowPlaces = memoPerFrozen((budget: Budget): ReadonlyMap<string, RowPlace> => {
  const places = new Map<string, RowPlace>();
  budget.sections.forEach((section, s) => {
    section.lines.forEach((line, l) => {
      if (work.enabled) tally('rowVisit', 1 + line.components.length);
      if (!places.has(line.id)) places.set(line.id, { section: s, line: l, component: -1 });
      line.components.forEach((component, c) => {
        if (!places.has(component.id)) places.set(component.id, { section: s, line: l, component: c });
      });
    });
  });
  return places;
});
