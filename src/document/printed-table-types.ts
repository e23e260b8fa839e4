/**
 * The types of the printed-table reader (gedrukte tabel): its options, the layout declaration and its result.
 * @packageDocumentation
 */
import type { Issue } from '../core/errors.js';
import type { Nature, SignConvention, Unit } from '../model/budget.js';
import type { BudgetDocument } from './format.js';
import type { NumberLocale } from './locale-amount.js';

/**
 * What a row of a printed table is (rijrol): a real budget line, a heading starting a block, a total of other
 * rows, a part of the total above it ("waarvan ..."), a row derived by a formula of other rows, a row of text,
 * or a verdict (JA/NEE).
 * @category Documents
 */
export type PrintedRowRole = (typeof PRINTED_ROW_ROLES)[number];

/** Every {@link PrintedRowRole}; the one list of them. @category Documents */
export const PRINTED_ROW_ROLES = Object.freeze(['line', 'heading', 'total', 'part', 'derived', 'text', 'verdict'] as const);

/**
 * What a column of a printed table is (kolomrol): a year of the budget, a figure that is not a year (such as
 * the primary budget or the changes), the sum of other columns, ignored, or text.
 * @category Documents
 */
export type PrintedColumnRole = (typeof PRINTED_COLUMN_ROLES)[number];

/** Every {@link PrintedColumnRole}; the one list of them. @category Documents */
export const PRINTED_COLUMN_ROLES = Object.freeze(['year', 'amount', 'sum', 'ignored', 'text'] as const);

/**
 * A row of a printed table named in a layout: its 0-based index in the grid, or its label as printed (case,
 * spaces and punctuation at the ends are free).
 * @category Documents
 */
export type PrintedRowRef = number | string;

/**
 * A declared row (rijdeclaratie): which rows it applies to and what they are.
 * @category Documents
 */
export interface PrintedRowRule {
  /** The 0-based grid row it applies to. */
  readonly row?: number;
  /** The label it applies to, as printed (case and spaces free). */
  readonly label?: string;
  /** A regular expression (case-insensitive) over the label. */
  readonly pattern?: string;
  /** The role of the row. */
  readonly role?: PrintedRowRole;
  /**
   * For a total: the rows it adds up (in place of the default rows above). For a verdict (JA/NEE): the row whose
   * saldo it judges (the first named), in place of the structural saldo above it in its block.
   */
  readonly of?: readonly PrintedRowRef[];
  /** For a derived row: the rows added. */
  readonly plus?: readonly PrintedRowRef[];
  /** For a derived row: the rows subtracted. */
  readonly minus?: readonly PrintedRowRef[];
  /** The sign convention the row is printed in; on a heading, of its block. */
  readonly sign?: SignConvention;
  /** The nature of a line (incidenteel, structureel); on a heading, of its block. */
  readonly nature?: Nature;
}

/**
 * A declared column (kolomdeclaratie).
 * @category Documents
 */
export interface PrintedColumnRule {
  /** The 0-based grid column it applies to. */
  readonly column?: number;
  /** The header it applies to, as printed (case and spaces free). */
  readonly header?: string;
  /** The role of the column. */
  readonly role: PrintedColumnRole;
  /** For a year column whose header is not a bare year ("Begroting na wijziging"), the year it holds. */
  readonly year?: number;
  /** For a sum column: the columns it adds up (0-based indices or headers as printed). */
  readonly of?: readonly (number | string)[];
}

/**
 * A layout declaration (opmaakdeclaratie): what the defaults cannot decide. The first rule that applies to a
 * row or column wins.
 * @category Documents
 */
export interface PrintedLayout {
  /** The 0-based index of the header row; default: the first row with a year ("2026") in it. */
  readonly header?: number;
  /** Row rules, tried in order. */
  readonly rows?: readonly PrintedRowRule[];
  /** Column rules, tried in order. */
  readonly columns?: readonly PrintedColumnRule[];
}

/** Options of {@link readPrintedTable} and {@link printedTableFromRows}. @category Documents */
export interface PrintedTableOptions {
  /** Number notation of the amounts. @defaultValue `'nl'` */
  readonly locale?: NumberLocale;
  /** Unit of the amounts; default: from a line "Bedragen x € 1.000" above the header, else `'euro'`. */
  readonly unit?: Unit;
  /** Sign convention; default: `'nadeel-positive'` when a line above the header says "+ is nadeel", else `'voordeel-positive'`. */
  readonly sign?: SignConvention;
  /** Nature of lines that neither a layout nor their label give one. */
  readonly nature?: Nature;
  /** Language of the messages. @defaultValue the locale: `'nl'` or `'en'` */
  readonly language?: 'nl' | 'en';
  /** Title of the budget; default: the first text above the header, else "Gedrukte tabel". */
  readonly title?: string;
  /** The layout declaration. */
  readonly layout?: PrintedLayout;
  /** CSV field separator, for {@link readPrintedTable}. @defaultValue `'auto'` */
  readonly separator?: ';' | ',' | 'auto';
}

/**
 * The status of one printed figure: equal to its exact computation, off by no more than rounding explains
 * (afrondingsverschil), or off by more (verschil).
 * @category Documents
 */
export type PrintedCheckStatus = 'ok' | 'rounding' | 'mismatch';

/** One printed figure checked (controle van een gedrukt bedrag). @category Documents */
export interface PrintedCheck {
  /** The row's label as printed. */
  readonly row: string;
  /** The column's header as printed. */
  readonly column: string;
  /** The 0-based grid row and column. */
  readonly at: {
    /** The 0-based grid row. */
    readonly row: number;
    /** The 0-based grid column. */
    readonly column: number;
  };
  /** The printed figure, a plain decimal in the table's unit and sign ("18500", "-1.5", "pm"), or a verdict as printed ("JA"). */
  readonly printed: string;
  /** The exact computation from the printed rows, in the same terms; for a verdict, "JA" or "NEE" ("YES" or "NO") of the computed saldo. */
  readonly computed: string;
  /** The outcome. */
  readonly status: PrintedCheckStatus;
  /** The largest difference rounding explains, in the table's unit. */
  readonly tolerance: string;
  /** What was checked and the outcome, in the table's notation and unit. */
  readonly message: string;
}

/** A printed table as read: the budget document of its real lines, every check and every problem. @category Documents */
export interface PrintedTable {
  /** The budget document of the real lines: one section per block, printed totals as expectations. */
  readonly document: BudgetDocument;
  /** One check per printed total, subtotal, derived and sum cell. */
  readonly checks: readonly PrintedCheck[];
  /** Coded problems, each with the grid row and column in its path. */
  readonly issues: readonly Issue[];
  /** Whether there is no mismatch and no issue. */
  readonly ok: boolean;
}
