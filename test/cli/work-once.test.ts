import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../src/cli/run.js';
import { countWork, type WorkCount } from '../../src/core/work.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { htmlReport } from '../../src/report/html-report.js';
import { resolvePresentation } from '../../src/report/presentation.js';
import { loadScenario } from '../../src/scenario/load.js';

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

describe('the library computes every figure once', () => {
  it('a loaded budget that prints totals is evaluated once: by the loader, and evaluate hands back that evaluation', () => {
    let first: unknown;
    let second: unknown;
    const { counts } = countWork(() => {
      const budget = loadBudget(files['seed000.json']!);
      first = evaluate(budget);
      second = evaluate(budget);
    });
    expect(counts.evaluate).toBe(1);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('a scenario result carries its evaluation: built on first use, once, the same as evaluate(result.budget)', () => {
    const budget = loadBudget(files['seed000.json']!);
    const scenario = loadScenario(files['pm.json']!);
    let result: ReturnType<typeof applyScenario> | undefined;
    const applying = countWork(() => (result = applyScenario(budget, scenario)));
    // applying does not evaluate, and does not check the shape loadScenario checked
    expect(applying.counts.evaluate).toBe(0);
    expect(applying.counts.scenarioShape).toBe(0);
    expect(applying.counts.applyScenario).toBe(1);
    const r = result!;
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.keys(r)).not.toContain('evaluation');
    let a: unknown;
    let b: unknown;
    const reading = countWork(() => {
      a = r.evaluation;
      b = evaluate(r.budget);
    });
    expect(reading.counts.evaluate).toBe(1);
    expect(a).toBe(b);
    expect(r.evaluation).toBe(a);
    expect(r.evaluation.total['2025']).toEqual(evaluate(r.budget).total['2025']);
  });

  it('a scenario given as an object is still checked when applied', () => {
    const budget = loadBudget(files['seed000.json']!);
    const scenario = JSON.parse(files['pm.json']!) as Parameters<typeof applyScenario>[1];
    const { counts } = countWork(() => applyScenario(budget, scenario));
    expect(counts.scenarioShape).toBe(1);
  });

  it('a resolved presentation is not resolved again', () => {
    let p: unknown;
    let q: unknown;
    const { counts } = countWork(() => {
      p = resolvePresentation({ unit: 'euro' });
      q = resolvePresentation(p as Parameters<typeof resolvePresentation>[0]);
    });
    expect(counts.resolvePresentation).toBe(1);
    expect(q).toBe(p);
  });

  it('the HTML report rounds each of its tables once: its charts label their bars from the same rounding', () => {
    const budget = loadBudget(files['seed000.json']!);
    const evaluation = evaluate(budget);
    let html = '';
    const { counts } = countWork(() => {
      html = htmlReport(budget, evaluation);
    });
    const tables = html.split('<table class="meerjaren">').length - 1;
    expect(tables).toBeGreaterThan(0);
    expect(counts.roundTable).toBe(tables);
    expect(html).toContain('<svg');
  });
});
