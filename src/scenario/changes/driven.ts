/**
 * What the driver kinds (set-indicator, set-parameter) share: after a driver changes, every driven row whose
 * formula names it follows, cell by cell, through the engine's writes (so the change is traced and its conflicts
 * found); and the bookkeeping of which change last set which value of a driver.
 * @packageDocumentation
 */
import { current, isDraft } from 'immer';
import type { Decimal } from '../../core/decimal.js';
import type { Drivers } from '../../model/drivers.js';
import { drivenRowValues } from '../../model/driver-values.js';
import { namesOf, parseExpression } from '../../model/driver-expression.js';
import { isPm } from '../../model/budget.js';
import type { ChangeStep } from './common.js';
import type { LineContext } from './context.js';

/** The last step that set each value of a driver in one application, and to what (text of the value). */
const setters = new WeakMap<LineContext, Map<string, { step: number; value: string }>>();

/**
 * Records that step `i` set a value of a driver; a different value set by an earlier step is a conflict (the
 * result would depend on their order).
 * @param key - the driver and the part (`indicator jeugdigen`, `parameter tarief`)
 * @param year - the year (a parameter: every year of the horizon)
 * @internal
 */
export function recordDriverWrite(ctx: LineContext, key: string, year: number, value: string, i: number): void {
  let map = setters.get(ctx);
  if (map === undefined) setters.set(ctx, (map = new Map()));
  const k = `${key}\u0000${year}`;
  const earlier = map.get(k);
  if (earlier !== undefined && earlier.step !== i && earlier.value !== value) ctx.conflict(earlier.step, i, key, year);
  map.set(k, { step: i, value });
}

/**
 * Every driven row whose formula names `name` takes its formula's values again (only cells that change are
 * written). A problem of a formula after the change (a division by zero, an amount beyond the limits) is reported
 * at the change's `value` (or `periods`).
 * @internal
 */
export function followDrivers(ctx: LineContext, step: ChangeStep, i: number, name: string, field: string): void {
  const raw = ctx.draft.drivers;
  if (raw === undefined) return;
  const drivers = (isDraft(raw) ? current(raw) : raw) as Drivers;
  const formulas = drivers.formulas.filter((f) => {
    const parsed = parseExpression(f.expression, false);
    return parsed.ok && namesOf(parsed.expression).includes(name);
  });
  if (formulas.length === 0) return;
  const years = ctx.draft.horizon.years;
  const { rows, problems } = drivenRowValues({ ...drivers, formulas }, years, []);
  for (const p of problems) ctx.issue(p.code, [...step.path, field], `after this change ${p.message}`);
  for (const formula of formulas) {
    const ref = ctx.find(formula.row);
    const cells = rows.get(formula.row);
    if (ref === undefined || cells === undefined) continue;
    for (const year of years) {
      const after: Decimal | undefined = cells.get(year)?.amount;
      const before = ctx.cell(ref, year);
      const same = after === undefined ? before === undefined : before !== undefined && !isPm(before) && before.eq(after);
      if (!same) ctx.writeDriven(ref, year, after, i);
    }
  }
}
