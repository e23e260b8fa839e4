/**
 * The council's table of a begrotingswijziging for the shared renderers: rows per programme, then its lines;
 * per year the columns lasten, baten and saldo; the structural and incidental parts; the reserve mutations.
 * @module
 */
import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { arrayOf, integer, objectWith, oneOf, readOptions, requireArgument, text, type OptionCheck } from '../core/guard.js';
import { fail } from '../core/errors.js';
import { describeValue, isObjectLike } from '../core/guard.js';
import type { Begrotingswijziging, SideFigures, WijzigingYears } from '../analysis/begrotingswijziging-types.js';
import { roundTable } from './allocate.js';
import { LABEL_LANGUAGES, REPORT_LABELS, resolvePresentation, type LabelLanguage, type Presentation } from './presentation.js';
import type { Table, TableCell, TableColumn, TableRow } from './table.js';

/** Options of {@link begrotingswijzigingTable}. @category Reports */
export interface BegrotingswijzigingTableOptions {
  /** Title. @defaultValue the wijziging's title */
  readonly title?: string;
  /**
   * Headings of programmes by id (`{ '2': 'Programma 2 Samen leven en ondersteunen' }`); the programme's total is
   * "Totaal" and its heading. @defaultValue "Programma <id>" ("Zonder programma" for lines without one)
   */
  readonly programmes?: Readonly<Record<string, string>>;
  /**
   * The presentation the table will be printed with: where a printed saldo is not the printed baten plus lasten,
   * or the printed structural and incidental parts do not add up to the printed total, an afrondingsverschil row
   * says by how much (the renderers round rows, not columns). @defaultValue the default presentation
   */
  readonly presentation?: Presentation;
  /** Language of the labels. @defaultValue 'nl' */
  readonly labels?: LabelLanguage;
  /** The years to show (columns), of the wijziging's years. @defaultValue every year of the wijziging */
  readonly years?: readonly number[];
}

/** The words of the table, per language. */
export const WIJZIGING_WORDS = {
  nl: {
    lasten: 'Lasten',
    baten: 'Baten',
    saldo: 'Saldo',
    programme: 'Programma',
    noProgramme: 'Zonder programma',
    programmeTotal: 'Totaal programma',
    totalOf: 'Totaal',
    noProgrammeTotal: 'Totaal zonder programma',
    total: 'Totaal mutatie lasten en baten',
    structural: 'waarvan structureel',
    incidental: 'waarvan incidenteel',
    reserves: 'Mutaties reserves',
    additions: 'Toevoegingen aan reserves',
    withdrawals: 'Onttrekkingen aan reserves',
    reservesTotal: 'Totaal mutaties reserves',
    afterReserves: 'Saldo na mutaties reserves',
    additionsInLines: 'toevoegingen in de regels (al in de lasten)',
    withdrawalsInLines: 'onttrekkingen in de regels (al in de baten)',
    new: 'nieuw',
    gone: 'vervallen',
    header: 'Begrotingswijziging',
  },
  en: {
    lasten: 'Expenses',
    baten: 'Income',
    saldo: 'Balance',
    programme: 'Programme',
    noProgramme: 'No programme',
    programmeTotal: 'Total programme',
    totalOf: 'Total',
    noProgrammeTotal: 'Total without programme',
    total: 'Total change of expenses and income',
    structural: 'of which structural',
    incidental: 'of which incidental',
    reserves: 'Reserve mutations',
    additions: 'Additions to reserves',
    withdrawals: 'Withdrawals from reserves',
    reservesTotal: 'Total reserve mutations',
    afterReserves: 'Balance after reserve mutations',
    additionsInLines: 'additions in the lines (already in the expenses)',
    withdrawalsInLines: 'withdrawals in the lines (already in the income)',
    new: 'new',
    gone: 'gone',
    header: 'Budget amendment',
  },
} as const;

/** The marker after a line whose lasten/baten split is inferred from the sign. */
export const INFERRED_MARK = ' *';

