/**
 * The Hervormingsagenda Jeugd (seed 004) on seed 000's table: the full local path (3 mln in 2025, 7 mln in 2026,
 * then 1 mln more every year), the measures realising 50%, and the savings from 2028 booked as pm; the three
 * side by side. Modelled with a line (issue 3's savings targets are not used here).
 *
 * Run: npx tsx examples/22-scenario-hervormingsagenda.ts
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { applyScenario, loadBudget, loadScenario, renderText, scenarioTable, type Budget, type Scenario, type ScenarioResult } from 'meerjaren';

const data = (file: string): string => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');

/** The figures the test checks. */
export function run(): { baseline: Budget; library: Scenario[]; results: ScenarioResult[] } {
  const baseline = loadBudget(data('seed000-tb1.json'));
  const raw = JSON.parse(data('scenario-hervormingsagenda.json')) as unknown[];
  const library = raw.map((s) => loadScenario(s));
  const results = library.map((s) => applyScenario(baseline, s, library));
  return { baseline, library, results };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { results } = run();
  console.log(renderText(scenarioTable(results, { labels: ['Volledig pad', 'Maatregelen 50%', 'Vanaf 2028 pm'], measures: ['saldo', 'structural'] })));
}
