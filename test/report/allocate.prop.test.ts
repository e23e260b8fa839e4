import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, ZERO, type Decimal, type RoundingMode } from '../../src/core/decimal.js';
import { allocateRounded, roundTable, roundToStep } from '../../src/report/allocate.js';
import type { Table, TableCell, TableRow } from '../../src/report/table.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;
const MODES: RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceil'];
const SYMMETRIC: RoundingMode[] = ['half-up', 'half-even', 'down', 'up'];
const STEPS = ['0.01', '0.05', '0.25', '1', '3', '10', '1000', '1000000'].map((x) => new Dec(x));

/**
 * Amounts in cents up to about EUR 10 bn, any sign; plus quarters of 1 and of 1000, so that
 * ties (x,5) and exact multiples come up often; plus zero.
 */
const amountArb = fc.oneof(
  fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((c) => new Dec(c.toString()).div(100)),
  fc.integer({ min: -40, max: 40 }).map((k) => new Dec(k).div(4)),
  fc.integer({ min: -40, max: 40 }).map((k) => new Dec(k).mul(250)),
  fc.constant(ZERO),
);
const sum = (xs: readonly Decimal[]): Decimal => xs.reduce((a, b) => a.add(b), ZERO);

describe('allocateRounded properties', () => {
  const input = fc.record({
    parts: fc.array(amountArb, { maxLength: 12 }),
    step: fc.constantFrom(...STEPS),
    mode: fc.constantFrom(...MODES),
  });

  it('rounded parts add up to the rounded total, each a multiple of the step within one step of its value', () => {
    fc.assert(
      fc.property(input, ({ parts, step, mode }) => {
        const total = sum(parts);
        const out = allocateRounded(parts, total, step, mode);
        expect(sum(out).eq(roundToStep(total, step, mode))).toBe(true);
        out.forEach((v, i) => {
          expect(v.mod(step).isZero()).toBe(true);
          expect(v.sub(parts[i] as Decimal).abs().lt(step)).toBe(true);
        });
      }),
      { numRuns },
    );
  });

  it('mirror symmetry: negating every input negates every output', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...SYMMETRIC), ({ parts, step }, mode) => {
        const out = allocateRounded(parts, sum(parts), step, mode);
        const mirrored = allocateRounded(
          parts.map((p) => p.neg()),
          sum(parts).neg(),
          step,
          mode,
        );
        expect(mirrored.map((v) => v.toFixed())).toEqual(out.map((v) => v.neg().toFixed()));
      }),
      { numRuns },
    );
  });

  it('parts of one sign: the largest-remainder method, ties to the lowest index', () => {
    /** Reference: floor the absolute values, hand the remaining steps to the largest remainders. */
    const hamilton = (parts: readonly Decimal[], step: Decimal, mode: RoundingMode): string[] => {
      const sign = parts.some((p) => p.isNegative() && !p.isZero()) ? -1 : 1;
      const abs = parts.map((p) => p.abs());
      const floors = abs.map((p) => p.div(step).floor().mul(step));
      const target = roundToStep(sum(parts), step, mode).abs();
      let k = target.sub(sum(floors)).div(step).toNumber();
      const order = abs.map((p, i) => ({ i, r: p.sub(floors[i] as Decimal) })).sort((a, b) => b.r.cmp(a.r) || a.i - b.i);
      for (const { i } of order) if (k-- > 0) floors[i] = (floors[i] as Decimal).add(step);
      return floors.map((f) => (f.isZero() ? '0' : f.mul(sign).toFixed()));
    };
    const oneSign = fc
      .record({ parts: fc.array(amountArb.map((a) => a.abs()), { maxLength: 12 }), negative: fc.boolean() })
      .map(({ parts, negative }) => (negative ? parts.map((p) => p.neg()) : parts));
    // half-even is left out: its own rounding sends an exact half to the even neighbour first
    const modes = MODES.filter((m) => m !== 'half-even');
    fc.assert(
      fc.property(oneSign, fc.constantFrom(...STEPS), fc.constantFrom(...modes), (parts, step, mode) => {
        const out = allocateRounded(parts, sum(parts), step, mode).map((v) => v.toFixed());
        expect(out).toEqual(hamilton(parts, step, mode));
      }),
      { numRuns },
    );
  });

  it('fixed parts and exact multiples stay unchanged; the rest still within one step', () => {
    const withFixed = fc
      .record({
        parts: fc.array(fc.tuple(amountArb, fc.boolean(), fc.integer({ min: -20, max: 20 })), { maxLength: 12 }),
        step: fc.constantFrom(...STEPS),
        mode: fc.constantFrom(...MODES),
      })
      .map(({ parts, step, mode }) => ({
        // a fixed part is a multiple of the step (a pm or nil counts as 0, a settled figure is rounded already)
        parts: parts.map(([value, fixed, k]) => (fixed ? new Dec(k).mul(step) : value)),
        fixed: parts.map(([, fixed]) => fixed),
        step,
        mode,
      }));
    fc.assert(
      fc.property(withFixed, ({ parts, fixed, step, mode }) => {
        const out = allocateRounded(parts, sum(parts), step, mode, { fixed });
        expect(sum(out).eq(roundToStep(sum(parts), step, mode))).toBe(true);
        out.forEach((v, i) => {
          const part = parts[i] as Decimal;
          if (fixed[i] === true || part.mod(step).isZero()) expect(v.eq(part)).toBe(true);
          else expect(v.sub(part).abs().lt(step)).toBe(true);
        });
      }),
      { numRuns },
    );
  });
});

