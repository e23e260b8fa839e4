import { Dec, pinnedDecimal, isDecimal, noNegativeZero, type Decimal } from '../../core/decimal.js';
import type { IssueCollector } from '../../core/errors.js';
import { PM, type Cell, type Pm } from '../../model/budget.js';
import type { LineIndex } from './context.js';

/**
 * Decimals without a precision limit in practice (decimal.js allows 10^9 significant digits), for the exact
 * products of percentages and index factors: `Dec` keeps 80 significant digits, which a product of many factors
 * passes. Each value is rounded once, to the scenario's rounding, and then read back into `Dec`.
 * @internal
 */
export const Exact = pinnedDecimal({ precision: 1e9, rounding: Dec.rounding, toExpNeg: Dec.toExpNeg, toExpPos: Dec.toExpPos, minE: Dec.minE, maxE: Dec.maxE, modulo: Dec.modulo, crypto: Dec.crypto });
/** One hundredth, exact. @internal */
export const HUNDREDTH = new Exact('0.01');

/** The key of a cell (row and year) in the engine's maps. @internal */
export function cellKey(row: string, year: number): string {
  return `${row}\u0000${year}`;
}

/** The pm cell a token (`pm`, `-pm`, `+pm`) stands for. @internal */
export function pmCell(token: string): Pm {
  if (token.startsWith('-')) return Object.freeze({ kind: 'pm', direction: 'nadeel' });
  if (token.startsWith('+')) return Object.freeze({ kind: 'pm', direction: 'voordeel' });
  return PM;
}

/** Zero without a sign. @internal */
export function nonNegativeZero(value: Decimal): Decimal {
  return noNegativeZero(value);
}

/** Entries of cells by year, in year order. @internal */
export function sortedEntries(values: Record<string, Cell>): [string, Cell][] {
  return Object.entries(values).sort(([a], [b]) => Number(a) - Number(b));
}

/** A collector whose issues are dropped (lenient runs). @internal */
export function quiet(): IssueCollector {
  return { add: () => undefined, addAll: () => undefined, hasIssues: false, issues: [], throwIfAny: () => undefined } as unknown as IssueCollector;
}

/** Whether a cell holds an amount. @internal */
export function isAmount(cell: Cell | undefined): cell is Decimal {
  return cell !== undefined && isDecimal(cell);
}

/** The line a line or component id belongs to (the id itself when it is unknown). @internal */
export function lineOf(lines: LineIndex, id: string): string {
  return lines.line.get(id) ?? id;
}
