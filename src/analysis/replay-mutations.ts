/**
 * Replaying the mutations of a version (mutaties naspelen): the budget of the version before with the mutations
 * applied, set against the budget the version records, per line, section and year. Where they differ is a finding.
 * @module
 */
import { deepFreeze } from '../core/freeze.js';
import type { Budget } from '../model/budget.js';
import type { IdMap } from '../model/versions.js';
import type { ScenarioResult } from '../scenario/apply.js';
import { compareVersions } from './compare-versions.js';
import type { VersionFigure, VersionRow } from './compare-versions-types.js';

/**
 * A row and year where replaying a version's mutations does not give the version's budget (afwijking bij naspelen):
 * the figure the replay gives and the figure the version records.
 * @category Analysis
 */
export interface MutationFinding {
  /** Name of the version whose mutations were replayed. */
  readonly version: string;
  /** A line or a section. */
  readonly row: 'line' | 'section';
  /** The row's id in the version (in the replay when the version lacks it). */
  readonly id: string;
  /** The year. */
  readonly year: number;
  /** The figure of the replay: the version before with the mutations applied. */
  readonly replayed: VersionFigure;
  /** The figure the version records. */
  readonly recorded: VersionFigure;
  /** What differs, for a person. */
  readonly message: string;
}

/** The replay of one version's mutations (naspelen van de mutaties). A frozen value. @category Analysis */
export interface MutationReplay {
  /** The mutations applied to the budget of the version before. */
  readonly result: ScenarioResult;
  /** Whether the version's budget was left out and is this replay's budget. */
  readonly derived: boolean;
  /** Every row and year where the replay and the version differ; empty when the replay gives the version exactly. */
  readonly findings: readonly MutationFinding[];
  /** Whether there are no findings. */
  readonly exact: boolean;
}

function figureText(f: VersionFigure): string {
  if (f.state === 'not-in-version') return 'not in the version';
  if (f.state === 'no-row') return 'no such row';
  const t = f.total;
  return `${t.amount.toFixed()}${t.pm.length > 0 ? ` + ${t.pm.length} pm` : ''} (structural ${t.structural.toFixed()})`;
}

function rowFindings(version: string, kind: 'line' | 'section', r: VersionRow, years: readonly number[]): MutationFinding[] {
  const out: MutationFinding[] = [];
  for (const year of years) {
    const y = r.years[year]!;
    const d = y.difference;
    let differs: boolean;
    if (r.status !== 'both') differs = (r.status === 'gone' ? y.a : y.b).state === 'figure';
    else if (d === undefined) differs = (y.a.state === 'figure') !== (y.b.state === 'figure');
    else differs = !d.amount.isZero() || !d.structural.isZero() || !d.incidental.isZero() || d.pm !== 0;
    if (!differs) continue;
    out.push({
      version,
      row: kind,
      id: r.idB ?? r.idA ?? r.id,
      year,
      replayed: y.a,
      recorded: y.b,
      message: `${kind} ${r.idB ?? r.idA ?? r.id}, ${year}: the mutations give ${figureText(y.a)}, the version records ${figureText(y.b)} (euros)`,
    });
  }
  return out;
}

/**
 * Sets a replay of mutations against the budget a version records (per line and section, per year of either
 * horizon, in exact euros), matching lines through the version's id map as `versionSeries` does.
 * @param version - name of the version
 * @param result - the version before with the mutations applied
 * @param recorded - the budget the version records (its own, or the replay's when it was left out)
 * @param idMap - the version's id map (keys the replay lacks are left out: a mutation may drop a line)
 * @param derived - whether the budget was left out
 * @internal
 */
export function replayOf(version: string, result: ScenarioResult, recorded: Budget, idMap: IdMap | undefined, derived: boolean): MutationReplay {
  const findings: MutationFinding[] = [];
  if (!derived) {
    const lines = new Set(result.budget.sections.flatMap((s) => s.lines.map((l) => l.id)));
    const map = idMap === undefined ? undefined : Object.fromEntries(Object.entries(idMap).filter(([key]) => lines.has(key)));
    const c = compareVersions(result.budget, recorded, map === undefined ? {} : { idMap: map });
    for (const s of c.sections) findings.push(...rowFindings(version, 'section', s, c.years));
    for (const l of c.lines) findings.push(...rowFindings(version, 'line', l, c.years));
  }
  return deepFreeze({ result, derived, findings, exact: findings.length === 0 });
}
