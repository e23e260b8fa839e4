import { isDraft, original, type Draft } from 'immer';
import { checkRange } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import { formatPath, type IssueCode, type IssueCollector, type Path } from '../core/errors.js';
import { tally, work } from '../core/work.js';
import type { Budget, Cell, Nature } from '../model/budget.js';
import { readScenarioAmount, resolveYears } from './values.js';
import type { Step } from './resolve.js';
import { ItemEditor, type ItemTrace } from './cover-targets.js';
import type { EstimateRangeResult, ScenarioAmount, YearSelection } from './changes/common.js';
import type { DLine, LineContext, Mode, RowRef, TraceEntry } from './changes/context.js';
import { cellKey, isAmount, quiet } from './changes/cells.js';
import { kindOf } from './changes/registry.js';
import { rowPlaces, type RowPlace } from './row-places.js';
import { applyIndexation, type IndexChange } from './changes/index.js';

export type { TraceEntry } from './changes/context.js';
export type { EstimateRangeResult } from './changes/common.js';
export { isAmount } from './changes/cells.js';

/** Two changes that touch the same cell in a way whose result depends on their order (conflict). @category Scenarios */
export interface ChangeConflict {
  /** Stable code. */
  readonly code: 'change_conflict';
  /** Path of the later change. */
  readonly path: string;
  /** What clashes, for a person. */
  readonly message: string;
  /** Flattened index of the earlier change. */
  readonly first: number;
  /** Flattened index of the later change. */
  readonly second: number;
  /** The cells both touch. */
  readonly cells: readonly {
    /** Id of the row (line or component). */
    readonly row: string;
    /** Year of the cell. */
    readonly year: number;
  }[];
}

/** Mutable state of one application; each change kind applies itself through it (see `changes/`). */
export class ChangeEngine implements LineContext {
  readonly trace: TraceEntry[] = [];
  readonly ranges: EstimateRangeResult[] = [];
  readonly conflicts: ChangeConflict[] = [];
  /** Flattened indices of the index changes, applied after every level change. */
  readonly deferred: number[] = [];
  /**
   * The exact, unrounded value of cells whose latest write was a percentage (`mul`), so that the next percentage
   * of the cell multiplies it rather than the rounded amount; any other write forgets it.
   */
  readonly exact = new Map<string, Decimal>();
  /** The nature each row was last set to by a set-nature change, and by which step. */
  readonly natures = new Map<string, { nature: Nature; step: number }>();
  /** Edits of cover and savings targets, in application order. */
  readonly items: ItemTrace[] = [];
  /** Paths of the later change of each conflict, as keys and indices. */
  readonly conflictPaths: Path[] = [];
  /** Writers of each cell in order; `other` is the index of the latest earlier writer of another mode (-1: none). */
  readonly #writers = new Map<string, { step: number; mode: Mode; other: number }[]>();
  readonly #conflictIndex = new Map<string, { first: number; second: number; path: Path; cells: { row: string; year: number }[] }>();

  /**
   * @param draft - immer draft of the budget
   * @param steps - the flattened changes
   * @param collector - where problems go
   * @param lenient - skip changes whose target is missing without reporting (used for attribution coalitions)
   */
  constructor(
    readonly draft: Draft<Budget>,
    readonly steps: readonly Step[],
    private readonly collector: IssueCollector,
    readonly lenient: boolean,
  ) {}

  /** Where problems go: a quiet collector in lenient runs. */
  get issues(): IssueCollector {
    return this.lenient ? quiet() : this.collector;
  }

  issue(code: IssueCode, path: Path, message: string): void {
    if (!this.lenient) this.collector.add(code, path, message);
  }

  /**
   * Lines and components by id over the draft, kept up to date by add-line and drop-line: built (a walk through
   * the draft) only once a change has added or dropped a line; before that, rows are found by their place in
   * the baseline ({@link rowPlaces}) and only the lines found are drafted.
   */
  #rows: Map<string, RowRef> | undefined;
  /** Rows found by place so far (while no line was added or dropped). */
  readonly #found = new Map<string, RowRef>();
  /** The places of the baseline's rows. */
  #places: ReadonlyMap<string, RowPlace> | undefined;
  /** Whether a change added or dropped a line (places in the baseline no longer hold). */
  #restructured = false;

