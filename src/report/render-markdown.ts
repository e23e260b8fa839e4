import { requirePresentation, requireTable } from './checks.js';
import { REPORT_LABELS, resolvePresentation, unitLine, type Presentation } from './presentation.js';
import { groupRuns } from './render-common.js';
import { roundGrid } from './rounded-grid.js';
import type { Table } from './table.js';

/**
 * Prints a table as a GitHub-flavoured Markdown table (Markdown): title in bold, the unit line,
 * a line naming the column groups, right-aligned figures, headings and totals in bold,
 * rounding differences in italics.
 *
 * @remarks
 * Labels and tokens are escaped, so a label cannot break the table or inject HTML. Depth is shown
 * with non-breaking spaces. Figures are rounded with {@link roundTable}.
 * @param table - exact table
 * @param presentation - settings; see {@link Presentation}
 * @example
 * ```ts
 * import { budget, pm, budgetTable, renderMarkdown } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * renderMarkdown(budgetTable(tb1)); // "| **TOTAAL SALDO PROGRAMMA** | **-1.471** | **-371 + pm** | **-371 + pm** |" among the rows
 * ```
 * @category Reports
 */
export function renderMarkdown(table: Table, presentation?: Presentation): string {
  requireTable('renderMarkdown', table);
  requirePresentation('renderMarkdown', presentation);
  const p = resolvePresentation(presentation);
  const grid = roundGrid(table, p);
  const rounded = table;
  const words = REPORT_LABELS[p.labels];
  const out: string[] = [];
  if (rounded.title !== '') out.push(`**${escapeMarkdown(rounded.title)}**`, '');
  out.push(escapeMarkdown(unitLine(p)), '');
  const runs = groupRuns(rounded.columns).filter((run) => run.label !== undefined && run.label !== '');
  if (runs.length > 0) {
    const describe = runs.map((run) => {
      const first = rounded.columns[run.first]?.label ?? '';
      const last = rounded.columns[run.last]?.label ?? '';
      const span = run.first === run.last ? first : `${first} ${words.through} ${last}`;
      return `${run.label ?? ''}: ${span}`;
    });
    out.push(escapeMarkdown(`${words.columnGroups}: ${describe.join('; ')}`), '');
  }
  const header = [rounded.labelHeader ?? '', ...rounded.columns.map((column) => column.label)];
  out.push(tableLine(header.map(escapeMarkdown)));
  out.push(tableLine([':---', ...rounded.columns.map(() => '---:')]));
  for (const g of grid.rows) {
    const row = g.row;
    const strong = row.kind === 'heading' || row.kind === 'total' || row.kind === 'subtotal';
    const mark = (text: string): string =>
      text === '' ? '' : strong ? `**${text}**` : row.kind === 'rounding' ? `_${text}_` : text;
    const label = '\u00a0\u00a0'.repeat(row.depth) + mark(escapeMarkdown(row.label));
    const cells =
      row.kind === 'heading' ? row.cells.map(() => '') : row.cells.map((_, c) => mark(escapeMarkdown(grid.text(g, c))));
    out.push(tableLine([label, ...cells]));
  }
  return out.join('\n') + '\n';
}

function tableLine(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Backslash-escapes Markdown punctuation; line breaks become spaces. @internal */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (ch) => `\\${ch}`);
}
