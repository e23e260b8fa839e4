/**
 * The usage of the command line (gebruik): its help text, its flags and the check of a command, its file and its
 * options before any file is read. Wrong usage is a `MeerjarenError` without a path (exit code 2).
 * @module
 */
import { parseArgs } from 'node:util';
import { fail } from '../core/errors.js';
import { choiceMessage } from '../core/fields.js';
import { SIGN_CONVENTIONS, UNITS, type SignConvention, type Unit } from '../model/budget.js';
import { LABEL_LANGUAGES, ROUNDING_POLICIES } from '../report/presentation.js';

/** The output formats of `report`. */
export const FORMATS = ['text', 'md', 'html', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** The `--help` text. */
export const HELP = `meerjaren: exact multi-year budget reports

Usage:
  meerjaren report <budget.json> [options]    print the budget table, its totals and checks
  meerjaren report <budget.json> --scenario <scenario.json> [options]
                                              print the scenario's table and the scenario
                                              beside the baseline, with the differences
  meerjaren validate <budget.json>            check a budget document; list every problem
  meerjaren --help | --version

Options of report:
  --scenario <file>                a scenario (meerjaren scenario JSON) to apply to the budget
  --format text|md|html|csv|json   output format (default text)
  --unit euro|thousand|million     display unit (default: the document's own)
  --sign voordeel-positive|nadeel-positive
                                   display sign convention (default: the document's own)
  --lang nl|en                     labels and number format (default nl)
  --rounding consistent|plain      rounded rows add up (default), or plain rounding with an
                                   afrondingsverschil row
  --out <file>                     write to a file instead of standard output

A file named - is read from standard input. Files and standard input are read up to
16 MiB; a larger input is refused (too_large) without being read to its end.

Exit codes: 0 ok, 1 the document is not valid (every problem is listed as
file:line:column: path: message [code]) or larger than 16 MiB, 2 wrong usage,
3 a file cannot be read or written.
`;

/**
 * Refuses wrong usage (exit code 2) with a `MeerjarenError` of one issue without a path, so its message is
 * `<message> [<code>]`; `runCli` tells it from a refused document by where it is thrown (before any file is read).
 */
function usage(code: 'invalid_argument' | 'invalid_option' | 'unknown_option', message: string): never {
  return fail(code, [], message);
}

function choice<T extends string>(value: string | undefined, options: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(options as readonly string[]).includes(value)) usage('invalid_option', choiceMessage(`--${name}`, options, value));
  return value as T;
}

/** The options only `report` reads: `validate` refuses them rather than ignoring them. */
const REPORT_ONLY = ['format', 'unit', 'sign', 'lang', 'rounding', 'out', 'scenario'] as const;

/** The code of an error of `parseArgs`: an unknown flag, or a flag without its value (or with one it does not take). */
function parseErrorCode(e: unknown): 'unknown_option' | 'invalid_option' {
  return (e as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'unknown_option' : 'invalid_option';
}

/** The flags of the command line, as `parseArgs` reads them. */
const FLAGS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  format: { type: 'string' },
  unit: { type: 'string' },
  sign: { type: 'string' },
  lang: { type: 'string' },
  rounding: { type: 'string' },
  out: { type: 'string' },
  scenario: { type: 'string' },
} as const;

/** The flags as read: each one given or not. */
export type Flags = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof FLAGS }>>['values'];

/**
 * Reads the arguments into flags and positionals, or the message of what `parseArgs` refused and its code.
 * @param argv - the arguments
 */
export function parseCommandLine(argv: readonly string[]): { readonly values: Flags; readonly positionals: readonly string[] } | { readonly error: string } {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: FLAGS });
  } catch (e) {
    return { error: `${(e as Error).message} [${parseErrorCode(e)}]` };
  }
}

/** A command, its budget file and the options of a report, checked. */
export interface Usage {
  /** `report` or `validate`. */
  readonly command: 'report' | 'validate';
  /** The budget file (`-` is standard input). */
  readonly file: string;
  /** Output format. */
  readonly format: Format;
  /** Display unit; default the document's own. */
  readonly unit: Unit | undefined;
  /** Display sign convention; default the document's own. */
  readonly sign: SignConvention | undefined;
  /** Labels and number format. */
  readonly lang: (typeof LABEL_LANGUAGES)[number];
  /** Rounding policy. */
  readonly rounding: (typeof ROUNDING_POLICIES)[number];
}

/**
 * Checks the command, its file and its options; throws a `MeerjarenError` for wrong usage.
 * @param values - the flags
 * @param positionals - the command and its file
 */
export function readUsage(values: Flags, positionals: readonly string[]): Usage {
  const [command, file, ...rest] = positionals;
  if (command !== 'report' && command !== 'validate') usage('invalid_argument', command === undefined ? 'a command is required' : `unknown command "${command}"`);
  if (file === undefined) usage('invalid_argument', `${command} needs a budget file`);
  if (rest.length > 0) usage('invalid_argument', `unexpected arguments: ${rest.join(' ')}`);
  if (command === 'validate') {
    const given = REPORT_ONLY.filter((name) => values[name] !== undefined);
    if (given.length > 0) usage('unknown_option', `validate takes no ${given.map((name) => `--${name}`).join(', ')} (options of report)`);
  }
  for (const name of ['out', 'scenario'] as const) {
    if (values[name] === '') usage('invalid_option', `--${name} needs a file name`);
  }
  return {
    command,
    file,
    format: choice(values.format, FORMATS, 'format') ?? 'text',
    unit: choice<Unit>(values.unit, UNITS, 'unit'),
    sign: choice<SignConvention>(values.sign, SIGN_CONVENTIONS, 'sign'),
    lang: choice(values.lang, LABEL_LANGUAGES, 'lang') ?? 'nl',
    rounding: choice(values.rounding, ROUNDING_POLICIES, 'rounding') ?? 'consistent',
  };
}
