/**
 * Benchmark of the exact engine and Monte Carlo (`npm run bench`). Not a test: it prints medians and ratios.
 * It also times the loaders on the fuzz tests' hostile texts under 64 KB (target: 50 ms each); CI checks the
 * same inputs by counting their work (src/core/work.ts), never by the clock. `npm run bench -- --scenarios` runs
 * only the applyScenario rows; `npm run bench -- --loaders` prints those figures only; `npm run bench -- --mc`
 * the Monte Carlo rows only; `npm run bench -- --render` the report rows (budgetTable + renderText, htmlReport, and
 * renderText on 250,000 rows), each text read once as its user would (see `readText`).
 *
 * Needs the built worker (dist/worker.js) for the 2-worker runs: when it is missing, this script runs
 * `npm run build` first.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { applyScenario, budgetTable, budgetToJson, Dec, evaluate, htmlReport, loadBudget, loadScenario, MeerjarenError, readYearTable, renderText, yearTableToDocument, type Budget, type BudgetDocument, type Decimal, type Evaluation, type Table, type TableRow } from '../src/index.js';
import { evaluateBudget } from '../src/evaluate/evaluate.js';
import { hostileBudgetTexts, hostileCsvTexts, hostileScenarioTexts, indexScenarioText } from '../test/hardening/hostile-texts.js';
import { evaluateReference } from '../src/evaluate/reference.js';
import { compileBudget, createEngine, type CompiledBudget } from '../src/engine/index.js';
import * as library from '../src/index.js';
import { monteCarlo, type UncertainInput } from '../src/uncertainty/index.js';
import { closeWorkerPools, monteCarloAsync, WorkerPool } from '../src/parallel.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// ------------------------------------------------------------------------------------------------
// helpers

/** A small deterministic generator for the benchmark data (not the library's). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Median time in ms of `fn`, run in batches so that sub-millisecond work is measured. */
function median(fn: () => void, options: { reps?: number; minBatchMs?: number } = {}): number {
  const reps = options.reps ?? 15;
  const minBatch = options.minBatchMs ?? 20;
  fn();
  fn();
  let batch = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) fn();
    if (performance.now() - t >= minBatch || batch >= 1 << 16) break;
    batch *= 2;
  }
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) fn();
    times.push((performance.now() - t) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function medianAsync(fn: () => Promise<unknown>, reps = 7): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const ms = (x: number): string => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0)) + ' ms';
const ratio = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(2)) + 'x';

function generatedBudget(lines: number, years: number): Budget {
  return loadBudget(generatedDocument(lines, years));
}

