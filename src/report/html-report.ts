import type { Decimal } from '../core/decimal.js';
import type { Budget } from '../model/budget.js';
import type { Evaluation } from '../evaluate/evaluate.js';
import { budgetTable, totalCell } from './budget-table.js';
import { balanceChart } from './charts/balance-chart.js';
import { saldoLineChart } from './charts/saldo-line-chart.js';
import { waterfallChart } from './charts/waterfall-chart.js';
import { formatResolvedCell } from './format.js';
import type { Total } from '../model/evaluation.js';
import { htmlDocument, type HtmlPart } from './html-document.js';
import { UNIT_FACTORS, isResolvedPresentation, resolvePresentation, unitLine, type Presentation } from './presentation.js';
import { renderHtml } from './render-html.js';
import { requirePresentation } from './checks.js';
import { arrayOf, object, readOptions, requireArgument } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';
import { EVALUATION } from '../validate/result-checks.js';

/** Options of {@link htmlReport}. @category Reports */
export interface HtmlReportOptions {
  /** Parts added after the table and the standard charts, in order. */
  readonly parts?: readonly HtmlPart[];
}

/**
 * A self-contained HTML report of one budget (HTML-rapport): its table as printed, the saldo per year, the
 * structural and incidental saldo per year, and a waterfall of the budget year from its lines. Opens in any
 * browser, prints on A4, needs no network.
 * @param budget - the budget
 * @param evaluation - its evaluation
 * @param presentation - unit, sign convention and language of the figures
 * @param options - more parts to add after the standard ones (a fan chart of a Monte Carlo run, a scenario table)
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { budget, pm, evaluate, htmlReport } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const html = htmlReport(tb1, evaluate(tb1), { unit: 'thousand' }); // "<!DOCTYPE html>...": table, saldo, balance and waterfall charts
 * writeFileSync(join(tmpdir(), 'tb1-2025.html'), html);
 * ```
 * @category Reports
 */
export function htmlReport(budget: Budget, evaluation: Evaluation, presentation: Presentation = {}, options: HtmlReportOptions = {}): string {
  budget = requireBudget('htmlReport', 'budget', budget);
  requireArgument('htmlReport', 'evaluation', evaluation, EVALUATION);
  requirePresentation('htmlReport', presentation);
  options = readOptions('htmlReport', options, { parts: arrayOf(object()) });
  // a resolved presentation (the command line's) is used as it is: it has a unit, so the budget's is not needed
  const p = isResolvedPresentation(presentation) ? presentation : resolvePresentation({ unit: budget.presentation.unit, ...presentation });
  const factor = UNIT_FACTORS[p.unit];
  const signFactor = p.sign === 'nadeel-positive' ? -1 : 1;
  // Pixels only: a chart places bars with floats; every label shows the exact figure as the table prints it
  // ("363 + pm" for a total that holds a pm post)
  const plot = (d: Decimal): number => (signFactor * Number(d.toFixed(6))) / factor;
  const show = (t: Total): string => formatResolvedCell(totalCell(t), p);
  const years = evaluation.years;
  const unitLabel = unitLine(p);
  const en = p.labels === 'en';
  const total = years.map((y) => evaluation.total[y]!);
  const budgetYear = String(budget.horizon.budgetYear);
  const parts: HtmlPart[] = [
    { kind: 'html', html: renderHtml(budgetTable(budget, { evaluation }), p) },
    {
      kind: 'svg',
      svg: saldoLineChart({
        title: en ? 'Total balance per year' : 'Totaal saldo per jaar',
        unitLabel,
        labels: p.labels,
        years,
        series: [{ name: budget.presentation.totalLabel, values: total.map((t) => plot(t.amount)), displays: total.map(show) }],
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
        totalDisplays: total.map(show),
      }),
    },
  ];
  const budgetYearTotal = evaluation.total[budgetYear];
  if (budgetYearTotal !== undefined) {
    // lines with an amount in the budget year; a line that is only pm there has no bar to draw
    const lines = evaluation.sections.flatMap((s) => s.lines).filter((l) => !l.totals[budgetYear]!.amount.isZero());
    parts.push({
      kind: 'svg',
      svg: waterfallChart({
        title: en ? `Balance ${budgetYear} by line` : `Saldo ${budgetYear} per regel`,
        unitLabel,
        labels: p.labels,
        steps: lines.map((l) => ({ label: `${l.id} ${l.title}`, value: plot(l.totals[budgetYear]!.amount), display: show(l.totals[budgetYear]!) })),
        totalLabel: budget.presentation.totalLabel,
        totalDisplay: show(budgetYearTotal),
      }),
    });
  }
  const pmYears = years.filter((y) => evaluation.total[y]!.pm.length > 0);
  if (pmYears.length > 0) {
    parts.push({
      kind: 'paragraph',
      text: en
        ? `Totals in ${pmYears.join(', ')} contain pm posts (amount not yet known, counted as 0).`
        : `De totalen in ${pmYears.join(', ')} bevatten pm-posten (bedrag nog onbekend, als 0 geteld).`,
    });
  }
  parts.push(...(options.parts ?? []));
  return htmlDocument({ title: budget.title, lang: p.labels, parts });
}
