/**
 * Explaining one figure through a series of versions of a budget (toelichting door de standen): the line, section
 * or total in each version, and each step's difference for it, with the decision that made the later version.
 * @module
 */
import { fail } from '../core/errors.js';
import { freezeThrough } from '../core/freeze.js';
import { boolean, integer, object, readOptions, requireArgument, text } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import type { BudgetVersion, VersionKind } from '../model/versions.js';
import type { VersionDelta, VersionFigure, VersionMatch, VersionRow } from './compare-versions-types.js';
import { versionSeries, type VersionSeriesOptions } from './version-series.js';

/** What {@link explainVersions} explains: a line (by its id in the LAST version), a section, or the grand total, in a year. @category Analysis */
export interface ExplainVersionsAt {
  /** A line id of the last version (a line, not a component: versions are compared per line); earlier ids are found through each step's id map. */
  readonly line?: string;
  /** A section id. */
  readonly section?: string;
  /** The grand total. */
  readonly total?: boolean;
  /** The year. */
  readonly year: number;
}

/** The figure in one version of the series. @category Analysis */
export interface VersionExplanationFigure {
  /** The version's name. */
  readonly version: string;
  /** The row's id in that version; undefined when the version does not have it (or for the total). */
  readonly id: string | undefined;
  /** The figure: a total, the row not in this version, or the year outside its horizon. */
  readonly figure: VersionFigure;
}

/** One step of the series for the explained figure (mutatie). @category Analysis */
export interface VersionExplanationStep {
  /** The version before. */
  readonly from: string;
  /** The version after. */
  readonly to: string;
  /** The kind of the later version (tb1, begroting, ...). */
  readonly kind: VersionKind;
  /** The council decision (raadsbesluit) of the later version, when it names one: the note of this step. */
  readonly decision?: string;
  /** The row's id before; undefined when it is not there. */
  readonly idFrom: string | undefined;
  /** The row's id after; undefined when it is not there. */
  readonly idTo: string | undefined;
  /** How the line was matched across the step (`map`: renumbered), when it is in both. */
  readonly matchedBy: VersionMatch | undefined;
  /** In both versions, new in the later one, gone from it, or in neither. */
  readonly status: 'both' | 'new' | 'gone' | 'absent';
  /** The figure before. */
  readonly before: VersionFigure;
  /** The figure after. */
  readonly after: VersionFigure;
  /** `after - before`; undefined when the year is outside one of the two horizons. */
  readonly difference: VersionDelta | undefined;
}

/** A figure explained through a series of versions. A frozen value. @category Analysis */
export interface VersionExplanation {
  /** What is explained. */
  readonly scope: 'line' | 'section' | 'total';
  /** The line or section id in the last version; empty for the total. */
  readonly id: string;
  /** The year. */
  readonly year: number;
  /** The figure in each version, in the series' order. */
  readonly versions: readonly VersionExplanationFigure[];
  /** Each step (a version compared with the one before), in order. */
  readonly steps: readonly VersionExplanationStep[];
}

/** A figure of a version that does not have the row: outside its horizon, or no row. */
function absent(version: BudgetVersion, year: number): VersionFigure {
  return version.budget.horizon.years.includes(year) ? { state: 'no-row' } : { state: 'not-in-version' };
}

/**
 * Explains one figure through a series of versions (toelichting door de standen): how a line, a section's subtotal
 * or the grand total in a year came to be what the last version shows, version by version. The versions are ordered
 * and compared as {@link versionSeries} does; a line is named by its id in the last version and followed back
 * through each step's id map (a renumbered line keeps its history). Each step gives the figure before and after,
 * the difference (none when the year is outside one of the two horizons: never 0) and the council decision of the
 * later version as its note.
 * @param versions - the versions (standen)
 * @param at - the line (id in the last version), section or `total: true`, and the year
 * @param options - title matching, as `versionSeries`
 * @throws MeerjarenError `unknown_reference` when the last version has no such line or section;
 *   `year_outside_horizon` when no version holds the year; what `versionSeries` throws
 * @example
 * ```ts
 * import { budget, explainVersions } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
 *   .section('4', 'Bezuinigingen').line('4.2', 'Besparing subsidies Jeugd', [0, 250, 250], { nature: 'structural' }).build();
 * const pb = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2029 } })
 *   .section('4', 'Bezuinigingen').line('4.1', 'Besparing subsidies Jeugd', [300, 250, 250, 250], { nature: 'structural' }).build();
 * const why = explainVersions([
 *   { name: 'TB1 2025', kind: 'tb1', date: '2025-07-03', budget: tb1 },
 *   { name: 'Begroting 2026', kind: 'begroting', date: '2025-11-06', decision: 'raadsbesluit 2025-118', budget: pb, idMap: { '4.2': '4.1' } },
 * ], { line: '4.1', year: 2026 });
 * why.steps[0]!.idFrom;                          // "4.2"
 * why.steps[0]!.difference!.amount.toFixed();    // "50000" (euros)
 * why.steps[0]!.decision;                        // "raadsbesluit 2025-118"
 * ```
 * @category Analysis
 */
