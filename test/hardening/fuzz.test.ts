import fc from 'fast-check';
import { assertNoPoisoning, restoreGlobals } from '@fast-check/poisoning';
import { afterAll, describe, expect, it } from 'vitest';
import { MeerjarenError } from '../../src/core/errors.js';
import { countWork } from '../../src/core/work.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { badAmountArb, budgetDocumentArb } from '../../src/testing/index.js';
import { hostileBudgetTexts } from './hostile-texts.js';
import { applyEdit, textEdits } from './text-mutations.js';

/**
 * Issue 7, loader fuzzing: generated and mutated documents, as JSON text and as objects. The loader may only
 * ever throw a MeerjarenError, must never pollute a prototype, and must read any text in work linear in its
 * length: the steps it counts (src/core/work.ts: values parsed and walked, fields and amounts read, totals
 * computed) stay under {@link WORK_PER_CHARACTER} per character. Counted, not timed, so that a busy machine
 * cannot fail the test; the time of the slowest texts is printed by `npm run bench -- --loaders`.
 */

const DEEP = Boolean(process.env.MEERJAREN_DEEP);
const RUNS_PER_FORMAT = DEEP ? 100_000 : 10_000;
/**
 * Most counted steps per character of a text (plus {@link WORK_BASE}) that loading and evaluating it may take.
 * Linear work stays far below it (see the printed maximum); a walk per value through the values before it
 * passes it on any text of a few kilobytes.
 */
const WORK_PER_CHARACTER = 8;
/** Steps any text may take whatever its length (the horizon's totals of an almost empty budget). */
const WORK_BASE = 2000;
const SIZE = { maxYears: 6, maxSections: 3, maxLines: 4, maxComponents: 2 } as const;

/** vitest's own globals change while tests run; they are not the loader's doing. */
const IGNORED = { ignoredRootRegex: /^(__vitest.*|AbortController|__VITEST.*)$/ };

const stats = { inputs: 0, maxPerCharacter: 0, maxBytes: 0, maxWork: 0, errors: 0, loaded: 0 };

/** Loads one input, counting the work; rethrows anything that is not the library's own error. */
function attempt(input: unknown): number {
  let loaded = false;
  const work = countWork(
    () => {
      const b = loadBudget(input);
      evaluate(b);
      loaded = true;
    },
    (e) => {
      if (!MeerjarenError.is(e)) throw e;
      expect(e.issues.length).toBeGreaterThan(0);
    },
  );
  stats.inputs++;
  if (loaded) stats.loaded++;
  else stats.errors++;
  if (typeof input === 'string') {
    const perCharacter = work.total / Math.max(1, input.length);
    if (perCharacter > stats.maxPerCharacter && input.length > 256) Object.assign(stats, { maxPerCharacter: perCharacter, maxBytes: input.length, maxWork: work.total });
    expect(work.total, `a text of ${input.length} characters took ${work.total} steps (${JSON.stringify(work.counts)})`).toBeLessThanOrEqual(WORK_PER_CHARACTER * input.length + WORK_BASE);
  }
  const polluted = ({} as Record<string, unknown>)['polluted'];
  expect(polluted).toBeUndefined();
  return work.total;
}

// ---- mutations of JSON text ------------------------------------------------------------------------

const FRAGMENTS = [
  '"__proto__"', '"constructor"', '"prototype"', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}',
  '1e309', '-1e-9999999', '12345678901234567890', '0.1234567890123456789', '-0', 'NaN', 'Infinity', 'null', 'true', '[]', '{}',
  '"pm"', '"-PM"', '"1.234"', '"1.234,56"', '"0x1F"', '""', '"\\u0000"', '"\\ud800"', '"\\u"', '\\', '"', ',', ':', '[', ']', '{', '}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', '{"a":'.repeat(40), '"2026"', '2026', '2026.0', '"toStringTag"', '{"toStringTag":"[object Decimal]"}',
  '\ufeff', '\u2028', ' ', '\n', '"\uD83D\uDE00"', '9'.repeat(400), '"' + '9'.repeat(400) + '"',
];

const edits = textEdits(FRAGMENTS);
const textMutation = fc.oneof(...edits.head, fc.record({ kind: fc.constant('amount' as const), at: fc.nat(), bad: badAmountArb() }), edits.truncate);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateText(text: string, m: TextMutation): string {
  if (m.kind !== 'amount') return applyEdit(text, m);
  // an amount string replaced by a bad one
  const matches = [...text.matchAll(/"-?\d[\d.,]*"|"[+-]?pm"/gi)];
  const hit = matches.length === 0 ? undefined : matches[m.at % matches.length];
  if (hit?.index === undefined) return text;
  return text.slice(0, hit.index) + m.bad.json + text.slice(hit.index + hit[0].length);
}

