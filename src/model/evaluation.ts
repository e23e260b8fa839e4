/**
 * The types of an evaluation (totals, line, section and component results, checks of printed totals): the
 * shape every stage after the engine hands on.
 * @packageDocumentation
 */
import type { Decimal } from '../core/decimal.js';
import type { Nature } from './values.js';

/**
 * A total for one year (totaal): the exact amount, its structural and incidental parts, and the pm posts
 * it contains.
 *
 * @remarks
 * A pm counts as 0 in `amount`, but a total that contains one is not a plain number: `pm` lists the ids
 * of the lines whose pm posts it contains, in document order. `amount = structural + incidental` always.
 * @category Evaluation
 */
export interface Total {
  /** Exact sum in euros, effect on the saldo (positive = voordeel); pm counts as 0. */
  readonly amount: Decimal;
  /** The structural part (structureel). */
  readonly structural: Decimal;
  /** The incidental part (incidenteel). */
  readonly incidental: Decimal;
  /** Ids of the lines with a pm post inside this total, in document order; empty when it has none. */
  readonly pm: readonly string[];
  /** Whether no row in this total has any value (neither an amount nor pm) in this year: printed blank. */
  readonly empty: boolean;
}

/** Totals per year, keyed by year ("2026"); every year of the horizon is present. @category Evaluation */
export type TotalsByYear = Readonly<Record<string, Total>>;

/** Result of one component (onderdeel). @category Evaluation */
export interface ComponentResult {
  /** Component id. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Incidental or structural. */
  readonly nature: Nature;
  /** Its value per year as a total. */
  readonly totals: TotalsByYear;
}

/** Result of one line (regel): the line's own row, its components, and their sum. @category Evaluation */
export interface LineResult {
  /** Line id. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Id of the section it is in. */
  readonly sectionId: string;
  /** The line's own row (zero and empty for a subtotal line). */
  readonly own: TotalsByYear;
  /** Components. */
  readonly components: readonly ComponentResult[];
  /** Own row plus components. */
  readonly totals: TotalsByYear;
}

/** Result of one section (onderdeel van de tabel), with its subtotal. @category Evaluation */
export interface SectionResult {
  /** Section id. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Its lines. */
  readonly lines: readonly LineResult[];
  /** Subtotal per year. */
  readonly totals: TotalsByYear;
}

/** How a printed total compares to the sum of its rows (controle). @category Evaluation */
export type CheckStatus = 'ok' | 'rounding' | 'mismatch';

/**
 * One printed total checked against the exact sum of its rows.
 *
 * @remarks
 * Each printed figure (the `n` printed rows with an amount and the printed total) is within half a unit of the
 * table from its exact value, so the printed total differs from the sum of the printed rows by less than
 * `(n + 1) / 2` units; in whole units that is at most `floor(n / 2)`. A difference within that bound is an
 * afrondingsverschil (`rounding`), beyond it a `mismatch`. (One printed row: no difference is possible;
 * two rows: 1 unit; four rows: 2 units.)
 * @category Evaluation
 */
export interface Check {
  /** What was printed: a line subtotal, a section subtotal or the grand total. */
  readonly scope: 'line' | 'section' | 'total';
  /** Id of the line or section; empty for the grand total. */
  readonly id: string;
  /** The year. */
  readonly year: number;
  /** Path of the printed value in the document (`sections[3].expected.2026`). */
  readonly path: string;
  /** The same path as keys and indices. */
  readonly pathSegments: readonly (string | number)[];
  /** The printed value, in euros. */
  readonly expected: Decimal;
  /** The exact sum of the rows, in euros. */
  readonly actual: Decimal;
  /** `expected - actual`. */
  readonly difference: Decimal;
  /** Largest difference that rounding explains, in euros. */
  readonly tolerance: Decimal;
  /** Verdict. */
  readonly status: CheckStatus;
}

/** The evaluation of a budget (doorrekening): totals per row, section and table, per year. A frozen value. @category Evaluation */
export interface Evaluation {
  /** Years evaluated, ascending. */
  readonly years: readonly number[];
  /** Sections with their lines. */
  readonly sections: readonly SectionResult[];
  /** Every line by id. */
  readonly lines: Readonly<Record<string, LineResult>>;
  /** The grand total per year (TOTAAL SALDO). */
  readonly total: TotalsByYear;
  /** Printed totals in the document checked against the sums; empty when it gave none. */
  readonly checks: readonly Check[];
}
