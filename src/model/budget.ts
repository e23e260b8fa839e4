import type { Decimal } from '../core/decimal.js';
import type { Horizon } from '../core/horizon.js';
import type { Cover } from './cover.js';
import type { SavingsTarget } from './savings.js';
import type { Drivers } from './drivers.js';
import type { Nature, SignConvention, Tags, Unit, YearValues } from './values.js';

export { NATURES, PM, SIGN_CONVENTIONS, UNITS, isPm, unitFactor } from './values.js';
export type { Cell, Nature, Pm, SignConvention, Tags, Unit, YearValues } from './values.js';

/** A component (onderdeel) of a budget line, such as "- kosten noodopvang" under 1.1. @category Model */
export interface Component {
  /** Id, unique in the budget; defaults to `<line id>#<n>` (1-based). */
  readonly id: string;
  /** Title as printed, without the leading dash. */
  readonly title: string;
  /** Incidental or structural. */
  readonly nature: Nature;
  /** Free labels. */
  readonly tags: Tags;
  /** Values per year. */
  readonly values: YearValues;
}

/**
 * What a line's own row means when the line also has components (regelrol):
 * - `amount`: the line's row is an amount of its own, added to its components (1.1: 6.500 income, component -3.600 cost);
 * - `subtotal`: the line's row prints the sum of its components; it is checked, never added.
 * @category Model
 */
export type LineRow = (typeof LINE_ROWS)[number];

/** Every {@link LineRow}; the one list of them. @category Model */
export const LINE_ROWS = Object.freeze(['amount', 'subtotal'] as const);

/** A budget line (begrotingsregel), such as "1.4 Behoud uitvoeringscapaciteit Wmo". @category Model */
export interface Line {
  /** Id as printed ("1.4"), unique in the budget. */
  readonly id: string;
  /** Title as printed. */
  readonly title: string;
  /** Incidental or structural, for the line's own row. */
  readonly nature: Nature;
  /** Free labels. */
  readonly tags: Tags;
  /** The line's own row per year. */
  readonly values: YearValues;
  /** What the own row means next to components. */
  readonly row: LineRow;
  /** Components, in print order. */
  readonly components: readonly Component[];
  /** Printed totals of the line to check (only for `row: 'subtotal'`, taken from its values). */
  readonly expected?: Readonly<Record<string, Decimal>>;
}

/** A section of a table (onderdeel), such as "2 Onvermijdelijke ontwikkelingen". @category Model */
export interface Section {
  /** Id as printed ("2"). */
  readonly id: string;
  /** Title as printed. */
  readonly title: string;
  /** Lines in print order. */
  readonly lines: readonly Line[];
  /** A printed subtotal of the section to check, per year. */
  readonly expected?: Readonly<Record<string, Decimal>>;
  /** Label of the section's subtotal row as printed ("Subtotaal bestaand beleid"), if the source gives one. */
  readonly totalLabel?: string;
}

/** How the source table was presented, kept so that it can be printed back the same way. @category Model */
export interface SourcePresentation {
  /** Unit the amounts were written in. */
  readonly unit: Unit;
  /** Sign convention the amounts were written in. */
  readonly sign: SignConvention;
  /** Label of the grand total row. */
  readonly totalLabel: string;
  /** Whether the source prints the ids of lines and sections before their titles ("1.4 Behoud ..."); default true. */
  readonly showIds?: boolean;
}

/**
 * A budget table (begrotingstabel): a horizon of years, sections, lines and components, with exact
 * amounts in euros meaning the effect on the saldo (positive = voordeel). A frozen value.
 * @category Model
 */
export interface Budget {
  /** Title of the table. */
  readonly title: string;
  /** The years covered. */
  readonly horizon: Horizon;
  /** Sections in print order. */
  readonly sections: readonly Section[];
  /** How the source wrote it. */
  readonly presentation: SourcePresentation;
  /** The printed grand total ("TOTAAL SALDO PROGRAMMA") to check, per year. */
  readonly expected?: Readonly<Record<string, Decimal>>;
  /** Free labels of the whole table (municipality, programme, document). */
  readonly tags: Tags;
  /** Sources of cover and the claims of lines on them (dekking), if declared. */
  readonly cover?: Cover;
  /** Savings targets (taakstellingen) with their measures, keyed by id, if declared. */
  readonly targets?: Readonly<Record<string, SavingsTarget>>;
  /** Indicators, dated parameters and the formulas of driven rows (sturende grootheden), if declared; driven rows hold their formula's values. */
  readonly drivers?: Drivers;
}
