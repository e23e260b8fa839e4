import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A fenced code block of the documentation: a TSDoc `@example` in src/ or a block of a guide chapter.
 * `run` is false for a block marked ```` ```ts no-run ````: it is type-checked, not run.
 */
export interface CodeBlock {
  /** Where it is: `src/evaluate/load.ts:42` (the line of the opening fence). */
  readonly origin: string;
  readonly code: string;
  readonly run: boolean;
}

const FENCE = /^```(\S*)(.*)$/;

/** The `ts` blocks of lines already stripped of comment stars; `firstLine` is the 1-based line of lines[0]. */
function blocksOf(lines: readonly string[], file: string, firstLine: number, inExample: (i: number) => boolean): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!.trim());
    if (open === null) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    const indent = /^\s*/.exec(lines[i]!)![0].length;
    if (open[1] === 'ts' && inExample(i)) {
      const words = open[2]!.trim().split(/\s+/);
      const code = lines.slice(i + 1, end).map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length))).join('\n');
      blocks.push({ origin: `${file}:${firstLine + i}`, code, run: !words.includes('no-run') });
    }
    i = end;
  }
  return blocks;
}

/** The ```ts blocks inside the `@example` sections of the doc comments of one source file. */
export function exampleBlocks(text: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const match of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const startLine = text.slice(0, match.index).split('\n').length;
    const lines = match[0].split('\n').map((l) => l.replace(/^\s*\/?\*\*?\/? ?/, '').replace(/\s*\*\/$/, ''));
    // a line starting with a tag opens a section; fences are skipped whole by blocksOf, so a tag inside one never counts
    const section: string[] = [];
    let current = '';
    let fenced = false;
    for (const line of lines) {
      if (line.trim().startsWith('```')) fenced = !fenced;
      else if (!fenced && /^@\w+/.test(line.trim())) current = /^@(\w+)/.exec(line.trim())![1]!;
      section.push(current);
    }
    blocks.push(...blocksOf(lines, file, startLine, (i) => section[i] === 'example'));
  }
  return blocks;
}

/** The ```ts blocks of a Markdown chapter. */
export function markdownBlocks(text: string, file: string): CodeBlock[] {
  return blocksOf(text.split('\n'), file, 1, () => true);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every block the test checks: the `@example`s of src/, the blocks of docs/guide/*.md and of the API landing page. */
export function documentationBlocks(root: string): CodeBlock[] {
  const fromSource = tsFiles(join(root, 'src')).sort().flatMap((file) => exampleBlocks(readFileSync(file, 'utf8'), relative(root, file)));
  const guide = join(root, 'docs', 'guide');
  const fromGuide = readdirSync(guide).filter((f) => f.endsWith('.md')).sort()
    .flatMap((f) => markdownBlocks(readFileSync(join(guide, f), 'utf8'), `docs/guide/${f}`));
  const landing = markdownBlocks(readFileSync(join(root, 'docs', 'api-index.md'), 'utf8'), 'docs/api-index.md');
  return [...fromSource, ...fromGuide, ...landing];
}
