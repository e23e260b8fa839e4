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
import { isPm, type Budget } from '../budget/model.js';
import { evaluateCover } from '../coverage/evaluate.js';
import { realisedIn } from '../savings/evaluate.js';
import type { SavingsTarget } from '../savings/model.js';
import { applyScenario } from '../scenario/apply.js';
import type { Scenario, ScenarioLibrary } from '../scenario/types.js';
import { compileBudget, type CompiledBudget } from '../engine/compile.js';
import { createEngine } from '../engine/engine.js';
import { applyRatio, divRoundBig } from '../engine/rate.js';
import { MAX_DECIMALS, MAX_SAFE_UNITS, unitsToDecimal } from '../engine/units.js';
import { compileDistribution, rateToPpm, type DistributionSpec, type Sampler } from './distribution.js';
import { createRandom, type Random, type Seed } from './random.js';
import { summarise } from './stats.js';

/**
 * What an uncertain input changes (soort onzekerheid):
 * - `amount`: the amount of a cell (a pm post's amount, any line or component amount); the distribution is in euros;
 * - `realisation`: a realisation rate (realisatiegraad) multiplying the cells (a measure that delivers 50%: `0.5`);
 * - `indexation`: an indexation percentage per year as a rate (`0.025` = 2.5%); year `y` is multiplied by
 *   `(1 + p)^(y - baseYear)`, years up to `baseYear` are untouched;
 * - `measure`: the realisation rate (realisatiegraad) of a savings measure (`budget.targets[target].measures[measure]`):
 *   the drawn rate replaces the measure's own realisation, so it realises `round(planned x rate)` in each year
 *   (the one rounding point, as for `realisation`); the target's realised savings and gap follow, the table's saldo
 *   does not (the stelpost holds the target: put a `realisation` input on a line to move the saldo too);
 * - `capacity`: the capacity of a cover source (`budget.cover.sources[source]`), in euros, zero or more: it replaces
 *   a `per-year` capacity in the input's years, or a `total` capacity's amount; the claims are then served as
 *   `evaluateCover` serves them and what they ask beyond the capacities is the uncovered amount (ongedekt).
 */
export type UncertainKind = 'amount' | 'realisation' | 'indexation' | 'measure' | 'capacity';

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
  /** For `measure`: the id of the savings target (taakstelling) in `budget.targets`. */
  readonly target?: string;
  /** For `measure`: the id of the measure (maatregel) within that target. */
  readonly measure?: string;
  /** For `capacity`: the id of the cover source (dekkingsbron) in `budget.cover.sources`. */
  readonly source?: string;
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
  /**
   * Report the budget's savings targets (`budget.targets`: realised savings, gap, probability met).
   * @defaultValue true when an input is of kind `measure`
   */
  readonly savings?: boolean;
  /**
   * Report the uncovered amount of the budget's cover (`budget.cover`).
   * @defaultValue true when an input is of kind `capacity`
   */
  readonly cover?: boolean;
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

/**
 * Results for one savings target of the budget (taakstelling, `budget.targets`), in positive euros saved, as
 * `evaluateTargets` computes them per draw.
 */
export interface SavingsOutcome {
  /** Target id. */
  readonly id: string;
  /** Its title. */
  readonly label: string;
  /** The amount to save per year (0 in a pm year, as in `evaluateTargets`). */
  readonly target: Readonly<Record<string, Decimal>>;
  /** What the measures realise per year (gerealiseerd). */
  readonly realised: OutcomesByYear;
  /** `target - realised` per year (tekort; negative is a surplus). */
  readonly gap: OutcomesByYear;
  /** Probability that the target is met (gap at most 0) per year. */
  readonly probabilityMet: ProbabilityByYear;
}

/** The uncovered amount of the cover (ongedekt): what claims ask beyond what their sources can give. */
export interface CoverOutcome {
  /** The sum over all claims of `claimed - covered` per year. */
  readonly uncovered: OutcomesByYear;
  /** Probability that every claim is covered (uncovered is 0) per year. */
  readonly probabilityCovered: ProbabilityByYear;
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
  /** Per savings target of the budget, in its order (empty unless `savings` is on). */
  readonly savings: readonly SavingsOutcome[];
  /** The cover's uncovered amount (absent unless `cover` is on). */
  readonly cover?: CoverOutcome;
}

// ---------------------------------------------------------------------------------------------
// The plan: plain, transferable data shared by the main thread and the workers

const KIND_CODE: Readonly<Record<UncertainKind, number>> = { amount: 0, realisation: 1, indexation: 2, measure: 3, capacity: 4 };

/**
 * A compiled Monte Carlo plan (draaiboek): every number a draw needs, as plain data that can be posted to a
 * worker. Built by `planMonteCarlo`.
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
  /** Number of savings targets reported (`budget.targets`). */
  readonly savingsCount: number;
  /** 1 when the cover's uncovered amount is reported. */
  readonly coverActive: number;
  /**
   * Outputs per draw: saldo (Y), structural saldo (Y), each target's total (Y each), each savings target's
   * realised savings (Y each), the uncovered amount (Y, when `coverActive`).
   */
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
  /** Per input: its kind code (0 amount, 1 realisation, 2 indexation, 3 measure, 4 capacity). */
  readonly inputKind: Uint8Array;
  /** Per input: its random stream. */
  readonly inputStream: Float64Array;
  /** Per input: the slots it changes, `inputSlots[inputSlotStart[j] .. inputSlotStart[j + 1]]`. */
  readonly inputSlotStart: Int32Array;
  /** Flattened slot indices (measure slots for `measure` inputs, capacity cells for `capacity` inputs). */
  readonly inputSlots: Int32Array;
  /** Exponent per entry of `inputSlots` (indexation: years since the base year; else 1). */
  readonly inputExponent: Int32Array;
  /** Distribution specs per input. */
  readonly distributions: readonly DistributionSpec[];
  /** Measure slots (one per measure and year drawn): savings target index. */
  readonly msTarget: Int32Array;
  /** Measure slots: year index. */
  readonly msYear: Int32Array;
  /** Measure slots: planned units. */
  readonly msPlanned: Float64Array;
  /** Measure slots: realised units without draws. */
  readonly msBase: Float64Array;
  /** The cover program (empty when `coverActive` is 0). */
  readonly cover: CoverProgram;
}

