// A large Monte Carlo run as a user's own process sees it: plain Node, the built package (run `npm run build`
// first), the generated 5,000-line x 10-year budget (bench/generated.mjs) loaded from its document, 100 uncertain inputs,
// DRAWS draws (default 100,000) on WORKERS threads (default 1: monteCarlo on the calling thread; 2 or more:
// monteCarloAsync on a pool of that many threads, started before the budget is loaded).
// Time the whole process from outside, e.g. `/usr/bin/time -v node bench/mc-process.mjs` and
// `WORKERS=2 /usr/bin/time -v node bench/mc-process.mjs`.
// Prints one JSON line: the phases in ms as this process saw them, and a checksum of the whole result, so that
// the runs on 1 and on 2 workers can be compared. bench/mc-threads.mjs runs this script and shows the CPU time of
// each of its threads.
import { WorkerPool, closeWorkerPools, monteCarloAsync } from '../dist/parallel.js';
import { compileBudget, loadBudget, monteCarlo } from '../dist/index.js';
import { generatedDocument, generatedInputs } from './generated.mjs';

const t0 = performance.now();
const workers = Number(process.env.WORKERS ?? '1');
const draws = Number(process.env.DRAWS ?? '100000');
// The pool's threads boot while this thread builds and loads the budget.
const pool = workers > 1 ? new WorkerPool(workers) : undefined;

const budget = loadBudget(generatedDocument());
const compiled = compileBudget(budget);
const tLoaded = performance.now();
const inputs = generatedInputs();
const options = { inputs, draws, seed: 2026, parallelThreshold: 0 };
const result = pool === undefined ? monteCarlo(compiled, options) : await monteCarloAsync(compiled, { ...options, pool });
const tRun = performance.now();
await pool?.close();
await closeWorkerPools();

// FNV-1a over the result's JSON: equal checksums, equal results.
const text = JSON.stringify(result);
let h = 0x811c9dc5;
for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
const round = (x) => Math.round(x);
console.log(JSON.stringify({ workers, draws, loadMs: round(tLoaded - t0), runMs: round(tRun - tLoaded), checksum: (h >>> 0).toString(16), p5: result.saldo['2034'].percentiles['p5'].toFixed() }));
