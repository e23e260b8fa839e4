/**
 * The table of the paragraaf weerstandsvermogen: the risicoregister with each risk's contribution, the benodigde
 * and beschikbare weerstandscapaciteit, the ratio and its waardering, as a report {@link Table}.
 * @module
 */
import { Dec, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { IssueCollector } from '../core/errors.js';
import { isObjectLike } from '../core/guard.js';
import type { WeerstandsvermogenByYear, WeerstandsvermogenResult } from '../evaluate/weerstandsvermogen.js';
import type { Table, TableCell, TableRow } from './table.js';

const NIL: TableCell = { amount: undefined, pm: false };
const cell = (amount: Decimal): TableCell => ({ amount, pm: false });

/** Options of {@link weerstandsvermogenTable}. @category Weerstandsvermogen */
export interface WeerstandsvermogenTableOptions {
  /** Title. @defaultValue 'Weerstandsvermogen' */
  readonly title?: string;
}

/** A decimal in Dutch notation with `places` decimals, half-up ("1,52"). */
function dutch(value: Decimal, places: number): string {
  const [whole, fraction] = value.toFixed(places, Dec.ROUND_HALF_UP).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, '.');
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

/**
 * The ratio and rating as a budget prints them: "1,52 — B ruim voldoende", or "geen benodigde capaciteit — A
 * uitstekend" when nothing is required. The ratio shows two decimals, rounded half-up from the exact ratio.
 * @param result - from `weerstandsvermogen`
 * @category Weerstandsvermogen
 */
export function waarderingText(result: WeerstandsvermogenResult): string {
  requireResult('waarderingText', result);
  return `${ratioText(result)} — ${result.rating} ${result.label}`;
}

/** The ratio as printed: two decimals, half-up, from the exact ratio; or that nothing is required. */
function ratioText(result: WeerstandsvermogenResult): string {
  return result.required.isZero() ? 'geen benodigde capaciteit' : dutch(result.available.div(result.required), 2);
}

function readTitle(fn: string, options: WeerstandsvermogenTableOptions): void {
  const issues = new IssueCollector();
  if (!isObjectLike(options)) issues.add('invalid_argument', ['options'], `${fn}: options must be an object { title? }`);
  else {
    for (const key of Object.keys(options)) if (key !== 'title') issues.add('unknown_option', ['options', key], `unknown option "${key}" (the one option is title)`);
    if (options.title !== undefined && typeof options.title !== 'string') issues.add('invalid_option', ['options', 'title'], 'the title is a text');
  }
  issues.throwIfAny();
}

function requireResult(fn: string, result: unknown): void {
  const issues = new IssueCollector();
  if (!isObjectLike(result) || !Array.isArray((result as { contributions?: unknown }).contributions) || !Array.isArray((result as { capacity?: unknown }).capacity))
    issues.add('invalid_argument', ['result'], `${fn}: result must be a result of weerstandsvermogen()`);
  issues.throwIfAny();
}

/**
 * The table of the paragraaf weerstandsvermogen, as a report {@link Table} that `renderText`, `renderMarkdown` and
 * `renderHtml` print: one row per risk ("Jeugdzorg (kans 50%)") with its financieel effect and its bijdrage
 * (kans x effect), the row "Benodigde weerstandscapaciteit" (the sum of both columns), one row per capacity part,
 * "Beschikbare weerstandscapaciteit", and the notes "Ratio weerstandsvermogen" and "Waardering".
 *
 * @remarks
 * The totals name their rows in `of`, so the renderers round them consistently: the printed risks add up to the
 * printed benodigde capaciteit, the parts to the beschikbare. Amounts are magnitudes (positive), printed as they are.
 * @param result - from `weerstandsvermogen`
 * @param options - the title
 * @throws MeerjarenError `invalid_argument` at `result` when it is not a result of `weerstandsvermogen`
 * @example
 * ```ts
 * import { weerstandsvermogen, weerstandsvermogenTable, renderText } from 'meerjaren';
 *
 * const w = weerstandsvermogen({
 *   risks: [{ id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: '2000000', nature: 'structural' }],
 *   capacity: [{ kind: 'algemene-reserve', title: 'Algemene reserve', amount: '1500000' }],
 * });
 * console.log(renderText(weerstandsvermogenTable(w), { unit: 'thousand' }));
 * // ... "Benodigde weerstandscapaciteit  2.000  1.000", "Waardering: 1,50 — B ruim voldoende"
 * ```
 * @category Weerstandsvermogen
 */
export function weerstandsvermogenTable(result: WeerstandsvermogenResult, options: WeerstandsvermogenTableOptions = {}): Table {
  requireResult('weerstandsvermogenTable', result);
  readTitle('weerstandsvermogenTable', options);
  const rows: TableRow[] = [];
  const riskIds = result.contributions.map((_c, i) => `risk:${i}`);
  result.contributions.forEach((c, i) => {
    rows.push({ id: riskIds[i]!, label: `${c.title} (kans ${dutch(c.probability.times(100), c.probability.times(100).decimalPlaces())}%)`, kind: 'line', depth: 1, cells: [cell(c.amount), cell(c.contribution)] });
  });
  const totalEffect = result.contributions.reduce((a, c) => a.add(c.amount), new Dec(0));
  rows.push({ id: 'benodigd', label: 'Benodigde weerstandscapaciteit', kind: 'total', depth: 0, cells: [cell(totalEffect), cell(result.required)], of: riskIds });
  const partIds = result.capacity.map((_p, i) => `capacity:${i}`);
  result.capacity.forEach((p, i) => rows.push({ id: partIds[i]!, label: p.title, kind: 'line', depth: 1, cells: [NIL, cell(p.amount)] }));
  rows.push({ id: 'beschikbaar', label: 'Beschikbare weerstandscapaciteit', kind: 'total', depth: 0, cells: [NIL, cell(result.available)], of: partIds });
  rows.push({ id: 'ratio', label: `Ratio weerstandsvermogen: ${ratioText(result)}`, kind: 'note', depth: 0, cells: [NIL, NIL] });
  rows.push({ id: 'waardering', label: `Waardering: ${waarderingText(result)}`, kind: 'note', depth: 0, cells: [NIL, NIL] });
  return deepFreeze({
    title: options.title ?? 'Weerstandsvermogen',
    columns: [
      { key: 'bedrag', label: 'Bedrag' },
      { key: 'bijdrage', label: 'Bijdrage' },
    ],
    rows,
    labelHeader: 'Risico / capaciteit',
  });
}

/**
 * The weerstandsvermogen per year as the paragraaf prints it over the meerjarenraming: a column per year; one row
 * per risk with its bijdrage (kans x effect) in that year, "Benodigde weerstandscapaciteit", one row per capacity
 * part, "Beschikbare weerstandscapaciteit", and the notes "Ratio weerstandsvermogen" and "Waardering" with each
 * year's figure.
 *
 * @remarks
 * As in {@link weerstandsvermogenTable}, the totals name their rows, so the printed bijdragen add up to the printed
 * benodigde capaciteit in every year. The ratios are rounded from the exact figures, never from printed ones.
 * @param result - from `weerstandsvermogenByYear`
 * @param options - the title
 * @throws MeerjarenError `invalid_argument` at `result` when it is not a result of `weerstandsvermogenByYear`
 * @example
 * ```ts
 * import { renderText, weerstandsvermogenByYear, weerstandsvermogenYearTable } from 'meerjaren';
 *
 * const w = weerstandsvermogenByYear({
 *   risks: [{ id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: '2000000', nature: 'structural' }],
 *   capacity: [{ kind: 'algemene-reserve', title: 'Algemene reserve', amount: { 2026: '3000000', 2027: '1800000' } }],
 * }, { from: 2026, to: 2027 });
 * console.log(renderText(weerstandsvermogenYearTable(w), { unit: 'thousand' }));
 * // ... "Waardering: 2026 A uitstekend · 2027 B ruim voldoende"
 * ```
 * @category Weerstandsvermogen
 */
export function weerstandsvermogenYearTable(result: WeerstandsvermogenByYear, options: WeerstandsvermogenTableOptions = {}): Table {
  const issues = new IssueCollector();
  if (!isObjectLike(result) || !Array.isArray((result as { years?: unknown }).years) || !isObjectLike((result as { byYear?: unknown }).byYear))
    issues.add('invalid_argument', ['result'], 'weerstandsvermogenYearTable: result must be a result of weerstandsvermogenByYear()');
  issues.throwIfAny();
  readTitle('weerstandsvermogenYearTable', options);
  const years = result.years.map(String);
  const perYear = years.map((y) => result.byYear[y]!);
  const first = perYear[0]!;
  const rows: TableRow[] = [];
  const riskIds = first.contributions.map((_c, i) => `risk:${i}`);
  first.contributions.forEach((c, i) => {
    rows.push({ id: riskIds[i]!, label: `${c.title} (kans ${dutch(c.probability.times(100), c.probability.times(100).decimalPlaces())}%)`, kind: 'line', depth: 1, cells: perYear.map((r) => cell(r.contributions[i]!.contribution)) });
  });
  rows.push({ id: 'benodigd', label: 'Benodigde weerstandscapaciteit', kind: 'total', depth: 0, cells: perYear.map((r) => cell(r.required)), of: riskIds });
  const partIds = first.capacity.map((_p, i) => `capacity:${i}`);
  first.capacity.forEach((p, i) => rows.push({ id: partIds[i]!, label: p.title, kind: 'line', depth: 1, cells: perYear.map((r) => cell(r.capacity[i]!.amount)) }));
  rows.push({ id: 'beschikbaar', label: 'Beschikbare weerstandscapaciteit', kind: 'total', depth: 0, cells: perYear.map((r) => cell(r.available)), of: partIds });
  const nil = years.map(() => NIL);
  rows.push({ id: 'ratio', label: `Ratio weerstandsvermogen: ${years.map((y, i) => `${y} ${ratioText(perYear[i]!)}`).join(' · ')}`, kind: 'note', depth: 0, cells: nil });
  rows.push({ id: 'waardering', label: `Waardering: ${years.map((y, i) => `${y} ${perYear[i]!.rating} ${perYear[i]!.label}`).join(' · ')}`, kind: 'note', depth: 0, cells: nil });
  return deepFreeze({
    title: options.title ?? 'Weerstandsvermogen per jaar',
    columns: years.map((y) => ({ key: y, label: y })),
    rows,
    labelHeader: 'Risico / capaciteit',
  });
}
