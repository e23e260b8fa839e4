import { memoPerFrozen } from '../core/memo.js';
import { Dec, ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { formatPath } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { tally } from '../core/work.js';
import { isPm, unitFactor, type Budget, type YearValues } from '../model/budget.js';
import { compiledOf } from '../engine/compile.js';
import { createEngine } from '../engine/engine.js';
import { enginesOf, lineResults, totalsOf } from './line-results.js';
import { requireBudget } from '../validate/admit.js';

export type { Total, TotalsByYear, ComponentResult, LineResult, SectionResult, CheckStatus, Check, Evaluation } from '../model/evaluation.js';
import type { Check, CheckStatus, Evaluation, LineResult, SectionResult, TotalsByYear } from '../model/evaluation.js';

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
 * {@link evaluate} without the check of its argument, for the loader (whose budget is not admitted yet).
 * Memoised per frozen budget (held weakly): a frozen budget cannot change and an evaluation is frozen, so one
 * evaluation serves every caller (the loader's check of printed totals, `evaluate`, the tables, comparisons and
 * the `evaluation` of a scenario result); a budget that is not frozen is evaluated every time.
 * @param budget - a validated, frozen budget
 * @internal
 */
export const evaluateBudget: (budget: Budget) => Evaluation = memoPerFrozen(computeEvaluation);

function computeEvaluation(budget: Budget): Evaluation {
  tally('evaluate');
  // Runs on the compiled integer engine (src/engine), compiled once per frozen budget; `evaluateReference` in
  // ./reference.ts is the decimal.js oracle it is tested against. The result is a view over the engine: the
  // section and grand totals are read at once (a handful), the line results (a Total per cell) when `lines` or
  // a section's `lines` is first read, and the checks when first read. Every object is frozen before it is
  // handed out, so the result is deeply frozen.
  const engine = createEngine(compiledOf(budget));
  const keys = budget.horizon.years.map(String);
  let perSection: readonly (readonly LineResult[])[] | undefined;
  const linesBySection = (): readonly (readonly LineResult[])[] => (perSection ??= Object.freeze(lineResults(budget, engine).map((lines) => Object.freeze(lines))));
  const sections: readonly SectionResult[] = Object.freeze(
    budget.sections.map((section, s) =>
      Object.freeze(
        Object.defineProperties({} as SectionResult, {
          id: { value: section.id, enumerable: true },
          title: { value: section.title, enumerable: true },
          lines: { get: () => linesBySection()[s]!, enumerable: true },
          totals: { value: totalsOf(engine, keys, 'section', s), enumerable: true },
        }),
      ),
    ),
  );
  const total = totalsOf(engine, keys, 'table', 0);
  let lines: Readonly<Record<string, LineResult>> | undefined;
  const lineRecord = (): Readonly<Record<string, LineResult>> => {
    if (lines !== undefined) return lines;
    const out: Record<string, LineResult> = Object.create(null) as Record<string, LineResult>;
    for (const list of linesBySection()) for (const line of list) out[line.id] = line;
    return (lines = Object.freeze(out));
  };
  let checks: readonly Check[] | undefined;
  const evaluation: Evaluation = Object.freeze(
    Object.defineProperties({} as Evaluation, {
      years: { value: deepFreeze(budget.horizon.years), enumerable: true },
      sections: { value: sections, enumerable: true },
      lines: { get: lineRecord, enumerable: true },
      total: { value: total, enumerable: true },
      checks: { get: () => (checks ??= deepFreeze(compareExpectations(budget, sections, total))), enumerable: true },
    }),
  );
  enginesOf.set(evaluation, engine);
  return evaluation;
}

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
      // only a line that prints a total is read: reading `lines` builds every line result
      const result = line.expected === undefined ? undefined : sections[si]?.lines[li];
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
