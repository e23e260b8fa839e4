import fc from 'fast-check';
import { assertNoPoisoning, restoreGlobals } from '@fast-check/poisoning';
import { afterAll, describe, expect, it } from 'vitest';
import type { Budget } from '../../src/model/budget.js';
import { MeerjarenError } from '../../src/core/errors.js';
import { countWork } from '../../src/core/work.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { withTargets } from '../../src/validate/with-targets.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario, ScenarioLibrary } from '../../src/scenario/types.js';
import { badAmountArb } from '../../src/testing/index.js';
import { orRefused, seedText } from '../helpers.js';
import { scenarioArb } from '../scenario/arbitraries.js';
import { itemChangesArb } from '../scenario/cover-arbitraries.js';
import { hostileScenarioTexts, indexScenarioText } from './hostile-texts.js';
import { applyEdit, textEdits } from './text-mutations.js';

/**
 * Issue 7, loader fuzzing of scenario documents: generated scenarios (valid by construction, from a grammar of
 * every change kind, and the example files), then mutated as JSON text and as objects, loaded with
 * `loadScenario` without and with the seed budget (and a library they may extend), and applied when they load.
 * Only a MeerjarenError may escape, no prototype may be polluted, and loading a text against the budget takes work
 * linear in its length: the steps counted (src/core/work.ts: values parsed, fields and amounts read, cells written,
 * earlier writers of a cell compared, rows walked) stay under {@link WORK_PER_CHARACTER} per character. Counted,
 * not timed, so that a busy machine cannot fail the test; `npm run bench -- --loaders` prints the times.
 */

const DEEP = Boolean(process.env.MEERJAREN_DEEP);
/** Per test: texts and objects together make 10 000 scenario documents in CI. */
const RUNS = DEEP ? 50_000 : 5_000;
/** A guard against a hang, not a limit on speed (as vitest.config.ts): a busy machine may take minutes. */
const TIMEOUT = DEEP ? 1_800_000 : 600_000;
/**
 * Most counted steps per character of a scenario text (plus {@link WORK_BASE}) that loading it against the budget
 * may take. Linear work stays far below it (see the printed maximum); a walk per change through the changes
 * before it (n^2 / 2 comparisons) passes it on any text of a few hundred changes.
 */
const WORK_PER_CHARACTER = 16;
/** Steps any scenario may take whatever its length (reading the seed's rows, a change of every cell of a line). */
const WORK_BASE = 2000;
const IGNORED = { ignoredRootRegex: /^(__vitest.*|AbortController|__VITEST.*)$/ };

const data = seedText;
const seed = loadBudget(data('seed000-tb1-with-cover.json'));
/** The seed with a savings target, so that target and measure changes have something to change. */
const seedWithTargets = withTargets(seed, [
  {
    id: 'T1',
    title: 'Taakstelling sociaal domein',
    path: { '2026': '500', '2027': '1000', '2028': '1500', '2029': 'pm' },
    measures: [
      { id: 'M1', title: 'Inkoop', status: 'decided', planned: { '2026': '200', '2027': '400', '2028': '600' }, realisation: 'as-planned' },
      { id: 'M2', title: 'Voorveld', status: 'decided', planned: { '2027': '300', '2028': '300' }, realisation: { rate: '0.5' } },
    ],
  },
]);
const BASELINES: Readonly<Record<'seed' | 'targets', Budget>> = { seed, targets: seedWithTargets };
const seedTotal = JSON.stringify(evaluate(seed).total);

const EXAMPLES: readonly unknown[] = ['scenario-hervormingsagenda.json', 'scenario-motion-2506-84.json', 'scenario-pm-estimates.json', 'scenario-pm-estimates-structural.json'].flatMap(
  (file) => {
    const parsed = JSON.parse(data(file)) as unknown;
    return Array.isArray(parsed) ? parsed : [parsed];
  },
);

