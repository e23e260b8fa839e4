import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadBudget, loadMunicipality, loadRiskRegister, loadScenario, toDocument, withCover } from '../../src/index.js';
import { municipalityDocumentArb, scenarioArb, stackedScenarioArb } from '../../src/testing/index.js';
import { hervormingsagenda } from '../../examples/11-hervormingsagenda-taakstelling.js';
import { HERVORMINGSAGENDA_SCENARIOS, LOWER_UKRAINE_POOL } from '../../examples/23-scenario-cover-and-targets.js';

// Issue 14: every document kind has a JSON Schema, valid under Ajv's strict mode, shipped in the package.
const KINDS = ['budget', 'scenario', 'scenario-list', 'cover', 'targets', 'risks', 'municipality'] as const;
const schemaDir = new URL('../../schema/', import.meta.url);
const read = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8')) as unknown;
const ajv = new Ajv2020.default({ strict: true, allErrors: true });
for (const kind of KINDS) ajv.addSchema(read(new URL(`${kind}.schema.json`, schemaDir)) as object);
const validator = (kind: (typeof KINDS)[number]) => ajv.getSchema(`https://unpkg.com/meerjaren/schema/${kind}.schema.json`)!;
const valid = (kind: (typeof KINDS)[number], doc: unknown): string | true => {
  const v = validator(kind);
  return v(doc) ? true : JSON.stringify(v.errors?.slice(0, 3));
};

const dataDir = new URL('../../examples/data/', import.meta.url);
const data = readdirSync(dataDir).filter((f) => f.endsWith('.json')).map((f) => [f, read(new URL(f, dataDir))] as const);
/** The kind of an example data file, as the examples read it. */
const kindOf = (doc: unknown): (typeof KINDS)[number] => {
  if (Array.isArray(doc)) return 'scenario-list';
  const o = doc as Record<string, unknown>;
  if (o['format'] === 'meerjaren/budget') return 'budget';
  if (o['format'] === 'meerjaren/risks') return 'risks';
  if (o['format'] === 'meerjaren/municipality') return 'municipality';
  if ('changes' in o) return 'scenario';
  return 'cover';
};

describe('the JSON Schemas of the document kinds', () => {
  it('compile under Ajv strict mode, each one listed in package.json "exports"', () => {
    const exports = (read(new URL('../../package.json', import.meta.url)) as { exports: Record<string, string> }).exports;
    for (const kind of KINDS) {
      expect(typeof validator(kind)).toBe('function');
      expect(exports[`./schema/${kind}.schema.json`]).toBe(`./schema/${kind}.schema.json`);
    }
  });

  it('cover every example data file', () => {
    expect(new Set(data.map(([, doc]) => kindOf(doc)))).toEqual(new Set(['budget', 'scenario', 'scenario-list', 'cover', 'risks', 'municipality']));
  });

  it.each(data)('accept %s, which the loader accepts too', (_file, doc) => {
    const kind = kindOf(doc);
    expect(valid(kind, doc)).toBe(true);
    if (kind === 'budget') loadBudget(doc);
    if (kind === 'risks') loadRiskRegister(doc);
    if (kind === 'scenario') loadScenario(doc);
    if (kind === 'municipality') loadMunicipality(doc);
    if (kind === 'scenario-list') for (const s of doc as unknown[]) expect(valid('scenario', s)).toBe(true);
    if (kind === 'cover') expect(valid('cover', toDocument(withCover(loadBudget(read(new URL('seed000-tb1.json', dataDir))), doc as never)).cover)).toBe(true);
  });

  it('accept the scenarios and targets the examples write in code', () => {
    for (const s of [LOWER_UKRAINE_POOL, ...HERVORMINGSAGENDA_SCENARIOS]) expect(valid('scenario', JSON.parse(JSON.stringify(s)))).toBe(true);
    expect(valid('scenario-list', JSON.parse(JSON.stringify(HERVORMINGSAGENDA_SCENARIOS)))).toBe(true);
    const targets = JSON.parse(JSON.stringify(toDocument(hervormingsagenda()).targets)) as unknown;
    expect(Array.isArray(targets)).toBe(true);
    expect(valid('targets', targets)).toBe(true);
  });

  it('property: accept every scenario and scenario list meerjaren/testing draws for the seed budget', () => {
    const seed = loadBudget(read(new URL('seed000-tb1-with-cover.json', dataDir)));
    const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    fc.assert(
      fc.property(fc.boolean().chain((extremes) => scenarioArb(seed, { extremes })), (scenario) => {
        expect(valid('scenario', json(scenario))).toBe(true);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(stackedScenarioArb(seed), ({ scenario, library }) => {
        expect(valid('scenario', json(scenario))).toBe(true);
        if (Array.isArray(library)) expect(valid('scenario-list', json(library))).toBe(true);
        else for (const s of Object.values(library)) expect(valid('scenario', json(s))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('property: accept every municipality document meerjaren/testing draws, and refuse a programme without a budget or a file', () => {
    fc.assert(
      fc.property(municipalityDocumentArb(), (doc) => {
        expect(valid('municipality', JSON.parse(JSON.stringify(doc)))).toBe(true);
      }),
      { numRuns: 50 },
    );
    const doc = read(new URL('municipality-voorbeeld.json', dataDir)) as { programmes: Record<string, unknown>[] };
    expect(valid('municipality', { ...doc, programmes: [{ id: '2', file: 'p2.json' }] })).toBe(true);
    expect(valid('municipality', { ...doc, programmes: [{ id: '2' }] })).not.toBe(true);
    expect(valid('municipality', { ...doc, links: [{ oad: 'au', programme: '2' }] })).not.toBe(true);
    expect(valid('municipality', { ...doc, extra: 1 })).not.toBe(true);
  });

  it('reject invalid documents: unknown fields and change kinds, missing fields, forbidden ids, wrong types', () => {
    const ok = { id: 's', title: 'S', changes: [{ kind: 'drop-line', line: '4.1' }] };
    expect(valid('scenario', ok)).toBe(true);
    expect(valid('scenario', { ...ok, extra: 1 })).not.toBe(true);
    expect(valid('scenario', { id: 's', title: 'S' })).not.toBe(true);
    expect(valid('scenario', { ...ok, id: '__proto__' })).not.toBe(true);
    expect(valid('scenario', { ...ok, changes: [{ kind: 'drop-everything', line: '4.1' }] })).not.toBe(true);
    expect(valid('scenario', { ...ok, changes: [{ kind: 'drop-line', line: '4.1', value: 1 }] })).not.toBe(true);
    expect(valid('scenario', { ...ok, changes: [{ kind: 'set-amount', line: '4.1', years: { from: 2026 }, value: 0.5 }] })).not.toBe(true);
    expect(valid('scenario', { ...ok, changes: [{ kind: 'set-amount', line: '4.1', years: [2026], value: { add: '234' } }] })).toBe(true);
    expect(valid('scenario-list', ok)).not.toBe(true);
    expect(valid('scenario-list', [ok, { ...ok, unit: 'duizend' }])).not.toBe(true);
    expect(valid('cover', { sources: [], claims: [], extra: [] })).not.toBe(true);
    expect(valid('cover', { sources: [{ id: 's' }] })).not.toBe(true);
    expect(valid('targets', {})).not.toBe(true);
    expect(valid('targets', [{ id: 't', title: 'T' }])).not.toBe(true);
  });
});
