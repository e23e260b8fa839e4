/**
 * Iv3 roll-ups (totalen per taakveld, categorie en programma): the rows of a budget summed exactly per taakveld, per
 * economische categorie, per programme and per taakveld x categorie, lasten and baten apart, every year of the horizon.
 * @module
 */
import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { isPm, type Budget, type Cell, type Pm } from '../model/budget.js';
import { declaredSide, splitSides, type Side } from '../model/lasten-baten.js';
import { groupCodeOf, type Iv3Entry, type Iv3Group } from '../model/iv3.js';
import { requireBudget } from '../validate/admit.js';
import { iv3Findings, iv3Rows, readIv3Options, throwIfStrict, type Iv3Finding, type Iv3Options, type Iv3Row } from '../validate/iv3-tags.js';

/** One side (lasten or baten) of an Iv3 figure. @category Evaluation */
export interface Iv3SideTotal {
  /** Exact sum in euros as printed on its side: more lasten is a positive lasten figure, more baten a positive baten figure; pm counts as 0. */
  readonly amount: Decimal;
  /** Ids of the rows that have a value (an amount or a pm) on this side this year, in document order. */
  readonly rows: readonly string[];
  /** Ids of the rows whose pm post is on this side this year. */
  readonly pm: readonly string[];
}

/** An Iv3 figure for one year: lasten and baten apart, and the saldo. @category Evaluation */
export interface Iv3Figure {
  /** The lasten. */
  readonly lasten: Iv3SideTotal;
  /** The baten. */
  readonly baten: Iv3SideTotal;
  /** `baten - lasten`: the effect on the saldo (positive = voordeel), exactly the sum of the rows' amounts. */
  readonly saldo: Decimal;
  /** Ids of the rows whose side was inferred from the sign (no tag `lastenbaten`). */
  readonly inferred: readonly string[];
}

/** Iv3 figures per year, keyed by year ("2026"); every year of the horizon is present. @category Evaluation */
export type Iv3FiguresByYear = Readonly<Record<string, Iv3Figure>>;

/** The rows of one taakveld, categorie or programme summed. @category Evaluation */
export interface Iv3GroupTotal {
  /** The code ("6.72", "3.5.1", "2"); absent for the rows without the tag. */
  readonly code?: string;
  /** The list's entry for the code, when the list holds it (never for programmes). */
  readonly entry?: Iv3Entry;
  /**
   * The hoofdtaakveld or hoofdcategorie: the entry's group, or for a code the list does not hold, the list's group of
   * the code's first part ("6" for "6.73"), when the list has one.
   */
  readonly group?: Iv3Group;
  /** The figures per year. */
  readonly years: Iv3FiguresByYear;
}

/** The rows of one taakveld and one categorie summed: a cell of the Iv3 layout. @category Evaluation */
export interface Iv3MatrixCell {
  /** The taakveld; absent for rows without one. */
  readonly taakveld?: string;
  /** The categorie; absent for rows without one. */
  readonly categorie?: string;
  /** The figures per year. */
  readonly years: Iv3FiguresByYear;
}

/**
 * A budget rolled up the Iv3 way. Every grouping holds every counted row exactly once, so per year the groups of
 * `byTaakveld`, of `byCategorie`, of `byProgramme` and the cells of `matrix` each add up to `total`, lasten and baten
 * apart, and `total`'s saldo is the budget's grand total.
 * @category Evaluation
 */
export interface Iv3Rollup {
  /** The years of the horizon. */
  readonly years: readonly number[];
  /** The budget year of the horizon. */
  readonly budgetYear: number;
  /** Version of the taakveld list checked against. */
  readonly taakveldVersion: string;
  /** Version of the categorie list checked against. */
  readonly categorieVersion: string;
  /** Per taakveld: the list's order, then codes not in the list (first seen first), then the rows without a taakveld. */
  readonly byTaakveld: readonly Iv3GroupTotal[];
  /** Per economische categorie, in the same order rules. */
  readonly byCategorie: readonly Iv3GroupTotal[];
  /** Per programme (tag `programme`), first seen first, then the rows without one. */
  readonly byProgramme: readonly Iv3GroupTotal[];
  /** Per taakveld x categorie, in the order of `byTaakveld`, then of `byCategorie`; only combinations that occur. */
  readonly matrix: readonly Iv3MatrixCell[];
  /** All counted rows. */
  readonly total: Iv3FiguresByYear;
  /** The findings of `checkIv3Tags` for the same lists. */
  readonly findings: readonly Iv3Finding[];
}

