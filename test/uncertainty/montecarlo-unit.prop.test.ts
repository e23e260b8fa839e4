/**
 * Properties of the unit of a Monte Carlo run's amounts (issue 14): for any budget, inputs, targets, draws, seed and
 * unit, the run whose amounts are written in that unit gives exactly the figures of the run written in euros divided
 * by the unit's factor (the same draws, in the same order); and a written amount is refused exactly when it is not a
 * whole number of cents in euros.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, budget, pm, type Budget, type Decimal, type Unit } from '../../src/index.js';
import { budgetWithCoverArb } from '../../src/testing/index.js';
import { monteCarlo, tornado, type MonteCarloOptions, type UncertainInput } from '../../src/uncertainty/index.js';
import { issuesOrNone } from '../helpers.js';

const numRuns = process.env.MEERJAREN_DEEP ? 10_000 : 100;
const FACTOR: Readonly<Record<Unit, number>> = { euro: 1, thousand: 1000, million: 1_000_000 };
const unitArb = fc.constantFrom<Unit>('euro', 'thousand', 'million');

/** Whole cents as a plain euro text ("-12.34"). */
const euros = (cents: number): string => new Dec(cents).div(100).toFixed();
/** A euro text written in `unit`, exactly. */
const inUnit = (eurosText: string, unit: Unit): string => new Dec(eurosText).div(FACTOR[unit]).toFixed();

/** The inputs and targets of a run, every amount a euro text: amounts and rates on rows, the first oad source's capacity. */
function eurosOptions(b: Budget, picks: readonly number[], draws: number, seed: number | string, minimumCents: number): MonteCarloOptions {
  const rows = b.sections.flatMap((s) => s.lines.filter((l) => l.components.length === 0 && Object.keys(l.values).length > 0).map((l) => l.id));
  const inputs: UncertainInput[] = (rows.length === 0 ? [] : picks).map((p, k) => {
    const row = rows[p % rows.length]!;
    switch (k % 4) {
      case 0:
        return { id: `a${k}`, kind: 'amount', rows: [row], distribution: { kind: 'triangular', low: euros(-p * 1234), likely: '0', high: euros(p * 377) } };
      case 1:
        return { id: `r${k}`, kind: 'realisation', rows: [row], distribution: { kind: 'uniform', low: '0.5', high: '1.2' } };
      case 2:
        return { id: `n${k}`, kind: 'amount', rows: [row], distribution: { kind: 'normal', mean: euros(-p * 51), sd: euros(p * 17 + 1), low: euros(-p * 150), high: euros(p * 3) } };
      default:
        return { id: `d${k}`, kind: 'amount', rows: [row], distribution: { kind: 'discrete', choices: [{ value: euros(-p * 7), p: '0.25' }, { value: euros(p * 999), p: '0.75' }] } };
    }
  });
  const source = Object.values(b.cover?.sources ?? {}).find((s) => s.kind === 'oad');
  if (source !== undefined) inputs.push({ id: 'cap', kind: 'capacity', source: source.id, distribution: { kind: 'pert', low: '0', likely: euros(12_345), high: euros(90_000_01) } });
  return { inputs, draws, seed, targets: [{ id: 't', lines: rows.slice(0, 2), minimum: euros(minimumCents) }], percentiles: [0, 5, 50, 95, 100], savings: b.targets !== undefined, cover: b.cover !== undefined, unit: 'euro' };
}

/** The same options with every amount written in `unit` (and the run in it). */
function writtenIn(options: MonteCarloOptions, unit: Unit): MonteCarloOptions {
  const amounts = ['value', 'low', 'likely', 'high', 'mean', 'sd'];
  const inputs = options.inputs.map((input) => {
    if (input.kind !== 'amount' && input.kind !== 'capacity') return input;
    const spec = { ...input.distribution } as Record<string, unknown>;
    for (const field of amounts) if (typeof spec[field] === 'string') spec[field] = inUnit(spec[field] as string, unit);
    if (Array.isArray(spec['choices'])) spec['choices'] = (spec['choices'] as { value: string; p: string }[]).map((c) => ({ ...c, value: inUnit(c.value, unit) }));
    return { ...input, distribution: spec as never };
  });
  const targets = (options.targets ?? []).map((t) => ({ ...t, minimum: inUnit(t.minimum as string, unit) }));
  return { ...options, inputs, targets, unit };
}

