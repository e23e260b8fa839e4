import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeerjarenError } from '../../src/core/errors.js';
import { writeCsv } from '../../src/report/csv.js';
import { readCsv, type CsvSeparator } from '../../src/document/csv.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

/** Text made of the characters that matter to CSV, plus some letters, digits and non-ASCII. */
const cellArb = fc.string({
  unit: fc.constantFrom(';', ',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", ' ', 'a', 'Z', '1', '0', '.', 'ë', '€', '😀', '＝', '＋', '－', '＠', '−', '\u3000', '\u00a0'),
  maxLength: 8,
});
const gridArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { maxLength: 6 });
const separatorArb = fc.constantFrom<CsvSeparator>(';', ',');

/** The cell as a spreadsheet may read it: leading white space trimmed, fullwidth ＝＋－＠ and − as ASCII. */
const asRead = (cell: string): string =>
  cell
    .replace(/^[ \t\r\n\u3000\u00a0]+/, '')
    .replace(/^[＝＋－＠−]/, (c) => ({ '＝': '=', '＋': '+', '－': '-', '＠': '@', '−': '-' })[c] ?? c);
const bareNumber = (text: string): boolean => /^[+-]?\d+(?:[.,]\d+)*$/.test(text);
/** A formula a spreadsheet would run: = or @ first, or + or - followed by more than words and spaces. */
const runs = (cell: string): boolean => {
  const text = asRead(cell);
  if (/^[=@]/.test(text)) return true;
  return /^[+-]/.test(text) && !bareNumber(text) && /[^\p{L}\p{M}\p{N}\s._']/u.test(text.slice(1));
};
/** What the writer does to a text cell a spreadsheet would run as a formula. */
const neutralised = (cell: string): string => (runs(cell) ? `'${cell}` : cell);

describe('CSV properties', () => {
  it('round trip: readCsv(writeCsv(rows)) gives the same cells, formulas with their apostrophe', () => {
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
          for (const cell of row) {
            if (cell.startsWith("'")) continue;
            // written as it is: nothing an operator, quote or separator could make a formula of
            const text = asRead(cell);
            expect(/^[=@]/.test(text)).toBe(false);
            if (/^[+-]/.test(text) && !bareNumber(text)) expect(text.slice(1)).not.toMatch(/[=+\-@";,＝＋－＠−]/);
          }
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
