import { toDec, ZERO, type Decimal } from '../core/decimal.js';
import { tally } from '../core/work.js';
import { unitsToDecimal } from '../engine/units.js';
import { cellText, formatResolvedAmount, formatSteps } from './format.js';
import { displayStep, REPORT_LABELS, UNIT_FACTORS, type ResolvedPresentation } from './presentation.js';
import { distributeUnits, roundEach, sumsHold, unitCells, type UnitCells } from './round-units.js';
import type { Table, TableCell, TableRow } from './table.js';
import { checkSums, checkStructure } from './table-check.js';
import { allocateSteps, roundToStepChecked } from './allocate-steps.js';

/**
 * A table rounded for print, before it is built into a frozen {@link RoundedTable} of Decimals: the renderers
 * print straight from it. Its figures are held as integer units when they fit, as Decimals otherwise; both
 * print the same.
 * @internal
 * @packageDocumentation
 */

/** One printed row: a row of the table, or a rounding-difference row after its total. @internal */
export interface GridRow {
  /** The table's row (its cells give pm and pm direction), or the rounding-difference row (cells without pm). */
  readonly row: TableRow;
  /** Where its figures are: row `index` of {@link RoundedGrid.shown} (its amounts in units or Decimals). */
  readonly index: number;
}

/** A rounded table (see {@link roundGrid}). @internal */
export interface RoundedGrid {
  /** The settings. */
  readonly presentation: ResolvedPresentation;
  /** The display step in euros. */
  readonly step: Decimal;
  /** Printed rows, in order. */
  readonly rows: readonly GridRow[];
  /** The rounding-difference rows among them. */
  readonly differences: readonly GridRow[];
  /** The printed amount of cell `c` of a row, or undefined for none. */
  amount(row: GridRow, c: number): Decimal | undefined;
  /** The printed text of cell `c` of a row. */
  text(row: GridRow, c: number): string;
  /** Whether cell `c` of a row prints an amount. */
  hasAmount(row: GridRow, c: number): boolean;
  /** Whether cell `c` of a row prints no amount or 0. */
  isZero(row: GridRow, c: number): boolean;
  /** The exact sum of the printed amounts of cell `c` of the rows (none counts 0), added in units when they fit. */
  sum(rows: readonly GridRow[], c: number): Decimal;
}

/**
 * Checks and rounds a table (see `roundTable` for the rules).
 * @param table - a table of the right shape
 * @param p - resolved settings
 * @internal
 */
export function roundGrid(table: Table, p: ResolvedPresentation): RoundedGrid {
  tally('roundTable');
  const step = displayStep(p);
  const { children, order } = checkStructure(table);
  const units = unitCells(table, UNIT_FACTORS[p.unit], p);
  if (units !== undefined && sumsHold(units, children)) return unitGrid(table, p, step, units, children, order);
  checkSums(table, children);
  return decimalGrid(table, p, step, children, order);
}

/** The printed rows: each table row, and after each total whose parts do not add up its difference row. */
function printedRows(table: Table, p: ResolvedPresentation, children: readonly (readonly number[])[], differs: (r: number) => boolean): { rows: GridRow[]; differences: GridRow[] } {
  const words = REPORT_LABELS[p.labels];
  // the ids in use, for a difference row's own id: read only when a total does not add up
  let ids: Set<string> | undefined;
  const rows: GridRow[] = [];
  const differences: GridRow[] = [];
  const blank = table.columns.map((): TableCell => ({ amount: undefined, pm: false }));
  table.rows.forEach((row, r) => {
    rows.push({ row, index: r });
    if ((children[r] ?? []).length === 0 || !differs(r)) return;
    ids ??= new Set(table.rows.map((other) => other.id));
    let id = `${row.id}.afrondingsverschil`;
    while (ids.has(id)) id += "'";
    ids.add(id);
    const difference: GridRow = { row: { id, label: words.roundingDifference, kind: 'rounding', depth: row.depth, cells: blank }, index: table.rows.length + differences.length };
    rows.push(difference);
    differences.push(difference);
  });
  return { rows, differences };
}

