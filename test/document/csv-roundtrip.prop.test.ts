import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPm, type Budget, type YearValues } from '../../src/model/budget.js';
import { readYearTable } from '../../src/document/csv.js';
import { yearTableToDocument } from '../../src/document/year-table.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { budgetTable } from '../../src/report/budget-table.js';
import { tableToCsv } from '../../src/report/csv.js';
import { budgetArb } from '../../src/testing/budgets.js';
import { seedText } from '../helpers.js';

/** A budget as its CSV export can carry it: sections, lines, components (ids, titles, rows, values), the horizon. */
function shape(b: Budget): unknown {
  const values = (v: YearValues): Record<string, string> =>
    Object.fromEntries(Object.entries(v).map(([y, c]) => [y, isPm(c) ? `pm ${c.direction ?? ''}` : c.toFixed()]));
  return {
    years: [b.horizon.from, b.horizon.to, b.horizon.budgetYear],
    sections: b.sections.map((s) => ({
      id: s.id,
      title: s.title.trim(),
      lines: s.lines.map((l) => ({
        id: l.id,
        title: l.title.trim(),
        row: l.row,
        values: l.row === 'subtotal' ? {} : values(l.values),
        components: l.components.map((c) => ({ id: c.id, title: c.title.trim(), values: values(c.values) })),
      })),
    })),
  };
}

/** The grand total per year, exact, with whether it holds a pm. */
function totals(b: Budget): string[] {
  const e = evaluate(b);
  return e.years.map((y) => `${e.total[String(y)]!.amount.toFixed()}${e.total[String(y)]!.pm.length > 0 ? ' + pm' : ''}`);
}

describe("the library's own CSV export reads back as the same budget", () => {
  it('tableToCsv(budgetTable(b), ids) read with readYearTable and yearTableToDocument gives b: headings, lines, components, subtotal lines, the total row checked', () => {
    fc.assert(
      fc.property(
        // amounts below 10^14 euros, so that a total of the drawn rows stays within the 18 digits an amount may have
        budgetArb({ maxYears: 5, maxSections: 3, maxLines: 4, maxComponents: 3, maxMicros: 10n ** 20n }),
        fc.boolean(),
        fc.constantFrom<'nl' | 'en'>('nl', 'en'),
        (b, sectionTotals, locale) => {
          const { unit, sign } = b.presentation;
          const table = budgetTable(b, { sectionTotals });
          const csv = tableToCsv(table, { unit, sign }, { ids: true, locale, separator: locale === 'nl' ? ';' : ',' });
          const sheet = readYearTable(csv, { locale });
          // every printed total (the grand total, section subtotals, lines printed as the sum of their components) is checked, never a line
          const totalRows = sheet.rows.filter((r) => r.role === 'total').length;
          expect(totalRows).toBe(1 + (sectionTotals ? b.sections.length : 0) + b.sections.flatMap((s) => s.lines).filter((l) => l.row === 'subtotal').length);
          expect(sheet.checks?.every((c) => c.status === 'ok')).toBe(true);
          // one check per printed figure of a total (a total with nothing in it prints blank and checks nothing)
          const printedTotals = table.rows.filter((r) => r.of !== undefined).flatMap((r) => r.cells).filter((c) => c.amount !== undefined).length;
          expect(sheet.checks).toHaveLength(printedTotals);
          const doc = yearTableToDocument(sheet, { title: b.title, unit, sign, nature: 'structural', budgetYear: b.horizon.budgetYear });
          const back = loadBudget(doc);
          expect(shape(back)).toEqual(shape(b));
          expect(totals(back)).toEqual(totals(b));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('seed 000 exported and read back', () => {
  it('with ids: the same sections, lines and components, and TOTAAL SALDO PROGRAMMA checked, not a line', () => {
    const b = loadBudget(seedText('seed000-tb1.json'));
    const sheet = readYearTable(tableToCsv(budgetTable(b), {}, { ids: true }), { locale: 'nl' });
    expect(sheet.rows.at(-1)).toMatchObject({ id: 'total', role: 'total', label: 'TOTAAL SALDO PROGRAMMA' });
    expect(sheet.checks?.map((c) => c.status)).toEqual(Array(7).fill('ok'));
    const back = loadBudget(yearTableToDocument(sheet, { title: b.title, unit: 'thousand', nature: 'structural', budgetYear: b.horizon.budgetYear }));
    expect(shape(back)).toEqual(shape(b));
    expect(totals(back)).toEqual(totals(b));
  });

  it('without ids: the total row is recognised by its label and checked; the headings stay rows without figures', () => {
    const b = loadBudget(seedText('seed000-tb1.json'));
    const sheet = readYearTable(tableToCsv(budgetTable(b)), { locale: 'nl' });
    expect(sheet.rows.filter((r) => r.role === 'total').map((r) => r.label)).toEqual(['TOTAAL SALDO PROGRAMMA']);
    expect(sheet.checks?.map((c) => `${c.column}|${c.status}`)).toEqual(b.horizon.years.map((y) => `${y}|ok`));
    expect(sheet.rows.filter((r) => r.role === 'heading').map((r) => r.label.split(' ')[0])).toEqual(['1', '1.3', '1.7', '2', '2.1', '3', '3.2', '4', '4.5']);
  });
});
