import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { fail } from '../core/errors.js';
import { freezeThrough } from '../core/freeze.js';
import { isPm, type Budget, type Cell } from '../model/budget.js';
import { APPLY_OPTIONS, runScenario, scenarioArguments, type ApplyOptions } from './apply.js';
import { boolean, integer, object, requireArgument, text } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import type { ChangeKind, Scenario, ScenarioLibrary } from './types.js';

/** A figure as printed: an exact amount, or nil; `pm` when it is or contains a pm post. @category Scenarios */
export interface Figure {
  /** Exact amount in euros (pm counts as 0); undefined = nil (blank, or the row does not exist). */
  readonly amount: Decimal | undefined;
  /** Whether it is or contains a pm post. */
  readonly pm: boolean;
}

/** One change that touched the explained figure. @category Scenarios */
export interface ExplanationStep {
  /** Id of the scenario that wrote the change. */
  readonly scenario: string;
  /** Index of the change in that scenario. */
  readonly change: number;
  /** Index in the flattened change list. */
  readonly step: number;
  /** Kind of change. */
  readonly kind: ChangeKind;
  /** The change's note (toelichting), when it gives one. */
  readonly note?: string;
  /** The figure before this change. */
  readonly before: Figure;
  /** The figure after it. */
  readonly after: Figure;
  /** The rows (line or components) it wrote, with their cells before and after. */
  readonly rows: readonly {
    /** Id of the row (line or component). */
    readonly row: string;
    /** The row's cell before the change; undefined when the row did not exist. */
    readonly before: Cell | undefined;
    /** The row's cell after the change; undefined when the row was dropped. */
    readonly after: Cell | undefined;
  }[];
}

/** How a figure came about (toelichting): baseline value, each change that touched it, result. A frozen value. @category Scenarios */
export interface Explanation {
  /** What is explained: a line or component, a section's subtotal, or the grand total. */
  readonly scope: 'line' | 'section' | 'total';
  /** The line or component explained; the section's id for a section; empty for the grand total. */
  readonly line: string;
  /** The year. */
  readonly year: number;
  /** The figure in the baseline. */
  readonly baseline: Figure;
  /** Changes that touched it, in application order (indexation last). */
  readonly steps: readonly ExplanationStep[];
  /** The figure in the scenario. */
  readonly result: Figure;
}

/**
 * What {@link explain} explains: a line or component (`line`), a section's subtotal (`section`) or the grand total
 * (`total: true`), in a year. @category Scenarios
 */
export interface ExplainAt {
  /** A line or component id. */
  readonly line?: string;
  /** A section id: its subtotal. */
  readonly section?: string;
  /** The grand total (TOTAAL SALDO). */
  readonly total?: boolean;
  /** The year. */
  readonly year: number;
}

function figure(cells: ReadonlyMap<string, Cell | undefined>): Figure {
  let amount: Decimal | undefined;
  let pm = false;
  for (const cell of cells.values()) {
    if (cell === undefined) continue;
    if (isPm(cell)) {
      pm = true;
      amount ??= ZERO;
    } else amount = (amount ?? ZERO).plus(cell);
  }
  return { amount: amount === undefined ? undefined : noNegativeZero(amount), pm };
}

/** What to explain: a line or component, a section, or the grand total. */
type Target = { readonly scope: 'line'; readonly id: string } | { readonly scope: 'section'; readonly id: string } | { readonly scope: 'total' };

/** The cells a figure sums in a year, by row id; undefined when the budget has no such line, component or section. */
function rowsOf(budget: Budget, target: Target, year: number): Map<string, Cell | undefined> | undefined {
  if (target.scope === 'line') return lineRowsOf(budget, target.id, year);
  const sections = target.scope === 'total' ? budget.sections : budget.sections.filter((s) => s.id === target.id);
  if (sections.length === 0 && target.scope === 'section') return undefined;
  const cells = new Map<string, Cell | undefined>();
  for (const l of sections.flatMap((s) => s.lines)) for (const [row, cell] of lineRowsOf(budget, l.id, year) ?? []) cells.set(row, cell);
  return cells;
}

/** The line ids of a section (or of every section) in a budget. */
function linesIn(budget: Budget, target: Target): Set<string> {
  return new Set(budget.sections.filter((s) => target.scope === 'total' || (target.scope === 'section' && s.id === target.id)).flatMap((s) => s.lines.map((l) => l.id)));
}

