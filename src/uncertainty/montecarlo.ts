/**
 * Monte Carlo runs on the compiled engine (Monte Carlo-simulatie): uncertain pm posts, amounts,
 * realisation rates and indexation percentages; percentiles of the saldo and the structural saldo per
 * year, the probability of structural balance and of meeting targets.
 *
 * @remarks
 * **Exact draws.** Every drawn amount is a whole number of cents (see `compileDistribution`), every drawn
 * rate becomes whole parts per million (`rateToPpm`) and meets an amount at the engine's one rounding point
 * (`applyRatio`, rounding mode a setting, default half-up). So every draw is itself an exact budget, and
 * its totals are exact integers in units of the compiled budget.
 *
 * **Seeds and streams.** Draw `d` of input `j` uses `randomForDraw(seed, d, stream)`, where the stream is a
 * 53-bit hash of the input's `group` (or, without one, its `id`). Hence: the same seed gives the same result
 * in any order and on any number of threads; inputs of one `group` draw the same numbers (perfectly
 * correlated: with `uniform`, `triangular` and `discrete` they sit at the same quantile); and two runs with
 * the same seed and input ids (a baseline and a variant) draw the same numbers for the same inputs: common
 * random numbers, so their difference is not noise.
 *
 * **Buffers.** A run compiles a plan once (typed arrays: the cells touched by inputs, their base values,
 * the base totals). A draw resets the touched cells, applies the inputs in order, and adds the differences
 * to the base totals: no budget object is built per draw, and the cost of a draw is ~ touched cells.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dec, ZERO, roundTo, type Decimal, type RoundingMode } from '../core/decimal.js';
import { IssueCollector, MeerjarenError, issue, type Path } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import type { Budget } from '../budget/model.js';
import { compileBudget, type CompiledBudget } from '../engine/compile.js';
import { createEngine } from '../engine/engine.js';
import { applyRatio, divRoundBig } from '../engine/rate.js';
import { MAX_SAFE_UNITS, unitsToDecimal } from '../engine/units.js';
import { compileDistribution, rateToPpm, type DistributionSpec, type Sampler } from './distribution.js';
import { createRandom, type Random, type Seed } from './random.js';
import { summarise } from './stats.js';

/**
 * What an uncertain input changes (soort onzekerheid):
 * - `amount`: the amount of a cell (a pm post's amount, any line or component amount); the distribution is in euros;
 * - `realisation`: a realisation rate (realisatiegraad) multiplying the cells (a measure that delivers 50%: `0.5`);
 * - `indexation`: an indexation percentage per year as a rate (`0.025` = 2.5%); year `y` is multiplied by
 *   `(1 + p)^(y - baseYear)`, years up to `baseYear` are untouched.
 */
export type UncertainKind = 'amount' | 'realisation' | 'indexation';

/** One uncertain input (onzekere invoer) of a Monte Carlo run. */
export interface UncertainInput {
  /** Id, unique in the run: names the input in results and the tornado table, and keys its random stream. */
  readonly id: string;
  /** Label for reports. @defaultValue the id */
  readonly label?: string;
  /** What it changes. */
  readonly kind: UncertainKind;
  /** Row ids: a line id means the line's own row, a component id the component. */
  readonly rows?: readonly string[];
  /** Line ids: every row of these lines (own row and components). */
  readonly lines?: readonly string[];
  /**
   * Years it applies to. Default: for `amount`, the years in which a row is pm (or, when it has none, every
   * year with an amount); for `realisation`, every year with an amount; for `indexation`, every year after `baseYear`.
   */
  readonly years?: readonly number[];
  /** The distribution: euros for `amount`, a unitless rate for `realisation` and `indexation`. */
  readonly distribution: DistributionSpec;
  /** Inputs with the same group draw the same random numbers (perfect correlation). */
  readonly group?: string;
  /** For `indexation`: the year whose prices the amounts are in. @defaultValue the first year of the horizon */
  readonly baseYear?: number;
}

/**
 * A target to meet (doel), such as a taakstelling: the total of some lines or sections per year compared to
 * a minimum. Met in a year when `total >= minimum`; the gap (tekort) is `minimum - total`.
 */
export interface TargetSpec {
  /** Id, unique among targets. */
  readonly id: string;
  /** Label for reports. */
  readonly label?: string;
  /** Lines whose totals count. */
  readonly lines?: readonly string[];
  /** Sections whose totals count. */
  readonly sections?: readonly string[];
  /** Minimum in euros per year (`{ "2027": "0" }`), or one minimum for every year. @defaultValue 0 */
  readonly minimum?: string | number | Readonly<Record<string, string | number>>;
}

