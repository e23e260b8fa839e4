import { createRequire } from 'node:module';
import { Decimal as DecimalEsm } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { isDecimal } from '../../src/core/decimal.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { readCsv, readYearTable, type YearTableOptions } from '../../src/document/csv.js';
import { IssueCollector, MeerjarenError } from '../../src/core/errors.js';
import { countWork } from '../../src/core/work.js';
import { DEFAULT_MAX_DEPTH, checkShape } from '../../src/document/json.js';
import { loadScenario } from '../../src/scenario/load.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { seedBudget } from '../helpers.js';

/** Bugs found while hardening, one test each, so they stay fixed. */
describe('hardening regressions', () => {
  const doc = (value: string): string =>
    `{"version":1,"title":"t","unit":"euro","horizon":{"from":2025,"to":2026},` +
    `"sections":[{"id":"1","title":"s","lines":[{"id":"a","title":"l","nature":"structural","values":{"2025":${value}}}]}]}`;

  it('a JSON object that looks like a decimal.js value is an invalid amount, not a TypeError', () => {
    let caught: unknown;
    try {
      loadBudget(doc('{"toStringTag":"[object Decimal]"}'));
    } catch (e) {
      caught = e;
    }
    expect(MeerjarenError.is(caught)).toBe(true);
    expect((caught as MeerjarenError).issues.map((i) => [i.code, i.path])).toContainEqual(['invalid_amount', 'sections[0].lines[0].values.2025']);
  });

  it('isDecimal still recognises values of every decimal.js copy', () => {
    const DecimalCjs = createRequire(import.meta.url)('decimal.js') as typeof DecimalEsm;
    expect(isDecimal(new DecimalEsm(1))).toBe(true);
    expect(isDecimal(new DecimalCjs(1))).toBe(true);
    expect(isDecimal(new (DecimalEsm.clone())(1))).toBe(true);
    expect(isDecimal({ toStringTag: '[object Decimal]' })).toBe(false);
  });

  it('a bigint year in a document object is an invalid year, not a TypeError from JSON.stringify', () => {
    const document = JSON.parse(doc('"1"')) as { horizon: { from: unknown } };
    document.horizon.from = 2025n;
    let caught: unknown;
    try {
      loadBudget(document);
    } catch (e) {
      caught = e;
    }
    expect(MeerjarenError.is(caught)).toBe(true);
    expect((caught as MeerjarenError).issues.map((i) => [i.code, i.path])).toContainEqual(['invalid_year', 'horizon.from']);
  });

  it('a decimal.js value as an amount in a document object is read, not refused for its own "constructor" key', () => {
    const DecimalCjs = createRequire(import.meta.url)('decimal.js') as typeof DecimalEsm;
    for (const value of [new DecimalEsm('12.5'), new DecimalCjs('-0.000001')]) {
      const document = JSON.parse(doc('"1"')) as { sections: { lines: { values: Record<string, unknown> }[] }[] };
      const target = document.sections[0]?.lines[0];
      if (target) target.values['2025'] = value;
      const budget = loadBudget(document);
      expect(String(budget.sections[0]?.lines[0]?.values['2025'])).toBe(value.toString());
    }
  });

  it('a version that cannot be printed (an object without a prototype) is an unsupported version, not a TypeError', () => {
    const document = JSON.parse(doc('"1"')) as { version: unknown };
    document.version = Object.create(null) as unknown;
    let caught: unknown;
    try {
      loadBudget(document);
    } catch (e) {
      caught = e;
    }
    expect(MeerjarenError.is(caught)).toBe(true);
    expect((caught as MeerjarenError).issues.map((i) => [i.code, i.path])).toContainEqual(['unsupported_version', 'version']);
  });

  it('a document object with a values array of 10^7 holes is refused as too large by its length, before it is walked', () => {
    const document = JSON.parse(doc('"1"')) as { sections: { lines: { values: unknown }[] }[] };
    const target = document.sections[0]?.lines[0];
    if (target) target.values = new Array(10_000_000);
    let caught: unknown;
    const work = countWork(
      () => loadBudget(document),
      (e) => (caught = e),
    );
    // the dozen values of the document around the array are walked, none of its 10^7 elements
    expect(work.counts.shapeValue).toBeLessThan(100);
    expect(work.total).toBeLessThan(1000);
    expect(MeerjarenError.is(caught)).toBe(true);
    expect((caught as MeerjarenError).issues.map((i) => [i.code, i.path])).toEqual([['too_large', 'sections[0].lines[0].values']]);
  });

  it('the value limit counts object keys too, and a document at the limit is walked', () => {
    const count = (value: unknown, maxValues: number): [string, string][] => {
      const collector = new IssueCollector();
      checkShape(value, DEFAULT_MAX_DEPTH, collector, maxValues);
      return collector.issues.map((i) => [i.code, i.path]);
    };
    const wide = { a: { k1: 1, k2: 2, k3: 3 } };
    expect(count(wide, 4)).toEqual([]);
    expect(count(wide, 3)).toEqual([['too_large', 'a']]);
    expect(count([[1, 2], [3]], 5)).toEqual([]);
    expect(count([[1, 2], [3]], 4)).toEqual([['too_large', '[1]']]);
  });

  it('readYearTable without a locale (or with an unknown one) is an error, not a table whose amounts are all nil', () => {
    const text = 'id;omschrijving;2025;2026\n1;a;-1.100;250\n';
    for (const [options, code] of [
      [{}, 'invalid_option'],
      [{ locale: 'de' }, 'invalid_option'],
    ] as const) {
      let caught: unknown;
      try {
        readYearTable(text, options as unknown as YearTableOptions);
      } catch (e) {
        caught = e;
      }
      expect(MeerjarenError.is(caught)).toBe(true);
      expect((caught as MeerjarenError).issues.map((i) => [i.code, i.path])).toEqual([[code, 'options.locale']]);
    }
    expect(readYearTable(text, { locale: 'nl' }).rows[0]?.values.map(String)).toEqual(['-1100', '250']);
  });
});

