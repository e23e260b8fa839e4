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