const PARTS = ['lasten', 'baten', 'saldo'] as const;
const NIL: TableCell = { amount: undefined, pm: false };

/** The three cells of a year on the saldo scale: lasten negative when they rise, baten and saldo as they are. */
function sideCells(f: SideFigures | undefined, pm: boolean): TableCell[] {
  if (f === undefined) return [NIL, NIL, NIL];
  return [
    { amount: noNegativeZero(f.lasten.negated()), pm },
    { amount: f.baten, pm },
    { amount: f.saldo, pm },
  ];
}

/** The cells of every year; a year in `pm` (a line holds a pm post there) is marked "+ pm". */
function yearCells(years: readonly number[], figures: WijzigingYears, pm: readonly number[], pick: (y: WijzigingYears[string]) => SideFigures = (y) => y): TableCell[] {
  return years.flatMap((year) => {
    const y = figures[year];
    return sideCells(y === undefined ? undefined : pick(y), pm.includes(year));
  });
}

const PROGRAMME_TITLES: OptionCheck = (value, path, collector) => {
  if (!isObjectLike(value) || Array.isArray(value)) return collector.add('invalid_option', path, `programmes must be an object of headings by programme id, not ${describeValue(value)}`);
  for (const [key, title] of Object.entries(value)) if (typeof title !== 'string') collector.add('invalid_option', [...path, key], `a programme heading is a text, not ${describeValue(title)}`);
};

const PRESENTATION: OptionCheck = (value, path, collector) => {
  if (!isObjectLike(value)) collector.add('invalid_option', path, `presentation must be an object of settings, not ${describeValue(value)}`);
};

/** The checks of {@link BegrotingswijzigingTableOptions}. @internal */
export const WIJZIGING_TABLE_OPTIONS = { title: text(), programmes: PROGRAMME_TITLES, presentation: PRESENTATION, labels: oneOf(LABEL_LANGUAGES), years: arrayOf(integer()) };

/** The checks of a {@link Begrotingswijziging} argument. @internal */
export const WIJZIGING: OptionCheck = objectWith(['years', 'programmes', 'total', 'saldoAfterReserves', 'dekking', 'findings', 'pm'], 'a begrotingswijziging from begrotingswijziging()');

