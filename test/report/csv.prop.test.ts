import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeerjarenError } from '../../src/core/errors.js';
import { writeCsv } from '../../src/report/csv.js';
import { readCsv, type CsvSeparator } from '../../src/document/csv.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

/** Text made of the characters that matter to CSV, plus some letters, digits and non-ASCII. */
const cellArb = fc.string({
  unit: fc.constantFrom(';', ',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", ' ', 'a', 'Z', '1', '0', '.', 'ë', '€', '😀'),
  maxLength: 8,
});
const gridArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { maxLength: 6 });
const separatorArb = fc.constantFrom<CsvSeparator>(';', ',');

/** What the writer does to a text cell a spreadsheet would run as a formula. */
const neutralised = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)*$/.test(cell) ? `'${cell}` : cell);

describe('CSV properties', () => {
  it('round trip: readCsv(writeCsv(rows)) gives the same cells, formula-like text with its apostrophe', () => {
    fc.assert(
      fc.property(gridArb, separatorArb, fc.boolean(), (grid, separator, bom) => {
        const text = writeCsv(grid, { separator, bom });
        expect(readCsv(text, { separator })).toEqual(grid.map((row) => row.map(neutralised)));
      }),
      { numRuns },
    );
  });

  it('no written cell starts a formula', () => {
    fc.assert(
      fc.property(gridArb, separatorArb, (grid, separator) => {
        for (const row of readCsv(writeCsv(grid, { separator }), { separator })) {
          for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)*$/.test(cell)).toBe(false);
        }
      }),
      { numRuns },
    );
  });

  it("separator detection never guesses wrong: the right rows or 'ambiguous_separator'", () => {
    const evenGrid = fc
      .integer({ min: 2, max: 4 })
      .chain((width) => fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 }));
    fc.assert(
      fc.property(evenGrid, separatorArb, (grid, separator) => {
        const text = writeCsv(grid, { separator });
        try {
          expect(readCsv(text)).toEqual(grid.map((row) => row.map(neutralised)));
        } catch (error) {
          if (!MeerjarenError.is(error)) throw error;
          expect(error.code).toBe('ambiguous_separator');
        }
      }),
      { numRuns },
    );
  });
});