/** Whether every amount of `scaled` times `factor` is the amount at the same place of `inEuros`, and every other value equal. */
function scaledEqual(scaled: unknown, inEuros: unknown, factor: number): boolean {
  if (scaled !== null && typeof scaled === 'object' && 'times' in scaled) return (scaled as Decimal).times(factor).eq(inEuros as Decimal);
  if (Array.isArray(scaled)) return Array.isArray(inEuros) && scaled.length === inEuros.length && scaled.every((v, i) => scaledEqual(v, inEuros[i], factor));
  if (scaled !== null && typeof scaled === 'object') {
    const a = scaled as Record<string, unknown>;
    const b = inEuros as Record<string, unknown>;
    const keys = Object.keys(a).filter((k) => k !== 'unit');
    return keys.length === Object.keys(b).filter((k) => k !== 'unit').length && keys.every((k) => scaledEqual(a[k], b[k], factor));
  }
  return Object.is(scaled, inEuros);
}

describe('Monte Carlo amounts in any unit (properties)', () => {
  it('any budget, inputs, seed and unit: the run written in that unit is the run written in euros / its factor, exactly; a per-input unit means the same money', () => {
    fc.assert(
      fc.property(
        budgetWithCoverArb({ maxMicros: 10n ** 11n, units: ['euro', 'thousand', 'million'] }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 50 }),
        fc.oneof(fc.integer(), fc.string({ maxLength: 8 })),
        fc.integer({ min: -500_000, max: 500_000 }),
        unitArb,
        (b, picks, draws, seed, minimumCents, unit) => {
          const options = eurosOptions(b, picks, draws, seed, minimumCents);
          const refused = issuesOrNone(() => monteCarlo(b, options));
          if (refused.length > 0) {
            // a plan refused in euros (say, an input that changes no cell) is refused in any unit, with the same codes and paths
            expect(issuesOrNone(() => monteCarlo(b, writtenIn(options, unit)))).toEqual(refused);
            return;
          }
          const inEuros = monteCarlo(b, options);
          const scaled = monteCarlo(b, writtenIn(options, unit));
          expect(scaled.unit).toBe(unit);
          expect(scaledEqual(scaled, inEuros, FACTOR[unit])).toBe(true);
          // the euro amounts kept in euros by their own unit, in a run of `unit`: the same figures as written in `unit`
          const ownUnit = monteCarlo(b, { ...writtenIn(options, unit), inputs: options.inputs.map((i) => ({ ...i, ...(i.kind === 'amount' || i.kind === 'capacity' ? { unit: 'euro' as const } : {}) })) });
          expect(JSON.stringify(ownUnit)).toBe(JSON.stringify(scaled));
        },
      ),
      { numRuns },
    );
  });

  it('the tornado table in any unit is the table in euros / its factor', () => {
    fc.assert(
      fc.property(budgetWithCoverArb({ maxMicros: 10n ** 12n, units: ['euro', 'thousand', 'million'] }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 4 }), unitArb, (b, picks, unit) => {
        const options = eurosOptions(b, picks, 1, 1, 0);
        const year = b.horizon.years[b.horizon.years.length - 1]!;
        const run = (o: MonteCarloOptions) => tornado(b, { inputs: o.inputs, year, measure: 'saldo', ...(o.unit === undefined ? {} : { unit: o.unit }) });
        let inEuros: unknown;
        try {
          inEuros = run(options);
        } catch {
          return;
        }
        expect(scaledEqual(run(writtenIn(options, unit)), inEuros, FACTOR[unit])).toBe(true);
      }),
      { numRuns },
    );
  });

  it('a written amount is refused (too_many_decimals, at its path) exactly when it is not whole cents in euros', () => {
    const table = budget({ title: 't', unit: 'thousand', horizon: { from: 2026, to: 2027 } }).section('1', 'S').line('a', 'a', [pm, 100], { nature: 'structural' }).build();
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 3 }), unitArb, (cents, digit, beyond, unit) => {
        const row = 'a';
        // whole cents in euros, written in `unit`: accepted
        const whole = inUnit(euros(cents), unit);
        const run = (value: string) => issuesOrNone(() => monteCarlo(table, { draws: 1, unit, inputs: [{ id: 'x', kind: 'amount', rows: [row], distribution: { kind: 'fixed', value } }] }));
        expect(run(whole)).toEqual([]);
        // one more non-zero digit beyond the cent (after the conversion): refused at the value
        const finer = new Dec(cents).div(100).plus(new Dec(digit).div(new Dec(10).pow(3 + beyond)));
        expect(run(inUnit(finer.toFixed(), unit))).toEqual([{ code: 'too_many_decimals', path: 'inputs[0].distribution.value' }]);
      }),
      { numRuns },
    );
  });
});
