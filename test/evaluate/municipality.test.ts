import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyMunicipalScenario,
  budget,
  evaluateMunicipality,
  loadMunicipality,
  municipalBalanceTable,
  municipalScenarioTable,
  municipalityTable,
  renderText,
  type MunicipalityDocument,
  type Scenario,
} from '../../src/index.js';
import { issuesOf } from '../helpers.js';

const text = readFileSync(new URL('../../examples/data/municipality-voorbeeld.json', import.meta.url), 'utf8');
const example = (): MunicipalityDocument => JSON.parse(text) as MunicipalityDocument;
const k = (d: { div(n: number): { toFixed(): string } } | undefined): string => (d === undefined ? '-' : d.div(1000).toFixed());
const years = ['2026', '2027', '2028', '2029'];

/** A small municipality in euros: one programme with a claim on an OAD source, the OAD, overhead and a reserve. */
function small(over: Partial<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    format: 'meerjaren/municipality',
    version: 1,
    title: 'Klein',
    unit: 'euro',
    horizon: { from: 2026, to: 2027 },
    programmes: [
      {
        id: 'p',
        budget: {
          version: 1,
          title: 'P',
          unit: 'euro',
          horizon: { from: 2026, to: 2027 },
          sections: [{ id: 'A', title: 'A', lines: [{ id: 'kosten', title: 'Kosten', nature: 'structural', values: [-100, -100] }, { id: 'ont', title: 'Onttrekking', nature: 'incidental', tags: { reserves: 'onttrekking' }, values: [30, 0] }] }],
          cover: { sources: [{ id: 'du', title: 'DU', kind: 'oad', nature: 'structural', capacity: { perYear: [100, 100] } }], claims: [{ id: 'c', target: 'kosten', source: 'du' }] },
        },
      },
    ],
    oad: { lines: [{ id: 'au', title: 'AU', nature: 'structural', tags: { oad: 'algemene-uitkering' }, values: [100, 60] }] },
    overhead: [{ id: 'ov', title: 'Overhead', nature: 'structural', values: [-10, -10] }],
    links: [{ oad: 'au', programme: 'p', claim: 'c' }],
    ...over,
  };
}

