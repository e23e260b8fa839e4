/**
 * Reading CSV (RFC 4180, as spreadsheets export it) and year tables out of it: the splitter in
 * `csv-rows.ts`, the year table reader in `year-table-read.ts`, both re-exported here.
 * @packageDocumentation
 */
export { readCsv, type CsvSeparator, type CsvReadOptions } from './csv-rows.js';
export { readYearTable, type YearTable, type YearTableRow, type YearTableValue, type YearTableOptions } from './year-table-read.js';
