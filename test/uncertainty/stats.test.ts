import { describe, expect, it } from 'vitest';
import { percentile, probability, summarise } from '../../src/uncertainty/stats.js';
import { firstIssueOf } from '../helpers.js';

/** The code and path of the first issue `fn` throws, as a pair. */
function issueOf(fn: () => unknown): [string, string] | undefined {
  const issue = firstIssueOf(fn);
  return issue && [issue.code, issue.path];
}

describe('percentile (nearest rank)', () => {
  const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('returns sorted[ceil(p/100 * n) - 1], the minimum for p = 0', () => {
    expect(percentile(ten, 0)).toBe(10);
    expect(percentile(ten, 5)).toBe(10);
    expect(percentile(ten, 10)).toBe(10);
    expect(percentile(ten, 10.000001)).toBe(20);
    expect(percentile(ten, 50)).toBe(50);
    expect(percentile(ten, 95)).toBe(100);
    expect(percentile(ten, 100)).toBe(100);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([7], 99)).toBe(7);
  });

  it('computes the rank exactly where floats would not (0.95 * 100 is not 95 in binary)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 2.5)).toBe(3);
    const thousand = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(thousand, 0.1)).toBe(1);
    expect(percentile(thousand, 99.9)).toBe(999);
  });

  it('always returns one of the values: whole cents stay whole cents', () => {
    const values = Float64Array.of(-23_400_000, -1, 0, 108_350, 108_351);
    for (const p of [1, 33, 50, 66.6, 99]) expect(values.includes(percentile(values, p))).toBe(true);
  });

  it('refuses an empty list and percentages outside [0, 100]', () => {
    expect(issueOf(() => percentile([], 50))).toEqual(['invalid_value', 'sortedValues']);
    expect(issueOf(() => percentile([1], -1))).toEqual(['invalid_value', 'p']);
    expect(issueOf(() => percentile([1], 101))).toEqual(['invalid_value', 'p']);
    expect(issueOf(() => percentile([1], Number.NaN))).toEqual(['invalid_value', 'p']);
  });
});

describe('summarise', () => {
  it('gives n, mean, min, max and the requested percentiles, frozen', () => {
    const summary = summarise(Float64Array.of(300, 100, 200, 400), [5, 50, 95, 2.5]);
    expect(summary).toEqual({ n: 4, mean: 250, min: 100, max: 400, p5: 100, p50: 200, p95: 400, 'p2.5': 100 });
    expect(Object.isFrozen(summary)).toBe(true);
  });

  it('defaults to P5, P50 and P95 and leaves its input unchanged', () => {
    const values = Float64Array.of(3, 1, 2);
    const summary = summarise(values);
    expect(Object.keys(summary).sort()).toEqual(['max', 'mean', 'min', 'n', 'p5', 'p50', 'p95']);
    expect([...values]).toEqual([3, 1, 2]);
  });

  it('sums whole cents exactly below 2^53', () => {
    // 0.1 + 0.2 style errors cannot happen with integers: the mean is the exact sum divided once
    const values = Float64Array.of(10, 20, 30, 2 ** 52, -(2 ** 52));
    expect(summarise(values).mean).toBe(12);
  });

  it('falls back to a BigInt sum when a float sum would round', () => {
    const big = 2 ** 53 - 1; // 9007199254740991
    const values = Float64Array.of(big, big, 1, -1, 3);
    // a float sum rounds once past 2^53; the exact sum is 18014398509481985 = 5 * 3602879701896397
    expect(summarise(values).mean).toBe(3602879701896397);
    const many = new Float64Array(1000).fill(1e15);
    many[0] = 1e15 + 1;
    expect(summarise(many).mean).toBe(1e15 + 0.001);
  });

  it('sums non-integers with compensation', () => {
    const values = new Float64Array(10).fill(0.1);
    expect(summarise(values).mean).toBe(0.1);
  });

  it('refuses no values, non-finite values and bad percentages', () => {
    expect(issueOf(() => summarise(new Float64Array(0)))).toEqual(['invalid_value', 'values']);
    expect(issueOf(() => summarise(Float64Array.of(1, Number.NaN)))).toEqual(['invalid_value', 'values[1]']);
    expect(issueOf(() => summarise(Float64Array.of(1, Infinity)))).toEqual(['invalid_value', 'values[1]']);
    expect(issueOf(() => summarise(Float64Array.of(1), [50, 120]))).toEqual(['invalid_value', 'percentiles[1]']);
  });
});

describe('probability', () => {
  it('is count / n', () => {
    expect(probability(250, 10_000)).toBe(0.025);
    expect(probability(0, 3)).toBe(0);
    expect(probability(3, 3)).toBe(1);
  });

  it('refuses counts outside [0, n] and non-positive n', () => {
    expect(issueOf(() => probability(1, 0))).toEqual(['invalid_value', 'n']);
    expect(issueOf(() => probability(4, 3))).toEqual(['invalid_value', 'count']);
    expect(issueOf(() => probability(-1, 3))).toEqual(['invalid_value', 'count']);
    expect(issueOf(() => probability(1.5, 3))).toEqual(['invalid_value', 'count']);
  });
});
