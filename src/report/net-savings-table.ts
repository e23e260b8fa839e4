/**
 * The table of the net effect of a target's measures (netto-opbrengst): per measure the realised savings, the costs,
 * the net effect and its cumulative sum per year, and the payback year, as a report {@link Table}.
 * @packageDocumentation
 */
import { IssueCollector } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { isRecord } from '../core/fields.js';
import { noNegativeZero, type Decimal } from '../core/decimal.js';
import type { NetEffect, NetSavings } from '../evaluate/net-savings.js';
import type { Table, TableCell, TableRow } from './table.js';

/** Options of {@link netSavingsTable}. @category Savings */
export interface NetSavingsTableOptions {
  /** Title; default the target's title with "netto-opbrengst". */
  readonly title?: string;
}

const NIL: TableCell = { amount: undefined, pm: false };
const cell = (amount: Decimal): TableCell => ({ amount, pm: false });

function paybackText(e: NetEffect): string {
  if (e.payback === 'paid-back') return `terugverdiend in ${String(e.paybackYear)}`;
  if (e.payback === 'not-within-horizon') return 'niet terugverdiend binnen de horizon';
  return 'geen kosten';
}

function block(rows: TableRow[], id: string, label: string, e: NetEffect, years: readonly number[], depth: number): void {
  const at = (pick: (y: NetEffect['years'][string]) => Decimal): TableCell[] => years.map((y) => {
    const v = e.years[String(y)];
    return v === undefined ? NIL : cell(pick(v));
  });
  rows.push({ id: `${id}:heading`, label, kind: 'heading', depth, cells: years.map(() => NIL) });
  rows.push({ id: `${id}:realised`, label: 'Gerealiseerde besparing', kind: 'line', depth: depth + 1, cells: at((v) => v.realised) });
  rows.push({ id: `${id}:costs`, label: 'Kosten (investering, transformatie)', kind: 'line', depth: depth + 1, cells: at((v) => noNegativeZero(v.costs.neg())) });
  rows.push({ id: `${id}:net`, label: 'Netto', kind: 'subtotal', depth: depth + 1, cells: at((v) => v.net), of: [`${id}:realised`, `${id}:costs`] });
  rows.push({ id: `${id}:cumulative`, label: 'Netto cumulatief', kind: 'line', depth: depth + 1, cells: at((v) => v.cumulative) });
  rows.push({ id: `${id}:payback`, label: `Terugverdienjaar: ${paybackText(e)}`, kind: 'note', depth: depth + 1, cells: years.map(() => NIL) });
}

/**
 * The net effect of a target's measures as a report {@link Table} that `renderText`, `renderMarkdown` and
 * `renderHtml` print: per measure a heading, "Gerealiseerde besparing", "Kosten" (negative: a nadeel on the saldo
 * scale), "Netto" (their sum, so printed rows add up), "Netto cumulatief" and the payback year; then the same for the
 * target as a whole.
 * @param net - from `netSavings`
 * @param target - the id of the target
 * @param options - the title
 * @throws MeerjarenError `invalid_argument` at `net` when it is not a result of `netSavings`, `unknown_reference` at
 *   `target` for a target it does not have; `invalid_option`, `unknown_option` for bad options
 * @example
 * ```ts
 * import { budget, withTargets, netSavings, netSavingsTable, renderText } from 'meerjaren';
 *
 * const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2025, to: 2027 } })
 *   .section('4', 'Bezuinigingen').line('HA', 'Taakstelling (stelpost)', ['1', '2', '3'], { nature: 'structural' }).build();
 * const ha = withTargets(table, [{ id: 'ha', title: 'Taakstelling', unit: 'million', path: { 2025: '1', 2026: '2', 2027: '3' },
 *   measures: [{ id: 'teams', title: 'Stevige lokale teams', status: 'in-preparation', planned: { 2026: '1', 2027: '2' },
 *     costs: [{ kind: 'transformation', amounts: { 2025: '1.5' } }] }] }]);
 * console.log(renderText(netSavingsTable(netSavings(ha), 'ha'), { unit: 'thousand' }));
 * // ... "Netto cumulatief  -1.500  -500  1.500", "Terugverdienjaar: terugverdiend in 2027"
 * ```
 * @category Savings
 */
export function netSavingsTable(net: NetSavings, target: string, options: NetSavingsTableOptions = {}): Table {
  const issues = new IssueCollector();
  const ok = isRecord(net) && Array.isArray(net['years']) && isRecord(net['targets']);
  if (!ok) issues.add('invalid_argument', ['net'], 'netSavingsTable: net must be a result of netSavings()');
  if (typeof target !== 'string') issues.add('invalid_argument', ['target'], 'netSavingsTable: target is the id of a target');
  else if (ok && !Object.hasOwn(net.targets, target)) issues.add('unknown_reference', ['target'], `netSavingsTable: there is no target "${target}"`);
  if (!isRecord(options)) issues.add('invalid_argument', ['options'], 'netSavingsTable: options must be an object { title? }');
  else {
    for (const key of Object.keys(options)) if (key !== 'title') issues.add('unknown_option', ['options', key], `unknown option "${key}" (the one option is title)`);
    if (options.title !== undefined && typeof options.title !== 'string') issues.add('invalid_option', ['options', 'title'], 'the title is a text');
  }
  issues.throwIfAny();
  const t = net.targets[target]!;
  const rows: TableRow[] = [];
  Object.values(t.measures).forEach((m, i) => block(rows, `measure:${i}`, m.title, m, net.years, 0));
  block(rows, 'target', `Totaal ${t.title}`, t, net.years, 0);
  return deepFreeze({
    title: options.title ?? `${t.title}: netto-opbrengst`,
    columns: net.years.map((y) => ({ key: String(y), label: String(y) })),
    rows,
    labelHeader: 'Maatregel',
  });
}
