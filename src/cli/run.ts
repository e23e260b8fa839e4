import { MeerjarenError, issue, type Path } from '../core/errors.js';
import { HELP, parseCommandLine, readUsage, type Usage } from './usage.js';
import type { Budget } from '../model/budget.js';
import { loadBudget } from '../evaluate/load.js';
import { resolvePresentation } from '../report/presentation.js';
import { applyScenario } from '../evaluate/apply-scenario.js';
import type { ScenarioResult } from '../scenario/apply.js';
import type { Scenario } from '../scenario/types.js';
import { describeIssues } from './diagnostics.js';
import { budgetReport, scenarioReport, type ReportSettings } from './report.js';
import { readScenarioFile } from './scenarios.js';

export { describeIssues } from './diagnostics.js';

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

export { HELP } from './usage.js';

/**
 * Runs the command line with arguments (without `node` and the script) and returns the exit code.
 * @param argv - the arguments
 * @param io - file and console access
 * @param version - the package version for `--version`
 */
export function runCli(argv: readonly string[], io: CliIo, version = '0.0.0'): number {
  const parsed = parseCommandLine(argv);
  if ('error' in parsed) {
    io.stderr(`meerjaren: ${parsed.error}\n\n${HELP}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (values.version === true) {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  let checkingUsage = true; // a MeerjarenError thrown while this holds is wrong usage (exit 2)
  try {
    const use = readUsage(values, positionals);
    checkingUsage = false;
    return runCommand(use, io);
  } catch (e) {
    if (checkingUsage && MeerjarenError.is(e)) {
      io.stderr(`meerjaren: ${e.message}\n\nRun "meerjaren --help" for usage.\n`);
      return EXIT.usage;
    }
    if (MeerjarenError.is(e)) {
      io.stderr(`meerjaren: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    throw e;
  }
}

/** Runs a checked command: reads and loads the budget, then validates it or writes its report. */
function runCommand(use: Usage, io: CliIo): number {
  const { command, file } = use;
  const text = readText(file, io);
  if (typeof text === 'number') return text;
  let budget: Budget;
  try {
    budget = loadBudget(text);
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    io.stderr(describeIssues(file, text, e.issues));
    return EXIT.invalidInput;
  }
  if (command === 'validate') {
    io.stdout(`${file}: valid (${budget.sections.reduce((n, s) => n + s.lines.length, 0)} lines, ${budget.horizon.from}-${budget.horizon.to})\n`);
    return EXIT.ok;
  }
  // resolved once: every table, chart and renderer of the report takes it as it is
  const presentation = resolvePresentation({
    unit: use.unit ?? budget.presentation.unit,
    sign: use.sign ?? budget.presentation.sign,
    locale: use.lang,
    labels: use.lang,
    rounding: use.rounding,
    ...(use.decimals === undefined ? {} : { decimals: use.decimals }),
  });
  const settings: ReportSettings = { format: use.format, presentation, roundCsv: use.decimals !== undefined, bom: use.bom };
  if (use.scenarios.length > 0) {
    const results = applyScenarios(budget, use.scenarios, io);
    if (typeof results === 'number') return results;
    return emit(scenarioReport(budget, results, settings), use.out, io);
  }
  return emit(budgetReport(budget, settings), use.out, io);
}

/**
 * Reads a file, or says why it cannot and returns the exit code: {@link EXIT}.invalidInput when the reader refused
 * it (an input past the byte limit: `too_large`), {@link EXIT}.io when it cannot be read.
 */
function readText(file: string, io: CliIo): string | number {
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

function emit(output: string, out: string | undefined, io: CliIo): number {
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

/**
 * Reads every scenario file and applies every scenario it holds to the budget, with all of them as the library
 * that `extends` looks in; or says what is wrong (with the file and position) and returns the exit code.
 */
function applyScenarios(budget: Budget, files: readonly string[], io: CliIo): ScenarioResult[] | number {
  const read: { file: string; text: string; scenarios: readonly Scenario[]; paths: readonly Path[] }[] = [];
  for (const file of files) {
    const text = readText(file, io);
    if (typeof text === 'number') return text;
    try {
      read.push({ file, text, ...readScenarioFile(text) });
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      io.stderr(describeIssues(file, text, e.issues));
      return EXIT.invalidInput;
    }
  }
  const library = read.flatMap((r) => r.scenarios);
  const results: ScenarioResult[] = [];
  for (const { file, text, scenarios, paths } of read) {
    for (const [at, scenario] of scenarios.entries()) {
      try {
        // The shape was checked once, by loadScenario; its references are not dry-run first: applying refuses
        // the same problems with the same codes and paths, and runs the scenario once.
        results.push(applyScenario(budget, scenario, library.length > 1 ? library : undefined));
      } catch (e) {
        if (!MeerjarenError.is(e)) throw e;
        // a problem of the scenario itself sits at its place in the file; one of a scenario it extends, at `library`
        const issues = e.issues.map((i) => (i.pathSegments[0] === 'library' ? i : issue(i.code, [...(paths[at] ?? []), ...i.pathSegments], i.message)));
        io.stderr(describeIssues(file, text, issues));
        return EXIT.invalidInput;
      }
    }
  }
  return results;
}
