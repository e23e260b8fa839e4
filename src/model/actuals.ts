/**
 * Actuals (realisatie): what the annual accounts (jaarrekening) record per budget line for each closed year, to be
 * set against the begroting na wijziging.
 * @module
 */
import type { Decimal } from '../core/decimal.js';
import type { Unit } from './values.js';

/**
 * The actuals of one line (realisatie per regel): an exact amount in euros per closed year, on the saldo scale of
 * the model (positive = voordeel). A year the accounts cover but that this record does not name has no actual for
 * the line: it is missing (`missing`), never 0. A realised 0 is written as 0 (or `null`, "-" in print: nihil).
 * @category Model
 */
export type LineActuals = Readonly<Record<string, Decimal>>;

/**
 * The actuals of a budget (realisatie, from a jaarrekening): per line id the realised amounts of the closed years
 * (afgesloten jaren) it covers. Line ids are those of the budget (version) it is set against. A frozen value, from
 * `loadActuals`.
 * @category Model
 */
export interface Actuals {
  /** Title ("Jaarrekening 2025"). */
  readonly title: string;
  /** The closed years the accounts cover, ascending: for these years actuals replace the budget in a forecast. */
  readonly years: readonly number[];
  /** The unit the document was written in (amounts here are exact euros). */
  readonly unit: Unit;
  /** Realised amounts per line id, then per year ("2025"). */
  readonly lines: Readonly<Record<string, LineActuals>>;
}
