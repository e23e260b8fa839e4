/**
 * An HTML report of seed 000 with its charts: the table as printed, the saldo per year, structural and
 * incidental saldo, a waterfall of 2026, and a fan chart of the saldo when the pm posts are given ranges
 * (10.000 Monte Carlo draws). One self-contained file: open it in a browser or print it.
 *
 * Run: npx tsx examples/40-seed000-html-report.ts   (writes out/seed000-report.html)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { evaluate, fanChart, formatAmount, htmlReport, loadBudget, monteCarlo, type Decimal, type UncertainInput } from 'meerjaren';

const tb1 = loadBudget(readFileSync(new URL('./data/seed000-tb1.json', import.meta.url), 'utf8'));

// The pm posts 1.4 and 1.6 as ranges x € 1.000 (the table's unit): what if they cost what 2025 cost, give or take?
const ranges: UncertainInput[] = [
  { id: '1.4', label: 'Uitvoeringscapaciteit Wmo', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' } },
  { id: '1.6', label: 'Uitvoeringscapaciteit JGH', kind: 'amount', rows: ['1.6'], distribution: { kind: 'pert', low: '-1000', likely: '-800', high: '-300' } },
];
const run = monteCarlo(tb1, { seed: 2025, draws: 10_000, inputs: ranges, percentiles: [5, 25, 50, 75, 95] });
const years = run.years;
// the run's amounts are x € 1.000 (the table's unit), exact to the cent: three decimals
const band = (p: string): number[] => years.map((y) => Number(run.saldo[y]!.percentiles[p]!.toFixed(3)));
/** An amount of the run (x € 1.000 already), in Dutch notation. */
const k = (d: Decimal): string => formatAmount(d);

const fan = fanChart({
  title: 'Saldo met de pm-posten 1.4 en 1.6 als bandbreedte',
  unitLabel: 'Bedragen x € 1.000',
  years,
  bands: [
    { label: 'P5 - P95', lower: band('p5'), upper: band('p95') },
    { label: 'P25 - P75', lower: band('p25'), upper: band('p75') },
  ],
  median: band('p50'),
});

const html = htmlReport(tb1, evaluate(tb1), {}, {
  parts: [
    { kind: 'heading', text: 'Hoe zeker is het saldo?' },
    { kind: 'svg', svg: fan, caption: '10.000 trekkingen (seed 2025); 1.4 driehoeksverdeling, 1.6 PERT.' },
    {
      kind: 'paragraph',
      text: `Mediaan saldo 2027: ${k(run.saldo['2027']!.percentiles['p50']!)}; 90% van de trekkingen ligt tussen ${k(run.saldo['2027']!.percentiles['p5']!)} en ${k(run.saldo['2027']!.percentiles['p95']!)} (x € 1.000).`,
    },
  ],
});
mkdirSync(new URL('../out/', import.meta.url), { recursive: true });
const file = new URL('../out/seed000-report.html', import.meta.url);
writeFileSync(file, html);
console.log(`wrote ${file.pathname} (${html.length} characters, ${html.match(/<svg/g)?.length ?? 0} charts)`);
console.log(`mediaan saldo 2027: ${k(run.saldo['2027']!.percentiles['p50']!)}`);
