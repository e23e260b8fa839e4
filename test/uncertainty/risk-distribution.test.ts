import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, MeerjarenError, loadRiskRegister, simulateRequiredCapacity, weerstandsvermogen, type Risk, type RiskDistribution } from '../../src/index.js';

// Issue 17 point 5: a risk's financial effect as a distribution, drawn by the simulation when the risk occurs.
const risk = (id: string, probability: string, amount: string, distribution?: RiskDistribution): Risk => ({
  id,
  title: id,
  probability,
  amount,
  nature: 'incidental',
  ...(distribution === undefined ? {} : { distribution }),
});
const triangular = (low: string, likely: string, high: string): RiskDistribution => ({ kind: 'triangular', low, likely, high });

/** The issues of a call that must fail, as "code path". */
function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (MeerjarenError.is(e)) return e.issues.map((i) => `${i.code} ${i.path}`);
    throw e;
  }
  throw new Error('expected a MeerjarenError');
}

describe('a risk whose amount is a distribution', () => {
  it('a fixed distribution gives exactly the result of its value as the plain amount (property)', () => {
    const cents = fc.bigInt({ min: 0n, max: 500_000_000n }).map((c) => new Dec(c.toString()).div(100).toFixed());
    const probability = fc.integer({ min: 0, max: 100 }).map((p) => new Dec(p).div(100).toFixed());
    fc.assert(
      fc.property(fc.array(fc.tuple(probability, cents, fc.boolean()), { minLength: 1, maxLength: 6 }), fc.integer(), fc.constantFrom('0.5', '0.9', '1'), (list, seed, confidence) => {
        const plain = { risks: list.map(([p, a], i) => risk(`R${i}`, p, a)), capacity: [{ kind: 'algemene-reserve' as const, title: 'AR', amount: '1000000' }] };
        const fixed = { ...plain, risks: list.map(([p, a, d], i) => risk(`R${i}`, p, d ? '0' : a, d ? { kind: 'fixed', value: a } : undefined)) };
        const a = simulateRequiredCapacity(plain, { seed, draws: 300, confidence });
        const b = simulateRequiredCapacity(fixed, { seed, draws: 300, confidence });
        // everything drawn is the same; only kans x amount differs where the amount beside the distribution was set to 0
        expect({ ...b, expected: a.expected }).toEqual(a);
      }),
    );
  });

  it('draws whole cents within the bounds, and the occurrences do not change when amounts become distributions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer(), (a, b, seed) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const input = { risks: [risk('R1', '1', '0', { kind: 'uniform', low: `${low}.01`, high: `${high}.99` })], capacity: [] };
        const sim = simulateRequiredCapacity(input, { seed, draws: 50, confidence: '1' });
        expect(sim.required.gte(new Dec(low).add('0.01')) && sim.required.lte(new Dec(high).add('0.99'))).toBe(true);
        expect(sim.required.decimalPlaces()).toBeLessThanOrEqual(2);
        // probability 0: never drawn, never counted
        const never = simulateRequiredCapacity({ risks: [risk('R', '0', '5', { kind: 'fixed', value: '100' })], capacity: [] }, { seed, draws: 20, confidence: '1' });
        expect(never.required.toFixed()).toBe('0');
      }),
    );
  });

  it('the mean and the 90th percentile of many draws are near those of the distribution (triangular, 20.000 draws)', () => {
    // triangular 0 / 500.000 / 2.000.000: mean 2.500.000 / 3 = 833.333,33, sd sqrt(3,25e12 / 18) = 424.918; the
    // 90th percentile x solves (2.000.000 - x)^2 = 0,1 x 2.000.000 x 1.500.000: x = 2.000.000 - sqrt(3e11) = 1.452.277
    const input = { risks: [risk('R1', '1', '2000000', triangular('0', '500000', '2000000'))], capacity: [] };
    const sim = simulateRequiredCapacity(input, { draws: 20_000, seed: 2026 });
    const mean = new Dec(2_500_000).div(3);
    const tolerance = new Dec(4 * 424_918).div(Math.sqrt(20_000)); // four standard errors of the mean: 12.019
    expect(sim.mean.minus(mean).abs().lt(tolerance)).toBe(true);
    expect(sim.required.minus(1_452_277).abs().lt(15_000)).toBe(true); // about 1%
    expect(sim.expected.toFixed()).toBe('2000000'); // kans x amount: the amount beside the distribution
    // with kans 0,5 the mean loss is half the distribution's mean: 416.666,67, within four standard errors (14.533)
    const half = simulateRequiredCapacity({ ...input, risks: [{ ...input.risks[0]!, probability: '0.5' }] }, { draws: 20_000, seed: 2026 });
    expect(half.mean.minus(mean.div(2)).abs().lt(14_533)).toBe(true);
  });

  it('a discrete distribution: the mean of the draws is near its exact mean, and every draw is one of its values', () => {
    const input = { risks: [risk('R1', '1', '0', { kind: 'discrete', choices: [{ value: '100000', p: '0.25' }, { value: '300000', p: '0.75' }] })], capacity: [] };
    const sim = simulateRequiredCapacity(input, { draws: 20_000, seed: 7 });
    expect(sim.mean.minus(250_000).abs().lt(2_500)).toBe(true); // exact mean 250.000; sd 86.603 / sqrt(20.000) = 612
    expect(simulateRequiredCapacity(input, { draws: 500, confidence: '0.1' }).required.toFixed()).toBe('100000');
    expect(simulateRequiredCapacity(input, { draws: 500, confidence: '0.5' }).required.toFixed()).toBe('300000');
  });

  it('distributionUnit: amounts in thousands draw exactly what the same amounts in euros draw', () => {
    const euros = { risks: [risk('R1', '0.6', '2000000', { kind: 'pert', low: '100000', likely: '400000', high: '2000000' })], capacity: [] };
    const thousands = { risks: [{ ...euros.risks[0]!, distribution: { kind: 'pert', low: '100', likely: '400', high: 2000 }, distributionUnit: 'thousand' as const }], capacity: [] };
    expect(simulateRequiredCapacity(thousands, { seed: 3, draws: 2000 })).toEqual(simulateRequiredCapacity(euros, { seed: 3, draws: 2000 }));
  });

  it('a risk with per-year amounts and a distribution: the year picks kans x amount, the draws come from the distribution', () => {
    const input = { risks: [{ ...risk('R1', '1', '0', { kind: 'fixed', value: '700' }), amount: { 2026: '100', 2027: '200' } }], capacity: [] };
    const sim = simulateRequiredCapacity(input, { year: 2027, draws: 10 });
    expect([sim.expected.toFixed(), sim.required.toFixed(), sim.mean.toFixed()]).toEqual(['200', '700', '700']);
    expect(issuesOf(() => simulateRequiredCapacity(input, { draws: 10 }))).toEqual(['invalid_option risks[0].amount']);
  });

  it('leaves weerstandsvermogen (kans x amount) as it is', () => {
    const input = { risks: [risk('R1', '0.5', '2000000', triangular('0', '500000', '2000000'))], capacity: [] };
    expect(weerstandsvermogen(input).required.toFixed()).toBe('1000000');
  });

  it('refuses a bad distribution with the path of the bad value, every problem at once', () => {
    const input = {
      risks: [
        risk('R0', '0.5', '1', triangular('-5', '0', '10')),
        risk('R1', '0.5', '1', { kind: 'gamma' }),
        risk('R2', '0.5', '1', { kind: 'triangular', low: '0', high: '10' }),
        risk('R3', '0.5', '1', triangular('10', '0', '5')),
        risk('R4', '0.5', '1', { kind: 'fixed', value: '0.001' }),
        risk('R5', '0.5', '1', { kind: 'mixture', components: [{ weight: '1', distribution: { kind: 'discrete', choices: [{ value: '-1', p: '1' }] } }] }),
        { ...risk('R6', '0.5', '1', { kind: 'fixed', value: '1.5' }), distributionUnit: 'thousand' as const },
        { ...risk('R7', '0.5', '1', { kind: 'fixed', value: '1.234567' }), distributionUnit: 'thousand' as const },
      ],
      capacity: [],
    };
    expect(issuesOf(() => simulateRequiredCapacity(input))).toEqual([
      'negative_amount risks[0].distribution.low',
      'invalid_distribution risks[1].distribution.kind',
      'missing_field risks[2].distribution.likely',
      'low_above_high risks[3].distribution.low',
      'too_many_decimals risks[4].distribution.value',
      'negative_amount risks[5].distribution.components[0].distribution.choices[0].value',
      'too_many_decimals risks[7].distribution.value',
    ]);
  });

  it('refuses a distribution that is not an object with a kind, and a distributionUnit without a distribution or not a unit', () => {
    const bad = (extra: Record<string, unknown>) => ({ risks: [{ ...risk('R0', '0.5', '1'), ...extra } as Risk], capacity: [] });
    expect(issuesOf(() => weerstandsvermogen(bad({ distribution: 42 })))).toEqual(['invalid_distribution risks[0].distribution']);
    expect(issuesOf(() => weerstandsvermogen(bad({ distribution: [] })))).toEqual(['invalid_distribution risks[0].distribution']);
    expect(issuesOf(() => weerstandsvermogen(bad({ distribution: { low: '1' } })))).toEqual(['invalid_distribution risks[0].distribution.kind']);
    expect(issuesOf(() => weerstandsvermogen(bad({ distributionUnit: 'thousand' })))).toEqual(['invalid_value risks[0].distributionUnit']);
    expect(issuesOf(() => weerstandsvermogen(bad({ distribution: { kind: 'fixed', value: '1' }, distributionUnit: 'dozen' })))).toEqual(['invalid_value risks[0].distributionUnit']);
    const deep: Record<string, unknown> = { kind: 'fixed' };
    let at = deep;
    for (let i = 0; i < 10; i++) at = (at['next'] = {}) as Record<string, unknown>;
    expect(issuesOf(() => weerstandsvermogen(bad({ distribution: deep })))).toEqual(['invalid_distribution risks[0].distribution']);
  });
});

