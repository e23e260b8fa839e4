/**
 * How likely is the Hervormingsagenda taakstelling met, per year? Zoetermeer booked EUR 3 mln in 2025, EUR 7 mln
 * in 2026 and EUR 1 mln more each year. Four measures should fill it; how much each will deliver is uncertain,
 * so each gets a realisation rate with a distribution (the analyst's assumptions, not the seed's). The measures
 * are budget lines (planned savings, positive = voordeel); the target is met in a year when they save at least
 * the taakstelling. 10,000 draws, seeded: the same run gives the same figures on every machine. The table is written
 * x € 1 mln, and so are the run's amounts: the minimum `'7'` is EUR 7 mln, the results come back x € 1 mln.
 *
 * Run: npx tsx examples/30-hervormingsagenda-kans.ts
 */
import { budget, monteCarlo, type Decimal } from 'meerjaren';

const years = [2025, 2026, 2027, 2028, 2029, 2030, 2031];
/** The taakstelling in EUR mln: 3, 7, then +1 a year. */
const taakstelling = [3, 7, 8, 9, 10, 11, 12];

const table = budget({ title: 'Jeugd: maatregelen Hervormingsagenda', unit: 'million', horizon: { from: 2025, to: 2031, budgetYear: 2026 } })
  .section('HA', 'Maatregelen Hervormingsagenda Jeugd')
  //                                                                                   2025  2026 2027    2028    2029    2030    2031
  .line('crisis', 'Besparingsmaatregelen crisisorganisatie', [2, 2, 1, 1, 1, 1, 1], { nature: 'structural' })
  .line('teams', 'Stevige lokale teams', [1, 3, 4, 4, 4, 4, 4], { nature: 'structural' })
  .line('voorveld', 'Inrichting voorveld', [null, 1, 2, 2, 2, 2, 2], { nature: 'structural' })
  .line('inkoop', 'Regionale inkoop specialistische jeugdhulp', [null, null, '1.47', '1.47', '1.47', '1.47', '1.47'], { nature: 'structural' })
  .line('rest', 'Nog in te vullen', [null, 1, 1, 2, 3, 4, 5], { nature: 'structural' })
  .build();

const result = monteCarlo(table, {
  seed: 2025,
  draws: 10_000,
  inputs: [
    // decided: delivers 90-100%
    { id: 'crisis', kind: 'realisation', rows: ['crisis'], distribution: { kind: 'uniform', low: '0.9', high: '1' } },
    // in preparation: most likely 60%, between 30% and 100%
    { id: 'teams', kind: 'realisation', rows: ['teams'], distribution: { kind: 'pert', low: '0.3', likely: '0.6', high: '1' } },
    { id: 'voorveld', kind: 'realisation', rows: ['voorveld'], distribution: { kind: 'triangular', low: '0.2', likely: '0.7', high: '1' } },
    // at risk: 0,75 of 1,47 (about half), or all, or nothing
    { id: 'inkoop', kind: 'realisation', rows: ['inkoop'], distribution: { kind: 'discrete', choices: [{ value: '0', p: '0.2' }, { value: '0.5', p: '0.5' }, { value: '1', p: '0.3' }] } },
    // not yet filled: a placeholder that may or may not be found
    { id: 'rest', kind: 'realisation', rows: ['rest'], distribution: { kind: 'uniform', low: '0', high: '1' } },
  ],
  targets: [{ id: 'taakstelling', label: 'Taakstelling Hervormingsagenda', sections: ['HA'], minimum: Object.fromEntries(years.map((y, i) => [String(y), String(taakstelling[i]!)])) }], // x € 1 mln, the table's unit
});

/** An amount of the run (x € 1 mln, the table's unit), as printed. */
const mln = (d: Decimal): string => d.toFixed(2).replace('.', ',');
const target = result.targets[0]!;
console.log('Taakstelling Hervormingsagenda Jeugd: kans dat de maatregelen haar vullen (10.000 trekkingen, seed 2025)\n');
console.log('bedragen x € 1 mln; opbrengst = wat de maatregelen besparen; tekort = taakstelling - opbrengst\n');
console.log('jaar  taakstelling  P5 opbrengst  P50     P95     tekort P50  kans gehaald');
for (const year of result.years) {
  const total = target.total[year]!;
  const gap = target.gap[year]!;
  const p = target.probabilityMet[year]!;
  console.log(
    `${year}  ${taakstelling[years.indexOf(year)]!.toFixed(2).replace('.', ',').padStart(12)}  ${mln(total.percentiles['p5']!).padStart(12)}  ${mln(total.percentiles['p50']!).padStart(6)}  ${mln(total.percentiles['p95']!).padStart(6)}  ${mln(gap.percentiles['p50']!).padStart(10)}  ${(p * 100).toFixed(1).replace('.', ',').padStart(10)}%`,
  );
}
