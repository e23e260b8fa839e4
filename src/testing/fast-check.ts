/**
 * fast-check, the optional peer dependency of `meerjaren/testing`, loaded by this module only (ESM: a top-level
 * dynamic import), so that a project without it gets an error that names it and says how to install it instead
 * of a bare "module not found". The CommonJS build replaces this module by fast-check-require.ts (see
 * tsup.config.ts): CommonJS has no top-level await.
 * @module
 */
import type * as FastCheck from 'fast-check';
import { fastCheckLoadError } from './peer.js';

const fc: typeof FastCheck.default = await import('fast-check').then(
  (m) => m.default,
  (cause: unknown) => {
    throw fastCheckLoadError(cause);
  },
);

export default fc;
