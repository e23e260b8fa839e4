/**
 * The uncertain inputs of a Monte Carlo plan that draw a driver (sturende grootheid): `indicator` (an indicator's
 * value in some years) and `parameter` (a dated parameter's value from a date on). Each sets driver values (keys:
 * a driver in one year) and makes the driven cells that read them slots of the plan, bounded by interval
 * arithmetic over the formula so the plan can prove that draws stay exact.
 * @packageDocumentation
 */
import type { Path } from '../../core/errors.js';
import { ZERO } from '../../core/decimal.js';
import { fraction, fractionOf, type Fraction } from '../../core/fraction.js';
import type { CompiledBudget } from '../../engine/compile.js';
import type { Drivers, Parameter } from '../../model/drivers.js';
import { namesOf, parseExpression, type Expression } from '../../model/driver-expression.js';
import { dayNumber, daysInYear, driverLookup, isPeriodDate, parameterYearFraction, periodDays } from '../../model/driver-values.js';
import type { DriverProgram } from './plan-data.js';
import type { DriverPlanning, InputPlanning } from './plan-input-state.js';
import { drawnSteps, fractionText } from './kernel-drivers.js';
import type { UncertainInput } from './types.js';

const EMPTY: Drivers = { indicators: [], parameters: [], formulas: [] };
const ZERO_FRACTION = fraction(0n, 1n);
const ONE_FRACTION = fraction(1n, 1n);
const toFloat = (f: Fraction): number => Number(f.numerator) / Number(f.denominator);

/** A closed interval of floats, or why the formula has none. */
type Interval = readonly [number, number] | 'missing' | 'division';

/** Widens an interval by a relative `1e-12` of the magnitudes it came from (float rounding). */
function widen(lo: number, hi: number, magnitude: number): readonly [number, number] {
  const slack = magnitude * 1e-12;
  return [lo - slack, hi + slack];
}

/** The interval of an expression's values when each name lies in its interval. */
function intervalOf(e: Expression, look: (name: string) => Interval): Interval {
  switch (e.kind) {
    case 'number': {
      const v = toFloat(e.value);
      return [v, v];
    }
    case 'name':
      return look(e.name);
    case 'row':
      return 'missing';
    case 'negate': {
      const x = intervalOf(e.operand, look);
      return typeof x === 'string' ? x : [-x[1], -x[0]];
    }
    case 'operation': {
      const a = intervalOf(e.left, look);
      if (typeof a === 'string') return a;
      const b = intervalOf(e.right, look);
      if (typeof b === 'string') return b;
      const m = Math.max(Math.abs(a[0]), Math.abs(a[1])) + Math.max(Math.abs(b[0]), Math.abs(b[1]));
      if (e.operator === '+') return widen(a[0] + b[0], a[1] + b[1], m);
      if (e.operator === '-') return widen(a[0] - b[1], a[1] - b[0], m);
      if (e.operator === '/' && b[0] <= 0 && b[1] >= 0) return 'division';
      const q = e.operator === '*' ? [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]] : [a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1]];
      const lo = Math.min(...q);
      const hi = Math.max(...q);
      return widen(lo, hi, Math.max(Math.abs(lo), Math.abs(hi)));
    }
  }
}

/** The formulas of the drivers, parsed, with the names each reads. */
function formulasOf(drivers: Drivers): { row: string; expression: Expression | undefined; names: readonly string[] }[] {
  return drivers.formulas.map((f) => {
    const parsed = parseExpression(f.expression, false);
    return { row: f.row, expression: parsed.ok ? parsed.expression : undefined, names: parsed.ok ? namesOf(parsed.expression) : [] };
  });
}