/** Options of a Monte Carlo run. */
export interface MonteCarloOptions {
  /** The uncertain inputs. */
  readonly inputs: readonly UncertainInput[];
  /** Number of draws (trekkingen), at least 1. @defaultValue 10000 */
  readonly draws?: number;
  /** Seed (zaadwaarde). @defaultValue 1 */
  readonly seed?: Seed;
  /** Percentiles to report, from 0 to 100. @defaultValue [5, 50, 95] */
  readonly percentiles?: readonly number[];
  /** Targets whose probability of being met is wanted. */
  readonly targets?: readonly TargetSpec[];
  /** Rounding rule where a rate meets an amount. @defaultValue 'half-up' */
  readonly rounding?: RoundingMode;
}

/** Summary of one outcome over all draws (uitkomst): exact amounts in euros. */
export interface OutcomeSummary {
  /** Mean, rounded half-up to the engine unit (the cent, or finer when the budget is). */
  readonly mean: Decimal;
  /** Smallest draw. */
  readonly min: Decimal;
  /** Largest draw. */
  readonly max: Decimal;
  /** Nearest-rank percentiles by key: `p5`, `p50`, `p95`... each is one of the draws, exact. */
  readonly percentiles: Readonly<Record<string, Decimal>>;
}

/** Outcomes per year, keyed "2026". */
export type OutcomesByYear = Readonly<Record<string, OutcomeSummary>>;

/** Probabilities per year, keyed "2026", from 0 to 1. */
export type ProbabilityByYear = Readonly<Record<string, number>>;

/** Results for one target. */
export interface TargetOutcome {
  /** Target id. */
  readonly id: string;
  /** Label. */
  readonly label: string;
  /** The total of its lines per year. */
  readonly total: OutcomesByYear;
  /** The gap `minimum - total` per year (positive = shortfall, tekort). */
  readonly gap: OutcomesByYear;
  /** Probability that the target is met per year. */
  readonly probabilityMet: ProbabilityByYear;
}

/** The result of a Monte Carlo run. A frozen value. */
export interface MonteCarloResult {
  /** Number of draws. */
  readonly draws: number;
  /** The seed. */
  readonly seed: Seed;
  /** Years, ascending. */
  readonly years: readonly number[];
  /** Percentiles reported. */
  readonly percentiles: readonly number[];
  /** The saldo (TOTAAL SALDO) per year. */
  readonly saldo: OutcomesByYear;
  /** The structural saldo per year. */
  readonly structural: OutcomesByYear;
  /** Probability that the budget is structurally in balance (structural saldo >= 0) per year. */
  readonly probabilityStructurallyBalanced: ProbabilityByYear;
  /** Per target, in the order given. */
  readonly targets: readonly TargetOutcome[];
}

// ---------------------------------------------------------------------------------------------
// The plan: plain, transferable data shared by the main thread and the workers

const KIND_CODE: Readonly<Record<UncertainKind, number>> = { amount: 0, realisation: 1, indexation: 2 };

/**
 * A compiled Monte Carlo plan (draaiboek): every number a draw needs, as plain data that can be posted to a
 * worker. Built by {@link planMonteCarlo}.
 */
export interface MonteCarloPlan {
  /** Seed. */
  readonly seed: Seed;
  /** Years. */
  readonly yearCount: number;
  /** Units per cent (`10^(decimals - 2)`). */
  readonly unitsPerCent: number;
  /** Rounding rule. */
  readonly rounding: RoundingMode;
  /** Number of targets. */
  readonly targetCount: number;
  /** Outputs per draw: saldo (Y), structural saldo (Y), each target's total (Y each). */
  readonly stride: number;
  /** Base outputs (the budget without draws), `stride` values. */
  readonly base: Float64Array;
  /** Base units of each touched cell (slot). */
  readonly slotBase: Float64Array;
  /** Year index of each slot. */
  readonly slotYear: Int32Array;
  /** 1 when the slot's row is structural. */
  readonly slotStructural: Uint8Array;
  /** Targets of each slot: `slotTargets[slotTargetStart[s] .. slotTargetStart[s + 1]]`. */
  readonly slotTargetStart: Int32Array;
  /** Flattened target indices. */
  readonly slotTargets: Int32Array;
  /** Per input: its kind code (0 amount, 1 realisation, 2 indexation). */
  readonly inputKind: Uint8Array;
  /** Per input: its random stream. */
  readonly inputStream: Float64Array;
  /** Per input: the slots it changes, `inputSlots[inputSlotStart[j] .. inputSlotStart[j + 1]]`. */
  readonly inputSlotStart: Int32Array;
  /** Flattened slot indices. */
  readonly inputSlots: Int32Array;
  /** Exponent per entry of `inputSlots` (indexation: years since the base year; else 1). */
  readonly inputExponent: Int32Array;
  /** Distribution specs per input. */
  readonly distributions: readonly DistributionSpec[];
}

