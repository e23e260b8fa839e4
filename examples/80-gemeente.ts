/**
 * De hele gemeente: a municipal budget built from the seeds and stated assumptions, its begrotingssaldo, structural
 * balance and the supervisor's verdict, and two motions shown on the whole.
 *
 * Programme 2 "Samen leven en ondersteunen" is seed 001's "Financieel samengevat" for 2026-2029 (x € 1.000):
 * Lasten -169.446, -159.869, -158.593, -158.516; Baten 11.196, 2.139, 1.981, 1.981; Onttrekkingen 365, 54, 0, 0;
 * printed Saldo -157.884, -157.677, -156.613, -156.536. Inside its lasten are seed 000's two claims "dekking via OAD":
 * 1.3 Noodopvang asielzoekers (-50 a year, covered by a decentralisatie-uitkering of ca. € 0,28 mln) and 2.1
 * Kinderopvang op sociaal medische indicatie (-27 a year, -50 from 2029, covered by the taakmutatie SMI), and seed
 * 001's incidental crisisorganisatie Sociaal Domein (-653 in 2026). Everything else is an assumption of this example,
 * stated in examples/data/municipality-voorbeeld.json: programme 4 Vrije tijd (saldo -27.500 to -27.800), the other
 * programmes together (-96.000 to -97.500), the OAD (algemene uitkering ca. € 290 mln with the taakmutatie SMI and the
 * decentralisatie-uitkering noodopvang as components, OZB, dividend, a one-off extra dividend of 900 in 2026,
 * parkeerbelasting), overhead (-58.000 to -58.900), vennootschapsbelasting (-150), onvoorzien (-500) and a withdrawal
 * of 1.500 from the algemene reserve in 2026. The assumed figures leave the whole a narrow structural margin in 2029.
 *
 * Motions on the whole:
 * - 2506-85 (seed 001): the subsidies of onderdeel C of "Besparing subsidies Jeugd" move to programma 4 Vrije tijd;
 *   "ontstaat er een nadeel van € 52.450 in programma 4" (structural, from 2026);
 * - 2506-84 (seed 001): drop the 234 savings on subsidies in programme 2 and cover them with 234 more from measure 4.2
 *   Ramingsystematiek in the other programmes: two scenarios, one on each programme, and the whole unchanged.
 *
 * Run: npx tsx examples/80-gemeente.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  applyMunicipalScenario,
  formatAmount,
  type Decimal,
  evaluateMunicipality,
  loadMunicipality,
  municipalBalanceTable,
  municipalityTable,
  renderText,
  type Municipality,
  type MunicipalityEvaluation,
  type MunicipalScenarioResult,
  type Scenario,
} from 'meerjaren';

const text = readFileSync(fileURLToPath(new URL('./data/municipality-voorbeeld.json', import.meta.url)), 'utf8');
const YEARS = ['2026', '2027', '2028', '2029'] as const;
const every = (value: string): Record<string, string> => Object.fromEntries(YEARS.map((y) => [y, value]));

/** Motion 2506-85: a structural nadeel of € 52.450 a year in programme 4 (amounts in the programme's unit, x € 1.000). */
export const MOTION_2506_85: Scenario = {
  id: 'motie-2506-85',
  title: 'Motie 2506-85 Geef plaats aan subsidies waar ze thuishoren',
  changes: [{ kind: 'add-line', section: 'A', line: { id: 'motie-2506-85', title: 'Subsidies onderdeel C naar Vrije tijd (motie 2506-85)', nature: 'structural', values: every('-52.45') } }],
};

/** Motion 2506-84, programme 2's half: the 234 savings on subsidies Sociaal Domein are not made. */
export const MOTION_2506_84_PROGRAMME_2: Scenario = {
  id: 'motie-2506-84-p2',
  title: 'Motie 2506-84: geen besparing subsidies Sociaal Domein (programma 2)',
  changes: [{ kind: 'add-line', section: 'A', line: { id: 'motie-2506-84', title: 'Besparing subsidies Sociaal Domein vervalt (motie 2506-84)', nature: 'structural', values: every('-234') } }],
};

