/**
 * The standard charts of the HTML report (rapportgrafieken): the saldo per year, the structural and incidental
 * saldo, and a waterfall of the budget year. Every value label is the figure the report's table prints, read
 * from the same rounded grid (`roundGrid`), so under the consistent rounding policy a label equals the table's
 * figure ("363 + pm" where the table says so) and the waterfall's printed steps add up to its printed total.
 *
 * @internal
 * @packageDocumentation
 */

import { ZERO, type Decimal } from '../../core/decimal.js';
import type { Budget } from '../../model/budget.js';
import type { Evaluation } from '../../evaluate/evaluate.js';
import { cellText, formatResolvedAmount } from '../format.js';
import type { HtmlPart } from '../html-document.js';
import { UNIT_FACTORS, unitLine, type ResolvedPresentation } from '../presentation.js';
import type { GridRow, RoundedGrid } from '../rounded-grid.js';
import type { Table } from '../table.js';
import { balanceChart } from './balance-chart.js';
import { saldoLineChart } from './saldo-line-chart.js';
import { waterfallChart, type WaterfallStep } from './waterfall-chart.js';

/**
 * The most bars a waterfall of the report draws for its steps: past it, the steps are grouped per section (one
 * bar a section, its printed parts summed, named by the section's heading; past it again, the largest sections and
 * one bar for the others). @internal
 */
export const WATERFALL_STEP_LIMIT = 40;

/**
 * The chart parts of the HTML report of one budget.
 * @param budget - the budget
 * @param evaluation - its evaluation
 * @param table - its budget table (`budgetTable(budget, { evaluation })`): its printed figures are the labels
 * @param p - the resolved presentation the table is printed with
 * @param grid - the table rounded with `p` (`roundGrid(table, p)`), as the report's table prints it
 * @internal
 */
export function reportCharts(budget: Budget, evaluation: Evaluation, table: Table, p: ResolvedPresentation, grid: RoundedGrid): HtmlPart[] {
  const factor = UNIT_FACTORS[p.unit];
  const signFactor = p.sign === 'nadeel-positive' ? -1 : 1;
  // Pixels only: a chart places its marks with floats; every label is the table's printed text
  const plot = (d: Decimal): number => (signFactor * Number(d.toFixed(6))) / factor;
  const totalRow = grid.rows.find((g) => g.row.kind === 'total');
  const years = evaluation.years;
  const column = (year: number | string): number => table.columns.findIndex((c) => c.key === String(year));
  const totalDisplays = years.map((y) => (totalRow === undefined || column(y) < 0 ? null : grid.text(totalRow, column(y))));
  const unitLabel = unitLine(p);
  const en = p.labels === 'en';
  const total = years.map((y) => evaluation.total[y]!);
  const parts: HtmlPart[] = [
    {
      kind: 'svg',
      svg: saldoLineChart({
        title: en ? 'Total balance per year' : 'Totaal saldo per jaar',
        unitLabel,
        labels: p.labels,
        years,
        series: [{ name: budget.presentation.totalLabel, values: total.map((t) => plot(t.amount)), displays: totalDisplays }],
      }),
    },
    {
      kind: 'svg',
      svg: balanceChart({
        title: en ? 'Structural and incidental balance' : 'Structureel en incidenteel saldo',
        unitLabel,
        labels: p.labels,
        years,
        structural: total.map((t) => plot(t.structural)),
        incidental: total.map((t) => plot(t.incidental)),
        total: total.map((t) => plot(t.amount)),
        totalDisplays,
      }),
    },
  ];
  const budgetYear = String(budget.horizon.budgetYear);
  const c = column(budgetYear);
  if (totalRow !== undefined && c >= 0) {
    const { steps, grouped } = waterfallSteps(grid, totalRow, c, plot);
    const by = grouped ? (en ? 'section' : 'sectie') : en ? 'line' : 'regel';
    parts.push({
      kind: 'svg',
      svg: waterfallChart({
        title: en ? `Balance ${budgetYear} by ${by}` : `Saldo ${budgetYear} per ${by}`,
        unitLabel,
        labels: p.labels,
        // taller than the other charts: its names are long, and rotated they take their share of the height
        height: 440,
        sign: p.sign,
        steps,
        totalLabel: totalRow.row.label,
        totalDisplay: grid.text(totalRow, c),
      }),
    });
  }
  return parts;
}