const stats = { inputs: 0, texts: 0, shaped: 0, checked: 0, applied: 0, refused: 0, maxPerCharacter: 0, maxWork: 0, maxBytes: 0, busiest: '' };

/** One fuzz case: a scenario (text or object), a library it may extend, and the baseline to check it against. */
interface Case {
  readonly input: unknown;
  readonly library: ScenarioLibrary | undefined;
  /** Which baseline: the seed, or the seed with a savings target. */
  readonly baseline: keyof typeof BASELINES;
}

/** Loads one input without and with the budget, applies it when it loads, and counts the loader's work on text. */
function attempt({ input, library, baseline: name }: Case): number {
  const baseline = BASELINES[name];
  const shaped = orRefused(() => loadScenario(input));
  let checked: ReturnType<typeof loadScenario> | undefined;
  const work = countWork(
    () => (checked = loadScenario(input, { budget: baseline, ...(library === undefined ? {} : { library }) })),
    (e) => {
      if (!MeerjarenError.is(e)) throw e;
      expect(e.issues.length).toBeGreaterThan(0);
    },
  );
  // a scenario the budget accepts has a valid shape
  if (checked !== undefined) expect(shaped).toBeDefined();
  if (shaped !== undefined) {
    const result = orRefused(() => applyScenario(baseline, shaped, library, { conflicts: 'report' }));
    if (result !== undefined) {
      orRefused(() => evaluate(result.budget));
      stats.applied++;
    }
  }
  stats.inputs++;
  if (shaped !== undefined) stats.shaped++;
  if (checked !== undefined) stats.checked++;
  else stats.refused++;
  if (typeof input === 'string') {
    stats.texts++;
    // the scenarios of the library are read too: their length counts as the text's
    const length = input.length + (library === undefined ? 0 : JSON.stringify(library).length);
    const perCharacter = work.total / Math.max(1, length);
    if (perCharacter > stats.maxPerCharacter && length > 256) Object.assign(stats, { maxPerCharacter: perCharacter, maxWork: work.total, maxBytes: length, busiest: input.slice(0, 160) });
    expect(work.total, `scenario text of ${length} characters (with its library) took ${work.total} steps (${JSON.stringify(work.counts)}): ${input.slice(0, 300)}`).toBeLessThanOrEqual(
      WORK_PER_CHARACTER * length + WORK_BASE,
    );
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  return work.total;
}

// ---- generated scenarios ---------------------------------------------------------------------------

const rows = seed.sections.flatMap((s) => s.lines.flatMap((l) => [l.id, ...l.components.map((c) => c.id)]));
const LINES = [...rows, 'HA', 'N1', 'nope', '4.2.1', '__proto__', 'constructor', ''];
const SECTIONS = [...seed.sections.map((s) => s.id), '9', 'prototype'];
const CLAIMS = [...(seed.cover?.claims.map((c) => c.id) ?? []), 'C9'];
const SOURCES = [...Object.keys(seed.cover?.sources ?? {}), 'S9'];
const TARGETS = ['T1', 'T9'];
const MEASURES = ['M1', 'M2', 'M9'];
const HORIZON = seed.horizon.years;

const id = (pool: readonly string[]): fc.Arbitrary<string> => fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const yearArb = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...HORIZON) }, { weight: 1, arbitrary: fc.constantFrom(1899, 2024, 2032, 2201, 2026.5) });
const yearsArb = fc.oneof(
  fc.uniqueArray(yearArb, { minLength: 1, maxLength: 4 }),
  fc.record({ from: yearArb }),
  fc.record({ from: yearArb, to: yearArb }),
  fc.constantFrom<unknown>([], [2026, 2026], { to: 2027 }, 'all', '2026'),
);
const plainAmount = fc.oneof(
  fc.integer({ min: -5000, max: 5000 }).map(String),
  fc.integer({ min: -500_000, max: 500_000 }).map((n) => (n / 100).toFixed(2)),
  fc.constantFrom('0', '-0', '1.234', '1,5', '1.234,56', '12345678901234567', '0.0000001'),
  fc.integer({ min: -5000, max: 5000 }),
);
const amountArb = fc.oneof({ weight: 12, arbitrary: plainAmount }, { weight: 1, arbitrary: badAmountArb().map((b) => JSON.parse(b.json) as unknown) });
const positive = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }).map(String) }, { weight: 1, arbitrary: amountArb });
const rateArb = fc.oneof(fc.integer({ min: -20, max: 30 }).map((n) => (n / 2).toString()), fc.constantFrom('-100', '-150', 'pm', '2,5'));
const byYear = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> =>
  fc.uniqueArray(yearArb, { maxLength: 4 }).chain((ys) => fc.tuple(...ys.map(() => value)).map((vs) => Object.fromEntries(ys.map((y, i) => [String(y), vs[i] as T]))));
