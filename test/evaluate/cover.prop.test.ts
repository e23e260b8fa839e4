import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO, budget, type Budget } from '../../src/index.js';
import { evaluateCover } from '../../src/evaluate/cover.js';
import { withCover } from '../../src/validate/with-cover.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;
const YEARS = [2025, 2026, 2027, 2028];

const amount = fc.integer({ min: -500, max: 500 });
const cell = fc.oneof(amount, fc.constant(null), fc.constant('pm'));
const values = fc.tuple(amount, cell, cell, cell);
const capacity = fc.oneof(
  fc.record({ perYear: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 4, maxLength: 4 }) }),
  fc.record({ total: fc.integer({ min: 0, max: 800 }), from: fc.constantFrom(2025, 2026) }),
  fc.record({ line: fc.constantFrom('D0', 'D1') }),
  fc.constant('unlimited'),
);
const source = fc.record({
  kind: fc.constantFrom('oad', 'windfall', 'third-party', 'reserve'),
  nature: fc.constantFrom('incidental', 'structural'),
  capacity,
  opening: fc.integer({ min: 0, max: 300 }),
  additions: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
  withdrawals: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 4, maxLength: 4 }),
});
const claim = fc.record({
  target: fc.constantFrom('T0', 'T1', 'T2', 'T2#1'),
  source: fc.nat({ max: 3 }),
  extent: fc.oneof(
    fc.constant({}),
    fc.record({ share: fc.constantFrom('0', '0.25', '0.5', '1') }),
    fc.record({ amount: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 4, maxLength: 4 }) }),
  ),
  years: fc.option(fc.subarray(YEARS, { minLength: 1 }), { nil: undefined }),
});

const model = fc.record({
  rows: fc.array(values, { minLength: 6, maxLength: 6 }),
  sources: fc.array(source, { minLength: 1, maxLength: 4 }),
  claims: fc.array(claim, { maxLength: 8 }),
});

type Model = typeof model extends fc.Arbitrary<infer T> ? T : never;

function build(m: Model): Budget {
  const [d0, d1, t0, t1, t2, c] = m.rows as unknown as [unknown[], unknown[], unknown[], unknown[], unknown[], unknown[]];
  const b = budget({ title: 'p', unit: 'euro', horizon: { from: 2025, to: 2028 } })
    .section('1', 's')
    .line('D0', 'donor 0', d0 as never, { nature: 'incidental' })
    .line('D1', 'donor 1', d1 as never, { nature: 'structural' })
    .line('T0', 'target 0', t0 as never, { nature: 'structural' })
    .line('T1', 'target 1', t1 as never, { nature: 'incidental' })
    .line('T2', 'target 2', t2 as never, { nature: 'structural', row: 'amount' })
    .component('part', c as never, { nature: 'incidental' })
    .build({ totals: 'ignore' });
  const sources = m.sources.map((s, i) => {
    const capacityOf = s.kind === 'reserve' && typeof s.capacity !== 'string' && 'line' in s.capacity ? 'balance' : s.capacity;
    return {
      id: `s${i}`,
      title: `source ${i}`,
      kind: s.kind,
      nature: s.nature,
      capacity: s.kind === 'reserve' ? 'balance' : capacityOf,
      ...(s.kind === 'reserve' ? { reserve: { opening: s.opening, additions: s.additions, withdrawals: s.withdrawals } } : {}),
    };
  });
  const claims = m.claims.map((c, i) => ({
    id: `c${i}`,
    target: c.target,
    source: `s${c.source % sources.length}`,
    ...c.extent,
    ...(c.years === undefined ? {} : { years: c.years }),
  }));
  return withCover(b, { sources, claims });
}

describe('cover properties', () => {
  it('covered + uncovered = claimed, per claim and per row, per year', () => {
    fc.assert(
      fc.property(model, (m) => {
        const r = evaluateCover(build(m));
        for (const c of r.claims) for (const y of Object.values(c.years)) expect(y.covered.plus(y.uncovered).eq(y.claimed)).toBe(true);
        for (const row of Object.values(r.rows)) {
          for (const y of Object.values(row.years)) {
            expect(y.covered.plus(y.uncovered).eq(y.claimed)).toBe(true);
            expect(y.claimed.plus(y.unclaimed).eq(y.cost)).toBe(true);
          }
        }
      }),
      { numRuns },
    );
  });

  it('what sources give equals what lines receive', () => {
    fc.assert(
      fc.property(model, (m) => {
        const r = evaluateCover(build(m));
        for (const year of r.years) {
          const given = Object.values(r.sources).reduce((s, x) => s.plus(x.years[year]?.given ?? ZERO), ZERO);
          const received = Object.values(r.rows).reduce((s, x) => s.plus(x.years[year]?.covered ?? ZERO), ZERO);
          const bySource = Object.values(r.rows).reduce((s, x) => Object.values(x.years[year]?.bySource ?? {}).reduce((t, v) => t.plus(v), s), ZERO);
          expect(given.eq(received)).toBe(true);
          expect(given.eq(bySource)).toBe(true);
          expect(given.eq(r.perYear[year]!.given)).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('a source never gives more than it can, and asking more is a finding naming the claims', () => {
    fc.assert(
      fc.property(model, (m) => {
        const r = evaluateCover(build(m));
        for (const s of Object.values(r.sources)) {
          for (const year of r.years) {
            const y = s.years[year]!;
            if (y.available !== undefined) expect(y.given.lte(y.available)).toBe(true);
            expect(y.given.lte(y.claimed)).toBe(true);
            const finding = r.findings.find((f) => f.code === 'over_commitment' && f.source === s.id && f.year === year);
            if (y.available !== undefined && y.claimed.gt(y.available)) {
              expect(finding).toBeDefined();
              expect(finding!.amount.eq(y.claimed.minus(y.given))).toBe(true);
              expect(finding!.claims.length).toBeGreaterThan(0);
            } else expect(finding).toBeUndefined();
          }
        }
      }),
      { numRuns },
    );
  });

  it('a reserve closes at opening + additions - withdrawals, and the next year opens there', () => {
    fc.assert(
      fc.property(model, (m) => {
        const b = build(m);
        const r = evaluateCover(b);
        for (const s of Object.values(r.sources)) {
          if (s.reserve === undefined) continue;
          let previous = b.cover!.sources[s.id]!.reserve!.opening;
          for (const year of r.years) {
            const y = s.reserve[year]!;
            expect(y.opening.eq(previous)).toBe(true);
            expect(y.closing.eq(y.opening.plus(y.additions).minus(y.withdrawals))).toBe(true);
            expect(y.withdrawals.eq(y.plannedWithdrawals.plus(y.claimWithdrawals))).toBe(true);
            expect(r.findings.some((f) => f.code === 'reserve_below_zero' && f.source === s.id && f.year === year)).toBe(y.closing.isNegative() && !y.closing.isZero());
            previous = y.closing;
          }
        }
      }),
      { numRuns },
    );
  });
});
