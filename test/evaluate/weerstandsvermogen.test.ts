import { describe, expect, it } from 'vitest';
import { Dec, ratingOf, renderText, waarderingText, weerstandsvermogen, weerstandsvermogenTable, type CapacityPart, type Risk } from '../../src/index.js';
import { issuesOf } from '../helpers.js';

const risk = (id: string, probability: string, amount: string): Risk => ({ id, title: `Risico ${id}`, probability, amount, nature: 'incidental' });
const part = (amount: string): CapacityPart => ({ kind: 'algemene-reserve', title: 'Algemene reserve', amount });
/** One risk requiring exactly 1.000.000 and capacity `available`. */
const withAvailable = (available: string) => weerstandsvermogen({ risks: [risk('R1', '0.5', '2000000')], capacity: [part(available)] });

describe('weerstandsvermogen', () => {
  it('sums probability x amount exactly, the capacity parts, and divides', () => {
    const w = weerstandsvermogen({
      risks: [risk('R1', '0.1', '1000000'), risk('R2', '0.3', '333333.33'), { id: 'R3', title: 'Risico R3', probability: 0.9, amount: 433333, nature: 'structural' }],
      capacity: [part('1000000'), { kind: 'onvoorzien', title: 'Onvoorzien', amount: 250000 }],
    });
    expect(w.contributions.map((c) => c.contribution.toFixed())).toEqual(['100000', '99999.999', '389999.7']);
    expect(w.required.toFixed()).toBe('589999.699');
    expect(w.available.toFixed()).toBe('1250000');
    expect(w.ratio!.toFixed()).toBe('2.118645'); // 2.1186451...
    expect(w.rating).toBe('A');
    expect(w.label).toBe('uitstekend');
    expect(Object.isFrozen(w)).toBe(true);
    expect(Object.isFrozen(w.contributions[0])).toBe(true);
  });

  it('rounds the ratio half-up to 6 decimals and leaves it undefined when nothing is required', () => {
    // 1/3 required: 1 / 3 available... 2 / 3 = 0.6666666...
    const w = weerstandsvermogen({ risks: [risk('R1', '1', '3')], capacity: [part('2')] });
    expect(w.ratio!.toFixed()).toBe('0.666667');
    const none = weerstandsvermogen({ risks: [risk('R1', '0', '3')], capacity: [part('2')] });
    expect(none.required.isZero()).toBe(true);
    expect(none.ratio).toBeUndefined();
    expect(none.rating).toBe('A');
    expect(weerstandsvermogen({ risks: [], capacity: [] }).ratio).toBeUndefined();
  });

  it.each([
    ['599999.999999', 'F'], ['600000', 'E'], ['600000.000001', 'E'],
    ['799999.999999', 'E'], ['800000', 'D'], ['800000.000001', 'D'],
    ['999999.999999', 'D'], ['1000000', 'C'], ['1000000.000001', 'C'],
    ['1399999.999999', 'C'], ['1400000', 'B'], ['1400000.000001', 'B'],
    ['1999999.999999', 'B'], ['2000000', 'B'], ['2000000.000001', 'A'],
  ])('available %s against 1.000.000 required is %s', (available, rating) => {
    expect(withAvailable(available).rating).toBe(rating);
  });

  it.each([
    ['0.599999', 'F'], ['0.6', 'E'], ['0.600001', 'E'], ['0.799999', 'E'], ['0.8', 'D'], ['0.800001', 'D'],
    ['0.999999', 'D'], ['1', 'C'], ['1.000001', 'C'], ['1.399999', 'C'], ['1.4', 'B'], ['1.400001', 'B'],
    ['1.999999', 'B'], ['2', 'B'], ['2.000001', 'A'], ['0', 'F'],
  ])('ratingOf(%s) is %s', (ratio, rating) => {
    expect(ratingOf(new Dec(ratio))).toBe(rating);
  });

  it('decides the rating on the exact ratio, not the rounded one', () => {
    // required 3, available 4.2 - 1e-6: ratio 1.3999996..., rounded 1.4, but C
    const w = weerstandsvermogen({ risks: [risk('R1', '1', '3')], capacity: [part('4.199999')] });
    expect(w.ratio!.toFixed()).toBe('1.4');
    expect(w.rating).toBe('C');
    expect(waarderingText(w)).toBe('1,40 — C voldoende');
  });

  it('refuses bad input with the path of each bad value', () => {
    expect(issuesOf(() => weerstandsvermogen({ risks: [risk('R1', '0.1', '1'), risk('R2', '0.3', '1'), risk('R3', '1.5', '1')], capacity: [] }))).toEqual([
      { code: 'invalid_value', path: 'risks[2].probability' },
    ]);
    expect(issuesOf(() => weerstandsvermogen({ risks: [risk('R1', '-0.1', '1')], capacity: [] }))).toEqual([{ code: 'invalid_value', path: 'risks[0].probability' }]);
    expect(issuesOf(() => weerstandsvermogen({ risks: [risk('R1', '0.1', '1'), risk('R1', '0.1', '1')], capacity: [] }))).toEqual([{ code: 'duplicate_id', path: 'risks[1].id' }]);
    expect(issuesOf(() => weerstandsvermogen({ risks: [risk('R1', '0.1', '-1')], capacity: [part('-5')] }))).toEqual([
      { code: 'negative_amount', path: 'risks[0].amount' },
      { code: 'negative_amount', path: 'capacity[0].amount' },
    ]);
    expect(issuesOf(() => weerstandsvermogen({ risks: [risk('R1', '0.1', '1,5')], capacity: [] }))).toEqual([{ code: 'invalid_amount', path: 'risks[0].amount' }]);
    expect(issuesOf(() => weerstandsvermogen({ risks: [{ ...risk('R1', '0.1', '1'), nature: 'soms' as 'incidental' }], capacity: [{ kind: 'spaarpot' as 'other', title: 'x', amount: 1 }] }))).toEqual([
      { code: 'invalid_value', path: 'risks[0].nature' },
      { code: 'invalid_value', path: 'capacity[0].kind' },
    ]);
    // titles follow the library's one rule for texts: a text, not blank, at most 1000 characters
    expect(issuesOf(() => weerstandsvermogen({ risks: [{ ...risk('R1', '0.1', '1'), title: 5 as unknown as string }], capacity: [{ kind: 'other', title: ' ', amount: 1 }] }))).toEqual([
      { code: 'invalid_type', path: 'risks[0].title' },
      { code: 'invalid_value', path: 'capacity[0].title' },
    ]);
    expect(issuesOf(() => weerstandsvermogen({ risks: [{ id: 'R1' } as Risk], capacity: [] })).map((i) => i.path)).toEqual([
      'risks[0].title', 'risks[0].probability', 'risks[0].amount', 'risks[0].nature',
    ]);
    expect(issuesOf(() => weerstandsvermogen({ risks: 'x' as unknown as Risk[], capacity: [] }))).toEqual([{ code: 'invalid_argument', path: 'risks' }]);
    expect(issuesOf(() => ratingOf('1.5' as never))).toEqual([{ code: 'invalid_argument', path: 'ratio' }]);
  });
});

