/**
 * The rank correlation of a Monte Carlo plan (rangcorrelatie): the `correlation` option checked against the run's
 * inputs, and the order of the correlated inputs' draws, computed once on the calling thread.
 *
 * @remarks
 * **Design.** Draw `d` of input `j` is drawn from its own random stream, `randomForDraw(seed, d, stream)`. A
 * correlated input at draw `d` is drawn from the stream of another draw, `drawOrder[c * draws + d]`: the
 * permutation that Iman-Conover (`rank-correlation.ts`) finds for its column `c`. The plan computes those
 * permutations here from the seed and the number of draws (drawing every draw of the correlated inputs once), and
 * carries them as plain data: the kernel on the calling thread and on every worker then reads the same order, so
 * the result is the same on any number of threads, and each input's values are exactly those of the run without
 * correlation, in another order. A group shares one stream, so every input of a correlated input's group reads
 * the same permutation and the group stays perfectly correlated.
 * @packageDocumentation
 */
import type { IssueCollector } from '../../core/errors.js';
import { compileSpec } from '../distribution.js';
import { createDrawStreams, type Seed } from '../random.js';
import type { DistributionSpec } from '../distribution.js';
import { choleskyFactor, imanConoverOrder, scoreCorrelation } from './rank-correlation.js';
import { MAX_CORRELATED_INPUTS, MAX_RUN_VALUES } from './plan-options.js';
import type { RankCorrelation, UncertainInput } from './types.js';

/** A rank correlation read against the run's inputs. @internal */
export interface ReadCorrelation {
  /** The index in the run's inputs of each correlated input, in the matrix's order. */
  readonly inputs: readonly number[];
  /** The target rank correlations. */
  readonly matrix: readonly (readonly number[])[];
}

/** The order of the correlated inputs' draws, as the plan carries it. @internal */
export interface CorrelationOrder {
  /** Per input: the column of its order in `drawOrder`, or -1 for an input drawn in draw order. */
  readonly inputOrder: Int32Array;
  /** Per column `c` and draw `d`, at `c * orderDraws + d`: the draw whose random stream the input draws from. */
  readonly drawOrder: Int32Array;
  /** The draws each column has (the run's draws, or 0 without correlation). */
  readonly orderDraws: number;
}

/** Whether a matrix is the identity. */
function isIdentity(matrix: readonly (readonly number[])[]): boolean {
  return matrix.every((row, i) => row.every((x, j) => x === (i === j ? 1 : 0)));
}

/** The correlated inputs: known ids, each once, at most one of a group; `undefined` entries for refused ones. */
function readInputs(ids: readonly unknown[], inputs: readonly UncertainInput[], issues: IssueCollector): (number | undefined)[] {
  const seen = new Map<string, number>();
  const groups = new Map<string, number>();
  return ids.map((id, k) => {
    if (typeof id !== 'string') return undefined; // refused by the shape check
    const path = ['correlation', 'inputs', k];
    const j = inputs.findIndex((input) => input.id === id);
    if (j < 0) {
      issues.add('unknown_reference', path, `no input "${id}" in this run`);
      return undefined;
    }
    if (seen.has(id)) {
      issues.add('duplicate_id', path, `input "${id}" is named twice (first at correlation.inputs[${seen.get(id)!}])`);
      return undefined;
    }
    seen.set(id, k);
    const group = inputs[j]!.group;
    if (group !== undefined) {
      if (groups.has(group)) {
        issues.add('invalid_value', path, `input "${id}" is in group "${group}" with correlation.inputs[${groups.get(group)!}]: a group is perfectly correlated already; name one of its inputs`);
        return undefined;
      }
      groups.set(group, k);
    }
    return j;
  });
}

/** The matrix: `k` rows of `k` numbers, symmetric, a unit diagonal; whether it passed. */
function checkMatrix(matrix: readonly unknown[], k: number, issues: IssueCollector): matrix is readonly (readonly number[])[] {
  if (matrix.length !== k) {
    issues.add('invalid_value', ['correlation', 'matrix'], `the matrix has ${matrix.length} rows for ${k} inputs: one row per input`);
    return false;
  }
  let ok = true;
  matrix.forEach((row, i) => {
    if (!Array.isArray(row)) ok = false; // refused by the shape check
    else if (row.length !== k) {
      issues.add('invalid_value', ['correlation', 'matrix', i], `row ${i} has ${row.length} entries for ${k} inputs: one per input`);
      ok = false;
    }
  });
  if (!ok) return false;
  const rows = matrix as readonly (readonly unknown[])[];
  const numeric = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= -1 && x <= 1;
  if (!rows.every((row) => row.every(numeric))) return false; // refused by the shape check
  const m = rows as readonly (readonly number[])[];
  for (let i = 0; i < k; i++) {
    if (m[i]![i] !== 1) {
      issues.add('invalid_value', ['correlation', 'matrix', i, i], `the diagonal is 1 (an input's rank correlation with itself), not ${m[i]![i]!}`);
      ok = false;
    }
    for (let j = 0; j < i; j++) {
      if (m[i]![j] !== m[j]![i]) {
        issues.add('invalid_value', ['correlation', 'matrix', i, j], `the matrix is symmetric: matrix[${i}][${j}] is ${m[i]![j]!} but matrix[${j}][${i}] is ${m[j]![i]!}`);
        ok = false;
      }
    }
  }
  return ok;
}

