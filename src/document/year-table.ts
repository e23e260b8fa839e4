import { isDecimal, plainString } from '../core/decimal.js';
import { describeValue, integer, isObjectLike, object, oneOf, requireArgument, requireOptions, text, type OptionCheck } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { NATURES, SIGN_CONVENTIONS, UNITS, type Nature, type SignConvention, type Unit } from '../model/budget.js';
import type { YearTable } from './csv.js';
import { EXPORT_ID, isLineSubtotal } from './year-table-checks.js';
import { BUDGET_FORMAT, BUDGET_FORMAT_VERSION, type BudgetDocument, type ComponentDocument, type LineDocument, type SectionDocument } from './format.js';

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
 * totals, waarvan rows or structural rows (role `total`, `part`, `derived`) are not lines: it checked them.
 *
 * A table that {@link tableToCsv} wrote with `ids: true` (every row's id names its kind: "section:1",
 * "line:1.1", "component:1.1#1", "subtotal:line:1.1", "subtotal:1", "total") becomes the budget it was written
 * from: a section per heading, its lines, their components, a line printed as the sum of its components as
 * `row: 'subtotal'`; titles without the id printed before them. Natures, tags and column groups are not in the
 * export: every line gets `options.nature`. The horizon runs from the first to the
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
  const valuesOf = (row: YearTable['rows'][number]): Record<string, string> => {
    const values: Record<string, string> = {};
    row.values.forEach((value, c) => {
      const year = years[c];
      if (value === null || year === undefined) return;
      values[String(year)] = typeof value === 'string' ? value : plainString(value);
    });
    return values;
  };
  const head = {
    format: BUDGET_FORMAT,
    version: BUDGET_FORMAT_VERSION,
    title: options.title,
    unit: options.unit,
    sign: options.sign ?? 'voordeel-positive',
    numberFormat: 'plain',
    horizon: { from, to, budgetYear: options.budgetYear ?? from },
  } as const;
  const exported = exportedSections(table, options.nature, valuesOf);
  if (exported !== undefined) return { ...head, sections: exported };
  // printed totals, waarvan and structural rows were checked by readYearTable: they are not lines; a heading (a
  // label without amounts) starts a section of its own, the rows before any heading are the first section
  const sections: { id: string; title: string; lines: LineDocument[] }[] = [];
  let current: { id: string; title: string; lines: LineDocument[] } = { id: options.section?.id ?? '1', title: options.section?.title ?? options.title, lines: [] };
  table.rows.forEach((row, i) => {
    if (row.role === 'heading') {
      if (current.lines.length > 0) sections.push(current);
      current = { id: row.id ?? `s${i + 1}`, title: row.label, lines: [] };
    } else if (row.role === undefined || row.role === 'line') {
      // a line of dashes only (nil in every year) is a line of zeros, as the printed-table reader reads it
      const values = row.values.every((v) => v === null) ? Object.fromEntries(years.map((y) => [String(y), '0'])) : valuesOf(row);
      current.lines.push({ id: row.id ?? `r${i + 1}`, title: row.label, nature: options.nature, values });
    }
  });
  if (current.lines.length > 0 || sections.length === 0) sections.push(current);
  // shown as the table: without the ids made up for rows that had none, the grand total under its own label
  const madeUp = table.rows.some((row) => (row.role === undefined || row.role === 'line' || row.role === 'heading') && row.id === undefined);
  const last = table.rows.at(-1);
  return { ...head, ...(last?.role === 'total' ? { totalLabel: last.label } : {}), ...(madeUp ? { showIds: false } : {}), sections };
}


/**
 * The sections of a table that tableToCsv exported with its ids (every row has one): a section per
 * "section:<id>" row, a line per "line:<id>" or "subtotal:line:<id>" row (the latter printed as the sum of its
 * components, `row: 'subtotal'`), its components from the "component:<id>" rows below it; titles are the labels
 * without the id the table printed before them ("1.1 ", "- "). Subtotal and total rows are not lines.
 */
function exportedSections(table: YearTable, nature: Nature, valuesOf: (row: YearTable['rows'][number]) => Record<string, string>): SectionDocument[] | undefined {
  const rows = table.rows;
  if (rows.length === 0 || !rows.every((row) => row.id !== undefined && EXPORT_ID.test(row.id))) return undefined;
  const after = (label: string, prefix: string): string => (label.startsWith(prefix) ? label.slice(prefix.length) : label);
  const sections: { id: string; title: string; lines: (LineDocument & { components: ComponentDocument[] })[] }[] = [];
  const ids = rows.map((row) => row.id ?? '');
  for (const [i, row] of rows.entries()) {
    const id = row.id ?? '';
    if (id.startsWith('section:')) {
      const sectionId = id.slice('section:'.length);
      sections.push({ id: sectionId, title: after(row.label, `${sectionId} `), lines: [] });
      continue;
    }
    const subtotal = isLineSubtotal(ids, i);
    if (id.startsWith('line:') || subtotal) {
      const lineId = id.slice(subtotal ? 'subtotal:line:'.length : 'line:'.length);
      if (sections.length === 0) sections.push({ id: '1', title: table.rows[0]?.label ?? '', lines: [] });
      const line = { id: lineId, title: after(row.label, `${lineId} `), nature, values: subtotal ? {} : valuesOf(row), components: [] };
      sections.at(-1)?.lines.push(subtotal ? { ...line, row: 'subtotal' } : line);
    } else if (id.startsWith('component:')) {
      const line = sections.at(-1)?.lines.at(-1);
      const componentId = id.slice('component:'.length);
      // the id the loader gives a component by default ("1.1#2") is left to it: a new id cannot hold '#'
      const given = line === undefined || componentId !== `${line.id}#${line.components.length + 1}`;
      line?.components.push({ ...(given ? { id: componentId } : {}), title: after(row.label, '- '), values: valuesOf(row) });
    }
  }
  return sections.map((s) => ({ ...s, lines: s.lines.map(({ components, ...line }) => (components.length === 0 ? line : { row: 'amount' as const, ...line, components })) }));
}
