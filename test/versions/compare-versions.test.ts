import { describe, expect, it } from 'vitest';
import { budget, pm } from '../../src/evaluate/builder.js';
import { compareVersions } from '../../src/analysis/compare-versions.js';
import { compareScenarios } from '../../src/analysis/compare.js';
import { MeerjarenError } from '../../src/core/errors.js';

const pb2024 = budget({ title: 'Begroting 2024', unit: 'euro', horizon: { from: 2024, to: 2027 } })
  .section('doelen', 'Doelstellingen')
  .line('2.2', 'Bevorderen meedoen aan de samenleving en zelfstandig wonen', [-44994266, -51359567, -51712490, -51430071], { nature: 'structural' })
  .build();
const pb2026 = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2029 } })
  .section('doelen', 'Doelstellingen')
  .line('2.2', 'Bevorderen meedoen aan de samenleving en zelfstandig wonen', [-54806, -55196, -54844, -54744], { nature: 'structural' })
  .build();

function errorOf(f: () => unknown): MeerjarenError {
  try {
    f();
  } catch (e) {
    if (MeerjarenError.is(e)) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('compareVersions', () => {
  it('compares over the union of horizons, in euros, with the years outside a horizon not in that version', () => {
    // the old comparison counts 2028 as 0 in the Begroting 2024: a spurious EUR -54.844 mln
    expect(compareScenarios(pb2024, pb2026).lines[0]!.years['2028']!.amount.toFixed()).toBe('-54844000');
    const c = compareVersions(pb2024, pb2026);
    expect(c.years).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
    expect(c.a).toEqual({ label: 'Begroting 2024', years: [2024, 2025, 2026, 2027], unit: 'euro' });
    const line = c.lines[0]!;
    expect(line.status).toBe('both');
    expect(line.matchedBy).toBe('id');
    expect(line.years['2026']!.difference!.amount.toFixed()).toBe('-3093510'); // -54.806.000 - -51.712.490
    expect(line.years['2027']!.difference!.structural.toFixed()).toBe('-3765929');
    expect(line.years['2028']!.a).toEqual({ state: 'not-in-version' });
    expect(line.years['2028']!.difference).toBeUndefined();
    expect(line.years['2024']!.b).toEqual({ state: 'not-in-version' });
    expect(c.total.years['2029']!.difference).toBeUndefined();
    expect(Object.isFrozen(c.lines[0]!.years)).toBe(true);
  });

  it('matches through the id map, and a line mapped to null is gone', () => {
    const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
      .section('4', 'Bezuinigingen')
      .line('4.1', 'Besparing subsidies Sociaal Domein (Wmo/welzijn)', [0, 234, 234], { nature: 'structural' })
      .line('4.2', 'Besparing subsidies Jeugd', [0, 250, 250], { nature: 'structural' })
      .build();
    const pb = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2029 } })
      .section('4', 'Bezuinigingen')
      .line('4.1', 'Besparing subsidies Jeugd', [250, 250, 250, 250], { nature: 'structural' })
      .build();
    const byId = compareVersions(tb1, pb);
    expect(byId.lines.map((l) => [l.idA, l.idB, l.status])).toEqual([['4.1', '4.1', 'both'], ['4.2', undefined, 'gone']]);
    const mapped = compareVersions(tb1, pb, { idMap: { '4.2': '4.1' } });
    expect(mapped.lines.map((l) => [l.idA, l.idB, l.status, l.matchedBy])).toEqual([['4.2', '4.1', 'both', 'map'], ['4.1', undefined, 'gone', undefined]]);
    expect(mapped.lines[0]!.years['2026']!.difference!.amount.toFixed()).toBe('0');
    expect(mapped.lines[1]!.years['2026']!.b).toEqual({ state: 'no-row' });
    expect(mapped.lines[1]!.years['2026']!.difference!.amount.toFixed()).toBe('-234000');
    expect(mapped.lines[1]!.years['2028']!.difference).toBeUndefined();
    const titles = compareVersions(tb1, pb, { idMap: { '4.1': null }, matchTitles: true });
    expect(titles.lines.map((l) => [l.idA, l.idB, l.matchedBy])).toEqual([['4.2', '4.1', 'title'], ['4.1', undefined, undefined]]);
    expect(titles.warnings.map((w) => [w.code, w.path])).toEqual([['matched_by_title', 'lines.4.2']]);
    expect(compareVersions(tb1, pb, { matchTitles: true }).warnings).toEqual([]); // 4.1 matched by id first
  });

  it('refuses a bad id map with coded issues at its keys', () => {
    const e = errorOf(() => compareVersions(pb2024, pb2026, { idMap: { '9.9': '2.2', '2.2': 'x' } }));
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([['unknown_reference', 'options.idMap.9.9'], ['unknown_reference', 'options.idMap.2.2']]);
    const two = budget({ title: 'A', unit: 'euro', horizon: { from: 2024, to: 2024 } }).section('s', 'S')
      .line('a', 'A', [1], { nature: 'structural' }).line('b', 'B', [pm], { nature: 'structural' }).build();
    expect(errorOf(() => compareVersions(two, pb2026, { idMap: { a: '2.2', b: '2.2' } })).issues.map((i) => [i.code, i.path])).toEqual([['duplicate_id', 'options.idMap.b']]);
    expect(errorOf(() => compareVersions(two, pb2026, { idMap: [] as never })).code).toBe('invalid_option');
    expect(errorOf(() => compareVersions(two, pb2026, { other: 1 } as never)).code).toBe('unknown_option');
    expect(errorOf(() => compareVersions(null as never, pb2026)).issues[0]!.path).toBe('a');
  });
});
