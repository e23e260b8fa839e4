/**
 * `meerjaren wijziging BUDGET SCENARIO`: a begrotingswijziging as a document (text, Markdown, HTML, CSV or JSON);
 * with a second budget or version document instead of a scenario, the step between the two versions.
 * @module
 */
import { MeerjarenError, issue, type Issue } from '../core/errors.js';
import type { Budget } from '../model/budget.js';
import type { BudgetVersion } from '../model/versions.js';
import type { Scenario } from '../scenario/types.js';
import { begrotingswijziging, type Begrotingswijziging } from '../analysis/begrotingswijziging.js';
import { renderBegrotingswijziging, type WijzigingFormat } from '../report/begrotingswijziging-document.js';
import { resolvePresentation } from '../report/presentation.js';
import { resultToJson } from '../report/json.js';
import { describeIssues } from './diagnostics.js';
import { EXIT, emit, readJson, readText, type CliIo } from './context.js';
import { detectKind } from './kinds.js';
import { readMap, readSide } from './compare.js';
import { readScenarioFile } from './scenarios.js';
import type { Format, Usage } from './usage.js';

const RENDERED: Readonly<Record<Exclude<Format, 'json'>, WijzigingFormat>> = { text: 'text', md: 'markdown', html: 'html', csv: 'csv' };

/** The scenarios of the scenario file and of every `--scenario` file, or the exit code. */
function readScenarios(files: readonly string[], io: CliIo): { file: string; text: string; scenarios: readonly Scenario[] }[] | number {
  const out: { file: string; text: string; scenarios: readonly Scenario[] }[] = [];
  for (const file of files) {
    const text = readText(file, io);
    if (typeof text === 'number') return text;
    try {
      out.push({ file, text, scenarios: readScenarioFile(text).scenarios });
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      io.stderr(describeIssues(file, text, e.issues));
      return EXIT.invalidInput;
    }
  }
  return out;
}

/** Whether the second file holds scenarios (else it is a budget or a version: a version step). */
function holdsScenarios(file: string, io: CliIo): boolean | number {
  const read = readJson(file, io);
  if (typeof read === 'number') return read;
  const kind = detectKind(read.value);
  return kind === 'scenario' || kind === 'scenario-list' || kind === 'scenario-library';
}

/**
 * Runs `wijziging`: exit 0 with the document; 1 when a document is refused, or when a wijziging declared technical
 * is not budget neutral (the document is printed all the same, the finding on standard error).
 */
export function runWijziging(use: Usage, io: CliIo): number {
  const a = readSide(use.file, io);
  if (typeof a === 'number') return a;
  const scenarioForm = holdsScenarios(use.other!, io);
  if (typeof scenarioForm === 'number') return scenarioForm;
  let wijziging: Begrotingswijziging;
  if (scenarioForm) {
    if (use.map !== undefined) return usageError('--map is for a step between versions; a scenario keeps the budget\'s ids', io);
    const read = readScenarios([use.other!, ...use.scenarios], io);
    if (typeof read === 'number') return read;
    const own = read[0]!;
    const scenario = own.scenarios[own.scenarios.length - 1]!;
    const library = read.flatMap((r) => r.scenarios);
    try {
      wijziging = begrotingswijziging(a, scenario, { technical: use.technical, ...(library.length > 1 ? { library } : {}) });
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      io.stderr(describeIssues(own.file, own.text, e.issues));
      return EXIT.invalidInput;
    }
  } else {
    if (use.scenarios.length > 0) return usageError('--scenario is for a scenario; the second file is a budget or a version', io);
    const b = readSide(use.other!, io);
    if (typeof b === 'number') return b;
    let map: { map: Record<string, string | null>; text: string } | undefined;
    if (use.map !== undefined) {
      const read = readMap(use.map, io);
      if (typeof read === 'number') return read;
      map = read as { map: Record<string, string | null>; text: string };
    }
    try {
      wijziging = begrotingswijziging(a, b, { technical: use.technical, ...(map === undefined ? {} : { idMap: map.map }) });
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      if (map === undefined) throw e;
      const issues: Issue[] = e.issues.map((i) => (i.pathSegments[0] === 'options' ? issue(i.code, i.pathSegments.slice(2), i.message) : i));
      io.stderr(describeIssues(use.map!, map.text, issues));
      return EXIT.invalidInput;
    }
  }
  const budget: Budget = 'kind' in a ? (a as BudgetVersion).budget : a;
  const presentation = resolvePresentation({
    unit: use.unit ?? budget.presentation.unit,
    sign: use.sign ?? budget.presentation.sign,
    locale: use.lang,
    labels: use.lang,
    rounding: use.rounding,
    ...(use.decimals === undefined ? {} : { decimals: use.decimals }),
  });
  const output = use.format === 'json' ? resultToJson(wijziging) : renderBegrotingswijziging(wijziging, { format: RENDERED[use.format], presentation, labels: use.lang });
  const written = emit(output, use.out, io);
  for (const f of wijziging.findings) io.stderr(`${use.other!}: ${f.path}: ${f.message} [${f.code}]\n`);
  return written !== EXIT.ok ? written : wijziging.findings.length > 0 ? EXIT.invalidInput : EXIT.ok;
}

function usageError(message: string, io: CliIo): number {
  io.stderr(`meerjaren: ${message} [invalid_option]\n\nRun "meerjaren --help" for usage.\n`);
  return EXIT.usage;
}
