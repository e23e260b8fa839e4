import { MeerjarenError, issue } from '../core/errors.js';

/** How to add the optional peer dependency, as the error says it. */
export const FAST_CHECK_HINT = 'meerjaren/testing needs the optional peer dependency fast-check (version 4): install it with `npm install --save-dev fast-check`';

/**
 * The error to throw when loading fast-check failed: a {@link MeerjarenError} with code `missing_peer_dependency`
 * that names fast-check and how to install it when the package is not found, or the original error otherwise
 * (fast-check was found but failed to load: that is not a missing package).
 *
 * @param cause - what `import('fast-check')` or `require('fast-check')` threw
 */
export function fastCheckLoadError(cause: unknown): unknown {
  if (!isMissingFastCheck(cause)) return cause;
  const original = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return new MeerjarenError([issue('missing_peer_dependency', [], `${FAST_CHECK_HINT} (${original})`)]);
}

/** Whether an error says that the package fast-check itself could not be found (not a module it imports). */
function isMissingFastCheck(cause: unknown): boolean {
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return typeof message === 'string' && /['"]fast-check['"]/.test(message);
}