/**
 * The cover compiled for the draw kernel (dekkingsprogramma): sources, claims in priority order and the rows
 * whose totals they read, in integer units. Mirrors `evaluateCover` exactly.
 */
export interface CoverProgram {
  /** Per source: 0 per-year, 1 total, 2 line, 3 unlimited, 4 balance. */
  readonly capKind: Uint8Array;
  /** Capacity cells, `(Y + 1)` per source: the per-year amounts, then the total amount. */
  readonly capBase: Float64Array;
  /** Per source: first year index of a `total` capacity (`from`). */
  readonly capStart: Int32Array;
  /** Per source: cover row of a `line` capacity, or -1. */
  readonly capRow: Int32Array;
  /** Per source and year: 1 when a `line` capacity applies. */
  readonly capYears: Uint8Array;
  /** Per source: 1 when it is a reserve with a balance. */
  readonly hasReserve: Uint8Array;
  /** Per source: the reserve's opening balance. */
  readonly resOpening: Float64Array;
  /** Per source and year: planned additions. */
  readonly resAdd: Float64Array;
  /** Per source and year: planned withdrawals. */
  readonly resWithdraw: Float64Array;
  /** Per claim: source index, or -1 for an unknown source. */
  readonly claimSource: Int32Array;
  /** Per claim: cover row of a `full` claim read per draw, or -1 for a claim with fixed amounts. */
  readonly claimRow: Int32Array;
  /** Per claim and year: 1 when the claim applies. */
  readonly claimApplies: Uint8Array;
  /** Per claim and year: the fixed claimed amount (claims with `claimRow` -1). */
  readonly claimFixed: Float64Array;
  /** Per cover row and year: its total without draws. */
  readonly rowBase: Float64Array;
  /** Cover rows of each slot: `slotCover[slotCoverStart[s] .. slotCoverStart[s + 1]]`. */
  readonly slotCoverStart: Int32Array;
  /** Flattened cover row indices. */
  readonly slotCover: Int32Array;
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

/** Smallest value a spec can draw, from its bounds; undefined when malformed. */
function specMin(spec: DistributionSpec): { value: number; field: string } | undefined {
  const num = (x: unknown): number => (typeof x === 'number' || typeof x === 'string' ? Number(x) : Number.NaN);
  switch (spec.kind) {
    case 'fixed':
      return { value: num(spec.value), field: 'value' };
    case 'discrete':
      return Array.isArray(spec.choices) ? { value: Math.min(...spec.choices.map((c) => num(c.value))), field: 'choices' } : undefined;
    default:
      return { value: num(spec.low), field: 'low' };
  }
}

/** Decimal places an exact amount needs. */
const placesOf = (d: Decimal): number => d.decimalPlaces();

/** An exact amount in whole units (the plan checked that it fits). */
const unitsOf = (d: Decimal, decimals: number): number => Number(d.times(new Dec(10).pow(decimals)).toFixed(0));

/**
 * Compiles a Monte Carlo run into a plan: checks every input (all problems at once), finds the cells each
 * changes, and computes the base totals.
 *
 * @remarks
 * When savings targets or the cover are reported and their amounts (target paths, planned and realised savings,
 * capacities, claims) need finer units than the budget's own amounts, the budget is compiled in those finer units
 * (at most 6 decimals), so every amount stays exact.
 *
 * @param budget - the budget, or a budget compiled with `compileBudget`
 * @param options - inputs, draws, seed, targets
 * @throws MeerjarenError with every problem: `invalid_draws`, `unknown_reference` (rows, lines, sections,
 *   targets, measures, sources), `year_outside_horizon`, `no_cells`, `duplicate_id`, `missing_field`, distribution
 *   codes (`low_above_high`, `probabilities_not_one`, `negative_sd`, ...) with paths like
 *   `inputs[3].distribution.low`, `invalid_rate` (a measure's rate below 0), `negative_amount` (a capacity below 0),
 *   `unsupported_capacity` (a capacity kind other than per-year or total), `cover_share_uncertain` (an input moves
 *   a row that a `share` claim reads), `too_many_decimals`, and `engine_overflow` when draws could pass 2^53 units
 */
export function planMonteCarlo(budget: Budget | CompiledBudget, options: MonteCarloOptions): MonteCarloPlan {
  return buildPlan(budget, options, 0);
}

/** `planMonteCarlo` with a least number of unit decimals (so that runs to compare share one unit). */
function buildPlan(budget: Budget | CompiledBudget, options: MonteCarloOptions, minDecimals: number): MonteCarloPlan {
  const issues = new IssueCollector();
  const draws = options.draws ?? 10_000;
  if (!Number.isSafeInteger(draws) || draws < 1) issues.add('invalid_draws', ['draws'], `the number of draws must be a whole number >= 1, not ${String(draws)}`);
  const rounding = options.rounding ?? 'half-up';
  const inputs: readonly UncertainInput[] = Array.isArray(options.inputs) ? options.inputs : [];
  if (!Array.isArray(options.inputs)) issues.add('invalid_type', ['inputs'], 'inputs must be an array');
  const hasMeasure = inputs.some((i) => i.kind === 'measure');
  const hasCapacity = inputs.some((i) => i.kind === 'capacity');
  const wantSavings = options.savings ?? hasMeasure;
  const wantCover = options.cover ?? hasCapacity;
  if (hasMeasure && !wantSavings) issues.add('invalid_value', ['savings'], 'measure inputs need the savings results: leave savings on');
  if (hasCapacity && !wantCover) issues.add('invalid_value', ['cover'], 'capacity inputs need the cover results: leave cover on');
  const source: Budget = 'rowOf' in budget ? budget.budget : budget;

  // the exact amounts of savings and cover, and the unit that holds them all
  const savingsTargets = wantSavings || hasMeasure ? Object.values(source.targets ?? {}) : [];
  const coverEval = wantCover || hasCapacity ? evaluateCover(source) : undefined;
  const coverSources = wantCover || hasCapacity ? Object.values(source.cover?.sources ?? {}) : [];
  const coverClaims = wantCover || hasCapacity ? (source.cover?.claims ?? []) : [];
  let needed = Math.max(2, minDecimals);
  const need = (d: Decimal): void => {
    needed = Math.max(needed, placesOf(d));
  };
  for (const t of savingsTargets) {
    for (const cell of Object.values(t.path)) if (!isPm(cell)) need(cell);
    for (const m of Object.values(t.measures)) {
      for (const p of Object.values(m.planned)) need(p);
      for (const year of source.horizon.years) need(realisedIn(m, year));
    }
  }
  for (const s of coverSources) {
    if (s.capacity.kind === 'per-year') for (const v of Object.values(s.capacity.values)) need(v);
    if (s.capacity.kind === 'total') need(s.capacity.amount);
    if (s.reserve !== undefined) {
      need(s.reserve.opening);
      for (const v of [...Object.values(s.reserve.additions), ...Object.values(s.reserve.withdrawals)]) need(v);
    }
  }
  for (const c of coverEval?.claims ?? []) for (const y of Object.values(c.years)) need(y.claimed);
  if (needed > MAX_DECIMALS) {
    issues.add('too_many_decimals', [], `the savings or cover amounts need ${needed} decimals; at most ${MAX_DECIMALS} are exact in the engine`);
    issues.throwIfAny();
  }
  let compiled: CompiledBudget;
  if ('rowOf' in budget && budget.decimals >= needed) compiled = budget;
  else compiled = compileBudget(source, { rounding, minDecimals: Math.max(needed, 'rowOf' in budget ? budget.decimals : 0) });
  if (compiled.wide) {
    issues.add('engine_overflow', [], 'this budget needs BigInt arithmetic (amounts near 2^53 units): Monte Carlo runs only on the float engine');
    issues.throwIfAny();
  }
  const Y = compiled.yearCount;
  const years = compiled.years;
  const dec = compiled.decimals;
  const unitsPerCent = dec >= 2 ? 10 ** (dec - 2) : 1;
  const engine = createEngine(compiled);
  const targets = options.targets ?? [];
  for (const [i, p] of (options.percentiles ?? []).entries()) {
    if (typeof p !== 'number' || !(p >= 0 && p <= 100)) issues.add('invalid_value', ['percentiles', i], `a percentile must be from 0 to 100, not ${String(p)}`);
  }

  // the cover program: sources, claims, and the rows whose totals claims and line capacities read
  const sourceIndex = new Map<string, number>(coverSources.map((s, i) => [s.id, i]));
  const coverRowIds: string[] = [];
  const coverRowOf = new Map<string, number>();
  const coverRowIndex = (id: string): number => {
    let cr = coverRowOf.get(id);
    if (cr === undefined) {
      if (compiled.rowOf(id) < 0) return -1;
      cr = coverRowIds.length;
      coverRowIds.push(id);
      coverRowOf.set(id, cr);
    }
    return cr;
  };
  const SC = coverSources.length;
  const capKind = new Uint8Array(SC);
  const capBase = new Float64Array(SC * (Y + 1));
  const capStart = new Int32Array(SC);
  const capRow = new Int32Array(SC).fill(-1);
  const capYears = new Uint8Array(SC * Y);
  const hasReserve = new Uint8Array(SC);
  const resOpening = new Float64Array(SC);
  const resAdd = new Float64Array(SC * Y);
  const resWithdraw = new Float64Array(SC * Y);
  let coverBound = 0;
  coverSources.forEach((s, i) => {
    const cap = s.capacity;
    if (cap.kind === 'per-year') {
      years.forEach((year, y) => (capBase[i * (Y + 1) + y] = unitsOf(cap.values[String(year)] ?? ZERO, dec)));
    } else if (cap.kind === 'total') {
      capKind[i] = 1;
      capBase[i * (Y + 1) + Y] = unitsOf(cap.amount, dec);
      const start = years.findIndex((year) => cap.from === undefined || year >= cap.from);
      capStart[i] = start < 0 ? Y : start;
    } else if (cap.kind === 'line') {
      capKind[i] = 2;
      capRow[i] = coverRowIndex(cap.line);
      years.forEach((year, y) => (capYears[i * Y + y] = cap.years === undefined || cap.years.includes(year) ? 1 : 0));
    } else capKind[i] = cap.kind === 'unlimited' ? 3 : 4;
    for (let k = 0; k <= Y; k++) coverBound += Math.abs(capBase[i * (Y + 1) + k]!);
    if (s.reserve !== undefined) {
      const reserve = s.reserve;
      hasReserve[i] = 1;
      resOpening[i] = unitsOf(reserve.opening, dec);
      coverBound += Math.abs(resOpening[i]!);
      years.forEach((year, y) => {
        resAdd[i * Y + y] = unitsOf(reserve.additions[String(year)] ?? ZERO, dec);
        resWithdraw[i * Y + y] = unitsOf(reserve.withdrawals[String(year)] ?? ZERO, dec);
        coverBound += Math.abs(resAdd[i * Y + y]!) + Math.abs(resWithdraw[i * Y + y]!);
      });
    }
  });
  const C = coverClaims.length;
  const claimSource = new Int32Array(C);
  const claimRow = new Int32Array(C).fill(-1);
  const claimApplies = new Uint8Array(C * Y);
  const claimFixed = new Float64Array(C * Y);
  const shareRows = new Set<number>();
  let fullClaims = 0;
  coverClaims.forEach((claim, c) => {
    claimSource[c] = sourceIndex.get(claim.source) ?? -1;
    const cr = claim.extent.kind === 'amount' ? -1 : coverRowIndex(claim.target);
    if (claim.extent.kind === 'full' && cr >= 0) {
      claimRow[c] = cr;
      fullClaims++;
    }
    if (claim.extent.kind === 'share' && cr >= 0) shareRows.add(cr);
    years.forEach((year, y) => {
      claimApplies[c * Y + y] = claim.years === undefined || claim.years.includes(year) ? 1 : 0;
      if (claimRow[c]! < 0) {
        claimFixed[c * Y + y] = unitsOf(coverEval?.claims[c]?.years[String(year)]?.claimed ?? ZERO, dec);
        coverBound += Math.abs(claimFixed[c * Y + y]!);
      }
    });
  });
  const CR = coverRowIds.length;
  const rowCover: number[][] = Array.from({ length: compiled.rowCount }, () => []);
  const rowBase = new Float64Array(CR * Y);
  coverRowIds.forEach((id, cr) => {
    const l = compiled.lineOf(id);
    const r = compiled.rowOf(id);
    const rows = l >= 0 ? Array.from({ length: compiled.lineFirstRow[l + 1]! - compiled.lineFirstRow[l]! }, (_, k) => compiled.lineFirstRow[l]! + k) : [r];
    for (const row of rows) rowCover[row]!.push(cr);
    for (let y = 0; y < Y; y++) rowBase[cr * Y + y] = Number(l >= 0 ? engine.amountUnits('line', l, y) : engine.amountUnits('row', r, y));
  });

  // savings targets: the measure slots
  const savingsIndex = new Map<string, number>(savingsTargets.map((t, i) => [t.id, i]));
  const msOf = new Map<string, number>();
  const msTarget: number[] = [];
  const msYear: number[] = [];
  const msPlanned: number[] = [];
  const msBase: number[] = [];
  const savingsBase: number[] = new Array<number>(savingsTargets.length * Y).fill(0);
  const savingsPath: Decimal[][] = savingsTargets.map((t) =>
    years.map((year) => {
      const cell = t.path[String(year)];
      return cell === undefined || isPm(cell) ? ZERO : cell;
    }),
  );
  let savingsBound = 0;
  savingsTargets.forEach((t, ti) => {
    for (const m of Object.values(t.measures)) {
      years.forEach((year, y) => {
        const units = unitsOf(realisedIn(m, year), dec);
        savingsBase[ti * Y + y]! += units;
        savingsBound += Math.abs(units);
      });
    }
    for (const p of savingsPath[ti]!) savingsBound += Math.abs(unitsOf(p, dec));
  });

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
  const planMeasure = (input: UncertainInput, path: Path, yearIndices: number[] | undefined, maxRate: number): void => {
    if (input.target === undefined) return issues.add('missing_field', [...path, 'target'], 'a measure input names its savings target');
    if (input.measure === undefined) return issues.add('missing_field', [...path, 'measure'], 'a measure input names its measure');
    const ti = savingsIndex.get(input.target);
    if (ti === undefined) return issues.add('unknown_reference', [...path, 'target'], `no savings target "${input.target}"`);
    const m = savingsTargets[ti]!.measures[input.measure];
    if (m === undefined || !Object.hasOwn(savingsTargets[ti]!.measures, input.measure)) return issues.add('unknown_reference', [...path, 'measure'], `no measure "${input.measure}" in "${input.target}"`);
    const ys = yearIndices ?? years.flatMap((year, y) => (m.planned[String(year)] !== undefined || !realisedIn(m, year).isZero() ? [y] : []));
    for (const y of ys) {
      const key = `${ti}\u0000${input.measure}\u0000${y}`;
      let ms = msOf.get(key);
      if (ms === undefined) {
        ms = msTarget.length;
        msOf.set(key, ms);
        msTarget.push(ti);
        msYear.push(y);
        msPlanned.push(unitsOf(m.planned[String(years[y]!)] ?? ZERO, dec));
        msBase.push(unitsOf(realisedIn(m, years[y]!), dec));
      }
      inputSlots.push(ms);
      inputExponent.push(1);
      savingsBound += Math.abs(msPlanned[ms]!) * maxRate + 1;
    }
    if (ys.length === 0) issues.add('no_cells', [...path, input.years !== undefined ? 'years' : 'measure'], `input "${input.id}" changes no year`);
  };
  const planCapacity = (input: UncertainInput, path: Path, yearIndices: number[] | undefined, maxEuros: number): void => {
    if (input.source === undefined) return issues.add('missing_field', [...path, 'source'], 'a capacity input names its cover source');
    const s = sourceIndex.get(input.source);
    if (s === undefined) return issues.add('unknown_reference', [...path, 'source'], `no cover source "${input.source}"`);
    const cap = coverSources[s]!.capacity;
    const drawn = maxEuros * 100 * unitsPerCent + 1;
    if (cap.kind === 'total') {
      if (yearIndices !== undefined) issues.add('invalid_value', [...path, 'years'], 'a total capacity is one amount for all years: leave years out');
      inputSlots.push(s * (Y + 1) + Y);
      inputExponent.push(1);
      coverBound += drawn;
    } else if (cap.kind === 'per-year') {
      const withValue = years.flatMap((year, y) => (cap.values[String(year)] !== undefined ? [y] : []));
      const ys = yearIndices ?? (withValue.length > 0 ? withValue : years.map((_, y) => y));
      for (const y of ys) {
        inputSlots.push(s * (Y + 1) + y);
        inputExponent.push(1);
        coverBound += drawn;
      }
      if (ys.length === 0) issues.add('no_cells', [...path, 'years'], `input "${input.id}" changes no year`);
    } else {
      issues.add('unsupported_capacity', [...path, 'source'], `the capacity of "${input.source}" is of kind ${cap.kind}: only per-year and total capacities can be drawn`);
    }
  };
  inputs.forEach((input, j) => {
    const path: Path = ['inputs', j];
    if (typeof input.id !== 'string' || input.id === '') issues.add('missing_field', [...path, 'id'], 'an input needs an id');
    else if (ids.has(input.id)) issues.add('duplicate_id', [...path, 'id'], `input id "${input.id}" is used twice`);
    ids.add(input.id);
    if (!(input.kind in KIND_CODE)) {
      issues.add('invalid_value', [...path, 'kind'], `kind must be amount, realisation, indexation, measure or capacity, not ${String(input.kind)}`);
      inputSlotStart.push(inputSlots.length);
      streams.push(0);
      return;
    }
    try {
      compileDistribution(input.distribution, { unit: input.kind === 'amount' || input.kind === 'capacity' ? 'euro' : 'rate', path: [...path, 'distribution'] });
    } catch (error) {
      if (MeerjarenError.is(error)) issues.addAll(error.issues);
      else throw error;
    }
    streams.push(streamOf(input.group !== undefined ? `group:${input.group}` : `input:${input.id}`));
    if (input.kind === 'measure' || input.kind === 'capacity') {
      const lowest = specMin(input.distribution);
      if (lowest !== undefined && lowest.value < 0) {
        if (input.kind === 'measure') issues.add('invalid_rate', [...path, 'distribution', lowest.field], 'a realisation rate is zero or more');
        else issues.add('negative_amount', [...path, 'distribution', lowest.field], 'a capacity is zero or more');
      }
      const yearIndices: number[] | undefined = input.years === undefined ? undefined : [];
      (input.years ?? []).forEach((year, k) => {
        const y = compiled.yearIndexOf(year);
        if (y < 0) issues.add('year_outside_horizon', [...path, 'years', k], `${String(year)} is outside the horizon`);
        else yearIndices!.push(y);
      });
      const m = specMaxAbs(input.distribution);
      if (input.kind === 'measure') planMeasure(input, path, yearIndices, m);
      else planCapacity(input, path, yearIndices, m);
      inputSlotStart.push(inputSlots.length);
      return;
    }
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
    let shareReported = false;
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
          for (const cr of rowCover[r]!) {
            if (shareRows.has(cr) && !shareReported) {
              shareReported = true;
              issues.add('cover_share_uncertain', [...path, input.rows?.includes(compiled.rowIds[r]!) === true ? 'rows' : 'lines'], `a share claim reads "${coverRowIds[cr]!}", which this input moves: a share of an uncertain cost is not exact in whole units`);
            }
          }
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
  if (!(bound <= MAX_SAFE_UNITS / 2 && savingsBound <= MAX_SAFE_UNITS / 2 && coverBound + fullClaims * bound + SC * bound <= MAX_SAFE_UNITS / 2)) {
    throw new MeerjarenError([issue('engine_overflow', ['inputs'], 'the drawn amounts could pass 2^53 units: narrow the distributions')]);
  }

  // base outputs
  const T = targets.length;
  const TS = savingsTargets.length;
  const coverActive = wantCover ? 1 : 0;
  const stride = (2 + T + TS + coverActive) * Y;
  const base = new Float64Array(stride);
  for (let k = 0; k < TS * Y; k++) base[(2 + T) * Y + k] = savingsBase[k]!;
  for (let y = 0; y < Y; y++) {
    base[y] = Number(engine.amountUnits('table', 0, y));
    base[Y + y] = Number(engine.structuralUnits('table', 0, y));
  }
  lineTargets.forEach((ts, l) => {
    for (const t of ts) for (let y = 0; y < Y; y++) base[(2 + t) * Y + y]! += Number(engine.amountUnits('line', l, y));
  });
  const slotTargetStart: number[] = [0];
  const slotTargets: number[] = [];
  const slotCoverStart: number[] = [0];
  const slotCover: number[] = [];
  for (const cell of slotCells) {
    const r = Math.floor(cell / Y);
    slotTargets.push(...lineTargets[compiled.rowLine[r]!]!);
    slotTargetStart.push(slotTargets.length);
    slotCover.push(...rowCover[r]!);
    slotCoverStart.push(slotCover.length);
  }
  const plan: MonteCarloPlan = {
    seed: options.seed ?? 1,
    yearCount: Y,
    unitsPerCent,
    rounding,
    targetCount: T,
    savingsCount: TS,
    coverActive,
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
    msTarget: Int32Array.from(msTarget),
    msYear: Int32Array.from(msYear),
    msPlanned: Float64Array.from(msPlanned),
    msBase: Float64Array.from(msBase),
    cover: {
      capKind,
      capBase,
      capStart,
      capRow,
      capYears,
      hasReserve,
      resOpening,
      resAdd,
      resWithdraw,
      claimSource,
      claimRow,
      claimApplies,
      claimFixed,
      rowBase,
      slotCoverStart: Int32Array.from(slotCoverStart),
      slotCover: Int32Array.from(slotCover),
    },
  };
  PLAN_META.set(plan, { compiled, draws, percentiles: options.percentiles ?? [5, 50, 95], targets, minimum, inputs, savingsTargets, savingsPath });
  return plan;
}

interface PlanMeta {
  readonly compiled: CompiledBudget;
  readonly savingsTargets: readonly SavingsTarget[];
  readonly savingsPath: readonly (readonly Decimal[])[];
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
 * @param plan - from `planMonteCarlo` (or received by a worker)
 */
export function createKernel(plan: MonteCarloPlan): DrawKernel {
  const Y = plan.yearCount;
  const S = plan.slotBase.length;
  const J = plan.inputKind.length;
  const work = new Float64Array(S);
  const values = new Float64Array(J);
  const samplers: Sampler[] = plan.distributions.map((spec, j) => compileDistribution(spec, { unit: plan.inputKind[j] === 0 || plan.inputKind[j] === 4 ? 'euro' : 'rate' }));
  const rng: Random = createRandom(plan.seed);
  const { slotBase, slotYear, slotStructural, slotTargetStart, slotTargets, inputKind, inputSlotStart, inputSlots, inputExponent, base, unitsPerCent, rounding, stride } = plan;
  const { msTarget, msYear, msPlanned, msBase } = plan;
  const MS = msBase.length;
  const msWork = new Float64Array(MS);
  const savingsOffset = (2 + plan.targetCount) * Y;
  const cover = plan.cover;
  const coverOffset = (2 + plan.targetCount + plan.savingsCount) * Y;
  const SC = cover.capKind.length;
  const C = cover.claimSource.length;
  const capWork = new Float64Array(cover.capBase.length);
  const rowWork = new Float64Array(cover.rowBase.length);
  const remaining = new Float64Array(SC);
  const given = new Float64Array(SC);
  const totalLeft = new Float64Array(SC);
  const balance = new Float64Array(SC);
  const opening = new Float64Array(SC);

  /** The cover, served year by year as evaluateCover serves it: the uncovered amount per year into `out`. */
  const serveCover = (out: Float64Array, offset: number): void => {
    const { capKind, capStart, capRow, capYears, hasReserve, resOpening, resAdd, resWithdraw, claimSource, claimRow, claimApplies, claimFixed } = cover;
    for (let s = 0; s < SC; s++) {
      totalLeft[s] = capWork[s * (Y + 1) + Y]!;
      balance[s] = resOpening[s]!;
    }
    for (let y = 0; y < Y; y++) {
      for (let s = 0; s < SC; s++) {
        const kind = capKind[s]!;
        let avail: number;
        if (kind === 0) avail = capWork[s * (Y + 1) + y]!;
        else if (kind === 1) avail = y >= capStart[s]! ? totalLeft[s]! : 0;
        else if (kind === 2) avail = capYears[s * Y + y] === 1 && capRow[s]! >= 0 ? Math.max(0, rowWork[capRow[s]! * Y + y]!) : 0;
        else if (kind === 3) avail = Infinity;
        else avail = 0;
        if (hasReserve[s] === 1) {
          opening[s] = balance[s]!;
          const free = Math.max(0, balance[s]! + resAdd[s * Y + y]! - resWithdraw[s * Y + y]!);
          avail = kind === 4 || kind === 3 ? free : Math.min(avail, free);
        }
        remaining[s] = avail;
        given[s] = 0;
      }
      let uncovered = 0;
      for (let c = 0; c < C; c++) {
        const cr = claimRow[c]!;
        const claimed = cr < 0 ? claimFixed[c * Y + y]! : claimApplies[c * Y + y] === 1 ? Math.max(0, -rowWork[cr * Y + y]!) : 0;
        const s = claimSource[c]!;
        if (s < 0) {
          uncovered += claimed;
          continue;
        }
        if (claimed === 0) continue;
        const left = remaining[s]!;
        const covered = left === Infinity ? claimed : Math.min(claimed, Math.max(0, left));
        if (left !== Infinity) remaining[s] = left - covered;
        given[s]! += covered;
        uncovered += claimed - covered;
      }
      for (let s = 0; s < SC; s++) {
        if (capKind[s] === 1 && y >= capStart[s]!) totalLeft[s]! -= given[s]!;
        if (hasReserve[s] === 1) balance[s] = opening[s]! + resAdd[s * Y + y]! - resWithdraw[s * Y + y]! - given[s]!;
      }
      out[offset + coverOffset + y] = uncovered === 0 ? 0 : uncovered;
    }
  };
  const MILLION = 1_000_000;
  let maxExponent = 1;
  for (let k = 0; k < inputExponent.length; k++) maxExponent = Math.max(maxExponent, inputExponent[k]!);
  const bigNum: bigint[] = new Array<bigint>(maxExponent + 1).fill(1n);
  const bigDen: bigint[] = new Array<bigint>(maxExponent + 1).fill(1n);
  for (let n = 1; n <= maxExponent; n++) bigDen[n] = bigDen[n - 1]! * 1_000_000n;

  const evaluate = (vals: Float64Array, out: Float64Array, offset: number): void => {
    work.set(slotBase);
    if (MS > 0) msWork.set(msBase);
    if (plan.coverActive === 1) {
      capWork.set(cover.capBase);
      rowWork.set(cover.rowBase);
    }
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
      } else if (kind === 3) {
        const ppm = rateToPpm(v);
        for (let k = from; k < to; k++) {
          const ms = inputSlots[k]!;
          msWork[ms] = applyRatio(msPlanned[ms]!, ppm, MILLION, rounding);
        }
      } else if (kind === 4) {
        const units = v * unitsPerCent;
        for (let k = from; k < to; k++) capWork[inputSlots[k]!] = units;
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
      for (let k = cover.slotCoverStart[s]!; k < cover.slotCoverStart[s + 1]!; k++) rowWork[cover.slotCover[k]! * Y + y]! += d;
    }
    for (let ms = 0; ms < MS; ms++) {
      const d = msWork[ms]! - msBase[ms]!;
      if (d !== 0) out[offset + savingsOffset + msTarget[ms]! * Y + msYear[ms]!]! += d;
    }
    if (plan.coverActive === 1) serveCover(out, offset);
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
  const T = targets.length;
  const savings: SavingsOutcome[] = meta.savingsTargets.map((t, ti) => {
    const offset = (2 + T + ti) * Y;
    const realised = byYear(2 + T + ti);
    const target: Record<string, Decimal> = {};
    const gap: Record<string, OutcomeSummary> = {};
    const met: Record<string, number> = {};
    compiled.years.forEach((year, y) => {
      const path = meta.savingsPath[ti]![y]!;
      target[year] = path;
      const pathUnits = unitsOf(path, d);
      const col = take(offset + y);
      let hits = 0;
      for (let i = 0; i < draws; i++) {
        const g = pathUnits - col[i]!;
        col[i] = g === 0 ? 0 : g;
        if (g <= 0) hits++;
      }
      gap[year] = outcome(col, percentiles, d);
      met[year] = hits / draws;
    });
    return { id: t.id, label: t.title, target, realised, gap, probabilityMet: met };
  });
  let cover: CoverOutcome | undefined;
  if (plan.coverActive === 1) {
    const group = 2 + T + meta.savingsTargets.length;
    const covered: Record<string, number> = {};
    compiled.years.forEach((year, y) => {
      let hits = 0;
      for (let i = 0; i < draws; i++) if (raw[i * plan.stride + group * Y + y]! <= 0) hits++;
      covered[year] = hits / draws;
    });
    cover = { uncovered: byYear(group), probabilityCovered: covered };
  }
  return deepFreeze({
    draws,
    seed: plan.seed,
    years: compiled.years,
    percentiles: [...percentiles],
    saldo: byYear(0),
    structural: byYear(1),
    probabilityStructurallyBalanced: balanced,
    targets: targetOutcomes,
    savings,
    ...(cover === undefined ? {} : { cover }),
  });
}

/**
 * Runs a Monte Carlo simulation on one thread (Monte Carlo-simulatie).
 *
 * @param budget - the budget, or a compiled budget
 * @param options - inputs, draws, seed, percentiles, targets, rounding
 * @returns a frozen {@link MonteCarloResult}
 * @throws MeerjarenError with every problem found (see `planMonteCarlo`)
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
// Variants with common random numbers

/**
 * A variant to compare with the baseline (variant): a budget of its own, or a scenario applied to the baseline
 * (`applyScenario`).
 */
export type MonteCarloVariant =
  | {
      /** Id, unique among the variants. */
      readonly id: string;
      /** Label for reports; defaults to the id. */
      readonly label?: string;
      /** The variant's own budget (begroting), drawn with the same inputs as the baseline. */
      readonly budget: Budget;
    }
  | {
      /** Id, unique among the variants. */
      readonly id: string;
      /** Label for reports; defaults to the scenario's title. */
      readonly label?: string;
      /** The scenario applied to the baseline (`applyScenario`). */
      readonly scenario: Scenario;
      /** Scenarios the scenario may extend (scenariobibliotheek). */
      readonly library?: ScenarioLibrary;
    };

/**
 * The distribution of the difference variant - baseline (verschil), draw by draw, in euros: both are drawn with
 * the same numbers, so the difference shows what the variant changes, not noise.
 */
export interface MonteCarloDifference {
  /** Difference of the saldo per year. */
  readonly saldo: OutcomesByYear;
  /** Difference of the structural saldo per year. */
  readonly structural: OutcomesByYear;
  /** Per target of the options, in order: the difference of its total (the gap moves by minus this). */
  readonly targets: readonly {
    /** Id of the target (`TargetSpec.id`). */
    readonly id: string;
    /** Difference of the target's total per year. */
    readonly total: OutcomesByYear;
  }[];
  /** Per savings target in both budgets (by id, baseline order): the difference of the realised savings and of the gap. */
  readonly savings: readonly {
    /** Id of the savings target (taakstelling). */
    readonly id: string;
    /** Difference of the realised savings (gerealiseerd) per year. */
    readonly realised: OutcomesByYear;
    /** Difference of the gap (tekort) per year. */
    readonly gap: OutcomesByYear;
  }[];
  /** The difference of the uncovered amount (when the cover is reported). */
  readonly uncovered?: OutcomesByYear;
}

/** One variant of a comparison: its own result and its difference from the baseline. */
export interface VariantComparison {
  /** Variant id. */
  readonly id: string;
  /** Label (the variant's, the scenario's title, or the id). */
  readonly label: string;
  /** The variant's own result. */
  readonly result: MonteCarloResult;
  /** Variant - baseline, draw by draw. */
  readonly difference: MonteCarloDifference;
}

/** The result of {@link compareMonteCarlo}. A frozen value. */
export interface MonteCarloComparison {
  /** The baseline's result. */
  readonly baseline: MonteCarloResult;
  /** The variants, in the order given. */
  readonly variants: readonly VariantComparison[];
}

function prefixed(error: unknown, prefix: Path): never {
  if (MeerjarenError.is(error)) throw new MeerjarenError(error.issues.map((i) => issue(i.code, [...prefix, ...i.pathSegments], i.message)));
  throw error;
}

/**
 * Monte Carlo on a baseline and variants with common random numbers (gemeenschappelijke toevalsgetallen):
 * every run uses the same seed, and draw `d` of an input id (or group) gets the same random number in every
 * run, so the distribution of the difference variant - baseline per draw reflects the variant, not noise. A
 * variant that changes nothing gives a difference of exactly 0 in every draw; a variant that adds a fixed
 * amount gives exactly that amount at every percentile.
 *
 * @remarks
 * The inputs, targets and options are the same for every run; each input must find its rows (and targets,
 * measures, sources) in every variant. All runs count in the same unit (the finest any of them needs), so
 * differences are exact.
 *
 * @param baseline - the baseline budget
 * @param variants - budgets or scenarios, each with an id
 * @param options - as {@link monteCarlo}
 * @returns a frozen {@link MonteCarloComparison}
 * @throws MeerjarenError as `planMonteCarlo`, paths of a variant prefixed with `variants[i]`;
 *   `duplicate_id` when two variants share an id; scenario errors of `applyScenario`
 * @example
 * ```ts
 * const cmp = compareMonteCarlo(budget, [{ id: 'motie', scenario }], { inputs, seed: 2026 });
 * cmp.variants[0].difference.saldo['2027'].percentiles.p50; // exact euros
 * ```
 */
export function compareMonteCarlo(baseline: Budget, variants: readonly MonteCarloVariant[], options: MonteCarloOptions): MonteCarloComparison {
  const issues = new IssueCollector();
  const ids = new Set<string>();
  variants.forEach((v, i) => {
    if (typeof v.id !== 'string' || v.id === '') issues.add('missing_field', ['variants', i, 'id'], 'a variant needs an id');
    else if (ids.has(v.id)) issues.add('duplicate_id', ['variants', i, 'id'], `variant id "${v.id}" is used twice`);
    ids.add(v.id);
  });
  issues.throwIfAny();
  const budgets = variants.map((v, i) => {
    if ('budget' in v) return { budget: v.budget, label: v.label ?? v.id };
    try {
      const applied = applyScenario(baseline, v.scenario, v.library);
      return { budget: applied.budget, label: v.label ?? applied.title };
    } catch (error) {
      return prefixed(error, ['variants', i, 'scenario']);
    }
  });
  const planAll = (minDecimals: number): MonteCarloPlan[] => [
    buildPlan(baseline, options, minDecimals),
    ...budgets.map((b, i) => {
      try {
        return buildPlan(b.budget, options, minDecimals);
      } catch (error) {
        return prefixed(error, ['variants', i]);
      }
    }),
  ];
  let plans = planAll(0);
  const decimals = Math.max(...plans.map((p) => planMeta(p).compiled.decimals));
  if (plans.some((p) => planMeta(p).compiled.decimals !== decimals)) plans = planAll(decimals);
  const draws = planMeta(plans[0]!).draws;
  const raws = plans.map((plan) => {
    const raw = new Float64Array(draws * plan.stride);
    createKernel(plan).run(0, draws, raw);
    return raw;
  });
  const results = plans.map((plan, i) => summariseRun(plan, raws[i]!));
  const basePlan = plans[0]!;
  const baseMeta = planMeta(basePlan);
  const Y = basePlan.yearCount;
  const years = baseMeta.compiled.years;
  const percentiles = baseMeta.percentiles;
  const column = new Float64Array(draws);
  const comparisons: VariantComparison[] = budgets.map((b, i) => {
    const plan = plans[i + 1]!;
    const raw = raws[i + 1]!;
    const meta = planMeta(plan);
    const diff = (baseOffset: number, variantOffset: number): OutcomesByYear => {
      const out: Record<string, OutcomeSummary> = {};
      years.forEach((year, y) => {
        for (let d = 0; d < draws; d++) {
          const delta = raw[d * plan.stride + variantOffset + y]! - raws[0]![d * basePlan.stride + baseOffset + y]!;
          column[d] = delta === 0 ? 0 : delta;
        }
        out[year] = outcome(column, percentiles, decimals);
      });
      return out;
    };
    const T = baseMeta.targets.length;
    const targets = baseMeta.targets.map((t, ti) => ({ id: t.id, total: diff((2 + ti) * Y, (2 + ti) * Y) }));
    const savings = baseMeta.savingsTargets.flatMap((t, ti) => {
      const vi = meta.savingsTargets.findIndex((v) => v.id === t.id);
      if (vi < 0) return [];
      const baseOffset = (2 + T + ti) * Y;
      const variantOffset = (2 + T + vi) * Y;
      // gap = path - realised, so its difference is (path_v - path_b) - (realised_v - realised_b)
      const realised = diff(baseOffset, variantOffset);
      const gap: Record<string, OutcomeSummary> = {};
      years.forEach((year, y) => {
        const shift = unitsOf(meta.savingsPath[vi]![y]!, decimals) - unitsOf(baseMeta.savingsPath[ti]![y]!, decimals);
        for (let d = 0; d < draws; d++) {
          const delta = shift - (raw[d * plan.stride + variantOffset + y]! - raws[0]![d * basePlan.stride + baseOffset + y]!);
          column[d] = delta === 0 ? 0 : delta;
        }
        gap[year] = outcome(column, percentiles, decimals);
      });
      return [{ id: t.id, realised, gap }];
    });
    const coverOffset = (p: MonteCarloPlan): number => (2 + p.targetCount + p.savingsCount) * Y;
    const difference: MonteCarloDifference = {
      saldo: diff(0, 0),
      structural: diff(Y, Y),
      targets,
      savings,
      ...(basePlan.coverActive === 1 && plan.coverActive === 1 ? { uncovered: diff(coverOffset(basePlan), coverOffset(plan)) } : {}),
    };
    return { id: variants[i]!.id, label: b.label, result: results[i + 1]!, difference };
  });
  return deepFreeze({ baseline: results[0]!, variants: comparisons });
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
   * @param entry - path of the built worker script; default `workerEntry`
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
