/**
 * Scenarios on cover (dekking) and savings targets (taakstellingen).
 *
 * 1. Seed 000 with its cover (example 10): what if the free Ukraine advantage is 2.000 instead of 2.900 in 2025?
 *    The pool pays 1.2 HAR first (400), so 3.1 gemeentelijke opvang gets 1.600 of its 2.100: 500 uncovered, and the
 *    pool is over-committed by 500. The saldo of the table does not move: cover changes who pays, not the cost.
 * 2. The Hervormingsagenda Jeugd taakstelling (example 11): the measures as planned, realising 50%, the savings
 *    from 2028 booked as pm (stacked on the 50%), and regional purchasing two years late; the gap per year of each,
 *    compared with the assumptions of example 11.
 *
 * Run: npx tsx examples/23-scenario-cover-and-targets.ts
 */
import { pathToFileURL } from 'node:url';
import { applyScenario, compareScenarios, loadScenario, type Budget, type Scenario, type ScenarioComparison, type ScenarioResult } from 'meerjaren';
import { seed000WithCover } from './10-seed000-cover.js';
import { hervormingsagenda } from './11-hervormingsagenda-taakstelling.js';

/** Seed 000: the Ukraine pool gives 2.000 (x EUR 1.000) in 2025 instead of the 2.900 left of 1.1. */
export const LOWER_UKRAINE_POOL: Scenario = {
  id: 'oekraine-2000',
  title: 'Oekraïne-voordeel 2.000 in plaats van 2.900',
  changes: [{ kind: 'set-capacity', source: 'oekraine', capacity: { perYear: { 2025: '2000' } }, note: 'lagere vergoeding COA' }],
};

/** The Hervormingsagenda variants (amounts x EUR 1 mln, the budget's unit). */
export const HERVORMINGSAGENDA_SCENARIOS: readonly Scenario[] = [
  {
    id: 'ha-volledig',
    title: 'Maatregelen volgens plan',
    changes: [{ kind: 'set-realisation', target: 'hervormingsagenda', realisation: 'as-planned' }],
  },
  {
    id: 'ha-50',
    title: 'Maatregelen realiseren 50%',
    changes: [{ kind: 'set-realisation', target: 'hervormingsagenda', realisation: { rate: '0.5' } }],
  },
  {
    id: 'ha-pm-2028',
    title: 'Maatregelen 50%, taakstelling vanaf 2028 pm',
    extends: 'ha-50',
    changes: [{ kind: 'set-target-path', target: 'hervormingsagenda', years: { from: 2028 }, value: 'pm', note: 'advies expertcommissie 2025' }],
  },
  {
    id: 'ha-inkoop-later',
    title: 'Regionale inkoop twee jaar later',
    changes: [{ kind: 'set-realisation', target: 'hervormingsagenda', measures: ['regionale-inkoop'], realisation: { delay: 2 } }],
  },
];

/** The figures the tests check. */
export function run(): {
  seed: Budget;
  ukraine: ScenarioResult;
  ukraineComparison: ScenarioComparison;
  taakstelling: Budget;
  results: ScenarioResult[];
  comparisons: ScenarioComparison[];
} {
  const seed = seed000WithCover();
  const ukraine = applyScenario(seed, loadScenario(LOWER_UKRAINE_POOL, { budget: seed }));
  const ukraineComparison = compareScenarios(seed, ukraine);
  const taakstelling = hervormingsagenda();
  const library = HERVORMINGSAGENDA_SCENARIOS.map((s) => loadScenario(s));
  const results = library.map((s) => applyScenario(taakstelling, s, library));
  const comparisons = results.map((r) => compareScenarios(taakstelling, r));
  return { seed, ukraine, ukraineComparison, taakstelling, results, comparisons };
}

const fmt = (d: { div(n: number): { toFixed(): string } }, unit: number): string => d.div(unit).toFixed();

function main(): void {
  const { ukraineComparison: c, comparisons } = run();
  console.log(`${c.b} (x € 1.000, 2025)\n`);
  for (const line of c.lines) {
    const y = line.years['2025'];
    if (y?.cover === undefined || (y.cover.covered.a.isZero() && y.cover.covered.b.isZero())) continue;
    const { covered, uncovered } = y.cover;
    console.log(`  ${line.id.padEnd(4)} gedekt ${fmt(covered.a, 1000)} -> ${fmt(covered.b, 1000)}, ongedekt ${fmt(uncovered.a, 1000)} -> ${fmt(uncovered.b, 1000)}`);
  }
  const total = c.total.years['2025']!;
  console.log(`  totaal ongedekt ${fmt(total.cover!.uncovered.a, 1000)} -> ${fmt(total.cover!.uncovered.b, 1000)}; saldo verschil ${fmt(total.amount, 1000)}`);
  for (const s of c.sources ?? []) {
    const y = s.years['2025']!;
    if (s.changed) console.log(`  bron ${s.id}: ingezet ${fmt(y.given.a, 1000)} -> ${fmt(y.given.b, 1000)}, overvraagd ${fmt(y.overCommitted.b, 1000)}`);
  }

  console.log('\nTekort taakstelling Hervormingsagenda Jeugd per jaar (x € 1 mln; pm = taakstelling open)\n');
  const years = ['2025', '2026', '2027', '2028', '2029', '2030', '2031'];
  const first = comparisons[0]!;
  console.log(['variant'.padEnd(46), ...years.map((y) => y.padStart(8))].join(''));
  // a pm year has no amount to save, so its gap is not a figure: print pm
  const gapRow = (label: string, pick: (y: string) => { gap: string; pm: boolean }): void =>
    console.log([label.padEnd(46), ...years.map((y) => { const g = pick(y); return (g.pm ? 'pm' : g.gap).padStart(8); })].join(''));
  gapRow('Aannames voorbeeld 11', (y) => ({ gap: fmt(first.targets![0]!.years[y]!.gap.a, 1e6), pm: first.targets![0]!.years[y]!.pm.a }));
  for (const cmp of comparisons) gapRow(cmp.b, (y) => ({ gap: fmt(cmp.targets![0]!.years[y]!.gap.b, 1e6), pm: cmp.targets![0]!.years[y]!.pm.b }));
  console.log('\nHet saldo van de tabel verandert in geen enkele variant: de stelpost blijft geboekt; het tekort is het risico.');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