interface SideAccumulator {
  amount: Decimal;
  rows: string[];
  pm: string[];
}
interface FigureAccumulator {
  lasten: SideAccumulator;
  baten: SideAccumulator;
  saldo: Decimal;
  inferred: string[];
}

const side = (): SideAccumulator => ({ amount: ZERO, rows: [], pm: [] });
const figure = (): FigureAccumulator => ({ lasten: side(), baten: side(), saldo: ZERO, inferred: [] });

/**
 * Adds one row's cell of one year to a figure. An amount is split by `splitSides` (the one rule of lasten and baten:
 * the declared side, else lasten for a nadeel or zero, baten for a voordeel); a pm post goes on the declared side, else
 * on the side of its direction (an undirected pm on the lasten side).
 */
function addCell(into: FigureAccumulator, row: Iv3Row, cell: Cell, declared: Side | undefined): void {
  if (declared === undefined) into.inferred.push(row.id);
  if (isPm(cell)) {
    const target = into[declared ?? ((cell as Pm).direction === 'voordeel' ? 'baten' : 'lasten')];
    target.rows.push(row.id);
    target.pm.push(row.id);
    return;
  }
  const split = splitSides(row.tags, cell);
  const target = into[split.side];
  target.rows.push(row.id);
  target.amount = target.amount.add(split.side === 'lasten' ? split.lasten : split.baten);
  into.saldo = into.saldo.add(cell);
}

function freezeFigure(f: FigureAccumulator): Iv3Figure {
  const sideOut = (a: SideAccumulator): Iv3SideTotal => ({ amount: noNegativeZero(a.amount), rows: a.rows, pm: a.pm });
  return { lasten: sideOut(f.lasten), baten: sideOut(f.baten), saldo: noNegativeZero(f.saldo), inferred: f.inferred };
}

