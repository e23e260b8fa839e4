/**
 * Seed 004: the taakstelling Hervormingsagenda Jeugd. Zoetermeer booked (Perspectiefnota 2025) EUR 3 mln in 2025,
 * EUR 7 mln in 2026 and then EUR 1 mln more each year. Beside it the national path (EUR 374 mln from 2023, rising
 * to almost EUR 1 bn from 2027) with Zoetermeer's share of about EUR 6,8 mln from 2027.
 *
 * The measures are the three lines of seed 004 (stevige lokale teams, the voorveld, regional purchasing from 2027)
 * plus the crisisorganisatie's savings; their amounts and realisations are what an analyst would enter as
 * assumptions: the seed gives no amounts per measure.
 *
 * Run: npx tsx examples/11-hervormingsagenda-taakstelling.ts
 */
import { fileURLToPath } from 'node:url';
import { budget, evaluateTargets, pm, steppedPath, withTargets, type Budget, type TargetResult } from 'meerjaren';

/** The local path as one expression: 3, 7, then +1 a year: 8, 9, 10, 11, 12. */
export const LOCAL_PATH = steppedPath({ start: { 2025: '3', 2026: '7' }, step: '1', to: 2031 });

/** A Jeugd table with the taakstelling as a structural stelpost and the target with its measures. */
export function hervormingsagenda(): Budget {
  const table = budget({ title: 'Jeugd: taakstelling Hervormingsagenda', unit: 'million', horizon: { from: 2023, to: 2031, budgetYear: 2025 } })
    .section('4', 'Bezuinigings- en dekkingsvoorstellen')
    .line('HA', 'Taakstelling Hervormingsagenda Jeugd (stelpost)', LOCAL_PATH, { nature: 'structural' })
    .build();
  return withTargets(table, [
    {
      id: 'hervormingsagenda',
      title: 'Taakstelling Hervormingsagenda Jeugd',
      unit: 'million',
      line: 'HA',
      path: LOCAL_PATH,
      references: [
        {
          title: 'Hervormingsagenda Jeugd, landelijk (bijna € 1 mld vanaf 2027)',
          // 374 mln in 2023; the seed does not give the years between; "bijna 1 mld" written as 1000.
          path: { 2023: '374', 2024: pm, 2025: pm, 2026: pm, 2027: '1000', 2028: '1000', 2029: '1000', 2030: '1000', 2031: '1000' },
          localShare: { 2027: '6.8', 2028: '6.8', 2029: '6.8', 2030: '6.8', 2031: '6.8' },
        },
      ],
      measures: [
        {
          id: 'crisisorganisatie',
          title: 'Besparingsmaatregelen crisisorganisatie (verordening jeugd)',
          status: 'decided',
          planned: { 2025: '2', 2026: '2', 2027: '1', 2028: '1', 2029: '1', 2030: '1', 2031: '1' },
        },
        {
          id: 'lokale-teams',
          title: 'Stevige lokale teams',
          status: 'in-preparation',
          planned: { 2025: '1', 2026: '3', 2027: '4', 2028: '4', 2029: '4', 2030: '4', 2031: '4' },
          realisation: { rate: '0.5' }, // assumed: half of the plan
        },
        {
          id: 'voorveld',
          title: 'Inrichting voorveld',
          status: 'in-preparation',
          planned: { 2026: '1', 2027: '2', 2028: '2', 2029: '2', 2030: '2', 2031: '2' },
          realisation: { delay: 1 }, // assumed: a year late
        },
        {
          id: 'regionale-inkoop',
          title: 'Regionale inkoop specialistische jeugdhulp vanaf 2027',
          status: 'at-risk',
          planned: { 2027: '1.47', 2028: '1.47', 2029: '1.47', 2030: '1.47', 2031: '1.47' },
          realisation: { amount: { 2027: '0.75' } }, // 0,75 of 1,47 in the first year, then as planned
        },
      ],
    },
  ]);
}

/** The evaluated taakstelling. */
export function hervormingsagendaResult(): TargetResult {
  const result = evaluateTargets(hervormingsagenda()).targets['hervormingsagenda'];
  if (result === undefined) throw new Error('target missing');
  return result;
}

const mln = (d: { toFixed(): string; div(n: number): { toFixed(): string } } | undefined): string => (d === undefined ? '-' : d.div(1_000_000).toFixed());

function main(): void {
  const r = hervormingsagendaResult();
  console.log(`${r.title} (x € 1 mln)\n`);
  console.log('jaar  taakst  gepland  gerealiseerd  ingevuld  niet-ingevuld  tekort  landelijk  aandeel ZM  taakst-aandeel');
  for (const [year, y] of Object.entries(r.years)) {
    const ref = r.references[0]?.years[year];
    const national = ref?.pm ? 'pm' : mln(ref?.amount);
    console.log(
      [year, mln(y.target), mln(y.planned), mln(y.realised), mln(y.filled), mln(y.unfilled), mln(y.gap), national, mln(ref?.localShare), mln(ref?.targetOverShare)]
        .map((s, i) => (i === 0 ? s : s.padStart(i < 6 ? 9 : 11)))
        .join(' '),
    );
  }
  console.log('\nAchterblijvende maatregelen:');
  for (const [year, y] of Object.entries(r.years)) {
    for (const m of y.shortMeasures) console.log(`  ${year} ${m.id} (${m.status}): gepland ${mln(m.planned)}, gerealiseerd ${mln(m.realised)}, tekort ${mln(m.short)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
