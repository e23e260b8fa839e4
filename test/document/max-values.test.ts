import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_VALUES, loadBudget, loadScenario, MeerjarenError, type BudgetDocument } from '../../src/index.js';

/** A document object with `lines` lines of `years` amounts each. */
function documentOf(lines: number, years: number): BudgetDocument {
  const rows = Array.from({ length: lines }, (_, l) => ({ id: `r${l}`, title: `Regel ${l}`, nature: 'structural', values: Array.from({ length: years }, (_, y) => String(l + y)) }));
  return { version: 1, title: 't', unit: 'euro', horizon: { from: 2025, to: 2025 + years - 1 }, sections: [{ id: '1', title: 's', lines: rows }] } as unknown as BudgetDocument;
}

/** The issues a call throws (none when it returns). */
function issuesOf(run: () => unknown): { code: string; path: string }[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!MeerjarenError.is(error)) throw error;
    return error.issues.map((i) => ({ code: i.code, path: i.path }));
  }
}

describe('maxValues: the value limit of a document handed over as an object', () => {
  it('refuses a document object with more values than maxValues, at the array that passes it', () => {
    const doc = documentOf(10, 5);
    const issues = issuesOf(() => loadBudget(doc, { maxValues: 40 }));
    expect(issues.map((i) => i.code)).toEqual(['too_large']);
    expect(loadBudget(doc, { maxValues: 200 }).sections[0]!.lines).toHaveLength(10);
  });

  it('lifts the default limit: an array longer than the default is then read (and judged by the horizon)', () => {
    const doc = documentOf(1, 2) as unknown as { sections: { lines: { values: unknown }[] }[] };
    doc.sections[0]!.lines[0]!.values = new Array(DEFAULT_MAX_VALUES + 1);
    expect(issuesOf(() => loadBudget(doc)).map((i) => i.code)).toEqual(['too_large']);
    for (const maxValues of [Number.POSITIVE_INFINITY, 2 * DEFAULT_MAX_VALUES]) {
      const codes = issuesOf(() => loadBudget(doc, { maxValues })).map((i) => i.code);
      expect(codes).toContain('year_outside_horizon');
      expect(codes).not.toContain('too_large');
    }
  });

  it.each([0, -1, 1.5, Number.NaN, '1000', null])('refuses maxValues %s with invalid_option at its path', (bad) => {
    const run = (): unknown => loadBudget(documentOf(1, 1), { maxValues: bad as number });
    expect(issuesOf(run)).toEqual([expect.objectContaining({ code: 'invalid_option', path: 'options.maxValues' })]);
    const scenario = (): unknown => loadScenario({ id: 'v', title: 't', changes: [] }, { maxValues: bad as number });
    expect(issuesOf(scenario)).toEqual([expect.objectContaining({ code: 'invalid_option', path: 'options.maxValues' })]);
  });

  it('is an option of loadScenario too', () => {
    const scenario = { id: 'v', title: 't', changes: Array.from({ length: 20 }, () => ({ kind: 'set-amount', line: 'a', years: [2025], value: '1' })) };
    expect(issuesOf(() => loadScenario(scenario, { maxValues: 10 })).map((i) => i.code)).toContain('too_large');
    expect(issuesOf(() => loadScenario(scenario, { maxValues: 1000 })).map((i) => i.code)).not.toContain('too_large');
  });
});
