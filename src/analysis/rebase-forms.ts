/**
 * The changes of a rebased scenario (pass two of `rebaseScenario`): each applied change in its decided form, and for
 * a stale change the figures each policy gives in the new version.
 * @module
 */
import type { Decimal } from '../core/decimal.js';
import { isPm, type Cell } from '../model/budget.js';
import { applySteps } from '../scenario/apply.js';
import type { TraceEntry } from '../scenario/engine.js';
import type { Step } from '../scenario/resolve.js';
import type { Change, ScenarioRounding } from '../scenario/types.js';
import { RebaseWorld, cellIn, rowSites } from './rebase-ids.js';
import type { RebaseCell, RebasePolicy, RebasedChange, RebaseStatus } from './rebase-types.js';

/** What pass one finds for each step. @internal */
export interface Found {
  readonly step: Step;
  readonly key: string;
  readonly carried: Change;
  readonly status: RebaseStatus;
  readonly decision: RebasePolicy | undefined;
  readonly applied: boolean;
  readonly cells: RebaseCell[];
  readonly entry: Omit<RebasedChange, 'cells' | 'decision' | 'applied' | 'undecided'>;
}

/** A value of `set-amount` that writes a cell as it is. */
function valueFor(cell: Cell | undefined, world: RebaseWorld): string | null {
  if (cell === undefined) return null;
  if (isPm(cell)) return cell.direction === 'nadeel' ? '-pm' : cell.direction === 'voordeel' ? '+pm' : 'pm';
  return (cell as Decimal).div(world.toFactor).toFixed();
}

/** The kinds whose `keep-absolute` form writes the figures of `from` (the others keep their form). */
const ABSOLUTE_KINDS = new Set(['set-amount', 'estimate-pm', 'move-amount', 'index']);

/** A step of the rebased scenario (in `to`'s unit, plain format) for a lenient run. */
function stepOf(change: Change, n: number, world: RebaseWorld, rounding: ScenarioRounding): Step {
  return { change, scenario: 'rebased', index: n, path: ['changes', n], factor: world.toFactor, format: 'plain', rounding };
}

/**
 * Pass two (@internal): the changes of the rebased scenario in order, and for every stale change the figures each policy gives
 * in `to` (with the changes before it as decided; undecided ones left out).
 */
export function buildForms(found: readonly Found[], trace: readonly TraceEntry[], world: RebaseWorld): { forms: Change[]; cells: RebaseCell[][] } {
  // the cells each kept-absolute change writes as figures, and the last such writer of each cell, in application
  // order: it alone writes the cell
  const pinned = found.map((f) => (f.decision === 'keep-absolute' ? pinnedCells(f, world) : new Set<string>()));
  // a cell one kept-absolute change pins is pinned for every kept-absolute change that writes it: their fresh parts
  // leave it to the figure
  const anyPinned = new Set(pinned.flatMap((p) => [...p]));
  found.forEach((f, i) => {
    if (f.decision === 'keep-absolute') for (const c of f.cells) if (anyPinned.has(cellKey(c.row, c.year))) pinned[i]!.add(cellKey(c.row, c.year));
  });
  const lastAbsolute = new Map<string, number>();
  for (const t of trace) if (pinned[t.step]!.has(cellKey(t.row, t.year))) lastAbsolute.set(cellKey(t.row, t.year), t.step);
  const forms: Change[] = [];
  const cells: RebaseCell[][] = [];
  found.forEach((f, i) => {
    const rounding = f.step.rounding;
    const relative = f.status === 'stale' ? relativeForm(f, forms, world, rounding) : [f.carried];
    const absolute = absoluteForm(f, i, world, pinned[i]!, lastAbsolute);
    if (f.status === 'stale') cells.push(withPolicies(f, forms, relative, world, rounding));
    else cells.push(f.cells);
    if (!f.applied) return;
    forms.push(...(f.decision === 'keep-absolute' ? absolute : relative));
  });
  return { forms, cells };
}

/** The keep-relative form: the change as carried; an estimate only where the post is still pm in `to`. */
function relativeForm(f: Found, before: readonly Change[], world: RebaseWorld, rounding: ScenarioRounding): Change[] {
  const c = f.carried;
  if (c.kind !== 'estimate-pm' || !Array.isArray(c.years)) return [c];
  const state = applySteps(world.to, before.map((x, n) => stepOf(x, n, world, rounding))).budget;
  const rows = rowSites(state);
  const years = (c.years as readonly number[]).filter((y) => isPm(cellIn(rows, c.line, y)));
  return years.length === 0 ? [] : [{ ...c, years }];
}

/** The key of a cell of `from`. */
const cellKey = (row: string, year: number): string => `${row}\u0000${year}`;

/**
 * The cells of `from` a kept-absolute change writes as figures: its stale cells, widened where the change cannot be
 * cut finer (an index: every year of a row with a stale cell, and the line's own row with a component that has one; a move: both rows in a year with a stale cell; a
 * percentage of a whole line: the line's own row). Its other cells keep the change itself (its fresh part).
 */
