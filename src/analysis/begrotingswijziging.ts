/**
 * A begrotingswijziging as a document: a scenario applied to a baseline, or a step between two versions, as the
 * council reads it: per programme and per line the mutation of lasten and baten, structural and incidental, the
 * reserve mutations, the neutrality of a technical wijziging and the dekking paragraph from the changes' notes.
 * @module
 */
import { ZERO, noNegativeZero, plainString, type Decimal } from '../core/decimal.js';
import { IssueCollector, fail, issue, type Issue, type Path } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { boolean, describeValue, isObjectLike, readOptions, text } from '../core/guard.js';
import { ownValue } from '../core/records.js';
import type { Budget, Line } from '../model/budget.js';
import type { Evaluation } from '../model/evaluation.js';
import type { BudgetVersion } from '../model/versions.js';
import { evaluate } from '../evaluate/evaluate.js';
import { applyScenario } from '../evaluate/apply-scenario.js';
import { findInLibrary, resolveSteps } from '../scenario/resolve.js';
import { SCENARIO_LIBRARY } from '../scenario/references.js';
import type { Scenario, ScenarioLibrary } from '../scenario/types.js';
import type { ScenarioResult } from '../scenario/apply.js';
import { requireBudgetAt } from '../validate/result-checks.js';
import { comparableOf } from './compare.js';
import type { Comparable } from './compare-types.js';
import { ID_MAP, checkIdMap, matchLines } from './compare-versions.js';
import { hasReserves, reservesOf } from './wijziging-reserves.js';
import { mutation, programmeOf, splitLine, sumYears, yearChanged, type LineSplit } from './wijziging-lines.js';
import type {
  Begrotingswijziging,
  BegrotingswijzigingOptions,
  DekkingNote,
  NeutralityCheck,
  RowSide,
  WijzigingLine,
  WijzigingProgramme,
  WijzigingYears,
} from './begrotingswijziging-types.js';

export type {
  Begrotingswijziging,
  BegrotingswijzigingOptions,
  DekkingNote,
  NeutralityCheck,
  ReserveWijzigingYear,
  RowSide,
  SideFigures,
  WijzigingLine,
  WijzigingProgramme,
  WijzigingYear,
  WijzigingYears,
} from './begrotingswijziging-types.js';

const FN = 'begrotingswijziging';

/** One budget of the wijziging with its label, evaluation and lines by id. */
interface Side {
  readonly budget: Budget;
  readonly label: string;
  readonly evaluation: Evaluation;
  readonly lines: ReadonlyMap<string, Line>;
}

function isVersion(x: unknown): x is BudgetVersion {
  return isObjectLike(x) && !('patches' in x) && 'kind' in x && 'name' in x && 'budget' in x;
}

function isScenario(x: unknown): x is Scenario {
  return isObjectLike(x) && 'changes' in x && !('sections' in x) && !('patches' in x) && !('budget' in x);
}

function sideOf(budget: Budget, label: string): Side {
  const lines = new Map<string, Line>();
  for (const s of budget.sections) for (const l of s.lines) lines.set(l.id, l);
  return { budget, label, evaluation: evaluate(budget), lines };
}

function argumentSide(path: Path, x: unknown): Side {
  if (isVersion(x)) {
    if (typeof x.name !== 'string') fail('invalid_argument', [...path, 'name'], `${FN}: a version has a name, not ${describeValue(x.name)}`);
    return sideOf(requireBudgetAt(FN, [...path, 'budget'], x.budget), x.name);
  }
  const { budget, label } = comparableOf(FN, path, x);
  return sideOf(budget, label);
}

/** A line entry before it is grouped: its programme, status and splits. */
interface Entry {
  readonly id: string;
  readonly idA: string | undefined;
  readonly title: string;
  readonly programme: string;
  readonly status: WijzigingLine['status'];
  readonly a: LineSplit | undefined;
  readonly b: LineSplit | undefined;
}

