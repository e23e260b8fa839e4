import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTextLimited } from '../../src/cli/io.js';
import { EXIT, runCli } from '../../src/cli/run.js';
import { countWork } from '../../src/core/work.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { checkScenarioShape } from '../../src/scenario/shape.js';
import { loadScenario } from '../../src/scenario/load.js';
import { IssueCollector } from '../../src/core/errors.js';
import { withCover } from '../../src/validate/with-cover.js';
import { withTargets } from '../../src/validate/with-targets.js';
import { issuesOf, seedBudget, seedText } from '../helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A small valid document as an object, with `value` in place of the values of its one line. */
function documentWith(values: unknown, title: unknown = 'l'): unknown {
  return {
    version: 1,
    title: 't',
    unit: 'euro',
    horizon: { from: 2025, to: 2026 },
    sections: [{ id: '1', title: 's', lines: [{ id: 'a', title, nature: 'structural', values }] }],
  };
}

/** The issues (code, path) of loading `input`, and the steps counted while doing it. */
function refusedWithWork(run: () => unknown): { issues: { code: string; path: string }[]; steps: number } {
  let issues: { code: string; path: string }[] = [];
  const work = countWork(() => (issues = issuesOf(run)));
  return { issues, steps: work.total };
}

describe('refusals by kind and length, before any walk', () => {
  it('a Float64Array of 8 million values is refused as invalid_type at once', () => {
    const r = refusedWithWork(() => loadBudget(documentWith(new Float64Array(8e6))));
    expect(r.issues).toEqual([{ code: 'invalid_type', path: 'sections[0].lines[0].values' }]);
    expect(r.steps).toBeLessThan(100);
  });

  it('a String object of 10 million characters is refused as invalid_type at once, also as the document', () => {
    const big = new String('x'.repeat(1e7));
    const inside = refusedWithWork(() => loadBudget(documentWith({ 2025: big })));
    expect(inside.issues).toEqual([{ code: 'invalid_type', path: 'sections[0].lines[0].values.2025' }]);
    expect(inside.steps).toBeLessThan(100);
    const whole = refusedWithWork(() => loadBudget(big));
    expect(whole.issues).toEqual([{ code: 'invalid_type', path: '' }]);
    expect(whole.steps).toBeLessThan(100);
  });

  it('a text of 20 million characters inside an object is refused as too_large by its length', () => {
    const r = refusedWithWork(() => loadBudget(documentWith({ 2025: '1' }, 'x'.repeat(2e7))));
    expect(r.issues).toEqual([{ code: 'too_large', path: 'sections[0].lines[0].title' }]);
    expect(r.steps).toBeLessThan(100);
    // the text limit is the document's maxLength
    expect(issuesOf(() => loadBudget(documentWith({ 2025: '1' }, 'x'.repeat(20)), { maxLength: 10 }))).toEqual([
      { code: 'too_large', path: 'sections[0].lines[0].title' },
    ]);
  });

  it('other objects that are not plain are refused by kind', () => {
    const kinds: unknown[] = [
      new ArrayBuffer(8),
      new DataView(new ArrayBuffer(8)),
      new Uint8Array(4),
      new Number(1),
      new Boolean(true),
      new Map([[2025, '1']]),
      new Set(['1']),
      new Date(0),
      /1/,
      new (class Values {
        readonly 2025 = '1';
      })(),
    ];
    for (const kind of kinds) {
      expect(issuesOf(() => loadBudget(documentWith(kind)))).toEqual([{ code: 'invalid_type', path: 'sections[0].lines[0].values' }]);
    }
    // plain objects without a prototype still load
    const values = Object.assign(Object.create(null) as Record<string, string>, { 2025: '1' });
    expect(loadBudget(documentWith(values)).sections[0]?.lines[0]?.id).toBe('a');
  });

  it('scenario objects are refused the same way', () => {
    const typed = refusedWithWork(() => loadScenario({ id: 'v', title: 't', changes: new Float64Array(8e6) }));
    expect(typed.issues).toEqual([{ code: 'invalid_type', path: 'changes' }]);
    expect(typed.steps).toBeLessThan(100);
    const long = refusedWithWork(() => loadScenario({ id: 'v', title: 'x'.repeat(2e7), changes: [] }));
    expect(long.issues).toEqual([{ code: 'too_large', path: 'title' }]);
    expect(long.steps).toBeLessThan(100);
    const collector = new IssueCollector();
    checkScenarioShape({ id: 'v', title: new String('t'), changes: [] }, collector, ['library', 0]);
    expect(collector.issues.map((i) => [i.code, i.path])).toEqual([['invalid_type', 'library[0].title']]);
    // a scenario read from text (whose numbers are kept as written) still loads
    expect(loadScenario('{"id":"v","title":"t","changes":[]}').id).toBe('v');
  });

  it('the cover and targets given on their own are refused the same way', () => {
    const budget = seedBudget('seed000-tb1.json');
    const cover = refusedWithWork(() => withCover(budget, { sources: new Float64Array(8e6), claims: [] }));
    expect(cover.issues).toEqual([{ code: 'invalid_type', path: 'cover.sources' }]);
    expect(cover.steps).toBeLessThan(100);
    const targets = refusedWithWork(() => withTargets(budget, [{ id: 'x'.repeat(2e7) }]));
    expect(targets.issues).toEqual([{ code: 'too_large', path: 'targets[0].id' }]);
    expect(targets.steps).toBeLessThan(100);
  });
});

describe('the command line reads with a byte limit', () => {
  it('reads a file up to the limit and refuses one byte more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meerjaren-io-'));
    try {
      const file = join(dir, 'ten.txt');
      writeFileSync(file, '0123456789');
      expect(readTextLimited(file, 10)).toBe('0123456789');
      expect(issuesOf(() => readTextLimited(file, 9))).toEqual([{ code: 'too_large', path: '' }]);
      expect(readTextLimited(join(root, 'examples/data/seed000-tb1.json'))).toBe(seedText('seed000-tb1.json'));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses /dev/zero as too_large', () => {
    expect(issuesOf(() => readTextLimited('/dev/zero'))).toEqual([{ code: 'too_large', path: '' }]);
  });

  it('a refusal of the reader exits like other refusals', () => {
    let err = '';
    const code = runCli(['validate', '/dev/zero'], {
      readFile: (p) => readTextLimited(p, 1000),
      writeFile: () => undefined,
      stdout: () => undefined,
      stderr: (t) => (err += t),
    });
    expect(code).toBe(EXIT.invalidInput);
    expect(err).toContain('[too_large]');
  });

  it.runIf(process.platform !== 'win32' && existsSync('/dev/zero'))('`meerjaren validate /dev/zero` returns with too_large (spawned)', () => {
    // the timeout only stops a hang; nothing is asserted on time
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/cli/fixtures/node-cli.ts', 'validate', '/dev/zero'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(r.status).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain('[too_large]');
    // standard input is read with the same limit
    const stdin = spawnSync(process.execPath, ['--import', 'tsx', 'test/cli/fixtures/node-cli.ts', 'validate', '-'], {
      cwd: root,
      encoding: 'utf8',
      input: seedText('seed000-tb1.json'),
      timeout: 600_000,
    });
    expect(stdin.stdout).toContain('-: valid');
    expect(stdin.status).toBe(EXIT.ok);
  });
});