/** The least and greatest value a spec can draw, from its bounds, with the field of the least; undefined when malformed. */
function specRange(spec: unknown): { low: number; high: number; field: string } | undefined {
  if (spec === null || typeof spec !== 'object') return undefined;
  const s = spec as Record<string, unknown>;
  const num = (x: unknown): number => (typeof x === 'number' || typeof x === 'string' ? Number(x) : Number.NaN);
  switch (s['kind']) {
    case 'fixed':
      return { low: num(s['value']), high: num(s['value']), field: 'value' };
    case 'discrete': {
      if (!Array.isArray(s['choices'])) return undefined;
      const values = s['choices'].map((c: unknown) => num((c as Record<string, unknown> | null)?.['value']));
      return { low: Math.min(...values), high: Math.max(...values), field: 'choices' };
    }
    case 'mixture': {
      if (!Array.isArray(s['components'])) return undefined;
      const ranges = s['components'].map((c: unknown) => specRange((c as Record<string, unknown> | null)?.['distribution']));
      if (ranges.some((r) => r === undefined)) return undefined;
      return { low: Math.min(...ranges.map((r) => r!.low)), high: Math.max(...ranges.map((r) => r!.high)), field: 'components' };
    }
    default:
      return { low: num(s['low']), high: num(s['high']), field: 'low' };
  }
}

/** One value a driver input sets: the key (a driver in a year) and `value = a + b x drawn`. */
interface Entry {
  readonly name: string;
  readonly y: number;
  readonly base: Fraction | undefined;
  readonly a: Fraction;
  readonly b: Fraction;
}

/** The entries of an `indicator` input, and whether the indicator is never negative; undefined after an issue. */
function indicatorEntries(p: InputPlanning, drivers: Drivers, input: UncertainInput, path: Path): { entries: Entry[]; nonNegative: boolean } | undefined {
  const { compiled, issues } = p;
  if (input.indicator === undefined) return void issues.add('missing_field', [...path, 'indicator'], 'an indicator input names its indicator');
  const indicator = drivers.indicators.find((x) => x.id === input.indicator);
  if (indicator === undefined) return void issues.add('unknown_reference', [...path, 'indicator'], `the budget has no indicator "${input.indicator}"`);
  const valueIn = (year: number): Fraction | undefined => (Object.hasOwn(indicator.values, String(year)) ? fractionOf(indicator.values[String(year)]!) : undefined);
  const ys: number[] = [];
  if (input.years === undefined) compiled.years.forEach((year, y) => valueIn(year) !== undefined && ys.push(y));
  else {
    input.years.forEach((year, k) => {
      const y = compiled.yearIndexOf(year);
      if (y < 0) issues.add('year_outside_horizon', [...path, 'years', k], `${String(year)} is outside the horizon`);
      else if (valueIn(year) === undefined) issues.add('invalid_value', [...path, 'years', k], `the indicator "${indicator.id}" has no value in ${year}: an input draws the years it has`);
      else ys.push(y);
    });
  }
  if (ys.length === 0 && input.years === undefined) issues.add('no_cells', [...path, 'indicator'], `the indicator "${indicator.id}" has no value in the horizon`);
  const taken = ys.filter((y) => p.drivers.keyOf.has(`${indicator.id}\u0000${y}`));
  if (taken.length > 0) {
    const at = input.years === undefined ? [...path, 'indicator'] : [...path, 'years'];
    return void issues.add('invalid_value', at, `the indicator "${indicator.id}" in ${taken.map((y) => compiled.years[y]!).join(', ')} is drawn by an input before: one input per indicator and year`);
  }
  const entries = ys.map((y) => ({ name: indicator.id, y, base: valueIn(compiled.years[y]!), a: ZERO_FRACTION, b: ONE_FRACTION }));
  return { entries, nonNegative: Object.values(indicator.values).every((v) => !v.isNegative()) };
}

