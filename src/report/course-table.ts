/**
 * The P&C course table (verloop van de begroting): primitieve begroting, each wijziging, begroting na wijziging,
 * realisatie and afwijking per line, section and total, per year; with each wijziging's mutations listed below.
 * @module
 */
import { deepFreeze } from '../core/freeze.js';
import { arrayOf, integer, object, objectWith, readOptions, requireArgument, text } from '../core/guard.js';
import type { Presentation } from './presentation.js';
import type { BudgetCourse, CourseYear } from '../analysis/budget-course.js';
import type { VersionFigure } from '../analysis/compare-versions-types.js';
import { yearRuns } from './version-table.js';
import { amountCell, NIL, noteRow, stageRows, withColumnRounding, type ColumnSum } from './stage-rows.js';
import type { Table, TableCell, TableColumn, TableRow } from './table.js';

/** Options of {@link courseTable}. @category Reports */
export interface CourseTableOptions {
  /** Title. @defaultValue 'Verloop van de begroting' */
  readonly title?: string;
  /** The years shown, each a group of columns. @defaultValue the closed years of the actuals, else the first version's first year */
  readonly years?: readonly number[];
  /**
   * The presentation the table will be printed with. Given, every row whose printed begroting na wijziging is not
   * the printed primitieve begroting plus the printed wijzigingen (or whose printed afwijking is not the printed
   * realisatie minus it) gets an "Afrondingsverschil" row with the difference, as printed tables show it; print the
   * table with the same presentation.
   */
  readonly presentation?: Presentation;
}

/** The Dutch words of the course table. */
const WORDS = {
  title: 'Verloop van de begroting',
  change: 'Wijziging',
  after: 'Begroting na wijziging',
  actual: 'Realisatie',
  deviation: 'Afwijking',
  subtotal: 'Totaal',
  notIn: 'niet in',
  missing: 'geen realisatie',
  pm: 'begroting pm, geen afwijking',
  mutations: 'Mutaties',
  rounding: 'Afrondingsverschil',
  findings: 'naspelen van de mutaties geeft de stand niet',
} as const;

/** Dutch words for the change kinds of a scenario, for the list of mutations. */
const CHANGE_WORDS: Readonly<Record<string, string>> = {
  'set-amount': 'bedrag gewijzigd',
  'estimate-pm': 'pm geraamd',
  'drop-line': 'regel vervallen',
  'set-nature': 'aard gewijzigd',
  'add-line': 'regel toegevoegd',
  'move-amount': 'bedrag verschoven',
  index: 'indexatie',
};

function figureCell(f: VersionFigure): TableCell {
  if (f.state !== 'figure' || f.total.empty) return NIL;
  const pm = f.total.pm.length > 0;
  return amountCell(pm && f.total.amount.isZero() ? undefined : f.total.amount, pm);
}

/** A short description of one change: its kind in words, the line or section, its years and value as written. @internal */
export function describeChange(change: object): string {
  const c = change as Record<string, unknown>;
  const kind = typeof c['kind'] === 'string' ? c['kind'] : '?';
  const parts: string[] = [CHANGE_WORDS[kind] ?? kind];
  const line = c['line'];
  if (typeof line === 'string') parts.push(line);
  else if (typeof line === 'object' && line !== null) {
    const l = line as { id?: unknown; title?: unknown };
    parts.push(`${String(l.id ?? '')} ${String(l.title ?? '')}`.trim());
  }
  if (typeof c['from'] === 'string' && typeof c['to'] === 'string') parts.push(`${c['from']} -> ${c['to']}`);
  if (c['years'] !== undefined) parts.push(`jaren ${JSON.stringify(c['years'])}`);
  if (c['value'] !== undefined) parts.push(`waarde ${JSON.stringify(c['value'])}`);
  if (typeof c['note'] === 'string') parts.push(`(${c['note']})`);
  return parts.join(' ');
}

/**
 * The P&C course table (verloop van de begroting) of a {@link BudgetCourse}, as a report {@link Table} for every
 * renderer (`renderText`, `renderMarkdown`, `renderHtml`, `renderCsv`): per year a group of columns, the primitive
 * begroting (the first version), "Wijziging <version>" for each later version, "Begroting na wijziging" (the last
 * version) and, with actuals, "Realisatie" and "Afwijking"; per section its lines and a subtotal, then the total.
 *
 * @remarks
 * Subtotals and the total are the exact sums of their rows (`of`), so rounded figures add up or an
 * afrondingsverschil row follows. The columns are each rounded on their own: begroting na wijziging = primitief +
 * wijzigingen and afwijking = realisatie - begroting hold exactly in the figures, and after rounding may differ by
 * a unit; with `options.presentation` an afrondingsverschil row after such a row gives the difference, as printed
 * tables show it. A change of exactly 0 is blank. Blank cells that are not zero are said in note rows
 * below the table: years outside a version's horizon ("niet in Begroting 2025: 2029-2031"), lines without
 * realisatie, lines whose budget is pm; then, per version with mutations, the list of them, and any finding of
 * their replay.
 * @param course - from `budgetCourse`
 * @param options - title, years, the presentation it will be printed with
 * @example
 * ```ts
 * import { budget, budgetCourse, courseTable, renderText, versionSeries } from 'meerjaren';
 *
 * const pb = budget({ title: 'Begroting 2025', unit: 'thousand', horizon: { from: 2025, to: 2028 } })
 *   .section('1', 'Bestaand beleid').line('1.4', 'Behoud uitvoeringscapaciteit Wmo', [-2000, -2000, -2000, -2000], { nature: 'structural' }).build();
 * const series = versionSeries([
 *   { name: 'Begroting 2025', kind: 'begroting', budget: pb },
 *   { name: 'TB1 2025', kind: 'tb1', mutations: { id: 'tb1', title: 'TB1', changes: [{ kind: 'set-amount', line: '1.4', years: [2025], value: { add: '-1100' } }] } },
 * ]);
 * console.log(renderText(courseTable(budgetCourse(series)), { unit: 'thousand' }));
 * // 2025: Begroting 2025 -2.000 | Wijziging TB1 2025 -1.100 | Begroting na wijziging -3.100
 * ```
 * @category Reports
 */
