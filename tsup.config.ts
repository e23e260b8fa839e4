import { existsSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const present = (entries: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

const common: Options = { sourcemap: true, target: 'es2022', external: ['fast-check'] };

export default defineConfig([
  // The library, its testing subpath and its Node-only parallel subpath, for import and require, with type declarations.
  {
    ...common,
    entry: present({ index: 'src/index.ts', testing: 'src/testing/index.ts', parallel: 'src/parallel.ts' }),
    format: ['esm', 'cjs'],
    dts: true,
  },
  // The Monte Carlo worker thread's entry, loaded by the ESM and the CJS build alike.
  {
    ...common,
    entry: present({ worker: 'src/uncertainty/worker.ts' }),
    format: ['esm', 'cjs'],
  },
  // The command line (bin), ESM only.
  {
    ...common,
    entry: present({ cli: 'src/cli/main.ts' }),
    format: ['esm'],
  },
]);
