import { describe, expect, it } from 'vitest';
import { readPrintedTable } from '../../../src/document/printed-table.js';
import { loadBudget } from '../../../src/evaluate/load.js';
import { evaluate } from '../../../src/evaluate/evaluate.js';
import { CORPUS } from './corpus.js';

describe('the corpus of printed tables', () => {
  it('has at least 15 tables', () => expect(CORPUS.length).toBeGreaterThanOrEqual(15));
  it.each(CORPUS.map((t) => [t.name, t] as const))('%s', (_, table) => {
    const read = readPrintedTable(table.csv, table.options ?? {});
    expect(read.issues.map((i) => `${i.code} ${i.path}`)).toEqual(table.issues ?? []);
    expect(read.checks.map((c) => `${c.row}|${c.column}|${c.status}`)).toEqual(table.checks);
    expect(read.document.sections.flatMap((s) => s.lines)).toHaveLength(table.lines);
    // the document of the real lines loads and evaluates once the lines have a nature (option nature: defaults.nature)
    const withNature = readPrintedTable(table.csv, { nature: 'structural', ...table.options });
    expect(() => evaluate(loadBudget(JSON.stringify(withNature.document), { totals: 'ignore' }))).not.toThrow();
  });
});

describe('the document of a printed table evaluates to its printed totals', () => {
  it('seed 000: the evaluated TOTAAL SALDO equals the printed -609 363 533 725 702 742 752 (x € 1.000)', () => {
    const seed = CORPUS.find((t) => t.name.startsWith('seed 000'))!;
    const read = readPrintedTable(seed.csv, { nature: 'structural' });
    const evaluation = evaluate(loadBudget(JSON.stringify(read.document), { totals: 'ignore' }));
    expect(evaluation.years.map((y) => evaluation.total[String(y)]!.amount.div(1000).toFixed())).toEqual(['-609', '363', '533', '725', '702', '742', '752']);
  });
});
