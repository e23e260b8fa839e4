/**
 * The random stream of an uncertain input (toevalsstroom): a hash of its group or id, so that runs sharing input
 * ids draw the same numbers.
 * @packageDocumentation
 */

/** FNV-1a over UTF-16 code units with a given offset basis; a 32-bit unsigned result. */
function fnv(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The random stream of an input or group: a 53-bit hash of its key, so runs that share input ids share
 * their draws (common random numbers).
 * @param key - `group:<name>` or `input:<id>`
 */
export function streamOf(key: string): number {
  return (fnv(key, 0x811c9dc5) & 0x1fffff) * 4294967296 + fnv(key, 0x050c5d1f);
}