describe('the example municipality (programme 2 from seeds 000 and 001)', () => {
  const m = loadMunicipality(text);
  const e = evaluateMunicipality(m);

  it('keeps programme 2 to the euro: seed 001 lasten and baten, seed 000 1.3 and 2.1 inside the lasten', () => {
    const p2 = m.programmes[0]!;
    expect(p2.id).toBe('2');
    expect(years.map((y) => k(e.perYear[y]!.programmes['2']!.amount))).toEqual(['-158250', '-157730', '-156612', '-156535']);
    expect(years.map((y) => k(e.perYear[y]!.programmeReserves['2']!.amount))).toEqual(['365', '54', '0', '0']);
    // the programme's own view: seed 001's Saldo -157.884 (printed; the rows add up to -157.885)
    expect(years.map((y) => k(e.programmes['2']!.balance.perYear[y]!.saldo))).toEqual(['-157885', '-157676', '-156612', '-156535']);
  });

  it('sums the begrotingssaldo, its structural and incidental parts, and gives the verdict of the whole', () => {
    expect(years.map((y) => k(e.perYear[y]!.saldoBatenLasten))).toEqual(['-903', '-640', '-260', '31']);
    expect(years.map((y) => k(e.perYear[y]!.reserveMutations))).toEqual(['1865', '54', '0', '0']);
    expect(years.map((y) => k(e.perYear[y]!.begrotingssaldo))).toEqual(['962', '-586', '-260', '31']);
    expect(years.map((y) => k(e.perYear[y]!.incidental))).toEqual(['2112', '54', '0', '0']);
    expect(years.map((y) => k(e.perYear[y]!.structural))).toEqual(['-1150', '-640', '-260', '31']);
    expect(e.verdict).toBe('last-year');
    expect([e.firstYear, e.lastYear]).toEqual([2026, 2029]);
    expect(e.incidentalItems.map((i) => `${i.part} ${i.programme ?? ''} ${i.id}`)).toEqual(['programme 2 3.2', 'programme 2 toevoegingen', 'programme 2 onttrekkingen', 'oad  dividend-extra', 'reserves  algemene-reserve']);
  });

  it('links 1.3 and 2.1 (dekking via OAD) to their OAD rows, counted once', () => {
    expect(e.findings).toEqual([]);
    expect(e.oadClaims.map((c) => `${c.claim}:${c.oad.join('+')}:${years.map((y) => k(c.years[y]!.funded)).join('/')}`)).toEqual(['oad-1.3:du-noodopvang:50/50/50/50', 'oad-2.1:tm-smi:27/27/27/50']);
    expect(years.map((y) => k(e.perYear[y]!.oadCover))).toEqual(['77', '77', '77', '100']);
    // the OAD row holds the income once: without the links the begrotingssaldo is the same
    const unlinked = evaluateMunicipality(loadMunicipality({ ...example(), links: [] }));
    expect(years.map((y) => k(unlinked.perYear[y]!.begrotingssaldo))).toEqual(['962', '-586', '-260', '31']);
    expect(unlinked.findings.map((f) => `${f.code} ${f.claim} ${f.year}`)).toEqual([
      'oad_line_missing oad-1.3 2026', 'oad_line_missing oad-2.1 2026', 'oad_line_missing oad-1.3 2027', 'oad_line_missing oad-2.1 2027',
      'oad_line_missing oad-1.3 2028', 'oad_line_missing oad-2.1 2028', 'oad_line_missing oad-1.3 2029', 'oad_line_missing oad-2.1 2029',
    ]);
  });

  it('motion 2506-85: a nadeel of EUR 52.450 in programme 4 turns the whole out of structural balance in 2029', () => {
    const motion: Scenario = { id: '2506-85', title: 'Motie 2506-85', changes: [{ kind: 'add-line', section: 'A', line: { id: 'motie-2506-85', title: 'Subsidies', nature: 'structural', values: { 2026: '-52.45', 2027: '-52.45', 2028: '-52.45', 2029: '-52.45' } } }] };
    const r = applyMunicipalScenario(m, '4', motion);
    expect(years.map((y) => r.effect[y]!.programme.toFixed())).toEqual(['-52450', '-52450', '-52450', '-52450']);
    expect(years.map((y) => r.effect[y]!.begrotingssaldo.toFixed())).toEqual(['-52450', '-52450', '-52450', '-52450']);
    expect(years.map((y) => r.effect[y]!.structural.toFixed())).toEqual(['-52450', '-52450', '-52450', '-52450']);
    expect(r.after.perYear['2029']!.structural.toFixed()).toBe('-21450');
    expect([r.before.verdict, r.after.verdict]).toEqual(['last-year', 'not-in-balance']);
    expect(r.municipality.programmes[1]!.budget).toBe(r.result.budget);
    const table = renderText(municipalScenarioTable(r));
    expect(table).toMatch(/Begrotingssaldo na Motie 2506-85\s+910\s+-638\s+-312\s+-21/); // rounded rows add up: 962 - 52 = 910
    expect(table).toMatch(/Structureel begrotingssaldo na Motie 2506-85\s+-1\.202\s+-692\s+-312\s+-21/);
    expect(m.programmes[1]!.budget.sections[0]!.lines.length).toBe(2); // the baseline is untouched
  });

  it('prints the overview and the structural balance in rows that add up', () => {
    const overview = renderText(municipalityTable(m, e));
    expect(overview).toMatch(/Programma 2 Samen leven en ondersteunen\s+-158\.250\s+-157\.730\s+-156\.612\s+-156\.535/);
    expect(overview).toMatch(/Algemene dekkingsmiddelen\s+339\.497/);
    expect(overview).toMatch(/Mutaties reserves programma 2\s+365\s+54\s+0\s+0/);
    expect(overview).toMatch(/Begrotingssaldo\s+962\s+-586\s+-260\s+31/);
    const balance = renderText(municipalBalanceTable(m, e, { labels: 'en' }));
    expect(balance).toMatch(/Structural budget balance\s+-1\.150\s+-640\s+-260\s+31/);
    expect(balance).toMatch(/Budget balance\s+962/);
  });
});

