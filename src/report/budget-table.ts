import { ZERO } from '../core/decimal.js';
import { isPm, type Budget, type Cell, type YearValues } from '../model/budget.js';
import { evaluate, type Evaluation, type Total, type TotalsByYear } from '../evaluate/evaluate.js';
import type { Table, TableCell, TableColumn, TableRow } from './table.js';
import { ownValue } from '../core/records.js';
import { boolean, readOptions, text } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';
import { EVALUATION } from '../validate/result-checks.js';

/** Options of {@link budgetTable}. @category Reports */
export interface BudgetTableOptions {
  /** Print a subtotal row under each section. @defaultValue false (the seeds print none) */
  readonly sectionTotals?: boolean;
  /** Label of the grand total row. @defaultValue the budget's own ("TOTAAL SALDO PROGRAMMA") */
  readonly totalLabel?: string;
  /** An evaluation of the budget, when one is at hand (saves evaluating again). */
  readonly evaluation?: Evaluation;
}

const NIL: TableCell = Object.freeze({ amount: undefined, pm: false });

function cellOf(cell: Cell | undefined): TableCell {
  if (cell === undefined) return NIL;
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

/**
 * The budget as a report table in the layout of the seed tables (begrotingstabel): per section a heading,
 * per line its own row ("1.1 Noodopvang Oekraïne-vergoeding rijk") and its components ("- kosten
 * noodopvang"), optionally section subtotals, and the grand total ("TOTAAL SALDO PROGRAMMA").
 * Every subtotal and total row names the rows it sums, so printed figures add up after rounding.
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
  options = readOptions('budgetTable', options, { sectionTotals: boolean, totalLabel: text(), evaluation: EVALUATION });
  const evaluation = options.evaluation ?? evaluate(budget);
  const years = budget.horizon.years;
  const groupOf = (year: number): string | undefined => budget.horizon.groups.find((g) => year >= g.from && year <= g.to)?.label;
  const columns: TableColumn[] = years.map((year) => {
    const group = groupOf(year);
    return group === undefined ? { key: String(year), label: String(year) } : { key: String(year), label: String(year), group };
  });
  const row = (values: YearValues): TableCell[] => years.map((y) => cellOf(values[y]));
  const totals = (t: TotalsByYear): TableCell[] => years.map((y) => totalCell(t[y]));
  const rows: TableRow[] = [];
  const topParts: string[] = [];
  budget.sections.forEach((section, si) => {
    rows.push({ id: `section:${section.id}`, label: `${section.id} ${section.title}`.trim(), kind: 'heading', depth: 0, cells: years.map(() => NIL) });
    const sectionParts: string[] = [];
    for (const line of section.lines) {
      const componentIds = line.components.map((c) => `component:${c.id}`);
      const lineResult = ownValue(evaluation.lines, line.id);
      if (line.row === 'subtotal' && lineResult !== undefined) {
        rows.push({ id: `line:${line.id}`, label: `${line.id} ${line.title}`, kind: 'subtotal', depth: 1, cells: totals(lineResult.totals), of: componentIds });
      } else {
        rows.push({ id: `line:${line.id}`, label: `${line.id} ${line.title}`, kind: 'line', depth: 1, cells: row(line.values) });
        sectionParts.push(`line:${line.id}`);
      }
      line.components.forEach((c, i) => {
        rows.push({ id: componentIds[i] ?? c.id, label: `- ${c.title}`, kind: 'component', depth: 2, cells: row(c.values) });
      });
      sectionParts.push(...componentIds);
    }
    const sectionResult = evaluation.sections[si];
    if (options.sectionTotals === true && sectionResult !== undefined) {
      const id = `subtotal:${section.id}`;
      rows.push({ id, label: `Subtotaal ${section.id}`.trim(), kind: 'subtotal', depth: 0, cells: totals(sectionResult.totals), of: sectionParts });
      topParts.push(id);
    } else topParts.push(...sectionParts);
  });
  rows.push({
    id: 'total',
    label: options.totalLabel ?? budget.presentation.totalLabel,
    kind: 'total',
    depth: 0,
    cells: totals(evaluation.total),
    of: topParts,
  });
  return { title: budget.title, columns, rows };
}
