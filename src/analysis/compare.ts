import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import type { Budget } from '../model/budget.js';
import { evaluate, type Evaluation, type Total, type TotalsByYear } from '../evaluate/evaluate.js';
import { evaluateCover, type CoverEvaluation } from '../evaluate/cover.js';
import { evaluateTargets, type TargetsEvaluation } from '../evaluate/targets.js';
import { hasOwnKey, ownValue } from '../core/records.js';
import { fail, type Path } from '../core/errors.js';
import { describeValue, isObjectLike } from '../core/guard.js';
import { requireBudgetAt } from '../validate/result-checks.js';

import type { Comparable, AmountDifference, CoverDifference, YearDifference, SourceYearDifference, SourceDifference, TargetYearDifference, TargetDifference, RowDifference, ScenarioComparison } from './compare-types.js';
export type { Comparable, AmountDifference, CoverDifference, YearDifference, SourceYearDifference, SourceDifference, TargetYearDifference, TargetDifference, RowDifference, ScenarioComparison } from './compare-types.js';

/** The budget of a comparable. */
export function budgetOf(x: Comparable): Budget {
  return 'patches' in x ? x.budget : x;
}

/**
 * Checks a {@link Comparable} argument: a budget, or a scenario result with its budget (each admitted or validated).
 * @param fn - the public function's name
 * @param path - where it is (`['a']`, `['items', 2]`)
 * @param x - what the caller passed
 * @returns the budget to use, and the label (the scenario's or the budget's title)
 * @internal
 */
export function comparableOf(fn: string, path: Path, x: unknown): { readonly budget: Budget; readonly label: string } {
  if (isObjectLike(x) && 'patches' in x) {
    const title = (x as { title?: unknown }).title;
    if (typeof title !== 'string') fail('invalid_argument', [...path, 'title'], `${fn}: a scenario result has a title, not ${describeValue(title)}`);
    return { budget: requireBudgetAt(fn, [...path, 'budget'], (x as { budget?: unknown }).budget), label: title };
  }
  const budget = requireBudgetAt(fn, path, x);
  return { budget, label: budget.title };
}


const EMPTY_PM = (t: Total | undefined): number => t?.pm.length ?? 0;

/** Covered and uncovered per year of one line, section or the total. */
type CoverByYear = Record<string, { covered: Decimal; uncovered: Decimal }>;

/** Extra figures of a row: cover in `a` and `b` (when either declares cover), target gaps (total only). */
interface RowExtras {
  readonly cover?: { readonly a: CoverByYear | undefined; readonly b: CoverByYear | undefined };
  readonly gap?: { readonly a: Record<string, Decimal>; readonly b: Record<string, Decimal> };
}

function diffAmount(a: Decimal | undefined, b: Decimal | undefined): AmountDifference {
  const x = a ?? ZERO;
  const y = b ?? ZERO;
  return { a: x, b: y, difference: zero(y.minus(x)) };
}

function diffRow(id: string, title: string, years: readonly number[], a: TotalsByYear | undefined, b: TotalsByYear | undefined, extras: RowExtras = {}): RowDifference {
  const out: Record<string, YearDifference> = {};
  let changed = false;
  for (const year of years) {
    const ta = a?.[year];
    const tb = b?.[year];
    const amount = (tb?.amount ?? ZERO).minus(ta?.amount ?? ZERO);
    const structural = (tb?.structural ?? ZERO).minus(ta?.structural ?? ZERO);
    const incidental = (tb?.incidental ?? ZERO).minus(ta?.incidental ?? ZERO);
    const pm = { a: EMPTY_PM(ta), b: EMPTY_PM(tb), difference: EMPTY_PM(tb) - EMPTY_PM(ta) };
    if (!amount.isZero() || !structural.isZero() || pm.difference !== 0 || pm.a !== pm.b || (ta?.empty ?? true) !== (tb?.empty ?? true)) changed = true;
    const y = String(year);
    let cover: CoverDifference | undefined;
    if (extras.cover !== undefined) {
      const ca = extras.cover.a?.[y];
      const cb = extras.cover.b?.[y];
      cover = { covered: diffAmount(ca?.covered, cb?.covered), uncovered: diffAmount(ca?.uncovered, cb?.uncovered) };
      if (!cover.covered.difference.isZero() || !cover.uncovered.difference.isZero()) changed = true;
    }
    let targetGap: AmountDifference | undefined;
    if (extras.gap !== undefined) {
      targetGap = diffAmount(extras.gap.a[y], extras.gap.b[y]);
      if (!targetGap.difference.isZero()) changed = true;
    }
    out[year] = {
      a: ta,
      b: tb,
      amount: zero(amount),
      structural: zero(structural),
      incidental: zero(incidental),
      pm,
      ...(cover === undefined ? {} : { cover }),
      ...(targetGap === undefined ? {} : { targetGap }),
    };
  }
  return { id, title, presence: a === undefined ? 'only-b' : b === undefined ? 'only-a' : 'both', years: out, changed };
}

