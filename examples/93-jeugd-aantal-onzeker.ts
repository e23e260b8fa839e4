/**
 * Hoe zeker is het geld als het aantal jeugdigen onzeker is? Goal 2.1 of the Programmabegroting 2026 of Zoetermeer
 * (programme 2, "Bevorderen vroegtijdige, toegankelijke, passende en effectieve jeugdhulp") as a driven line:
 * 2.1 = -(jeugdigen x kostprijs), with the indicator "Aantal unieke jeugdigen 0-23 jaar dat in het betreffende jaar
 * een vorm van specialistische jeugdhulp ontvangt".
 *
 * The figures, as printed (x € 1.000, costs negative): 2.1 -97.406 (2026), -96.699 (2027), -95.987 (2028),
 * -96.010 (2029); the youths 4.525, 4.000, 3.750, 3.500. The price per youth is 2.1's money divided by the youths,
 * rounded to whole cents (an assumption of the model, not a figure of the budget): € 21.526,19 in 2026.
 *
 * The budget counts on 4.525 youths in 2026. Say the number is uncertain: at least 3.750, most likely 4.000, at
 * most 4.525 (a triangular distribution, whole youths). A Monte Carlo run draws the number 10.000 times; each draw
 * moves 2.1 exactly as the scenario "set-indicator jeugdigen 2026" with that number would (youths x price, to the
 * cent). Out come P10 / P50 / P90 of 2.1's money in 2026.
 */
import { applyScenario, formatAmount, loadBudget, monteCarlo, tornado, type BudgetDocument, type Decimal } from 'meerjaren';

const printed = { '2026': '-97.406', '2027': '-96.699', '2028': '-95.987', '2029': '-96.010' };
const youths = { '2026': '4.525', '2027': '4.000', '2028': '3.750', '2029': '3.500' };
const price = { '2026': '21.526,19', '2027': '24.174,75', '2028': '25.596,53', '2029': '27.431,43' }; // -2.1 / youths, to cents

const doc: BudgetDocument = {
  format: 'meerjaren/budget', version: 1, title: 'Programma 2 Samen leven en ondersteunen', unit: 'thousand', numberFormat: 'nl',
  horizon: { from: 2026, to: 2029, budgetYear: 2026 },
  sections: [{ id: '2', title: 'Samen leven en ondersteunen', lines: [
    { id: '2.1', title: 'Bevorderen vroegtijdige, toegankelijke, passende en effectieve jeugdhulp', nature: 'structural', values: printed },
  ] }],
  drivers: {
    indicators: [
      { id: 'jeugdigen', title: 'Unieke jeugdigen in specialistische jeugdhulp', unit: 'jeugdigen', values: youths },
      { id: 'kostprijs', title: 'Kosten per jeugdige (afgerond op centen)', unit: 'EUR per jeugdige', values: price },
    ],
    formulas: [{ row: '2.1', expression: '-jeugdigen * kostprijs' }],
  },
};
const pb = loadBudget(doc);
const euro = (d: Decimal): string => formatAmount(d, { unit: 'euro', decimals: 2 });
const thousand = (d: Decimal): string => formatAmount(d, { unit: 'thousand' });

// 1. The number of youths in 2026: triangular 3.750 / 4.000 / 4.525, whole youths (places 0, the default).
const uncertainYouths = { id: 'jeugdigen-2026', label: 'Aantal jeugdigen 2026', kind: 'indicator' as const, indicator: 'jeugdigen', years: [2026],
  distribution: { kind: 'triangular' as const, low: '3750', likely: '4000', high: '4525' } };
const run = monteCarlo(pb, { inputs: [uncertainYouths], draws: 10_000, seed: 2026, percentiles: [10, 50, 90], unit: 'euro' });
const y2026 = run.saldo['2026']!; // the budget has the one line: its saldo is 2.1's money

console.log(`2.1 in 2026 bij 4.525 jeugdigen (begroting): ${euro(pb.sections[0]!.lines[0]!.values['2026'] as Decimal)}`);
console.log(`aantal jeugdigen 2026 onzeker: driehoek 3.750 / 4.000 / 4.525, ${run.draws} trekkingen, zaad ${String(run.seed)}`);
console.log('2.1 in 2026 (EUR, lasten negatief):');
for (const p of ['p10', 'p50', 'p90']) {
  const v = y2026.percentiles[p]!;
  console.log(`  ${p.toUpperCase()}: ${euro(v)}  (x € 1.000: ${thousand(v)}; ${formatAmount(v.neg().div('21526.19'), { unit: 'euro' })} jeugdigen)`);
}
console.log(`  gemiddeld: ${euro(y2026.mean)}; uitersten ${euro(y2026.min)} en ${euro(y2026.max)}`);
const room = pb.sections[0]!.lines[0]!.values['2026'] as Decimal;
console.log(`ruimte t.o.v. de begroting (P50): ${euro(y2026.percentiles['p50']!.minus(room))}`);
console.log(`2027-2029 blijven: ${['2027', '2028', '2029'].map((y) => thousand(run.saldo[y]!.percentiles['p50']!)).join(' ')} (x € 1.000)`);

// 2. Every draw is the scenario with that number: the most likely 4.000 as a scenario gives the same money.
const at4000 = applyScenario(pb, { id: 'jeugdigen-4000', title: '4.000 jeugdigen in 2026', unit: 'euro', numberFormat: 'plain',
  changes: [{ kind: 'set-indicator', indicator: 'jeugdigen', years: [2026], value: '4000' }] });
console.log(`scenario 4.000 jeugdigen: 2.1 in 2026 ${euro(at4000.evaluation.total['2026']!.amount)}`);

// 3. The tornado table reads the same input: low and high end of the number of youths.
const bar = tornado(pb, { year: 2026, measure: 'saldo', unit: 'euro', inputs: [uncertainYouths] }).rows[0]!;
console.log(`tornado 2026: bij 3.750 ${euro(bar.atLow)}, bij 4.525 ${euro(bar.atHigh)}; bandbreedte ${euro(bar.swing)}`);
