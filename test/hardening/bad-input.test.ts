import { describe, expect, it } from 'vitest';
import { MeerjarenError } from '../../src/core/errors.js';
import { issuePairsOf } from '../helpers.js';
import { loadBudget, type LoadOptions } from '../../src/evaluate/load.js';
import { BAD_AMOUNTS } from '../../src/testing/index.js';
import { Dec } from '../../src/core/decimal.js';
import { allocateRounded } from '../../src/report/allocate.js';
import { readYearTable } from '../../src/document/csv.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import type { Change, Scenario, ScenarioLibrary } from '../../src/scenario/types.js';
import type { ScenarioResult } from '../../src/scenario/apply.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { isPm } from '../../src/model/budget.js';

/**
 * Issue 7: every bad input gives a coded error with a path, never a number. One row per input; each row
 * names the code and the path that must be among the issues.
 */

const HORIZON = '"horizon":{"from":2025,"to":2027}';
const line = (id: string, more = '', values = '{"2025":"1"}'): string => `{"id":"${id}","title":"l","nature":"structural","values":${values}${more}}`;
const doc = (lines: string, head = '', unit = 'euro', sectionMore = ''): string =>
  `{"version":1,"title":"t","unit":"${unit}",${HORIZON},${head}"sections":[{"id":"1","title":"s","lines":[${lines}]${sectionMore}}]}`;
const withAmount = (json: string, head = ''): string => doc(line('a', '', `{"2026":${json}}`), head);
const AMOUNT_PATH = 'sections[0].lines[0].values.2026';

/** The issues loading `input` reports, as `[code, path]` pairs; throws when it loads. */
const issuesOf = (input: unknown, options?: LoadOptions): [string, string][] => issuePairsOf(() => loadBudget(input, options));

interface Row {
  readonly name: string;
  readonly input: unknown;
  readonly code: string;
  readonly path: string;
  readonly options?: LoadOptions;
}