describe('the double entry of dekking via OAD', () => {
  it('funds a claim from its linked OAD row; a smaller row is a finding with what stays short', () => {
    const e = evaluateMunicipality(loadMunicipality(small()));
    expect(e.oadClaims[0]!.years['2026']).toMatchObject({ claimed: expect.anything() });
    expect(['2026', '2027'].map((y) => `${e.oadClaims[0]!.years[y]!.funded.toFixed()}/${e.oadClaims[0]!.years[y]!.short.toFixed()}`)).toEqual(['100/0', '60/40']);
    expect(e.findings.map((f) => `${f.code} ${f.year} ${f.oad} ${f.amount.toFixed()}`)).toEqual(['oad_line_short 2027 au 40']);
    // programme -100 + 30 reserve, OAD 100 / 60, overhead -10
    expect(['2026', '2027'].map((y) => e.perYear[y]!.begrotingssaldo.toFixed())).toEqual(['20', '-50']);
    expect(['2026', '2027'].map((y) => e.perYear[y]!.programmes['p']!.amount.toFixed())).toEqual(['-100', '-100']);
  });

  it('two claims on one OAD row share it in order; an incidental row funding a structural cost is a finding', () => {
    const doc = small();
    const p = (doc['programmes'] as { budget: { cover: { claims: unknown[] } } }[])[0]!;
    p.budget.cover.claims.push({ id: 'c2', target: 'kosten', source: 'du', share: '0.5' });
    doc['links'] = [{ oad: 'au', programme: 'p', claim: 'c' }, { oad: 'au', programme: 'p', claim: 'c2' }];
    (doc['oad'] as { lines: { nature: string }[] }).lines[0]!.nature = 'incidental';
    const e = evaluateMunicipality(loadMunicipality(doc));
    expect(e.oadClaims.map((c) => c.years['2026']!.funded.toFixed())).toEqual(['100', '0']);
    expect(e.findings.map((f) => `${f.code} ${f.year} ${f.claim}`)).toEqual(['structural_on_incidental 2026 c', 'oad_line_short 2026 c2', 'structural_on_incidental 2027 c', 'oad_line_short 2027 c', 'oad_line_short 2027 c2']);
  });

  it('a link whose claim a scenario drops is oad_claim_missing on the whole after the scenario', () => {
    const m = loadMunicipality(small());
    const r = applyMunicipalScenario(m, 'p', { id: 's', title: 'S', changes: [{ kind: 'drop-claim', claim: 'c' }] });
    expect(r.after.findings.map((f) => `${f.code} ${f.claim}`)).toEqual(['oad_claim_missing c']);
    expect(r.effect['2026']!.begrotingssaldo.toFixed()).toBe('0'); // a claim moves no money: the double entry counted it once
  });
});

