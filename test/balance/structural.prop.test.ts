import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO, budget } from '../../src/index.js';
import { reserveSummaryTable, structuralBalance } from '../../src/balance/index.js';
import { withCover } from '../../src/coverage/index.js';

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

describe('structural balance properties', () => {
  it('structural + incidental = saldo, and the summary saldo is the same begrotingssaldo', () => {
    fc.assert(
      fc.property(input, (m) => {
        let builder = budget({ title: 'p', unit: 'euro', horizon: { from: 2025, to: 2028, budgetYear: 2025 } }).section('1', 's');
        m.lines.forEach((l, i) => {
          builder = builder.line(`L${i}`, `line ${i}`, l.values as never, { nature: l.nature });
        });
        const b = withCover(builder.build(), {
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
        const balance = structuralBalance(b);
        const saldoRow = reserveSummaryTable(b).rows.find((r) => r.id === 'saldo')!;
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
});