/** The entries of a `parameter` input (the years in which the value from `from` counts); undefined after an issue. */
function parameterEntries(p: InputPlanning, drivers: Drivers, input: UncertainInput, path: Path): { entries: Entry[]; nonNegative: boolean } | undefined {
  const { compiled, issues } = p;
  if (input.years !== undefined) issues.add('invalid_value', [...path, 'years'], 'a parameter input holds from its date on: leave years out');
  if (input.parameter === undefined) return void issues.add('missing_field', [...path, 'parameter'], 'a parameter input names its dated parameter');
  const parameter = drivers.parameters.find((x) => x.id === input.parameter);
  if (parameter === undefined) return void issues.add('unknown_reference', [...path, 'parameter'], `the budget has no parameter "${input.parameter}"`);
  if (input.from === undefined) return void issues.add('missing_field', [...path, 'from'], 'a parameter input says from which day the drawn value holds (yyyy-mm-dd)');
  if (!isPeriodDate(input.from)) return void issues.add('invalid_value', [...path, 'from'], `from is a date yyyy-mm-dd (1900..2200), not ${String(input.from)}`);
  if (p.drivers.parameters.has(parameter.id)) return void issues.add('invalid_value', [...path, 'parameter'], `the parameter "${parameter.id}" is drawn by an input before: one input per parameter`);
  p.drivers.parameters.add(parameter.id);
  const start = dayNumber(input.from)!;
  const kept = parameter.periods.filter((x) => (dayNumber(x.from) ?? Infinity) < start);
  // the parameter with the drawn period at 0: its year value is the constant part; the drawn period's days the factor
  const drawn: Parameter = { ...parameter, periods: [...kept, { from: input.from, value: ZERO }] };
  const entries: Entry[] = [];
  compiled.years.forEach((year, y) => {
    const days = periodDays(drawn, year).at(-1)!;
    if (days === 0) return;
    const b = parameter.rule === 'per-day' ? fraction(BigInt(days), 1n) : fraction(BigInt(days), BigInt(daysInYear(year)));
    entries.push({ name: parameter.id, y, base: parameterYearFraction(parameter, year), a: parameterYearFraction(drawn, year) ?? ZERO_FRACTION, b });
  });
  if (entries.length === 0) issues.add('no_cells', [...path, 'from'], `from ${input.from} on, the parameter "${parameter.id}" counts in no year of the horizon`);
  return { entries, nonNegative: parameter.periods.every((x) => !x.value.isNegative()) };
}

/** The key of a driver in a year, made on first use. */
function keyFor(d: DriverPlanning, entry: Entry): number {
  const id = `${entry.name}\u0000${entry.y}`;
  let k = d.keyOf.get(id);
  if (k === undefined) {
    k = d.keyBase.length;
    d.keyOf.set(id, k);
    d.keyBase.push(entry.base);
    d.keyYear.push(entry.y);
    const v = entry.base === undefined ? Number.NaN : toFloat(entry.base);
    d.keyLow.push(v);
    d.keyHigh.push(v);
  }
  return k;
}

/**
 * An `indicator` or `parameter` input: its entries, the range of each value it sets, and the driven cells it
 * computes again (slots, bounded over the ranges).
 * @param slotFor - the slot of a budget cell (made on first use)
 * @internal
 */
