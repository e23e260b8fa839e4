/**
 * The printed-table reader's first half: the header, the columns and the role of every row, from the grid of
 * strings, the defaults and the layout declaration.
 * @packageDocumentation
 */
import { Dec, type Decimal } from '../core/decimal.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { tally } from '../core/work.js';
import type { Nature, SignConvention, Unit } from '../model/budget.js';
import { readPrintedAmount, type NumberLocale } from './locale-amount.js';
import type { PrintedColumnRole, PrintedColumnRule, PrintedLayout, PrintedRowRole, PrintedRowRule } from './printed-table-types.js';

/** A cell of an amount column as read. */
export type GridValue =
  | { readonly kind: 'amount'; readonly value: Decimal }
  | { readonly kind: 'pm'; readonly pm: 'pm' | '-pm' | '+pm' }
  | { readonly kind: 'nil'; readonly dash: boolean };

/** A column as the reader sees it. */
export interface GridColumn {
  readonly index: number;
  readonly header: string;
  readonly role: PrintedColumnRole;
  readonly year?: number;
  /** For a sum column: the columns it adds up. */
  readonly of?: readonly number[];
}

/** A row as the reader sees it. */
export interface GridRow {
  readonly index: number;
  readonly label: string;
  readonly role: PrintedRowRole;
  /** Per amount column index, its value. */
  readonly values: ReadonlyMap<number, GridValue>;
  readonly sign: SignConvention;
  readonly nature?: Nature;
  readonly rule?: PrintedRowRule;
  readonly ruleIndex?: number;
  /** For a verdict row: per figure column index, the verdict as printed ("JA", "nee"). */
  readonly verdicts?: ReadonlyMap<number, string>;
}

/** The grid read: columns, rows, and what the lines above the header say. */
export interface Grid {
  readonly header: number;
  readonly columns: readonly GridColumn[];
  readonly rows: readonly GridRow[];
  readonly unit: Unit;
  readonly sign: SignConvention;
  readonly title?: string;
}

/** A header that names a year: "2026", or words and then the year ("Begroting 2026", "Jaarrekening 2024"). */
const HEADER_YEAR = /^(?:\S.*\s)?((?:19|20)\d{2})$/;
const yearOf = (cell: string): number | undefined => {
  const m = HEADER_YEAR.exec(cell.trim());
  return m === null ? undefined : Number(m[1]);
};
/** The words that start a total; the English ones for tables in English. */
const TOTAL = /^(?:sub)?totaal|^saldo|^begrotingssaldo|^resultaat|^begrotingsresultaat|^(?:sub)?total\b|^balance\b/;
export const VERDICT = /^(?:ja|nee|yes|no)$/i;
const UNIT_THOUSAND = /x\s*€?\s*1[.,]000\b|duizend/i;
const UNIT_MILLION = /x\s*€?\s*1(?:[.,]000){2}\b|x\s*€?\s*1\s*(?:mln|million)|miljoen/i;
const NADEEL_POSITIVE = /\+\s*(?:=|is)\s*nadeel|-\s*(?:=|is)\s*voordeel/i;

/** The unit a table's texts name ("Bedragen x € 1.000": thousand, "x € 1 mln": million), if any. */
export function unitOf(texts: readonly string[]): Unit | undefined {
  return texts.some((t) => UNIT_MILLION.test(t)) ? 'million' : texts.some((t) => UNIT_THOUSAND.test(t)) ? 'thousand' : undefined;
}

/** How many table units make a million euros ("0,3 mln" in a table of `unit`). */
export function millionScaleOf(unit: Unit): Decimal {
  return new Dec(unit === 'euro' ? 1_000_000 : unit === 'thousand' ? 1000 : 1);
}

/** A label for matching: lower case, spaces folded, punctuation at the ends off. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '');
}

/** The label of a row with the leading id and punctuation taken off, for the default rules. */
export function ruleKey(label: string): string {
  return labelKey(label).replace(/^\d+(?:\.\d+)*\.?\s+/, '');
}

export const cellPath = (r: number, c: number): Path => ['row', r, 'column', c];
export const place = (r: number, c: number): string => `row ${r + 1}, column ${c + 1}`;

