/**
 * One cell of a budget document as it is read: `pm`, `+pm`, `-pm` (pro memorie, with a direction) or an amount
 * in the document's unit, number format and sign convention, frozen as it is read.
 * @module
 */
import { readAmount, type NumberFormat } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import type { IssueCollector, Path } from '../core/errors.js';
import { impreciseMessage } from '../core/fields.js';
import { tally } from '../core/work.js';
import { PM, type Cell } from '../model/budget.js';
import { JsonNumberText } from './json.js';

const PM_TOKEN = /^([+-])?\s*pm$/i;
/**
 * A plain amount in euros that every number format reads the same and within every limit: at most 15 digits
 * before the point and 1, 2, 4, 5 or 6 after it (three, as in "1.083", is ambiguous without a declared format).
 */
const PLAIN_EUROS = /^-?(?:0|[1-9]\d{0,14})(?:\.(?:\d{1,2}|\d{4,6}))?$/;

/** How a document writes its cells: read once from its header, the same for every cell. */
export interface CellSettings {
  /** The factor of the document's unit (1, 1000 or 1000000). */
  readonly unit: Decimal;
  /** The declared number format, if any. */
  readonly format: NumberFormat | undefined;
  /** Whether amounts are written as the sign convention `nadeel-positive` (they are negated as they are read). */
  readonly negate: boolean;
  /** Whether the unit is the euro and the format plain or undeclared (the common cell is then read directly). */
  readonly plainEuros: boolean;
}

/** The settings of a document in euros, plain, voordeel positive (before its header is read). */
export const PLAIN_CELL_SETTINGS: CellSettings = Object.freeze({ unit: new Dec(1), format: undefined, negate: false, plainEuros: false });

/** An amount frozen as it is read (digits too), so that freezing the budget need not walk its cells. */
function frozenAmount(value: Decimal): Decimal {
  Object.freeze((value as unknown as { d: unknown }).d);
  return Object.freeze(value);
}

/**
 * The cell at `rowPath` + `key`, or `undefined` with an issue in `issues` (the path is built only for an issue:
 * a budget has many cells).
 */
export function readCell(raw: unknown, rowPath: Path, key: string | number, settings: CellSettings, issues: IssueCollector): Cell | undefined {
  if (typeof raw === 'string') {
    const pm = PM_TOKEN.exec(raw.trim());
    if (pm !== null) {
      const sign = pm[1];
      if (sign === undefined) return PM;
      const voordeel = (sign === '+') !== settings.negate;
      return Object.freeze({ kind: 'pm' as const, direction: voordeel ? ('voordeel' as const) : ('nadeel' as const) });
    }
  }
  if (raw instanceof JsonNumberText) {
    issues.add('imprecise_number', [...rowPath, key], impreciseMessage(raw.text));
    return undefined;
  }
  if (typeof raw === 'string' && settings.plainEuros && PLAIN_EUROS.test(raw)) {
    // the common cell: a plain amount in euros, read as readAmount reads it (times a unit of 1 is the same value)
    tally('amountRead');
    const value = new Dec(raw);
    if (!value.isZero()) return frozenAmount(settings.negate ? value.neg() : value);
  }
  const reading = readAmount(raw, settings.unit, settings.format);
  if (!reading.ok) {
    issues.add(reading.code, [...rowPath, key], reading.message);
    return undefined;
  }
  return frozenAmount(settings.negate && !reading.value.isZero() ? reading.value.neg() : reading.value);
}
