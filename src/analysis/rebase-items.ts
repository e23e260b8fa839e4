/**
 * What a change works on besides cells, in both versions, for `rebaseScenario`: a row's nature, the rows of a line
 * a change takes whole, the rows a tag selection finds, and the claims, sources, targets and measures of cover and
 * savings changes. Only what differs is reported.
 * @module
 */
import { isDecimal } from '../core/decimal.js';
import { hasOwnKey, ownValue } from '../core/records.js';
import type { Budget } from '../model/budget.js';
import type { Change } from '../scenario/types.js';
import { cellIn, type RebaseWorld } from './rebase-ids.js';
import type { RebaseItem } from './rebase-types.js';

/** A value as short stable text: keys sorted, amounts as decimals. */
function text(value: unknown): string {
  if (value === undefined) return 'geen';
  return JSON.stringify(value, (_key, v: unknown) => {
    if (isDecimal(v)) return v.toFixed();
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/** The rows of a line (own row first), or just the component. */
function rowsOfLine(world: RebaseWorld, side: 'from' | 'to', id: string): string[] {
  const site = (side === 'from' ? world.rowsFrom : world.rowsTo).get(id);
  if (site === undefined || site.component >= 0) return [id];
  return [...(site.line.row === 'amount' ? [id] : []), ...site.line.components.map((c) => c.id)];
}

/** The rows of `from`'s line mapped to `to`, against `to`'s line's rows, when the change takes the whole line. */
function wholeLine(world: RebaseWorld, id: string, out: RebaseItem[]): void {
  const mapped = world.rowTo(id);
  if (mapped === undefined || world.created.has(id)) return;
  const a = rowsOfLine(world, 'from', id).map((r) => world.rowTo(r) ?? `${r} (vervallen)`);
  const b = rowsOfLine(world, 'to', mapped);
  if (a.join('|') !== b.join('|')) out.push({ what: `rows of ${id}`, from: a.join(', '), to: b.join(', ') });
}

function natures(world: RebaseWorld, id: string, out: RebaseItem[]): void {
  const mapped = world.rowTo(id);
  if (mapped === undefined || world.created.has(id)) return;
  const nature = (rows: typeof world.rowsFrom, row: string): string => {
    const site = rows.get(row);
    if (site === undefined) return 'geen';
    return site.component < 0 ? site.line.nature : site.line.components[site.component]!.nature;
  };
  for (const row of rowsOfLine(world, 'from', id)) {
    const other = world.rowTo(row);
    if (other === undefined) continue;
    const a = nature(world.rowsFrom, row);
    const b = nature(world.rowsTo, other);
    if (a !== b) out.push({ what: `nature ${row}`, from: a, to: b });
  }
}

/** The rows a tag selection finds in a budget. */
function tagged(budget: Budget, tags: Readonly<Record<string, string>>): string[] {
  const has = (t: Readonly<Record<string, string>>): boolean => Object.entries(tags).every(([k, v]) => ownValue(t, k) === v);
  const out: string[] = [];
  for (const s of budget.sections) {
    for (const l of s.lines) {
      if (has(l.tags)) out.push(l.id);
      for (const c of l.components) if (has(l.tags) || has(c.tags)) out.push(c.id);
    }
  }
  return out;
}

/** A row's cells in the years both versions hold. */
function rowCells(world: RebaseWorld, row: string, out: RebaseItem[]): void {
  const mapped = world.rowTo(row);
  if (mapped === undefined || world.created.has(row)) return;
  const years = world.from.horizon.years.filter((y) => world.yearsTo.has(y));
  const a = text(years.map((y) => cellIn(world.rowsFrom, row, y)));
  const b = text(years.map((y) => cellIn(world.rowsTo, mapped, y)));
  if (a !== b) out.push({ what: `cells of ${row}`, from: a, to: b });
}

function compare(what: string, a: unknown, b: unknown, out: RebaseItem[]): void {
  const ta = text(a);
  const tb = text(b);
  if (ta !== tb) out.push({ what, from: ta, to: tb });
}

function claimOf(budget: Budget, id: string): unknown {
  return budget.cover?.claims.find((c) => c.id === id);
}

function sourceOf(budget: Budget, id: string): unknown {
  return ownValue(budget.cover?.sources, id);
}

function targetOf(budget: Budget, id: string): unknown {
  return ownValue(budget.targets, id);
}

/**
 * The things a change works on besides cells whose state differs between `from` and `to` (the change's references
 * are all there: a gone change is not compared).
 * @internal
 */
export function rebaseItems(change: Change, world: RebaseWorld): RebaseItem[] {
  const out: RebaseItem[] = [];
  const { from, to } = world;
  switch (change.kind) {
    case 'set-amount':
      if (typeof change.value === 'object' && change.value !== null && 'percent' in change.value) wholeLine(world, change.line, out);
      break;
    case 'drop-line':
      wholeLine(world, change.line, out);
      break;
    case 'set-nature':
      wholeLine(world, change.line, out);
      natures(world, change.line, out);
      break;
    case 'index': {
      for (const id of change.select.lines ?? []) wholeLine(world, id, out);
      const tags = change.select.tags;
      if (tags !== undefined) {
        const a = tagged(from, tags).map((r) => world.rowTo(r) ?? `${r} (vervallen)`);
        const b = tagged(to, tags);
        if (a.join('|') !== b.join('|')) out.push({ what: `rows tagged ${text(tags)}`, from: a.join(', '), to: b.join(', ') });
      }
      break;
    }
    case 'add-claim':
      rowCells(world, change.claim.target, out);
      compare(`source ${change.claim.source}`, sourceOf(from, change.claim.source), sourceOf(to, change.claim.source), out);
      break;
    case 'set-claim':
    case 'drop-claim': {
      if (!world.createdClaims.has(change.claim)) {
        const a = claimOf(from, change.claim) as { target?: string } | undefined;
        const mapped = a?.target === undefined ? a : { ...a, target: world.rowTo(a.target) ?? a.target };
        compare(`claim ${change.claim}`, mapped, claimOf(to, change.claim), out);
      }
      if (change.kind === 'set-claim' && change.source !== undefined) compare(`source ${change.source}`, sourceOf(from, change.source), sourceOf(to, change.source), out);
      break;
    }
    case 'set-capacity':
    case 'set-reserve-opening':
      compare(`source ${change.source}`, sourceOf(from, change.source), sourceOf(to, change.source), out);
      break;
    case 'set-target-path':
      compare(`path of ${change.target}`, (targetOf(from, change.target) as { path?: unknown } | undefined)?.path, (targetOf(to, change.target) as { path?: unknown } | undefined)?.path, out);
      break;
    case 'set-realisation': {
      const ta = targetOf(from, change.target) as { measures: Record<string, unknown> } | undefined;
      const tb = targetOf(to, change.target) as { measures: Record<string, unknown> } | undefined;
      if (change.measures === undefined) compare(`measures of ${change.target}`, Object.keys(ta?.measures ?? {}), Object.keys(tb?.measures ?? {}), out);
      for (const id of change.measures ?? Object.keys(ta?.measures ?? {})) {
        const b = tb !== undefined && hasOwnKey(tb.measures, id) ? tb.measures[id] : undefined;
        compare(`measure ${change.target}/${id}`, ownValue(ta?.measures, id), b, out);
      }
      break;
    }
    case 'estimate-pm':
    case 'add-line':
    case 'move-amount':
      break;
  }
  return out;
}