/** FNV-1a over UTF-16 code units with a given offset basis; a 32-bit unsigned result. */
function fnv(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The random stream of an input or group: a 53-bit hash of its key, so runs that share input ids share
 * their draws (common random numbers).
 * @param key - `group:<name>` or `input:<id>`
 */
export function streamOf(key: string): number {
  return (fnv(key, 0x811c9dc5) & 0x1fffff) * 4294967296 + fnv(key, 0x050c5d1f);
}

function readEuros(raw: string | number, path: Path, issues: IssueCollector): Decimal | undefined {
  if ((typeof raw === 'number' && Number.isSafeInteger(raw)) || (typeof raw === 'string' && /^-?\d+(?:\.\d+)?$/.test(raw))) return new Dec(raw);
  issues.add('invalid_amount', path, `${String(raw)} is not a safe integer or a decimal string`);
  return undefined;
}

/** Largest absolute value a spec can draw (euros or rate), from its bounds; undefined when malformed. */
function specMaxAbs(spec: DistributionSpec): number {
  const abs = (x: string | number | undefined): number => (x === undefined ? 0 : Math.abs(Number(x)));
  switch (spec.kind) {
    case 'fixed':
      return abs(spec.value);
    case 'discrete':
      return Math.max(0, ...spec.choices.map((c) => abs(c.value)));
    default:
      return Math.max(abs(spec.low), abs(spec.high));
  }
}

/**
 * Compiles a Monte Carlo run into a plan: checks every input (all problems at once), finds the cells each
 * changes, and computes the base totals.
 *
 * @param budget - the budget, or a budget compiled with `compileBudget`
 * @param options - inputs, draws, seed, targets
 * @throws MeerjarenError with every problem: `invalid_draws`, `unknown_reference` (rows, lines, sections),
 *   `year_outside_horizon`, `no_cells`, `duplicate_id`, distribution codes (`low_above_high`,
 *   `probabilities_not_one`, `negative_sd`, ...) with paths like `inputs[3].distribution.low`, and
 *   `engine_overflow` when draws could pass 2^53 units
 */
export function planMonteCarlo(budget: Budget | CompiledBudget, options: MonteCarloOptions): MonteCarloPlan {
  const issues = new IssueCollector();
  const draws = options.draws ?? 10_000;
  if (!Number.isSafeInteger(draws) || draws < 1) issues.add('invalid_draws', ['draws'], `the number of draws must be a whole number >= 1, not ${String(draws)}`);
  const rounding = options.rounding ?? 'half-up';
  const compiled = 'rowOf' in budget ? budget : compileBudget(budget, { rounding });
  if (compiled.wide) {
    issues.add('engine_overflow', [], 'this budget needs BigInt arithmetic (amounts near 2^53 units): Monte Carlo runs only on the float engine');
    issues.throwIfAny();
  }
  const Y = compiled.yearCount;
  const years = compiled.years;
  const inputs: readonly UncertainInput[] = Array.isArray(options.inputs) ? options.inputs : [];
  if (!Array.isArray(options.inputs)) issues.add('invalid_type', ['inputs'], 'inputs must be an array');
  const targets = options.targets ?? [];
  for (const [i, p] of (options.percentiles ?? []).entries()) {
    if (typeof p !== 'number' || !(p >= 0 && p <= 100)) issues.add('invalid_value', ['percentiles', i], `a percentile must be from 0 to 100, not ${String(p)}`);
  }

  // targets: which lines they cover, and their minimum per year
  const lineTargets: number[][] = compiled.lineIds.map(() => []);
  const minimum: Decimal[][] = [];
  const seenTargets = new Set<string>();
  targets.forEach((t, ti) => {
    if (seenTargets.has(t.id)) issues.add('duplicate_id', ['targets', ti, 'id'], `target id "${t.id}" is used twice`);
    seenTargets.add(t.id);
    const covered = new Set<number>();
    (t.lines ?? []).forEach((id, k) => {
      const l = compiled.lineOf(id);
      if (l < 0) issues.add('unknown_reference', ['targets', ti, 'lines', k], `no line "${id}"`);
      else covered.add(l);
    });
    (t.sections ?? []).forEach((id, k) => {
      const s = compiled.sectionOf(id);
      if (s < 0) issues.add('unknown_reference', ['targets', ti, 'sections', k], `no section "${id}"`);
      else for (let l = compiled.sectionFirstLine[s]!; l < compiled.sectionFirstLine[s + 1]!; l++) covered.add(l);
    });
    for (const l of covered) lineTargets[l]!.push(ti);
    const mins: Decimal[] = years.map(() => ZERO);
    const m = t.minimum;
    if (m !== undefined && typeof m === 'object') {
      for (const [key, raw] of Object.entries(m)) {
        const y = compiled.yearIndexOf(Number(key));
        if (y < 0) issues.add('year_outside_horizon', ['targets', ti, 'minimum', key], `${key} is outside the horizon`);
        const v = readEuros(raw, ['targets', ti, 'minimum', key], issues);
        if (v !== undefined && y >= 0) mins[y] = v;
      }
    } else if (m !== undefined) {
      const v = readEuros(m, ['targets', ti, 'minimum'], issues);
      if (v !== undefined) mins.fill(v);
    }
    minimum.push(mins);
  });

  // inputs: rows, years, slots
  const slotOfCell = new Map<number, number>();
  const slotCells: number[] = [];
  const inputSlotStart: number[] = [0];
  const inputSlots: number[] = [];
  const inputExponent: number[] = [];
  const streams: number[] = [];
  const ids = new Set<string>();
  const maxAbs: number[] = []; // bound of each slot's value in units, after the inputs so far
  inputs.forEach((input, j) => {
    const path: Path = ['inputs', j];
    if (typeof input.id !== 'string' || input.id === '') issues.add('missing_field', [...path, 'id'], 'an input needs an id');
    else if (ids.has(input.id)) issues.add('duplicate_id', [...path, 'id'], `input id "${input.id}" is used twice`);
    ids.add(input.id);
    if (!(input.kind in KIND_CODE)) {
      issues.add('invalid_value', [...path, 'kind'], `kind must be amount, realisation or indexation, not ${String(input.kind)}`);
      inputSlotStart.push(inputSlots.length);
      streams.push(0);
      return;
    }
    try {
      compileDistribution(input.distribution, { unit: input.kind === 'amount' ? 'euro' : 'rate', path: [...path, 'distribution'] });
    } catch (error) {
      if (MeerjarenError.is(error)) issues.addAll(error.issues);
      else throw error;
    }
    streams.push(streamOf(input.group !== undefined ? `group:${input.group}` : `input:${input.id}`));
    const rows: number[] = [];
    (input.rows ?? []).forEach((id, k) => {
      const r = compiled.rowOf(id);
      if (r < 0) issues.add('unknown_reference', [...path, 'rows', k], `no line or component "${id}"`);
      else rows.push(r);
    });
    (input.lines ?? []).forEach((id, k) => {
      const l = compiled.lineOf(id);
      if (l < 0) issues.add('unknown_reference', [...path, 'lines', k], `no line "${id}"`);
      else for (let r = compiled.lineFirstRow[l]!; r < compiled.lineFirstRow[l + 1]!; r++) rows.push(r);
    });
    if ((input.rows ?? []).length + (input.lines ?? []).length === 0) issues.add('missing_field', [...path, 'rows'], 'an input needs rows or lines');
    let yearIndices: number[] | undefined;
    if (input.years !== undefined) {
      yearIndices = [];
      input.years.forEach((year, k) => {
        const y = compiled.yearIndexOf(year);
        if (y < 0) issues.add('year_outside_horizon', [...path, 'years', k], `${String(year)} is outside the horizon`);
        else yearIndices!.push(y);
      });
    }
    const baseYear = input.baseYear ?? years[0]!;
    if (input.kind === 'indexation' && !Number.isInteger(baseYear)) issues.add('invalid_value', [...path, 'baseYear'], 'baseYear must be a year');
    const before = inputSlots.length;
    const flag = (r: number, y: number): number => compiled.flags[r * Y + y]!;
    for (const r of rows) {
      let ys = yearIndices;
      if (ys === undefined) {
        const all = Array.from({ length: Y }, (_, y) => y);
        if (input.kind === 'amount') {
          const pm = all.filter((y) => flag(r, y) === 3);
          ys = pm.length > 0 ? pm : all.filter((y) => flag(r, y) === 1);
        } else if (input.kind === 'realisation') ys = all.filter((y) => flag(r, y) === 1);
        else ys = all.filter((y) => years[y]! > baseYear);
      }
      for (const y of ys) {
        const cell = r * Y + y;
        let slot = slotOfCell.get(cell);
        if (slot === undefined) {
          slot = slotCells.length;
          slotOfCell.set(cell, slot);
          slotCells.push(cell);
          maxAbs.push(Math.abs(compiled.units[cell]!));
        }
        const exponent = input.kind === 'indexation' ? Math.max(0, years[y]! - baseYear) : 1;
        inputSlots.push(slot);
        inputExponent.push(exponent);
        const m = specMaxAbs(input.distribution);
        const scale = compiled.decimals >= 2 ? 10 ** (compiled.decimals - 2) : 1;
        maxAbs[slot] = input.kind === 'amount' ? m * 100 * scale + 1 : maxAbs[slot]! * (input.kind === 'realisation' ? m : (1 + m) ** exponent) + 1;
      }
    }
    if (inputSlots.length === before && rows.length > 0) issues.add('no_cells', [...path, input.years !== undefined ? 'years' : 'rows'], `input "${input.id}" changes no cell`);
    inputSlotStart.push(inputSlots.length);
  });
  issues.throwIfAny();

  let bound = Number(compiled.absoluteSum);
  slotCells.forEach((cell, s) => (bound += maxAbs[s]! - Math.abs(compiled.units[cell]!)));
  if (!(bound <= MAX_SAFE_UNITS / 2)) {
    throw new MeerjarenError([issue('engine_overflow', ['inputs'], 'the drawn amounts could pass 2^53 units: narrow the distributions')]);
  }

  // base outputs
  const T = targets.length;
  const stride = (2 + T) * Y;
  const engine = createEngine(compiled);
  const base = new Float64Array(stride);
  for (let y = 0; y < Y; y++) {
    base[y] = Number(engine.amountUnits('table', 0, y));
    base[Y + y] = Number(engine.structuralUnits('table', 0, y));
  }
  lineTargets.forEach((ts, l) => {
    for (const t of ts) for (let y = 0; y < Y; y++) base[(2 + t) * Y + y]! += Number(engine.amountUnits('line', l, y));
  });
  const slotTargetStart: number[] = [0];
  const slotTargets: number[] = [];
  for (const cell of slotCells) {
    const r = Math.floor(cell / Y);
    slotTargets.push(...lineTargets[compiled.rowLine[r]!]!);
    slotTargetStart.push(slotTargets.length);
  }
  const plan: MonteCarloPlan = {
    seed: options.seed ?? 1,
    yearCount: Y,
    unitsPerCent: compiled.decimals >= 2 ? 10 ** (compiled.decimals - 2) : 1,
    rounding,
    targetCount: T,
    stride,
    base,
    slotBase: Float64Array.from(slotCells, (cell) => compiled.units[cell]!),
    slotYear: Int32Array.from(slotCells, (cell) => cell % Y),
    slotStructural: Uint8Array.from(slotCells, (cell) => compiled.rowStructural[Math.floor(cell / Y)]!),
    slotTargetStart: Int32Array.from(slotTargetStart),
    slotTargets: Int32Array.from(slotTargets),
    inputKind: Uint8Array.from(inputs, (input) => KIND_CODE[input.kind]),
    inputStream: Float64Array.from(streams),
    inputSlotStart: Int32Array.from(inputSlotStart),
    inputSlots: Int32Array.from(inputSlots),
    inputExponent: Int32Array.from(inputExponent),
    distributions: inputs.map((input) => input.distribution),
  };
  PLAN_META.set(plan, { compiled, draws, percentiles: options.percentiles ?? [5, 50, 95], targets, minimum, inputs });
  return plan;
}

interface PlanMeta {
  readonly compiled: CompiledBudget;
  readonly draws: number;
  readonly percentiles: readonly number[];
  readonly targets: readonly TargetSpec[];
  readonly minimum: readonly (readonly Decimal[])[];
  readonly inputs: readonly UncertainInput[];
}

/** What a plan was built from (kept beside it, not posted to workers). */
const PLAN_META = new WeakMap<MonteCarloPlan, PlanMeta>();

/** @internal */
export function planMeta(plan: MonteCarloPlan): PlanMeta {
  const meta = PLAN_META.get(plan);
  if (meta === undefined) throw new MeerjarenError([issue('invalid_value', ['plan'], 'not a plan made by planMonteCarlo')]);
  return meta;
}

// ---------------------------------------------------------------------------------------------
// The kernel: one draw, allocation-free

/**
 * The draw kernel of a plan (trekkingskern): reusable buffers and the per-input samplers.
 * Used by the main thread, the workers and the tornado table.
 */
export interface DrawKernel {
  /**
   * Evaluates the budget with given input values (cents for `amount`, rates for the others) into
   * `out[offset .. offset + stride)`.
   */
  evaluate(values: Float64Array, out: Float64Array, offset: number): void;
  /** Runs draws `from .. to - 1` into `out` (`(to - from) * stride` values). */
  run(from: number, to: number, out: Float64Array): void;
}

/**
 * Builds the kernel of a plan.
 * @param plan - from {@link planMonteCarlo} (or received by a worker)
 */
export function createKernel(plan: MonteCarloPlan): DrawKernel {
  const Y = plan.yearCount;
  const S = plan.slotBase.length;
  const J = plan.inputKind.length;
  const work = new Float64Array(S);
  const values = new Float64Array(J);
  const samplers: Sampler[] = plan.distributions.map((spec, j) => compileDistribution(spec, { unit: plan.inputKind[j] === 0 ? 'euro' : 'rate' }));
  const rng: Random = createRandom(plan.seed);
  const { slotBase, slotYear, slotStructural, slotTargetStart, slotTargets, inputKind, inputSlotStart, inputSlots, inputExponent, base, unitsPerCent, rounding, stride } = plan;
  const MILLION = 1_000_000;
  let maxExponent = 1;
  for (let k = 0; k < inputExponent.length; k++) maxExponent = Math.max(maxExponent, inputExponent[k]!);
  const bigNum: bigint[] = new Array<bigint>(maxExponent + 1).fill(1n);
  const bigDen: bigint[] = new Array<bigint>(maxExponent + 1).fill(1n);
  for (let n = 1; n <= maxExponent; n++) bigDen[n] = bigDen[n - 1]! * 1_000_000n;

  const evaluate = (vals: Float64Array, out: Float64Array, offset: number): void => {
    work.set(slotBase);
    for (let j = 0; j < J; j++) {
      const v = vals[j]!;
      const from = inputSlotStart[j]!;
      const to = inputSlotStart[j + 1]!;
      const kind = inputKind[j]!;
      if (kind === 0) {
        const units = v * unitsPerCent;
        for (let k = from; k < to; k++) work[inputSlots[k]!] = units;
      } else if (kind === 1) {
        const ppm = rateToPpm(v);
        for (let k = from; k < to; k++) {
          const s = inputSlots[k]!;
          work[s] = applyRatio(work[s]!, ppm, MILLION, rounding);
        }
      } else {
        const ppm = rateToPpm(v);
        const step = BigInt(MILLION + ppm);
        for (let n = 1; n <= maxExponent; n++) bigNum[n] = bigNum[n - 1]! * step;
        for (let k = from; k < to; k++) {
          const s = inputSlots[k]!;
          const n = inputExponent[k]!;
          if (n === 0) continue;
          work[s] = n === 1 ? applyRatio(work[s]!, MILLION + ppm, MILLION, rounding) : Number(divRoundBig(BigInt(work[s]!) * bigNum[n]!, bigDen[n]!, rounding));
        }
      }
    }
    for (let i = 0; i < stride; i++) out[offset + i] = base[i]!;
    for (let s = 0; s < S; s++) {
      const d = work[s]! - slotBase[s]!;
      if (d === 0) continue;
      const y = slotYear[s]!;
      out[offset + y]! += d;
      if (slotStructural[s] === 1) out[offset + Y + y]! += d;
      for (let k = slotTargetStart[s]!; k < slotTargetStart[s + 1]!; k++) out[offset + (2 + slotTargets[k]!) * Y + y]! += d;
    }
  };

  const streams = plan.inputStream;
  return {
    evaluate,
    run(from: number, to: number, out: Float64Array): void {
      for (let d = from; d < to; d++) {
        for (let j = 0; j < J; j++) {
          rng.resetForDraw(d, streams[j]!);
          values[j] = samplers[j]!(rng);
        }
        evaluate(values, out, (d - from) * stride);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Summaries

function meanOf(column: Float64Array, decimals: number): Decimal {
  let sum = 0;
  let safe = true;
  for (let i = 0; i < column.length; i++) {
    sum += column[i]!;
    if (!(Math.abs(sum) <= MAX_SAFE_UNITS)) safe = false;
  }
  let exact: bigint;
  if (safe) exact = BigInt(sum);
  else {
    exact = 0n;
    for (let i = 0; i < column.length; i++) exact += BigInt(column[i]!);
  }
  const units = new Dec(exact.toString()).div(column.length);
  return roundTo(units.div(new Dec(10).pow(decimals)), decimals, 'half-up');
}

function outcome(column: Float64Array, percentiles: readonly number[], decimals: number): OutcomeSummary {
  const s = summarise(column, percentiles);
  const ps: Record<string, Decimal> = {};
  for (const p of percentiles) ps[`p${p}`] = unitsToDecimal(s[`p${p}`]!, decimals);
  return { mean: meanOf(column, decimals), min: unitsToDecimal(s.min, decimals), max: unitsToDecimal(s.max, decimals), percentiles: ps };
}

/**
 * Summarises the raw outputs of a run (`draws * stride` values in draw order) into a result.
 * @param plan - the plan
 * @param raw - outputs of every draw
 */
export function summariseRun(plan: MonteCarloPlan, raw: Float64Array): MonteCarloResult {
  const meta = planMeta(plan);
  const { compiled, draws, percentiles, targets, minimum } = meta;
  const Y = plan.yearCount;
  const d = compiled.decimals;
  const column = new Float64Array(draws);
  const unitScale = new Dec(10).pow(d);
  const take = (offset: number): Float64Array => {
    for (let i = 0; i < draws; i++) column[i] = raw[i * plan.stride + offset]!;
    return column;
  };
  const byYear = (group: number): Record<string, OutcomeSummary> => {
    const out: Record<string, OutcomeSummary> = {};
    compiled.years.forEach((year, y) => (out[year] = outcome(take(group * Y + y), percentiles, d)));
    return out;
  };
  const probability = (offset: number, threshold: number): number => {
    let hits = 0;
    for (let i = 0; i < draws; i++) if (raw[i * plan.stride + offset]! >= threshold) hits++;
    return hits / draws;
  };
  const balanced: Record<string, number> = {};
  compiled.years.forEach((year, y) => (balanced[year] = probability(Y + y, 0)));
  const targetOutcomes: TargetOutcome[] = targets.map((t, ti) => {
    const total = byYear(2 + ti);
    const gap: Record<string, OutcomeSummary> = {};
    const met: Record<string, number> = {};
    compiled.years.forEach((year, y) => {
      const minUnits = Number(minimum[ti]![y]!.times(unitScale).toFixed(0));
      const col = take((2 + ti) * Y + y);
      for (let i = 0; i < draws; i++) col[i] = minUnits - col[i]!;
      gap[year] = outcome(col, percentiles, d);
      met[year] = probability((2 + ti) * Y + y, minUnits);
    });
    return { id: t.id, label: t.label ?? t.id, total, gap, probabilityMet: met };
  });
  return deepFreeze({
    draws,
    seed: plan.seed,
    years: compiled.years,
    percentiles: [...percentiles],
    saldo: byYear(0),
    structural: byYear(1),
    probabilityStructurallyBalanced: balanced,
    targets: targetOutcomes,
  });
}

/**
 * Runs a Monte Carlo simulation on one thread (Monte Carlo-simulatie).
 *
 * @param budget - the budget, or a compiled budget
 * @param options - inputs, draws, seed, percentiles, targets, rounding
 * @returns a frozen {@link MonteCarloResult}
 * @throws MeerjarenError with every problem found (see {@link planMonteCarlo})
 * @example
 * ```ts
 * const result = monteCarlo(tb1, {
 *   seed: 2026,
 *   inputs: [{ id: '1.4', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500000', likely: '-1100000', high: '-600000' } }],
 * });
 * result.saldo['2027'].percentiles.p5; // exact euros
 * ```
 */
export function monteCarlo(budget: Budget | CompiledBudget, options: MonteCarloOptions): MonteCarloResult {
  const plan = planMonteCarlo(budget, options);
  const draws = planMeta(plan).draws;
  const raw = new Float64Array(draws * plan.stride);
  createKernel(plan).run(0, draws, raw);
  return summariseRun(plan, raw);
}

// ---------------------------------------------------------------------------------------------
// Worker threads

/** Options of {@link monteCarloAsync}. */
export interface ParallelOptions extends MonteCarloOptions {
  /** Worker threads (node:worker_threads); 1 runs on the calling thread. @defaultValue 1 */
  readonly workers?: number;
  /** Below this many input-draws (draws x inputs) the run stays on one thread (starting workers costs ~40 ms). @defaultValue 100000 */
  readonly parallelThreshold?: number;
  /** A pool to use; by default a shared pool of `workers` threads that lives until {@link closeWorkerPools}. */
  readonly pool?: WorkerPool;
}

interface JobReply {
  readonly id: number;
  readonly raw?: Float64Array;
  readonly error?: string;
}

/** Where the built worker entry is: next to the built module (dist/worker.js or dist/worker.cjs). */
export function workerEntry(): string {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const dir = dirname(here);
  if (here.endsWith('.ts')) return resolve(dir, '../../dist/worker.js');
  return join(dir, here.endsWith('.cjs') ? 'worker.cjs' : 'worker.js');
}

/**
 * A persistent pool of worker threads for Monte Carlo runs (werkerspool). Threads start once and serve
 * every run; they do not keep the process alive.
 */
export class WorkerPool {
  /** Number of threads. */
  readonly size: number;
  readonly #workers: Worker[] = [];
  readonly #pending = new Map<number, { resolve: (raw: Float64Array) => void; reject: (error: Error) => void }>();
  #next = 0;

  /**
   * @param size - number of threads, at least 1
   * @param entry - path of the built worker script; default {@link workerEntry}
   * @throws MeerjarenError `worker_unavailable` when the built worker is missing (run `npm run build`)
   */
  constructor(size: number, entry: string = workerEntry()) {
    if (!Number.isInteger(size) || size < 1) throw new MeerjarenError([issue('invalid_value', ['workers'], 'workers must be a whole number >= 1')]);
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
        if (reply.error !== undefined || reply.raw === undefined) job.reject(new Error(reply.error ?? 'worker failed'));
        else job.resolve(reply.raw);
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
   */
  run(plan: MonteCarloPlan, from: number, to: number, index: number): Promise<Float64Array> {
    const worker = this.#workers[index % this.size]!;
    const id = this.#next++;
    return new Promise((resolveJob, rejectJob) => {
      this.#pending.set(id, { resolve: resolveJob, reject: rejectJob });
      worker.ref();
      worker.postMessage({ id, plan, from, to });
    }).finally(() => worker.unref()) as Promise<Float64Array>;
  }

  /** Ends the threads. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
    this.#workers.length = 0;
  }
}

const SHARED_POOLS = new Map<number, WorkerPool>();

/** Ends the shared worker pools made by {@link monteCarloAsync}. */
export async function closeWorkerPools(): Promise<void> {
  const pools = [...SHARED_POOLS.values()];
  SHARED_POOLS.clear();
  await Promise.all(pools.map((p) => p.close()));
}

/**
 * Runs a Monte Carlo simulation, on worker threads when asked (`workers: 2`) and the job is large enough.
 *
 * @remarks
 * Each draw is seeded by its index, so the result is identical to {@link monteCarlo} on one thread, for
 * any number of workers. Draws are split into one contiguous block per worker and joined in draw order.
 * The workers run the built entry (`dist/worker.js`, or `dist/worker.cjs` from the CommonJS build).
 *
 * @param budget - the budget, or a compiled budget
 * @param options - as {@link monteCarlo}, plus `workers`, `parallelThreshold`, `pool`
 * @throws MeerjarenError as {@link monteCarlo}; `worker_unavailable` when the built worker is missing
 */
export async function monteCarloAsync(budget: Budget | CompiledBudget, options: ParallelOptions): Promise<MonteCarloResult> {
  const plan = planMonteCarlo(budget, options);
  const draws = planMeta(plan).draws;
  const workers = options.pool?.size ?? options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) throw new MeerjarenError([issue('invalid_value', ['workers'], 'workers must be a whole number >= 1')]);
  const raw = new Float64Array(draws * plan.stride);
  const threshold = options.parallelThreshold ?? 100_000;
  if (workers === 1 || draws * Math.max(1, plan.inputKind.length) < threshold || draws < workers) {
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
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = Math.min(draws, w * block);
      const to = Math.min(draws, from + block);
      return from < to ? pool.run(plan, from, to, w).then((part) => raw.set(part, from * plan.stride)) : Promise.resolve();
    }),
  );
  return summariseRun(plan, raw);
}
