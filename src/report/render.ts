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
 * @category Reports
 */
export function renderCsv(table: Table, presentation?: Presentation, options?: TableCsvOptions): string {
  return tableToCsvAs('renderCsv', table, presentation, options);
}
