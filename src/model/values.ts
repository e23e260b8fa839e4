/**
 * The values every domain type is made of: natures, units, sign conventions, pm posts, cells and tags.
 * @packageDocumentation
 */
import type { Decimal } from '../core/decimal.js';
import { fail } from '../core/errors.js';
import { describeValue } from '../core/guard.js';

/** Every {@link Nature}; the one list of them. @category Model */
export const NATURES = Object.freeze(['incidental', 'structural'] as const);

/** Incidental or structural (incidenteel / structureel), as the BBV requires every item to be marked. @category Model */
export type Nature = (typeof NATURES)[number];

/** Every {@link Unit}; the one list of them. @category Model */
export const UNITS = Object.freeze(['euro', 'thousand', 'million'] as const);

/** The unit a source table writes its amounts in (eenheid): euros, x EUR 1.000 or x EUR 1 mln. @category Model */
export type Unit = (typeof UNITS)[number];

/** Every {@link SignConvention}; the one list of them. @category Model */
export const SIGN_CONVENTIONS = Object.freeze(['voordeel-positive', 'nadeel-positive'] as const);

/**
 * How a source table signs its amounts (tekenconventie).
 * - `voordeel-positive`: positive = voordeel (better saldo), negative = nadeel; the model's own meaning.
 * - `nadeel-positive`: positive = nadeel; costs are written positive (seed 001's Beleidswijzigingen table).
 * @category Model
 */
export type SignConvention = (typeof SIGN_CONVENTIONS)[number];

/** A pro memorie post (pm): acknowledged but not yet quantified; optionally with a known direction ("-PM"). @category Model */
export interface Pm {
  /** Discriminant. */
  readonly kind: 'pm';
  /** Known direction of the effect: "-PM" is a nadeel, "+PM" a voordeel. */
  readonly direction?: 'voordeel' | 'nadeel';
}

/** The value of a row in a year: an exact amount in euros (effect on the saldo, positive = voordeel) or a pm. A year without value is absent. @category Model */
export type Cell = Decimal | Pm;

/** Values per year of one row; keys are years written as strings ("2026"); an absent year is nil (blank). @category Model */
export type YearValues = Readonly<Record<string, Cell>>;

/** Free labels of a line or component: programme, goal ("2.1"), taakveld, product... @category Model */
export type Tags = Readonly<Record<string, string>>;

const FACTORS: Readonly<Record<Unit, number>> = Object.freeze({ euro: 1, thousand: 1000, million: 1_000_000 });

/**
 * Euros per unit.
 * @example
 * ```ts
 * import { unitFactor } from 'meerjaren';
 *
 * unitFactor('thousand'); // 1000: euros per unit of "x € 1.000"
 * ```
 * @category Model
 */
export function unitFactor(unit: Unit): number {
  if (!(UNITS as readonly unknown[]).includes(unit)) fail('invalid_argument', ['unit'], `unitFactor: unit must be "euro", "thousand" or "million", not ${describeValue(unit)}`);
  return FACTORS[unit];
}

/**
 * Whether a cell is a pm post.
 * @param cell - a cell or nothing
 * @example
 * ```ts
 * import { budget, pm, isPm } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * isPm(tb1.sections[0]!.lines[0]!.values[2026]); // true: 1.4 is pro memorie in 2026
 * ```
 * @category Model
 */
export function isPm(cell: Cell | undefined): cell is Pm {
  return typeof cell === 'object' && cell !== null && (cell as Pm).kind === 'pm';
}

/** The plain pm post (no direction). @category Model */
export const PM: Pm = Object.freeze({ kind: 'pm' });
