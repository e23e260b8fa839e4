import { describe, expect, it } from 'vitest';
import { budget } from '../../src/evaluate/builder.js';
import { versionSeries } from '../../src/analysis/version-series.js';
import { loadVersion } from '../../src/evaluate/load-version.js';
import { toDocument } from '../../src/validate/serialize.js';
import { MeerjarenError } from '../../src/core/errors.js';

const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
  .section('4', 'Bezuinigingen').line('4.2', 'Besparing subsidies Jeugd', [0, 250, 250], { nature: 'structural' }).build();
const pb = budget({ title: 'Begroting 2026', unit: 'thousand', horizon: { from: 2026, to: 2029 } })
  .section('4', 'Bezuinigingen').line('4.1', 'Besparing subsidies Jeugd', [250, 250, 250, 250], { nature: 'structural' }).build();

function issuesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (MeerjarenError.is(e)) return e.issues.map((i) => `${i.code} ${i.path}`);
    throw e;
  }
  return [];
}

describe('versionSeries', () => {
  it('orders by date and compares each version with the one before, through its id map', () => {
    const s = versionSeries([
      { name: 'Begroting 2026', kind: 'begroting', date: '2025-11-06', decision: 'RB 2025-118', budget: pb, idMap: { '4.2': '4.1' } },
      { name: 'TB1 2025', kind: 'tb1', date: '2025-07-03', budget: tb1 },
    ]);
    expect(s.versions.map((v) => v.name)).toEqual(['TB1 2025', 'Begroting 2026']);
    expect(s.years).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(s.steps.map((x) => [x.from, x.to])).toEqual([['TB1 2025', 'Begroting 2026']]);
    const line = s.steps[0]!.comparison.lines[0]!;
    expect([line.idA, line.idB, line.matchedBy]).toEqual(['4.2', '4.1', 'map']);
    expect(line.years['2025']!.b.state).toBe('not-in-version');
    expect(line.years['2026']!.difference!.amount.toFixed()).toBe('0');
    expect(Object.isFrozen(s.steps)).toBe(true);
  });

  it('keeps the list order without dates; one version has no steps', () => {
    expect(versionSeries([{ name: 'B', kind: 'begroting', budget: pb }, { name: 'A', kind: 'tb1', budget: tb1 }]).steps[0]!.from).toBe('B');
    expect(versionSeries([{ name: 'A', kind: 'tb1', budget: tb1 }]).steps).toEqual([]);
  });

  it('reports every problem of the list at once, at its path', () => {
    const found = issuesOf(() =>
      versionSeries([
        { name: 'A', kind: 'tb1', date: '2025-07-03', budget: tb1 },
        { name: 'A', kind: 'tb3' as never, date: '2025-02-30', budget: pb },
        { name: '', kind: 'begroting', budget: {} as never, extra: 1 } as never,
      ]),
    );
    expect(found).toEqual(expect.arrayContaining([
      'duplicate_id versions[1].name', 'invalid_value versions[1].kind', 'invalid_value versions[1].date',
      'invalid_value versions[2].name', 'unknown_field versions[2].extra', 'invalid_argument versions[2].budget', 'missing_field versions[2].date',
    ]));
    expect(issuesOf(() => versionSeries([{ name: 'A', kind: 'tb1', budget: tb1 }, { name: 'B', kind: 'begroting', budget: pb, idMap: { '9.9': '4.1' } }])))
      .toEqual(['unknown_reference versions[1].idMap.9.9']);
    expect(issuesOf(() => versionSeries('x' as never))).toEqual(['invalid_argument versions']);
  });
});

describe('loadVersion', () => {
  const doc = { format: 'meerjaren/version', version: 1, name: 'Begroting 2026', kind: 'begroting', date: '2025-11-06', idMap: { '4.2': '4.1' }, budget: toDocument(pb) };
  it('loads an object or its JSON text into a frozen version', () => {
    for (const input of [doc, JSON.stringify(doc)]) {
      const v = loadVersion(input);
      expect([v.name, v.kind, v.date, v.idMap]).toEqual(['Begroting 2026', 'begroting', '2025-11-06', { '4.2': '4.1' }]);
      expect(v.budget.horizon.years).toEqual([2026, 2027, 2028, 2029]);
      expect(Object.isFrozen(v)).toBe(true);
    }
  });
  it('places the budget\'s problems under budget and its own at their fields', () => {
    const bad = { ...doc, format: 'x', kind: 'nota', budget: { ...toDocument(pb), unit: 'cents' } };
    expect(issuesOf(() => loadVersion(JSON.stringify(bad)))).toEqual(expect.arrayContaining(['invalid_value format', 'invalid_value kind', 'invalid_value budget.unit']));
    expect(issuesOf(() => loadVersion({ ...doc, budget: { ...toDocument(pb), expected: ['1', '1', '1', '1'] } }))).toContain('total_mismatch budget.expected.2026');
  });
});
