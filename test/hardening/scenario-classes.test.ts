/**
 * Regression tests for the scenario fault classes of the "Reliability" issue, each through the public API:
 * attribution that did not add up, a hang on a library record, percentages that did not commute, results not frozen
 * all the way down, limits not applied after a scenario, and routes around the scenario loader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyScenario,
  attributeDifference,
  checkScenarioShape,
  Dec,
  explain,
  inputsFromRanges,
  IssueCollector,
  isDecimal,
  loadBudget,
  loadScenario,
  toDocument,
  type Budget,
  type Change,
  type Decimal,
  type Scenario,
  type ScenarioLibrary,
} from 'meerjaren';
import { issuesOf, issuesOrNone } from '../helpers.js';

const numRuns = process.env.MEERJAREN_DEEP ? 20_000 : 300;

function budget(unit: 'euro' | 'thousand' | 'million' = 'euro', values: string[] = ['0.05', '10']): Budget {
  return loadBudget({
    version: 1,
    title: 'Klassen',
    unit,
    horizon: { from: 2026, to: 2027 },
    sections: [
      {
        id: 'S',
        title: 'Onderdeel',
        lines: [
          { id: 'L1', title: 'Regel 1', nature: 'structural', values },
          { id: 'L2', title: 'Regel 2', nature: 'incidental', row: 'amount', values: ['-7', '3'], components: [{ title: 'a', values: ['1', '2'] }, { title: 'b', values: ['3', '-pm'] }] },
          { id: 'L3', title: 'Regel 3', nature: 'incidental', values: ['pm', '5'] },
        ],
      },
    ],
  });
}

const scenario = (changes: readonly Change[], extra: Partial<Scenario> = {}): Scenario => ({ id: 'v', title: 'Variant', changes, ...extra });

/** Every object, array and decimal reachable from a value, with its path. */
function reachable(value: unknown): { path: string; value: object }[] {
  const out: { path: string; value: object }[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    out.push({ path, value: v });
    if (isDecimal(v)) {
      walk((v as unknown as { d: unknown }).d, `${path}.d`);
      return;
    }
    for (const key of Reflect.ownKeys(v)) walk((v as Record<string | symbol, unknown>)[key], `${path}.${String(key)}`);
  };
  walk(value, '$');
  return out;
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), new Dec(0));
}

describe('class 2: attribution adds up for changes that depend on earlier changes', () => {
  const b = budget();
  // a line needs a value in some year (a line left without any is line_without_values): 0 in 2027 by default
  const added = (id: string, after?: string, values: Record<string, string> = { '2027': '0' }): Change => ({ kind: 'add-line', section: 'S', ...(after === undefined ? {} : { after }), line: { id, title: id, nature: 'structural', values } });
  const cases: Record<string, Change[]> = {
    'add-line after a line added earlier': [added('N1'), added('N2', 'N1', { '2026': '100' })],
    'add-line after a line added earlier, with values in both': [added('N1', undefined, { '2027': '-4' }), added('N2', 'N1', { '2026': '100' }), added('N3', 'N2', { '2027': '1' })],
    'a line added, then changed': [added('N1', undefined, { '2026': '10' }), { kind: 'set-amount', line: 'N1', years: [2026], value: { add: '5' } }],
    'a line added, then moved from': [added('N1', undefined, { '2026': '10' }), { kind: 'move-amount', from: 'N1', to: 'L1', years: [2026], amount: '3' }],
    'a line added, then indexed': [added('N1', undefined, { '2026': '10', '2027': '10' }), { kind: 'index', select: { lines: ['N1'] }, rates: { '2027': '2.5' } }],
    'a line added, then dropped': [added('N1', undefined, { '2026': '10' }), { kind: 'drop-line', line: 'N1' }],
    'a line added after one that is then dropped': [added('N1', 'L1', { '2026': '10' }), { kind: 'drop-line', line: 'L1' }],
    'a line dropped, then added again after another added line': [{ kind: 'drop-line', line: 'L1' }, added('N1'), added('L1', 'N1', { '2026': '9' })],
  };
  for (const [name, changes] of Object.entries(cases)) {
    it(name, () => {
      const a = attributeDifference(b, scenario(changes));
      for (const y of a.years) expect(sum(a.shares.map((s) => s.amounts[y]!)).eq(a.difference[y]!), `${y}`).toBe(true);
    });
  }

  it('the example of the issue: difference 100, shares no longer 0 and 0', () => {
    const a = attributeDifference(b, scenario(cases['add-line after a line added earlier']!));
    expect(a.difference['2026']!.toFixed()).toBe('100');
    expect(a.shares.map((s) => s.amounts['2026']!.toFixed())).toEqual(['50', '50']);
  });
});

