import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Dec, budget, checkIv3Tags, evaluate, iv3Rollup, isPm, pm, readCategorieList, readTaakveldList, IV3_TAAKVELDEN,
  type Budget, type Iv3Figure, type Iv3FiguresByYear,
} from '../../src/index.js';
import { taggedBudgetArb } from './iv3-arbitraries.js';
import { issuesOf } from '../helpers.js';

const seedLike = (): Budget =>
  budget({ title: 'Jeugd', unit: 'thousand', horizon: { from: 2026, to: 2027, budgetYear: 2026 }, tags: { programme: '2' } })
    .section('1', 'Jeugd')
    .line('1.1', 'Jeugdhulp ambulant', [-500, pm], { nature: 'structural', tags: { taakveld: '6.72', categorie: '3' } })
    .line('1.2', 'Rijksbijdrage', [200, 200], { nature: 'structural', tags: { taakveld: '6.72', categorie: '4', lastenbaten: 'baten' } })
    .line('1.3', 'Opvang', [], { nature: 'incidental', tags: { taakveld: '6.82', categorie: '3', programme: '6' } })
    .component('kosten', [-80, -80])
    .component('bijdrage', [80, 80], { tags: { taakveld: '0.7', categorie: '4' } })
    .build();

const f = (years: Iv3FiguresByYear, y: number): Iv3Figure => years[String(y)]!;