const natureArb = fc.constantFrom<unknown>('incidental', 'structural', 'structureel', undefined);
const tagsArb = fc.option(fc.dictionary(fc.constantFrom('goal', 'taakstelling', 'x'), fc.constantFrom('2.1', '2.2', 'hervormingsagenda')), { nil: undefined });
const valueSpec = fc.oneof(amountArb, fc.constantFrom<unknown>('pm', '-pm', '+PM', null), amountArb.map((a) => ({ percent: a })), amountArb.map((a) => ({ add: a })));
const extentArb = fc.oneof(fc.constant<unknown>('full'), positive.map((share) => ({ share: share === '0' ? '0' : `0.${share}` })), byYear(positive).map((amount) => ({ amount })));
const realisationArb = fc.oneof(
  fc.constantFrom<unknown>('as-planned', 'none', 'late'),
  fc.record({ rate: fc.constantFrom('0', '0.5', '1', '1.5', '-1'), abovePlan: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['rate'] }),
  fc.record({ delay: fc.integer({ min: -1, max: 3 }), rate: fc.option(fc.constantFrom('0.5', '2'), { nil: undefined }) }, { requiredKeys: ['delay'] }),
  byYear(positive).map((amount) => ({ amount })),
);
const note = fc.option(fc.constantFrom('motie', 'advies', 'x'.repeat(1001)), { nil: undefined });

