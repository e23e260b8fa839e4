/**
 * A measure with costs: the stevige lokale teams of the Hervormingsagenda Jeugd (seed 004) save money on specialist
 * youth care, but "vraagt capaciteit en transformatiekosten" (bij- en omscholing) and an investment ("Daarnaast zal
 * het nodig zijn om te investeren om de noodzakelijke veranderingen door te voeren"). What is the net effect per
 * year, and when are the costs earned back?
 *
 * Assumptions (an analyst's, not the seed's: the seed gives no amounts), in EUR mln:
 *
 * | stevige lokale teams           | 2025 | 2026 | 2027 | 2028 | 2029 |
 * |--------------------------------|------|------|------|------|------|
 * | geplande besparing             | 0,5  | 1,5  | 2,5  | 3    | 3    |
 * | realisatie                     | 80% of the plan                   |
 * | transformatiekosten (scholing) | 1,2  | 1    | 0,5  |      |      |
 * | investering (inrichting)       | 0,8  |      |      |      |      |
 *
 * Net = 0,4 - 2 = -1,6 in 2025, then 0,2 and 1,5: the cumulative net is -1,6, -1,4, 0,1, so the costs are earned back
 * in 2027. Beside it the taakstelling (EUR 3 mln in 2025, 7 in 2026, then EUR 1 mln more each year) with the
 * crisisorganisatie's measures (2 a year) and the voorveld (1, 2, 3, 3, 3): its gap gross and net of the costs.
 *
 * Run: npx tsx examples/94-maatregel-met-kosten.ts
 */
import { fileURLToPath } from 'node:url';
import { budget, evaluateTargets, goalSeek, netSavings, netSavingsTable, renderText, withTargets, type Budget, type Decimal } from 'meerjaren';

/** The taakstelling and its measures, the lokale teams with their costs. */
export function metKosten(): Budget {
  const table = budget({ title: 'Jeugd: taakstelling Hervormingsagenda', unit: 'million', horizon: { from: 2025, to: 2029, budgetYear: 2026 } })
    .section('4', 'Bezuinigings- en dekkingsvoorstellen')
    .line('HA', 'Taakstelling Hervormingsagenda Jeugd (stelpost)', ['3', '7', '8', '9', '10'], { nature: 'structural' })
    .build();
  return withTargets(table, [
    {
      id: 'hervormingsagenda',
      title: 'Taakstelling Hervormingsagenda Jeugd',
      unit: 'million',
      path: { 2025: '3', 2026: '7', 2027: '8', 2028: '9', 2029: '10' },
      measures: [
        {
          id: 'lokale-teams',
          title: 'Stevige lokale teams',
          status: 'in-preparation',
          planned: { 2025: '0.5', 2026: '1.5', 2027: '2.5', 2028: '3', 2029: '3' },
          realisation: { rate: '0.8' },
          costs: [
            { kind: 'transformation', title: 'Bij- en omscholing', amounts: { 2025: '1.2', 2026: '1', 2027: '0.5' } },
            { kind: 'investment', title: 'Inrichting en extern advies', amounts: { 2025: '0.8' } },
          ],
        },
        { id: 'crisisorganisatie', title: 'Besparingsmaatregelen crisisorganisatie', status: 'decided', planned: { 2025: '2', 2026: '2', 2027: '2', 2028: '2', 2029: '2' } },
        { id: 'voorveld', title: 'Inrichting voorveld', status: 'in-preparation', planned: { 2025: '1', 2026: '2', 2027: '3', 2028: '3', 2029: '3' } },
      ],
    },
  ]);
}

const mln = (d: Decimal): string => d.div(1_000_000).toFixed(2).replace('.', ',').replace('-0,00', '0,00');

function main(): void {
  const b = metKosten();
  const net = netSavings(b);
  const teams = net.targets['hervormingsagenda']!.measures['lokale-teams']!;
  console.log(renderText(netSavingsTable(net, 'hervormingsagenda'), { unit: 'thousand' }));
  console.log(`\nStevige lokale teams: kosten ${mln(teams.totalCosts)} mln, netto over 2025-2029 ${mln(teams.totalNet)} mln; terugverdienjaar ${teams.paybackYear ?? 'geen'}`);

  const gross = evaluateTargets(b).targets['hervormingsagenda']!;
  const netto = evaluateTargets(b, { net: true }).targets['hervormingsagenda']!;
  console.log('\nTekort op de taakstelling (x € 1 mln): bruto en netto (na de kosten van de maatregelen)');
  console.log('jaar  taakstelling  bruto  netto');
  for (const y of ['2025', '2026', '2027', '2028', '2029']) {
    console.log(`${y}  ${mln(gross.years[y]!.target).padStart(12)}  ${mln(gross.years[y]!.gap).padStart(5)}  ${mln(netto.years[y]!.gap).padStart(5)}`);
  }

  // which rate must the lokale teams reach in 2027 to close the gap net of their costs? (above the plan allowed)
  const rate = goalSeek(b, {
    input: { kind: 'measure-rate', target: 'hervormingsagenda', measures: ['lokale-teams'] },
    outcome: { kind: 'target-gap', target: 'hervormingsagenda', net: true },
    years: 2027,
    bounds: { high: 3 },
  });
  console.log(`\nRealisatiegraad lokale teams die in 2027 het netto tekort dicht: ${rate.attainable ? `${rate.threshold.times(100).toFixed(4).replace('.', ',')}%` : 'niet haalbaar'}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
