/**
 * The Iv3 layout (Iv3-matrix): taakvelden down, economische categorieën across, for one year and one side (lasten or
 * baten), as a report {@link Table} for the shared renderers and the CSV writer.
 * @module
 */
import { Dec, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { integer, objectWith, oneOf, requireArgument, requireOptions, text } from '../core/guard.js';
import { fail } from '../core/errors.js';
import { SIDES, type Side } from '../model/lasten-baten.js';
import type { Iv3Group } from '../model/iv3.js';
import type { Iv3GroupTotal, Iv3MatrixCell, Iv3Rollup, Iv3SideTotal } from '../evaluate/iv3.js';
import { LABEL_LANGUAGES, type LabelLanguage } from './presentation.js';
import type { Table, TableCell, TableColumn, TableRow } from './table.js';

/** Options of {@link iv3Table}. @category Reports */
export interface Iv3TableOptions {
  /** The side: `lasten` or `baten` (the Iv3 layout prints them as two tables). */
  readonly side: Side;
  /** The year. @defaultValue the budget year */
  readonly year?: number;
  /** Title. @defaultValue "Iv3 lasten 2026" (or baten) */
  readonly title?: string;
  /** Language of the labels. @defaultValue 'nl' */
  readonly language?: LabelLanguage;
}

const WORDS = {
  nl: { title: 'Iv3', total: 'Totaal', noTaakveld: 'Zonder taakveld', noCategorie: 'zonder categorie', notListed: 'niet in de lijst', header: 'Taakveld' },
  en: { title: 'Iv3', total: 'Total', noTaakveld: 'No taakveld', noCategorie: 'no categorie', notListed: 'not in the list', header: 'Taakveld' },
} as const;

const NIL: TableCell = { amount: undefined, pm: false };

/** A side total as a table cell: nil without rows, a pure pm when it holds only pm posts, else the amount. */
function cellOf(total: Iv3SideTotal | undefined): TableCell {
  if (total === undefined || total.rows.length === 0) return NIL;
  const pm = total.pm.length > 0;
  return { amount: total.rows.length > total.pm.length ? total.amount : undefined, pm };
}

/** The exact sum of cells, as a subtotal or total shows it. */
function sumOf(cells: readonly TableCell[]): TableCell {
  const filled = cells.filter((c) => c.amount !== undefined || c.pm);
  if (filled.length === 0) return NIL;
  const amounts = filled.filter((c) => c.amount !== undefined);
  const amount: Decimal | undefined = amounts.length === 0 ? undefined : amounts.reduce((a, c) => a.add(c.amount!), new Dec(0));
  return { amount, pm: filled.some((c) => c.pm) };
}

/**
 * The Iv3 layout of a roll-up for one year and one side: one row per taakveld ("6.72 Maatwerkdienstverlening 18-"),
 * a subtotal per hoofdtaakveld ("6 Sociaal domein"), the total; one column per economische categorie that occurs (its
 * hoofdcategorie as the column group). A cell is the exact sum of the rows tagged with its taakveld and categorie
 * on that side (lasten positive as printed; a pm post makes it "+ pm"); nil where no row is.
 *
 * @remarks
 * A code the list does not hold is placed under the group of its first part when the list has that group ("6.73 (niet
 * in de lijst 2017/meerjaren-1)" under 6 Sociaal domein), else after the hoofdtaakvelden, as are the rows without a
 * taakveld ("Zonder taakveld"); rows without a categorie get a column "zonder categorie". The subtotals
 * and the total name their rows in `of`, so `renderText`, `renderMarkdown`, `renderHtml` and `renderCsv` round them
 * consistently. The layout has no total column: a column is not a row relation, so the renderers could not keep a
 * rounded total column true; the totals per taakveld are in the roll-up's `byTaakveld`.
 * @param rollup - from `iv3Rollup`
 * @param options - the side (required), the year, the title, the language
 * @throws MeerjarenError `invalid_argument` at `rollup`; `invalid_option` at `options.year` for a year outside the horizon
 * @example
 * ```ts
 * import { budget, iv3Rollup, iv3Table, renderText } from 'meerjaren';
 *
 * const b = budget({ title: 'Jeugd', unit: 'thousand', horizon: { from: 2026, to: 2026 } })
 *   .section('1', 'Jeugd')
 *   .line('1.1', 'Jeugdhulp ambulant', [-500], { nature: 'structural', tags: { taakveld: '6.72', categorie: '3' } })
 *   .build();
 * console.log(renderText(iv3Table(iv3Rollup(b), { side: 'lasten' }), { unit: 'thousand' }));
 * // ... "6.72 Maatwerkdienstverlening 18-  500", "6 Sociaal domein  500", "Totaal lasten 2026  500"
 * ```
 * @category Reports
 */
export function iv3Table(rollup: Iv3Rollup, options: Iv3TableOptions): Table {
  requireArgument('iv3Table', 'rollup', rollup, objectWith(['years', 'byTaakveld', 'byCategorie', 'matrix', 'total'], 'a roll-up from iv3Rollup()'));
  options = requireOptions('iv3Table', options, { side: oneOf(SIDES), year: integer(), title: text(), language: oneOf(LABEL_LANGUAGES) }, ['side']);
  const year = options.year ?? rollup.budgetYear;
  if (!rollup.years.includes(year)) fail('invalid_option', ['options', 'year'], `iv3Table: the year ${year} is not in the roll-up's horizon ${rollup.years[0]} - ${rollup.years[rollup.years.length - 1]}`);
  const words = WORDS[options.language ?? 'nl'];
  const key = String(year);
  const side = options.side;
  const columns: TableColumn[] = rollup.byCategorie.map((c) => ({
    key: c.code ?? '-',
    label: c.code ?? words.noCategorie,
    ...(c.group === undefined ? {} : { group: `${c.group.code} ${c.group.title}` }),
  }));
  // keyed by code, undefined for the rows without the tag (a Map: codes like `__proto__` are plain keys)
  const matrix = new Map<string | undefined, Map<string | undefined, Iv3MatrixCell>>();
  for (const m of rollup.matrix) {
    const row = matrix.get(m.taakveld) ?? new Map<string | undefined, Iv3MatrixCell>();
    row.set(m.categorie, m);
    matrix.set(m.taakveld, row);
  }
  const cellsOf = (t: Iv3GroupTotal): TableCell[] =>
    rollup.byCategorie.map((c) => {
      const m = matrix.get(t.code)?.get(c.code);
      return m === undefined ? NIL : cellOf(m.years[key]?.[side]);
    });
  const rows: TableRow[] = [];
  const top: string[] = [];
  const grouped = new Map<string, { group: Iv3Group; parts: Iv3GroupTotal[] }>();
  const loose: Iv3GroupTotal[] = [];
  for (const t of rollup.byTaakveld) {
    const g = t.group;
    if (g === undefined) loose.push(t);
    else {
      const slot = grouped.get(g.code) ?? { group: g, parts: [] };
      slot.parts.push(t);
      grouped.set(g.code, slot);
    }
  }
  const lineRow = (t: Iv3GroupTotal, depth: number): TableRow => {
    const label = t.code === undefined ? words.noTaakveld : t.entry === undefined ? `${t.code} (${words.notListed} ${rollup.taakveldVersion})` : `${t.code} ${t.entry.title}`;
    return { id: t.code === undefined ? 'taakveld' : `taakveld:${t.code}`, label, kind: 'line', depth, cells: cellsOf(t) };
  };
  for (const { group, parts } of grouped.values()) {
    const partRows = parts.map((t) => lineRow(t, 1));
    rows.push(...partRows);
    const id = `hoofdtaakveld:${group.code}`;
    rows.push({ id, label: `${group.code} ${group.title}`, kind: 'subtotal', depth: 0, cells: columns.map((_c, i) => sumOf(partRows.map((r) => r.cells[i]!))), of: partRows.map((r) => r.id) });
    top.push(id);
  }
  for (const t of loose) {
    const row = lineRow(t, 0);
    rows.push(row);
    top.push(row.id);
  }
  const topRows = rows.filter((r) => top.includes(r.id));
  rows.push({ id: 'totaal', label: `${words.total} ${side} ${year}`, kind: 'total', depth: 0, cells: columns.map((_c, i) => sumOf(topRows.map((r) => r.cells[i]!))), of: top });
  return deepFreeze({ title: options.title ?? `${words.title} ${side} ${year}`, columns, rows, labelHeader: words.header });
}
