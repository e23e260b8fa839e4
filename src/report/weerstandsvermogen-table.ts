/**
 * The table of the paragraaf weerstandsvermogen: the risicoregister with each risk's contribution, the benodigde
 * and beschikbare weerstandscapaciteit, the ratio and its waardering, as a report {@link Table}.
 * @module
 */
import { Dec, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { IssueCollector } from '../core/errors.js';
import { isObjectLike } from '../core/guard.js';
import type { WeerstandsvermogenResult } from '../evaluate/weerstandsvermogen.js';
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
  const ratio = result.required.isZero() ? 'geen benodigde capaciteit' : dutch(result.available.div(result.required), 2);
  return `${ratio} — ${result.rating} ${result.label}`;
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
  const issues = new IssueCollector();
  if (!isObjectLike(options)) issues.add('invalid_argument', ['options'], 'weerstandsvermogenTable: options must be an object { title? }');
  else {
    for (const key of Object.keys(options)) if (key !== 'title') issues.add('unknown_option', ['options', key], `unknown option "${key}" (the one option is title)`);
    if (options.title !== undefined && typeof options.title !== 'string') issues.add('invalid_option', ['options', 'title'], 'the title is a text');
  }
  issues.throwIfAny();
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
  const ratio = result.required.isZero() ? 'geen benodigde capaciteit' : dutch(result.available.div(result.required), 2);
  rows.push({ id: 'ratio', label: `Ratio weerstandsvermogen: ${ratio}`, kind: 'note', depth: 0, cells: [NIL, NIL] });
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
