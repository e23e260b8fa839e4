/**
 * A begrotingswijziging as a document: seed 001's motions 2506-84 and 2506-85 of the Perspectiefdebat, combined
 * (`extends: [a, b]`), printed as the council's table per programme: lasten, baten and saldo per year, the
 * structural and incidental parts, the dekking paragraph from the changes' notes and the neutrality check.
 *
 * - Motion 2506-84 drops the savings of EUR 234.000 on subsidies Sociaal Domein (line 4.1 of programme 2) and
 *   covers them with EUR 234.000 more from measure 4.2 Ramingsystematiek (p-max-1), which lives outside programme 2.
 * - Motion 2506-85 moves the activities of part C of the measure Besparing subsidies Jeugd (Mentortrajecten,
 *   huttenbouwweek, YMCA, Stadhuis van de Democratie) to programme 4 Vrije tijd; since their subsidy was cut, the
 *   budget reports a nadeel of EUR 52.450 there (structural, from 2026).
 *
 * The budget is seed 000's programme 2 (TB1 2025 and MJB 2026-2029, with the doorkijk to 2031) plus one section
 * for the rest of the municipality with measure 4.2 Ramingsystematiek (EUR 1,5 mln a year from 2026). The savings
 * lines and the measure lower lasten: they carry the tag `lastenbaten: 'lasten'`; the other lines' side is inferred
 * from their sign.
 *
 * Run: npx tsx examples/64-begrotingswijziging-moties.ts
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { begrotingswijziging, loadBudget, loadScenario, renderBegrotingswijziging, type Budget, type BudgetDocument, type Scenario } from 'meerjaren';

const data = (file: string): string => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');

/** The headings of the programmes, for the table. */
export const PROGRAMMES = { '2': 'Programma 2 Samen leven en ondersteunen', '4': 'Programma 4 Vrije tijd', gemeentebreed: 'Gemeentebreed (overige programma\'s)' };

/** Seed 000 (programme 2) with the savings as lasten, plus measure 4.2 Ramingsystematiek outside programme 2. */
export function municipality(): Budget {
  const doc = JSON.parse(data('seed000-tb1.json')) as BudgetDocument & { expected?: unknown };
  const { expected: _printed, ...rest } = doc;
  const savings = doc.sections.find((s) => s.id === '4')!;
  return loadBudget({
    ...rest,
    title: 'Gemeente Zoetermeer: programma 2 en overige programma\'s',
    totalLabel: 'TOTAAL SALDO GEMEENTE',
    sections: [
      ...doc.sections.filter((s) => s.id !== '4'),
      { ...savings, lines: savings.lines.map((l) => ({ ...l, tags: { ...l.tags, lastenbaten: 'lasten' } })) },
      {
        id: 'G',
        title: 'Overige programma\'s (gemeentebreed)',
        lines: [{ id: 'G4.2', title: 'Maatregel 4.2 Ramingsystematiek (p-max-1)', nature: 'structural', tags: { programme: 'gemeentebreed', lastenbaten: 'lasten' }, values: [null, '1.500', '1.500', '1.500', '1.500', '1.500', '1.500'] }],
      },
    ],
  });
}

/** The figures the test checks. */
export function run() {
  const baseline = municipality();
  const m84 = loadScenario(data('scenario-motion-2506-84.json'), { budget: baseline });
  const m85 = loadScenario(data('scenario-motion-2506-85.json'), { budget: baseline });
  const both: Scenario = { id: 'moties-perspectiefdebat', title: 'Begrotingswijziging moties 2506-84 en 2506-85', extends: [m84.id, m85.id], changes: [] };
  const library = [m84, m85];
  const combined = begrotingswijziging(baseline, both, { library });
  const m84Technical = begrotingswijziging(baseline, m84, { technical: true });
  const combinedTechnical = begrotingswijziging(baseline, both, { library, technical: true });
  return { baseline, combined, m84Technical, combinedTechnical };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { combined, m84Technical, combinedTechnical } = run();
  console.log(renderBegrotingswijziging(combined, { programmes: PROGRAMMES, years: [2026, 2027, 2028, 2029] }));
  console.log('Motie 2506-84 alleen, als technische wijziging:', m84Technical.neutrality!.neutral ? 'budgettair neutraal' : 'niet neutraal');
  console.log('Beide moties, als technische wijziging:', combinedTechnical.findings.map((f) => `[${f.code}] ${f.message}`).join('; '));
}
