import { toDec, ZERO } from '../core/decimal.js';
import { IssueCollector } from '../core/errors.js';
import type { Table } from './table.js';

// The checks of a table before it is rounded: ids, references, cell counts, cycles (checkStructure), and that
// every total is the exact sum of its parts (checkSums, in Decimals; round-units.ts checks the same in units).

/** The parts of every row (row indices) and an order with every total before its parts. @internal */
export interface TableStructure {
  /** Per row, the indices of the rows it sums (empty for a row that sums nothing). */
  readonly children: readonly (readonly number[])[];
  /** Every row index, each total before its parts (see {@link parentsFirst}). */
  readonly order: readonly number[];
}

/**
 * Validates ids, references, cell counts, finite amounts and cycles; returns each row's part indices and the
 * order of rounding. Throws every problem found at once.
 * @internal
 */
export function checkStructure(table: Table): TableStructure {
  const issues = new IssueCollector();
  const index = new Map<string, number>();
  const columnCount = table.columns.length;
  table.rows.forEach((row, r) => {
    if (index.has(row.id)) issues.add('duplicate_id', ['rows', r, 'id'], `row id "${row.id}" is used twice`);
    else index.set(row.id, r);
    const cells = row.cells;
    if (cells.length !== columnCount) issues.add('invalid_value', ['rows', r, 'cells'], `row has ${cells.length} cells for ${columnCount} columns`);
    for (let c = 0; c < cells.length; c++) {
      const amount = cells[c]!.amount;
      if (amount !== undefined && !amount.isFinite()) issues.add('invalid_amount', ['rows', r, 'cells', c], 'an amount must be finite');
    }
  });
  const children = table.rows.map((row, r) => {
    if (row.of === undefined || row.of.length === 0) return NONE;
    const seen = new Set<string>();
    const parts: number[] = [];
    row.of.forEach((id, j) => {
      const k = index.get(id);
      if (seen.has(id)) issues.add('duplicate_id', ['rows', r, 'of', j], `"${id}" is named twice`);
      else if (k === undefined) issues.add('unknown_reference', ['rows', r, 'of', j], `no row "${id}"`);
      else {
        seen.add(id);
        parts.push(k);
      }
    });
    return parts;
  });
  issues.throwIfAny();
  const order = parentsFirst(children);
  if (order.length < table.rows.length) {
    const ordered = new Set(order);
    table.rows.forEach((row, r) => {
      if (!ordered.has(r) && row.of !== undefined) issues.add('cycle', ['rows', r, 'of'], `row "${row.id}" is part of itself`);
    });
    issues.throwIfAny();
  }
  return { children, order };
}

const NONE: readonly number[] = Object.freeze([]);

/**
 * Checks in Decimals that every total is the exact sum of its parts: `total_mismatch` at each cell that is not.
 * @internal
 */
export function checkSums(table: Table, children: readonly (readonly number[])[]): void {
  const issues = new IssueCollector();
  children.forEach((parts, r) => {
    if (parts.length === 0) return;
    table.columns.forEach((_, c) => {
      const own = table.rows[r]?.cells[c]?.amount ?? ZERO;
      const sum = parts.reduce((acc, k) => acc.add(table.rows[k]?.cells[c]?.amount ?? ZERO), ZERO);
      if (!toDec(own).eq(sum)) issues.add('total_mismatch', ['rows', r, 'cells', c], `${toDec(own).toFixed()} is not the sum of its parts (${sum.toFixed()})`);
    });
  });
  issues.throwIfAny();
}

/**
 * Row indices with every total before its parts (Kahn's algorithm, stable by row order).
 * @internal
 */
export function parentsFirst(children: readonly (readonly number[])[]): readonly number[] {
  const parents = children.map(() => 0);
  for (const parts of children) for (const k of parts) parents[k] = (parents[k] ?? 0) + 1;
  const ready: number[] = [];
  parents.forEach((n, r) => {
    if (n === 0) ready.push(r);
  });
  const order: number[] = [];
  // `ready` is read from the front by an index (a shift() would copy the queue: quadratic in the rows)
  for (let next = 0; next < ready.length; next++) {
    const r = ready[next] as number;
    order.push(r);
    for (const k of children[r] ?? []) {
      parents[k] = (parents[k] ?? 0) - 1;
      if (parents[k] === 0) ready.push(k);
    }
  }
  return order;
}
