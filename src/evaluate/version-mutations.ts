/**
 * The mutations of a version (mutaties, begrotingswijziging): checking them as a scenario and applying them to the
 * budget of the version before. Shared by `loadVersion` and `versionSeries`.
 * @module
 */
import { IssueCollector, MeerjarenError, issue, type Path } from '../core/errors.js';
import type { Budget } from '../model/budget.js';
import type { VersionMutations } from '../model/versions.js';
import { checkScenarioShape } from '../scenario/shape.js';
import type { Scenario } from '../scenario/types.js';
import { applyScenario } from './apply-scenario.js';
import type { ScenarioResult } from '../scenario/apply.js';

/**
 * Checks the mutations of a version as a scenario (its shape, by `checkScenarioShape`), with every problem at
 * `<path>.<field>`; a version's mutations stand alone, so `extends` is refused (`invalid_value`).
 * @param raw - the mutations as given
 * @param path - where they are (`mutations`, `versions[2].mutations`)
 * @param issues - where problems go
 * @returns whether they are a scenario
 * @internal
 */
export function checkVersionMutations(raw: unknown, path: Path, issues: IssueCollector): raw is Scenario {
  const before = issues.issues.length;
  checkScenarioShape(raw, issues, path);
  if (typeof raw === 'object' && raw !== null && 'extends' in raw && (raw as { extends?: unknown }).extends !== undefined) {
    issues.add('invalid_value', [...path, 'extends'], "a version's mutations stand alone: they are applied to the version before, not stacked on other scenarios");
  }
  return issues.issues.length === before;
}

/**
 * Applies a version's (checked) mutations to the budget of the version before it; a refusal of the scenario stage is
 * placed under `path` (`versions[2].mutations.changes[0].line`).
 * @param previous - the budget of the version before
 * @param mutations - the mutations, checked by {@link checkVersionMutations}
 * @param path - where the mutations are
 * @internal
 */
export function applyVersionMutations(previous: Budget, mutations: VersionMutations, path: Path): ScenarioResult {
  try {
    return applyScenario(previous, mutations as Scenario);
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    throw new MeerjarenError(e.issues.map((x) => issue(x.code, [...path, ...(x.pathSegments[0] === 'scenario' ? x.pathSegments.slice(1) : x.pathSegments)], x.message)));
  }
}
