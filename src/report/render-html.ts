import { requirePresentation, requireTable } from './checks.js';
import { resolvePresentation, unitLine, type Presentation, type ResolvedPresentation } from './presentation.js';
import { groupRuns } from './render-common.js';
import { roundGrid, type RoundedGrid } from './rounded-grid.js';
import type { Table } from './table.js';

/**
 * Prints a table as an HTML `<table>` fragment (HTML) for a page or e-mail.
 *
 * @remarks
 * Classes, for a style sheet: `meerjaren` on the table; `mj-<kind>` (mj-heading, mj-line,
 * mj-component, mj-subtotal, mj-total, mj-rounding, mj-note) and `mj-depth-<n>` on each row;
 * `mj-amount`, `mj-pm` or `mj-nil` on each figure. All text is escaped; the fragment holds no
 * script, no event handler and no inline style, so it passes a strict Content-Security-Policy.
 * Figures are rounded with {@link roundTable}.
 * @param table - exact table
 * @param presentation - settings; see {@link Presentation}
 * @example
 * ```ts
 * import { budget, pm, budgetTable, renderHtml } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const fragment = renderHtml(budgetTable(tb1), { labels: 'en' }); // '<table class="meerjaren">...</table>'
 * ```
 * @category Reports
 */
export function renderHtml(table: Table, presentation?: Presentation): string {
  requireTable('renderHtml', table);
  requirePresentation('renderHtml', presentation);
  const p = resolvePresentation(presentation);
  return htmlTable(table, p, roundGrid(table, p));
}

/**
 * {@link renderHtml} of a table already rounded (`grid`, from `roundGrid(table, p)` or of a table with the same
 * rows), so a report that also labels its charts from the grid rounds the table once.
 * @internal
 */
export function htmlTable(table: Table, p: ResolvedPresentation, grid: RoundedGrid): string {
  const rounded = table;
  const width = rounded.columns.length + 1;
  const out: string[] = ['<table class="meerjaren">'];
  const title = rounded.title === '' ? '' : `<span class="mj-title">${escapeHtml(rounded.title)}</span> `;
  out.push(`  <caption>${title}<span class="mj-unit">${escapeHtml(unitLine(p))}</span></caption>`, '  <thead>');
  const runs = groupRuns(rounded.columns);
  if (runs.length > 0) {
    const groups = runs.map((run) => {
      const span = run.last - run.first + 1;
      const colspan = span > 1 ? ` colspan="${span}"` : '';
      return run.label === undefined ? `<td${colspan}></td>` : `<th scope="colgroup"${colspan}>${escapeHtml(run.label)}</th>`;
    });
    out.push(`    <tr class="mj-groups"><td></td>${groups.join('')}</tr>`);
  }
  const headers = rounded.columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`);
  out.push(`    <tr><th scope="col">${escapeHtml(rounded.labelHeader ?? '')}</th>${headers.join('')}</tr>`, '  </thead>', '  <tbody>');
  // the rows are one string grown row by row and copied flat once (an array of rows joined costs twice that)
  let html = out.join('\n');
  for (const g of grid.rows) {
    const row = g.row;
    const label = escapeHtml(row.label);
    html += `\n    <tr class="mj-${row.kind} mj-depth-${row.depth}">`;
    if (row.kind === 'heading') html += `<th scope="row" colspan="${width}">${label}</th></tr>`;
    else {
      html += '<th scope="row">' + label + '</th>';
      const cells = row.cells;
      for (let c = 0; c < cells.length; c++) {
        html += cells[c]!.pm ? '<td class="mj-pm">' : grid.hasAmount(g, c) ? '<td class="mj-amount">' : '<td class="mj-nil">';
        html += escapeHtml(grid.text(g, c)) + '</td>';
      }
      html += '</tr>';
    }
  }
  return html + '\n  </tbody>\n</table>\n';
}

/** Escapes text for HTML element content and quoted attributes. */
function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`) : text;
}

const SPECIAL = /[&<>"']/;
