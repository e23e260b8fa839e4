import { Dec, ZERO, type Decimal } from '../core/decimal.js';
import { isPm, type Budget, type Cell, type Line, type YearValues } from '../model/budget.js';
import type { Check } from '../model/evaluation.js';
import { evaluate, type Evaluation, type Total, type TotalsByYear } from '../evaluate/evaluate.js';
import type { CellCheck, PmDirection, Table, TableCell, TableColumn, TableRow } from './table.js';
import { ownValue } from '../core/records.js';
import { boolean, oneOf, readOptions, text } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';
import { EVALUATION } from '../validate/result-checks.js';
import { LABEL_LANGUAGES, type LabelLanguage } from './presentation.js';
import { CHECK_MARKS } from './format.js';
import { checkNote } from './check-notes.js';
import { showPrinted, type PrintedTotal } from './printed-figures.js';

/** Which figure a printed total shows (getoonde bedragen). @category Reports */
export type TableFigures = (typeof TABLE_FIGURES)[number];

/** Every {@link TableFigures}; the one list of them. @category Reports */
export const TABLE_FIGURES = Object.freeze(['computed', 'printed'] as const);

/** Options of {@link budgetTable}. @category Reports */
export interface BudgetTableOptions {
  /** Print a subtotal row under each section. @defaultValue under the sections whose subtotal the source prints */
  readonly sectionTotals?: boolean;
  /** Label of the grand total row. @defaultValue the budget's own ("TOTAAL SALDO PROGRAMMA") */
  readonly totalLabel?: string;
  /** An evaluation of the budget, when one is at hand (saves evaluating again). */
  readonly evaluation?: Evaluation;
  /**
   * What a total the source printed shows: `computed`, the exact sum of its rows (a printed figure that differs is
   * marked, "1.501*", and listed in a note row); or `printed`, the figure as printed, with the difference from the
   * sum of the rows as an "Afrondingsverschil" row under it (as the seeds print it) and a mismatch listed in a note.
   * @defaultValue 'computed'
   */
  readonly figures?: TableFigures;
  /** Mark and list the printed totals that differ from their rows. @defaultValue true */
  readonly checks?: boolean;
  /** Language of the note rows. @defaultValue 'nl' */
  readonly labels?: LabelLanguage;
}

const NIL: TableCell = Object.freeze({ amount: undefined, pm: false });

/** The component row ids of a line without components (most lines): one shared empty list. */
const NO_IDS: readonly string[] = Object.freeze([]);

function cellOf(cell: Cell | undefined): TableCell {
  if (cell === undefined) return NIL;
  // a budget's amounts are the library's Decimals: told apart from a pm without a property lookup on each
  if (cell instanceof Dec) return { amount: cell, pm: false };
  if (isPm(cell)) return cell.direction === undefined ? { amount: undefined, pm: true } : { amount: undefined, pm: true, pmDirection: cell.direction };
  return { amount: cell, pm: false };
}

/**
 * A total as a table cell: it prints 0 when nothing is in it (seed 001: "Saldo 653 0 0 0"), and says when it
 * holds a pm. @internal
 */
export function totalCell(total: Total | undefined): TableCell {
  if (total === undefined) return { amount: ZERO, pm: false };
  return { amount: total.amount, pm: total.pm.length > 0 };
}

/** The row of a table a check is about: a line subtotal, a section subtotal or the grand total. */
function checkedRow(check: Check): string {
  return check.scope === 'line' ? `line:${check.id}` : check.scope === 'section' ? `subtotal:${check.id}` : 'total';
}

/**
 * The budget as a report table in the layout of the seed tables (begrotingstabel): per section a heading,
 * per line its own row ("1.1 Noodopvang Oekraïne-vergoeding rijk") and its components ("- kosten
 * noodopvang"), section subtotals where the source prints them, and the grand total ("TOTAAL SALDO PROGRAMMA").
 * Every subtotal and total row names the rows it sums, so printed figures add up after rounding.
 *
 * @remarks
 * A total with nothing in it is blank, unless the source printed a figure for it (seed 001: "Saldo 653 0 0 0"). A
 * total holding pm posts says which way they go when all do ("-100 - pm"; both ways: "-100 ± pm"; unknown:
 * "+ pm"). Printed totals that differ from the sum of their rows are marked ("*" an afrondingsverschil, "!" a
 * mismatch) and listed in note rows under the table, in the source's unit ("* totaal 2028: gedrukt 1.500, som van
 * de regels 1.501 (x € 1.000): afrondingsverschil -1"); with `figures: 'printed'` the printed figure is shown.
 * @param budget - the budget
 * @param options - layout options
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
 * console.log(renderText(budgetTable(tb1)));
 * // TOTAAL SALDO PROGRAMMA           -1.471  -371 + pm  -371 + pm
 * ```
 * @category Reports
 */