/** The rows of the table before the rounding check, and the ids the check compares. */
function tableRows(w: Begrotingswijziging, years: readonly number[], options: BegrotingswijzigingTableOptions, words: (typeof WIJZIGING_WORDS)[LabelLanguage]): TableRow[] {
  const blank = years.flatMap(() => [NIL, NIL, NIL]);
  const rows: TableRow[] = [];
  const programmeTotals: string[] = [];
  for (const p of w.programmes) {
    const heading = Object.hasOwn(options.programmes ?? {}, p.id) ? options.programmes![p.id] : undefined;
    const named = heading !== undefined && heading !== '';
    const name = named ? heading : p.id === '' ? words.noProgramme : `${words.programme} ${p.id}`;
    rows.push({ id: `programme:${p.id}`, label: name, kind: 'heading', depth: 0, cells: blank });
    const lineIds = p.lines.map((l) => {
      const id = `line:${p.id}:${l.status}:${l.id}`;
      const status = l.status === 'new' ? ` (${words.new})` : l.status === 'gone' ? ` (${words.gone})` : '';
      rows.push({ id, label: `${l.id} ${l.title}${status}${l.inferred ? INFERRED_MARK : ''}`, kind: 'line', depth: 1, cells: yearCells(years, l.years, l.pm) });
      return id;
    });
    const totalId = `programme-total:${p.id}`;
    rows.push({ id: totalId, label: named ? `${words.totalOf} ${heading}` : p.id === '' ? words.noProgrammeTotal : `${words.programmeTotal} ${p.id}`, kind: 'subtotal', depth: 0, cells: yearCells(years, p.years, p.pm), of: lineIds });
    programmeTotals.push(totalId);
  }
  rows.push({ id: 'total', label: words.total, kind: 'total', depth: 0, cells: yearCells(years, w.total, w.pm), of: programmeTotals });
  rows.push({ id: 'structural', label: words.structural, kind: 'line', depth: 1, cells: yearCells(years, w.total, w.pm, (y) => y.structural) });
  rows.push({ id: 'incidental', label: words.incidental, kind: 'line', depth: 1, cells: yearCells(years, w.total, w.pm, (y) => y.incidental) });
  if (w.reserves !== undefined) {
    const r = w.reserves;
    const at = (year: number, f: (y: NonNullable<typeof r>[string]) => Decimal): Decimal => (r[year] === undefined ? ZERO : f(r[year]!));
    const row = (id: string, label: string, kind: TableRow['kind'], depth: number, lasten: (year: number) => Decimal | undefined, baten: (year: number) => Decimal | undefined, of?: string[]): void => {
      const cells = years.flatMap((year): TableCell[] => {
        const l = lasten(year);
        const b = baten(year);
        return [l === undefined ? NIL : { amount: l, pm: false }, b === undefined ? NIL : { amount: b, pm: false }, { amount: noNegativeZero((l ?? ZERO).plus(b ?? ZERO)), pm: false }];
      });
      rows.push({ id, label, kind, depth, cells, ...(of === undefined ? {} : { of }) });
    };
    rows.push({ id: 'reserves', label: words.reserves, kind: 'heading', depth: 0, cells: blank });
    row('reserves:additions', words.additions, 'line', 1, (y) => at(y, (m) => m.additions), () => undefined);
    row('reserves:withdrawals', words.withdrawals, 'line', 1, () => undefined, (y) => at(y, (m) => m.withdrawals));
    row('reserves:total', words.reservesTotal, 'subtotal', 0, (y) => at(y, (m) => m.additions), (y) => at(y, (m) => m.withdrawals), ['reserves:additions', 'reserves:withdrawals']);
    if (years.some((y) => !at(y, (m) => m.additionsInLines).isZero())) row('reserves:in-lines:additions', words.additionsInLines, 'note', 2, (y) => at(y, (m) => m.additionsInLines), () => undefined);
    if (years.some((y) => !at(y, (m) => m.withdrawalsInLines).isZero())) row('reserves:in-lines:withdrawals', words.withdrawalsInLines, 'note', 2, () => undefined, (y) => at(y, (m) => m.withdrawalsInLines));
    rows.push({
      id: 'after-reserves',
      label: words.afterReserves,
      kind: 'total',
      depth: 0,
      cells: years.flatMap((year): TableCell[] => {
        const t = w.total[year]!;
        const m = r[year];
        return sideCells({ lasten: t.lasten.minus(m?.additions ?? ZERO), baten: t.baten.plus(m?.withdrawals ?? ZERO), saldo: w.saldoAfterReserves[year] ?? ZERO }, w.pm.includes(year));
      }),
      of: ['total', 'reserves:total'],
    });
  }
  return rows;
}

/**
 * The afrondingsverschil rows the renderers cannot know: where, printed with `presentation`, a row's saldo is not
 * its baten plus lasten (one row after it, in the saldo columns), or the structural and incidental parts do not
 * add up to the total (one row after them).
 */
function crossChecks(table: Table, presentation: Presentation | undefined, words: { readonly roundingDifference: string }): TableRow[] {
  const rounded = roundTable(table, presentation);
  const printed = new Map(rounded.rows.map((r) => [r.id, r]));
  const n = table.columns.length / 3;
  const out: TableRow[] = [];
  const amount = (id: string, c: number): Decimal => printed.get(id)?.cells[c]?.amount ?? ZERO;
  for (const row of table.rows) {
    out.push(row);
    if (row.kind === 'heading' || row.kind === 'note') continue;
    const diffs: TableCell[] = [];
    let any = false;
    for (let y = 0; y < n; y++) {
      const d = amount(row.id, 3 * y + 2).minus(amount(row.id, 3 * y).plus(amount(row.id, 3 * y + 1)));
      if (!d.isZero()) any = true;
      diffs.push(NIL, NIL, d.isZero() ? NIL : { amount: d, pm: false });
    }
    if (any) out.push({ id: `${row.id}.afrondingsverschil-saldo`, label: words.roundingDifference, kind: 'rounding', depth: row.depth + 1, cells: diffs });
    if (row.id === 'incidental') {
      const parts = table.columns.map((_, c) => amount('total', c).minus(amount('structural', c).plus(amount('incidental', c))));
      if (parts.some((d) => !d.isZero())) {
        out.push({ id: 'natures.afrondingsverschil', label: words.roundingDifference, kind: 'rounding', depth: 1, cells: parts.map((d) => (d.isZero() ? NIL : { amount: d, pm: false })) });
      }
    }
  }
  return out;
}

