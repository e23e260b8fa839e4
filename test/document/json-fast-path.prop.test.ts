import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeerjarenError } from '../../src/index.js';
import { parseJsonText, parseJsonTextStrictly } from '../../src/document/json.js';

/** What a call gives: its value, or the codes and paths of its refusal. */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    if (!MeerjarenError.is(error)) throw error;
    return { issues: error.issues.map((i) => [i.code, i.path]) };
  }
}

// Texts with what the strict parser reads differently from JSON.parse: duplicate and forbidden keys, fractions,
// exponents, -0, large integers, deep nesting, a byte order mark, broken syntax.
const tricky = fc.oneof(
  fc.constantFrom('{"a":1,"a":2}', '{"__proto__":{}}', '{"constructor":1}', '[1.5]', '[1e3]', '[1E3]', '[-0]', '[9007199254740993]', '\ufeff{}', '{"a":', '{"a":"x:y","b":true}', '[true,false,null,"e.E"]'),
  fc.integer({ min: 1, max: 40 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
);
const texts = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v, null, 2)),
  fc.tuple(fc.jsonValue({ maxDepth: 2 }), tricky).map(([v, t]) => `{"x":${JSON.stringify(v)},"y":${t}}`),
  tricky,
);

describe('parseJsonStrict: the JSON.parse fast path reads every text as the strict parser does', () => {
  it('gives the same value, or the same refusal with the same paths, as the strict parser alone', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 40 }), (text, maxDepth) => {
        expect(outcome(() => parseJsonText(text, { maxDepth }))).toEqual(outcome(() => parseJsonTextStrictly(text, { maxDepth })));
      }),
      { numRuns: 500 },
    );
  });
});
