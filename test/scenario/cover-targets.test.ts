import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { evaluateCover } from '../../src/evaluate/cover.js';
import { evaluateTargets } from '../../src/evaluate/targets.js';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { seed000WithCover } from '../../examples/10-seed000-cover.js';
import { hervormingsagenda } from '../../examples/11-hervormingsagenda-taakstelling.js';
import { issuesOf } from '../helpers.js';

const seed = seed000WithCover();
const ha = hervormingsagenda();
const k = (n: number | string) => new Dec(n).times(1000);
const mln = (n: number | string) => new Dec(n).times(1_000_000);
const s = (...changes: unknown[]): Scenario => ({ id: 's', title: 's', changes }) as Scenario;

describe('cover changes', () => {
  it('set-capacity: a lower Ukraine pool leaves 500 of 3.1 uncovered and over-commits the pool', () => {
    const r = applyScenario(seed, s({ kind: 'set-capacity', source: 'oekraine', capacity: { perYear: { 2025: '2000' } } }));
    const cover = evaluateCover(r.budget);
    expect(cover.rows['3.1']!.years['2025']).toMatchObject({ covered: k(1600), uncovered: k(500) });
    expect(cover.findings.filter((f) => f.code === 'over_commitment').map((f) => [f.source, f.amount])).toEqual([['oekraine', k(500)]]);
    expect(r.touchedItems).toMatchObject([{ kind: 'source', id: 'oekraine', field: 'capacity', scenario: 's', change: 0 }]);
    expect(seed.cover!.sources['oekraine']!.capacity.kind).toBe('line');
  });
  it('set-capacity by years changes a per-year capacity in those years only', () => {
    const r = applyScenario(seed, s({ kind: 'set-capacity', source: 'taakmutatie-smi', years: { from: 2029 }, value: '27' }));
    const cap = r.budget.cover!.sources['taakmutatie-smi']!.capacity;
    expect(cap.kind === 'per-year' && [cap.values['2028'], cap.values['2029'], cap.values['2031']]).toEqual([k(27), k(27), k(27)]);
    expect(evaluateCover(r.budget).rows['2.1']!.years['2029']).toMatchObject({ covered: k(27), uncovered: k(23) });
  });
  it('set-claim, drop-claim, add-claim: another source, another share, a new claim served first', () => {
    const r = applyScenario(
      seed,
      s(
        { kind: 'set-claim', claim: 'oad-2.1', extent: { share: '0.5' } },
        { kind: 'drop-claim', claim: 'oad-1.3' },
        { kind: 'add-claim', claim: { id: 'res-1.3', target: '1.3', source: 'brede-bestemmingsreserve', years: { from: 2026, to: 2027 } }, before: 'oad-2.1' },
        { kind: 'set-claim', claim: 'oekraine-3.1', source: 'brede-bestemmingsreserve', years: 'all' },
      ),
    );
    const claims = r.budget.cover!.claims;
    expect(claims.map((c) => c.id)).toEqual(['res-1.3', 'oad-2.1', 'wmo-1.4', 'oekraine-1.2', 'oekraine-3.1']);
    expect(claims[0]!.years).toEqual([2026, 2027]);
    expect(claims[4]).toMatchObject({ source: 'brede-bestemmingsreserve' });
    expect(claims[4]!.years).toBeUndefined();
    const cover = evaluateCover(r.budget);
    expect(cover.rows['2.1']!.years['2026']).toMatchObject({ claimed: k(13.5), covered: k(13.5) });
    // 3.1 now draws on the reserve, which holds only its own 2.000 in 2025 and is empty afterwards
    expect(cover.rows['3.1']!.years['2025']).toMatchObject({ covered: k(2000), uncovered: k(100), bySource: { 'brede-bestemmingsreserve': k(2000) } });
    expect(cover.rows['1.3']!.years['2026']).toMatchObject({ claimed: k(50), covered: k(0), uncovered: k(50) });
  });
  it('set-reserve-opening changes the reserve balance path', () => {
    const r = applyScenario(seed, s({ kind: 'set-reserve-opening', source: 'brede-bestemmingsreserve', value: '750' }));
    const reserve = evaluateCover(r.budget).sources['brede-bestemmingsreserve']!.reserve!;
    expect(reserve['2025']).toMatchObject({ opening: k(750), closing: k(2750) });
  });
});

