import fc from 'fast-check';
import { Decimal as OtherDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { roundTable } from '../../src/report/allocate.js';
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
