import { MeerjarenError, formatPath, type Issue } from '../core/errors.js';
import { HELP, parseCommandLine, readUsage, type Flags, type Format, type Usage } from './usage.js';
import type { Budget } from '../model/budget.js';
import { loadBudget } from '../evaluate/load.js';
import { jsonPositions } from '../document/json.js';
import { evaluate } from '../evaluate/evaluate.js';
import { budgetTable } from '../report/budget-table.js';
import { tableToCsv } from '../report/csv.js';
import { resultToJson } from '../report/json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import type { ResolvedPresentation } from '../report/presentation.js';
import { htmlReport } from '../report/html-report.js';
import { htmlDocument } from '../report/html-document.js';
import { renderHtml } from '../report/render-html.js';
import { saldoLineChart } from '../report/charts/saldo-line-chart.js';
import { UNIT_FACTORS, unitLine, resolvePresentation } from '../report/presentation.js';
import { loadScenario } from '../scenario/load.js';
import { applyScenario } from '../evaluate/apply-scenario.js';
import { compareScenarios } from '../analysis/compare.js';
import { scenarioTable } from '../report/scenario-table.js';

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
    return runCommand(use, values, io);
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
function runCommand(use: Usage, values: Flags, io: CliIo): number {
  const { command, file, format } = use;
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
  });
  if (values.scenario !== undefined) {
    const output = scenarioReport(budget, values.scenario, format, presentation, io);
    if (typeof output === 'number') return output;
    return emit(output, values.out, io);
  }
  return emit(budgetReport(budget, format, presentation), values.out, io);
}

/** The report of a budget in a format. */
function budgetReport(budget: Budget, format: Format, presentation: ResolvedPresentation): string {
  // the loader's check of printed totals evaluated the budget already (when it prints totals): this is that evaluation
  const evaluation = evaluate(budget);
  const table = budgetTable(budget, { evaluation });
  switch (format) {
    case 'text':
      return renderText(table, presentation);
    case 'md':
      return renderMarkdown(table, presentation);
    case 'csv':
      return tableToCsv(table, presentation);
    case 'html':
      return htmlReport(budget, evaluation, presentation);
    case 'json':
      return resultToJson({ title: budget.title, years: evaluation.years, total: evaluation.total, sections: evaluation.sections, checks: evaluation.checks });
  }
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

/** The report of a scenario on a budget, or an exit code when the scenario file is bad. */
function scenarioReport(budget: Budget, file: string, format: Format, presentation: ResolvedPresentation, io: CliIo): string | number {
  const text = readText(file, io);
  if (typeof text === 'number') return text;
  let result;
  try {
    // The shape is checked once, by loadScenario; its references are not dry-run first (loadScenario with the
    // budget): applying refuses the same problems with the same codes and paths, and runs the scenario once.
    result = applyScenario(budget, loadScenario(text));
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    io.stderr(describeIssues(file, text, e.issues));
    return EXIT.invalidInput;
  }
  const labels = [presentation.labels === 'en' ? 'Baseline' : 'Uitgangspunt', result.title];
  const sideBySide = scenarioTable([budget, result], { labels, measures: ['saldo', 'structural', 'incidental'] });
  const table = budgetTable(result.budget, { evaluation: result.evaluation });
  switch (format) {
    case 'text':
      return `${renderText(table, presentation)}\n\n${renderText(sideBySide, presentation)}`;
    case 'md':
      return `${renderMarkdown(table, presentation)}\n\n${renderMarkdown(sideBySide, presentation)}`;
    case 'csv':
      return tableToCsv(sideBySide, presentation);
    case 'json':
      return resultToJson({ title: result.title, comparison: compareScenarios(budget, result) });
    case 'html': {
      const p = presentation;
      const factor = UNIT_FACTORS[p.unit];
      const years = budget.horizon.years;
      const series = [evaluate(budget), result.evaluation].map((e, i) => {
        return { name: labels[i] ?? '', values: years.map((y) => Number(e.total[y]!.amount.toFixed(6)) / factor) };
      });
      return htmlDocument({
        title: result.title,
        lang: p.labels,
        parts: [
          { kind: 'html', html: renderHtml(sideBySide, p) },
          { kind: 'svg', svg: saldoLineChart({ title: p.labels === 'en' ? 'Balance per scenario' : 'Saldo per scenario', unitLabel: unitLine(p), labels: p.labels, years, series }) },
          { kind: 'html', html: renderHtml(table, p) },
        ],
      });
    }
  }
}

/**
 * Lists problems as `file:line:column: path: message [code]`, one a line.
 * @param file - the file name
 * @param text - its text, to find lines in
 * @param issues - the problems
 */
export function describeIssues(file: string, text: string, issues: readonly Issue[]): string {
  const positions = jsonPositions(text);
  const lines = issues.map((i) => {
    let where = positions.get(i.path);
    // a value that could not be placed (for instance a missing field): point at its nearest parent
    for (let segments = [...i.pathSegments]; where === undefined && segments.length > 0; ) {
      segments = segments.slice(0, -1);
      where = positions.get(formatPath(segments));
    }
    const at = where === undefined ? file : `${file}:${where.line}:${where.column}`;
    return `${at}: ${i.path === '' ? '(document)' : i.path}: ${i.message} [${i.code}]`;
  });
  return `${lines.join('\n')}\n${issues.length} problem${issues.length === 1 ? '' : 's'} in ${file}\n`;
}
