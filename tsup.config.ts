import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

// The testing entry loads fast-check through src/testing/fast-check.ts, with a top-level await (so that a missing
// fast-check gives a clear error); CommonJS has no top-level await, so its build takes fast-check-require.ts instead.
const fastCheckByRequire: Plugin = {
  name: 'fast-check-by-require',
  setup(build) {
    build.onResolve({ filter: /^\.\/fast-check\.js$/ }, (args) =>
      /[\\/]src[\\/]testing$/.test(args.resolveDir) ? { path: join(dirname(args.importer), 'fast-check-require.ts') } : undefined,
    );
  },
};

const present = (entries: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

// Source maps point into src/ by name but do not embed the sources (they were most of the package's size).
const common: Options = {
  sourcemap: true,
  target: 'es2022',
  external: ['fast-check'],
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
};
const library = present({ index: 'src/index.ts', testing: 'src/testing/index.ts', parallel: 'src/parallel.ts' });

export default defineConfig([
  // The library, its testing subpath and its Node-only parallel subpath, with type declarations: ESM (shared
  // chunks; no shims, so that the main entry's chunks import no Node module and bundle for a browser)...
  {
    ...common,
    entry: library,
    format: ['esm'],
    dts: true,
  },
  // ...and CommonJS, with shared chunks too: the entries then share one copy of each module, so a budget (or a
  // compiled budget) from `meerjaren` is recognised by `meerjaren/parallel`. The shim gives import.meta.url
  // (the worker entry is found next to the module).
  {
    ...common,
    entry: library,
    format: ['cjs'],
    dts: true,
    splitting: true,
    shims: true,
    esbuildPlugins: [fastCheckByRequire],
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
