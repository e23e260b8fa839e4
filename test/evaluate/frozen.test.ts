import { Decimal as DecimalJs } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec, loadBudget, evaluate, type Budget, type Decimal } from '../../src/index.js';
import { isPm, type Cell, type YearValues } from '../../src/model/budget.js';
import { plain } from '../engine/arbitraries.js';
import { seedBudget } from '../helpers.js';

const seed = (): Budget => seedBudget('seed000-tb1.json');

/** Every object reachable from a value (Decimals and their digit arrays included). */
function objectsIn(value: unknown, seen = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || seen.has(value)) return seen;
  seen.add(value);
  for (const key of Object.keys(value)) objectsIn((value as Record<string, unknown>)[key], seen);
  return seen;
}

const isDecimalLike = (x: object): x is Decimal => 'd' in x && 'e' in x && 's' in x;

function expectDeeplyFrozenWithoutNegativeZero(result: unknown): void {
  const objects = objectsIn(result);
  expect(objects.size).toBeGreaterThan(10);
  for (const object of objects) {
    expect(Object.isFrozen(object)).toBe(true);
    if (isDecimalLike(object) && object.isZero()) expect(object.isNeg()).toBe(false);
  }
}

/** The same budget with every amount a new, unfrozen decimal made by `make`. */
function remade(budget: Budget, make: (text: string) => Decimal): Budget {
  const values = (v: YearValues): YearValues => {
    const out: Record<string, Cell> = {};
    for (const [key, cell] of Object.entries(v)) out[key] = isPm(cell) ? cell : make(cell.toFixed());
    return out;
  };
  return {
    ...budget,
    sections: budget.sections.map((section) => ({
      ...section,
      lines: section.lines.map((line) => ({ ...line, values: values(line.values), components: line.components.map((comp) => ({ ...comp, values: values(comp.values) })) })),
    })),
  };
}

describe('evaluate: the result is deeply frozen as it is built', () => {
  it('freezes every object of the result, amounts and digit arrays included, with no -0', () => {
    const e = evaluate(seed());
    expectDeeplyFrozenWithoutNegativeZero(e);
    expect(() => {
      (e.lines['1.1']!.own as Record<string, unknown>)['2025'] = undefined;
    }).toThrow(TypeError);
    expect(() => {
      (e.sections[0]!.lines[0]!.components as unknown[]).push(1);
    }).toThrow(TypeError);
  });

  it('also when the budget holds unfrozen amounts (a budget not from loadBudget), with the same totals', () => {
    const loaded = seed();
    const loose = remade(loaded, (text) => new Dec(text));
    const e = evaluate(loose);
    expectDeeplyFrozenWithoutNegativeZero(e);
    expect(plain(e)).toEqual(plain(evaluate(loaded)));
  });

  it("a line of one row totals in the library's own decimals, also when its cells come from another decimal.js", () => {
    const loaded = seed();
    const foreign = remade(loaded, (text) => new DecimalJs(text) as unknown as Decimal);
    const e = evaluate(foreign);
    expect(plain(e)).toEqual(plain(evaluate(loaded)));
    for (const line of Object.values(e.lines)) {
      for (const total of Object.values(line.totals)) expect((total.amount as unknown as { constructor: unknown }).constructor).toBe(Dec);
    }
    expectDeeplyFrozenWithoutNegativeZero(e);
  });

  it('a zero cell totals to zero (not -0) and is not empty; a blank cell is empty', () => {
    const b = loadBudget({
      version: 1,
      title: 't',
      unit: 'euro',
      horizon: { from: 2025, to: 2027 },
      sections: [{ id: '1', title: 's', lines: [{ id: '1.1', title: 'a', nature: 'structural', row: 'amount', values: ['-0', null, '-0.00'] }] }],
    } as never);
    const e = evaluate(b);
    const own = e.lines['1.1']!.own;
    expect(own['2025']!.empty).toBe(false);
    expect(own['2026']!.empty).toBe(true);
    expect(own['2025']!.amount.isNeg()).toBe(false);
    expect(e.total['2027']!.amount.isNeg()).toBe(false);
    expect(e.lines['1.1']!.totals['2025']!.empty).toBe(false);
    expectDeeplyFrozenWithoutNegativeZero(e);
  });
});
