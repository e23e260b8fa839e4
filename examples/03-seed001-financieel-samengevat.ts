/**
 * Seed 001's "Financieel samengevat: Wat mag het kosten?": Lasten, Baten, Gerealiseerd saldo, Toevoegingen,
 * Onttrekkingen, Mutaties reserves, Saldo. Its printed subtotals differ by 1 from the sums of its printed rows
 * in some years (each figure was rounded to thousands on its own): meerjaren reports those as
 * afrondingsverschil, not as errors, and not hidden.
 *
 * Run: npx tsx examples/03-seed001-financieel-samengevat.ts
 */
import { readFileSync } from 'node:fs';
import { budgetTable, evaluate, formatAmount, loadBudget, renderText } from 'meerjaren';

const summary = loadBudget(readFileSync(new URL('./data/seed001-financieel-samengevat.json', import.meta.url), 'utf8'));
const result = evaluate(summary);
console.log(renderText(budgetTable(summary, { sectionTotals: true, evaluation: result })));

console.log('\nControle van de gedrukte (sub)totalen:');
for (const check of result.checks) {
  if (check.status === 'ok') continue;
  const what = check.scope === 'total' ? 'Saldo' : `subtotaal ${check.id}`;
  console.log(
    `${check.year} ${what}: gedrukt ${formatAmount(check.expected, { unit: 'thousand' })}, som van de regels ${formatAmount(check.actual, { unit: 'thousand' })}, ` +
      `${check.status === 'rounding' ? 'afrondingsverschil' : 'VERSCHIL'} ${formatAmount(check.difference, { unit: 'thousand' })}`,
  );
}
