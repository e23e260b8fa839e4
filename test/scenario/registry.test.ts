import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS } from '../../src/scenario/changes/registry.js';
import { DISTRIBUTIONS } from '../../src/uncertainty/distributions/registry.js';
import { DISTRIBUTION_KINDS, type DistributionKind } from '../../src/uncertainty/distribution.js';
import type { ChangeKind } from '../../src/scenario/types.js';

/**
 * Every kind of the Change union, written out: `Record<ChangeKind, true>` makes the type checker refuse a list
 * that misses a kind of the union or names one that is not in it.
 */
const CHANGE_KIND_LIST: Record<ChangeKind, true> = {
  'set-amount': true,
  'estimate-pm': true,
  'drop-line': true,
  'set-nature': true,
  'add-line': true,
  'move-amount': true,
  index: true,
  'add-claim': true,
  'set-claim': true,
  'drop-claim': true,
  'set-capacity': true,
  'set-reserve-opening': true,
  'set-target-path': true,
  'set-realisation': true,
  'set-indicator': true,
  'set-parameter': true,
};

/** The same for the distribution kinds. */
const DISTRIBUTION_KIND_LIST: Record<DistributionKind, true> = { fixed: true, uniform: true, triangular: true, pert: true, normal: true, lognormal: true, discrete: true, mixture: true };

const camel = (kind: string): string => kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const source = (path: string): string => readFileSync(new URL(`../../src/${path}`, import.meta.url), 'utf8');

describe('the change kind registry', () => {
  it('has an entry for every kind of the Change union, and no other', () => {
    expect(Object.keys(CHANGE_KINDS).sort()).toEqual(Object.keys(CHANGE_KIND_LIST).sort());
  });

  it.each(Object.keys(CHANGE_KIND_LIST))('takes %s from its own file, which holds its type, shape check and application', async (kind) => {
    const file = `scenario/changes/${kind}.ts`;
    const mod = (await import(`../../src/${file.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
    const entry = CHANGE_KINDS[kind as ChangeKind];
    expect(mod[`${camel(kind)}Kind`]).toBe(entry);
    expect(typeof entry.shape).toBe('function');
    expect(typeof entry.apply).toBe('function');
    expect(typeof entry.footprint).toBe('function');
    expect(entry.fields).toContain('kind');
    const text = source(file);
    expect(text).toContain(`readonly kind: '${kind}';`);
    expect(text).toMatch(/\n {2}shape\(check, change, path\) \{/);
    expect(text).toMatch(/\n {2}apply: /);
  });
});

describe('the distribution kind registry', () => {
  it('has an entry for every distribution kind, and no other', () => {
    expect(Object.keys(DISTRIBUTIONS).sort()).toEqual(Object.keys(DISTRIBUTION_KIND_LIST).sort());
    expect([...DISTRIBUTION_KINDS].sort()).toEqual(Object.keys(DISTRIBUTION_KIND_LIST).sort());
  });

  it.each(Object.keys(DISTRIBUTION_KIND_LIST))('takes %s from its own file, which holds its type, reading and sampler', async (kind) => {
    const file = `uncertainty/distributions/${kind}.ts`;
    const mod = (await import(`../../src/${file.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
    const entry = DISTRIBUTIONS[kind as DistributionKind];
    expect(mod[`${kind}Kind`]).toBe(entry);
    expect(typeof entry.parse).toBe('function');
    expect(typeof entry.sampler).toBe('function');
    expect(entry.fields).toContain('kind');
    const text = source(file);
    expect(text).toContain(`readonly kind: '${kind}';`);
    expect(text).toMatch(/\n {2}parse\(/);
    expect(text).toMatch(/\n {2}sampler\(parsed, unit, roundTo\) \{/);
  });
});
