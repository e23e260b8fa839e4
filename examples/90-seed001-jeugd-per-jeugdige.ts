/**
 * Van volume naar geld: goal 2.1 of the Programmabegroting 2026 of Zoetermeer (programme 2, "Bevorderen
 * vroegtijdige, toegankelijke, passende en effectieve jeugdhulp") next to its indicator "Aantal unieke jeugdigen
 * 0-23 jaar dat in het betreffende jaar een vorm van specialistische jeugdhulp ontvangt".
 *
 * The figures, as printed (x € 1.000, costs negative): 2.1 -97.406 (2026), -96.699 (2027), -95.987 (2028),
 * -96.010 (2029); the youths 4.525, 4.000, 3.750, 3.500 (realisation 2024: 4.761).
 *
 * Two questions: what cost per youth does the budget imply, and what would 2.1 cost if the number stayed at
 * 4.525? First exactly from the money and the indicator; then as a driven line (jeugdigen x kostprijs) that a
 * scenario moves. The price per youth of the driven line is rounded to whole cents: that is an assumption of the
 * model, not a figure of the budget.
 */
import { applyScenario, driverSeries, formatAmount, indicatorTable, loadBudget, renderText, type BudgetDocument, type DriverSeries } from 'meerjaren';

const years = ['2026', '2027', '2028', '2029'];
const jeugdigen = { '2026': '4.525', '2027': '4.000', '2028': '3.750', '2029': '3.500' };
const base = (): BudgetDocument => ({
  format: 'meerjaren/budget', version: 1, title: 'Programma 2 Samen leven en ondersteunen', unit: 'thousand', numberFormat: 'nl',
  horizon: { from: 2026, to: 2029, budgetYear: 2026 },
  sections: [{ id: '2', title: 'Samen leven en ondersteunen', lines: [
    { id: '2.1', title: 'Bevorderen vroegtijdige, toegankelijke, passende en effectieve jeugdhulp', nature: 'structural', values: { '2026': '-97.406', '2027': '-96.699', '2028': '-95.987', '2029': '-96.010' } },
  ] }],
  drivers: { indicators: [{ id: 'jeugdigen', title: 'Unieke jeugdigen in specialistische jeugdhulp', unit: 'jeugdigen', values: jeugdigen }] },
});
const euros = (s: DriverSeries, year: string): string => formatAmount(s.values[year]!.value, { unit: 'euro', decimals: 2 });
const row = (label: string, cells: string[]): string => `${label.padEnd(34)}${cells.map((c) => c.padStart(18)).join('')}`;

// 1. Exactly: the cost per youth is 2.1's money / the youths (a fraction), shown rounded to cents.
const pb = loadBudget(base());
const perYouth = driverSeries(pb, '-[2.1] / jeugdigen');
const at4525 = driverSeries(pb, '-[2.1] / jeugdigen * 4525');
console.log(row('', years));
console.log(row('2.1 lasten (EUR)', years.map((y) => euros(driverSeries(pb, '-[2.1]'), y))));
console.log(row('jeugdigen', years.map((y) => formatAmount(pb.drivers!.indicators[0]!.values[y]!, { unit: 'euro' }))));
console.log(row('kosten per jeugdige (EUR)', years.map((y) => euros(perYouth, y))));
console.log(row('2.1 lasten bij 4.525 (EUR)', years.map((y) => euros(at4525, y))));
console.log(`kosten per jeugdige 2026, exact: ${perYouth.values['2026']!.exact.numerator}/${perYouth.values['2026']!.exact.denominator}`);
console.log('');
console.log(renderText(indicatorTable(pb, { series: [{ label: 'Kosten per jeugdige', unit: 'EUR', expression: '-[2.1] / jeugdigen' }] }), { unit: 'euro', decimals: 2 }));

// 2. As a driven line: 2.1 = -(jeugdigen x kostprijs), the price per youth in whole cents (assumption). The printed
//    values stay in the document and are checked against the formula: they may differ by less than half a unit
//    (EUR 500), what rounding to x € 1.000 explains.
const price = Object.fromEntries(years.map((y) => [y, formatAmount(perYouth.values[y]!.value, { unit: 'euro', decimals: 2 })]));
const doc = base();
const driven = loadBudget({
  ...doc,
  drivers: {
    indicators: [...doc.drivers!.indicators!, { id: 'kostprijs', title: 'Kosten per jeugdige (afgerond op centen)', unit: 'EUR per jeugdige', values: price }],
    formulas: [{ row: '2.1', expression: '-jeugdigen * kostprijs' }],
  },
});
const line = (b: typeof driven): string[] => years.map((y) => formatAmount(b.sections[0]!.lines[0]!.values[y] as never, { unit: 'euro', decimals: 2 }));
console.log(row('2.1 gestuurd (EUR)', line(driven)));

// 3. The scenario: the number stays at 4.525 from 2027; the driven line follows.
const stays = applyScenario(driven, { id: 'jeugdigen-4525', title: 'Aantal jeugdigen blijft 4.525', changes: [{ kind: 'set-indicator', indicator: 'jeugdigen', years: { from: 2027 }, value: '4525' }] });
console.log(row('2.1 gestuurd bij 4.525 (EUR)', line(stays.budget)));
console.log(`gewijzigde cellen: ${stays.touched.map((t) => `${t.row} ${t.year}`).join(', ')}`);
const extra = years.map((y) => formatAmount(stays.evaluation.total[y]!.amount.minus(driven.sections[0]!.lines[0]!.values[y] as never), { unit: 'thousand' }));
console.log(row('effect op het saldo (x € 1.000)', extra));