/** Bugs the scenario and CSV fuzzers found (test/hardening/fuzz-scenario.test.ts, fuzz-csv.test.ts). */
describe('fuzzing regressions', () => {
  const codes = (f: () => unknown): [string, string][] => {
    try {
      f();
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      return e.issues.map((i) => [i.code, i.path]);
    }
    return [];
  };

  it('a change kind that names an Object.prototype member ("toString", "__proto__") is an unknown kind, not a TypeError', () => {
    for (const kind of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const text = `{"id":"v","title":"t","changes":[{"kind":${JSON.stringify(kind)},"line":"1.1"}]}`;
      expect(codes(() => loadScenario(text))).toEqual([['unknown_change_kind', 'changes[0].kind']]);
      expect(codes(() => loadScenario(JSON.parse(text)))).toEqual([['unknown_change_kind', 'changes[0].kind']]);
    }
  });

  it('a change kind or measure id that JSON cannot print (a bigint, an object without prototype) is an issue, not a TypeError', () => {
    const bare = Object.create(null) as unknown;
    const scenario = {
      id: 'v',
      title: 't',
      changes: [
        { kind: 10n ** 30n, line: '1.1' },
        { kind: 'set-realisation', target: 'T1', measures: [bare, bare], realisation: 'none' },
      ],
    };
    expect(codes(() => loadScenario(scenario))).toEqual([
      ['unknown_change_kind', 'changes[0].kind'],
      ['invalid_id', 'changes[1].measures[0]'],
      ['invalid_id', 'changes[1].measures[1]'],
      ['duplicate_id', 'changes[1].measures[1]'],
    ]);
  });

  const seed = (): ReturnType<typeof loadBudget> => seedBudget('seed000-tb1-with-cover.json');
  const conflicting = (n: number): string =>
    `{"id":"v","title":"t","changes":[${Array.from({ length: n }, (_, i) => `{"kind":"set-amount","line":"1.5","years":[2025],"value":"${i}"}`).join(',')}]}`;

  it('a scenario with hundreds of changes setting one cell is refused with change_conflict, not a RangeError from the stack', () => {
    const found = codes(() => loadScenario(conflicting(600), { budget: seed() }));
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map(([code]) => code))).toEqual(new Set(['change_conflict']));
  });

  it('n changes of one cell give n - 1 conflicts (each with the latest earlier change it does not commute with), not n^2 / 2', () => {
    const budget = seed();
    const text = conflicting(900);
    expect(text.length).toBeLessThan(64 * 1024);
    let found: [string, string][] = [];
    const work = countWork(() => (found = codes(() => loadScenario(text, { budget }))));
    // each change compares itself with the latest earlier writer of the cell (and its own writes): a few
    // comparisons per change, not one per earlier change (n^2 / 2 = 404 550)
    expect(work.counts.writerVisit).toBeLessThanOrEqual(3 * 900);
    expect(found).toEqual(Array.from({ length: 899 }, (_, i) => ['change_conflict', `changes[${i + 1}]`]));
    // two additions commute; a set after them conflicts with the latest one only
    const mixed = { id: 'v', title: 't', changes: ['{"add":"1"}', '{"add":"2"}', '"5"'].map((v) => JSON.parse(`{"kind":"set-amount","line":"1.5","years":[2025],"value":${v}}`) as unknown) };
    expect(codes(() => loadScenario(mixed, { budget }))).toEqual([['change_conflict', 'changes[2]']]);
  });

  /**
   * The work counted (src/core/work.ts) while loading scenarios of 250 and of 2000 changes made by `change(i)`,
   * which must load. Before the fixes a walk through the draft per change made 2000 changes 800 ms (added lines)
   * and 440 ms (added claims), against about 70 ms now.
   */
  const workOfChanges = (change: (i: number) => string): [number, number] => {
    const budget = seed();
    return [250, 2000].map((n) => {
      const text = `{"id":"v","title":"t","changes":[${Array.from({ length: n }, (_, i) => change(i)).join(',')}]}`;
      let changes = 0;
      const work = countWork(() => (changes = loadScenario(text, { budget }).changes.length));
      expect(changes).toBe(n);
      return work.total;
    }) as [number, number];
  };

  it('2000 added lines load in linear work: rows are looked up by id, not by a walk through the draft per change', () => {
    const [few, many] = workOfChanges((i) => `{"kind":"add-line","section":"1","line":{"id":"N${i}","title":"t","nature":"structural","values":{"2026":"5"}}}`);
    // eight times the changes: at most twice eight times the work (a walk per change would be about 64 times)
    expect(many).toBeLessThanOrEqual(2 * 8 * few);
  });

  it('2000 added claims load in linear work: claim ids are a set, not a walk through the draft per added claim', () => {
    const [few, many] = workOfChanges((i) => `{"kind":"add-claim","claim":{"id":"C${i}","target":"1.4","source":"werkbudget-wmo"}}`);
    expect(many).toBeLessThanOrEqual(2 * 8 * few);
  });

  it('readYearTable reads a 60 KB CSV of 15 000 rows without freezing the grid it copies; readCsv still returns frozen rows', () => {
    const text = ['Omschrijving;2025', ...Array.from({ length: 15_000 }, () => 'a;1')].join('\r');
    expect(text.length).toBeLessThan(64 * 1024);
    const table = readYearTable(text, { locale: 'nl' });
    expect(table.rows).toHaveLength(15_000);
    expect(Object.isFrozen(table.rows[14_999]?.values)).toBe(true);
    const rows = readCsv('a;"b"\r\nc;d', { separator: ';' });
    expect(Object.isFrozen(rows) && rows.every((row) => Object.isFrozen(row))).toBe(true);
    expect(Object.isFrozen(readCsv('a;b\nc;d'))).toBe(true);
  });

  it("readYearTable under locale 'auto' reads a dense 60 KB table once: each distinct cell is read once per locale, not three times", () => {
    // 301 years and 100 rows of one-digit amounts: 107 ms before, about 7 ms now (18 ms with distinct integers)
    const header = `Omschrijving;${Array.from({ length: 301 }, (_, i) => String(1900 + i)).join(';')}`;
    const text = [header, ...Array.from({ length: 100 }, (_, r) => `r${r};${Array.from({ length: 301 }, (_, c) => String((r + c) % 10)).join(';')}`)].join('\r\n');
    expect(text.length).toBeLessThan(64 * 1024);
    let table: ReturnType<typeof readYearTable> | undefined;
    const work = countWork(() => (table = readYearTable(text, { locale: 'auto' })));
    expect(table?.rows[99]?.values.map(String).slice(0, 3)).toEqual(['9', '0', '1']);
    expect(table?.locale).toBe('nl');
    // 30 100 cells of ten distinct texts ("0" to "9"): ten amounts read, not 30 100 (or three times that)
    expect(work.counts.csvCell).toBeGreaterThanOrEqual(30_100);
    expect(work.counts.amountRead).toBeLessThanOrEqual(10);
    // a vote still needs a '.' or ',': "1.5" is English, "1,5" Dutch, "1.234" ambiguous
    const locale = (cell: string): unknown => readYearTable(`Omschrijving;2025;2026\r\na;7;"${cell}"`, { locale: 'auto', separator: ';' }).locale;
    expect([locale('1.5'), locale('1,5'), locale('7')]).toEqual(['en', 'nl', 'nl']);
    expect(codes(() => readYearTable('Omschrijving;2025;2026\r\na;7;1.234', { locale: 'auto' }))).toEqual([['ambiguous_amount', 'row[1].column[2]']]);
  });
});

