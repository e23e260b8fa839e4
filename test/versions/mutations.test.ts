import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budget } from '../../src/evaluate/builder.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { versionSeries } from '../../src/analysis/version-series.js';
import { loadVersion } from '../../src/evaluate/load-version.js';
import { MeerjarenError } from '../../src/core/errors.js';
import type { BudgetVersion } from '../../src/model/versions.js';

function issuesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (MeerjarenError.is(e)) return e.issues.map((i) => `${i.code} ${i.path}`);
    throw e;
  }
  return [];
}

const data = (file: string): string => readFileSync(new URL(`../../examples/data/${file}`, import.meta.url), 'utf8');

/**
 * Seed 000's TB1 2025 table lists only the changes of Programma 2 against the begroting it amends (Begroting 2025);
 * that begroting's own figures are not printed there. This test measures the programme against that begroting: the
 * begroting is the table's four sections without lines (0 in every year of 2025-2031, the table's horizon), and
 * TB1 2025 is its 16 lines as `add-line` mutations (examples/data/versions/004-tb1-2025-mutations.json).
 */
const begroting2025 = budget({ title: 'Begroting 2025', unit: 'thousand', horizon: { from: 2025, to: 2031, budgetYear: 2026 } })
  .section('1', 'Financiële ontwikkelingen bestaand beleid (leereffecten jaarrekening en TB1)')
  .section('2', 'Onvermijdelijke ontwikkelingen')
  .section('3', 'Beleidswijzigingen/Nieuw beleid')
  .section('4', 'Bezuinigings- en dekkingsvoorstellen')
  .build();
const pb: BudgetVersion = { name: 'Begroting 2025', kind: 'begroting', date: '2024-11-07', budget: begroting2025 };

describe('seed 000: TB1 2025 as the mutations it shows', () => {
  const tb1 = loadVersion(data('versions/004-tb1-2025-mutations.json'), { previous: pb });

  it('derives TB1 2025 from the begroting plus its mutations: TOTAAL SALDO PROGRAMMA -609 363 533 725 702 742 752', () => {
    const e = evaluate(tb1.budget);
    expect(tb1.budget.horizon.years.map((y) => e.total[y]!.amount.toFixed())).toEqual(['-609000', '363000', '533000', '725000', '702000', '742000', '752000']);
    expect(tb1.mutations!.changes).toHaveLength(16);
    // the lines of the table, to the euro
    expect(e.lines['1.1']!.totals['2025']!.amount.toFixed()).toBe('2900000');
    expect(e.lines['1.7']!.totals['2026']!.amount.toFixed()).toBe('-344000');
    expect(e.lines['2.1']!.totals['2029']!.amount.toFixed()).toBe('-50000');
    expect(e.total['2026']!.pm).toEqual(['1.4', '1.6', '1.8', '3.1']);
  });

  it('replaying the mutations on the begroting gives the printed table exactly (no findings)', () => {
    const recorded = loadBudget(data('seed000-tb1.json'));
    const s = versionSeries([pb, { ...tb1, budget: recorded }]);
    expect(s.findings).toEqual([]);
    expect(s.steps[0]!.replay!.exact).toBe(true);
    expect(s.steps[0]!.replay!.derived).toBe(false);
  });

  it('a version that does not match its mutations is a finding with the line, the year and both figures', () => {
    const recorded = loadBudget(data('seed000-tb1.json'));
    const doc = JSON.parse(data('versions/004-tb1-2025-mutations.json')) as { mutations: { changes: { line: { values: Record<string, string> } }[] } };
    doc.mutations.changes[3]!.line.values['2025'] = '-1.000'; // 1.4 written as -1.000 instead of -1.100
    const wrong = loadVersion(doc, { previous: pb });
    const s = versionSeries([pb, { ...wrong, budget: recorded }]);
    const line = s.findings.find((f) => f.row === 'line')!;
    expect(line).toMatchObject({ version: 'TB1 2025', id: '1.4', year: 2025 });
    expect(line.replayed.state === 'figure' && line.replayed.total.amount.toFixed()).toBe('-1000000');
    expect(line.recorded.state === 'figure' && line.recorded.total.amount.toFixed()).toBe('-1100000');
    expect(s.findings.map((f) => `${f.row} ${f.id} ${f.year}`)).toEqual(['section 1 2025', 'line 1.4 2025']);
  });
});

