/**
 * A printed table with columns that are not years (kolommen die geen jaren zijn): the primary budget 2026, the
 * changes, the budget after changes (the sum of the first two) and then the years of the multi-year budget, as a
 * "Begrotingswijziging" prints it (x € 1.000). The layout declares the three columns; every row's "after changes"
 * figure is checked against the sum of its two columns, and every column's Saldo against the rows above it.
 */
import { evaluate, loadBudget, readPrintedTable } from 'meerjaren';

const printed = [
  'Begrotingswijziging 2026-04;;;;;;',
  'Bedragen x € 1.000;;;;;;',
  'Programma;Primitieve begroting 2026;Wijzigingen;Begroting na wijziging 2026;2027;2028;2029',
  '1 Bestuur en ondersteuning;-4.210;-150;-4.360;-4.180;-4.150;-4.150',
  '2 Veiligheid;-6.830;-75;-6.906;-6.900;-6.950;-7.000',
  '3 Sociaal domein;-48.612;-1.208;-49.820;-49.100;-48.700;-48.300',
  '4 Algemene dekkingsmiddelen;61.450;1.610;63.060;62.400;62.900;63.300',
  'Saldo;1.798;177;1.975;2.220;3.110;3.850',
].join('\n');

// "Primitieve begroting 2026" and "Begroting na wijziging 2026" both name 2026: the layout says which is the year.
const table = readPrintedTable(printed, {
  nature: 'structural',
  layout: {
    columns: [
      { header: 'Primitieve begroting 2026', role: 'amount' },
      { header: 'Wijzigingen', role: 'amount' },
      { header: 'Begroting na wijziging 2026', role: 'sum', of: ['Primitieve begroting 2026', 'Wijzigingen'] },
    ],
  },
});

const mark = { ok: ' ', rounding: '~', mismatch: '!' } as const;
for (const check of table.checks.filter((c) => c.status !== 'ok')) console.log(`${mark[check.status]} ${check.message}`);
console.log(`checks: ${table.checks.length}, of which ok: ${table.checks.filter((c) => c.status === 'ok').length}`);
console.log(`years: ${table.document.horizon.from}-${table.document.horizon.to}`);

// the document holds the four programmes only; the 2026 figure of a line is the one after changes
const evaluation = evaluate(loadBudget(JSON.stringify(table.document), { totals: 'ignore' }));
console.log(`saldo (x € 1.000): ${evaluation.years.map((y) => evaluation.total[String(y)]!.amount.div(1000).toFixed()).join(' ')}`);
console.log(`ok: ${table.ok}`);
