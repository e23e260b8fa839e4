import { Dec, ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { fail, formatPath } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { tally } from '../core/work.js';
import { isPm, unitFactor, type Budget, type Nature, type YearValues } from '../model/budget.js';
import { PM_FLAG, compileValidBudget } from '../engine/compile.js';
import { createEngine, type Scope } from '../engine/engine.js';
import { requireBudget } from '../validate/admit.js';

export type { Total, TotalsByYear, ComponentResult, LineResult, SectionResult, CheckStatus, Check, Evaluation } from '../model/evaluation.js';
import type { Check, CheckStatus, ComponentResult, Evaluation, LineResult, SectionResult, Total, TotalsByYear } from '../model/evaluation.js';

/**
 * Evaluates a budget (doorrekenen): per year the totals of every line, section and the whole table, split
 * into structural and incidental parts, with the pm posts each contains, and the document's printed totals
 * checked. Pure: the budget is not changed; the result is frozen.
 * @param budget - a budget from `loadBudget` or the builder
 * @example
 * ```ts
 * import { budget, pm, evaluate } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const result = evaluate(tb1);
 * result.total['2025']!.amount.toFixed();     // "-1471000": exact euros (the table's -1.471 x € 1.000)
 * result.total['2025']!.structural.toFixed(); // "-371000"
 * result.total['2026']!.pm;                   // ["1.4"]: the 2026 total holds the pm post of 1.4
 * ```
 * @category Evaluation
 */
export function evaluate(budget: Budget): Evaluation {
  return evaluateBudget(requireBudget('evaluate', 'budget', budget));
}

/**
 * The evaluation of every frozen budget evaluated so far, by budget. A frozen budget cannot change and an
 * evaluation is frozen, so one evaluation serves every caller: the loader's check of printed totals, `evaluate`,
 * the tables, comparisons and the `evaluation` of a scenario result. `evaluate` takes no options that change its
 * result; a budget that is not frozen is evaluated every time. Held weakly: an evaluation goes with its budget.
 */
const evaluations = new WeakMap<Budget, Evaluation>();

/**
 * {@link evaluate} without the check of its argument, for the loader (whose budget is not admitted yet).
 * Memoised per frozen budget (the loader's budget, an admitted one): evaluating it again returns the same
 * frozen evaluation.
 * @param budget - a validated, frozen budget
 * @internal
 */
export function evaluateBudget(budget: Budget): Evaluation {
  const known = evaluations.get(budget);
  if (known !== undefined) return known;
  const evaluation = computeEvaluation(budget);
  if (Object.isFrozen(budget)) evaluations.set(budget, evaluation);
  return evaluation;
}

function computeEvaluation(budget: Budget): Evaluation {
  tally('evaluate');
  // Runs on the compiled integer engine (src/engine); `evaluateReference` in ./reference.ts is the
  // decimal.js oracle it is tested against. Rows keep the budget's own cell values.
  // Every object is frozen as it is built (amounts from the engine come frozen), so the result is deeply
  // frozen without a walk over it afterwards.
  const engine = createEngine(compileValidBudget(budget));
  const c = engine.compiled;
  const years = budget.horizon.years;
  const keys = years.map(String);
  const Y = keys.length;
  const flags = c.flags;
  const units = c.units;
  const wideUnits = c.wideUnits;
  const lines: Record<string, LineResult> = Object.create(null) as Record<string, LineResult>;
  const totalsOf = (scope: Scope, index: number): TotalsByYear => {
    const out: Record<string, Total> = Object.create(null) as Record<string, Total>;
    tally('evaluateCell', Y);
    for (let y = 0; y < Y; y++) out[keys[y]!] = engine.total(scope, index, y);
    return Object.freeze(out);
  };
  // The rows' totals are their cells: read from the compiled flags and units (in document order, like the
  // rows of the compiled budget), with the budget's own amount objects.
  let row = 0;
  let rowPlain = true;
  const rowOf = (values: YearValues, nature: Nature, lineId: string): TotalsByYear => {
    const out: Record<string, Total> = Object.create(null) as Record<string, Total>;
    const base = row++ * Y;
    tally('evaluateCell', Y);
    const structural = nature === 'structural';
    let pmTotal: Total | undefined;
    rowPlain = true;
    for (let y = 0; y < Y; y++) {
      const key = keys[y]!;
      const flag = flags[base + y]!;
      if (flag === 0) out[key] = EMPTY_TOTAL;
      else if ((flag & PM_FLAG) !== 0) out[key] = pmTotal ??= Object.freeze({ amount: ZERO, structural: ZERO, incidental: ZERO, pm: Object.freeze([lineId]), empty: false });
      else if (wideUnits === undefined ? units[base + y] === 0 : wideUnits[base + y] === 0n) out[key] = ZERO_TOTAL;
      else {
        const cell = values[key] as Decimal;
        if ((cell as { constructor: unknown }).constructor !== Dec) rowPlain = false;
        // a budget from loadBudget is frozen already; one made otherwise has its amounts frozen here
        const amount = Object.isFrozen(cell) ? cell : deepFreeze(cell);
        out[key] = Object.freeze(
          structural
            ? { amount, structural: amount, incidental: ZERO, pm: NO_PM, empty: false }
            : { amount, structural: ZERO, incidental: amount, pm: NO_PM, empty: false },
        );
      }
    }
    return Object.freeze(out);
  };
  let l = 0;
  const sections: SectionResult[] = budget.sections.map((section, s) => {
    const lineResults: LineResult[] = section.lines.map((line) => {
      const own = rowOf(line.values, line.nature, line.id);
      // A line of one row totals to that row: the same (frozen) totals, when its amounts are the library's own
      // decimals (as the engine would give them); otherwise the engine's sums.
      const single = line.components.length === 0 && rowPlain;
      const result: LineResult = Object.freeze({
        id: line.id,
        title: line.title,
        sectionId: section.id,
        own,
        components:
          line.components.length === 0
            ? NO_COMPONENTS
            : Object.freeze(line.components.map((comp) => Object.freeze({ id: comp.id, title: comp.title, nature: comp.nature, totals: rowOf(comp.values, comp.nature, line.id) }))),
        totals: single ? own : totalsOf('line', l),
      });
      l++;
      lines[line.id] = result;
      return result;
    });
    return Object.freeze({ id: section.id, title: section.title, lines: Object.freeze(lineResults), totals: totalsOf('section', s) });
  });
  const total = totalsOf('table', 0);
  if (l !== c.lineIds.length || row !== c.rowCount) fail('invalid_input', ['budget'], 'evaluate: the compiled budget does not match the budget');
  const checks = compareExpectations(budget, sections, total);
  return Object.freeze({ years: deepFreeze(years), sections: Object.freeze(sections), lines: Object.freeze(lines), total, checks: deepFreeze(checks) });
}

const NO_PM: readonly string[] = Object.freeze([]);
const NO_COMPONENTS: readonly ComponentResult[] = Object.freeze([]);
/** A blank cell. */
const EMPTY_TOTAL: Total = deepFreeze({ amount: ZERO, structural: ZERO, incidental: ZERO, pm: NO_PM, empty: true });
/** A cell of amount zero. */
const ZERO_TOTAL: Total = deepFreeze({ amount: ZERO, structural: ZERO, incidental: ZERO, pm: NO_PM, empty: false });

/**
 * Checks the printed totals of a budget document against the sums of their rows.
 * @param budget - the budget
 * @returns one check per printed value
 * @example
 * ```ts
 * import { budget, checkExpectations } from 'meerjaren';
 *
 * const table = budget({ title: 'Samengevat', unit: 'thousand', horizon: { from: 2025, to: 2025 }, defaultNature: 'structural' })
 *   .section('A', 'Lasten en baten')
 *   .line('L', 'Lasten', ['-168891'])
 *   .line('B', 'Baten', ['17715'])
 *   .total(['-151175'])   // as printed: one off the exact sum -151.176
 *   .build();
 * checkExpectations(table)[0]!.status; // "rounding": an afrondingsverschil, reported, not an error
 * ```
 * @category Evaluation
 */
export function checkExpectations(budget: Budget): readonly Check[] {
  return expectationChecks(requireBudget('checkExpectations', 'budget', budget));
}

/**
 * {@link checkExpectations} without the check of its argument, for the loader (whose budget is not admitted yet).
 * @param budget - a validated, frozen budget
 * @internal
 */
export function expectationChecks(budget: Budget): readonly Check[] {
  // Most budgets print no totals to check: then there is nothing to evaluate.
  const printsTotals =
    budget.expected !== undefined || budget.sections.some((s) => s.expected !== undefined || s.lines.some((l) => l.expected !== undefined));
  return printsTotals ? evaluateBudget(budget).checks : [];
}

/**
 * Compares the printed totals of a budget with the exact sums of their rows (shared with `evaluateReference`).
 * @internal
 * @param budget - the budget
 * @param sections - the evaluated sections
 * @param total - the evaluated grand total
 */
export function compareExpectations(budget: Budget, sections: readonly SectionResult[], total: TotalsByYear): Check[] {
  const unit = new Dec(unitFactor(budget.presentation.unit));
  const checks: Check[] = [];
  const compare = (
    scope: Check['scope'],
    id: string,
    path: (string | number)[],
    expected: Readonly<Record<string, Decimal>> | undefined,
    totals: TotalsByYear,
    printedRows: (year: string) => number,
  ): void => {
    if (expected === undefined) return;
    for (const [year, value] of Object.entries(expected)) {
      const actual = totals[year]?.amount ?? ZERO;
      const difference = value.minus(actual);
      const tolerance = unit.times(Math.floor(printedRows(year) / 2));
      const status: CheckStatus = difference.isZero() ? 'ok' : difference.abs().lte(tolerance) ? 'rounding' : 'mismatch';
      checks.push({
        scope,
        id,
        year: Number(year),
        path: formatPath([...path, year]),
        pathSegments: [...path, year],
        expected: value,
        actual,
        difference: noNegativeZero(difference),
        tolerance,
        status,
      });
    }
  };
  const has = (values: YearValues, year: string): number => (values[year] !== undefined && !isPm(values[year]) ? 1 : 0);
  budget.sections.forEach((section, si) => {
    section.lines.forEach((line, li) => {
      const lineRows = (year: string): number => has(line.values, year) + line.components.reduce((n, c) => n + has(c.values, year), 0);
      const result = sections[si]?.lines[li];
      if (result !== undefined) compare('line', line.id, ['sections', si, 'lines', li, 'values'], line.expected, result.totals, lineRows);
    });
    const sectionRows = (year: string): number =>
      section.lines.reduce((n, line) => n + has(line.values, year) + line.components.reduce((m, c) => m + has(c.values, year), 0), 0);
    const result = sections[si];
    if (result !== undefined) compare('section', section.id, ['sections', si, 'expected'], section.expected, result.totals, sectionRows);
  });
  const allRows = (year: string): number =>
    budget.sections.reduce(
      (n, section) => n + section.lines.reduce((m, line) => m + has(line.values, year) + line.components.reduce((k, c) => k + has(c.values, year), 0), 0),
      0,
    );
  compare('total', '', ['expected'], budget.expected, total, allRows);
  return checks;
}
