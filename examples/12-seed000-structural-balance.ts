/**
 * Seed 000: the structural balance (structureel begrotingssaldo, BBV) of the TB1 / MJB table with its cover, the
 * overview of incidental income and expenses, the supervisor's verdict, the "reeel" warnings, and the reserve
 * mutations summary in the shape of seed 001's "Financieel samengevat" (3.1's EUR 2,0 mln as a toevoeging).
 *
 * Run: npx tsx examples/12-seed000-structural-balance.ts
 */
import { fileURLToPath } from 'node:url';
import { renderText, reserveSummaryTable, structuralBalance, structuralBalanceTable, type StructuralBalance, type Table } from 'meerjaren';
import { seed000WithCover } from './10-seed000-cover.js';

/** The structural balance of seed 000 and its two tables. */
export function seed000Balance(): { balance: StructuralBalance; balanceTable: Table; summary: Table } {
  const b = seed000WithCover();
  const balance = structuralBalance(b);
  return { balance, balanceTable: structuralBalanceTable(b, balance), summary: reserveSummaryTable(b) };
}

function main(): void {
  const { balance, balanceTable, summary } = seed000Balance();
  console.log(renderText(balanceTable));
  const verdict = { 'first-year': `structureel in evenwicht in het eerste jaar (${balance.firstYear})`, 'last-year': `structureel in evenwicht uiterlijk in ${balance.lastYear}`, 'not-in-balance': 'niet structureel in evenwicht' }[balance.verdict];
  console.log(`\nOordeel: ${verdict}`);
  console.log('\nOverzicht incidentele baten en lasten:');
  for (const item of balance.incidentalItems) console.log(`  ${item.title}: ${Object.entries(item.years).map(([y, v]) => `${y} ${v.div(1000).toFixed()}`).join(', ')}`);
  console.log('\nWaarschuwingen (reeel):');
  for (const w of balance.warnings) console.log(`  [${w.code}] ${w.message}`);
  console.log('\n' + renderText(summary));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
