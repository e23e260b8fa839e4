import { describe, expect, it } from 'vitest';
import { evaluate, loadBudget, loadScenario, readYearTable, yearTableToDocument } from 'meerjaren';
import { codeOf, seedBudget } from '../helpers.js';
import { hostileBudgetTexts, hostileCsvTexts, hostileScenarioTexts, indexScenarioText } from './hostile-texts.js';

/**
 * `npm run test:deep` only (MEERJAREN_DEEP): the time of the loaders on the fuzz tests' hostile texts at 60 KB,
 * printed next to the 50 ms target of docs/limits.md. Printed, never compared: CI checks the same inputs by
 * counting their work (fuzz.test.ts, fuzz-scenario.test.ts, fuzz-csv.test.ts), so the speed of the machine
 * cannot fail a run. `npm run bench -- --loaders` prints the same figures outside vitest.
 */

const DEEP = Boolean(process.env.MEERJAREN_DEEP);
const NEAR = 60 * 1024;
/** Each test times dozens of texts five times: more than vitest's 60 s on a busy machine. */
const TIMEOUT = 1_800_000;

/** Runs `run` five times; returns the best time and what it gave: 'result' or the code it was refused with. */
function timed(run: () => unknown): { ms: number; outcome: string } {
  let ms = Infinity;
  let outcome = '';
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    outcome = codeOf(run) ?? 'result';
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, outcome };
}

/** Times each text, prints the slowest, and returns every outcome (each a result or a MeerjarenError code). */
function report(what: string, texts: readonly string[], run: (text: string) => unknown): string[] {
  const runs = texts.map((text) => ({ text, ...timed(() => run(text)) }));
  const slowest = runs.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.info(`timings (deep): ${what}: slowest ${slowest.ms.toFixed(1)} ms (target 50 ms) for ${slowest.text.length} characters: ${JSON.stringify(slowest.text.slice(0, 80))}`);
  return runs.map((r) => r.outcome);
}

describe.skipIf(!DEEP)('loader timings on hostile texts near 64 KB (printed, not compared)', () => {
  const seed = seedBudget('seed000-tb1-with-cover.json');
  const outcome = /^(result|[a-z_]+)$/;

  it('budget texts: loadBudget and evaluate', () => {
    for (const o of report('budget texts', hostileBudgetTexts(NEAR), (t) => evaluate(loadBudget(t)))) expect(o).toMatch(outcome);
  }, TIMEOUT);

  it('scenario texts: loadScenario against seed000 with cover', () => {
    for (const o of report('scenario texts', [...hostileScenarioTexts(NEAR), indexScenarioText(720)], (t) => loadScenario(t, { budget: seed }))) expect(o).toMatch(outcome);
  }, TIMEOUT);

  it("CSV texts: readYearTable under 'nl' and 'auto', and read + convert + load", () => {
    const texts = hostileCsvTexts(NEAR);
    const conversion = { title: 'Jaartabel', unit: 'thousand', nature: 'structural', sign: 'voordeel-positive' } as const;
    for (const o of [
      ...report("CSV texts, 'nl'", texts, (t) => readYearTable(t, { locale: 'nl' })),
      ...report("CSV texts, 'auto'", texts, (t) => readYearTable(t, { locale: 'auto' })),
      ...report('CSV texts, read + convert + load (a document may be ten times the text)', texts, (t) => loadBudget(yearTableToDocument(readYearTable(t, { locale: 'nl' }), conversion))),
    ])
      expect(o).toMatch(outcome);
  }, TIMEOUT);
});