function pinnedCells(f: Found, world: RebaseWorld): Set<string> {
  const pinned = new Set<string>();
  const kind = f.step.change.kind;
  if (!ABSOLUTE_KINDS.has(kind)) return pinned;
  const stale = f.cells.filter((c) => c.stale);
  for (const c of stale) pinned.add(cellKey(c.row, c.year));
  if (kind === 'index') {
    // a row indexed in a year it is not pinned in would index the figure written in another: pin whole rows; and
    // the line's own row with any of its components (selecting a line selects its components)
    const rows = new Set(stale.map((c) => c.row));
    for (const row of [...rows]) {
      const site = world.rowsFrom.get(row);
      if (site !== undefined && site.component >= 0) rows.add(site.line.id);
    }
    for (const c of f.cells) if (rows.has(c.row)) pinned.add(cellKey(c.row, c.year));
  } else if (kind === 'move-amount') {
    const years = new Set(stale.map((c) => c.year));
    for (const c of f.cells) if (years.has(c.year)) pinned.add(cellKey(c.row, c.year));
  } else if (stale.length > 0) {
    // a percentage of a line with components scales every row of it: its own row cannot be cut out of it
    for (const c of f.cells) if (world.rowsFrom.get(c.row)?.component === -1 && (world.rowsFrom.get(c.row)?.line.components.length ?? 0) > 0) pinned.add(cellKey(c.row, c.year));
  }
  return pinned;
}

/** The fresh part of a kept-absolute change: the change itself on the cells it does not pin. */
function freshPart(f: Found, pinned: ReadonlySet<string>, world: RebaseWorld): Change[] {
  const c = f.carried;
  const open = f.cells.filter((x) => x.inVersion && x.rowTo !== undefined && !pinned.has(cellKey(x.row, x.year)));
  if (open.length === 0) return [];
  if (pinned.size === 0) return [c];
  const yearsOf = (cells: readonly RebaseCell[]): number[] => [...new Set(cells.map((x) => x.year))].sort((a, b) => a - b);
  if (c.kind === 'index') {
    const rows: string[] = [];
    for (const x of open) {
      const site = world.rowsFrom.get(x.row);
      // a line id selects the line with its components
      const id = site !== undefined && site.component >= 0 && open.some((o) => o.row === site.line.id) ? world.rowTo(site.line.id)! : x.rowTo!;
      if (!rows.includes(id)) rows.push(id);
    }
    const { links: _links, requireLinked: _required, ...rest } = c;
    return [{ ...rest, select: { lines: rows } }];
  }
  if (c.kind === 'set-amount' && typeof c.value === 'object' && c.value !== null && 'percent' in c.value) {
    const byRow = new Map<string, RebaseCell[]>();
    for (const x of open) (byRow.get(x.rowTo!) ?? byRow.set(x.rowTo!, []).get(x.rowTo!)!).push(x);
    return [...byRow].map(([row, cells]) => ({ ...c, line: row, years: yearsOf(cells) }));
  }
  if (c.kind === 'set-amount' || c.kind === 'estimate-pm' || c.kind === 'move-amount') return [{ ...c, years: yearsOf(open) }];
  return [c];
}

/**
 * The keep-absolute form: `set-amount` changes writing the figures of `from` on the pinned cells (of several
 * kept-absolute changes of a cell, only the last one writes it), and the change itself on the rest. Kinds without
 * figures of their own keep their form.
 */
function absoluteForm(f: Found, i: number, world: RebaseWorld, pinned: ReadonlySet<string>, lastAbsolute: ReadonlyMap<string, number>): Change[] {
  if (!ABSOLUTE_KINDS.has(f.step.change.kind)) return [f.carried];
  const groups = new Map<string, { row: string; value: string | null; years: number[] }>();
  for (const c of f.cells) {
    if (!c.inVersion || c.rowTo === undefined || !pinned.has(cellKey(c.row, c.year))) continue;
    if (lastAbsolute.get(cellKey(c.row, c.year)) !== i) continue;
    const value = valueFor(c.result, world);
    const key = `${c.rowTo}\u0000${String(value)}`;
    const g = groups.get(key) ?? groups.set(key, { row: c.rowTo, value, years: [] }).get(key)!;
    g.years.push(c.year);
  }
  const note = f.step.change.note;
  const sets = [...groups.values()].map((g) => ({ kind: 'set-amount' as const, line: g.row, years: g.years, value: g.value, ...(note === undefined ? {} : { note }) }));
  return [...freshPart(f, pinned, world), ...sets];
}

/** The cells of a stale change with what `keep-relative` and `keep-absolute` give in `to`. */
function withPolicies(f: Found, before: readonly Change[], relative: readonly Change[], world: RebaseWorld, rounding: ScenarioRounding): RebaseCell[] {
  if (f.cells.length === 0) return f.cells;
  const all = [...before, ...relative].map((x, n) => stepOf(x, n, world, rounding));
  const run = applySteps(world.to, all);
  const own = new Map<string, Cell | undefined>();
  for (const t of run.engine.trace) if (t.step >= before.length) own.set(`${t.row}\u0000${t.year}`, t.after);
  const rows = rowSites(run.budget);
  return f.cells.map((c) => {
    if (!c.inVersion || c.rowTo === undefined) return c;
    const key = `${c.rowTo}\u0000${c.year}`;
    const rel = own.has(key) ? own.get(key) : cellIn(rows, c.rowTo, c.year);
    return { ...c, relative: rel, absolute: c.result };
  });
}

