/**
 * The driver generators of `meerjaren/testing` (budgetWithDriversArb, driversArb): every drawn budget loads, and each
 * driven line equals its formula, evaluated here independently of the library: exact fractions over BigInt, a
 * parameter's year value counted day by day, rounded half-up to whole cents.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBudget, type Decimal } from 'meerjaren';
import { budgetWithDriversArb, driversArb, type DriverTerm, type DriversSample, type ParameterSample } from 'meerjaren/testing';

const runs = { numRuns: process.env.MEERJAREN_DEEP ? 2000 : 100, seed: 20261204 };

/** An exact fraction n / d, d > 0. */
type Q = { readonly n: bigint; readonly d: bigint };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d: bigint): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
/** A plain decimal text as a fraction. */
const ofPlain = (text: string): Q => {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)!;
  const places = (m[3] ?? '').length;
  const n = BigInt(`${m[2]}${m[3] ?? ''}`);
  return q(m[1] === '-' ? -n : n, 10n ** BigInt(places));
};
const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);

/** The days of a year, one by one, as `yyyy-mm-dd`. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10).padStart(10, '0'));
  return out;
}

/** A parameter's value in a year: the value of each day summed (per-day) or averaged (year-average); none before its first period. */
function parameterValue(p: ParameterSample, year: number): Q | undefined {
  const days = daysOf(year);
  let sum = q(0n, 1n);
  let covered = false;
  for (const date of days) {
    const period = [...p.periods].reverse().find((x) => x.from <= date);
    if (period === undefined) continue;
    covered = true;
    sum = add(sum, ofPlain(period.value));
  }
  if (!covered) return undefined;
  return p.rule === 'per-day' ? sum : q(sum.n, sum.d * BigInt(days.length));
}

/** The value of a term in a year, or undefined when a name has no value that year. */
function value(term: DriverTerm, drivers: DriversSample, year: number): Q | undefined {
  switch (term.kind) {
    case 'number':
      return ofPlain(term.value);
    case 'name': {
      const indicator = drivers.indicators.find((i) => i.document.id === term.name);
      if (indicator !== undefined) return Object.hasOwn(indicator.values, String(year)) ? ofPlain(indicator.values[String(year)]!) : undefined;
      return parameterValue(drivers.parameters.find((p) => p.document.id === term.name)!, year);
    }
    case 'parentheses':
      return value(term.inner, drivers, year);
    case 'negate': {
      const v = value(term.operand, drivers, year);
      return v === undefined ? undefined : q(-v.n, v.d);
    }
    case 'operation': {
      const a = value(term.left, drivers, year);
      const b = value(term.right, drivers, year);
      if (a === undefined || b === undefined) return undefined;
      if (term.operator === '+') return add(a, b);
      if (term.operator === '-') return add(a, q(-b.n, b.d));
      if (term.operator === '*') return mul(a, b);
      expect(b.n).not.toBe(0n); // the generator never divides by zero
      return q(a.n * b.d, a.d * b.n);
    }
  }
}

/** A fraction in whole cents, half-up (halves away from zero), as a plain decimal text. */
function cents(v: Q): string {
  const scaled = v.n * 100n;
  const neg = scaled < 0n;
  const a = neg ? -scaled : scaled;
  let c = a / v.d;
  if (2n * (a % v.d) >= v.d) c += 1n;
  const whole = c / 100n;
  const frac = c % 100n;
  const text = `${whole}${frac === 0n ? '' : `.${String(frac).padStart(2, '0').replace(/0$/, '')}`}`;
  return neg && c !== 0n ? `-${text}` : text;
}

describe('meerjaren/testing: drivers', () => {
  it('budgetWithDriversArb: every drawn budget loads, and each driven line equals its formula exactly (BigInt fractions)', () => {
    const seen = { valued: 0, empty: 0, rounded: 0 };
    fc.assert(
      fc.property(budgetWithDriversArb(), (s) => {
        const budget = loadBudget(s.document);
        const section = budget.sections[budget.sections.length - 1]!;
        expect(section.id).toBe(s.section);
        s.rows.forEach((row, k) => {
          const line = section.lines.find((l) => l.id === row)!;
          for (const year of budget.horizon.years) {
            const expected = value(s.drivers.formulas[k]!.term, s.drivers, year);
            const cell = line.values[String(year)] as Decimal | undefined;
            if (expected === undefined) {
              seen.empty++;
              expect(cell).toBeUndefined();
            } else {
              seen.valued++;
              if ((100n * expected.n) % expected.d !== 0n) seen.rounded++;
              expect(cell?.toFixed(), `${row} ${year}: ${s.drivers.formulas[k]!.document.expression}`).toBe(cents(expected));
            }
          }
        });
        // the sections of the budget itself keep their values
        expect(budget.sections.length).toBe(s.base.sections.length + 1);
      }),
      runs,
    );
    // the property saw driven values, years without one and values rounded to cents
    expect(seen.valued > 100 && seen.empty > 0 && seen.rounded > 10).toBe(true);
  });

  it('driversArb: a parameter that changes on 1 January or 31 December of a leap year counts its days exactly', () => {
    const leap = driversArb(['r'], { from: 2028, to: 2028 }, { maxParameters: 3 }).filter((d) => d.parameters.some((p) => p.periods.some((x) => x.from === '2028-12-31' || x.from === '2028-01-01' || x.from === '2028-02-29')));
    fc.assert(
      fc.property(leap, (d) => {
        expect(daysOf(2028).length).toBe(366);
        const budget = loadBudget({ format: 'meerjaren/budget', version: 1, title: 't', unit: 'euro', horizon: { from: 2028, to: 2028 }, sections: [{ id: '1', title: 's', lines: [{ id: 'r', title: 'r', nature: 'structural' }] }], drivers: d.document });
        const expected = value(d.formulas[0]!.term, d, 2028);
        const cell = budget.sections[0]!.lines[0]!.values['2028'] as Decimal | undefined;
        expect(cell?.toFixed()).toBe(expected === undefined ? undefined : cents(expected));
      }),
      { ...runs, numRuns: Math.ceil(runs.numRuns / 2) },
    );
  });

  it('draws the limits: 1 January, 31 December and 29 February period dates, both rules, ids that are Object.prototype members, the deepest nesting', () => {
    const seen = { jan1: false, dec31: false, feb29: false, perDay: false, yearAverage: false, toString: false, deepest: false };
    fc.assert(
      fc.property(budgetWithDriversArb({ budget: { maxYears: 8, maxSections: 1, maxLines: 1 } }), (s) => {
        for (const p of s.drivers.parameters) {
          if (p.periods.some((x) => x.from.endsWith('-01-01'))) seen.jan1 = true;
          if (p.periods.some((x) => x.from.endsWith('-12-31'))) seen.dec31 = true;
          if (p.periods.some((x) => x.from.endsWith('-02-29'))) seen.feb29 = true;
          if (p.rule === 'per-day') seen.perDay = true;
          else seen.yearAverage = true;
        }
        if (s.rows.includes('toString') || s.drivers.indicators.some((i) => i.document.id === 'toString')) seen.toString = true;
        if (s.drivers.formulas.some((f) => f.document.expression.startsWith('('.repeat(20)))) seen.deepest = true;
      }),
      { ...runs, numRuns: 200 },
    );
    expect(seen).toEqual({ jan1: true, dec31: true, feb29: true, perDay: true, yearAverage: true, toString: true, deepest: true });
  });
});
