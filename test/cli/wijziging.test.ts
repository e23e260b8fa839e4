/**
 * `meerjaren wijziging`: a begrotingswijziging from a budget and a scenario file (or a second version), in every
 * format, with --technical and its exit code, in this process over files in memory and once as a subprocess.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/run.js';
import { toDocument } from '../../src/validate/serialize.js';
import { municipality } from '../../examples/64-begrotingswijziging-moties.js';
import { inMemoryCli, meerjaren, root, scratch } from './run-cli.js';

const data = (file: string) => readFileSync(`${root}/examples/data/${file}`, 'utf8');
const m84 = JSON.parse(data('scenario-motion-2506-84.json')) as { id: string };
const m85 = JSON.parse(data('scenario-motion-2506-85.json')) as { id: string };
const budget = JSON.stringify(toDocument(municipality()));
const files = {
  'gemeente.json': budget,
  'm84.json': data('scenario-motion-2506-84.json'),
  'moties.json': JSON.stringify([m84, m85, { id: 'beide', title: 'Moties 2506-84 en 2506-85', extends: ['motie-2506-84', 'motie-2506-85'], changes: [] }]),
  'm85.json': data('scenario-motion-2506-85.json'),
  'beide.json': JSON.stringify({ id: 'beide', title: 'Beide', extends: ['motie-2506-84', 'motie-2506-85'], changes: [] }),
  'seed000.json': data('seed000-tb1.json'),
  'bad.json': '{ "id": "x", "title": "x", "changes": [{ "kind": "drop-line", "line": "9.9" }] }',
};
const cli = inMemoryCli(files);

describe('meerjaren wijziging', () => {
  it('prints the table per programme and the dekking paragraph; a scenario list\'s last scenario is the wijziging', () => {
    const r = cli('wijziging', 'gemeente.json', 'moties.json');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/4\.1 Besparing subsidies Sociaal Domein \(Wmo\/welzijn\) \(vervallen\)\s+0\s+0\s+0\s+-234\s+0\s+-234/);
    expect(r.out).toMatch(/Totaal mutatie lasten en baten(\s+0){3}(\s+-52\s+0\s+-52){6}\n/);
    expect(r.out).toContain('- 234 extra uit Ramingsystematiek (G4.2)');
    expect(r.err).toBe('');
  });

  it('takes the scenarios it extends from --scenario files', () => {
    const r = cli('wijziging', 'gemeente.json', 'beide.json', '--scenario', 'm84.json', '--scenario', 'm85.json', '--format', 'md');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('**Toelichting en dekking**');
    expect(r.out).toContain('| **Totaal mutatie lasten en baten** |');
  });

  it('--technical: budget neutral exits 0 with the verdict; not neutral prints the document and exits 1 with the finding', () => {
    const ok = cli('wijziging', 'gemeente.json', 'm84.json', '--technical');
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.out).toContain('Technische begrotingswijziging: budgettair neutraal in elk jaar.');
    const off = cli('wijziging', 'gemeente.json', 'm85.json', '--technical', '--format', 'html');
    expect(off.code).toBe(EXIT.invalidInput);
    expect(off.out).toContain('<p class="mj-neutrality">Technische begrotingswijziging, maar niet budgettair neutraal');
    expect(off.err).toContain('m85.json: total: a technical begrotingswijziging must leave the saldo unchanged, but it changes it in 2026 by -52450');
    expect(off.err).toContain('[not_neutral]');
  });

  it('csv and json', () => {
    const csv = cli('wijziging', 'gemeente.json', 'm84.json', '--format', 'csv', '--unit', 'euro');
    expect(csv.out).toContain('G4.2 Maatregel 4.2 Ramingsystematiek (p-max-1);0;0;0;234000;0;234000');
    const json = JSON.parse(cli('wijziging', 'gemeente.json', 'm84.json', '--format', 'json').out) as { total: Record<string, { saldo: string }>; dekking: unknown[] };
    expect(json.total['2026']!.saldo).toBe('0');
    expect(json.dekking).toHaveLength(2);
  });

  it('a second budget is a version step; a refused scenario says where; wrong usage exits 2', () => {
    const step = cli('wijziging', 'seed000.json', 'gemeente.json');
    expect(step.code).toBe(EXIT.ok);
    expect(step.out).toContain('Begrotingswijziging Programma 2 Samen leven en ondersteunen: TB1 2025 en MJB 2026-2029 - Gemeente Zoetermeer');
    const bad = cli('wijziging', 'gemeente.json', 'bad.json');
    expect(bad.code).toBe(EXIT.invalidInput);
    expect(bad.err).toContain('bad.json:1:');
    expect(bad.err).toContain('[unknown_reference]');
    expect(cli('wijziging', 'gemeente.json').code).toBe(EXIT.usage);
    expect(cli('wijziging', 'gemeente.json', 'm84.json', '--map', 'x.json').code).toBe(EXIT.usage);
    expect(cli('wijziging', 'seed000.json', 'gemeente.json', '--scenario', 'm84.json').code).toBe(EXIT.usage);
    expect(cli('wijziging', 'gemeente.json', 'm84.json', '--draws', '5').code).toBe(EXIT.usage);
    expect(cli('--help').out).toContain('meerjaren wijziging <budget.json> <scenario.json>');
  });

  it('runs as a subprocess', () => {
    const paths = scratch({ 'gemeente.json': budget, 'm84.json': files['m84.json'] });
    const r = meerjaren(['wijziging', paths['gemeente.json']!, paths['m84.json']!, '--technical']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('budgettair neutraal in elk jaar');
  });
});