describe('reading a municipality document', () => {
  it('places every problem at its path: header, programmes, OAD lines, other parts, links', () => {
    const doc = small({
      version: 2,
      extra: 1,
      overhead: [{ id: 'ov', title: 'Overhead', values: [-10, -10] }],
      links: [{ oad: 'nope', programme: 'p', claim: 'c' }, { oad: 'au', programme: 'q', claim: 'c' }, { oad: 'au', programme: 'p', claim: 'zz' }],
    });
    (doc['oad'] as { lines: { tags: Record<string, string> }[] }).lines[0]!.tags['oad'] = 'belasting';
    expect(issuesOf(() => loadMunicipality(doc))).toEqual([
      { code: 'unknown_field', path: 'extra' },
      { code: 'unsupported_version', path: 'version' },
      { code: 'missing_nature', path: 'overhead[0].nature' },
      { code: 'invalid_value', path: 'oad.lines[0].tags.oad' },
      { code: 'unknown_reference', path: 'links[0].oad' },
      { code: 'unknown_reference', path: 'links[1].programme' },
      { code: 'unknown_reference', path: 'links[2].claim' },
    ]);
  });

  it('refuses a programme whose horizon lacks a year, a duplicate programme id, a file reference and a bad reserve tag', () => {
    const doc = small();
    const programmes = doc['programmes'] as Record<string, unknown>[];
    const budget = programmes[0]!['budget'] as { horizon: unknown; sections: { lines: { tags?: Record<string, string> }[] }[] };
    programmes.push({ id: 'p', file: 'p.json' });
    doc['programmes'] = programmes;
    budget.horizon = { from: 2026, to: 2026 };
    budget.sections[0]!.lines = [{ id: 'k', title: 'K', nature: 'structural', values: [-1], tags: { reserves: 'ja' } } as never];
    (budget as { cover?: unknown }).cover = undefined;
    delete (budget as { cover?: unknown }).cover;
    doc['links'] = [];
    expect(issuesOf(() => loadMunicipality(doc))).toEqual([
      { code: 'year_outside_horizon', path: 'programmes[0].budget.horizon' },
      { code: 'invalid_value', path: 'programmes[0].budget.sections[0].lines[0].tags.reserves' },
      { code: 'unknown_field', path: 'programmes[1].file' },
      { code: 'duplicate_id', path: 'programmes[1].id' },
    ]);
  });

  it('reports a programme budget\'s own problems under programmes[i].budget and checks its printed totals', () => {
    const doc = small();
    const budget = (doc['programmes'] as { budget: Record<string, unknown> }[])[0]!.budget;
    budget['expected'] = [999, 999];
    expect(issuesOf(() => loadMunicipality(doc)).map((i) => i.code + ' ' + i.path)).toEqual(['total_mismatch programmes[0].budget.expected.2026', 'total_mismatch programmes[0].budget.expected.2027']);
    expect(loadMunicipality(doc, { totals: 'ignore' }).programmes.length).toBe(1);
    budget['unit'] = 'duizend';
    expect(issuesOf(() => loadMunicipality(doc)).map((i) => i.code + ' ' + i.path)).toEqual(['invalid_value programmes[0].budget.unit']);
  });

  it('refuses a document that is not an object, a missing OAD and missing programmes', () => {
    expect(issuesOf(() => loadMunicipality('[1]'))).toEqual([{ code: 'invalid_type', path: '' }]);
    const doc = small();
    delete doc['oad'];
    delete doc['programmes'];
    expect(issuesOf(() => loadMunicipality(doc)).map((i) => i.code + ' ' + i.path)).toEqual(['missing_field oad', 'missing_field programmes', 'unknown_reference links[0].programme']);
  });

  it('checks an object given as it is as its text would be: plain values, depth; and hands back frozen values', () => {
    expect(issuesOf(() => loadMunicipality(small({ links: [new Map()] })))).toEqual([{ code: 'invalid_type', path: 'links[0]' }]);
    expect(issuesOf(() => loadMunicipality(small(), { maxDepth: 3 })).map((i) => i.code)).toContain('too_deep');
    const m = loadMunicipality(small());
    const e = evaluateMunicipality(m);
    expect([Object.isFrozen(m), Object.isFrozen(m.programmes), Object.isFrozen(m.links[0]), Object.isFrozen(e), Object.isFrozen(e.perYear['2026']!.programmes)]).toEqual([true, true, true, true, true]);
  });

  it('refuses an unknown programme in a scenario on the whole, and a hand-made object that is not a municipality', () => {
    const m = loadMunicipality(small());
    expect(issuesOf(() => applyMunicipalScenario(m, 'q', { id: 's', title: 'S', changes: [] }))).toEqual([{ code: 'unknown_reference', path: 'programme' }]);
    expect(issuesOf(() => evaluateMunicipality({ ...m, oad: {} as never }))).toEqual([{ code: 'invalid_argument', path: 'municipality.oad' }]);
    // a hand copy of a loaded municipality is checked and used
    expect(evaluateMunicipality({ ...m }).perYear['2026']!.begrotingssaldo.toFixed()).toBe('20');
  });

  it('gives a hand-made municipality the cross-checks of the reader: no year read as 0, no link ignored', () => {
    const m = loadMunicipality(example());
    const p0 = m.programmes[0]!;
    const fewer = budget({ title: p0.budget.title, unit: 'thousand', horizon: { from: m.horizon.from, to: m.horizon.from } }).section('1', 'S').line('1', 'L', [-1], { nature: 'structural' }).build();
    expect(issuesOf(() => evaluateMunicipality({ ...m, programmes: [{ ...p0, budget: fewer }, ...m.programmes.slice(1)] }))).toContainEqual({ code: 'year_outside_horizon', path: 'municipality.programmes[0].budget.horizon' });
    const link = m.links[0]!;
    expect(issuesOf(() => evaluateMunicipality({ ...m, links: [{ ...link, claim: 'toString' }] }))).toEqual([{ code: 'unknown_reference', path: 'municipality.links[0].claim' }]);
    expect(issuesOf(() => evaluateMunicipality({ ...m, links: [{ ...link, oad: 'nope' }] }))).toEqual([{ code: 'unknown_reference', path: 'municipality.links[0].oad' }]);
    expect(issuesOf(() => evaluateMunicipality({ ...m, links: [{ ...link, programme: 'nope' }] }))).toEqual([{ code: 'unknown_reference', path: 'municipality.links[0].programme' }]);
  });
});
