/**
 * A series of versions of one budget (standen in de P&C-cyclus), ordered, each compared with the one before.
 * @module
 */
import { IssueCollector, MeerjarenError, fail, issue } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { boolean, readOptions } from '../core/guard.js';
import type { BudgetVersion, VersionInput } from '../model/versions.js';
import { requireVersions } from '../validate/versions.js';
import { applyVersionMutations, checkVersionMutations } from '../evaluate/version-mutations.js';
import { compareVersions } from './compare-versions.js';
import type { VersionComparison } from './compare-versions-types.js';
import { replayOf, type MutationFinding, type MutationReplay } from './replay-mutations.js';

export type { MutationFinding, MutationReplay } from './replay-mutations.js';

/** Options of {@link versionSeries}. @category Analysis */
export interface VersionSeriesOptions {
  /** Match lines by title where ids and the id maps leave them unmatched (a warning per match). @defaultValue false */
  readonly matchTitles?: boolean;
}

/** One step of a series: a version compared with the one before it (mutatie tussen standen). @category Analysis */
export interface VersionStep {
  /** Name of the version before. */
  readonly from: string;
  /** Name of this version. */
  readonly to: string;
  /** The comparison, over the union of the two horizons, matched through `to`'s id map. */
  readonly comparison: VersionComparison;
  /** When `to` has mutations: them applied to `from`'s budget, and where that differs from `to`'s budget. */
  readonly replay: MutationReplay | undefined;
}

/** A series of versions (standenreeks). A frozen value. @category Analysis */
export interface VersionSeries {
  /** The versions in order: by date when they have dates (ties keep the list's order), else as listed. */
  readonly versions: readonly BudgetVersion[];
  /** Every year of any version's horizon, ascending. */
  readonly years: readonly number[];
  /** Each version but the first compared with the one before it. */
  readonly steps: readonly VersionStep[];
  /** Every finding of every step's replay, in order: empty when each version's mutations give it exactly. */
  readonly findings: readonly MutationFinding[];
}

/**
 * Orders versions of a budget (standen: begroting, voorjaarsnota, tussenberichten, jaarrekening) and compares each
 * with the one before it with {@link compareVersions}, through the later version's `idMap`.
 *
 * @remarks
 * Every version is checked first, every problem at once, at `versions[i].<field>`: a name (unique: `duplicate_id`),
 * a kind of {@link VERSION_KINDS}, a date `yyyy-mm-dd` on every version or on none (`missing_field`), a budget.
 * An id map that names a line the versions do not have is refused by the comparison (`unknown_reference`, at
 * `versions[i].idMap.<id>`).
 *
 * A version with `mutations` (a scenario written against the version before it: an adopted scenario is a
 * begrotingswijziging) is replayed: the mutations are applied to the budget of the version before, and the result
 * set against the version's own budget per line, section and year in exact euros (lines matched through its id
 * map). Every row and year where they differ is a {@link MutationFinding} in `step.replay.findings` and
 * `series.findings`, with both figures. A version with mutations may leave out its budget: it is then the replay's.
 * The first version (after ordering) has nothing to replay on: it needs its budget (`missing_field`), and its
 * mutations, if any, are not replayed. Mutations are checked as a scenario (`versions[i].mutations.<path>`).
 * @param versions - the versions, in any order when dated
 * @param options - title matching
 * @example
 * ```ts
 * import { budget, versionSeries } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
 *   .section('4', 'Bezuinigingen').line('4.2', 'Besparing subsidies Jeugd', [0, 250, 250], { nature: 'structural' }).build();
 * const pb = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2029 } })
 *   .section('4', 'Bezuinigingen').line('4.1', 'Besparing subsidies Jeugd', [250, 250, 250, 250], { nature: 'structural' }).build();
 * const series = versionSeries([
 *   { name: 'Begroting 2026', kind: 'begroting', date: '2025-11-06', budget: pb, idMap: { '4.2': '4.1' } },
 *   { name: 'TB1 2025', kind: 'tb1', date: '2025-07-03', budget: tb1 },
 * ]);
 * series.versions.map((v) => v.name);               // ["TB1 2025", "Begroting 2026"]
 * series.steps[0]!.comparison.lines[0]!.matchedBy;  // "map"
 * ```
 * @category Analysis
 */
export function versionSeries(versions: readonly (BudgetVersion | VersionInput)[], options: VersionSeriesOptions = {}): VersionSeries {
  const fn = 'versionSeries';
  const inputs = requireVersions(fn, versions);
  options = readOptions(fn, options, { matchTitles: boolean });
  const issues = new IssueCollector();
  inputs.forEach((v, i) => {
    if (v.mutations !== undefined) checkVersionMutations(v.mutations, ['versions', i, 'mutations'], issues);
  });
  issues.throwIfAny();
  const order = inputs.map((v, i) => ({ v, i }));
  if (inputs.every((v) => v.date !== undefined)) order.sort((x, y) => (x.v.date! < y.v.date! ? -1 : x.v.date! > y.v.date! ? 1 : x.i - y.i));
  // each version's budget, in order: its own, or the version before's with its mutations applied
  const replays: (MutationReplay | undefined)[] = [];
  const indexed: { v: BudgetVersion; i: number }[] = [];
  order.forEach(({ v, i }, k) => {
    const before = indexed[k - 1]?.v;
    if (before === undefined || v.mutations === undefined) {
      if (v.budget === undefined) fail('missing_field', ['versions', i, 'budget'], `${fn}: "${v.name}" is the first version of the series: there is no version before it to derive its budget from`);
      replays.push(undefined);
      indexed.push({ v: v as BudgetVersion, i });
      return;
    }
    const result = applyVersionMutations(before.budget, v.mutations, ['versions', i, 'mutations']);
    const budget = v.budget ?? result.budget;
    const version: BudgetVersion = deepFreeze({ ...v, budget });
    try {
      replays.push(replayOf(v.name, result, budget, v.idMap, v.budget === undefined));
    } catch (e) {
      throw relocated(e, i);
    }
    indexed.push({ v: version, i });
  });
  const steps: VersionStep[] = [];
  for (let k = 1; k < indexed.length; k++) {
    const before = indexed[k - 1]!.v;
    const { v: after, i } = indexed[k]!;
    let comparison: VersionComparison;
    try {
      comparison = compareVersions(before, after, { ...(after.idMap === undefined ? {} : { idMap: after.idMap }), matchTitles: options.matchTitles ?? false });
    } catch (e) {
      throw relocated(e, i);
    }
    steps.push({ from: before.name, to: after.name, comparison, replay: replays[k] });
  }
  const years = [...new Set(indexed.flatMap((x) => x.v.budget.horizon.years))].sort((a, b) => a - b);
  const findings = steps.flatMap((s) => s.replay?.findings ?? []);
  return deepFreeze({ versions: indexed.map((x) => x.v), years, steps, findings });
}

/** A comparison's refusal of an id map, placed at the version that declares it. */
function relocated(e: unknown, i: number): unknown {
  if (!MeerjarenError.is(e)) return e;
  return new MeerjarenError(e.issues.map((x) => (x.pathSegments[0] === 'options' ? issue(x.code, ['versions', i, ...x.pathSegments.slice(1)], x.message) : x)));
}
