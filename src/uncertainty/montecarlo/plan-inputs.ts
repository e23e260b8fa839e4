/**
 * The uncertain inputs of a Monte Carlo plan (onzekere invoer): checks each input and finds what it changes —
 * budget cells (slots) for `amount`, `realisation` and `indexation`, measure slots for `measure`, capacity cells
 * for `capacity` — with a bound of every drawn value, so the plan can prove that draws stay exact.
 * @packageDocumentation
 */
import { MeerjarenError, type IssueCollector, type Path } from '../../core/errors.js';
import { ZERO } from '../../core/decimal.js';
import { measureRealised } from '../../evaluate/targets.js';
import { FILLED, PM_FLAG, type CompiledBudget } from '../../engine/compile.js';
import { compileSpec, type DistributionSpec } from '../distribution.js';
import { KIND_CODE } from './plan-data.js';
import type { PlannedCover } from './plan-cover.js';
import type { PlannedSavings } from './plan-savings.js';
import { streamOf } from './stream.js';
import type { UncertainInput, UncertainKind } from './types.js';
import { unitsOf } from './units.js';

/** The measure slots (one per measure and year drawn), filled by `measure` inputs. @internal */
export interface MeasureSlots {
  /** Savings target index of each slot. */
  readonly target: readonly number[];
  /** Year index of each slot. */
  readonly year: readonly number[];
  /** Planned units of each slot. */
  readonly planned: readonly number[];
  /** Realised units without draws of each slot. */
  readonly base: readonly number[];
}

/** What planning the inputs found, in input order. @internal */
export interface PlannedInputs {
  /** The budget cell (`row * Y + year`) of each slot. */
  readonly slotCells: readonly number[];
  /** Bound of each slot's value in units, after every input. */
  readonly slotMaxAbs: readonly number[];
  /** Per input: the start of its entries in `inputSlots` (one more entry than inputs). */
  readonly inputSlotStart: readonly number[];
  /** Flattened slots (measure slots for `measure` inputs, capacity cells for `capacity` inputs). */
  readonly inputSlots: readonly number[];
  /** Exponent per entry of `inputSlots`. */
  readonly inputExponent: readonly number[];
  /** Per input: its random stream. */
  readonly streams: readonly number[];
  /** The measure slots. */
  readonly measures: MeasureSlots;
  /** The savings bound (`PlannedSavings.bound`) plus what the measure inputs can draw, in units. */
  readonly savingsBound: number;
  /** The cover bound (`PlannedCover.bound`) plus what the capacity inputs can draw, in units. */
  readonly coverBound: number;
}

/** The state of planning the inputs: what is read, and what the inputs fill in order. */
interface InputPlanning {
  readonly compiled: CompiledBudget;
  readonly issues: IssueCollector;
  readonly unitsPerCent: number;
  readonly savings: PlannedSavings;
  readonly cover: PlannedCover;
  readonly ids: Set<string>;
  readonly slotOfCell: Map<number, number>;
  readonly slotCells: number[];
  readonly slotMaxAbs: number[];
  readonly inputSlotStart: number[];
  readonly inputSlots: number[];
  readonly inputExponent: number[];
  readonly streams: number[];
  readonly measureOf: Map<string, number>;
  readonly measures: { target: number[]; year: number[]; planned: number[]; base: number[] };
  savingsBound: number;
  coverBound: number;
}

/** Largest absolute value a spec can draw (euros or rate), from its bounds; 0 for a malformed spec (reported by `compileDistribution`). */
function specMaxAbs(spec: DistributionSpec): number {
  const abs = (x: string | number | undefined): number => (x === undefined ? 0 : Math.abs(Number(x)));
  if (spec === null || typeof spec !== 'object') return 0;
  switch (spec.kind) {
    case 'fixed':
      return abs(spec.value);
    case 'discrete':
      return Array.isArray(spec.choices) ? Math.max(0, ...spec.choices.map((c) => abs(c?.value))) : 0;
    default:
      return Math.max(abs(spec.low), abs(spec.high));
  }
}

