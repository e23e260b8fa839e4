/**
 * Writes one example of each chart to docs/gallery/*.svg, plus docs/gallery/rapport.html
 * showing them all in one self-contained report.
 *
 * Run with: npx tsx scripts/gallery-charts.ts
 *
 * Figures: TOTAAL SALDO PROGRAMMA 2025..2031 and the 2025 lines from seed 000 (x € 1.000),
 * and the Hervormingsagenda Jeugd taakstelling from seed 004 (€ 3 mln in 2025, € 7 mln in
 * 2026, then € 1 mln more each year). Everything marked "illustratief" is made up for the
 * example: the other scenarios, the structural/incidental split, the realised savings and
 * the percentile bands.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { balanceChart } from '../src/report/charts/balance-chart.js';
import { fanChart } from '../src/report/charts/fan-chart.js';
import { saldoLineChart } from '../src/report/charts/saldo-line-chart.js';
import { targetChart } from '../src/report/charts/target-chart.js';
import { waterfallChart } from '../src/report/charts/waterfall-chart.js';
import { htmlDocument } from '../src/report/html-document.js';

const outDir = fileURLToPath(new URL('../docs/gallery/', import.meta.url));
const unitLabel = 'x € 1.000';
const years = [2025, 2026, 2027, 2028, 2029, 2030, 2031];

/** Seed 000: TOTAAL SALDO PROGRAMMA, x € 1.000. */
const saldo = [-609, 363, 533, 725, 702, 742, 752];
/** Seed 000, section 4: savings 4.1..4.5 from 2026 (234 + 250 + 250 + 20 + 189 + 11). */
const savings = [0, 954, 954, 954, 954, 954, 954];
/** Seed 004: taakstelling Hervormingsagenda Jeugd, € 3 mln, € 7 mln, then + € 1 mln a year. */
const taakstelling = years.map((year) => (year === 2025 ? 3000 : 7000 + (year - 2026) * 1000));

const charts: { file: string; caption: string; svg: string }[] = [];

charts.push({
  file: 'saldo-line.svg',
  caption: 'Totaal saldo programma 2 per scenario (seed 000; de twee varianten zijn illustratief).',
  svg: saldoLineChart({
    title: 'Totaal saldo programma 2 per scenario',
    unitLabel,
    years,
    series: [
      { name: 'Basis (TB1 en MJB 2026-2029)', values: saldo },
      { name: 'Zonder bezuinigingen 4.1-4.5', values: saldo.map((v, i) => v - (savings[i] ?? 0)) },
      { name: 'pm 1.8 geschat op -250 (illustratief)', values: saldo.map((v, i) => (i === 0 ? v : v - 250)) },
    ],
  }),
});

charts.push({
  file: 'waterfall.svg',
  caption: 'Het saldo 2025 (-609) opgebouwd uit de regels van de afwijkingentabel (seed 000).',
  svg: waterfallChart({
    title: 'Saldo 2025 opgebouwd uit de afwijkingen (TB1)',
    unitLabel,
    width: 900,
    height: 480,
    steps: [
      { label: '1.1 Vergoeding Oekraïne', value: 6500 },
      { label: '1.1 Kosten noodopvang', value: -3600 },
      { label: '1.2 HAR', value: -771 },
      { label: '1.2 Vergoeding COA', value: 371 },
      { label: '1.3 Noodopvang asielzoekers', value: -30 },
      { label: '1.4 Uitvoeringscapaciteit Wmo', value: -1100 },
      { label: '1.5 Werkbudget Wmo', value: 1100 },
      { label: '1.6 Uitvoeringscapaciteit JGH', value: -800 },
      { label: '1.7 Jeugdgezondheidszorg', value: -152 },
      { label: '2.1 Kinderopvang SMI', value: -27 },
      { label: '3.1 Gemeentelijke opvang', value: -2100 },
    ],
    totalLabel: 'Totaal saldo 2025',
  }),
});

charts.push({
  file: 'target.svg',
  caption:
    'Taakstelling Hervormingsagenda Jeugd (seed 004) tegen gerealiseerde en geplande besparingen (illustratief); gearceerd is het tekort.',
  svg: targetChart({
    title: 'Taakstelling Hervormingsagenda Jeugd en realisatie',
    unitLabel,
    years,
    target: taakstelling,
    realised: [2400, 5100, 6200, 7000, 7400, 7800, 8000],
    planned: [3000, 6000, 7500, 8000, 8500, 9000, 9000],
  }),
});

charts.push({
  file: 'balance.svg',
  caption:
    'Structureel en incidenteel saldo per jaar, met het totaal saldo van seed 000 als markering (indeling illustratief).',
  svg: balanceChart({
    title: 'Structureel en incidenteel saldo programma 2',
    unitLabel,
    years,
    // Illustrative split: 1.1, 1.2, 1.4-1.6, 1.7 basistakenpakket, 3.1 and 3.2 counted as incidental.
    structural: [-209, 725, 725, 725, 702, 742, 752],
    incidental: [-400, -362, -192, 0, 0, 0, 0],
    total: saldo,
  }),
});

const spread = (inner: number, growth: number): number[] => years.map((_, i) => inner + growth * i);
const wide = spread(150, 120);
const narrow = spread(60, 50);
charts.push({
  file: 'fan.svg',
  caption: 'Spreiding van het saldo rond seed 000 als mediaan (percentielen illustratief).',
  svg: fanChart({
    title: 'Totaal saldo programma 2: spreiding van uitkomsten',
    unitLabel,
    years,
    median: saldo,
    bands: [
      { label: 'P5-P95', lower: saldo.map((v, i) => v - (wide[i] ?? 0)), upper: saldo.map((v, i) => v + (wide[i] ?? 0)) },
      { label: 'P25-P75', lower: saldo.map((v, i) => v - (narrow[i] ?? 0)), upper: saldo.map((v, i) => v + (narrow[i] ?? 0)) },
    ],
  }),
});

mkdirSync(outDir, { recursive: true });
for (const chart of charts) {
  writeFileSync(`${outDir}${chart.file}`, `${chart.svg}\n`);
}
writeFileSync(
  `${outDir}rapport.html`,
  htmlDocument({
    title: 'Galerij: grafieken meerjarenraming programma 2',
    parts: [
      {
        kind: 'paragraph',
        text: 'Voorbeelden van de grafieken van meerjaren, met cijfers uit de afwijkingentabel van programma 2 (TB1 2025) en de taakstelling Hervormingsagenda Jeugd. Bedragen x € 1.000; positief is voordeel.',
      },
      ...charts.flatMap((chart) => [{ kind: 'svg' as const, svg: chart.svg, caption: chart.caption }]),
    ],
  }),
);
console.log(`wrote ${charts.length} charts and rapport.html to ${outDir}`);
