/**
 * Rebasing a scenario (scenario overzetten): a scenario written against one version of a budget carried to the
 * next, change by change, never silently to a different figure.
 * @module
 */
import { isDecimal } from '../core/decimal.js';
import { fail, formatPath } from '../core/errors.js';
import { freezeThrough } from '../core/freeze.js';
import { boolean, describeValue, isObjectLike, oneOf, readOptions, requireObject, type OptionCheck } from '../core/guard.js';
import { hasOwnKey } from '../core/records.js';
import { isPm, type Budget, type Cell } from '../model/budget.js';
import type { IdMap } from '../model/versions.js';
import type { BudgetVersion } from '../model/versions.js';
import { runScenario } from '../scenario/apply.js';
import type { TraceEntry } from '../scenario/engine.js';
import { SCENARIO_LIBRARY } from '../scenario/references.js';
import { DEFAULT_ROUNDING, type Step } from '../scenario/resolve.js';
import type { Scenario, ScenarioRounding } from '../scenario/types.js';
import { requireBudgetAt } from '../validate/result-checks.js';
import { ID_MAP, compareVersions } from './compare-versions.js';
import { carryChange, addedClaim, addedRows } from './rebase-changes.js';
import { ChangeMapper, RebaseWorld, cellIn } from './rebase-ids.js';
import { buildForms, type Found } from './rebase-forms.js';
import { rebaseItems } from './rebase-items.js';
import { REBASE_POLICIES, type RebaseCell, type RebaseOptions, type RebasePolicy, type RebaseStatus, type ScenarioRebase } from './rebase-types.js';

export { REBASE_POLICIES } from './rebase-types.js';
export type { RebaseCell, RebaseItem, RebaseOptions, RebasePolicy, RebaseReference, RebaseSide, RebaseStatus, RebasedChange, ScenarioRebase } from './rebase-types.js';

const FN = 'rebaseScenario';

/** A version or a budget given as `from` or `to`. */
interface Side {
  readonly budget: Budget;
  readonly label: string;
  readonly idMap: IdMap | undefined;
}

function sideOf(param: string, x: unknown): Side {
  if (isObjectLike(x) && !('sections' in x) && 'kind' in x && 'name' in x && 'budget' in x) {
    const v = x as unknown as BudgetVersion;
    if (typeof v.name !== 'string') fail('invalid_argument', [param, 'name'], `${FN}: a version has a name, not ${describeValue(v.name)}`);
    return { budget: requireBudgetAt(FN, [param, 'budget'], v.budget), label: v.name, idMap: v.idMap };
  }
  const budget = requireBudgetAt(FN, [param], x);
  return { budget, label: budget.title, idMap: undefined };
}

/** The decisions option: an object of change keys to policies. */
const DECISIONS: OptionCheck = (value, path, collector) => {
  if (!isObjectLike(value) || Array.isArray(value)) {
    collector.add('invalid_option', path, `options.decisions must be an object of change keys to decisions ({ "changes[0]": "drop" }), not ${describeValue(value)}`);
    return;
  }
  for (const [key, policy] of Object.entries(value)) oneOf(REBASE_POLICIES)(policy, [...path, key], collector);
};

/** Whether two cells are the same figure (pm with the same direction, or equal amounts, or both nil). */
function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (isPm(a) || isPm(b)) return isPm(a) && isPm(b) && a.direction === b.direction;
  return isDecimal(a) && isDecimal(b) && a.eq(b);
}

/** The cells a step wrote in `from`: per row and year the last value, in order of first write. */
function cellsOf(trace: readonly TraceEntry[]): Map<string, TraceEntry> {
  const out = new Map<string, TraceEntry>();
  for (const t of trace) {
    const key = `${t.row}\u0000${t.year}`;
    const first = out.get(key);
    out.set(key, first === undefined ? t : { ...first, after: t.after });
  }
  return out;
}