/** A printed part of the total in one column: its row, its section's heading. */
interface Part {
  readonly g: GridRow;
  readonly label: string;
  readonly section: GridRow | undefined;
}

/**
 * The waterfall's steps in column `c`: one per printed row the total adds up (its `of`) whose printed amount is
 * not 0, named as the table names it (a component after its line's id: "1.1 - kosten noodopvang"), its bar and
 * label both from the printed figure; then the total's rounding-difference row, when the table prints one. So
 * the printed steps add up to the printed total. Past {@link WATERFALL_STEP_LIMIT} steps, one step a section
 * (`grouped`).
 * @internal
 */
export function waterfallSteps(grid: RoundedGrid, totalRow: GridRow, c: number, plot: (d: Decimal) => number): { steps: WaterfallStep[]; grouped: boolean } {
  const of = new Set(totalRow.row.of ?? []);
  const parts: Part[] = [];
  let section: GridRow | undefined;
  let lineId = '';
  let difference: GridRow | undefined;
  grid.rows.forEach((g, i) => {
    const row = g.row;
    if (row.kind === 'heading') section = g;
    if (row.id.startsWith('line:')) lineId = row.id.slice('line:'.length);
    if (g === totalRow && grid.differences.includes(grid.rows[i + 1]!)) difference = grid.rows[i + 1];
    if (!of.has(row.id) || (!grid.hasAmount(g, c) && !row.cells[c]!.pm)) return;
    const label = row.kind === 'component' && lineId !== '' ? `${lineId} ${row.label}` : row.label;
    parts.push({ g, label, section });
  });
  // a row printed 0 or only pm has no bar of its own (it still makes its section's bar say "+ pm")
  const drawn = parts.filter((part) => !grid.isZero(part.g, c));
  const grouped = drawn.length > WATERFALL_STEP_LIMIT;
  const steps: WaterfallStep[] = !grouped
    ? drawn.map((part) => ({ label: part.label, value: plot(grid.amount(part.g, c) ?? ZERO), display: grid.text(part.g, c) }))
    : sectionSteps(parts, c, grid, plot);
  if (difference !== undefined && grid.hasAmount(difference, c)) {
    steps.push({ label: difference.row.label, value: plot(grid.amount(difference, c)!), display: grid.text(difference, c) });
  }
  return { steps, grouped };
}

/**
 * One step a section: the sum of its printed parts, "+ pm" when one of them holds a pm. More sections than
 * {@link WATERFALL_STEP_LIMIT}: the largest keep their bars (in order), the others share one ("Overige 12 secties").
 */
function sectionSteps(parts: readonly Part[], c: number, grid: RoundedGrid, plot: (d: Decimal) => number): WaterfallStep[] {
  const p = grid.presentation;
  // the rows of each section first, then one sum a section (in units when the grid holds them)
  const bySection = new Map<GridRow | undefined, { label: string; rows: GridRow[]; pm: boolean }>();
  for (const part of parts) {
    let group = bySection.get(part.section);
    if (group === undefined) bySection.set(part.section, (group = { label: part.section?.row.label ?? '', rows: [], pm: false }));
    group.rows.push(part.g);
    if (part.g.row.cells[c]!.pm) group.pm = true;
  }
  const groups = [...bySection.values()].map(({ label, rows, pm }) => ({ label, sum: grid.sum(rows, c), pm }));
  let kept = groups.filter((g) => !g.sum.isZero());
  if (kept.length > WATERFALL_STEP_LIMIT) {
    const largest = new Set([...kept].sort((a, b) => b.sum.abs().cmp(a.sum.abs())).slice(0, WATERFALL_STEP_LIMIT - 1));
    const rest = kept.filter((g) => !largest.has(g));
    const label = p.labels === 'en' ? `Other ${rest.length} sections` : `Overige ${rest.length} secties`;
    const other = { label, sum: rest.reduce((acc, g) => acc.add(g.sum), ZERO), pm: rest.some((g) => g.pm) };
    kept = [...kept.filter((g) => largest.has(g)), other];
  }
  return kept.map(({ label, sum, pm }) => ({ label, value: plot(sum), display: cellText({ pm }, formatResolvedAmount(sum, p), p) }));
}
