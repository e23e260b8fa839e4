/**
 * Lasten and baten (expenses and income): which side of the exploitatie a row is on. The model stores every
 * amount as its effect on the saldo (positive = voordeel); a begrotingswijziging, the Iv3 layout and the
 * jaarrekening print lasten and baten apart, so a row may declare its side with the tag {@link SIDE_TAG}.
 * @module
 */
import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import type { Tags } from './values.js';

/** Every {@link Side}; the one list of them. @category Model */
export const SIDES = Object.freeze(['lasten', 'baten'] as const);

/** The side of the exploitatie a row is on (lasten of baten). @category Model */
export type Side = (typeof SIDES)[number];

/**
 * The tag that declares a row's side: `tags: { lastenbaten: 'lasten' }` or `'baten'`. Without it the side follows
 * from the sign of each amount (a nadeel counts as more lasten, a voordeel as more baten) and is marked as inferred.
 * @category Model
 */
export const SIDE_TAG = 'lastenbaten';

/** One amount split into lasten and baten (both in euros, as printed: more lasten is a positive lasten figure). */
export interface SideAmount {
  /** The side the amount is booked on. */
  readonly side: Side;
  /** Whether the side was declared by {@link SIDE_TAG} (else inferred from the sign). */
  readonly declared: boolean;
  /** Change of lasten: minus the saldo effect when the side is lasten, else zero. */
  readonly lasten: Decimal;
  /** Change of baten: the saldo effect when the side is baten, else zero. */
  readonly baten: Decimal;
}

/** The declared side of a row, if its tags declare a valid one. */
export function declaredSide(tags: Tags): Side | undefined {
  const value = Object.hasOwn(tags, SIDE_TAG) ? tags[SIDE_TAG] : undefined;
  return value === 'lasten' || value === 'baten' ? value : undefined;
}

/**
 * Split a saldo effect (positive = voordeel) into lasten and baten: on the declared side, or else lasten for a
 * nadeel and baten for a voordeel (zero counts as lasten). Exact: `baten - lasten` is the saldo effect again.
 */
export function splitSides(tags: Tags, effect: Decimal): SideAmount {
  const declared = declaredSide(tags);
  const side: Side = declared ?? (effect.greaterThan(ZERO) ? 'baten' : 'lasten');
  return Object.freeze({
    side,
    declared: declared !== undefined,
    lasten: side === 'lasten' ? noNegativeZero(effect.negated()) : ZERO,
    baten: side === 'baten' ? effect : ZERO,
  });
}
