/**
 * Setting the savings targets of a budget given as an argument: the budget checked at the boundary, the targets
 * read as in a document.
 * @packageDocumentation
 */
import type { NumberFormat } from '../core/amount.js';
import { IssueCollector } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { readOptions, requireArray } from '../core/guard.js';
import type { Budget } from '../model/budget.js';
import { admitBudget } from '../document/admitted.js';
import { checkPartShape } from '../document/json.js';
import { contextOf } from '../document/field-reader.js';
import { NUMBER_FORMAT } from '../document/field-checks.js';
import { readTargets } from '../document/read-targets.js';
import { requireBudget } from './admit.js';

/** Options of {@link withTargets}. @category Savings */
export interface WithTargetsOptions {
  /** Notation of amount strings. @defaultValue plain */
  readonly numberFormat?: NumberFormat;
}

/**
 * Returns the budget with its savings targets (taakstellingen) set, validated against the budget and frozen.
 * @param budget - the budget
 * @param targets - the `targets` value as in a document; see {@link readTargets}
 * @param options - number notation
 * @throws MeerjarenError listing every problem, paths starting at `targets`
 * @example
 * ```ts
 * import { budget, withTargets, evaluateTargets } from 'meerjaren';
 *
 * const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2025, to: 2027 } })
 *   .section('4', 'Bezuinigingen')
 *   .line('HA', 'Taakstelling Hervormingsagenda (stelpost)', ['3', '7', '8'], { nature: 'structural' })
 *   .build();
 * const ha = withTargets(table, [{
 *   id: 'ha', title: 'Taakstelling Hervormingsagenda Jeugd', unit: 'million', line: 'HA', path: { 2025: '3', 2026: '7', 2027: '8' },
 *   measures: [{ id: 'teams', title: 'Stevige lokale teams', status: 'in-preparation', planned: { 2025: '1', 2026: '3', 2027: '4' }, realisation: { rate: '0.5' } }],
 * }]);
 *
 * Object.keys(ha.targets ?? {}); // ["ha"]
 * ```
 * @category Savings
 */
export function withTargets(budget: Budget, targets: unknown, options: WithTargetsOptions = {}): Budget {
  budget = requireBudget('withTargets', 'budget', budget);
  requireArray('withTargets', 'targets', targets, 'the targets as in a document: a list');
  options = readOptions('withTargets', options, { numberFormat: NUMBER_FORMAT });
  const issues = new IssueCollector();
  // refused by kind and size before it is read: a typed array or a text of millions of characters is never walked
  if (!checkPartShape(targets, ['targets'], issues)) return issues.throwIfAny() as never;
  const result = readTargets(targets, ['targets'], issues, contextOf(budget, options.numberFormat));
  issues.throwIfAny();
  return admitBudget(deepFreeze({ ...budget, targets: result }));
}
