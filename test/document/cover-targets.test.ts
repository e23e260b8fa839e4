import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { budgetToJson, evaluateCover, loadBudget, toDocument, withCover, withTargets, type Budget } from '../../src/index.js';
import { coverToDocument } from '../../src/document/write-cover.js';
import { targetsToDocument } from '../../src/document/write-targets.js';
import { hervormingsagenda } from '../../examples/11-hervormingsagenda-taakstelling.js';
import { issuesOrNone, seedText, type CodeAndPath } from '../helpers.js';

const data = seedText;
const json = (file: string): Record<string, unknown> => JSON.parse(data(file)) as Record<string, unknown>;

const schema = JSON.parse(readFileSync(new URL('../../schema/budget.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

/** The issues loading `input` reports; `[]` when it loads. */
const issuesOf = (input: unknown): CodeAndPath[] => issuesOrNone(() => loadBudget(input));

/** A small table: lines a (with component a#1), b, and c in x EUR 1.000 over 2025..2027. */
function small(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    title: 'T',
    unit: 'thousand',
    horizon: { from: 2025, to: 2027 },
    sections: [
      {
        id: '1',
        title: 'S',
        lines: [
          { id: 'a', title: 'A', nature: 'structural', values: ['-100'], row: 'amount', components: [{ title: 'deel', values: ['-20', '-20'] }] },
          { id: 'b', title: 'B', nature: 'incidental', values: ['300'] },
          { id: 'c', title: 'C', nature: 'structural', values: ['-5', '-5', '-5'] },
        ],
      },
    ],
    ...extra,
  };
}

/** Writes, reads back and checks that nothing changed (also through JSON text). */
function roundTrip(b: Budget): void {
  const doc = toDocument(b);
  expect(loadBudget(doc)).toStrictEqual(b);
  expect(loadBudget(budgetToJson(b))).toStrictEqual(b);
  expect(validate(JSON.parse(JSON.stringify(doc))), JSON.stringify(validate.errors)).toBe(true);
}

describe('cover (dekking) in a budget document', () => {
  const tb1 = json('seed000-tb1.json');
  const cover = json('seed000-cover.json');

  it('seed000-tb1-with-cover.json is seed000-tb1.json with seed000-cover.json as its cover', () => {
    expect(json('seed000-tb1-with-cover.json')).toEqual({ ...tb1, cover });
  });

  it('loads the cover with the table: the same as withCover, frozen, and the evaluation sees it', () => {
    const loaded = loadBudget(data('seed000-tb1-with-cover.json'));
    expect(loaded).toStrictEqual(withCover(loadBudget(tb1), cover));
    expect(Object.isFrozen(loaded.cover)).toBe(true);
    expect(Object.isFrozen(loaded.cover!.claims[0])).toBe(true);
    expect(loaded.targets).toBeUndefined();
    expect(Object.keys(loaded.cover!.sources)).toEqual(['du-noodopvang', 'taakmutatie-smi', 'werkbudget-wmo', 'oekraine', 'brede-bestemmingsreserve']);
    expect(loaded.cover!.sources['du-noodopvang']!.capacity).toEqual({ kind: 'per-year', values: expect.objectContaining({ 2025: expect.anything() }) });
    const oekraine = evaluateCover(loaded).sources['oekraine']!.years['2025']!;
    expect([oekraine.available, oekraine.given, oekraine.left].map((d) => d?.div(1000).toFixed())).toEqual(['2900', '2500', '400']);
  });

  it('a budget without cover or targets has neither field, and its document writes neither', () => {
    const b = loadBudget(tb1);
    expect('cover' in b).toBe(false);
    expect('targets' in b).toBe(false);
    const doc = toDocument(b);
    expect('cover' in doc).toBe(false);
    expect('targets' in doc).toBe(false);
  });

  it('writes the cover back in the input format, amounts in the unit, and reads it back equal', () => {
    const b = loadBudget(data('seed000-tb1-with-cover.json'));
    const doc = toDocument(b);
    expect(doc.cover).toEqual({
      sources: [
        {
          id: 'du-noodopvang',
          title: 'Decentralisatie-uitkering noodopvang asielzoekers (faciliteitenbesluit, ca. € 0,28 mln)',
          kind: 'oad',
          nature: 'structural',
          capacity: { perYear: { 2025: '280', 2026: '280', 2027: '280', 2028: '280', 2029: '280', 2030: '280' } },
        },
        {
          id: 'taakmutatie-smi',
          title: 'Taakmutatie sociaal medische indicatie (algemene uitkering)',
          kind: 'oad',
          nature: 'structural',
          capacity: { perYear: { 2025: '27', 2026: '27', 2027: '27', 2028: '27', 2029: '50', 2030: '50', 2031: '50' } },
        },
        { id: 'werkbudget-wmo', title: 'Voordeel werkbudget Wmo (1.5)', kind: 'within-programme', nature: 'incidental', capacity: { line: '1.5' } },
        { id: 'oekraine', title: 'Vrij besteedbaar voordeel Oekraïne-gelden (1.1, 2025)', kind: 'windfall', nature: 'incidental', capacity: { line: '1.1', years: [2025] } },
        { id: 'brede-bestemmingsreserve', title: 'Brede bestemmingsreserve', kind: 'reserve', nature: 'incidental', reserve: { opening: '0', additions: { 2025: '2000' }, bookedIn: '3.1' } },
      ],
      claims: [
        { id: 'oad-1.3', target: '1.3', source: 'du-noodopvang' },
        { id: 'oad-2.1', target: '2.1', source: 'taakmutatie-smi' },
        { id: 'wmo-1.4', target: '1.4', source: 'werkbudget-wmo', years: [2025] },
        { id: 'oekraine-1.2', target: '1.2', source: 'oekraine' },
        { id: 'oekraine-3.1', target: '3.1', source: 'oekraine', years: [2025] },
      ],
    });
    roundTrip(b);
  });

  it('reads amounts in the document number format and unit, and ignores its sign convention', () => {
    const cover = { sources: [{ id: 's', title: 'S', kind: 'oad', nature: 'structural', capacity: { total: '1.234,5' } }], claims: [{ target: 'a', source: 's', amount: { 2025: '2.100' } }] };
    const b = loadBudget(small({ numberFormat: 'nl', sign: 'nadeel-positive', cover }));
    const capacity = b.cover!.sources['s']!.capacity;
    expect(capacity.kind === 'total' && capacity.amount.toFixed()).toBe('1234500');
    const extent = b.cover!.claims[0]!.extent;
    expect(extent.kind === 'amount' && extent.values['2025']?.toFixed()).toBe('2100000');
    expect(b.cover!.claims[0]!.id).toBe('claim-1');
    const doc = toDocument(b);
    expect(doc.numberFormat).toBe('plain');
    expect(doc.cover?.sources?.[0]?.capacity).toEqual({ total: '1234.5' });
    expect(doc.cover?.claims?.[0]).toEqual({ target: 'a', source: 's', amount: { 2025: '2100' } }); // default id left out
    roundTrip(b);
  });

  it('writes small and large amounts in plain notation, zero as "0", shares as plain decimals', () => {
    const b = withCover(loadBudget(small({ unit: 'million' })), {
      sources: [
        { id: 'klein', title: 'K', kind: 'third-party', nature: 'incidental', capacity: { total: '0.000000000001', from: 2026 } },
        { id: 'groot', title: 'G', kind: 'oad', nature: 'structural', capacity: { perYear: ['123456789012', '0', '-0'] } },
        { id: 'r', title: 'R', kind: 'reserve', nature: 'incidental', capacity: 'balance', reserve: { opening: '0.5', withdrawals: { 2026: '0.25' } }, tags: { soort: 'bestemmingsreserve' } },
        { id: 'alles', title: 'A', kind: 'oad', nature: 'structural', capacity: 'unlimited' },
      ],
      claims: [
        { target: 'a#1', source: 'klein', share: '0.50' },
        { id: 'claim-2', target: 'c', source: 'alles', years: [2027, 2025] },
        { id: 'eigen', target: 'b', source: 'groot', amount: [null, '0.000001'] },
      ],
    });
    const doc = coverToDocument(b.cover!, b);
    expect(doc.sources?.map((s) => s.capacity)).toEqual([{ total: '0.000000000001', from: 2026 }, { perYear: { 2025: '123456789012', 2026: '0', 2027: '0' } }, undefined, 'unlimited']);
    expect(doc.sources?.[2]).toEqual({ id: 'r', title: 'R', kind: 'reserve', nature: 'incidental', reserve: { opening: '0.5', withdrawals: { 2026: '0.25' } }, tags: { soort: 'bestemmingsreserve' } });
    // ids equal to their default (claim-<place>) are left out
    expect(doc.claims).toEqual([
      { target: 'a#1', source: 'klein', share: '0.5' },
      { target: 'c', source: 'alles', years: [2025, 2027] },
      { id: 'eigen', target: 'b', source: 'groot', amount: { 2026: '0.000001' } },
    ]);
    roundTrip(b);
  });

  it('reports cover problems with paths under cover, together with problems in the table', () => {
    const found = issuesOf(
      small({
        sections: [{ id: '1', title: 'S', lines: [{ id: 'a', title: 'A', values: ['-1'] }] }],
        cover: {
          sources: [{ id: 's', title: 'S', kind: 'oad', nature: 'structural', capacity: { perYear: ['-1'] }, extra: 1 }],
          claims: [{ target: 'x', source: 's' }, { target: 'a', source: 'nope', share: '2' }],
          more: [],
        },
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'missing_nature', path: 'sections[0].lines[0].nature' },
        { code: 'unknown_field', path: 'cover.more' },
        { code: 'unknown_field', path: 'cover.sources[0].extra' },
        { code: 'negative_capacity', path: 'cover.sources[0].capacity.perYear[0]' },
        { code: 'unknown_reference', path: 'cover.claims[0].target' },
        { code: 'unknown_reference', path: 'cover.claims[1].source' },
        { code: 'invalid_share', path: 'cover.claims[1].share' },
      ]),
    );
  });

  it('knows every row when it reads the cover, components by their default id too', () => {
    expect(issuesOf(small({ cover: { claims: [{ target: 'a#1', source: 's' }], sources: [{ id: 's', title: 'S', kind: 'oad', nature: 'structural', capacity: 'unlimited' }] } }))).toEqual([]);
    expect(issuesOf(small({ cover: { sources: [{ id: 's', title: 'S', kind: 'windfall', nature: 'incidental', capacity: { line: 'b' } }], claims: [{ target: 'b', source: 's' }] } }))).toEqual([
      { code: 'cycle', path: 'cover.claims[0]' },
    ]);
  });

  it('refuses an ambiguous amount in the cover when the document declares no number format', () => {
    expect(issuesOf(small({ cover: { sources: [{ id: 's', title: 'S', kind: 'oad', nature: 'structural', capacity: { total: '1.083' } }] } }))).toEqual([
      { code: 'ambiguous_amount', path: 'cover.sources[0].capacity.total' },
    ]);
  });

  it('reads neither part when the horizon is broken, and reports the horizon', () => {
    expect(issuesOf(small({ horizon: { from: 2027, to: 2025 }, cover: { sources: 'x' }, targets: 'y' })).map((i) => i.path)).toEqual(['horizon.to', 'horizon.budgetYear']);
  });

  it('reports wrong types of the parts themselves', () => {
    expect(issuesOf(small({ cover: [], targets: {} }))).toEqual([
      { code: 'invalid_type', path: 'cover' },
      { code: 'invalid_type', path: 'targets' },
    ]);
  });

  it('still checks the printed totals of a document with cover', () => {
    const doc = json('seed000-tb1-with-cover.json');
    expect(issuesOf({ ...doc, expected: ['-700', '363', '533', '725', '702', '742', '752'] })).toEqual([{ code: 'total_mismatch', path: 'expected.2025' }]);
  });
});

describe('savings targets (taakstellingen) in a budget document', () => {
  it('round-trips the Hervormingsagenda target of example 11, units and pm years included', () => {
    const b = hervormingsagenda();
    const doc = toDocument(b);
    const [target] = doc.targets ?? [];
    expect(target?.unit).toBeUndefined(); // the table is in millions too
    expect(target?.path).toEqual({ 2025: '3', 2026: '7', 2027: '8', 2028: '9', 2029: '10', 2030: '11', 2031: '12' });
    expect(target?.references?.[0]?.path).toMatchObject({ 2023: '374', 2024: 'pm', 2027: '1000' });
    expect(target?.references?.[0]?.localShare).toMatchObject({ 2027: '6.8' });
    expect(target?.measures?.map((m) => m.realisation)).toEqual([undefined, { rate: '0.5' }, { delay: 1 }, { amount: { 2027: '0.75' } }]);
    expect(target?.measures?.[3]?.planned).toMatchObject({ 2027: '1.47' });
    roundTrip(b);
  });

  it("loads targets with the table, the same as withTargets, and writes a unit that is not the table's", () => {
    const targets = [
      {
        id: 'ha',
        title: 'Taakstelling',
        unit: 'million',
        line: 'c',
        path: ['1', '+pm', '2.5'],
        references: [{ title: 'Landelijk', unit: 'euro', path: { 2025: '374000000.5', 2026: 'pm' }, localShare: { 2026: '0.25' } }],
        measures: [
          { id: 'm1', title: 'M1', unit: 'million', planned: { 2025: '1' }, status: 'decided', realisation: 'none', line: 'a#1' },
          { id: 'm2', title: 'M2', planned: { 2025: '1', 2026: '1' }, status: 'at-risk', realisation: { delay: 1, rate: '1.5', abovePlan: true } },
          { id: 'm3', title: 'M3', planned: { 2025: '1' }, status: 'in-preparation', realisation: { amount: { 2025: '2' }, abovePlan: true } },
          { id: 'm4', title: 'M4', planned: { 2025: '1' }, status: 'in-preparation', realisation: { rate: '0.25', abovePlan: true } },
          { id: 'm5', title: 'M5', planned: { 2025: '1' }, status: 'decided', realisation: 'as-planned' },
        ],
      },
      { id: 'leeg', title: 'Leeg', path: {} },
    ];
    const b = loadBudget(small({ targets }));
    expect(b).toStrictEqual(withTargets(loadBudget(small()), targets));
    expect(Object.keys(b.targets!)).toEqual(['ha', 'leeg']);
    expect(b.targets!['ha']!.path['2026']).toEqual({ kind: 'pm' });
    const doc = targetsToDocument(b.targets!, b);
    expect(doc[0]).toMatchObject({ unit: 'million', path: { 2025: '1', 2026: 'pm', 2027: '2.5' }, line: 'c' });
    expect(doc[0]?.references).toEqual([{ title: 'Landelijk', path: { 2025: '374.0000005', 2026: 'pm' }, localShare: { 2026: '0.25' } }]);
    expect(doc[0]?.measures?.map((m) => m.realisation)).toEqual([
      'none',
      { delay: 1, rate: '1.5', abovePlan: true },
      { amount: { 2025: '2' }, abovePlan: true },
      { rate: '0.25', abovePlan: true },
      undefined,
    ]);
    expect(doc[1]).toEqual({ id: 'leeg', title: 'Leeg', path: {} });
    roundTrip(b);
  });

  it('reports target problems with paths under targets', () => {
    const found = issuesOf(
      small({
        targets: [
          { id: 't', title: 'T', unit: 'thousand', path: { 2025: '-1', 2031: '1' }, line: 'zz', measures: [{ id: 'm', title: 'M', unit: 'euro', planned: {}, status: 'decided', realisation: { rate: '2' } }] },
          { id: 't', title: 'T2', path: {} },
        ],
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'negative_amount', path: 'targets[0].path.2025' },
        { code: 'year_outside_horizon', path: 'targets[0].path.2031' },
        { code: 'unknown_reference', path: 'targets[0].line' },
        { code: 'unit_mismatch', path: 'targets[0].measures[0].unit' },
        { code: 'realisation_above_plan', path: 'targets[0].measures[0].realisation.rate' },
        { code: 'duplicate_id', path: 'targets[1].id' },
      ]),
    );
  });
});

