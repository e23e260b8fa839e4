/**
 * Rebasing scenarios (scenario overzetten) onto the next version of the budget: Programma 2 of Zoetermeer as the
 * Perspectiefnota 2026 / TB1 2025 showed it (2025-2031, x EUR 1.000), as the Programmabegroting 2026 showed it
 * (2026-2029, x EUR 1.000) and as the Programmabegroting 2024 showed it (2024-2027, in euros).
 *
 * The id map from the TB1 to the Begroting 2026 (declared in the Begroting 2026 document): the TB1's savings lines
 * 4.2 Besparing subsidies Jeugd, 4.3 Effectiever inrichten individuele voorzieningen, 4.4 Vrijwilligerswaardering and
 * 4.5 Verbonden partijen are the begroting's 4.1, 4.2, 4.3 and 4.4 (250, 250, 20 and 189 + 11 a year in both); the
 * TB1's 4.1 Besparing subsidies Sociaal Domein (234 a year) has no counterpart (motion 2506-84 dropped it), and the
 * TB1's 2.1 Kinderopvang op sociaal medische indicatie is not the begroting's 2.1 (a goal: Bevorderen vroegtijdige
 * jeugdhulp, -97.406 in 2026), so it maps to nothing. 3.1 Realisatie gemeentelijke opvang (pm in 2026) and 3.2
 * Crisisorganisatie Sociaal Domein (-77, -446 and -130 in 2026) keep their ids. The TB1's section 1 (with the pm
 * posts 1.4 Behoud uitvoeringscapaciteit Wmo and 1.6 Uitvoeringscapaciteit JGH) is not in the begroting at all.
 *
 * 1. The pm-estimate scenario of the TB1 (1.4 at -1.100 and 1.6 at -800 a year) onto the Begroting 2026: both
 *    changes are gone; applied as it is, the scenario fails with unknown_reference.
 * 2. A scenario of savings and an estimate against the TB1: 4.2 at 50 % from 2026 (now 4.1; stale: the TB1's
 *    doorkijk years 2030-2031 are not in the begroting), the pm of 3.1 in 2026 estimated at -500 (fresh) and
 *    dropping 4.1 (gone).
 * 3. A scenario against the Begroting 2024 (euros): goal 2.2 (Bevorderen meedoen aan de samenleving en zelfstandig
 *    wonen) at 98 % in 2026-2027. Its base moved from -51.712.490 and -51.430.071 euros to -54.806 and -55.196 x
 *    EUR 1.000: stale, with what each policy gives (keep-relative: 98 % of the new base, -53.709.880 in 2026;
 *    keep-absolute: the old result, -50.678.240,20, written as "-50678.2402" x EUR 1.000).
 *
 * Run: npx tsx examples/63-rebase-scenario.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyScenario, evaluate, formatAmount, loadScenario, loadVersion, rebaseScenario, rebaseTable, renderText, type BudgetVersion, type Scenario, type ScenarioRebase } from 'meerjaren';

const data = (file: string): string => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
const version = (file: string): BudgetVersion => loadVersion(data(`versions/${file}`));

/** The three rebases, undecided and decided. */
export function run() {
  const tb1 = version('000-tb1-2025.json');
  const pb2026 = version('001-begroting-2026.json');
  const pb2024 = version('003-begroting-2024.json');

  const pm = loadScenario(data('scenario-pm-estimates.json'), { budget: tb1.budget });
  const pmRebase = rebaseScenario(pm, tb1, pb2026);
  const pmDropped = rebaseScenario(pm, tb1, pb2026, { gone: 'drop' });

  const savings: Scenario = {
    id: 'besparingen-tb1',
    title: 'Besparing subsidies Jeugd voor de helft, raming opvang',
    unit: 'thousand',
    changes: [
      { kind: 'set-amount', line: '4.2', years: { from: 2026 }, value: { percent: '50' }, note: 'maatregel 318c levert de helft' },
      { kind: 'estimate-pm', line: '3.1', years: [2026], value: '-500', note: 'voorbereiding opvanglocatie' },
      { kind: 'drop-line', line: '4.1', note: 'motie 2506-84' },
    ],
  };
  const savingsRebase = rebaseScenario(savings, tb1, pb2026, { decisions: { 'changes[0]': 'keep-relative', 'changes[2]': 'drop' } });

  const goal: Scenario = {
    id: 'doel-2.2',
    title: 'Doelstelling 2.2 twee procent lager',
    changes: [{ kind: 'set-amount', line: '2.2', years: { from: 2026 }, value: { percent: '98' }, note: 'efficiencykorting' }],
  };
  // the Begroting 2026 document's id map is from the TB1; from the Begroting 2024 no line was renumbered
  const goalRebase = rebaseScenario(goal, pb2024, pb2026, { idMap: {} });
  const goalAbsolute = rebaseScenario(goal, pb2024, pb2026, { idMap: {}, stale: 'keep-absolute' });
  return { tb1, pb2026, pb2024, pmRebase, pmDropped, savingsRebase, goalRebase, goalAbsolute };
}

function statuses(r: ScenarioRebase): string {
  return r.changes.map((c) => `${c.key} ${c.kind} ${c.status}${c.decision === undefined ? '' : ` (${c.decision})`}`).join('; ');
}

function main(): void {
  const { pb2026, pmRebase, pmDropped, savingsRebase, goalRebase, goalAbsolute } = run();
  const k = { unit: 'thousand' as const };

  console.log(`1. ${statuses(pmRebase)}`);
  console.log(`   onbeslist: ${pmRebase.undecided.join(', ')}; overgezet scenario: ${pmRebase.scenario === undefined ? 'nog niet' : 'ja'}`);
  console.log(renderText(rebaseTable(pmRebase), k));
  console.log(`   met gone: 'drop': ${pmDropped.scenario!.changes.length} wijzigingen over`);

  console.log(`\n2. ${statuses(savingsRebase)}`);
  console.log(renderText(rebaseTable(savingsRebase), k));
  const applied = applyScenario(pb2026.budget, savingsRebase.scenario!);
  const lines = evaluate(applied.budget).lines;
  console.log(`   Begroting 2026 met het scenario: 4.1 in 2026 ${formatAmount(lines['4.1']!.totals['2026']!.amount, k)}, 3.1 in 2026 ${formatAmount(lines['3.1']!.totals['2026']!.amount, k)}`);
  console.log(`   overgezette wijzigingen: ${JSON.stringify(savingsRebase.scenario!.changes)}`);

  console.log(`\n3. ${statuses(goalRebase)}`);
  console.log(renderText(rebaseTable(goalRebase), k));
  const cell = goalRebase.changes[0]!.cells.find((c) => c.year === 2026)!;
  console.log(`   2026: basis ${cell.baseFrom?.toString()} -> ${cell.baseTo?.toString()} euro; keep-relative ${cell.relative?.toString()}, keep-absolute ${cell.absolute?.toString()}`);
  console.log(`   keep-absolute, in x EUR 1.000: ${JSON.stringify(goalAbsolute.scenario!.changes)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
