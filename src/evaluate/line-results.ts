/**
 * The line results of an evaluation (regels): built from the engine when they are first read, all at once, every
 * object frozen as it is built.
 * @packageDocumentation
 */
import { Dec, ZERO, type Decimal } from '../core/decimal.js';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { tally } from '../core/work.js';
import type { Budget, Nature, YearValues } from '../model/budget.js';
import type { ComponentResult, Evaluation, LineResult, Total, TotalsByYear } from '../model/evaluation.js';
import { PM_FLAG } from '../engine/compile.js';
import type { Engine, Scope } from '../engine/engine.js';

/** The engine behind every evaluation made by `evaluate`, for the reads that need no Decimal (`lineTotalUnits`). */
export const enginesOf = new WeakMap<Evaluation, Engine>();

const NO_PM: readonly string[] = Object.freeze([]);
const NO_COMPONENTS: readonly ComponentResult[] = Object.freeze([]);
/** A blank cell. */
const EMPTY_TOTAL: Total = deepFreeze({ amount: ZERO, structural: ZERO, incidental: ZERO, pm: NO_PM, empty: true });
/** A cell of amount zero. */
const ZERO_TOTAL: Total = deepFreeze({ amount: ZERO, structural: ZERO, incidental: ZERO, pm: NO_PM, empty: false });

/**
 * The totals of one scope per year, read from the engine (a frozen record of frozen totals).
 * @param engine - the evaluated engine
 * @param keys - the years as keys
 * @param scope - line, section or table
 * @param index - its index
 */
export function totalsOf(engine: Engine, keys: readonly string[], scope: Scope, index: number): TotalsByYear {
  const out: Record<string, Total> = Object.create(null) as Record<string, Total>;
  tally('evaluateCell', keys.length);
  for (let y = 0; y < keys.length; y++) out[keys[y]!] = engine.total(scope, index, y);
  return Object.freeze(out);
}

/**
 * Every line result of a budget, per section in document order (frozen), from its evaluated engine.
 * @param budget - the budget the engine was compiled from
 * @param engine - its engine
 */
export function lineResults(budget: Budget, engine: Engine): LineResult[][] {
  const c = engine.compiled;
  const keys = budget.horizon.years.map(String);
  const Y = keys.length;
  const flags = c.flags;
  const units = c.units;
  const wideUnits = c.wideUnits;
  // The rows' totals are their cells: read from the compiled flags and units (in document order, like the
  // rows of the compiled budget), with the budget's own amount objects.
  let row = 0;
  let rowPlain = true;
  const rowOf = (values: YearValues, nature: Nature, lineId: string): TotalsByYear => {
    const out: Record<string, Total> = Object.create(null) as Record<string, Total>;
    const base = row++ * Y;
    tally('evaluateCell', Y);
    const structural = nature === 'structural';
    let pmTotal: Total | undefined;
    rowPlain = true;
    for (let y = 0; y < Y; y++) {
      const key = keys[y]!;
      const flag = flags[base + y]!;
      if (flag === 0) out[key] = EMPTY_TOTAL;
      else if ((flag & PM_FLAG) !== 0) out[key] = pmTotal ??= Object.freeze({ amount: ZERO, structural: ZERO, incidental: ZERO, pm: Object.freeze([lineId]), empty: false });
      else if (wideUnits === undefined ? units[base + y] === 0 : wideUnits[base + y] === 0n) out[key] = ZERO_TOTAL;
      else {
        const cell = values[key] as Decimal;
        if ((cell as { constructor: unknown }).constructor !== Dec) rowPlain = false;
        // a budget from loadBudget is frozen already; one made otherwise has its amounts frozen here
        const amount = Object.isFrozen(cell) ? cell : deepFreeze(cell);
        out[key] = Object.freeze(
          structural
            ? { amount, structural: amount, incidental: ZERO, pm: NO_PM, empty: false }
            : { amount, structural: ZERO, incidental: amount, pm: NO_PM, empty: false },
        );
      }
    }
    return Object.freeze(out);
  };
  let l = 0;
  const results = budget.sections.map((section) =>
    section.lines.map((line) => {
      const own = rowOf(line.values, line.nature, line.id);
      // A line of one row totals to that row: the same (frozen) totals, when its amounts are the library's own
      // decimals (as the engine would give them); otherwise the engine's sums.
      const single = line.components.length === 0 && rowPlain;
      const result: LineResult = Object.freeze({
        id: line.id,
        title: line.title,
        sectionId: section.id,
        own,
        components:
          line.components.length === 0
            ? NO_COMPONENTS
            : Object.freeze(line.components.map((comp) => Object.freeze({ id: comp.id, title: comp.title, nature: comp.nature, totals: rowOf(comp.values, comp.nature, line.id) }))),
        totals: single ? own : totalsOf(engine, keys, 'line', l),
      });
      l++;
      return result;
    }),
  );
  if (l !== c.lineIds.length || row !== c.rowCount) fail('invalid_input', ['budget'], 'evaluate: the compiled budget does not match the budget');
  return results;
}
