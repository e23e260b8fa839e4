import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeerjarenError, ZERO, budget, evaluateCover, type Budget, type Table } from '../../src/index.js';
import { reserveSummaryTable } from '../../src/report/balance-tables.js';
import { structuralBalance } from '../../src/evaluate/structural.js';
import { withCover } from '../../src/validate/with-cover.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;
const cell = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constant(null), fc.constant('pm'));
const line = fc.record({ values: fc.tuple(fc.integer({ min: -1000, max: 1000 }), cell, cell, cell), nature: fc.constantFrom('incidental', 'structural') });
const input = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 6 }),
  reserveNature: fc.constantFrom('incidental', 'structural'),
  opening: fc.integer({ min: 0, max: 500 }),
  additions: fc.tuple(fc.nat(200), fc.nat(200), fc.nat(200), fc.nat(200)),
  withdrawals: fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)),
  booked: fc.boolean(),
  claimShare: fc.constantFrom('0', '0.5', '1'),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

/** One section of lines L0.., and a reserve r (its mutations booked in L0 when `booked`) with a share claim on L0. */
function build(m: Input): Budget {
  let builder = budget({ title: 'p', unit: 'euro', horizon: { from: 2025, to: 2028, budgetYear: 2025 } }).section('1', 's');
  m.lines.forEach((l, i) => {
    builder = builder.line(`L${i}`, `line ${i}`, l.values as never, { nature: l.nature });
  });
  return withCover(builder.build(), {
    sources: [
      {
        id: 'r',
        title: 'R',
        kind: 'reserve',
        nature: m.reserveNature,
        reserve: { opening: m.opening, additions: m.additions, withdrawals: m.withdrawals, ...(m.booked ? { bookedIn: 'L0' } : {}) },
      },
    ],
    claims: [{ target: 'L0', source: 'r', share: m.claimShare }],
  });
}

describe('structural balance properties', () => {
  it('structural + incidental = saldo, and the summary saldo is the same begrotingssaldo', () => {
    fc.assert(
      fc.property(input, (m) => {
        const b = build(m);
        const balance = structuralBalance(b);
        // the identity holds also where a booked mutation is not in its line (printed anyway here; see below)
        const saldoRow = reserveSummaryTable(b, { mismatches: 'ignore' }).rows.find((r) => r.id === 'saldo')!;
        balance.years.forEach((year, i) => {
          const y = balance.perYear[year]!;
          expect(y.structural.plus(y.incidental).eq(y.saldo)).toBe(true);
          expect(y.incidentalIncome.plus(y.incidentalExpenses).eq(y.incidental)).toBe(true);
          expect((saldoRow.cells[i]?.amount ?? ZERO).eq(y.saldo)).toBe(true);
        });
      }),
      { numRuns },
    );
  });

  it('a booked mutation that its line does not hold is a finding, a warning and a refusal of the summary; else lasten <= 0 <= baten', () => {
    fc.assert(
      fc.property(input, (m) => {
        const b = build(m);
        // L0 has one cell a year: lasten when negative, baten when positive; a pm year is not checked
        const expected: { code: string; path: string }[] = [];
        const years: number[] = [];
        b.horizon.years.forEach((year, i) => {
          const cell = m.lines[0]!.values[i];
          if (!m.booked || cell === 'pm') return;
          const v = typeof cell === 'number' ? cell : 0;
          const before = expected.length;
          if (m.additions[i]! > Math.max(0, -v)) expected.push({ code: 'reserve_mutation_mismatch', path: `cover.sources.r.reserve.additions.${year}` });
          if (m.withdrawals[i]! > Math.max(0, v)) expected.push({ code: 'reserve_mutation_mismatch', path: `cover.sources.r.reserve.withdrawals.${year}` });
          if (expected.length > before) years.push(year);
        });
        const found = evaluateCover(b).findings.filter((f) => f.code === 'reserve_mutation_mismatch');
        expect(found.map((f) => [f.year, f.source, f.target])).toEqual(years.map((y) => [y, 'r', 'L0']));
        expect(found.every((f) => f.amount.isPositive() && !f.amount.isZero())).toBe(true);
        const warning = structuralBalance(b).warnings.filter((w) => w.code === 'reserve_mutation_mismatch');
        expect(warning.map((w) => [w.id, w.years])).toEqual(years.length === 0 ? [] : [['r', years]]);
        let refused: { code: string; path: string }[] = [];
        let table: Table | undefined;
        try {
          table = reserveSummaryTable(b);
        } catch (e) {
          if (!MeerjarenError.is(e)) throw e;
          refused = e.issues.map((x) => ({ code: x.code, path: x.path }));
        }
        expect(refused).toEqual(expected);
        if (table === undefined) return;
        const rows = table.rows;
        const row = (id: string) => rows.find((r) => r.id === id)!.cells;
        for (const c of row('lasten')) expect(c.amount === undefined || c.amount.isZero() || c.amount.isNegative()).toBe(true);
        for (const c of row('baten')) expect(c.amount === undefined || c.amount.isZero() || c.amount.isPositive()).toBe(true);
      }),
      { numRuns },
    );
  });
});
