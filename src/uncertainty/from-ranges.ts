import { plainString } from '../core/decimal.js';
import type { EstimateRangeResult } from '../scenario/engine.js';
import type { UncertainInput } from './montecarlo.js';
import { anything, arrayOf, decimal, integer, object, oneOf, readOptions, requireArgument, requireArray, text } from '../core/guard.js';

/** One range of `ScenarioResult.ranges`. */
const RANGE = object({
  row: text({ nonEmpty: true }),
  line: text({ nonEmpty: true }),
  year: integer(),
  low: decimal,
  likely: decimal,
  high: decimal,
  scenario: text(),
  change: integer({ min: 0 }),
});

/** Options of {@link inputsFromRanges}. @category Uncertainty */
export interface InputsFromRangesOptions {
  /**
   * The distribution put on each range: triangular (low, likely, high) or PERT (the same points, less weight on the ends).
   * @defaultValue 'triangular'
   */
  readonly distribution?: 'triangular' | 'pert';
}

/**
 * Turns the ranges a scenario gave its pm estimates (`applyScenario(...).ranges`: `estimate-pm` with low, likely, high)
 * into uncertain inputs for `monteCarlo` (onzekere invoer uit bandbreedtes).
 *
 * @remarks
 * One input per change and row: the years of one estimate draw the same number (a post that is high in 2027 is high in
 * every year), so its years are perfectly correlated; different rows and changes draw independently. Its id is
 * `<scenario>/<change>/<row>`. Run the Monte Carlo on the scenario's budget, whose cells hold the likely values.
 * A scenario's ranges are amounts in euros (whatever unit the scenario was written in), so each input declares
 * `unit: 'euro'`: it draws the same money in a run of any unit.
 * @param ranges - the ranges of a scenario result
 * @param options - the distribution to use
 * @example
 * ```ts
 * import { budget, pm, loadScenario, applyScenario, inputsFromRanges, monteCarlo } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const scenario = loadScenario({ id: 'pm', title: 'Ramingen pm', changes: [
 *   { kind: 'estimate-pm', line: '1.4', value: { low: '-1500', likely: '-1100', high: '-600' } }, // x € 1.000
 * ] }, { budget: tb1 });
 * const result = applyScenario(tb1, scenario);
 * const inputs = inputsFromRanges(result.ranges); // one triangular input, unit 'euro': -1500000 .. -600000
 * const run = monteCarlo(result.budget, { inputs, draws: 1000, seed: 1 }); // run.unit 'thousand': the results x € 1.000
 * ```
 * @category Uncertainty
 */
export function inputsFromRanges(ranges: readonly EstimateRangeResult[], options: InputsFromRangesOptions = {}): UncertainInput[] {
  requireArray('inputsFromRanges', 'ranges', ranges, 'the ranges of a scenario result (ScenarioResult.ranges)');
  requireArgument('inputsFromRanges', 'ranges', ranges, arrayOf(RANGE));
  ranges.forEach((range, i) => {
    for (const key of ['row', 'year', 'low', 'likely', 'high', 'scenario', 'change'] as const) {
      if (range[key] === undefined) requireArgument('inputsFromRanges', `ranges[${i}].${key}`, undefined, anything);
    }
  });
  options = readOptions('inputsFromRanges', options, { distribution: oneOf(['triangular', 'pert']) });
  const kind = options.distribution ?? 'triangular';
  const groups = new Map<string, { range: EstimateRangeResult; years: number[] }>();
  for (const range of ranges) {
    const key = `${range.scenario}/${range.change}/${range.row}/${range.low.toFixed()}/${range.likely.toFixed()}/${range.high.toFixed()}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { range, years: [range.year] });
    else group.years.push(range.year);
  }
  const seen = new Map<string, number>();
  return [...groups.values()].map(({ range, years }) => {
    const base = `${range.scenario}/${range.change}/${range.row}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      id: n === 1 ? base : `${base}/${n}`,
      label: `pm ${range.row}`,
      kind: 'amount',
      rows: [range.row],
      years: [...years].sort((a, b) => a - b),
      unit: 'euro',
      distribution: { kind, low: plainString(range.low), likely: plainString(range.likely), high: plainString(range.high) },
    };
  });
}
