import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO, budget, type Budget, type Decimal } from '../../src/index.js';
import { evaluateCover } from '../../src/evaluate/cover.js';
import { withCover } from '../../src/validate/with-cover.js';
import { evaluateTargets } from '../../src/evaluate/targets.js';
import { withTargets } from '../../src/validate/with-targets.js';
import { monteCarlo, type UncertainInput } from '../../src/uncertainty/index.js';

// Each run loads and evaluates several budgets (~5 ms): 300 runs keep this file near 3 s; MEERJAREN_DEEP runs 100,000.
const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 300;
const YEARS = [2025, 2026, 2027, 2028];
const H = { from: 2025, to: 2028 };

// ---------------------------------------------------------------------------------------------
// Savings: a measure's drawn realisation rate equals evaluateTargets with that rate as the measure's realisation

const yearAmounts = fc.array(fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }), { minLength: 4, maxLength: 4 });
const realisation = fc.oneof(
  fc.constant<unknown>('as-planned'),
  fc.constant<unknown>('none'),
  fc.integer({ min: 0, max: 100 }).map((p) => ({ rate: (p / 100).toFixed(2) })),
  fc.integer({ min: 1, max: 2 }).map((delay) => ({ delay })),
);
const measureModel = fc.record({ planned: yearAmounts, realisation, drawn: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }) });
const targetModel = fc.record({
  path: fc.array(fc.oneof(fc.integer({ min: 0, max: 12000 }).map(String), fc.constant('pm')), { minLength: 4, maxLength: 4 }),
  measures: fc.array(measureModel, { minLength: 1, maxLength: 4 }),
});

type MeasureModel = typeof measureModel extends fc.Arbitrary<infer T> ? T : never;
/** A drawn measure needs a planned year (else its input changes nothing: no_cells). */
const isDrawn = (m: MeasureModel): boolean => m.drawn !== undefined && m.planned.some((v) => v !== undefined);

const byYear = (values: readonly (number | undefined)[]): Record<string, string> => {
  const out: Record<string, string> = {};
  values.forEach((v, i) => {
    if (v !== undefined) out[String(YEARS[i])] = String(v);
  });
  return out;
};

function savingsBudget(targets: readonly (typeof targetModel extends fc.Arbitrary<infer T> ? T : never)[], drawnAsRealisation: boolean): Budget {
  const table = budget({ title: 't', unit: 'euro', horizon: H }).section('1', 's').line('a', 'a', [1, 2, 3, 4], { nature: 'structural' }).build();
  return withTargets(
    table,
    targets.map((t, ti) => ({
      id: `t${ti}`,
      title: `target ${ti}`,
      unit: 'euro',
      path: Object.fromEntries(t.path.map((p, i) => [String(YEARS[i]), p])),
      measures: t.measures.map((m, mi) => ({
        id: `m${mi}`,
        title: `measure ${mi}`,
        status: 'decided',
        planned: byYear(m.planned),
        realisation: drawnAsRealisation && isDrawn(m) ? { rate: (m.drawn! / 100).toFixed(2), abovePlan: true } : m.realisation,
      })),
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Cover: drawn capacities (and a drawn amount on a claimed row) equal evaluateCover on the budget so changed

const amount = fc.integer({ min: -500, max: 500 });
const cell = fc.oneof(amount, fc.constant(null), fc.constant('pm'));
const rowValues = fc.tuple(amount, cell, cell, cell);
const capacity = fc.oneof(
  fc.record({ perYear: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 4, maxLength: 4 }) }),
  fc.record({ total: fc.integer({ min: 0, max: 800 }), from: fc.constantFrom(2025, 2026) }),
  fc.record({ line: fc.constantFrom('D0', 'D1') }),
  fc.constant('unlimited'),
);
const sourceModel = fc.record({
  kind: fc.constantFrom('oad', 'windfall', 'third-party', 'reserve'),
  nature: fc.constantFrom('incidental', 'structural'),
  capacity,
  reserveCapacity: fc.boolean(),
  opening: fc.integer({ min: 0, max: 300 }),
  additions: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
  withdrawals: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 4, maxLength: 4 }),
  drawn: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
});
const claimModel = fc.record({
  target: fc.constantFrom('T0', 'T1', 'T2', 'T2#1'),
  source: fc.nat({ max: 3 }),
  extent: fc.oneof(
    fc.constant({}),
    fc.constant({}),
    fc.record({ share: fc.constantFrom('0', '0.25', '0.5', '1') }),
    fc.record({ amount: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 4, maxLength: 4 }) }),
  ),
  years: fc.option(fc.subarray(YEARS, { minLength: 1 }), { nil: undefined }),
});
const coverModel = fc.record({
  rows: fc.array(rowValues, { minLength: 6, maxLength: 6 }),
  sources: fc.array(sourceModel, { minLength: 1, maxLength: 4 }),
  claims: fc.array(claimModel, { maxLength: 8 }),
  moved: fc.record({ row: fc.constantFrom(0, 1, 2, 3), year: fc.constantFrom(...YEARS), value: fc.integer({ min: -800, max: 800 }) }),
});
type CoverModel = typeof coverModel extends fc.Arbitrary<infer T> ? T : never;
const ROW_IDS = ['D0', 'D1', 'T0', 'T1'];

