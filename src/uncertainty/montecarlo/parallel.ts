/**
 * A Monte Carlo run on worker threads (parallel): the draws split into one contiguous block per worker, each
 * block's outputs sorted and summed in its worker and read off here, identical to a run on one thread.
 * @packageDocumentation
 */
import type { Budget } from '../../model/budget.js';
import type { CompiledBudget } from '../../engine/compile.js';
import { createKernel } from './kernel.js';
import { planMeta } from './plan-data.js';
import { MONTE_CARLO_OPTIONS, buildPlan } from './plan.js';
import { integer, type OptionCheck, type OptionSpec } from '../../core/guard.js';
import { MAX_WORKERS, WorkerPool } from './pool.js';
import { summariseBlocks, summariseRun } from './summary.js';
import type { MonteCarloOptions, MonteCarloResult } from './types.js';

/** Options of {@link monteCarloAsync}. @category Uncertainty */
export interface ParallelOptions extends MonteCarloOptions {
  /** Worker threads (node:worker_threads); 1 runs on the calling thread. @defaultValue 1 */
  readonly workers?: number;
  /** Below this many input-draws (draws x inputs) the run stays on one thread (starting workers costs ~40 ms). @defaultValue 100000 */
  readonly parallelThreshold?: number;
  /** A pool to use; by default a shared pool of `workers` threads that lives until {@link closeWorkerPools}. */
  readonly pool?: WorkerPool;
}

const SHARED_POOLS = new Map<number, WorkerPool>();

const POOL: OptionCheck = (value, path, collector) => {
  if (!(value instanceof WorkerPool)) collector.add('invalid_option', path, 'pool must be a WorkerPool');
};

/** The checks of {@link ParallelOptions}. */
const PARALLEL_OPTIONS: OptionSpec = {
  ...MONTE_CARLO_OPTIONS,
  workers: integer({ min: 1, max: MAX_WORKERS }),
  parallelThreshold: integer({ min: 0 }),
  pool: POOL,
};

/** Ends the shared worker pools made by {@link monteCarloAsync}. @category Uncertainty */
export async function closeWorkerPools(): Promise<void> {
  const pools = [...SHARED_POOLS.values()];
  SHARED_POOLS.clear();
  await Promise.all(pools.map((p) => p.close()));
}

/**
 * Runs a Monte Carlo simulation, on worker threads when asked (`workers: 2`) and the job is large enough.
 *
 * @remarks
 * Each draw is seeded by its index, so the result is identical to `monteCarlo` (main entry) on one thread, for
 * any number of workers. Draws are split into one contiguous block per worker; each worker sorts and sums its
 * block's outputs column by column, and this thread reads percentiles, extremes and counts off the sorted
 * blocks by binary search: what is left on it does not grow with the draws, except the cost of receiving them.
 * The workers run the built entry (`dist/worker.js`, or `dist/worker.cjs` from the CommonJS build).
 *
 * @param budget - the budget, or a compiled budget
 * @param options - as `monteCarlo` (main entry), plus `workers`, `parallelThreshold`, `pool`
 * @throws MeerjarenError as `monteCarlo` (main entry); `worker_unavailable` when the built worker is missing
 * @example
 * ```ts
 * import { budget, pm } from 'meerjaren';
 * import { closeWorkerPools, monteCarloAsync } from 'meerjaren/parallel';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .build();
 * const result = await monteCarloAsync(tb1, { seed: 2026, draws: 1000, workers: 2, inputs: [
 *   { id: '1.4', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' } }, // x € 1.000
 * ] }); // the same figures as monteCarlo with these options, on any number of workers (x € 1.000, the budget's unit)
 * await closeWorkerPools();
 * ```
 * @category Uncertainty
 */
export async function monteCarloAsync(budget: Budget | CompiledBudget, options: ParallelOptions): Promise<MonteCarloResult> {
  const plan = buildPlan(budget, options, 0, 'monteCarloAsync', PARALLEL_OPTIONS);
  const draws = planMeta(plan).draws;
  const workers = options.pool?.size ?? options.workers ?? 1;
  const threshold = options.parallelThreshold ?? 100_000;
  if (workers === 1 || draws * Math.max(1, plan.inputKind.length) < threshold || draws < workers) {
    const raw = new Float64Array(draws * plan.stride);
    createKernel(plan).run(0, draws, raw);
    return summariseRun(plan, raw);
  }
  let pool = options.pool;
  if (pool === undefined) {
    pool = SHARED_POOLS.get(workers);
    if (pool === undefined) {
      pool = new WorkerPool(workers);
      SHARED_POOLS.set(workers, pool);
    }
  }
  const block = Math.ceil(draws / workers);
  const blocks = await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const from = Math.min(draws, w * block);
      const to = Math.min(draws, from + block);
      return from < to ? pool.runSorted(plan, from, to, w) : { columns: new Float64Array(0), count: 0, sums: [] };
    }),
  );
  return summariseBlocks(plan, blocks);
}