describe('class 3: a library record whose key is not its id', () => {
  const b = budget();
  it('is refused with library_key_mismatch at the key, instead of looping', () => {
    const library = { a: { id: 'b', title: 'B', extends: 'a', changes: [] } } as unknown as ScenarioLibrary;
    expect(issuesOf(() => applyScenario(b, scenario([], { extends: 'a' }), library))).toEqual([{ code: 'library_key_mismatch', path: 'library.a.id' }]);
    expect(issuesOf(() => loadScenario(scenario([], { extends: 'a' }), { budget: b, library }))).toEqual([{ code: 'library_key_mismatch', path: 'library.a.id' }]);
  });

  it('is refused when the scenario is found by its id under another key', () => {
    const library = { x: { id: 'a', title: 'A', changes: [] } } as unknown as ScenarioLibrary;
    expect(issuesOf(() => applyScenario(b, scenario([], { extends: 'a' }), library))).toEqual([{ code: 'library_key_mismatch', path: 'library.x.id' }]);
  });

  it('a cycle through record keys is a cycle', () => {
    const library: ScenarioLibrary = { a: { id: 'a', title: 'A', extends: 'b', changes: [] }, b: { id: 'b', title: 'B', extends: 'a', changes: [] } };
    expect(issuesOf(() => applyScenario(b, scenario([], { extends: 'a' }), library))).toEqual([{ code: 'cycle', path: 'library.b.extends' }]);
  });

  it('every generated library either resolves or is refused with a code (never hangs)', () => {
    const ids = ['a', 'b', 'c', 'v'];
    const entryArb = fc.record({ key: fc.constantFrom(...ids), id: fc.constantFrom(...ids), extends: fc.option(fc.constantFrom(...ids), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 5 }), fc.boolean(), fc.option(fc.constantFrom(...ids), { nil: undefined }), (entries, asRecord, parent) => {
        const scenarios = entries.map((e) => ({ id: e.id, title: e.id, ...(e.extends === undefined ? {} : { extends: e.extends }), changes: [] }));
        const library: ScenarioLibrary = asRecord ? Object.fromEntries(entries.map((e, i) => [e.key, scenarios[i]!])) : scenarios;
        const s = scenario([], parent === undefined ? {} : { extends: parent });
        const issues = issuesOrNone(() => applyScenario(b, s, library));
        for (const issue of issues) expect(['cycle', 'unknown_reference', 'library_key_mismatch']).toContain(issue.code);
        if (issues.length === 0) {
          const chain = applyScenario(b, s, library).chain;
          expect(new Set(chain).size).toBe(chain.length);
        }
      }),
      { numRuns },
    );
  });
});

