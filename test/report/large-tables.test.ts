import { describe, expect, it } from 'vitest';
import { parentsFirst } from '../../src/report/allocate.js';
import { widest } from '../../src/report/render-text.js';

// Sizes where the old code broke: `Math.max(...widths)` threw a RangeError at 250,000 rows, and taking rows off
// the front of the queue with shift() was quadratic. These tests check results only, never time.
describe('report on large tables', () => {
  it('finds the widest of 250,000 labels without spreading them into one call', () => {
    const n = 250_000;
    const labels = Array.from({ length: n }, (_, i) => (i === 123_456 ? 'x'.repeat(40) : `regel ${i % 1000}`));
    expect(widest(5, labels)).toBe(40);
    expect(widest(50, labels)).toBe(50);
    expect(widest(3, [])).toBe(3);
    // code points, not UTF-16 units
    expect(widest(0, ['Oekraïne', '€ 1.000'])).toBe(8);
  });

  it('orders 250,000 rows with totals before parts', () => {
    const n = 250_000;
    // row 0 is the total of rows 1..n-1; every other row is a line
    const children: number[][] = Array.from({ length: n }, () => []);
    children[0] = Array.from({ length: n - 1 }, (_, i) => i + 1);
    const order = parentsFirst(children);
    expect(order.length).toBe(n);
    expect(order[0]).toBe(0);
    expect(order[n - 1]).toBe(n - 1);
    // a chain: each row the total of the next
    const chain = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []));
    const chainOrder = parentsFirst(chain);
    expect(chainOrder.every((r, i) => r === i)).toBe(true);
  });
});
