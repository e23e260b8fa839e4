import { ZERO, noNegativeZero } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import type { Budget } from '../model/budget.js';
import { evaluate, type Total, type TotalsByYear } from '../evaluate/evaluate.js';
import type { Table, TableCell, TableColumn, TableRow } from './table.js';
import { comparableOf, type Comparable } from '../analysis/compare.js';
import { arrayOf, boolean, either, oneOf, readOptions, requireArray, text } from '../core/guard.js';

/** The most budgets and scenario results one table puts side by side (each is evaluated). */
export const MAX_SCENARIO_TABLE_ITEMS = 1000;

/** A figure shown per scenario in {@link scenarioTable}. @category Analysis */
export type ScenarioMeasure = 'saldo' | 'structural' | 'incidental';

/** Options of {@link scenarioTable}. @category Analysis */
export interface ScenarioTableOptions {
  /** Title. @defaultValue 'Scenario's naast elkaar' */
  readonly title?: string;
  /** Figures, each a block of rows. @defaultValue ['saldo', 'structural'] */
  readonly measures?: readonly ScenarioMeasure[];
  /** Also a block per section (its saldo). @defaultValue false */
  readonly sections?: boolean | readonly string[];
  /** Add a row "verschil" after every scenario but the first (its difference with the first). @defaultValue true */
  readonly differences?: boolean;
  /** Labels per scenario, in order; default the scenario's title (or the budget's for a baseline). */
  readonly labels?: readonly string[];
}

const MEASURE_LABEL: Readonly<Record<ScenarioMeasure, string>> = {
  saldo: 'Totaal saldo',
  structural: 'Structureel saldo',
  incidental: 'Incidenteel saldo',
};

function cell(total: Total | undefined, measure: ScenarioMeasure): TableCell {
  if (total === undefined || total.empty) return { amount: undefined, pm: false };
  const amount = measure === 'saldo' ? total.amount : measure === 'structural' ? total.structural : total.incidental;
  return { amount, pm: total.pm.length > 0 };
}

function diffCell(a: Total | undefined, b: Total | undefined, measure: ScenarioMeasure): TableCell {
  const ca = cell(a, measure);
  const cb = cell(b, measure);
  if (ca.amount === undefined && cb.amount === undefined) return { amount: undefined, pm: false };
  const d = (cb.amount ?? ZERO).minus(ca.amount ?? ZERO);
  return { amount: noNegativeZero(d), pm: ca.pm !== cb.pm };
}

/**
 * A side-by-side table of several scenarios per year (scenario's naast elkaar), as a report {@link Table} that
 * the shared renderers print: per figure (total saldo, structural saldo...) a heading, one row per scenario,
 * and a row with each scenario's difference from the first.
 * @param items - budgets or scenario results; the first is the reference (usually the baseline)
 * @param options - figures, section blocks, labels
 * @example
 * ```ts
 * import { budget, pm, loadScenario, applyScenario, scenarioTable, renderText } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const scenario = loadScenario({ id: 'ramingen', title: 'Ramingen pm en halvering 1.7', changes: [
 *   { kind: 'estimate-pm', line: '1.4', value: '-1100' },
 *   { kind: 'set-amount', line: '1.7', years: { from: 2026 }, value: { percent: '50' } },
 * ] }, { budget: tb1 });
 * console.log(renderText(scenarioTable([tb1, applyScenario(tb1, scenario)])));
 * // Totaal saldo, Structureel saldo: a row per scenario and "verschil t.o.v. TB1 2025", x € 1.000
 * ```
 * @category Analysis
 */
export function scenarioTable(items: readonly Comparable[], options: ScenarioTableOptions = {}): Table {
  requireArray('scenarioTable', 'items', items, 'a list of budgets and scenario results', { maxLength: MAX_SCENARIO_TABLE_ITEMS });
  options = readOptions('scenarioTable', options, {
    title: text(),
    measures: arrayOf(oneOf(['saldo', 'structural', 'incidental']), { maxLength: 3 }),
    sections: either(boolean, arrayOf(text({ nonEmpty: true }))),
    differences: boolean,
    labels: arrayOf(text()),
  });
  const checked = items.map((item, i) => comparableOf('scenarioTable', ['items', i], item));
  const budgets: Budget[] = checked.map((c) => c.budget);
  const first = budgets[0];
  if (first === undefined) return deepFreeze({ title: options.title ?? "Scenario's naast elkaar", columns: [], rows: [] });
  const evaluations = budgets.map(evaluate);
  const years = first.horizon.years;
  const group = (year: number): string | undefined => first.horizon.groups.find((g) => year >= g.from && year <= g.to)?.label || undefined;
  const columns: TableColumn[] = years.map((y) => {
    const g = group(y);
    return g === undefined ? { key: String(y), label: String(y) } : { key: String(y), label: String(y), group: g };
  });
  const labels = checked.map((item, i) => options.labels?.[i] ?? item.label);
  const rows: TableRow[] = [];
  const block = (id: string, heading: string, totalsOf: (i: number) => TotalsByYear | undefined, measure: ScenarioMeasure): void => {
    rows.push({ id: `${id}`, label: heading, kind: 'heading', depth: 0, cells: years.map(() => ({ amount: undefined, pm: false })) });
    items.forEach((_, i) => {
      const totals = totalsOf(i);
      rows.push({ id: `${id}/${i}`, label: labels[i]!, kind: 'line', depth: 1, cells: years.map((y) => cell(totals?.[y], measure)) });
      if (i > 0 && (options.differences ?? true)) {
        const base = totalsOf(0);
        rows.push({ id: `${id}/${i}/verschil`, label: `verschil t.o.v. ${labels[0]!}`, kind: 'note', depth: 2, cells: years.map((y) => diffCell(base?.[y], totals?.[y], measure)) });
      }
    });
  };
  for (const measure of options.measures ?? ['saldo', 'structural']) block(measure, MEASURE_LABEL[measure], (i) => evaluations[i]!.total, measure);
  if (options.sections !== undefined && options.sections !== false) {
    const ids = options.sections === true ? first.sections.map((s) => s.id) : options.sections;
    for (const id of ids) {
      const title = budgets.map((b) => b.sections.find((s) => s.id === id)?.title).find((t) => t !== undefined) ?? id;
      block(`section:${id}`, `${id} ${title}`, (i) => evaluations[i]!.sections.find((s) => s.id === id)?.totals, 'saldo');
    }
  }
  return deepFreeze({ title: options.title ?? "Scenario's naast elkaar", columns, rows, labelHeader: 'Scenario' });
}