/** The line entries: matched lines in `b`'s order (two entries when a line moved to another programme), then `a`'s. */
function entries(sa: Side, sb: Side, toB: ReadonlyMap<string, { readonly id: string }>, years: readonly number[]): Entry[] {
  const fromB = new Map<string, string>();
  for (const [idA, m] of toB) fromB.set(m.id, idA);
  const split = (side: Side, id: string): LineSplit => splitLine(side.lines.get(id)!, ownValue(side.evaluation.lines, id)!, years);
  const out: Entry[] = [];
  const gone: Entry[] = [];
  for (const [id, lb] of sb.lines) {
    const idA = fromB.get(id);
    const progB = programmeOf(sb.budget, lb);
    const la = idA === undefined ? undefined : sa.lines.get(idA);
    if (la === undefined || idA === undefined) {
      out.push({ id, idA: undefined, title: lb.title, programme: progB, status: 'new', a: undefined, b: split(sb, id) });
      continue;
    }
    const progA = programmeOf(sa.budget, la);
    if (progA === progB) {
      out.push({ id, idA, title: lb.title, programme: progB, status: 'both', a: split(sa, idA), b: split(sb, id) });
    } else {
      out.push({ id, idA: undefined, title: lb.title, programme: progB, status: 'new', a: undefined, b: split(sb, id) });
      gone.push({ id: idA, idA, title: la.title, programme: progA, status: 'gone', a: split(sa, idA), b: undefined });
    }
  }
  for (const [id, la] of sa.lines) {
    if (toB.has(id)) continue;
    gone.push({ id, idA: id, title: la.title, programme: programmeOf(sa.budget, la), status: 'gone', a: split(sa, id), b: undefined });
  }
  // a line of `a` that moved programme comes with the lines only in `a`, in `a`'s order
  const orderA = new Map([...sa.lines.keys()].map((id, i) => [id, i]));
  gone.sort((x, y) => orderA.get(x.id)! - orderA.get(y.id)!);
  return [...out, ...gone];
}

function sidesOf(e: Entry): RowSide[] {
  const byRow = new Map<string, RowSide>();
  for (const s of [...(e.a?.sides ?? []), ...(e.b?.sides ?? [])]) byRow.set(s.row, s);
  return [...byRow.values()];
}

/** The years in which one of the lines holds a pm post. */
function pmYears(lines: readonly WijzigingLine[], years: readonly number[]): number[] {
  return years.filter((y) => lines.some((l) => l.pm.includes(y)));
}

/** The line of an entry, or undefined when none of its figures changes. */
function lineOf(e: Entry, years: readonly number[]): WijzigingLine | undefined {
  const out: Record<string, ReturnType<typeof mutation>> = {};
  let changed = false;
  for (const year of years) {
    const m = mutation(e.a?.years.get(year), e.b?.years.get(year));
    if (yearChanged(m)) changed = true;
    out[year] = m;
  }
  if (!changed) return undefined;
  const sides = sidesOf(e);
  const pm = years.filter((y) => e.a?.pm.has(y) === true || e.b?.pm.has(y) === true);
  return { id: e.id, idA: e.idA, title: e.title, programme: e.programme, status: e.status, years: out, sides, inferred: sides.some((s) => s.declared === undefined), pm };
}

/** The neutrality check and its finding: every year's saldo after reserve mutations must be 0. */
function neutralityOf(saldo: Readonly<Record<string, Decimal>>, years: readonly number[]): { check: NeutralityCheck; findings: Issue[] } {
  const off = years.filter((y) => !saldo[y]!.isZero()).map((year) => ({ year, saldo: saldo[year]! }));
  const findings =
    off.length === 0
      ? []
      : [issue('not_neutral', ['total'], `a technical begrotingswijziging must leave the saldo unchanged, but it changes it in ${off.map((o) => `${o.year} by ${plainString(o.saldo)}`).join(', ')} (euros)`)];
  return { check: { neutral: off.length === 0, years: off }, findings };
}

