/**
 * What the two boundary tables (boundary-documents.test.ts and boundary-evaluation.test.ts) share: the bad values
 * of a parameter, the kinds of bad options, the row type, the helpers that catch a refusal, the list of the
 * evaluation side's exports, and the tests every row runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MeerjarenError } from 'meerjaren';

/** What one value is, for the list of values a parameter accepts. */
export type Kind = 'undefined' | 'null' | 'number' | 'text' | 'object' | 'array';

/** One value of each kind, given to every parameter in turn. */
export const BAD: readonly (readonly [Kind, unknown])[] = [
  ['undefined', undefined],
  ['null', null],
  ['number', 42],
  ['text', 'text'],
  ['object', {}],
  ['array', []],
];

/** Every kind: a parameter that takes data of any shape (a document) and refuses bad data with its own codes. */
export const ALL: readonly Kind[] = ['undefined', 'null', 'number', 'text', 'object', 'array'];

export interface Param {
  /** The parameter's name: the path of the issue for a bad value. */
  readonly name: string;
  /** Kinds of value the parameter accepts (a result, or a refusal with a code of the data, never a TypeError). */
  readonly accepts?: readonly Kind[];
  /** The code of a refused value; default invalid_argument. */
  readonly code?: string;
  /** Kinds refused with another code or path, as `[code, path]`. */
  readonly other?: Partial<Record<Kind, readonly [string, string]>>;
}

export interface OptionCase {
  readonly option: string;
  readonly value: unknown;
}

export interface Row {
  /** The function's export name; a method of an exported class is written `Class.method`. */
  readonly fn: string;
  readonly call: (...args: unknown[]) => unknown;
  /** Valid arguments. */
  readonly args: readonly unknown[];
  readonly params: readonly Param[];
  /**
   * Position of the options object (its parameter name, default `options`), and bad values of each option
   * (refused with invalid_option at `<param>.<name>`).
   */
  readonly options?: { readonly at: number; readonly param?: string; readonly bad: readonly OptionCase[] };
  /** Position of a presentation (its settings are refused with `invalid_value` at the setting's name). */
  readonly presentation?: number;
}

/** An optional options object. */
export const OPTIONS: Param = { name: 'options', accepts: ['undefined', 'object'] };
const cases = (option: string, values: readonly unknown[]): OptionCase[] => values.map((value) => ({ option, value }));
/** Bad values of a number option, and the extra ones out of its range. */
export const NUMBERS = (option: string, ...extra: unknown[]): OptionCase[] => cases(option, [NaN, Infinity, -Infinity, 'x', 1.5, ...extra]);
/** Bad values of a text option. */
export const TEXTS = (option: string): OptionCase[] => cases(option, [42, null, {}, []]);
/** Bad values of a yes/no option. */
export const FLAGS = (option: string): OptionCase[] => cases(option, ['yes', 1, null]);
/** Bad values of an option that is one of a list, and the typos given. */
export const CHOICE = (option: string, ...typos: string[]): OptionCase[] => cases(option, ['bogus', 42, null, {}, ...typos]);
/** Bad values of an object option. */
export const OBJECTS = (option: string): OptionCase[] => cases(option, [42, 'x', null, []]);
/** Bad values of a list option. */
export const LISTS = (option: string): OptionCase[] => cases(option, [42, 'x', null, {}, [42]]);
/** A function of any signature, for a row. */
export const call = (f: unknown) => f as (...args: unknown[]) => unknown;

/** Runs a call (awaiting a promise) and returns its MeerjarenError, or undefined; anything else thrown fails the test. */
export async function refusalOf(run: () => unknown): Promise<MeerjarenError | undefined> {
  try {
    await run();
  } catch (error) {
    if (MeerjarenError.is(error)) return error;
    throw new Error(`not a MeerjarenError: ${String(error)}`, { cause: error });
  }
  return undefined;
}

/** What a call threw, or undefined. */
export function catchOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Each issue as "code path". */
export const codesAndPaths = (error: MeerjarenError | undefined): string[] => (error?.issues ?? []).map((i) => `${i.code} ${i.path}`);

/** The issues of a synchronous call as "code path"; anything but a MeerjarenError is thrown on. */
export function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (MeerjarenError.is(error)) return codesAndPaths(error);
    throw error;
  }
  return [];
}

/** The modules of the evaluation side, as src/index.ts and src/parallel.ts re-export them. */
const EVALUATION_SIDE =
  /export\s*\{([^}]*)\}\s*from\s*'\.\/(?:evaluate\/(?!load\.js|builder\.js)|validate\/(?!serialize\.js)|scenario\/|analysis\/|engine\/|uncertainty\/|document\/(?:read-cover|read-targets|write-cover|write-targets|stepped-path|field-reader)\.js|report\/(?:balance-tables|scenario-table)\.js)[^']*'/g;

/**
 * The names of the functions (and classes) src/index.ts and src/parallel.ts export from the evaluation side's
 * modules: the stages from validate/ on (but not the loader and builder in evaluate/), the cover and savings
 * readers and writers in document/, and the balance and scenario tables in report/.
 * @param entries - the exports of both entries, to keep only functions
 */
