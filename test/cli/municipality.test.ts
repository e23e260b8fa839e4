import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inMemoryCli, meerjaren } from './run-cli.js';

const example = readFileSync(new URL('../../examples/data/municipality-voorbeeld.json', import.meta.url), 'utf8');
const doc = JSON.parse(example) as { programmes: { id: string; title: string; budget: unknown }[] } & Record<string, unknown>;

/** The example with programme 2 in its own file, as the command line reads it (`file`, relative to the municipality document). */
function withFile(budget: unknown = doc.programmes[0]!.budget): Record<string, string> {
  const split = { ...doc, programmes: [{ id: '2', title: 'Samen leven en ondersteunen', file: 'programma-2.json' }, ...doc.programmes.slice(1)] };
  return { 'gemeente/municipality.json': JSON.stringify(split, null, 1), 'gemeente/programma-2.json': JSON.stringify(budget, null, 1) };
}

describe('meerjaren report <municipality.json>', () => {
  it('reports the whole: overview, structural balance, OAD and verdict (a subprocess on the example file)', () => {
    const r = meerjaren(['report', 'examples/data/municipality-voorbeeld.json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Programma 2 Samen leven en ondersteunen\s+-158\.250\s+-157\.730\s+-156\.612\s+-156\.535/);
    expect(r.out).toMatch(/Begrotingssaldo\s+962\s+-586\s+-260\s+31/);
    expect(r.out).toMatch(/Structureel begrotingssaldo\s+-1\.150\s+-640\s+-260\s+31/);
    expect(r.out).toContain('Overzicht Algemene Dekkingsmiddelen');
    expect(r.out).toContain('Oordeel: structureel in evenwicht uiterlijk in 2029');
  });

  it('reads a programme given by file, relative to the municipality document, and gives the same report', () => {
    const cli = inMemoryCli({ ...withFile(), 'inline.json': example });
    const split = cli('report', 'gemeente/municipality.json');
    expect(split.err).toBe('');
    expect(split.out).toBe(cli('report', 'inline.json').out);
  });

  it('places a problem of a programme file at its line in that file, and one of the municipality in its own', () => {
    const budget = JSON.parse(JSON.stringify(doc.programmes[0]!.budget)) as { unit: string };
    budget.unit = 'duizend';
    const files = withFile(budget);
    const bad = JSON.parse(files['gemeente/municipality.json']!) as Record<string, unknown>;
    bad['links'] = [{ oad: 'nope', programme: '4', claim: 'x' }];
    const r = inMemoryCli({ ...files, 'gemeente/municipality.json': JSON.stringify(bad, null, 1) })('report', 'gemeente/municipality.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/gemeente\/municipality\.json:\d+:\d+: links\[0\]\.oad: .*\[unknown_reference\]/);
    expect(r.err).toMatch(/gemeente\/programma-2\.json:\d+:\d+: unit: .*\[invalid_value\]/);
    const missing = inMemoryCli({ 'gemeente/municipality.json': withFile()['gemeente/municipality.json']! })('report', 'gemeente/municipality.json');
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('cannot read gemeente/programma-2.json');
  });

  it('writes JSON, Markdown, CSV and HTML; English labels; scenarios without --programme are wrong usage', () => {
    const cli = inMemoryCli({ 'm.json': example });
    const json = JSON.parse(cli('report', 'm.json', '--format', 'json').out) as { verdict: string; perYear: Record<string, { begrotingssaldo: string }> };
    expect(json.verdict).toBe('last-year');
    expect(json.perYear['2026']!.begrotingssaldo).toBe('962000');
    expect(cli('report', 'm.json', '--format', 'md').out).toContain('| **Begrotingssaldo** |');
    expect(cli('report', 'm.json', '--format', 'csv').out).toContain('Begrotingssaldo');
    expect(cli('report', 'm.json', '--format', 'html').out).toContain('<html');
    expect(cli('report', 'm.json', '--lang', 'en').out).toContain('Verdict: structurally in balance at the latest in 2029');
    expect(cli('report', 'm.json', '--scenario', 's.json').code).toBe(2);
  });

  it('shows scenarios on one programme on the whole (--scenario with --programme): before, effect, after and the verdicts', () => {
    const motion = readFileSync(new URL('../../examples/data/scenario-motion-2506-85-programma-4.json', import.meta.url), 'utf8');
    const cli = inMemoryCli({ 'm.json': example, 's.json': motion, 'b.json': JSON.stringify(doc.programmes[0]!.budget) });
    const r = cli('report', 'm.json', '--scenario', 's.json', '--programme', '4');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Begrotingssaldo uitgangspunt\s+962\s+-586\s+-260\s+31/);
    expect(r.out).toMatch(/Effect Motie 2506-85 op programma 4\s+-52\s+-52\s+-52\s+-52/);
    expect(r.out).toMatch(/Begrotingssaldo na Motie 2506-85\s+910\s+-638\s+-312\s+-21/);
    expect(r.out).toMatch(/Structureel begrotingssaldo na Motie 2506-85\s+-1\.202\s+-692\s+-312\s+-21/);
    expect(r.out).toContain('Motie 2506-85: oordeel in evenwicht uiterlijk in het laatste jaar -> niet in evenwicht');
    const json = JSON.parse(cli('report', 'm.json', '--scenario', 's.json', '--programme', '4', '--format', 'json').out) as { scenarios: { effect: Record<string, { begrotingssaldo: string }>; verdict: { after: string } }[] };
    expect(json.scenarios[0]!.effect['2029']!.begrotingssaldo).toBe('-52450');
    expect(json.scenarios[0]!.verdict.after).toBe('not-in-balance');
    // an unknown programme is refused; --programme without --scenario, or with a budget document, is wrong usage
    expect(cli('report', 'm.json', '--scenario', 's.json', '--programme', '9')).toMatchObject({ code: 1, err: expect.stringContaining('"9" is not a programme') });
    expect(cli('report', 'm.json', '--programme', '4').code).toBe(2);
    expect(cli('report', 'b.json', '--programme', '4').code).toBe(2);
    // a scenario that names a line the programme does not have is placed in the scenario file
    const bad = JSON.stringify({ id: 'x', title: 'X', changes: [{ kind: 'drop-line', line: 'nope' }] });
    const refused = inMemoryCli({ 'm.json': example, 'x.json': bad })('report', 'm.json', '--scenario', 'x.json', '--programme', '4');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/x\.json:1:\d+: changes\[0\]\.line/);
  });

  it('validate tells a municipality document by its format', () => {
    const r = inMemoryCli({ 'm.json': example })('validate', 'm.json');
    expect(r.out).toContain('m.json: valid municipality (3 programmes, 2 links of dekking via OAD, 2026-2029)');
    expect(r.code).toBe(0);
  });
});