const mutatedText = fc.tuple(budgetDocumentArb(SIZE), fc.boolean(), fc.array(textMutation, { minLength: 1, maxLength: 4 })).map(([doc, pretty, ms]) =>
  ms.reduce((t, m) => mutateText(t, m), JSON.stringify(doc, null, pretty ? 2 : undefined)),
);

// ---- mutations of document objects -----------------------------------------------------------------

const strange = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 0.1, 2 ** 53 + 2, undefined, null, '', ' ', 'pm', '-pm', '1.234', '1e5', 10n ** 30n, 5n, Symbol('s')),
  // fresh objects each time: a shared one could be mutated into a cycle by later mutations
  fc.constantFrom<() => unknown>(() => () => 1, () => new Date(0), () => [], () => ({}), () => new Map(), () => [, '1'], () => Object.create(null)).map((make) => make()),
  badAmountArb().map((b) => {
    try {
      return JSON.parse(b.json) as unknown;
    } catch {
      return b.json;
    }
  }),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((k) => JSON.parse(`{"${k}":{"polluted":true}}`) as unknown),
);

const objectMutation = fc.record({ at: fc.nat(), value: strange, key: fc.option(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'values', 'nature', 'row', 'id', '2026', 'expected'), fc.string({ maxLength: 5 })), { nil: undefined }), drop: fc.boolean() });
type ObjectMutation = typeof objectMutation extends fc.Arbitrary<infer T> ? T : never;

/** Every container in a document, with its keys. */
function containers(value: unknown, out: (Record<string, unknown> | unknown[])[] = []): (Record<string, unknown> | unknown[])[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) containers(v, out);
  }
  return out;
}

function mutateObject(doc: unknown, m: ObjectMutation): void {
  const all = containers(doc);
  const target = all[m.at % all.length];
  if (target === undefined) return;
  const keys = Object.keys(target);
  const key = m.key ?? keys[m.at % Math.max(1, keys.length)] ?? 'x';
  if (m.drop && keys.length > 0) {
    delete (target as Record<string, unknown>)[keys[m.at % keys.length] ?? ''];
    return;
  }
  // defineProperty, so that "__proto__" becomes an own key as JSON.parse would make it
  Object.defineProperty(target, Array.isArray(target) ? String(m.at % (target.length + 1)) : key, { value: m.value, enumerable: true, writable: true, configurable: true });
}

const mutatedObject = fc.tuple(budgetDocumentArb(SIZE), fc.array(objectMutation, { minLength: 1, maxLength: 4 })).map(([doc, ms]) => {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  for (const m of ms) mutateObject(copy, m);
  return copy;
});

describe('loader fuzzing', () => {
  afterAll(() => {
    // the figures the issue asks for
    console.info(
      `fuzz: ${stats.inputs} inputs (${stats.loaded} loaded, ${stats.errors} refused with MeerjarenError); most work per character of a text over 256 characters: ` +
        `${stats.maxPerCharacter.toFixed(2)} steps (${stats.maxWork} for ${stats.maxBytes} characters; limit ${WORK_PER_CHARACTER} per character + ${WORK_BASE})`,
    );
    restoreGlobals(IGNORED);
  });

  it(`${RUNS_PER_FORMAT} mutated JSON texts: only MeerjarenError, no poisoning, work linear in the length`, () => {
    fc.assert(fc.property(mutatedText, (text) => void attempt(text)), { numRuns: RUNS_PER_FORMAT });
    assertNoPoisoning(IGNORED);
  });

  it(`${RUNS_PER_FORMAT} mutated document objects: only MeerjarenError, no poisoning`, () => {
    fc.assert(fc.property(mutatedObject, (doc) => void attempt(doc)), { numRuns: RUNS_PER_FORMAT });
    assertNoPoisoning(IGNORED);
  });

  it('valid documents near 64 KB load in work linear in their length', () => {
    const large = budgetDocumentArb({ maxYears: 10, maxSections: 8, maxLines: 25, maxComponents: 3 })
      .map((d) => JSON.stringify(d))
      .filter((t) => t.length > 16 * 1024 && t.length < 64 * 1024);
    fc.assert(fc.property(large, (text) => void attempt(text)), { numRuns: DEEP ? 2000 : 30 });
    assertNoPoisoning(IGNORED);
  });

  it('hostile texts near 64 KB (deep nesting, long numbers, many keys, many bad values) are refused in work linear in their length', () => {
    const near = 60 * 1024;
    const small = hostileBudgetTexts(near / 8);
    hostileBudgetTexts(near).forEach((text, n) => {
      expect(text.length).toBeLessThan(64 * 1024);
      // eight times the text is at most three times eight times the work (quadratic work would be 64 times)
      const [few, many] = [attempt(small[n]!), attempt(text)];
      expect(many, `hostile text ${n}: ${few} steps at ${small[n]!.length} characters, ${many} at ${text.length}`).toBeLessThanOrEqual(3 * 8 * few + WORK_BASE);
    });
    assertNoPoisoning(IGNORED);
  });
});
