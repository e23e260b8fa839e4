import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 11, point 1: the folders of src/ are stages in the order data flows, and a folder imports only
 * folders before it. This test reads every import statement in src/ (static, type-only, re-exports and
 * dynamic imports) and fails on an import against the order and on any cycle between files.
 * docs/architecture.md describes the stages.
 */
const STAGES = ['core', 'model', 'document', 'validate', 'scenario', 'engine', 'evaluate', 'analysis', 'uncertainty', 'report', 'cli'] as const;
/** The package entries at the top of src/: they may import every stage but testing. */
const ENTRIES = ['index.ts', 'parallel.ts'];
/** Imports allowed against the order, `from -> to` (repository paths). Keep this empty; each one is named in docs/architecture.md. */
const ALLOWED: readonly string[] = [];

const root = fileURLToPath(new URL('../..', import.meta.url));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts')) out.push(path.slice(root.length));
  }
  return out;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;
const stripComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');

function normalise(from: string, spec: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const piece of spec.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/').replace(/\.js$/, '.ts');
}

const files = walk(`${root}src`);
const known = new Set(files);
const imports = new Map<string, string[]>(
  files.map((file) => {
    const text = stripComments(readFileSync(`${root}${file}`, 'utf8'));
    const targets = [...text.matchAll(SPECIFIER)].map((m) => m[2]!).filter((s) => s.startsWith('.')).map((s) => normalise(file, s));
    return [file, [...new Set(targets)]];
  }),
);

/** The stage of a file: its folder under src/, `entry` for the files at the top, or `testing`. */
function stageOf(file: string): string {
  const parts = file.split('/');
  return parts.length === 2 ? 'entry' : parts[1]!;
}

function allowed(from: string, to: string): boolean {
  const a = stageOf(from);
  const b = stageOf(to);
  if (a === 'testing') return b !== 'cli';
  if (b === 'testing') return false;
  if (a === 'entry') return b !== 'entry' && b !== 'cli';
  if (b === 'entry') return a === 'cli';
  return STAGES.indexOf(b as (typeof STAGES)[number]) <= STAGES.indexOf(a as (typeof STAGES)[number]);
}

describe('the stages of src/', () => {
  it('reads the import statements (a check of the check)', () => {
    const edges = [...imports.values()].reduce((n, t) => n + t.length, 0);
    expect(files.length).toBeGreaterThan(100);
    expect(edges).toBeGreaterThan(400);
    // every relative import names a file that exists
    const missing = [...imports].flatMap(([from, targets]) => targets.filter((t) => !known.has(t)).map((t) => `${from} -> ${t}`));
    expect(missing).toEqual([]);
  });

  it('places every folder of src/ in the order (a new folder gets a place in STAGES and docs/architecture.md)', () => {
    const folders = [...new Set(files.map(stageOf))].filter((s) => s !== 'entry' && s !== 'testing');
    expect(folders.filter((f) => !(STAGES as readonly string[]).includes(f))).toEqual([]);
    expect(files.filter((f) => stageOf(f) === 'entry').map((f) => f.slice(4))).toEqual(ENTRIES);
  });

  it('has no import against the order: a folder imports only folders before it, testing only its own entry imports', () => {
    const against = [...imports].flatMap(([from, targets]) => targets.filter((to) => !allowed(from, to)).map((to) => `${from} -> ${to}`));
    expect(against.filter((e) => !ALLOWED.includes(e))).toEqual([]);
    // an allowed exception that no longer happens is taken off the list
    expect(ALLOWED.filter((e) => !against.includes(e))).toEqual([]);
  });

  it('has no cycle between files', () => {
    const cycles: string[][] = [];
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    let counter = 0;
    const visit = (v: string): void => {
      index.set(v, counter);
      low.set(v, counter);
      counter++;
      stack.push(v);
      onStack.add(v);
      for (const w of imports.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || (imports.get(v) ?? []).includes(v)) cycles.push(component.sort());
      }
    };
    for (const file of files) if (!index.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
