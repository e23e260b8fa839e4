import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../src/cli/run.js';
import { countWork, type WorkCount } from '../../src/core/work.js';

/**
 * Issue 11, point 4: every figure is computed once. The command line's reports are run in-process with the
 * work counter on: a budget is evaluated once however many tables, charts and checks show it (the loader's check
 * of printed totals included), a scenario is applied once and its shape checked once, and the presentation is
 * resolved once per report.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const files: Record<string, string> = {
  'seed000.json': readFileSync(`${root}/examples/data/seed000-tb1.json`, 'utf8'),
  'pm.json': readFileSync(`${root}/examples/data/scenario-pm-estimates.json`, 'utf8'),
};

function counted(...argv: string[]): WorkCount {
  let code: number | undefined;
  let out = '';
  const work = countWork(() => {
    code = runCli(argv, {
      readFile: (p) => {
        const text = files[p];
        if (text === undefined) throw new Error('ENOENT: no such file');
        return text;
      },
      writeFile: (_p, t) => (out += t),
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
    });
  });
  expect(code).toBe(EXIT.ok);
  expect(out.length).toBeGreaterThan(0);
  return work;
}

describe('the command line computes every figure once', () => {
  it('a scenario report in HTML: one evaluation per budget shown, one application, one shape check, one presentation', () => {
    const { counts } = counted('report', 'seed000.json', '--scenario', 'pm.json', '--format', 'html');
    // two budgets are shown: the baseline and the scenario's
    expect(counts.evaluate).toBeLessThanOrEqual(2);
    expect(counts.applyScenario).toBe(1);
    expect(counts.scenarioShape).toBe(1);
    expect(counts.resolvePresentation).toBe(1);
  });

  it('a scenario report in the other formats does no more', () => {
    for (const format of ['text', 'md', 'csv', 'json']) {
      const { counts } = counted('report', 'seed000.json', '--scenario', 'pm.json', '--format', format);
      expect(counts.evaluate).toBeLessThanOrEqual(2);
      expect(counts.applyScenario).toBe(1);
      expect(counts.scenarioShape).toBe(1);
      expect(counts.resolvePresentation).toBeLessThanOrEqual(1);
    }
  });

  it('a budget report (no scenario): one evaluation, its printed totals checked on the way in', () => {
    for (const format of ['html', 'text', 'md', 'csv', 'json']) {
      const { counts } = counted('report', 'seed000.json', '--format', format);
      expect(counts.evaluate).toBe(1);
      expect(counts.applyScenario).toBe(0);
      expect(counts.resolvePresentation).toBeLessThanOrEqual(1);
    }
  });
});
