import { toDec, ZERO, type Decimal } from '../core/decimal.js';
import { IssueCollector } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import {
  displayStep,
  REPORT_LABELS,
  resolvePresentation,
  type Presentation,
  type ResolvedPresentation,
} from './presentation.js';
import type { Table, TableCell, TableRow } from './table.js';
import { requirePresentation, requireTable } from './checks.js';
import { allocateSteps, roundToStepChecked } from './allocate-steps.js';

export { allocateRounded, allocateSteps, roundToStep } from './allocate-steps.js';
export type { AllocateOptions } from './allocate-steps.js';

/**
 * A table with its figures rounded for print (afgeronde tabel): every amount is a multiple of
 * {@link RoundedTable.step}, in euros, and rounding-difference rows are in place.
 * @category Reports
 */
export interface RoundedTable extends Table {
  /** Rows in print order, each rounding-difference row right after the total it belongs to. */
  readonly rows: readonly TableRow[];
  /** The display step in euros (x € 1.000 without decimals: 1000). */
  readonly step: Decimal;
  /** The settings the figures were rounded with. */
  readonly presentation: ResolvedPresentation;
  /** The rows of kind `rounding` that were added ("Afrondingsverschil"), also found in `rows`. */
  readonly differences: readonly TableRow[];
}

/**
 * Rounds a table's figures for print so that printed totals add up (tabel afronden).
 *
 * @remarks
 * `consistent` (the default): the rows no other row names in its `of` are rounded on their own;
 * then every total hands its rounded figure down to its parts with {@link allocateRounded},
 * recursively, so each total equals the sum of its printed parts and each part stays less than
 * one step from its exact value. pm and nil cells never change.
 *
 * `plain`: every cell is rounded on its own; where a total no longer equals the sum of its
 * printed parts, a row of kind `rounding` ("Afrondingsverschil") follows it, showing in each
 * column the printed total minus the sum of its printed parts (blank where that is 0).
 *
 * A row named by two totals keeps the figure the first one gave it; if the second cannot absorb
 * that, it too gets a rounding-difference row. A printed total never silently differs from the sum
 * of its printed parts.
 * @param table - exact table
 * @param presentation - settings; see {@link Presentation}
 * @throws MeerjarenError with every problem: `duplicate_id` (`rows[3].id`, or a row named twice in
 *   one `of`), `unknown_reference` (`rows[3].of[1]`), `cycle` (`rows[3].of`), `invalid_value`
 *   (`rows[3].cells`: not one cell per column), `invalid_amount` (`rows[3].cells[2]`: not finite),
 *   `total_mismatch` (`rows[3].cells[2]`: the exact figure is not the sum of its parts)
 * @example
 * ```ts
 * import { budget, pm, budgetTable, roundTable } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const rounded = roundTable(budgetTable(tb1), { unit: 'million', decimals: 1 });
 * rounded.step.toFixed(); // "100000": figures are whole multiples of € 0,1 mln; rows add up to their totals
 * ```
 * @category Reports
 */
export function roundTable(table: Table, presentation?: Presentation): RoundedTable {
  requireTable('roundTable', table);
  requirePresentation('roundTable', presentation);
  const p = resolvePresentation(presentation);
  const step = displayStep(p);
  const { rows, columns } = table;
  const children = checkTable(table);
  const exact = rows.map((row) => row.cells.map((cell) => (cell.amount === undefined ? undefined : toDec(cell.amount))));
  const shown = exact.map((cells) =>
    cells.map((amount) => (amount === undefined ? undefined : roundToStepChecked(amount, step, p.roundingMode))),
  );
  if (p.rounding === 'consistent') {
    const order = parentsFirst(children);
    for (let c = 0; c < columns.length; c++) distributeColumn(c, order, children, exact, shown, step, p);
  }

  const words = REPORT_LABELS[p.labels];
  const ids = new Set(rows.map((row) => row.id));
  const printed: TableRow[] = [];
  const differences: TableRow[] = [];
  rows.forEach((row, r) => {
    const cells = row.cells.map((cell, c) => ({ ...cell, amount: shown[r]?.[c] }));
    printed.push({ ...row, cells, ...(row.of === undefined ? {} : { of: [...row.of] }) });
    const parts = children[r] ?? [];
    if (parts.length === 0) return;
    const diffs = columns.map((_, c) => {
      const sum = parts.reduce((acc, k) => acc.add(shown[k]?.[c] ?? ZERO), ZERO);
      return (shown[r]?.[c] ?? ZERO).sub(sum);
    });
    if (diffs.every((d) => d.isZero())) return;
    let id = `${row.id}.afrondingsverschil`;
    while (ids.has(id)) id += "'";
    ids.add(id);
    const difference: TableRow = {
      id,
      label: words.roundingDifference,
      kind: 'rounding',
      depth: row.depth,
      cells: diffs.map((d): TableCell => ({ amount: d.isZero() ? undefined : d, pm: false })),
    };
    printed.push(difference);
    differences.push(difference);
  });
  return deepFreeze({
    title: table.title,
    columns: table.columns.map((column) => ({ ...column })),
    ...(table.labelHeader === undefined ? {} : { labelHeader: table.labelHeader }),
    rows: printed,
    step,
    presentation: p,
    differences,
  });
}

