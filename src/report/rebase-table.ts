/**
 * The table of a rebased scenario (overgezet scenario) for the shared renderers: per change its status, why, its
 * decision, and for a stale change the figures per year: the base in each version, what the change gave in the old
 * one, and what each policy gives in the new one.
 * @module
 */
import { freezeThrough } from '../core/freeze.js';
import { objectWith, oneOf, readOptions, requireArgument, text } from '../core/guard.js';
import { isPm, type Cell } from '../model/budget.js';
import type { RebaseCell, RebasedChange, ScenarioRebase } from '../analysis/rebase-types.js';
import { LABEL_LANGUAGES, type LabelLanguage } from './presentation.js';
import type { Table, TableCell, TableRow } from './table.js';

/** The words of a rebase table, Dutch and English. */
const WORDS = {
  nl: {
    title: (a: string, b: string) => `Scenario overgezet van ${a} naar ${b}`,
    header: 'Wijziging',
    fresh: 'actueel',
    stale: 'verouderd',
    gone: 'vervallen',
    base: (label: string) => `basis ${label}`,
    result: (label: string) => `uitkomst ${label}`,
    relative: 'keep-relative (relatief behouden)',
    absolute: 'keep-absolute (bedrag behouden)',
    undecided: 'nog geen besluit: niet toegepast',
    decision: (d: string) => `besluit: ${d}`,
    notIn: 'niet in de nieuwe versie',
  },
  en: {
    title: (a: string, b: string) => `Scenario rebased from ${a} onto ${b}`,
    header: 'Change',
    fresh: 'fresh',
    stale: 'stale',
    gone: 'gone',
    base: (label: string) => `base ${label}`,
    result: (label: string) => `result ${label}`,
    relative: 'keep-relative',
    absolute: 'keep-absolute',
    undecided: 'undecided: not applied',
    decision: (d: string) => `decision: ${d}`,
    notIn: 'not in the new version',
  },
} as const;

/** Options of {@link rebaseTable}. @category Reports */
export interface RebaseTableOptions {
  /** Title. @defaultValue 'Scenario overgezet van <from> naar <to>' */
  readonly title?: string;
  /** Language of the labels. @defaultValue 'nl' */
  readonly language?: LabelLanguage;
}

const NIL: TableCell = { amount: undefined, pm: false };

function cellOf(cell: Cell | undefined): TableCell {
  if (cell === undefined) return NIL;
  if (isPm(cell)) return cell.direction === undefined ? { amount: undefined, pm: true } : { amount: undefined, pm: true, pmDirection: cell.direction };
  return { amount: cell, pm: false };
}

/** One figure row of a stale change, one cell per year (summed over the change's rows would hide which: one block per row). */
function figureRows(key: string, change: RebasedChange, years: readonly number[], labels: { base: [string, string]; result: string }, words: (typeof WORDS)[LabelLanguage]): TableRow[] {
  const rows: TableRow[] = [];
  const byRow = new Map<string, RebaseCell[]>();
  for (const c of change.cells) (byRow.get(c.row) ?? byRow.set(c.row, []).get(c.row)!).push(c);
  for (const [row, cells] of byRow) {
    const at = (pick: (c: RebaseCell) => Cell | undefined, inVersionOnly: boolean): TableCell[] =>
      years.map((y) => {
        const c = cells.find((x) => x.year === y);
        return c === undefined || (inVersionOnly && !c.inVersion) ? NIL : cellOf(pick(c));
      });
    const id = `${key}/${row}`;
    const rowTo = cells[0]!.rowTo;
    rows.push({ id, label: rowTo === undefined || rowTo === row ? row : `${row} -> ${rowTo}`, kind: 'component', depth: 1, cells: years.map(() => NIL) });
    rows.push({ id: `${id}/base-from`, label: labels.base[0], kind: 'line', depth: 2, cells: at((c) => c.baseFrom, false) });
    rows.push({ id: `${id}/base-to`, label: labels.base[1], kind: 'line', depth: 2, cells: at((c) => c.baseTo, true) });
    rows.push({ id: `${id}/result`, label: labels.result, kind: 'line', depth: 2, cells: at((c) => c.result, false) });
    if (change.status === 'stale') {
      rows.push({ id: `${id}/relative`, label: words.relative, kind: 'line', depth: 2, cells: at((c) => c.relative, true) });
      rows.push({ id: `${id}/absolute`, label: words.absolute, kind: 'line', depth: 2, cells: at((c) => c.absolute, true) });
    }
    const missing = cells.filter((c) => !c.inVersion).map((c) => c.year);
    if (missing.length > 0) rows.push({ id: `${id}/not-in`, label: `${words.notIn}: ${missing.join(', ')}`, kind: 'note', depth: 2, cells: years.map(() => NIL) });
  }
  return rows;
}