/** Smallest value a spec can draw, from its bounds, and the field that gives it; undefined when malformed. */
function specMin(spec: DistributionSpec): { value: number; field: string } | undefined {
  const num = (x: unknown): number => (typeof x === 'number' || typeof x === 'string' ? Number(x) : Number.NaN);
  if (spec === null || typeof spec !== 'object') return undefined;
  switch (spec.kind) {
    case 'fixed':
      return { value: num(spec.value), field: 'value' };
    case 'discrete':
      return Array.isArray(spec.choices) ? { value: Math.min(...spec.choices.map((c) => num(c?.value))), field: 'choices' } : undefined;
    default:
      return { value: num(spec.low), field: 'low' };
  }
}

/** Bound in units of an amount drawn in euros up to `maxEuros` (whole cents, plus one for safety). */
function drawnUnitsBound(maxEuros: number, unitsPerCent: number): number {
  return maxEuros * 100 * unitsPerCent + 1;
}

/** The year indices of an input's `years` (undefined when it names none); `year_outside_horizon` for the others. */
function yearIndicesOf(p: InputPlanning, input: UncertainInput, path: Path): number[] | undefined {
  if (input.years === undefined) return undefined;
  const yearIndices: number[] = [];
  input.years.forEach((year, k) => {
    const y = p.compiled.yearIndexOf(year);
    if (y < 0) p.issues.add('year_outside_horizon', [...path, 'years', k], `${String(year)} is outside the horizon`);
    else yearIndices.push(y);
  });
  return yearIndices;
}

/** A `measure` input: the measure slots of its years (default: years with a plan or a realisation). */
function planMeasureInput(p: InputPlanning, input: UncertainInput, path: Path, yearIndices: number[] | undefined, maxRate: number): void {
  const { issues, savings } = p;
  const years = p.compiled.years;
  const dec = p.compiled.decimals;
  if (input.target === undefined) return issues.add('missing_field', [...path, 'target'], 'a measure input names its savings target');
  if (input.measure === undefined) return issues.add('missing_field', [...path, 'measure'], 'a measure input names its measure');
  const ti = savings.index.get(input.target);
  if (ti === undefined) return issues.add('unknown_reference', [...path, 'target'], `no savings target "${input.target}"`);
  const m = savings.targets[ti]!.measures[input.measure];
  if (m === undefined || !Object.hasOwn(savings.targets[ti]!.measures, input.measure)) return issues.add('unknown_reference', [...path, 'measure'], `no measure "${input.measure}" in "${input.target}"`);
  const ys = yearIndices ?? years.flatMap((year, y) => (m.planned[String(year)] !== undefined || !measureRealised(m, year).isZero() ? [y] : []));
  for (const y of ys) {
    const key = `${ti}\u0000${input.measure}\u0000${y}`;
    let ms = p.measureOf.get(key);
    if (ms === undefined) {
      ms = p.measures.target.length;
      p.measureOf.set(key, ms);
      p.measures.target.push(ti);
      p.measures.year.push(y);
      p.measures.planned.push(unitsOf(m.planned[String(years[y]!)] ?? ZERO, dec));
      p.measures.base.push(unitsOf(measureRealised(m, years[y]!), dec));
    }
    p.inputSlots.push(ms);
    p.inputExponent.push(1);
    p.savingsBound += Math.abs(p.measures.planned[ms]!) * maxRate + 1;
  }
  if (ys.length === 0) issues.add('no_cells', [...path, input.years !== undefined ? 'years' : 'measure'], `input "${input.id}" changes no year`);
}

