/**
 * The kinds of document the command line reads (documentsoorten), and how a kind is told from a document's
 * shape when `--kind` does not name it.
 * @module
 */

/** The document kinds `validate` knows. */
export const DOCUMENT_KINDS = ['budget', 'scenario', 'scenario-list', 'scenario-library', 'cover', 'targets', 'risks', 'municipality'] as const;
/** A document kind. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const has = (value: Record<string, unknown>, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** Whether a value looks like one scenario: an object with changes or extends. */
function looksLikeScenario(value: unknown): boolean {
  return isObject(value) && (has(value, 'changes') || has(value, 'extends'));
}

/** Whether a value looks like one savings target: an object with measures or a reference path. */
function looksLikeTarget(value: unknown): boolean {
  return isObject(value) && (has(value, 'measures') || has(value, 'path'));
}

/**
 * The kind of a parsed document, told from its shape, or undefined when the shape names none:
 * - an object with `format` "meerjaren/risks" is a risicoregister, with "meerjaren/municipality" a municipality; else with `sections` or `format` a budget; with `changes` or `extends` a scenario; with `sources`
 *   or `claims` a cover document;
 * - an array of scenarios is a scenario list, an array of savings targets a targets document;
 * - an object whose every value is a scenario is a scenario library (scenarios by id).
 * @param value - the parsed document
 */
export function detectKind(value: unknown): DocumentKind | undefined {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(looksLikeScenario)) return 'scenario-list';
    if (value.length > 0 && value.every(looksLikeTarget)) return 'targets';
    return undefined;
  }
  if (!isObject(value)) return undefined;
  if (value['format'] === 'meerjaren/risks') return 'risks';
  if (value['format'] === 'meerjaren/municipality') return 'municipality';
  if (has(value, 'sections') || has(value, 'format')) return 'budget';
  if (looksLikeScenario(value)) return 'scenario';
  if (has(value, 'sources') || has(value, 'claims')) return 'cover';
  const entries = Object.values(value);
  if (entries.length > 0 && entries.every(looksLikeScenario)) return 'scenario-library';
  return undefined;
}
