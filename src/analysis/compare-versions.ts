/**
 * Comparing two versions of a budget (standen vergelijken) over the union of their horizons: a year outside a
 * version's horizon is "not in this version", never 0.
 * @module
 */
import { ZERO, noNegativeZero } from '../core/decimal.js';
import { IssueCollector, fail, issue, type Issue, type Path } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { describeValue, isObjectLike, readOptions, boolean, type OptionCheck } from '../core/guard.js';
import { hasOwnKey, ownValue } from '../core/records.js';
import type { Budget } from '../model/budget.js';
import type { TotalsByYear } from '../model/evaluation.js';
import type { IdMap } from '../model/versions.js';
import { evaluate, type Evaluation } from '../evaluate/evaluate.js';
import { requireBudgetAt } from '../validate/result-checks.js';
import { comparableOf } from './compare.js';
import type { Comparable } from './compare-types.js';
import type { BudgetVersion } from '../model/versions.js';
import type { CompareVersionsOptions, VersionComparison, VersionDelta, VersionFigure, VersionMatch, VersionRow, VersionYear } from './compare-versions-types.js';

export type { CompareVersionsOptions, VersionComparison, VersionDelta, VersionFigure, VersionMatch, VersionRow, VersionSide, VersionYear } from './compare-versions-types.js';

/** A budget with the label it is compared under. */
interface Side {
  readonly budget: Budget;
  readonly label: string;
  readonly evaluation: Evaluation;
  readonly years: ReadonlySet<number>;
}

/** Whether a value looks like a {@link BudgetVersion} (and not a scenario result). */
function isVersion(x: unknown): x is BudgetVersion {
  return isObjectLike(x) && !('patches' in x) && 'kind' in x && 'name' in x && 'budget' in x;
}

function sideOf(fn: string, path: Path, x: unknown): Side {
  let budget: Budget;
  let label: string;
  if (isVersion(x)) {
    if (typeof x.name !== 'string') fail('invalid_argument', [...path, 'name'], `${fn}: a version has a name, not ${describeValue(x.name)}`);
    budget = requireBudgetAt(fn, [...path, 'budget'], x.budget);
    label = x.name;
  } else ({ budget, label } = comparableOf(fn, path, x));
  return { budget, label, evaluation: evaluate(budget), years: new Set(budget.horizon.years) };
}

/** The pairs of matched line ids, and the warnings of title matches. */
interface Matching {
  /** Id in `b` of each matched line of `a`, and how. */
  readonly toB: ReadonlyMap<string, { readonly id: string; readonly by: VersionMatch }>;
  readonly warnings: readonly Issue[];
}

function lineIds(e: Evaluation): string[] {
  return e.sections.flatMap((s) => s.lines.map((l) => l.id));
}

/** The shape of an id map option: an object of line ids of `a` to line ids of `b` or null. @internal */
export const ID_MAP: OptionCheck = (value, path, collector) => {
  if (!isObjectLike(value) || Array.isArray(value)) {
    collector.add('invalid_option', path, `options.idMap must be an object of line ids ({ "4.2": "4.1" }), not ${describeValue(value)}`);
    return;
  }
  for (const [key, id] of Object.entries(value)) {
    if (id !== null && typeof id !== 'string') collector.add('invalid_option', [...path, key], `an id map gives an id of b or null, not ${describeValue(id)}`);
  }
};

/** Checks the id map against both versions: every key a line of `a`, every value a line of `b` or null, none twice. @internal */
export function checkIdMap(fn: string, map: IdMap | undefined, a: Evaluation, b: Evaluation): IdMap {
  if (map === undefined) return {};
  const issues = new IssueCollector();
  const targets = new Map<string, string>();
  for (const [key, value] of Object.entries(map)) {
    const path = ['options', 'idMap', key];
    if (!hasOwnKey(a.lines, key)) issues.add('unknown_reference', path, `${fn}: the id map names line "${key}", which is not a line of a`);
    if (value === null) continue;
    if (!hasOwnKey(b.lines, value)) issues.add('unknown_reference', path, `${fn}: the id map maps "${key}" to "${value}", which is not a line of b`);
    else if (targets.has(value)) issues.add('duplicate_id', path, `${fn}: "${key}" and "${targets.get(value)!}" both map to "${value}"`);
    else targets.set(value, key);
  }
  issues.throwIfAny();
  return map;
}

function normalTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Matches the lines of `a` with those of `b`: the map first, then the same id, then (when asked) the same title. @internal */
export function matchLines(a: Evaluation, b: Evaluation, map: IdMap, matchTitles: boolean): Matching {
  const toB = new Map<string, { id: string; by: VersionMatch }>();
  const takenB = new Set<string>();
  for (const [key, value] of Object.entries(map)) {
    if (value === null) continue;
    toB.set(key, { id: value, by: 'map' });
    takenB.add(value);
  }
  const open: string[] = [];
  for (const id of lineIds(a)) {
    if (hasOwnKey(map, id)) continue; // mapped, or declared to have no counterpart
    if (hasOwnKey(b.lines, id) && !takenB.has(id)) {
      toB.set(id, { id, by: 'id' });
      takenB.add(id);
    } else open.push(id);
  }
  const warnings: Issue[] = [];
  if (matchTitles) {
    const byTitle = new Map<string, string[]>();
    for (const id of lineIds(b)) {
      if (takenB.has(id)) continue;
      const key = normalTitle(ownValue(b.lines, id)!.title);
      byTitle.set(key, [...(byTitle.get(key) ?? []), id]);
    }
    const openTitles = open.map((id) => normalTitle(ownValue(a.lines, id)!.title));
    open.forEach((id, i) => {
      const candidates = byTitle.get(openTitles[i]!) ?? [];
      if (candidates.length !== 1 || openTitles.filter((t) => t === openTitles[i]).length !== 1) return;
      const target = candidates[0]!;
      toB.set(id, { id: target, by: 'title' });
      warnings.push(issue('matched_by_title', ['lines', id], `line "${id}" of a is matched with line "${target}" of b by its title "${ownValue(a.lines, id)!.title}"; declare it in the id map if that is right`));
    });
  }
  return { toB, warnings };
}

function figure(side: Side, totals: TotalsByYear | undefined, year: number): VersionFigure {
  if (!side.years.has(year)) return { state: 'not-in-version' };
  const total = totals?.[year];
  return total === undefined ? { state: 'no-row' } : { state: 'figure', total };
}

/** The change from one version's figure to the next: none when a year is outside either horizon; a missing row counts as nothing (it is not a year outside the version). @internal */
export function versionDelta(a: VersionFigure, b: VersionFigure): VersionDelta | undefined {
  if (a.state === 'not-in-version' || b.state === 'not-in-version') return undefined;
  const ta = a.state === 'figure' ? a.total : undefined;
  const tb = b.state === 'figure' ? b.total : undefined;
  return {
    amount: noNegativeZero((tb?.amount ?? ZERO).minus(ta?.amount ?? ZERO)),
    structural: noNegativeZero((tb?.structural ?? ZERO).minus(ta?.structural ?? ZERO)),
    incidental: noNegativeZero((tb?.incidental ?? ZERO).minus(ta?.incidental ?? ZERO)),
    pm: (tb?.pm.length ?? 0) - (ta?.pm.length ?? 0),
  };
}

/** One row over the union of years. */
function row(years: readonly number[], sa: Side, sb: Side, ids: { a?: string; b?: string }, title: string, ta: TotalsByYear | undefined, tb: TotalsByYear | undefined, matchedBy: VersionMatch | undefined): VersionRow {
  const out: Record<string, VersionYear> = {};
  const status = ids.a === undefined ? 'new' : ids.b === undefined ? 'gone' : 'both';
  let changed = status !== 'both';
  for (const year of years) {
    const a = figure(sa, ta, year);
    const b = figure(sb, tb, year);
    const difference = versionDelta(a, b);
    if (difference !== undefined && (!difference.amount.isZero() || !difference.structural.isZero() || difference.pm !== 0)) changed = true;
    out[year] = { a, b, difference };
  }
  return { id: ids.b ?? ids.a ?? '', idA: ids.a, idB: ids.b, title, status, matchedBy: status === 'both' ? matchedBy : undefined, years: out, changed };
}