/** A `capacity` input: the capacity cells of a per-year source in its years, or a total source's one amount. */
function planCapacityInput(p: InputPlanning, input: UncertainInput, path: Path, yearIndices: number[] | undefined, maxEuros: number): void {
  const { issues, cover } = p;
  const Y = p.compiled.yearCount;
  const years = p.compiled.years;
  if (input.source === undefined) return issues.add('missing_field', [...path, 'source'], 'a capacity input names its cover source');
  const s = cover.sourceIndex.get(input.source);
  if (s === undefined) return issues.add('unknown_reference', [...path, 'source'], `no cover source "${input.source}"`);
  const cap = cover.sources[s]!.capacity;
  const drawn = drawnUnitsBound(maxEuros, p.unitsPerCent);
  if (cap.kind === 'total') {
    if (yearIndices !== undefined) issues.add('invalid_value', [...path, 'years'], 'a total capacity is one amount for all years: leave years out');
    p.inputSlots.push(s * (Y + 1) + Y);
    p.inputExponent.push(1);
    p.coverBound += drawn;
  } else if (cap.kind === 'per-year') {
    const withValue = years.flatMap((year, y) => (cap.values[String(year)] !== undefined ? [y] : []));
    const ys = yearIndices ?? (withValue.length > 0 ? withValue : years.map((_, y) => y));
    for (const y of ys) {
      p.inputSlots.push(s * (Y + 1) + y);
      p.inputExponent.push(1);
      p.coverBound += drawn;
    }
    if (ys.length === 0) issues.add('no_cells', [...path, 'years'], `input "${input.id}" changes no year`);
  } else {
    issues.add('unsupported_capacity', [...path, 'source'], `the capacity of "${input.source}" is of kind ${cap.kind}: only per-year and total capacities can be drawn`);
  }
}

/** The rows of a cell input: its `rows`, then every row of its `lines`; `unknown_reference` for the others. */
function rowsOf(p: InputPlanning, input: UncertainInput, path: Path): number[] {
  const { compiled, issues } = p;
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
  return rows;
}

/**
 * The default years of a cell input on row `r`: for `amount`, the years in which it is pm (or, when it has none,
 * the years with an amount); for `realisation`, the years with an amount; for `indexation`, the years after `baseYear`.
 */
function defaultYears(compiled: CompiledBudget, kind: UncertainKind, r: number, baseYear: number): number[] {
  const Y = compiled.yearCount;
  const flag = (y: number): number => compiled.flags[r * Y + y]!;
  const all = Array.from({ length: Y }, (_, y) => y);
  if (kind === 'amount') {
    const pm = all.filter((y) => flag(y) === (FILLED | PM_FLAG));
    return pm.length > 0 ? pm : all.filter((y) => flag(y) === FILLED);
  }
  if (kind === 'realisation') return all.filter((y) => flag(y) === FILLED);
  return all.filter((y) => compiled.years[y]! > baseYear);
}

/** A new slot for a budget cell, bounded by the cell's own amount. */
function newSlot(p: InputPlanning, cell: number): number {
  const slot = p.slotCells.length;
  p.slotOfCell.set(cell, slot);
  p.slotCells.push(cell);
  p.slotMaxAbs.push(Math.abs(p.compiled.units[cell]!));
  return slot;
}

/** Reports `cover_share_uncertain` when a share claim reads row `r`; whether it did. */
function reportShareClaim(p: InputPlanning, input: UncertainInput, path: Path, r: number): boolean {
  const { compiled, cover } = p;
  const cr = cover.rowCover[r]!.find((row) => cover.shareRows.has(row));
  if (cr === undefined) return false;
  p.issues.add(
    'cover_share_uncertain',
    [...path, input.rows?.includes(compiled.rowIds[r]!) === true ? 'rows' : 'lines'],
    `a share claim reads "${cover.rowIds[cr]!}", which this input moves: a share of an uncertain cost is not exact in whole units`,
  );
  return true;
}

