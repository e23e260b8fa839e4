import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, applyScenario, driverSeries, loadBudget, roundTo, toDocument, type BudgetDocument, type Decimal } from '../../src/index.js';
import { daysInYear } from '../../src/model/driver-values.js';

const numRuns = process.env.MEERJAREN_DEEP ? 10_000 : 100;
const YEARS = [2026, 2027, 2028, 2029];

/** Driver names, the names of Object.prototype members among them. */
const nameArb = fc.oneof(fc.constantFrom('toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'jeugdigen', 'Ü_1'), fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/));
const namesArb = fc.uniqueArray(nameArb, { minLength: 4, maxLength: 4 });
/** Values by year, some years left out. */
const seriesArb = <T>(value: fc.Arbitrary<T>) => fc.tuple(...YEARS.map(() => fc.option(value, { nil: undefined })));
const volume = fc.integer({ min: 0, max: 1_000_000 });
const divisor = fc.integer({ min: 1, max: 100_000 });
const cents = fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n });
const index = fc.integer({ min: 9000, max: 12000 }); // 0,9000 .. 1,2000

const FORMS = ['v * p', 'v * p + k', 'v * p * i', '-(v * p) / w'] as const;

/** Half-up (away from zero) integer division. */
function divHalfUp(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n;
  const [a, b] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = a / b + (2n * (a % b) >= b ? 1n : 0n);
  return neg ? -q : q;
}

function documentOf(names: string[], form: string, v: (number | undefined)[], p: (bigint | undefined)[], i: (number | undefined)[], w: (number | undefined)[], k: bigint): BudgetDocument {
  const [nv, np, ni, nw] = names as [string, string, string, string];
  const values = <T>(xs: (T | undefined)[], show: (x: T) => string): Record<string, string> =>
    Object.fromEntries(xs.flatMap((x, n) => (x === undefined ? [] : [[String(YEARS[n]), show(x)]])));
  const names_: Record<string, string> = { v: nv, p: np, i: ni, w: nw, k: new Dec(k.toString()).div(100).toFixed() };
  const expression = form.replace(/\b[vpiwk]\b/g, (m) => names_[m]!);
  return {
    format: 'meerjaren/budget', version: 1, title: 't', unit: 'thousand', numberFormat: 'plain', horizon: { from: 2026, to: 2029 },
    sections: [{ id: '1', title: 's', lines: [{ id: 'toString', title: 'gestuurd', nature: 'structural' }, { id: 'x', title: 'x', nature: 'structural', values: { 2026: '1' } }] }],
    drivers: {
      indicators: [
        { id: nv, title: 'volume', unit: 'stuks', values: values(v, String) },
        { id: np, title: 'prijs', unit: 'EUR', values: values(p, (c) => new Dec(c.toString()).div(100).toFixed()) },
        { id: ni, title: 'index', unit: 'index', values: values(i, (x) => new Dec(x).div(10000).toFixed()) },
        { id: nw, title: 'deler', unit: 'stuks', values: values(w, String) },
      ],
      formulas: [{ row: 'toString', expression }],
    },
  };
}

