/**
 * A begrotingswijziging printed whole: the council's table and, after it, the dekking paragraph (the notes of the
 * changes, in order, with the lines they touch), the verdict of the neutrality check and which splits are inferred;
 * as text, Markdown, HTML or CSV (the table only).
 * @module
 */
import { oneOf, readOptions, requireArgument } from '../core/guard.js';
import type { Begrotingswijziging } from '../analysis/begrotingswijziging-types.js';
import { escapeXml } from './charts/svg.js';
import { resolvePresentation, type ResolvedPresentation } from './presentation.js';
import type { Decimal } from '../core/decimal.js';
import { formatResolvedAmount } from './format.js';
import { renderText } from './render-text.js';
import { escapeMarkdown, renderMarkdown } from './render-markdown.js';
import { renderHtml } from './render-html.js';
import { tableToCsvAs } from './csv.js';
import { begrotingswijzigingTable, WIJZIGING, WIJZIGING_TABLE_OPTIONS, type BegrotingswijzigingTableOptions } from './begrotingswijziging-table.js';

/** Every {@link WijzigingFormat}; the one list of them. @category Reports */
export const WIJZIGING_FORMATS = Object.freeze(['text', 'markdown', 'html', 'csv'] as const);

/** A format a begrotingswijziging is printed in. @category Reports */
export type WijzigingFormat = (typeof WIJZIGING_FORMATS)[number];

/** Options of {@link renderBegrotingswijziging}: the table's, and the format. @category Reports */
export interface RenderBegrotingswijzigingOptions extends BegrotingswijzigingTableOptions {
  /** The format. @defaultValue 'text' */
  readonly format?: WijzigingFormat;
}

/** The paragraphs after the table, as plain sentences (not yet escaped for a format). */
export interface WijzigingParagraphs {
  /** Heading of the dekking paragraph. */
  readonly heading: string;
  /** Per scenario applied: its title and one item per change. */
  readonly scenarios: readonly { readonly title: string; readonly items: readonly string[] }[];
  /** The verdict of the neutrality check, when the wijziging is technical. */
  readonly verdict: string | undefined;
  /** The lines whose lasten/baten split is inferred, said in one sentence; undefined when none. */
  readonly inferred: string | undefined;
}

const WORDS = {
  nl: {
    heading: 'Toelichting en dekking',
    noNote: '(geen toelichting)',
    neutral: 'Technische begrotingswijziging: budgettair neutraal in elk jaar.',
    notNeutral: 'Technische begrotingswijziging, maar niet budgettair neutraal: het saldo verandert in',
    inferred: 'Lasten en baten afgeleid uit het teken (regel zonder tag lastenbaten):',
    lines: 'regels',
    items: 'dekking',
  },
  en: {
    heading: 'Explanation and cover',
    noNote: '(no note)',
    neutral: 'Technical budget amendment: budget neutral in every year.',
    notNeutral: 'Technical budget amendment, but not budget neutral: the balance changes in',
    inferred: 'Expenses and income inferred from the sign (line without the tag lastenbaten):',
    lines: 'lines',
    items: 'cover',
  },
} as const;

/**
 * The paragraphs of a wijziging in plain sentences: the dekking paragraph per scenario, the neutrality verdict
 * (amounts exact, in euros) and the note on inferred splits.
 * @internal
 */
export function wijzigingParagraphs(w: Begrotingswijziging, p: ResolvedPresentation): WijzigingParagraphs {
  const words = WORDS[p.labels];
  const scenarios = w.scenarios.filter((s) => w.dekking.some((d) => d.scenario === s.id)).map((s) => ({
    title: s.title,
    items: w.dekking
      .filter((d) => d.scenario === s.id)
      .map((d) => {
        const touched = [...(d.lines.length === 0 ? [] : [d.lines.join(', ')]), ...(d.items.length === 0 ? [] : [`${words.items}: ${d.items.join(', ')}`])];
        return `${d.note ?? `${words.noNote} ${d.kind}`}${touched.length === 0 ? '' : ` (${touched.join('; ')})`}`;
      }),
  }));
  // in euros, exact: a difference smaller than the table's unit must not print as 0
  const amount = (d: Decimal): string => `€ ${formatResolvedAmount(d, resolvePresentation({ ...p, unit: 'euro', decimals: Math.min(d.decimalPlaces(), 10) }))}`;
  const n = w.neutrality;
  const verdict = n === undefined ? undefined : n.neutral ? words.neutral : `${words.notNeutral} ${n.years.map((y) => `${y.year} (${amount(y.saldo)})`).join(', ')}.`;
  const inferredLines = w.programmes.flatMap((prog) => prog.lines.filter((l) => l.inferred).map((l) => l.id));
  const inferred = inferredLines.length === 0 ? undefined : `* ${words.inferred} ${[...new Set(inferredLines)].join(', ')}.`;
  return { heading: words.heading, scenarios, verdict, inferred };
}