/** Validates ids, references, cell counts, cycles and exact sums; returns each row's part indices. */
function checkTable(table: Table): readonly (readonly number[])[] {
  const issues = new IssueCollector();
  const index = new Map<string, number>();
  table.rows.forEach((row, r) => {
    if (index.has(row.id)) issues.add('duplicate_id', ['rows', r, 'id'], `row id "${row.id}" is used twice`);
    else index.set(row.id, r);
    if (row.cells.length !== table.columns.length)
      issues.add('invalid_value', ['rows', r, 'cells'], `row has ${row.cells.length} cells for ${table.columns.length} columns`);
    row.cells.forEach((cell, c) => {
      if (cell.amount !== undefined && !cell.amount.isFinite())
        issues.add('invalid_amount', ['rows', r, 'cells', c], 'an amount must be finite');
    });
  });
  const children = table.rows.map((row, r) => {
    const seen = new Set<string>();
    return (row.of ?? []).flatMap((id, j) => {
      const k = index.get(id);
      if (seen.has(id)) issues.add('duplicate_id', ['rows', r, 'of', j], `"${id}" is named twice`);
      else if (k === undefined) issues.add('unknown_reference', ['rows', r, 'of', j], `no row "${id}"`);
      else {
        seen.add(id);
        return [k];
      }
      return [];
    });
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
  children.forEach((parts, r) => {
    if (parts.length === 0) return;
    table.columns.forEach((_, c) => {
      const own = table.rows[r]?.cells[c]?.amount ?? ZERO;
      const sum = parts.reduce((acc, k) => acc.add(table.rows[k]?.cells[c]?.amount ?? ZERO), ZERO);
      if (!toDec(own).eq(sum))
        issues.add('total_mismatch', ['rows', r, 'cells', c], `${toDec(own).toFixed()} is not the sum of its parts (${sum.toFixed()})`);
    });
  });
  issues.throwIfAny();
  return children;
}

/**
 * Row indices with every total before its parts (Kahn's algorithm, stable by row order).
 * @internal
 */
export function parentsFirst(children: readonly (readonly number[])[]): readonly number[] {
  const parents = children.map(() => 0);
  for (const parts of children) for (const k of parts) parents[k] = (parents[k] ?? 0) + 1;
  const ready = parents.flatMap((n, r) => (n === 0 ? [r] : []));
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

/** Hands each total's rounded figure down to its parts, top first, in one column. */
function distributeColumn(
  c: number,
  order: readonly number[],
  children: readonly (readonly number[])[],
  exact: readonly (readonly (Decimal | undefined)[])[],
  shown: (Decimal | undefined)[][],
  step: Decimal,
  p: ResolvedPresentation,
): void {
  const settled = new Set<number>();
  for (const r of order) {
    settled.add(r);
    const parts = children[r] ?? [];
    if (parts.length === 0) continue;
    const fixed = parts.map((k) => settled.has(k) || exact[k]?.[c] === undefined);
    const values = parts.map((k, j) => (fixed[j] ? (shown[k]?.[c] ?? ZERO) : (exact[k]?.[c] ?? ZERO)));
    const { values: rounded } = allocateSteps(values, shown[r]?.[c] ?? ZERO, step, p.roundingMode, fixed);
    parts.forEach((k, j) => {
      settled.add(k);
      const row = shown[k];
      if (row !== undefined && row[c] !== undefined) row[c] = rounded[j] as Decimal;
    });
  }
}
