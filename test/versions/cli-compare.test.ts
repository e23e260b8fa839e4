import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/run.js';
import { inMemoryCli, meerjaren, scratch } from '../cli/run-cli.js';

const data = (f: string): string => readFileSync(new URL(`../../examples/data/versions/${f}`, import.meta.url), 'utf8');
const files: Record<string, string> = {
  'pb2024.json': data('003-begroting-2024.json'),
  'tb1.json': data('000-tb1-2025.json'),
  'pb2026.json': data('001-begroting-2026.json'),
  'budget2026.json': JSON.stringify((JSON.parse(data('001-begroting-2026.json')) as { budget: unknown }).budget),
  'map.json': '{\n  "4.2": "4.1",\n  "4.9": "4.1"\n}\n',
  'pb2025.json': data('005-begroting-2025.json'),
  'tb1m.json': data('004-tb1-2025-mutations.json'),
  'tb1-recorded.json': JSON.stringify({
    ...JSON.parse(data('004-tb1-2025-mutations.json')),
    budget: JSON.parse(readFileSync(new URL('../../examples/data/seed000-tb1.json', import.meta.url), 'utf8')),
  }),
  'tb2-wrong.json': JSON.stringify({ ...JSON.parse(data('006-tb2-2025.json')), mutations: { id: 'x', title: 'x', changes: [{ kind: 'drop-line', line: '9.9' }] } }),
  'good-map.json': '{ "2.1": null, "4.1": null, "4.2": "4.1", "4.3": "4.2", "4.4": "4.3", "4.5": "4.4" }',
};

const cli = inMemoryCli(files);

describe('meerjaren compare', () => {
  it('prints the comparison over the union of horizons, with the years not in a version said in words', () => {
    const r = cli('compare', 'pb2024.json', 'pb2026.json');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Vergelijking Begroting 2024 en Begroting 2026');
    expect(r.out).toMatch(/Stand\s+2024\s+2025\s+2026\s+2027\s+2028\s+2029\n/);
    expect(r.out).toContain('niet in deze versie: 2028-2029');
    expect(r.out).toContain('niet in deze versie: 2024-2025');
    // 2.2 in 2026: -54.806 (x 1.000) - -51.712.490 = -3.093.510, printed in b's unit
    expect(r.out).toMatch(/2\.2 Bevorderen meedoen[^\n]*\n(?:[^\n]*\n){4}\s+verschil\s+-3\.094\s+-3\.766\n/);
  });

  it('derives a version with mutations and no budget from the first file, and lists its mutations and their replay', () => {
    const r = cli('compare', 'pb2025.json', 'tb1m.json');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Vergelijking Begroting 2025 en TB1 2025');
    expect(r.out).toContain('Mutaties TB1 2025: TB1 2025: mutaties programma 2');
    expect(r.out).toContain('  4. regel toegevoegd 1.4 Behoud uitvoeringscapaciteit Wmo');
    expect(r.out).toContain('Naspelen van de mutaties op de eerste stand: geen verschillen');
    // the printed table holds only the changes, not the begroting's line 0.1: each year of 0.1 and section 0 differs
    const recorded = cli('compare', 'pb2025.json', 'tb1-recorded.json');
    expect(recorded.code).toBe(EXIT.ok);
    expect(recorded.out).toContain('Naspelen van de mutaties op de eerste stand: 14 verschillen');
    expect(recorded.out).toContain('line 0.1, 2025: the mutations give -124000000 (structural -124000000), the version records no such row (euros)');
    const wrong = cli('compare', 'pb2025.json', 'tb2-wrong.json');
    expect(wrong.code).toBe(EXIT.invalidInput);
    expect(wrong.err).toContain('mutations.changes[0].line');
  });

  it('uses the id map of --map; json gives the comparison itself', () => {
    const r = cli('compare', 'tb1.json', 'budget2026.json', '--map', 'good-map.json', '--format', 'json');
    expect(r.code).toBe(EXIT.ok);
    const out = JSON.parse(r.out) as { years: number[]; lines: { idA?: string; idB?: string; matchedBy?: string; years: Record<string, { difference?: { amount: string } }> }[] };
    expect(out.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    const jeugd = out.lines.find((l) => l.idB === '4.1')!;
    expect([jeugd.idA, jeugd.matchedBy, jeugd.years['2026']!.difference!.amount]).toEqual(['4.2', 'map', '0']);
    expect(jeugd.years['2030']!.difference).toBeUndefined();
    const md = cli('compare', 'tb1.json', 'pb2026.json', '--format', 'md', '--map', 'good-map.json');
    expect(md.out).toContain('| **4.1 Besparing subsidies Jeugd (was 4.2)** |');
  });

  it('refuses a map naming a line that is not there at its place in the map file (exit 1), and wrong usage (exit 2)', () => {
    const r = cli('compare', 'tb1.json', 'budget2026.json', '--map', 'map.json');
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toContain('map.json:3:10: 4.9:');
    expect(r.err).toContain('[unknown_reference]');
    expect(cli('compare', 'tb1.json').code).toBe(EXIT.usage);
    expect(cli('compare', 'tb1.json', 'pb2026.json', '--format', 'html').code).toBe(EXIT.usage);
    expect(cli('compare', 'tb1.json', 'pb2026.json', '--scenario', 'x').code).toBe(EXIT.usage);
    expect(cli('compare', 'tb1.json', 'missing.json').code).toBe(EXIT.io);
  });

  it('runs as a subprocess', () => {
    const paths = scratch({ 'a.json': files['pb2024.json']!, 'b.json': files['pb2026.json']! });
    const r = meerjaren(['compare', paths['a.json']!, paths['b.json']!, '--unit', 'million', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('niet in deze versie: 2028-2029');
    expect(r.out).toMatch(/2028\s+2029/);
  });
});
