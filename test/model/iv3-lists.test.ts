import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IV3_CATEGORIEEN, IV3_TAAKVELDEN, readCategorieList, readTaakveldList } from '../../src/index.js';
import { taakveldModule } from '../../scripts/generate-iv3-taakvelden.js';
import { issuesOf } from '../helpers.js';

const csv = readFileSync(new URL('../../data/iv3-taakvelden.csv', import.meta.url), 'utf8');

describe('the taakvelden shipped as data (IV3_TAAKVELDEN)', () => {
  it('is the generated module of data/iv3-taakvelden.csv, up to date (run scripts/generate-iv3-taakvelden.ts)', () => {
    expect(readFileSync(new URL('../../src/model/iv3-taakvelden.ts', import.meta.url), 'utf8')).toBe(taakveldModule(csv));
  });

  it('holds the 53 taakvelden of 2017 with their hoofdtaakvelden, codes unique, frozen', () => {
    expect(IV3_TAAKVELDEN.entries).toHaveLength(53);
    expect(IV3_TAAKVELDEN.version).toBe('2017/meerjaren-1');
    expect(IV3_TAAKVELDEN.complete).toBe(true);
    expect(new Set(IV3_TAAKVELDEN.entries.map((e) => e.code)).size).toBe(53);
    expect(IV3_TAAKVELDEN.entries.find((e) => e.code === '6.82')).toEqual({ code: '6.82', title: 'Geëscaleerde zorg 18-', group: { code: '6', title: 'Sociaal domein' } });
    expect(new Set(IV3_TAAKVELDEN.entries.map((e) => e.group!.code))).toEqual(new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8']));
    expect(Object.isFrozen(IV3_TAAKVELDEN.entries[0]!.group)).toBe(true);
  });

  it('reads back from its CSV to the same entries', () => {
    expect(readTaakveldList(csv, { version: 'x' }).entries).toEqual(IV3_TAAKVELDEN.entries);
  });
});

describe('the economische categorieën as known to meerjaren (IV3_CATEGORIEEN)', () => {
  it('is marked incomplete, and holds the seven hoofdcategorieën, each entry under one', () => {
    expect(IV3_CATEGORIEEN.complete).toBe(false);
    expect(IV3_CATEGORIEEN.version).toBe('meerjaren-1');
    const groups = IV3_CATEGORIEEN.entries.filter((e) => !e.code.includes('.')).map((e) => e.code);
    expect(groups).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    for (const e of IV3_CATEGORIEEN.entries) expect(e.group!.code).toBe(e.code.split('.')[0]);
  });
});

describe('readTaakveldList and readCategorieList', () => {
  it('read a supplied list with its version, source and completeness; groups are optional', () => {
    const list = readCategorieList('code,categorie,hoofdcategorie\r\n4.3.1,Inkomensoverdrachten Rijk,4 Overdrachten\r\n9,Eigen\r\n', { version: 'v2', source: 'eigen', complete: false });
    expect(list).toEqual({
      kind: 'categorie',
      version: 'v2',
      source: 'eigen',
      complete: false,
      entries: [{ code: '4.3.1', title: 'Inkomensoverdrachten Rijk', group: { code: '4', title: 'Overdrachten' } }, { code: '9', title: 'Eigen' }],
    });
    const t = readTaakveldList('code;taakveld\n6.751;Jeugdhulp ambulant lokaal\n\n', { version: '2025' });
    expect(t).toMatchObject({ kind: 'taakveld', version: '2025', source: 'supplied by the user', complete: true });
    expect(t.entries).toHaveLength(1);
  });

  it('take ids like __proto__ as plain codes', () => {
    // a code is parts of digits and letters: "__proto__" is not one, "toString" is
    expect(readTaakveldList('code;taakveld\ntoString;T\n', { version: '1' }).entries[0]!.code).toBe('toString');
    expect(issuesOf(() => readTaakveldList('code;taakveld\n__proto__;T\n', { version: '1' }))).toEqual([{ code: 'invalid_value', path: 'row[1].column[0]' }]);
  });

  it('report every problem at once, with the row and column', () => {
    const bad = 'code;taakveld;hoofdtaakveld\n6.1;Samenkracht;6 Sociaal domein\n6.1;Nog eens;6 Sociaal domein\n;Leeg;\n6.2;;Sociaaldomein\n';
    expect(issuesOf(() => readTaakveldList(bad, { version: '1' }))).toEqual([
      { code: 'duplicate_id', path: 'row[2].column[0]' },
      { code: 'missing_field', path: 'row[3].column[0]' },
      { code: 'missing_field', path: 'row[4].column[1]' },
      { code: 'invalid_value', path: 'row[4].column[2]' },
    ]);
    expect(issuesOf(() => readTaakveldList('code;taakveld\n', { version: '1' }))).toEqual([{ code: 'missing_field', path: 'row[1]' }]);
    expect(issuesOf(() => readTaakveldList('', { version: '1' }))).toEqual([{ code: 'missing_field', path: 'row[0]' }]);
  });

  it('need a version, and check their arguments', () => {
    expect(issuesOf(() => readTaakveldList('code;t\n1;a\n', {} as never))).toEqual([{ code: 'invalid_option', path: 'options.version' }]);
    expect(issuesOf(() => readTaakveldList('code;t\n1;a\n', { version: '' }))).toEqual([{ code: 'invalid_option', path: 'options.version' }]);
    expect(issuesOf(() => readCategorieList(5 as never, { version: '1' }))).toEqual([{ code: 'invalid_argument', path: 'csv' }]);
    expect(issuesOf(() => readCategorieList('a', { version: '1', complete: 'ja' as never }))).toEqual([{ code: 'invalid_option', path: 'options.complete' }]);
  });
});