describe('target changes', () => {
  it('set-target-path: from 2028 the Hervormingsagenda savings become pm', () => {
    const r = applyScenario(ha, s({ kind: 'set-target-path', target: 'hervormingsagenda', years: { from: 2028 }, value: 'pm' }));
    const t = evaluateTargets(r.budget).targets['hervormingsagenda']!;
    expect(t.years['2027']).toMatchObject({ target: mln(8), pm: false });
    expect(t.years['2028']).toMatchObject({ target: new Dec(0), pm: true });
    const cleared = applyScenario(ha, s({ kind: 'set-target-path', target: 'hervormingsagenda', years: [2031], value: null }, { kind: 'set-target-path', target: 'hervormingsagenda', years: [2030], value: '9.5' }));
    expect(cleared.budget.targets!['hervormingsagenda']!.path['2031']).toBeUndefined();
    expect(cleared.budget.targets!['hervormingsagenda']!.path['2030']).toEqual(mln(9.5));
  });
  it('set-realisation: a rate, an amount, nothing, a delay', () => {
    const realised = (spec: unknown, measures?: string[]) => {
      const r = applyScenario(ha, s({ kind: 'set-realisation', target: 'hervormingsagenda', ...(measures ? { measures } : {}), realisation: spec }));
      return evaluateTargets(r.budget).targets['hervormingsagenda']!;
    };
    expect(realised({ rate: '0.5' }).years['2027']!.realised).toEqual(mln(4.235));
    expect(realised('none').years['2027']!.realised.isZero()).toBe(true);
    expect(realised({ amount: { 2027: '3' } }, ['lokale-teams']).measures['lokale-teams']!.years['2027']!.realised).toEqual(mln(3));
    const delayed = realised({ delay: 2 }, ['regionale-inkoop']).measures['regionale-inkoop']!.years;
    expect([delayed['2028']!.realised.isZero(), delayed['2029']!.realised]).toEqual([true, mln(1.47)]);
    expect(realised({ rate: '1.2', abovePlan: true }, ['crisisorganisatie']).measures['crisisorganisatie']!.years['2025']!.realised).toEqual(mln(2.4));
  });
});

describe('bad input', () => {
  it('names unknown sources, claims, targets and measures with the path of the change', () => {
    const scenario = s(
      { kind: 'set-capacity', source: 'nope', capacity: 'unlimited' },
      { kind: 'set-claim', claim: 'nope', source: 'oekraine' },
      { kind: 'drop-claim', claim: 'nope' },
      { kind: 'add-claim', claim: { id: 'x', target: '9.9', source: 'nope' } },
      { kind: 'set-reserve-opening', source: 'oekraine', value: '1' },
    );
    expect(issuesOf(() => loadScenario(scenario, { budget: seed }))).toEqual([
      { code: 'unknown_reference', path: 'changes[0].source' },
      { code: 'unknown_reference', path: 'changes[1].claim' },
      { code: 'unknown_reference', path: 'changes[2].claim' },
      { code: 'unknown_reference', path: 'changes[3].claim.target' },
      { code: 'unknown_reference', path: 'changes[3].claim.source' },
      { code: 'not_reserve', path: 'changes[4].source' },
    ]);
    expect(
      issuesOf(() =>
        applyScenario(ha, s({ kind: 'set-target-path', target: 'nope', years: [2027], value: '1' }, { kind: 'set-realisation', target: 'hervormingsagenda', measures: ['voorveld', 'nope'], realisation: 'none' })),
      ),
    ).toEqual([
      { code: 'unknown_reference', path: 'changes[0].target' },
      { code: 'unknown_reference', path: 'changes[1].measures[1]' },
    ]);
  });
  it('refuses negative capacities and amounts, shares above 1, rates above 1 without abovePlan, amounts above plan', () => {
    const shape = s(
      { kind: 'set-capacity', source: 'oekraine', capacity: { perYear: { 2025: '-1' } } },
      { kind: 'set-capacity', source: 'du-noodopvang', years: [2026], value: '-5' },
      { kind: 'set-reserve-opening', source: 'brede-bestemmingsreserve', value: '-1' },
      { kind: 'set-claim', claim: 'oad-1.3', extent: { share: '1.5' } },
      { kind: 'set-realisation', target: 'hervormingsagenda', realisation: { rate: '1.2' } },
      { kind: 'set-realisation', target: 'hervormingsagenda', realisation: { delay: 1.5 } },
      { kind: 'set-target-path', target: 'hervormingsagenda', years: [2027], value: '-3' },
      { kind: 'set-claim', claim: 'oad-1.3' },
      { kind: 'set-capacity', source: 'oekraine', capacity: 'unlimited', value: '1' },
    );
    expect(issuesOf(() => loadScenario(shape))).toEqual([
      { code: 'negative_capacity', path: 'changes[0].capacity.perYear.2025' },
      { code: 'negative_capacity', path: 'changes[1].value' },
      { code: 'negative_amount', path: 'changes[2].value' },
      { code: 'invalid_share', path: 'changes[3].extent.share' },
      { code: 'realisation_above_plan', path: 'changes[4].realisation.rate' },
      { code: 'invalid_value', path: 'changes[5].realisation.delay' },
      { code: 'negative_amount', path: 'changes[6].value' },
      { code: 'missing_field', path: 'changes[7]' },
      { code: 'invalid_value', path: 'changes[8].capacity' },
    ]);
    expect(
      issuesOf(() =>
        applyScenario(
          ha,
          s(
            { kind: 'set-realisation', target: 'hervormingsagenda', measures: ['regionale-inkoop'], realisation: { amount: { 2027: '2' } } },
            { kind: 'set-target-path', target: 'hervormingsagenda', years: [2040], value: '1' },
          ),
        ),
      ),
    ).toEqual([
      { code: 'realisation_above_plan', path: 'changes[0].realisation.amount.2027' },
      { code: 'year_outside_horizon', path: 'changes[1].years[0]' },
    ]);
    expect(issuesOf(() => applyScenario(seed, s({ kind: 'set-capacity', source: 'oekraine', years: [2025], value: '1' })))).toEqual([
      { code: 'capacity_not_per_year', path: 'changes[0].years' },
    ]);
    expect(issuesOf(() => applyScenario(seed, s({ kind: 'add-claim', claim: { id: 'oad-1.3', target: '1.3', source: 'du-noodopvang' } })))).toEqual([
      { code: 'duplicate_id', path: 'changes[0].claim.id' },
    ]);
  });
});

