import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/index.js';
import { runCli } from '../../src/cli/run.js';

describe('VERSION', () => {
  it("equals package.json's version", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('is what `meerjaren --version` prints', () => {
    let out = '';
    const code = runCli(['--version'], { readFile: () => '', writeFile: () => {}, stdout: (t) => (out += t), stderr: () => {} });
    expect(code).toBe(0);
    expect(out).toBe(`${VERSION}\n`);
  });
});
