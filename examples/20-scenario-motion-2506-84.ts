/**
 * Seed 001, motion 2506-84: drop the 234 savings on subsidies Sociaal Domein (seed 000 line 4.1) and cover them
 * with 234 more from measure 4.2 "Ramingsystematiek", which lives outside programme 2. The municipality is
 * modelled as seed 000's programme 2 plus one section for the rest of the municipality with that measure.
 * Programme 2's savings section goes from 954 to 720; the municipality's total stays the same.
 *
 * Run: npx tsx examples/20-scenario-motion-2506-84.ts
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { applyScenario, compareScenarios, evaluate, loadBudget, loadScenario, renderText, scenarioTable, type Budget, type BudgetDocument } from 'meerjaren';

const data = (file: string): string => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');

/** Seed 000 plus a section for the rest of the municipality, with measure 4.2 Ramingsystematiek (1,5 mln a year). */
export function municipality(): Budget {
  const doc = JSON.parse(data('seed000-tb1.json')) as BudgetDocument & { expected?: unknown };
  const { expected: _printed, ...rest } = doc;
  return loadBudget({
    ...rest,
    title: 'Gemeente Zoetermeer: programma 2 en overige programma\'s',
    totalLabel: 'TOTAAL SALDO GEMEENTE',
    sections: [
      ...doc.sections,
      {
        id: 'G',
        title: 'Overige programma\'s (gemeentebreed)',
        lines: [{ id: 'G4.2', title: 'Maatregel 4.2 Ramingsystematiek (p-max-1)', nature: 'structural', values: [null, '1.500', '1.500', '1.500', '1.500', '1.500', '1.500'] }],
      },
    ],
  });
}

/** The figures the test checks. */
export function run() {
  const baseline = municipality();
  const motion = loadScenario(data('scenario-motion-2506-84.json'), { budget: baseline });
  const result = applyScenario(baseline, motion);
  const before = evaluate(baseline);
  const after = evaluate(result.budget);
  return { baseline, motion, result, before, after, comparison: compareScenarios(baseline, result) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { baseline, result, before, after } = run();
  const k = (d: { div(n: number): { toFixed(): string } }): string => d.div(1000).toFixed();
  console.log('Sectie 4 Bezuinigings- en dekkingsvoorstellen, 2026:', k(before.sections[3]!.totals['2026']!.amount), '->', k(after.sections[3]!.totals['2026']!.amount));
  console.log('Totaal gemeente 2026:', k(before.total['2026']!.amount), '->', k(after.total['2026']!.amount));
  console.log(renderText(scenarioTable([baseline, result], { labels: ['Perspectiefnota (seed 000)', 'Na motie 2506-84'], sections: ['4', 'G'] })));
}