describe('checkIv3Tags', () => {
  it('accepts rows tagged from the lists; a component goes by its own tags, else its line', () => {
    expect(checkIv3Tags(seedLike())).toEqual([]);
  });

  it('reports a missing or unknown taakveld and categorie at the path of the tag, with the list version', () => {
    const b = budget({ title: 'T', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('a', 'A', [-1], { nature: 'structural', tags: { taakveld: '9.9', categorie: '1.1' } })
      .line('b', 'B', [-1], { nature: 'structural' })
      .line('d', 'D', [-1], { nature: 'structural', tags: { taakveld: '6.1', categorie: '4.3.1', lastenbaten: 'uitgaven' } })
      .build();
    expect(checkIv3Tags(b).map((x) => [x.code, x.severity, x.path, x.listVersion, x.row])).toEqual([
      ['unknown_taakveld', 'error', 'sections[0].lines[0].tags.taakveld', '2017/meerjaren-1', 'a'],
      ['missing_taakveld', 'error', 'sections[0].lines[1].tags.taakveld', '2017/meerjaren-1', 'b'],
      ['missing_categorie', 'error', 'sections[0].lines[1].tags.categorie', 'meerjaren-1', 'b'],
      ['unlisted_categorie', 'warning', 'sections[0].lines[2].tags.categorie', 'meerjaren-1', 'd'],
      ['unknown_side', 'error', 'sections[0].lines[2].tags.lastenbaten', undefined, 'd'],
    ]);
  });

  it('reports a line tag that several components go by once; a missing tag at the component', () => {
    const b = budget({ title: 'T', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('a', 'A', [], { nature: 'structural', tags: { taakveld: 'x' } })
      .component('a1', [-1])
      .component('a2', [-2], { tags: { categorie: '3' } })
      .build();
    expect(checkIv3Tags(b).map((x) => `${x.code} ${x.path}`)).toEqual([
      'unknown_taakveld sections[0].lines[0].tags.taakveld',
      'missing_categorie sections[0].lines[0].components[0].tags.categorie',
    ]);
  });

  it('checks against a supplied list and names its version; a complete list has no warnings', () => {
    const taakvelden = readTaakveldList('code;taakveld\n6.751;Jeugdhulp ambulant lokaal\n', { version: '2025' });
    const categorieen = readCategorieList('code;categorie\n3.5.1;Ingeleend personeel\n', { version: 'eigen-1' });
    const b = budget({ title: 'T', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('a', 'A', [-1], { nature: 'structural', tags: { taakveld: '6.72', categorie: '3.5.2' } })
      .build();
    expect(checkIv3Tags(b, { taakvelden, categorieen }).map((x) => `${x.code} ${x.listVersion}`)).toEqual(['unknown_taakveld 2025', 'unknown_categorie eigen-1']);
  });

  it('throws the errors when strict, with the codes of the library and the same paths; warnings stay findings', () => {
    const b = budget({ title: 'T', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('a', 'A', [-1], { nature: 'structural', tags: { taakveld: '9.9' } })
      .line('b', 'B', [-1], { nature: 'structural', tags: { taakveld: '6.1', categorie: '4.3.1' } })
      .build();
    expect(issuesOf(() => checkIv3Tags(b, { strict: true }))).toEqual([
      { code: 'unknown_reference', path: 'sections[0].lines[0].tags.taakveld' },
      { code: 'missing_field', path: 'sections[0].lines[0].tags.categorie' },
    ]);
    expect(issuesOf(() => iv3Rollup(b, { strict: true }))).toHaveLength(2);
  });

  it('checks its arguments', () => {
    expect(issuesOf(() => checkIv3Tags(seedLike(), { taakvelden: {} as never }))).toEqual([{ code: 'invalid_option', path: 'options.taakvelden' }]);
    expect(issuesOf(() => checkIv3Tags(seedLike(), { categorieen: IV3_TAAKVELDEN }))).toEqual([{ code: 'invalid_option', path: 'options.categorieen' }]);
    expect(issuesOf(() => checkIv3Tags(seedLike(), { strikt: true } as never))).toEqual([{ code: 'unknown_option', path: 'options.strikt' }]);
  });
});

describe('iv3Rollup', () => {
  it('sums per taakveld, categorie, programme and taakveld x categorie, lasten and baten apart, exact', () => {
    const r = iv3Rollup(seedLike());
    expect(r.byTaakveld.map((g) => g.code)).toEqual(['0.7', '6.72', '6.82']); // the list's order
    const jeugd = f(r.byTaakveld[1]!.years, 2026);
    expect([jeugd.lasten.amount.toFixed(), jeugd.baten.amount.toFixed(), jeugd.saldo.toFixed()]).toEqual(['500000', '200000', '-300000']);
    expect(jeugd.inferred).toEqual(['1.1']); // 1.2 declares its side
    // 2027: 1.1 is pm, on the lasten side (an undirected pm)
    expect(f(r.byTaakveld[1]!.years, 2027).lasten).toMatchObject({ rows: ['1.1'], pm: ['1.1'] });
    expect(f(r.byTaakveld[1]!.years, 2027).lasten.amount.toFixed()).toBe('0');
    expect(r.byCategorie.map((g) => [g.code, f(g.years, 2026).lasten.amount.toFixed(), f(g.years, 2026).baten.amount.toFixed()])).toEqual([
      ['3', '580000', '0'],
      ['4', '0', '280000'],
    ]);
    // the component "kosten" goes by its line's programme 6; "bijdrage" too; 1.1 and 1.2 by the budget's 2
    expect(r.byProgramme.map((g) => [g.code, f(g.years, 2026).saldo.toFixed()])).toEqual([
      ['2', '-300000'],
      ['6', '0'],
    ]);
    expect(r.matrix.map((m) => `${m.taakveld} x ${m.categorie}`)).toEqual(['0.7 x 4', '6.72 x 3', '6.72 x 4', '6.82 x 3']);
    expect(f(r.total, 2026).saldo.toFixed()).toBe(evaluate(seedLike()).total['2026']!.amount.toFixed());
    expect(r.byTaakveld[0]!.entry).toEqual(IV3_TAAKVELDEN.entries.find((e) => e.code === '0.7'));
    expect(Object.isFrozen(r.byTaakveld[0]!.years)).toBe(true);
  });

  it('counts the components of a subtotal line, not its printed subtotal; untagged rows in a group without code', () => {
    const b = budget({ title: 'T', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('s', 'Sub', [-3], { nature: 'structural', row: 'subtotal', tags: { taakveld: '6.1', categorie: '3' } })
      .component('s1', [-1])
      .component('s2', [-2], { tags: { taakveld: '__proto__' } })
      .line('u', 'Untagged', [5], { nature: 'structural' })
      .build();
    const r = iv3Rollup(b);
    expect(r.byTaakveld.map((g) => [g.code, f(g.years, 2026).saldo.toFixed()])).toEqual([
      ['6.1', '-1'],
      ['__proto__', '-2'],
      [undefined, '5'],
    ]);
    expect(f(r.total, 2026).saldo.toFixed()).toBe('2');
    expect(r.byProgramme).toHaveLength(1);
    expect(r.byProgramme[0]!.code).toBeUndefined();
  });

  it('checks its arguments', () => {
    expect(issuesOf(() => iv3Rollup({} as never))).toEqual([{ code: 'invalid_argument', path: 'budget' }]);
  });
});

const sum = (figures: readonly Iv3Figure[], pick: (x: Iv3Figure) => InstanceType<typeof Dec>): string => figures.reduce((a, x) => a.add(pick(x)), new Dec(0)).toFixed();

describe('iv3Rollup, properties', () => {
  it('per year, the groups by taakveld, by categorie, by programme and the matrix each add up to the total, lasten and baten apart; the saldo is the grand total', () => {
    fc.assert(
      fc.property(taggedBudgetArb(), (b) => {
        const r = iv3Rollup(b);
        const e = evaluate(b);
        for (const year of r.years) {
          const y = String(year);
          const total = r.total[y]!;
          expect(total.saldo.toFixed()).toBe(e.total[y]!.amount.toFixed());
          expect(total.baten.amount.minus(total.lasten.amount).toFixed()).toBe(total.saldo.toFixed());
          for (const groups of [r.byTaakveld, r.byCategorie, r.byProgramme, r.matrix]) {
            const figures = groups.map((g) => g.years[y]!);
            expect(sum(figures, (x) => x.lasten.amount)).toBe(total.lasten.amount.toFixed());
            expect(sum(figures, (x) => x.baten.amount)).toBe(total.baten.amount.toFixed());
            expect(sum(figures, (x) => x.saldo)).toBe(total.saldo.toFixed());
            expect(figures.flatMap((x) => [...x.lasten.pm, ...x.baten.pm]).sort()).toEqual([...total.lasten.pm, ...total.baten.pm].sort());
          }
          // a pm row in the total is a row with a pm cell that year
          const pmRows = b.sections.flatMap((s) => s.lines.flatMap((l) => [...(l.row === 'amount' ? [l] : []), ...l.components])).filter((row) => isPm(row.values[y])).map((row) => row.id);
          expect([...total.lasten.pm, ...total.baten.pm].sort()).toEqual(pmRows.sort());
        }
        // every group holds a distinct code
        for (const groups of [r.byTaakveld, r.byCategorie, r.byProgramme]) expect(new Set(groups.map((g) => g.code)).size).toBe(groups.length);
      }),
    );
  });
});