/** Reads the grid: header, columns, and the role and values of every row below the header. */
export function readGrid(grid: readonly (readonly string[])[], locale: NumberLocale, layout: PrintedLayout, given: { unit?: Unit; sign?: SignConvention }, issues: IssueCollector): Grid | undefined {
  // the first row naming two years (a title "Begroting 2026" above the header names one), else the first naming one
  const years = (row: readonly string[]): number => row.filter((cell) => yearOf(cell) !== undefined).length;
  const twice = grid.findIndex((row) => years(row) >= 2);
  const h = layout.header ?? (twice >= 0 ? twice : grid.findIndex((row) => years(row) >= 1));
  if (h < 0 || h >= grid.length) {
    issues.add('missing_field', cellPath(0, 0), 'no header row with years ("2026") found: declare layout.header');
    return undefined;
  }
  const above = grid.slice(0, h).flat().map((cell) => cell.trim()).filter((cell) => cell !== '');
  const unit = given.unit ?? unitOf(above) ?? 'euro';
  const sign = given.sign ?? (above.some((t) => NADEEL_POSITIVE.test(t)) ? 'nadeel-positive' : 'voordeel-positive');
  const title = above.find((t) => !UNIT_THOUSAND.test(t) && !UNIT_MILLION.test(t) && !/^bedragen/i.test(t));
  const columns = readColumns(grid, h, layout.columns ?? [], issues);
  const millionScale = millionScaleOf(unit);
  const rows = readRows(grid, h, columns, locale, millionScale, layout.rows ?? [], sign, issues);
  return { header: h, columns, rows, unit, sign, ...(title === undefined ? {} : { title }) };
}

function readColumns(grid: readonly (readonly string[])[], h: number, rules: readonly PrintedColumnRule[], issues: IssueCollector): GridColumn[] {
  const header = grid[h] ?? [];
  const width = Math.max(...grid.map((row) => row.length));
  const firstYear = header.findIndex((cell) => yearOf(cell) !== undefined);
  const columns: GridColumn[] = [];
  const find = (ref: number | string): number => (typeof ref === 'number' ? ref : header.findIndex((cell) => labelKey(cell) === labelKey(ref)));
  for (let c = 0; c < width; c++) {
    const text = (header[c] ?? '').trim();
    const rule = rules.find((r) => r.column === c || (r.header !== undefined && labelKey(r.header) === labelKey(text)));
    if (rule !== undefined) {
      const of = rule.of?.map(find);
      if (of?.some((i) => i < 0)) issues.add('unknown_reference', cellPath(h, c), `${place(h, c)}: the sum column "${text}" names a column that is not in the header`);
      const year = rule.year ?? yearOf(text);
      if (rule.role === 'year' && year === undefined) issues.add('invalid_year', cellPath(h, c), `${place(h, c)}: the year column "${text}" has no year: declare its year`);
      columns.push({ index: c, header: text, role: rule.role, ...(year === undefined || rule.role === 'ignored' || rule.role === 'text' ? {} : { year }), ...(of === undefined ? {} : { of: of.filter((i) => i >= 0) }) });
    } else if (yearOf(text) !== undefined) columns.push({ index: c, header: text, role: 'year', year: yearOf(text) ?? 0 });
    else if (firstYear < 0 || c === 0 || (c < firstYear && !holdsAmounts(grid, h, c))) columns.push({ index: c, header: text, role: 'text' });
    else {
      const used = grid.slice(h + 1).some((row) => (row[c] ?? '').trim() !== '');
      if (used) issues.add('unknown_field', cellPath(h, c), `${place(h, c)}: column "${text}" is neither a year nor declared: declare it in the layout (year, amount, sum, ignored or text)`);
      columns.push({ index: c, header: text, role: 'ignored' });
    }
  }
  const years = columns.filter((c) => c.year !== undefined && c.role !== 'amount').map((c) => c.year);
  years.forEach((y, i) => {
    if (years.indexOf(y) !== i) issues.add('duplicate_year', cellPath(h, columns.filter((c) => c.year === y)[1]?.index ?? 0), `year ${y} has two columns`);
  });
  return columns;
}

/** Whether a column below the header has a cell that reads as an amount (then it is not a label column). */
function holdsAmounts(grid: readonly (readonly string[])[], h: number, c: number): boolean {
  return grid.slice(h + 1).some((row) => {
    const reading = readPrintedAmount((row[c] ?? '').trim(), 'nl');
    return reading.ok && 'value' in reading;
  });
}

/** Whether a column holds figures. */
export function isFigure(column: GridColumn): boolean {
  return column.role === 'year' || column.role === 'amount' || column.role === 'sum';
}

