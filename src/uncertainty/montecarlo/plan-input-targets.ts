/**
 * The uncertain inputs of a Monte Carlo plan that draw savings and cover rather than budget cells: `measure`
 * (the measure slots of a savings target) and `capacity` (the capacity cells of a cover source).
 * @packageDocumentation
 */
import type { Path } from '../../core/errors.js';
import { ZERO } from '../../core/decimal.js';
import { measureRealised } from '../../evaluate/targets.js';
import type { UncertainInput } from './types.js';
import { unitsOf } from './units.js';
import { drawnUnitsBound, type InputPlanning } from './plan-input-state.js';

/** A `measure` input: the measure slots of its years (default: years with a plan or a realisation). @internal */
export function planMeasureInput(p: InputPlanning, input: UncertainInput, path: Path, yearIndices: number[] | undefined, maxRate: number): void {
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

/** A `capacity` input: the capacity cells of a per-year source in its years, or a total source's one amount. @internal */
export function planCapacityInput(p: InputPlanning, input: UncertainInput, path: Path, yearIndices: number[] | undefined, maxEuros: number): void {
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
