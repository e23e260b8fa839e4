/**
 * Printed layouts, one table each (gedrukte opmaak): trailing minus in whole euros, V and N after the amounts,
 * "+ is nadeel" above the header, parentheses for negatives, several subtotal levels, a waarvan row with its
 * structural saldo, and reserve mutations split structural and incidental. Each is read with the defaults, every
 * printed total checked, and the lines printed back as a table in the source's unit, with the checks marked.
 */
import { budgetTable, loadBudget, readPrintedTable, renderText } from 'meerjaren';

const layouts: Record<string, string[]> = {
  'trailing minus in whole euros': ['Omschrijving;2026;2027', 'Lasten;5.810.503-;5.900.000-', 'Baten;1.000.000;1.000.000', 'Saldo;4.810.503-;4.900.001-'],
  'V and N after the amounts': ['Bedragen x € 1.000;;', ';2026;2027', 'Hogere uitkering;250 V;250 V', 'Jeugdzorg;400 N;300 N', 'Saldo;150 N;50 N'],
  '"+ is nadeel" above the header': ['Bedragen x € 1.000 (+ is nadeel);;', ';2026;2027', 'Lasten;1.200;1.250', 'Baten;-1.000;-1.000', 'Saldo;200;250'],
  'parentheses for negatives': [';2026;2027', 'Lasten;(1.500);(1.600)', 'Baten;1.200;1.200', 'Saldo;(300);(401)'],
  'several subtotal levels': [
    ';2026', 'Lasten', 'Personeel;-100', 'Materieel;-50', 'Subtotaal lasten;-150', 'Baten', 'Leges;30', 'Subsidies;20', 'Subtotaal baten;50', 'Totaal saldo;-100',
  ],
  'waarvan and a structural row': [';2026;2027', 'Lasten;-1.500;-1.500', 'Baten;1.300;1.400', 'Begrotingssaldo;-200;-100', 'waarvan incidenteel;-150;-50', 'Structureel begrotingssaldo;-50;-50'],
  'reserve mutations, structural and incidental': [
    'Bedragen x € 1.000;;', ';2026;2027', 'Saldo baten en lasten;-500;-400', 'Toevoegingen structureel;-100;-100', 'Toevoegingen incidenteel;-50;0',
    'Onttrekkingen structureel;200;200', 'Onttrekkingen incidenteel;300;100', 'Resultaat;-150;-200', 'waarvan incidenteel;250;100', 'Structureel resultaat;-400;-300',
  ],
};

for (const [name, rows] of Object.entries(layouts)) {
  const table = readPrintedTable(rows.join('\n'), { nature: 'structural', title: name });
  const counts = { ok: 0, rounding: 0, mismatch: 0 };
  for (const check of table.checks) counts[check.status]++;
  console.log(`## ${name}: ${table.checks.length} checks (${counts.ok} ok, ${counts.rounding} afrondingsverschil, ${counts.mismatch} mismatch)`);
  for (const check of table.checks.filter((c) => c.status !== 'ok')) console.log(`   ${check.message}`);
  // the real lines as a budget, printed back in the source's own unit and sign
  const budget = loadBudget(table.document, { totals: 'ignore' });
  console.log(renderText(budgetTable(budget), { unit: budget.presentation.unit, sign: budget.presentation.sign }));
}
