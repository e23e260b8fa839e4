/**
 * The compiled form of a budget derived from the compiled form of the budget it was changed from: the same rows,
 * lines and sections, only the written cells read again. What a scenario that changes amounts costs then follows
 * the cells it wrote, not the size of the budget.
 * @packageDocumentation
 */
import { isPm, type Budget, type Cell } from '../model/budget.js';
import { FILLED, PM_FLAG } from './cells.js';
import { sealCompiled, type CompiledBudget } from './compile.js';
import { MAX_SAFE_UNITS, toUnits } from './units.js';

/** A cell that a change wrote: its row (a line id or a component id) and year. */
export interface WrittenCell {
  /** Line id (its own row) or component id. */
  readonly row: string;
  /** The year. */
  readonly year: number;
}

/** The decimals of a unit when no amount needs more: the default `minDecimals` of a compiled budget. */
const DEFAULT_DECIMALS = 2;

/**
 * The compiled form of `budget` (default options), derived from `base`, the compiled form of the budget it was
 * produced from by writing only `written` cells: its lines, components, natures and horizon must be the
 * baseline's (no line added or dropped, no nature set). The result is the one {@link compileBudget} would build,
 * field by field; `undefined` where deriving cannot promise that (wide arithmetic, a unit other than cents, an
 * amount that needs more decimals, a sum that could pass 2^53 units): the caller compiles in full.
 * @param base - the baseline's compiled form, with default options
 * @param budget - the changed budget
 * @param written - every cell written (repeats are fine)
 * @internal
 */
export function deriveCompiled(base: CompiledBudget, budget: Budget, written: Iterable<WrittenCell>): CompiledBudget | undefined {
  // more decimals than the default could fall back to fewer when a change writes over the last amount needing them
  if (base.wide || base.decimals !== DEFAULT_DECIMALS || base.rounding !== 'half-up') return undefined;
  const { yearCount, decimals } = base;
  const units = base.units.slice();
  const flags = base.flags.slice();
  let absoluteSum = base.absoluteSum;
  const done = new Set<number>();
  for (const { row, year } of written) {
    const r = base.rowOf(row);
    const y = base.yearIndexOf(year);
    if (r < 0 || y < 0) return undefined;
    const i = r * yearCount + y;
    if (done.has(i)) continue;
    done.add(i);
    const cell = cellAt(base, budget, r, year);
    if (cell === null) return undefined;
    absoluteSum -= BigInt(Math.abs(units[i]!));
    if (cell === undefined || isPm(cell)) {
      units[i] = 0;
      flags[i] = cell === undefined ? 0 : FILLED | PM_FLAG;
      continue;
    }
    if (cell.decimalPlaces() > decimals) return undefined;
    const u = toUnits(cell, decimals);
    if (typeof u !== 'number') return undefined;
    units[i] = u || 0; // never -0
    flags[i] = FILLED;
    absoluteSum += BigInt(Math.abs(u));
  }
  if (absoluteSum > BigInt(MAX_SAFE_UNITS)) return undefined;
  return sealCompiled({ ...base, budget, units, flags, absoluteSum });
}

/** The cell of row `r` in `year` of the changed budget; `null` when the row is not where the baseline has it. */
function cellAt(base: CompiledBudget, budget: Budget, r: number, year: number): Cell | undefined | null {
  const l = base.rowLine[r]!;
  const s = base.lineSection[l]!;
  const line = budget.sections[s]?.lines[l - base.sectionFirstLine[s]!];
  if (line === undefined || line.id !== base.lineIds[l]) return null;
  const k = r - base.lineFirstRow[l]!;
  const row = k === 0 ? line : line.components[k - 1];
  if (row === undefined || row.id !== base.rowIds[r]) return null;
  return row.values[String(year)];
}
