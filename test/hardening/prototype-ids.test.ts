/**
 * Ids that name members of Object.prototype (toString, valueOf, hasOwnProperty, ...) are valid ids: every stage
 * must treat them as any other id. The loader refuses `__proto__`, `constructor` and `prototype` (forbidden_key)
 * and every name starting with `_` (invalid_id: an id starts with a letter or digit), so the names below are the
 * ones it accepts; the test checks that too.
 *
 * The property: build a budget document (cover, targets, tags) and a scenario library in which every id position
 * takes a name from one pool, rename the pool with a random injective map onto method names and ordinary ids, and
 * run every public function that takes a budget or an id over both: every result is the same up to the renaming.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyScenario, attributeDifference, budgetTable, compareScenarios, compileBudget, evaluate, evaluateCover, evaluateTargets, explain, htmlReport,
  inputsFromRanges, isDecimal, loadBudget, loadScenario, monteCarlo, renderCsv, renderHtml, renderMarkdown, renderText, reserveMutations,
  reserveSummaryTable, scenarioTable, structuralBalance, structuralBalanceTable, toDocument, tornado, type Budget, type Scenario, type UncertainInput,
} from 'meerjaren';
import { issuesOf } from '../helpers.js';

const numRuns = process.env.MEERJAREN_DEEP ? 1000 : 12;

/** Every member name of Object.prototype. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** The ones the loader accepts as ids. */
const METHOD_IDS = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'] as const;
/** The ordinary ids every namespace draws from (sections, rows, sources, claims, targets, measures, tags, scenarios). */
const POOL = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'] as const;
type Rename = (id: string) => string;

/** A budget document in which every id position is `n(pool id)`. Amounts in euros, horizon 2026..2029. */
function documentOf(n: Rename): Record<string, unknown> {
  return {
    version: 1,
    title: 'Begroting',
    unit: 'euro',
    horizon: { from: 2026, to: 2029, budgetYear: 2026 },
    tags: { [n('r1')]: n('r2'), [n('r2')]: 'vrije tekst' },
    sections: [
      {
        id: n('r1'),
        title: 'Sectie een',
        lines: [
          { id: n('r1'), title: 'Kosten een', nature: 'structural', tags: { [n('r1')]: n('r2') }, values: ['-100', '-100', '-120', 'pm'] },
          { id: n('r2'), title: 'Voordeel twee', nature: 'incidental', tags: { [n('r1')]: n('r2'), [n('r3')]: n('r4') }, values: ['300', '40', '30', '20'] },
        ],
      },
      {
        id: n('r2'),
        title: 'Sectie twee',
        lines: [
          {
            id: n('r3'),
            title: 'Opgebouwd',
            tags: { [n('r3')]: n('r4') },
            components: [
              { id: n('r4'), title: 'Deel vier', nature: 'structural', values: ['-50', '-50', '-50', '-50'] },
              { id: n('r5'), title: 'Deel vijf', nature: 'incidental', values: ['pm', '-20', '-20', '-20'] },
            ],
          },
          { id: n('r6'), title: 'Storting en onttrekking reserve', nature: 'incidental', values: ['-200', null, '50', null] },
          { id: n('r7'), title: 'Stelpost taakstelling', nature: 'structural', values: ['0', '100', '100', '100'] },
        ],
      },
    ],
    cover: {
      sources: [
        { id: n('r1'), title: 'Algemene uitkering', kind: 'oad', nature: 'structural', capacity: { perYear: ['60', '60', '60', '60'] }, tags: { [n('r5')]: n('r6') } },
        { id: n('r2'), title: 'Eenmalige pot', kind: 'windfall', nature: 'incidental', capacity: { total: '100' } },
        { id: n('r3'), title: 'Voordeel in het programma', kind: 'within-programme', nature: 'incidental', capacity: { line: n('r2') } },
        {
          id: n('r4'),
          title: 'Bestemmingsreserve',
          kind: 'reserve',
          nature: 'incidental',
          reserve: { opening: '100', additions: { 2026: '200' }, withdrawals: { 2028: '50' }, bookedIn: n('r6') },
        },
      ],
      claims: [
        { id: n('r1'), target: n('r1'), source: n('r1') },
        { id: n('r2'), target: n('r4'), source: n('r2'), amount: ['20', '20', '20', '20'] },
        { id: n('r3'), target: n('r4'), source: n('r3'), share: '0.5' },
        { id: n('r4'), target: n('r5'), source: n('r4') },
        { id: n('r5'), target: n('r1'), source: n('r4'), years: [2027, 2028] },
      ],
    },
    targets: [
      {
        id: n('r1'),
        title: 'Taakstelling een',
        line: n('r7'),
        path: ['100', '100', 'pm', '100'],
        measures: [
          { id: n('r1'), title: 'Maatregel een', status: 'decided', planned: ['60', '60', '60', '60'], line: n('r1') },
          { id: n('r2'), title: 'Maatregel twee', status: 'at-risk', planned: ['10', '30', '30', '30'], realisation: { delay: 1 } },
        ],
        references: [{ title: 'Referentie', path: ['90', '90', '90', '90'] }],
      },
      {
        id: n('r2'),
        title: 'Taakstelling twee',
        path: ['50', '50', '50', '50'],
        measures: [
          { id: n('r1'), title: 'Maatregel drie', status: 'in-preparation', planned: ['25', '25', '25', '25'], realisation: { rate: '0.5' } },
          { id: n('r3'), title: 'Maatregel vier', status: 'decided', planned: ['30', '30', '30', '30'] },
        ],
      },
    ],
  };
}

