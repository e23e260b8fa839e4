/**
 * Closed issue codes (issue 11, point 3): every code src uses is one of ISSUE_CODES, every one of ISSUE_CODES is
 * documented in docs/limits.md, and src throws nothing but MeerjarenErrors.
 *
 * The codes are read from the source text with regular expressions (no parser), in three patterns:
 * - CALL: a code literal as the first argument of `fail(`, `issue(`, `.add(` (every collector), `.issue(`,
 *   `invalid(`, `refuse(` and `usage(` (the helpers that make an issue): `fail('invalid_value', ...)`;
 * - PROPERTY: a code literal after `code:` (`{ code: 'invalid_amount', ... }`); in the two files that build
 *   findings and warnings (src/evaluate/cover.ts, src/evaluate/structural.ts) such a literal may instead be one
 *   of their own closed unions `CoverFindingCode`, `BalanceWarningCode` and `OadFindingCode` (read from their declarations);
 * - ANY: every snake_case text literal in src (`'negative_capacity'` handed to a reader as its code for a
 *   negative amount): option values are kebab-case or single words, so a snake_case literal is always a code,
 *   an issue code or a finding or warning code.
 * The TypeScript compiler checks the same closure (IssueCode is the union of ISSUE_CODES); this test also covers
 * the documentation, and a code the type system cannot see (a cast, a value from plain JavaScript).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, IssueCollector, MeerjarenError, fail, type IssueCode } from '../../src/core/errors.js';
import { issuesOf } from '../helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const srcDir = join(root, 'src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out.sort();
}

const files = sourceFiles(srcDir).map((file) => ({ name: relative(root, file).split('\\').join('/'), text: readFileSync(file, 'utf8') }));
const known = new Set<string>(ISSUE_CODES);

const CALL = /(?:\bfail|\bissue|\.add|\.issue|\binvalid|\brefuse|\busage)\(\s*'([a-z0-9_]+)'/g;
const PROPERTY = /\bcode:\s*'([a-z0-9_]+)'/g;
const ANY = /'([a-z][a-z0-9]*(?:_[a-z0-9]+)+)'/g;

/** The union types of finding and warning codes, with the files whose `code:` literals may be such codes. */
const FINDING_UNIONS: Record<string, readonly string[]> = {
  CoverFindingCode: ['src/evaluate/cover.ts', 'src/evaluate/cover-year.ts'],
  BalanceWarningCode: ['src/evaluate/structural.ts'],
  Iv3FindingCode: ['src/validate/iv3-tags.ts'],
  OadFindingCode: ['src/evaluate/municipality.ts'],
};
const FINDING_FILES = new Set(Object.values(FINDING_UNIONS).flat());

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1]!);
}

/** The literals of `export type <name> = | 'a' | 'b' ...;` in a source text. */
function unionLiterals(text: string, name: string): string[] {
  const decl = new RegExp(`export type ${name}\\s*=([^;]*);`).exec(text);
  if (decl === null) throw new Error(`no declaration of ${name}`);
  return matches(decl[1]!, /'([a-z0-9_]+)'/g);
}

const findingCodes = new Set<string>();
for (const union of Object.keys(FINDING_UNIONS)) {
  // declared in one file of src/, wherever it is
  const source = files.find((f) => new RegExp(`export type ${union}\\s*=`).test(f.text));
  if (source === undefined) throw new Error(`no declaration of ${union} in src/`);
  for (const code of unionLiterals(source.text, union)) findingCodes.add(code);
}

/** Where each code that is not an issue code occurs, as `file: code` (empty when all are known). */
function unknownCodes(pattern: RegExp, allowed: (file: string, code: string) => boolean): { found: Set<string>; unknown: string[] } {
  const found = new Set<string>();
  const unknown: string[] = [];
  for (const { name, text } of files) {
    for (const code of matches(text, pattern)) {
      found.add(code);
      if (!allowed(name, code)) unknown.push(`${name}: ${code}`);
    }
  }
  return { found, unknown };
}

/** The backticked codes in the first cell of every table row of the "## Error codes" section of docs/limits.md. */
function documentedCodes(): Set<string> {
  const limits = readFileSync(join(root, 'docs', 'limits.md'), 'utf8');
  const start = limits.indexOf('\n## Error codes');
  expect(start).toBeGreaterThan(0);
  const next = limits.indexOf('\n## ', start + 1);
  const section = limits.slice(start, next < 0 ? undefined : next);
  const codes = new Set<string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    const first = line.split('|')[1] ?? '';
    for (const code of matches(first, /`([a-z0-9_]+)`/g)) codes.add(code);
  }
  return codes;
}