/** Groups keyed by code (a Map: codes like `__proto__` are plain keys), with the rows without the tag apart. */
class Grouping {
  readonly #byCode = new Map<string, Map<string, FigureAccumulator>>();
  #untagged: Map<string, FigureAccumulator> | undefined;
  constructor(private readonly keys: readonly string[]) {}
  years(code: string | undefined): Map<string, FigureAccumulator> {
    if (code === undefined) return (this.#untagged ??= this.fresh());
    let years = this.#byCode.get(code);
    if (years === undefined) this.#byCode.set(code, (years = this.fresh()));
    return years;
  }
  private fresh(): Map<string, FigureAccumulator> {
    return new Map(this.keys.map((k) => [k, figure()]));
  }
  /** The groups: codes in `order` first, then the others as first seen, then the untagged rows. */
  out(order: readonly Iv3Entry[]): Iv3GroupTotal[] {
    const entries = new Map(order.map((e) => [e.code, e]));
    const listGroups = new Map<string, Iv3Group>();
    for (const e of order) if (e.group !== undefined && !listGroups.has(e.group.code)) listGroups.set(e.group.code, e.group);
    const codes = [...order.map((e) => e.code).filter((c) => this.#byCode.has(c)), ...[...this.#byCode.keys()].filter((c) => !entries.has(c))];
    const groups: Iv3GroupTotal[] = codes.map((code) => {
      const entry = entries.get(code);
      const group = entry === undefined ? listGroups.get(groupCodeOf(code)) : entry.group;
      return { code, ...(entry === undefined ? {} : { entry }), ...(group === undefined ? {} : { group }), years: figures(this.#byCode.get(code)!) };
    });
    if (this.#untagged !== undefined) groups.push({ years: figures(this.#untagged) });
    return groups;
  }
}

function figures(years: Map<string, FigureAccumulator>): Iv3FiguresByYear {
  const out: Record<string, Iv3Figure> = {};
  for (const [year, f] of years) out[year] = freezeFigure(f);
  return out;
}

/**
 * Rolls a budget up the Iv3 way (Iv3-totalen): per taakveld, per economische categorie, per programme and per
 * taakveld x categorie, every year, lasten and baten apart, exact.
 *
 * @remarks
 * The rows are those that count in the budget's totals (a line's own row unless it is a printed subtotal, and every
 * component). A row goes by its own tags, else its line's, else the budget's: `taakveld`, `categorie`, `programme`
 * (the budget documents of meerjaren carry `programme` on the whole table) and `lastenbaten`. An amount is on its
 * declared side; without one, a nadeel counts as lasten and a voordeel as baten, and the row is listed in `inferred`.
 * A pm post counts as 0 and is listed in `pm` on its side (an undirected pm on the lasten side). Rows without a tag are
 * summed in a group without `code`, so every grouping adds up to the total; the findings say which rows those are.
 * @param budget - the budget
 * @param options - the lists to check against and `strict` (see {@link Iv3Options})
 * @throws MeerjarenError when `strict` and a tag is missing or unknown
 * @example
 * ```ts
 * import { budget, iv3Rollup } from 'meerjaren';
 *
 * const b = budget({ title: 'Jeugd', unit: 'thousand', horizon: { from: 2026, to: 2026 }, tags: { programme: '2' } })
 *   .section('1', 'Jeugd')
 *   .line('1.1', 'Jeugdhulp ambulant', [-500], { nature: 'structural', tags: { taakveld: '6.72', categorie: '3' } })
 *   .line('1.2', 'Rijksbijdrage', [200], { nature: 'structural', tags: { taakveld: '6.72', categorie: '4' } })
 *   .build();
 * const r = iv3Rollup(b);
 * r.byTaakveld[0]!.years['2026']!.lasten.amount.toFixed(); // "500000"
 * r.byTaakveld[0]!.years['2026']!.baten.amount.toFixed();  // "200000"
 * r.byProgramme[0]!.years['2026']!.saldo.toFixed();        // "-300000": the same total by programme
 * ```
 * @category Evaluation
 */
export function iv3Rollup(budget: Budget, options?: Iv3Options): Iv3Rollup {
  const checked = requireBudget('iv3Rollup', 'budget', budget);
  const resolved = readIv3Options('iv3Rollup', options);
  const findings = iv3Findings(checked, resolved);
  throwIfStrict(findings, resolved);
  return rollUp(checked, resolved.taakvelden.entries, resolved.categorieen.entries, {
    taakveldVersion: resolved.taakvelden.version,
    categorieVersion: resolved.categorieen.version,
    findings,
  });
}

function rollUp(
  budget: Budget,
  taakvelden: readonly Iv3Entry[],
  categorieen: readonly Iv3Entry[],
  meta: Pick<Iv3Rollup, 'taakveldVersion' | 'categorieVersion' | 'findings'>,
): Iv3Rollup {
  const keys = budget.horizon.years.map(String);
  const byTaakveld = new Grouping(keys);
  const byCategorie = new Grouping(keys);
  const byProgramme = new Grouping(keys);
  const total = new Grouping(keys);
  const matrix = new Map<string | undefined, Grouping>();
  iv3Rows(budget, (row) => {
    const declared = declaredSide(row.tags);
    let cells = matrix.get(row.taakveld);
    if (cells === undefined) matrix.set(row.taakveld, (cells = new Grouping(keys)));
    const targets = [byTaakveld.years(row.taakveld), byCategorie.years(row.categorie), byProgramme.years(row.programme), total.years(undefined), cells.years(row.categorie)];
    for (const key of keys) {
      if (!Object.hasOwn(row.values, key)) continue;
      const cell = row.values[key]!;
      for (const target of targets) addCell(target.get(key)!, row, cell, declared);
    }
  });
  const taakveldGroups = byTaakveld.out(taakvelden);
  const categorieGroups = byCategorie.out(categorieen);
  const matrixCells: Iv3MatrixCell[] = [];
  const categorieOrder = categorieGroups.map((g) => g.code);
  for (const t of taakveldGroups) {
    const cells = matrix.get(t.code);
    if (cells === undefined) continue;
    const byCode = new Map(cells.out([]).map((c) => [c.code, c]));
    for (const code of categorieOrder) {
      const c = byCode.get(code);
      if (c !== undefined) matrixCells.push({ ...(t.code === undefined ? {} : { taakveld: t.code }), ...(code === undefined ? {} : { categorie: code }), years: c.years });
    }
  }
  return deepFreeze({
    years: [...budget.horizon.years],
    budgetYear: budget.horizon.budgetYear,
    ...meta,
    byTaakveld: taakveldGroups,
    byCategorie: categorieGroups,
    byProgramme: byProgramme.out([]),
    matrix: matrixCells,
    total: total.out([])[0]?.years ?? figures(new Map(keys.map((k) => [k, figure()]))),
  });
}
