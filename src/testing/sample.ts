/**
 * The types of a budget sample of `meerjaren/testing`: a document with its exact meaning (re-exported
 * from `budgets.ts`).
 * @packageDocumentation
 */
import type { NumberFormat } from '../core/amount.js';
import type { LineRow, Nature, SignConvention, Unit } from '../model/budget.js';
import type { BudgetDocument } from '../document/format.js';

/** A cell of a {@link BudgetSample}: micro-euros (effect on the saldo, positive = voordeel), or a pm. @category Testing */
export type SampleCell = bigint | SamplePm;

/** A pm cell of a sample: plain, or with a known direction. @category Testing */
export interface SamplePm {
  /** `plain` for "pm", `voordeel` for "+pm", `nadeel` for "-pm". */
  readonly pm: 'plain' | 'voordeel' | 'nadeel';
}


/** Values of a sample row by year ("2026"); an absent year is nil. @category Testing */
export type SampleValues = Readonly<Record<string, SampleCell>>;

/** A component of a {@link BudgetSample}. @category Testing */
export interface SampleComponent {
  /** Id as the loader will know it (given, or the default `<line id>#<n>`). */
  readonly id: string;
  /** Incidental or structural, after defaults. */
  readonly nature: Nature;
  /** Values in micro-euros. */
  readonly values: SampleValues;
}

/** A line of a {@link BudgetSample}. @category Testing */
export interface SampleLine {
  /** Line id. */
  readonly id: string;
  /** Incidental or structural, after defaults (for the own row). */
  readonly nature: Nature;
  /** `amount` adds the own row to the components; `subtotal` prints their sum. */
  readonly row: LineRow;
  /** The own row in micro-euros (empty for a subtotal line: its printed values are checks). */
  readonly values: SampleValues;
  /** Components in order. */
  readonly components: readonly SampleComponent[];
}

/** A section of a {@link BudgetSample}. @category Testing */
export interface SampleSection {
  /** Section id. */
  readonly id: string;
  /** Lines in order. */
  readonly lines: readonly SampleLine[];
}

/**
 * What a generated document means, as plain data with BigInt micro-euros: the oracle for property tests.
 * @category Testing
 */
export interface BudgetSample {
  /** The generated document. */
  readonly document: BudgetDocument;
  /** Years of the horizon, ascending. */
  readonly years: readonly number[];
  /** Sections, lines and components with their exact values. */
  readonly sections: readonly SampleSection[];
  /** Unit the document writes amounts in. */
  readonly unit: Unit;
  /** Sign convention the document writes amounts in. */
  readonly sign: SignConvention;
  /** Declared number notation, if any. */
  readonly numberFormat: NumberFormat | undefined;
}
