import { describe, expect, it } from 'vitest';
import { meerjaren, scratch } from './run-cli.js';

const seed000 = 'examples/data/seed000-tb1.json';
const files = scratch({
  'syntax.json': '{\n  "version": 1,\n  "title": "x",\n  "unit": "euro" "horizon": {}\n}\n',
});

describe('meerjaren report: decimals, byte-order mark (subprocess)', () => {
  it('--decimals 1 with --unit million prints tenths in text and rounds CSV to them', () => {
    const text = meerjaren(['report', seed000, '--unit', 'million', '--decimals', '1']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/TOTAAL SALDO PROGRAMMA\s+-0,6\s+0,4 \+ pm\s+0,5 \+ pm\s+0,7 \+ pm/);
    expect(text.out).toMatch(/1\.1 Noodopvang Oekraïne-vergoeding rijk\s+6,5\s+1,1\s+pm/);
    const csv = meerjaren(['report', seed000, '--unit', 'million', '--decimals', '1', '--format', 'csv']);
    expect(csv.out).toContain('TOTAAL SALDO PROGRAMMA;-0,6;0,4;0,5;0,7;0,7;0,7;0,8');
    const md = meerjaren(['report', seed000, '--unit', 'million', '--decimals', '2', '--format', 'md']);
    const html = meerjaren(['report', seed000, '--unit', 'million', '--decimals', '1', '--format', 'html']);
    expect(html.out).toContain('<td class="mj-amount">-0,6</td>');
    expect(md.out).toContain('| **TOTAAL SALDO PROGRAMMA** | **-0,61** | **0,36 + pm** | **0,53 + pm** |');
  });

  it('writes CSV without a byte-order mark unless --bom asks for one', () => {
    const plain = meerjaren(['report', seed000, '--format', 'csv']);
    expect(plain.code).toBe(0);
    expect(plain.out.charCodeAt(0)).not.toBe(0xfeff);
    expect(plain.out).toContain('TOTAAL SALDO PROGRAMMA;-609;363;533;725;702;742;752');
    const bom = meerjaren(['report', seed000, '--format', 'csv', '--bom']);
    expect(bom.out.charCodeAt(0)).toBe(0xfeff);
    expect(bom.out.slice(1)).toBe(plain.out);
  });

  it('places a JSON syntax error where its message says, from standard input too', () => {
    const r = meerjaren(['validate', files['syntax.json']!]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${files['syntax.json']}:4:18: (document): expected "," or "}" at line 4, column 18 [invalid_json]`);
    const stdin = meerjaren(['validate', '-'], '{\n  "a": [1,\n  2 3]\n}');
    expect(stdin.code).toBe(1);
    expect(stdin.err).toMatch(/^-:3:5: a: .*at line 3, column 5 \[invalid_json\]/m);
  });
});