/**
 * Rebases a scenario (scenario overzetten) written against one version of a budget onto another: the Perspectiefnota's
 * scenario onto the Begroting, last year's onto this year's. Every change is classified:
 * `fresh` (its targets are there and the figures it works on are unchanged: it applies as before), `stale` (a
 * figure it works on changed, or some of its years are not in the new version: the report gives the figure in
 * both versions, what the change gave in `from`, and what `keep-relative` and `keep-absolute` give in `to`) or
 * `gone` (a line, component, section, claim, source, target or measure it names is not in the new version).
 *
 * @remarks
 * Lines are matched as `compareVersions` matches them: the id map (by default `to`'s own `idMap`), then the id,
 * then, with `matchTitles`, the title; a line the map sends to `null` has no counterpart, even when `to` has a line
 * with its id. A component matches by its id within the matched line (an unnamed component "4.5#1" becomes "4.4#1"
 * when 4.5 became 4.4). Sections, claims, sources, targets and measures match by id. The base figure of a change is
 * the cell in each version's own document; for changes of cover and savings targets, the claim, source, target or
 * measure it works on. A stale or gone change is applied only as decided (`decisions` per change key, or `stale`
 * and `gone` for all): `keep-relative`, `keep-absolute` or `drop`; a gone change can only be dropped. Until every
 * stale and gone change is decided the result has no scenario (with `partial: true` it has one without them).
 *
 * The rebased scenario is one plain scenario: the changes of the scenarios it extends come first (no `extends`),
 * amounts in `to`'s unit (a scenario in x EUR 1.000 onto a version in euros: "-1100" becomes "-1100000"), plain
 * decimals, years cut to `to`'s horizon and written out where they would name other years there. `keep-absolute`
 * writes the figures of `from` as `set-amount` changes on the cells whose base moved (for `set-amount`,
 * `estimate-pm`, `move-amount` and `index`; an index pins every year of such a row, a move both rows in such a year)
 * and keeps the change itself on its other cells; the other kinds have no figure of their own and apply as written.
 * Of several kept-absolute changes of one cell only the last one writes it. Rows and claims a change adds exist for
 * later changes only when that change is applied. The rebased scenario is applied to `to` before it is handed back,
 * so the call throws what `applyScenario(to, scenario)` would: a cell written as a figure by a kept-absolute change
 * and also by a change kept as it is (fresh, or `keep-relative`) conflicts (`change_conflict`); decide them alike.
 * @param scenario - the scenario, written against `from`
 * @param from - the version (or budget) it was written against; it must apply there
 * @param to - the version (or budget) it is rebased onto
 * @param options - id map, title matching, library, decisions, partial result
 * @throws MeerjarenError what applying the scenario to `from` throws; `invalid_option` for a decision on a key that is
 *   no change, or a decision other than `drop` on a gone change; what applying the rebased scenario to `to` throws
 * @example
 * ```ts
 * import { budget, pm, rebaseScenario, applyScenario } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-152, -152, -152], { nature: 'structural' })
 *   .build();
 * const pb2026 = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2029 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.7', 'Jeugdgezondheidszorg', [-160, -160, -160, -160], { nature: 'structural' })
 *   .build();
 * const scenario = { id: 's', title: 'Ramingen', changes: [
 *   { kind: 'estimate-pm', line: '1.4', value: '-1100' },
 *   { kind: 'set-amount', line: '1.7', years: { from: 2026 }, value: { percent: '50' } },
 * ] } as const;
 * const report = rebaseScenario(scenario, tb1, pb2026);
 * report.changes.map((c) => c.status);                 // ["gone", "stale"]
 * report.changes[1]!.cells[0]!.baseTo?.toString();     // "-160000": the new base, in euros
 * report.scenario;                                     // undefined: two changes undecided
 * const decided = rebaseScenario(scenario, tb1, pb2026, { gone: 'drop', stale: 'keep-relative' });
 * applyScenario(pb2026, decided.scenario!).budget.sections[0]!.lines[0]!.values[2026]?.toString(); // "-80000"
 * ```
 * @category Analysis
 */
export function rebaseScenario(scenario: Scenario, from: Budget | BudgetVersion, to: Budget | BudgetVersion, options: RebaseOptions = {}): ScenarioRebase {
  requireObject(FN, 'scenario', scenario, 'a scenario (an object { id, title, changes }, or one from loadScenario)');
  const sf = sideOf('from', from);
  const st = sideOf('to', to);
  options = readOptions(FN, options, { idMap: ID_MAP, matchTitles: boolean, library: SCENARIO_LIBRARY, decisions: DECISIONS, stale: oneOf(REBASE_POLICIES), gone: oneOf(['drop']), partial: boolean });
  const { engine, steps } = runScenario(sf.budget, scenario, options.library, {});
  const rounding = roundingOf(steps);
  const decisions = options.decisions ?? {};
  const keys = steps.map((s) => formatPath(s.path));
  for (const key of Object.keys(decisions)) if (!keys.includes(key)) fail('invalid_option', ['options', 'decisions', key], `${FN}: "${key}" is not a change of the scenario (its changes are ${keys.join(', ') || 'none'})`);
  const idMap = options.idMap ?? st.idMap;
  const comparison = compareVersions(sf.budget, st.budget, { ...(idMap === undefined ? {} : { idMap }), ...(options.matchTitles === undefined ? {} : { matchTitles: options.matchTitles }) });
  const lineMap = new Map<string, string>();
  for (const l of comparison.lines) if (l.status === 'both') lineMap.set(l.idA!, l.idB!);
  const world = new RebaseWorld(sf.budget, st.budget, lineMap);
  const byStep = new Map<number, TraceEntry[]>();
  for (const t of engine.trace) (byStep.get(t.step) ?? byStep.set(t.step, []).get(t.step)!).push(t);

  const found: Found[] = steps.map((step, i) => classify(step, keys[i]!, byStep.get(i) ?? [], world, decisions, options));
  const changes = buildForms(found, engine.trace, world);
  const undecided = found.filter((f) => f.status !== 'fresh' && f.decision === undefined).map((f) => f.key);
  const complete = undecided.length === 0;
  let rebased: Scenario | undefined;
  if (complete || options.partial === true) {
    rebased = {
      id: scenario.id,
      title: scenario.title,
      ...(scenario.description === undefined ? {} : { description: scenario.description }),
      unit: st.budget.presentation.unit,
      numberFormat: 'plain',
      ...(rounding === undefined ? {} : { rounding }),
      changes: changes.forms,
    };
    // what applying it to `to` throws, thrown here
    runScenario(st.budget, rebased, undefined, {});
  }
  const side = (s: Side) => ({ label: s.label, unit: s.budget.presentation.unit, years: s.budget.horizon.years });
  return freezeThrough({
    from: side(sf),
    to: side(st),
    changes: found.map((f, i) => ({ ...f.entry, cells: changes.cells[i]!, decision: f.decision, undecided: f.status !== 'fresh' && f.decision === undefined, applied: f.applied })),
    undecided,
    complete,
    scenario: rebased,
  });
}

