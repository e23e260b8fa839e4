/**
 * The Monte Carlo worker thread (werker): built by tsup as dist/worker.js (ESM) and dist/worker.cjs
 * (CommonJS). It receives `{ id, plan, from, to }`, runs draws `from .. to - 1` of the plan with the same
 * kernel as the main thread, and replies `{ id, raw }` with the outputs (transferred, not copied).
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { createKernel } from './montecarlo/kernel.js';
import type { MonteCarloPlan } from './montecarlo/plan-data.js';

interface Job {
  readonly id: number;
  readonly plan: MonteCarloPlan;
  readonly from: number;
  readonly to: number;
}

parentPort?.on('message', (job: Job) => {
  try {
    const raw = new Float64Array((job.to - job.from) * job.plan.stride);
    createKernel(job.plan).run(job.from, job.to, raw);
    parentPort?.postMessage({ id: job.id, raw }, [raw.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
