/**
 * The begrotingswijziging, rule by rule, and the acceptance test: seed 001's motion 2506-84 combined with motion
 * 2506-85 (example 64), figures to the euro.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { budget } from '../../src/evaluate/builder.js';
import { withCover } from '../../src/validate/with-cover.js';
import { begrotingswijziging } from '../../src/analysis/begrotingswijziging.js';
import type { Scenario } from '../../src/scenario/types.js';
import { issuesOf } from '../helpers.js';
import { run } from '../../examples/64-begrotingswijziging-moties.js';

const e = (n: number | string) => new Dec(n);
const k = (n: number) => new Dec(n).times(1000);
const fig = (f: { lasten: Dec; baten: Dec; saldo: Dec }) => [f.lasten.toFixed(), f.baten.toFixed(), f.saldo.toFixed()];
type Dec = InstanceType<typeof Dec>;

const pb = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2027 }, tags: { programme: '2' } })
  .section('1', 'Doelen')
  .line('2.1', 'Jeugd', [-900, -900], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
  .line('2.2', 'Wmo', [-700, -700], { nature: 'structural' })
  .line('1.1', 'Oekraïne', [6500, 1083], { nature: 'incidental', tags: { programme: '6' } })
  .build();

describe('begrotingswijziging: lasten and baten', () => {
  it('a declared side takes the whole mutation; fewer lasten print as a negative lasten mutation', () => {
    const w = begrotingswijziging(pb, { id: 's', title: 'S', changes: [{ kind: 'set-amount', line: '2.1', years: [2026], value: '-800' }] });
    const line = w.programmes[0]!.lines[0]!;
    expect(fig(line.years['2026']!)).toEqual([k(-100).toFixed(), '0', k(100).toFixed()]);
    expect(line.sides).toEqual([{ row: '2.1', declared: 'lasten' }]);
    expect(line.inferred).toBe(false);
  });

  it('a declared baten row stays baten when its amount turns negative; an inferred row splits each budget by its sign', () => {
    const b = budget({ title: 'B', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('b', 'Leges', [100], { nature: 'structural', tags: { lastenbaten: 'baten' } })
      .line('x', 'Onbekend', [-100], { nature: 'structural' })
      .build();
    const w = begrotingswijziging(b, { id: 's', title: 'S', changes: [
      { kind: 'set-amount', line: 'b', years: [2026], value: '-30' },
      { kind: 'set-amount', line: 'x', years: [2026], value: '50' },
    ] });
    const [lb, lx] = w.programmes[0]!.lines;
    expect(fig(lb!.years['2026']!)).toEqual(['0', '-130', '-130']);
    // x: -100 (lasten 100) becomes 50 (baten 50): lasten -100, baten +50, saldo +150
    expect(fig(lx!.years['2026']!)).toEqual(['-100', '50', '150']);
    expect(lx!.inferred).toBe(true);
    expect(lx!.sides).toEqual([{ row: 'x', declared: undefined }]);
  });

  it('a component inherits its line\'s side unless it declares its own; an invalid tag counts as none', () => {
    const b = budget({ title: 'B', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('1.1', 'Vergoeding', [100], { nature: 'incidental', row: 'amount', tags: { lastenbaten: 'baten' } })
      .component('kosten', [-40], { tags: { lastenbaten: 'lasten' } })
      .component('overig', [-10])
      .component('fout', [5], { tags: { lastenbaten: 'Lasten' } })
      .build();
    const w = begrotingswijziging(b, { id: 's', title: 'S', changes: [{ kind: 'drop-line', line: '1.1' }] });
    const line = w.programmes[0]!.lines[0]!;
    expect(line.status).toBe('gone');
    // baten: own 100, overig -10 (inherited baten), fout 5 (inferred baten); lasten: kosten 40
    expect(fig(line.years['2026']!)).toEqual(['-40', '-95', '-55']);
    expect(line.sides).toEqual([
      { row: '1.1', declared: 'baten' },
      { row: '1.1#1', declared: 'lasten' },
      { row: '1.1#2', declared: 'baten' },
      { row: '1.1#3', declared: undefined },
    ]);
    expect(fig(line.years['2026']!.incidental)).toEqual(['-40', '-95', '-55']);
    expect(fig(line.years['2026']!.structural)).toEqual(['0', '0', '0']);
  });

  it('a change of nature moves the figures from incidental to structural with a saldo of 0', () => {
    const w = begrotingswijziging(pb, { id: 's', title: 'S', changes: [{ kind: 'set-nature', line: '1.1', nature: 'structural' }] });
    const y = w.total['2026']!;
    expect(fig(y)).toEqual(['0', '0', '0']);
    expect(fig(y.structural)).toEqual(['0', k(6500).toFixed(), k(6500).toFixed()]);
    expect(fig(y.incidental)).toEqual(['0', k(-6500).toFixed(), k(-6500).toFixed()]);
  });
});

describe('begrotingswijziging: programmes', () => {
  it('a line is in the programme of its tag, else the budget\'s; without either it has none', () => {
    const w = begrotingswijziging(pb, { id: 's', title: 'S', changes: [
      { kind: 'set-amount', line: '1.1', years: [2026], value: { add: '1' } },
      { kind: 'set-amount', line: '2.2', years: [2026], value: { add: '1' } },
    ] });
    expect(w.programmes.map((p) => [p.id, p.lines.map((l) => l.id)])).toEqual([['2', ['2.2']], ['6', ['1.1']]]);
    const plain = budget({ title: 'B', unit: 'euro', horizon: { from: 2026, to: 2026 } }).section('1', 'S').line('a', 'A', [1], { nature: 'structural' }).build();
    expect(begrotingswijziging(plain, { id: 's', title: 'S', changes: [{ kind: 'drop-line', line: 'a' }] }).programmes.map((p) => p.id)).toEqual(['']);
  });

  it('a version step: a line that moved programme leaves one (gone) and enters the other (new); the id map matches renumbered lines', () => {
    const older = budget({ title: 'TB1', unit: 'euro', horizon: { from: 2025, to: 2027 }, tags: { programme: '2' } })
      .section('1', 'S')
      .line('4.2', 'Subsidies jeugd', [0, 250, 250], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
      .line('4.5', 'GR', [0, 200, 200], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
      .build();
    const newer = budget({ title: 'Begroting 2026', unit: 'euro', horizon: { from: 2026, to: 2029 }, tags: { programme: '2' } })
      .section('1', 'S')
      .line('4.2', 'Subsidies jeugd', [250, 250, 250, 250], { nature: 'structural', tags: { lastenbaten: 'lasten', programme: '4' } })
      .line('4.4', 'GR', [210, 210, 210, 210], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
      .build();
    const w = begrotingswijziging(older, newer, { idMap: { '4.5': '4.4' } });
    expect(w.years).toEqual([2026, 2027]);
    expect(w.title).toBe('Begrotingswijziging TB1 - Begroting 2026');
    expect(w.programmes.map((p) => [p.id, p.lines.map((l) => `${l.id}:${l.status}:${l.years['2026']!.saldo.toFixed()}`)])).toEqual([
      ['2', ['4.4:both:10', '4.2:gone:-250']],
      ['4', ['4.2:new:250']],
    ]);
    expect(w.programmes[0]!.lines[0]!.idA).toBe('4.5');
    // versions by name; a scenario result is a version step too (its changes' notes are not at hand)
    const named = begrotingswijziging({ name: 'TB1 2025', kind: 'tb1', budget: older }, { name: 'Begroting 2026', kind: 'begroting', budget: newer }, { idMap: { '4.5': '4.4' } });
    expect([named.a, named.b, named.title]).toEqual(['TB1 2025', 'Begroting 2026', 'Begrotingswijziging TB1 2025 - Begroting 2026']);
    expect(named.total).toEqual(w.total);
    expect(w.dekking).toEqual([]);
    expect(w.total['2026']!.saldo.toFixed()).toBe('10');
  });
});

describe('begrotingswijziging: reserves, neutrality, dekking', () => {
  const covered = withCover(pb, {
    sources: [{ id: 'ar', title: 'Algemene reserve', kind: 'reserve', nature: 'incidental', capacity: 'balance', reserve: { opening: 5000 } }],
    claims: [],
  });

  it('a claim on a reserve is an onttrekking outside the lines: the saldo after reserves changes, the lines do not', () => {
    const w = begrotingswijziging(covered, { id: 'r', title: 'Dekking uit reserve', changes: [{ kind: 'add-claim', claim: { id: 'c', target: '2.2', source: 'ar' }, note: 'Wmo uit de algemene reserve' }] }, { technical: true });
    expect(w.programmes).toEqual([]);
    expect(w.reserves!['2026']!.withdrawals).toEqual(k(700));
    expect(w.reserves!['2026']!.incidental).toEqual(k(700));
    expect(w.saldoAfterReserves['2026']).toEqual(k(700));
    expect(w.neutrality).toEqual({ neutral: false, years: [{ year: 2026, saldo: k(700) }, { year: 2027, saldo: k(700) }] });
    expect(w.dekking).toEqual([{ scenario: 'r', change: 0, kind: 'add-claim', note: 'Wmo uit de algemene reserve', lines: [], items: ['claim:c'] }]);
  });

  it('without reserves in either budget there is no reserve block', () => {
    expect(begrotingswijziging(pb, { id: 's', title: 'S', changes: [] }).reserves).toBeUndefined();
  });

  it('a technical move is neutral; a technical wijziging that is not names the years and amounts in a not_neutral finding', () => {
    const move: Scenario = { id: 'ivh', title: 'Integrale Vroeghulp', changes: [{ kind: 'move-amount', from: '2.1', to: '2.2', years: { from: 2026 }, amount: '-125', note: 'EUR 125.000 van 2.1 naar 2.2' }] };
    expect(begrotingswijziging(pb, move, { technical: true }).neutrality).toEqual({ neutral: true, years: [] });
    expect(begrotingswijziging(pb, move).neutrality).toBeUndefined();
    const off = begrotingswijziging(pb, { ...move, changes: [...move.changes, { kind: 'set-amount', line: '2.2', years: [2027], value: { add: '-0.6' } }] }, { technical: true });
    expect(off.findings).toEqual([
      expect.objectContaining({ code: 'not_neutral', path: 'total', message: 'a technical begrotingswijziging must leave the saldo unchanged, but it changes it in 2027 by -600 (euros)' }),
    ]);
  });

  it('the dekking paragraph lists every change in the order applied, the changes of extended scenarios first, with the lines each touches', () => {
    const a: Scenario = { id: 'a', title: 'A', changes: [{ kind: 'set-amount', line: '2.1', years: [2026], value: { add: '1' }, note: 'eerst' }] };
    const b: Scenario = { id: 'b', title: 'B', changes: [{ kind: 'move-amount', from: '2.2', to: '2.1', years: [2027], amount: '5' }] };
    const w = begrotingswijziging(pb, { id: 'ab', title: 'A en B', extends: ['a', 'b'], changes: [{ kind: 'drop-line', line: '1.1', note: 'laatst' }] }, { library: [a, b] });
    expect(w.scenarios).toEqual([{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'ab', title: 'A en B' }]);
    expect(w.dekking.map((d) => [d.scenario, d.change, d.kind, d.note, d.lines])).toEqual([
      ['a', 0, 'set-amount', 'eerst', ['2.1']],
      ['b', 0, 'move-amount', undefined, ['2.2', '2.1']],
      ['ab', 0, 'drop-line', 'laatst', ['1.1']],
    ]);
  });

  it('refuses an id map with a scenario and a library with a version, and what applyScenario refuses', () => {
    expect(issuesOf(() => begrotingswijziging(pb, { id: 's', title: 'S', changes: [] }, { idMap: {} }))).toEqual([{ code: 'invalid_option', path: 'options.idMap' }]);
    expect(issuesOf(() => begrotingswijziging(pb, pb, { library: [] }))).toEqual([{ code: 'invalid_option', path: 'options.library' }]);
    expect(issuesOf(() => begrotingswijziging(pb, { id: 's', title: 'S', changes: [{ kind: 'drop-line', line: 'nope' }] }))).toEqual([{ code: 'unknown_reference', path: 'changes[0].line' }]);
    expect(issuesOf(() => begrotingswijziging(pb, pb, { technical: 'yes' as never }))).toEqual([{ code: 'invalid_option', path: 'options.technical' }]);
  });
});

describe('acceptance: motions 2506-84 and 2506-85 of seed 001 (example 64)', () => {
  const { combined: w, m84Technical, combinedTechnical } = run();
  it('programme 2 loses the saving of 234.000 on subsidies (more lasten), the measure Ramingsystematiek brings 234.000 (fewer lasten), programme 4 gets 52.450 lasten', () => {
    expect(w.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    expect(w.programmes.map((p) => [p.id, p.lines.map((l) => `${l.id}:${l.status}`)])).toEqual([
      ['2', ['4.1:gone']],
      ['gemeentebreed', ['G4.2:both']],
      ['4', ['P4.1:new']],
    ]);
    for (const year of ['2026', '2027', '2028', '2029', '2030', '2031']) {
      expect(fig(w.programmes[0]!.years[year]!)).toEqual(['234000', '0', '-234000']);
      expect(fig(w.programmes[1]!.years[year]!)).toEqual(['-234000', '0', '234000']);
      expect(fig(w.programmes[2]!.years[year]!)).toEqual(['52450', '0', '-52450']);
      expect(fig(w.total[year]!)).toEqual(['52450', '0', '-52450']);
      expect(fig(w.total[year]!.structural)).toEqual(['52450', '0', '-52450']);
      expect(fig(w.total[year]!.incidental)).toEqual(['0', '0', '0']);
    }
    expect(fig(w.total['2025']!)).toEqual(['0', '0', '0']);
    expect(w.programmes.flatMap((p) => p.lines).every((l) => !l.inferred)).toBe(true);
  });
  it('the dekking paragraph holds both motions\' notes in order; 2506-84 alone is budget neutral, the two together are not', () => {
    expect(w.dekking.map((d) => [d.scenario, d.note, d.lines])).toEqual([
      ['motie-2506-84', 'Besparing subsidies Sociaal Domein vervalt', ['4.1']],
      ['motie-2506-84', '234 extra uit Ramingsystematiek', ['G4.2']],
      ['motie-2506-85', 'Activiteiten onderdeel C ondergebracht bij programma 4 Vrije tijd: nadeel EUR 52.450', ['P4.1']],
    ]);
    expect(m84Technical.neutrality).toEqual({ neutral: true, years: [] });
    expect(combinedTechnical.neutrality!.years.map((y) => [y.year, y.saldo.toFixed()])).toEqual([2026, 2027, 2028, 2029, 2030, 2031].map((y) => [y, '-52450']));
    expect(e(combinedTechnical.findings.length).toNumber()).toBe(1);
  });
});

describe('begrotingswijziging: pm posts are said, never silently 0', () => {
  it('a line that holds a pm in either budget names its years, and the table marks them "+ pm"', async () => {
    const { pm } = await import('../../src/evaluate/builder.js');
    const { begrotingswijzigingTable } = await import('../../src/report/begrotingswijziging-table.js');
    const { renderText } = await import('../../src/report/render.js');
    const base = budget({ title: 'P', unit: 'thousand', horizon: { from: 2026, to: 2027 } })
      .section('1', 'S')
      .line('1.4', 'Wmo', [pm, pm], { nature: 'incidental', tags: { lastenbaten: 'lasten' } })
      .line('1.5', 'Jeugd', [-10, -10], { nature: 'structural', tags: { lastenbaten: 'lasten' } })
      .build();
    const scenario: Scenario = { id: 's', title: 'S', changes: [{ kind: 'estimate-pm', line: '1.4', years: [2026], value: '-1100' }, { kind: 'set-amount', line: '1.5', years: [2027], value: '-20' }] };
    const w = begrotingswijziging(base, scenario);
    const line = (id: string) => w.programmes.flatMap((p) => p.lines).find((l) => l.id === id)!;
    expect(line('1.4').pm).toEqual([2026, 2027]);
    expect(line('1.5').pm).toEqual([]);
    expect(w.pm).toEqual([2026, 2027]);
    expect(line('1.4').years['2026']!.lasten.toFixed()).toBe('1100000'); // the estimate, against the pm's 0
    const text = renderText(begrotingswijzigingTable(w), { unit: 'thousand' });
    expect(text).toMatch(/1\.4 Wmo\s+-1\.100 \+ pm/);
  });
});