describe('class 4: percentages of one cell compose exactly and round once', () => {
  const b = budget();
  const pct = (p: string, line = 'L1', years = [2026]): Change => ({ kind: 'set-amount', line, years, value: { percent: p } });
  const cell = (r: { budget: Budget }, line = 0, year = 2026): string => (r.budget.sections[0]!.lines[line]!.values[year] as Decimal).toFixed();

  it('50 % then 10 % of EUR 0,05 is 0,00 in both orders (0,0025 rounded once)', () => {
    expect(cell(applyScenario(b, scenario([pct('50'), pct('10')])))).toBe('0');
    expect(cell(applyScenario(b, scenario([pct('10'), pct('50')])))).toBe('0');
  });

  it('a component scaled by its line and by itself composes too', () => {
    const a = applyScenario(b, scenario([pct('33.3', 'L2'), pct('12.5', 'L2#1')]));
    const z = applyScenario(b, scenario([pct('12.5', 'L2#1'), pct('33.3', 'L2')]));
    expect(a.budget).toEqual(z.budget);
    expect((a.budget.sections[0]!.lines[1]!.components[0]!.values[2026] as Decimal).toFixed()).toBe('0.04'); // 1 x 0.333 x 0.125 = 0.041625
  });

  it('any order of percentages, additions and index changes on one cell gives the same budget', () => {
    const percentArb = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 999_999 })).map(([whole, frac]) => `${whole}.${String(frac).padStart(6, '0')}`);
    const rateArb = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 9999 })).map(([whole, frac]) => `${whole}.${String(frac).padStart(4, '0')}`);
    const changeArb = fc.oneof(
      fc.array(percentArb.map((p) => pct(p, 'L1', [2026, 2027])), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: -5000, max: 5000 }).map((c): Change => ({ kind: 'set-amount', line: 'L1', years: [2026, 2027], value: { add: (c / 100).toFixed(2) } })), { minLength: 1, maxLength: 6 }),
      fc.array(rateArb.map((r): Change => ({ kind: 'index', select: { lines: ['L1'] }, rates: { '2026': r, '2027': r } })), { minLength: 1, maxLength: 6 }),
    );
    fc.assert(
      fc.property(changeArb.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))), ([changes, shuffled]) => {
        expect(applyScenario(b, scenario(shuffled)).budget).toEqual(applyScenario(b, scenario(changes)).budget);
      }),
      { numRuns },
    );
  });
});

describe('class 5: results are frozen all the way down', () => {
  const b = budget();
  const changes: Change[] = [
    { kind: 'estimate-pm', line: 'L3', value: { low: '-10', likely: '-5', high: '0' } },
    { kind: 'estimate-pm', line: 'L2#2', value: { low: '-3', likely: '-2', high: '-1' } },
    { kind: 'set-amount', line: 'L1', years: [2026], value: { percent: '50' } },
    { kind: 'add-line', section: 'S', line: { id: 'N', title: 'Nieuw', nature: 'structural', values: { '2026': '1' }, components: [{ title: 'c', values: { '2027': '2' } }] } },
    { kind: 'index', select: { lines: ['L1', 'N'] }, rates: { '2027': '2.5' } },
  ];

  it('every object, array and decimal reachable from a scenario result is frozen', () => {
    const result = applyScenario(b, scenario(changes));
    const open = reachable(result).filter((r) => !Object.isFrozen(r.value));
    expect(open.map((r) => r.path)).toEqual([]);
    expect(result.ranges.length).toBe(2);
  });

  it('so the ranges cannot be written to, and inputsFromRanges sees what the scenario said', () => {
    const result = applyScenario(b, scenario(changes));
    const low = result.ranges[0]!.low as unknown as { d: number[] };
    expect(() => {
      low.d[0] = 999;
    }).toThrow(TypeError);
    expect(result.ranges[0]!.low.toFixed()).toBe('-10');
    expect(inputsFromRanges(result.ranges).length).toBeGreaterThan(0);
  });

  it('every part of an explanation is frozen too', () => {
    const e = explain(b, scenario(changes), { line: 'L1', year: 2027 });
    expect(reachable(e).filter((r) => !Object.isFrozen(r.value)).map((r) => r.path)).toEqual([]);
  });
});

