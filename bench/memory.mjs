// Peak memory of a Monte Carlo run as a user's process sees it: plain Node, the built package, a generated
// 5,000-line x 10-year budget loaded from its document, compiled, and 10,000 draws of 100 uncertain inputs.
// Prints one JSON line; bench/run.ts runs it in a child process (no tsx, no other budgets in memory).
import { compileBudget, loadBudget, monteCarlo } from '../dist/index.js';
import { generatedDocument, generatedInputs } from './generated.mjs';

const mb = (kb) => Math.round(kb / 1024);
const document = generatedDocument();
const start = process.resourceUsage().maxRSS;
const budget = loadBudget(document);
const compiled = compileBudget(budget);
const loaded = process.resourceUsage().maxRSS;
const inputs = generatedInputs();
const t = performance.now();
monteCarlo(compiled, { inputs, draws: 10_000, seed: 2026 });
const ms = performance.now() - t;
console.log(JSON.stringify({ startMB: mb(start), loadedMB: mb(loaded), peakMB: mb(process.resourceUsage().maxRSS), ms: Math.round(ms) }));