/** A change of any kind, its fields drawn from the seed's ids and plausible values (mostly valid, sometimes not). */
const changeArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ kind: fc.constant('set-amount'), line: id(LINES), years: yearsArb, value: valueSpec, note }, { requiredKeys: ['kind', 'line', 'years', 'value'] }),
  fc.record(
    { kind: fc.constant('estimate-pm'), line: id(LINES), years: yearsArb, value: fc.oneof(amountArb, fc.record({ low: amountArb, likely: amountArb, high: amountArb })) },
    { requiredKeys: ['kind', 'line', 'value'] },
  ),
  fc.record({ kind: fc.constant('drop-line'), line: id(LINES), note }, { requiredKeys: ['kind', 'line'] }),
  fc.record({ kind: fc.constant('set-nature'), line: id(LINES), nature: natureArb }, { requiredKeys: ['kind', 'line', 'nature'] }),
  fc.record(
    {
      kind: fc.constant('add-line'),
      section: id(SECTIONS),
      after: id(LINES),
      line: fc.record(
        {
          id: id(['N1', 'N2', '1.1', 'HA']),
          title: fc.constantFrom('Nieuw beleid', '', ' '),
          nature: natureArb,
          tags: tagsArb,
          values: byYear(fc.oneof(amountArb, fc.constant('pm'))),
          components: fc.array(fc.record({ id: fc.option(id(['N1.a', 'N1.b', '1.1']), { nil: undefined }), title: fc.constant('deel'), nature: natureArb, values: byYear(amountArb) }, { requiredKeys: ['title', 'values'] }), {
            maxLength: 2,
          }),
        },
        { requiredKeys: ['id', 'title', 'nature'] },
      ),
    },
    { requiredKeys: ['kind', 'section', 'line'] },
  ),
  fc.record({ kind: fc.constant('move-amount'), from: id(LINES), to: id(LINES), years: yearsArb, amount: amountArb }),
  fc.record(
    {
      kind: fc.constant('index'),
      select: fc.record({ lines: fc.array(id(LINES), { maxLength: 3 }), tags: tagsArb }, { requiredKeys: [] }),
      rates: byYear(rateArb),
      links: fc.array(fc.tuple(id(LINES), id(LINES)), { maxLength: 2 }),
      requireLinked: fc.boolean(),
    },
    { requiredKeys: ['kind', 'select', 'rates'] },
  ),
  fc.record(
    {
      kind: fc.constant('add-claim'),
      claim: fc.record({ id: id(['C7', 'C8', ...CLAIMS]), target: id(LINES), source: id(SOURCES), extent: extentArb, years: fc.uniqueArray(yearArb, { maxLength: 3 }) }, { requiredKeys: ['id', 'target', 'source'] }),
      before: id(CLAIMS),
    },
    { requiredKeys: ['kind', 'claim'] },
  ),
  fc.record({ kind: fc.constant('set-claim'), claim: id(CLAIMS), source: id(SOURCES), extent: extentArb, years: fc.oneof(fc.constant<unknown>('all'), yearsArb) }, { requiredKeys: ['kind', 'claim'] }),
  fc.record({ kind: fc.constant('drop-claim'), claim: id(CLAIMS) }),
  fc.oneof(
    fc.record({
      kind: fc.constant('set-capacity'),
      source: id(SOURCES),
      capacity: fc.oneof(
        fc.constantFrom<unknown>('balance', 'unlimited', 'all'),
        byYear(positive).map((perYear) => ({ perYear })),
        fc.record({ total: positive, from: yearArb }, { requiredKeys: ['total'] }),
        fc.record({ line: id(LINES), years: fc.array(yearArb, { maxLength: 2 }) }, { requiredKeys: ['line'] }),
      ),
    }),
    fc.record({ kind: fc.constant('set-capacity'), source: id(SOURCES), years: yearsArb, value: positive }),
  ),
  fc.record({ kind: fc.constant('set-reserve-opening'), source: id(SOURCES), value: positive }),
  fc.record({ kind: fc.constant('set-target-path'), target: id(TARGETS), years: yearsArb, value: fc.oneof(positive, fc.constantFrom<unknown>('pm', null)) }),
  fc.record(
    { kind: fc.constant('set-realisation'), target: id(TARGETS), measures: fc.array(id(MEASURES), { maxLength: 3 }), realisation: realisationArb },
    { requiredKeys: ['kind', 'target', 'realisation'] },
  ),
);

const SCENARIO_IDS = ['a', 'b', 'c'];
const settingsArb = fc.record(
  {
    extends: fc.constantFrom('a', 'b', 'c', 'zz'),
    unit: fc.constantFrom('euro', 'thousand', 'million', 'mln'),
    numberFormat: fc.constantFrom('plain', 'nl', 'en', 'de'),
    rounding: fc.record({ places: fc.integer({ min: -1, max: 7 }), mode: fc.constantFrom('half-up', 'half-even', 'down', 'up', 'floor', 'ceil', 'bankers') }),
    description: fc.constantFrom('toelichting', ''),
  },
  { requiredKeys: [] },
);

/** A scenario from the grammar, `id` given, with 0 to 6 changes. */
const grammarScenario = (sid: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> =>
  fc.tuple(sid, fc.constantFrom('Variant', 'Motie', ''), settingsArb, fc.array(changeArb, { maxLength: 6 })).map(([i, title, settings, changes]) => ({ id: i, title, ...settings, changes }));

/** A scenario valid for the seed by construction (level or cover changes, from the scenario tests' arbitraries). */
const validScenario: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  scenarioArb(seed, { maxChanges: 6 }).map((s) => ({ ...s }) as Record<string, unknown>),
  itemChangesArb(seed).map((changes) => ({ id: 'dekking', title: 'Dekking', unit: 'thousand', changes }) as Record<string, unknown>),
);

