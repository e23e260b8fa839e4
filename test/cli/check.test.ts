import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/run.js';
import { inMemoryCli, meerjaren } from './run-cli.js';

const files: Record<string, string> = {
  'ok.csv': 'Bedragen x € 1.000;;\nOmschrijving;2026;2027\nLasten;-1.500;-1.600\nBaten;200;200\nSaldo;-1.300;-1.401\n',
  'bad.csv': ';2026\na;10\nb;20\nTotaal;35\n',
  'cols.csv': ';Primitief;Wijziging;Na wijziging\na;100;5;105\nTotaal;100;5;105\n',
  'cols.json': '{ "header": 0, "columns": [{ "header": "Primitief", "role": "year", "year": 2026 }, { "header": "Wijziging", "role": "amount" }, { "header": "Na wijziging", "role": "sum", "of": [1, 2] }] }',
  'broken.json': '{ "columns": [',
  'quote.csv': ';2026\na;"1\n',
};

const cli = inMemoryCli(files);

describe('meerjaren check', () => {
  it('prints the JSON shape exactly and exits 0 when only rounding differs', () => {
    const r = cli('check', 'ok.csv', '--format', 'json');
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out)).toEqual({
      ok: true,
      checks: [
        { row: 'Saldo', column: '2026', printed: '-1300', computed: '-1300', status: 'ok' },
        { row: 'Saldo', column: '2027', printed: '-1401', computed: '-1400', status: 'rounding' },
      ],
      issues: [],
    });
  });

  it('exits 1 on a mismatch, with the Dutch message in the table unit', () => {
    const r = cli('check', 'bad.csv');
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.out).toContain('Totaal 2026: gedrukt 35, som van de regels 30 (in euro): verschil groter dan afronding 5');
    expect(cli('check', 'bad.csv', '--lang', 'en').out).toContain('Totaal 2026: printed 35, sum of its rows 30 (in euros): difference beyond rounding 5');
  });

  it('reads a layout file; an undeclared column is an issue (exit 1)', () => {
    expect(cli('check', 'cols.csv').code).toBe(EXIT.invalidInput);
    const r = cli('check', 'cols.csv', '--layout', 'cols.json', '--format', 'json');
    const out = JSON.parse(r.out) as { ok: boolean; checks: { status: string }[]; issues: unknown[] };
    expect(out.issues).toEqual([]);
    expect(out.checks.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(r.code).toBe(EXIT.ok);
    const broken = JSON.parse(cli('check', 'cols.csv', '--layout', 'broken.json', '--format', 'json').out) as { issues: { code: string }[] };
    expect(broken.issues.length).toBeGreaterThan(0);
  });

  it('text output: one line per check (~ rounding, ! mismatch), the issues, and a summary', () => {
    const r = cli('check', 'ok.csv');
    expect(r.out.split('\n')).toEqual([
      '  Saldo 2026: gedrukt -1.300, som van de regels -1.300 (x € 1.000): klopt',
      '~ Saldo 2027: gedrukt -1.401, som van de regels -1.400 (x € 1.000): afrondingsverschil -1',
      '2 controles, 0 met een verschil, 0 problemen',
      '',
    ]);
  });

  it('a CSV that does not parse is an issue in the output (exit 1), not a crash', () => {
    const r = cli('check', 'quote.csv', '--format', 'json');
    expect(r.code).toBe(EXIT.invalidInput);
    expect((JSON.parse(r.out) as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual(['unterminated_quote']);
  });

  it.each([
    [['check'], 'invalid_argument'],
    [['check', 'ok.csv', '--locale', 'de'], 'invalid_option'],
    [['check', 'ok.csv', '--format', 'html'], 'invalid_option'],
    [['check', 'ok.csv', '--draws', '5'], 'unknown_option'],
  ])('refuses %j with exit 2 (%s)', (argv, code) => {
    const r = cli(...argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain(`[${code}]`);
  });

  // the real input and output of src/cli/io.ts (the built bin is run by test/cli/cli.test.ts)
  it('runs as a subprocess reading standard input, with the exit code and the JSON fields in order', () => {
    const r = meerjaren(['check', '-', '--format', 'json'], files['bad.csv']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['ok', 'checks', 'issues']);
    expect(out['ok']).toBe(false);
  });
});
