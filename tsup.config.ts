import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** Entry points; each one is a file a user or a worker thread loads. */
const entries: Record<string, string> = {
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  cli: 'src/cli/main.ts',
  worker: 'src/uncertainty/worker.ts',
};
const entry = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
const typed = Object.fromEntries(Object.entries(entry).filter(([name]) => name === 'index' || name === 'testing'));

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: { entry: typed },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['fast-check'],
});
