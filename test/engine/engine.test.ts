import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, MeerjarenError, budget, pm, roundTo, type RoundingMode } from '../../src/index.js';
import { applyRate, applyRatio, compileBudget, createEngine, divRound, divRoundBig, indexFactor, rateOf } from '../../src/engine/index.js';
import { budgetArb } from './arbitraries.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;
const MODES: RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceil'];

const small = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2028 } })
  .section('1', 'S')
  .line('1.1', 'a', ['10.25', pm, 5], { nature: 'structural', row: 'amount' })
  .component('c', [1, 2, 3])
  .line('1.2', 'b', [-3, null, '0.5'], { nature: 'incidental' })
  .build();

describe('compileBudget', () => {
  it('chooses the unit from the decimals in use, at least cents', () => {
    expect(compileBudget(small).decimals).toBe(2);
    expect(compileBudget(small, { minDecimals: 0 }).decimals).toBe(2);
    const micro = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2026 } }).section('1', 'S').line('1', 'a', ['0.000001'], { nature: 'structural' }).build();
    expect(compileBudget(micro).decimals).toBe(6);
  });

  it('falls back to BigInt when the sum of absolute values can pass 2^53 units, and never loses a unit', () => {
    const huge = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('1', 'a', ['90000000000000.01'], { nature: 'structural' })
      .line('2', 'b', ['90000000000000.02'], { nature: 'structural' })
      .line('3', 'c', ['-0.01'], { nature: 'incidental' })
      .build();
    const compiled = compileBudget(huge);
    expect(compiled.wide).toBe(true);
    const engine = createEngine(compiled);
    expect(engine.total('table', 0, 0).amount.toFixed()).toBe('180000000000000.02');
    expect(engine.total('table', 0, 0).structural.toFixed()).toBe('180000000000000.03');
  });

  it('fails with engine_overflow when float is forced on a budget too large for it', () => {
    const huge = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2026 } }).section('1', 'S').line('1', 'a', ['100000000000000'], { nature: 'structural' }).build();
    try {
      compileBudget(huge, { arithmetic: 'float' });
      expect.unreachable();
    } catch (error) {
      expect(MeerjarenError.is(error) && error.code).toBe('engine_overflow');
    }
  });

  it('rejects a bad minDecimals with a path', () => {
    expect(() => compileBudget(small, { minDecimals: 7 })).toThrow(MeerjarenError);
  });
});

