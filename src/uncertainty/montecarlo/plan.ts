/**
 * The plan of a Monte Carlo run (draaiboek): checks the options and every input (all problems at once), compiles
 * the budget in units that hold every amount exactly, and lays out the typed arrays the draw kernel reads.
 * @packageDocumentation
 */
import { ROUNDING_MODES, type Decimal, type RoundingMode } from '../../core/decimal.js';
import { IssueCollector, MeerjarenError, fail, issue } from '../../core/errors.js';
import { isPm, type Budget } from '../../model/budget.js';
import { evaluateCover, type CoverEvaluation } from '../../evaluate/cover.js';
import type { CoverClaim, CoverSource } from '../../model/cover.js';
import { measureRealised } from '../../evaluate/targets.js';
import type { SavingsTarget } from '../../model/savings.js';
import { compileBudget, type CompiledBudget } from '../../engine/compile.js';
import { createEngine, type Engine } from '../../engine/engine.js';
import { MAX_DECIMALS, MAX_SAFE_UNITS, decimalsOf } from '../../engine/units.js';
import { KIND_CODE, rememberPlan, type CoverProgram, type MonteCarloPlan } from './plan-data.js';
import { planCover, type PlannedCover } from './plan-cover.js';
import { planInputs, type PlannedInputs } from './plan-inputs.js';
import { driverProgramOf } from './plan-input-drivers.js';
import { planSavings, type PlannedSavings } from './plan-savings.js';
import { planTargets, type PlannedTargets } from './plan-targets.js';
import type { MonteCarloOptions, UncertainInput } from './types.js';
import { collectOptions, type OptionSpec } from '../../core/guard.js';
import { MAX_RUN_VALUES, MONTE_CARLO_OPTIONS, requireRunBudget } from './plan-options.js';
import { inputInEuros, runUnitOf } from './amount-unit.js';
import { correlationOrder, readCorrelation } from './plan-correlation.js';
import type { Unit } from '../../model/values.js';

export { INPUT_SPEC, MAX_DRAWS, MAX_INPUTS, MAX_RUN_VALUES, MAX_TARGETS, MONTE_CARLO_OPTIONS, TARGET_SPEC, requireRunBudget } from './plan-options.js';

/** The options of a run, read with their defaults. */
interface RunSettings {
  readonly draws: number;
  readonly rounding: RoundingMode;
  /** The unit of the amounts written and of the results. */
  readonly unit: Unit;
  /** The inputs, their amounts in euros. */
  readonly inputs: readonly UncertainInput[];
  readonly hasMeasure: boolean;
  readonly hasCapacity: boolean;
  readonly wantSavings: boolean;
  readonly wantCover: boolean;
  /** The savings net of the measures' costs. */
  readonly net: boolean;
}

/**
 * Reads the options with their defaults (checked before by `MONTE_CARLO_OPTIONS`), the inputs' amounts converted to
 * euros: `invalid_value` issues for savings, cover and a unit on a rate input, `too_many_decimals` for an amount
 * that is not whole cents.
 */
function readSettings(options: MonteCarloOptions, source: Budget, issues: IssueCollector): RunSettings {
  // the options are checked (`MONTE_CARLO_OPTIONS`) before; a bad draws or rounding is planned with the default
  // so that the inputs are checked too
  const draws = Number.isSafeInteger(options.draws) && options.draws! >= 1 ? options.draws! : 10_000;
  const rounding = options.rounding !== undefined && (ROUNDING_MODES as readonly unknown[]).includes(options.rounding) ? options.rounding : 'half-up';
  const unit = runUnitOf(options.unit, source);
  const inputs: readonly UncertainInput[] = (Array.isArray(options.inputs) ? options.inputs : []).map((input, j) => inputInEuros(input, j, unit, issues));
  const hasMeasure = inputs.some((i) => i.kind === 'measure');
  const hasCapacity = inputs.some((i) => i.kind === 'capacity');
  const net = options.net === true;
  const wantSavings = options.savings ?? (hasMeasure || net);
  const wantCover = options.cover ?? hasCapacity;
  if (hasMeasure && !wantSavings) issues.add('invalid_value', ['savings'], 'measure inputs need the savings results: leave savings on');
  if (net && !wantSavings) issues.add('invalid_value', ['net'], 'net savings are savings results: leave savings on');
  if (hasCapacity && !wantCover) issues.add('invalid_value', ['cover'], 'capacity inputs need the cover results: leave cover on');
  return { draws, rounding, unit, inputs, hasMeasure, hasCapacity, wantSavings, wantCover, net };
}

