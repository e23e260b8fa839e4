import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, accountsTable, applyScenario, budgetCourse, compareActuals, courseTable, evaluate, forecast, roundTable, versionSeries, type Budget, type Table } from 'meerjaren';
import { actualsArb, budgetArb, versionSeriesArb } from 'meerjaren/testing';
import { ownValue } from '../../src/core/records.js';

/** Every line's total per year, in euros and pm posts, as text: what "exactly the same budget" means per line and year. */
function figures(b: Budget): Record<string, string> {
  const e = evaluate(b);
  const out: Record<string, string> = {};
  for (const s of e.sections) {
    for (const l of s.lines) for (const y of b.horizon.years) out[`${s.id}/${l.id}/${y}`] = `${l.totals[y]!.amount.toFixed()} ${l.totals[y]!.structural.toFixed()} ${l.totals[y]!.pm.length}`;
  }
  return out;
}

/** Every total of a rounded table is the sum of its printed parts plus the afrondingsverschil row after it. */
function addsUp(t: Table, rounding: 'consistent' | 'plain'): void {
  const r = roundTable(t, { unit: 'thousand', rounding });
  const byId = new Map(r.rows.map((row) => [row.id, row]));
  r.rows.forEach((row, i) => {
    if (row.of === undefined) return;
    const next = r.rows[i + 1];
    const difference = next?.kind === 'rounding' ? next : undefined;
    if (rounding === 'consistent') expect(difference).toBeUndefined();
    row.cells.forEach((cell, c) => {
      const parts = row.of!.reduce((acc, id) => acc.plus(byId.get(id)!.cells[c]!.amount ?? 0), new Dec(0)).plus(difference?.cells[c]!.amount ?? 0);
      expect(parts.eq(cell.amount ?? 0)).toBe(true);
    });
  });
}

const small = { maxYears: 4, maxSections: 2, maxLines: 3, maxComponents: 2, maxMicros: 1_000_000_000_000_000n };