/** The document without target r2, source r2 and its claim: a side of a comparison that lacks them. */
function fewerOf(n: Rename): Record<string, unknown> {
  const doc = documentOf(n);
  const cover = doc['cover'] as { sources: { id: string }[]; claims: { source: string }[] };
  return {
    ...doc,
    cover: { sources: cover.sources.filter((x) => x.id !== n('r2')), claims: cover.claims.filter((c) => c.source !== n('r2')) },
    targets: (doc['targets'] as { id: string }[]).filter((t) => t.id !== n('r2')),
  };
}

/** A scenario library whose changes name ids of every kind: r1 changes the table, r2 (extends r1) cover and targets. */
function libraryOf(n: Rename): Scenario[] {
  const table: Scenario = {
    id: n('r1'),
    title: 'Tabel',
    changes: [
      { kind: 'set-amount', line: n('r1'), years: { from: 2027 }, value: { percent: '110' } },
      { kind: 'move-amount', from: n('r2'), to: n('r4'), years: [2026], amount: '30' },
      { kind: 'index', select: { tags: { [n('r3')]: n('r4') } }, rates: { 2027: '2', 2028: '2', 2029: '2' } },
      { kind: 'estimate-pm', line: n('r5'), years: [2026], value: { low: '-30', likely: '-20', high: '-10' } },
      { kind: 'estimate-pm', line: n('r1'), years: [2029], value: { low: '-150', likely: '-120', high: '-100' } },
      { kind: 'add-line', section: n('r2'), line: { id: n('r8'), title: 'Nieuw', nature: 'incidental', tags: { [n('r1')]: n('r2') }, values: { 2027: '-15' } } },
    ],
  };
  const cover: Scenario = {
    id: n('r2'),
    title: 'Dekking en taakstellingen',
    extends: n('r1'),
    changes: [
      { kind: 'set-claim', claim: n('r2'), source: n('r1') },
      { kind: 'add-claim', claim: { id: n('r6'), target: n('r8'), source: n('r2') }, before: n('r3') },
      { kind: 'drop-claim', claim: n('r5') },
      { kind: 'set-capacity', source: n('r1'), capacity: { perYear: { 2026: '70', 2027: '70', 2028: '70', 2029: '70' } } },
      { kind: 'set-reserve-opening', source: n('r4'), value: '150' },
      { kind: 'set-target-path', target: n('r2'), years: { from: 2028 }, value: '60' },
      { kind: 'set-realisation', target: n('r1'), measures: [n('r1')], realisation: { rate: '0.5' } },
    ],
  };
  return [table, cover];
}

/** A scenario that drops and re-natures rows, for explain and attribution over named ids. */
function dropsOf(n: Rename): Scenario {
  return {
    id: n('r3'),
    title: 'Schrappen',
    extends: n('r2'),
    changes: [
      { kind: 'set-nature', line: n('r6'), nature: 'structural' },
      { kind: 'drop-line', line: n('r7') },
    ],
  };
}

/** Uncertain inputs on named rows, targets, measures and sources; their own ids key the random streams, so they stay. */
function inputsOf(n: Rename): UncertainInput[] {
  return [
    { id: 'in1', kind: 'amount', rows: [n('r5')], distribution: { kind: 'uniform', low: '-30', high: '-10' } },
    { id: 'in2', kind: 'measure', target: n('r1'), measure: n('r1'), distribution: { kind: 'triangular', low: '0.2', likely: '0.5', high: '0.9' } },
    { id: 'in3', kind: 'capacity', source: n('r1'), distribution: { kind: 'uniform', low: '20', high: '90' } },
    { id: 'in4', kind: 'realisation', lines: [n('r6')], distribution: { kind: 'uniform', low: '0.8', high: '1.2' } },
    { id: 'in5', kind: 'indexation', rows: [n('r1')], group: 'g1', distribution: { kind: 'fixed', value: '0.02' } },
  ];
}

