import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, lineTotalUnits, MeerjarenError, type Budget } from '../../src/index.js';
import { unitsToDecimal } from '../../src/engine/index.js';
import { budgetArb } from '../engine/arbitraries.js';
import { seedBudget } from '../helpers.js';

const fresh = (): Budget => seedBudget('seed000-tb1.json');

describe('evaluate: a view whose lazy parts are frozen and the same on every read', () => {
  it('gives the same frozen line results on every read, shared between lines and sections', () => {
    const e = evaluate(fresh());
    expect(Object.isFrozen(e)).toBe(true);
    const sections = e.sections;
    expect(Object.isFrozen(sections[0]!)).toBe(true);
    const first = sections[0]!.lines;
    expect(Object.isFrozen(first)).toBe(true);
    expect(sections[0]!.lines).toBe(first);
    expect(Object.isFrozen(e.lines)).toBe(true);
    expect(e.lines).toBe(e.lines);
    expect(e.lines[first[0]!.id]).toBe(first[0]);
    expect(Object.isFrozen(e.checks)).toBe(true);
    expect(e.checks).toBe(e.checks);
    expect(Object.keys(e)).toEqual(['years', 'sections', 'lines', 'total', 'checks']);
    expect(Object.keys(sections[0]!)).toEqual(['id', 'title', 'lines', 'totals']);
  });

  it('refuses lineTotalUnits of a value that is not a result of evaluate', () => {
    const e = evaluate(fresh());
    expect(() => lineTotalUnits({ ...e })).toThrow(MeerjarenError);
    expect(() => lineTotalUnits(null as never)).toThrow(MeerjarenError);
  });

  it('lineTotalUnits gives every line total exactly as the line results do', () => {
    fc.assert(
      fc.property(budgetArb({ huge: true }), (budget) => {
        const e = evaluate(budget);
        const u = lineTotalUnits(e);
        expect(u.years).toEqual(e.years);
        expect(u.lineIds).toEqual(e.sections.flatMap((s) => s.lines.map((l) => l.id)));
        const Y = u.years.length;
        u.lineIds.forEach((id, l) => {
          u.years.forEach((year, y) => {
            const total = e.lines[id]!.totals[String(year)]!;
            const i = l * Y + y;
            expect(unitsToDecimal(u.amount[i]!, u.decimals).eq(total.amount)).toBe(true);
            expect(unitsToDecimal(u.structural[i]!, u.decimals).eq(total.structural)).toBe(true);
            expect(unitsToDecimal(u.incidental[i]!, u.decimals).eq(total.incidental)).toBe(true);
            expect(u.filled[i] === 0).toBe(total.empty);
            expect(u.pm[i]! > 0).toBe(total.pm.length > 0);
          });
        });
      }),
      { numRuns: 60 },
    );
  });
});
