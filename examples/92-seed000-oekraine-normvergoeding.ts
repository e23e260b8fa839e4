/**
 * Van volume naar geld: the Ukraine reimbursement of TB1 2025 (line 1.1 "Noodopvang Oekraïne-vergoeding rijk",
 * x € 1.000: 6.500 in 2025 and 1.083 in 2026, with "- kosten noodopvang" -3.600 and -600) as places x days x
 * normvergoeding. The TB1 says: "Het rijk heeft de normvergoeding met ingang van 1/1/2025 bijgesteld van € 61 per
 * dag naar € 44", and the temporary protection (RTB) runs until 4 March 2026.
 *
 * Assumptions (the TB1 gives neither): 405 occupied places in 2025 and 391 in 2026 (the whole numbers that come
 * nearest to the printed 6.500 and 1.083), the tariff of € 61 from 1 March 2022, and no reimbursement after
 * 4 March 2026 (a period of € 0 from 5 March).
 *
 * The normvergoeding is a dated parameter with the rule per-day: a year's value is the sum over its days of the
 * tariff of that day (44 x 365 = 16.060 for 2025). Exact, no rounding.
 */
import { readFileSync } from 'node:fs';
import { applyScenario, driverSeries, evaluate, formatAmount, indicatorTable, loadBudget, renderText } from 'meerjaren';

const tb1 = loadBudget(readFileSync(new URL('./data/seed000-oekraine-drivers.json', import.meta.url), 'utf8'));
const eur = (v: Parameters<typeof formatAmount>[0]): string => formatAmount(v, { unit: 'euro' });
const k = (v: Parameters<typeof formatAmount>[0]): string => formatAmount(v, { unit: 'thousand' });

const tariff = driverSeries(tb1, 'normvergoeding', { years: [2024, 2025, 2026] });
console.log(`normvergoeding per plaats per jaar: 2024 ${eur(tariff.values['2024']!.value)} (61 x 366), 2025 ${eur(tariff.values['2025']!.value)} (44 x 365), 2026 ${eur(tariff.values['2026']!.value)} (44 x 63)`);

const line = tb1.sections[0]!.lines[0]!;
const result = evaluate(tb1);
for (const [year, printed] of [['2025', '6.500'], ['2026', '1.083']] as const) {
  console.log(`1.1 ${year}: plaatsen x normvergoeding = ${eur(line.values[year] as never)} (x € 1.000: ${k(line.values[year] as never)}, gedrukt ${printed}); saldo met de kosten ${k(result.sections[0]!.lines[0]!.totals[year]!.amount)}`);
}
console.log('');
console.log(renderText(indicatorTable(tb1, { years: [2024, 2025, 2026] }), { unit: 'euro' }));

// Had the normvergoeding stayed at € 61 a day:
const stayed = applyScenario(tb1, {
  id: 'tarief-61', title: 'Normvergoeding blijft € 61',
  changes: [{ kind: 'set-parameter', parameter: 'normvergoeding', periods: [{ from: '2022-03-01', value: '61' }, { from: '2026-03-05', value: '0' }] }],
});
const at61 = stayed.budget.sections[0]!.lines[0]!.values;
console.log(`bij € 61 per dag: 2025 ${eur(at61['2025'] as never)}, 2026 ${eur(at61['2026'] as never)}; verschil 2025 ${eur(stayed.evaluation.total['2025']!.amount.minus(result.total['2025']!.amount))}`);

// Had the tariff dropped on 1 July 2025 instead of 1 January (a period that starts mid-year):
const july = applyScenario(tb1, {
  id: 'juli', title: 'Verlaging per 1 juli 2025',
  changes: [{ kind: 'set-parameter', parameter: 'normvergoeding', periods: [{ from: '2022-03-01', value: '61' }, { from: '2025-07-01', value: '44' }, { from: '2026-03-05', value: '0' }] }],
});
console.log(`verlaging per 1 juli 2025: 2025 ${eur(july.budget.sections[0]!.lines[0]!.values['2025'] as never)} (405 x (61 x 181 + 44 x 184))`);