export function courseTable(course: BudgetCourse, options: CourseTableOptions = {}): Table {
  const fn = 'courseTable';
  requireArgument(fn, 'course', course, objectWith(['versions', 'years', 'sections', 'totalLabel'], 'a course from budgetCourse()'));
  options = readOptions(fn, options, { title: text(), years: arrayOf(integer({ min: 1900, max: 2200 }), { maxLength: 50 }), presentation: object() });
  const versions = course.versions;
  const n = versions.length;
  const withActuals = course.actuals !== undefined;
  const years = options.years ?? (course.actuals?.years ?? versions[0]?.years.slice(0, 1) ?? []);
  const stages: string[] = [];
  if (n > 0) stages.push(versions[0]!.name);
  for (let k = 1; k < n; k++) stages.push(`${WORDS.change} ${versions[k]!.name}`);
  if (n > 1) stages.push(WORDS.after);
  if (withActuals) stages.push(WORDS.actual, WORDS.deviation);
  const columns: TableColumn[] = years.flatMap((y) => stages.map((label, i) => ({ key: `${y}:${i}`, label, group: String(y) })));
  const cellsOf = (cy: CourseYear | undefined): TableCell[] => {
    if (cy === undefined) return stages.map(() => NIL);
    const out: TableCell[] = [figureCell(cy.figures[0]!)];
    cy.changes.forEach((d) => out.push(d === undefined || (d.amount.isZero() && d.pm === 0) ? NIL : amountCell(d.amount, d.pm !== 0)));
    if (n > 1) out.push(figureCell(cy.figures[n - 1]!));
    if (withActuals) out.push(amountCell(cy.actual?.actual), amountCell(cy.actual?.deviation));
    return out;
  };
  const sections = course.sections.map((s) => ({
    id: s.id,
    title: s.title,
    lines: s.lines.map((l) => ({ id: l.id, label: `${l.id} ${l.title}`, cells: years.flatMap((y) => cellsOf(l.years[y])) })),
  }));
  const C = columns.length;
  let rows: TableRow[] = stageRows(sections, C, course.totalLabel === '' ? WORDS.subtotal : course.totalLabel, WORDS.subtotal);
  if (options.presentation !== undefined) {
    const S = stages.length;
    const sums: ColumnSum[] = years.flatMap((_y, g): ColumnSum[] => {
      const at = (i: number): number => g * S + i;
      const out: ColumnSum[] = [];
      if (n > 1) out.push({ result: at(n), parts: Array.from({ length: n }, (_x, i) => ({ column: at(i), sign: 1 as const })) });
      const budgetColumn = n > 1 ? at(n) : at(0);
      if (withActuals) out.push({ result: budgetColumn + 2, parts: [{ column: budgetColumn + 1, sign: 1 }, { column: budgetColumn, sign: -1 }] });
      return out;
    });
    rows = withColumnRounding({ title: '', columns, rows }, options.presentation, sums, WORDS.rounding);
  }
  rows.push(...courseNotes(course, years, C));
  return deepFreeze({ title: options.title ?? WORDS.title, columns, rows, labelHeader: 'Regel' });
}

/** The note rows: years outside a horizon, missing realisatie, pm budgets, the mutations, the findings. */
function courseNotes(course: BudgetCourse, years: readonly number[], C: number): TableRow[] {
  const rows: TableRow[] = [];
  course.versions.forEach((v, k) => {
    const outside = years.filter((y) => !v.years.includes(y));
    if (outside.length > 0) rows.push(noteRow(`note:outside:${k}`, `${WORDS.notIn} ${v.name}: ${yearRuns(outside)}`, C));
  });
  if (course.actuals !== undefined) {
    for (const y of years) {
      const lines = course.sections.flatMap((s) => s.lines).filter((l) => l.years[y]?.actual !== undefined);
      const missing = lines.filter((l) => l.years[y]!.actual!.reason === 'missing-actual').map((l) => l.id);
      const pm = lines.filter((l) => l.years[y]!.actual!.reason === 'pm-budget').map((l) => l.id);
      if (missing.length > 0) rows.push(noteRow(`note:missing:${y}`, `${WORDS.missing} ${y}: ${missing.join(', ')}`, C));
      if (pm.length > 0) rows.push(noteRow(`note:pm:${y}`, `${WORDS.pm} ${y}: ${pm.join(', ')}`, C));
    }
  }
  course.versions.forEach((v, k) => {
    if (k === 0 || v.mutations === undefined) return;
    rows.push(noteRow(`mutations:${k}`, `${WORDS.mutations} ${v.name}: ${v.mutations.title}`, C));
    v.mutations.changes.forEach((c, i) => rows.push(noteRow(`mutations:${k}:${i}`, `${i + 1}. ${describeChange(c)}`, C, 1)));
  });
  const findings = course.findings;
  if (findings.length > 0) {
    rows.push(noteRow('findings', `${WORDS.findings} (${findings.length})`, C));
    findings.slice(0, 20).forEach((f, i) => rows.push(noteRow(`findings:${i}`, f.message, C, 1)));
  }
  return rows;
}