describe('conflicts', () => {
  it('two changes that set the same claim field, capacity year, opening, path year or measure conflict', () => {
    expect(
      issuesOf(() =>
        applyScenario(
          seed,
          s(
            { kind: 'set-claim', claim: 'oad-2.1', extent: { share: '0.5' } },
            { kind: 'set-claim', claim: 'oad-2.1', extent: 'full' },
            { kind: 'set-capacity', source: 'du-noodopvang', years: [2026], value: '100' },
            { kind: 'set-capacity', source: 'du-noodopvang', capacity: 'unlimited' },
            { kind: 'drop-claim', claim: 'oad-1.3' },
          ),
        ),
      ),
    ).toEqual([
      { code: 'change_conflict', path: 'changes[1]' },
      { code: 'change_conflict', path: 'changes[3]' },
    ]);
    const r = applyScenario(
      ha,
      s(
        { kind: 'set-target-path', target: 'hervormingsagenda', years: { from: 2028 }, value: 'pm' },
        { kind: 'set-target-path', target: 'hervormingsagenda', years: [2030, 2031], value: '5' },
        { kind: 'set-realisation', target: 'hervormingsagenda', realisation: { rate: '0.5' } },
        { kind: 'set-realisation', target: 'hervormingsagenda', measures: ['voorveld'], realisation: 'none' },
      ),
      undefined,
      { conflicts: 'report' },
    );
    expect(r.conflicts.map((c) => [c.path, c.cells.length])).toEqual([
      ['changes[1]', 2],
      ['changes[3]', 9],
    ]);
    expect(r.conflicts[0]!.cells).toEqual([
      { row: 'path hervormingsagenda', year: 2030 },
      { row: 'path hervormingsagenda', year: 2031 },
    ]);
  });
  it('changes that commute do not conflict: other fields of one claim, other years, other measures, capacity and opening', () => {
    const r = applyScenario(
      seed,
      s(
        { kind: 'set-claim', claim: 'oad-2.1', extent: { share: '0.5' } },
        { kind: 'set-claim', claim: 'oad-2.1', source: 'du-noodopvang' },
        { kind: 'set-capacity', source: 'du-noodopvang', years: [2026], value: '100' },
        { kind: 'set-capacity', source: 'du-noodopvang', years: [2027], value: '90' },
        { kind: 'set-capacity', source: 'brede-bestemmingsreserve', capacity: 'balance' },
        { kind: 'set-reserve-opening', source: 'brede-bestemmingsreserve', value: '5' },
      ),
    );
    expect(r.conflicts).toEqual([]);
    expect(r.touchedItems).toHaveLength(6);
  });
  it('a change to a claim after it was dropped names an unknown claim', () => {
    expect(issuesOf(() => applyScenario(seed, s({ kind: 'drop-claim', claim: 'oad-1.3' }, { kind: 'set-claim', claim: 'oad-1.3', extent: 'full' })))).toEqual([
      { code: 'unknown_reference', path: 'changes[1].claim' },
    ]);
  });
});
