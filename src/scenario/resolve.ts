import { tally } from '../core/work.js';
import type { NumberFormat } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import type { IssueCollector, Path } from '../core/errors.js';
import { unitFactor, type Budget } from '../model/budget.js';
import { checkScenarioShape } from './shape.js';
import { isShapeChecked } from './checked.js';
import type { Change, Scenario, ScenarioLibrary, ScenarioRounding } from './types.js';

/** Default rounding of computed amounts: cents, half-up. @category Scenarios */
export const DEFAULT_ROUNDING: ScenarioRounding = Object.freeze({ places: 2, mode: 'half-up' });

/**
 * One change of a resolved (flattened) scenario, with the settings of the scenario that wrote it.
 * @internal
 */
export interface Step {
  /** The change. */
  readonly change: Change;
  /** Id of the scenario that wrote it. */
  readonly scenario: string;
  /** Index of the change in that scenario's `changes`. */
  readonly index: number;
  /** Path of the change in errors: `changes[3]`, or `library.<id>.changes[3]` for a scenario it extends. */
  readonly path: Path;
  /** Euros per unit of that scenario. */
  readonly factor: Decimal;
  /** Number format of that scenario. */
  readonly format: NumberFormat | undefined;
  /** Rounding of that scenario. */
  readonly rounding: ScenarioRounding;
}

/**
 * Looks a scenario up in a library: in a list the entry with that id, in a record the entry under that key, or
 * else the entry with that id (whatever its key). Returns where it was found (`key`), so that a record entry whose
 * key is not its id can be refused.
 * @param library - a list or a record by id
 * @param id - the scenario id
 */
export function findInLibrary(library: ScenarioLibrary | undefined, id: string): { scenario: Scenario; key: string | number } | undefined {
  if (library === undefined || typeof library !== 'object' || library === null) return undefined;
  // a library handed in from JavaScript may hold anything: only objects with that id match
  const matches = (s: unknown): s is Scenario => typeof s === 'object' && s !== null && (s as { id?: unknown }).id === id;
  if (Array.isArray(library)) {
    const list = library as readonly unknown[];
    const at = list.findIndex(matches);
    return at < 0 ? undefined : { scenario: list[at] as Scenario, key: at };
  }
  const record = library as Readonly<Record<string, unknown>>;
  const own = Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
  if (typeof own === 'object' && own !== null) return { scenario: own as Scenario, key: id };
  const key = Object.keys(record).find((k) => matches(record[k]));
  return key === undefined ? undefined : { scenario: record[key] as Scenario, key };
}

/**
 * Resolves stacking: the chain of scenarios from the root ancestor to `scenario`, each checked for shape, and
 * their changes flattened in that order (ancestors first). A cycle (including extending itself, and a library
 * entry that leads back to a scenario by its key or by its id), an unknown scenario in `extends`, or a record
 * entry whose key is not its id (`library_key_mismatch` at `library.<key>.id`) is a coded issue.
 * @param budget - the baseline (for the default unit)
 * @param scenario - the scenario
 * @param library - scenarios it may extend
 * @param collector - where problems go
 */
export function resolveSteps(budget: Budget, scenario: Scenario, library: ScenarioLibrary | undefined, collector: IssueCollector): { steps: Step[]; chain: string[] } {
  const chain: { scenario: Scenario; prefix: Path }[] = [];
  // every name a scenario of the chain goes by: its id, and the key it was found under; a step to one of them
  // again is a cycle (by id alone, a record entry { a: { id: 'b', extends: 'a' } } led back to itself forever)
  const seen = new Set<string>();
  const visited = new Set<unknown>();
  let current: Scenario | undefined = scenario;
  let prefix: Path = [];
  while (current !== undefined) {
    const before = collector.issues.length;
    // a scenario loadScenario read and checked as strictly is not checked again
    if (!isShapeChecked(current)) {
      tally('scenarioShape');
      checkScenarioShape(current, collector, prefix);
    }
    if (collector.issues.length > before) return { steps: [], chain: [] };
    seen.add(current.id);
    visited.add(current);
    chain.unshift({ scenario: current, prefix });
    const parentId: string | undefined = current.extends;
    if (parentId === undefined) break;
    if (seen.has(parentId)) {
      collector.add('cycle', [...prefix, 'extends'], `extending "${parentId}" makes a cycle`);
      return { steps: [], chain: [] };
    }
    const found = findInLibrary(library, parentId);
    if (found === undefined) {
      collector.add('unknown_reference', [...prefix, 'extends'], `no scenario "${parentId}" in the library`);
      return { steps: [], chain: [] };
    }
    const parent = found.scenario;
    // paths name a library's scenario by its id (`library.<id>.changes[3]`), in a list as in a record
    const parentPrefix: Path = ['library', parentId];
    if (typeof found.key === 'string') {
      const id = (parent as { id?: unknown }).id;
      if (id !== found.key) {
        collector.add('library_key_mismatch', ['library', found.key, 'id'], `the scenario under the key "${found.key}" has the id ${JSON.stringify(id) ?? String(id)}: a library record lists each scenario under its own id`);
        return { steps: [], chain: [] };
      }
    }
    if (visited.has(parent)) {
      collector.add('cycle', [...prefix, 'extends'], `extending "${parentId}" makes a cycle`);
      return { steps: [], chain: [] };
    }
    seen.add(parentId);
    current = parent;
    prefix = parentPrefix;
  }
  const steps: Step[] = [];
  for (const { scenario: s, prefix: p } of chain) {
    const factor = new Dec(unitFactor(s.unit ?? budget.presentation.unit));
    s.changes.forEach((change, index) => {
      steps.push({ change, scenario: s.id, index, path: [...p, 'changes', index], factor, format: s.numberFormat, rounding: s.rounding ?? DEFAULT_ROUNDING });
    });
  }
  return { steps, chain: chain.map((c) => c.scenario.id) };
}