describe('weerstandsvermogenTable', () => {
  it('prints the risks, the totals that add up in print, the ratio and the waardering', () => {
    const w = weerstandsvermogen({
      risks: [risk('R1', '0.9', '433333'), risk('R2', '0.9', '433333'), risk('R3', '0.5', '1000')],
      capacity: [part('1000000'), { kind: 'onbenutte-belastingcapaciteit', title: 'Onbenutte belastingcapaciteit', amount: '400' }],
    });
    const text = renderText(weerstandsvermogenTable(w), { unit: 'thousand' });
    // 389.9997 x 2 + 0.5 = 780.4994: the rows round to 390 + 390 + 0 but the total is 780, so one row gives a step
    const risks = [...text.matchAll(/\(kans \d+%\)\s+[\d.]+\s+(\d+)/g)].map((m) => Number(m[1]));
    expect(risks.reduce((a, b) => a + b, 0)).toBe(780);
    expect(text).toMatch(/Benodigde weerstandscapaciteit\s+868\s+780/);
    expect(text).toMatch(/Beschikbare weerstandscapaciteit\s+1\.000/);
    expect(text).toContain('(kans 90%)');
    expect(text).toContain('Ratio weerstandsvermogen: 1,28');
    expect(text).toContain('Waardering: 1,28 — C voldoende');
  });

  it('refuses what is not a result', () => {
    expect(issuesOf(() => weerstandsvermogenTable({} as never))).toEqual([{ code: 'invalid_argument', path: 'result' }]);
  });
});
