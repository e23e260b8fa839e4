/**
 * Seed 000: the TB1 2025 / MJB 2026-2029 deviation table of programme 2 (Zoetermeer), typed in with the
 * builder exactly as printed, evaluated, and printed back in the seed's layout.
 *
 * Run: npx tsx examples/01-seed000-tb1.ts
 */
import { budget, evaluate, pm, budgetTable, renderText } from 'meerjaren';

const tb1 = budget({
  title: 'Programma 2 Samen leven en ondersteunen: TB1 2025 en MJB 2026-2029',
  unit: 'thousand', // Bedragen x € 1.000
  numberFormat: 'nl', // "6.500" is six thousand five hundred
  horizon: {
    from: 2025,
    to: 2031,
    budgetYear: 2026,
    groups: [
      { label: 'TB1', from: 2025, to: 2025 },
      { label: 'MJB 2026 - 2029', from: 2026, to: 2029 },
      { label: 'Doorkijk MJB', from: 2030, to: 2031 },
    ],
  },
})
  //        2025      2026     2027   2028   2029   2030   2031
  .section('1', 'Financiële ontwikkelingen bestaand beleid (leereffecten jaarrekening en TB1)')
  .line('1.1', 'Noodopvang Oekraïne-vergoeding rijk', ['6.500', '1.083', pm, pm, pm, pm, pm], { nature: 'incidental', row: 'amount' })
  .component('kosten noodopvang', ['-3.600', -600])
  .line('1.2', 'Hotel- en accommodatieregeling (HAR)', [-771], { nature: 'incidental', row: 'amount' })
  .component('vergoeding COA', [371])
  .line('1.3', 'Noodopvang asielzoekers', undefined, { nature: 'structural' })
  .component('dekking via OAD', [-30, -50, -50, -50, -50, -10])
  .line('1.4', 'Behoud uitvoeringscapaciteit Wmo', ['-1.100', pm, pm, pm, pm, pm, pm], { nature: 'incidental', tags: { goal: '2.2' } })
  .line('1.5', 'Werkbudget Wmo', ['1.100'], { nature: 'incidental', tags: { goal: '2.2' } })
  .line('1.6', 'Uitvoeringscapaciteit JGH', [-800, pm, pm, pm, pm, pm, pm], { nature: 'incidental', tags: { goal: '2.1' } })
  .line('1.7', 'Jeugdgezondheidszorg', undefined, { tags: { goal: '2.1' } })
  .component('Indexatie', [-152, -152, -152, -152, -152, -152, -152], { nature: 'structural' })
  .component('Basistakenpakket', [null, -192, -192], { nature: 'incidental' })
  .line('1.8', 'Organisatieontwikkeling Sociaal Domein', [null, pm, pm, pm, pm, pm, pm], { nature: 'structural' })
  .section('2', 'Onvermijdelijke ontwikkelingen')
  .line('2.1', 'Kinderopvang op sociaal medische indicatie', undefined, { nature: 'structural', tags: { goal: '2.1' } })
  .component('dekking via OAD', [-27, -27, -27, -27, -50, -50, -50])
  .section('3', 'Beleidswijzigingen/Nieuw beleid')
  .line('3.1', 'Realisatie gemeentelijke opvang', ['-2.100', pm], { nature: 'incidental' })
  .line('3.2', 'Crisisorganisatie Sociaal Domein', undefined, { nature: 'incidental', tags: { goal: '2.1' } })
  .component("Regie te voeren, te starten bij GI's", [null, -77])
  .component('Opstarten Zorg in Natura team', [null, -446])
  .component('Regie op Thuiszitters', [null, -130])
  .section('4', 'Bezuinigings- en dekkingsvoorstellen')
  .line('4.1', 'Besparing subsidies Sociaal Domein (Wmo/welzijn)', [null, 234, 234, 234, 234, 234, 234], { nature: 'structural' })
  .line('4.2', 'Besparing subsidies Jeugd', [null, 250, 250, 250, 250, 250, 250], { nature: 'structural' })
  .line('4.3', 'Effectiever inrichten individuele voorzieningen (Wmo/HH)', [null, 250, 250, 250, 250, 250, 250], { nature: 'structural' })
  .line('4.4', 'Vrijwilligerswaardering', [null, 20, 20, 20, 20, 20, 20], { nature: 'structural' })
  .line('4.5', 'Verbonden partijen (maatregel 5, 27, 157, 167), Gemeenschappelijke regelingen:', undefined, { nature: 'structural' })
  .component('GGD/VT', [null, 189, 189, 189, 189, 189, 189])
  .component('Servicebureau Jeugdhulp Haaglanden', [null, 11, 11, 11, 11, 11, 11])
  // The printed TOTAAL SALDO PROGRAMMA: build() checks it against the rows.
  .total([-609, 363, 533, 725, 702, 742, 752])
  .build();

const result = evaluate(tb1);
console.log(renderText(budgetTable(tb1, { evaluation: result })));

console.log('\nTotaal saldo per jaar (x € 1.000), met structureel en incidenteel deel en pm-posten:');
for (const year of result.years) {
  const t = result.total[year]!;
  const k = (d: { div(n: number): { toFixed(): string } }): string => d.div(1000).toFixed();
  const pmNote = t.pm.length > 0 ? `  bevat pm: ${t.pm.join(', ')}` : '';
  console.log(`${year}: ${k(t.amount)} (structureel ${k(t.structural)}, incidenteel ${k(t.incidental)})${pmNote}`);
}
