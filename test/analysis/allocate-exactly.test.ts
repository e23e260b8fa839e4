import { describe, expect, it } from 'vitest';
import { Dec, allocateExactly } from '../../src/index.js';
import { codeOf } from '../helpers.js';

const d = (values: string[]) => values.map((v) => new Dec(v));

describe('allocateExactly', () => {
  it('rounds shares to micro-euros that add up to the total exactly', () => {
    const third = new Dec(1).div(3);
    const out = allocateExactly([third, third, third], new Dec(1));
    expect(out.map((x) => x.toFixed())).toEqual(['0.333334', '0.333333', '0.333333']);
    expect(out.reduce((a, b) => a.plus(b), new Dec(0)).toFixed()).toBe('1');
  });

  it('breaks ties by key, not by position', () => {
    const third = new Dec(1).div(3);
    expect(allocateExactly([third, third, third], new Dec(1), ['c', 'a', 'b']).map((x) => x.toFixed())).toEqual(['0.333333', '0.333334', '0.333333']);
  });

  it('refuses no shares for a total, a total beyond micro-euros, and shares that do not add up to it', () => {
    expect(allocateExactly([], new Dec(0))).toEqual([]);
    expect(codeOf(() => allocateExactly([], new Dec(5)))).toBe('invalid_weights');
    expect(codeOf(() => allocateExactly(d(['0.5', '0.5']), new Dec('1.0000004')))).toBe('amount_out_of_range');
    expect(codeOf(() => allocateExactly(d(['0.5', '0.5']), new Dec('1000')))).toBe('total_mismatch');
  });
});
