/**
 * The figures of a begrotingswijziging per line: every row of a line split into lasten and baten and into
 * structural and incidental, in one budget; the mutation is the difference of the two budgets' splits.
 * @module
 */
import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import type { Budget, Line } from '../model/budget.js';
import type { LineResult, TotalsByYear } from '../model/evaluation.js';
import { declaredSide, splitSides } from '../model/lasten-baten.js';
import type { Tags } from '../model/values.js';
import type { RowSide, SideFigures, WijzigingYear, WijzigingYears } from './begrotingswijziging-types.js';

/** The tag that names the programme a line is booked in (programma); a budget's own tag is the default. */
export const PROGRAMME_TAG = 'programme';

/** Lasten and baten of one budget in one year, by nature: the four sums a mutation is the difference of. */
export interface SplitYear {
  readonly structuralLasten: Decimal;
  readonly structuralBaten: Decimal;
  readonly incidentalLasten: Decimal;
  readonly incidentalBaten: Decimal;
}

const EMPTY_SPLIT: SplitYear = { structuralLasten: ZERO, structuralBaten: ZERO, incidentalLasten: ZERO, incidentalBaten: ZERO };

/** The split of one line in one budget, and the sides of its rows. */
export interface LineSplit {
  /** Per year of the wijziging. */
  readonly years: ReadonlyMap<number, SplitYear>;
  /** The rows with an amount in one of the years, with their declared side (undefined: inferred). */
  readonly sides: readonly RowSide[];
  /** The years in which a row of the line holds a pm post (its amount counts as 0 in the split). */
  readonly pm: ReadonlySet<number>;
}

/** The programme a line is booked in: its own tag `programme`, else the budget's, else empty. */
export function programmeOf(budget: Budget, line: Line): string {
  const own = Object.hasOwn(line.tags, PROGRAMME_TAG) ? line.tags[PROGRAMME_TAG] : undefined;
  if (own !== undefined && own !== '') return own;
  const whole = Object.hasOwn(budget.tags, PROGRAMME_TAG) ? budget.tags[PROGRAMME_TAG] : undefined;
  return whole ?? '';
}

/** The tags a row's side is read from: a component's own, on top of its line's (a component inherits the line's side). */
function rowTags(line: Line, component: Tags | undefined): Tags {
  return component === undefined ? line.tags : { ...line.tags, ...component };
}

/**
 * Splits every row of a line (its own row when it is an amount, and each component) into lasten and baten per
 * year, each on its nature: exact, so `baten - lasten` over the four sums is the line's total again.
 * @param line - the line in the budget
 * @param result - the line's evaluation
 * @param years - the years of the wijziging
 */
export function splitLine(line: Line, result: LineResult, years: readonly number[]): LineSplit {
  const rows: { id: string; tags: Tags; totals: TotalsByYear }[] = [];
  if (line.row === 'amount') rows.push({ id: line.id, tags: line.tags, totals: result.own });
  line.components.forEach((c, n) => {
    const totals = result.components[n]?.totals;
    if (totals !== undefined) rows.push({ id: c.id, tags: rowTags(line, c.tags), totals });
  });
  const out = new Map<number, SplitYear>();
  const sides: RowSide[] = [];
  const pm = new Set<number>();
  for (const row of rows) {
    let used = false;
    for (const year of years) {
      const total = row.totals[year];
      if (total !== undefined && total.pm.length > 0) pm.add(year);
      if (total === undefined || (total.structural.isZero() && total.incidental.isZero())) continue;
      used = true;
      const s = splitSides(row.tags, total.structural);
      const i = splitSides(row.tags, total.incidental);
      const acc = out.get(year) ?? EMPTY_SPLIT;
      out.set(year, {
        structuralLasten: acc.structuralLasten.plus(s.lasten),
        structuralBaten: acc.structuralBaten.plus(s.baten),
        incidentalLasten: acc.incidentalLasten.plus(i.lasten),
        incidentalBaten: acc.incidentalBaten.plus(i.baten),
      });
    }
    if (used) sides.push({ row: row.id, declared: declaredSide(row.tags) });
  }
  return { years: out, sides, pm };
}

function figures(lasten: Decimal, baten: Decimal): SideFigures {
  return { lasten: noNegativeZero(lasten), baten: noNegativeZero(baten), saldo: noNegativeZero(baten.minus(lasten)) };
}

/** The mutation `b - a` of one year from the two splits (either may be absent: a new or gone line). */
export function mutation(a: SplitYear | undefined, b: SplitYear | undefined): WijzigingYear {
  const x = a ?? EMPTY_SPLIT;
  const y = b ?? EMPTY_SPLIT;
  const structural = figures(y.structuralLasten.minus(x.structuralLasten), y.structuralBaten.minus(x.structuralBaten));
  const incidental = figures(y.incidentalLasten.minus(x.incidentalLasten), y.incidentalBaten.minus(x.incidentalBaten));
  return { ...figures(structural.lasten.plus(incidental.lasten), structural.baten.plus(incidental.baten)), structural, incidental };
}

/** Whether a year of a mutation holds any figure other than zero. */
export function yearChanged(y: WijzigingYear): boolean {
  return !(y.structural.lasten.isZero() && y.structural.baten.isZero() && y.incidental.lasten.isZero() && y.incidental.baten.isZero());
}

/** The sum of several mutations per year. */
export function sumYears(parts: readonly WijzigingYears[], years: readonly number[]): WijzigingYears {
  const out: Record<string, WijzigingYear> = {};
  for (const year of years) {
    let sl = ZERO;
    let sb = ZERO;
    let il = ZERO;
    let ib = ZERO;
    for (const p of parts) {
      const y = p[year];
      if (y === undefined) continue;
      sl = sl.plus(y.structural.lasten);
      sb = sb.plus(y.structural.baten);
      il = il.plus(y.incidental.lasten);
      ib = ib.plus(y.incidental.baten);
    }
    const structural = figures(sl, sb);
    const incidental = figures(il, ib);
    out[year] = { ...figures(sl.plus(il), sb.plus(ib)), structural, incidental };
  }
  return out;
}