/** The document of {@link generatedBudget}: sections of 500 lines, 3% pm cells, 10% of the lines with a component. */
function generatedDocument(lines: number, years: number): BudgetDocument {
  const rnd = lcg(2026);
  const from = 2025;
  const sections: { id: string; title: string; lines: unknown[] }[] = [];
  const perSection = 500;
  for (let l = 0; l < lines; l++) {
    if (l % perSection === 0) sections.push({ id: String(sections.length + 1), title: `Sectie ${sections.length + 1}`, lines: [] });
    const cell = (): string => {
      const x = rnd();
      if (x < 0.03) return 'pm';
      const cents = Math.floor((rnd() - 0.5) * 2e9);
      return x < 0.5 ? String(Math.trunc(cents / 100)) : `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
    };
    const values = Array.from({ length: years }, cell);
    const line: Record<string, unknown> = { id: `r${l}`, title: `Regel ${l}`, nature: rnd() < 0.6 ? 'structural' : 'incidental', row: 'amount', values };
    if (rnd() < 0.1) line['components'] = [{ title: 'onderdeel', values: Array.from({ length: years }, cell) }];
    sections[sections.length - 1]!.lines.push(line);
  }
  return { version: 1, title: 'Gegenereerde begroting', unit: 'euro', horizon: { from, to: from + years - 1, budgetYear: from + 1 }, sections } as unknown as BudgetDocument;
}

/** The plain float64 loop: the same cells as euros in float64, the same totals (line, section, table; structural/incidental). */
function floatLoop(c: CompiledBudget, euros: Float64Array, lineS: Float64Array, lineI: Float64Array, secS: Float64Array, secI: Float64Array, tabS: Float64Array, tabI: Float64Array): void {
  const Y = c.yearCount;
  lineS.fill(0);
  lineI.fill(0);
  for (let r = 0; r < c.rowCount; r++) {
    const dst = c.rowStructural[r] === 1 ? lineS : lineI;
    const o = r * Y;
    const b = c.rowLine[r]! * Y;
    for (let y = 0; y < Y; y++) dst[b + y]! += euros[o + y]!;
  }
  secS.fill(0);
  secI.fill(0);
  for (let l = 0; l < c.lineIds.length; l++) {
    const b = c.lineSection[l]! * Y;
    for (let y = 0; y < Y; y++) {
      secS[b + y]! += lineS[l * Y + y]!;
      secI[b + y]! += lineI[l * Y + y]!;
    }
  }
  tabS.fill(0);
  tabI.fill(0);
  for (let s = 0; s < c.sectionIds.length; s++) {
    for (let y = 0; y < Y; y++) {
      tabS[y]! += secS[s * Y + y]!;
      tabI[y]! += secI[s * Y + y]!;
    }
  }
}

/** The naive decimal.js evaluation: the same loops with a Decimal per cell and per total. */
function decimalLoop(c: CompiledBudget, cells: readonly Decimal[]): Decimal[] {
  const Y = c.yearCount;
  const zero = new Dec(0);
  const lineS: Decimal[] = new Array<Decimal>(c.lineIds.length * Y).fill(zero);
  const lineI: Decimal[] = new Array<Decimal>(c.lineIds.length * Y).fill(zero);
  for (let r = 0; r < c.rowCount; r++) {
    const dst = c.rowStructural[r] === 1 ? lineS : lineI;
    for (let y = 0; y < Y; y++) {
      const i = c.rowLine[r]! * Y + y;
      dst[i] = dst[i]!.plus(cells[r * Y + y]!);
    }
  }
  const secS: Decimal[] = new Array<Decimal>(c.sectionIds.length * Y).fill(zero);
  const secI: Decimal[] = new Array<Decimal>(c.sectionIds.length * Y).fill(zero);
  for (let l = 0; l < c.lineIds.length; l++) {
    for (let y = 0; y < Y; y++) {
      const i = c.lineSection[l]! * Y + y;
      secS[i] = secS[i]!.plus(lineS[l * Y + y]!);
      secI[i] = secI[i]!.plus(lineI[l * Y + y]!);
    }
  }
  const tab: Decimal[] = [];
  for (let y = 0; y < Y; y++) {
    let s = zero;
    let inc = zero;
    for (let k = 0; k < c.sectionIds.length; k++) {
      s = s.plus(secS[k * Y + y]!);
      inc = inc.plus(secI[k * Y + y]!);
    }
    tab.push(s, inc);
  }
  return tab;
}

/** 100 uncertain inputs: one per cell, spread over the budget's rows (pm posts first), uniform or triangular ranges. */
function inputsFor(c: CompiledBudget, count: number): UncertainInput[] {
  const cells: { row: string; year: number; units: number; pm: boolean }[] = [];
  for (let r = 0; r < c.rowCount; r++) {
    for (let y = 0; y < c.yearCount; y++) {
      const f = c.flags[r * c.yearCount + y]!;
      if (f !== 0) cells.push({ row: c.rowIds[r]!, year: c.years[y]!, units: c.units[r * c.yearCount + y]!, pm: f === 3 });
    }
  }
  cells.sort((a, b) => Number(b.pm) - Number(a.pm));
  const step = Math.max(1, Math.floor(cells.length / count));
  const inputs: UncertainInput[] = [];
  for (let k = 0; k < count && k * step < cells.length; k++) {
    const cell = cells[k * step]!;
    const euros = Math.trunc(cell.units / 10 ** c.decimals);
    const spread = Math.max(1000, Math.abs(euros) / 2);
    const low = String(Math.trunc(euros - spread));
    const high = String(Math.trunc(euros + spread));
    inputs.push({
      id: `in${k}`,
      kind: 'amount',
      rows: [cell.row],
      years: [cell.year],
      distribution: k % 2 === 0 ? { kind: 'uniform', low, high } : { kind: 'triangular', low, likely: String(euros), high },
    });
  }
  return inputs;
}

interface Row {
  readonly what: string;
  readonly value: string;
  readonly note: string;
}

/** Best time in ms of `fn` over `reps` runs; a MeerjarenError (a refusal) ends a run like a result. */
function best(fn: () => unknown, reps = 5): number {
  let min = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    try {
      fn();
    } catch (error) {
      if (!MeerjarenError.is(error)) throw error;
    }
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** The slowest of `texts` under `run`, best of five each: its time, its number and its length. */
function slowest(texts: readonly string[], run: (text: string) => unknown): { ms: number; n: number; length: number } {
  return texts.map((text, n) => ({ ms: best(() => run(text)), n, length: text.length })).reduce((a, b) => (b.ms > a.ms ? b : a));
}

/**
 * The loaders on texts under 64 KB (the fuzz tests' hostile texts at 60 KB, test/hardening/hostile-texts.ts) and
 * the inputs of the hardening regressions: times to compare with the 50 ms target, printed, not asserted.
 */
function benchLoaders(): Row[] {
  const near = 60 * 1024;
  const seed = loadBudget(readFileSync(join(root, 'examples', 'data', 'seed000-tb1-with-cover.json'), 'utf8'));
  const target = 'target < 50 ms';
  const row = (what: string, s: { ms: number; n: number; length: number }, of: number): Row => ({
    what: `loaders: ${what}`,
    value: ms(s.ms),
    note: `${target}; slowest of ${of} texts (no. ${s.n}, ${s.length} characters), best of 5`,
  });
  const budgets = hostileBudgetTexts(near);
  const scenarios = hostileScenarioTexts(near);
  const csvs = hostileCsvTexts(near);
  const conversion = { title: 'Jaartabel', unit: 'thousand', nature: 'structural', sign: 'voordeel-positive' } as const;
  const changes = (n: number, change: (i: number) => string): string => `{"id":"v","title":"t","changes":[${Array.from({ length: n }, (_, i) => change(i)).join(',')}]}`;
  const holes = JSON.parse(
    '{"version":1,"title":"t","unit":"euro","horizon":{"from":2025,"to":2026},"sections":[{"id":"1","title":"s","lines":[{"id":"a","title":"l","nature":"structural","values":{}}]}]}',
  ) as { sections: { lines: { values: unknown }[] }[] };
  holes.sections[0]!.lines[0]!.values = new Array(10_000_000);
  const dense = [
    `Omschrijving;${Array.from({ length: 301 }, (_, i) => String(1900 + i)).join(';')}`,
    ...Array.from({ length: 100 }, (_, r) => `r${r};${Array.from({ length: 301 }, (_, c) => String((r + c) % 10)).join(';')}`),
  ].join('\r\n');
  const single = (what: string, text: string, run: () => unknown, note: string): Row => ({ what: `loaders: ${what}`, value: ms(best(run)), note: `${note}; ${text}` });
  return [
    row('hostile budget texts, loadBudget + evaluate', slowest(budgets, (t) => evaluate(loadBudget(t))), budgets.length),
    row('hostile scenario texts, loadScenario with the budget', slowest(scenarios, (t) => loadScenario(t, { budget: seed })), scenarios.length),
    row("hostile CSV texts, readYearTable 'nl'", slowest(csvs, (t) => readYearTable(t, { locale: 'nl' })), csvs.length),
    row("hostile CSV texts, readYearTable 'auto'", slowest(csvs, (t) => readYearTable(t, { locale: 'auto' })), csvs.length),
    row(
      'hostile CSV texts, read + convert + load (documents under 64 KB)',
      slowest(
        csvs.filter((t) => {
          try {
            return JSON.stringify(yearTableToDocument(readYearTable(t, { locale: 'nl' }), conversion)).length < 64 * 1024;
          } catch {
            return true;
          }
        }),
        (t) => loadBudget(yearTableToDocument(readYearTable(t, { locale: 'nl' }), conversion)),
      ),
      csvs.length,
    ),
    single('720 index changes selecting by tag', `${indexScenarioText(720).length} characters`, () => loadScenario(indexScenarioText(720), { budget: seed }), `${target} (once about 150 ms)`),
    single(
      '900 changes of one cell (899 conflicts)',
      'refused with change_conflict',
      () => loadScenario(changes(900, (i) => `{"kind":"set-amount","line":"1.5","years":[2025],"value":"${i}"}`), { budget: seed }),
      'once quadratic',
    ),
    single(
      '2000 added lines',
      'rows looked up by id',
      () => loadScenario(changes(2000, (i) => `{"kind":"add-line","section":"1","line":{"id":"N${i}","title":"t","nature":"structural","values":{"2026":"5"}}}`), { budget: seed }),
      'about 70 ms; 800 ms with a walk per change',
    ),
    single(
      '2000 added claims',
      'claim ids a set',
      () => loadScenario(changes(2000, (i) => `{"kind":"add-claim","claim":{"id":"C${i}","target":"1.4","source":"werkbudget-wmo"}}`), { budget: seed }),
      'about 70 ms; 440 ms with a walk per claim',
    ),
    single('a document object with a values array of 10^7 holes', 'refused by its length', () => loadBudget(holes), 'target < 1 ms'),
    single("a dense 60 KB table (301 years x 100 rows), readYearTable 'auto'", `${dense.length} characters`, () => readYearTable(dense, { locale: 'auto' }), `${target} (107 ms when every cell was read three times)`),
  ];
}

/** Median time in ms of `fn` on a budget loaded from `text` of its own per run (loaded outside the timing). */
function medianFresh(text: string, fn: (budget: Budget) => unknown, reps = 7): number {
  const times: number[] = [];
  for (let r = 0; r < reps + 1; r++) {
    const budget = loadBudget(text);
    const t = performance.now();
    fn(budget);
    if (r > 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Reads what a table shows of the totals: the grand total and every section total of every year (amount, structural part, pm). */
function readTotals(evaluation: Evaluation): number {
  let n = 0;
  for (const year of evaluation.years) {
    const key = String(year);
    for (const section of evaluation.sections) {
      const t = section.totals[key]!;
      n += t.amount.isZero() ? 0 : 1;
      n += t.structural.isZero() ? 0 : 1;
      n += t.pm.length;
    }
    const t = evaluation.total[key]!;
    n += (t.amount.isZero() ? 0 : 1) + (t.structural.isZero() ? 0 : 1) + t.pm.length;
  }
  return n;
}

/** Reads every line total of every year in the cheap form (integer units), if the library offers one. */
function readLineUnits(evaluation: Evaluation): number {
  const lineUnits = (library as { lineTotalUnits?: (e: Evaluation) => { amount: ArrayLike<number | bigint> } }).lineTotalUnits;
  if (lineUnits === undefined) {
    // before the cheap form: the line totals as Decimals
    let n = 0;
    for (const year of evaluation.years) for (const id in evaluation.lines) n += evaluation.lines[id]!.totals[String(year)]!.amount.isZero() ? 0 : 1;
    return n;
  }
  const amount = lineUnits(evaluation).amount;
  let n = 0;
  for (let i = 0; i < amount.length; i++) n += amount[i] === 0 ? 0 : 1;
  return n;
}

async function benchBudget(name: string, budget: Budget): Promise<Row[]> {
  const rows: Row[] = [];
  const compiled = compileBudget(budget);
  const Y = compiled.yearCount;
  const L = compiled.lineIds.length;
  const S = compiled.sectionIds.length;
  const engine = createEngine(compiled);
  const euros = Float64Array.from(compiled.units, (u) => u / 10 ** compiled.decimals);
  const buffers = [L * Y, L * Y, S * Y, S * Y, Y, Y].map((n) => new Float64Array(n)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const decimalCells: Decimal[] = Array.from(compiled.units, (u) => new Dec(u).div(10 ** compiled.decimals));

  const tFloat = median(() => floatLoop(compiled, euros, ...buffers));
  const tExact = median(() => engine.evaluate());
  const tDecimal = median(() => decimalLoop(compiled, decimalCells), { reps: 5 });
  const tReference = median(() => evaluateReference(budget), { reps: 5 });
  // evaluate() is memoised per frozen budget: every repetition gets a budget of its own, loaded outside the timing
  const text = budgetToJson(budget);
  const tJson = median(() => JSON.parse(text), { reps: 5 });
  const tLoad = median(() => loadBudget(text), { reps: 5, minBatchMs: 0 });
  const tPublic = medianFresh(text, (b) => readTotals(evaluate(b)));
  const tLineUnits = medianFresh(text, (b) => readLineUnits(evaluate(b)));
  const tCompile = medianFresh(text, (b) => compileBudget(b, { minDecimals: 2 }));

  // incremental: change every cell of 1% of the lines
  const changed = Math.max(1, Math.round(L / 100));
  const rnd = lcg(7);
  const targets: { row: number; y: number; a: number; b: number }[] = [];
  for (let k = 0; k < changed; k++) {
    const l = Math.floor((k * L) / changed);
    for (let r = compiled.lineFirstRow[l]!; r < compiled.lineFirstRow[l + 1]!; r++) {
      for (let y = 0; y < Y; y++) targets.push({ row: r, y, a: Math.floor((rnd() - 0.5) * 1e9), b: Math.floor((rnd() - 0.5) * 1e9) });
    }
  }
  let flip = false;
  const tIncremental = median(() => {
    flip = !flip;
    for (const t of targets) engine.setAmount(t.row, t.y, flip ? t.a : t.b);
  });
  // the incremental result equals a full recompute
  const check = createEngine(compiled);
  for (const t of targets) check.setAmount(t.row, t.y, flip ? t.a : t.b);
  const before = Array.from({ length: Y }, (_, y) => String(check.amountUnits('table', 0, y)));
  check.evaluate();
  const after = Array.from({ length: Y }, (_, y) => String(check.amountUnits('table', 0, y)));
  const incrementalOk = before.join() === after.join();

  rows.push({ what: `${name}: size`, value: `${L} lines, ${compiled.rowCount} rows x ${Y} years`, note: `unit 10^-${compiled.decimals} euro, ${compiled.wide ? 'BigInt' : 'float64 integers'}` });
  rows.push({ what: `${name}: plain float64 loop (inexact)`, value: ms(tFloat), note: 'same cells and totals as euros in float64' });
  rows.push({ what: `${name}: exact full evaluation (engine)`, value: ms(tExact), note: `${ratio(tExact / tFloat)} the float64 loop (target <= 1.5x); dense totals, Decimal only when read` });
  rows.push({ what: `${name}: naive decimal.js evaluation`, value: ms(tDecimal), note: `engine is ${ratio(tDecimal / tExact)} faster (target >= 50x)` });
  rows.push({ what: `${name}: Decimal reference evaluateReference()`, value: ms(tReference), note: `engine is ${ratio(tReference / tExact)} faster; builds the full result` });
  rows.push({
    what: `${name}: public evaluate() + reading table and section totals`,
    value: ms(tPublic),
    note: `${ratio(tPublic / tFloat)} the float64 loop (target <= 3x); fresh loaded budget per run; amount, structural, pm of every year`,
  });
  rows.push({ what: `${name}: public evaluate() + every line total as units`, value: ms(tLineUnits), note: `${ratio(tLineUnits / tFloat)} the float64 loop (target <= 5x); lineTotalUnits(), fresh budget per run` });
  rows.push({ what: `${name}: compileBudget() alone`, value: ms(tCompile), note: `${ratio(tCompile / tFloat)} the float64 loop; fresh loaded budget per run` });
  rows.push({ what: `${name}: loadBudget(text)`, value: ms(tLoad), note: `${ratio(tLoad / tJson)} JSON.parse of the same text (${ms(tJson)}, ${text.length} characters; target <= 4x)` });
  if (name === 'generated') {
    // The memory of evaluate() as a user's own process sees it: plain Node and the built package (dist/).
    const m = JSON.parse(execFileSync(process.execPath, ['--expose-gc', join(root, 'bench', 'evaluate-memory.mjs')], { cwd: root, encoding: 'utf8' })) as Record<string, number>;
    rows.push({
      what: `evaluate() memory, ${m['lines']} lines x ${m['years']} years, separate plain-Node process`,
      value: `${m['evaluateMB']} MB`,
      note: `target <= 50 MB over the loaded budget (${m['loadedMB']} MB, compiled form included), heap after GC; every line total as units +${m['unitsMB']} MB (a copy), every line result +${m['linesMB']} MB`,
    });
  }
  rows.push(...benchScenarios(name, budget, tFloat, tLoad + tPublic));
  rows.push({ what: `${name}: incremental, ${changed} line(s) = 1% (${targets.length} cells)`, value: ms(tIncremental), note: `${((100 * tIncremental) / tExact).toFixed(1)}% of a full evaluation (target < 10%); equals full recompute: ${incrementalOk}` });

  return rows;
}

async function benchMonteCarlo(name: string, budget: Budget, pool: WorkerPool): Promise<Row[]> {
  const rows: Row[] = [];
  const compiled = compileBudget(budget);
  // Monte Carlo: 10,000 draws, 100 inputs
  const inputs = inputsFor(compiled, 100);
  const options = { inputs, draws: 10_000, seed: 2026, parallelThreshold: 0 };
  const tOne = median(() => monteCarlo(compiled, options), { reps: 5, minBatchMs: 0 });
  const tTwo = await medianAsync(() => monteCarloAsync(compiled, { ...options, pool }));
  const one = monteCarlo(compiled, options);
  const two = await monteCarloAsync(compiled, { ...options, pool });
  const same = JSON.stringify(one) === JSON.stringify(two);
  rows.push({ what: `${name}: Monte Carlo 10,000 draws x ${inputs.length} inputs, 1 thread`, value: ms(tOne), note: 'plan + draws + summaries' });
  rows.push({ what: `${name}: Monte Carlo 10,000 draws x ${inputs.length} inputs, 2 workers`, value: ms(tTwo), note: `warm pool (target < 500 ms); identical to 1 thread: ${same}` });
  return rows;
}

/**
 * 100,000 draws x 100 inputs of the 5,000-line budget as a user's own process runs them (bench/mc-process.mjs:
 * plain Node, the built package, Node's start and the budget's loading included), on 1 thread and on 2 workers,
 * taken in turn; medians of the wall times measured around each child process.
 */
function benchMonteCarloProcess(runs = 5): Row[] {
  const script = join(root, 'bench', 'mc-process.mjs');
  const times: Record<string, number[]> = { '1': [], '2': [] };
  const checksums = new Set<string>();
  for (let r = 0; r <= runs; r++) {
    for (const workers of ['1', '2']) {
      const t = performance.now();
      const out = execFileSync(process.execPath, [script], { cwd: root, encoding: 'utf8', env: { ...process.env, WORKERS: workers } });
      if (r > 0) times[workers]!.push(performance.now() - t); // the first round warms the disk cache
      checksums.add((JSON.parse(out) as { checksum: string }).checksum);
    }
  }
  const mid = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [one, two] = [mid(times['1']!), mid(times['2']!)];
  return [
    { what: 'Monte Carlo 100,000 draws x 100 inputs, whole process, 1 thread', value: ms(one), note: `node bench/mc-process.mjs: Node's start, loading the 5,000-line budget, plan, draws, summaries` },
    { what: 'Monte Carlo 100,000 draws x 100 inputs, whole process, 2 workers', value: ms(two), note: `1 thread / 2 workers = ${ratio(one / two)} (goal: at least 1.6x; the calling thread's part, Node's start and loading the budget, bounds it: node bench/mc-threads.mjs); pool started before the budget loads; identical results: ${checksums.size === 1}` },
  ];
}

/** The float64 loop of a budget, in ms: the yardstick of the report rows. */
function floatLoopTime(compiled: CompiledBudget): number {
  const Y = compiled.yearCount;
  const L = compiled.lineIds.length;
  const S = compiled.sectionIds.length;
  const euros = Float64Array.from(compiled.units, (u) => u / 10 ** compiled.decimals);
  const buffers = [L * Y, L * Y, S * Y, S * Y, Y, Y].map((n) => new Float64Array(n)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  return median(() => floatLoop(compiled, euros, ...buffers));
}

/** A table of `n` lines under one total, 10 years: the renderers' work without a budget behind it. */
function flatTable(n: number): Table {
  const rnd = lcg(11);
  const columns = Array.from({ length: 10 }, (_, y) => ({ key: String(2025 + y), label: String(2025 + y) }));
  const sums = columns.map(() => 0);
  const rows: TableRow[] = Array.from({ length: n }, (_, r) => ({
    id: `r${r}`,
    label: `Regel ${r}`,
    kind: 'line' as const,
    depth: 1,
    cells: columns.map((_, y) => {
      const cents = Math.floor((rnd() - 0.5) * 2e9);
      sums[y]! += cents;
      return { amount: new Dec(cents).div(100), pm: false };
    }),
  }));
  rows.push({ id: 'total', label: 'Totaal', kind: 'total', depth: 0, cells: sums.map((c) => ({ amount: new Dec(c).div(100), pm: false })), of: rows.map((row) => row.id) });
  return { title: 'Tabel', columns, rows };
}

/**
 * Reads a text as its user does (writes it out): a text grown piece by piece is copied flat when first read, and
 * that copy is part of the work of making it.
 */
function readText(text: string): number {
  return text.charCodeAt(text.length >> 1);
}

/** budgetTable + renderText and htmlReport against the float64 loop; renderText on 5,000 and 250,000 rows. */
function benchRender(name: string, budget: Budget): Row[] {
  const compiled = compileBudget(budget);
  const tFloat = floatLoopTime(compiled);
  const evaluation = evaluate(budget);
  const tText = median(() => readText(renderText(budgetTable(budget, { evaluation }))), { reps: 7 });
  const tHtml = median(() => readText(htmlReport(budget, evaluation)), { reps: 7 });
  const cells = compiled.rowCount * compiled.yearCount;
  const rows: Row[] = [
    { what: `${name}: budgetTable + renderText`, value: ms(tText), note: `${ratio(tText / tFloat)} the float64 loop (${ms(tFloat)}; target <= 30x); ${(((tText / cells) * 1e6) | 0).toString()} ns per cell` },
    { what: `${name}: htmlReport`, value: ms(tHtml), note: `${ratio(tHtml / tFloat)} the float64 loop (target <= 60x); table, 3 charts` },
  ];
  if (name === 'generated') {
    const small = flatTable(5_000);
    const large = flatTable(250_000);
    const tSmall = median(() => readText(renderText(small)), { reps: 5 });
    const tLarge = median(() => readText(renderText(large)), { reps: 3, minBatchMs: 0 });
    rows.push({
      what: 'renderText, 250,000 rows x 10 years (one total)',
      value: ms(tLarge),
      note: `${ratio(tLarge / 50 / tSmall)} the time per row of 5,000 rows (${ms(tSmall)}); linear: about 1x`,
    });
  }
  return rows;
}

/** Median of three timed runs after one to warm up, in ms: for work of a second or more. */
function fewTimes(fn: () => unknown): number {
  fn();
  const times = [0, 1, 2].map(() => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  });
  return times.sort((a, b) => a - b)[1]!;
}

/** `set-amount` changes adding 1,000 to every year of 1% of the lines: lines without components or pm cells, spread over the budget. */
function onePercentChanges(budget: Budget): { kind: 'set-amount'; line: string; years: { from: number }; value: { add: string } }[] {
  const plain = budget.sections.flatMap((s) => s.lines).filter((l) => l.components.length === 0 && Object.values(l.values).every((c) => c instanceof Dec));
  const all = budget.sections.reduce((n, s) => n + s.lines.length, 0);
  const changed = Math.max(1, Math.round(all / 100));
  return Array.from({ length: changed }, (_, k) => ({ kind: 'set-amount', line: plain[Math.floor((k * plain.length) / changed)]!.id, years: { from: budget.horizon.from }, value: { add: '1000' } }));
}

/**
 * applyScenario on a loaded baseline (one baseline, many scenarios, as an analyst works): 1% of the lines changed,
 * and one cell, each then evaluated and its table and section totals read.
 */
function benchScenarios(name: string, budget: Budget, tFloat: number, tFull: number): Row[] {
  const pct = loadScenario({ id: 'procent', title: 'Een procent', changes: onePercentChanges(budget) }, { budget });
  const first = onePercentChanges(budget)[0]!;
  const one = loadScenario({ id: 'cel', title: 'Een cel', changes: [{ ...first, years: { from: budget.horizon.to, to: budget.horizon.to } }] }, { budget });
  const tPct = median(() => applyScenario(budget, pct), { reps: 9 });
  const tPctEval = median(() => readTotals(evaluate(applyScenario(budget, pct).budget)), { reps: 9 });
  const tOne = median(() => applyScenario(budget, one), { reps: 9 });
  const tOneEval = median(() => readTotals(evaluate(applyScenario(budget, one).budget)), { reps: 9 });
  return [
    { what: `${name}: applyScenario, 1% of the lines (${pct.changes.length} changes)`, value: ms(tPct), note: `${ratio(tPct / tFloat)} the float64 loop` },
    { what: `${name}: applyScenario 1% + evaluate + table and section totals`, value: ms(tPctEval), note: `${ratio(tPctEval / tFloat)} the float64 loop (target <= 5x)` },
    { what: `${name}: applyScenario, one cell`, value: ms(tOne), note: `${ratio(tOne / tFloat)} the float64 loop` },
    { what: `${name}: applyScenario one cell + evaluate + totals`, value: ms(tOneEval), note: `${((100 * tOneEval) / tFull).toFixed(1)}% of a full load and evaluation (${ms(tFull)}; target <= 1%)` },
  ];
}

/** The time per cell of load, evaluate, scenario and render over 500 / 5,000 / 50,000 lines and 5 / 10 / 20 years. */
function benchScaling(): Row[] {
  const sizes = [500, 5_000, 50_000].flatMap((lines) => [5, 10, 20].map((years) => ({ lines, years })));
  const measures = ['load', 'evaluate', 'scenario', 'render'] as const;
  const perCell: Record<(typeof measures)[number], number[]> = { load: [], evaluate: [], scenario: [], render: [] };
  const cellCounts: number[] = [];
  for (const { lines, years } of sizes) {
    const text = JSON.stringify(generatedDocument(lines, years));
    const large = lines * years >= 500_000;
    const once = { reps: large ? 3 : 5, minBatchMs: large ? 0 : 20 };
    const time = (fn: () => unknown): number => (large ? fewTimes(fn) : median(fn, once));
    const limits = { maxLength: Number.MAX_SAFE_INTEGER, maxValues: Infinity };
    const budget = loadBudget(text, limits);
    const cells = compileBudget(budget).rowCount * years;
    cellCounts.push(cells);
    const scenario = loadScenario({ id: 's', title: 'Een procent', changes: onePercentChanges(budget) }, { budget });
    const evaluation = evaluate(budget);
    const times = {
      load: time(() => loadBudget(text, limits)),
      // a fresh (unfrozen) copy is not memoised: every run compiles, evaluates and builds the frozen result
      evaluate: time(() => evaluateBudget({ ...budget })),
      scenario: time(() => applyScenario(budget, scenario)),
      render: time(() => readText(renderText(budgetTable(budget, { evaluation })))),
    };
    for (const m of measures) perCell[m].push((times[m] / cells) * 1e6);
  }
  const rows: Row[] = [];
  for (const m of measures) {
    const base = perCell[m][0]!;
    sizes.forEach(({ lines, years }, i) => {
      const growth = perCell[m][i]! / base;
      rows.push({
        what: `scaling: ${m}, ${lines.toLocaleString('en')} lines x ${years} years`,
        value: `${perCell[m][i]!.toFixed(0)} ns/cell`,
        note: `${cellCounts[i]!.toLocaleString('en')} cells (${(cellCounts[i]! / cellCounts[0]!).toFixed(0)}x); time grew ${ratio(growth * (cellCounts[i]! / cellCounts[0]!))}, ${ratio(growth)} the growth in cells (target <= 1.5x)`,
      });
    });
  }
  return rows;
}

function print(rows: readonly Row[], title: string): void {
  const w1 = Math.max(...rows.map((r) => r.what.length));
  const w2 = Math.max(...rows.map((r) => r.value.length));
  console.log(`\n${title}\n`);
  console.log(`${'measure'.padEnd(w1)}  ${'time'.padStart(w2)}  note`);
  console.log(`${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ${'-'.repeat(40)}`);
  for (const r of rows) console.log(`${r.what.padEnd(w1)}  ${r.value.padStart(w2)}  ${r.note}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    print(benchRender('generated', generatedBudget(5000, 10)), `meerjaren reports (Node ${process.version}, medians)`);
    return;
  }
  if (process.argv.includes('--scaling')) {
    print(benchScaling(), `meerjaren scaling (Node ${process.version}, medians)`);
    return;
  }
  if (process.argv.includes('--scenarios')) {
    const budget = generatedBudget(5000, 10);
    const compiled = compileBudget(budget);
    const euros = Float64Array.from(compiled.units, (u) => u / 10 ** compiled.decimals);
    const [L, S, Y] = [compiled.lineIds.length, compiled.sectionIds.length, compiled.yearCount];
    const buffers = [L * Y, L * Y, S * Y, S * Y, Y, Y].map((n) => new Float64Array(n)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const tFloat = median(() => floatLoop(compiled, euros, ...buffers));
    const text = budgetToJson(budget);
    const tFull = medianFresh(text, (b) => readTotals(evaluate(b)), 3) + median(() => loadBudget(text), { reps: 3, minBatchMs: 0 });
    print(benchScenarios('generated', budget, tFloat, tFull), `meerjaren scenarios (Node ${process.version}, medians)`);
    return;
  }
  if (process.argv.includes('--loaders')) {
    print(benchLoaders(), `meerjaren loaders on texts under 64 KB (Node ${process.version}, best of 5)`);
    return;
  }
  if (!existsSync(join(root, 'dist', 'worker.js'))) {
    console.log('dist/worker.js is missing: running npm run build ...');
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
  const tStart = performance.now();
  const pool = new WorkerPool(2);
  const tPoolStart = performance.now() - tStart;
  const seed = loadBudget(readFileSync(join(root, 'examples', 'data', 'seed000-tb1.json'), 'utf8'));
  const generated = generatedBudget(5000, 10);
  const loadedRss = process.memoryUsage().rss;
  const loadedPeak = process.resourceUsage().maxRSS;
  const rows = [...(await benchMonteCarlo('generated', generated, pool)), ...(await benchMonteCarlo('seed 000', seed, pool))];
  rows.push(...benchMonteCarloProcess());
  if (process.argv.includes('--mc')) {
    await pool.close();
    await closeWorkerPools();
    print(rows, `meerjaren Monte Carlo (Node ${process.version}, medians)`);
    return;
  }
  const mcPeak = process.resourceUsage().maxRSS;
  rows.push({ what: 'memory before the Monte Carlo runs (rss / maxRSS)', value: `${(loadedRss / 1048576).toFixed(0)} / ${(loadedPeak / 1024).toFixed(0)} MB`, note: 'Node, tsx, the pool, both budgets loaded (the 5,000-line document parsed into Decimals)' });
  rows.push({ what: 'peak memory of the Monte Carlo runs (maxRSS)', value: `${(mcPeak / 1024).toFixed(0)} MB`, note: 'in this bench process: includes tsx, both budgets loaded and compiled, the pool' });
  // The same run as a user's own process sees it: plain Node and the built package, nothing else loaded.
  const own = JSON.parse(execFileSync(process.execPath, [join(root, 'bench', 'memory.mjs')], { cwd: root, encoding: 'utf8' })) as { startMB: number; loadedMB: number; peakMB: number; ms: number };
  rows.push({
    what: 'peak memory, separate plain-Node process (maxRSS)',
    value: `${own.peakMB} MB`,
    note: `target < 200 MB; built package, 5,000-line budget loaded (${own.loadedMB} MB) + 10,000 draws x 100 inputs (${own.ms} ms); Node alone ${own.startMB} MB`,
  });
  rows.push(...(await benchBudget('generated', generated)), ...(await benchBudget('seed 000', seed)), ...benchLoaders());
  rows.push(...benchRender('generated', generated), ...benchRender('seed 000', seed), ...benchScaling());
  const usage = process.resourceUsage();
  rows.push({ what: 'worker pool constructor (2 threads)', value: ms(tPoolStart), note: 'threads boot in the background (~40 ms) once per process; small jobs stay on one thread' });
  rows.push({ what: 'peak memory of the whole bench (maxRSS)', value: `${(usage.maxRSS / 1024).toFixed(0)} MB`, note: `after the Decimal baselines too; rss now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB` });
  await pool.close();
  await closeWorkerPools();

  print(rows, `meerjaren benchmark (Node ${process.version}, medians; loaders best of 5)`);
  console.log('\n"exact full evaluation" is the compiled engine re-evaluating its dense totals (Engine.evaluate());');
  console.log('the public evaluate() rows start from a budget loaded (and so compiled) outside the timing, a new one per run, since');
  console.log('evaluate() is memoised per frozen budget; they build the engine and the frozen result, and read the totals named.');
}

await main();
