import { describe, expect, it } from 'vitest';
import { meerjaren, scratch } from './run-cli.js';

const seed000 = 'examples/data/seed000-tb1.json';
const files = scratch({
  // extends a scenario of another file: every --scenario file is the library
  'child.json': JSON.stringify({ id: 'kind', title: 'Ramingen en 1.7 gehalveerd', extends: 'ramingen-pm', changes: [{ kind: 'set-amount', line: '1.7', years: { from: 2026 }, value: { percent: '50' } }] }, null, 2),
  'orphan.json': JSON.stringify([{ id: 'wees', title: 'Wees', extends: 'bestaat-niet', changes: [] }], null, 2),
});

describe('meerjaren report with scenario lists, extends and several --scenario (subprocess)', () => {
  it('reports every scenario of a list beside the baseline, extends resolved within the list', () => {
    const r = meerjaren(['report', seed000, '--scenario', 'examples/data/scenario-hervormingsagenda.json', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hervormingsagenda: volledig lokaal pad;2391;7363;8533;9725;10702;11742;12752');
    // ha-50 extends ha-volledig: half of its savings
    expect(r.out).toContain('Hervormingsagenda: maatregelen realiseren 50%;891;3863;4533;5225;5702;6242;6752');
    expect(r.out).toContain('Hervormingsagenda: besparingen vanaf 2028 pm;2391;7363;8533;725;702;742;752');
  });

  it('takes several --scenario files, a scenario extending one of another file, in text and JSON', () => {
    const argv = ['report', seed000, '--scenario', 'examples/data/scenario-pm-estimates.json', '--scenario', files['child.json']!];
    const text = meerjaren(argv);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Ramingen voor de pm-posten 1\.4 en 1\.6\s+-609\s+-1\.537 \+ pm/);
    expect(text.out).toMatch(/Ramingen en 1\.7 gehalveerd\s+-609\s/);
    // the child holds its parent's estimates (-1.900 from 2026) and halves 1.7
    expect(meerjaren([...argv, '--format', 'csv']).out).toContain('Ramingen en 1.7 gehalveerd;-609;-1365;-1195;-1099;-1122;-1082;-1072');
    const json = JSON.parse(meerjaren([...argv, '--format', 'json']).out) as { scenarios: { id: string; title: string }[] };
    expect(json.scenarios.map((s) => s.id)).toEqual(['ramingen-pm', 'kind']);
  });

  it('refuses a scenario that extends one no file holds, at its place in the list', () => {
    const r = meerjaren(['report', seed000, '--scenario', files['orphan.json']!]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/orphan\.json:\d+:\d+: \[0\]\.extends: .*\[unknown_reference\]/);
  });
});
