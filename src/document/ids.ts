/**
 * The rules for ids and texts that the budget loader applies, shared with everything that creates lines or
 * components (a scenario's `add-line`), so that whatever the library builds can be saved and loaded again.
 * @internal
 */
import type { Path } from '../core/errors.js';
import { FORBIDDEN_KEYS } from './json.js';

/** An id: letters, digits and `. _ - / :`, starting with a letter or digit. @internal */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._\-/:]*$/u;

/** Longest id, in UTF-16 code units. @internal */
export const MAX_ID_LENGTH = 64;

/** Longest text (title, label, tag value), in UTF-16 code units. @internal */
export const MAX_TEXT_LENGTH = 1000;

/**
 * A reference to something that exists: an id, or a default component id such as `1.7#1` (the `#` the loader
 * gives unnamed components). Scenario references and the ids of the cover and savings parts follow it.
 * @internal
 */
export const REFERENCE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._\-/:#]*$/u;

/** Which id rule applies: `id` (a new id, by the loader's rule, without `#`) or `reference` (`#` allowed). @internal */
export type IdRule = 'id' | 'reference';

/**
 * Why a text is not an id by a rule, the one check every reader shares: `forbidden_key` for `__proto__`,
 * `constructor` or `prototype`, `invalid_id` for another character or more than {@link MAX_ID_LENGTH} characters;
 * `undefined` when it is an id.
 * @param raw - the text
 * @param rule - see {@link IdRule}
 * @internal
 */
export function idProblem(raw: string, rule: IdRule): 'forbidden_key' | 'invalid_id' | undefined {
  if (FORBIDDEN_KEYS.has(raw)) return 'forbidden_key';
  return (rule === 'id' ? ID_PATTERN : REFERENCE_PATTERN).test(raw) && raw.length <= MAX_ID_LENGTH ? undefined : 'invalid_id';
}

/** What an id by a rule is, for a message. @internal */
export function idRuleText(rule: IdRule): string {
  return `letters, digits and . _ - / :${rule === 'reference' ? ' #' : ''}, starting with a letter or digit, at most ${MAX_ID_LENGTH} characters`;
}

/**
 * What a reader does with a forbidden key (`__proto__`, `constructor`, `prototype`) among an object's keys:
 * `report` it as `forbidden_key`, `skip` it (the JSON shape check of the document reported it already), or treat
 * it as any `unknown` field.
 * @internal
 */
export type ForbiddenKeyRule = 'report' | 'skip' | 'unknown';

/**
 * The one check of an object's keys against the fields it may have: `unknown_field` at the key (with a hint for
 * a key that differs only in case), and forbidden keys by `forbidden`.
 * @param obj - the object read
 * @param known - the fields it may have
 * @param path - where the object is
 * @param forbidden - see {@link ForbiddenKeyRule}
 * @param add - receives each problem
 * @internal
 */
export function checkKeys(obj: object, known: readonly string[], path: Path, forbidden: ForbiddenKeyRule, add: (code: 'forbidden_key' | 'unknown_field', path: Path, message: string) => void): void {
  for (const key of Object.keys(obj)) {
    if (forbidden !== 'unknown' && FORBIDDEN_KEYS.has(key)) {
      if (forbidden === 'report') add('forbidden_key', [...path, key], `"${key}" is not allowed as a key`);
    } else if (!known.includes(key)) {
      const hint = known.find((k) => k.toLowerCase() === key.toLowerCase());
      add('unknown_field', [...path, key], `unknown field "${key}"${hint === undefined ? '' : ` (did you mean "${hint}"?)`}; known: ${known.join(', ')}`);
    }
  }
}