/** The dekking paragraph: every change of the scenario in the order applied, with its note and what it touched. */
function dekkingOf(budget: Budget, scenario: Scenario, library: ScenarioLibrary | undefined, result: ScenarioResult): { notes: DekkingNote[]; scenarios: { id: string; title: string }[] } {
  const collector = new IssueCollector();
  const { steps } = resolveSteps(budget, scenario, library, collector);
  collector.throwIfAny(); // applyScenario resolved the same steps already
  const lines = steps.map(() => new Set<string>());
  const items = steps.map(() => new Set<string>());
  for (const t of result.touched) lines[t.step]?.add(t.line);
  for (const t of result.touchedItems) items[t.step]?.add(t.target === undefined ? `${t.kind}:${t.id}` : `${t.kind}:${t.target}/${t.id}`);
  const notes = steps.map((s, i): DekkingNote => ({ scenario: s.scenario, change: s.index, kind: s.change.kind, note: s.change.note, lines: [...lines[i]!], items: [...items[i]!] }));
  const scenarios = result.chain.map((id) => ({ id, title: id === scenario.id ? scenario.title : (findInLibrary(library, id)?.scenario.title ?? id) }));
  return { notes, scenarios };
}

/** Groups the lines by programme, the programmes in the order they first appear in `a`'s lines, then in `b`'s. */
function programmesOf(sa: Side, sb: Side, lines: readonly WijzigingLine[], years: readonly number[]): WijzigingProgramme[] {
  const rank = new Map<string, number>();
  for (const side of [sa, sb]) for (const line of side.lines.values()) if (!rank.has(programmeOf(side.budget, line))) rank.set(programmeOf(side.budget, line), rank.size);
  const groups = new Map<string, WijzigingLine[]>();
  for (const l of lines) {
    const group = groups.get(l.programme);
    if (group === undefined) groups.set(l.programme, [l]);
    else group.push(l);
  }
  return [...groups]
    .sort(([x], [y]) => rank.get(x)! - rank.get(y)!)
    .map(([id, ls]) => ({ id, lines: ls, years: sumYears(ls.map((l) => l.years), years), pm: pmYears(ls, years) }));
}

/**
 * The begrotingswijziging as a document (begrotingswijziging): a scenario applied to a baseline, or the step
 * between two versions, per programme and per line: the mutation of lasten and of baten per year, exact, split into
 * structural and incidental; the reserve mutations; a neutrality check when the wijziging is declared technical; and
 * the dekking paragraph from the notes of the scenario's changes.
 *
 * @remarks
 * Lasten and baten: every row of a line (its own row when it is an amount, and each component) is split in each
 * budget on its own, with the tag `lastenbaten` (`'lasten'` or `'baten'`; a component inherits its line's) or,
 * without it, by the sign of the amount (a nadeel counts as lasten, a voordeel as baten: inferred, and reported in
 * {@link WijzigingLine.sides}); the mutation is `b - a` of those splits. So `baten - lasten` of every line, programme
 * and the total is exactly the difference of the saldo (`compareScenarios`), whatever the tags say.
 *
 * Programmes: a line is booked in the programme of its tag `programme`, else the budget's tag `programme`, else
 * none (`''`). A matched line whose programme differs between `a` and `b` leaves one programme (`gone`) and enters
 * the other (`new`). Only lines whose figures change are listed.
 *
 * The second argument decides the form: a {@link Scenario} is applied to `a` (with `options.library`), and its
 * changes give the dekking paragraph; a budget, a scenario result or a {@link BudgetVersion} is a version step
 * (lines matched by `options.idMap`, then by id), over the years both horizons hold, without a dekking paragraph.
 *
 * Reserves (when `a` or `b` has a reserve among its cover sources): the toevoegingen and onttrekkingen outside the
 * lines, which change the begrotingssaldo, and those booked in lines (already in their lasten and baten). A
 * technical wijziging (`technical: true`) must change no year's saldo after reserve mutations; otherwise the
 * result holds a `not_neutral` finding naming the years and amounts (a finding, never an error).
 * @param a - the baseline budget (or the older version)
 * @param b - the scenario, or the newer version
 * @param options - scenario library, technical, title, id map
 * @throws MeerjarenError as `applyScenario` (a scenario) or `compareVersions` (an id map) refuses
 * @example
 * ```ts
 * import { budget, begrotingswijziging } from 'meerjaren';
 *
 * const pb = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2027 }, tags: { programme: '2' } })
 *   .section('4', 'Bezuinigingen')
 *   .line('4.1', 'Besparing subsidies Sociaal Domein', [234, 234], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
 *   .line('4.2', 'Besparing subsidies Jeugd', [250, 250], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
 *   .build();
 * const w = begrotingswijziging(pb, {
 *   id: 'motie', title: 'Motie 2506-84', changes: [{ kind: 'drop-line', line: '4.1', note: 'Besparing vervalt' }],
 * });
 * w.total['2026']!.lasten.toFixed(); // "234000": 234 more lasten (the saving is gone)
 * w.total['2026']!.saldo.toFixed();  // "-234000"
 * w.dekking[0]!.note;                // "Besparing vervalt"
 * ```
 * @category Analysis
 */