describe('a risicoregister document with a distribution', () => {
  const doc = {
    format: 'meerjaren/risks',
    version: 1,
    title: 'Risicoregister',
    unit: 'thousand',
    risks: [
      { id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: 2000, distribution: { kind: 'triangular', low: 0, likely: 500, high: '2000' }, nature: 'structural' },
      { id: '__proto__', title: 'Grondexploitatie', probability: '0.1', amount: '1000', nature: 'incidental' },
      { id: 'toString', title: 'Mixed', probability: '0.2', amount: '10', distribution: { kind: 'fixed', value: 10000 }, distributionUnit: 'euro', nature: 'incidental' },
    ],
    capacity: [{ kind: 'algemene-reserve', title: 'Algemene reserve', amount: 1500 }],
  };

  it('keeps the distribution as written (a frozen copy) with the unit it was written in', () => {
    const register = loadRiskRegister(JSON.stringify(doc));
    expect(register.risks[0]!.amount.toString()).toBe('2000000');
    expect(register.risks[0]!.distribution).toEqual({ kind: 'triangular', low: 0, likely: 500, high: '2000' });
    expect(register.risks[0]!.distributionUnit).toBe('thousand');
    expect(register.risks[1]!.distribution).toBeUndefined();
    expect('distributionUnit' in register.risks[2]!).toBe(false); // euro: the default
    expect(Object.isFrozen(register.risks[0]!.distribution)).toBe(true);
    const input = structuredClone(doc);
    loadRiskRegister(input);
    expect(Object.isFrozen(input.risks[0]!.distribution)).toBe(false);
  });

  it('round trip: the register as read, written as a document in euros, reads back to the same register and the same simulation', () => {
    const register = loadRiskRegister(doc);
    const again = loadRiskRegister(JSON.parse(JSON.stringify({ format: 'meerjaren/risks', version: 1, title: register.title, risks: register.risks, capacity: register.capacity })));
    expect(JSON.stringify(again.risks)).toBe(JSON.stringify(register.risks));
    expect(simulateRequiredCapacity(again, { draws: 1000 })).toEqual(simulateRequiredCapacity(register, { draws: 1000 }));
    // the thousands were drawn as euros: triangular 0 / 500.000 / 2.000.000 (kans 0,5), capacity 1.500.000
    expect(simulateRequiredCapacity(register, { draws: 1000 }).available.toFixed()).toBe('1500000');
  });

  it('reads a probability written as a JSON number plainly, also in a document in Dutch notation (found by riskRegisterArb)', () => {
    const nl = { ...doc, numberFormat: 'nl', risks: [{ ...doc.risks[1], probability: 0.3 }, { ...doc.risks[0], id: 'R2', probability: '0,25', amount: '1.000' }] };
    const register = loadRiskRegister(nl);
    expect(register.risks.map((r) => [r.probability.toString(), r.amount.toString()])).toEqual([['0.3', '1000000'], ['0.25', '1000000']]);
  });

  it('reports a bad distribution of a document at its path', () => {
    const bad = { ...doc, risks: [{ ...doc.risks[0], distribution: 'triangular' }, { ...doc.risks[1], distributionUnit: 'euro' }] };
    expect(issuesOf(() => loadRiskRegister(bad))).toEqual(['invalid_distribution risks[0].distribution', 'invalid_value risks[1].distributionUnit']);
  });

  describe('its JSON Schema', () => {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../schema/risks.schema.json', import.meta.url), 'utf8')) as object);
    const withDistribution = (distribution: unknown, extra: Record<string, unknown> = {}) => ({ ...doc, risks: [{ ...doc.risks[0], distribution, ...extra }] });

    it('accepts every kind the simulation draws, and the loader accepts them too', () => {
      const kinds: unknown[] = [
        { kind: 'fixed', value: '2000' },
        { kind: 'uniform', low: 0, high: '2000.5' },
        { kind: 'triangular', low: 0, likely: 500, high: 2000 },
        { kind: 'pert', low: 0, likely: 500, high: 2000, lambda: 4 },
        { kind: 'normal', mean: 1000, sd: 200, low: 0, high: 2000 },
        { kind: 'lognormal', median: 800, p90: 1500, low: 0, high: 5000 },
        { kind: 'discrete', choices: [{ value: 0, p: '0.5' }, { value: 2000, p: 0.5 }] },
        { kind: 'mixture', components: [{ weight: '0.6', distribution: { kind: 'fixed', value: 0 } }, { weight: '0.4', distribution: { kind: 'uniform', low: 1000, high: 2000 } }] },
      ];
      for (const d of kinds) {
        expect(validate(withDistribution(d)), JSON.stringify(validate.errors)).toBe(true);
        expect(simulateRequiredCapacity(loadRiskRegister(withDistribution(d)), { draws: 10 }).draws).toBe(10);
      }
      expect(validate(withDistribution({ kind: 'fixed', value: 1 }, { distributionUnit: 'million' }))).toBe(true);
      expect(validate(doc)).toBe(true);
    });

    it('refuses an unknown kind, a missing or unknown field, a negative amount, a nested mixture and a bad unit', () => {
      for (const [d, extra] of [
        [{ kind: 'gamma', low: 0 }, {}],
        [{ kind: 'triangular', low: 0, high: 2000 }, {}],
        [{ kind: 'triangular', low: 0, likely: 1, high: 2, mode: 1 }, {}],
        [{ kind: 'uniform', low: -1, high: 2 }, {}],
        [{ kind: 'uniform', low: '1,5', high: 2 }, {}],
        [{ kind: 'mixture', components: [{ weight: 1, distribution: { kind: 'mixture', components: [] } }] }, {}],
        ['triangular', {}],
        [{ kind: 'fixed', value: 1 }, { distributionUnit: 'dozen' }],
      ] as const) {
        expect(validate(withDistribution(d, extra))).toBe(false);
      }
    });
  });
});