describe('class 6: every result satisfies the loader limits', () => {
  const max = '999999999999999999';
  it('an addition past 18 digits is amount_out_of_range at the change', () => {
    const b = budget('euro', [max, '0']);
    expect(issuesOf(() => applyScenario(b, scenario([{ kind: 'set-amount', line: 'L1', years: [2026], value: { add: '1' } }])))).toEqual([{ code: 'amount_out_of_range', path: 'changes[0]' }]);
    expect(issuesOf(() => applyScenario(b, scenario([{ kind: 'move-amount', from: 'L2', to: 'L1', years: [2026], amount: '1' }])))).toEqual([{ code: 'amount_out_of_range', path: 'changes[0]' }]);
  });

  it('an index or percentage past 18 digits is amount_out_of_range at the change', () => {
    const b = budget('euro', [max, max]);
    expect(issuesOf(() => applyScenario(b, scenario([{ kind: 'index', select: { lines: ['L1'] }, rates: { '2027': '0.5' } }])))).toEqual([{ code: 'amount_out_of_range', path: 'changes[0]' }]);
    expect(issuesOf(() => applyScenario(b, scenario([{ kind: 'set-amount', line: 'L1', years: [2027], value: { percent: '200' } }])))).toEqual([{ code: 'amount_out_of_range', path: 'changes[0]' }]);
  });

  it('an amount with more than 80 significant digits is refused, not rounded', () => {
    const b = budget();
    const long = `1.${'0'.repeat(90)}1`;
    expect(issuesOf(() => loadScenario(scenario([{ kind: 'set-amount', line: 'L1', years: [2026], value: long }])))).toEqual([{ code: 'amount_out_of_range', path: 'changes[0].value' }]);
    expect(issuesOf(() => applyScenario(b, scenario([{ kind: 'set-amount', line: 'L1', years: [2026], value: { add: long } }])))).toEqual([{ code: 'amount_out_of_range', path: 'changes[0].value.add' }]);
  });

  it('index products are exact, whatever their number of digits', () => {
    // 40 rates of 1.234567 % in one year: the product has about 400 significant digits; the result is the
    // exact product rounded once
    const b = budget('euro', ['1000', '1000']);
    const changes: Change[] = Array.from({ length: 40 }, () => ({ kind: 'index', select: { lines: ['L1'] }, rates: { '2027': '1.234567' } }));
    const result = applyScenario(b, scenario(changes));
    let exact = 1000n * 10n ** 320n; // 1000 with 320 decimals of room
    for (let k = 0; k < 40; k++) exact = (exact * 101_234_567n) / 100_000_000n; // exact: each step divides by 10^8 exactly in the room left
    const cents = exact / 10n ** 318n;
    const rest = exact % 10n ** 318n;
    const rounded = rest * 2n >= 10n ** 318n ? cents + 1n : cents;
    expect((result.budget.sections[0]!.lines[0]!.values[2027] as Decimal).toFixed(2)).toBe(`${rounded / 100n}.${String(rounded % 100n).padStart(2, '0')}`);
  });

  it('amounts are limited in euros: EUR 0,50 can be written in a scenario in millions', () => {
    const b = budget('million', ['1', '2']);
    const s = scenario([{ kind: 'set-amount', line: 'L1', years: [2026], value: '0.0000005' }], { unit: 'million' });
    expect(loadScenario(s)).toEqual(s);
    expect((applyScenario(b, s).budget.sections[0]!.lines[0]!.values[2026] as Decimal).toFixed()).toBe('0.5');
    // without a unit the budget's unit (millions) decides
    const plain = scenario([{ kind: 'set-amount', line: 'L1', years: [2026], value: '0.0000005' }]);
    expect(loadScenario(plain, { budget: b })).toEqual(plain);
    expect(issuesOf(() => loadScenario(plain, { budget: budget('euro') }))).toEqual([{ code: 'amount_out_of_range', path: 'changes[0].value' }]);
    // a millionth of a euro is the least: a scenario in millions cannot write less
    expect(issuesOf(() => loadScenario(scenario([{ kind: 'set-amount', line: 'L1', years: [2026], value: '0.0000000000005' }], { unit: 'million' })))).toEqual([
      { code: 'amount_out_of_range', path: 'changes[0].value' },
    ]);
  });

  it('a result saves and loads again, also after a component is dropped', () => {
    const b = budget();
    const s = scenario([
      { kind: 'drop-line', line: 'L2#1' },
      { kind: 'set-amount', line: 'L2#2', years: [2026], value: { add: '1' } },
      { kind: 'add-line', section: 'S', after: 'L1', line: { id: 'N', title: 'Nieuw', nature: 'structural', values: { '2026': '999999999999999999.999999' }, components: [{ title: 'c', values: { '2027': '-pm' } }] } },
    ]);
    const result = applyScenario(b, s);
    expect(loadBudget(toDocument(result.budget))).toEqual(result.budget);
  });
});

