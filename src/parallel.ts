/**
 * meerjaren/parallel: Monte Carlo runs on Node's worker threads. This entry imports `node:worker_threads`,
 * `node:fs`, `node:path` and `node:url`, so it runs in Node only; the main entry (`meerjaren`) imports none of
 * them and bundles for a browser.
 *
 * The same seed gives the same result as `monteCarlo` on one thread, whatever the number of workers.
 * @packageDocumentation
 * @module meerjaren/parallel
 */
export { monteCarloAsync, closeWorkerPools } from './uncertainty/montecarlo/parallel.js';
export type { ParallelOptions } from './uncertainty/montecarlo/parallel.js';
export { WorkerPool } from './uncertainty/montecarlo/pool.js';
