/**
 * The command line's reading and writing on Node: files and standard input are read with a byte limit, chunk by
 * chunk, so that an endless input (`/dev/zero`, a pipe that never closes its data) is refused as soon as it passes
 * the limit instead of being read forever.
 * @internal
 * @packageDocumentation
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { fail } from '../core/errors.js';
import { DEFAULT_MAX_LENGTH } from '../document/json.js';
import type { CliIo } from './context.js';

/** Default largest input the command line reads, in bytes (16 MiB, the size of {@link DEFAULT_MAX_LENGTH}). */
export const DEFAULT_MAX_INPUT_BYTES = DEFAULT_MAX_LENGTH;

const CHUNK = 64 * 1024;

/** Sleeps a little without a busy loop (for a non-blocking standard input that has no data yet). */
function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
}

/**
 * Reads a file (or standard input for `-`) as UTF-8 text, at most `maxBytes` bytes: reading stops at the first
 * byte past the limit, with a `too_large` error at the path of the file.
 * @param path - a file path, or `-` for standard input
 * @param maxBytes - largest input in bytes
 * @throws MeerjarenError `too_large` when the input has more than `maxBytes` bytes; a Node error when it cannot be read
 */
export function readTextLimited(path: string, maxBytes: number = DEFAULT_MAX_INPUT_BYTES): string {
  const stdin = path === '-';
  const fd = stdin ? 0 : openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // never ask for more than one byte past the limit
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (code === 'EAGAIN') {
          pause();
          continue;
        }
        if (code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      chunks.push(n === buffer.length ? buffer : buffer.subarray(0, n));
      total += n;
      if (total > maxBytes) fail('too_large', [], `${stdin ? 'standard input' : path} is larger than ${maxBytes} bytes`);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    if (!stdin) closeSync(fd);
  }
}

/**
 * The command line's input and output on Node: files and standard input read with {@link readTextLimited},
 * files written as UTF-8, and the process's standard output and error.
 * @param maxBytes - largest input in bytes
 */
export function nodeIo(maxBytes: number = DEFAULT_MAX_INPUT_BYTES): CliIo {
  return {
    readFile: (path) => readTextLimited(path, maxBytes),
    writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}
