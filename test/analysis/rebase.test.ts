import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { MeerjarenError } from '../../src/core/errors.js';
import { budget, pm } from '../../src/evaluate/builder.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { rebaseScenario, type ScenarioRebase } from '../../src/analysis/rebase.js';
import type { Budget } from '../../src/model/budget.js';
import type { Change, Scenario } from '../../src/scenario/types.js';
import { seed000WithCover } from '../../examples/10-seed000-cover.js';
import { hervormingsagenda } from '../../examples/11-hervormingsagenda-taakstelling.js';
import { run as example63 } from '../../examples/63-rebase-scenario.js';

const k = (n: number | string) => new Dec(n).times(1000);
const s = (...changes: unknown[]): Scenario => ({ id: 's', title: 's', changes }) as Scenario;
const statuses = (r: ScenarioRebase) => r.changes.map((c) => c.status);

/** The old version: x EUR 1.000, 2025-2027. */
const from = budget({ title: 'Oud', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
  .section('1', 'Een')
  .line('A', 'Regel A', [100, pm, 200], { nature: 'incidental', tags: { goal: 'g' } })
  .line('B', 'Regel B', undefined, { nature: 'structural' })
  .component('b1', [10, 10, 10], { id: 'b1' })
  .component('b2', [20, 20, 20], { id: 'b2' })
  .line('C', 'Regel C', [-50, -50, -50], { nature: 'structural' })
  .line('D', 'Regel D', [7, 7, 7], { nature: 'structural' })
  .build();

/** The new version: in euros, 2026-2028; A became A2 (its 2026 pm is now 300), C moved, D is gone, B unchanged. */
const to = budget({ title: 'Nieuw', unit: 'euro', horizon: { from: 2026, to: 2028 } })
  .section('1', 'Een')
  .line('A2', 'Regel A', [300000, pm, 300000], { nature: 'incidental', tags: { goal: 'g' } })
  .line('B', 'Regel B', undefined, { nature: 'structural' })
  .component('b1', [10000, 10000, 10000], { id: 'b1' })
  .component('b2', [20000, 20000, 20000], { id: 'b2' })
  .line('C', 'Regel C', [-60000, -60000, -60000], { nature: 'structural' })
  .build();
const idMap = { A: 'A2', D: null };

/** The old version itself, renamed: unchanged. */
const same = (b: Budget) => ({ name: 'Zelfde', kind: 'begroting' as const, budget: b });

describe('rebaseScenario: each change kind of amounts', () => {
  it('set-amount: fresh on an unchanged row, stale on a moved base with both figures and each policy, gone on a dropped line', () => {
    const r = rebaseScenario(
      s(
        { kind: 'set-amount', line: 'b1', years: [2026, 2027], value: { add: '5' } },
        { kind: 'set-amount', line: 'C', years: [2026], value: { percent: '50' } },
        { kind: 'set-amount', line: 'D', years: [2026], value: '0' },
      ),
      from,
      to,
      { idMap },
    );
    expect(statuses(r)).toEqual(['fresh', 'stale', 'gone']);
    const c = r.changes[1]!.cells[0]!;
    expect(c).toMatchObject({ row: 'C', rowTo: 'C', year: 2026, baseFrom: k(-50), baseTo: k(-60), result: k(-25), relative: k(-30), absolute: k(-25), stale: true });
    expect(r.changes[2]!.references).toEqual([{ field: 'line', from: 'D', to: undefined, kind: 'row' }]);
    expect(r.undecided).toEqual(['changes[1]', 'changes[2]']);
    expect(r.scenario).toBeUndefined();
  });

  it('the rebased scenario is in the new unit, plain, and applies to the new version as decided', () => {
    const scenario = s({ kind: 'set-amount', line: 'b1', years: [2026, 2027], value: { add: '5' } }, { kind: 'set-amount', line: 'C', years: [2026], value: { percent: '50' } }, { kind: 'set-amount', line: 'D', years: [2026], value: '0' });
    const rel = rebaseScenario(scenario, from, to, { idMap, stale: 'keep-relative', gone: 'drop' });
    expect(rel.scenario).toMatchObject({ unit: 'euro', numberFormat: 'plain' });
    expect(rel.scenario!.changes).toEqual([
      { kind: 'set-amount', line: 'b1', years: [2026, 2027], value: { add: '5000' } },
      { kind: 'set-amount', line: 'C', years: [2026], value: { percent: '50' } },
    ]);
    const out = applyScenario(to, rel.scenario!).budget;
    expect(out.sections[0]!.lines.find((l) => l.id === 'C')!.values[2026]).toEqual(k(-30));
    const abs = rebaseScenario(scenario, from, to, { idMap, stale: 'keep-absolute', gone: 'drop' });
    expect(abs.scenario!.changes[1]).toEqual({ kind: 'set-amount', line: 'C', years: [2026], value: '-25000' });
    expect(applyScenario(to, abs.scenario!).budget.sections[0]!.lines.find((l) => l.id === 'C')!.values[2026]).toEqual(k(-25));
  });

  it('estimate-pm: an estimate of a post that is no longer pm is stale; keep-relative keeps the new figure, keep-absolute the estimate', () => {
    const scenario = s({ kind: 'estimate-pm', line: 'A', value: '-90', note: 'raming' });
    const r = rebaseScenario(scenario, from, to, { idMap });
    expect(r.changes[0]).toMatchObject({ status: 'stale', note: 'raming', references: [{ field: 'line', from: 'A', to: 'A2', kind: 'row' }] });
    const cell = r.changes[0]!.cells[0]!;
    expect(cell).toMatchObject({ year: 2026, baseFrom: { kind: 'pm' }, baseTo: k(300), result: k(-90), relative: k(300), absolute: k(-90) });
    const rel = rebaseScenario(scenario, from, to, { idMap, stale: 'keep-relative' });
    expect(rel.scenario!.changes).toEqual([]);
    const abs = rebaseScenario(scenario, from, to, { idMap, stale: 'keep-absolute' });
    expect(abs.scenario!.changes).toEqual([{ kind: 'set-amount', line: 'A2', years: [2026], value: '-90000', note: 'raming' }]);
  });

  it('estimate-pm on a post that is pm in both is fresh and keeps its range', () => {
    const old = budget({ title: 'Oud', unit: 'thousand', horizon: { from: 2025, to: 2027 } }).section('1', 'Een').line('P', 'P', [pm, pm, 1], { nature: 'incidental' }).build();
    const r = rebaseScenario(s({ kind: 'estimate-pm', line: 'P', value: { low: '-3', likely: '-2', high: '-1' } }), old, old);
    expect(statuses(r)).toEqual(['fresh']);
    expect(applyScenario(old, r.scenario!).ranges.map((x) => x.likely.toFixed())).toEqual(['-2000', '-2000']);
  });

  it('move-amount: gone when one side is gone; stale when a side moved', () => {
    const r = rebaseScenario(s({ kind: 'move-amount', from: 'C', to: 'D', years: [2026], amount: '1' }, { kind: 'move-amount', from: 'C', to: 'b1', years: [2026], amount: '1' }), from, to, { idMap });
    expect(statuses(r)).toEqual(['gone', 'stale']);
    expect(r.changes[1]!.cells.map((c) => [c.row, c.stale])).toEqual([
      ['C', true],
      ['b1', false],
    ]);
  });

  it('drop-line and set-nature: the rows of the line and the nature in both versions', () => {
    const other = budget({ title: 'Nieuw', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
      .section('1', 'Een')
      .line('B', 'Regel B', undefined, { nature: 'incidental' })
      .component('b1', [10, 10, 10], { id: 'b1' })
      .component('b2', [20, 20, 20], { id: 'b2' })
      .component('b3', [1, 1, 1], { id: 'b3' })
      .build();
    const r = rebaseScenario(s({ kind: 'set-nature', line: 'b1', nature: 'incidental' }, { kind: 'drop-line', line: 'B' }), from, other, { idMap: { A: null, C: null, D: null } });
    expect(statuses(r)).toEqual(['stale', 'stale']);
    expect(r.changes[0]!.items).toEqual([{ what: 'nature b1', from: 'structural', to: 'incidental' }]);
    expect(r.changes[1]!.items).toEqual([{ what: 'rows of B', from: 'B, b1, b2', to: 'B, b1, b2, b3' }]);
    const nat = rebaseScenario(s({ kind: 'set-nature', line: 'B', nature: 'structural' }), from, other, { idMap: { A: null, C: null, D: null } });
    expect(nat.changes[0]!.items).toContainEqual({ what: 'nature b1', from: 'structural', to: 'incidental' });
  });

  it('add-line: gone when its section is gone or its id is taken; a later change of the added line follows it', () => {
    const add = { kind: 'add-line', section: '1', line: { id: 'N', title: 'Nieuw', nature: 'structural', values: { 2026: '5', 2027: '5' } } };
    const r = rebaseScenario(s(add, { kind: 'set-amount', line: 'N', years: [2026], value: { add: '1' } }), from, to, { idMap });
    expect(statuses(r)).toEqual(['fresh', 'fresh']);
    expect(r.scenario!.changes[0]).toMatchObject({ line: { values: { 2026: '5000', 2027: '5000' } } });
    const taken = budget({ title: 'Nieuw', unit: 'thousand', horizon: { from: 2025, to: 2027 } }).section('1', 'Een').line('N', 'N', [1, 1, 1], { nature: 'structural' }).build();
    const t = rebaseScenario(s(add, { kind: 'set-amount', line: 'N', years: [2026], value: { add: '1' } }), from, taken);
    expect(statuses(t)).toEqual(['gone', 'gone']);
    expect(t.changes[1]!.reasons[0]).toContain('added by a change that is not applied');
    const noSection = rebaseScenario(s({ ...add, section: '2' }), budget({ title: 'x', unit: 'thousand', horizon: { from: 2025, to: 2027 } }).section('2', 'Twee').line('Z', 'Z', [1, 1, 1], { nature: 'structural' }).build(), to);
    expect(noSection.changes[0]!.reasons).toEqual(['section: no section 2 in the new version']);
  });

  it('index: stale when a rate year is not in the new horizon, or a tag selects other rows', () => {
    const r = rebaseScenario(s({ kind: 'index', select: { lines: ['b1'] }, rates: { 2025: '10', 2026: '0' } }), from, to, { idMap });
    expect(r.changes[0]!.status).toBe('stale');
    expect(r.changes[0]!.lostYears).toEqual([2025]);
    const tagged = budget({ title: 'Nieuw', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
      .section('1', 'Een')
      .line('A', 'Regel A', [100, pm, 200], { nature: 'incidental', tags: { goal: 'g' } })
      .line('C', 'Regel C', [-50, -50, -50], { nature: 'structural', tags: { goal: 'g' } })
      .build();
    const t = rebaseScenario(s({ kind: 'index', select: { tags: { goal: 'g' } }, rates: { 2026: '2' } }), from, tagged, { idMap: { B: null, D: null } });
    expect(t.changes[0]!.items).toEqual([{ what: 'rows tagged {"goal":"g"}', from: 'A', to: 'A, C' }]);
  });
});

describe('rebaseScenario: keep-absolute of an index over fresh and stale rows', () => {
  const old = budget({ title: 'Oud', unit: 'thousand', horizon: { from: 2026, to: 2027 } })
    .section('1', 'Een')
    .line('F', 'Vast', [100, 100], { nature: 'structural' })
    .line('M', 'Bewogen', [200, 200], { nature: 'structural' })
    .build();
  const next = budget({ title: 'Nieuw', unit: 'thousand', horizon: { from: 2026, to: 2027 } })
    .section('1', 'Een')
    .line('F', 'Vast', [100, 100], { nature: 'structural' })
    .line('M', 'Bewogen', [300, 200], { nature: 'structural' })
    .build();
  const index = { kind: 'index', select: { lines: ['F', 'M'] }, rates: { 2026: '10' } };

  it('indexes the fresh row and writes the figures of from on the stale one', () => {
    const r = rebaseScenario(s(index), old, next, { stale: 'keep-absolute' });
    expect(r.scenario!.changes).toEqual([
      { kind: 'index', select: { lines: ['F'] }, rates: { 2026: '10' } },
      { kind: 'set-amount', line: 'M', years: [2026, 2027], value: '220' },
    ]);
    const lines = applyScenario(next, r.scenario!).budget.sections[0]!.lines;
    expect(lines.map((l) => [l.values[2026]?.toString(), l.values[2027]?.toString()])).toEqual([
      ['110000', '110000'],
      ['220000', '220000'],
    ]);
  });

  it('a fresh change of a cell the kept-absolute index writes conflicts, and the rebase says so', () => {
    const scenario = s({ kind: 'set-amount', line: 'M', years: [2027], value: { add: '1' } }, index);
    expect(() => rebaseScenario(scenario, old, next, { stale: 'keep-absolute', decisions: {} })).toThrow(/change_conflict|both change M 2027/);
    expect(rebaseScenario(scenario, old, next, { stale: 'keep-relative' }).scenario).toBeDefined();
  });
});

describe('rebaseScenario: cover and savings changes', () => {
  const seed = seed000WithCover();
  const moved = applyScenario(seed, s({ kind: 'set-capacity', source: 'oekraine', capacity: { perYear: { 2025: '2000' } } }, { kind: 'drop-claim', claim: 'oad-1.3' })).budget;

  it('claims: fresh on an unchanged claim, gone on a dropped one, stale when the source changed', () => {
    const r = rebaseScenario(
      s(
        { kind: 'set-claim', claim: 'oad-2.1', extent: { share: '0.5' } },
        { kind: 'drop-claim', claim: 'oad-1.3' },
        { kind: 'set-claim', claim: 'oekraine-3.1', source: 'oekraine' },
        { kind: 'add-claim', claim: { id: 'res-1.3', target: '1.3', source: 'brede-bestemmingsreserve', years: { from: 2026, to: 2027 } } },
        { kind: 'set-claim', claim: 'res-1.3', extent: { share: '0.5' } },
      ),
      seed,
      moved,
    );
    expect(statuses(r)).toEqual(['fresh', 'gone', 'stale', 'fresh', 'fresh']);
    expect(r.changes[2]!.items[0]!.what).toBe('source oekraine');
  });

  it('sources: set-capacity and set-reserve-opening are stale on a changed source, gone on a missing one', () => {
    const r = rebaseScenario(s({ kind: 'set-capacity', source: 'oekraine', capacity: 'unlimited' }, { kind: 'set-reserve-opening', source: 'brede-bestemmingsreserve', value: '1' }), seed, moved, { decisions: { 'changes[0]': 'keep-relative' } });
    expect(r.changes.map((c) => c.status)).toEqual(['stale', 'fresh']);
    expect(r.scenario!.changes[0]).toEqual({ kind: 'set-capacity', source: 'oekraine', capacity: 'unlimited' });
    const gone = rebaseScenario(s({ kind: 'set-capacity', source: 'oekraine', capacity: 'unlimited' }), seed, from);
    expect(gone.changes[0]!.status).toBe('gone');
  });

  it('savings targets: set-target-path and set-realisation, fresh on the same target, gone on a missing measure or target', () => {
    const ha = hervormingsagenda();
    const r = rebaseScenario(s({ kind: 'set-target-path', target: 'hervormingsagenda', years: [2028], value: 'pm' }, { kind: 'set-realisation', target: 'hervormingsagenda', measures: ['voorveld'], realisation: { rate: '0.5' } }), ha, ha);
    expect(statuses(r)).toEqual(['fresh', 'fresh']);
    const changedPath = applyScenario(ha, s({ kind: 'set-target-path', target: 'hervormingsagenda', years: [2027], value: '1' })).budget;
    expect(rebaseScenario(s({ kind: 'set-target-path', target: 'hervormingsagenda', years: [2028], value: 'pm' }), ha, changedPath).changes[0]!.status).toBe('stale');
    const g = rebaseScenario(s({ kind: 'set-realisation', target: 'hervormingsagenda', measures: ['voorveld'], realisation: 'none' }), ha, seed);
    expect(g.changes[0]!.status).toBe('gone');
  });
});

describe('rebaseScenario: decisions and arguments', () => {
  const scenario = s({ kind: 'set-amount', line: 'C', years: [2026], value: { percent: '50' } }, { kind: 'set-amount', line: 'D', years: [2026], value: '0' });

  it('a gone change can only be dropped', () => {
    expect(() => rebaseScenario(scenario, from, to, { idMap, decisions: { 'changes[1]': 'keep-absolute' } })).toThrow(MeerjarenError);
    try {
      rebaseScenario(scenario, from, to, { idMap, decisions: { 'changes[1]': 'keep-relative' } });
    } catch (e) {
      expect((e as MeerjarenError).issues[0]).toMatchObject({ code: 'invalid_option', path: 'options.decisions.changes[1]' });
    }
  });

  it('a decision on a key that is no change is refused', () => {
    expect(() => rebaseScenario(scenario, from, to, { idMap, decisions: { 'changes[7]': 'drop' } })).toThrow(/not a change/);
  });

  it('partial: a scenario without the undecided changes, which stay listed', () => {
    const r = rebaseScenario(scenario, from, to, { idMap, partial: true });
    expect(r.complete).toBe(false);
    expect(r.undecided).toEqual(['changes[0]', 'changes[1]']);
    expect(r.scenario!.changes).toEqual([]);
    expect(r.changes.every((c) => !c.applied && c.undecided)).toBe(true);
  });

  it('a scenario that does not apply to from is refused as applying refuses it', () => {
    expect(() => rebaseScenario(s({ kind: 'set-amount', line: 'X', years: [2026], value: '1' }), from, to)).toThrow(/no line or component "X"/);
  });

  it('a version as from or to: its name labels the side, and to.idMap is the default id map', () => {
    const r = rebaseScenario(scenario, { name: 'Oud 2025', kind: 'begroting', budget: from }, { name: 'Nieuw 2026', kind: 'begroting', budget: to, idMap }, { gone: 'drop', stale: 'drop' });
    expect([r.from.label, r.to.label, r.to.unit]).toEqual(['Oud 2025', 'Nieuw 2026', 'euro']);
    expect(r.changes[1]!.references[0]!.to).toBeUndefined();
  });

  it('stacked scenarios are flattened, ancestors first, each change keyed by its path', () => {
    const base: Scenario = { id: 'basis', title: 'Basis', changes: [{ kind: 'set-amount', line: 'b1', years: [2026], value: '11' } as Change] };
    const top: Scenario = { id: 'top', title: 'Top', extends: 'basis', changes: [{ kind: 'set-amount', line: 'b2', years: [2026], value: '21' } as Change] };
    const r = rebaseScenario(top, from, same(from), { library: [base] });
    expect(r.changes.map((c) => c.key)).toEqual(['library.basis.changes[0]', 'changes[0]']);
    expect(r.scenario!.extends).toBeUndefined();
    expect(r.scenario!.changes).toHaveLength(2);
  });

  it('the report is frozen', () => {
    const r = rebaseScenario(scenario, from, to, { idMap });
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.changes[0]!.cells[0])).toBe(true);
  });
});

describe('rebaseScenario on the seeds (example 63)', () => {
  const ex = example63();

  it("seed 000's pm-estimate scenario onto the Begroting 2026: both estimates gone, nothing applied until dropped", () => {
    expect(statuses(ex.pmRebase)).toEqual(['gone', 'gone']);
    expect(ex.pmRebase.changes.map((c) => c.reasons)).toEqual([['line: no counterpart of 1.4 in the new version'], ['line: no counterpart of 1.6 in the new version']]);
    expect(ex.pmRebase.scenario).toBeUndefined();
    expect(ex.pmDropped.scenario!.changes).toEqual([]);
    expect(ex.pmRebase.changes[0]!.cells.map((c) => c.result?.toString())).toEqual(Array(6).fill('-1100000'));
  });

  it('savings onto the Begroting 2026: 4.2 is 4.1 there (stale by its doorkijk years), 3.1 fresh, 4.1 gone', () => {
    expect(statuses(ex.savingsRebase)).toEqual(['stale', 'fresh', 'gone']);
    expect(ex.savingsRebase.changes[0]!.lostYears).toEqual([2030, 2031]);
    expect(ex.savingsRebase.changes[0]!.references[0]).toEqual({ field: 'line', from: '4.2', to: '4.1', kind: 'row' });
    const out = applyScenario(ex.pb2026.budget, ex.savingsRebase.scenario!).budget;
    const line = (id: string) => out.sections.flatMap((sec) => sec.lines).find((l) => l.id === id)!;
    expect(line('4.1').values[2026]).toEqual(k(125));
    expect(line('3.1').values[2026]).toEqual(k(-500));
  });

  it('goal 2.2 from the Begroting 2024 (euros) onto the Begroting 2026 (x EUR 1.000): stale with both figures to the euro', () => {
    const cells = ex.goalRebase.changes[0]!.cells;
    expect(cells.map((c) => [c.year, c.baseFrom?.toString(), c.baseTo?.toString(), c.result?.toString(), c.relative?.toString(), c.absolute?.toString()])).toEqual([
      [2026, '-51712490', '-54806000', '-50678240.2', '-53709880', '-50678240.2'],
      [2027, '-51430071', '-55196000', '-50401469.58', '-54092080', '-50401469.58'],
    ]);
    expect(ex.goalAbsolute.scenario!.changes).toEqual([
      { kind: 'set-amount', line: '2.2', years: [2026], value: '-50678.2402', note: 'efficiencykorting' },
      { kind: 'set-amount', line: '2.2', years: [2027], value: '-50401.46958', note: 'efficiencykorting' },
    ]);
  });
});

describe('rebaseScenario: changes of drivers (set-indicator, set-parameter)', () => {
  const driven = (youths: number) =>
    budget({ title: 'd', unit: 'euro', horizon: { from: 2026, to: 2027 } })
      .section('2', 'S')
      .line('2.1', 'Jeugdhulp', undefined, { nature: 'structural' })
      .drivers({
        indicators: [{ id: 'jeugdigen', title: 'Jeugdigen', unit: 'jeugdigen', values: { 2026: youths, 2027: 4000 } }],
        parameters: [{ id: 'tarief', title: 'Tarief', unit: 'EUR', rule: 'year-average', periods: [{ from: '2026-01-01', value: '20000' }] }],
        formulas: [{ row: '2.1', expression: '-jeugdigen * tarief' }],
      })
      .build();
  const scenario: Scenario = {
    id: 'd',
    title: 'D',
    numberFormat: 'nl',
    changes: [
      { kind: 'set-indicator', indicator: 'jeugdigen', years: [2027], value: '4.525' },
      { kind: 'set-parameter', parameter: 'tarief', periods: [{ from: '2026-01-01', value: '21.000' }] },
    ],
  } as Scenario;

  it('carry to an unchanged version as they are (plain numbers), giving the same result', () => {
    const b = driven(4525);
    const r = rebaseScenario(scenario, b, b);
    expect(r.changes.map((c) => c.status)).toEqual(['fresh', 'fresh']);
    expect(r.scenario!.changes).toEqual([
      { kind: 'set-indicator', indicator: 'jeugdigen', years: [2027], value: '4525' },
      { kind: 'set-parameter', parameter: 'tarief', periods: [{ from: '2026-01-01', value: '21000' }] },
    ]);
    const before = applyScenario(b, scenario).evaluation.total['2027']!.amount;
    expect(applyScenario(b, r.scenario!).evaluation.total['2027']!.amount.equals(before)).toBe(true);
  });

  it('are gone where the new version has no such driver', () => {
    const plain = budget({ title: 'p', unit: 'euro', horizon: { from: 2026, to: 2027 } }).section('2', 'S').line('2.1', 'Jeugdhulp', [-1, -1], { nature: 'structural' }).build();
    const r = rebaseScenario(scenario, driven(4525), plain);
    expect(r.changes.map((c) => c.status)).toEqual(['gone', 'gone']);
    expect(r.changes[0]!.references).toEqual([{ field: 'indicator', from: 'jeugdigen', to: undefined, kind: 'indicator' }]);
    expect(rebaseScenario(scenario, driven(4525), plain, { gone: 'drop' }).scenario!.changes).toEqual([]);
  });
});
