import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../src/cli/run.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const files: Record<string, string> = {
  'seed000.json': readFileSync(`${root}/examples/data/seed000-tb1.json`, 'utf8'),
  'pm.json': readFileSync(`${root}/examples/data/scenario-pm-estimates.json`, 'utf8'),
  'badscenario.json': '{ "id": "x", "title": "x", "changes": [{ "kind": "estimate-pm", "line": "9.9", "value": "1" }] }',
  'seed001.json': readFileSync(`${root}/examples/data/seed001-beleidswijzigingen.json`, 'utf8'),
  'bad.json': '{\n  "version": 1,\n  "title": "x",\n  "unit": "euro",\n  "horizon": { "from": 2025, "to": 2026 },\n  "sections": [{ "id": "1", "title": "s", "lines": [\n    { "id": "a", "title": "t", "values": { "2025": "1,5" } }\n  ] }]\n}\n',
};

function cli(...argv: string[]): { code: number; out: string; err: string; written: Record<string, string> } {
  let out = '';
  let err = '';
  const written: Record<string, string> = {};
  const code = runCli(argv, {
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error('ENOENT: no such file');
      return text;
    },
    writeFile: (p, t) => {
      written[p] = t;
    },
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { code, out, err, written };
}

describe('meerjaren command line', () => {
  it('prints help and exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('meerjaren report <budget.json>');
  });

  it('prints a seed table as text, Markdown, CSV, JSON and HTML', () => {
    expect(cli('report', 'seed000.json').out).toMatch(/TOTAAL SALDO PROGRAMMA\s+-609/);
    expect(cli('report', 'seed000.json', '--format', 'md').out).toContain('| **TOTAAL SALDO PROGRAMMA** | **-609** |');
    const csv = cli('report', 'seed001.json', '--format', 'csv').out;
    expect(csv).toContain('Saldo;653;0;0;0');
    const json = JSON.parse(cli('report', 'seed000.json', '--format', 'json').out) as { total: Record<string, { amount: string }> };
    expect(json.total['2025']!.amount).toBe('-609000');
    const html = cli('report', 'seed000.json', '--format', 'html', '--out', 'r.html');
    expect(html.code).toBe(0);
    expect(html.written['r.html']).toMatch(/^<!DOCTYPE html>/i);
    expect(html.written['r.html']).toContain('<svg');
  });

  it('applies a scenario and prints it beside the baseline', () => {
    const text = cli('report', 'seed000.json', '--scenario', 'pm.json');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Ramingen voor de pm-posten 1\.4 en 1\.6\s+-609\s+-1\.537 \+ pm/);
    expect(text.out).toMatch(/verschil t\.o\.v\. Uitgangspunt\s+0\s+-1\.900/);
    expect(cli('report', 'seed000.json', '--scenario', 'pm.json', '--format', 'csv').out).toContain('Ramingen voor de pm-posten 1.4 en 1.6;-609;-1537;-1367;-1175;-1198;-1158;-1148');
    const json = JSON.parse(cli('report', 'seed000.json', '--scenario', 'pm.json', '--format', 'json').out) as { comparison: unknown };
    expect(json.comparison).toBeDefined();
    expect(cli('report', 'seed000.json', '--scenario', 'pm.json', '--format', 'html').out).toContain('<svg');
    const bad = cli('report', 'seed000.json', '--scenario', 'badscenario.json');
    expect(bad.code).toBe(EXIT.invalidInput);
    expect(bad.err).toMatch(/badscenario\.json:1:\d+: changes\[0\]\.line: .*\[unknown_reference\]/);
    expect(cli('report', 'seed000.json', '--scenario', 'nope.json').code).toBe(EXIT.io);
  });

  it('converts units and sign conventions on request', () => {
    expect(cli('report', 'seed001.json', '--format', 'csv', '--sign', 'voordeel-positive').out).toContain('Saldo;-653;0;0;0');
    expect(cli('report', 'seed000.json', '--unit', 'million', '--format', 'csv').out).toContain('TOTAAL SALDO PROGRAMMA;-0,609;0,363;0,533;0,725;0,702;0,742;0,752');
  });

  it('names file, line, column and path of every problem, and exits 1', () => {
    const r = cli('validate', 'bad.json');
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toContain('bad.json:7:52: sections[0].lines[0].values.2025:');
    expect(r.err).toContain('[invalid_amount]');
    expect(r.err).toContain('[missing_nature]');
    expect(r.err).toContain('2 problems in bad.json');
  });

  it('exits 2 on wrong usage and 3 on a file it cannot read', () => {
    expect(cli().code).toBe(EXIT.usage);
    expect(cli('report').code).toBe(EXIT.usage);
    expect(cli('report', 'seed000.json', '--format', 'pdf').code).toBe(EXIT.usage);
    expect(cli('report', 'seed000.json', '--bogus').code).toBe(EXIT.usage);
    expect(cli('report', 'missing.json').code).toBe(EXIT.io);
    expect(cli('validate', 'seed000.json').out).toContain('seed000.json: valid');
  });

  it.each([
    [['report', 'seed000.json', '--bogus'], 'unknown_option'],
    [['report', 'seed000.json', '--format'], 'invalid_option'],
    [['report', 'seed000.json', '--help=yes'], 'invalid_option'],
    [['report', 'seed000.json', '--format', 'pdf'], 'invalid_option'],
    [['report', 'seed000.json', '--unit', 'duizend'], 'invalid_option'],
    [['report', 'seed000.json', '--sign', '+'], 'invalid_option'],
    [['report', 'seed000.json', '--lang', 'de'], 'invalid_option'],
    [['report', 'seed000.json', '--rounding', 'bankers'], 'invalid_option'],
    [['report', 'seed000.json', '--out', ''], 'invalid_option'],
    [['report', 'seed000.json', '--scenario', ''], 'invalid_option'],
    [['validate', 'seed000.json', '--format', 'md'], 'invalid_option'],
    [['validate', 'seed000.json', '--unit', 'euro'], 'unknown_option'],
    [['report', 'seed000.json', '--decimals', '11'], 'invalid_option'],
    [['report', 'seed000.json', '--decimals', '1.5'], 'invalid_option'],
    [['validate', 'seed000.json', '--kind', 'begroting'], 'invalid_option'],
    [['validate', 'seed000.json', '--out', 'x.txt'], 'unknown_option'],
    [['report'], 'invalid_argument'],
    [['reprot', 'seed000.json'], 'invalid_argument'],
    [['report', 'seed000.json', 'extra.json'], 'invalid_argument'],
  ])('refuses %j with exit 2 and the code %s, never a stack trace', (argv, code) => {
    const r = cli(...argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain(`[${code}]`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  it.runIf(existsSync(`${root}/dist/cli.js`))('runs as the built bin (node dist/cli.js)', () => {
    const out = execFileSync(process.execPath, ['dist/cli.js', 'report', 'examples/data/seed000-tb1.json', '--format', 'csv'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('TOTAAL SALDO PROGRAMMA;-609;363;533;725;702;742;752');
  });
});
