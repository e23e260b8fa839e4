/**
 * A Monte Carlo run on one thread (Monte Carlo-simulatie): plan, draw, summarise.
 * @packageDocumentation
 */
import type { Budget } from '../../model/budget.js';
import type { CompiledBudget } from '../../engine/compile.js';
import { createKernel } from './kernel.js';
import { planMeta } from './plan-data.js';
import { MONTE_CARLO_OPTIONS, buildPlan } from './plan.js';
import { integer, type OptionSpec } from '../../core/guard.js';
import { summariseRun } from './summary.js';
import type { MonteCarloOptions, MonteCarloResult } from './types.js';

/**
 * The checks of {@link monteCarlo}'s options: those of every run, and the thread options of `monteCarloAsync`
 * (`workers`, `parallelThreshold`), so that one options object serves both; one thread checks and ignores them.
 */
const ONE_THREAD_OPTIONS: OptionSpec = {
  ...MONTE_CARLO_OPTIONS,
  workers: integer({ min: 1, max: 64 }),
  parallelThreshold: integer({ min: 0 }),
};

/**
 * Runs a Monte Carlo simulation on one thread (Monte Carlo-simulatie).
 *
 * @param budget - the budget, or a compiled budget
 * @param options - inputs, draws, seed, percentiles, targets, rounding, unit (`workers` and `parallelThreshold` of
 *   `monteCarloAsync` are checked and ignored)
 * @returns a frozen {@link MonteCarloResult}
 * @throws MeerjarenError with every problem of the budget and the options at once, each with its path
 *   (`inputs[0].distribution.low`): an unknown row, measure or source, a wrong distribution, zero draws
 * @example
 * ```ts
 * import { budget, pm, monteCarlo } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const result = monteCarlo(tb1, { seed: 2026, draws: 1000, inputs: [
 *   { id: '1.4', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' } }, // x € 1.000
 * ] });
 * result.unit; // 'thousand': the budget's own unit, for the amounts written and the results
 * result.saldo['2027']!.percentiles['p5']!.toFixed(); // "-1742.35381": exact (x € 1.000), the same on every machine
 * ```
 * @category Uncertainty
 */
export function monteCarlo(budget: Budget | CompiledBudget, options: MonteCarloOptions): MonteCarloResult {
  const plan = buildPlan(budget, options, 0, 'monteCarlo', ONE_THREAD_OPTIONS);
  const draws = planMeta(plan).draws;
  const raw = new Float64Array(draws * plan.stride);
  createKernel(plan).run(0, draws, raw);
  return summariseRun(plan, raw);
}
