/**
 * The P&C cycle of one budget year (de P&C-cyclus): Programma 2 of Zoetermeer from the Begroting 2025 through the
 * TB1 2025 (the 16 lines of its table, as mutations) and a TB2 2025 to the Jaarrekening 2025.
 *
 * What is the source and what is assumed:
 * - TB1 2025's mutations are seed 000's table (TOTAAL SALDO PROGRAMMA -609 in 2025, 363 in 2026, ...).
 * - The figures of the Begroting 2025 (one line, -124.000 in 2025), the TB2 2025 mutations (1.1 -300, 1.6 -200 in
 *   2025, 1.4 estimated at -1.100 in 2026) and every realisatie of the Jaarrekening 2025 are assumptions of this
 *   example, not figures of the municipality.
 *
 * It prints the course table (begroting, each wijziging, begroting na wijziging, realisatie, afwijking), the
 * jaarrekening's table (begroting na wijziging, realisatie, verschil) and a forecast that takes the realisatie for
 * 2025 and the budget for 2026-2029.
 *
 * Run: npx tsx examples/61-pc-cycle.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accountsTable, budgetCourse, compareActuals, courseTable, forecast, formatAmount, loadActuals, loadVersion, renderText, versionSeries, type BudgetVersion } from 'meerjaren';

const text = (file: string): string => readFileSync(new URL(`./data/versions/${file}`, import.meta.url), 'utf8');

/** The versions of 2025: the begroting, and TB1 and TB2 derived from the one before by their mutations. */
export function versions2025(): BudgetVersion[] {
  const begroting = loadVersion(text('005-begroting-2025.json'));
  const tb1 = loadVersion(text('004-tb1-2025-mutations.json'), { previous: begroting });
  const tb2 = loadVersion(text('006-tb2-2025.json'), { previous: tb1 });
  return [begroting, tb1, tb2];
}

function main(): void {
  const series = versionSeries(versions2025());
  const actuals = loadActuals(text('007-jaarrekening-2025.json'));
  console.log(`Standen: ${series.versions.map((v) => v.name).join(' -> ')}; naspelen van de mutaties: ${series.findings.length} verschillen`);

  const course = budgetCourse(series, actuals);
  console.log('\n' + renderText(courseTable(course, { title: 'Verloop programma 2, 2025', presentation: { unit: 'thousand' } }), { unit: 'thousand' }));

  const accounts = compareActuals(series.versions.at(-1)!, actuals);
  console.log('\n' + renderText(accountsTable(accounts, { presentation: { unit: 'thousand' } }), { unit: 'thousand' }));
  const t = accounts.total.years['2025']!;
  console.log(`Begroting na wijziging 2025: ${formatAmount(t.budget!.amount, { unit: 'thousand' })}, realisatie ${formatAmount(t.actual!, { unit: 'thousand' })}, verschil ${formatAmount(t.deviation!, { unit: 'thousand' })} (voordeel is positief)`);

  const f = forecast(series.versions.at(-1)!, actuals, { from: 2025, to: 2029 });
  const years = f.years.map((y) => `${y} ${f.total.years[y]!.source === 'actual' ? 'realisatie' : 'begroting'} ${formatAmount(f.total.years[y]!.amount!, { unit: 'thousand' })}${f.total.years[y]!.pm.length > 0 ? ' + pm' : ''}`);
  console.log(`\nPrognose: ${years.join('; ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