/** Every figure and text the public functions give for the budget and scenarios of `n`. */
function everything(n: Rename): Record<string, unknown> {
  const budget: Budget = loadBudget(documentOf(n));
  const text = JSON.stringify(documentOf(n));
  const raw = [...libraryOf(n), dropsOf(n)];
  const library = raw.slice(0, 2).map((s) => loadScenario(s, { budget, library: raw }));
  const drops = loadScenario(dropsOf(n), { budget, library: raw });
  const all = [...library, drops];
  const evaluation = evaluate(budget);
  const cover = evaluateCover(budget, evaluation);
  const balance = structuralBalance(budget);
  const table = budgetTable(budget);
  const results = all.map((s) => applyScenario(budget, s, all));
  // a library may also be a record keyed by scenario id
  const byId = Object.fromEntries(all.map((s) => [s.id, s]));
  const fewer = loadBudget(fewerOf(n));
  const compiled = compileBudget(budget);
  const inputs = inputsOf(n);
  const targets = [{ id: n('r1'), lines: [n('r1'), n('r2')], sections: [n('r2')], minimum: '-200' }];
  return {
    loaded: budget,
    fromText: loadBudget(text),
    roundTrip: loadBudget(toDocument(budget)),
    document: toDocument(budget),
    evaluation,
    cover,
    targets: evaluateTargets(budget),
    balance,
    mutations: reserveMutations(budget, cover),
    reserveSummary: reserveSummaryTable(budget),
    balanceTable: structuralBalanceTable(budget, balance),
    table,
    rendered: [renderText(table), renderHtml(table), renderMarkdown(table), renderCsv(table)],
    html: htmlReport(budget, evaluation),
    fromRecordLibrary: applyScenario(budget, drops, byId).budget,
    results: results.map((r) => ({ budget: r.budget, touched: r.touched, ranges: r.ranges, conflicts: r.conflicts })),
    scenarioCover: results.map((r) => [evaluateCover(r.budget), evaluateTargets(r.budget), structuralBalance(r.budget), reserveSummaryTable(r.budget)]),
    comparisons: [
      compareScenarios(budget, results[0]!),
      compareScenarios(results[0]!, results[1]!),
      compareScenarios(budget, results[2]!),
      compareScenarios(results[2]!, budget),
      compareScenarios(budget, fewer),
      compareScenarios(fewer, results[1]!),
    ],
    fewer: [evaluateCover(fewer), evaluateTargets(fewer), structuralBalance(fewer), reserveSummaryTable(fewer)],
    attribution: attributeDifference(budget, drops, all),
    scenarioTable: scenarioTable([budget, ...results, fewer]),
    explain: [explain(budget, drops, { line: n('r1'), year: 2028 }, all), explain(budget, drops, { line: n('r4'), year: 2027 }, all)],
    compiled: { rows: compiled.rowIds, lines: compiled.lineIds, sections: compiled.sectionIds, units: [...compiled.units], line: [...compiled.rowLine] },
    ranges: inputsFromRanges(results[0]!.ranges),
    monteCarlo: monteCarlo(budget, { inputs, draws: 12, seed: 3, cover: true, savings: true, targets }),
    monteCarloCompiled: monteCarlo(compiled, { inputs: inputs.slice(0, 1), draws: 5, seed: 4, targets }),
    tornado: [
      tornado(budget, { inputs, year: 2027 }),
      tornado(budget, { inputs, year: 2028, measure: 'uncovered' }),
      tornado(budget, { inputs, year: 2027, measure: { savingsGap: n('r1') } }),
      tornado(budget, { inputs, year: 2027, measure: { target: n('r1') }, targets }),
    ],
  };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A comparable picture of a value: decimals as their exact text, keys and id tokens in strings mapped back by
 * `back`, functions left out.
 */
function picture(value: unknown, back: ReadonlyMap<string, string>): unknown {
  const token = back.size === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(${[...back.keys()].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const str = (s: string): string => (token === undefined ? s : s.replace(token, (m) => back.get(m) ?? m));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return str(layout(chartIds(v)));
    if (typeof v !== 'object' || v === null) return v;
    if (isDecimal(v)) return `#${v.toFixed()}`;
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Map) return [...v.entries()].map(([k, x]) => [walk(k), walk(x)]);
    if (v instanceof Set) return [...v].map(walk);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[key];
      if (typeof x === 'function') continue;
      Object.defineProperty(out, str(key), { value: walk(x), enumerable: true, configurable: true, writable: true });
    }
    return out;
  };
  return walk(value);
}

