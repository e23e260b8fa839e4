/**
 * The main demo: a scenario report on seed 000 (Zoetermeer, programme 2, TB1 2025 / MJB 2026-2029).
 *
 * The TB1 table leaves 1.4 (Behoud uitvoeringscapaciteit Wmo) and 1.6 (Uitvoeringscapaciteit JGH) as pm from
 * 2026 on. What if they cost what they cost in 2025, every year? And what if we call that what it is, a
 * structural cost? The report prints the table as the seed does, the scenarios beside it, which change causes
 * how much of the difference, one figure explained, and what it means for the structural balance the province
 * looks at.
 *
 * Run: npm run demo   (or: npx tsx examples/00-demo.ts)
 */
import { readFileSync } from 'node:fs';
import {
  applyScenario,
  attributeDifference,
  budgetTable,
  explain,
  formatAmount,
  loadBudget,
  loadScenario,
  renderText,
  scenarioTable,
  structuralBalance,
  type Budget,
} from 'meerjaren';

const data = (file: string): string => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
const rule = (title: string): void => console.log(`\n${'='.repeat(100)}\n${title}\n${'='.repeat(100)}`);

const baseline = loadBudget(data('seed000-tb1.json'));
const scenario = loadScenario(data('scenario-pm-estimates.json'), { budget: baseline });
const variant = applyScenario(baseline, scenario);
// The same estimates as structural lines from 2026: a shortage of capacity that comes back every year is no incident.
const structuralScenario = loadScenario(data('scenario-pm-estimates-structural.json'), { budget: baseline });
const structural = applyScenario(baseline, structuralScenario);

rule('1. Het uitgangspunt: de TB1-tabel van seed 000, exact nagerekend');
console.log(renderText(budgetTable(baseline)));

rule(`2. Scenario's "${scenario.title}" en "${structuralScenario.title}"`);
for (const change of [...scenario.changes, ...structuralScenario.changes]) {
  const line = change.kind === 'add-line' ? change.line.id : 'line' in change ? change.line : '';
  console.log(`- ${change.kind} op regel ${line}${change.note ? `: ${change.note}` : ''}`);
}
console.log();
console.log(
  renderText(
    scenarioTable([baseline, variant, structural], {
      labels: ['TB1 (uitgangspunt)', 'Met ramingen pm', 'Ramingen structureel'],
      measures: ['saldo', 'structural', 'incidental'],
    }),
  ),
);

rule('3. Waar komt het verschil vandaan? (Shapley-toerekening, onafhankelijk van de volgorde van de wijzigingen)');
const attribution = attributeDifference(baseline, scenario);
for (const share of attribution.shares) {
  const years = attribution.years.map((y) => `${y}: ${formatAmount(share.amounts[y]!, { unit: 'thousand' })}`).join('  ');
  console.log(`wijziging ${share.change} (${share.kind}): ${years}`);
}

rule('4. Eén bedrag uitgelegd: regel 1.4 in 2027');
const why = explain(baseline, scenario, { line: '1.4', year: 2027 });
console.log(`uitgangspunt: ${why.baseline.pm ? 'pm' : formatAmount(why.baseline.amount!, { unit: 'thousand' })}`);
for (const step of why.steps) {
  console.log(`  wijziging ${step.change} (${step.kind}): ${step.before.pm ? 'pm' : formatAmount(step.before.amount!, { unit: 'thousand' })} -> ${step.after.pm ? 'pm' : formatAmount(step.after.amount!, { unit: 'thousand' })}`);
}
console.log(`resultaat: ${why.result.pm ? 'pm' : formatAmount(why.result.amount!, { unit: 'thousand' })}`);

rule('5. Structureel evenwicht (BBV): wat ziet de toezichthouder?');
const verdictText = { 'first-year': 'in evenwicht in het eerste jaar', 'last-year': 'uiterlijk in het laatste MJB-jaar in evenwicht', 'not-in-balance': 'niet in evenwicht' } as const;
for (const [name, budget] of [['TB1 (uitgangspunt)', baseline], ['Met ramingen pm', variant.budget], ['Ramingen structureel', structural.budget]] as [string, Budget][]) {
  const balance = structuralBalance(budget);
  const saldo = balance.years.map((y) => formatAmount(balance.perYear[y]!.structural, { unit: 'thousand' })).join(' ');
  console.log(`${name}: structureel saldo ${saldo}; oordeel: ${verdictText[balance.verdict]}`);
  for (const w of balance.warnings.filter((w) => w.code !== 'pm_post')) console.log(`  waarschuwing [${w.code}] ${w.message}`);
  const pm = balance.warnings.filter((w) => w.code === 'pm_post').map((w) => w.id);
  if (pm.length > 0) console.log(`  nog pm-posten: ${pm.join(', ')}`);
}
