/**
 * Records keyed by a user's ids (lines, components, sections, sources, claims, targets, measures, tag keys).
 *
 * @remarks
 * An id may name a member of `Object.prototype` (`toString`, `valueOf`, `hasOwnProperty`, ...): the loader allows
 * every id that fits the id rule except `__proto__`, `constructor` and `prototype`. On an ordinary object
 * `record['toString']` is then a function even where no such key was set, so every record keyed by ids is made
 * without a prototype ({@link idRecord}) and read with {@link ownValue} (an own key only).
 * @packageDocumentation
 */

/**
 * A new, empty record keyed by ids (sleutels zijn id's): an object without a prototype, so that no id finds an
 * inherited member.
 * @returns a null-prototype object
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * A record keyed by ids from its entries, in their order (a later entry with the same key wins), without a prototype.
 * @param entries - key and value pairs
 * @returns a null-prototype object
 */
export function idRecordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = idRecord<T>();
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/**
 * The value of an own key of a record, never an inherited member (`toString` of a record without that key is
 * `undefined`).
 * @param record - the record, or undefined
 * @param key - the key (an id)
 * @returns the value, or undefined when the record has no such own key
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Whether a record has the key as its own (`Object.hasOwn`), never an inherited member.
 * @param record - the record, or undefined
 * @param key - the key (an id)
 */
export function hasOwnKey(record: object | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}