function coverBudget(m: CoverModel, replaced: boolean, moveRow: boolean): Budget {
  const rows = m.rows.map((r) => [...r]) as unknown[][];
  if (moveRow) rows[m.moved.row]![YEARS.indexOf(m.moved.year)] = m.moved.value;
  const b = budget({ title: 'p', unit: 'euro', horizon: H })
    .section('1', 's')
    .line('D0', 'donor 0', rows[0] as never, { nature: 'incidental' })
    .line('D1', 'donor 1', rows[1] as never, { nature: 'structural' })
    .line('T0', 'target 0', rows[2] as never, { nature: 'structural' })
    .line('T1', 'target 1', rows[3] as never, { nature: 'incidental' })
    .line('T2', 'target 2', rows[4] as never, { nature: 'structural', row: 'amount' })
    .component('part', rows[5] as never, { nature: 'incidental' })
    .build({ totals: 'ignore' });
  const sources = m.sources.map((s, i) => {
    let cap: unknown = s.capacity;
    if (replaced && s.drawn !== undefined && typeof cap === 'object' && cap !== null) {
      if ('perYear' in cap) cap = { perYear: [s.drawn, s.drawn, s.drawn, s.drawn] };
      else if ('total' in cap) cap = { ...cap, total: s.drawn };
    }
    const drawable = typeof s.capacity === 'object' && !('line' in s.capacity);
    return {
      id: `s${i}`,
      title: `source ${i}`,
      kind: s.kind,
      nature: s.nature,
      capacity: s.kind === 'reserve' ? (s.reserveCapacity && drawable ? cap : 'balance') : cap,
      ...(s.kind === 'reserve' ? { reserve: { opening: s.opening, additions: s.additions, withdrawals: s.withdrawals } } : {}),
    };
  });
  const claims = m.claims.map((c, i) => ({ id: `c${i}`, target: c.target, source: `s${c.source % sources.length}`, ...c.extent, ...(c.years === undefined ? {} : { years: c.years }) }));
  return withCover(b, { sources, claims });
}

const uncoveredOf = (b: Budget, year: number): Decimal => evaluateCover(b).claims.reduce((sum, c) => sum.plus(c.years[String(year)]?.uncovered ?? ZERO), ZERO);

describe('Monte Carlo on savings measures and cover capacities: fixed distributions give the deterministic result', () => {
  it('a measure with a fixed realisation rate gives evaluateTargets exactly (realised, gap, met)', () => {
    fc.assert(
      fc.property(fc.array(targetModel, { minLength: 1, maxLength: 3 }), (targets) => {
        const inputs: UncertainInput[] = targets.flatMap((t, ti) =>
          t.measures.flatMap((m, mi) =>
            !isDrawn(m) ? [] : [{ id: `t${ti}.m${mi}`, kind: 'measure' as const, target: `t${ti}`, measure: `m${mi}`, distribution: { kind: 'fixed' as const, value: (m.drawn! / 100).toFixed(2) } }],
          ),
        );
        const expected = evaluateTargets(savingsBudget(targets, true));
        const withoutDraws = evaluateTargets(savingsBudget(targets, false));
        const result = monteCarlo(savingsBudget(targets, false), { inputs, draws: 3, seed: 7, savings: true });
        expect(result.savings.map((s) => s.id)).toEqual(Object.keys(expected.targets));
        for (const s of result.savings) {
          const e = expected.targets[s.id]!;
          for (const year of result.years) {
            const y = e.years[year]!;
            expect(s.realised[year]!.min.eq(y.realised) && s.realised[year]!.max.eq(y.realised)).toBe(true);
            expect(s.gap[year]!.percentiles['p50']!.eq(y.gap)).toBe(true);
            expect(s.gap[year]!.mean.eq(y.gap)).toBe(true);
            expect(s.target[year]!.eq(y.target)).toBe(true);
            expect(s.probabilityMet[year]).toBe(y.gap.lte(0) ? 1 : 0);
          }
        }
        // and with no inputs at all, the base realisations
        const plain = monteCarlo(savingsBudget(targets, false), { inputs: [], draws: 1, savings: true });
        for (const s of plain.savings) for (const year of plain.years) expect(s.gap[year]!.mean.eq(withoutDraws.targets[s.id]!.years[year]!.gap)).toBe(true);
      }),
      { numRuns },
    );
  });

  it('fixed capacities (per-year, total, reserves) and a fixed amount on a claimed row give evaluateCover exactly', () => {
    fc.assert(
      fc.property(coverModel, (m) => {
        const shareTargets = new Set<string>(m.claims.filter((c) => 'share' in c.extent).map((c) => c.target));
        const moveRow = !shareTargets.has(ROW_IDS[m.moved.row]!);
        const inputs: UncertainInput[] = [];
        m.sources.forEach((s, i) => {
          const drawable = typeof s.capacity === 'object' && !('line' in s.capacity) && (s.kind !== 'reserve' || s.reserveCapacity);
          if (drawable && s.drawn !== undefined) inputs.push({ id: `s${i}`, kind: 'capacity', source: `s${i}`, distribution: { kind: 'fixed', value: String(s.drawn) } });
        });
        if (moveRow) inputs.push({ id: 'moved', kind: 'amount', rows: [ROW_IDS[m.moved.row]!], years: [m.moved.year], distribution: { kind: 'fixed', value: String(m.moved.value) } });
        const changed = coverBudget(m, true, moveRow);
        const result = monteCarlo(coverBudget(m, false, false), { inputs, draws: 2, seed: 3, cover: true });
        for (const year of YEARS) {
          const expected = uncoveredOf(changed, year);
          const u = result.cover!.uncovered[String(year)]!;
          expect(u.min.eq(expected) && u.max.eq(expected)).toBe(true);
          expect(result.cover!.probabilityCovered[String(year)]).toBe(expected.isZero() ? 1 : 0);
        }
      }),
      { numRuns },
    );
  });
});
