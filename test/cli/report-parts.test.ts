import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meerjaren, root, scratch } from './run-cli.js';

const withCover = 'examples/data/seed000-tb1-with-cover.json';
const tb1 = JSON.parse(readFileSync(`${root}/examples/data/seed000-tb1.json`, 'utf8')) as Record<string, unknown>;
const files = scratch({
  'targets.json': JSON.stringify({
    ...tb1,
    targets: [{ id: 'wmo', title: 'Taakstelling Wmo', unit: 'thousand', line: '1.4', path: { 2026: '100', 2027: '200' },
      measures: [{ id: 'm', title: 'Maatregel', status: 'decided', planned: { 2026: '100', 2027: '100' } }] }],
  }, null, 2),
});

describe('meerjaren report shows structural balance, cover and targets (subprocess)', () => {
  it('prints the structural balance and its verdict, and the cover when the document holds it', () => {
    const r = meerjaren(['report', withCover]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Structureel begrotingssaldo\s+-209\s+725 \+ pm/);
    expect(r.out).toContain('Oordeel: structureel in evenwicht in het begrotingsjaar 2026');
    expect(r.out).toMatch(/Dekking totaal\s+3\.657\s+77\s+77\s+77\s+100\s+60\s+50/);
    expect(r.out).toMatch(/Effect op de algemene middelen\s+-552\s+440/);
    const plain = meerjaren(['report', 'examples/data/seed000-tb1.json']);
    expect(plain.out).toContain('Oordeel:');
    expect(plain.out).not.toContain('Dekking totaal');
    const json = JSON.parse(meerjaren(['report', withCover, '--format', 'json']).out) as { structural: { verdict: string }; cover: { perYear: Record<string, { given: string }> } };
    expect(json.structural.verdict).toBe('first-year');
    expect(json.cover.perYear['2025']!.given).toBe('3657000');
    const html = meerjaren(['report', withCover, '--format', 'html']);
    expect(html.out).toContain('Dekking totaal');
    expect(html.out).toContain('Oordeel: structureel in evenwicht');
    // CSV stays the budget's own table
    expect(meerjaren(['report', withCover, '--format', 'csv']).out).not.toContain('Dekking totaal');
  });

  it('prints savings targets: the target, what is realised and what is left', () => {
    const r = meerjaren(['report', files['targets.json']!, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Taakstelling Wmo');
    expect(r.out).toMatch(/\|\s+Taakstelling \| 0 \| 100 \| 200 \|/);
    expect(r.out).toMatch(/Nog te realiseren \(tekort\) \| 0 \| 0 \| 100 \|/);
  });

  it('marks printed totals that differ from their rows, or shows them as printed with --figures printed', () => {
    const summary = 'examples/data/seed001-financieel-samengevat.json';
    const computed = meerjaren(['report', summary]);
    expect(computed.code).toBe(0);
    expect(computed.out).toMatch(/^Subtotaal A +-136\.759 +-151\.176\* /m);
    expect(computed.out).toContain('* onderdeel A 2025: gedrukt -151.175, som van de regels -151.176 (x € 1.000): afrondingsverschil 1\n');
    const printed = meerjaren(['report', summary, '--figures', 'printed']);
    expect(printed.out).toMatch(/^Subtotaal A +-136\.759 +-151\.175 /m);
    expect(printed.out).toMatch(/^Afrondingsverschil +1 +-1 +-1 +-1$/m);
    const english = meerjaren(['report', summary, '--lang', 'en', '--format', 'md']);
    expect(english.out).toContain('\\* section A 2025: printed -151,175, sum of its rows -151,176 (x € 1,000): rounding difference 1');
    expect(meerjaren(['report', summary, '--figures', 'gedrukt']).code).toBe(2);
  });

  it('words the structural balance, cover, targets, verdict and how-sure in English with --lang en', () => {
    const r = meerjaren(['report', withCover, '--lang', 'en']);
    expect(r.out).toMatch(/^Structural budget balance +-209 +725 \+ pm/m);
    expect(r.out).toContain('Incidental income');
    expect(r.out).toMatch(/^Cover total +3,657 +77/m);
    expect(r.out).toContain('Effect on the general means');
    expect(r.out).toContain('Verdict: structurally balanced in the budget year 2026');
    expect(r.out).not.toMatch(/Oordeel|Dekking totaal|Incidentele baten/);
    expect(meerjaren(['report', files['targets.json']!, '--lang', 'en']).out).toMatch(/^ {2}Still to realise \(gap\)/m);
    const sure = meerjaren(['how-sure', 'examples/data/seed000-tb1.json', '--scenario', 'examples/data/scenario-pm-estimates.json', '--lang', 'en', '--draws', '200']);
    expect(sure.out).toContain('200 draws, seed 1');
    expect(sure.out).toContain('Chance of structural balance: ');
    expect(sure.out).toMatch(/^ {2}Structural balance P50 /m);
  });
});
