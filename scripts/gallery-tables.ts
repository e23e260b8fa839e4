/**
 * Writes docs/gallery/tables.md: the tables of the gallery, printed by meerjaren's own renderers.
 * Run: npx tsx scripts/gallery-tables.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { applyScenario, budgetTable, loadBudget, loadScenario, renderMarkdown, renderText, scenarioTable, structuralBalance, structuralBalanceTable } from 'meerjaren';
const d = (f: string) => readFileSync(`examples/data/${f}`, 'utf8');
const b = loadBudget(d('seed000-tb1.json'));
const v = applyScenario(b, loadScenario(d('scenario-pm-estimates.json'), { budget: b }));
const out: string[] = [];
out.push('# Table gallery (tabellengalerij)\n');
out.push('Every table is a `Table` printed by the same renderers (`renderText`, `renderMarkdown`, `renderHtml`, `tableToCsv`); see the [reports guide](../guide/reports.md).\n');
out.push('### A budget table as in the seed — `budgetTable` + `renderText`\n');
out.push('```\n' + renderText(budgetTable(b)) + '\n```\n');
out.push('### Scenarios side by side — `scenarioTable` + `renderMarkdown`\n');
out.push(renderMarkdown(scenarioTable([b, v], { labels: ['TB1 (uitgangspunt)', 'Met ramingen pm'], measures: ['saldo', 'structural'] })) + '\n');
out.push('### Structural balance (BBV) — `structuralBalanceTable` + `renderMarkdown`\n');
out.push(renderMarkdown(structuralBalanceTable(b, structuralBalance(b))) + "\n");
out.push('### Seed 001 in its own sign convention (+ is nadeel) — `renderText(table, { sign: \'nadeel-positive\' })`\n');
const bw = loadBudget(d('seed001-beleidswijzigingen.json'));
out.push('```\n' + renderText(budgetTable(bw), { sign: 'nadeel-positive' }) + '\n```\n');
writeFileSync('docs/gallery/tables.md', out.join('\n'));
console.log('wrote docs/gallery/tables.md');
