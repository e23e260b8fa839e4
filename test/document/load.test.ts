import { describe, expect, it } from 'vitest';
import { evaluate, loadBudget, toDocument, type BudgetDocument } from '../../src/index.js';
import { issuesOrNone, seedText, type CodeAndPath } from '../helpers.js';

const seed000 = seedText('seed000-tb1.json');

function base(overrides: Partial<Record<keyof BudgetDocument, unknown>> = {}): Record<string, unknown> {
  return {
    version: 1,
    title: 'T',
    unit: 'thousand',
    horizon: { from: 2025, to: 2028, budgetYear: 2026 },
    sections: [{ id: '1', title: 'S', lines: [{ id: '1.1', title: 'L', nature: 'structural', values: { '2026': '-100' } }] }],
    ...overrides,
  };
}
function withLine(line: Record<string, unknown>): Record<string, unknown> {
  return base({ sections: [{ id: '1', title: 'S', lines: [line] }] });
}
/** The issues loading `input` reports; `[]` when it loads. */
const issuesOf = (input: unknown): CodeAndPath[] => issuesOrNone(() => loadBudget(input));

describe('loadBudget', () => {
  it('loads seed 000 and keeps amounts exact in euros', () => {
    const b = loadBudget(seed000);
    const line = b.sections[0]!.lines[0]!;
    expect(line.id).toBe('1.1');
    expect(line.values['2025']!.toString()).toBe('6500000');
    expect(line.components[0]!.id).toBe('1.1#1');
    expect(line.components[0]!.values['2025']!.toString()).toBe('-3600000');
    expect(b.horizon.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    expect(Object.isFrozen(b)).toBe(true);
    expect(Object.isFrozen(line.values)).toBe(true);
  });

  it('reads a table that prints costs positive through its sign convention', () => {
    const b = loadBudget(base({ sign: 'nadeel-positive', sections: [{ id: '1', title: 'S', lines: [{ id: 'a', title: 'kosten', nature: 'incidental', values: { '2026': '77', '2027': '-pm' } }] }] }));
    const values = b.sections[0]!.lines[0]!.values;
    expect(values['2026']!.toString()).toBe('-77000');
    expect(values['2027']).toEqual({ kind: 'pm', direction: 'voordeel' });
  });

  it('reports every problem at once, each with a code and the path of the bad value', () => {
    const found = issuesOf(
      base({
        sections: [
          { id: '1', title: 'S', lines: [{ id: '1.1', title: 'L', nature: 'structural', values: { '2026': '1,5', '2031': '1', '2027': 'NaN' } }] },
          { id: '2', title: 'T', lines: [{ id: '1.1', title: 'dup', values: { '2026': '1' } }] },
        ],
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'invalid_amount', path: 'sections[0].lines[0].values.2026' },
        { code: 'year_outside_horizon', path: 'sections[0].lines[0].values.2031' },
        { code: 'invalid_amount', path: 'sections[0].lines[0].values.2027' },
        { code: 'duplicate_id', path: 'sections[1].lines[0].id' },
        { code: 'missing_nature', path: 'sections[1].lines[0].nature' },
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it.each([
    ['an unknown field (typo)', withLine({ id: 'a', title: 'L', nature: 'structural', valeus: { '2026': 1 } }), 'unknown_field', 'sections[0].lines[0].valeus'],
    ['a line without any value', withLine({ id: 'a', title: 'L', nature: 'structural' }), 'line_without_values', 'sections[0].lines[0]'],
    [
      'a line and a component both with a value, row undeclared',
      withLine({ id: 'a', title: 'L', nature: 'structural', values: { '2026': 1 }, components: [{ title: 'c', values: { '2026': 2 } }] }),
      'ambiguous_line_row',
      'sections[0].lines[0].values.2026',
    ],
    ['a missing nature', withLine({ id: 'a', title: 'L', values: { '2026': 1 } }), 'missing_nature', 'sections[0].lines[0].nature'],
    ['constructor as an id', withLine({ id: 'constructor', title: 'L', nature: 'structural', values: { '2026': 1 } }), 'forbidden_key', 'sections[0].lines[0].id'],
    ['a year that is not a year', withLine({ id: 'a', title: 'L', nature: 'structural', values: { '26': 1 } }), 'invalid_year', 'sections[0].lines[0].values.26'],
    ['an unsafe JSON number', withLine({ id: 'a', title: 'L', nature: 'structural', values: { '2026': 2 ** 60 } }), 'imprecise_number', 'sections[0].lines[0].values.2026'],
    ['a null amount', withLine({ id: 'a', title: 'L', nature: 'structural', values: { '2026': null } }), 'empty_amount', 'sections[0].lines[0].values.2026'],
    ['a horizon year given as a string', base({ horizon: { from: '2025', to: 2028 } }), 'invalid_year', 'horizon.from'],
    ['a horizon that ends before it starts', base({ horizon: { from: 2028, to: 2025 } }), 'invalid_horizon', 'horizon.to'],
    ['an unsupported version', base({ version: 2 }), 'unsupported_version', 'version'],
    ['an unknown unit', base({ unit: 'duizend' }), 'invalid_value', 'unit'],
    ['too many values for the horizon', withLine({ id: 'a', title: 'L', nature: 'structural', values: [1, 2, 3, 4, 5] }), 'year_outside_horizon', 'sections[0].lines[0].values[4]'],
  ])('refuses %s', (_what, input, code, path) => {
    expect(issuesOf(input)).toContainEqual({ code, path });
  });

  it('refuses duplicate keys, forbidden keys and imprecise numbers in JSON text', () => {
    const dup = '{"version":1,"version":1}';
    expect(issuesOf(dup)).toContainEqual({ code: 'duplicate_key', path: 'version' });
    const proto = JSON.stringify(base()).replace('"title":"T"', '"title":"T","__proto__":{"x":1}');
    expect(issuesOf(proto)).toContainEqual({ code: 'forbidden_key', path: '__proto__' });
    const imprecise = JSON.stringify(withLine({ id: 'a', title: 'L', nature: 'structural', values: { '2026': 'X' } })).replace('"X"', '12345678901234567890');
    expect(issuesOf(imprecise)).toContainEqual({ code: 'imprecise_number', path: 'sections[0].lines[0].values.2026' });
    expect(issuesOf('{"version":')).toMatchObject([{ code: 'invalid_json' }]);
  });

  it('refuses printed totals that differ beyond rounding, and accepts an afrondingsverschil', () => {
    const doc = base({ expected: { '2026': '-101' } });
    expect(issuesOf(doc)).toEqual([{ code: 'total_mismatch', path: 'expected.2026' }]);
    expect(issuesOf(base({ expected: { '2026': '-103' } }))).toEqual([{ code: 'total_mismatch', path: 'expected.2026' }]);
    // one printed row: rounding explains no difference at all
    // with totals 'ignore' it loads, and the evaluation still reports the mismatch
    const ignored = loadBudget(base({ expected: { '2026': '-101' } }), { totals: 'ignore' });
    expect(evaluate(ignored).checks.map((c) => [c.path, c.status])).toEqual([['expected.2026', 'mismatch']]);
    const twoRows = base({
      sections: [{ id: '1', title: 'S', lines: [
        { id: 'a', title: 'A', nature: 'structural', values: { '2026': '-100' } },
        { id: 'b', title: 'B', nature: 'structural', values: { '2026': '50' } },
      ] }],
      expected: { '2026': '-51' },
    });
    expect(issuesOf(twoRows)).toEqual([]);
  });

  it('uses the document default nature and lets components inherit their line nature', () => {
    const b = loadBudget(base({ defaults: { nature: 'incidental' }, sections: [{ id: '1', title: 'S', lines: [
      { id: 'a', title: 'A', values: { '2026': 1 }, row: 'amount', components: [{ title: 'c', values: { '2026': 2 } }] },
    ] }] }));
    expect(b.sections[0]!.lines[0]!.nature).toBe('incidental');
    expect(b.sections[0]!.lines[0]!.components[0]!.nature).toBe('incidental');
  });

  it('round-trips through toDocument', () => {
    const b = loadBudget(seed000);
    expect(loadBudget(toDocument(b))).toEqual(b);
    expect(loadBudget(JSON.parse(JSON.stringify(toDocument(b))))).toEqual(b);
  });
});