/** An `amount`, `realisation` or `indexation` input: the budget cells of its rows in its years. */
function planCellInput(p: InputPlanning, input: UncertainInput, path: Path): void {
  const { compiled, issues } = p;
  const Y = compiled.yearCount;
  const years = compiled.years;
  const rows = rowsOf(p, input, path);
  if ((input.rows ?? []).length + (input.lines ?? []).length === 0) issues.add('missing_field', [...path, 'rows'], 'an input needs rows or lines');
  const yearIndices = yearIndicesOf(p, input, path);
  const baseYear = input.baseYear ?? years[0]!;
  if (input.kind === 'indexation' && !Number.isInteger(baseYear)) issues.add('invalid_value', [...path, 'baseYear'], 'baseYear must be a year');
  const before = p.inputSlots.length;
  let shareReported = false;
  for (const r of rows) {
    for (const y of yearIndices ?? defaultYears(compiled, input.kind, r, baseYear)) {
      const cell = r * Y + y;
      let slot = p.slotOfCell.get(cell);
      if (slot === undefined) {
        slot = newSlot(p, cell);
        if (!shareReported) shareReported = reportShareClaim(p, input, path, r);
      }
      const exponent = input.kind === 'indexation' ? Math.max(0, years[y]! - baseYear) : 1;
      p.inputSlots.push(slot);
      p.inputExponent.push(exponent);
      const m = specMaxAbs(input.distribution);
      p.slotMaxAbs[slot] =
        input.kind === 'amount' ? drawnUnitsBound(m, p.unitsPerCent) : p.slotMaxAbs[slot]! * (input.kind === 'realisation' ? m : (1 + m) ** exponent) + 1;
    }
  }
  if (p.inputSlots.length === before && rows.length > 0) issues.add('no_cells', [...path, input.years !== undefined ? 'years' : 'rows'], `input "${input.id}" changes no cell`);
}

/** One input: its id, kind and distribution, its random stream, then what it changes by kind. */
function planInput(p: InputPlanning, input: UncertainInput, j: number): void {
  const { issues } = p;
  const path: Path = ['inputs', j];
  if (typeof input.id !== 'string' || input.id === '') issues.add('missing_field', [...path, 'id'], 'an input needs an id');
  else if (p.ids.has(input.id)) issues.add('duplicate_id', [...path, 'id'], `input id "${input.id}" is used twice`);
  p.ids.add(input.id);
  if (!(input.kind in KIND_CODE)) {
    issues.add('invalid_value', [...path, 'kind'], `kind must be amount, realisation, indexation, measure or capacity, not ${String(input.kind)}`);
    p.streams.push(0);
    return;
  }
  try {
    compileSpec(input.distribution, { unit: input.kind === 'amount' || input.kind === 'capacity' ? 'euro' : 'rate', path: [...path, 'distribution'] });
  } catch (error) {
    if (MeerjarenError.is(error)) issues.addAll(error.issues);
    else throw error;
  }
  p.streams.push(streamOf(input.group !== undefined ? `group:${input.group}` : `input:${input.id}`));
  if (input.kind === 'measure' || input.kind === 'capacity') {
    const lowest = specMin(input.distribution);
    if (lowest !== undefined && lowest.value < 0) {
      if (input.kind === 'measure') issues.add('invalid_rate', [...path, 'distribution', lowest.field], 'a realisation rate is zero or more');
      else issues.add('negative_amount', [...path, 'distribution', lowest.field], 'a capacity is zero or more');
    }
    const yearIndices = yearIndicesOf(p, input, path);
    const m = specMaxAbs(input.distribution);
    if (input.kind === 'measure') planMeasureInput(p, input, path, yearIndices, m);
    else planCapacityInput(p, input, path, yearIndices, m);
    return;
  }
  planCellInput(p, input, path);
}

/**
 * Plans every input in order (all problems go to `issues`).
 * @param compiled - the budget in the plan's units
 * @param inputs - the inputs
 * @param savings - the savings targets reported
 * @param cover - the cover program
 * @param issues - where problems go
 * @internal
 */
export function planInputs(
  compiled: CompiledBudget,
  inputs: readonly UncertainInput[],
  savings: PlannedSavings,
  cover: PlannedCover,
  issues: IssueCollector,
): PlannedInputs {
  const dec = compiled.decimals;
  const p: InputPlanning = {
    compiled,
    issues,
    unitsPerCent: dec >= 2 ? 10 ** (dec - 2) : 1,
    savings,
    cover,
    ids: new Set<string>(),
    slotOfCell: new Map<number, number>(),
    slotCells: [],
    slotMaxAbs: [],
    inputSlotStart: [0],
    inputSlots: [],
    inputExponent: [],
    streams: [],
    measureOf: new Map<string, number>(),
    measures: { target: [], year: [], planned: [], base: [] },
    savingsBound: savings.bound,
    coverBound: cover.bound,
  };
  inputs.forEach((input, j) => {
    planInput(p, input, j);
    p.inputSlotStart.push(p.inputSlots.length);
  });
  return p;
}