function lineRowsOf(budget: Budget, id: string, year: number): Map<string, Cell | undefined> | undefined {
  for (const s of budget.sections) {
    for (const l of s.lines) {
      if (l.id === id) {
        const m = new Map<string, Cell | undefined>([[l.id, l.row === 'amount' ? l.values[year] : undefined]]);
        for (const c of l.components) m.set(c.id, c.values[year]);
        return m;
      }
      for (const c of l.components) if (c.id === id) return new Map([[c.id, c.values[year]]]);
    }
  }
  return undefined;
}

/**
 * Explains one figure of a scenario (toelichting op een bedrag): for a line (its total: own row and components),
 * a component, a section's subtotal (`{ section, year }`) or the grand total (`{ total: true, year }`), and a year,
 * the baseline value, every change that touched it with the value before and after and its note, and the result.
 * @param baseline - the baseline budget
 * @param scenario - the scenario
 * @param at - the line or component id (`line`), the section id (`section`) or `total: true`, and the year
 * @param library - scenarios it may extend
 * @param options - conflict handling (use `report` to explain a scenario with conflicts)
 * @throws MeerjarenError `unknown_reference` when the line or section exists in neither budget, `year_outside_horizon`
 * @example
 * ```ts
 * import { budget, pm, loadScenario, explain } from 'meerjaren';
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
 * const why = explain(tb1, scenario, { line: '1.7', year: 2027 });
 * why.baseline.amount?.toFixed(); // "-371000" (euros)
 * why.steps[0]!.kind;             // "set-amount"
 * why.result.amount?.toFixed();   // "-185500"
 * ```
 * @category Scenarios
 */
export function explain(baseline: Budget, scenario: Scenario, at: ExplainAt, library?: ScenarioLibrary, options: ApplyOptions = {}): Explanation {
  const args = scenarioArguments('explain', 'baseline', baseline, scenario, library, options, APPLY_OPTIONS);
  baseline = args.budget;
  options = args.options;
  requireArgument('explain', 'at', at, object({ line: text({ nonEmpty: true }), section: text({ nonEmpty: true }), total: boolean, year: integer({ min: MIN_YEAR, max: MAX_YEAR }) }));
  const named = [at.line, at.section, at.total === true ? true : undefined].filter((x) => x !== undefined).length;
  if (named === 0) fail('invalid_argument', ['at', 'line'], 'explain: at.line is required (or at.section, or at.total: true)');
  if (named > 1) fail('invalid_argument', ['at'], 'explain: give only one of at.line, at.section and at.total');
  if (at.year === undefined) fail('invalid_argument', ['at', 'year'], 'explain: at.year is required');
  const target: Target = at.line !== undefined ? { scope: 'line', id: at.line } : at.section !== undefined ? { scope: 'section', id: at.section } : { scope: 'total' };
  const line = target.scope === 'total' ? '' : target.id;
  const year = at.year;
  if (!baseline.horizon.years.includes(year)) fail('year_outside_horizon', ['year'], `${year} is outside the horizon ${baseline.horizon.from}-${baseline.horizon.to}`);
  const { result, engine, steps } = runScenario(baseline, scenario, library, options);
  const start = rowsOf(baseline, target, year);
  const end = rowsOf(result.budget, target, year);
  if (start === undefined && end === undefined) fail('unknown_reference', [target.scope], `no ${target.scope === 'line' ? 'line or component' : 'section'} "${line}" in the baseline or the scenario`);
  const cells = new Map(start ?? []);
  const explained: ExplanationStep[] = [];
  const inScope = target.scope === 'line' ? undefined : new Set([...linesIn(baseline, target), ...linesIn(result.budget, target)]);
  const relevant = engine.trace.filter((t) => t.year === year && (inScope === undefined ? t.row === line || t.line === line : inScope.has(t.line)));
  for (const t of relevant) {
    const last = explained[explained.length - 1];
    const before = figure(cells);
    cells.set(t.row, t.after);
    const after = figure(cells);
    if (last !== undefined && last.step === t.step) {
      explained[explained.length - 1] = { ...last, after, rows: [...last.rows, { row: t.row, before: t.before, after: t.after }] };
    } else {
      const step = steps[t.step]!;
      const note = (step.change as { note?: unknown }).note;
      explained.push({ scenario: step.scenario, change: step.index, step: t.step, kind: step.change.kind, ...(typeof note === 'string' ? { note } : {}), before, after, rows: [{ row: t.row, before: t.before, after: t.after }] });
    }
  }
  return freezeThrough({ scope: target.scope, line, year, baseline: start === undefined ? { amount: undefined, pm: false } : figure(start), steps: explained, result: end === undefined ? { amount: undefined, pm: false } : figure(end) });
}
