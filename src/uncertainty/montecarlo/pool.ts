/**
 * A persistent pool of Monte Carlo worker threads (werkerspool) and where their built entry is.
 * @packageDocumentation
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeerjarenError, issue } from '../../core/errors.js';
import { requireNumber, requireString } from '../../core/guard.js';
import type { SortedBlock } from './columns.js';
import type { MonteCarloPlan } from './plan-data.js';

/** A worker's reply to a job: the outputs of its draws, or an error message. */
interface JobReply {
  readonly id: number;
  readonly raw?: Float64Array;
  readonly sums?: readonly bigint[];
  readonly error?: string;
}

/**
 * Where the built worker entry is: next to the built module (dist/worker.js or dist/worker.cjs); from the
 * TypeScript sources (src/uncertainty/montecarlo/pool.ts, as in the tests), the built dist/worker.js.
 */
export function workerEntry(): string {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const dir = dirname(here);
  if (here.endsWith('.ts')) return resolve(dir, '../../../dist/worker.js');
  return join(dir, here.endsWith('.cjs') ? 'worker.cjs' : 'worker.js');
}

/** The most threads of a {@link WorkerPool} (`workers` of `monteCarloAsync`): each starts a V8 isolate. */
export const MAX_WORKERS = 64;

/**
 * A persistent pool of worker threads for Monte Carlo runs (werkerspool). Threads start once and serve
 * every run; they do not keep the process alive.
 * @category Uncertainty
 */
export class WorkerPool {
  /** Number of threads. */
  readonly size: number;
  readonly #workers: Worker[] = [];
  readonly #pending = new Map<number, { resolve: (reply: JobReply) => void; reject: (error: Error) => void }>();
  #next = 0;

  /**
   * @param size - number of threads, at least 1
   * @param entry - path of the built worker script; default `workerEntry`
   * @throws MeerjarenError `worker_unavailable` when the built worker is missing (run `npm run build`)
   */
  constructor(size: number, entry: string = workerEntry()) {
    requireNumber('WorkerPool', 'size', size, { min: 1, max: MAX_WORKERS }, true);
    requireString('WorkerPool', 'entry', entry);
    if (!existsSync(entry)) {
      throw new MeerjarenError([issue('worker_unavailable', ['workers'], `the built worker ${entry} does not exist: build the package first (npm run build)`)]);
    }
    this.size = size;
    for (let i = 0; i < size; i++) {
      // Built JavaScript needs no loader flags of the parent (such as tsx's), which would cost memory and time.
      const worker = new Worker(entry, { execArgv: [] });
      worker.unref();
      worker.on('message', (reply: JobReply) => {
        const job = this.#pending.get(reply.id);
        if (job === undefined) return;
        this.#pending.delete(reply.id);
        if (reply.error !== undefined || reply.raw === undefined) job.reject(new MeerjarenError([issue('worker_unavailable', ['workers'], `a worker failed: ${reply.error ?? 'no result'}`)]));
        else job.resolve(reply);
      });
      worker.on('error', (error) => {
        for (const job of this.#pending.values()) job.reject(error);
        this.#pending.clear();
      });
      this.#workers.push(worker);
    }
  }

  /**
   * Runs draws `from .. to - 1` of a plan on worker `index % size`.
   * @param plan - the plan
   * @param from - first draw
   * @param to - one past the last draw
   * @param index - which worker
   * @returns the outputs of the draws, `stride` a draw, in draw order
   */
  async run(plan: MonteCarloPlan, from: number, to: number, index: number): Promise<Float64Array> {
    return (await this.#post(plan, from, to, index, false)).raw!;
  }

  /**
   * Runs draws `from .. to - 1` of a plan on worker `index % size`, and has the worker sort and sum each
   * output's column (gesorteerd): what `monteCarloAsync` reads its summaries off.
   * @param plan - the plan
   * @param from - first draw
   * @param to - one past the last draw
   * @param index - which worker
   * @returns the block: its outputs column by column (output `c` of every draw at `[c * (to - from), (c + 1) *
   *   (to - from))`), each column ascending, and the exact sum of each column
   * @internal
   */
  async runSorted(plan: MonteCarloPlan, from: number, to: number, index: number): Promise<SortedBlock> {
    const reply = await this.#post(plan, from, to, index, true);
    return { columns: reply.raw!, count: to - from, sums: reply.sums! };
  }

  #post(plan: MonteCarloPlan, from: number, to: number, index: number, sorted: boolean): Promise<JobReply> {
    const worker = this.#workers[index % this.size]!;
    const id = this.#next++;
    return new Promise((resolveJob, rejectJob) => {
      this.#pending.set(id, { resolve: resolveJob, reject: rejectJob });
      worker.ref();
      worker.postMessage({ id, plan, from, to, sorted });
    }).finally(() => worker.unref()) as Promise<JobReply>;
  }

  /** Ends the threads. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
    this.#workers.length = 0;
  }
}