export function budgetTable(budget: Budget, options: BudgetTableOptions = {}): Table {
  budget = requireBudget('budgetTable', 'budget', budget);
  options = readOptions('budgetTable', options, {
    sectionTotals: boolean,
    totalLabel: text(),
    evaluation: EVALUATION,
    figures: oneOf(TABLE_FIGURES),
    checks: boolean,
    labels: oneOf(LABEL_LANGUAGES),
  });
  const evaluation = options.evaluation ?? evaluate(budget);
  const printedMode = options.figures === 'printed';
  const showChecks = options.checks !== false;
  const years = budget.horizon.years;
  const groupOf = (year: number): string | undefined => budget.horizon.groups.find((g) => year >= g.from && year <= g.to)?.label;
  const columns: TableColumn[] = years.map((year) => {
    const group = groupOf(year);
    return group === undefined ? { key: String(year), label: String(year) } : { key: String(year), label: String(year), group };
  });
  const flagged = new Map<string, CellCheck>();
  const notes: Check[] = [];
  for (const check of evaluation.checks) {
    if (check.status === 'ok') continue;
    flagged.set(`${checkedRow(check)}|${check.year}`, check.status);
    if (showChecks && (!printedMode || check.status === 'mismatch')) notes.push(check);
  }
  const printed = new Map<string, PrintedTotal>();
  const directions = pmDirections(budget);
  // a year's cell is read by the year as a number: the same property as its key ("2026"), found many times faster
  const row = (values: YearValues): TableCell[] => {
    const cells = new Array<TableCell>(years.length);
    for (let i = 0; i < years.length; i++) cells[i] = cellOf((values as Readonly<Record<number, Cell>>)[years[i]!]);
    return cells;
  };
  /** A total row's cells: blank where empty and not printed, with the pm direction and the check of the year. */
  const totals = (id: string, t: TotalsByYear, expected: Readonly<Record<string, Decimal>> | undefined): TableCell[] => {
    if (printedMode && expected !== undefined) printed.set(id, { figures: years.map((y) => expected[y]), mismatch: years.some((y) => flagged.get(`${id}|${y}`) === 'mismatch') });
    return years.map((y) => {
      const total = t[y];
      if (total === undefined) return { amount: ZERO, pm: false };
      if (total.empty && expected?.[y] === undefined) return NIL;
      const direction = total.pm.length > 0 ? directions(total.pm, y) : undefined;
      const check = printedMode || !showChecks ? undefined : flagged.get(`${id}|${y}`);
      return { amount: total.amount, pm: total.pm.length > 0, ...(direction === undefined ? {} : { pmDirection: direction }), ...(check === undefined ? {} : { check }) };
    });
  };
  const rows: TableRow[] = [];
  const topParts: string[] = [];
  // ids before titles only where the source prints them
  const named = (id: string, title: string): string => (budget.presentation.showIds === false ? title : `${id} ${title}`.trim());
  budget.sections.forEach((section, si) => {
    rows.push({ id: `section:${section.id}`, label: named(section.id, section.title), kind: 'heading', depth: 0, cells: years.map(() => NIL) });
    const sectionParts: string[] = [];
    for (const line of section.lines) {
      const componentIds = line.components.length === 0 ? NO_IDS : line.components.map((c) => `component:${c.id}`);
      const lineResult = line.row === 'subtotal' ? ownValue(evaluation.lines, line.id) : undefined;
      const id = `line:${line.id}`;
      if (lineResult !== undefined) {
        rows.push({ id, label: named(line.id, line.title), kind: 'subtotal', depth: 1, cells: totals(id, lineResult.totals, line.expected), of: componentIds.length === 0 ? [] : componentIds });
        if (printedMode && line.expected !== undefined) sectionParts.push(id);
      } else {
        rows.push({ id, label: named(line.id, line.title), kind: 'line', depth: 1, cells: row(line.values) });
        sectionParts.push(id);
      }
      if (componentIds.length === 0) continue;
      line.components.forEach((c, i) => {
        rows.push({ id: componentIds[i] ?? c.id, label: `- ${c.title}`, kind: 'component', depth: 2, cells: row(c.values) });
      });
      // a printed line subtotal stands for its components in the totals above it; otherwise they add up themselves
      if (!(printedMode && lineResult !== undefined && line.expected !== undefined)) sectionParts.push(...componentIds);
    }
    const sectionResult = evaluation.sections[si];
    if ((options.sectionTotals ?? section.expected !== undefined) && sectionResult !== undefined) {
      const id = `subtotal:${section.id}`;
      rows.push({ id, label: section.totalLabel ?? (budget.presentation.showIds === false ? `Subtotaal ${section.title}` : `Subtotaal ${section.id}`).trim(), kind: 'subtotal', depth: 0, cells: totals(id, sectionResult.totals, section.expected), of: sectionParts });
      topParts.push(id);
    } else topParts.push(...sectionParts);
  });
  rows.push({ id: 'total', label: options.totalLabel ?? budget.presentation.totalLabel, kind: 'total', depth: 0, cells: totals('total', evaluation.total, budget.expected), of: topParts });
  const labels = options.labels ?? 'nl';
  const shown = printed.size > 0 ? showPrinted(rows, printed, labels) : rows;
  for (const check of notes) {
    shown.push({ id: `check:${checkedRow(check)}:${check.year}`, label: `${CHECK_MARKS[check.status as CellCheck]} ${checkNote(check, budget, labels)}`, kind: 'note', depth: 0, cells: years.map(() => NIL) });
  }
  return { title: budget.title, columns, rows: shown };
}

/**
 * The direction the pm posts of a total share in a year, from the lines that hold them: `nadeel` or `voordeel`
 * when every one is known and the same, `mixed` when both occur, undefined otherwise.
 */
function pmDirections(budget: Budget): (lineIds: readonly string[], year: number) => PmDirection | undefined {
  let byId: Map<string, Line> | undefined;
  return (lineIds, year) => {
    if (byId === undefined) {
      byId = new Map();
      for (const section of budget.sections) for (const line of section.lines) byId.set(line.id, line);
    }
    let voordeel = false;
    let nadeel = false;
    let unknown = false;
    for (const id of lineIds) {
      const line = byId.get(id);
      if (line === undefined) continue;
      for (const cell of [line.values[year], ...line.components.map((c) => c.values[year])]) {
        if (cell === undefined || !isPm(cell)) continue;
        if (cell.direction === 'voordeel') voordeel = true;
        else if (cell.direction === 'nadeel') nadeel = true;
        else unknown = true;
      }
    }
    return voordeel && nadeel ? 'mixed' : unknown ? undefined : voordeel ? 'voordeel' : nadeel ? 'nadeel' : undefined;
  };
}