/** Cover per line, per section and for the total, from a cover evaluation. */
function coverIndex(evaluation: Evaluation, cover: CoverEvaluation): { lines: Map<string, CoverByYear>; sections: Map<string, CoverByYear>; total: CoverByYear } {
  const add = (into: CoverByYear, year: string, covered: Decimal, uncovered: Decimal): void => {
    const cur = into[year] ?? { covered: ZERO, uncovered: ZERO };
    into[year] = { covered: cur.covered.plus(covered), uncovered: cur.uncovered.plus(uncovered) };
  };
  const lines = new Map<string, CoverByYear>();
  const total: CoverByYear = {};
  for (const row of Object.values(cover.rows)) {
    if (!hasOwnKey(evaluation.lines, row.line)) continue; // a claim on a row the budget no longer has
    const line = lines.get(row.line) ?? {};
    for (const [y, v] of Object.entries(row.years)) {
      add(line, y, v.covered, v.uncovered);
      add(total, y, v.covered, v.uncovered);
    }
    lines.set(row.line, line);
  }
  const sections = new Map<string, CoverByYear>();
  for (const s of evaluation.sections) {
    const acc: CoverByYear = {};
    for (const l of s.lines) for (const [y, v] of Object.entries(lines.get(l.id) ?? {})) add(acc, y, v.covered, v.uncovered);
    sections.set(s.id, acc);
  }
  return { lines, sections, total };
}

function diffSources(years: readonly number[], a: CoverEvaluation, b: CoverEvaluation): SourceDifference[] {
  const ids = [...Object.keys(b.sources), ...Object.keys(a.sources).filter((id) => !hasOwnKey(b.sources, id))];
  return ids.map((id) => {
    const sa = ownValue(a.sources, id);
    const sb = ownValue(b.sources, id);
    const out: Record<string, SourceYearDifference> = {};
    let changed = sa === undefined || sb === undefined;
    for (const year of years) {
      const ya = sa?.years[year];
      const yb = sb?.years[year];
      const d = { given: diffAmount(ya?.given, yb?.given), overCommitted: diffAmount(ya?.overCommitted, yb?.overCommitted) };
      if (!d.given.difference.isZero() || !d.overCommitted.difference.isZero()) changed = true;
      out[year] = d;
    }
    return { id, title: (sb ?? sa)!.title, presence: sa === undefined ? 'only-b' : sb === undefined ? 'only-a' : 'both', years: out, changed };
  });
}

function diffTargets(years: readonly number[], a: TargetsEvaluation, b: TargetsEvaluation): TargetDifference[] {
  const ids = [...Object.keys(b.targets), ...Object.keys(a.targets).filter((id) => !hasOwnKey(b.targets, id))];
  return ids.map((id) => {
    const ta = ownValue(a.targets, id);
    const tb = ownValue(b.targets, id);
    const out: Record<string, TargetYearDifference> = {};
    let changed = ta === undefined || tb === undefined;
    for (const year of years) {
      const ya = ta?.years[year];
      const yb = tb?.years[year];
      const d: TargetYearDifference = {
        target: diffAmount(ya?.target, yb?.target),
        realised: diffAmount(ya?.realised, yb?.realised),
        gap: diffAmount(ya?.gap, yb?.gap),
        unfilled: diffAmount(ya?.unfilled, yb?.unfilled),
        pm: { a: ya?.pm ?? false, b: yb?.pm ?? false },
      };
      if (!d.target.difference.isZero() || !d.realised.difference.isZero() || !d.gap.difference.isZero() || !d.unfilled.difference.isZero() || d.pm.a !== d.pm.b) changed = true;
      out[year] = d;
    }
    return { id, title: (tb ?? ta)!.title, presence: ta === undefined ? 'only-b' : tb === undefined ? 'only-a' : 'both', years: out, changed };
  });
}

function totalGap(years: readonly number[], t: TargetsEvaluation): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const year of years) {
    let sum = ZERO;
    for (const target of Object.values(t.targets)) sum = sum.plus(target.years[year]?.gap ?? ZERO);
    out[String(year)] = zero(sum);
  }
  return out;
}

function zero(d: Decimal): Decimal {
  return noNegativeZero(d);
}

