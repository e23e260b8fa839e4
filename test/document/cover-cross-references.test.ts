/**
 * Every cross-reference between the parts of a document (cover and targets to the table, claims to sources) is
 * checked: a reference to a row, source or year that is not there is a load error with its path; an amount that
 * disagrees with the line it is booked in is a coded finding, a balance warning and a refusal of the reserve
 * summary (reserve_mutation_mismatch, naming the source and year); a reference that a scenario left dangling (the
 * row dropped) is a coded finding (unknown_target, unknown_line), never a silent zero.
 */
import { describe, expect, it } from 'vitest';
import {
  applyScenario, evaluateCover, loadBudget, loadScenario, reserveSummaryTable, structuralBalance, withCover, withTargets, type Budget,
} from 'meerjaren';
import { issuesOrNone, seedBudget, seedText } from '../helpers.js';

/** Lines A (with component A1) and B, and C in euros over 2025..2027. */
function table(): Record<string, unknown> {
  return {
    version: 1,
    title: 'T',
    unit: 'euro',
    horizon: { from: 2025, to: 2027 },
    sections: [
      {
        id: '1',
        title: 'S',
        lines: [
          { id: 'A', title: 'A', nature: 'structural', row: 'amount', values: ['-100', '-100', '-100'], components: [{ id: 'A1', title: 'deel', values: ['-10', '-10', '-10'] }] },
          { id: 'B', title: 'B', nature: 'incidental', values: ['300', '50'] },
          { id: 'C', title: 'C', nature: 'incidental', values: ['-200', null, '80'] },
        ],
      },
    ],
  };
}
const base = (): Budget => loadBudget(table());
const oad = { id: 'p', title: 'P', kind: 'oad', nature: 'structural', capacity: { perYear: ['10', '10', '10'] } };
const reserve = (r: Record<string, unknown>): Record<string, unknown> => ({ id: 'r', title: 'R', kind: 'reserve', nature: 'incidental', reserve: { opening: '100', ...r } });

describe('a reference to what is not there is a load error at its path', () => {
  const cases: [string, Record<string, unknown>, { code: string; path: string }[]][] = [
    ['claim -> source', { cover: { sources: [oad], claims: [{ target: 'A', source: 'x' }] } }, [{ code: 'unknown_reference', path: 'cover.claims[0].source' }]],
    ['claim -> row', { cover: { sources: [oad], claims: [{ target: 'Z', source: 'p' }] } }, [{ code: 'unknown_reference', path: 'cover.claims[0].target' }]],
    ['claim years', { cover: { sources: [oad], claims: [{ target: 'A', source: 'p', years: [2030] }] } }, [{ code: 'year_outside_horizon', path: 'cover.claims[0].years[0]' }]],
    ['claim amount years', { cover: { sources: [oad], claims: [{ target: 'A', source: 'p', amount: { 2024: '5' } }] } }, [{ code: 'year_outside_horizon', path: 'cover.claims[0].amount.2024' }]],
    ['line capacity -> row', { cover: { sources: [{ ...oad, kind: 'within-programme', capacity: { line: 'Z' } }] } }, [{ code: 'unknown_reference', path: 'cover.sources[0].capacity.line' }]],
    ['line capacity years', { cover: { sources: [{ ...oad, capacity: { line: 'B', years: [2024] } }] } }, [{ code: 'year_outside_horizon', path: 'cover.sources[0].capacity.years[0]' }]],
    ['total capacity from', { cover: { sources: [{ ...oad, capacity: { total: '5', from: 2031 } }] } }, [{ code: 'year_outside_horizon', path: 'cover.sources[0].capacity.from' }]],
    ['per-year capacity years', { cover: { sources: [{ ...oad, capacity: { perYear: { 2028: '5' } } }] } }, [{ code: 'year_outside_horizon', path: 'cover.sources[0].capacity.perYear.2028' }]],
    ['bookedIn -> row', { cover: { sources: [reserve({ bookedIn: 'Z' })] } }, [{ code: 'unknown_reference', path: 'cover.sources[0].reserve.bookedIn' }]],
    ['reserve mutation years', { cover: { sources: [reserve({ withdrawals: { 2028: '5' } })] } }, [{ code: 'year_outside_horizon', path: 'cover.sources[0].reserve.withdrawals.2028' }]],
    ['target -> line', { targets: [{ id: 't', title: 't', path: ['1'], line: 'Z' }] }, [{ code: 'unknown_reference', path: 'targets[0].line' }]],
    [
      'measure -> line',
      { targets: [{ id: 't', title: 't', path: ['1'], measures: [{ id: 'm', title: 'm', status: 'decided', planned: ['1'], line: 'Z' }] }] },
      [{ code: 'unknown_reference', path: 'targets[0].measures[0].line' }],
    ],
    ['target path years', { targets: [{ id: 't', title: 't', path: { 2029: '1' } }] }, [{ code: 'year_outside_horizon', path: 'targets[0].path.2029' }]],
    [
      'reference path years',
      { targets: [{ id: 't', title: 't', path: ['1'], references: [{ title: 'r', path: { 2024: '1' }, localShare: { 2030: '1' } }] }] },
      [
        { code: 'year_outside_horizon', path: 'targets[0].references[0].path.2024' },
        { code: 'year_outside_horizon', path: 'targets[0].references[0].localShare.2030' },
      ],
    ],
  ];
  for (const [name, extra, expected] of cases) {
    it(name, () => {
      expect(issuesOrNone(() => loadBudget({ ...table(), ...extra }))).toEqual(expected);
      if (extra['cover'] !== undefined) expect(issuesOrNone(() => withCover(base(), extra['cover']))).toEqual(expected);
      if (extra['targets'] !== undefined) expect(issuesOrNone(() => withTargets(base(), extra['targets']))).toEqual(expected);
    });
  }
});

