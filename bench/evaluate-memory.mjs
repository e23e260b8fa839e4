// Memory of evaluate() as a user's process sees it: plain Node (run with --expose-gc), the built package, a
// generated 50,000-line x 10-year budget loaded from its document (which compiles it), then evaluate() and a read
// of the table and section totals, then every line total as units, then every line result (Decimals per cell).
// Prints one JSON line of heap sizes in MB after a full GC; bench/run.ts runs it in a child process.
import { evaluate, lineTotalUnits, loadBudget } from '../dist/index.js';

const mb = (bytes) => Math.round(bytes / 1048576);
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};
const lines = Number(process.argv[2] ?? 50_000);
const years = 10;
let r = 2026;
const rnd = () => ((r = (r * 1103515245 + 12345) % 2147483648), r / 2147483648);
const sections = [];
for (let l = 0; l < lines; l++) {
  if (l % 500 === 0) sections.push({ id: String(sections.length + 1), title: `Sectie ${sections.length + 1}`, lines: [] });
  const cell = () => (rnd() < 0.03 ? 'pm' : (Math.floor((rnd() - 0.5) * 2e9) / 100).toFixed(2));
  sections[sections.length - 1].lines.push({ id: `r${l}`, title: `Regel ${l}`, nature: rnd() < 0.6 ? 'structural' : 'incidental', values: Array.from({ length: years }, cell) });
}
const text = JSON.stringify({ version: 1, title: 'Gegenereerde begroting', unit: 'euro', horizon: { from: 2025, to: 2025 + years - 1, budgetYear: 2026 }, sections });
sections.length = 0;
const start = heap();
const budget = loadBudget(text);
const loaded = heap();
const evaluation = evaluate(budget);
let n = 0;
for (const key of evaluation.years.map(String)) {
  for (const section of evaluation.sections) n += section.totals[key].pm.length + (section.totals[key].amount.isZero() ? 0 : 1);
  n += evaluation.total[key].pm.length;
}
const evaluated = heap();
const units = lineTotalUnits(evaluation);
const withUnits = heap();
n += Object.keys(evaluation.lines).length;
const withLines = heap();
console.log(
  JSON.stringify({
    lines,
    years,
    loadedMB: mb(loaded - start),
    evaluateMB: mb(evaluated - loaded),
    unitsMB: mb(withUnits - evaluated),
    linesMB: mb(withLines - withUnits),
    cells: units.amount.length,
    n,
  }),
);