/** Scenarios the main one may extend: ids a, b, c extending each other (cycles included) or an unknown one. */
const libraryArb: fc.Arbitrary<Record<string, unknown>[]> = fc
  .subarray(SCENARIO_IDS)
  .chain((ids) => (ids.length === 0 ? fc.constant([]) : fc.tuple(...ids.map((i) => grammarScenario(fc.constant(i))))));

const baseArb = fc.record({
  doc: fc.oneof(
    { weight: 5, arbitrary: grammarScenario(fc.constantFrom('v', 'a', 'variant-2')) },
    { weight: 3, arbitrary: validScenario },
    { weight: 1, arbitrary: fc.constantFrom(...EXAMPLES).map((e) => structuredClone(e) as Record<string, unknown>) },
  ),
  library: fc.option(libraryArb, { nil: undefined }),
  asRecord: fc.boolean(),
  baseline: fc.constantFrom<keyof typeof BASELINES>('seed', 'targets'),
});

// ---- mutations of scenario objects -----------------------------------------------------------------

const JSON_STRANGE: readonly unknown[] = [null, true, 0, -1, 2026, 2026.5, '', ' ', 'pm', '-pm', '1.234', '1e5', 'NaN', 'Infinity', '0x1F', [], {}, [null], { percent: 'pm' }, { add: [] }, { low: '3', likely: '2', high: '1' }];
const jsonStrange = fc.oneof(
  fc.constantFrom(...JSON_STRANGE),
  fc.jsonValue({ maxDepth: 2 }),
  badAmountArb().map((b) => JSON.parse(b.json) as unknown),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((k) => JSON.parse(`{"${k}":{"polluted":true}}`) as unknown),
);
/** Values JSON cannot hold, for documents handed over as objects. */
const objectStrange = fc.oneof(
  jsonStrange,
  fc.constantFrom<unknown>(NaN, Infinity, -0, 2 ** 53 + 2, undefined, 10n ** 30n, Symbol('s')),
  fc.constantFrom<() => unknown>(() => () => 1, () => new Date(0), () => new Map(), () => [, '1'], () => Object.create(null), () => new (class Change {})()).map((make) => make()),
);
const KEYS = ['__proto__', 'constructor', 'prototype', 'kind', 'line', 'years', 'value', 'extends', 'changes', 'from', 'to', 'percent', 'add', 'low', 'rates', 'select', 'claim', 'capacity', 'realisation', '2026'];
const KINDS = ['set-amount', 'estimate-pm', 'drop-line', 'set-nature', 'add-line', 'move-amount', 'index', 'add-claim', 'set-claim', 'drop-claim', 'set-capacity', 'set-reserve-opening', 'set-target-path', 'set-realisation', 'set-indicator', 'set-parameter'];

const mutationArb = (strange: fc.Arbitrary<unknown>, maxHuge: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ m: fc.constant('set' as const), at: fc.nat(), key: fc.option(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })), { nil: undefined }), value: strange }) },
    { weight: 3, arbitrary: fc.record({ m: fc.constant('drop' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ m: fc.constant('duplicate' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ m: fc.constant('kind' as const), at: fc.nat(), kind: fc.oneof(fc.constantFrom(...KINDS), fc.constantFrom('Set-Amount', 'index ', '', 'toString', '__proto__')) }) },
    { weight: 2, arbitrary: fc.record({ m: fc.constant('amount' as const), at: fc.nat(), bad: badAmountArb() }) },
    { weight: 1, arbitrary: fc.record({ m: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 20, max: 60 }), array: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ m: fc.constant('huge' as const), at: fc.nat(), length: fc.integer({ min: 50, max: maxHuge }) }) },
    { weight: 1, arbitrary: fc.record({ m: fc.constant('extends' as const), to: fc.constantFrom('v', 'a', 'b', 'c', 'variant-2', 'dekking', 'ha-volledig') }) },
  );