/**
 * The table of a rebased scenario (overgezet scenario), as a report {@link Table} that `renderText`,
 * `renderMarkdown` and `renderHtml` print: a block per change with its status (actueel, verouderd, vervallen), the
 * reasons, the decision (or "nog geen besluit"), and for a stale or gone change that writes amounts, per row and
 * year: the base figure in each version, the figure the change gave in the old version, and, for a stale change,
 * what `keep-relative` and `keep-absolute` give in the new one. The columns are the years the changes write.
 * @param rebase - from `rebaseScenario`
 * @param options - title, language
 * @example
 * ```ts
 * import { budget, pm, rebaseScenario, rebaseTable, renderText } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
 *   .section('1', 'Bestaand beleid').line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' }).build();
 * const pb2026 = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2029 } })
 *   .section('1', 'Bestaand beleid').line('1.7', 'Jeugdgezondheidszorg', [-160, -160, -160, -160], { nature: 'structural' }).build();
 * const report = rebaseScenario({ id: 's', title: 'Ramingen', changes: [{ kind: 'estimate-pm', line: '1.4', value: '-1100' }] }, tb1, pb2026);
 * console.log(renderText(rebaseTable(report), { unit: 'thousand' }));
 * // ... "changes[0] estimate-pm 1.4: vervallen", "basis TB1 2025  pm  pm", "uitkomst TB1 2025  -1.100  -1.100"
 * ```
 * @category Reports
 */
export function rebaseTable(rebase: ScenarioRebase, options: RebaseTableOptions = {}): Table {
  requireArgument('rebaseTable', 'rebase', rebase, objectWith(['from', 'to', 'changes', 'undecided', 'complete'], 'a rebase from rebaseScenario()'));
  options = readOptions('rebaseTable', options, { title: text(), language: oneOf(LABEL_LANGUAGES) });
  const words = WORDS[options.language ?? 'nl'];
  const years = [...new Set(rebase.changes.flatMap((c) => c.cells.map((x) => x.year)))].sort((a, b) => a - b);
  const labels = { base: [words.base(rebase.from.label), words.base(rebase.to.label)] as [string, string], result: words.result(rebase.from.label) };
  const rows: TableRow[] = [];
  for (const change of rebase.changes) {
    const key = change.key;
    const target = change.references[0];
    const what = target === undefined ? '' : ` ${target.from}${target.to !== undefined && target.to !== target.from ? ` -> ${target.to}` : ''}`;
    rows.push({ id: key, label: `${key} ${change.kind}${what}: ${words[change.status]}`, kind: 'heading', depth: 0, cells: years.map(() => NIL) });
    const note = (id: string, label: string): void => {
      rows.push({ id: `${key}/${id}`, label, kind: 'note', depth: 1, cells: years.map(() => NIL) });
    };
    if (change.note !== undefined) note('note', change.note);
    change.reasons.forEach((r, n) => note(`reason${n}`, r));
    if (change.status !== 'fresh') note('decision', change.decision === undefined ? words.undecided : words.decision(change.decision));
    if (change.status !== 'fresh') rows.push(...figureRows(key, change, years, labels, words));
  }
  const columns = years.map((y) => ({ key: String(y), label: String(y) }));
  return freezeThrough({ title: options.title ?? words.title(rebase.from.label, rebase.to.label), columns, rows, labelHeader: words.header });
}