describe('drivers (properties)', () => {
  it('a driven line equals its expression exactly (rounded half-up to cents only where it has more decimals)', () => {
    fc.assert(
      fc.property(namesArb, fc.constantFrom(...FORMS), seriesArb(volume), seriesArb(cents), seriesArb(index), seriesArb(divisor), cents, (names, form, v, p, i, w, k) => {
        const b = loadBudget(documentOf(names, form, v, p, i, w, k));
        const row = b.sections[0]!.lines[0]!.values;
        YEARS.forEach((year, n) => {
          const [vn, pn, inx, wn] = [v[n], p[n], i[n], w[n]];
          const needs = { 'v * p': [vn, pn], 'v * p + k': [vn, pn], 'v * p * i': [vn, pn, inx], '-(v * p) / w': [vn, pn, wn] }[form];
          const cell = row[String(year)] as Decimal | undefined;
          if (needs.some((x) => x === undefined)) {
            expect(cell).toBeUndefined();
            return;
          }
          const price = new Dec(pn!.toString()).div(100);
          let expected: Decimal;
          if (form === 'v * p') expected = price.times(vn!);
          else if (form === 'v * p + k') expected = price.times(vn!).plus(new Dec(k.toString()).div(100));
          else if (form === 'v * p * i') expected = roundTo(price.times(vn!).times(new Dec(inx!).div(10000)), 2, 'half-up');
          else expected = new Dec(divHalfUp(-BigInt(vn!) * pn!, BigInt(wn!)).toString()).div(100);
          expect(cell?.toFixed()).toBe(expected.toFixed());
        });
      }),
      { numRuns },
    );
  });

  it('a scenario that sets an indicator back to its value is the identity', () => {
    fc.assert(
      fc.property(namesArb, fc.constantFrom(...FORMS), seriesArb(volume), seriesArb(cents), seriesArb(index), seriesArb(divisor), cents, fc.integer({ min: 0, max: 3 }), (names, form, v, p, i, w, k, n) => {
        const b = loadBudget(documentOf(names, form, v, p, i, w, k));
        const value = v[n];
        fc.pre(value !== undefined);
        const r = applyScenario(b, { id: 's', title: 's', changes: [{ kind: 'set-indicator', indicator: names[0]!, years: [YEARS[n]!], value: String(value) }] });
        expect(r.touched).toEqual([]);
        expect(toDocument(r.budget)).toEqual(toDocument(b));
      }),
      { numRuns },
    );
  });

  it('the yearly amount of a parameter that does not change is value x days (per day) and the value (year average)', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 1990, max: 2026 }), fc.integer({ min: 0, max: 364 }), (c, startYear, startDay) => {
        const value = new Dec(c.toString()).div(100);
        const from = new Date(Date.UTC(startYear, 0, 1 + startDay)).toISOString().slice(0, 10);
        fc.pre(from < '2026-01-01');
        const doc: BudgetDocument = {
          format: 'meerjaren/budget', version: 1, title: 't', unit: 'euro', horizon: { from: 2026, to: 2029 },
          sections: [{ id: '1', title: 's', lines: [{ id: 'a', title: 'a', nature: 'structural', values: { 2026: '1' } }] }],
          drivers: { parameters: [
            { id: 'dag', title: 'dag', unit: 'EUR per dag', rule: 'per-day', periods: [{ from, value: value.toFixed() }] },
            { id: 'jaar', title: 'jaar', unit: '%', rule: 'year-average', periods: [{ from, value: value.toFixed() }] },
          ] },
        };
        const b = loadBudget(doc);
        const perDay = driverSeries(b, 'dag');
        const average = driverSeries(b, 'jaar');
        for (const year of YEARS) {
          expect(perDay.values[String(year)]!.value.toFixed()).toBe(value.times(daysInYear(year)).toFixed());
          expect(perDay.values[String(year)]!.rounded).toBe(false);
          expect(average.values[String(year)]!.value.toFixed()).toBe(value.toFixed());
        }
      }),
      { numRuns },
    );
  });

  it('a change at any day of a year splits the per-day sum by the days before and after it', () => {
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 2026, max: 2029 }), fc.integer({ min: 1, max: 365 }), (a, c, year, day) => {
        fc.pre(day < daysInYear(year));
        const [va, vc] = [new Dec(a.toString()).div(100), new Dec(c.toString()).div(100)];
        const from = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
        const b = loadBudget({
          format: 'meerjaren/budget', version: 1, title: 't', unit: 'euro', horizon: { from: 2026, to: 2029 },
          sections: [{ id: '1', title: 's', lines: [{ id: 'a', title: 'a', nature: 'structural', values: { 2026: '1' } }] }],
          drivers: { parameters: [{ id: 't', title: 't', unit: 'EUR per dag', rule: 'per-day', periods: [{ from: '2020-01-01', value: va.toFixed() }, { from, value: vc.toFixed() }] }] },
        });
        const expected = va.times(day).plus(vc.times(daysInYear(year) - day));
        expect(driverSeries(b, 't').values[String(year)]!.value.toFixed()).toBe(expected.toFixed());
      }),
      { numRuns },
    );
  });

  it('a budget with drivers survives toDocument and loadBudget unchanged', () => {
    fc.assert(
      fc.property(namesArb, fc.constantFrom(...FORMS), seriesArb(volume), seriesArb(cents), seriesArb(index), seriesArb(divisor), cents, (names, form, v, p, i, w, k) => {
        const b = loadBudget(documentOf(names, form, v, p, i, w, k));
        const doc = toDocument(b);
        expect(toDocument(loadBudget(JSON.parse(JSON.stringify(doc))))).toEqual(doc);
      }),
      { numRuns },
    );
  });
});