/**
 * Compares two budgets or scenario results (scenario's vergelijken): per line, section and total and per year,
 * the difference `b - a` in saldo, structural saldo, pm count, cover (gedekt / ongedekt) and the gap of the savings
 * targets. Either may be the baseline.
 *
 * @remarks
 * A line or section that exists in only one of them counts as 0 (and no pm) in the other. Years are those of
 * `b`'s horizon.
 *
 * When `a` or `b` declares cover (`budget.cover`), both are evaluated with `evaluateCover`: every line, section and
 * the total get `cover` (covered and uncovered, summed over the line's claimed rows; 0 where nothing is claimed),
 * and `sources` lists per source what it gives and how far it is over-committed. When `a` or `b` has savings
 * targets (`budget.targets`), both are evaluated with `evaluateTargets`: the total gets `targetGap` (the gaps
 * summed over the targets) and `targets` lists per target the target, realised, gap and unfilled amounts and
 * whether the path is pm. A budget without cover or targets counts as having none (all zero).
 * @param a - the reference (usually the baseline)
 * @param b - the variant
 * @example
 * ```ts
 * import { budget, pm, loadScenario, applyScenario, compareScenarios } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const scenario = loadScenario({ id: 'ramingen', title: 'Ramingen pm en halvering 1.7', changes: [
 *   { kind: 'estimate-pm', line: '1.4', value: '-1100' },
 *   { kind: 'set-amount', line: '1.7', years: { from: 2026 }, value: { percent: '50' } },
 * ] }, { budget: tb1 });
 * const comparison = compareScenarios(tb1, applyScenario(tb1, scenario));
 * comparison.total.years['2026']!.amount.toFixed();     // "-914500": b - a in euros
 * comparison.total.years['2026']!.structural.toFixed(); // "185500"
 * comparison.total.years['2026']!.pm;                   // { a: 1, b: 0, difference: -1 }
 * ```
 * @category Analysis
 */
export function compareScenarios(a: Comparable, b: Comparable): ScenarioComparison {
  const checkedA = comparableOf('compareScenarios', ['a'], a);
  const checkedB = comparableOf('compareScenarios', ['b'], b);
  const ba = checkedA.budget;
  const bb = checkedB.budget;
  const ea = evaluate(ba);
  const eb = evaluate(bb);
  const years = eb.years;
  const withCover = ba.cover !== undefined || bb.cover !== undefined;
  const withTargets = ba.targets !== undefined || bb.targets !== undefined;
  const cea = withCover ? evaluateCover(ba, ea) : undefined;
  const ceb = withCover ? evaluateCover(bb, eb) : undefined;
  const ca = cea === undefined ? undefined : coverIndex(ea, cea);
  const cb = ceb === undefined ? undefined : coverIndex(eb, ceb);
  const coverOf = (pick: (c: ReturnType<typeof coverIndex>) => CoverByYear | undefined): RowExtras =>
    ca === undefined || cb === undefined ? {} : { cover: { a: pick(ca), b: pick(cb) } };
  const sections: RowDifference[] = [];
  const seenSections = new Set<string>();
  for (const s of eb.sections) {
    seenSections.add(s.id);
    sections.push(diffRow(s.id, s.title, years, ea.sections.find((x) => x.id === s.id)?.totals, s.totals, coverOf((c) => c.sections.get(s.id))));
  }
  for (const s of ea.sections) if (!seenSections.has(s.id)) sections.push(diffRow(s.id, s.title, years, s.totals, undefined, coverOf((c) => c.sections.get(s.id))));
  const lines: RowDifference[] = [];
  for (const s of eb.sections) for (const l of s.lines) lines.push(diffRow(l.id, l.title, years, ownValue(ea.lines, l.id)?.totals, l.totals, coverOf((c) => c.lines.get(l.id))));
  for (const s of ea.sections) for (const l of s.lines) if (!hasOwnKey(eb.lines, l.id)) lines.push(diffRow(l.id, l.title, years, l.totals, undefined, coverOf((c) => c.lines.get(l.id))));
  const tea = withTargets ? evaluateTargets(ba) : undefined;
  const teb = withTargets ? evaluateTargets(bb) : undefined;
  const totalExtras: RowExtras = {
    ...coverOf((c) => c.total),
    ...(tea === undefined || teb === undefined ? {} : { gap: { a: totalGap(years, tea), b: totalGap(years, teb) } }),
  };
  const total = diffRow('', bb.presentation.totalLabel, years, ea.total, eb.total, totalExtras);
  return deepFreeze({
    a: checkedA.label,
    b: checkedB.label,
    years,
    total,
    sections,
    lines,
    ...(cea === undefined || ceb === undefined ? {} : { sources: diffSources(years, cea, ceb) }),
    ...(tea === undefined || teb === undefined ? {} : { targets: diffTargets(years, tea, teb) }),
  });
}
