import { isDecimal, plainString } from '../core/decimal.js';
import { describeValue, integer, isObjectLike, object, oneOf, requireArgument, requireOptions, text, type OptionCheck } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { NATURES, SIGN_CONVENTIONS, UNITS, type Nature, type SignConvention, type Unit } from '../model/budget.js';
import type { YearTable } from './csv.js';
import { BUDGET_FORMAT, BUDGET_FORMAT_VERSION, type BudgetDocument, type LineDocument } from './format.js';

/** Options of {@link yearTableToDocument}. @category Documents */
export interface YearTableDocumentOptions {
  /** Title of the table. */
  readonly title: string;
  /** Unit the spreadsheet's amounts are in (x € 1.000 is common). */
  readonly unit: Unit;
  /** Sign convention of the spreadsheet. @defaultValue 'voordeel-positive' */
  readonly sign?: SignConvention;
  /** Nature of every line (the spreadsheet has no column for it). */
  readonly nature: Nature;
  /** Budget year. @defaultValue the first year of the sheet */
  readonly budgetYear?: number;
  /** Id and title of the one section the lines go into. @defaultValue `{ id: '1', title: <title> }` */
  readonly section?: {
    /** Section id. */
    readonly id: string;
    /** Section title. */
    readonly title: string;
  };
}

const YEAR_ROW_ROLES: readonly string[] = ['line', 'heading', 'total', 'part', 'derived'];

/** A year table as {@link readYearTable} returns it: years, and rows of a label and one value per year. */
const YEAR_TABLE: OptionCheck = (value, path, collector) => {
  if (!isObjectLike(value)) {
    collector.add('invalid_option', path, `table must be a year table from readYearTable(), not ${describeValue(value)}`);
    return;
  }
  const t = value as Record<string, unknown>;
  const years = t['years'];
  if (!Array.isArray(years) || years.length === 0 || years.some((y) => !Number.isSafeInteger(y))) {
    collector.add('invalid_option', [...path, 'years'], 'a year table has a non-empty list of years');
  }
  const rows = t['rows'];
  if (!Array.isArray(rows)) {
    collector.add('invalid_option', [...path, 'rows'], 'a year table has a list of rows');
    return;
  }
  rows.forEach((r: unknown, i) => {
    const row = r as Record<string, unknown>;
    const values = isObjectLike(r) ? row['values'] : undefined;
    const ok =
      isObjectLike(r) &&
      typeof row['label'] === 'string' &&
      (row['id'] === undefined || typeof row['id'] === 'string') &&
      (row['role'] === undefined || YEAR_ROW_ROLES.includes(row['role'] as string)) &&
      Array.isArray(values) &&
      values.every((v) => v === null || v === 'pm' || v === '-pm' || v === '+pm' || (isDecimal(v) && v.isFinite()));
    if (!ok) collector.add('invalid_option', [...path, 'rows', i], 'a row of a year table is { id?, label, values, role? } with values Decimal, pm or null');
  });
};

const YEAR_TABLE_DOCUMENT_OPTIONS = {
  title: text(),
  unit: oneOf(UNITS),
  sign: oneOf(SIGN_CONVENTIONS),
  nature: oneOf(NATURES),
  budgetYear: integer({ min: MIN_YEAR, max: MAX_YEAR }),
  section: object({ id: text(), title: text() }),
};

/**
 * Turns a year table read from a spreadsheet export (`readYearTable`) into a budget document, so it is
 * validated by `loadBudget` like any other: one section, a line per row (id from the id column, else
 * `r1`, `r2`, ...), amounts exact in the sheet's unit, "pm" kept. Rows that `readYearTable` found to be printed
 * totals, waarvan rows or structural rows (role `total`, `part`, `derived`) are not lines: it checked them. The horizon runs from the first to the
 * last year column.
 * @param table - what `readYearTable` returned
 * @param options - title, unit, sign convention and nature
 * @example
 * ```ts
 * import { evaluate, loadBudget, readYearTable, yearTableToDocument } from 'meerjaren';
 *
 * const sheet = readYearTable('Omschrijving;2025;2026\nUitvoeringscapaciteit Wmo;-1.100;pm\n', { locale: 'nl' });
 * const doc = yearTableToDocument(sheet, { title: 'Nieuw beleid', unit: 'thousand', nature: 'incidental' });
 * evaluate(loadBudget(doc)).total['2025']!.amount.toFixed(); // "-1100000" (euros)
 * ```
 * @category Documents
 */
export function yearTableToDocument(table: YearTable, options: YearTableDocumentOptions): BudgetDocument {
  requireArgument('yearTableToDocument', 'table', table, YEAR_TABLE);
  options = requireOptions('yearTableToDocument', options, YEAR_TABLE_DOCUMENT_OPTIONS, ['title', 'unit', 'nature']);
  const years = table.years;
  const from = Math.min(...years);
  const to = Math.max(...years);
  // printed totals, waarvan and structural rows were checked by readYearTable: they are not lines
  const lines: LineDocument[] = table.rows.flatMap((row, i) => {
    if (row.role !== undefined && row.role !== 'line' && row.role !== 'heading') return [];
    const values: Record<string, string> = {};
    row.values.forEach((value, c) => {
      const year = years[c];
      if (value === null || year === undefined) return;
      values[String(year)] = typeof value === 'string' ? value : plainString(value);
    });
    return [{ id: row.id ?? `r${i + 1}`, title: row.label, nature: options.nature, values }];
  });
  return {
    format: BUDGET_FORMAT,
    version: BUDGET_FORMAT_VERSION,
    title: options.title,
    unit: options.unit,
    sign: options.sign ?? 'voordeel-positive',
    numberFormat: 'plain',
    horizon: { from, to, budgetYear: options.budgetYear ?? from },
    sections: [{ id: options.section?.id ?? '1', title: options.section?.title ?? options.title, lines }],
  };
}
