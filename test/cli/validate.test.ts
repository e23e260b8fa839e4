import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meerjaren, root, scratch } from './run-cli.js';

const seed000 = 'examples/data/seed000-tb1.json';
const summary = 'examples/data/seed001-financieel-samengevat.json';
const tb1 = JSON.parse(readFileSync(`${root}/${seed000}`, 'utf8')) as { expected: string[] | Record<string, string> };
const files = scratch({
  'list.json': JSON.stringify([
    { id: 'a', title: 'A', changes: [{ kind: 'estimate-pm', line: '1.4', value: '-1100' }] },
    { id: 'b', title: 'B', extends: 'a', changes: [{ kind: 'estimate-pm', line: '9.9', value: '1' }] },
  ], null, 2),
  'library.json': JSON.stringify({ a: { id: 'a', title: 'A', changes: [{ kind: 'estimate-pm', line: '1.4', value: 'x' }] } }, null, 2),
  'cover.json': JSON.stringify({ sources: [{ id: 's', title: 'S', kind: 'oad', nature: 'structural', capacity: { perYear: { 2025: 1 } } }], claims: [{ id: 'c', target: 'nope', source: 's' }] }, null, 2),
  'targets.json': JSON.stringify([{ id: 't', title: 'T', unit: 'thousand', line: '1.4', path: { 2025: '1' }, measures: [] }], null, 2),
  'what.json': '{ "hello": 1 }',
  'risks.json': JSON.stringify({ format: 'meerjaren/risks', version: 1, title: 'R', risks: [{ id: 'R1', title: 'A', probability: '0.5', amount: 10, nature: 'incidental', lines: ['1.4', 'nope'] }], capacity: [] }, null, 2),
  'mismatch.json': JSON.stringify({ ...tb1, expected: Array.isArray(tb1.expected) ? ['-600', ...tb1.expected.slice(1)] : { ...tb1.expected, 2025: '-600' } }, null, 2),
});

interface Report {
  ok: boolean;
  kind: string;
  issues: { code: string; path: string; message: string; line?: number; column?: number }[];
}
const json = (out: string): Report => JSON.parse(out) as Report;

describe('meerjaren validate: every document kind (subprocess)', () => {
  it('tells each example document\'s kind and says it holds', () => {
    expect(meerjaren(['validate', seed000]).out).toContain(`${seed000}: valid (16 lines, 2025-2031)`);
    expect(meerjaren(['validate', 'examples/data/scenario-pm-estimates.json']).out).toContain('valid scenario (scenario "ramingen-pm", 2 changes)');
    const list = meerjaren(['validate', 'examples/data/scenario-hervormingsagenda.json', '--format', 'json']);
    expect(list.code).toBe(0);
    expect(json(list.out)).toEqual({ ok: true, kind: 'scenario-list', issues: [], notes: [] });
    const cover = meerjaren(['validate', 'examples/data/seed000-cover.json', '--budget', seed000]);
    expect(cover.code).toBe(0);
    expect(cover.out).toContain('valid cover (5 sources, 5 claims)');
  });

  it('lists problems as JSON with code, path, message, line and column; exit 1', () => {
    const list = meerjaren(['validate', files['list.json']!, '--budget', seed000, '--format', 'json']);
    expect(list.code).toBe(1);
    const report = json(list.out);
    expect(report.ok).toBe(false);
    expect(report.kind).toBe('scenario-list');
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'unknown_reference', path: '[1].changes[0].line', line: 20 }));
    const library = json(meerjaren(['validate', files['library.json']!, '--format', 'json']).out);
    expect(library.kind).toBe('scenario-library');
    expect(library.issues).toEqual([expect.objectContaining({ code: 'invalid_amount', path: 'a.changes[0].value', line: 9, column: 18 })]);
    const cover = json(meerjaren(['validate', files['cover.json']!, '--budget', seed000, '--format', 'json']).out);
    expect(cover.kind).toBe('cover');
    expect(cover.issues).toContainEqual(expect.objectContaining({ code: 'unknown_reference', path: 'claims[0].target' }));
    expect(cover.issues.every((i) => i.line !== undefined)).toBe(true);
  });

  it('reads a risicoregister, and checks the lines of its risks against --budget', () => {
    expect(meerjaren(['validate', 'examples/data/risicoregister-2026.json']).out).toContain('valid risks (5 risks, 3 capacity parts)');
    const risks = json(meerjaren(['validate', files['risks.json']!, '--budget', seed000, '--format', 'json']).out);
    expect(risks).toMatchObject({ ok: false, kind: 'risks' });
    expect(risks.issues).toEqual([expect.objectContaining({ code: 'unknown_reference', path: 'risks[0].lines[1]', line: 14, column: 9 })]);
  });

  it('reads targets, names an unknown kind, and asks for --budget as a usage error', () => {
    const targets = meerjaren(['validate', files['targets.json']!, '--budget', seed000, '--format', 'json']);
    expect(targets.code).toBe(0);
    expect(json(targets.out)).toMatchObject({ ok: true, kind: 'targets', issues: [] });
    expect(meerjaren(['validate', files['targets.json']!, '--budget', seed000]).out).toContain('valid targets (1 target)');
    const what = meerjaren(['validate', files['what.json']!, '--format', 'json']);
    expect(what.code).toBe(1);
    expect(json(what.out)).toMatchObject({ ok: false, kind: 'unknown', issues: [{ code: 'invalid_value', path: '' }] });
    const forced = meerjaren(['validate', files['what.json']!, '--kind', 'scenario']);
    expect(forced.code).toBe(1);
    expect(forced.err).toContain('[missing_field]');
    const noBudget = meerjaren(['validate', 'examples/data/seed000-cover.json']);
    expect(noBudget.code).toBe(2);
    expect(noBudget.err).toContain('--budget');
    const syntax = json(meerjaren(['validate', '-', '--format', 'json'], '{\n  "a": 1,\n  "b" 2\n}').out);
    expect(syntax.issues).toEqual([expect.objectContaining({ code: 'invalid_json', line: 3, column: 7 })]);
  });

  it('prints rounding differences as notes (exit 0) and fails on a mismatch, in validate and report', () => {
    const notes = meerjaren(['validate', summary]);
    expect(notes.code).toBe(0);
    expect(notes.out).toContain(`${summary}:25:32: note: sections[0].expected.2025: onderdeel A 2025: gedrukt -151.175, som van de regels -151.176 (x € 1.000): afrondingsverschil 1`);
    const report = meerjaren(['report', summary]);
    expect(report.code).toBe(0);
    expect(report.err).toContain('note: expected.2024: totaal 2024');
    const bad = meerjaren(['validate', files['mismatch.json']!]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/:\d+:\d+: expected\.2025: totaal 2025: gedrukt -600, som van de regels -609 \(x € 1\.000\): verschil groter dan afronding 9 \[total_mismatch\]/);
    const shown = meerjaren(['report', files['mismatch.json']!, '--format', 'csv']);
    expect(shown.code).toBe(1);
    expect(shown.out).toContain('TOTAAL SALDO PROGRAMMA');
    expect(shown.err).toContain('[total_mismatch]');
  });
});