const amountRows: Row[] = [
  // JSON numbers that lost (or may lose) precision: strings or safe integers are required
  { name: 'integer beyond 2^53', input: withAmount('12345678901234567890'), code: 'imprecise_number', path: AMOUNT_PATH },
  { name: 'fraction with 19 digits', input: withAmount('0.1234567890123456789'), code: 'imprecise_number', path: AMOUNT_PATH },
  { name: '1e309 (overflows a float)', input: withAmount('1e309'), code: 'imprecise_number', path: AMOUNT_PATH },
  { name: '1e-9999999 (underflows a float)', input: withAmount('1e-9999999'), code: 'imprecise_number', path: AMOUNT_PATH },
  // strings that are not plain decimals
  { name: '"1e999999999"', input: withAmount('"1e999999999"'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"Infinity"', input: withAmount('"Infinity"'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"NaN"', input: withAmount('"NaN"'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"0x1F"', input: withAmount('"0x1F"'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"0b101"', input: withAmount('"0b101"'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"1_000"', input: withAmount('"1_000"'), code: 'invalid_amount', path: AMOUNT_PATH },
  // locale forms in the wrong place
  { name: '"1.234,56" with no numberFormat', input: withAmount('"1.234,56"'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"1,234.56" with no numberFormat', input: withAmount('"1,234.56"'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"1.234,56" under numberFormat en', input: withAmount('"1.234,56"', '"numberFormat":"en",'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"1,234.56" under numberFormat nl', input: withAmount('"1,234.56"', '"numberFormat":"nl",'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"1.234" under numberFormat plain with grouping', input: withAmount('"1.234.567"', '"numberFormat":"plain",'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"EUR 1.000"', input: withAmount('"EUR 1.000"', '"numberFormat":"nl",'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: '"(1.000)"', input: withAmount('"(1.000)"', '"numberFormat":"nl",'), code: 'invalid_amount', path: AMOUNT_PATH },
  { name: 'ambiguous "1.234" with no numberFormat', input: withAmount('"1.234"'), code: 'ambiguous_amount', path: AMOUNT_PATH },
  // empty amounts are never 0
  { name: 'empty string', input: withAmount('""'), code: 'empty_amount', path: AMOUNT_PATH },
  { name: 'whitespace', input: withAmount('" \\t "'), code: 'empty_amount', path: AMOUNT_PATH },
  { name: 'null in an object of values', input: withAmount('null'), code: 'empty_amount', path: AMOUNT_PATH },
  // beyond the digit limits
  { name: '19 digits before the point', input: withAmount('"1000000000000000000"'), code: 'amount_out_of_range', path: AMOUNT_PATH },
  { name: '7 decimals in euros', input: withAmount('"0.0000001"'), code: 'amount_out_of_range', path: AMOUNT_PATH },
  { name: '16 digits x EUR 1.000', input: doc(line('a', '', '{"2026":"1000000000000000"}'), '', 'thousand'), code: 'amount_out_of_range', path: AMOUNT_PATH },
];

const structureRows: Row[] = [
  // duplicates
  { name: 'duplicate key', input: doc(line('a', ',"title":"again"')), code: 'duplicate_key', path: 'sections[0].lines[0].title' },
  { name: 'duplicate year key', input: doc(line('a', '', '{"2025":"1","2025":"2"}')), code: 'duplicate_key', path: 'sections[0].lines[0].values.2025' },
  { name: 'duplicate line id', input: doc(`${line('a')},${line('a')}`), code: 'duplicate_id', path: 'sections[0].lines[1].id' },
  {
    name: 'component id equal to a line id',
    input: doc(`${line('a')},{"id":"b","title":"l","nature":"structural","components":[{"id":"a","title":"c","values":["1"]}]}`),
    code: 'duplicate_id',
    path: 'sections[0].lines[1].components[0].id',
  },
  {
    name: 'duplicate section id',
    input: `{"version":1,"title":"t","unit":"euro",${HORIZON},"sections":[{"id":"1","title":"s","lines":[${line('a')}]},{"id":"1","title":"s","lines":[${line('b')}]}]}`,
    code: 'duplicate_id',
    path: 'sections[1].id',
  },
  {
    name: 'a year in two column groups',
    input: `{"version":1,"title":"t","unit":"euro","horizon":{"from":2025,"to":2027,"groups":[{"label":"a","from":2025,"to":2026},{"label":"b","from":2026,"to":2027}]},"sections":[]}`,
    code: 'duplicate_year',
    path: 'horizon.groups[1]',
  },
  // years
  { name: 'a year written as a string', input: `{"version":1,"title":"t","unit":"euro","horizon":{"from":"2025","to":2027},"sections":[]}`, code: 'invalid_year', path: 'horizon.from' },
  { name: 'a year that is not an integer', input: `{"version":1,"title":"t","unit":"euro","horizon":{"from":2025.5,"to":2027},"sections":[]}`, code: 'invalid_year', path: 'horizon.from' },
  { name: 'a year written 2025.0', input: `{"version":1,"title":"t","unit":"euro","horizon":{"from":2025,"to":2027.0},"sections":[]}`, code: 'invalid_year', path: 'horizon.to' },
  { name: 'a year key that is not a year', input: doc(line('a', '', '{"25":"1","2026":"1"}')), code: 'invalid_year', path: 'sections[0].lines[0].values.25' },
  { name: 'a year key 2026.0', input: doc(line('a', '', '{"2026.0":"1","2025":"1"}')), code: 'invalid_year', path: 'sections[0].lines[0].values.2026.0' },
  { name: 'a year outside the horizon', input: doc(line('a', '', '{"2030":"1","2025":"1"}')), code: 'year_outside_horizon', path: 'sections[0].lines[0].values.2030' },
  { name: 'more values than years', input: doc(line('a', '', '["1","2","3","4"]')), code: 'year_outside_horizon', path: 'sections[0].lines[0].values[3]' },
  // marks
  { name: 'a line without its nature mark', input: doc('{"id":"a","title":"l","values":{"2025":"1"}}'), code: 'missing_nature', path: 'sections[0].lines[0].nature' },
  {
    name: 'a component without a nature mark (nor its line)',
    input: doc('{"id":"a","title":"l","components":[{"title":"c","values":["1"]}]}'),
    code: 'missing_nature',
    path: 'sections[0].lines[0].components[0].nature',
  },
  { name: 'a misspelt nature', input: doc(line('a', ',"nature":"Structural"').replace('"nature":"structural",', '')), code: 'invalid_value', path: 'sections[0].lines[0].nature' },
  // nesting and size
  { name: 'deep nesting in JSON text', input: doc(line('a', `,"tags":${'['.repeat(40)}${']'.repeat(40)}`)), code: 'too_deep', path: 'sections[0].lines[0].tags' + '[0]'.repeat(27) },
  {
    name: 'deep nesting in an object',
    input: JSON.parse(doc(line('a', `,"tags":${'['.repeat(40)}${']'.repeat(40)}`))) as unknown,
    code: 'too_deep',
    path: 'sections[0].lines[0].tags' + '[0]'.repeat(27),
  },
  { name: 'nesting beyond a lowered depth limit', input: doc(line('a')), code: 'too_deep', path: 'sections[0]', options: { maxDepth: 2 } },
  { name: 'oversized input', input: doc(line('a')) + ' '.repeat(200), code: 'too_large', path: '', options: { maxLength: 200 } },
  { name: 'a text beyond 1000 characters', input: doc(line('a').replace('"title":"l"', `"title":"${'x'.repeat(1001)}"`)), code: 'invalid_value', path: 'sections[0].lines[0].title' },
  { name: 'an id beyond 64 characters', input: doc(line('a'.repeat(65))), code: 'invalid_id', path: 'sections[0].lines[0].id' },
  // printed totals
  {
    name: 'a section subtotal off by more than rounding',
    input: doc(`${line('a')},${line('b')}`, '', 'thousand', ',"expected":{"2025":"4"}'),
    code: 'total_mismatch',
    path: 'sections[0].expected.2025',
  },
  {
    name: 'a grand total off by more than rounding',
    input: doc(`${line('a')},${line('b')}`, '"expected":{"2025":"0"},', 'thousand'),
    code: 'total_mismatch',
    path: 'expected.2025',
  },
  {
    name: 'a line subtotal that does not equal its components',
    input: doc('{"id":"a","title":"l","nature":"structural","row":"subtotal","values":{"2025":"5"},"components":[{"title":"c","values":["1"]},{"title":"d","values":["1"]}]}'),
    code: 'total_mismatch',
    path: 'sections[0].lines[0].values.2025',
  },
  {
    name: 'a subtotal off by one cent in euros (nothing to round)',
    input: doc(`${line('a', '', '{"2025":"1.25"}')}`, '', 'euro', ',"expected":{"2025":"1.26"}'),
    code: 'total_mismatch',
    path: 'sections[0].expected.2025',
  },
  // JSON text
  { name: 'empty text', input: '', code: 'invalid_json', path: '' },
  { name: 'trailing text', input: doc(line('a')) + ' x', code: 'invalid_json', path: '' },
  { name: 'a trailing comma', input: doc(line('a')).replace(']}]}', '],}]}'), code: 'invalid_json', path: 'sections[0]' },
  { name: 'a bare NaN', input: withAmount('NaN'), code: 'invalid_json', path: AMOUNT_PATH },
  { name: 'a lone control character in a string', input: doc(line('a').replace('"title":"l"', '"title":"a\u0001b"')), code: 'invalid_json', path: 'sections[0].lines[0].title' },
  { name: 'not an object', input: '[]', code: 'invalid_type', path: '' },
  { name: 'unknown field', input: doc(line('a', ',"vaules":{}')), code: 'unknown_field', path: 'sections[0].lines[0].vaules' },
];

const forbiddenRows: Row[] = ['__proto__', 'constructor', 'prototype'].flatMap((key): Row[] => [
  { name: `${key} as a line id`, input: doc(line(key)), code: 'forbidden_key', path: 'sections[0].lines[0].id' },
  {
    name: `${key} as a section id`,
    input: `{"version":1,"title":"t","unit":"euro",${HORIZON},"sections":[{"id":"${key}","title":"s","lines":[${line('a')}]}]}`,
    code: 'forbidden_key',
    path: 'sections[0].id',
  },
  {
    name: `${key} as a component id`,
    input: doc(`{"id":"a","title":"l","nature":"structural","components":[{"id":"${key}","title":"c","values":["1"]}]}`),
    code: 'forbidden_key',
    path: 'sections[0].lines[0].components[0].id',
  },
  { name: `${key} as a key in JSON text`, input: doc(line('a', `,"${key}":{"polluted":true}`)), code: 'forbidden_key', path: `sections[0].lines[0].${key}` },
  { name: `${key} as a tags key in JSON text`, input: doc(line('a', `,"tags":{"${key}":"x"}`)), code: 'forbidden_key', path: `sections[0].lines[0].tags.${key}` },
  { name: `${key} as a year key`, input: doc(line('a', '', `{"2025":"1","${key}":"1"}`)), code: 'forbidden_key', path: `sections[0].lines[0].values.${key}` },
  {
    name: `${key} as a key in an object (JSON.parse)`,
    input: JSON.parse(doc(line('a', `,"${key}":{"polluted":true}`))) as unknown,
    code: 'forbidden_key',
    path: `sections[0].lines[0].${key}`,
  },
  { name: `${key} as a tags key in an object`, input: JSON.parse(doc(line('a', `,"tags":{"${key}":"x"}`))) as unknown, code: 'forbidden_key', path: `sections[0].lines[0].tags.${key}` },
  { name: `${key} as a top-level key`, input: `{"${key}":{"polluted":true},${doc(line('a')).slice(1)}`, code: 'forbidden_key', path: key },
]);

describe('bad input gives a coded error with a path, never a number', () => {
  it.each([...amountRows, ...structureRows, ...forbiddenRows].map((r) => [r.name, r] as const))('%s', (_name, row) => {
    expect(issuesOf(row.input, row.options)).toContainEqual([row.code, row.path]);
  });

  it.each(BAD_AMOUNTS.map((b) => [b.json, b] as const))('BAD_AMOUNTS %s gives its code', (_json, bad) => {
    expect(issuesOf(withAmount(bad.json))).toContainEqual([bad.code, AMOUNT_PATH]);
  });

  it('reports every problem at once, in document order', () => {
    const input = doc(`${line('a', '', '{"2025":"0x1","2026":""}')},${line('a', '', '{"2025":"1.234"}')}`);
    expect(issuesOf(input)).toEqual([
      ['invalid_amount', 'sections[0].lines[0].values.2025'],
      ['empty_amount', 'sections[0].lines[0].values.2026'],
      ['duplicate_id', 'sections[0].lines[1].id'],
      ['ambiguous_amount', 'sections[0].lines[1].values.2025'],
    ]);
  });

  it('a forbidden key never reaches a prototype and never drops a line silently', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).length;
    expect(() => loadBudget(doc(line('a', ',"__proto__":{"polluted":true}')))).toThrow(MeerjarenError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(before);
  });

  it('a subtotal within rounding is accepted (an afrondingsverschil, not an error)', () => {
    // 1 + 1 printed as 3 (x 1.000): a difference of 1.000 euros, exactly what rounding two rows can explain
    const b = loadBudget(doc(`${line('a')},${line('b')}`, '', 'thousand', ',"expected":{"2025":"3"}'));
    expect(evaluate(b).checks.map((c) => [c.scope, c.path, c.status, c.difference.toFixed(), c.tolerance.toFixed()])).toEqual([
      ['section', 'sections[0].expected.2025', 'rounding', '1000', '1000'],
    ]);
  });

  it('"-0" and 0 are read as zero, and "1.234" is read once a numberFormat is declared', () => {
    const b = loadBudget(doc(line('a', '', '{"2025":"-0","2026":"1.234"}'), '"numberFormat":"nl",'));
    const values = b.sections[0]?.lines[0]?.values ?? {};
    expect(String(values['2025'])).toBe('0');
    expect(String(values['2026'])).toBe('1234');
  });
});

/** Rows for what other modules own: each runs a call that must throw a coded error with a path. */
interface CallRow {
  readonly name: string;
  readonly run: () => unknown;
  readonly code: string;
  readonly path: string;
}

const yearTable = (header: string, row = '1;a;1;2'): (() => unknown) => () => readYearTable(`${header}\n${row}\n`, { locale: 'nl' });

const csvRows: CallRow[] = [
  ...['__proto__', 'constructor', 'prototype'].map((key): CallRow => ({ name: `${key} as a CSV header`, run: yearTable(`id;omschrijving;2025;${key}`), code: 'forbidden_key', path: 'row[0].column[3]' })),
  { name: 'a CSV header twice', run: yearTable('id;omschrijving;omschrijving;2025', '1;a;b;1'), code: 'duplicate_key', path: 'row[0].column[2]' },
  { name: 'a CSV year column twice', run: yearTable('id;omschrijving;2025;2025'), code: 'duplicate_year', path: 'row[0].column[3]' },
  { name: 'a CSV cell that cannot be read', run: yearTable('id;omschrijving;2025;2026', '1;a;1;x1'), code: 'invalid_amount', path: 'row[1].column[3]' },
  { name: 'a CSV cell 1,234.56 under locale nl', run: yearTable('id;omschrijving;2025;2026', '1;a;1;"1,234.56"'), code: 'invalid_amount', path: 'row[1].column[3]' },
  { name: 'a CSV id twice', run: () => readYearTable('id;omschrijving;2025\n1;a;1\n1;b;2\n', { locale: 'nl' }), code: 'duplicate_id', path: 'row[2].column[0]' },
  { name: 'a CSV read without a locale', run: () => readYearTable('id;omschrijving;2025\n1;a;1\n', {} as never), code: 'invalid_option', path: 'options.locale' },
];

// allocateRounded has no weights: its "weights" are the parts themselves, with a step and fixed flags
const d = (v: string | number): InstanceType<typeof Dec> => new Dec(v);
const allocationRows: CallRow[] = [
  { name: 'allocation over no parts with a total', run: () => allocateRounded([], d(5), d(1), 'half-up'), code: 'total_mismatch', path: 'total' },
  { name: 'allocation with a zero step', run: () => allocateRounded([d(1)], d(1), d(0), 'half-up'), code: 'invalid_value', path: 'step' },
  { name: 'allocation with a negative step', run: () => allocateRounded([d(1)], d(1), d(-1000), 'half-up'), code: 'invalid_value', path: 'step' },
  { name: 'allocation with a NaN part', run: () => allocateRounded([d(1), d(NaN)], d(1), d(1), 'half-up'), code: 'invalid_amount', path: 'parts[1]' },
  { name: 'allocation with an infinite total', run: () => allocateRounded([d(1)], d(Infinity), d(1), 'half-up'), code: 'invalid_amount', path: 'total' },
  { name: 'allocation with fixed flags of the wrong length', run: () => allocateRounded([d(1), d(2)], d(3), d(1), 'half-up', { fixed: [true] }), code: 'invalid_value', path: 'fixed' },
  { name: 'allocation whose fixed parts cannot reach the total', run: () => allocateRounded([d(1), d(2)], d(5), d(1), 'half-up', { fixed: [true, true] }), code: 'total_mismatch', path: 'total' },
];

const baseline = loadBudget(
  doc(`${line('inc', '', '{"2025":"10","2026":"10","2027":"10"}')},${line('exp', '', '{"2025":"-10","2026":"pm","2027":"-10"}')}`),
);
const scenarioCall =
  (changes: unknown[], more: Partial<Scenario> = {}, library?: ScenarioLibrary): (() => unknown) =>
  () =>
    applyScenario(baseline, { id: 's', title: 's', changes: changes as Change[], ...more }, library);
const index = (lines: string[], more: object = {}): unknown => ({ kind: 'index', select: { lines }, rates: { '2026': '2' }, ...more });

const scenarioRows: CallRow[] = [
  { name: 'a scenario change on an unknown line', run: scenarioCall([{ kind: 'set-amount', line: 'nope', years: [2025], value: '1' }]), code: 'unknown_reference', path: 'changes[0].line' },
  { name: 'a scenario change in a year outside the horizon', run: scenarioCall([{ kind: 'set-amount', line: 'inc', years: [2030], value: '1' }]), code: 'year_outside_horizon', path: 'changes[0].years[0]' },
  { name: 'a scenario change on an unknown cover source', run: scenarioCall([{ kind: 'set-capacity', source: 'nope', capacity: 'unlimited' }]), code: 'unknown_reference', path: 'changes[0].source' },
  { name: 'a pm range with low above high', run: scenarioCall([{ kind: 'estimate-pm', line: 'exp', value: { low: '5', likely: '0', high: '-5' } }]), code: 'invalid_range', path: 'changes[0].value' },
  { name: 'a scenario that extends itself', run: scenarioCall([], { extends: 's' }), code: 'cycle', path: 'extends' },
  {
    name: 'stacked scenarios that extend each other',
    run: scenarioCall([], { extends: 'a' }, [{ id: 'a', title: 'a', extends: 's', changes: [] }]),
    code: 'cycle',
    path: 'library.a.extends',
  },
  { name: 'a scenario that extends an unknown one', run: scenarioCall([], { extends: 'x' }), code: 'unknown_reference', path: 'extends' },
  // income indexed but not the expenses declared linked to it (and the reverse)
  { name: 'indexation of linked income without its expense', run: scenarioCall([index(['inc'], { links: [['inc', 'exp']] })]), code: 'unlinked_indexation', path: 'changes[0].links[0]' },
  { name: 'indexation of a linked expense without its income', run: scenarioCall([index(['exp'], { links: [['inc', 'exp']], requireLinked: true })]), code: 'unlinked_indexation', path: 'changes[0].links[0]' },
  { name: 'a link to an unknown line', run: scenarioCall([index(['inc'], { links: [['inc', 'zzz']] })]), code: 'unknown_reference', path: 'changes[0].links[0][1]' },
  { name: 'a link that is not a pair', run: scenarioCall([index(['inc'], { links: [['inc']] })]), code: 'invalid_type', path: 'changes[0].links[0]' },
  { name: 'requireLinked without links', run: scenarioCall([index(['inc'], { requireLinked: true })]), code: 'missing_field', path: 'changes[0].links' },
];

describe('bad input to other modules gives a coded error with a path', () => {
  it.each([...csvRows, ...allocationRows, ...scenarioRows].map((r) => [r.name, r] as const))('%s', (_name, row) => {
    expect(issuePairsOf(row.run)).toContainEqual([row.code, row.path]);
  });

  it('indexing both sides of a link, or one side with requireLinked false, is accepted', () => {
    const values = (run: () => unknown): [string, Record<string, string>][] =>
      (run() as ScenarioResult).budget.sections[0]!.lines.map((l) => [l.id, Object.fromEntries(Object.entries(l.values).map(([y, v]) => [y, isPm(v) ? 'pm' : v.toFixed()]))]);
    // 2% in 2026, the new level carried into 2027; a pm stays pm
    expect(values(scenarioCall([index(['inc', 'exp'], { links: [['inc', 'exp']] })]))).toEqual([
      ['inc', { '2025': '10', '2026': '10.2', '2027': '10.2' }],
      ['exp', { '2025': '-10', '2026': 'pm', '2027': '-10.2' }],
    ]);
    expect(values(scenarioCall([index(['inc'], { links: [['inc', 'exp']], requireLinked: false })]))).toEqual([
      ['inc', { '2025': '10', '2026': '10.2', '2027': '10.2' }],
      ['exp', { '2025': '-10', '2026': 'pm', '2027': '-10' }],
    ]);
  });
});
