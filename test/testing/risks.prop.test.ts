/**
 * The risicoregister generator of `meerjaren/testing` (riskRegisterArb): every drawn register loads; its required
 * capacity is the exact sum of probability x amount (computed here in BigInt), its available capacity the sum of
 * the parts, each year; and the simulation's need lies within what the risks can cost.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadRiskRegister, simulateRequiredCapacity, weerstandsvermogenByYear, type Decimal } from 'meerjaren';
import { riskRegisterArb, type RiskSampleAmount } from 'meerjaren/testing';

const runs = { numRuns: process.env.MEERJAREN_DEEP ? 2000 : 100, seed: 20261204 };

/** A plain fraction with at most 6 decimals as millionths. */
const ppm = (text: string): bigint => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
};
/** An amount of the sample in a year, in micro-euros. */
const inYear = (a: RiskSampleAmount, year: number): bigint => (typeof a === 'bigint' ? a : a[String(year)]!);
/** A Decimal in millionths of a millionth (10^-12), exactly. */
const pico = (d: Decimal): bigint => {
  const scaled = d.times('1e12');
  expect(scaled.isInteger()).toBe(true);
  return BigInt(scaled.toFixed(0));
};
const micro = (d: Decimal): bigint => pico(d) / 1_000_000n;

describe('meerjaren/testing: risicoregisters', () => {
  it('riskRegisterArb: each year the required capacity is the exact sum of probability x amount, the available the sum of the parts', () => {
    const seen = { risks: 0, distributions: 0, perYear: 0 };
    fc.assert(
      fc.property(riskRegisterArb(), (s) => {
        const register = loadRiskRegister(s.document);
        const by = weerstandsvermogenByYear(register, { from: s.years[0]!, to: s.years[s.years.length - 1]! });
        for (const year of s.years) {
          const result = by.byYear[String(year)]!;
          const required = s.risks.reduce((sum, r) => sum + ppm(r.probability) * inYear(r.amount, year), 0n);
          const available = s.capacity.reduce((sum, p) => sum + inYear(p.amount, year), 0n);
          expect(pico(result.required)).toBe(required);
          expect(micro(result.available)).toBe(available);
          result.contributions.forEach((c, i) => expect(pico(c.contribution)).toBe(ppm(s.risks[i]!.probability) * inYear(s.risks[i]!.amount, year)));
        }
        seen.risks += s.risks.length;
        seen.distributions += s.risks.filter((r) => r.distribution !== undefined).length;
        seen.perYear += s.risks.filter((r) => typeof r.amount !== 'bigint').length;
      }),
      runs,
    );
    expect(seen.distributions > 20 && seen.perYear > 20 && seen.risks > 100).toBe(true);
  });

  it('riskRegisterArb: the JSON Schema of the risicoregister accepts every drawn document', () => {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../schema/risks.schema.json', import.meta.url), 'utf8')) as object);
    fc.assert(
      fc.property(riskRegisterArb(), (s) => {
        expect(validate(JSON.parse(JSON.stringify(s.document))), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
      }),
      runs,
    );
  });

  it('riskRegisterArb: the simulated need lies between what the certain risks cost at least and what the possible risks cost at most', () => {
    fc.assert(
      fc.property(riskRegisterArb({ maxRisks: 5 }), fc.integer(), (s, seed) => {
        const register = loadRiskRegister(s.document);
        const year = s.years[0]!;
        const bounds = s.risks.map((r) => r.bounds ?? { low: inYear(r.amount, year), high: inYear(r.amount, year) });
        const least = s.risks.reduce((sum, r, i) => sum + (r.probability === '1' ? bounds[i]!.low : 0n), 0n);
        const most = s.risks.reduce((sum, r, i) => sum + (r.probability === '0' ? 0n : bounds[i]!.high), 0n);
        const all = simulateRequiredCapacity(register, { year, seed, draws: 200, confidence: '1' });
        const low = simulateRequiredCapacity(register, { year, seed, draws: 200, confidence: '0.005' });
        expect(micro(all.required) <= most).toBe(true);
        expect(micro(low.required) >= least).toBe(true);
        expect(low.required.lte(all.required)).toBe(true);
        expect(micro(all.expected)).toBe(micro(weerstandsvermogenByYear(register, { from: year, to: year }).byYear[String(year)]!.required));
      }),
      runs,
    );
  });
});