describe('P&C cycle properties', () => {
  it('replaying each version\'s mutations on the version before gives the next exactly; an omitted budget is the replay', () => {
    fc.assert(
      fc.property(versionSeriesArb({ maxSteps: 3, budget: small }), ({ versions, budgets }) => {
        const s = versionSeries(versions);
        expect(s.findings).toEqual([]);
        expect(s.versions).toHaveLength(budgets.length);
        s.versions.forEach((v, k) => expect(figures(v.budget)).toEqual(figures(budgets[k]!)));
        s.steps.forEach((step, k) => expect(step.replay?.derived).toBe(versions[k + 1]!.budget === undefined));
      }),
      { numRuns: 40 },
    );
  });

  it('a version that differs from its mutations in one cell is a finding at that line and year, with both figures', () => {
    const arb = versionSeriesArb({ maxSteps: 1, omitBudgets: false, budget: small }).filter((x) => x.versions.length === 2 && x.budgets[1]!.sections.some((s) => s.lines.length > 0));
    fc.assert(
      fc.property(arb, fc.nat(), fc.nat(), ({ versions, budgets }, pickLine, pickYear) => {
        const next = budgets[1]!;
        const lines = next.sections.flatMap((s) => s.lines);
        const line = lines[pickLine % lines.length]!;
        const year = next.horizon.years[pickYear % next.horizon.years.length]!;
        const target = line.components[0] ?? line;
        const cell = target.values[year];
        const isPmCell = typeof cell === 'object' && cell !== null && 'kind' in cell;
        const tampered = applyScenario(next, { id: 't', title: 'T', unit: 'euro', changes: [{ kind: 'set-amount', line: target.id, years: [year], value: isPmCell ? '1' : { add: '1' } }] }).budget;
        const s = versionSeries([versions[0]!, { ...versions[1]!, budget: tampered }]);
        const f = s.findings.find((x) => x.row === 'line' && x.id === line.id && x.year === year);
        expect(f).toBeDefined();
        expect(f!.recorded.state).toBe('figure');
        expect(f!.replayed.state).toBe('figure');
        expect(s.findings.filter((x) => x.row === 'line')).toHaveLength(1);
      }),
      { numRuns: 30 },
    );
  });

  const withActuals = budgetArb(small).chain((b) => fc.tuple(fc.constant(b), actualsArb(b)));

  it('deviation = realisatie - begroting exactly; a missing actual is never counted as 0', () => {
    fc.assert(
      fc.property(withActuals, ([b, a]) => {
        const c = compareActuals(b, a);
        const e = evaluate(b);
        for (const s of c.sections) {
          for (const l of s.lines) {
            for (const y of a.years) {
              const cell = l.years[y]!;
              const actual = ownValue(ownValue(a.lines, l.id), String(y));
              const budget = b.horizon.years.includes(y) ? e.lines[l.id]!.totals[y] : undefined;
              if (actual === undefined) {
                expect(cell.actual).toBeUndefined();
                expect(cell.deviation).toBeUndefined();
                expect(cell.missing).toEqual([l.id]);
              } else expect(cell.actual!.eq(actual)).toBe(true);
              if (actual !== undefined && budget !== undefined && budget.pm.length === 0) expect(cell.deviation!.eq(actual.minus(budget.amount))).toBe(true);
              else expect(cell.deviation).toBeUndefined();
            }
          }
        }
        for (const y of a.years) {
          const t = c.total.years[y]!;
          const known = c.sections.flatMap((s) => s.lines).map((l) => l.years[y]!.actual).filter((x) => x !== undefined);
          if (known.length === 0) expect(t.actual).toBeUndefined();
          else expect(t.actual!.eq(known.reduce((x, v) => x!.plus(v!), new Dec(0)))).toBe(true);
          if (t.missing.length === 0 && t.pm.length === 0 && t.budget !== undefined && t.deviation !== undefined) expect(t.deviation.eq(t.actual!.minus(t.budget.amount))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the forecast equals the actuals on closed years and the budget on open ones; a missing year is never 0', () => {
    fc.assert(
      fc.property(withActuals, ([b, a]) => {
        const f = forecast(b, a);
        const e = evaluate(b);
        for (const s of f.sections) {
          for (const l of s.lines) {
            for (const y of f.years) {
              const cell = l.years[y]!;
              if (a.years.includes(y)) {
                const actual = ownValue(ownValue(a.lines, l.id), String(y));
                expect(cell.source).toBe('actual');
                if (actual === undefined) {
                  expect(cell.amount).toBeUndefined();
                  expect(cell.missing).toEqual([l.id]);
                } else expect(cell.amount!.eq(actual)).toBe(true);
              } else if (b.horizon.years.includes(y)) {
                expect(cell.source).toBe('budget');
                expect(cell.amount!.eq(e.lines[l.id]!.totals[y]!.amount)).toBe(true);
              } else {
                expect(cell.source).toBe('not-in-version');
                expect(cell.amount).toBeUndefined();
              }
            }
          }
        }
        for (const y of f.years) {
          if (!a.years.includes(y) && b.horizon.years.includes(y)) expect(f.total.years[y]!.amount!.eq(e.total[y]!.amount)).toBe(true);
          if (a.years.includes(y)) {
            const lines = f.sections.flatMap((s) => s.lines);
            expect(f.total.years[y]!.missing).toEqual(lines.filter((l) => l.years[y]!.amount === undefined).map((l) => l.id));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the jaarrekening and course tables add up after rounding, or show an afrondingsverschil row', () => {
    fc.assert(
      fc.property(withActuals, fc.constantFrom<'consistent' | 'plain'>('consistent', 'plain'), ([b, a], rounding) => {
        addsUp(accountsTable(compareActuals(b, a)), rounding);
        addsUp(courseTable(budgetCourse(versionSeries([{ name: 'B', kind: 'begroting', budget: b }]), a)), rounding);
      }),
      { numRuns: 40 },
    );
  });

  it('the course follows every line: na wijziging = primitief + the changes, for every line and year', () => {
    fc.assert(
      fc.property(versionSeriesArb({ maxSteps: 2, budget: small }), ({ versions }) => {
        const s = versionSeries(versions);
        const course = budgetCourse(s);
        for (const l of course.sections.flatMap((x) => x.lines)) {
          for (const y of course.years) {
            const cy = l.years[y]!;
            const first = cy.figures[0]!;
            const last = cy.figures.at(-1)!;
            if (first.state === 'not-in-version' || last.state === 'not-in-version' || cy.changes.some((d) => d === undefined)) continue;
            const base = first.state === 'figure' ? first.total.amount : undefined;
            const end = last.state === 'figure' ? last.total.amount : undefined;
            const sum = cy.changes.reduce((acc, d) => acc.plus(d!.amount), base ?? new Dec(0));
            expect(sum.eq(end ?? new Dec(0))).toBe(true);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
