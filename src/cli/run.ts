import { VERSION } from '../core/version.js';
import { MeerjarenError } from '../core/errors.js';
import { HELP, parseCommandLine, readUsage, type Usage } from './usage.js';
import type { Budget } from '../model/budget.js';
import { loadBudget } from '../evaluate/load.js';
import { resolvePresentation } from '../report/presentation.js';
import { applyScenario } from '../evaluate/apply-scenario.js';
import type { ScenarioResult } from '../scenario/apply.js';
import { describeIssues } from './diagnostics.js';
import { budgetReport, scenarioReport, type ReportSettings } from './report.js';
import { applyScenarioFiles } from './scenarios.js';
import { runValidate } from './validate.js';
import { runHowSure } from './how-sure.js';
import { runCheck } from './check.js';
import { runCompare } from './compare.js';
import { runWijziging } from './wijziging.js';
import { checkFindings, describeNotes } from './checks.js';
import { runMunicipalityReport } from './municipality.js';
import { isRecord } from '../core/fields.js';
import { parseJsonStrict } from '../document/json.js';
import { MUNICIPALITY_FORMAT } from '../document/read-municipality.js';

/** Whether a text is a municipality document: JSON whose `format` is "meerjaren/municipality" (parsed only when the text names it). */
function isMunicipalityText(text: string): boolean {
  if (!text.includes(MUNICIPALITY_FORMAT)) return false;
  try {
    const raw = parseJsonStrict(text);
    return isRecord(raw) && raw['format'] === MUNICIPALITY_FORMAT;
  } catch {
    return false;
  }
}

export { describeIssues } from './diagnostics.js';
export { EXIT, type CliIo } from './context.js';
import { EXIT, emit, readText, type CliIo } from './context.js';

export { HELP } from './usage.js';

/**
 * Runs the command line with arguments (without `node` and the script) and returns the exit code.
 * @param argv - the arguments
 * @param io - file and console access
 * @param version - what `--version` prints; the library's `VERSION` unless given
 */
export function runCli(argv: readonly string[], io: CliIo, version: string = VERSION): number {
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
  if (use.command === 'validate') return runValidate(use, io);
  if (use.command === 'check') return runCheck(use, io);
  if (use.command === 'compare') return runCompare(use, io);
  if (use.command === 'wijziging') return runWijziging(use, io);
  const { file } = use;
  const text = readText(file, io);
  if (typeof text === 'number') return text;
  // a municipality document is reported as a whole (told by its format, before it is read as a budget)
  if (use.command === 'report' && isMunicipalityText(text)) return runMunicipalityReport(use, text, io);
  if (use.programme !== undefined) {
    io.stderr(`meerjaren: --programme names a programme of a municipality document; ${file} is not one\n\nRun "meerjaren --help" for usage.\n`);
    return EXIT.usage;
  }
  let budget: Budget;
  try {
    budget = loadBudget(text, { totals: 'ignore' });
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    io.stderr(describeIssues(file, text, e.issues));
    return EXIT.invalidInput;
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
  const settings: ReportSettings = { format: use.format, presentation, roundCsv: use.decimals !== undefined, bom: use.bom, figures: use.figures, source: { name: file, text } };
  if (use.command === 'how-sure') {
    const results = applyScenarios(budget, use.scenarios, io);
    return typeof results === 'number' ? results : runHowSure(results, use, presentation, io);
  }
  let output: string;
  if (use.scenarios.length > 0) {
    const results = applyScenarios(budget, use.scenarios, io);
    if (typeof results === 'number') return results;
    output = scenarioReport(budget, results, settings);
  } else output = budgetReport(budget, settings);
  const written = emit(output, use.out, io);
  // the printed totals that do not add up: rounding differences are notes, a mismatch fails the report
  const { mismatches, notes } = checkFindings(budget, text);
  io.stderr(describeNotes(file, notes));
  if (mismatches.length > 0) io.stderr(describeIssues(file, text, mismatches, budget.horizon.from));
  return written !== EXIT.ok ? written : mismatches.length > 0 ? EXIT.invalidInput : EXIT.ok;
}

/**
 * Reads every scenario file and applies every scenario it holds to the budget, with all of them as the library
 * that `extends` looks in; or says what is wrong (with the file and position) and returns the exit code.
 */
function applyScenarios(budget: Budget, files: readonly string[], io: CliIo): ScenarioResult[] | number {
  // The shape was checked once, by loadScenario; its references are not dry-run first: applying refuses the same
  // problems with the same codes and paths, and runs the scenario once.
  return applyScenarioFiles(files, io, (scenario, library) => applyScenario(budget, scenario, library));
}
