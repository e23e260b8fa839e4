/**
 * A budget table showing its totals as the source printed them (gedrukte bedragen): each printed total shows the
 * printed figure, and the difference from the sum of its rows stands in a row of its own under it
 * ("Afrondingsverschil"), which the total counts, so every total is still the exact sum of the rows it names.
 * @internal
 * @packageDocumentation
 */
import { ZERO, type Decimal } from '../core/decimal.js';
import type { LabelLanguage } from './presentation.js';
import { REPORT_LABELS } from './presentation.js';
import type { TableCell, TableRow } from './table.js';

/** The printed figures of a total row (one per column, undefined where none is printed) and whether one is a mismatch. */
export interface PrintedTotal {
  /** The printed figure per column. */
  readonly figures: readonly (Decimal | undefined)[];
  /** Whether a printed figure differs from its rows by more than rounding explains. */
  readonly mismatch: boolean;
}

/** Printed figures by row id. */
export type PrintedFigures = ReadonlyMap<string, PrintedTotal>;

const NIL: TableCell = Object.freeze({ amount: undefined, pm: false });

/**
 * The rows with every printed total showing its printed figure, a difference row after each that needs one, and
 * every total above recomputed from the figures its parts now show.
 * @param rows - the table's rows, totals naming their parts in `of`
 * @param printed - the printed figures of the totals that have them
 * @param labels - the language of the difference rows
 */
export function showPrinted(rows: readonly TableRow[], printed: PrintedFigures, labels: LabelLanguage): TableRow[] {
  const index = new Map(rows.map((row, i) => [row.id, i] as const));
  const shown = new Map<string, TableRow>();
  const after = new Map<number, TableRow[]>();
  const show = (id: string): TableRow | undefined => {
    const done = shown.get(id);
    if (done !== undefined) return done;
    const at = index.get(id);
    const row = at === undefined ? undefined : rows[at];
    if (row === undefined || at === undefined) return undefined;
    let result = row;
    if (row.of !== undefined) {
      const parts = row.of.map(show);
      const sums = row.cells.map((_, c) => parts.reduce((sum, part) => sum.add(part?.cells[c]?.amount ?? ZERO), ZERO));
      const figures = printed.get(id);
      const differences = row.cells.map((_, c) => {
        const figure = figures?.figures[c];
        return figure === undefined ? undefined : figure.sub(sums[c]!);
      });
      const cells = row.cells.map((cell, c): TableCell => {
        const amount = figures?.figures[c] ?? (cell.amount === undefined && sums[c]!.isZero() ? undefined : sums[c]!);
        return amount === undefined && !cell.pm ? NIL : { ...cell, amount };
      });
      let of = row.of;
      if (differences.some((d) => d !== undefined && !d.isZero())) {
        const words = REPORT_LABELS[labels];
        const difference: TableRow = {
          id: uniqueId(`${row.id}:verschil`, index),
          label: figures?.mismatch === true ? words.sumDifference : words.roundingDifference,
          kind: 'rounding',
          depth: row.depth,
          cells: differences.map((d): TableCell => (d === undefined || d.isZero() ? NIL : { amount: d, pm: false })),
        };
        let last = at;
        for (const part of row.of) last = Math.max(last, index.get(part) ?? -1);
        after.set(last, [...(after.get(last) ?? []), difference]);
        of = [...row.of, difference.id];
      }
      result = { ...row, cells, of };
    }
    shown.set(id, result);
    return result;
  };
  const out: TableRow[] = [];
  rows.forEach((row, i) => {
    out.push(show(row.id) ?? row);
    out.push(...(after.get(i) ?? []));
  });
  return out;
}

/** `id`, or with primes added until no row has it. */
function uniqueId(id: string, taken: ReadonlyMap<string, number>): string {
  let unique = id;
  while (taken.has(unique)) unique += "'";
  return unique;
}