  /** The line or component with this id (one lookup, not a walk through the draft: a scenario may hold 1000 changes). */
  find(id: string): RowRef | undefined {
    if (this.#restructured) return (this.#rows ??= this.rowsOfDraft()).get(id);
    const known = this.#found.get(id);
    if (known !== undefined) return known;
    const place = (this.#places ??= rowPlaces(original(this.draft) as Budget)).get(id);
    if (place === undefined) return undefined;
    const line = this.draft.sections[place.section]!.lines[place.line]!;
    const ref: RowRef = { line, component: place.component < 0 ? undefined : line.components[place.component]!, id, sectionIndex: place.section };
    this.#found.set(id, ref);
    return ref;
  }

  /** Every line and component of the draft by id (the first of an id wins, as in a walk). */
  private rowsOfDraft(): Map<string, RowRef> {
    const rows = new Map<string, RowRef>();
    this.draft.sections.forEach((section, sectionIndex) => {
      for (const line of section.lines) this.indexRows(rows, line, sectionIndex);
    });
    return rows;
  }

  /** Adds a line and its components to the lookup (the first of an id wins, as in a walk). */
  private indexRows(rows: Map<string, RowRef>, line: DLine, sectionIndex: number): void {
    if (work.enabled) tally('rowVisit', 1 + line.components.length);
    if (!rows.has(line.id)) rows.set(line.id, { line, component: undefined, id: line.id, sectionIndex });
    for (const component of line.components) if (!rows.has(component.id)) rows.set(component.id, { line, component, id: component.id, sectionIndex });
  }

  /** Whether the run changed the rows themselves (a line added or dropped, a nature set), not only cells. */
  get restructured(): boolean {
    return this.#restructured || this.natures.size > 0;
  }

  addRows(line: DLine, sectionIndex: number): void {
    this.#restructured = true;
    if (this.#rows !== undefined) this.indexRows(this.#rows, line, sectionIndex);
  }

  forgetRows(): void {
    this.#restructured = true;
    this.#rows = undefined;
  }

  cell(ref: RowRef, year: number): Cell | undefined {
    const values = ref.component !== undefined ? ref.component.values : ref.line.values;
    return values[year] as Cell | undefined;
  }

  /**
   * A computed amount as `Dec`, checked against the loader's limits (18 digits before and 6 after the decimal
   * point in euros): a cell beyond them is `amount_out_of_range` at the change, naming the cell in the message, so
   * no result of a scenario is a budget that cannot be saved and loaded again.
   */
  fromExact(value: Decimal, step: Step, row: string, year: number): Decimal {
    const range = checkRange(value);
    if (!range.ok) this.issue('amount_out_of_range', step.path, `${row} in ${year}: ${range.message}`);
    return value.constructor === Dec ? value : new Dec(value.toFixed());
  }

  /** Whether the write under way is a driven row following its formula. */
  #following = false;
  /** The rows of the baseline that follow a formula. */
  #driven: ReadonlySet<string> | undefined;

  writeDriven(ref: RowRef, year: number, after: Cell | undefined, step: number): void {
    this.#following = true;
    try {
      // traced but not entered in the conflict bookkeeping: a driven cell is a function of the drivers, whatever
      // order they were set in; conflicts are between settings of one driver value (changes/driven.ts)
      this.write(ref, year, after, step, 'index');
    } finally {
      this.#following = false;
    }
  }

  write(ref: RowRef, year: number, after: Cell | undefined, step: number, mode: Mode | 'create' | 'index'): void {
    tally('cellWrite');
    if (!this.#following && mode !== 'create') {
      this.#driven ??= new Set((original(this.draft) as Budget).drivers?.formulas.map((f) => f.row) ?? []);
      if (this.#driven.has(ref.id)) {
        this.issue('driven_row', this.steps[step]!.path, `${ref.id} follows its formula: change an indicator or parameter (set-indicator, set-parameter) instead of its cells`);
      }
    }
    if (mode !== 'mul') this.exact.delete(cellKey(ref.id, year));
    if (mode === 'add' && isAmount(after)) this.fromExact(after, this.steps[step]!, ref.id, year);
    const values = (ref.component !== undefined ? ref.component.values : ref.line.values) as Record<string, Cell>;
    const current = values[year];
    // a pm cell is a plain object, so immer hands out a draft of it: record the original value
    const before = current !== undefined && isDraft(current) ? (original(current) as Cell) : current;
    if (after === undefined) delete values[year];
    else values[year] = after as Draft<Cell>;
    this.trace.push({ row: ref.id, line: ref.line.id, year, step, before: before as Cell | undefined, after });
    if (mode !== 'create' && mode !== 'index') this.touch(ref.id, year, step, mode);
  }

  private touch(row: string, year: number, step: number, mode: Mode): void {
    const key = cellKey(row, year);
    let writers = this.#writers.get(key);
    if (writers === undefined) this.#writers.set(key, (writers = []));
    // the conflict is with the latest earlier writer this one does not commute with: every order-dependent change is
    // still named, and n changes of one cell give at most n - 1 conflicts, not n^2 / 2; a run of writers that commute
    // with this one is skipped in one jump (`other`), so n additions to one cell stay linear
    for (let k = writers.length - 1; k >= 0; ) {
      tally('writerVisit');
      const w = writers[k]!;
      if (w.step !== step && (mode === 'set' || w.mode === 'set' || mode !== w.mode)) {
        this.conflict(w.step, step, row, year);
        break;
      }
      k = w.step === step ? k - 1 : w.other;
    }
    // steps run in order, so this step's own writes of the cell are the last ones
    for (let k = writers.length - 1; k >= 0 && writers[k]!.step === step; k--) {
      tally('writerVisit');
      if (writers[k]!.mode === mode) return;
    }
    const last = writers[writers.length - 1];
    writers.push({ step, mode, other: last === undefined ? -1 : last.mode !== mode ? writers.length - 1 : last.other });
  }

  conflict(first: number, second: number, row: string, year: number): void {
    if (this.lenient) return;
    const key = `${first}:${second}`;
    let entry = this.#conflictIndex.get(key);
    if (entry === undefined) {
      entry = { first, second, path: this.steps[second]!.path, cells: [] };
      this.#conflictIndex.set(key, entry);
    }
    entry.cells.push({ row, year });
  }

  /** Applies every step: level changes in order, then indexation (an index change only queues itself). */
  run(): void {
    this.steps.forEach((step, i) => kindOf(step.change.kind).apply(this, step.change, step, i));
    applyIndexation(this, this.deferred.map((i) => ({ i, change: this.steps[i]!.change as IndexChange })));
    if (!this.lenient) this.checkLoadable();
    for (const entry of this.#conflictIndex.values()) {
      const a = this.steps[entry.first]!;
      const b = this.steps[entry.second]!;
      const cells = entry.cells.map((c) => `${c.row} ${c.year}`).join(', ');
      const path = formatPath(entry.path);
      const message = `change ${a.scenario}.changes[${a.index}] (${a.change.kind}) and change ${b.scenario}.changes[${b.index}] (${b.change.kind}) both change ${cells}; the result would depend on their order`;
      this.conflictPaths.push(entry.path);
      this.conflicts.push(Object.freeze({ code: 'change_conflict', path, message, first: entry.first, second: entry.second, cells: Object.freeze(entry.cells.map((c) => Object.freeze(c))) }));
    }
  }

  /**
   * Every line a change wrote still loads: a line (or component) left without a value in any year is
   * `line_without_values`, a subtotal line left without components `invalid_value`, each at the last change that
   * wrote the line, as the budget loader would refuse the saved result.
   */
  private checkLoadable(): void {
    const last = new Map<string, number>();
    for (const t of this.trace) last.set(t.line, Math.max(t.step, last.get(t.line) ?? -1));
    // a line added without any value writes nothing
    this.steps.forEach((step, i) => {
      if (step.change.kind === 'add-line') last.set(step.change.line.id, Math.max(i, last.get(step.change.line.id) ?? -1));
    });
    if (last.size === 0) return;
    for (const [lineId, step] of last) {
      const ref = this.find(lineId);
      if (ref === undefined || ref.component !== undefined) continue; // dropped (or its id is now a component's)
      const line = ref.line;
      const path = this.steps[step]!.path;
      for (const c of line.components) {
        if (Object.keys(c.values).length === 0) this.issue('line_without_values', path, `component ${c.id} of line ${line.id} is left without a value in any year; drop it, or write "pm" or 0`);
      }
      if (line.row === 'subtotal' && line.components.length === 0) this.issue('invalid_value', path, `line ${line.id} prints the subtotal of its components but is left without components`);
      else if (line.components.length === 0 && Object.keys(line.values).length === 0) this.issue('line_without_values', path, `line ${line.id} is left without a value in any year; drop it, or write "pm" or 0`);
    }
  }

  #editor: ItemEditor | undefined;

  /** The editor of cover and savings targets, sharing this engine's conflict bookkeeping. */
  editor(): ItemEditor {
    this.#editor ??= new ItemEditor({
      draft: this.draft,
      collector: this.issues,
      hasRow: (id) => this.find(id) !== undefined,
      touch: (key, year, step) => this.touch(key, year, step, 'set'),
      record: (entry) => this.items.push(Object.freeze({ ...entry, years: Object.freeze([...entry.years]) })),
    });
    return this.#editor;
  }

  years(step: Step, selection: YearSelection | undefined, fallback: () => number[]): number[] {
    if (selection === undefined) return fallback();
    return resolveYears(selection, this.draft.horizon, [...step.path, 'years'], this.issues);
  }

  amount(raw: ScenarioAmount, step: Step, path: Path): Decimal | undefined {
    return readScenarioAmount(raw, step.factor, step.format, path, this.issues);
  }

  target(id: string, step: Step, field: string): RowRef | undefined {
    const ref = this.find(id);
    if (ref === undefined) this.issue('unknown_reference', [...step.path, field], `no line or component "${id}" in the budget`);
    return ref;
  }

  ownRow(ref: RowRef, step: Step, field: string): RowRef | undefined {
    if (ref.component === undefined && ref.line.row === 'subtotal') {
      this.issue('ambiguous_target', [...step.path, field], `line "${ref.id}" only prints the subtotal of its components: name a component`);
      return undefined;
    }
    return ref;
  }

}

