/**
 * Seed 003 (Programmabegroting 2024): the "Nieuw beleid" table, which writes costs positive and their cover
 * negative (Daklozenpunt 80 / bijdrage gemeente Den Haag -80): Saldo 1.352 1.352 20 0.
 *
 * Run: npx tsx examples/04-seed003-nieuw-beleid.ts
 */
import { readFileSync } from 'node:fs';
import { budgetTable, evaluate, formatAmount, loadBudget, renderText } from 'meerjaren';

const newPolicy = loadBudget(readFileSync(new URL('./data/seed003-nieuw-beleid.json', import.meta.url), 'utf8'));
const result = evaluate(newPolicy);
console.log(renderText(budgetTable(newPolicy, { evaluation: result }), { unit: 'thousand', sign: 'nadeel-positive' }));
const saldo = result.years.map((y) => formatAmount(result.total[y]!.amount, { unit: 'thousand', sign: 'nadeel-positive' }));
console.log(`\nSaldo (+ is nadeel): ${saldo.join(' ')}`);
const structural = result.years.map((y) => formatAmount(result.total[y]!.structural, { unit: 'thousand', sign: 'nadeel-positive' }));
console.log(`waarvan structureel: ${structural.join(' ')}`);
