/**
 * Rank correlation between inputs (rangcorrelatie): seed 000's two pm posts for uitvoeringscapaciteit, 1.4 Wmo
 * and 1.6 JGH, hang on the same labour market: when one turns out dear, the other likely does too. Drawn
 * independently their overruns partly cancel; with a rank correlation of 0,7 they do so less, and the band of the
 * saldo widens. The ranges are an analyst's assumptions (x € 1.000, like the table), not the seed's.
 *
 * The correlation only reorders each post's draws (Iman-Conover): every post draws exactly the same amounts as
 * without it, so its own P10-P90 and the mean of the saldo stay the same; only how they come together changes.
 *
 * Run: npx tsx examples/34-rangcorrelatie.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatAmount, loadBudget, monteCarlo, type MonteCarloOptions, type MonteCarloResult } from 'meerjaren';

const tb1 = loadBudget(readFileSync(fileURLToPath(new URL('./data/seed000-tb1.json', import.meta.url)), 'utf8'));

/** The two pm posts as ranges (x € 1.000), and one target per post to see its own spread. */
const independent: MonteCarloOptions = {
  seed: 0,
  draws: 10_000,
  percentiles: [10, 50, 90],
  inputs: [
    { id: '1.4', label: 'Uitvoeringscapaciteit Wmo', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' } },
    { id: '1.6', label: 'Uitvoeringscapaciteit JGH', kind: 'amount', rows: ['1.6'], distribution: { kind: 'pert', low: '-1000', likely: '-800', high: '-300' } },
  ],
  targets: [
    { id: '1.4', lines: ['1.4'] },
    { id: '1.6', lines: ['1.6'] },
  ],
};
const correlated: MonteCarloOptions = {
  ...independent,
  correlation: {
    inputs: ['1.4', '1.6'],
    matrix: [
      [1, 0.7],
      [0.7, 1],
    ],
  },
};

const t = (d: Parameters<typeof formatAmount>[0]): string => formatAmount(d); // x € 1.000 already: Dutch notation, half-up
const a = monteCarlo(tb1, independent);
const b = monteCarlo(tb1, correlated);

/** P10, P50, P90 and the P10-P90 width of the saldo in a year. */
function band(r: MonteCarloResult, year: string): string {
  const p = r.saldo[year]!.percentiles;
  return `${t(p['p10']!).padStart(7)} ${t(p['p50']!).padStart(7)} ${t(p['p90']!).padStart(7)}  breedte ${t(p['p90']!.minus(p['p10']!)).padStart(5)}`;
}

console.log('Seed 000 TB1: saldo met 1.4 en 1.6 als bandbreedte (x € 1.000; 10.000 trekkingen, seed 0)\n');
console.log('jaar  samenhang        P10     P50     P90');
for (const year of ['2026', '2027']) {
  console.log(`${year}  onafhankelijk ${band(a, year)}`);
  console.log(`${year}  rangcorr. 0,7 ${band(b, year)}`);
}
console.log('');
for (const year of ['2026', '2027']) console.log(`gemiddeld saldo ${year}: onafhankelijk ${t(a.saldo[year]!.mean)}, rangcorr. 0,7 ${t(b.saldo[year]!.mean)}`);
const same = JSON.stringify(a.targets) === JSON.stringify(b.targets);
const post = (r: MonteCarloResult, i: number): string => {
  const p = r.targets[i]!.total['2027']!.percentiles;
  return `${t(p['p10']!)} / ${t(p['p50']!)} / ${t(p['p90']!)}`;
};
console.log(`elke post apart (P10 / P50 / P90 in 2027): 1.4 ${post(b, 0)}, 1.6 ${post(b, 1)}; gelijk aan onafhankelijk: ${same ? 'ja' : 'nee'}`);
