/**
 * Setting the cover of a budget given as an argument: the budget checked at the boundary, the cover read as in a document.
 * @packageDocumentation
 */
import type { NumberFormat } from '../core/amount.js';
import { IssueCollector } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { readOptions, requireObject } from '../core/guard.js';
import type { Budget } from '../model/budget.js';
import { admitBudget } from '../document/admitted.js';
import { checkPartShape } from '../document/json.js';
import { contextOf } from '../document/field-reader.js';
import { NUMBER_FORMAT } from '../document/field-checks.js';
import { readCover } from '../document/read-cover.js';
import { requireBudget } from './admit.js';

/** Options of {@link withCover}. @category Cover */
export interface WithCoverOptions {
  /** Notation of amount strings. @defaultValue plain */
  readonly numberFormat?: NumberFormat;
}

/**
 * Returns the budget with its cover (dekking) set: the cover written as in a document (amounts in the budget's
 * unit), validated against the budget, frozen.
 * @param budget - the budget
 * @param cover - the `cover` value as in a document; see {@link readCover}
 * @param options - number notation
 * @throws MeerjarenError listing every problem, paths starting at `cover`
 * @example
 * ```ts
 * import { budget, pm, withCover } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const covered = withCover(tb1, {
 *   sources: [{ id: 'reserve', title: 'Algemene reserve', kind: 'reserve', nature: 'incidental', capacity: 'balance', reserve: { opening: 800 } }],
 *   claims: [{ id: 'res-1.4', target: '1.4', source: 'reserve' }],
 * });
 * covered.cover?.claims.length; // 1; tb1 itself has no cover
 * ```
 * @category Cover
 */
export function withCover(budget: Budget, cover: unknown, options: WithCoverOptions = {}): Budget {
  budget = requireBudget('withCover', 'budget', budget);
  requireObject('withCover', 'cover', cover, 'the cover as in a document: { sources, claims }');
  options = readOptions('withCover', options, { numberFormat: NUMBER_FORMAT });
  const issues = new IssueCollector();
  // refused by kind and size before it is read: a typed array or a text of millions of characters is never walked
  if (!checkPartShape(cover, ['cover'], issues)) return issues.throwIfAny() as never;
  const result = readCover(cover, ['cover'], issues, contextOf(budget, options.numberFormat));
  issues.throwIfAny();
  if (result === undefined) return issues.throwIfAny() as never;
  return admitBudget(deepFreeze({ ...budget, cover: result }));
}