type Mutation = typeof mutationArb extends (...args: never[]) => fc.Arbitrary<infer T> ? T : never;

type Container = Record<string, unknown> | unknown[];

/** Every container in a value, with its parent (to replace it), depth first. */
function containers(value: unknown, out: Container[] = [], seen = new Set<unknown>()): Container[] {
  if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    out.push(value as Container);
    for (const v of Object.values(value)) containers(v, out, seen);
  }
  return out;
}

/** A copy where the value can be cloned; the value itself (a function, a symbol) where it cannot. */
function copy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** 0 to `max` mutations; none in about a third of the cases, so that generated documents are tried as they are. */
const some = <T>(arb: fc.Arbitrary<T>, max: number): fc.Arbitrary<T[]> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant<T[]>([]) }, { weight: 2, arbitrary: fc.array(arb, { minLength: 1, maxLength: max }) });

const setOwn = (target: Container, key: string, value: unknown): void => {
  // defineProperty, so that "__proto__" becomes an own key as JSON.parse would make it
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

function mutate(doc: Record<string, unknown>, m: Mutation): void {
  if (m.m === 'extends') {
    doc['extends'] = m.to;
    return;
  }
  const all = containers(doc);
  const target = all[m.at % all.length];
  if (target === undefined) return;
  const keys = Object.keys(target);
  const pick = keys[m.at % Math.max(1, keys.length)];
  switch (m.m) {
    case 'set':
      return setOwn(target, Array.isArray(target) ? String(m.at % (target.length + 1)) : (m.key ?? pick ?? 'x'), copy(m.value));
    case 'drop':
      if (pick !== undefined) delete (target as Record<string, unknown>)[pick];
      return;
    case 'duplicate':
      // an array gets one of its elements again; an object gets a field's value under a second key
      if (Array.isArray(target)) target.push(copy(target[m.at % Math.max(1, target.length)]));
      else if (pick !== undefined) setOwn(target, keys[(m.at + 1) % keys.length] === pick ? `${pick}2` : (keys[(m.at + 1) % keys.length] ?? 'x'), copy(target[pick]));
      return;
    case 'kind': {
      const changes = all.filter((c): c is Record<string, unknown> => !Array.isArray(c) && typeof c['kind'] === 'string');
      const change = changes[m.at % Math.max(1, changes.length)];
      if (change !== undefined) change['kind'] = m.kind;
      return;
    }
    case 'amount': {
      const spots = all.flatMap((c) => Object.entries(c).filter(([, v]) => typeof v === 'string' && /^-?\d/.test(v)).map(([k]) => [c, k] as const));
      const spot = spots[m.at % Math.max(1, spots.length)];
      if (spot !== undefined) setOwn(spot[0], spot[1], JSON.parse(m.bad.json) as unknown);
      return;
    }
    case 'nest': {
      let value: unknown = '1';
      for (let i = 0; i < m.depth; i++) value = m.array ? [value] : { [pick ?? 'a']: value };
      return setOwn(target, Array.isArray(target) ? '0' : (pick ?? 'a'), value);
    }
    case 'huge': {
      // an array repeated to a great length (changes, years, lines, links), or any value made one
      const arrays = all.filter((c): c is unknown[] => Array.isArray(c) && c.length > 0);
      const array = arrays[m.at % Math.max(1, arrays.length)];
      if (array !== undefined) {
        const items = [...array];
        for (let i = array.length; i < m.length; i++) array.push(copy(items[i % items.length]));
      } else setOwn(target, pick ?? 'changes', Array.from({ length: m.length }, (_, i) => i));
      return;
    }
  }
}

const objectCase = fc
  .tuple(baseArb, some(mutationArb(objectStrange, DEEP ? 2_000 : 400), 4), fc.integer({ min: 0, max: 3 }), fc.boolean())
  .map(([base, mutations, mutateLibrary, freeze]): Case => {
    const doc = structuredClone(base.doc);
    for (const m of mutations) mutate(doc, m);
    const library = base.library?.map((s) => structuredClone(s));
    // the library is user data too: mutate its scenarios now and then
    if (library !== undefined && mutateLibrary > 0) for (const [i, m] of mutations.entries()) if (library[i] !== undefined) mutate(library[i], m);
    // a frozen input must be fine: the loader never writes to what it was given
    if (freeze) deepFreezeAll([doc, library]);
    return { input: doc, library: asLibrary(library, base.asRecord), baseline: base.baseline };
  });

function deepFreezeAll(value: unknown): void {
  for (const c of containers(value)) Object.freeze(c);
}

function asLibrary(library: Record<string, unknown>[] | undefined, asRecord: boolean): ScenarioLibrary | undefined {
  if (library === undefined) return undefined;
  const scenarios = library as unknown as Scenario[];
  return asRecord ? Object.fromEntries(scenarios.map((s, i) => [typeof s.id === 'string' ? s.id : `k${i}`, s])) : scenarios;
}

// ---- mutations of scenario texts -------------------------------------------------------------------

const FRAGMENTS = [
  '"__proto__"', '"constructor"', '"prototype"', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}',
  '1e309', '-1e-9999999', '12345678901234567890', '0.1234567890123456789', '-0', 'NaN', 'Infinity', 'null', 'true', '[]', '{}',
  '"pm"', '"-PM"', '"1.234"', '"1.234,56"', '"0x1F"', '""', '"\\u0000"', '"\\ud800"', '\\', '"', ',', ':', '[', ']', '{', '}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', '{"a":'.repeat(40), '"2026"', '2026', '2026.0', '\ufeff', '\u2028', '\n', '9'.repeat(400),
  '"kind":"index",', '"kind":"nope",', '"extends":"v",', '"extends":"a",', '{"from":2031,"to":2025}', '{"percent":"1e5"}', '{"add":"pm"}',
  '{"low":"5","likely":"1","high":"2"}', '[2025,2025]', '"set-amount"', '"estimate-pm"', '"add-claim"', '"abovePlan":true,', '{"delay":51}',
  '{"kind":"drop-line","line":"1.1"}', '{"kind":"set-amount","line":"1.5","years":[2025],"value":"1"}', '"line":"__proto__",',
];

