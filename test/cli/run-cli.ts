// Runs the command line as a subprocess (tsx over the sources, with its real Node input and output), or in this
// process over files held in memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** What a run of the command line gave. */
export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs `meerjaren ...argv` in the repository's root, with `input` on standard input. */
export function meerjaren(argv: readonly string[], input = ''): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/cli/fixtures/node-cli.ts', ...argv], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Writes files into a fresh temporary folder, removed after the test file, and returns the path of each by name. */
export function scratch(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'meerjaren-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], text, 'utf8');
  }
  return paths;
}

/** A command line in this process that reads `files` by name (an unknown name fails as a missing file) and writes nothing. */
export function inMemoryCli(files: Readonly<Record<string, string>>): (...argv: string[]) => { code: number; out: string; err: string } {
  return (...argv) => {
    let out = '';
    let err = '';
    const code = runCli(argv, {
      readFile: (p) => {
        const text = files[p];
        if (text === undefined) throw new Error('ENOENT: no such file');
        return text;
      },
      writeFile: () => undefined,
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
    });
    return { code, out, err };
  };
}