describe('reserve mutations booked in a line (bookedIn) must be in that line', () => {
  it('seed 000: the EUR 2,0 mln addition booked in 3.1 is in its lasten; nothing to report, the summary prints', () => {
    const b = seedBudget('seed000-tb1-with-cover.json');
    expect(evaluateCover(b).findings.filter((f) => f.code === 'reserve_mutation_mismatch' || f.code === 'unknown_line')).toEqual([]);
    expect(structuralBalance(b).warnings.filter((w) => w.code === 'reserve_mutation_mismatch')).toEqual([]);
    expect(reserveSummaryTable(b).rows.map((r) => r.id)).toContain('baten');
  });

  it('seed 000 with a withdrawal of 546 booked in 3.1 in 2027, where 3.1 is empty: a finding, a warning and a refusal naming source and year', () => {
    const doc = JSON.parse(seedText('seed000-tb1-with-cover.json')) as { cover: { sources: { id: string; reserve?: Record<string, unknown> }[] } };
    const source = doc.cover.sources.find((s) => s.id === 'brede-bestemmingsreserve')!;
    source.reserve = { ...source.reserve, withdrawals: { 2027: '546' } };
    const b = loadBudget(doc); // the document is read: the amounts are a matter of the figures, not of the format
    const finding = evaluateCover(b).findings.find((f) => f.code === 'reserve_mutation_mismatch');
    expect(finding).toMatchObject({ year: 2027, source: 'brede-bestemmingsreserve', target: '3.1' });
    expect(finding!.amount.toFixed()).toBe('546000');
    expect(structuralBalance(b).warnings.filter((w) => w.code === 'reserve_mutation_mismatch').map((w) => [w.id, w.years])).toEqual([['brede-bestemmingsreserve', [2027]]]);
    expect(issuesOrNone(() => reserveSummaryTable(b))).toEqual([{ code: 'reserve_mutation_mismatch', path: 'cover.sources.brede-bestemmingsreserve.reserve.withdrawals.2027' }]);
    // printed on request, the figure the check guards against: 546 taken out of baten that never held it
    const batenIn2027 = (t: ReturnType<typeof reserveSummaryTable>) => t.rows.find((r) => r.id === 'baten')!.cells[t.columns.findIndex((c) => c.key === '2027')]!.amount!;
    const before = batenIn2027(reserveSummaryTable(seedBudget('seed000-tb1-with-cover.json')));
    expect(before.minus(batenIn2027(reserveSummaryTable(b, { mismatches: 'ignore' }))).toFixed()).toBe('546000');
  });

  it('additions beyond the lasten of the line, withdrawals beyond its baten, a pm year unchecked; several reserves share the line', () => {
    const b = withCover(base(), {
      sources: [
        reserve({ additions: { 2025: '150', 2026: '1' }, withdrawals: { 2027: '80' }, bookedIn: 'C' }), // C: -200, empty, 80
        { ...reserve({ additions: { 2025: '60' }, withdrawals: { 2027: '1' }, bookedIn: 'C' }), id: 'r2' }, // 150 + 60 > 200; 80 + 1 > 80
      ],
    });
    expect(evaluateCover(b).findings.filter((f) => f.code === 'reserve_mutation_mismatch').map((f) => [f.source, f.year, f.amount.toFixed()])).toEqual([
      ['r2', 2025, '10'],
      ['r', 2026, '1'],
      ['r2', 2027, '1'],
    ]);
    expect(issuesOrNone(() => reserveSummaryTable(b))).toEqual([
      { code: 'reserve_mutation_mismatch', path: 'cover.sources.r2.reserve.additions.2025' },
      { code: 'reserve_mutation_mismatch', path: 'cover.sources.r.reserve.additions.2026' },
      { code: 'reserve_mutation_mismatch', path: 'cover.sources.r2.reserve.withdrawals.2027' },
    ]);
    const pm = loadBudget({ ...table(), sections: [{ id: '1', title: 'S', lines: [{ id: 'C', title: 'C', nature: 'incidental', values: ['pm', '-5', '5'] }] }] });
    const withPm = withCover(pm, { sources: [reserve({ additions: { 2025: '500', 2026: '5' }, withdrawals: { 2027: '5' }, bookedIn: 'C' })] });
    expect(evaluateCover(withPm).findings.filter((f) => f.code === 'reserve_mutation_mismatch')).toEqual([]);
    expect(reserveSummaryTable(withPm).title).toBe('Financieel samengevat');
  });

  it('a booked component is checked on its own cells; a line on its own row and its components', () => {
    const b = withCover(base(), { sources: [reserve({ additions: { 2025: '10', 2026: '105' }, bookedIn: 'A1' }), { ...reserve({ additions: { 2025: '111' }, bookedIn: 'A' }), id: 'r2' }] });
    expect(issuesOrNone(() => reserveSummaryTable(b))).toEqual([
      { code: 'reserve_mutation_mismatch', path: 'cover.sources.r2.reserve.additions.2025' },
      { code: 'reserve_mutation_mismatch', path: 'cover.sources.r.reserve.additions.2026' },
    ]);
  });
});

