/**
 * Seed 000's pm posts as ranges: what band does the saldo fall in? The TB1 table counts its pm posts as 0
 * (1.1 Oekraïne-vergoeding from 2027, 1.4 and 1.6 capacity Wmo / JGH from 2026, 1.8 organisatieontwikkeling,
 * 3.1 gemeentelijke opvang in 2026). Here an analyst puts a range on each (assumptions, not the seed's), and
 * 10,000 seeded draws give the P5-P50-P95 band of the saldo and the structural saldo per year, and the
 * probability that the budget is structurally in balance.
 *
 * Run: npx tsx examples/31-seed000-pm-band.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluate, formatAmount, loadBudget, monteCarlo, type Decimal, type UncertainInput } from 'meerjaren';

const tb1 = loadBudget(readFileSync(fileURLToPath(new URL('./data/seed000-tb1.json', import.meta.url)), 'utf8'));

/** The pm posts as ranges, x € 1.000 like the table (the run reads amounts in the table's unit). */
export const PM_RANGES: readonly UncertainInput[] = [
  { id: '1.1', label: 'Oekraïne-vergoeding vanaf 2027', kind: 'amount', rows: ['1.1'], distribution: { kind: 'triangular', low: '0', likely: '300', high: '1000' } },
  { id: '1.4', label: 'Uitvoeringscapaciteit Wmo', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' } },
  { id: '1.6', label: 'Uitvoeringscapaciteit JGH', kind: 'amount', rows: ['1.6'], distribution: { kind: 'pert', low: '-1000', likely: '-800', high: '-300' } },
  { id: '1.8', label: 'Organisatieontwikkeling Sociaal Domein', kind: 'amount', rows: ['1.8'], distribution: { kind: 'uniform', low: '-400', high: '0' } },
  { id: '3.1', label: 'Gemeentelijke opvang 2026', kind: 'amount', rows: ['3.1'], distribution: { kind: 'normal', mean: '-200', sd: '100', low: '-500', high: '0' } },
];

const result = monteCarlo(tb1, { seed: 0, draws: 10_000, inputs: PM_RANGES });
const onPaper = evaluate(tb1).total;

const k = (d: Decimal): string => formatAmount(d, { unit: 'thousand' }); // euros (evaluate) x € 1.000, Dutch notation, half-up
const t = (d: Decimal): string => formatAmount(d); // the run's amounts, x € 1.000 already: Dutch notation, half-up
console.log('Seed 000 TB1: saldo met de pm-posten als bandbreedte (x € 1.000; 10.000 trekkingen, seed 0)\n');
console.log('jaar   op papier    P5     P50     P95   | structureel P5   P50    P95  | kans structureel in evenwicht');
for (const year of result.years) {
  const s = result.saldo[year]!.percentiles;
  const st = result.structural[year]!.percentiles;
  const paper = `${k(onPaper[year]!.amount)}${onPaper[year]!.pm.length > 0 ? ' + pm' : ''}`;
  console.log(
    `${year} ${paper.padStart(10)} ${t(s['p5']!).padStart(7)} ${t(s['p50']!).padStart(7)} ${t(s['p95']!).padStart(7)} | ${t(st['p5']!).padStart(14)} ${t(st['p50']!).padStart(6)} ${t(st['p95']!).padStart(6)} | ${(result.probabilityStructurallyBalanced[year]! * 100).toFixed(1).replace('.', ',').padStart(6)}%`,
  );
}
