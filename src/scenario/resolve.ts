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
 * Resolves stacking: the scenarios `scenario` extends (one parent, or several in the order listed), each ancestor
 * before the scenarios that build on it and each once however often it is reached, checked for shape, and their
 * changes flattened in that order (ancestors first). A cycle (including extending itself, and a library
 * entry that leads back to a scenario by its key or by its id), an unknown scenario in `extends`, or a record
 * entry whose key is not its id (`library_key_mismatch` at `library.<key>.id`) is a coded issue.
 * @param budget - the baseline (for the default unit)
 * @param scenario - the scenario
 * @param library - scenarios it may extend
 * @param collector - where problems go
 */
export function resolveSteps(budget: Budget, scenario: Scenario, library: ScenarioLibrary | undefined, collector: IssueCollector): { steps: Step[]; chain: string[] } {
  const chain: { scenario: Scenario; prefix: Path }[] = [];
  // every name a scenario on the way from `scenario` goes by: its id, and the key it was found under; a step to
  // one of them again is a cycle (by id alone, a record entry { a: { id: 'b', extends: 'a' } } led back to itself)
  const onPath = new Set<string>();
  const placed = new Set<unknown>();
  const visiting = new Set<unknown>();
  /** Places the scenario's ancestors (parents in the order listed, depth first) and then the scenario; false on a problem. */
  const visit = (current: Scenario, prefix: Path, names: readonly string[]): boolean => {
    if (placed.has(current)) return true; // reached again through another parent: its changes come once
    const before = collector.issues.length;
    // a scenario loadScenario read and checked as strictly is not checked again
    if (!isShapeChecked(current)) {
      tally('scenarioShape');
      checkScenarioShape(current, collector, prefix);
    }
    if (collector.issues.length > before) return false;
    const added = [...names, current.id].filter((name) => !onPath.has(name));
    for (const name of added) onPath.add(name);
    visiting.add(current);
    const parents = current.extends;
    const list = parents === undefined ? [] : typeof parents === 'string' ? [parents] : parents;
    for (let k = 0; k < list.length; k++) {
      const parentId = list[k]!;
      const at: Path = typeof parents === 'string' ? [...prefix, 'extends'] : [...prefix, 'extends', k];
      if (onPath.has(parentId)) {
        collector.add('cycle', at, `extending "${parentId}" makes a cycle`);
        return false;
      }
      const found = findInLibrary(library, parentId);
      if (found === undefined) {
        collector.add('unknown_reference', at, `no scenario "${parentId}" in the library`);
        return false;
      }
      const parent = found.scenario;
      if (typeof found.key === 'string') {
        const id = (parent as { id?: unknown }).id;
        if (id !== found.key) {
          collector.add('library_key_mismatch', ['library', found.key, 'id'], `the scenario under the key "${found.key}" has the id ${JSON.stringify(id) ?? String(id)}: a library record lists each scenario under its own id`);
          return false;
        }
      }
      if (visiting.has(parent)) {
        collector.add('cycle', at, `extending "${parentId}" makes a cycle`);
        return false;
      }
      // paths name a library's scenario by its id (`library.<id>.changes[3]`), in a list as in a record
      if (!visit(parent, ['library', parentId], [parentId])) return false;
    }
    for (const name of added) onPath.delete(name);
    visiting.delete(current);
    placed.add(current);
    chain.push({ scenario: current, prefix });
    return true;
  };
  if (!visit(scenario, [], [])) return { steps: [], chain: [] };
  const steps: Step[] = [];
  for (const { scenario: s, prefix: p } of chain) {
    const factor = new Dec(unitFactor(s.unit ?? budget.presentation.unit));
    s.changes.forEach((change, index) => {
      steps.push({ change, scenario: s.id, index, path: [...p, 'changes', index], factor, format: s.numberFormat, rounding: s.rounding ?? DEFAULT_ROUNDING });
    });
  }
  return { steps, chain: chain.map((c) => c.scenario.id) };
}
