import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import {
  Dec, budget, evaluate, pm, readDataPackage, toDataPackage, readCsv, withTargets, type Budget, type DataPackage, type TableSchema,
} from '../../src/index.js';
import { budgetArb, budgetWithCoverArb } from '../../src/testing/index.js';
import { issuesOf, seedBudget } from '../helpers.js';

const profile = (name: string): object => JSON.parse(readFileSync(new URL(`../fixtures/frictionless/${name}`, import.meta.url), 'utf8')) as object;
// the official Frictionless profiles are JSON Schema draft-04; their formats (uri, email, textarea) are not checked
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, logger: false });
const validatePackage = ajv.compile(profile('tabular-data-package.json'));
const validateSchema = ajv.compile(profile('table-schema.json'));

/** Validates the CSV against its table schema as a Frictionless validator does: the header, then every cell's type and constraints. */
function tableErrors(schema: TableSchema, csv: string): string[] {
  const rows = readCsv(csv, { separator: ',' });
  const errors: string[] = [];
  const names = schema.fields.map((f) => f.name);
  if (JSON.stringify(rows[0]) !== JSON.stringify(names)) errors.push(`header ${JSON.stringify(rows[0])}`);
  const XSD_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
  rows.slice(1).forEach((row, r) => {
    if (row.length !== names.length) errors.push(`row ${r + 1}: ${row.length} cells`);
    schema.fields.forEach((field, c) => {
      const cell = row[c] ?? '';
      const where = `row ${r + 1} ${field.name} "${cell}"`;
      if (schema.missingValues.includes(cell)) {
        if (field.constraints?.required === true) errors.push(`${where}: required`);
        return;
      }
      if (field.type === 'number' && !XSD_DECIMAL.test(cell)) errors.push(`${where}: not a number`);
      if (field.type === 'year' && !/^\d{4}$/.test(cell)) errors.push(`${where}: not a year`);
      if (field.type === 'object') {
        let value: unknown;
        try {
          value = JSON.parse(cell);
        } catch {
          value = undefined;
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) errors.push(`${where}: not a JSON object`);
      }
      if (field.constraints?.enum !== undefined && !field.constraints.enum.includes(cell)) errors.push(`${where}: not one of ${field.constraints.enum.join(', ')}`);
    });
  });
  return errors;
}

/** Checks a package against the Frictionless profiles and its CSV against its table schema. */
function expectValid(pkg: DataPackage): void {
  const descriptor = JSON.parse(pkg.files['datapackage.json']!) as { resources: { schema: TableSchema; path: string }[] };
  expect(validatePackage(descriptor), JSON.stringify(validatePackage.errors)).toBe(true);
  const resource = descriptor.resources[0]!;
  expect(validateSchema(resource.schema), JSON.stringify(validateSchema.errors)).toBe(true);
  expect(tableErrors(resource.schema, pkg.files[resource.path]!)).toEqual([]);
}

const seed = seedBudget('seed000-tb1-with-cover.json');

