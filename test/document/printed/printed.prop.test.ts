import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printedTableFromRows } from '../../../src/document/printed-table.js';

/** Writes a whole number in nl notation ("-1.234"). */
const nl = (n: bigint): string => {
  const digits = (n < 0n ? -n : n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0n ? `-${digits}` : digits;
};

const blocks = fc.array(fc.array(fc.array(fc.bigInt({ min: -10_000_000n, max: 10_000_000n }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });

/** A budget as a printed grid: a heading and its lines and subtotal per block, then the total of the subtotals. */
function render(data: bigint[][][]): string[][] {
  const grid: string[][] = [['', '2026', '2027', '2028']];
  const total = [0n, 0n, 0n];
  data.forEach((lines, b) => {
    grid.push([`Blok ${b + 1}`]);
    const sub = [0n, 0n, 0n];
    lines.forEach((values, l) => {
      grid.push([`Regel ${b + 1}.${l + 1}`, ...values.map(nl)]);
      values.forEach((v, y) => (sub[y]! += v));
    });
    grid.push([`Subtotaal blok ${b + 1}`, ...sub.map(nl)]);
    sub.forEach((v, y) => (total[y]! += v));
  });
  grid.push(['Totaal', ...total.map(nl)]);
  return grid;
}

describe('printed tables: property', () => {
  it('a rendered budget reads back with every check ok; moving one total by more than rounding gives exactly one mismatch', () => {
    fc.assert(
      fc.property(blocks, fc.nat(), fc.integer({ min: 0, max: 2 }), (data, pick, year) => {
        const grid = render(data);
        const clean = printedTableFromRows(grid);
        expect(clean.issues).toEqual([]);
        expect(clean.checks.every((c) => c.status === 'ok')).toBe(true);
        expect(clean.checks).toHaveLength((data.length + 1) * 3);
        expect(clean.document.sections.flatMap((s) => s.lines)).toHaveLength(data.flat().length);
        const totals = grid.map((_, r) => r).filter((r) => /^(Sub)?totaal/.test(grid[r]![0]!));
        const r = totals[pick % totals.length]!;
        const moved = grid.map((row) => [...row]);
        moved[r]![year + 1] = nl(BigInt(moved[r]![year + 1]!.replace(/\./g, '')) + 1000n);
        const read = printedTableFromRows(moved);
        const wrong = read.checks.filter((c) => c.status !== 'ok');
        // the moved figure mismatches; a moved subtotal also makes the Totaal (a sum of the printed subtotals) mismatch
        const expected = r === grid.length - 1 ? [`${r}:${year + 1}`] : [`${r}:${year + 1}`, `${grid.length - 1}:${year + 1}`];
        expect(wrong.map((c) => `${c.at.row}:${c.at.column}`)).toEqual(expected);
        expect(wrong.every((c) => c.status === 'mismatch')).toBe(true);
        expect(wrong.some((c) => c.at.row === r && c.at.column === year + 1 && c.status === 'mismatch')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
