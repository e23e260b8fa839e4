/**
 * The rows of a table of stages (the P&C course table, the jaarrekening table): per section a heading, its lines,
 * a subtotal that is the exact sum of the lines, and a total that is the exact sum of the subtotals, so that the
 * renderers keep the sums true after rounding (or print an afrondingsverschil row).
 * @module
 */
import { ZERO, type Decimal } from '../core/decimal.js';
import { roundTable } from './allocate.js';
import type { Presentation } from './presentation.js';
import type { Table, TableCell, TableRow } from './table.js';

/** A blank cell. @internal */
export const NIL: TableCell = Object.freeze({ amount: undefined, pm: false });

/** A cell of an amount (or nil), with a pm flag. @internal */
export function amountCell(amount: Decimal | undefined, pm = false): TableCell {
  return { amount, pm };
}

/** The exact sum of cells, column by column: nil when every part is nil, pm when any part holds one. @internal */
export function sumCells(rows: readonly (readonly TableCell[])[], columns: number): TableCell[] {
  const out: TableCell[] = [];
  for (let c = 0; c < columns; c++) {
    const parts = rows.map((r) => r[c]!);
    const amounts = parts.map((p) => p.amount).filter((a): a is Decimal => a !== undefined);
    out.push({ amount: amounts.length === 0 ? undefined : amounts.reduce((a, x) => a.plus(x), ZERO), pm: parts.some((p) => p.pm) });
  }
  return out;
}

/** A section of a stage table: its id, title and line rows (label and cells). @internal */
export interface StageSection {
  readonly id: string;
  readonly title: string;
  readonly lines: readonly { readonly id: string; readonly label: string; readonly cells: readonly TableCell[] }[];
}

/**
 * The rows of the sections and the total: heading, lines, subtotal (`of` its lines) per section, then the total
 * (`of` the subtotals).
 * @internal
 */
export function stageRows(sections: readonly StageSection[], columns: number, totalLabel: string, subtotalWord: string): TableRow[] {
  const rows: TableRow[] = [];
  const subtotals: { id: string; cells: TableCell[] }[] = [];
  const blank = Array.from({ length: columns }, () => NIL);
  for (const s of sections) {
    rows.push({ id: `section:${s.id}`, label: `${s.id} ${s.title}`, kind: 'heading', depth: 0, cells: blank });
    for (const l of s.lines) rows.push({ id: `line:${s.id}:${l.id}`, label: l.label, kind: 'line', depth: 1, cells: l.cells });
    const cells = sumCells(s.lines.map((l) => l.cells), columns);
    const id = `subtotal:${s.id}`;
    rows.push({ id, label: `${subtotalWord} ${s.id}`, kind: 'subtotal', depth: 0, cells, of: s.lines.map((l) => `line:${s.id}:${l.id}`) });
    subtotals.push({ id, cells });
  }
  rows.push({ id: 'total', label: totalLabel, kind: 'total', depth: 0, cells: sumCells(subtotals.map((s) => s.cells), columns), of: subtotals.map((s) => s.id) });
  return rows;
}

/** A note row (blank cells) under the table. @internal */
export function noteRow(id: string, label: string, columns: number, depth = 0): TableRow {
  return { id, label, kind: 'note', depth, cells: Array.from({ length: columns }, () => NIL) };
}

/**
 * A column that, as printed, is the signed sum of other printed columns of its row: begroting na wijziging =
 * primitieve begroting + wijzigingen, afwijking = realisatie - begroting na wijziging. Column indices. @internal
 */
export interface ColumnSum {
  /** The column that holds the sum. */
  readonly result: number;
  /** The columns it is the sum of, each with its sign. */
  readonly parts: readonly { readonly column: number; readonly sign: 1 | -1 }[];
}

/**
 * The rows of `table` with an afrondingsverschil row after every row whose printed figures (rounded with
 * `presentation`, as the renderers round them) break one of `sums`: the row holds the difference in the result's
 * column, so printed columns add up again as printed tables show it. A result cell that is blank is not checked.
 * The table must be printed with the same presentation.
 * @internal
 */
export function withColumnRounding(table: Table, presentation: Presentation, sums: readonly ColumnSum[], label: string): TableRow[] {
  const printed = new Map(roundTable(table, presentation).rows.map((r) => [r.id, r]));
  const out: TableRow[] = [];
  for (const row of table.rows) {
    out.push(row);
    if (row.kind === 'heading' || row.kind === 'note' || row.kind === 'rounding') continue;
    const p = printed.get(row.id);
    if (p === undefined) continue;
    const at = (c: number): Decimal => p.cells[c]?.amount ?? ZERO;
    const diffs: TableCell[] = row.cells.map(() => NIL);
    let any = false;
    for (const sum of sums) {
      if (row.cells[sum.result]?.amount === undefined && row.cells[sum.result]?.pm !== true) continue;
      const d = at(sum.result).minus(sum.parts.reduce((a, part) => (part.sign === 1 ? a.plus(at(part.column)) : a.minus(at(part.column))), ZERO));
      if (d.isZero()) continue;
      diffs[sum.result] = { amount: d, pm: false };
      any = true;
    }
    if (any) out.push({ id: `${row.id}.afrondingsverschil`, label, kind: 'rounding', depth: row.depth + 1, cells: diffs });
  }
  return out;
}