/** The savings targets and the cover of the budget, as far as the run reports or draws them. */
interface SavingsAndCover {
  readonly savingsTargets: readonly SavingsTarget[];
  readonly coverEval: CoverEvaluation | undefined;
  readonly coverSources: readonly CoverSource[];
  readonly coverClaims: readonly CoverClaim[];
}

/** The savings targets and the cover a run needs (none when it neither reports nor draws them). */
function savingsAndCoverOf(source: Budget, settings: RunSettings): SavingsAndCover {
  const savings = settings.wantSavings || settings.hasMeasure;
  const cover = settings.wantCover || settings.hasCapacity;
  return {
    savingsTargets: savings ? Object.values(source.targets ?? {}) : [],
    coverEval: cover ? evaluateCover(source) : undefined,
    coverSources: cover ? Object.values(source.cover?.sources ?? {}) : [],
    coverClaims: cover ? (source.cover?.claims ?? []) : [],
  };
}

/** The unit decimals that hold every savings and cover amount exactly: at least 2 and `minDecimals`. */
function decimalsNeeded(source: Budget, parts: SavingsAndCover, minDecimals: number): number {
  let needed = Math.max(2, minDecimals);
  const need = (d: Decimal): void => {
    needed = Math.max(needed, decimalsOf(d));
  };
  for (const t of parts.savingsTargets) {
    for (const cell of Object.values(t.path)) if (!isPm(cell)) need(cell);
    for (const m of Object.values(t.measures)) {
      for (const p of Object.values(m.planned)) need(p);
      for (const c of m.costs ?? []) for (const a of Object.values(c.amounts)) need(a);
      for (const year of source.horizon.years) need(measureRealised(m, year));
    }
  }
  for (const s of parts.coverSources) {
    if (s.capacity.kind === 'per-year') for (const v of Object.values(s.capacity.values)) need(v);
    if (s.capacity.kind === 'total') need(s.capacity.amount);
    if (s.reserve !== undefined) {
      need(s.reserve.opening);
      for (const v of [...Object.values(s.reserve.additions), ...Object.values(s.reserve.withdrawals)]) need(v);
    }
  }
  for (const c of parts.coverEval?.claims ?? []) for (const y of Object.values(c.years)) need(y.claimed);
  return needed;
}

/**
 * The budget compiled in units of at least `needed` decimals (the given compiled budget when it already is).
 * Throws every issue so far with `too_many_decimals` or `engine_overflow` (a BigInt budget).
 */
function compileForPlan(budget: Budget | CompiledBudget, source: Budget, needed: number, rounding: RoundingMode, issues: IssueCollector): CompiledBudget {
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
  return compiled;
}

/** Throws `engine_overflow` when a draw could pass 2^53 units in a total, the savings or the cover. */
function checkBounds(compiled: CompiledBudget, inputs: PlannedInputs, cover: PlannedCover): void {
  let bound = Number(compiled.absoluteSum);
  inputs.slotCells.forEach((cell, s) => (bound += inputs.slotMaxAbs[s]! - Math.abs(compiled.units[cell]!)));
  const SC = cover.sources.length;
  if (!(bound <= MAX_SAFE_UNITS / 2 && inputs.savingsBound <= MAX_SAFE_UNITS / 2 && inputs.coverBound + cover.fullClaims * bound + SC * bound <= MAX_SAFE_UNITS / 2)) {
    throw new MeerjarenError([issue('engine_overflow', ['inputs'], 'the drawn amounts could pass 2^53 units: narrow the distributions')]);
  }
}

/**
 * The outputs of the budget without draws (`stride` values: saldo, structural saldo, each target's total, each
 * savings target's realised savings; the uncovered amount is left 0, the kernel serves the cover).
 */
