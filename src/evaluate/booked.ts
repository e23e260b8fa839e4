import { ZERO, type Decimal } from '../core/decimal.js';
import { isPm, type Budget, type YearValues } from '../model/budget.js';

/**
 * One planned reserve mutation that the line it is booked in (`bookedIn`) does not hold (geboekte mutatie klopt
 * niet met de regel). @internal
 */
export interface BookedMismatch {
  /** Id of the reserve source. */
  readonly source: string;
  /** Id of the line or component named by `bookedIn`. */
  readonly row: string;
  /** Year. */
  readonly year: number;
  /** Which planned mutation: additions sit in the row's lasten, withdrawals in its baten. */
  readonly side: 'additions' | 'withdrawals';
  /** The part of the mutation the row does not hold, in euros (positive). */
  readonly excess: Decimal;
  /** Whether the row is not in the budget at all (a scenario dropped it). */
  readonly missing: boolean;
}

/** The counted cells of every row: a line's own row when it is an amount row, plus its components; a component alone. */
function rowCells(budget: Budget): Map<string, readonly YearValues[]> {
  const out = new Map<string, readonly YearValues[]>();
  for (const section of budget.sections) {
    for (const line of section.lines) {
      out.set(line.id, [...(line.row === 'amount' ? [line.values] : []), ...line.components.map((c) => c.values)]);
      for (const c of line.components) out.set(c.id, [c.values]);
    }
  }
  return out;
}

/**
 * Checks the planned mutations of every reserve against the row it names in `bookedIn`: in each year, the row's
 * lasten (its negative cells) must hold the planned additions and its baten (its positive cells) the planned
 * withdrawals, of all reserves booked in it together (sources in their order; the later ones get what is left).
 * A year in which the row has a pm post is not checked (its amount is not known). The reserve mutations summary
 * moves these amounts out of lasten and baten; a mutation the row does not hold would print as negative baten or
 * positive lasten.
 * @param budget - the budget, with cover
 * @returns every mismatch, by source order, year and side
 * @internal
 */
export function bookedMismatches(budget: Budget): BookedMismatch[] {
  const sources = Object.values(budget.cover?.sources ?? {}).filter((s) => s.reserve?.bookedIn !== undefined);
  if (sources.length === 0) return [];
  const cells = rowCells(budget);
  const out: BookedMismatch[] = [];
  for (const year of budget.horizon.years) {
    const y = String(year);
    const used = new Map<string, { lasten: Decimal; baten: Decimal }>();
    for (const source of sources) {
      const reserve = source.reserve!;
      const row = reserve.bookedIn!;
      const additions = reserve.additions[y] ?? ZERO;
      const withdrawals = reserve.withdrawals[y] ?? ZERO;
      if (additions.isZero() && withdrawals.isZero()) continue;
      const values = cells.get(row);
      if (values === undefined) {
        if (!additions.isZero()) out.push({ source: source.id, row, year, side: 'additions', excess: additions, missing: true });
        if (!withdrawals.isZero()) out.push({ source: source.id, row, year, side: 'withdrawals', excess: withdrawals, missing: true });
        continue;
      }
      let lasten = ZERO;
      let baten = ZERO;
      let pm = false;
      for (const v of values) {
        const cell = v[y];
        if (cell === undefined) continue;
        if (isPm(cell)) pm = true;
        else if (cell.isNegative()) lasten = lasten.minus(cell);
        else baten = baten.plus(cell);
      }
      if (pm) continue;
      const before = used.get(row) ?? { lasten: ZERO, baten: ZERO };
      const after = { lasten: before.lasten.plus(additions), baten: before.baten.plus(withdrawals) };
      used.set(row, after);
      const over = (need: Decimal, had: Decimal, own: Decimal): Decimal => {
        const excess = need.minus(had);
        return excess.lte(ZERO) ? ZERO : excess.gt(own) ? own : excess;
      };
      const lastenExcess = over(after.lasten, lasten, additions);
      const batenExcess = over(after.baten, baten, withdrawals);
      if (!lastenExcess.isZero()) out.push({ source: source.id, row, year, side: 'additions', excess: lastenExcess, missing: false });
      if (!batenExcess.isZero()) out.push({ source: source.id, row, year, side: 'withdrawals', excess: batenExcess, missing: false });
    }
  }
  return out;
}
