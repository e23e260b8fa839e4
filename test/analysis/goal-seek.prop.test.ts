/**
 * Properties of goal seeking, on generated budgets and savings targets: the result meets the goal and one step less
 * does not; the linear inverse and bisection agree; the threshold is the exact inverse rounded to the safe side of
 * the grid; a goal that cannot be met within the bounds fails at both bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, budget, goalSeek, goalSeekPerYear, withTargets, type Budget, type Decimal, type GoalSeekResult, type GoalSeekSpec } from '../../src/index.js';

const numRuns = process.env.MEERJAREN_DEEP ? 2000 : 100;
const YEARS = [2026, 2027, 2028];
const horizon = { from: 2026, to: 2028 };
// ids that are names of Object.prototype too ('__proto__', 'constructor' and 'prototype' are not ids: the readers refuse them)
const ids = fc.constantFrom('a', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'm-1');
/** Euros with cents, often round, sometimes nothing. */
const euros = fc.oneof(fc.integer({ min: 0, max: 5_000_000_00 }).map((c) => new Dec(c).div(100).toFixed()), fc.constantFrom('0', '1000000', '0.01'));
const yearly = fc.array(fc.option(euros, { nil: undefined }), { minLength: 3, maxLength: 3 }).map((vs) => Object.fromEntries(vs.flatMap((v, i) => (v === undefined ? [] : [[String(YEARS[i]), v]]))));
const realisation = fc.oneof(
  fc.constant('as-planned' as const),
  fc.constant('none' as const),
  fc.record({ rate: fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Dec(n).div(1_000_000).toFixed()) }),
  fc.record({ delay: fc.integer({ min: 0, max: 2 }) }),
);
const measureArb = fc.record({ planned: yearly, status: fc.constantFrom('decided' as const, 'in-preparation' as const, 'at-risk' as const), realisation });
const targetArb = fc.record({ id: ids, path: yearly, measures: fc.uniqueArray(fc.tuple(ids, measureArb), { selector: ([id]) => id, minLength: 1, maxLength: 4 }), chosen: fc.integer({ min: 1, max: 15 }) });

const table = budget({ title: 't', unit: 'euro', horizon }).section('4', 'S').line('T', 'Taakstelling', [1, 1, 1], { nature: 'structural' }).build();

type TargetSample = typeof targetArb extends fc.Arbitrary<infer T> ? T : never;

function targetBudget(t: TargetSample): { b: Budget; measures: string[] } {
  const b = withTargets(table, [{ id: t.id, title: 'T', unit: 'euro', path: t.path, measures: t.measures.map(([id, m]) => ({ id, title: id, ...m })) }]);
  const all = t.measures.map(([id]) => id);
  const measures = all.filter((_id, i) => (t.chosen >> i) % 2 === 1);
  return { b, measures: measures.length === 0 ? all : measures };
}

/** The goal holds at the threshold and fails one step beyond it; a bound answer holds from the bound; not attainable fails at both bounds. */
function expectThreshold(r: GoalSeekResult): void {
  if (!r.attainable) {
    expect(r.best.met).toBe(false);
    expect(r.trail.filter((s) => s.input.eq(r.low) || s.input.eq(r.high)).every((s) => !s.met)).toBe(true);
    return;
  }
  expect(r.atThreshold.met).toBe(true);
  expect(r.atThreshold.input.eq(r.threshold)).toBe(true);
  expect(r.threshold.div(r.step).isInteger()).toBe(true);
  expect(r.threshold.gte(r.low) && r.threshold.lte(r.high)).toBe(true);
  if (r.method === 'bound') {
    expect(r.beyond).toBeUndefined();
    expect(r.threshold.eq(r.direction === 'at-least' ? r.low : r.high)).toBe(true);
    return;
  }
  const beyond = r.beyond!;
  expect(beyond.met).toBe(false);
  expect(beyond.input.eq(r.direction === 'at-least' ? r.threshold.minus(r.step) : r.threshold.plus(r.step))).toBe(true);
  expect(r.evaluations).toBe(r.trail.length);
  expect(r.evaluations).toBeLessThanOrEqual(2 + 2 + 128);
}

const sum = (xs: readonly Decimal[]): Decimal => xs.reduce((a, x) => a.plus(x), new Dec(0));

