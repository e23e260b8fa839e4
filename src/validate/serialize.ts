import type { Budget } from '../model/budget.js';
import type { BudgetDocument } from '../document/format.js';
import { writeDocument } from '../document/serialize.js';
import { requireBudget } from './admit.js';

/**
 * Writes a budget back as a JSON document in its source unit and sign convention, amounts as plain decimal
 * strings, with its cover (dekking) and savings targets (taakstellingen) when it has them.
 * `loadBudget(toDocument(b))` gives a budget equal to `b`.
 * @param budget - the budget
 * @example
 * ```ts
 * import { budget, pm, loadBudget, toDocument } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const doc = toDocument(tb1); // { format: "meerjaren/budget", version: 1, unit: "thousand", ... }
 * loadBudget(doc);             // loads again to an equal budget
 * ```
 * @category Documents
 */
export function toDocument(budget: Budget): BudgetDocument {
  return writeDocument(requireBudget('toDocument', 'budget', budget));
}

/**
 * Writes a budget as JSON text (2-space indented).
 * @param budget - the budget
 * @example
 * ```ts
 * import { budget, pm, budgetToJson } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const json = budgetToJson(tb1); // '{\n  "format": "meerjaren/budget",\n  "version": 1, ...'
 * ```
 * @category Documents
 */
export function budgetToJson(budget: Budget): string {
  return JSON.stringify(writeDocument(requireBudget('budgetToJson', 'budget', budget)), null, 2);
}
