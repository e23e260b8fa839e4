// Peak memory of a Monte Carlo run as a user's process sees it: plain Node, the built package, a generated
// 5,000-line x 10-year budget loaded from its document, compiled, and 10,000 draws of 100 uncertain inputs.
// Prints one JSON line; bench/run.ts runs it in a child process (no tsx, no other budgets in memory).
import { compileBudget, loadBudget, monteCarlo } from '../dist/index.js';

const mb = (kb) => Math.round(kb / 1024);
let r = 2026;
const rnd = () => ((r = (r * 1103515245 + 12345) % 2147483648), r / 2147483648);
const years = 10;
const sections = [];
for (let l = 0; l < 5000; l++) {
  if (l % 500 === 0) sections.push({ id: String(sections.length + 1), title: `Sectie ${sections.length + 1}`, lines: [] });
  const cell = () => (rnd() < 0.03 ? 'pm' : (Math.floor((rnd() - 0.5) * 2e9) / 100).toFixed(2));
  sections[sections.length - 1].lines.push({ id: `r${l}`, title: `Regel ${l}`, nature: rnd() < 0.6 ? 'structural' : 'incidental', values: Array.from({ length: years }, cell) });
}
const start = process.resourceUsage().maxRSS;
const budget = loadBudget({ version: 1, title: 'Gegenereerde begroting', unit: 'euro', horizon: { from: 2025, to: 2034, budgetYear: 2026 }, sections });
const compiled = compileBudget(budget);
const loaded = process.resourceUsage().maxRSS;
const inputs = Array.from({ length: 100 }, (_, k) => ({
  id: `in${k}`,
  kind: 'amount',
  rows: [`r${k * 50}`],
  years: [2025 + (k % years)],
  distribution: k % 2 === 0 ? { kind: 'uniform', low: '-100000', high: '100000' } : { kind: 'triangular', low: '-100000', likely: '0', high: '100000' },
}));
const t = performance.now();
monteCarlo(compiled, { inputs, draws: 10_000, seed: 2026 });
const ms = performance.now() - t;
console.log(JSON.stringify({ startMB: mb(start), loadedMB: mb(loaded), peakMB: mb(process.resourceUsage().maxRSS), ms: Math.round(ms) }));
