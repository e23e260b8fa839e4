import type { TableColumn } from './table.js';

/** A run of adjacent columns under one group header ("MJB 2026 - 2029" over 2026..2029). @internal */
export interface ColumnGroupRun {
  /** Group label; `undefined` for columns without a group. */
  readonly label: string | undefined;
  /** Index of the first column of the run. */
  readonly first: number;
  /** Index of the last column of the run. */
  readonly last: number;
}

/**
 * Adjacent columns with the same group, in order; empty when no column has a group.
 * @param columns - table columns
 * @internal
 */
export function groupRuns(columns: readonly TableColumn[]): readonly ColumnGroupRun[] {
  if (columns.every((column) => column.group === undefined)) return [];
  const runs: ColumnGroupRun[] = [];
  columns.forEach((column, i) => {
    const previous = runs[runs.length - 1];
    if (previous !== undefined && previous.label === column.group) runs[runs.length - 1] = { ...previous, last: i };
    else runs.push({ label: column.group, first: i, last: i });
  });
  return runs;
}
