/**
 * Small helpers shared by the test files: reading what a call refused (its MeerjarenError issues) and loading
 * the seed documents in examples/data. Only plumbing; every test keeps its own assertions.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Budget } from '../src/model/budget.js';
import { MeerjarenError } from '../src/core/errors.js';
import { loadBudget } from '../src/evaluate/load.js';

/** One issue as the tests compare it: its stable code and where it is. */
export interface CodeAndPath {
  readonly code: string;
  readonly path: string;
}

/**
 * Runs `run` and returns the MeerjarenError it throws, `undefined` when it returns normally.
 * Anything else thrown is thrown again, so a TypeError fails the test instead of passing as "refused".
 */
function refusal(run: () => unknown): MeerjarenError | undefined {
  try {
    run();
  } catch (error) {
    if (MeerjarenError.is(error)) return error;
    throw error;
  }
  return undefined;
}

const codeAndPath = (error: MeerjarenError): CodeAndPath[] => error.issues.map((i) => ({ code: i.code, path: i.path }));

/**
 * The issues of the MeerjarenError `run` throws, as `{ code, path }`; throws when `run` throws nothing.
 * @example `expect(issuesOf(() => applyScenario(seed, bad))).toEqual([{ code: 'unknown_reference', path: 'changes[0].line' }])`
 */
export function issuesOf(run: () => unknown): CodeAndPath[] {
  const error = refusal(run);
  if (error === undefined) throw new Error('expected a MeerjarenError');
  return codeAndPath(error);
}

/** Like {@link issuesOf}, but `[]` when `run` throws nothing (for tests that also check what is accepted). */
export function issuesOrNone(run: () => unknown): CodeAndPath[] {
  const error = refusal(run);
  return error === undefined ? [] : codeAndPath(error);
}

/** The issues of the MeerjarenError `run` throws, as `[code, path]` pairs; throws when `run` throws nothing. */
export function issuePairsOf(run: () => unknown): [string, string][] {
  return issuesOf(run).map((i) => [i.code, i.path]);
}

/** The code and path of the first issue of the MeerjarenError `run` throws; `undefined` when it throws nothing. */
export function firstIssueOf(run: () => unknown): CodeAndPath | undefined {
  const error = refusal(run);
  return error === undefined ? undefined : { code: error.code, path: error.issues[0]?.path ?? '' };
}

/** The code (of the first issue) of the MeerjarenError `run` throws; `undefined` when it throws nothing. */
export function codeOf(run: () => unknown): string | undefined {
  return refusal(run)?.code;
}

/**
 * For fuzzing: the value of `f`, or `undefined` when it refuses the input. Anything thrown must be the
 * library's own error with at least one issue (asserted); anything else is thrown again.
 */
export function orRefused<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    return undefined;
  }
}

/** The text of a seed document in examples/data, e.g. `seedText('seed000-tb1.json')`. */
export function seedText(file: string): string {
  return readFileSync(new URL(`../examples/data/${file}`, import.meta.url), 'utf8');
}

/** A seed document in examples/data, loaded: `seedBudget('seed000-tb1.json')`. */
export function seedBudget(file: string): Budget {
  return loadBudget(seedText(file));
}