/** Text tables pad columns to the longest label (so to the ids they print): runs of spaces and rules count as one. */
const layout = (text: string): string => text.replace(/ {2,}/g, ' ').replace(/-{4,}/g, '----');

/**
 * A chart's geometry follows the length of its labels (so of the ids it prints: a long one wraps), and its id is a
 * hash of its content: a chart counts by its kind and its description (every label and value).
 */
function chartIds(text: string): string {
  return text.replace(/<svg [^>]*?class="([^"]*)"[^]*?<desc[^>]*>([^]*?)<\/desc>[^]*?<\/svg>/g, (_, kind: string, desc: string) => `<svg ${kind}: ${desc}>`);
}

const identity: Rename = (id) => id;

describe('ids that name members of Object.prototype', () => {
  it('the loader accepts exactly the member names that fit the id rule, and refuses the rest with a code', () => {
    const accepted = PROTOTYPE_NAMES.filter((name) => /^[\p{L}\p{N}]/u.test(name) && name !== 'constructor');
    expect([...accepted].sort()).toEqual([...METHOD_IDS].sort());
    for (const name of PROTOTYPE_NAMES) {
      const n: Rename = (id) => (id === 'r3' ? name : id);
      const issues = (() => {
        try {
          loadBudget(documentOf(n));
          return [];
        } catch (e) {
          return issuesOf(() => {
            throw e;
          });
        }
      })();
      if ((METHOD_IDS as readonly string[]).includes(name)) expect(issues, name).toEqual([]);
      else expect(issues.filter((i) => i.code === 'forbidden_key' || i.code === 'invalid_id').length, name).toBeGreaterThan(0);
    }
  });

  it('records keyed by ids have no inherited members: a missing id is undefined, never a function', () => {
    const b = loadBudget(documentOf((id) => (id === 'r2' ? 'valueOf' : id)));
    const cover = evaluateCover(b);
    const targets = evaluateTargets(b);
    const line = b.sections[0]!.lines[0]!;
    const records: [string, object | undefined][] = [
      ['budget.targets', b.targets],
      ['budget.targets.r1.measures', b.targets!['r1']!.measures],
      ['budget.cover.sources', b.cover!.sources],
      ['budget.tags', b.tags],
      ['line.tags', line.tags],
      ['evaluation.lines', evaluate(b).lines],
      ['cover.rows', cover.rows],
      ['cover.sources', cover.sources],
      ['cover.rows.r4.bySource', cover.rows['r4']!.years['2026']!.bySource],
      ['targets.targets', targets.targets],
      ['targets.targets.r1.measures', targets.targets['r1']!.measures],
    ];
    for (const [name, record] of records) {
      expect(record, name).toBeDefined();
      for (const member of ['toString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString']) {
        expect((record as Record<string, unknown>)[member], `${name}.${member}`).toBeUndefined();
      }
    }
    // and the ids that are there are found: valueOf is a line, a source, a claim, a target, a measure and a tag
    expect(b.targets!['valueOf']!.title).toBe('Taakstelling twee');
    expect(b.cover!.sources['valueOf']!.kind).toBe('windfall');
    expect(line.tags['r1']).toBe('valueOf');
    expect(cover.sources['valueOf']!.years['2026']!.given.toFixed()).toBe('20');
    expect(evaluate(b).lines['valueOf']!.totals['2026']!.amount.toFixed()).toBe('300');
  });

  it('every id position named toString, valueOf, ...: the same figures as with ordinary ids', () => {
    // A fixed renaming first: the six method names in r1..r6, so every namespace has them at once.
    const fixed = new Map<string, string>(POOL.map((id, i) => [id, METHOD_IDS[i] ?? id]));
    const back = new Map([...fixed].map(([a, b]) => [b, a]));
    const expected = picture(everything(identity), new Map());
    expect(picture(everything((id) => fixed.get(id) ?? id), back)).toEqual(expected);
  });

  it('property: renaming every id to a method name or another id changes every result only by the renaming', () => {
    const expected = picture(everything(identity), new Map());
    const names = [...METHOD_IDS, ...POOL];
    fc.assert(
      fc.property(fc.shuffledSubarray(names, { minLength: POOL.length, maxLength: POOL.length }), (images) => {
        const forward = new Map<string, string>(POOL.map((id, i) => [id, images[i]!]));
        const back = new Map([...forward].map(([a, b]) => [b, a]));
        expect(picture(everything((id) => forward.get(id) ?? id), back)).toEqual(expected);
      }),
      { numRuns },
    );
  });
});
