import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentationBlocks, exampleBlocks, markdownBlocks } from './code-blocks.js';

/**
 * Every ```ts block of the TSDoc `@example`s in src/ and of docs/guide/*.md is type-checked and run against the
 * BUILT package, imported as 'meerjaren' the way a user imports it. The blocks are written as files into
 * test-results/doc-blocks/ (inside the package, so Node and tsc resolve 'meerjaren' through the "exports" of
 * package.json to dist/), checked by one `tsc` run that also emits them, and run one after another in one Node
 * process. A block marked ```ts no-run is type-checked only (docs/guide/README.md, "Code in this guide").
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = join(root, 'test-results', 'doc-blocks');

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'],
    strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, skipLibCheck: true,
    outDir: 'out', rootDir: '.', noEmitOnError: false,
  },
  include: ['*.ts'],
};

/** Runs each emitted block in turn, console muted, and prints one JSON line of failures. */
const RUNNER = `
import { pathToFileURL } from 'node:url';
const files = JSON.parse(process.argv[2]);
const failures = [];
const log = console.log;
for (const key of ['log', 'info', 'table', 'dir']) console[key] = () => {};
for (const file of files) {
  try { await import(pathToFileURL(file).href); }
  catch (error) { failures.push({ file, error: String(error && error.stack || error) }); }
}
log(JSON.stringify(failures));
process.exit(0);
`;

function ensureBuilt(): void {
  if (existsSync(join(root, 'dist', 'index.js')) && existsSync(join(root, 'dist', 'index.d.ts'))) return;
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
}

describe('the code blocks of the documentation', () => {
  it('finds blocks in @example sections only, and honours no-run', () => {
    const text = '/**\n * Text.\n * ```ts\n * notAnExample();\n * ```\n * @example\n * ```ts\n * const a = 1;\n *   a;\n * ```\n * @example\n * ```ts no-run\n * b();\n * ```\n * @category X\n */';
    expect(exampleBlocks(text, 'f.ts')).toEqual([
      { origin: 'f.ts:7', code: 'const a = 1;\n  a;', run: true },
      { origin: 'f.ts:12', code: 'b();', run: false },
    ]);
    const md = 'Text\n\n```ts\nx();\n```\n\n```json\n{}\n```\n\n  ```ts no-run\n  y();\n  ```\n';
    expect(markdownBlocks(md, 'g.md')).toEqual([
      { origin: 'g.md:3', code: 'x();', run: true },
      { origin: 'g.md:11', code: 'y();', run: false },
    ]);
  });

  it('type-checks and runs every block against the built package', () => {
    ensureBuilt();
    const blocks = documentationBlocks(root);
    expect(blocks.length).toBeGreaterThanOrEqual(40);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    writeFileSync(join(dir, 'runner.mjs'), RUNNER);
    const names = blocks.map((block, i) => {
      const name = `block-${String(i).padStart(3, '0')}`;
      writeFileSync(join(dir, `${name}.ts`), `// ${block.origin}\n${block.code}\nexport {};\n`);
      return name;
    });
    const originOf = (text: string): string => text.replace(/block-(\d{3})\.(?:ts|js)/g, (_, i: string) => blocks[Number(i)]!.origin);

    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir, '--pretty', 'false'], { cwd: root, encoding: 'utf8' });
    expect(originOf(tsc.stdout + tsc.stderr), 'type errors (file(line,col) is the line in the block + 1)').toBe('');

    const runnable = names.filter((_, i) => blocks[i]!.run).map((name) => join(dir, 'out', `${name}.js`));
    const run = spawnSync(process.execPath, [join(dir, 'runner.mjs'), JSON.stringify(runnable)], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const failures = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { file: string; error: string }[];
    expect(failures.map((f) => originOf(`${f.file.slice(dir.length + 5)}: ${f.error.split('\n').slice(0, 4).join(' | ')}`))).toEqual([]);
  });
});
