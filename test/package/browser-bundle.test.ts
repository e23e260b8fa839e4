import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Issue 11, point 5: the main entry runs in a browser. Node-only code (parallel Monte Carlo on worker threads)
// lives in the `meerjaren/parallel` entry (src/parallel.ts); the main entry must bundle for a browser.
const entry = (file: string): string => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));
const builtIndex = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

async function bundle(file: string, path = entry(file)): Promise<{ errors: number; text: string }> {
  const result = await build({
    entryPoints: [path],
    platform: 'browser',
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
  });
  return { errors: result.errors.length, text: result.outputFiles.map((f) => f.text).join('\n') };
}

describe('the main entry in a browser', () => {
  it('bundles src/index.ts with esbuild for the browser, with no node: module left', async () => {
    const { errors, text } = await bundle('index.ts');
    expect(errors).toBe(0);
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(text).not.toMatch(/\bworker_threads\b/);
  });

  it('bundles the testing entry (src/testing/index.ts) for the browser too', async () => {
    const { errors, text } = await bundle('testing/index.ts');
    expect(errors).toBe(0);
    expect(text).not.toMatch(/["']node:[a-z_/]+["']/);
  });

  it.runIf(existsSync(builtIndex))('bundles the built dist/index.js (ESM, with its shared chunks) for the browser, when built', async () => {
    const { errors, text } = await bundle('', builtIndex);
    expect(errors).toBe(0);
    expect(text).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(text).not.toMatch(/\bworker_threads\b/);
  });

  it('cannot bundle the parallel entry for the browser (it needs node:worker_threads)', async () => {
    await expect(bundle('parallel.ts')).rejects.toThrow();
  });
});