function baseOutputs(compiled: CompiledBudget, engine: Engine, targets: PlannedTargets, targetCount: number, savings: PlannedSavings, stride: number): Float64Array {
  const Y = compiled.yearCount;
  const base = new Float64Array(stride);
  for (let k = 0; k < savings.targets.length * Y; k++) base[(2 + targetCount) * Y + k] = savings.base[k]!;
  for (let y = 0; y < Y; y++) {
    base[y] = Number(engine.amountUnits('table', 0, y));
    base[Y + y] = Number(engine.structuralUnits('table', 0, y));
  }
  targets.lineTargets.forEach((ts, l) => {
    for (const t of ts) for (let y = 0; y < Y; y++) base[(2 + t) * Y + y]! += Number(engine.amountUnits('line', l, y));
  });
  return base;
}

/** Per slot: the targets and the cover rows its change counts in, flattened with start offsets. */
function slotLookups(
  compiled: CompiledBudget,
  slotCells: readonly number[],
  targets: PlannedTargets,
  cover: PlannedCover,
): Pick<MonteCarloPlan, 'slotTargetStart' | 'slotTargets'> & Pick<CoverProgram, 'slotCoverStart' | 'slotCover'> {
  const Y = compiled.yearCount;
  const slotTargetStart: number[] = [0];
  const slotTargets: number[] = [];
  const slotCoverStart: number[] = [0];
  const slotCover: number[] = [];
  for (const cell of slotCells) {
    const r = Math.floor(cell / Y);
    slotTargets.push(...targets.lineTargets[compiled.rowLine[r]!]!);
    slotTargetStart.push(slotTargets.length);
    slotCover.push(...cover.rowCover[r]!);
    slotCoverStart.push(slotCover.length);
  }
  return {
    slotTargetStart: Int32Array.from(slotTargetStart),
    slotTargets: Int32Array.from(slotTargets),
    slotCoverStart: Int32Array.from(slotCoverStart),
    slotCover: Int32Array.from(slotCover),
  };
}

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
 * @param options - inputs, draws, seed, targets, unit
 * @throws MeerjarenError with every problem: `unknown_reference` (rows, lines, sections,
 *   targets, measures, sources), `year_outside_horizon`, `no_cells`, `duplicate_id`, `missing_field`, distribution
 *   codes (`low_above_high`, `probabilities_not_one`, `negative_sd`, ...) with paths like
 *   `inputs[3].distribution.low`, `invalid_rate` (a measure's rate below 0), `negative_amount` (a capacity below 0),
 *   `unsupported_capacity` (a capacity kind other than per-year or total), `cover_share_uncertain` (an input moves
 *   a row that a `share` claim reads), `too_many_decimals` (also a written amount that is not whole cents in
 *   euros, at its path), `engine_overflow` when draws could pass 2^53 units, and the refusals of a rank
 *   `correlation` at `correlation...` paths (`unknown_reference`, `duplicate_id`, `invalid_value`,
 *   `not_positive_definite`)
 */
export function planMonteCarlo(budget: Budget | CompiledBudget, options: MonteCarloOptions): MonteCarloPlan {
  return buildPlan(budget, options, 0, 'planMonteCarlo');
}

/**
 * `planMonteCarlo` with a least number of unit decimals (so that runs to compare share one unit).
 * @param budget - the budget, or a compiled budget
 * @param options - as `planMonteCarlo`
 * @param minDecimals - the least unit decimals
 * @internal
 */
export function buildPlan(budget: Budget | CompiledBudget, options: MonteCarloOptions, minDecimals: number, fn: string, spec: OptionSpec = MONTE_CARLO_OPTIONS): MonteCarloPlan {
  budget = requireRunBudget(fn, budget);
  const issues = new IssueCollector();
  if (options === undefined || options === null || typeof options !== 'object' || Array.isArray(options)) {
    issues.add('invalid_argument', ['options'], `${fn}: options must be an object with the inputs: { inputs: [...] }`);
    issues.throwIfAny();
  }
  collectOptions(fn, options, spec, issues);
  if (options.inputs === undefined) issues.add('invalid_option', ['options', 'inputs'], `${fn}: the option "inputs" is required`);
  // inputs and targets that are not lists of objects cannot be planned: report what is wrong with the options now
  if (issues.issues.some((i) => i.pathSegments[1] === 'inputs' || i.pathSegments[1] === 'targets' || i.pathSegments.length < 2)) issues.throwIfAny();
  const source: Budget = 'rowOf' in budget ? budget.budget : budget;
  const settings = readSettings(options, source, issues);
  const { draws, rounding, inputs } = settings;

  // the exact amounts of savings and cover, and the unit that holds them all
  const parts = savingsAndCoverOf(source, settings);
  const compiled = compileForPlan(budget, source, decimalsNeeded(source, parts, minDecimals), rounding, issues);
  const Y = compiled.yearCount;
  const dec = compiled.decimals;
  const engine = createEngine(compiled);
  const targets = options.targets ?? [];

  const cover = planCover(compiled, engine, parts.coverSources, parts.coverClaims, parts.coverEval);
  const savings = planSavings(parts.savingsTargets, compiled, settings.net);
  const plannedTargets = planTargets(compiled, targets, settings.unit, issues);
  const planned = planInputs(compiled, inputs, savings, cover, issues);
  const correlation = readCorrelation(options.correlation, inputs, draws, issues);
  issues.throwIfAny();
  checkBounds(compiled, planned, cover);

  const T = targets.length;
  const TS = savings.targets.length;
  const coverActive = settings.wantCover ? 1 : 0;
  const stride = (2 + T + TS + coverActive) * Y;
  if (draws * stride > MAX_RUN_VALUES) {
    fail('invalid_option', ['options', 'draws'], `${fn}: ${draws} draws of ${stride} outcomes each pass the ${MAX_RUN_VALUES} values a run may keep: at most ${Math.floor(MAX_RUN_VALUES / stride)} draws`);
  }
  const { slotCells } = planned;
  const inputKind = Uint8Array.from(inputs, (input) => KIND_CODE[input.kind]);
  const inputStream = Float64Array.from(planned.streams);
  const distributions = inputs.map((input) => input.distribution);
  const seed = options.seed ?? 1;
  const { slotTargetStart, slotTargets, slotCoverStart, slotCover } = slotLookups(compiled, slotCells, plannedTargets, cover);
  const plan: MonteCarloPlan = {
    seed,
    yearCount: Y,
    unitsPerCent: dec >= 2 ? 10 ** (dec - 2) : 1,
    rounding,
    targetCount: T,
    savingsCount: TS,
    coverActive,
    stride,
    base: baseOutputs(compiled, engine, plannedTargets, T, savings, stride),
    slotBase: Float64Array.from(slotCells, (cell) => compiled.units[cell]!),
    slotYear: Int32Array.from(slotCells, (cell) => cell % Y),
    slotStructural: Uint8Array.from(slotCells, (cell) => compiled.rowStructural[Math.floor(cell / Y)]!),
    slotTargetStart,
    slotTargets,
    inputKind,
    inputStream,
    inputSlotStart: Int32Array.from(planned.inputSlotStart),
    inputSlots: Int32Array.from(planned.inputSlots),
    inputExponent: Int32Array.from(planned.inputExponent),
    distributions,
    ...correlationOrder({ seed, inputStream, inputKind, distributions }, correlation, draws),
    msTarget: Int32Array.from(planned.measures.target),
    msYear: Int32Array.from(planned.measures.year),
    msPlanned: Float64Array.from(planned.measures.planned),
    msBase: Float64Array.from(planned.measures.base),
    cover: { ...cover.program, slotCoverStart, slotCover },
    drivers: driverProgramOf(planned.drivers, compiled),
  };
  rememberPlan(plan, {
    compiled,
    draws,
    unit: settings.unit,
    percentiles: options.percentiles ?? [5, 50, 95],
    targets,
    minimum: plannedTargets.minimum,
    inputs,
    savingsTargets: savings.targets,
    savingsPath: savings.path,
    net: settings.net,
  });
  return plan;
}
