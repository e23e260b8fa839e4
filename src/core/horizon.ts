import { objectWith, requireArgument, requireNumber } from './guard.js';
/**
 * The years a table covers (planningshorizon): optionally the current year in front (TB1 effects),
 * the budget year (begrotingsjaar), the three MJB years after it, and optional doorkijk years.
 * @category Model
 */
export interface Horizon {
  /** First year of the table. */
  readonly from: number;
  /** Last year of the table. */
  readonly to: number;
  /** The budget year (begrotingsjaar); years before it are current-year columns, years after budgetYear + 3 are doorkijk. */
  readonly budgetYear: number;
  /** Every year from `from` to `to`, ascending. */
  readonly years: readonly number[];
  /** Column group labels, such as "TB1", "MJB 2026 - 2029", "Doorkijk MJB". */
  readonly groups: readonly ColumnGroup[];
}

/** A labelled run of years in a table header. @category Model */
export interface ColumnGroup {
  /** Label over the years. */
  readonly label: string;
  /** First year of the group. */
  readonly from: number;
  /** Last year of the group. */
  readonly to: number;
}

/** The role of a year in the horizon. @category Model */
export type YearRole = 'current' | 'budget' | 'mjb' | 'doorkijk';

/** Earliest year the library accepts. @category Model */
export const MIN_YEAR = 1900;
/** Latest year the library accepts. @category Model */
export const MAX_YEAR = 2200;
/** Most years one horizon may span. @category Model */
export const MAX_HORIZON_YEARS = 50;

/**
 * Role of a year: current year(s) before the budget year, the budget year, the three MJB years after it,
 * doorkijk beyond.
 * @param horizon - the horizon
 * @param year - a year inside it
 * @example
 * ```ts
 * import { budget, pm, yearRole } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * yearRole(tb1.horizon, 2025); // "current" (TB1: the current year)
 * yearRole(tb1.horizon, 2026); // "budget" (the begrotingsjaar)
 * ```
 * @category Model
 */
export function yearRole(horizon: Horizon, year: number): YearRole {
  requireArgument('yearRole', 'horizon', horizon, objectWith(['from', 'to', 'budgetYear'], 'a horizon (budget.horizon)'));
  requireNumber('yearRole', 'year', year, { min: MIN_YEAR, max: MAX_YEAR }, true);
  if (year < horizon.budgetYear) return 'current';
  if (year === horizon.budgetYear) return 'budget';
  if (year <= horizon.budgetYear + 3) return 'mjb';
  return 'doorkijk';
}

/**
 * The default column groups of a horizon: the current years unlabelled, "MJB 2026 - 2029", "Doorkijk MJB". The MJB
 * label names the years it spans in the horizon ("MJB 2026 - 2027" over a horizon that ends in 2027).
 * @param from - first year
 * @param to - last year
 * @param budgetYear - the budget year
 */
export function defaultGroups(from: number, to: number, budgetYear: number): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  const mjbEnd = Math.min(to, budgetYear + 3);
  if (from < budgetYear) groups.push({ label: '', from, to: Math.min(to, budgetYear - 1) });
  if (budgetYear <= to && mjbEnd >= Math.max(from, budgetYear)) {
    const first = Math.max(from, budgetYear);
    // the label names the years the group spans in this horizon, never years outside it
    groups.push({ label: first === mjbEnd ? `MJB ${first}` : `MJB ${first} - ${mjbEnd}`, from: first, to: mjbEnd });
  }
  if (to > budgetYear + 3) groups.push({ label: 'Doorkijk MJB', from: Math.max(from, budgetYear + 4), to });
  return groups;
}

/** The years from `from` to `to` inclusive. */
export function yearRange(from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}
