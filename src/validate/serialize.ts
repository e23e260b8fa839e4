import type { Budget } from '../model/budget.js';
import type { BudgetDocument } from '../document/format.js';
import { writeDocument } from '../document/serialize.js';
import { requireBudget } from './admit.js';

/**
 * Writes a budget back as a JSON document in its source unit and sign convention, amounts as plain decimal
 * strings, with its cover (dekking) and savings targets (taakstellingen) when it has them.
 * `loadBudget(toDocument(b))` gives a budget equal to `b`.
 * @param budget - the budget
 * @category Documents
 */
export function toDocument(budget: Budget): BudgetDocument {
  return writeDocument(requireBudget('toDocument', 'budget', budget));
}

/**
 * Writes a budget as JSON text (2-space indented).
 * @param budget - the budget
 * @category Documents
 */
export function budgetToJson(budget: Budget): string {
  return JSON.stringify(writeDocument(requireBudget('budgetToJson', 'budget', budget)), null, 2);
}
