import { describe, expect, it } from 'vitest';
import { MeerjarenError, budget, pm } from '../../src/index.js';
import { distributionPoints, tornado } from '../../src/uncertainty/index.js';

const b = budget({ title: 't', unit: 'euro', horizon: { from: 2028, to: 2029 } })
  .section('1', 'S')
  .line('a', 'a', [pm, pm], { nature: 'structural' })
  .line('b', 'b', [100, 100], { nature: 'structural' })
  .line('c', 'c', [50, 50], { nature: 'incidental' })
  .build();

describe('tornado', () => {
  it('ranks inputs by the swing of the structural saldo of the chosen year', () => {
    const table = tornado(b, {
      year: 2029,
      inputs: [
        { id: 'small', kind: 'amount', rows: ['a'], distribution: { kind: 'triangular', low: '-10', likely: '0', high: '10' } },
        { id: 'big', kind: 'realisation', rows: ['b'], distribution: { kind: 'uniform', low: '0', high: '1' } },
        { id: 'incidental', kind: 'amount', rows: ['c'], distribution: { kind: 'uniform', low: '-1000', high: '1000' } },
      ],
    });
    expect(table.rows.map((r) => r.id)).toEqual(['big', 'small', 'incidental']);
    expect(table.baseline.toFixed()).toBe('50'); // a at 0, b at 50% of 100
    expect(table.rows[0]!.atLow.toFixed()).toBe('0');
    expect(table.rows[0]!.atHigh.toFixed()).toBe('100');
    expect(table.rows[0]!.swing.toFixed()).toBe('100');
    expect(table.rows[2]!.swing.toFixed()).toBe('0'); // incidental: no effect on the structural saldo
  });

  it('moves a correlated group as one bar', () => {
    const table = tornado(b, {
      year: 2028,
      measure: 'saldo',
      inputs: [
        { id: 'x', kind: 'amount', rows: ['a'], group: 'g', distribution: { kind: 'uniform', low: '0', high: '10' } },
        { id: 'y', kind: 'amount', rows: ['c'], group: 'g', distribution: { kind: 'uniform', low: '0', high: '10' } },
      ],
    });
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.inputs).toEqual(['x', 'y']);
    expect(table.rows[0]!.swing.toFixed()).toBe('20');
  });

  it('reports a year outside the horizon with a code and path', () => {
    try {
      tornado(b, { year: 2040, inputs: [{ id: 'x', kind: 'amount', rows: ['a'], distribution: { kind: 'fixed', value: '1' } }] });
      expect.unreachable();
    } catch (error) {
      expect(MeerjarenError.is(error) && error.issues[0]!.code).toBe('year_outside_horizon');
      expect(MeerjarenError.is(error) && error.issues[0]!.path).toBe('year');
    }
  });

  it('distributionPoints: low, central, high', () => {
    expect(distributionPoints({ kind: 'pert', low: '1', likely: '2', high: '5' }).central.toFixed()).toBe('2');
    expect(distributionPoints({ kind: 'normal', mean: '9', sd: '1', low: '0', high: '5' }).central.toFixed()).toBe('5');
    const d = distributionPoints({ kind: 'discrete', choices: [{ value: '3', p: '0.2' }, { value: '1', p: '0.4' }, { value: '2', p: '0.4' }] });
    expect([d.low.toFixed(), d.central.toFixed(), d.high.toFixed()]).toEqual(['1', '2', '3']);
  });
});
