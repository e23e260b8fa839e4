/**
 * Seed 001 (Programmabegroting 2026): two tables in two sign conventions.
 * "Beleidswijzigingen/Nieuw beleid" writes costs positive (+ is nadeel): Saldo 653 0 0 0.
 * "Bezuinigings- en dekkingsvoorstellen" writes savings positive (+ is voordeel): Saldo 720 720 720 720.
 * Both are read through their declared sign convention and printed back in it; inside the model both mean
 * the effect on the saldo.
 *
 * Run: npx tsx examples/02-seed001-beleid-en-bezuinigingen.ts
 */
import { readFileSync } from 'node:fs';
import { budgetTable, evaluate, formatAmount, loadBudget, renderText } from 'meerjaren';

for (const file of ['seed001-beleidswijzigingen.json', 'seed001-bezuinigingen.json']) {
  const table = loadBudget(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8'));
  const sign = table.presentation.sign; // print it the way the source did
  console.log(renderText(budgetTable(table), { sign }));
  const result = evaluate(table);
  const saldo = result.years.map((y) => formatAmount(result.total[y]!.amount, { unit: 'thousand', sign }));
  const effect = result.years.map((y) => formatAmount(result.total[y]!.amount, { unit: 'thousand' }));
  console.log(`Saldo as printed (${sign}): ${saldo.join(' ')}`);
  console.log(`Effect on the saldo (+ is voordeel): ${effect.join(' ')}\n`);
}