/**
 * The council's table of a begrotingswijziging (tabel begrotingswijziging), as a report {@link Table} for
 * `renderText`, `renderMarkdown`, `renderHtml` and `renderCsv`: per programme a heading, its lines and its total;
 * then the total with its structural and incidental parts; and, when the wijziging has reserves, the reserve
 * mutations and the saldo after them. Per year three columns: lasten, baten and saldo.
 *
 * @remarks
 * Figures are on the saldo scale like every table of the library (seed 001's "Financieel samengevat" prints
 * Lasten -156.729): more lasten print negative, so lasten plus baten is the saldo in every row. A line whose split
 * into lasten and baten is inferred from the sign (no tag `lastenbaten`) ends in " *"; a new or gone line says so.
 * Rows name what they sum (`of`), so rounded figures add up; where a printed saldo is not the printed lasten plus
 * baten, or the parts structural and incidental do not add up to the printed total, an "Afrondingsverschil" row
 * follows (print with the same `presentation` as given here).
 * @param wijziging - from `begrotingswijziging`
 * @param options - title, programme headings, presentation, labels, years
 * @example
 * ```ts
 * import { budget, begrotingswijziging, begrotingswijzigingTable, renderText } from 'meerjaren';
 *
 * const pb = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2027 }, tags: { programme: '2' } })
 *   .section('4', 'Bezuinigingen')
 *   .line('4.1', 'Besparing subsidies Sociaal Domein', [234, 234], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
 *   .build();
 * const w = begrotingswijziging(pb, { id: 'm', title: 'Motie 2506-84', changes: [{ kind: 'drop-line', line: '4.1' }] });
 * console.log(renderText(begrotingswijzigingTable(w, { programmes: { '2': 'Programma 2 Samen leven en ondersteunen' } })));
 * // Programma 2 Samen leven en ondersteunen / 4.1 ... (vervallen)  -234  0  -234 per year (x € 1.000)
 * ```
 * @category Reports
 */
export function begrotingswijzigingTable(wijziging: Begrotingswijziging, options: BegrotingswijzigingTableOptions = {}): Table {
  requireArgument('begrotingswijzigingTable', 'wijziging', wijziging, WIJZIGING);
  options = readOptions('begrotingswijzigingTable', options, WIJZIGING_TABLE_OPTIONS);
  const shown = options.years;
  if (shown !== undefined) {
    const unknown = shown.findIndex((y) => !wijziging.years.includes(y));
    if (unknown >= 0) fail('invalid_option', ['options', 'years', unknown], `begrotingswijzigingTable: ${shown[unknown]!} is not a year of the wijziging (${wijziging.years.join(', ')})`);
  }
  const years = wijziging.years.filter((y) => shown === undefined || shown.includes(y));
  const labels = options.labels ?? 'nl';
  const words = WIJZIGING_WORDS[labels];
  const presentation = resolvePresentation({ labels, ...(options.presentation ?? {}) });
  const columns: TableColumn[] = years.flatMap((year) => PARTS.map((part) => ({ key: `${year}:${part}`, label: words[part], group: String(year) })));
  const table: Table = { title: options.title ?? wijziging.title, columns, rows: tableRows(wijziging, years, options, words), labelHeader: words.header };
  return deepFreeze({ ...table, rows: crossChecks(table, presentation, REPORT_LABELS[presentation.labels]) });
}

