/**
 * A Monte Carlo run on one thread (Monte Carlo-simulatie): plan, draw, summarise.
 * @packageDocumentation
 */
import type { Budget } from '../../budget/model.js';
import type { CompiledBudget } from '../../engine/compile.js';
import { createKernel } from './kernel.js';
import { planMeta } from './plan-data.js';
import { buildPlan } from './plan.js';
import { summariseRun } from './summary.js';
import type { MonteCarloOptions, MonteCarloResult } from './types.js';

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
  const plan = buildPlan(budget, options, 0, 'monteCarlo');
  const draws = planMeta(plan).draws;
  const raw = new Float64Array(draws * plan.stride);
  createKernel(plan).run(0, draws, raw);
  return summariseRun(plan, raw);
}
