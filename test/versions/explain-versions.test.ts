import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainVersions } from '../../src/analysis/explain-versions.js';
import { loadVersion } from '../../src/evaluate/load-version.js';
import { budget } from '../../src/evaluate/builder.js';
import { ZERO } from '../../src/core/decimal.js';
import type { BudgetVersion } from '../../src/model/versions.js';
import { issuesOf } from '../helpers.js';

const v = (f: string): BudgetVersion => loadVersion(readFileSync(new URL(`../../examples/data/versions/${f}`, import.meta.url), 'utf8'));
const seeds = [v('003-begroting-2024.json'), v('000-tb1-2025.json'), v('001-begroting-2026.json')];
const amount = (f: { state: string; total?: { amount: { toFixed(): string } } }) => (f.state === 'figure' ? f.total!.amount.toFixed() : f.state);

describe('explainVersions on the seeds (Begroting 2024, TB1 2025, Begroting 2026)', () => {
  it('the grand total of 2026 version by version, each step its difference', () => {
    const e = explainVersions(seeds, { total: true, year: 2026 });
    expect(e.versions.map((x) => [x.version, amount(x.figure)])).toEqual([
      ['Begroting 2024', '-122820829'],
      ['Perspectiefnota 2026 / TB1 2025', '363000'],
      ['Begroting 2026', '-154505000'],
    ]);
    expect(e.steps.map((s) => s.difference?.amount.toFixed())).toEqual(['123183829', '-154868000']);
  });

  it('a renumbered line keeps its history: the begroting 2026 line 4.1 was the TB1 4.2, new in the TB1', () => {
    const e = explainVersions(seeds, { line: '4.1', year: 2027 });
    expect(e.steps.map((s) => [s.status, s.idFrom, s.idTo, s.matchedBy, s.difference?.amount.toFixed()])).toEqual([
      ['new', undefined, '4.2', undefined, '250000'],
      ['both', '4.2', '4.1', 'map', '0'],
    ]);
    expect(e.versions.map((x) => x.id)).toEqual([undefined, '4.2', '4.1']);
  });

  it('a year outside a version is "not in this version", never 0, and has no difference', () => {
    const e = explainVersions(seeds, { section: '4', year: 2030 });
    expect(e.steps[1]!.after).toEqual({ state: 'not-in-version' });
    expect(e.steps[1]!.difference).toBeUndefined();
  });

  it("the later version's decision is the step's note", () => {
    const a = budget({ title: 'a', unit: 'thousand', horizon: { from: 2026, to: 2027 } }).section('1', 'x').line('1', 'x', [1, 1], { nature: 'structural' }).build();
    const b = budget({ title: 'b', unit: 'thousand', horizon: { from: 2026, to: 2027 } }).section('1', 'x').line('1', 'x', [3, 1], { nature: 'structural' }).build();
    const e = explainVersions([{ name: 'A', kind: 'begroting', budget: a }, { name: 'B', kind: 'begrotingswijziging', decision: 'raadsbesluit 12', budget: b }], { line: '1', year: 2026 });
    expect(e.steps[0]).toMatchObject({ decision: 'raadsbesluit 12', kind: 'begrotingswijziging', status: 'both' });
    expect(Object.isFrozen(e.steps[0])).toBe(true);
    const one = explainVersions([{ name: 'A', kind: 'begroting', budget: a }], { line: '1', year: 2027 });
    expect(one.steps).toEqual([]);
    expect(amount(one.versions[0]!.figure)).toBe('1000');
  });

  it('refuses no target, two targets, an unknown line of the last version and a year in no version', () => {
    expect(issuesOf(() => explainVersions(seeds, { year: 2026 } as never))).toEqual([{ code: 'invalid_argument', path: 'at.line' }]);
    expect(issuesOf(() => explainVersions(seeds, { line: '4.1', total: true, year: 2026 }))).toEqual([{ code: 'invalid_argument', path: 'at' }]);
    expect(issuesOf(() => explainVersions(seeds, { line: '1.4', year: 2026 }))).toEqual([{ code: 'unknown_reference', path: 'at.line' }]);
    expect(issuesOf(() => explainVersions(seeds, { total: true, year: 2040 }))).toEqual([{ code: 'year_outside_horizon', path: 'at.year' }]);
  });

  it('property: the steps of a figure add up: first figure + every difference = last figure, when every version holds the year', () => {
    const yearArb = fc.constantFrom(2026, 2027);
    fc.assert(
      fc.property(yearArb, fc.constantFrom<'total' | '4' | '3'>('total', '4', '3'), (year, what) => {
        const e = explainVersions(seeds, what === 'total' ? { total: true, year } : { section: what, year });
        const figures = e.versions.map((x) => (x.figure.state === 'figure' ? x.figure.total.amount : ZERO));
        const sum = e.steps.reduce((acc, s) => acc.plus(s.difference?.amount ?? ZERO), figures[0]!);
        expect(sum.toFixed()).toBe(figures.at(-1)!.toFixed());
      }),
    );
  });
});
