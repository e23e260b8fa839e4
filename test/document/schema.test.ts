import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadBudget, toDocument } from '../../src/index.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/budget.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const dataDir = new URL('../../examples/data/', import.meta.url);
// every budget document among the examples' data (files of other formats say so in their "format" field)
const budgets = readdirSync(dataDir).filter(
  (f) => f.endsWith('.json') && (JSON.parse(readFileSync(new URL(f, dataDir), 'utf8')) as { format?: string }).format === 'meerjaren/budget',
);

describe('the published JSON Schema', () => {
  it.each(budgets)('accepts %s, and what toDocument writes of it', (file) => {
    const doc = JSON.parse(readFileSync(new URL(file, dataDir), 'utf8')) as unknown;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(toDocument(loadBudget(doc)))))).toBe(true);
  });

  it('rejects unknown fields, forbidden ids and a wrong unit, as the loader does', () => {
    expect(validate({ version: 1, title: 't', unit: 'duizend', horizon: { from: 2025, to: 2026 }, sections: [] })).toBe(false);
    expect(validate({ version: 1, title: 't', unit: 'euro', horizon: { from: 2025, to: 2026 }, sections: [], extra: 1 })).toBe(false);
    expect(validate({ version: 1, title: 't', unit: 'euro', horizon: { from: 2025, to: 2026 }, sections: [{ id: '__proto__', title: 's', lines: [] }] })).toBe(false);
  });
});