describe('goal seeking, properties', () => {
  it('the rate that fills a target meets it, one ppm less does not, and it is the exact inverse rounded up', () => {
    fc.assert(
      fc.property(targetArb, (t) => {
        const { b, measures } = targetBudget(t);
        const spec: GoalSeekSpec = { input: { kind: 'measure-rate', target: t.id, measures }, outcome: { kind: 'target-gap', target: t.id } };
        const r = goalSeekPerYear(b, spec);
        for (const year of YEARS) {
          const x = r.perYear[String(year)]!;
          expectThreshold(x);
          // the oracle: realised = fixed + rate x plan of the chosen measures (a delayed one: its plan of `delay` years before)
          const target = new Dec(t.path[String(year)] ?? 0);
          const chosen = t.measures.filter(([id]) => measures.includes(id));
          const others = t.measures.filter(([id]) => !measures.includes(id));
          const planOf = (m: (typeof t.measures)[number][1]): Decimal => new Dec(m.planned[String(year - (typeof m.realisation === 'object' && 'delay' in m.realisation ? m.realisation.delay : 0))] ?? 0);
          const fixed = sum(
            others.map(([, m]) => {
              const r0 = m.realisation;
              if (r0 === 'none') return new Dec(0);
              if (r0 === 'as-planned' || 'delay' in r0) return planOf(m);
              return planOf(m).times(r0.rate);
            }),
          );
          const plan = sum(chosen.map(([, m]) => planOf(m)));
          const need = target.minus(fixed);
          if (need.lte(0)) expect(x.attainable && x.threshold.isZero()).toBe(true);
          else if (plan.isZero() || need.gt(plan)) expect(x.attainable).toBe(false);
          else expect(x.attainable && x.threshold.toFixed()).toBe(need.div(plan).toDecimalPlaces(6, Dec.ROUND_UP).toFixed());
        }
      }),
      { numRuns },
    );
  });

  it('the linear inverse and bisection agree, over one year and over all years together', () => {
    fc.assert(
      fc.property(targetArb, fc.constantFrom<number | readonly number[]>(2026, 2027, [2026, 2027, 2028]), (t, years) => {
        const { b, measures } = targetBudget(t);
        const spec: GoalSeekSpec = { input: { kind: 'measure-rate', target: t.id, measures }, outcome: { kind: 'target-gap', target: t.id }, years };
        const linear = goalSeek(b, spec);
        const bisection = goalSeek(b, { ...spec, method: 'bisection' });
        expectThreshold(linear);
        expectThreshold(bisection);
        expect(bisection.attainable).toBe(linear.attainable);
        if (linear.attainable && bisection.attainable) expect(linear.threshold.toFixed()).toBe(bisection.threshold.toFixed());
        if (bisection.attainable) expect(bisection.method === 'linear').toBe(false);
      }),
      { numRuns },
    );
  });

  it('the amount that brings the saldo to a level meets it, one cent less does not, and is the exact inverse rounded up to the cent', () => {
    const amount = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }).map((n) => new Dec(n).div(1000).toFixed());
    fc.assert(
      fc.property(fc.array(amount, { minLength: 3, maxLength: 3 }), fc.array(amount, { minLength: 3, maxLength: 3 }), amount, fc.constantFrom('0.01', '1', '1000'), (other, own, atLeast, step) => {
        const b = budget({ title: 't', unit: 'euro', horizon }).section('1', 'S').line('other', 'O', other, { nature: 'incidental' }).line('x', 'X', own, { nature: 'structural' }).build();
        const r = goalSeekPerYear(b, { input: { kind: 'line-amount', line: 'x' }, outcome: { kind: 'saldo', atLeast }, step });
        YEARS.forEach((year, i) => {
          const x = r.perYear[String(year)]!;
          expectThreshold(x);
          const exact = new Dec(atLeast).minus(other[i]!);
          expect(x.attainable && x.threshold.toFixed()).toBe(exact.div(step).ceil().times(step).toFixed());
          if (x.attainable) expect(x.method).toBe('linear');
        });
      }),
      { numRuns },
    );
  });

  it('the capacity part that brings the ratio weerstandsvermogen to a level meets it exactly, one cent less does not', () => {
    const probability = fc.integer({ min: 0, max: 100 }).map((n) => new Dec(n).div(100).toFixed());
    const money = fc.integer({ min: 0, max: 1_000_000_00 }).map((n) => new Dec(n).div(100).toFixed());
    fc.assert(
      fc.property(fc.array(fc.tuple(probability, money), { minLength: 1, maxLength: 4 }), money, fc.constantFrom('1', '1.4', '0.8'), (risks, other, atLeast) => {
        const register = {
          risks: risks.map(([p, a], i) => ({ id: `R${i}`, title: 'r', probability: p, amount: a, nature: 'incidental' as const })),
          capacity: [
            { kind: 'algemene-reserve' as const, title: 'AR', amount: '0' },
            { kind: 'onvoorzien' as const, title: 'O', amount: other },
          ],
        };
        const r = goalSeek(table, { input: { kind: 'capacity-part', part: 0 }, outcome: { kind: 'weerstandsratio', register, atLeast } });
        expectThreshold(r);
        const required = sum(risks.map(([p, a]) => new Dec(p).times(a)));
        const need = Dec.max(0, required.times(atLeast).minus(other));
        expect(r.attainable && r.threshold.toFixed()).toBe(need.toDecimalPlaces(2, Dec.ROUND_UP).toFixed());
      }),
      { numRuns },
    );
  });
});
