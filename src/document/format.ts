import type { NumberFormat } from '../core/amount.js';
import type { LineRow, Nature, SignConvention, Unit } from '../model/budget.js';
import type { CoverDocument, SavingsTargetDocument, ValuesDocument } from './format-parts.js';
import type { DriversDocument } from './format-drivers.js';
export type { DriversDocument, IndicatorDocument, ParameterDocument, ParameterPeriodDocument, FormulaDocument } from './format-drivers.js';
export type { ValueDocument, ValuesDocument, AmountDocument, AmountsDocument, RateDocument, CapacityDocument, ReserveDocument, CoverSourceDocument, CoverClaimDocument, CoverDocument, RealisationDocument, MeasureDocument, MeasureCostDocument, ReferencePathDocument, SavingsTargetDocument } from './format-parts.js';

/** Name of the budget document format, in its `format` field. @category Documents */
export const BUDGET_FORMAT = 'meerjaren/budget';
/** The document format version this library writes and reads. @category Documents */
export const BUDGET_FORMAT_VERSION = 1;

/** A component as written (onderdeel). @category Documents */
export interface ComponentDocument {
  /** Id; defaults to `<line id>#<n>`. */
  readonly id?: string;
  /** Title, without the leading dash. */
  readonly title: string;
  /** Incidental or structural; defaults to the line's. */
  readonly nature?: Nature;
  /** Free labels. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Values per year. */
  readonly values: ValuesDocument;
}

/** A line as written (begrotingsregel). @category Documents */
export interface LineDocument {
  /** Id as printed ("1.4"). */
  readonly id: string;
  /** Title as printed. */
  readonly title: string;
  /** Incidental or structural; defaults to the document's `defaults.nature`. */
  readonly nature?: Nature;
  /** Free labels (goal, taakveld, product...). */
  readonly tags?: Readonly<Record<string, string>>;
  /** The line's own row. */
  readonly values?: ValuesDocument;
  /** What the own row means next to components; required when both carry a value in one year. */
  readonly row?: LineRow;
  /** Components in print order. */
  readonly components?: readonly ComponentDocument[];
}

/** A section as written. @category Documents */
export interface SectionDocument {
  /** Id as printed ("1"). */
  readonly id: string;
  /** Title as printed. */
  readonly title: string;
  /** Lines in print order. */
  readonly lines: readonly LineDocument[];
  /** The printed subtotal, to be checked. */
  readonly expected?: ValuesDocument;
  /** Label of the printed subtotal row ("Subtotaal bestaand beleid"); default "Subtotaal <id>". */
  readonly totalLabel?: string;
}

/** The horizon as written. @category Documents */
export interface HorizonDocument {
  /** First year. */
  readonly from: number;
  /** Last year. */
  readonly to: number;
  /** Budget year; defaults to `from`. */
  readonly budgetYear?: number;
  /** Column group labels; default: current years unlabelled, "MJB yyyy - yyyy", "Doorkijk MJB". */
  readonly groups?: readonly {
    /** Label printed above the group's columns (kolomkop), e.g. "MJB 2026 - 2028". */
    readonly label: string;
    /** First year of the group. */
    readonly from: number;
    /** Last year of the group (inclusive). */
    readonly to: number;
  }[];
}

/**
 * A budget table as a JSON document (the format for tools). Validated by `loadBudget`, described by the
 * JSON Schema `meerjaren/schema/budget.schema.json`.
 * @category Documents
 */
export interface BudgetDocument {
  /** Optional pointer to the JSON Schema, for editors. */
  readonly $schema?: string;
  /** Always `"meerjaren/budget"` when present. */
  readonly format?: typeof BUDGET_FORMAT;
  /** Format version: 1. */
  readonly version: number;
  /** Title of the table. */
  readonly title: string;
  /** Unit of every amount in the document: `euro`, `thousand` (x EUR 1.000) or `million`. */
  readonly unit: Unit;
  /** Sign convention of every amount; default `voordeel-positive`. */
  readonly sign?: SignConvention;
  /** Number notation of amount strings; undeclared means only unambiguous plain forms. */
  readonly numberFormat?: NumberFormat;
  /** Years covered. */
  readonly horizon: HorizonDocument;
  /** Defaults for lines. */
  readonly defaults?: {
    /** Nature of lines that do not state one (incidenteel or structureel). */
    readonly nature?: Nature;
  };
  /** Label of the grand total; default "TOTAAL SALDO PROGRAMMA". */
  readonly totalLabel?: string;
  /**
   * Whether the source prints the ids of lines and sections before their titles; default true. False for a table
   * whose rows have no numbers (the ids are then the document's own, and reports print titles only).
   */
  readonly showIds?: boolean;
  /** Free labels of the table. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Sections in print order. */
  readonly sections: readonly SectionDocument[];
  /** The printed grand total, to be checked. */
  readonly expected?: ValuesDocument;
  /** Sources of cover and the claims of rows on them (dekking); amounts in the document's unit. */
  readonly cover?: CoverDocument;
  /** Savings targets (taakstellingen) with their measures, in the order written. */
  readonly targets?: readonly SavingsTargetDocument[];
  /** Indicators, dated parameters and the formulas of driven rows (sturende grootheden). */
  readonly drivers?: DriversDocument;
}
