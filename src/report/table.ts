import type { Decimal } from '../core/decimal.js';

/**
 * One cell of a report table (tabelcel): an exact amount in euros, a pm (pro memorie), a total that holds
 * a pm, or nil.
 * - nil (blank): `amount` undefined, `pm` false;
 * - a pure pm post: `amount` undefined, `pm` true;
 * - an amount: `amount` set, `pm` false;
 * - a total that holds a pm post: `amount` set (pm counted as 0), `pm` true; printed "363 + pm".
 * @category Reports
 */
export interface TableCell {
  /** Exact amount in euros on the saldo scale (positive = voordeel); `undefined` for nil or a pure pm. */
  readonly amount: Decimal | undefined;
  /** The cell is a pm, or a total that contains one. */
  readonly pm: boolean;
  /**
   * Direction of a pure pm post ("-PM" = nadeel, "+PM" = voordeel), if known; for a total that holds pm posts, the
   * direction they share ("-100 - pm"), or `mixed` when it holds both ("-100 ± pm"). Unknown: printed "+ pm".
   */
  readonly pmDirection?: PmDirection;
  /**
   * A figure the source printed that differs from the exact sum of its rows (controle): an afrondingsverschil
   * (`rounding`) or a `mismatch`. Renderers mark it ("1.501*", "1.520!") and the table lists the check in a note row.
   */
  readonly check?: CellCheck;
}

/** The direction of the pm posts in a cell (pm-richting); `mixed` only for a total holding both. @category Reports */
export type PmDirection = (typeof PM_DIRECTIONS)[number];

/** Every {@link PmDirection}; the one list of them. @category Reports */
export const PM_DIRECTIONS = Object.freeze(['voordeel', 'nadeel', 'mixed'] as const);

/** How a printed figure in a cell differs from its exact sum (see {@link TableCell.check}). @category Reports */
export type CellCheck = (typeof CELL_CHECKS)[number];

/** Every {@link CellCheck}; the one list of them. @category Reports */
export const CELL_CHECKS = Object.freeze(['rounding', 'mismatch'] as const);

/** The role of a row in a report table; renderers style rows by it. @category Reports */
export type TableRowKind = (typeof TABLE_ROW_KINDS)[number];

/** Every {@link TableRowKind}; the one list of them. @category Reports */
export const TABLE_ROW_KINDS = Object.freeze(['heading', 'line', 'component', 'subtotal', 'total', 'rounding', 'note'] as const);

/** One row of a report table (tabelregel). @category Reports */
export interface TableRow {
  /** Stable id within the table; rows named in `of` are referred to by it. */
  readonly id: string;
  /** Label in the first column ("1.1 Noodopvang Oekraïne", "- kosten noodopvang"). */
  readonly label: string;
  /** Role of the row. */
  readonly kind: TableRowKind;
  /** Indentation level, 0 for headings and totals. */
  readonly depth: number;
  /** One cell per column; a heading row has nil cells. */
  readonly cells: readonly TableCell[];
  /**
   * For a subtotal or total: the ids of the rows it is the exact sum of. Renderers that round
   * keep these relations true in the rounded figures (or print an afrondingsverschil row).
   */
  readonly of?: readonly string[];
}

/** A column of a report table: usually a year. @category Reports */
export interface TableColumn {
  /** Key, such as "2026". */
  readonly key: string;
  /** Header label, such as "2026". */
  readonly label: string;
  /** Optional group header above the column ("TB1", "MJB 2026 - 2029", "Doorkijk MJB"). */
  readonly group?: string;
}

/**
 * A report table (rapporttabel): exact amounts, not yet rounded or signed for display.
 * Every table the library produces has this shape; one set of renderers prints it.
 * @category Reports
 */
export interface Table {
  /** Title above the table. */
  readonly title: string;
  /** Columns after the label column. */
  readonly columns: readonly TableColumn[];
  /** Rows in print order. */
  readonly rows: readonly TableRow[];
  /** Header of the label column. */
  readonly labelHeader?: string;
}