const edits = textEdits(FRAGMENTS);
const textMutation = fc.oneof(...edits.head, fc.record({ kind: fc.constant('pair' as const), at: fc.nat() }), edits.truncate);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateText(text: string, m: TextMutation): string {
  if (m.kind !== 'pair') return applyEdit(text, m);
  // a key written twice in one object
  const pairs = [...text.matchAll(/"[^"\\]*":\s*"[^"\\]*"/g)];
  const hit = pairs.length === 0 ? undefined : pairs[m.at % pairs.length];
  if (hit?.index === undefined) return text;
  return text.slice(0, hit.index) + hit[0] + ',' + text.slice(hit.index);
}

const textCase = fc
  .tuple(baseArb, some(mutationArb(jsonStrange, DEEP ? 1_000 : 300), 2), fc.boolean(), some(textMutation, 4))
  .map(([base, mutations, pretty, textMutations]): Case => {
    const doc = structuredClone(base.doc);
    for (const m of mutations) mutate(doc, m);
    const text = textMutations.reduce((t, m) => mutateText(t, m), JSON.stringify(doc, null, pretty ? 2 : undefined));
    return { input: text, library: asLibrary(base.library, base.asRecord), baseline: base.baseline };
  });

describe('scenario loader fuzzing', () => {
  afterAll(() => {
    console.info(
      `fuzz-scenario: ${stats.inputs} inputs (${stats.texts} texts); ${stats.shaped} with a valid shape, ${stats.checked} accepted against the budget, ${stats.applied} applied, ${stats.refused} refused with MeerjarenError; ` +
        `most work per character of a text over 256 characters: ${stats.maxPerCharacter.toFixed(2)} steps (${stats.maxWork} for ${stats.maxBytes} characters; limit ${WORK_PER_CHARACTER} per character + ${WORK_BASE}): ${stats.busiest.slice(0, 100)}`,
    );
    restoreGlobals(IGNORED);
  });

  it(`${RUNS} generated and mutated scenario texts: only MeerjarenError, no poisoning, work linear in the length`, () => {
    fc.assert(fc.property(textCase, (c) => void attempt(c)), { numRuns: RUNS });
    assertNoPoisoning(IGNORED);
  }, TIMEOUT);

  it(`${RUNS} generated and mutated scenario objects and libraries: only MeerjarenError, no poisoning`, () => {
    fc.assert(fc.property(objectCase, (c) => void attempt(c)), { numRuns: RUNS });
    assertNoPoisoning(IGNORED);
  }, TIMEOUT);

  it('hostile scenario texts near 64 KB (hundreds of conflicting, additive, added, moved, unknown changes; deep nesting) are read in work linear in their length', () => {
    const near = 60 * 1024;
    const small = hostileScenarioTexts(near / 8);
    hostileScenarioTexts(near).forEach((text, n) => {
      expect(text.length).toBeLessThan(64 * 1024);
      // eight times the text is at most three times eight times the work (quadratic work would be 64 times)
      const [few, many] = [attempt({ input: small[n]!, library: undefined, baseline: 'seed' }), attempt({ input: text, library: undefined, baseline: 'seed' })];
      expect(many, `hostile text ${n}: ${few} steps at ${small[n]!.length} characters, ${many} at ${text.length}`).toBeLessThanOrEqual(3 * 8 * few + WORK_BASE);
    });
    assertNoPoisoning(IGNORED);
  });

  it('index changes near 64 KB: only MeerjarenError, and the work grows linearly with their number', () => {
    // 720 index changes that each select a dozen rows by tag (once ~150 ms, docs/limits.md): the engine now reads
    // each tag selection and each rate set once, shares running products between cells selected by the same
    // changes and computes the amounts between the first and the last index step only when explain reads them.
    const large = indexScenarioText(720);
    expect(large.length).toBeLessThan(64 * 1024);
    const small = attempt({ input: indexScenarioText(72), library: undefined, baseline: 'seed' });
    const big = attempt({ input: large, library: undefined, baseline: 'seed' });
    console.info(`fuzz-scenario: 72 index changes ${small} steps, 720 index changes (${large.length} characters) ${big} steps`);
    // ten times the changes: at most twice ten times the work (a walk of the tags per change, or a product per
    // cell and change from the first step, would be far more)
    expect(big).toBeLessThanOrEqual(2 * 10 * small);
    expect(big).toBeGreaterThan(small);
  });

  it('long chains and cycles of extends through a library are refused or resolved in work linear in their length', () => {
    const chain = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, title: 't', ...(i + 1 < 1000 ? { extends: `s${i + 1}` } : {}), changes: [{ kind: 'set-amount', line: '1.5', years: [2025], value: { add: '1' } }] }));
    const cycle = chain.map((s, i) => ({ ...s, extends: `s${(i + 1) % chain.length}` }));
    for (const library of [chain, cycle, Object.fromEntries(cycle.map((s) => [s.id, s]))]) {
      attempt({ input: '{"id":"v","title":"t","extends":"s0","changes":[]}', library: library as unknown as ScenarioLibrary, baseline: 'seed' });
    }
    attempt({ input: '{"id":"v","title":"t","extends":"v","changes":[]}', library: [{ id: 'v', title: 't', extends: 'v', changes: [] }], baseline: 'seed' });
  });

  it('the baseline is never changed by any of it', () => {
    expect(JSON.stringify(evaluate(seed).total)).toBe(seedTotal);
    expect(Object.isFrozen(seed.sections[0]?.lines[0]?.values)).toBe(true);
  });
});
