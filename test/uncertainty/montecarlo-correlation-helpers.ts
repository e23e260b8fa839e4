/**
 * Helpers of the rank correlation tests: a budget with one line per input, the per-draw totals of those lines, and
 * Spearman's rank correlation.
 */
import { budget, type Budget } from '../../src/index.js';
import { createKernel, planMonteCarlo, type MonteCarloOptions, type UncertainInput } from '../../src/uncertainty/index.js';

/** A budget in euros with lines `l0 .. l{n-1}` (each 1000 in 2026 and 2027) and a fixed line `z`. */
export function linesBudget(n: number): Budget {
  let b = budget({ title: 'correlation', unit: 'euro', horizon: { from: 2026, to: 2027 } }).section('1', 'S');
  for (let i = 0; i < n; i++) b = b.line(`l${i}`, `line ${i}`, [1000, 1000], { nature: 'structural' });
  return b.line('z', 'z', [5, 5], { nature: 'incidental' }).build();
}

/** An `amount` input on line `l{i}` in 2026 and 2027. */
export function amountInput(i: number, distribution: UncertainInput['distribution'], extra: Partial<UncertainInput> = {}): UncertainInput {
  return { id: `x${i}`, kind: 'amount', rows: [`l${i}`], distribution, ...extra };
}

/**
 * The per-draw total in 2026 of each line `l0 .. l{n-1}` (in whole cents), with one target per line: column `i`
 * of the result holds line `l{i}`'s total of every draw, in draw order.
 */
export function lineColumns(b: Budget, n: number, options: MonteCarloOptions): Float64Array[] {
  const targets = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, lines: [`l${i}`] }));
  const plan = planMonteCarlo(b, { ...options, targets });
  const draws = options.draws ?? 10_000;
  const raw = new Float64Array(draws * plan.stride);
  createKernel(plan).run(0, draws, raw);
  const Y = plan.yearCount;
  return Array.from({ length: n }, (_, i) => Float64Array.from({ length: draws }, (_, d) => raw[d * plan.stride + (2 + i) * Y]!));
}

/** Ranks 1..n, ties given their mean rank. */
function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((u, v) => values[u]! - values[v]!);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    for (let m = i; m <= j; m++) r[order[m]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation of two columns: Pearson's correlation of their ranks. */
export function spearman(a: Float64Array, b: Float64Array): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const mean = (n + 1) / 2;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (ra[i]! - mean) * (rb[i]! - mean);
    va += (ra[i]! - mean) ** 2;
    vb += (rb[i]! - mean) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

/** The values of a column, ascending (for comparing multisets). */
export function sorted(column: Float64Array): Float64Array {
  return Float64Array.from(column).sort();
}
