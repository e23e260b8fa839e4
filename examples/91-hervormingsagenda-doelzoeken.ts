/**
 * Goal seeking on the Hervormingsagenda Jeugd taakstelling (seed 004): Zoetermeer booked (Perspectiefnota 2025)
 * EUR 3 mln in 2025, EUR 7 mln in 2026 and then EUR 1 mln more each year: 8 in 2027, 9 in 2028, 10 in 2029.
 * Which realisation rate of the measures meets it, per year?
 *
 * Assumptions (an analyst's, not the seed's: the seed gives no amounts per measure), in EUR mln:
 *
 * | maatregel                 | 2025 | 2026 | 2027 | 2028  | 2029 |
 * |---------------------------|------|------|------|-------|------|
 * | crisisorganisatie         | 2    | 2    | 2    | 2     | 2    |
 * | stevige lokale teams      | 1,5  | 4    | 4    | 4,75  | 5    |
 * | inrichting voorveld       |      | 2    | 2    | 2,5   | 3    |
 * | regionale inkoop (v.a. 2027) |   |      | 1,5  | 1,5   | 2    |
 * | gepland                   | 3,5  | 8    | 9,5  | 10,75 | 12   |
 *
 * Every measure realises the same rate of its plan. The rate that fills the target is target / plan: 7/8 = 87,5% in
 * 2026 down to 10/12 = 83,33% in 2029. Rates have at most 6 decimals, so the answer is 10/12 rounded UP to the next
 * ppm (0,833334): at 0,833333 the measures deliver 9.999.996 euros, 4 short.
 *
 * Run: npx tsx examples/91-hervormingsagenda-doelzoeken.ts
 */
import { fileURLToPath } from 'node:url';
import { budget, goalSeek, goalSeekPerYear, goalSeekTable, renderGoalSeekTable, withTargets, type Budget, type GoalSeekSpec } from 'meerjaren';

const PATH = { 2025: '3', 2026: '7', 2027: '8', 2028: '9', 2029: '10' };

/** The taakstelling as a structural stelpost, and the target with the assumed measures (all as planned). */
export function taakstelling(): Budget {
  const table = budget({ title: 'Jeugd: taakstelling Hervormingsagenda', unit: 'million', horizon: { from: 2025, to: 2029, budgetYear: 2026 } })
    .section('4', 'Bezuinigings- en dekkingsvoorstellen')
    .line('HA', 'Taakstelling Hervormingsagenda Jeugd (stelpost)', ['3', '7', '8', '9', '10'], { nature: 'structural' })
    .build();
  return withTargets(table, [
    {
      id: 'hervormingsagenda',
      title: 'Taakstelling Hervormingsagenda Jeugd',
      unit: 'million',
      line: 'HA',
      path: PATH,
      measures: [
        { id: 'crisisorganisatie', title: 'Besparingsmaatregelen crisisorganisatie', status: 'decided', planned: { 2025: '2', 2026: '2', 2027: '2', 2028: '2', 2029: '2' } },
        { id: 'lokale-teams', title: 'Stevige lokale teams', status: 'in-preparation', planned: { 2025: '1.5', 2026: '4', 2027: '4', 2028: '4.75', 2029: '5' } },
        { id: 'voorveld', title: 'Inrichting voorveld', status: 'in-preparation', planned: { 2026: '2', 2027: '2', 2028: '2.5', 2029: '3' } },
        { id: 'regionale-inkoop', title: 'Regionale inkoop specialistische jeugdhulp vanaf 2027', status: 'at-risk', planned: { 2027: '1.5', 2028: '1.5', 2029: '2' } },
      ],
    },
  ]);
}

/** Solve: the rate of every measure of the target at which its gap (tekort) is 0. */
export const RATE: GoalSeekSpec = {
  input: { kind: 'measure-rate', target: 'hervormingsagenda' },
  outcome: { kind: 'target-gap', target: 'hervormingsagenda' },
  years: { from: 2026 },
};

const pct = (d: { times(n: number): { toFixed(n: number): string } }): string => `${d.times(100).toFixed(4).replace('.', ',')}%`;

function main(): void {
  const b = taakstelling();
  const perYear = goalSeekPerYear(b, RATE);
  console.log(renderGoalSeekTable(goalSeekTable(perYear, { title: 'Realisatiegraad die de taakstelling Hervormingsagenda vult, per jaar' })));

  console.log('\nPer jaar (drempel; tekort bij de drempel en een ppm lager, in euro):');
  for (const year of perYear.years) {
    const r = perYear.perYear[String(year)]!;
    if (!r.attainable) console.log(`  ${year}: niet haalbaar`);
    else console.log(`  ${year}: ${pct(r.threshold)} (${r.method}, ${r.evaluations} doorrekeningen); tekort ${r.atThreshold.outcomes[0]!.value!.toFixed()}, een ppm lager ${r.beyond!.outcomes[0]!.value!.toFixed()}`);
  }

  const shown = perYear.years.map((y) => {
    const r = perYear.perYear[String(y)]!;
    return r.attainable ? `${y} ${r.threshold.times(100).toFixed(2).replace('.', ',')}%` : `${y} -`;
  });
  console.log(`\nAfgerond op 2 decimalen (voor de tekst; de drempel zelf staat in de tabel): ${shown.join(', ')}`);

  const together = goalSeek(b, RATE);
  if (together.attainable) console.log(`\nMJB 2026-2029 in één keer: ${pct(together.threshold)} (het zwaarste jaar beslist: ${together.beyond!.outcomes.filter((o) => !o.met).map((o) => o.year).join(', ')})`);

  // the same question with only the lokale teams uncertain (the rest as planned), at most 100% of their plan
  const teams = goalSeekPerYear(b, { ...RATE, input: { kind: 'measure-rate', target: 'hervormingsagenda', measures: ['lokale-teams'] } });
  console.log('\nAlleen de stevige lokale teams onzeker (de rest zoals gepland):');
  for (const year of teams.years) {
    const r = teams.perYear[String(year)]!;
    console.log(`  ${year}: ${r.attainable ? pct(r.threshold) : 'niet haalbaar'}${r.attainable && r.method === 'bound' ? ' (de rest vult de taakstelling al)' : ''}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
