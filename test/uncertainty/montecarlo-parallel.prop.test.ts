import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Budget } from '../../src/index.js';
import { closeWorkerPools, monteCarloAsync } from '../../src/parallel.js';
import { budgetWithCoverArb } from '../../src/testing/index.js';
import { columnSums, sortColumns, sortedBlock, sortedRun } from '../../src/uncertainty/montecarlo/columns.js';
import { monteCarlo, type MonteCarloOptions, type TargetSpec, type UncertainInput } from '../../src/uncertainty/index.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;
const hasWorker = existsSync(fileURLToPath(new URL('../../dist/worker.js', import.meta.url)));

afterAll(() => closeWorkerPools());

/** Values as the kernel writes them (whole units), with duplicates and both zeros. */
const unitsArb = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom(0, -0, 2 ** 53 - 1, -(2 ** 53 - 1)), fc.maxSafeInteger());

const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('sorted columns', () => {
  it('blocks read by rank equal one sort of the columns of all their draws, element for element (-0 before +0); sums and counts too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(fc.array(unitsArb, { maxLength: 24 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: -3, max: 3 }), (stride, drawn, threshold) => {
        // each block: whole draws of `stride` values
        const blocks = drawn.map((values) => Float64Array.from(values.slice(0, values.length - (values.length % stride))));
        const all = new Float64Array(blocks.reduce((n, b) => n + b.length, 0));
        let at = 0;
        for (const b of blocks) {
          all.set(b, at);
          at += b.length;
        }
        const n = all.length / stride;
        const run = sortedRun(blocks.map((b) => sortedBlock(b, b.length / stride, stride)));
        const sorted = sortColumns(all, n, stride);
        const sums = columnSums(sorted, n, stride);
        for (let c = 0; c < stride; c++) {
          const column = run.column(c);
          const read = Float64Array.from({ length: n }, (_, r) => column.at(r));
          expect(same(read, sorted.subarray(c * n, (c + 1) * n))).toBe(true);
          expect(column.sum).toBe(sums[c]);
          const values = [...sorted.subarray(c * n, (c + 1) * n)];
          expect(run.countAtLeast(c, threshold)).toBe(values.filter((v) => v >= threshold).length);
          expect(run.countAtMost(c, threshold)).toBe(values.filter((v) => v <= threshold).length);
        }
      }),
      { numRuns },
    );
  });
});

/** Inputs on a budget with cover and savings targets: amounts and realisation rates on rows, the first source's capacity. */
function optionsFor(b: Budget, picks: readonly number[], draws: number, seed: number | string, minimum: number): MonteCarloOptions {
  // lines with an amount of their own (a line of components only changes nothing)
  const rows = b.sections.flatMap((s) => s.lines.filter((l) => l.components.length === 0 && Object.keys(l.values).length > 0).map((l) => l.id));
  const inputs: UncertainInput[] = (rows.length === 0 ? [] : picks).map((p, k) =>
    k % 2 === 0
      ? { id: `a${k}`, kind: 'amount', rows: [rows[p % rows.length]!], distribution: { kind: 'triangular', low: String(-p * 100), likely: '0', high: String(p * 37) } }
      : { id: `r${k}`, kind: 'realisation', rows: [rows[p % rows.length]!], distribution: { kind: 'uniform', low: '0.5', high: '1.2' } },
  );
  const source = Object.values(b.cover?.sources ?? {}).find((s) => s.kind === 'oad');
  if (source !== undefined) inputs.push({ id: 'cap', kind: 'capacity', source: source.id, distribution: { kind: 'uniform', low: '0', high: '900' } });
  const targets: TargetSpec[] = [{ id: 't', lines: rows.slice(0, 2), minimum: String(minimum) }];
  return { inputs, draws, seed, targets, percentiles: [0, 2.5, 50, 97.5, 100], savings: b.targets !== undefined, cover: b.cover !== undefined };
}

describe.skipIf(!hasWorker)('monteCarloAsync properties (needs dist/worker.js)', () => {
  it('2 or 3 workers give the result of one thread, for any budget, inputs, draws and seed', async () => {
    await fc.assert(
      fc.asyncProperty(
        // any unit of the budget: the inputs and results are in it (issue 14), on any number of threads
        budgetWithCoverArb({ maxMicros: 10n ** 13n, units: ['euro', 'thousand', 'million'] }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 400 }),
        fc.oneof(fc.integer(), fc.string({ maxLength: 8 })),
        fc.integer({ min: -5000, max: 5000 }),
        fc.constantFrom(2, 3),
        async (b, picks, draws, seed, minimum, workers) => {
          const options = optionsFor(b, picks, draws, seed, minimum);
          let one: unknown;
          try {
            one = monteCarlo(b, options);
          } catch (error) {
            await expect(monteCarloAsync(b, { ...options, workers, parallelThreshold: 0 })).rejects.toThrow((error as Error).message);
            return;
          }
          const many = await monteCarloAsync(b, { ...options, workers, parallelThreshold: 0 });
          expect(JSON.stringify(many)).toBe(JSON.stringify(one));
        },
      ),
      { numRuns: Math.ceil(numRuns / 20) },
    );
  });
});
