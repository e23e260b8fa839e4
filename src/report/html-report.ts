import type { Budget } from '../model/budget.js';
import type { Evaluation } from '../evaluate/evaluate.js';
import { budgetTable } from './budget-table.js';
import { reportCharts } from './charts/report-charts.js';
import { htmlDocument, type HtmlPart } from './html-document.js';
import { isResolvedPresentation, resolvePresentation, type Presentation } from './presentation.js';
import { htmlTable } from './render-html.js';
import { roundGrid } from './rounded-grid.js';
import { requirePresentation } from './checks.js';
import { arrayOf, object, readOptions, requireArgument } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';
import { EVALUATION } from '../validate/result-checks.js';
import { PROVENANCE, provenanceHtml, type Provenance } from './provenance.js';

/** Options of {@link htmlReport}. @category Reports */
export interface HtmlReportOptions {
  /** Parts added after the table and the standard charts, in order. */
  readonly parts?: readonly HtmlPart[];
  /**
   * Where the report comes from, printed in a line at its foot with the library's version ("Bron:
   * seed000-tb1.json (sha256 1a2b3c4d5e6f…), 3 december 2026, meerjaren 0.1.0"). The caller computes the hash
   * (the library reads no files). @defaultValue none: the line gives the library's version only
   */
  readonly provenance?: Provenance;
}

/**
 * A self-contained HTML report of one budget (HTML-rapport): its table as printed, the saldo per year, the
 * structural and incidental saldo per year, and a waterfall of the budget year from its lines. Opens in any
 * browser, prints on A4, needs no network.
 * @remarks
 * Every value label in a chart is the figure the table prints, rounded with it: under the consistent rounding
 * policy a label equals the table's figure ("363 + pm" where the table says so). The waterfall has one bar per
 * row the total adds up (lines and components printed other than 0), and a bar for the total's rounding
 * difference when the table prints one, so its printed steps add up to its printed total. Past 40 such bars it
 * draws one bar per section instead: the sum of the section's printed figures, named by the section; of more than
 * 40 sections the 39 largest keep their bars and the others share one ("Overige 21 secties").
 * @param budget - the budget
 * @param evaluation - its evaluation
 * @param presentation - unit, sign convention and language of the figures (default unit and sign: the budget's own)
 * @param options - more parts to add after the standard ones (a fan chart of a Monte Carlo run, a scenario table),
 *   and the report's provenance (source document, its sha256, date) for the line at its foot
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
 * const html = htmlReport(tb1, evaluate(tb1), { unit: 'thousand' }, { provenance: { source: 'tb1-2025.json', date: '2026-12-03' } });
 * // "<!DOCTYPE html>...": table, saldo, balance and waterfall charts, "Bron: tb1-2025.json, 3 december 2026, meerjaren 0.1.0"
 * writeFileSync(join(tmpdir(), 'tb1-2025.html'), html);
 * ```
 * @category Reports
 */
export function htmlReport(budget: Budget, evaluation: Evaluation, presentation: Presentation = {}, options: HtmlReportOptions = {}): string {
  budget = requireBudget('htmlReport', 'budget', budget);
  requireArgument('htmlReport', 'evaluation', evaluation, EVALUATION);
  requirePresentation('htmlReport', presentation);
  options = readOptions('htmlReport', options, { parts: arrayOf(object()), provenance: PROVENANCE });
  // a resolved presentation (the command line's) is used as it is: it has a unit and sign, so the budget's are not needed
  const p = isResolvedPresentation(presentation) ? presentation : resolvePresentation({ unit: budget.presentation.unit, sign: budget.presentation.sign, ...presentation });
  const table = budgetTable(budget, { evaluation });
  // the page's heading is the budget's title: the table's caption gives the unit only
  const years = evaluation.years;
  const en = p.labels === 'en';
  // rounded once: the table prints the grid and the charts' labels are its figures
  const grid = roundGrid(table, p);
  const parts: HtmlPart[] = [{ kind: 'html', html: htmlTable({ ...table, title: '' }, p, grid) }, ...reportCharts(budget, evaluation, table, p, grid)];
  const pmYears = years.filter((y) => evaluation.total[y]!.pm.length > 0);
  if (pmYears.length > 0) {
    parts.push({
      kind: 'paragraph',
      text: en
        ? `Totals in ${pmYears.join(', ')} contain pm posts (amount not yet known, counted as 0).`
        : `De totalen in ${pmYears.join(', ')} bevatten pm-posten (bedrag nog onbekend, als 0 geteld).`,
    });
  }
  parts.push(...(options.parts ?? []), { kind: 'html', html: provenanceHtml(options.provenance ?? {}, p.labels) });
  return htmlDocument({ title: budget.title, lang: p.labels, parts });
}
