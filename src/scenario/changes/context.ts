import type { Draft } from 'immer';
import type { Decimal } from '../../core/decimal.js';
import type { IssueCode, IssueCollector, Path } from '../../core/errors.js';
import type { Budget, Cell, Component, Line, Nature } from '../../model/budget.js';
import type { ItemEditor } from '../cover-targets.js';
import type { ShapeChecker } from '../shape-checker.js';
import type { ChangeStep, EstimateRangeResult, ScenarioAmount, YearSelection } from './common.js';

/** A line of the draft. @internal */
export type DLine = Draft<Line>;
/** A component of the draft. @internal */
export type DComponent = Draft<Component>;

/** A row of the draft: a line's own row, or one of its components. @internal */
export interface RowRef {
  /** The line. */
  readonly line: DLine;
  /** The component, or undefined for the line's own row. */
  readonly component: DComponent | undefined;
  /** Id of the row. */
  readonly id: string;
  /** Index of the line's section. */
  readonly sectionIndex: number;
}

/** How a change writes a cell: two writes commute only when both add or both multiply. @internal */
export type Mode = 'set' | 'mul' | 'add';

/** One write of a change to one cell, in application order. @internal */
export interface TraceEntry {
  /** Row written: a line id (its own row) or a component id. */
  readonly row: string;
  /** The line the row belongs to. */
  readonly line: string;
  /** The year. */
  readonly year: number;
  /** Index of the step in the flattened change list. */
  readonly step: number;
  /** The cell before (undefined = nil or the row did not exist). */
  readonly before: Cell | undefined;
  /** The cell after (undefined = nil or the row was dropped). */
  readonly after: Cell | undefined;
}

/**
 * What a change kind needs from the engine that applies it (the engine's state of one application): lookups,
 * writes with conflict bookkeeping, and the readers of amounts and years.
 * @internal
 */
export interface LineContext {
  /** immer draft of the budget. */
  readonly draft: Draft<Budget>;
  /** Every step, flattened. */
  readonly steps: readonly ChangeStep[];
  /** Whether changes whose target is missing are skipped without reporting. */
  readonly lenient: boolean;
  /** Where problems go (a quiet collector in lenient runs). */
  readonly issues: IssueCollector;
  /** Writes of cells, in order. */
  readonly trace: TraceEntry[];
  /** Ranges put on pm posts. */
  readonly ranges: EstimateRangeResult[];
  /** The exact value of cells whose latest write was a percentage, by {@link cellKey}. */
  readonly exact: Map<string, Decimal>;
  /** Flattened indices of the index changes, applied after every other change. */
  readonly deferred: number[];
  /** The nature each row was last set to, and by which step. */
  readonly natures: Map<string, { nature: Nature; step: number }>;
  /** Records an issue (not in lenient runs). */
  issue(code: IssueCode, path: Path, message: string): void;
  /** The row with this id. */
  find(id: string): RowRef | undefined;
  /** Adds a new line to the lookup of rows (when it is built). */
  addRows(line: DLine, sectionIndex: number): void;
  /** Forgets the lookup of rows (after a line or component is removed). */
  forgetRows(): void;
  /** The cell of a row in a year. */
  cell(ref: RowRef, year: number): Cell | undefined;
  /** Writes a cell, traces it and records the writer for conflicts. */
  write(ref: RowRef, year: number, after: Cell | undefined, step: number, mode: Mode | 'create' | 'index'): void;
  /** Writes a cell of a driven row as its formula gives it (the driver kinds only; any other write of a driven row is `driven_row`). */
  writeDriven(ref: RowRef, year: number, after: Cell | undefined, step: number): void;
  /** Records that two steps clash on a cell. */
  conflict(first: number, second: number, row: string, year: number): void;
  /** A computed amount as `Dec`, checked against the loader's limits. */
  fromExact(value: Decimal, step: ChangeStep, row: string, year: number): Decimal;
  /** The years of a selection, or `fallback()` when it is left out. */
  years(step: ChangeStep, selection: YearSelection | undefined, fallback: () => number[]): number[];
  /** An amount in euros. */
  amount(raw: ScenarioAmount, step: ChangeStep, path: Path): Decimal | undefined;
  /** The row a change names, or `unknown_reference` at `field`. */
  target(id: string, step: ChangeStep, field: string): RowRef | undefined;
  /** The row itself, unless it is a subtotal line (`ambiguous_target`). */
  ownRow(ref: RowRef, step: ChangeStep, field: string): RowRef | undefined;
  /** The editor of cover and savings targets. */
  editor(): ItemEditor;
}

/** Line ids of every row of the baseline and the added lines, and the tags of each line (attribution). @internal */
export interface LineIndex {
  /** Line of each line or component id. */
  readonly line: Map<string, string>;
  /** The tags of each line and its components. */
  readonly tags: { line: string; tags: Readonly<Record<string, string>>[] }[];
}

/**
 * One change kind: its fields, its shape check, its application and the lines it may affect (attribution).
 * @internal
 */
export interface ChangeKindEntry<C> {
  /** Fields a change of this kind may have. */
  readonly fields: readonly string[];
  /** Checks the shape of a change of this kind (its fields and note are checked before). */
  shape(check: ShapeChecker, change: Readonly<Record<string, unknown>>, path: Path): void;
  /** Applies a change of this kind (index changes are applied after the others, see `applyIndexation`). */
  apply(ctx: LineContext, change: C, step: ChangeStep, i: number): void;
  /** The lines the change may affect in any coalition of changes. */
  footprint(change: C, lines: LineIndex): string[];
}