export function explainVersions(versions: readonly BudgetVersion[], at: ExplainVersionsAt, options: VersionSeriesOptions = {}): VersionExplanation {
  const fn = 'explainVersions';
  requireArgument(fn, 'at', at, object({ line: text({ nonEmpty: true }), section: text({ nonEmpty: true }), total: boolean, year: integer({ min: MIN_YEAR, max: MAX_YEAR }) }));
  const named = [at.line, at.section, at.total === true ? true : undefined].filter((x) => x !== undefined).length;
  if (named === 0) fail('invalid_argument', ['at', 'line'], `${fn}: at.line is required (or at.section, or at.total: true)`);
  if (named > 1) fail('invalid_argument', ['at'], `${fn}: give only one of at.line, at.section and at.total`);
  if (at.year === undefined) fail('invalid_argument', ['at', 'year'], `${fn}: at.year is required`);
  options = readOptions(fn, options, { matchTitles: boolean });
  const series = versionSeries(versions, options);
  const year = at.year;
  if (!series.years.includes(year)) fail('year_outside_horizon', ['at', 'year'], `${fn}: no version holds ${year} (the versions cover ${series.years[0] ?? '-'}-${series.years.at(-1) ?? '-'})`);
  const scope = at.line !== undefined ? 'line' : at.section !== undefined ? 'section' : 'total';
  const id = at.line ?? at.section ?? '';
  const last = series.versions.at(-1)!;
  const lastHasIt =
    scope === 'total' ||
    (scope === 'section' ? last.budget.sections.some((s) => s.id === id) : last.budget.sections.some((s) => s.lines.some((l) => l.id === id)));
  if (!lastHasIt) fail('unknown_reference', ['at', scope], `${fn}: the last version (${last.name}) has no ${scope} "${id}"`);

  // walk back from the last version: the row of each step, by the id it has in the later version
  const steps: VersionExplanationStep[] = [];
  let current: string | undefined = scope === 'total' ? '' : id;
  for (let k = series.steps.length - 1; k >= 0; k--) {
    const step = series.steps[k]!;
    const before = series.versions[k]!;
    const after = series.versions[k + 1]!;
    const c = step.comparison;
    let row: VersionRow | undefined;
    if (scope === 'total') row = c.total;
    else if (current !== undefined) row = (scope === 'line' ? c.lines : c.sections).find((r) => r.idB === current);
    // a section keeps its id across versions; a line of an earlier version than its first is in none
    if (row === undefined && scope === 'section') row = c.sections.find((r) => r.idA === id && r.idB === undefined);
    const y = row?.years[year];
    const notes = after.decision === undefined ? {} : { decision: after.decision };
    steps.unshift({
      from: step.from,
      to: step.to,
      kind: after.kind,
      ...notes,
      idFrom: scope === 'total' ? undefined : row?.idA,
      idTo: scope === 'total' ? undefined : row?.idB,
      matchedBy: row?.matchedBy,
      status: row === undefined ? 'absent' : row.status,
      before: y?.a ?? absent(before, year),
      after: y?.b ?? absent(after, year),
      difference: y?.difference,
    });
    current = scope === 'total' ? '' : row?.idA;
  }
  const figures: VersionExplanationFigure[] = series.versions.map((v, i) => {
    if (i === 0 && steps.length > 0) return { version: v.name, id: steps[0]!.idFrom, figure: steps[0]!.before };
    if (i > 0) return { version: v.name, id: steps[i - 1]!.idTo, figure: steps[i - 1]!.after };
    // a single version: its own figure, through a comparison with itself
    const { idMap: _map, ...plain } = v;
    const only = versionSeries([plain, { ...plain, name: `${v.name} ` }], options).steps[0]!.comparison;
    const row = scope === 'total' ? only.total : (scope === 'line' ? only.lines : only.sections).find((r) => r.idB === id);
    return { version: v.name, id: scope === 'total' ? undefined : id, figure: row?.years[year]?.b ?? absent(v, year) };
  });
  return freezeThrough({ scope, id, year, versions: figures, steps });
}
