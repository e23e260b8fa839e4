/**
 * The uncertain inputs of a Monte Carlo plan (onzekere invoer): checks each input and finds what it changes —
 * budget cells (slots) for `amount`, `realisation` and `indexation`, measure slots for `measure`, capacity cells
 * for `capacity` — with a bound of every drawn value, so the plan can prove that draws stay exact.
 * @packageDocumentation
 */
import { MeerjarenError, type IssueCollector, type Path } from '../../core/errors.js';
import { FILLED, PM_FLAG, type CompiledBudget } from '../../engine/compile.js';
import { compileSpec, type DistributionSpec } from '../distribution.js';
import { KIND_CODE } from './plan-data.js';
import { streamOf } from './stream.js';
import type { UncertainInput, UncertainKind } from './types.js';
import type { PlannedCover } from './plan-cover.js';
import type { PlannedSavings } from './plan-savings.js';
import { closeDriverInput, drawnUnitsBound, newDriverPlanning, type InputPlanning, type PlannedInputs } from './plan-input-state.js';
import { planCapacityInput, planMeasureInput } from './plan-input-targets.js';
import { planDriverInput } from './plan-input-drivers.js';

export type { MeasureSlots, PlannedInputs } from './plan-input-state.js';

/** Largest absolute value a spec can draw (euros or rate), from its bounds; 0 for a malformed spec (reported by `compileDistribution`). */
function specMaxAbs(spec: DistributionSpec): number {
  const abs = (x: string | number | undefined): number => (x === undefined ? 0 : Math.abs(Number(x)));
  if (spec === null || typeof spec !== 'object') return 0;
  switch (spec.kind) {
    case 'fixed':
      return abs(spec.value);
    case 'discrete':
      return Array.isArray(spec.choices) ? Math.max(0, ...spec.choices.map((c) => abs(c?.value))) : 0;
    case 'mixture':
      return Array.isArray(spec.components) ? Math.max(0, ...spec.components.map((c) => specMaxAbs(c?.distribution))) : 0;
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
    case 'mixture': {
      if (!Array.isArray(spec.components)) return undefined;
      const lowest = spec.components.map((c) => specMin(c?.distribution)?.value ?? Number.NaN);
      return { value: Math.min(...lowest), field: 'components' };
    }
    default:
      return { value: num(spec.low), field: 'low' };
  }
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
    [...path, input.kind === 'indicator' || input.kind === 'parameter' ? input.kind : input.rows?.includes(compiled.rowIds[r]!) === true ? 'rows' : 'lines'],
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
    issues.add('invalid_value', [...path, 'kind'], `kind must be amount, realisation, indexation, measure, capacity, indicator or parameter, not ${String(input.kind)}`);
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
  if (input.kind === 'indicator' || input.kind === 'parameter') {
    let shareReported = false;
    planDriverInput(p, input, path, (cell, r) => {
      const slot = p.slotOfCell.get(cell);
      if (slot !== undefined) return slot;
      if (!shareReported) shareReported = reportShareClaim(p, input, path, r);
      return newSlot(p, cell);
    });
    return;
  }
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
    drivers: newDriverPlanning(),
  };
  inputs.forEach((input, j) => {
    planInput(p, input, j);
    p.inputSlotStart.push(p.inputSlots.length);
    closeDriverInput(p.drivers, input.places ?? (input.kind === 'parameter' ? 2 : 0));
  });
  return p;
}
