import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, simulateRequiredCapacity, weerstandsvermogen } from '../../src/index.js';

const risk = (id: string, probability: string, amount: string) => ({ id, title: id, probability, amount, nature: 'incidental' as const });

describe('the required capacity by simulation', () => {
  it('is the same for the same seed, and frozen', () => {
    const input = { risks: [risk('R1', '0.5', '2000000'), risk('R2', '0.1', '1000000')], capacity: [{ kind: 'algemene-reserve' as const, title: 'AR', amount: '1500000' }] };
    const a = simulateRequiredCapacity(input, { seed: 7, draws: 5000 });
    const b = simulateRequiredCapacity(input, { seed: 7, draws: 5000 });
    expect(a).toEqual(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.confidence.toFixed()).toBe('0.9');
    expect(a.expected.toFixed()).toBe('1100000');
    // 90% of the draws: R1 occurs in half of them, so the 90th percentile is R1 (2.000.000) or R1 + R2 (3.000.000)
    expect(a.required.toFixed()).toBe('2000000');
    expect(a.rating).toBe('E');
    expect(a.ratio!.toFixed()).toBe('0.75');
  });

  it('probabilities 0 and 1 never and always occur: the loss is then certain', () => {
    const input = { risks: [risk('a', '1', '300.25'), risk('b', '0', '1000000'), risk('c', '1', '0.000001')], capacity: [] };
    const sim = simulateRequiredCapacity(input, { draws: 200, confidence: '0.01' });
    expect(sim.required.toFixed()).toBe('300.250001');
    expect(sim.mean.toFixed()).toBe('300.25');
    expect(sim.shortfallDraws).toBe(200);
    expect(sim.shortfallProbability.toFixed()).toBe('1');
    expect(sim.rating).toBe('F');
  });

  it('nothing at risk: zero required, rating A, no ratio', () => {
    const sim = simulateRequiredCapacity({ risks: [risk('a', '0', '100')], capacity: [] }, { draws: 10 });
    expect([sim.required.toFixed(), sim.ratio, sim.rating, sim.shortfallDraws]).toEqual(['0', undefined, 'A', 0]);
  });

  it('takes the year of per-year amounts', () => {
    const input = { risks: [{ ...risk('a', '1', '0'), amount: { 2026: '100', 2027: '200' } }], capacity: [] };
    expect(simulateRequiredCapacity(input, { year: 2027, draws: 3 }).required.toFixed()).toBe('200');
  });

  it('stays within the sum of all amounts, grows with the confidence, and its mean is near kans x effect', () => {
    const amount = fc.integer({ min: 0, max: 5_000_000 }).map(String);
    const probability = fc.integer({ min: 0, max: 100 }).map((p) => new Dec(p).div(100).toFixed());
    fc.assert(
      fc.property(fc.array(fc.tuple(probability, amount), { minLength: 1, maxLength: 6 }), fc.integer(), (list, seed) => {
        const input = { risks: list.map(([p, a], i) => risk(`R${i}`, p, a)), capacity: [] };
        const low = simulateRequiredCapacity(input, { seed, draws: 400, confidence: '0.5' });
        const high = simulateRequiredCapacity(input, { seed, draws: 400, confidence: '0.95' });
        const all = simulateRequiredCapacity(input, { seed, draws: 400, confidence: '1' });
        const certain = list.filter(([p]) => p === '1').reduce((s, [, a]) => s.add(a), new Dec(0));
        const possible = list.filter(([p]) => p !== '0').reduce((s, [, a]) => s.add(a), new Dec(0));
        expect(low.required.lte(high.required) && high.required.lte(all.required)).toBe(true);
        expect(all.required.lte(possible) && low.required.gte(certain)).toBe(true);
        expect(low.expected.equals(weerstandsvermogen(input).required)).toBe(true);
      }),
    );
  });

  it('its mean converges to the exact kans x effect (10.000 draws, within 3%)', () => {
    const input = { risks: [risk('R1', '0.7', '2500000'), risk('R2', '0.3', '1800000'), risk('R3', '0.1', '1200000')], capacity: [] };
    const sim = simulateRequiredCapacity(input, { draws: 10_000, seed: 2026 });
    expect(sim.mean.minus(sim.expected).abs().div(sim.expected).lt('0.03')).toBe(true);
  });
});
