import fc from 'fast-check';

/** A text edit the fuzzers share: delete, insert or replace a fragment, or cut the text short. */
export type TextEdit =
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'replace'; readonly at: number; readonly text: string }
  | { readonly kind: 'truncate'; readonly at: number };

/**
 * The shared edits, in the order the fuzzers list them: delete, insert and replace (with the format's own strange
 * fragments or random strings), and truncate last.
 * @param fragments - strange fragments of the format
 */
export function textEdits(fragments: readonly string[]): {
  readonly head: readonly fc.Arbitrary<TextEdit>[];
  readonly truncate: fc.Arbitrary<TextEdit>;
} {
  return {
    head: [
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4, unit: 'binary' })) }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 3 })) }),
    ],
    truncate: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  };
}

/**
 * Applies a shared edit to a text.
 * @param text - the text
 * @param m - the edit
 */
export function applyEdit(text: string, m: TextEdit): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'replace': {
      // replace the value after a colon, or the character, by the fragment
      const colon = text.indexOf(':', at);
      if (colon < 0) return text.slice(0, at) + m.text + text.slice(at + 1);
      const end = text.slice(colon + 1).search(/[,}\]]/);
      return text.slice(0, colon + 1) + m.text + (end < 0 ? '' : text.slice(colon + 1 + end));
    }
    case 'truncate':
      return text.slice(0, at);
  }
}
