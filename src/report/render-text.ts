import { requirePresentation, requireTable } from './checks.js';
import { resolvePresentation, unitLine, type Presentation } from './presentation.js';
import { groupRuns } from './render-common.js';
import { roundGrid, type GridRow, type RoundedGrid } from './rounded-grid.js';
import type { Table } from './table.js';

const GAP = '  ';
const INDENT = '  ';

/**
 * Prints a table as aligned plain text (tekst), like the tables in a council document: title,
 * unit line ("Bedragen x € 1.000"), group headers over the year columns, right-aligned figures,
 * headings without figures, a rule above each total.
 *
 * @remarks
 * Figures are rounded with {@link roundTable}, so printed parts add up to printed totals
 * (or an "Afrondingsverschil" row says by how much they do not). Lines end without spaces.
 * @param table - exact table
 * @param presentation - settings; see {@link Presentation}
 * @example
 * ```ts
 * import { budget, pm, budgetTable, renderText } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * renderText(budgetTable(tb1));                               // "TB1 2025\nBedragen x € 1.000\n..."
 * renderText(budgetTable(tb1), { unit: 'euro', locale: 'en' }); // "... -1,471,000 ..."
 * ```
 * @category Reports
 */
export function renderText(table: Table, presentation?: Presentation): string {
  requireTable('renderText', table);
  requirePresentation('renderText', presentation);
  const p = resolvePresentation(presentation);
  const grid = roundGrid(table, p);
  const columns = table.columns;
  const body = grid.rows.map((g) => {
    const row = g.row;
    return { row, label: INDENT.repeat(row.depth) + row.label, cells: hasFigures(grid, g) ? row.cells.map((_, c) => grid.text(g, c)) : [] };
  });
  const header = table.labelHeader ?? '';
  const labelWidth = widest(width(header), body.filter((b) => b.row.kind !== 'note').map((b) => b.label));
  const widths = columns.map((column, j) => widest(width(column.label), body.map((b) => b.cells[j] ?? '')));
  const runs = groupRuns(columns);
  for (const run of runs) {
    const span = spanWidth(widths, run.first, run.last);
    // a group label wider than its columns widens them evenly
    const extra = width(run.label ?? '') - span;
    const n = run.last - run.first + 1;
    for (let k = 0; k < extra; k++) widths[run.last - (k % n)] = (widths[run.last - (k % n)] ?? 0) + 1;
  }

  const line = (label: string, cells: readonly string[]): string =>
    (pad(label, labelWidth) + cells.map((text, j) => GAP + padStart(text, widths[j] ?? 0)).join('')).trimEnd();
  const fullWidth = labelWidth + widths.reduce((a, w) => a + GAP.length + w, 0);

  const out: string[] = [];
  if (table.title !== '') out.push(table.title);
  out.push(unitLine(p), '');
  if (runs.length > 0) {
    const groups = runs.map((run) => GAP + center(run.label ?? '', spanWidth(widths, run.first, run.last)));
    out.push((' '.repeat(labelWidth) + groups.join('')).trimEnd());
  }
  out.push(line(header, columns.map((column) => column.label)));
  body.forEach(({ row, label, cells }, i) => {
    if (row.kind === 'heading' && i > 0) out.push('');
    if (row.kind === 'total') out.push('-'.repeat(fullWidth));
    out.push(row.kind === 'note' && cells.length === 0 ? label : line(label, cells));
  });
  return out.join('\n') + '\n';
}

/** Headings print no figures; notes only when they have some. */
function hasFigures(grid: RoundedGrid, g: GridRow): boolean {
  const row = g.row;
  if (row.kind === 'heading') return false;
  if (row.kind === 'note') return row.cells.some((cell, c) => grid.hasAmount(g, c) || cell.pm);
  return true;
}

/**
 * The width of the widest text, at least `least`. A loop, not `Math.max(...widths)`: spreading 250,000 rows
 * into one call overflows the stack (RangeError).
 * @internal
 */
export function widest(least: number, texts: readonly string[]): number {
  let most = least;
  for (const text of texts) most = Math.max(most, width(text));
  return most;
}

/** Characters as a reader counts them (code points; labels are precomposed text). */
function width(text: string): number {
  // one character per UTF-16 unit unless the text holds a surrogate (a code point beyond U+FFFF)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return [...text].length;
  }
  return text.length;
}

function pad(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

function padStart(text: string, size: number): string {
  return ' '.repeat(Math.max(0, size - width(text))) + text;
}

function center(text: string, size: number): string {
  const left = Math.floor((size - width(text)) / 2);
  return pad(' '.repeat(Math.max(0, left)) + text, size);
}

function spanWidth(widths: readonly number[], first: number, last: number): number {
  let total = 0;
  for (let j = first; j <= last; j++) total += widths[j] ?? 0;
  return total + GAP.length * (last - first);
}