describe('the JSON Schema and cover and targets', () => {
  const base = { version: 1, title: 't', unit: 'euro', horizon: { from: 2025, to: 2026 }, sections: [] };
  const source = { id: 's', title: 'S', kind: 'oad', nature: 'structural', capacity: 'unlimited' };

  it('accepts the seed 000 document with cover and a document with targets', () => {
    expect(validate(json('seed000-tb1-with-cover.json')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(budgetToJson(hervormingsagenda())))).toBe(true);
  });

  it('rejects what the loader rejects: unknown fields, both amount and share, a reserve without balance, negative amounts', () => {
    const bad: unknown[] = [
      { cover: { sources: [], extra: [] } },
      { cover: { sources: [{ ...source, extra: 1 }] } },
      { cover: { claims: [{ target: 'a', source: 's', amount: [1], share: '0.5' }] } },
      { cover: { sources: [{ id: 'r', title: 'R', kind: 'reserve', nature: 'incidental' }] } },
      { cover: { sources: [{ ...source, capacity: 'balance' }] } },
      { cover: { sources: [{ ...source, capacity: { total: '-1' } }] } },
      { cover: { sources: [{ ...source, capacity: { perYear: [1], total: 1 } }] } },
      { targets: [{ id: 't', title: 'T' }] },
      { targets: [{ id: 't', title: 'T', path: {}, measures: [{ id: 'm', title: 'M', planned: {}, status: 'done' }] }] },
      { targets: [{ id: 't', title: 'T', path: {}, measures: [{ id: 'm', title: 'M', planned: {}, status: 'decided', realisation: { rate: '1', amount: {} } }] }] },
    ];
    for (const extra of bad) expect(validate({ ...base, ...(extra as object) }), JSON.stringify(extra)).toBe(false);
    expect(validate({ ...base, cover: { sources: [source], claims: [{ target: '1.1#1', source: 's', share: '0.5', years: [2025] }] } })).toBe(true);
  });
});