export function planDriverInput(p: InputPlanning, input: UncertainInput, path: Path, slotFor: (cell: number, row: number) => number): void {
  const { compiled, issues } = p;
  const d = p.drivers;
  const drivers = compiled.budget.drivers ?? EMPTY;
  const planned = input.kind === 'indicator' ? indicatorEntries(p, drivers, input, path) : parameterEntries(p, drivers, input, path);
  if (planned === undefined) return;
  const places = input.places ?? (input.kind === 'indicator' ? 0 : 2);
  const range = specRange(input.distribution);
  if (range === undefined || !Number.isFinite(range.low) || !Number.isFinite(range.high) || !Number.isInteger(places)) return; // reported with the distribution, or by the option checks
  const low = drawnSteps(range.low, places) / 10 ** places;
  const high = drawnSteps(range.high, places) / 10 ** places;
  if (planned.nonNegative && low < 0) {
    issues.add('negative_amount', [...path, 'distribution', range.field], `every value of "${String(input.indicator ?? input.parameter)}" is zero or more: a drawn value is too (it can draw ${low})`);
  }
  const keys = new Set<number>();
  for (const entry of planned.entries) {
    const k = keyFor(d, entry);
    keys.add(k);
    d.entryKey.push(k);
    d.entryA.push(entry.a);
    d.entryB.push(entry.b);
    const a = toFloat(entry.a);
    const b = toFloat(entry.b);
    const lo = a + b * low;
    const hi = a + b * high;
    d.keyLow[k] = Number.isNaN(d.keyLow[k]!) ? lo : Math.min(d.keyLow[k]!, lo);
    d.keyHigh[k] = Number.isNaN(d.keyHigh[k]!) ? hi : Math.max(d.keyHigh[k]!, hi);
  }
  const name = planned.entries[0]?.name;
  if (name === undefined) return;
  const Y = compiled.yearCount;
  const fixed = driverLookup(drivers);
  let cells = 0;
  let divisionReported = false;
  formulasOf(drivers).forEach((formula, f) => {
    const r = compiled.rowOf(formula.row);
    if (formula.expression === undefined || r < 0 || !formula.names.includes(name)) return;
    for (const k of keys) {
      const y = d.keyYear[k]!;
      const id = `${f}\u0000${y}`;
      let c = d.cellOf.get(id);
      if (c === undefined) {
        c = d.cellSlot.length;
        d.cellOf.set(id, c);
        d.cellSlot.push(slotFor(r * Y + y, r));
        d.cellFormula.push(f);
        d.cellYear.push(y);
      }
      d.inputCells.push(c);
      cells += 1;
      const interval = intervalOf(formula.expression, (n) => {
        const key = d.keyOf.get(`${n}\u0000${y}`);
        if (key !== undefined) return Number.isNaN(d.keyLow[key]!) ? 'missing' : [d.keyLow[key]!, d.keyHigh[key]!];
        const v = fixed.value(n, compiled.years[y]!);
        return v === undefined ? 'missing' : [toFloat(v), toFloat(v)];
      });
      if (interval === 'division') {
        if (!divisionReported) issues.add('division_by_zero', [...path, 'distribution'], `the formula of ${formula.row} divides by a value this input can make zero in ${compiled.years[y]!}`);
        divisionReported = true;
        continue;
      }
      const slot = d.cellSlot[c]!;
      const euros = interval === 'missing' ? 0 : Math.max(Math.abs(interval[0]), Math.abs(interval[1]));
      p.slotMaxAbs[slot] = Math.max(p.slotMaxAbs[slot]!, euros * 10 ** compiled.decimals * (1 + 1e-9) + p.unitsPerCent + 1);
    }
  });
  if (cells === 0) issues.add('no_cells', [...path, input.kind], `no driven row of the budget follows "${name}" in the input's years`);
}

/**
 * The driver program of the plan: the driven cells with the names they read (a key, or the fixed value in their
 * year) and every input's entries, written as plain data.
 * @internal
 */
export function driverProgramOf(d: DriverPlanning, compiled: CompiledBudget): DriverProgram {
  const drivers = compiled.budget.drivers ?? EMPTY;
  const active = d.cellSlot.length > 0;
  const formulas = active ? formulasOf(drivers) : [];
  const fixed = driverLookup(drivers);
  const cellNameStart: number[] = [0];
  const cellNames: string[] = [];
  const cellNameKey: number[] = [];
  const cellNameFixed: string[] = [];
  d.cellSlot.forEach((_, c) => {
    const y = d.cellYear[c]!;
    for (const name of formulas[d.cellFormula[c]!]!.names) {
      cellNames.push(name);
      cellNameKey.push(d.keyOf.get(`${name}\u0000${y}`) ?? -1);
      cellNameFixed.push(fractionText(fixed.value(name, compiled.years[y]!)));
    }
    cellNameStart.push(cellNames.length);
  });
  return {
    expressions: active ? drivers.formulas.map((f) => f.expression) : [],
    cellSlot: Int32Array.from(d.cellSlot),
    cellExpression: Int32Array.from(d.cellFormula),
    cellNameStart: Int32Array.from(cellNameStart),
    cellNames,
    cellNameKey: Int32Array.from(cellNameKey),
    cellNameFixed,
    keyBase: d.keyBase.map(fractionText),
    entryStart: Int32Array.from(d.entryStart),
    entryKey: Int32Array.from(d.entryKey),
    entryA: d.entryA.map(fractionText),
    entryB: d.entryB.map(fractionText),
    inputCellStart: Int32Array.from(d.inputCellStart),
    inputCells: Int32Array.from(d.inputCells),
    inputPlaces: Int32Array.from(d.inputPlaces),
  };
}