export function begrotingswijziging(a: Comparable | BudgetVersion, b: Scenario | Comparable | BudgetVersion, options: BegrotingswijzigingOptions = {}): Begrotingswijziging {
  options = readOptions(FN, options, { library: SCENARIO_LIBRARY, technical: boolean, title: text(), idMap: ID_MAP });
  const sa = argumentSide(['a'], a);
  let sb: Side;
  let dekking: { notes: DekkingNote[]; scenarios: { id: string; title: string }[] } = { notes: [], scenarios: [] };
  let toB: ReadonlyMap<string, { readonly id: string }>;
  if (isScenario(b)) {
    if (options.idMap !== undefined) fail('invalid_option', ['options', 'idMap'], `${FN}: an id map is for a step between versions; a scenario keeps the baseline's ids`);
    const result = applyScenario(sa.budget, b, options.library);
    sb = sideOf(result.budget, result.title);
    dekking = dekkingOf(sa.budget, b, options.library, result);
    toB = new Map([...sb.lines.keys()].filter((id) => sa.lines.has(id)).map((id) => [id, { id }]));
  } else {
    if (options.library !== undefined) fail('invalid_option', ['options', 'library'], `${FN}: a library is for a scenario; b is a budget or a version`);
    sb = argumentSide(['b'], b);
    toB = matchLines(sa.evaluation, sb.evaluation, checkIdMap(FN, options.idMap, sa.evaluation, sb.evaluation), false).toB;
  }
  const inB = new Set(sb.budget.horizon.years);
  const years = sa.budget.horizon.years.filter((y) => inB.has(y));
  const lines = entries(sa, sb, toB, years)
    .map((e) => lineOf(e, years))
    .filter((l): l is WijzigingLine => l !== undefined);
  const programmes = programmesOf(sa, sb, lines, years);
  const total: WijzigingYears = sumYears(lines.map((l) => l.years), years);
  const reserves = hasReserves(sa.budget) || hasReserves(sb.budget) ? reservesOf(sa, sb, years) : undefined;
  const saldoAfterReserves: Record<string, Decimal> = {};
  for (const year of years) saldoAfterReserves[year] = noNegativeZero(total[year]!.saldo.plus(reserves?.[year]?.mutations ?? ZERO));
  const technical = options.technical ?? false;
  const neutrality = technical ? neutralityOf(saldoAfterReserves, years) : undefined;
  return deepFreeze({
    title: options.title ?? (isScenario(b) ? sb.label : `Begrotingswijziging ${sa.label} - ${sb.label}`),
    a: sa.label,
    b: sb.label,
    years,
    programmes,
    total,
    pm: pmYears(lines, years),
    ...(reserves === undefined ? {} : { reserves }),
    saldoAfterReserves,
    technical,
    ...(neutrality === undefined ? {} : { neutrality: neutrality.check }),
    scenarios: dekking.scenarios,
    dekking: dekking.notes,
    findings: neutrality?.findings ?? [],
  });
}
