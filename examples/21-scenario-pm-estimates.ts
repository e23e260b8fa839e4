/**
 * Seed 000's pm posts 1.4 (Behoud uitvoeringscapaciteit Wmo) and 1.6 (Uitvoeringscapaciteit JGH) given the
 * estimates of 2025 (-1.100 and -800 a year, with a range for uncertainty analysis), and what that does to the
 * saldo and the structural saldo. Explains one figure and attributes the difference to the two changes.
 *
 * Run: npx tsx examples/21-scenario-pm-estimates.ts
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { applyScenario, attributeDifference, compareScenarios, explain, loadBudget, loadScenario, renderText, scenarioTable } from 'meerjaren';

const data = (file: string): string => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');

/** The figures the test checks. */
export function run() {
  const baseline = loadBudget(data('seed000-tb1.json'));
  const scenario = loadScenario(data('scenario-pm-estimates.json'), { budget: baseline });
  const result = applyScenario(baseline, scenario);
  return {
    baseline,
    scenario,
    result,
    comparison: compareScenarios(baseline, result),
    attribution: attributeDifference(baseline, scenario),
    explanation: explain(baseline, scenario, { line: '1.4', year: 2027 }),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { baseline, result, comparison, attribution, explanation } = run();
  const k = (d: { div(n: number): { toFixed(): string } }): string => d.div(1000).toFixed();
  for (const y of comparison.years) {
    const d = comparison.total.years[y]!;
    console.log(`${y}: saldo ${k(d.amount)}, structureel ${k(d.structural)}, pm-posten ${d.pm.a} -> ${d.pm.b}`);
  }
  for (const s of attribution.shares) console.log(`wijziging ${s.change} (${s.kind}) 2027: ${k(s.amounts['2027']!)}`);
  console.log('1.4 in 2027:', explanation.baseline.pm ? 'pm' : '', '->', k(explanation.result.amount!));
  console.log(renderText(scenarioTable([baseline, result], { labels: ['Perspectiefnota', 'Met ramingen pm'], measures: ['saldo', 'structural', 'incidental'] })));
}
