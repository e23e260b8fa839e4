/**
 * The Monte Carlo worker thread (werker): built by tsup as dist/worker.js (ESM) and dist/worker.cjs
 * (CommonJS). It receives `{ id, plan, from, to, sorted }`, runs draws `from .. to - 1` of the plan with the same
 * kernel as the main thread, and replies `{ id, raw }` with the outputs (transferred, not copied): in draw order,
 * or with `sorted` each output's column of the block sorted and `sums`, the exact sum of each (`sortedBlock`),
 * for the main thread to read its summaries off.
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { sortedBlock } from './montecarlo/columns.js';
import { createKernel } from './montecarlo/kernel.js';
import type { MonteCarloPlan } from './montecarlo/plan-data.js';

interface Job {
  readonly id: number;
  readonly plan: MonteCarloPlan;
  readonly from: number;
  readonly to: number;
  readonly sorted?: boolean;
}

parentPort?.on('message', (job: Job) => {
  try {
    const count = job.to - job.from;
    const drawn = new Float64Array(count * job.plan.stride);
    createKernel(job.plan).run(job.from, job.to, drawn);
    if (job.sorted === true) {
      const block = sortedBlock(drawn, count, job.plan.stride);
      parentPort?.postMessage({ id: job.id, raw: block.columns, sums: block.sums }, [block.columns.buffer as ArrayBuffer]);
    } else parentPort?.postMessage({ id: job.id, raw: drawn }, [drawn.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
