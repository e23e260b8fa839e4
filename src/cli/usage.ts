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
import { TABLE_FIGURES, type TableFigures } from '../report/budget-table.js';
import { DOCUMENT_KINDS, type DocumentKind } from './kinds.js';

/** Most decimals of `--decimals` (as the presentation allows). */
const MAX_DECIMALS = 10;

/** The output formats of `report`. */
export const FORMATS = ['text', 'md', 'html', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** The `--help` text. */
export const HELP = `meerjaren: exact multi-year budget reports

Usage:
  meerjaren report <budget.json> [options]    print the budget table, its structural balance
                                              and verdict, its cover and savings targets when
                                              it holds them, and the checks of printed totals
  meerjaren report <municipality.json> [options]
                                              a whole municipality (format meerjaren/municipality):
                                              its begrotingssaldo, structural balance and verdict,
                                              the OAD and the findings of dekking via OAD
  meerjaren report <municipality.json> --scenario <file> --programme <id> [options]
                                              scenarios on one programme, shown on the whole:
                                              begrotingssaldo and structural saldo before, the
                                              effect, after, and the verdict before and after
  meerjaren report <budget.json> --scenario <file> [--scenario <file>...] [options]
                                              print the scenarios beside the baseline, with
                                              the differences (one scenario: its table too)
  meerjaren validate <file> [--kind <kind>] [--budget <budget.json>] [--format text|json]
                                              check a document of any kind; list every problem
  meerjaren how-sure <budget.json> --scenario <file> [options]
                                              Monte Carlo from the scenario's estimate ranges:
                                              saldo and structural saldo per year at percentiles
  meerjaren check <table.csv> [--layout <layout.json>] [--unit u] [--sign s] [--locale nl|en] [--format text|json]
                                              check every total of a printed table (CSV)
  meerjaren compare <a.json> <b.json> [--map <map.json>] [--format text|md|json]
                                              two versions of a budget (budget or version
                                              documents) over the union of their horizons
  meerjaren wijziging <budget.json> <scenario.json> [--scenario <file>...] [--technical] [options]
  meerjaren wijziging <a.json> <b.json> [--map <map.json>] [--technical] [options]
                                              a begrotingswijziging: per programme and line the
                                              mutation of lasten and baten per year, structural
                                              and incidental, reserve mutations, the dekking
                                              paragraph and the neutrality check
  meerjaren --help | --version

Options of report:
  --scenario <file>                a scenario, a list of scenarios or a library (scenarios by id);
                                   repeat it for several; every scenario given is reported, and
                                   together they are where "extends" looks
  --format text|md|html|csv|json   output format (default text)
  --unit euro|thousand|million     display unit (default: the document's own)
  --decimals <n>                   decimals in the display unit, 0 to 10 (default 0); CSV is then
                                   rounded to them too (else CSV has every amount in full)
  --sign voordeel-positive|nadeel-positive
                                   display sign convention (default: the document's own)
  --lang nl|en                     labels and number format (default nl)
  --rounding consistent|plain      rounded rows add up (default), or plain rounding with an
                                   afrondingsverschil row
  --figures computed|printed       a printed total shows the exact sum of its rows, marked when the
                                   printed figure differs (default), or the printed figure with
                                   the difference as its own row
  --bom                            start CSV with a byte-order mark (for older spreadsheets)
  --programme <id>                 with a municipality document: the programme the scenarios
                                   are addressed to
  --out <file>                     write to a file instead of standard output

Options of validate:
  --kind budget|scenario|scenario-list|scenario-library|cover|targets|risks|municipality
                                   the kind of document (default: told from its shape)
  --budget <budget.json>           the budget a cover or targets document belongs to (required
                                   for them); for scenarios, check their references against it;
                                   for a risicoregister, the lines its risks name
  --format text|json               json prints { "ok", "kind", "issues": [ { "code", "path",
                                   "message", "line", "column" } ], "notes" } on standard output

Options of check:
  --layout <layout.json>           the layout declaration (row and column roles)
  --locale nl|en                   number notation of the table (default nl)
  --unit, --sign                   the table's unit and sign (default: from the text above the header)
  --lang nl|en                     language of the messages (default nl)
  --format text|json               json prints { "ok", "checks": [ { "row", "column", "printed",
                                   "computed", "status" } ], "issues": [ { "code", "path", "message" } ] }

Options of compare:
  --map <map.json>                 line ids of a mapped to those of b where the numbering
                                   changed: { "4.2": "4.1", "2.1": null } (null: not in b);
                                   default none: lines are matched by id (a version document's
                                   idMap holds for the version before it in a series)
  --format text|md|json            output format (default text); a year outside a version's
                                   horizon is printed "niet in deze versie", never as 0
  --unit, --sign, --lang, --out    as for report (default unit and sign: those of b)
  b may be a version document with "mutations": they are listed under the comparison and
  replayed on a (as the version before); without its budget, b is derived from a

Options of wijziging:
  <scenario.json>                  a scenario, a list or a library: the wijziging is its last
                                   scenario; the others, and those of --scenario files, are where
                                   "extends" looks (combine motions with "extends": ["a", "b"]);
                                   a budget or version document instead is a version step
  --technical                      a technische begrotingswijziging: its saldo must be 0 in every
                                   year; otherwise the output still prints and the exit code is 1
  --format text|md|html|csv|json   output format (default text; csv holds the table only)
  --map <map.json>                 for a version step, as for compare
  --unit, --decimals, --sign, --lang, --rounding, --out   as for report (default: the budget's)

Options of how-sure:
  --scenario <file>                the scenario(s) whose estimate-pm ranges (low, likely, high)
                                   are drawn from; one run per scenario
  --draws <n>                      number of draws, 1 to 1000000 (default 1000)
  --seed <n>                       seed, 0 to 4294967295 (default 1): the same seed, the same figures
  --percentiles <p,p,...>          percentiles, 0 to 100 (default 5,50,95)
  --format text|json               output format (default text; json amounts are decimal strings
                                   in the display unit)
  --unit, --decimals, --sign, --lang, --out   as for report

A file named - is read from standard input. Files and standard input are read up to
16 MiB; a larger input is refused (too_large) without being read to its end.

Printed totals: a rounding difference (afrondingsverschil) is printed as a note
(file:line:column: note: path: message) and is not a failure; a printed total that differs
from its rows by more than rounding explains fails validate and report (exit 1; report
still prints its output).

Exit codes: 0 ok, 1 the document is not valid or a printed total does not add up (every
problem is listed as file:line:column: path: message [code]) or larger than 16 MiB,
2 wrong usage, 3 a file cannot be read or written.
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

/** The options each command reads: any other is refused rather than ignored. */
const OPTIONS_OF = {
  report: ['format', 'unit', 'sign', 'lang', 'rounding', 'decimals', 'figures', 'bom', 'out', 'scenario', 'programme'],
  validate: ['format', 'kind', 'budget'],
  'how-sure': ['format', 'unit', 'sign', 'lang', 'decimals', 'draws', 'seed', 'percentiles', 'scenario', 'out'],
  check: ['format', 'unit', 'sign', 'lang', 'locale', 'layout'],
  compare: ['format', 'unit', 'sign', 'lang', 'out', 'map'],
  wijziging: ['format', 'unit', 'sign', 'lang', 'rounding', 'decimals', 'out', 'scenario', 'map', 'technical'],
} as const satisfies Record<Command, readonly (keyof typeof FLAGS)[]>;

/** The commands. */
export const COMMANDS = ['report', 'validate', 'how-sure', 'check', 'compare', 'wijziging'] as const;
/** A command. */
export type Command = (typeof COMMANDS)[number];

/** The output formats of `compare`. */
const COMPARE_FORMATS = ['text', 'md', 'json'] as const;

/** The output formats of `validate` and `how-sure`. */
const PLAIN_FORMATS = ['text', 'json'] as const;

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
  scenario: { type: 'string', multiple: true },
  decimals: { type: 'string' },
  figures: { type: 'string' },
  bom: { type: 'boolean' },
  kind: { type: 'string' },
  budget: { type: 'string' },
  draws: { type: 'string' },
  seed: { type: 'string' },
  percentiles: { type: 'string' },
  locale: { type: 'string' },
  layout: { type: 'string' },
  map: { type: 'string' },
  technical: { type: 'boolean' },
  programme: { type: 'string' },
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

/** A command, its file and its options, checked. */
export interface Usage {
  /** The command. */
  readonly command: Command;
  /** The file (`-` is standard input). */
  readonly file: string;
  /** Output format (`validate` and `how-sure`: text or json). */
  readonly format: Format;
  /** Display unit; default the document's own. */
  readonly unit: Unit | undefined;
  /** Display sign convention; default the document's own. */
  readonly sign: SignConvention | undefined;
  /** Labels and number format. */
  readonly lang: (typeof LABEL_LANGUAGES)[number];
  /** Rounding policy. */
  readonly rounding: (typeof ROUNDING_POLICIES)[number];
  /** Decimals of amounts in the display unit, when asked (CSV is then rounded too); default the presentation's. */
  readonly decimals: number | undefined;
  /** What printed totals show in `report`: the exact sums (marked where the print differs) or the printed figures. */
  readonly figures: TableFigures;
  /** Whether CSV starts with a byte-order mark. */
  readonly bom: boolean;
  /** Scenario files of `report`, in order. */
  readonly scenarios: readonly string[];
  /** The programme of a municipality document the scenarios of `report` are addressed to (`--programme`). */
  readonly programme: string | undefined;
  /** The document kind `validate` reads; default detected. */
  readonly kind: DocumentKind | undefined;
  /** The budget a scenario, cover or targets document is checked against (`validate --budget`). */
  readonly budget: string | undefined;
  /** Draws of `how-sure`. */
  readonly draws: number;
  /** Seed of `how-sure`. */
  readonly seed: number;
  /** Percentiles of `how-sure`, ascending. */
  readonly percentiles: readonly number[];
  /** Where to write the output; default standard output. */
  readonly out: string | undefined;
  /** Number notation of a printed table (`check`); default nl. */
  readonly locale: 'nl' | 'en';
  /** The layout declaration file of `check`. */
  readonly layout: string | undefined;
  /** The second file of `compare` (b). */
  readonly other: string | undefined;
  /** The id map file of `compare` and `wijziging`. */
  readonly map: string | undefined;
  /** Whether `wijziging` is declared technical (budget neutral). */
  readonly technical: boolean;
}

/** Most draws `how-sure` runs. */
export const MAX_DRAWS = 1_000_000;

/**
 * Checks the command, its file and its options; throws a `MeerjarenError` for wrong usage.
 * @param values - the flags
 * @param positionals - the command and its file
 */
export function readUsage(values: Flags, positionals: readonly string[]): Usage {
  const [command, file, ...rest] = positionals;
  if (!(COMMANDS as readonly (string | undefined)[]).includes(command)) usage('invalid_argument', command === undefined ? 'a command is required' : `unknown command "${command}"`);
  const cmd = command as Command;
  if (file === undefined) usage('invalid_argument', `${cmd} needs a ${cmd === 'validate' ? 'document' : cmd === 'check' ? 'printed table' : 'budget'} file`);
  const other = cmd === 'compare' || cmd === 'wijziging' ? rest.shift() : undefined;
  if (cmd === 'compare' && other === undefined) usage('invalid_argument', 'compare needs two files: meerjaren compare <a.json> <b.json>');
  if (cmd === 'wijziging' && other === undefined) usage('invalid_argument', 'wijziging needs a budget and a scenario (or a second version): meerjaren wijziging <budget.json> <scenario.json>');
  if (rest.length > 0) usage('invalid_argument', `unexpected arguments: ${rest.join(' ')}`);
  const allowed: readonly string[] = OPTIONS_OF[cmd];
  const given = (Object.keys(FLAGS) as (keyof Flags)[]).filter((name) => name !== 'help' && name !== 'version' && values[name] !== undefined && !allowed.includes(name));
  if (given.length > 0) usage('unknown_option', `${cmd} takes no ${given.map((name) => `--${name}`).join(', ')}`);
  for (const name of ['out', 'budget', 'layout', 'map', 'programme'] as const) {
    if (values[name] === '') usage('invalid_option', `--${name} needs a file name`);
  }
  if (values.scenario?.includes('') === true) usage('invalid_option', '--scenario needs a file name');
  if (cmd === 'how-sure' && values.scenario === undefined) usage('invalid_argument', 'how-sure draws from the ranges of a scenario: give one with --scenario <scenario.json>');
  return {
    command: cmd,
    file,
    format: choice<Format>(values.format, cmd === 'report' || cmd === 'wijziging' ? FORMATS : cmd === 'compare' ? COMPARE_FORMATS : PLAIN_FORMATS, 'format') ?? 'text',
    unit: choice<Unit>(values.unit, UNITS, 'unit'),
    sign: choice<SignConvention>(values.sign, SIGN_CONVENTIONS, 'sign'),
    lang: choice(values.lang, LABEL_LANGUAGES, 'lang') ?? 'nl',
    rounding: choice(values.rounding, ROUNDING_POLICIES, 'rounding') ?? 'consistent',
    decimals: whole(values.decimals, 'decimals', 0, MAX_DECIMALS),
    figures: choice<TableFigures>(values.figures, TABLE_FIGURES, 'figures') ?? 'computed',
    bom: values.bom === true,
    scenarios: values.scenario ?? [],
    kind: choice<DocumentKind>(values.kind, DOCUMENT_KINDS, 'kind'),
    budget: values.budget,
    draws: whole(values.draws, 'draws', 1, MAX_DRAWS) ?? 1000,
    seed: whole(values.seed, 'seed', 0, 2 ** 32 - 1) ?? 1,
    percentiles: percentiles(values.percentiles),
    out: values.out,
    locale: choice(values.locale, ['nl', 'en'] as const, 'locale') ?? 'nl',
    layout: values.layout,
    other,
    map: values.map,
    technical: values.technical === true,
    programme: values.programme,
  };
}

/** The percentiles of `--percentiles 5,50,95` (whole or decimal numbers from 0 to 100), ascending; default 5, 50, 95. */
function percentiles(value: string | undefined): readonly number[] {
  if (value === undefined) return [5, 50, 95];
  const parts = value.split(',').map((p) => p.trim());
  const numbers = parts.map((p) => (/^\d{1,3}(\.\d{1,4})?$/.test(p) ? Number(p) : Number.NaN));
  if (numbers.some((n) => !(n >= 0 && n <= 100))) usage('invalid_option', `--percentiles must be numbers from 0 to 100 separated by commas, such as 5,50,95; not "${value}"`);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** A whole number flag from `min` to `max`, or undefined when not given. */
function whole(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) usage('invalid_option', `--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}
