import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 7: errors are recognised across two loaded copies of the library (ESM and CommonJS) with the static
 * `MeerjarenError.is`, not only `instanceof`. Runs against the BUILT package; run `npm run build` first.
 */

const esmPath = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const cjsPath = fileURLToPath(new URL('../../dist/index.cjs', import.meta.url));
const built = existsSync(esmPath) && existsSync(cjsPath);
const BAD = '{"version":1,"title":"t","unit":"euro","horizon":{"from":2025,"to":2025},"sections":[{"id":"1","title":"s","lines":[{"id":"a","title":"l","nature":"structural","values":["0x1F"]}]}]}';

interface Lib {
  MeerjarenError: { is(value: unknown): boolean } & (abstract new (...args: never[]) => Error);
  loadBudget(input: unknown): unknown;
  evaluate(budget: unknown): { total: Record<string, { amount: { toFixed(): string } }> };
}

function caught(lib: Lib): unknown {
  try {
    lib.loadBudget(BAD);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe(built ? 'the built package, loaded as ESM and as CommonJS' : 'the built package (SKIPPED: dist/index.js and dist/index.cjs are missing; run `npm run build` first)', () => {
  it.skipIf(!built)('MeerjarenError.is recognises errors of the other copy; instanceof does not', async () => {
    const esm = (await import(pathToFileURL(esmPath).href)) as Lib;
    const cjs = createRequire(import.meta.url)(cjsPath) as Lib;
    expect(esm.MeerjarenError).not.toBe(cjs.MeerjarenError);
    const fromCjs = caught(cjs);
    const fromEsm = caught(esm);
    expect(esm.MeerjarenError.is(fromCjs)).toBe(true);
    expect(cjs.MeerjarenError.is(fromEsm)).toBe(true);
    expect(fromCjs instanceof esm.MeerjarenError).toBe(false);
    expect((fromCjs as { issues: { code: string; path: string }[] }).issues[0]).toMatchObject({ code: 'invalid_amount', path: 'sections[0].lines[0].values[0]' });
    expect(esm.MeerjarenError.is(new Error('x'))).toBe(false);
    expect(esm.MeerjarenError.is({ code: 'invalid_amount' })).toBe(false);
  });

  it.skipIf(!built)('both copies give the same exact totals', async () => {
    const esm = (await import(pathToFileURL(esmPath).href)) as Lib;
    const cjs = createRequire(import.meta.url)(cjsPath) as Lib;
    const doc = BAD.replace('"0x1F"', '"999999999999999999.999999"').replace(']}]}]}', ']},{"id":"b","title":"l","nature":"incidental","values":["-0.000001"]}]}]}');
    const a = esm.evaluate(esm.loadBudget(doc)).total['2025']?.amount.toFixed();
    const b = cjs.evaluate(cjs.loadBudget(doc)).total['2025']?.amount.toFixed();
    expect(a).toBe('999999999999999999.999998');
    expect(b).toBe(a);
  });
});
