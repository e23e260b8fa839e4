import type { NumberFormat } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import type { IssueCollector, Path } from '../core/errors.js';
import { unitFactor, type Budget } from '../budget/model.js';
import { checkScenarioShape } from './shape.js';
import type { Change, Scenario, ScenarioLibrary, ScenarioRounding } from './types.js';

/** Default rounding of computed amounts: cents, half-up. */
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
 * Looks a scenario up in a library.
 * @param library - a list or a record by id
 * @param id - the scenario id
 */
export function findInLibrary(library: ScenarioLibrary | undefined, id: string): Scenario | undefined {
  if (library === undefined) return undefined;
  // a library handed in from JavaScript may hold anything: only objects with that id match
  const matches = (s: unknown): s is Scenario => typeof s === 'object' && s !== null && (s as { id?: unknown }).id === id;
  if (Array.isArray(library)) return (library as readonly unknown[]).find(matches);
  const record = library as Readonly<Record<string, unknown>>;
  const own = Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
  return typeof own === 'object' && own !== null ? (own as Scenario) : Object.values(record).find(matches);
}

/**
 * Resolves stacking: the chain of scenarios from the root ancestor to `scenario`, each checked for shape, and
 * their changes flattened in that order (ancestors first). A cycle (including extending itself) or an unknown
 * scenario in `extends` is a coded issue.
 * @param budget - the baseline (for the default unit)
 * @param scenario - the scenario
 * @param library - scenarios it may extend
 * @param collector - where problems go
 */
export function resolveSteps(budget: Budget, scenario: Scenario, library: ScenarioLibrary | undefined, collector: IssueCollector): { steps: Step[]; chain: string[] } {
  const chain: { scenario: Scenario; prefix: Path }[] = [];
  const seen = new Set<string>();
  let current: Scenario | undefined = scenario;
  let prefix: Path = [];
  while (current !== undefined) {
    const before = collector.issues.length;
    checkScenarioShape(current, collector, prefix);
    if (collector.issues.length > before) return { steps: [], chain: [] };
    seen.add(current.id);
    chain.unshift({ scenario: current, prefix });
    const parentId: string | undefined = current.extends;
    if (parentId === undefined) break;
    if (seen.has(parentId)) {
      collector.add('cycle', [...prefix, 'extends'], `extending "${parentId}" makes a cycle`);
      return { steps: [], chain: [] };
    }
    const parent = findInLibrary(library, parentId);
    if (parent === undefined) {
      collector.add('unknown_reference', [...prefix, 'extends'], `no scenario "${parentId}" in the library`);
      return { steps: [], chain: [] };
    }
    current = parent;
    prefix = ['library', parentId];
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