describe('a reference a scenario leaves dangling is a finding, never a silent zero', () => {
  const withAll = (): Budget =>
    withTargets(
      withCover(base(), {
        sources: [oad, { id: 'w', title: 'W', kind: 'within-programme', nature: 'incidental', capacity: { line: 'B' } }, reserve({ additions: { 2025: '150' }, bookedIn: 'C' })],
        claims: [{ id: 'k1', target: 'A1', source: 'w' }],
      }),
      [{ id: 't', title: 't', path: ['1', '1', '1'], line: 'C', measures: [{ id: 'm', title: 'm', status: 'decided', planned: ['1', '1', '1'], line: 'B' }] }],
    );
  const drop = (b: Budget, ...lines: string[]): Budget =>
    applyScenario(b, loadScenario({ id: 's', title: 's', changes: lines.map((line) => ({ kind: 'drop-line', line })) }, { budget: b })).budget;

  it('the budget as loaded has no such findings', () => {
    expect(evaluateCover(withAll()).findings.filter((f) => ['unknown_line', 'unknown_target', 'unknown_source', 'reserve_mutation_mismatch'].includes(f.code))).toEqual([]);
    expect(structuralBalance(withAll()).warnings.filter((w) => w.code === 'unknown_line')).toEqual([]);
  });

  it('a dropped capacity line (B): unknown_line for the source in every year, and a balance warning; the measure booked in B too', () => {
    const b = drop(withAll(), 'B');
    const found = evaluateCover(b).findings.filter((f) => f.code === 'unknown_line');
    expect(found.map((f) => [f.source, f.target, f.year])).toEqual([
      ['w', 'B', 2025],
      ['w', 'B', 2026],
      ['w', 'B', 2027],
    ]);
    expect(structuralBalance(b).warnings.filter((w) => w.code === 'unknown_line').map((w) => w.id)).toEqual(['w', 't/m']);
  });

  it('a dropped bookedIn line (C): unknown_line in the years with planned mutations, a refusal of the summary; the target booked in C warned', () => {
    const b = drop(withAll(), 'C');
    expect(evaluateCover(b).findings.filter((f) => f.code === 'unknown_line').map((f) => [f.source, f.target, f.year])).toEqual([['r', 'C', 2025]]);
    expect(issuesOrNone(() => reserveSummaryTable(b))).toEqual([{ code: 'reserve_mutation_mismatch', path: 'cover.sources.r.reserve.additions.2025' }]);
    expect(structuralBalance(b).warnings.filter((w) => w.code === 'unknown_line').map((w) => w.id)).toEqual(['r', 't']);
  });

  it('a dropped claimed row (A with A1): unknown_target', () => {
    const b = drop(withAll(), 'A');
    expect(evaluateCover(b).findings.filter((f) => f.code === 'unknown_target').map((f) => [f.claims, f.target])).toEqual([
      [['k1'], 'A1'],
      [['k1'], 'A1'],
      [['k1'], 'A1'],
    ]);
  });
});
