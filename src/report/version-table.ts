/**
 * The table of a comparison of two versions (standenvergelijking) for the shared renderers: per row the figure in
 * each version, the difference, and the years that are not in a version, said in words.
 * @module
 */
import { deepFreeze } from '../core/freeze.js';
import { boolean, objectWith, readOptions, requireArgument, text } from '../core/guard.js';
import type { VersionComparison, VersionFigure, VersionRow } from '../analysis/compare-versions-types.js';
import type { Table, TableCell, TableRow } from './table.js';

/** The words of a version table (Dutch by default). */
const WORDS = {
  notIn: 'niet in deze versie',
  difference: 'verschil',
  new: 'nieuw',
  gone: 'vervallen',
  total: 'Totaal',
} as const;

/** Options of {@link versionTable}. @category Reports */
export interface VersionTableOptions {
  /** Title. @defaultValue 'Vergelijking <a> en <b>' */
  readonly title?: string;
  /** A block per section. @defaultValue true */
  readonly sections?: boolean;
  /** A block per line. @defaultValue true */
  readonly lines?: boolean;
  /** Only the rows that changed (new, gone or with a difference); the total always. @defaultValue false */
  readonly changedOnly?: boolean;
}

const NIL: TableCell = { amount: undefined, pm: false };

function figureCell(f: VersionFigure | undefined): TableCell {
  if (f === undefined || f.state !== 'figure' || f.total.empty) return NIL;
  return { amount: f.total.amount, pm: f.total.pm.length > 0 };
}

/** Years as runs: "2028-2031", "2024, 2026". */
export function yearRuns(years: readonly number[]): string {
  const runs: string[] = [];
  let start: number | undefined;
  years.forEach((y, i) => {
    start ??= y;
    if (years[i + 1] !== y + 1) {
      runs.push(start === y ? String(y) : `${start}-${y}`);
      start = undefined;
    }
  });
  return runs.join(', ');
}

function block(c: VersionComparison, r: VersionRow, key: string, label: string): TableRow[] {
  const years = c.years;
  const status = r.status === 'new' ? ` (${WORDS.new})` : r.status === 'gone' ? ` (${WORDS.gone})` : r.matchedBy === 'map' || r.matchedBy === 'title' ? ` (was ${r.idA ?? ''})` : '';
  const rows: TableRow[] = [{ id: key, label: `${label}${status}`, kind: 'heading', depth: 0, cells: years.map(() => NIL) }];
  const side = (which: 'a' | 'b'): void => {
    rows.push({ id: `${key}/${which}`, label: c[which].label, kind: 'line', depth: 1, cells: years.map((y) => figureCell(r.years[y]?.[which])) });
    const missing = years.filter((y) => r.years[y]?.[which].state === 'not-in-version');
    if (missing.length > 0) rows.push({ id: `${key}/${which}/niet`, label: `${WORDS.notIn}: ${yearRuns(missing)}`, kind: 'note', depth: 2, cells: years.map(() => NIL) });
  };
  side('a');
  side('b');
  rows.push({
    id: `${key}/verschil`,
    label: WORDS.difference,
    kind: 'note',
    depth: 2,
    cells: years.map((y) => {
      const d = r.years[y]?.difference;
      return d === undefined ? NIL : { amount: d.amount, pm: d.pm !== 0 };
    }),
  });
  return rows;
}

/**
 * The table of a version comparison (standenvergelijking), as a report {@link Table} that `renderText`,
 * `renderMarkdown` and `renderHtml` print: the total, each section and each line, with a row per version, a row
 * "verschil" (`b - a`) and, where a year lies outside a version's horizon, a note "niet in deze versie: 2028-2029"
 * (those cells stay blank, never 0, and have no difference). New and gone rows say so in their heading; a line
 * matched through the id map or by title shows its old id ("was 4.2").
 * @param comparison - from `compareVersions` (or a step of `versionSeries`)
 * @param options - title, which blocks
 * @example
 * ```ts
 * import { budget, compareVersions, versionTable, renderText } from 'meerjaren';
 *
 * const pb2024 = budget({ title: 'Begroting 2024', unit: 'euro', horizon: { from: 2024, to: 2027 } })
 *   .section('doelen', 'Doelstellingen').line('2.3', 'Gezondheid', [-2086787, -2086787, -2086787, -2086787], { nature: 'structural' }).build();
 * const pb2026 = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2029 } })
 *   .section('doelen', 'Doelstellingen').line('2.3', 'Gezondheid', [-2360, -2360, -2360, -2360], { nature: 'structural' }).build();
 * console.log(renderText(versionTable(compareVersions(pb2024, pb2026)), { unit: 'thousand' }));
 * // ... "niet in deze versie: 2028-2029" under Begroting 2024, "verschil" -273 in 2026
 * ```
 * @category Reports
 */
export function versionTable(comparison: VersionComparison, options: VersionTableOptions = {}): Table {
  requireArgument('versionTable', 'comparison', comparison, objectWith(['a', 'b', 'years', 'total', 'sections', 'lines', 'warnings'], 'a comparison from compareVersions()'));
  options = readOptions('versionTable', options, { title: text(), sections: boolean, lines: boolean, changedOnly: boolean });
  const c = comparison;
  const keep = (r: VersionRow): boolean => !(options.changedOnly ?? false) || r.changed;
  const rows: TableRow[] = [...block(c, c.total, 'total', c.total.title === '' ? WORDS.total : c.total.title)];
  if (options.sections ?? true) for (const s of c.sections.filter(keep)) rows.push(...block(c, s, `section:${s.id}`, `${s.id} ${s.title}`));
  if (options.lines ?? true) for (const l of c.lines.filter(keep)) rows.push(...block(c, l, `line:${l.idA ?? ''}>${l.idB ?? ''}`, `${l.id} ${l.title}`));
  const columns = c.years.map((y) => ({ key: String(y), label: String(y) }));
  return deepFreeze({ title: options.title ?? `Vergelijking ${c.a.label} en ${c.b.label}`, columns, rows, labelHeader: 'Stand' });
}