describe('class 7: every route validates a scenario as strictly as loadScenario', () => {
  const b = budget();
  const addLine = (line: Record<string, unknown>): Scenario => scenario([{ kind: 'add-line', section: 'S', line: { title: 'Nieuw', nature: 'structural', ...line } as never }]);
  const refusedByAll = (s: unknown): ReturnType<typeof issuesOf> => {
    const loaded = issuesOf(() => loadScenario(s));
    expect(issuesOf(() => applyScenario(b, s as Scenario))).toEqual(loaded);
    expect(issuesOf(() => explain(b, s as Scenario, { line: 'L1', year: 2026 }))).toEqual(loaded);
    expect(issuesOf(() => attributeDifference(b, s as Scenario))).toEqual(loaded);
    expect(issuesOf(() => applyScenario(b, scenario([], { extends: 'lib' }), [{ ...(s as object), id: 'lib' } as Scenario]))).toEqual(loaded.map((i) => ({ ...i, path: `library.lib.${i.path}` })));
    const collector = new IssueCollector();
    checkScenarioShape(s, collector);
    expect(collector.issues.map((i) => ({ code: i.code, path: i.path }))).toEqual(loaded);
    return loaded;
  };

  it('add-line ids the loader refuses', () => {
    for (const id of ['constructor', 'prototype', '__proto__']) expect(refusedByAll(addLine({ id }))).toEqual([{ code: 'forbidden_key', path: 'changes[0].line.id' }]);
    for (const id of ['N#1', 'x'.repeat(65), '-a', 'a b']) expect(refusedByAll(addLine({ id }))).toEqual([{ code: 'invalid_id', path: 'changes[0].line.id' }]);
    expect(refusedByAll(addLine({ id: 'N', components: [{ id: 'constructor', title: 'c', values: { '2026': '1' } }] }))).toEqual([{ code: 'forbidden_key', path: 'changes[0].line.components[0].id' }]);
    expect(refusedByAll(addLine({ id: 'N', components: [{ id: 'N#2', title: 'c', values: { '2026': '1' } }] }))).toEqual([{ code: 'invalid_id', path: 'changes[0].line.components[0].id' }]);
  });

  it('add-line titles and tags the loader refuses', () => {
    expect(refusedByAll(addLine({ id: 'N', title: ' ' }))).toEqual([{ code: 'invalid_value', path: 'changes[0].line.title' }]);
    expect(refusedByAll(addLine({ id: 'N', title: 't'.repeat(1001) }))).toEqual([{ code: 'invalid_value', path: 'changes[0].line.title' }]);
    expect(refusedByAll(addLine({ id: 'N', tags: { goal: 'g'.repeat(1001) } }))).toEqual([{ code: 'invalid_value', path: 'changes[0].line.tags.goal' }]);
  });

  it('a parsed object with a __proto__ key', () => {
    const parsed = JSON.parse('{"id":"v","title":"V","changes":[{"kind":"add-line","section":"S","line":{"id":"N","title":"N","nature":"structural","tags":{"__proto__":"x"}}}]}') as unknown;
    expect(refusedByAll(parsed)).toEqual([{ code: 'forbidden_key', path: 'changes[0].line.tags.__proto__' }]);
  });

  it('holes in a list (a sparse array) are refused, not skipped', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(refusedByAll(addLine({ id: 'N', components: [, { title: 'c', values: { '2026': '1' } }] }))).toEqual([{ code: 'invalid_type', path: 'changes[0].line.components[0]' }]);
    // eslint-disable-next-line no-sparse-arrays
    expect(refusedByAll({ id: 'v', title: 'V', changes: [, { kind: 'drop-line', line: 'L1' }] })).toEqual([{ code: 'invalid_type', path: 'changes[0]' }]);
  });

  it('a reference named constructor', () => {
    expect(refusedByAll(scenario([{ kind: 'drop-line', line: 'constructor' }]))).toEqual([{ code: 'forbidden_key', path: 'changes[0].line' }]);
  });

  it('the longest ids and texts the loader accepts are accepted, and the result loads again', () => {
    const id = `N${'x'.repeat(63)}`;
    const s = addLine({ id, title: 't'.repeat(1000), tags: { goal: 'g'.repeat(1000) }, values: { '2026': '-999999999999999999.999999' }, components: [{ id: `C${'y'.repeat(63)}`, title: 'c'.repeat(1000), values: { '2027': '0.000001' } }] });
    const result = applyScenario(b, loadScenario(s, { budget: b }));
    expect(loadBudget(toDocument(result.budget))).toEqual(result.budget);
  });
});
