import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(`${root}/dist/index.js`) && existsSync(`${root}/dist/index.cjs`);

/** Runs a script in a child process from the package root, so 'meerjaren' resolves through package.json "exports". */
function node(args: string[], script: string): string {
  return execFileSync(process.execPath, [...args, script], { cwd: root, encoding: 'utf8' });
}

const body = `
  const doc = JSON.parse(fs.readFileSync('examples/data/seed000-tb1.json', 'utf8'));
  const b = m.loadBudget(doc);
  const e = m.evaluate(b);
  let err; try { m.loadBudget({ version: 1 }); } catch (x) { err = x; }
  console.log(JSON.stringify({
    totals: e.years.map((y) => e.total[y].amount.div(1000).toFixed()),
    frozen: Object.isFrozen(b),
    errorIs: m.MeerjarenError.is(err),
    code: err.code,
  }));
`;

describe.runIf(built)('the built package (run `npm run build` first)', () => {
  it('loads as ESM through the exports map', () => {
    const out = node(['--input-type=module', '-e'], `import * as m from 'meerjaren'; import fs from 'node:fs'; ${body}`);
    expect(JSON.parse(out)).toEqual({ totals: ['-609', '363', '533', '725', '702', '742', '752'], frozen: true, errorIs: true, code: 'missing_field' });
  });

  it('loads as CommonJS through the exports map', () => {
    const out = node(['--input-type=commonjs', '-e'], `const m = require('meerjaren'); const fs = require('node:fs'); ${body}`);
    expect(JSON.parse(out)).toEqual({ totals: ['-609', '363', '533', '725', '702', '742', '752'], frozen: true, errorIs: true, code: 'missing_field' });
  });

  it('recognises an error from the CommonJS copy in the ESM copy (MeerjarenError.is, not instanceof)', () => {
    const out = node(
      ['--input-type=module', '-e'],
      `import * as esm from 'meerjaren'; import { createRequire } from 'node:module';
       const cjs = createRequire(process.cwd() + '/package.json')('meerjaren');
       let err; try { cjs.loadBudget('{'); } catch (x) { err = x; }
       console.log(JSON.stringify({ is: esm.MeerjarenError.is(err), instance: err instanceof esm.MeerjarenError, code: err.code }));`,
    );
    expect(JSON.parse(out)).toEqual({ is: true, instance: false, code: 'invalid_json' });
  });

  it('loads meerjaren/parallel as ESM and as CommonJS; it takes a compiled budget of the main entry, with the figures of monteCarlo', () => {
    const run = `
      const b = m.loadBudget(JSON.parse(fs.readFileSync('examples/data/seed000-tb1.json', 'utf8')));
      const c = m.compileBudget(b);
      const options = { draws: 50, seed: 7, inputs: [{ id: '1.4', kind: 'amount', rows: ['1.4'], distribution: { kind: 'uniform', low: '-1500000', high: '-600000' } }] };
      const one = m.monteCarlo(c, options);
      p.monteCarloAsync(c, { ...options, workers: 2, parallelThreshold: 0 })
        .then((r) => { console.log(JSON.stringify({ same: JSON.stringify(r.saldo) === JSON.stringify(one.saldo), pool: typeof p.WorkerPool })); return p.closeWorkerPools(); });`;
    const esm = node(['--input-type=module', '-e'], `import * as m from 'meerjaren'; import * as p from 'meerjaren/parallel'; import fs from 'node:fs'; ${run}`);
    const cjs = node(['--input-type=commonjs', '-e'], `const m = require('meerjaren'); const p = require('meerjaren/parallel'); const fs = require('node:fs'); ${run}`);
    expect(JSON.parse(esm)).toEqual({ same: true, pool: 'function' });
    expect(JSON.parse(cjs)).toEqual({ same: true, pool: 'function' });
  });

  it('ships the JSON Schemas of every document kind', () => {
    for (const kind of ['budget', 'scenario', 'scenario-list', 'cover', 'targets', 'risks', 'municipality']) {
      const out = node(['--input-type=commonjs', '-e'], `console.log(require.resolve('meerjaren/schema/${kind}.schema.json'))`);
      expect(out.trim().endsWith(`schema/${kind}.schema.json`)).toBe(true);
    }
  });
});

describe.runIf(!built)('the built package', () => {
  it('is not built: run `npm run build` to test dist/ (CI always builds first)', () => {
    expect(built).toBe(false);
  });
});