describe('Engine', () => {
  it('totals lines, sections and the table, split structural / incidental, with pm and empty', () => {
    const engine = createEngine(compileBudget(small));
    const t = engine.total('table', 0, 1);
    expect(t.amount.toFixed()).toBe('2');
    expect(t.pm).toEqual(['1.1']);
    expect(engine.total('line', 1, 1).empty).toBe(true);
    expect(engine.total('table', 0, 2).structural.toFixed()).toBe('8');
    expect(engine.total('table', 0, 2).incidental.toFixed()).toBe('0.5');
  });

  it('incremental updates equal a full recompute (random budgets and changes)', () => {
    const change = fc.record({ kind: fc.constantFrom('amount', 'pm', 'clear'), row: fc.nat(), year: fc.nat(), units: fc.integer({ min: -1e12, max: 1e12 }) });
    fc.assert(
      fc.property(budgetArb(), fc.array(change, { maxLength: 20 }), (b, changes) => {
        const compiled = compileBudget(b);
        const engine = createEngine(compiled);
        for (const c of changes) {
          const row = c.row % compiled.rowCount;
          const y = c.year % compiled.yearCount;
          if (c.kind === 'amount') engine.setAmount(row, y, compiled.wide ? BigInt(c.units) : c.units);
          else if (c.kind === 'pm') engine.setPm(row, y);
          else engine.clear(row, y);
        }
        const snapshot = (e: typeof engine): unknown[] =>
          compiled.years.flatMap((_, y) => [
            engine.total('table', 0, y),
            ...compiled.sectionIds.map((_, s) => e.total('section', s, y)),
            ...compiled.lineIds.map((_, l) => e.total('line', l, y)),
          ]).map((t) => ({ ...t, amount: t.amount.toFixed(), structural: t.structural.toFixed(), incidental: t.incidental.toFixed() }));
        const incremental = snapshot(engine);
        engine.recount().evaluate();
        expect(snapshot(engine)).toEqual(incremental);
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });

  it('line totals read before, between or after changes agree, and the compiled cells stay as they were', () => {
    // an engine shares the compiled cells until its first change and builds line totals on their first read:
    // reading a line early makes every later change update it incrementally, reading it late builds it then
    const step = fc.oneof(
      fc.record({ kind: fc.constantFrom('amount', 'pm', 'clear'), row: fc.nat(), year: fc.nat(), units: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.constant(9_007_199_254_740_991)) }),
      fc.record({ kind: fc.constant('read' as const), row: fc.nat(), year: fc.nat(), units: fc.constant(0) }),
    );
    fc.assert(
      fc.property(budgetArb(), fc.array(step, { maxLength: 20 }), (b, steps) => {
        const compiled = compileBudget(b);
        const units = Array.from(compiled.units);
        const flags = Array.from(compiled.flags);
        const reading = createEngine(compiled);
        const late = createEngine(compiled);
        const lineTotals = (e: ReturnType<typeof createEngine>): unknown[] =>
          compiled.years.flatMap((_, y) => [
            e.total('table', 0, y),
            ...compiled.sectionIds.map((_, s) => e.total('section', s, y)),
            ...compiled.lineIds.map((_, l) => e.total('line', l, y)),
          ]).map((t) => ({ ...t, amount: t.amount.toFixed(), structural: t.structural.toFixed(), incidental: t.incidental.toFixed() }));
        for (const st of steps) {
          const row = st.row % compiled.rowCount;
          const y = st.year % compiled.yearCount;
          if (st.kind === 'read') {
            reading.total('line', compiled.rowLine[row]!, y);
            continue;
          }
          for (const e of [reading, late]) {
            if (st.kind === 'amount') e.setAmount(row, y, e.wide ? BigInt(st.units) : st.units);
            else if (st.kind === 'pm') e.setPm(row, y);
            else e.clear(row, y);
          }
        }
        expect(lineTotals(reading)).toEqual(lineTotals(late));
        expect(reading.lineUnits()).toEqual(late.lineUnits());
        expect(Array.from(compiled.units)).toEqual(units);
        expect(Array.from(compiled.flags)).toEqual(flags);
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });

  it('switches to BigInt when a change could pass 2^53 units', () => {
    const engine = createEngine(compileBudget(small));
    expect(engine.wide).toBe(false);
    engine.setAmount(0, 0, 9_007_199_254_740_991);
    engine.setAmount(1, 0, 9_007_199_254_740_991);
    expect(engine.wide).toBe(true);
    expect(engine.total('table', 0, 0).amount.toFixed()).toBe('180143985094816.82');
  });

  it('scale applies a rate with one rounding', () => {
    const engine = createEngine(compileBudget(small));
    engine.scale(0, 0, rateOf('0.5')); // 10.25 * 0.5 = 5.125 -> 5.13 half-up
    expect(engine.total('row', 0, 0).amount.toFixed()).toBe('5.13');
  });
});

describe('rates', () => {
  it('divRound and divRoundBig round like decimal.js in every mode', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(...MODES), (n, d, mode) => {
        const expected = roundTo(new Dec(n).div(d), 0, mode).toFixed();
        expect(String(divRound(n, d, mode))).toBe(expected);
        expect(divRoundBig(BigInt(n), BigInt(d), mode).toString()).toBe(expected);
      }),
      { numRuns },
    );
  });

  it('applyRate and applyRatio are exact also past 2^53 (BigInt inside)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9e15, max: 9e15 }), fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom(...MODES), (units, ppm, mode) => {
        const expected = roundTo(new Dec(units).times(ppm).div(1_000_000), 0, mode);
        const viaRate = applyRate(units, rateOf(new Dec(ppm).div(1_000_000)), mode);
        expect(String(viaRate)).toBe(expected.toFixed());
        if (expected.abs().lte(Number.MAX_SAFE_INTEGER)) expect(String(applyRatio(units, ppm, 1_000_000, mode))).toBe(expected.toFixed());
      }),
      { numRuns },
    );
  });

  it('indexFactor compounds exactly', () => {
    const f = indexFactor(rateOf('2.5'), 2); // 1.025^2 = 1.050625
    expect(new Dec(f.num.toString()).div(f.den.toString()).toFixed()).toBe('1.050625');
    expect(applyRate(100_000, f, 'half-up')).toBe(105_063);
  });
});