function textParagraphs(x: WijzigingParagraphs): string {
  const out: string[] = [];
  if (x.inferred !== undefined) out.push(x.inferred, '');
  if (x.scenarios.length > 0) {
    out.push(x.heading);
    for (const s of x.scenarios) out.push(s.title, ...s.items.map((i) => `- ${i}`));
    out.push('');
  }
  if (x.verdict !== undefined) out.push(x.verdict, '');
  return out.join('\n');
}

function markdownParagraphs(x: WijzigingParagraphs): string {
  const out: string[] = [];
  if (x.inferred !== undefined) out.push(escapeMarkdown(x.inferred), '');
  if (x.scenarios.length > 0) {
    out.push(`**${escapeMarkdown(x.heading)}**`, '');
    for (const s of x.scenarios) out.push(`_${escapeMarkdown(s.title)}_`, '', ...s.items.map((i) => `- ${escapeMarkdown(i)}`), '');
  }
  if (x.verdict !== undefined) out.push(escapeMarkdown(x.verdict), '');
  return out.join('\n');
}

function htmlParagraphs(x: WijzigingParagraphs): string {
  const out: string[] = ['<section class="mj-wijziging">'];
  if (x.inferred !== undefined) out.push(`  <p class="mj-inferred">${escapeXml(x.inferred)}</p>`);
  if (x.scenarios.length > 0) {
    out.push(`  <h3>${escapeXml(x.heading)}</h3>`);
    for (const s of x.scenarios) out.push(`  <h4>${escapeXml(s.title)}</h4>`, '  <ol>', ...s.items.map((i) => `    <li>${escapeXml(i)}</li>`), '  </ol>');
  }
  if (x.verdict !== undefined) out.push(`  <p class="mj-neutrality">${escapeXml(x.verdict)}</p>`);
  out.push('</section>');
  return out.join('\n') + '\n';
}

/**
 * Prints a begrotingswijziging (begrotingswijziging afdrukken): the council's table ({@link begrotingswijzigingTable})
 * and after it the paragraphs: which lines have a lasten/baten split inferred from the sign, the dekking paragraph
 * (per scenario its title and the note of every change, in order, with the lines and cover items it touches), and
 * for a technical wijziging the verdict of the neutrality check. Text, Markdown and HTML (a `<table>` and a
 * `<section>`, every text escaped) hold both; CSV holds the table only, exact unless the CSV is rounded elsewhere.
 * @param wijziging - from `begrotingswijziging`
 * @param options - the table's options and the format
 * @example
 * ```ts
 * import { budget, begrotingswijziging, renderBegrotingswijziging } from 'meerjaren';
 *
 * const pb = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2027 }, tags: { programme: '2' } })
 *   .section('2', 'Doelen')
 *   .line('2.1', 'Jeugd', [-900, -900], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
 *   .line('2.2', 'Wmo', [-700, -700], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
 *   .build();
 * const w = begrotingswijziging(pb, { id: 'ivh', title: 'Integrale Vroeghulp naar 2.2', changes: [
 *   { kind: 'move-amount', from: '2.1', to: '2.2', years: { from: 2026 }, amount: '-125', note: 'EUR 125.000 van doel 2.1 naar 2.2' },
 * ] }, { technical: true });
 * renderBegrotingswijziging(w, { format: 'markdown' }); // the table, the dekking paragraph, "... budgettair neutraal in elk jaar."
 * ```
 * @category Reports
 */
export function renderBegrotingswijziging(wijziging: Begrotingswijziging, options: RenderBegrotingswijzigingOptions = {}): string {
  requireArgument('renderBegrotingswijziging', 'wijziging', wijziging, WIJZIGING);
  const { format = 'text', ...rest } = readOptions('renderBegrotingswijziging', options, { ...WIJZIGING_TABLE_OPTIONS, format: oneOf(WIJZIGING_FORMATS) }) as RenderBegrotingswijzigingOptions;
  const table = begrotingswijzigingTable(wijziging, rest);
  const p = resolvePresentation({ labels: rest.labels ?? 'nl', ...(rest.presentation ?? {}) });
  const x = wijzigingParagraphs(wijziging, p);
  switch (format) {
    case 'text':
      return `${renderText(table, p)}\n${textParagraphs(x)}`;
    case 'markdown':
      return `${renderMarkdown(table, p)}\n${markdownParagraphs(x)}`;
    case 'html':
      return renderHtml(table, p) + htmlParagraphs(x);
    case 'csv':
      return tableToCsvAs('renderBegrotingswijziging', table, p, {});
  }
}
