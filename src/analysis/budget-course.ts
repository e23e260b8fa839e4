/**
 * The course of a budget through the P&C cycle (verloop van de begroting): the primitive begroting, each wijziging
 * with its mutations, the begroting na wijziging and, with actuals, the realisatie and the afwijking; per line and
 * year, with each line followed through the id maps of the series.
 * @module
 */
import { deepFreeze } from '../core/freeze.js';
import { objectWith, requireArgument } from '../core/guard.js';
import { ownValue } from '../core/records.js';
import type { Actuals } from '../model/actuals.js';
import type { VersionKind, VersionMutations } from '../model/versions.js';
import { evaluate, type Evaluation } from '../evaluate/evaluate.js';
import { compareActuals, type ActualsYear } from './actuals-comparison.js';
import type { VersionDelta, VersionFigure } from './compare-versions-types.js';
import { versionDelta } from './compare-versions.js';
import type { MutationFinding } from './replay-mutations.js';
import type { VersionSeries } from './version-series.js';

/** One version in a course (stand in het verloop). @category Analysis */
export interface CourseVersion {
  /** Name. */
  readonly name: string;
  /** Kind. */
  readonly kind: VersionKind;
  /** The mutations that led to it from the version before, if it records them. */
  readonly mutations: VersionMutations | undefined;
  /** The years of its horizon. */
  readonly years: readonly number[];
}

/** One line of a course in one year. @category Analysis */
export interface CourseYear {
  /** Its figure in each version, in order (`not-in-version` outside a horizon, `no-row` where the line is absent). */
  readonly figures: readonly VersionFigure[];
  /** Per step (version k to k + 1): the change of the line (wijziging); undefined when either version lacks the year. */
  readonly changes: readonly (VersionDelta | undefined)[];
  /** With actuals, for a closed year: the line's realisatie and afwijking against the last version. */
  readonly actual: ActualsYear | undefined;
}

/** One line followed through a series (regel in het verloop). @category Analysis */
export interface CourseLine {
  /** Its id in the last version that has it. */
  readonly id: string;
  /** Its title there. */
  readonly title: string;
  /** Its id in each version (undefined where it is not in that version). */
  readonly ids: readonly (string | undefined)[];
  /** Per year of the series ("2025"). */
  readonly years: Readonly<Record<string, CourseYear>>;
}

/** A section of a course with its lines (matched by id across versions). @category Analysis */
export interface CourseSection {
  /** Section id. */
  readonly id: string;
  /** Title (from the last version that has it). */
  readonly title: string;
  /** Its lines: a line is in the section of the last version that has it. */
  readonly lines: readonly CourseLine[];
}

/** The course of a budget through the P&C cycle (P&C-verloop). A frozen value. @category Analysis */
export interface BudgetCourse {
  /** The versions, in the series' order: the first is the primitive begroting, the last the begroting na wijziging. */
  readonly versions: readonly CourseVersion[];
  /** Every year of the series. */
  readonly years: readonly number[];
  /** With actuals: their title and closed years. */
  readonly actuals:
    | {
        /** Title of the actuals. */
        readonly title: string;
        /** Their closed years. */
        readonly years: readonly number[];
      }
    | undefined;
  /** Sections in the last version's order, then those only in earlier versions. */
  readonly sections: readonly CourseSection[];
  /** The label of the total (the last version's). */
  readonly totalLabel: string;
  /** The series' findings: where a version's mutations do not give its budget. */
  readonly findings: readonly MutationFinding[];
}

function figureOf(e: Evaluation, years: ReadonlySet<number>, id: string | undefined, year: number): VersionFigure {
  if (!years.has(year)) return { state: 'not-in-version' };
  const total = id === undefined ? undefined : ownValue(e.lines, id)?.totals[year];
  return total === undefined ? { state: 'no-row' } : { state: 'figure', total };
}

