/**
 * The table of the annual accounts (jaarrekening): begroting na wijziging, realisatie and verschil per line,
 * section and total, per closed year; the overschrijdingen and what has no verschil said below it.
 * @module
 */
import { deepFreeze } from '../core/freeze.js';
import { object, objectWith, readOptions, requireArgument, text } from '../core/guard.js';
import type { Presentation } from './presentation.js';
import type { ActualsComparison, ActualsYear } from '../analysis/actuals-comparison.js';
import { formatAmount } from './format.js';
import { amountCell, NIL, noteRow, stageRows, withColumnRounding } from './stage-rows.js';
import type { Table, TableCell, TableColumn, TableRow } from './table.js';

/** Options of {@link accountsTable}. @category Reports */
export interface AccountsTableOptions {
  /** Title. @defaultValue the actuals' title */
  readonly title?: string;
  /**
   * The presentation the table will be printed with. Given, every row whose printed verschil is not the printed
   * realisatie minus the printed begroting gets an "Afrondingsverschil" row with the difference; print the table
   * with the same presentation.
   */
  readonly presentation?: Presentation;
}

/** The Dutch words of the jaarrekening table. */
const WORDS = {
  budget: 'Begroting na wijziging',
  actual: 'Realisatie',
  deviation: 'Verschil',
  subtotal: 'Totaal',
  overspending: 'overschrijding lasten',
  lowerIncome: 'lagere baten',
  missing: 'geen realisatie',
  pm: 'begroting pm, geen verschil',
  notIn: 'niet in de begroting',
  rounding: 'Afrondingsverschil',
} as const;

function cells(y: ActualsYear | undefined): TableCell[] {
  if (y === undefined) return [NIL, NIL, NIL];
  const b = y.budget;
  const pm = b !== undefined && b.pm.length > 0;
  const budget = b === undefined || b.empty ? NIL : amountCell(pm && b.amount.isZero() ? undefined : b.amount, pm);
  return [budget, amountCell(y.actual), amountCell(y.deviation)];
}

/**
 * The jaarrekening's table of an {@link ActualsComparison} (begroting na wijziging, realisatie, verschil), as a
 * report {@link Table} for every renderer: per closed year three columns; per section its lines and a subtotal,
 * then the total (each the exact sum of its rows, so rounded figures add up or an afrondingsverschil row follows).
 * The verschil is realisatie - begroting (positive = voordeel).
 *
 * @remarks
 * Below the table, per year: the lines with an overschrijding of lasten (more spent than budgeted, which the council
 * has to approve afterwards) and with lower baten, each with its verschil; and what is blank without being 0:
 * lines without realisatie, lines whose budget is pm, years outside the budget's horizon. A subtotal's verschil is
 * the sum of its lines' verschillen; with a line left out it is not realisatie - begroting, and the note says so.
 * @param comparison - from `compareActuals`
 * @param options - title
 * @example
 * ```ts
 * import { accountsTable, budget, compareActuals, loadActuals, renderText } from 'meerjaren';
 *
 * const b = budget({ title: 'Begroting 2025', unit: 'thousand', horizon: { from: 2025, to: 2028 } })
 *   .section('1', 'Bestaand beleid').line('1.4', 'Behoud uitvoeringscapaciteit Wmo', [-1100, 0, 0, 0], { nature: 'incidental' }).build();
 * const jr = loadActuals({ format: 'meerjaren/actuals', version: 1, title: 'Jaarrekening 2025', unit: 'thousand', years: [2025], lines: { '1.4': { '2025': '-1250' } } });
 * console.log(renderText(accountsTable(compareActuals(b, jr)), { unit: 'thousand' }));
 * // 1.4 ... -1.100  -1.250  -150; "overschrijding lasten 2025: 1.4 (€ -150.000)"
 * ```
 * @category Reports
 */
export function accountsTable(comparison: ActualsComparison, options: AccountsTableOptions = {}): Table {
  const fn = 'accountsTable';
  requireArgument(fn, 'comparison', comparison, objectWith(['years', 'sections', 'total', 'title'], 'a comparison from compareActuals()'));
  options = readOptions(fn, options, { title: text(), presentation: object() });
  const c = comparison;
  const stages = [WORDS.budget, WORDS.actual, WORDS.deviation];
  const columns: TableColumn[] = c.years.flatMap((y) => stages.map((label, i) => ({ key: `${y}:${i}`, label, group: String(y) })));
  const C = columns.length;
  const sections = c.sections.map((s) => ({ id: s.id, title: s.title, lines: s.lines.map((l) => ({ id: l.id, label: `${l.id} ${l.title}`, cells: c.years.flatMap((y) => cells(l.years[y])) })) }));
  let rows: TableRow[] = stageRows(sections, C, c.totalLabel === '' ? WORDS.subtotal : c.totalLabel, WORDS.subtotal);
  if (options.presentation !== undefined) {
    const sums = c.years.map((_y, g) => ({ result: 3 * g + 2, parts: [{ column: 3 * g + 1, sign: 1 as const }, { column: 3 * g, sign: -1 as const }] }));
    rows = withColumnRounding({ title: '', columns, rows }, options.presentation, sums, WORDS.rounding);
  }
  const lines = c.sections.flatMap((s) => s.lines);
  for (const y of c.years) {
    const list = (kind: 'overspending' | 'lower-income'): string =>
      lines
        .filter((l) => l.years[y]?.kind === kind)
        .map((l) => `${l.id} (€ ${formatAmount(l.years[y]!.deviation!)})`)
        .join(', ');
    const over = list('overspending');
    const lower = list('lower-income');
    if (over !== '') rows.push(noteRow(`note:over:${y}`, `${WORDS.overspending} ${y}: ${over}`, C));
    if (lower !== '') rows.push(noteRow(`note:lower:${y}`, `${WORDS.lowerIncome} ${y}: ${lower}`, C));
    const missing = c.total.years[y]?.missing ?? [];
    const pm = c.total.years[y]?.pm ?? [];
    if (missing.length > 0) rows.push(noteRow(`note:missing:${y}`, `${WORDS.missing} ${y}: ${missing.join(', ')}`, C));
    if (pm.length > 0) rows.push(noteRow(`note:pm:${y}`, `${WORDS.pm} ${y}: ${pm.join(', ')}`, C));
    if (c.total.years[y]?.budget === undefined) rows.push(noteRow(`note:outside:${y}`, `${WORDS.notIn} ${c.label}: ${y}`, C));
  }
  return deepFreeze({ title: options.title ?? c.title, columns, rows, labelHeader: 'Regel' });
}
