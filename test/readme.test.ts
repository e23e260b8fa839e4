import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}/README.md`, 'utf8');

describe('README', () => {
  it('opens with the two commands of a fresh machine', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock.split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/#.*$/, '').trim());
    expect(commands).toEqual(['npm ci && npm run demo', 'npm test']);
    const scripts = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['demo']).toBeDefined();
    expect(scripts['test']).toBeDefined();
  });

  it('has a quick start that runs and prints what its comments say', () => {
    const code = /## Quick start\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    expect(code!.split('\n').length).toBeLessThanOrEqual(25);
    mkdirSync(`${root}/test-results`, { recursive: true });
    const file = `${root}/test-results/readme-quick-start.ts`;
    writeFileSync(file, code!);
    const out = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8' });
    for (const [, expected] of code!.matchAll(/\/\/ "([^"]+)"/g)) expect(out).toContain(expected);
    expect(out).toContain("[ '1.4', '1.6' ]");
  });
});