describe('versionSeries with mutations', () => {
  const base = budget({ title: 'B', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
    .section('1', 'S')
    .line('a', 'A', [-100, -100, -100], { nature: 'structural' })
    .line('b', 'B', ['pm', 'pm', 'pm'], { nature: 'incidental' })
    .build();
  const m1 = { id: 'tb1', title: 'TB1', changes: [{ kind: 'set-amount', line: 'a', years: [2025], value: { add: '-50' } }] };
  const m2 = { id: 'tb2', title: 'TB2', changes: [{ kind: 'estimate-pm', line: 'b', years: [2026], value: '-20' }, { kind: 'drop-line', line: 'a' }] };

  it('derives each omitted budget from the one before, in date order', () => {
    const s = versionSeries([
      { name: 'TB2', kind: 'tb2', date: '2025-10-01', mutations: m2 },
      { name: 'B', kind: 'begroting', date: '2024-11-01', budget: base },
      { name: 'TB1', kind: 'tb1', date: '2025-06-01', mutations: m1 },
    ]);
    expect(s.versions.map((v) => v.name)).toEqual(['B', 'TB1', 'TB2']);
    expect(evaluate(s.versions[1]!.budget).lines['a']!.totals['2025']!.amount.toFixed()).toBe('-150000');
    const last = evaluate(s.versions[2]!.budget);
    expect(last.lines['a']).toBeUndefined();
    expect(last.lines['b']!.totals['2026']!.amount.toFixed()).toBe('-20000');
    expect(s.steps.map((x) => x.replay!.derived)).toEqual([true, true]);
    expect(s.findings).toEqual([]);
    expect(s.steps[1]!.comparison.lines.find((l) => l.idA === 'a')!.status).toBe('gone');
  });

  it('matches through the id map: a renumbered line is no finding', () => {
    const renamed = budget({ title: 'B', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
      .section('1', 'S')
      .line('a2', 'A', [-150, -100, -100], { nature: 'structural' })
      .line('b', 'B', ['pm', 'pm', 'pm'], { nature: 'incidental' })
      .build();
    const s = versionSeries([
      { name: 'B', kind: 'begroting', budget: base },
      { name: 'TB1', kind: 'tb1', budget: renamed, idMap: { a: 'a2' }, mutations: m1 },
    ]);
    expect(s.findings).toEqual([]);
  });

  it('reports a horizon that the mutations cannot give: years outside one of them', () => {
    const longer = budget({ title: 'B', unit: 'thousand', horizon: { from: 2025, to: 2028 } })
      .section('1', 'S')
      .line('a', 'A', [-150, -100, -100, -100], { nature: 'structural' })
      .line('b', 'B', ['pm', 'pm', 'pm', 'pm'], { nature: 'incidental' })
      .build();
    const s = versionSeries([
      { name: 'B', kind: 'begroting', budget: base },
      { name: 'TB1', kind: 'tb1', budget: longer, mutations: m1 },
    ]);
    expect(s.findings.map((f) => `${f.row} ${f.id} ${f.year} ${f.replayed.state} ${f.recorded.state}`)).toEqual([
      'section 1 2028 not-in-version figure',
      'line a 2028 not-in-version figure',
      'line b 2028 not-in-version figure',
    ]);
  });

  it('refuses, at the version: a first version without a budget, mutations that are not a scenario, extends, a change that does not apply', () => {
    expect(issuesOf(() => versionSeries([{ name: 'TB1', kind: 'tb1', mutations: m1 }]))).toEqual(['missing_field versions[0].budget']);
    expect(issuesOf(() => versionSeries([{ name: 'B', kind: 'begroting' } as never]))).toEqual(['missing_field versions[0].budget']);
    expect(issuesOf(() => versionSeries([{ name: 'B', kind: 'begroting', budget: base }, { name: 'T', kind: 'tb1', mutations: 'x' as never }]))).toEqual(['invalid_type versions[1].mutations', 'missing_field versions[1].budget']);
    expect(issuesOf(() => versionSeries([{ name: 'B', kind: 'begroting', budget: base }, { name: 'T', kind: 'tb1', mutations: { id: 't', title: 'T', changes: [{ kind: 'bogus' }] } }]))).toEqual(['unknown_change_kind versions[1].mutations.changes[0].kind']);
    expect(issuesOf(() => versionSeries([{ name: 'B', kind: 'begroting', budget: base }, { name: 'T', kind: 'tb1', mutations: { ...m1, extends: 'x' } }]))).toEqual(['invalid_value versions[1].mutations.extends']);
    expect(issuesOf(() => versionSeries([{ name: 'B', kind: 'begroting', budget: base }, { name: 'T', kind: 'tb1', mutations: { id: 't', title: 'T', changes: [{ kind: 'drop-line', line: 'zz' }] } }]))).toEqual(['unknown_reference versions[1].mutations.changes[0].line']);
  });
});

describe('loadVersion with mutations', () => {
  const doc = { format: 'meerjaren/version', version: 1, name: 'TB1 2025', kind: 'tb1', mutations: { id: 'm', title: 'M', unit: 'thousand', changes: [{ kind: 'set-amount', line: 'x', years: { from: 2025 }, value: '5' }] } };
  const before = budget({ title: 'B', unit: 'thousand', horizon: { from: 2025, to: 2026 } }).section('1', 'S').line('x', 'X', [1, 2], { nature: 'structural' }).build();

  it('derives the budget with options.previous and keeps the mutations', () => {
    const v = loadVersion(doc, { previous: { name: 'B', kind: 'begroting', budget: before } });
    expect(evaluate(v.budget).total['2026']!.amount.toFixed()).toBe('5000');
    expect(v.mutations!.id).toBe('m');
    expect(Object.isFrozen(v)).toBe(true);
  });

  it('refuses a document without budget and without previous, bad mutations, and a change that does not apply', () => {
    expect(issuesOf(() => loadVersion(doc))).toEqual(['missing_field budget']);
    expect(issuesOf(() => loadVersion({ ...doc, mutations: { id: 'm', title: 'M', changes: [{ kind: 'set-amount', line: 'x', years: { from: 2025 } }] } }))).toEqual(['missing_field mutations.changes[0].value']);
    expect(issuesOf(() => loadVersion({ ...doc, mutations: [] }))).toEqual(['invalid_type mutations', 'missing_field budget']);
    expect(issuesOf(() => loadVersion({ ...doc, mutations: { ...doc.mutations, changes: [{ kind: 'drop-line', line: 'nope' }] } }, { previous: { name: 'B', kind: 'begroting', budget: before } }))).toEqual(['unknown_reference mutations.changes[0].line']);
    expect(issuesOf(() => loadVersion(doc, { previous: 'B' as never }))).toEqual(['invalid_option options.previous']);
  });
});
