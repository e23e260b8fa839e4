/**
 * Reading the scenario files of `report --scenario` (scenario's inlezen): each file holds one scenario, a list of
 * scenarios or a library (scenarios by id); every scenario read from every file is reported, and together they
 * are the library that `extends` looks in.
 * @module
 */
import { MeerjarenError, issue, type Issue, type Path } from '../core/errors.js';
import { parseJsonStrict } from '../document/json.js';
import type { Scenario } from '../scenario/types.js';
import { loadScenario } from '../scenario/load.js';
import { detectKind } from './kinds.js';
import { EXIT, readText, type CliIo } from './context.js';
import { describeIssues } from './diagnostics.js';

/** The scenarios of one file, in the file's order, with the path of each in the file. */
export interface ScenarioFile {
  /** The scenarios. */
  readonly scenarios: readonly Scenario[];
  /** The path of each scenario in the file (`[]` for a file of one scenario, `[2]` or `["bezuinigen"]` in a list or library). */
  readonly paths: readonly Path[];
}

/** The issues of an error, their paths put under `prefix`. */
function under(prefix: Path, issues: readonly Issue[]): Issue[] {
  return issues.map((i) => issue(i.code, [...prefix, ...i.pathSegments], i.message));
}

/**
 * Reads a scenario file: one scenario, a list of scenarios or a library of scenarios by id. Every scenario's
 * shape is checked (references are checked when it is applied); every problem of every scenario is reported at
 * once, with its path in the file.
 * @param text - the file's JSON text
 * @throws MeerjarenError with every problem found
 */
export function readScenarioFile(text: string): ScenarioFile {
  const raw = parseJsonStrict(text);
  const kind = detectKind(raw);
  if (kind !== 'scenario-list' && kind !== 'scenario-library') return { scenarios: [loadScenario(text)], paths: [[]] };
  const entries: [Path, unknown][] = Array.isArray(raw) ? raw.map((s, i) => [[i], s]) : Object.entries(raw as Record<string, unknown>).map(([k, s]) => [[k], s]);
  const scenarios: Scenario[] = [];
  const issues: Issue[] = [];
  for (const [path, entry] of entries) {
    try {
      scenarios.push(loadScenario(entry));
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      issues.push(...under(path, e.issues));
    }
  }
  if (issues.length > 0) throw new MeerjarenError(issues);
  return { scenarios, paths: entries.map(([path]) => path) };
}

/**
 * Reads every scenario file and applies every scenario it holds with `apply`, all of them being the library that
 * `extends` looks in; or says what is wrong (with the file and position) and returns the exit code. A problem of a
 * scenario itself sits at its place in its file; one of a scenario it extends, at `library`.
 * @param files - the scenario files, in the order given
 * @param io - where to read and to report
 * @param apply - applies one scenario, with the library when there is more than one scenario
 */
export function applyScenarioFiles<R>(files: readonly string[], io: CliIo, apply: (scenario: Scenario, library: readonly Scenario[] | undefined) => R): R[] | number {
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
  const results: R[] = [];
  for (const { file, text, scenarios, paths } of read) {
    for (const [at, scenario] of scenarios.entries()) {
      try {
        results.push(apply(scenario, library.length > 1 ? library : undefined));
      } catch (e) {
        if (!MeerjarenError.is(e)) throw e;
        const issues = e.issues.map((i) => (i.pathSegments[0] === 'library' ? i : issue(i.code, [...(paths[at] ?? []), ...i.pathSegments], i.message)));
        io.stderr(describeIssues(file, text, issues));
        return EXIT.invalidInput;
      }
    }
  }
  return results;
}