/**
 * Reads the `correlation` option against the run's inputs (all problems to `issues`, at `correlation...` paths):
 * `missing_field` for a missing `inputs` or `matrix`, `unknown_reference` for an id that is not an input of the
 * run, `duplicate_id` for an id named twice, `invalid_value` for two inputs of one group, a matrix of the wrong
 * size, a diagonal entry other than 1 or an asymmetric entry (at the lower one, `correlation.matrix[1][0]`), and
 * `not_positive_definite` for a matrix without a Cholesky factor. The shape (a list of ids, rows of numbers in
 * [-1, 1]) is checked before with the options (`options.correlation...`); `invalid_option` at `options.draws` when
 * the draw orders (draws x correlated inputs) pass `MAX_RUN_VALUES`.
 * @param correlation - the option, or undefined
 * @param inputs - the run's inputs
 * @param draws - the run's draws
 * @param issues - where problems go
 * @returns the correlation read, or undefined when there is none or it was refused
 * @internal
 */
export function readCorrelation(correlation: RankCorrelation | undefined, inputs: readonly UncertainInput[], draws: number, issues: IssueCollector): ReadCorrelation | undefined {
  if (correlation === undefined || correlation === null || typeof correlation !== 'object' || Array.isArray(correlation)) return undefined;
  const given = correlation as { readonly inputs?: unknown; readonly matrix?: unknown };
  if (given.inputs === undefined) issues.add('missing_field', ['correlation', 'inputs'], 'a correlation names its inputs: { inputs: [...], matrix: [[...]] }');
  if (given.matrix === undefined) issues.add('missing_field', ['correlation', 'matrix'], 'a correlation has a matrix: one row per input');
  if (!Array.isArray(given.inputs) || !Array.isArray(given.matrix)) return undefined;
  // too long: refused by the shape check, and not read further
  if (given.inputs.length > MAX_CORRELATED_INPUTS || given.matrix.length > MAX_CORRELATED_INPUTS) return undefined;
  if (draws * given.inputs.length > MAX_RUN_VALUES) {
    const most = Math.floor(MAX_RUN_VALUES / given.inputs.length);
    issues.add('invalid_option', ['options', 'draws'], `the draw orders of ${given.inputs.length} correlated inputs over ${draws} draws pass the ${MAX_RUN_VALUES} values a run may keep: at most ${most} draws`);
  }
  const read = readInputs(given.inputs, inputs, issues);
  if (!checkMatrix(given.matrix, read.length, issues)) return undefined;
  const matrix = given.matrix as readonly (readonly number[])[];
  const factor = choleskyFactor(matrix);
  if ('failedRow' in factor) {
    issues.add('not_positive_definite', ['correlation', 'matrix'], `the matrix is not positive definite (no Cholesky factor at row ${factor.failedRow}): no set of inputs has these rank correlations together; a correlation of 1 or -1 is a group`);
    return undefined;
  }
  const scores = choleskyFactor(matrix.map((row, i) => row.map((rho, j) => (i === j ? 1 : scoreCorrelation(rho)))));
  if ('failedRow' in scores) {
    issues.add('not_positive_definite', ['correlation', 'matrix'], `the matrix is too near a singular one (the normal scores' correlations 2 sin(pi rho / 6) have no Cholesky factor at row ${scores.failedRow}): weaken the strongest correlations`);
    return undefined;
  }
  if (read.some((j) => j === undefined)) return undefined;
  return { inputs: read as number[], matrix };
}

/** What the order is computed from: the plan's seed and each input's stream, kind and distribution (in euros). @internal */
export interface CorrelationSource {
  readonly seed: Seed;
  readonly inputStream: Float64Array;
  readonly inputKind: Uint8Array;
  readonly distributions: readonly DistributionSpec[];
}

/**
 * The order of the correlated inputs' draws (see the module's remarks): every draw of each correlated input drawn
 * once, as the kernel draws it, and reordered by Iman-Conover. Without a correlation, or with an identity matrix,
 * every input is drawn in draw order.
 * @param source - the plan's seed, streams, kinds and distributions
 * @param correlation - from `readCorrelation`
 * @param draws - the run's draws
 * @internal
 */
export function correlationOrder(source: CorrelationSource, correlation: ReadCorrelation | undefined, draws: number): CorrelationOrder {
  const J = source.inputKind.length;
  const inputOrder = new Int32Array(J).fill(-1);
  if (correlation === undefined || isIdentity(correlation.matrix)) return { inputOrder, drawOrder: new Int32Array(0), orderDraws: 0 };
  const streams = createDrawStreams(source.seed, source.inputStream);
  const columns = correlation.inputs.map((j) => {
    const kind = source.inputKind[j]!;
    const sampler = compileSpec(source.distributions[j]!, { unit: kind === 0 || kind === 4 ? 'euro' : 'rate' });
    const column = new Float64Array(draws);
    for (let d = 0; d < draws; d++) {
      streams.draw(d);
      streams.stream(j);
      column[d] = sampler(streams.random);
    }
    return column;
  });
  const orders = imanConoverOrder(columns, correlation.matrix);
  const drawOrder = new Int32Array(orders.length * draws);
  orders.forEach((order, c) => drawOrder.set(order, c * draws));
  correlation.inputs.forEach((jc, c) => {
    for (let j = 0; j < J; j++) if (source.inputStream[j] === source.inputStream[jc]) inputOrder[j] = c;
  });
  return { inputOrder, drawOrder, orderDraws: draws };
}
