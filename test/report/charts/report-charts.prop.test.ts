import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetArb } from '../../../src/testing/index.js';
import { budgetTable } from '../../../src/report/budget-table.js';
import { evaluate } from '../../../src/evaluate/evaluate.js';
import { resolvePresentation } from '../../../src/report/presentation.js';
import { roundGrid } from '../../../src/report/rounded-grid.js';
import { waterfallSteps, WATERFALL_STEP_LIMIT } from '../../../src/report/charts/report-charts.js';

const numRuns = process.env.MEERJAREN_DEEP ? 20_000 : 150;

/** A printed figure in the Dutch minus notation, without decimals, as a whole number ("-1.234 + pm" and "0 ± pm" are -1234 and 0). */
const figure = (label: string): bigint => BigInt(label.replace(/ [-+±] pm$/, '').replace(/\./g, ''));

describe('the report waterfall: printed steps add up to the printed total (property)', () => {
  it('for any budget, unit, sign and rounding policy, in every year', () => {
    const settings = fc.record({
      unit: fc.constantFrom('euro', 'thousand', 'million'),
      sign: fc.constantFrom('voordeel-positive', 'nadeel-positive'),
      rounding: fc.constantFrom('consistent', 'plain'),
    });
    fc.assert(
      fc.property(budgetArb({ maxYears: 3, maxLines: 14 }), settings, (budget, s) => {
        const p = resolvePresentation({ ...s, decimals: 0, locale: 'nl', notation: 'minus' } as Parameters<typeof resolvePresentation>[0]);
        const table = budgetTable(budget, { evaluation: evaluate(budget) });
        const grid = roundGrid(table, p);
        const totalRow = grid.rows.find((g) => g.row.kind === 'total')!;
        table.columns.forEach((_, c) => {
          const { steps, grouped } = waterfallSteps(grid, totalRow, c, (d) => Number(d.toFixed(6)));
          const sum = steps.reduce((acc, step) => acc + figure(step.display!), 0n);
          expect(sum).toBe(figure(grid.text(totalRow, c)));
          // never more bars than the limit unless there are more sections than that (one bar each)
          if (grouped) expect(steps.length).toBeLessThanOrEqual(budget.sections.length + 1);
          else expect(steps.length).toBeLessThanOrEqual(WATERFALL_STEP_LIMIT + 1);
          // a rounding-difference bar exactly where the table prints one under the total (under the consistent
          // policy only when no row the total adds up is free to take the step, e.g. each is a settled subtotal)
          const i = grid.rows.indexOf(totalRow);
          const printed = grid.differences.includes(grid.rows[i + 1]!) && grid.hasAmount(grid.rows[i + 1]!, c);
          expect(steps.some((step) => step.label === 'Afrondingsverschil')).toBe(printed);
        });
      }),
      { numRuns },
    );
  });
});
