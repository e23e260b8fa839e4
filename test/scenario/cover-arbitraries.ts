import fc from 'fast-check';
import type { Budget } from '../../src/model/budget.js';
import type { Change, Scenario } from '../../src/scenario/types.js';
import { coverChangesArb, coverScenarioArb, withCoverArb } from '../../src/testing/index.js';
import { budgetArb } from './arbitraries.js';

/**
 * A small budget (from {@link budgetArb}) with cover and savings targets (`withCoverArb` of `meerjaren/testing`),
 * valid by construction.
 */
export function budgetWithItemsArb(): fc.Arbitrary<Budget> {
  return budgetArb().chain((budget) => withCoverArb(budget));
}

/** Cover and target changes for a budget from {@link budgetWithItemsArb} (`coverChangesArb`). */
export function itemChangesArb(budget: Budget): fc.Arbitrary<Change[]> {
  return coverChangesArb(budget);
}

/** A budget with cover and targets, and a scenario of cover and target changes for it. */
export function budgetAndItemScenarioArb(): fc.Arbitrary<{ budget: Budget; scenario: Scenario }> {
  return budgetWithItemsArb().chain((budget) => coverScenarioArb(budget).map((scenario) => ({ budget, scenario })));
}