function unitGrid(table: Table, p: ResolvedPresentation, step: Decimal, units: UnitCells, children: readonly (readonly number[])[], order: readonly number[]): RoundedGrid {
  const shown = roundEach(units, p.roundingMode);
  if (p.rounding === 'consistent') distributeUnits(units, shown, order, children, p.roundingMode);
  const C = units.columns;
  const extra: number[][] = [];
  const { rows, differences } = printedRows(table, p, children, (r) => {
    const diffs: number[] = [];
    let any = false;
    for (let c = 0; c < C; c++) {
      let sum = 0;
      for (const k of children[r]!) {
        const v = shown[k * C + c]!;
        if (v === v) sum += v;
      }
      const own = shown[r * C + c]!;
      const d = (own === own ? own : 0) - sum;
      diffs.push(d === 0 ? NaN : d);
      if (d !== 0) any = true;
    }
    if (any) extra.push(diffs);
    return any;
  });
  const R = table.rows.length;
  const at = (row: GridRow, c: number): number => (row.index < R ? shown[row.index * C + c]! : extra[row.index - R]![c]!);
  return {
    presentation: p,
    step,
    rows,
    differences,
    amount: (row, c) => {
      const v = at(row, c);
      return v === v ? unitsToDecimal(v, units.decimals) : undefined;
    },
    text: (row, c) => {
      const v = at(row, c);
      return cellText(row.row.cells[c]!, v === v ? formatSteps(v / units.step, p) : undefined, p);
    },
    hasAmount: (row, c) => {
      const v = at(row, c);
      return v === v;
    },
    isZero: (row, c) => {
      const v = at(row, c);
      return v !== v || v === 0;
    },
    // every printed figure and difference is below 2^52 units in all (see unitCells), so is their sum
    sum: (list, c) => {
      let total = 0;
      for (const row of list) {
        const v = at(row, c);
        if (v === v) total += v;
      }
      return unitsToDecimal(total === 0 ? 0 : total, units.decimals);
    },
  };
}

function decimalGrid(table: Table, p: ResolvedPresentation, step: Decimal, children: readonly (readonly number[])[], order: readonly number[]): RoundedGrid {
  const { rows: tableRows, columns } = table;
  const exact = tableRows.map((row) => row.cells.map((cell) => (cell.amount === undefined ? undefined : toDec(cell.amount))));
  const shown = exact.map((cells) => cells.map((amount) => (amount === undefined ? undefined : roundToStepChecked(amount, step, p.roundingMode))));
  if (p.rounding === 'consistent') {
    for (let c = 0; c < columns.length; c++) distributeColumn(c, order, children, exact, shown, step, p);
  }
  const { rows, differences } = printedRows(table, p, children, (r) => {
    const parts = children[r]!;
    const diffs = columns.map((_, c) => {
      const sum = parts.reduce((acc, k) => acc.add(shown[k]?.[c] ?? ZERO), ZERO);
      return (shown[r]?.[c] ?? ZERO).sub(sum);
    });
    if (diffs.every((d) => d.isZero())) return false;
    shown.push(diffs.map((d) => (d.isZero() ? undefined : d)));
    return true;
  });
  const at = (row: GridRow, c: number): Decimal | undefined => shown[row.index]?.[c];
  return {
    presentation: p,
    step,
    rows,
    differences,
    amount: at,
    text: (row, c) => {
      const amount = at(row, c);
      return cellText(row.row.cells[c]!, amount === undefined ? undefined : formatResolvedAmount(amount, p), p);
    },
    hasAmount: (row, c) => at(row, c) !== undefined,
    isZero: (row, c) => at(row, c)?.isZero() ?? true,
    sum: (list, c) => list.reduce((acc, row) => acc.add(at(row, c) ?? ZERO), ZERO),
  };
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
