import { describe, expect, it } from 'vitest';
import { meerjaren, scratch } from './run-cli.js';

const seed000 = 'examples/data/seed000-tb1.json';
const ranges = 'examples/data/scenario-pm-estimates.json';
const files = scratch({
  'no-ranges.json': JSON.stringify({ id: 'vast', title: 'Vast', changes: [{ kind: 'estimate-pm', line: '1.4', value: '-1100' }] }),
});

interface HowSure {
  unit: string;
  draws: number;
  seed: number;
  percentiles: number[];
  scenarios: { id: string; inputs: string[]; saldo: Record<string, Record<string, string>>; probabilityStructurallyBalanced: Record<string, number> }[];
}

describe('meerjaren how-sure (subprocess)', () => {
  it('prints P5, P50 and P95 of the saldo and structural saldo per year in the document\'s unit', () => {
    const r = meerjaren(['how-sure', seed000, '--scenario', ranges]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ramingen voor de pm-posten 1.4 en 1.6: 1000 trekkingen, seed 1');
    expect(r.out).toContain('Bedragen x € 1.000');
    expect(r.out).toMatch(/Saldo P5\s+-609\s+-1\.726\s+-1\.556/);
    expect(r.out).toMatch(/Saldo P50\s+-609\s+-1\.534/);
    expect(r.out).toMatch(/Saldo P95\s+-609\s+-1\.352/);
    expect(r.out).toContain('Kans op structureel evenwicht: 2025 0%, 2026 100%');
    const million = meerjaren(['how-sure', seed000, '--scenario', ranges, '--unit', 'million', '--decimals', '2']);
    expect(million.out).toMatch(/Saldo P5\s+-0,61\s+-1,73/);
  });

  it('takes --draws, --seed and --percentiles, and gives the same figures for the same seed, as JSON', () => {
    const argv = ['how-sure', seed000, '--scenario', ranges, '--format', 'json', '--draws', '200', '--seed', '7', '--percentiles', '90,10'];
    const a = meerjaren(argv);
    expect(a.code).toBe(0);
    const json = JSON.parse(a.out) as HowSure;
    expect(json).toMatchObject({ unit: 'thousand', draws: 200, seed: 7, percentiles: [10, 90] });
    expect(json.scenarios[0]!.inputs).toEqual(['ramingen-pm/0/1.4', 'ramingen-pm/1/1.6']);
    // amounts in the document's unit (x € 1.000), exact decimal strings
    expect(json.scenarios[0]!.saldo['2026']).toMatchObject({ p10: '-1699.5548', p90: '-1364.363' });
    expect(json.scenarios[0]!.saldo['2025']!['p10']).toBe('-609');
    expect(meerjaren(argv).out).toBe(a.out);
    // --unit million: the run itself is x € 1 mln (the ranges keep their money), every figure the thousands / 1000
    const million = JSON.parse(meerjaren([...argv, '--unit', 'million']).out) as HowSure;
    expect(million.unit).toBe('million');
    expect(million.scenarios[0]!.saldo['2026']).toMatchObject({ p10: '-1.6995548', p90: '-1.364363' });
    const other = JSON.parse(meerjaren([...argv.slice(0, -4), '--seed', '8']).out) as HowSure;
    expect(other.scenarios[0]!.saldo['2026']!['p10']).not.toBe('-1699.5548');
  });

  it('refuses a scenario without ranges (exit 1) and wrong usage (exit 2)', () => {
    const none = meerjaren(['how-sure', seed000, '--scenario', files['no-ranges.json']!]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('gives no ranges');
    expect(meerjaren(['how-sure', seed000]).code).toBe(2);
    expect(meerjaren(['how-sure', seed000, '--scenario', ranges, '--draws', '0']).code).toBe(2);
    expect(meerjaren(['how-sure', seed000, '--scenario', ranges, '--percentiles', '5,101']).code).toBe(2);
    expect(meerjaren(['how-sure', seed000, '--scenario', ranges, '--format', 'csv']).code).toBe(2);
  });
});