/**
 * Compares two versions of a budget (standen vergelijken): two budgets, scenario results or {@link BudgetVersion}s,
 * per line, section and total and per year of the UNION of their horizons, in exact euros (whatever unit each
 * document was written in): the saldo, structural and incidental saldo and the number of pm posts.
 *
 * @remarks
 * A year outside a version's horizon is "not in this version" (`state: 'not-in-version'`): it is never counted as
 * 0 and no difference is computed for it. Lines are matched through `options.idMap` first (where the numbering
 * changed), then by id, then, only with `matchTitles`, by title (a warning per match). A line in only one version
 * is `new` or `gone`; in a year both versions hold it counts 0 in the version without it, so the differences of
 * the lines add up to the difference of the total. Sections are matched by id. Unlike `compareScenarios`, which
 * compares over `b`'s years and counts a missing year as 0, this is the comparison for versions whose horizons
 * differ.
 * @param a - the reference (usually the older version)
 * @param b - the newer version
 * @param options - the id map, title matching
 * @example
 * ```ts
 * import { budget, compareVersions } from 'meerjaren';
 *
 * const pb2024 = budget({ title: 'Begroting 2024', unit: 'euro', horizon: { from: 2024, to: 2027 } })
 *   .section('doelen', 'Doelstellingen')
 *   .line('2.2', 'Meedoen en zelfstandig wonen', [-44994266, -51359567, -51712490, -51430071], { nature: 'structural' })
 *   .build();
 * const pb2026 = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2029 } })
 *   .section('doelen', 'Doelstellingen')
 *   .line('2.2', 'Meedoen en zelfstandig wonen', [-54806, -55196, -54844, -54744], { nature: 'structural' })
 *   .build();
 * const c = compareVersions(pb2024, pb2026);
 * c.years;                                              // [2024, ..., 2029]
 * c.lines[0]!.years['2026']!.difference!.amount.toFixed(); // "-3093510": euros, b - a
 * c.lines[0]!.years['2028']!.a.state;                   // "not-in-version"
 * c.lines[0]!.years['2028']!.difference;                // undefined: never 0
 * ```
 * @category Analysis
 */
export function compareVersions(a: Comparable | BudgetVersion, b: Comparable | BudgetVersion, options: CompareVersionsOptions = {}): VersionComparison {
  const fn = 'compareVersions';
  const sa = sideOf(fn, ['a'], a);
  const sb = sideOf(fn, ['b'], b);
  options = readOptions(fn, options, { idMap: ID_MAP, matchTitles: boolean });
  const ea = sa.evaluation;
  const eb = sb.evaluation;
  const map = checkIdMap(fn, options.idMap, ea, eb);
  const { toB, warnings } = matchLines(ea, eb, map, options.matchTitles ?? false);
  const years = [...new Set([...sa.years, ...sb.years])].sort((x, y) => x - y);
  const fromB = new Map<string, { id: string; by: VersionMatch }>();
  for (const [idA, m] of toB) fromB.set(m.id, { id: idA, by: m.by });
  const lines: VersionRow[] = [];
  for (const id of lineIds(eb)) {
    const lb = ownValue(eb.lines, id)!;
    const m = fromB.get(id);
    lines.push(row(years, sa, sb, m === undefined ? { b: id } : { a: m.id, b: id }, lb.title, m === undefined ? undefined : ownValue(ea.lines, m.id)!.totals, lb.totals, m?.by));
  }
  for (const id of lineIds(ea)) {
    if (toB.has(id)) continue;
    const la = ownValue(ea.lines, id)!;
    lines.push(row(years, sa, sb, { a: id }, la.title, la.totals, undefined, undefined));
  }
  const sections: VersionRow[] = [];
  for (const s of eb.sections) {
    const other = ea.sections.find((x) => x.id === s.id);
    sections.push(row(years, sa, sb, other === undefined ? { b: s.id } : { a: s.id, b: s.id }, s.title, other?.totals, s.totals, other === undefined ? undefined : 'id'));
  }
  for (const s of ea.sections) if (!eb.sections.some((x) => x.id === s.id)) sections.push(row(years, sa, sb, { a: s.id }, s.title, s.totals, undefined, undefined));
  const total = row(years, sa, sb, { a: '', b: '' }, sb.budget.presentation.totalLabel, ea.total, eb.total, undefined);
  return deepFreeze({
    a: { label: sa.label, years: sa.budget.horizon.years, unit: sa.budget.presentation.unit },
    b: { label: sb.label, years: sb.budget.horizon.years, unit: sb.budget.presentation.unit },
    years,
    total: { ...total, matchedBy: undefined },
    sections: sections.map((s) => ({ ...s, matchedBy: undefined })),
    lines,
    warnings,
  });
}
