import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string): string => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^meerjaren$/, replacement: src('index.ts') },
      { find: /^meerjaren\/testing$/, replacement: src('testing/index.ts') },
      { find: /^meerjaren\/parallel$/, replacement: src('parallel.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // The JSON report is what CI counts; the default reporter is what people read.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    // A guard against a hang, not a limit on speed: on a busy 2-core machine next to another test run, a test that
    // takes 10 s alone took 107 s; no test may fail for that (speed is checked by counting work, src/core/work.ts).
    testTimeout: 600_000,
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine, where the run took
    // 434 s of which the files' own time was 322 s; two workers share the cores with the CLI and example subprocesses.
    maxWorkers: 2,
    hookTimeout: 600_000,
  },
});
