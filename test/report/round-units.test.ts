import fc from 'fast-check';
import { Decimal as OtherDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { roundTable } from '../../src/report/allocate.js';
import { closest } from '../../src/report/round-units.js';
import { renderText } from '../../src/report/render-text.js';
import { ROUNDING_MODES } from '../../src/core/decimal.js';
import type { Table, TableRow } from '../../src/report/table.js';

// Tables of the library's own Decimals are rounded in integer units; amounts of another decimal.js copy take the
// Decimal path. Both must print the same figures.
const other = OtherDecimal.clone();

function table(cells: readonly (readonly (string | null)[])[], pm: readonly boolean[], make: (s: string) => never): Table {
  const columns = cells[0]!.map((_, c) => ({ key: String(c), label: String(2025 + c) }));
  const rows: TableRow[] = cells.map((row, r) => ({ id: `r${r}`, label: `Regel ${r}`, kind: 'line', depth: 1, cells: row.map((v, c) => ({ amount: v === null ? undefined : make(v), pm: pm[(r + c) % pm.length] === true && v === null })) }));
  const sums = columns.map((_, c) => cells.reduce((acc, row) => acc.plus(row[c] ?? '0'), new Dec(0)).toFixed());
  rows.push({ id: 'total', label: 'Totaal', kind: 'total', depth: 0, cells: sums.map((s) => ({ amount: make(s), pm: false })), of: rows.map((row) => row.id) });
  return { title: 't', columns, rows };
}

describe('rounding in integer units', () => {
  it('gives the figures of the Decimal path', () => {
    const amount = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 })).map(([n, k]) => new Dec(n).div(10 ** k).toFixed());
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(amount, { nil: null }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        fc.record({ unit: fc.constantFrom('euro', 'thousand', 'million'), decimals: fc.integer({ min: 0, max: 3 }), roundingMode: fc.constantFrom(...ROUNDING_MODES), rounding: fc.constantFrom('consistent', 'plain') }),
        (cells, pm, presentation) => {
          const own = table(cells, pm, (s) => new Dec(s) as never);
          const theirs = table(cells, pm, (s) => new other(s) as never);
          expect(renderText(own, presentation)).toBe(renderText(theirs, presentation));
          expect(JSON.stringify(roundTable(own, presentation))).toBe(JSON.stringify(roundTable(theirs, presentation)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the parts that take the missing steps', () => {
  it('are the first in the order of the closest call, however many are missing (selection equals sorting)', () => {
    fc.assert(
      fc.property(
        // few distinct errors, so that ties are common; sorted or reversed lists, the worst cases of a pivot
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 400, size: 'max' }),
        fc.nat(),
        fc.constantFrom('as drawn', 'sorted', 'reversed'),
        (errors, n, arrangement) => {
          const closer = (a: number, b: number): number => errors[b]! - errors[a]! || a - b;
          const candidates = errors.map((_, i) => i);
          if (arrangement === 'sorted') candidates.sort(closer);
          if (arrangement === 'reversed') candidates.sort(closer).reverse();
          const count = errors.length === 0 ? 0 : n % (errors.length + 1);
          const expected = [...candidates].sort(closer).slice(0, count);
          const chosen = [...closest([...candidates], count, closer)].sort(closer);
          expect(chosen).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