describe('closed issue codes', () => {
  it('ISSUE_CODES lists each code once, in snake_case', () => {
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
    for (const code of ISSUE_CODES) expect(code).toMatch(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/);
  });

  it('every code passed to fail(, issue(, add( and the issue helpers is one of ISSUE_CODES', () => {
    const { found, unknown } = unknownCodes(CALL, (_file, code) => known.has(code));
    expect(unknown).toEqual([]);
    expect(found.size).toBeGreaterThan(50); // the pattern still finds the calls
  });

  it('every `code:` literal is one of ISSUE_CODES (or, where findings are built, a finding or warning code)', () => {
    expect(findingCodes.size).toBeGreaterThan(10);
    const { found, unknown } = unknownCodes(PROPERTY, (file, code) => known.has(code) || (FINDING_FILES.has(file) && findingCodes.has(code)));
    expect(unknown).toEqual([]);
    expect(found.size).toBeGreaterThan(10);
  });

  it('every snake_case text literal in src is an issue code or a finding or warning code', () => {
    const { found, unknown } = unknownCodes(ANY, (_file, code) => known.has(code) || findingCodes.has(code));
    expect(unknown).toEqual([]);
    for (const code of ISSUE_CODES) if (code.includes('_')) expect(found.has(code), `${code} is declared but no longer used`).toBe(true);
  });

  it('every one of ISSUE_CODES has a row in the "Error codes" section of docs/limits.md', () => {
    const documented = documentedCodes();
    expect(ISSUE_CODES.filter((code) => !documented.has(code))).toEqual([]);
    // and the section names no code that does not exist
    expect([...documented].filter((code) => !known.has(code) && !findingCodes.has(code))).toEqual([]);
  });

  it('src throws only MeerjarenErrors: no `throw new` of another class, no other error class', () => {
    const offenders: string[] = [];
    for (const { name, text } of files) {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const m of code.matchAll(/\bthrow\s+new\s+([A-Za-z_$][\w$]*)/g)) if (m[1] !== 'MeerjarenError') offenders.push(`${name}: throw new ${m[1]}`);
      for (const m of code.matchAll(/\bthrow\s+(['"`]|\d)/g)) offenders.push(`${name}: throw ${m[1]}...`);
      for (const m of code.matchAll(/\bclass\s+(\w+)\s+extends\s+(\w*Error)\b/g)) if (m[1] !== 'MeerjarenError') offenders.push(`${name}: class ${m[1]} extends ${m[2]}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('the IssueCode type', () => {
  it('is closed: a text that is not one of ISSUE_CODES does not compile (checked by tsc --noEmit)', () => {
    const known: IssueCode = 'invalid_value';
    // @ts-expect-error not one of ISSUE_CODES
    const unknown: IssueCode = 'no_such_code';
    // @ts-expect-error fail takes an IssueCode, not any text
    const call = (): never => fail('no_such_code', [], 'm');
    expect([known, unknown]).toEqual(['invalid_value', 'no_such_code']);
    // from plain JavaScript the unknown code is refused when the error is made
    expect(issuesOf(call)).toEqual([{ code: 'invalid_argument', path: 'issues' }]);
  });
});

describe('codes from plain JavaScript', () => {
  it('new MeerjarenError refuses an issue whose code is not one of ISSUE_CODES', () => {
    const bogus = [{ code: 'no_such_code', path: '', pathSegments: [], message: 'm' }];
    expect(issuesOf(() => new MeerjarenError(bogus as never))).toEqual([{ code: 'invalid_argument', path: 'issues' }]);
    expect(issuesOf(() => new IssueCollector().addAll(bogus as never))).toEqual([{ code: 'invalid_argument', path: 'issues' }]);
  });

  it('IssueCollector.add refuses a code that is not one of ISSUE_CODES', () => {
    expect(issuesOf(() => new IssueCollector().add('no_such_code' as never, [], 'm'))).toEqual([{ code: 'invalid_argument', path: 'code' }]);
    expect(issuesOf(() => new IssueCollector().add('' as never, [], 'm'))).toEqual([{ code: 'invalid_argument', path: 'code' }]);
    const collector = new IssueCollector();
    collector.add('internal_error', ['x'], 'm');
    expect(collector.issues.map((i) => i.code)).toEqual(['internal_error']);
  });
});
