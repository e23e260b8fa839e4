/**
 * The CommonJS build's fast-check.ts (tsup.config.ts puts it in its place): `require` in a try, so that a project
 * without fast-check gets an error that names it and says how to install it.
 * @module
 */
import type * as FastCheck from 'fast-check';
import { fastCheckLoadError } from './peer.js';

function load(): typeof FastCheck.default {
  try {
    return require('fast-check') as typeof FastCheck.default;
  } catch (cause) {
    throw fastCheckLoadError(cause);
  }
}

const fc: typeof FastCheck.default = load();

export default fc;