/** A generated expression over three names, with its exact value by a reference evaluation of the test's own. */
type Ref = { n: bigint; d: bigint } | 'div0';
const VALUES: Record<string, { n: bigint; d: bigint }> = { a: { n: 7n, d: 1n }, b: { n: -5n, d: 2n }, c: { n: 0n, d: 1n } };
const exprArb: fc.Arbitrary<{ text: string; value: Ref }> = fc.letrec<{ e: { text: string; value: Ref } }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c').map((name) => ({ text: name, value: VALUES[name]! })),
    fc.integer({ min: 0, max: 1000 }).map((k) => ({ text: String(k), value: { n: BigInt(k), d: 1n } })),
    tie('e').map((x) => ({ text: `-(${x.text})`, value: x.value === 'div0' ? x.value : { n: -x.value.n, d: x.value.d } })),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([l, op, r]) => {
      const text = `(${l.text}) ${op} (${r.text})`;
      if (l.value === 'div0' || r.value === 'div0') return { text, value: 'div0' as const };
      const [x, y] = [l.value, r.value];
      const value: Ref =
        op === '+' ? { n: x.n * y.d + y.n * x.d, d: x.d * y.d }
        : op === '-' ? { n: x.n * y.d - y.n * x.d, d: x.d * y.d }
        : op === '*' ? { n: x.n * y.n, d: x.d * y.d }
        : y.n === 0n ? 'div0' : { n: x.n * y.d * (y.n < 0n ? -1n : 1n), d: x.d * (y.n < 0n ? -y.n : y.n) };
      return { text, value };
    }),
  ),
})).e;

describe('expressions (properties)', () => {
  const b = loadBudget({
    format: 'meerjaren/budget', version: 1, title: 't', unit: 'euro', horizon: { from: 2026, to: 2026 },
    sections: [{ id: '1', title: 's', lines: [{ id: 'x', title: 'x', nature: 'structural', values: { 2026: '1' } }] }],
    drivers: { indicators: Object.entries(VALUES).map(([id, v]) => ({ id, title: id, unit: 'u', values: { 2026: new Dec(v.n.toString()).div(v.d.toString()).toFixed() } })) },
  });

  it('an expression is computed exactly: the same fraction as a reference evaluation, or division_by_zero', () => {
    fc.assert(
      fc.property(exprArb, ({ text, value }) => {
        fc.pre(text.length <= 1000);
        let got: { numerator: bigint; denominator: bigint } | 'div0';
        try {
          got = driverSeries(b, text).values['2026']!.exact;
        } catch (e) {
          expect((e as { code?: string }).code).toBe('division_by_zero');
          got = 'div0';
        }
        if (value === 'div0' || got === 'div0') {
          expect(got).toBe(value);
          return;
        }
        // same rational: n1 * d2 == n2 * d1, and the result is reduced with a positive denominator
        expect(got.numerator * value.d).toBe(value.n * got.denominator);
        expect(got.denominator > 0n).toBe(true);
      }),
      { numRuns },
    );
  });

  it('any text parses or is refused with a message, never a throw of another kind', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[a-c0-9+\-*/(). [\]]{0,40}$/)), (text) => {
        let issue: string | undefined;
        try {
          driverSeries(b, text);
        } catch (e) {
          issue = (e as { code?: string }).code;
        }
        if (issue !== undefined) expect(['invalid_expression', 'unknown_reference', 'division_by_zero']).toContain(issue);
      }),
      { numRuns },
    );
  });
});