describe('toDataPackage and readDataPackage', () => {
  it('write seed 000 (with its cover) as a data package valid against the Frictionless profiles, and read it back identically', () => {
    const pkg = toDataPackage(seed);
    expect(Object.keys(pkg.files)).toEqual(['datapackage.json', 'begroting.csv']);
    expectValid(pkg);
    expect(readDataPackage(pkg.files)).toEqual(seed);
    // the profiles do refuse what is not a tabular data package or a table schema
    expect(validatePackage({ profile: 'tabular-data-package', resources: [] })).toBe(false);
    expect(validatePackage({ ...pkg.descriptor, resources: [{ ...pkg.descriptor.resources[0]!, profile: 'data-resource' }] })).toBe(false);
    expect(validateSchema({ fields: [{ name: 'amount', type: 'decimal' }] })).toBe(false);
    expect(tableErrors(pkg.descriptor.resources[0]!.schema, 'section,sectionTitle,line,lineTitle,component,componentTitle,nature,tags,year,amount,pm\r\n1,,1.1,,,,half,[],26,1e3,PM\r\n')).toHaveLength(5);
    expect(pkg.descriptor.profile).toBe('tabular-data-package');
    expect(pkg.descriptor.resources[0]!.schema.fields.map((f) => f.name)).toEqual([
      'section', 'sectionTitle', 'line', 'lineTitle', 'component', 'componentTitle', 'nature', 'tags', 'year', 'amount', 'pm',
    ]);
    // 1.4 "Behoud uitvoeringscapaciteit Wmo": -1.100 in 2025, pm after it
    const csv = pkg.files['begroting.csv']!.split('\r\n');
    expect(csv.find((l) => l.includes(',1.4,') && l.includes(',2025,'))).toMatch(/,2025,-1100000,$/);
    expect(csv.find((l) => l.includes(',1.4,') && l.includes(',2026,'))).toMatch(/,2026,,pm$/);
  });

  it('CSV amounts per year add up to the grand total (a subtotal line prints its figures in the frame, not the CSV)', () => {
    fc.assert(
      fc.property(budgetArb({ maxSections: 3, maxLines: 4 }), (b) => {
        const rows = readCsv(toDataPackage(b).files['begroting.csv']!, { separator: ',' }).slice(1);
        const e = evaluate(b);
        for (const year of b.horizon.years) {
          const sum = rows.filter((r) => r[8] === String(year) && r[9] !== '').reduce((a, r) => a.add(r[9]!), new Dec(0));
          expect(sum.toFixed()).toBe(e.total[String(year)]!.amount.toFixed());
        }
      }),
    );
  });

  it('property: any generated budget (pm, components, tags, ids like toString and __proto__, every unit and sign) is valid and reads back deep-equal', () => {
    fc.assert(
      fc.property(budgetArb(), (b) => {
        const pkg = toDataPackage(b);
        expectValid(pkg);
        expect(readDataPackage(pkg.files)).toEqual(b);
      }),
    );
  });

  it('property: a budget with cover (dekking) reads back deep-equal, with its rows in any order', () => {
    fc.assert(
      fc.property(budgetWithCoverArb({ maxSections: 2, maxLines: 3 }), fc.infiniteStream(fc.nat()), (b, order) => {
        const pkg = toDataPackage(b);
        const [header, ...rows] = pkg.files['begroting.csv']!.split('\r\n').filter((l) => l !== '');
        const keys = rows.map(() => order.next().value as number);
        const shuffled = rows.map((r, i) => [keys[i]!, r] as const).sort((x, y) => x[0] - y[0]).map(([, r]) => r);
        const files = { ...pkg.files, 'begroting.csv': [header, ...shuffled].map((l) => `${l}\r\n`).join('') };
        expect(readDataPackage(files)).toEqual(b);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps savings targets (taakstellingen) with their measures', () => {
    const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2025, to: 2027 } })
      .section('4', 'Bezuinigingen')
      .line('HA', 'Taakstelling Hervormingsagenda (stelpost)', ['3', '7', '8'], { nature: 'structural' })
      .build();
    const ha = withTargets(table, [
      {
        id: 'ha', title: 'Taakstelling Hervormingsagenda Jeugd', unit: 'million', line: 'HA', path: { 2025: '3', 2026: '7', 2027: '8' },
        measures: [{ id: 'teams', title: 'Stevige lokale teams', status: 'in-preparation', planned: { 2025: '1', 2026: '3', 2027: '4' }, realisation: { rate: '0.5' } }],
      },
    ]);
    const pkg = toDataPackage(ha);
    expectValid(pkg);
    expect(readDataPackage(pkg.files)).toEqual(ha);
  });

  it('keeps pm directions in both sign conventions', () => {
    for (const sign of ['voordeel-positive', 'nadeel-positive'] as const) {
      const b: Budget = budget({ title: 'T', unit: 'million', sign, horizon: { from: 2026, to: 2028 } })
        .section('1', 'S')
        .line('a', 'A', ['-pm', '+pm', pm], { nature: 'structural', tags: { '__proto__': 'x', toString: 'y' } })
        .line('b', 'B', ['1.5', '-0.000001', 0], { nature: 'incidental' })
        .build();
      const pkg = toDataPackage(b);
      expectValid(pkg);
      expect(readDataPackage(pkg.files)).toEqual(b);
    }
  });

  it('reports every problem of the CSV at once, with the file, row and column', () => {
    const pkg = toDataPackage(seed);
    const [header, first, second, ...rest] = pkg.files['begroting.csv']!.split('\r\n');
    const bad = (line: string, i: number, value: string): string => line.split(',').map((c, k) => (k === i ? value : c)).join(',');
    const csv = [header, bad(first!, 2, 'nope'), bad(second!, 9, '1e3'), bad(rest[0]!, 3, 'Andere titel'), bad(rest[1]!, 8, '2040'), rest[2], rest[2], ...rest.slice(3)].join('\r\n');
    expect(issuesOf(() => readDataPackage({ ...pkg.files, 'begroting.csv': csv }))).toEqual([
      { code: 'unknown_reference', path: 'begroting.csv[1].line' },
      { code: 'invalid_amount', path: 'begroting.csv[2].amount' },
      { code: 'invalid_value', path: 'begroting.csv[3].lineTitle' },
      { code: 'year_outside_horizon', path: 'begroting.csv[4].year' },
      { code: 'duplicate_year', path: 'begroting.csv[6].year' },
    ]);
  });

  it('refuses files that are not a data package of meerjaren', () => {
    const pkg = toDataPackage(seed);
    expect(issuesOf(() => readDataPackage({}))).toEqual([{ code: 'missing_field', path: 'files.datapackage.json' }]);
    expect(issuesOf(() => readDataPackage({ 'datapackage.json': pkg.files['datapackage.json']! }))).toEqual([{ code: 'missing_field', path: 'files.begroting.csv' }]);
    expect(issuesOf(() => readDataPackage({ ...pkg.files, 'datapackage.json': '{"profile": "tabular-data-package", "resources": []}' }))).toEqual([{ code: 'missing_field', path: 'datapackage.json.meerjaren' }]);
    expect(issuesOf(() => readDataPackage({ ...pkg.files, 'datapackage.json': '{' }))[0]!.code).toBe('invalid_json');
    // a frame the loader refuses is refused with the loader's code, at the path in the budget document
    const frame = pkg.files['datapackage.json']!.replace('"unit": "thousand"', '"unit": "duizend"');
    expect(issuesOf(() => readDataPackage({ ...pkg.files, 'datapackage.json': frame })).map((i) => i.path)).toContain('unit');
    const header = pkg.files['begroting.csv']!.replace('amount', 'bedrag');
    expect(issuesOf(() => readDataPackage({ ...pkg.files, 'begroting.csv': header }))).toEqual([{ code: 'missing_field', path: 'begroting.csv[0].amount' }]);
  });

  it('check their arguments', () => {
    expect(issuesOf(() => toDataPackage({} as never))).toEqual([{ code: 'invalid_argument', path: 'budget' }]);
    expect(issuesOf(() => toDataPackage(seed, { name: 'Hoofdletters' }))).toEqual([{ code: 'invalid_option', path: 'options.name' }]);
    expect(toDataPackage(seed, { name: 'zoetermeer-tb1-2025' }).descriptor.name).toBe('zoetermeer-tb1-2025');
    expect(issuesOf(() => readDataPackage('x' as never))).toEqual([{ code: 'invalid_argument', path: 'files' }]);
  });
});
