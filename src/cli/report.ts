/**
 * The `report` command (rapport): a budget's table in a format, or its scenarios beside it.
 * @module
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Budget } from '../model/budget.js';
import { evaluate } from '../evaluate/evaluate.js';
import { budgetTable, type TableFigures } from '../report/budget-table.js';
import { tableToCsv } from '../report/csv.js';
import { resultToJson } from '../report/json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import { htmlReport } from '../report/html-report.js';
import type { Provenance } from '../report/provenance.js';
import { htmlDocument } from '../report/html-document.js';
import { renderHtml } from '../report/render-html.js';
import { saldoLineChart } from '../report/charts/saldo-line-chart.js';
import { UNIT_FACTORS, unitLine, type ResolvedPresentation } from '../report/presentation.js';
import { compareScenarios } from '../analysis/compare.js';
import { scenarioTable } from '../report/scenario-table.js';
import type { Table } from '../report/table.js';
import type { ScenarioResult } from '../scenario/apply.js';
import type { Format } from './usage.js';
import { budgetParts } from './budget-parts.js';

/** How a report is written: its format, presentation and the CSV settings. */
export interface ReportSettings {
  /** Output format. */
  readonly format: Format;
  /** The presentation, resolved once. */
  readonly presentation: ResolvedPresentation;
  /** Round CSV amounts as the presentation says (`--decimals` given) instead of full precision. */
  readonly roundCsv: boolean;
  /** Start CSV with a byte-order mark. */
  readonly bom: boolean;
  /** What printed totals show: the exact sums, marked where the print differs, or the printed figures. */
  readonly figures: TableFigures;
  /** The document read, for the HTML report's provenance line: its name as given (`-` for standard input) and text. */
  readonly source?: { readonly name: string; readonly text: string };
}

/** The provenance of a report: the source's file name, the sha256 of its bytes (its text as UTF-8) and today's date. */
function provenanceOf(source: ReportSettings['source']): Provenance {
  const date = new Date().toISOString().slice(0, 10);
  if (source === undefined) return { date };
  const name = source.name === '-' ? 'stdin' : basename(source.name);
  return { ...(name === '' ? {} : { source: name }), sha256: createHash('sha256').update(source.text, 'utf8').digest('hex'), date };
}

/** A table as CSV with the report's settings. */
export function csvOf(table: Table, settings: ReportSettings): string {
  return tableToCsv(table, settings.presentation, { round: settings.roundCsv, bom: settings.bom });
}

/** The report of a budget in a format. */
export function budgetReport(budget: Budget, settings: ReportSettings): string {
  const { presentation } = settings;
  // the loader's check of printed totals evaluated the budget already (when it prints totals): this is that evaluation
  const evaluation = evaluate(budget);
  const table = budgetTable(budget, { evaluation, figures: settings.figures, labels: presentation.labels });
  // CSV stays one table, so that it reads back as the budget; the other formats show every part
  if (settings.format === 'csv') return csvOf(table, settings);
  const parts = budgetParts(budget, evaluation, presentation.labels);
  switch (settings.format) {
    case 'text':
      return [table, ...parts.tables].map((t) => renderText(t, presentation)).join('\n\n') + `\n\n${parts.notes.join('\n')}`;
    case 'md':
      return [table, ...parts.tables].map((t) => renderMarkdown(t, presentation)).join('\n\n') + `\n\n${parts.notes.map((n) => `- ${n}`).join('\n')}`;
    case 'html':
      return htmlReport(budget, evaluation, presentation, {
        parts: [...parts.tables.map((t) => ({ kind: 'html' as const, html: renderHtml(t, presentation) })), ...parts.notes.map((text) => ({ kind: 'paragraph' as const, text }))],
        provenance: provenanceOf(settings.source),
      });
    case 'json':
      return resultToJson({ title: budget.title, years: evaluation.years, total: evaluation.total, sections: evaluation.sections, checks: evaluation.checks, ...parts.data });
  }
}

/**
 * The report of scenarios on a budget: with one scenario its own table and the scenario beside the baseline;
 * with several, every scenario beside the baseline.
 */
export function scenarioReport(budget: Budget, results: readonly ScenarioResult[], settings: ReportSettings): string {
  const { presentation } = settings;
  const labels = [presentation.labels === 'en' ? 'Baseline' : 'Uitgangspunt', ...results.map((r) => r.title)];
  const sideBySide = scenarioTable([budget, ...results], { labels, measures: ['saldo', 'structural', 'incidental'] });
  const only = results.length === 1 ? results[0] : undefined;
  const tables = only === undefined ? [] : [budgetTable(only.budget, { evaluation: only.evaluation, figures: settings.figures, labels: presentation.labels })];
  switch (settings.format) {
    case 'text':
      return [...tables, sideBySide].map((t) => renderText(t, presentation)).join('\n\n');
    case 'md':
      return [...tables, sideBySide].map((t) => renderMarkdown(t, presentation)).join('\n\n');
    case 'csv':
      return csvOf(sideBySide, settings);
    case 'json':
      return only === undefined
        ? resultToJson({ scenarios: results.map((r) => ({ id: r.scenario, title: r.title, comparison: compareScenarios(budget, r) })) })
        : resultToJson({ title: only.title, comparison: compareScenarios(budget, only) });
    case 'html': {
      const p = presentation;
      const factor = UNIT_FACTORS[p.unit];
      const years = budget.horizon.years;
      const series = [evaluate(budget), ...results.map((r) => r.evaluation)].map((e, i) => {
        return { name: labels[i] ?? '', values: years.map((y) => Number(e.total[y]!.amount.toFixed(6)) / factor) };
      });
      return htmlDocument({
        title: only?.title ?? budget.title,
        lang: p.labels,
        parts: [
          { kind: 'html', html: renderHtml(sideBySide, p) },
          { kind: 'svg', svg: saldoLineChart({ title: p.labels === 'en' ? 'Balance per scenario' : 'Saldo per scenario', unitLabel: unitLine(p), labels: p.labels, years, series }) },
          ...tables.map((t) => ({ kind: 'html' as const, html: renderHtml(t, p) })),
        ],
      });
    }
  }
}
