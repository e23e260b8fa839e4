import { describe, expect, it } from 'vitest';
import { budget } from '../../src/index.js';
import { evaluateTargets } from '../../src/evaluate/targets.js';
import { steppedPath } from '../../src/document/stepped-path.js';
import { withTargets } from '../../src/validate/with-targets.js';
import { LOCAL_PATH, hervormingsagendaResult } from '../../examples/11-hervormingsagenda-taakstelling.js';
import { issuesOrNone } from '../helpers.js';

const mln = (d: { div(n: number): { toFixed(): string } } | undefined): string | undefined => d?.div(1_000_000).toFixed();

const table = () => budget({ title: 't', unit: 'thousand', horizon: { from: 2025, to: 2028 } }).section('4', 's').line('T', 'Taakstelling', [100, 200, 300, 300], { nature: 'structural' }).build();

describe('steppedPath', () => {
  it('writes "3 in 2025, 7 in 2026, then 1 more each year" exactly', () => {
    expect(LOCAL_PATH).toEqual({ 2025: '3', 2026: '7', 2027: '8', 2028: '9', 2029: '10', 2030: '11', 2031: '12' });
    expect(steppedPath({ start: { 2025: '0.1' }, step: '0.2', to: 2027 })).toEqual({ 2025: '0.1', 2026: '0.3', 2027: '0.5' });
  });
  it('refuses a gap in the start years and a bad step', () => {
    expect(issuesOrNone(() => steppedPath({ start: { 2025: 1, 2027: 2 }, step: 1, to: 2030 }))[0]?.code).toBe('invalid_year');
    expect(issuesOrNone(() => steppedPath({ start: { 2025: 1 }, step: '1e3', to: 2030 }))[0]?.code).toBe('invalid_amount');
  });
});

describe('Hervormingsagenda Jeugd', () => {
  const r = hervormingsagendaResult();
  it('has the local path and the gap per year', () => {
    const row = (y: string) => {
      const t = r.years[y]!;
      return [t.target, t.planned, t.realised, t.filled, t.unfilled, t.gap].map(mln);
    };
    expect(row('2025')).toEqual(['3', '3', '2.5', '3', '0', '0.5']);
    expect(row('2026')).toEqual(['7', '6', '3.5', '6', '1', '3.5']);
    expect(row('2027')).toEqual(['8', '8.47', '4.75', '8', '0', '3.25']);
    expect(row('2031')).toEqual(['12', '8.47', '6.47', '8.47', '3.53', '5.53']);
  });
  it('names the measures falling short', () => {
    expect(r.years['2027']?.shortMeasures.map((m) => [m.id, mln(m.short)])).toEqual([
      ['lokale-teams', '2'],
      ['voorveld', '1'],
      ['regionale-inkoop', '0.72'],
    ]);
    expect(mln(r.years['2027']?.atRisk)).toBe('1.47');
  });
  it('puts the national path and the local share beside it', () => {
    const ref = r.references[0]!;
    expect(mln(ref.years['2023']?.amount)).toBe('374');
    expect(ref.years['2025']?.pm).toBe(true);
    expect(mln(ref.years['2027']?.amount)).toBe('1000');
    expect(mln(ref.years['2027']?.localShare)).toBe('6.8');
    expect(mln(ref.years['2027']?.targetOverShare)).toBe('1.2');
  });
});

describe('bad target input', () => {
  const target = (measure: Record<string, unknown>) => [{ id: 't', title: 'T', unit: 'thousand', path: [100, 200], measures: [{ id: 'm', title: 'M', status: 'decided', planned: [50, 50], ...measure }] }];
  it('a target and a measure in different units', () => {
    expect(issuesOrNone(() => withTargets(table(), target({ unit: 'million' })))).toEqual([{ code: 'unit_mismatch', path: 'targets[0].measures[0].unit' }]);
  });
  it('a measure realising more than planned without saying so', () => {
    expect(issuesOrNone(() => withTargets(table(), target({ realisation: { rate: '1.2' } })))).toEqual([{ code: 'realisation_above_plan', path: 'targets[0].measures[0].realisation.rate' }]);
    expect(issuesOrNone(() => withTargets(table(), target({ realisation: { amount: { 2026: 60 } } })))).toEqual([
      { code: 'realisation_above_plan', path: 'targets[0].measures[0].realisation.amount.2026' },
    ]);
    const ok = withTargets(table(), target({ realisation: { rate: '1.2', abovePlan: true } }));
    expect(mln(evaluateTargets(ok).targets['t']?.years['2025']?.realised)).toBe('0.06');
  });
  it('negative amounts, unknown status and lines, all at once', () => {
    const found = issuesOrNone(() => withTargets(table(), [{ id: 't', title: 'T', path: { 2025: '-1' }, line: 'X', measures: [{ id: 'm', title: 'M', status: 'maybe', planned: [1] }] }]));
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'negative_amount', path: 'targets[0].path.2025' },
        { code: 'unknown_reference', path: 'targets[0].line' },
        { code: 'invalid_value', path: 'targets[0].measures[0].status' },
      ]),
    );
  });
  it('a pm year in the path counts as an open target', () => {
    const b = withTargets(table(), [{ id: 't', title: 'T', path: [100, 'pm'], measures: [] }]);
    const y = evaluateTargets(b).targets['t']!.years['2026']!;
    expect(y.pm).toBe(true);
    expect(y.target.isZero()).toBe(true);
  });
});