/**
 * The course of a budget through the P&C cycle (P&C-verloop): per line and year its figure in every version of a
 * series (the primitive begroting first, the begroting na wijziging last), each step's change (wijziging) with the
 * mutations that version records, and, with actuals, the realisatie and afwijking against the last version
 * (`compareActuals`). `courseTable` prints it.
 *
 * @remarks
 * A line is followed through the series by the steps' matching (the id maps, then ids): it keeps one row even
 * when renumbered, and sits in the section of the last version that has it. A year outside a version's horizon is
 * `not-in-version` and has no change, never 0. The actuals name lines of the last version.
 * @param series - from `versionSeries`
 * @param actuals - the actuals of the closed years (realisatie), optional
 * @example
 * ```ts
 * import { budget, budgetCourse, versionSeries } from 'meerjaren';
 *
 * const pb = budget({ title: 'Begroting 2025', unit: 'thousand', horizon: { from: 2025, to: 2028 } })
 *   .section('1', 'Bestaand beleid').line('1.4', 'Behoud uitvoeringscapaciteit Wmo', [0, 0, 0, 0], { nature: 'incidental' }).build();
 * const series = versionSeries([
 *   { name: 'Begroting 2025', kind: 'begroting', budget: pb },
 *   { name: 'TB1 2025', kind: 'tb1', mutations: { id: 'tb1', title: 'TB1', changes: [{ kind: 'set-amount', line: '1.4', years: [2025], value: '-1100' }] } },
 * ]);
 * const course = budgetCourse(series);
 * course.sections[0]!.lines[0]!.years['2025']!.changes[0]!.amount.toFixed(); // "-1100000"
 * ```
 * @category Analysis
 */
export function budgetCourse(series: VersionSeries, actuals?: Actuals): BudgetCourse {
  const fn = 'budgetCourse';
  requireArgument(fn, 'series', series, objectWith(['versions', 'years', 'steps'], 'a series from versionSeries()'));
  const versions = series.versions;
  const n = versions.length;
  const evaluations = versions.map((v) => evaluate(v.budget));
  const horizons = versions.map((v) => new Set(v.budget.horizon.years));
  // chains of ids through the series
  const chains: (string | undefined)[][] = [];
  const at = new Map<string, number>(); // `${k}\u0000${id}` -> chain
  const key = (k: number, id: string): string => `${k}\u0000${id}`;
  if (n > 0) {
    for (const s of evaluations[0]!.sections) {
      for (const l of s.lines) {
        at.set(key(0, l.id), chains.length);
        chains.push([l.id, ...Array<undefined>(n - 1).fill(undefined)]);
      }
    }
  }
  series.steps.forEach((step, k) => {
    for (const row of step.comparison.lines) {
      if (row.idB === undefined) continue;
      const c = row.idA === undefined ? undefined : at.get(key(k, row.idA));
      const index = c ?? chains.push(Array<undefined>(n).fill(undefined)) - 1;
      chains[index]![k + 1] = row.idB;
      at.set(key(k + 1, row.idB), index);
    }
  });
  const last = n - 1;
  const accounts = actuals === undefined || n === 0 ? undefined : compareActuals(versions[last]!, actuals);
  const actualOf = new Map(accounts?.sections.flatMap((s) => s.lines.map((l) => [l.id, l] as const)) ?? []);
  const years = series.years;
  // each chain's section and place: the last version that has it
  const placed = chains.map((ids, c) => {
    let k = last;
    while (ids[k] === undefined) k--;
    const line = ownValue(evaluations[k]!.lines, ids[k]!)!;
    const section = evaluations[k]!.sections.find((s) => s.id === line.sectionId)!;
    return { c, k, id: ids[k]!, title: line.title, section: section.id, sectionTitle: section.title, order: evaluations[k]!.sections.indexOf(section) * 1e6 + section.lines.indexOf(line) };
  });
  const sectionIds: string[] = [];
  const titles = new Map<string, string>();
  for (let k = last; k >= 0; k--) {
    for (const s of evaluations[k]!.sections) {
      if (!titles.has(s.id)) {
        titles.set(s.id, s.title);
        sectionIds.push(s.id);
      }
    }
  }
  const sections: CourseSection[] = sectionIds.map((sid) => {
    const mine = placed.filter((p) => p.section === sid).sort((x, y) => y.k - x.k || x.order - y.order);
    const lines = mine.map((p): CourseLine => {
      const ids = chains[p.c]!;
      const out: Record<string, CourseYear> = {};
      for (const y of years) {
        const figures = versions.map((_, k) => figureOf(evaluations[k]!, horizons[k]!, ids[k], y));
        const changes = series.steps.map((_, k) => versionDelta(figures[k]!, figures[k + 1]!));
        const actualRow = ids[last] === undefined ? undefined : actualOf.get(ids[last]!);
        out[y] = { figures, changes, actual: actualRow?.years[y] };
      }
      return { id: p.id, title: p.title, ids, years: out };
    });
    return { id: sid, title: titles.get(sid)!, lines };
  });
  return deepFreeze({
    versions: versions.map((v) => ({ name: v.name, kind: v.kind, mutations: v.mutations, years: v.budget.horizon.years })),
    years,
    actuals: accounts === undefined ? undefined : { title: accounts.title, years: accounts.years },
    sections,
    totalLabel: n === 0 ? '' : versions[last]!.budget.presentation.totalLabel,
    findings: series.findings,
  });
}
