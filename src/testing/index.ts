/**
 * fast-check arbitraries for meerjaren (the `meerjaren/testing` subpath): valid budget documents and budgets
 * of every shape the loader accepts, exact amount strings, the bad amount forms the loader must refuse, and valid
 * scenarios for a budget (single, stacked through a library, at the extremes of the limits), budgets with drivers
 * (each formula with its expression tree) and risicoregisters (with distributions).
 *
 * @remarks
 * fast-check is an optional peer dependency: it is imported here only, so the main entry never needs it.
 * Every generated document comes with a {@link BudgetSample} model of what it means, in exact BigInt
 * micro-euros (millionths of a euro: amounts have at most 6 decimals in euros), so that tests can compute
 * expected totals without decimal.js.
 * @packageDocumentation
 * @module meerjaren/testing
 */
export {
  PROTOTYPE_MEMBER_IDS,
  idArb,
  uniqueIdsArb,
  MICROS_PER_EURO,
  MICRO_LIMIT,
  microsToPlain,
  plainToMicros,
  formatPlainAmount,
  microsArb,
  amountStringArb,
  BAD_AMOUNTS,
  badAmountArb,
} from './amounts.js';
export type { AmountSample, BadAmount } from './amounts.js';
export * from './budgets.js';
export * from './scenarios.js';
export * from './cover.js';
export * from './versions.js';
export * from './municipality.js';
export * from './drivers.js';
export * from './risks.js';
