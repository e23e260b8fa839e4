import { tableToCsvAs, tableToCsv, type TableCsvOptions } from './csv.js';
import type { Presentation } from './presentation.js';
import type { Table } from './table.js';

export { renderText } from './render-text.js';
export { renderMarkdown } from './render-markdown.js';
export { renderHtml } from './render-html.js';

/**
 * Prints a table as CSV for a spreadsheet (CSV); the same as {@link tableToCsv}.
 * @param table - exact table
 * @param presentation - settings; see {@link Presentation}
 * @param options - separator, locale, BOM, ids, rounding; see {@link TableCsvOptions}
 * @example
 * ```ts
 * import { budget, pm, budgetTable, renderCsv } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * renderCsv(budgetTable(tb1), { unit: 'million', decimals: 1 }, { round: true });
 * // "...1.4 Uitvoeringscapaciteit Wmo;-1,1;pm;pm\r\n1.7 Jeugdgezondheidszorg;-0,4;-0,4;-0,4\r\nTOTAAL SALDO PROGRAMMA;-1,5;-0,4;-0,4\r\n"
 * ```
 * @category Reports
 */
export function renderCsv(table: Table, presentation?: Presentation, options?: TableCsvOptions): string {
  return tableToCsvAs('renderCsv', table, presentation, options);
}
