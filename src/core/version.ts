/**
 * The library's version (versie), as in its package.json: a report names it in its provenance line. A test
 * keeps the two equal.
 * @example
 * ```ts
 * import { VERSION } from 'meerjaren';
 *
 * console.log(`meerjaren ${VERSION}`); // "meerjaren 0.1.0"
 * ```
 * @category Model
 */
export const VERSION = '0.1.0';
