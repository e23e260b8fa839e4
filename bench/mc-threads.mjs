// Where the time of a whole-process Monte Carlo run goes, thread by thread (Linux only: it reads /proc):
// `node bench/mc-threads.mjs` runs bench/mc-process.mjs (build first: `npm run build`) on 1 thread and on 2
// workers, ROUNDS times each (default 3), polls the CPU time of every thread of the child every 2 ms, and prints
// the medians per role: the main thread, the worker threads (born after the main thread started the pool), and
// Node's own helper threads (V8's garbage collector and compiler, libuv), plus the whole process's CPU time and
// wall time. CPU time is what a thread did, whatever else the machine ran; on a shared machine it is the steadier
// figure. criticalPathMs: on 2 free cores, the wall time on 2 workers is about the main thread's CPU time plus the
// slower worker's (a little less: a worker boots while the main thread loads the budget); on 1 thread, the main
// thread's.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, 'mc-process.mjs');
const rounds = Number(process.env.ROUNDS ?? '3');
const TICK_MS = 1000 / 100; // USER_HZ, 100 on Linux

/** One run of mc-process.mjs: CPU ms per thread id (the main thread's id is the pid), wall ms, its output. */
function runOnce(workers) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [script], { env: { ...process.env, WORKERS: String(workers) }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const cpu = new Map();
    const order = [];
    const poll = () => {
      let tids;
      try {
        tids = readdirSync(`/proc/${child.pid}/task`);
      } catch {
        return;
      }
      for (const tid of tids) {
        try {
          const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          if (!cpu.has(tid)) order.push(tid);
          cpu.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
        } catch {
          // the thread ended between the listing and the read
        }
      }
    };
    const timer = setInterval(poll, 2);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`mc-process.mjs exited with ${code}`));
      resolve({ pid: String(child.pid), cpu, order, wall: performance.now() - t0, out: JSON.parse(out) });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const workers of [1, 2]) {
  const rows = { mainMs: [], workersMs: [], slowestWorkerMs: [], helpersMs: [], processMs: [], wallMs: [] };
  const checksums = new Set();
  for (let r = 0; r < rounds; r++) {
    const { pid, cpu, order, wall, out } = await runOnce(workers);
    checksums.add(out.checksum);
    // the worker threads are the last `workers` threads born (after Node's helpers, which start with the process)
    const workerIds = workers > 1 ? order.slice(-workers) : [];
    const main = cpu.get(pid) ?? 0;
    const ws = workerIds.map((t) => cpu.get(t) ?? 0);
    const all = [...cpu.values()].reduce((s, x) => s + x, 0);
    const inWorkers = ws.reduce((s, x) => s + x, 0);
    rows.mainMs.push(main);
    rows.workersMs.push(inWorkers);
    rows.slowestWorkerMs.push(Math.max(0, ...ws));
    rows.helpersMs.push(all - main - inWorkers);
    rows.processMs.push(all);
    rows.wallMs.push(wall);
  }
  const m = Object.fromEntries(Object.entries(rows).map(([k, xs]) => [k, Math.round(median(xs))]));
  // the least wall time on 2 free cores: the main thread's work, and the slower worker's beside it
  const bound = workers > 1 ? { criticalPathMs: m.mainMs + m.slowestWorkerMs } : { criticalPathMs: m.mainMs };
  console.log(JSON.stringify({ workers, rounds, ...m, ...bound, checksums: [...checksums] }));
}