export function evaluationExports(entries: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const entry of ['index.ts', 'parallel.ts']) {
    const index = readFileSync(fileURLToPath(new URL(`../../src/${entry}`, import.meta.url)), 'utf8');
    for (const m of index.matchAll(EVALUATION_SIDE)) {
      for (const part of m[1]!.split(',')) {
        const name = part.trim().split(/\s+as\s+/).pop()!.trim();
        if (name !== '' && typeof entries[name] === 'function') names.push(name);
      }
    }
  }
  return names;
}

/** How the rows' tests read the rows. */
export interface RowTests {
  /** The issues expected from a row's valid arguments (default none). */
  readonly valid?: (row: Row) => readonly string[];
  /** Bad settings of a presentation, refused with invalid_value at the setting's name. */
  readonly badSettings?: readonly (readonly [string, unknown])[];
}

/** The tests every row runs: valid arguments, each bad parameter, each bad option, each bad presentation setting. */
export function describeRows(rows: readonly Row[], tests: RowTests = {}): void {
  for (const row of rows) {
    describe(row.fn, () => {
      it('works with its valid arguments', async () => {
        expect(codesAndPaths(await refusalOf(() => row.call(...row.args)))).toEqual(tests.valid?.(row) ?? []);
      });
      row.params.forEach((param, at) => {
        it(`refuses a bad ${param.name} with a code and its path`, async () => {
          for (const [kind, value] of BAD) await expectParam(row, param, at, kind, value);
        });
      });
      if (row.options !== undefined) describeOptions(row, row.options);
      const at = row.presentation;
      if (at !== undefined) describePresentation(row, at, tests.badSettings ?? []);
    });
  }
}

async function expectParam(row: Row, param: Param, at: number, kind: Kind, value: unknown): Promise<void> {
  const args = [...row.args];
  args[at] = value;
  while (args.length > 0 && args[args.length - 1] === undefined && args.length - 1 > at) args.pop();
  const error = await refusalOf(() => row.call(...args));
  const other = param.other?.[kind];
  const what = `${row.fn}(${param.name}: ${kind})`;
  if (other !== undefined) {
    expect(codesAndPaths(error), what).toContain(`${other[0]} ${other[1]}`);
  } else if (param.accepts?.includes(kind) === true) {
    // accepted: a result, or a refusal of something else that is coded (never a TypeError)
    if (error !== undefined) expect(error.issues.every((i) => typeof i.code === 'string' && (i.code as string) !== ''), what).toBe(true);
  } else {
    expect(codesAndPaths(error), what).toContain(`${param.code ?? 'invalid_argument'} ${param.name}`);
  }
}

function describeOptions(row: Row, options: NonNullable<Row['options']>): void {
  const param = options.param ?? 'options';
  const withOptions = (extra: Record<string, unknown>): unknown[] => {
    const args = [...row.args];
    args[options.at] = { ...(args[options.at] as object | undefined), ...extra };
    return args;
  };
  it(`refuses each bad option with invalid_option at ${param}.<name>`, async () => {
    for (const { option, value } of options.bad) {
      const error = await refusalOf(() => row.call(...withOptions({ [option]: value })));
      expect(
        codesAndPaths(error).some((cp) => cp.startsWith(`invalid_option ${param}.${option}`)),
        `${row.fn}({ ${option}: ${String(value)} }): ${codesAndPaths(error).join('; ')}`,
      ).toBe(true);
    }
  });
  it('refuses an unknown option, and reports every problem at once', async () => {
    expect(codesAndPaths(await refusalOf(() => row.call(...withOptions({ bogus: 1 }))))).toContain(`unknown_option ${param}.bogus`);
    const first = options.bad[0]!;
    const two = options.bad.find((c) => c.option !== first.option);
    if (two === undefined) return;
    const found = codesAndPaths(await refusalOf(() => row.call(...withOptions({ [first.option]: first.value, [two.option]: two.value, bogus: 1 }))));
    expect(found).toContain(`unknown_option ${param}.bogus`);
    expect(found.some((cp) => cp.startsWith(`invalid_option ${param}.${first.option}`))).toBe(true);
    expect(found.some((cp) => cp.startsWith(`invalid_option ${param}.${two.option}`))).toBe(true);
  });
}

function describePresentation(row: Row, at: number, badSettings: readonly (readonly [string, unknown])[]): void {
  it('refuses each bad presentation setting with invalid_value at its name, and an unknown one with unknown_field', async () => {
    expect(badSettings.length).toBeGreaterThan(0);
    const withSetting = (setting: string, value: unknown): unknown[] => {
      const args = [...row.args];
      args[at] = { ...(args[at] as object), [setting]: value };
      return args;
    };
    for (const [setting, value] of badSettings) {
      expect(codesAndPaths(await refusalOf(() => row.call(...withSetting(setting, value)))), `${row.fn}({ ${setting}: ${String(value)} })`).toContain(`invalid_value ${setting}`);
    }
    expect(codesAndPaths(await refusalOf(() => row.call(...withSetting('colour', 'red'))))).toContain('unknown_field colour');
  });
}