/** The one rounding of every step (a scenario and those it extends must round alike to be flattened into one). */
function roundingOf(steps: readonly Step[]): ScenarioRounding | undefined {
  const first = steps[0]?.rounding;
  for (const s of steps) {
    if (s.rounding.places !== first!.places || s.rounding.mode !== first!.mode) {
      fail('invalid_argument', ['scenario', 'rounding'], `${FN}: the scenario and the scenarios it extends round differently (${first!.places} ${first!.mode}, ${s.rounding.places} ${s.rounding.mode} in ${s.scenario}); give them one rounding to rebase them as one scenario`);
    }
  }
  return first === undefined || (first.places === DEFAULT_ROUNDING.places && first.mode === DEFAULT_ROUNDING.mode) ? undefined : first;
}

/** Pass one: a step's references, cells, items, status and decision. */
function classify(step: Step, key: string, trace: readonly TraceEntry[], world: RebaseWorld, decisions: Readonly<Record<string, RebasePolicy>>, options: RebaseOptions): Found {
  const m = new ChangeMapper(world, step.factor, step.format);
  const written = [...new Set(trace.map((t) => t.year))].sort((a, b) => a - b);
  const carried = carryChange(step.change, m, written);
  const cells: RebaseCell[] = [];
  for (const t of cellsOf(trace).values()) {
    const rowTo = world.rowTo(t.row);
    const inVersion = world.yearsTo.has(t.year);
    const baseFrom = cellIn(world.rowsFrom, t.row, t.year);
    const baseTo = inVersion && rowTo !== undefined ? cellIn(world.rowsTo, rowTo, t.year) : undefined;
    cells.push({ row: t.row, rowTo, year: t.year, inVersion, baseFrom, baseTo, stale: !inVersion || !sameCell(baseFrom, baseTo), result: t.after });
  }
  const gone = m.gone.length > 0;
  const items = gone ? [] : rebaseItems(step.change, world);
  const lostYears = [...m.lostYears].sort((a, b) => a - b);
  const reasons = gone ? [...m.gone] : [];
  if (!gone) {
    const moved = cells.filter((c) => c.inVersion && c.stale);
    if (moved.length > 0) reasons.push(`the base figure changed in ${moved.length} cell${moved.length === 1 ? '' : 's'} (${moved.map((c) => `${c.row} ${c.year}`).join(', ')})`);
    if (lostYears.length > 0) reasons.push(`years not in the new version: ${lostYears.join(', ')}`);
    for (const item of items) reasons.push(`${item.what}: ${item.from} in the old version, ${item.to} in the new`);
  }
  const status: RebaseStatus = gone ? 'gone' : reasons.length > 0 ? 'stale' : 'fresh';
  let decision: RebasePolicy | undefined = hasOwnKey(decisions, key) ? decisions[key] : status === 'stale' ? options.stale : status === 'gone' ? options.gone : undefined;
  if (status === 'fresh') decision = undefined;
  if (status === 'gone' && decision !== undefined && decision !== 'drop') fail('invalid_option', ['options', 'decisions', key], `${FN}: ${key} (${step.change.kind}) is gone (${m.gone.join('; ')}): it can only be dropped`);
  const applied = status === 'fresh' || decision === 'keep-relative' || decision === 'keep-absolute';
  for (const id of addedRows(step.change)) world.created.set(id, applied);
  const claim = addedClaim(step.change);
  if (claim !== undefined) world.createdClaims.set(claim, applied);
  const note = step.change.note;
  return {
    step,
    key,
    carried,
    status,
    decision,
    applied,
    cells,
    entry: { key, scenario: step.scenario, index: step.index, kind: step.change.kind, ...(note === undefined ? {} : { note }), status, references: m.references, reasons, lostYears, items },
  };
}
