/**
 * What moves seed 000's structural saldo in 2029 most? A tornado table: each uncertain input at its low and at
 * its high value while the others sit at their likely value, ranked by how far that moves the 2029 structural
 * saldo. Inputs (an analyst's assumptions): the structural pm post 1.8, the indexation of the youth health
 * care (1.7), the cost of kinderopvang SMI (2.1), the realisation of the savings 4.1 - 4.5, and the
 * incidental pm posts (which cannot move a structural saldo: their bars have width 0). Amounts x € 1.000, like the
 * table: the ranges are written in its unit and the tornado gives its bars in it.
 *
 * Run: npx tsx examples/32-seed000-tornado-2029.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatAmount, loadBudget, tornado, type Decimal, type UncertainInput } from 'meerjaren';

const tb1 = loadBudget(readFileSync(fileURLToPath(new URL('./data/seed000-tb1.json', import.meta.url)), 'utf8'));

const inputs: UncertainInput[] = [
  { id: '1.8', label: '1.8 Organisatieontwikkeling (pm, structureel)', kind: 'amount', rows: ['1.8'], distribution: { kind: 'uniform', low: '-400', high: '0' } },
  { id: '1.7-index', label: '1.7 Indexatie JGZ: regio-index 2-5% per jaar', kind: 'indexation', rows: ['1.7#1'], baseYear: 2025, distribution: { kind: 'triangular', low: '0.02', likely: '0.03', high: '0.05' } },
  { id: '2.1', label: '2.1 Kinderopvang SMI vanaf 2029', kind: 'amount', rows: ['2.1#1'], years: [2029, 2030, 2031], distribution: { kind: 'triangular', low: '-90', likely: '-50', high: '-40' } },
  { id: '4.1', label: '4.1 Subsidies: realisatie', kind: 'realisation', rows: ['4.1'], distribution: { kind: 'pert', low: '0.5', likely: '1', high: '1' } },
  { id: '4.2', label: '4.2 Ramingsystematiek: realisatie', kind: 'realisation', rows: ['4.2'], distribution: { kind: 'triangular', low: '0.6', likely: '0.9', high: '1' } },
  { id: '4.3', label: '4.3: realisatie', kind: 'realisation', rows: ['4.3'], distribution: { kind: 'triangular', low: '0.4', likely: '0.8', high: '1' } },
  { id: '4.5', label: '4.5: realisatie', kind: 'realisation', lines: ['4.5'], distribution: { kind: 'uniform', low: '0.5', high: '1' } },
  { id: '1.4', label: '1.4 Uitvoeringscapaciteit Wmo (pm, incidenteel)', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' } },
];

const table = tornado(tb1, { inputs, year: 2029, measure: 'structural' });

const k = (d: Decimal): string => formatAmount(d, { decimals: 1 }); // the table's amounts are x € 1.000 already: one decimal, Dutch notation
const labels = new Map(inputs.map((i) => [i.id, i.label ?? i.id]));
const widest = Number(table.rows[0]?.swing ?? 1) || 1;
console.log(`Seed 000: wat beweegt het structurele saldo 2029 het meest? (x € 1.000; alles op 'waarschijnlijk': ${k(table.baseline)})\n`);
console.log(`${'invoer'.padEnd(48)} ${'laag'.padStart(7)} ${'hoog'.padStart(7)} ${'zwaai'.padStart(7)}`);
for (const row of table.rows) {
  const bar = '#'.repeat(Math.round((30 * Number(row.swing)) / widest));
  console.log(`${(labels.get(row.id) ?? row.id).padEnd(48)} ${k(row.atLow).padStart(7)} ${k(row.atHigh).padStart(7)} ${k(row.swing).padStart(7)}  ${bar}`);
}
