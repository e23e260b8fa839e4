/**
 * What every command shares: the input and output it is given, the exit codes, reading a file and writing the
 * output.
 * @module
 */
import { MeerjarenError } from '../core/errors.js';
import { parseJsonStrict } from '../document/json.js';
import { describeIssues } from './diagnostics.js';

/** What the command line reads and writes; replaced in tests. */
export interface CliIo {
  /** Reads a file (or `-`, standard input) as UTF-8 text; may throw a `MeerjarenError` (`too_large`) to refuse it. */
  readonly readFile: (path: string) => string;
  /** Writes a file as UTF-8 text. */
  readonly writeFile: (path: string, text: string) => void;
  /** Standard output. */
  readonly stdout: (text: string) => void;
  /** Standard error. */
  readonly stderr: (text: string) => void;
}

/** Exit codes of the command line. */
export const EXIT = Object.freeze({ ok: 0, invalidInput: 1, usage: 2, io: 3 });

/**
 * Reads a file, or says why it cannot and returns the exit code: {@link EXIT}.invalidInput when the reader refused
 * it (an input past the byte limit: `too_large`), {@link EXIT}.io when it cannot be read.
 */
export function readText(file: string, io: CliIo): string | number {
  try {
    return io.readFile(file);
  } catch (e) {
    if (MeerjarenError.is(e)) {
      io.stderr(`meerjaren: ${file}: ${e.issues.map((i) => `${i.message} [${i.code}]`).join('; ')}\n`);
      return EXIT.invalidInput;
    }
    io.stderr(`meerjaren: cannot read ${file}: ${(e as Error).message}\n`);
    return EXIT.io;
  }
}

/**
 * Reads a JSON file strictly, or says what is wrong (at its line and column) and returns the exit code, as
 * {@link readText} does for a file that cannot be read.
 */
export function readJson(file: string, io: CliIo): { readonly value: unknown; readonly text: string } | number {
  const text = readText(file, io);
  if (typeof text === 'number') return text;
  try {
    return { value: parseJsonStrict(text), text };
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    io.stderr(describeIssues(file, text, e.issues));
    return EXIT.invalidInput;
  }
}

/** Writes the output to standard output (with a final line break) or to a file; returns the exit code. */
export function emit(output: string, out: string | undefined, io: CliIo): number {
  if (out === undefined) {
    io.stdout(output.endsWith('\n') ? output : `${output}\n`);
    return EXIT.ok;
  }
  try {
    io.writeFile(out, output);
  } catch (e) {
    io.stderr(`meerjaren: cannot write ${out}: ${(e as Error).message}\n`);
    return EXIT.io;
  }
  return EXIT.ok;
}

