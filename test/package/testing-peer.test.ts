import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeerjarenError } from '../../src/index.js';
import { FAST_CHECK_HINT, fastCheckLoadError } from '../../src/testing/peer.js';

// Issue 14: without fast-check installed, `meerjaren/testing` failed with a bare ERR_MODULE_NOT_FOUND.
describe('the fast-check guard of meerjaren/testing', () => {
  it('turns "fast-check not found" (ESM and CommonJS wording) into missing_peer_dependency with the install command', () => {
    const esm = Object.assign(new Error("Cannot find package 'fast-check' imported from /p/dist/testing.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const cjs = Object.assign(new Error("Cannot find module 'fast-check'\nRequire stack:\n- /p/dist/testing.cjs"), { code: 'MODULE_NOT_FOUND' });
    for (const cause of [esm, cjs]) {
      const err = fastCheckLoadError(cause);
      expect(MeerjarenError.is(err)).toBe(true);
      expect((err as MeerjarenError).code).toBe('missing_peer_dependency');
      expect((err as MeerjarenError).message).toContain('npm install --save-dev fast-check');
      expect((err as MeerjarenError).message).not.toContain('Require stack');
    }
    expect(FAST_CHECK_HINT).toContain('fast-check');
  });

  it('passes any other failure on unchanged (a module fast-check imports, a syntax error, a non-error)', () => {
    const inner = Object.assign(new Error("Cannot find module '/p/node_modules/fast-check/lib/x.js'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const syntax = new SyntaxError('Unexpected token');
    expect(fastCheckLoadError(inner)).toBe(inner);
    expect(fastCheckLoadError(syntax)).toBe(syntax);
    expect(fastCheckLoadError('boom')).toBe('boom');
    expect(fastCheckLoadError(null)).toBe(null);
  });
});

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist/testing.js')) && existsSync(join(root, 'dist/testing.cjs'));

describe.runIf(built)('the built meerjaren/testing in a project without fast-check', () => {
  // a consumer project: meerjaren copied (dist/ and package.json) into its node_modules, with its two
  // dependencies but no fast-check
  let project = '';
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'meerjaren-no-fc-'));
    const pkg = join(project, 'node_modules', 'meerjaren');
    mkdirSync(pkg, { recursive: true });
    cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true });
    cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
    for (const dep of ['decimal.js', 'immer']) symlinkSync(join(root, 'node_modules', dep), join(project, 'node_modules', dep), 'dir');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const run = (type: 'module' | 'commonjs', script: string): string =>
    execFileSync(process.execPath, [`--input-type=${type}`, '-e', script], { cwd: project, encoding: 'utf8' });

  it('ESM: import rejects with missing_peer_dependency naming fast-check; the main entry still loads', () => {
    const out = run('module', `
      const m = await import('meerjaren');
      let err; try { await import('meerjaren/testing'); } catch (x) { err = x; }
      console.log(JSON.stringify({ main: typeof m.evaluate, is: m.MeerjarenError.is(err), code: err.code, message: err.message }));`);
    const r = JSON.parse(out) as { main: string; is: boolean; code: string; message: string };
    expect(r).toMatchObject({ main: 'function', is: true, code: 'missing_peer_dependency' });
    expect(r.message).toContain('npm install --save-dev fast-check');
  });

  it('CommonJS: require throws missing_peer_dependency naming fast-check', () => {
    const out = run('commonjs', `
      const m = require('meerjaren');
      let err; try { require('meerjaren/testing'); } catch (x) { err = x; }
      console.log(JSON.stringify({ main: typeof m.evaluate, is: m.MeerjarenError.is(err), code: err.code, message: err.message }));`);
    const r = JSON.parse(out) as { main: string; is: boolean; code: string; message: string };
    expect(r).toMatchObject({ main: 'function', is: true, code: 'missing_peer_dependency' });
    expect(r.message).toContain('npm install --save-dev fast-check');
  });
});
