import { describe, expect, it } from 'vitest';
import { readPrintedTable } from '../../../src/document/printed-table.js';
import { CORPUS } from './corpus.js';

describe('the corpus of printed tables', () => {
  it('has at least 15 tables', () => expect(CORPUS.length).toBeGreaterThanOrEqual(15));
  it.each(CORPUS.map((t) => [t.name, t] as const))('%s', (_, table) => {
    const read = readPrintedTable(table.csv, table.options ?? {});
    expect(read.issues.map((i) => `${i.code} ${i.path}`)).toEqual(table.issues ?? []);
    expect(read.checks.map((c) => `${c.row}|${c.column}|${c.status}`)).toEqual(table.checks);
    expect(read.document.sections.flatMap((s) => s.lines)).toHaveLength(table.lines);
  });
});