/** Motion 2506-84, the cover: 234 more from measure 4.2 Ramingsystematiek in the other programmes. */
export const MOTION_2506_84_COVER: Scenario = {
  id: 'motie-2506-84-dekking',
  title: 'Motie 2506-84: dekking uit maatregel 4.2 Ramingsystematiek',
  changes: [{ kind: 'add-line', section: 'A', line: { id: 'ramingsystematiek-extra', title: 'Maatregel 4.2 Ramingsystematiek, extra (motie 2506-84)', nature: 'structural', values: every('234') } }],
};

/** The example's figures, for the test. */
export function run(): { m: Municipality; whole: MunicipalityEvaluation; m85: MunicipalScenarioResult; m84: MunicipalScenarioResult[] } {
  const m = loadMunicipality(text);
  const whole = evaluateMunicipality(m);
  const m85 = applyMunicipalScenario(m, '4', MOTION_2506_85);
  const first = applyMunicipalScenario(m, '2', MOTION_2506_84_PROGRAMME_2);
  const second = applyMunicipalScenario(first.municipality, 'overig', MOTION_2506_84_COVER);
  return { m, whole, m85, m84: [first, second] };
}

const k = (d: Decimal): string => formatAmount(d, { unit: 'thousand' });
/** In euros, for the motions' effects (€ 52.450 is 52,45 x € 1.000). */
const e = (d: Decimal): string => formatAmount(d, { unit: 'euro' });
const VERDICT = { 'first-year': 'structureel in evenwicht in het eerste jaar', 'last-year': 'structureel in evenwicht uiterlijk in het laatste jaar', 'not-in-balance': 'niet structureel in evenwicht' } as const;

function main(): void {
  const { m, whole, m85, m84 } = run();
  console.log(renderText(municipalityTable(m, whole)));
  console.log(`\n${renderText(municipalBalanceTable(m, whole))}`);
  console.log(`\nOordeel: ${VERDICT[whole.verdict]} (${whole.firstYear}-${whole.lastYear})`);
  console.log('\nDekking via OAD (dubbele boeking, x € 1.000):');
  for (const c of whole.oadClaims) console.log(`  programma ${c.programme} ${c.target} <- OAD ${c.oad.join(', ')}: ${YEARS.map((y) => k(c.years[y]!.funded)).join(' ')}`);
  console.log(`  bevindingen: ${whole.findings.length === 0 ? 'geen' : whole.findings.map((f) => f.code).join(', ')}`);
  console.log('\nOverzicht incidentele baten en lasten:');
  for (const item of whole.incidentalItems) console.log(`  ${item.part === 'programme' ? `programma ${item.programme}` : item.part}: ${item.title}: ${Object.entries(item.years).map(([y, v]) => `${y} ${k(v)}`).join(', ')}`);

  console.log(`\n${m85.title}, op de hele begroting (in euro's):`);
  console.log(`  effect op programma 4:        ${YEARS.map((y) => e(m85.effect[y]!.programme)).join(' ')}`);
  console.log(`  effect op het begrotingssaldo: ${YEARS.map((y) => e(m85.effect[y]!.begrotingssaldo)).join(' ')}`);
  console.log(`  structureel saldo:            ${YEARS.map((y) => e(m85.before.perYear[y]!.structural)).join(' ')} -> ${YEARS.map((y) => e(m85.after.perYear[y]!.structural)).join(' ')}`);
  console.log(`  oordeel: ${VERDICT[m85.before.verdict]} -> ${VERDICT[m85.after.verdict]}`);

  const [p2, cover] = m84 as [MunicipalScenarioResult, MunicipalScenarioResult];
  console.log('\nMotie 2506-84, op de hele begroting (x € 1.000):');
  console.log(`  programma 2:                  ${YEARS.map((y) => k(p2.effect[y]!.programme)).join(' ')}`);
  console.log(`  overige programma's (dekking): ${YEARS.map((y) => k(cover.effect[y]!.programme)).join(' ')}`);
  console.log(`  begrotingssaldo:              ${YEARS.map((y) => k(whole.perYear[y]!.begrotingssaldo)).join(' ')} -> ${YEARS.map((y) => k(cover.after.perYear[y]!.begrotingssaldo)).join(' ')}`);
  console.log(`  oordeel: ${VERDICT[p2.before.verdict]} -> ${VERDICT[cover.after.verdict]}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
