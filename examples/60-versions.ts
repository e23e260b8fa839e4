/**
 * Versions of one budget (standen in de P&C-cyclus): Programma 2 of Zoetermeer as the Perspectiefnota 2026 / TB1 2025
 * showed it, and as the Programmabegroting 2026 showed it. Their horizons differ (2025-2031 and 2026-2029) and the
 * savings lines were renumbered (TB1's 4.2 is the begroting's 4.1): the comparison runs over the union of the two
 * horizons, a year outside a horizon is "niet in deze versie" (never 0), and the lines are matched through the id
 * map the Begroting 2026 document declares.
 *
 * Run: npx tsx examples/60-versions.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareVersions, formatAmount, loadVersion, renderText, versionSeries, versionTable, type BudgetVersion, type VersionComparison } from 'meerjaren';

/** A version document of examples/data/versions. */
function version(file: string): BudgetVersion {
  return loadVersion(readFileSync(new URL(`./data/versions/${file}`, import.meta.url), 'utf8'));
}

/** TB1 2025 compared with Begroting 2026, through the begroting's id map. */
export function tb1ToBegroting2026(): VersionComparison {
  const tb1 = version('000-tb1-2025.json');
  const pb2026 = version('001-begroting-2026.json');
  return compareVersions(tb1, pb2026, pb2026.idMap === undefined ? {} : { idMap: pb2026.idMap });
}

function main(): void {
  const c = tb1ToBegroting2026();
  console.log(`Jaren: ${c.years.join(', ')} (${c.a.label}: ${c.a.years[0]}-${c.a.years.at(-1)}, ${c.b.label}: ${c.b.years[0]}-${c.b.years.at(-1)})`);

  // The savings section, line by line: matched through the id map, so every difference is 0.
  const savings = c.lines.filter((l) => l.idB?.startsWith('4.') === true);
  for (const l of savings) {
    const y = l.years['2026']!;
    console.log(`${l.idA ?? '-'} -> ${l.idB} ${l.title} (${l.matchedBy ?? l.status}): verschil 2026 ${y.difference === undefined ? 'n.v.t.' : formatAmount(y.difference.amount, { unit: 'thousand' })}`);
  }
  const y2025 = c.total.years['2025']!;
  console.log(`2025 in ${c.b.label}: ${y2025.b.state}, verschil: ${y2025.difference === undefined ? 'geen (niet 0)' : formatAmount(y2025.difference.amount, { unit: 'thousand' })}`);

  // The table of what changed: the total always, then the sections and lines that are new, gone or differ.
  console.log('\n' + renderText(versionTable(c, { changedOnly: true, lines: false })));

  // The three versions as a series (no dates, so in the order listed), each compared with the one before.
  const series = versionSeries([version('003-begroting-2024.json'), version('000-tb1-2025.json'), version('001-begroting-2026.json')]);
  console.log(`\nReeks ${series.years[0]}-${series.years.at(-1)}:`);
  for (const step of series.steps) {
    const shared = step.comparison.years.filter((y) => step.comparison.total.years[y]!.difference !== undefined);
    const diffs = shared.map((y) => `${y} ${formatAmount(step.comparison.total.years[y]!.difference!.amount, { unit: 'thousand' })}`);
    console.log(`  ${step.from} -> ${step.to}: verschil totaal ${diffs.join(', ')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
