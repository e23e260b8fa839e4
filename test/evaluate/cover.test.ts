import { describe, expect, it } from 'vitest';
import { budget, pm } from '../../src/index.js';
import { evaluateCover } from '../../src/evaluate/cover.js';
import { withCover } from '../../src/validate/with-cover.js';
import { seed000Cover, seed000WithCover } from '../../examples/10-seed000-cover.js';
import { issuesOrNone } from '../helpers.js';

const euros = (d: { toFixed(): string } | undefined): string | undefined => d?.toFixed();
const k = (n: number): string => String(n * 1000);

const small = () =>
  budget({ title: 't', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
    .section('1', 'Eén')
    .line('A', 'Kosten A', [-100, -100, -100], { nature: 'structural' })
    .line('B', 'Kosten B', [-50, pm], { nature: 'incidental' })
    .line('W', 'Meevaller', [120], { nature: 'incidental' })
    .build();

describe('seed 000 cover', () => {
  const result = seed000Cover();
  it('covers 1.3 and 2.1 via the OAD', () => {
    expect(euros(result.rows['1.3']?.years['2025']?.covered)).toBe(k(30));
    expect(euros(result.rows['1.3']?.years['2029']?.covered)).toBe(k(50));
    expect(euros(result.rows['2.1']?.years['2029']?.bySource['taakmutatie-smi'])).toBe(k(50));
    expect(euros(result.perYear['2025']?.oadCover)).toBe(k(57));
  });
  it('covers 1.4 from 1.5 in 2025', () => {
    expect(euros(result.rows['1.4']?.years['2025']?.covered)).toBe(k(1100));
    expect(euros(result.sources['werkbudget-wmo']?.years['2025']?.left)).toBe('0');
  });
  it('pays 1.2 and 3.1 from the Ukraine pool with 400 left', () => {
    const pool = result.sources['oekraine']?.years['2025'];
    expect(euros(pool?.available)).toBe(k(2900));
    expect(euros(pool?.given)).toBe(k(2500));
    expect(euros(pool?.left)).toBe(k(400));
    expect(euros(result.rows['1.2']?.years['2025']?.covered)).toBe(k(400));
    expect(euros(result.rows['3.1']?.years['2025']?.covered)).toBe(k(2100));
  });
  it('puts EUR 2,0 mln into the brede bestemmingsreserve', () => {
    const y = result.sources['brede-bestemmingsreserve']?.reserve?.['2025'];
    expect(euros(y?.additions)).toBe('2000000');
    expect(euros(y?.closing)).toBe('2000000');
    expect(euros(result.sources['brede-bestemmingsreserve']?.reserve?.['2031']?.closing)).toBe('2000000');
  });
  it('gives the effect on the general means and no findings', () => {
    expect(euros(result.perYear['2025']?.generalMeans)).toBe(k(-552));
    expect(euros(result.perYear['2029']?.generalMeans)).toBe(k(802));
    expect(result.findings).toEqual([]);
    expect(Object.isFrozen(result.rows)).toBe(true);
  });
  it('keeps the budget frozen and plain', () => {
    const b = seed000WithCover();
    expect(Object.isFrozen(b.cover?.sources)).toBe(true);
    expect(b.cover?.claims.map((c) => c.id)).toEqual(['oad-1.3', 'oad-2.1', 'wmo-1.4', 'oekraine-1.2', 'oekraine-3.1']);
  });
});

describe('evaluateCover', () => {
  it('reports an over-commitment with every claim involved, and leaves the rest uncovered', () => {
    const b = withCover(small(), {
      sources: [{ id: 'pot', title: 'Pot', kind: 'windfall', nature: 'incidental', capacity: { perYear: { 2025: 120 } } }],
      claims: [
        { id: 'a', target: 'A', source: 'pot', years: [2025] },
        { id: 'b', target: 'B', source: 'pot' },
      ],
    });
    const r = evaluateCover(b);
    expect(euros(r.claims[0]?.years['2025']?.covered)).toBe(k(100));
    expect(euros(r.claims[1]?.years['2025']?.covered)).toBe(k(20));
    expect(euros(r.claims[1]?.years['2025']?.uncovered)).toBe(k(30));
    const over = r.findings.filter((f) => f.code === 'over_commitment');
    expect(over).toHaveLength(1);
    expect(over[0]?.claims).toEqual(['a', 'b']);
    expect(euros(over[0]?.amount)).toBe(k(30));
    // A is structural, the pot incidental.
    expect(r.findings.some((f) => f.code === 'structural_on_incidental' && f.target === 'A')).toBe(true);
    // B has a pm in 2026.
    expect(r.findings.some((f) => f.code === 'claim_on_pm' && f.year === 2026)).toBe(true);
  });

  it('uses a total capacity in year order, and a line capacity', () => {
    const b = withCover(small(), {
      sources: [
        { id: 'tot', title: 'Totaal', kind: 'third-party', nature: 'incidental', capacity: { total: 250 } },
        { id: 'w', title: 'W', kind: 'within-programme', nature: 'incidental', capacity: { line: 'W' } },
      ],
      claims: [
        { target: 'A', source: 'tot' },
        { target: 'B', source: 'w', share: '0.5' },
      ],
    });
    const r = evaluateCover(b);
    const tot = r.sources['tot']!.years;
    expect([tot['2025'], tot['2026'], tot['2027']].map((y) => euros(y?.given))).toEqual([k(100), k(100), k(50)]);
    expect(euros(tot['2027']?.left)).toBe('0');
    expect(euros(r.rows['B']?.years['2025']?.covered)).toBe(k(25));
    expect(euros(r.rows['B']?.years['2025']?.unclaimed)).toBe(k(25));
  });

  it('follows a reserve balance and reports it below zero', () => {
    const b = withCover(small(), {
      sources: [{ id: 'r', title: 'Reserve', kind: 'reserve', nature: 'incidental', reserve: { opening: 150, withdrawals: { 2027: 100 } } }],
      claims: [{ target: 'A', source: 'r', amount: { 2025: 100 } }],
    });
    const r = evaluateCover(b);
    const path = r.sources['r']!.reserve!;
    expect(euros(path['2025']?.closing)).toBe(k(50));
    expect(euros(path['2027']?.closing)).toBe(k(-50));
    expect(r.findings.some((f) => f.code === 'reserve_below_zero' && f.year === 2027)).toBe(true);
  });

  it('evaluates a budget without cover to empty results', () => {
    const r = evaluateCover(small());
    expect(r.claims).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe('bad cover input', () => {
  const src = { id: 'p', title: 'P', kind: 'oad', nature: 'structural', capacity: { perYear: [10] } };
  it('a claim on an unknown source', () => {
    expect(issuesOrNone(() => withCover(small(), { sources: [src], claims: [{ target: 'A', source: 'x' }] }))).toEqual([{ code: 'unknown_reference', path: 'cover.claims[0].source' }]);
  });
  it('a claim on an unknown row', () => {
    expect(issuesOrNone(() => withCover(small(), { sources: [src], claims: [{ target: 'Z', source: 'p' }] }))).toEqual([{ code: 'unknown_reference', path: 'cover.claims[0].target' }]);
  });
  it('a negative capacity', () => {
    expect(issuesOrNone(() => withCover(small(), { sources: [{ ...src, capacity: { perYear: { 2026: '-5' } } }] }))).toEqual([
      { code: 'negative_capacity', path: 'cover.sources[0].capacity.perYear.2026' },
    ]);
    expect(issuesOrNone(() => withCover(small(), { sources: [{ ...src, capacity: { total: -5 } }] }))).toEqual([{ code: 'negative_capacity', path: 'cover.sources[0].capacity.total' }]);
  });
  it('a cycle of cover', () => {
    const cover = {
      sources: [
        { id: 'fromA', title: 'A', kind: 'within-programme', nature: 'incidental', capacity: { line: 'A' } },
        { id: 'fromB', title: 'B', kind: 'within-programme', nature: 'incidental', capacity: { line: 'B' } },
      ],
      claims: [
        { target: 'B', source: 'fromA' },
        { target: 'A', source: 'fromB' },
      ],
    };
    const found = issuesOrNone(() => withCover(small(), cover));
    expect(found).toHaveLength(1);
    expect(found[0]?.code).toBe('cycle');
    expect(found[0]?.path).toMatch(/^cover\.claims\[[01]\]$/);
    expect(issuesOrNone(() => withCover(small(), { sources: [cover.sources[0]], claims: [{ target: 'A', source: 'fromA' }] }))).toEqual([{ code: 'cycle', path: 'cover.claims[0]' }]);
  });
  it('a share above 1, a reserve without balance, unknown fields, duplicate ids: all at once', () => {
    const found = issuesOrNone(() =>
      withCover(small(), {
        sources: [src, { ...src }, { id: 'r', title: 'R', kind: 'reserve', nature: 'incidental' }],
        claims: [{ target: 'A', source: 'p', share: '1.5', colour: 'red' }],
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'duplicate_id', path: 'cover.sources[1].id' },
        { code: 'missing_field', path: 'cover.sources[2].reserve' },
        { code: 'unknown_field', path: 'cover.claims[0].colour' },
        { code: 'invalid_share', path: 'cover.claims[0].share' },
      ]),
    );
  });
});