/** Random tables: sections of lines (some pm, some nil), optional subtotals, a grand total. */
const tableArb = fc
  .record({
    columns: fc.integer({ min: 1, max: 3 }),
    sections: fc.array(fc.record({ lines: fc.integer({ min: 1, max: 5 }), subtotal: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    cells: fc.array(fc.oneof({ weight: 6, arbitrary: amountArb }, { weight: 1, arbitrary: fc.constantFrom('pm' as const, null) }), {
      minLength: 60,
      maxLength: 60,
    }),
  })
  .map(({ columns, sections, cells }): Table => {
    let n = 0;
    const next = (): TableCell => {
      const v = cells[n++ % cells.length];
      if (v === null || v === undefined) return { amount: undefined, pm: false };
      if (v === 'pm') return { amount: undefined, pm: true };
      return { amount: v, pm: false };
    };
    const rows: TableRow[] = [];
    const sumRow = (id: string, kind: 'subtotal' | 'total', of: string[]): TableRow => {
      const parts = rows.filter((r) => of.includes(r.id));
      const cellsOf = Array.from({ length: columns }, (_, c): TableCell => ({
        amount: sum(parts.map((r) => r.cells[c]?.amount ?? ZERO)),
        pm: parts.some((r) => r.cells[c]?.pm === true),
      }));
      return { id, label: id, kind, depth: 0, cells: cellsOf, of };
    };
    const top: string[] = [];
    sections.forEach((section, s) => {
      const ids = Array.from({ length: section.lines }, (_, l) => `${s}.${l}`);
      for (const id of ids) rows.push({ id, label: id, kind: 'line', depth: 1, cells: Array.from({ length: columns }, next) });
      if (section.subtotal) {
        rows.push(sumRow(`sub${s}`, 'subtotal', ids));
        top.push(`sub${s}`);
      } else top.push(...ids);
    });
    rows.push(sumRow('total', 'total', top));
    return { title: 'random', columns: Array.from({ length: columns }, (_, c) => ({ key: `${c}`, label: `${c}` })), rows };
  });

describe('roundTable properties', () => {
  const presentation = fc.record({
    unit: fc.constantFrom('euro' as const, 'thousand' as const, 'million' as const),
    decimals: fc.integer({ min: 0, max: 2 }),
    roundingMode: fc.constantFrom(...MODES),
  });

  it('consistent: every total equals the sum of its printed parts; every figure within one step; pm and nil kept', () => {
    fc.assert(
      fc.property(tableArb, presentation, (table, p) => {
        const rounded = roundTable(table, p);
        expect(rounded.differences).toEqual([]);
        rounded.rows.forEach((row, r) => {
          const source = table.rows[r] as TableRow;
          row.cells.forEach((cell, c) => {
            const exact = source.cells[c] as TableCell;
            expect(cell.pm).toBe(exact.pm);
            if (exact.amount === undefined) return expect(cell.amount).toBeUndefined();
            expect(cell.amount?.mod(rounded.step).isZero()).toBe(true);
            expect(cell.amount?.sub(exact.amount).abs().lt(rounded.step)).toBe(true);
          });
          if (row.of === undefined) return;
          row.cells.forEach((cell, c) => {
            const parts = rounded.rows.filter((x) => row.of?.includes(x.id)).map((x) => x.cells[c]?.amount ?? ZERO);
            expect((cell.amount ?? ZERO).eq(sum(parts))).toBe(true);
          });
        });
      }),
      { numRuns },
    );
  });

  it('plain: each figure is its own rounding, and total = parts + afrondingsverschil', () => {
    fc.assert(
      fc.property(tableArb, presentation, (table, p) => {
        const rounded = roundTable(table, { ...p, rounding: 'plain' });
        const byId = new Map(rounded.rows.map((row) => [row.id, row]));
        for (const source of table.rows) {
          const row = byId.get(source.id) as TableRow;
          row.cells.forEach((cell, c) => {
            const exact = source.cells[c]?.amount;
            expect(cell.amount?.toFixed()).toBe(exact === undefined ? undefined : roundToStep(exact, rounded.step, p.roundingMode).toFixed());
          });
          if (source.of === undefined) continue;
          const diff = byId.get(`${source.id}.afrondingsverschil`);
          row.cells.forEach((cell, c) => {
            const parts = sum(source.of?.map((id) => byId.get(id)?.cells[c]?.amount ?? ZERO) ?? []);
            const d = diff?.cells[c]?.amount ?? ZERO;
            expect((cell.amount ?? ZERO).eq(parts.add(d))).toBe(true);
            expect(d.isZero()).toBe(diff?.cells[c]?.amount === undefined);
          });
        }
      }),
      { numRuns },
    );
  });
});