describe('scenario library entries that are not scenarios', () => {
  it('a null in a library is passed over, not a TypeError', () => {
    const budget = seedBudget('seed000-tb1.json');
    const child = { id: 'child', title: 'c', extends: 'parent', changes: [] };
    for (const library of [[null, { id: 'x', title: 'x', changes: [] }], { parent: null }]) {
      let caught: unknown;
      try {
        applyScenario(budget, child, library as never);
      } catch (e) {
        caught = e;
      }
      expect(MeerjarenError.is(caught)).toBe(true);
      expect((caught as InstanceType<typeof MeerjarenError>).code).toBe('unknown_reference');
    }
  });
});

describe('documents handed over as objects hold data only', () => {
  it('a function or symbol anywhere is invalid_type at its path, not a DataCloneError or TypeError', () => {
    const codes = (run: () => unknown): { code: string; path: string }[] => {
      try {
        run();
      } catch (e) {
        if (MeerjarenError.is(e)) return e.issues.map((i) => ({ code: i.code, path: i.path }));
        throw e;
      }
      return [];
    };
    expect(codes(() => loadScenario({ id: 'v', title: 'V', changes: [], description: () => 1 }))).toEqual([{ code: 'invalid_type', path: 'description' }]);
    expect(codes(() => loadScenario({ id: 'v', title: 'V', changes: [{ kind: 'drop-line', line: '1.4', note: Symbol('x') }] }))).toEqual([
      { code: 'invalid_type', path: 'changes[0].note' },
    ]);
    const budget = { version: 1, title: 't', unit: 'euro', horizon: { from: 2025, to: 2025 }, sections: [], tags: { x: () => 1 } };
    expect(codes(() => loadBudget(budget))).toEqual([{ code: 'invalid_type', path: 'tags.x' }]);
  });
});
