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
  const C = columns.length;
  const R = grid.rows.length;
  // one pass over the rows: every label and figure written once, with its width, and the widest of each column
  const labels = new Array<string>(R);
  const labelWidths = new Int32Array(R);
  const texts = new Array<string>(R * C);
  const textWidths = new Int32Array(R * C);
  const shown = new Uint8Array(R);
  const header = table.labelHeader ?? '';
  let labelWidth = width(header);
  const widths = columns.map((column) => width(column.label));
  for (let r = 0; r < R; r++) {
    const g = grid.rows[r]!;
    const row = g.row;
    const label = INDENT.repeat(row.depth) + row.label;
    labels[r] = label;
    labelWidths[r] = width(label);
    if (row.kind !== 'note') labelWidth = Math.max(labelWidth, labelWidths[r]!);
    if (!hasFigures(grid, g)) continue;
    shown[r] = 1;
    for (let c = 0, i = r * C; c < C; c++, i++) {
      const text = grid.text(g, c);
      const w = width(text);
      texts[i] = text;
      textWidths[i] = w;
      if (w > widths[c]!) widths[c] = w;
    }
  }
  const runs = groupRuns(columns);
  for (const run of runs) {
    const span = spanWidth(widths, run.first, run.last);
    // a group label wider than its columns widens them evenly
    const extra = width(run.label ?? '') - span;
    const n = run.last - run.first + 1;
    for (let k = 0; k < extra; k++) widths[run.last - (k % n)] = (widths[run.last - (k % n)] ?? 0) + 1;
  }
  const fullWidth = labelWidth + widths.reduce((a, w) => a + GAP.length + w, 0);

  // The text is one string grown line by line and copied flat once (an array of lines joined costs twice that).
  let out = table.title === '' ? '' : table.title + '\n';
  out += unitLine(p) + '\n\n';
  if (runs.length > 0) {
    const groups = runs.map((run) => GAP + center(run.label ?? '', spanWidth(widths, run.first, run.last)));
    out += (' '.repeat(labelWidth) + groups.join('')).trimEnd() + '\n';
  }
  let head = header + spaces(labelWidth - width(header));
  columns.forEach((column, c) => (head += GAP + spaces(widths[c]! - width(column.label)) + column.label));
  out += head.trimEnd() + '\n';
  const rule = '-'.repeat(fullWidth) + '\n';
  for (let r = 0; r < R; r++) {
    const kind = grid.rows[r]!.row.kind;
    if (kind === 'heading' && r > 0) out += '\n';
    if (kind === 'total') out += rule;
    if (shown[r] === 0) {
      out += (kind === 'note' ? labels[r]! : labels[r]!.trimEnd()) + '\n';
      continue;
    }
    let line = labels[r]! + spaces(labelWidth - labelWidths[r]!);
    for (let c = 0, i = r * C; c < C; c++, i++) line += spaces(GAP.length + widths[c]! - textWidths[i]!) + texts[i]!;
    // only a last figure that is empty or ends in white space leaves white space to trim
    const last = C === 0 ? '' : texts[r * C + C - 1]!;
    out += (last.length > 0 && last.trimEnd().length === last.length ? line : line.trimEnd()) + '\n';
  }
  return out;
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

/** `n` spaces (none for n <= 0), the common widths kept. */
function spaces(n: number): string {
  if (n <= 0) return '';
  if (n < SPACES.length) return (SPACES[n] ??= ' '.repeat(n));
  return ' '.repeat(n);
}

const SPACES: string[] = new Array<string>(64);

function pad(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
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