function readRows(grid: readonly (readonly string[])[], h: number, columns: readonly GridColumn[], locale: NumberLocale, millionScale: Decimal, rules: readonly PrintedRowRule[], tableSign: SignConvention, issues: IssueCollector): GridRow[] {
  const rows: GridRow[] = [];
  const figures = columns.filter(isFigure);
  const texts = columns.filter((c) => c.role === 'text');
  let blockSign: SignConvention | undefined;
  let blockNature: Nature | undefined;
  let afterPart = false;
  for (let r = h + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const label = texts.map((c) => (cells[c.index] ?? '').trim()).filter((t) => t !== '').join(' ');
    const ruleIndex = rules.findIndex((rule) => applies(rule, r, label));
    const rule = ruleIndex < 0 ? undefined : rules[ruleIndex];
    const values = new Map<number, GridValue>();
    const unreadable: number[] = [];
    for (const column of figures) {
      tally('csvCell');
      const text = (cells[column.index] ?? '').trim();
      const reading = readPrintedAmount(text, locale, millionScale);
      if (!reading.ok) {
        unreadable.push(column.index);
        values.set(column.index, { kind: 'nil', dash: false });
      } else if ('nil' in reading) values.set(column.index, { kind: 'nil', dash: text !== '' });
      else if ('pm' in reading) values.set(column.index, { kind: 'pm', pm: reading.pm });
      else values.set(column.index, { kind: 'amount', value: reading.value });
    }
    const filled = [...values.values()].some((v) => v.kind !== 'nil');
    const verdict = unreadable.length > 0 && unreadable.every((c) => VERDICT.test((cells[c] ?? '').trim()));
    if (label === '' && !filled && unreadable.length === 0) continue;
    const dashes = [...values.values()].some((v) => v.kind === 'nil' && v.dash);
    const above = rows.some((x) => x.role === 'line' || x.role === 'total');
    let role: PrintedRowRole = rule?.role ?? defaultRole(label, { filled, dashes, unreadable: unreadable.length, verdict, afterPart, above });
    if (role === 'line' && label === '') {
      issues.add('missing_field', cellPath(r, 0), `${place(r, 0)}: a row with figures but no label`);
      continue;
    }
    if (role !== 'text' && role !== 'verdict') {
      for (const c of unreadable) {
        const text = (cells[c] ?? '').trim();
        const reading = readPrintedAmount(text, locale, millionScale);
        if (!reading.ok) issues.add(reading.code, cellPath(r, c), `${place(r, c)} ("${label}"): ${reading.message}`);
      }
    }
    if (role === 'heading') {
      blockSign = rule?.sign;
      blockNature = rule?.nature ?? natureOf(label);
    }
    afterPart = role === 'part';
    const sign = rule?.sign ?? blockSign ?? tableSign;
    const nature = rule?.nature ?? natureOf(label) ?? blockNature;
    role = role === 'heading' && filled ? 'line' : role;
    const verdicts = role === 'verdict' ? new Map(unreadable.filter((c) => VERDICT.test((cells[c] ?? '').trim())).map((c) => [c, (cells[c] ?? '').trim()] as const)) : undefined;
    rows.push({
      index: r, label, role, values, sign, ...(nature === undefined ? {} : { nature }), ...(rule === undefined ? {} : { rule, ruleIndex }), ...(verdicts === undefined ? {} : { verdicts }),
    });
  }
  return rows;
}

function applies(rule: PrintedRowRule, r: number, label: string): boolean {
  if (rule.row !== undefined) return rule.row === r;
  if (rule.label !== undefined) return labelKey(rule.label) === labelKey(label);
  if (rule.pattern !== undefined) return new RegExp(rule.pattern, 'iu').test(label);
  return false;
}

/** What the default rules need to know of a row besides its label. */
export interface RowTraits {
  /** Whether a figure cell holds an amount or a pm. */
  readonly filled: boolean;
  /** Whether a figure cell holds a dash (nil as printed). */
  readonly dashes: boolean;
  /** How many figure cells do not read as figures. */
  readonly unreadable: number;
  /** Whether every unreadable cell is JA or NEE. */
  readonly verdict: boolean;
  /** Whether the row above is a part ("waarvan ..."). */
  readonly afterPart: boolean;
  /** Whether a line or a total is above it (a total with nothing above it to add is a line, as printed). */
  readonly above: boolean;
}

/** The role of a row by the default rules (the printed-table reader and the year table reader share them). */
export function defaultRole(label: string, traits: RowTraits): PrintedRowRole {
  const { filled, dashes, unreadable, verdict, afterPart } = traits;
  const key = ruleKey(label);
  if (verdict) return 'verdict';
  if (unreadable > 0 && !filled) return 'text';
  // "Saldo primitieve begroting" opening the table has nothing above it to add: a line, as printed
  if (TOTAL.test(key)) return traits.above ? 'total' : 'line';
  if (key.startsWith('waarvan') || key.startsWith('of which')) return 'part';
  if (afterPart && (key.startsWith('structureel') || key.startsWith('structural'))) return 'derived';
  if (!filled && !dashes) return 'heading';
  return 'line';
}

function natureOf(label: string): Nature | undefined {
  const key = labelKey(label);
  if (/\bincidente(?:el|le)\b/.test(key)) return 'incidental';
  if (/\bstructure(?:el|le)\b/.test(key)) return 'structural';
  return undefined;
}
