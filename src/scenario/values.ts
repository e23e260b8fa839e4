import { readAmount, type NumberFormat } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import type { IssueCollector, Path } from '../core/errors.js';
import type { Horizon } from '../core/horizon.js';
import type { YearSelection } from './changes/common.js';

const ONE = new Dec(1);

/**
 * Reads a scenario amount exactly and scales it to euros; records a coded issue and returns `undefined` when it is bad.
 * @param raw - the amount as written
 * @param factor - euros per unit of the scenario
 * @param format - declared number format
 * @param path - where it is written
 * @param collector - where problems go
 */
export function readScenarioAmount(raw: unknown, factor: Decimal, format: NumberFormat | undefined, path: Path, collector: IssueCollector): Decimal | undefined {
  const reading = readAmount(raw, factor, format);
  if (!reading.ok) {
    collector.add(reading.code, path, reading.message);
    return undefined;
  }
  return reading.value;
}

/**
 * Reads a percentage (`"2.5"` is 2,5 %) as the factor it multiplies by (`1.025` for an index, `0.5` for `"50"`
 * of a value): returns the percentage itself; callers divide by 100.
 * @param raw - the percentage as written
 * @param format - declared number format
 * @param path - where it is written
 * @param collector - where problems go
 */
export function readPercentage(raw: unknown, format: NumberFormat | undefined, path: Path, collector: IssueCollector): Decimal | undefined {
  return readScenarioAmount(raw, ONE, format, path, collector);
}

/**
 * The years a {@link YearSelection} names, checked against the horizon (ascending, without duplicates).
 * @param selection - the selection
 * @param horizon - the budget's years
 * @param path - path of the selection
 * @param collector - where problems go
 */
export function resolveYears(selection: YearSelection, horizon: Horizon, path: Path, collector: IssueCollector): number[] {
  const inside = (year: number): boolean => year >= horizon.from && year <= horizon.to;
  if (Array.isArray(selection)) {
    const list = selection as readonly number[];
    const out = new Set<number>();
    list.forEach((year, i) => {
      if (!inside(year)) collector.add('year_outside_horizon', [...path, i], `${year} is outside the horizon ${horizon.from}-${horizon.to}`);
      else out.add(year);
    });
    return [...out].sort((a, b) => a - b);
  }
  const run = selection as { readonly from: number; readonly to?: number };
  const to = run.to ?? horizon.to;
  let ok = true;
  if (!inside(run.from)) {
    collector.add('year_outside_horizon', [...path, 'from'], `${run.from} is outside the horizon ${horizon.from}-${horizon.to}`);
    ok = false;
  }
  if (run.to !== undefined && !inside(run.to)) {
    collector.add('year_outside_horizon', [...path, 'to'], `${run.to} is outside the horizon ${horizon.from}-${horizon.to}`);
    ok = false;
  }
  if (!ok) return [];
  const years: number[] = [];
  for (let y = run.from; y <= to; y++) years.push(y);
  return years;
}
