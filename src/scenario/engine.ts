import { isDraft, original, type Draft } from 'immer';
import { checkRange } from '../core/amount.js';
import { Dec, ZERO, pinnedDecimal, isDecimal, roundTo, type Decimal, type RoundingMode } from '../core/decimal.js';
import { formatPath, type IssueCode, type IssueCollector, type Path } from '../core/errors.js';
import { tally, work } from '../core/work.js';
import { isPm, PM, type Budget, type Cell, type Component, type Line, type Nature, type Pm } from '../model/budget.js';
import { readPercentage, readScenarioAmount, resolveYears } from './values.js';
import { checkLinkedIndexation } from './links.js';
import type { Step } from './resolve.js';
import { ItemEditor, type ItemTrace } from './cover-targets.js';
import type { AddLineChange, DropLineChange, SetNatureChange, EstimatePmChange, IndexChange, MoveAmountChange, ScenarioAmount, SetAmountChange } from './types.js';
import { idRecordOf, ownValue } from '../core/records.js';

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

/** A range (bandbreedte) put on a pm post by an `estimate-pm` change, kept for uncertainty analysis. @category Scenarios */
export interface EstimateRangeResult {
  /** The row (line or component id). */
  readonly row: string;
  /** The line. */
  readonly line: string;
  /** The year. */
  readonly year: number;
  /** Lowest amount in euros. */
  readonly low: Decimal;
  /** Likely amount in euros: the value in the scenario's budget. */
  readonly likely: Decimal;
  /** Highest amount in euros. */
  readonly high: Decimal;
  /** Scenario that set it. */
  readonly scenario: string;
  /** Index of the change in that scenario. */
  readonly change: number;
}

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

type Mode = 'set' | 'mul' | 'add';

/**
 * Decimals without a precision limit in practice (decimal.js allows 10^9 significant digits), for the exact
 * products of percentages and index factors: `Dec` keeps 80 significant digits, which a product of many factors
 * passes. Each value is rounded once, to the scenario's rounding, and then read back into `Dec`.
 */
const Exact = pinnedDecimal({ precision: 1e9, rounding: Dec.rounding, toExpNeg: Dec.toExpNeg, toExpPos: Dec.toExpPos, minE: Dec.minE, maxE: Dec.maxE, modulo: Dec.modulo, crypto: Dec.crypto });
const HUNDREDTH = new Exact('0.01');
type DLine = Draft<Line>;
type DComponent = Draft<Component>;

interface RowRef {
  readonly line: DLine;
  readonly component: DComponent | undefined;
  readonly id: string;
  readonly sectionIndex: number;
}

/** Mutable state of one application. */
export class ChangeEngine {
  readonly trace: TraceEntry[] = [];
  readonly ranges: EstimateRangeResult[] = [];
  readonly conflicts: ChangeConflict[] = [];
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
    private readonly draft: Draft<Budget>,
    private readonly steps: readonly Step[],
    private readonly collector: IssueCollector,
    private readonly lenient: boolean,
  ) {}

  private issue(code: IssueCode, path: Path, message: string): void {
    if (!this.lenient) this.collector.add(code, path, message);
  }

  /** Lines and components by id, built on first use and kept up to date by add-line and drop-line. */
  #rows: Map<string, RowRef> | undefined;

  /** The line or component with this id (one lookup, not a walk through the draft: a scenario may hold 1000 changes). */
  private find(id: string): RowRef | undefined {
    if (this.#rows === undefined) {
      const rows = new Map<string, RowRef>();
      this.draft.sections.forEach((section, sectionIndex) => {
        for (const line of section.lines) this.indexRows(rows, line, sectionIndex);
      });
      this.#rows = rows;
    }
    return this.#rows.get(id);
  }

  /** Adds a line and its components to the lookup (the first of an id wins, as in a walk). */
  private indexRows(rows: Map<string, RowRef>, line: DLine, sectionIndex: number): void {
    if (work.enabled) tally('rowVisit', 1 + line.components.length);
    if (!rows.has(line.id)) rows.set(line.id, { line, component: undefined, id: line.id, sectionIndex });
    for (const component of line.components) if (!rows.has(component.id)) rows.set(component.id, { line, component, id: component.id, sectionIndex });
  }

  private cell(ref: RowRef, year: number): Cell | undefined {
    const values = ref.component !== undefined ? ref.component.values : ref.line.values;
    return values[year] as Cell | undefined;
  }

  /**
   * The exact, unrounded value of cells whose latest write was a percentage (`mul`), so that the next percentage
   * of the cell multiplies it rather than the rounded amount; any other write forgets it.
   */
  readonly #exact = new Map<string, Decimal>();

  /**
   * A computed amount as `Dec`, checked against the loader's limits (18 digits before and 6 after the decimal
   * point in euros): a cell beyond them is `amount_out_of_range` at the change, naming the cell in the message, so
   * no result of a scenario is a budget that cannot be saved and loaded again.
   */
  private fromExact(value: Decimal, step: Step, row: string, year: number): Decimal {
    const range = checkRange(value);
    if (!range.ok) this.issue('amount_out_of_range', step.path, `${row} in ${year}: ${range.message}`);
    return value.constructor === Dec ? value : new Dec(value.toFixed());
  }

  private write(ref: RowRef, year: number, after: Cell | undefined, step: number, mode: Mode | 'create' | 'index'): void {
    tally('cellWrite');
    if (mode !== 'mul') this.#exact.delete(cellKey(ref.id, year));
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

  private conflict(first: number, second: number, row: string, year: number): void {
    if (this.lenient) return;
    const key = `${first}:${second}`;
    let entry = this.#conflictIndex.get(key);
    if (entry === undefined) {
      entry = { first, second, path: this.steps[second]!.path, cells: [] };
      this.#conflictIndex.set(key, entry);
    }
    entry.cells.push({ row, year });
  }

  /** Applies every step: level changes in order, then indexation. */
  run(): void {
    const indexSteps: number[] = [];
    this.steps.forEach((step, i) => {
      const change = step.change;
      switch (change.kind) {
        case 'set-amount':
          return this.setAmount(change, step, i);
        case 'estimate-pm':
          return this.estimatePm(change, step, i);
        case 'drop-line':
          return this.dropLine(change, step, i);
        case 'set-nature':
          return this.setNature(change, step, i);
        case 'add-line':
          return this.addLine(change, step, i);
        case 'move-amount':
          return this.moveAmount(change, step, i);
        case 'index':
          indexSteps.push(i);
          return;
        case 'add-claim':
        case 'set-claim':
        case 'drop-claim':
        case 'set-capacity':
        case 'set-reserve-opening':
        case 'set-target-path':
        case 'set-realisation':
          return this.editor().apply(change, step, i);
      }
    });
    this.index(indexSteps);
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
    this.#rows = undefined;
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
  private editor(): ItemEditor {
    this.#editor ??= new ItemEditor({
      draft: this.draft,
      collector: this.lenient ? quiet() : this.collector,
      hasRow: (id) => this.find(id) !== undefined,
      touch: (key, year, step) => this.touch(key, year, step, 'set'),
      record: (entry) => this.items.push(Object.freeze({ ...entry, years: Object.freeze([...entry.years]) })),
    });
    return this.#editor;
  }

  private years(step: Step, selection: SetAmountChange['years'] | undefined, fallback: () => number[]): number[] {
    if (selection === undefined) return fallback();
    return resolveYears(selection, this.draft.horizon, [...step.path, 'years'], this.lenient ? quiet() : this.collector);
  }

  private amount(raw: ScenarioAmount, step: Step, path: Path): Decimal | undefined {
    return readScenarioAmount(raw, step.factor, step.format, path, this.lenient ? quiet() : this.collector);
  }

  private target(id: string, step: Step, field: string): RowRef | undefined {
    const ref = this.find(id);
    if (ref === undefined) this.issue('unknown_reference', [...step.path, field], `no line or component "${id}" in the budget`);
    return ref;
  }

  private ownRow(ref: RowRef, step: Step, field: string): RowRef | undefined {
    if (ref.component === undefined && ref.line.row === 'subtotal') {
      this.issue('ambiguous_target', [...step.path, field], `line "${ref.id}" only prints the subtotal of its components: name a component`);
      return undefined;
    }
    return ref;
  }

  private setAmount(change: SetAmountChange, step: Step, i: number): void {
    const ref = this.target(change.line, step, 'line');
    if (ref === undefined) return;
    const years = this.years(step, change.years, () => []);
    const value = change.value;
    const vpath = [...step.path, 'value'];
    if (typeof value === 'object' && value !== null && 'percent' in value) {
      const pct = readPercentage(value.percent, step.format, [...vpath, 'percent'], this.lenient ? quiet() : this.collector);
      if (pct === undefined) return;
      const rows: RowRef[] = ref.component !== undefined ? [ref] : [...(ref.line.row === 'amount' ? [ref] : []), ...ref.line.components.map((c) => ({ ...ref, component: c, id: c.id }))];
      const factor = HUNDREDTH.times(pct);
      for (const row of rows) {
        for (const year of years) {
          const old = this.cell(row, year);
          if (old === undefined || isPm(old)) continue;
          // percentages of one cell compose exactly and the cell is rounded once: 50 % then 10 % of EUR 0,05 is
          // 0,0025, so 0,00 in either order (rounding after each gave 0,00 one way and 0,01 the other)
          const key = cellKey(row.id, year);
          // (factor's times: the result keeps Exact's precision)
          const exact = factor.times(this.#exact.get(key) ?? (old as Decimal));
          this.write(row, year, this.fromExact(roundTo(exact, step.rounding.places, step.rounding.mode), step, row.id, year), i, 'mul');
          this.#exact.set(key, exact);
        }
      }
      return;
    }
    const row = this.ownRow(ref, step, 'line');
    if (row === undefined) return;
    if (typeof value === 'object' && value !== null && 'add' in value) {
      const add = this.amount(value.add, step, [...vpath, 'add']);
      if (add === undefined) return;
      for (const year of years) {
        const old = this.cell(row, year);
        if (isPm(old)) {
          this.issue('pm_cell', vpath, `${row.id} is pm in ${year}: give it an estimate before adding to it`);
          continue;
        }
        this.write(row, year, nonNegativeZero((old as Decimal | undefined)?.plus(add) ?? add), i, 'add');
      }
      return;
    }
    let cell: Cell | undefined;
    if (value === null) cell = undefined;
    else if (typeof value === 'string' && /^[+-]?pm$/i.test(value.trim())) cell = pmCell(value.trim());
    else {
      cell = this.amount(value as ScenarioAmount, step, vpath);
      if (cell === undefined) return;
    }
    for (const year of years) this.write(row, year, cell, i, 'set');
  }

  private estimatePm(change: EstimatePmChange, step: Step, i: number): void {
    const found = this.target(change.line, step, 'line');
    if (found === undefined) return;
    const ref = this.ownRow(found, step, 'line');
    if (ref === undefined) return;
    const horizonYears = this.draft.horizon.years;
    const years = this.years(step, change.years, () => horizonYears.filter((y) => isPm(this.cell(ref, y))));
    const value = change.value;
    const vpath = [...step.path, 'value'];
    let likely: Decimal | undefined;
    let range: { low: Decimal; high: Decimal } | undefined;
    if (typeof value === 'object' && value !== null) {
      const low = this.amount(value.low, step, [...vpath, 'low']);
      likely = this.amount(value.likely, step, [...vpath, 'likely']);
      const high = this.amount(value.high, step, [...vpath, 'high']);
      if (low === undefined || high === undefined || likely === undefined) return;
      range = { low, high };
    } else likely = this.amount(value, step, vpath);
    if (likely === undefined) return;
    if (years.length === 0) this.issue('not_pm', [...step.path, 'line'], `${ref.id} has no pm post to estimate`);
    for (const year of years) {
      if (!isPm(this.cell(ref, year))) {
        this.issue('not_pm', [...step.path, 'years'], `${ref.id} is not pm in ${year}`);
        continue;
      }
      this.write(ref, year, likely, i, 'set');
      if (range !== undefined) {
        this.ranges.push(Object.freeze({ row: ref.id, line: ref.line.id, year, low: range.low, likely, high: range.high, scenario: step.scenario, change: step.index }));
      }
    }
  }

  readonly #natures = new Map<string, { nature: Nature; step: number }>();

  private setNature(change: SetNatureChange, step: Step, i: number): void {
    const ref = this.target(change.line, step, 'line');
    if (ref === undefined) return;
    const rows: RowRef[] = ref.component !== undefined ? [ref] : [ref, ...ref.line.components.map((c) => ({ ...ref, component: c, id: c.id }))];
    for (const row of rows) {
      const earlier = this.#natures.get(row.id);
      // Two changes that set one row to different natures would depend on their order.
      if (earlier !== undefined && earlier.nature !== change.nature) {
        for (const year of this.draft.horizon.years) this.conflict(earlier.step, i, row.id, year);
      }
      this.#natures.set(row.id, { nature: change.nature, step: i });
      if (row.component !== undefined) row.component.nature = change.nature;
      else row.line.nature = change.nature;
    }
  }

  private dropLine(change: DropLineChange, step: Step, i: number): void {
    const ref = this.target(change.line, step, 'line');
    if (ref === undefined) return;
    const rows: RowRef[] = ref.component !== undefined ? [ref] : [ref, ...ref.line.components.map((c) => ({ ...ref, component: c, id: c.id }))];
    for (const row of rows) {
      const values = row.component !== undefined ? row.component.values : row.line.values;
      for (const key of Object.keys(values).sort()) this.write(row, Number(key), undefined, i, 'set');
    }
    const section = this.draft.sections[ref.sectionIndex]!;
    // the walks below and the lookup rebuilt after them visit every row of the section or line
    if (work.enabled) tally('rowVisit', ref.component !== undefined ? ref.line.components.length : section.lines.length);
    if (ref.component !== undefined) {
      const at = ref.line.components.findIndex((c) => c.id === ref.id);
      ref.line.components.splice(at, 1);
    } else {
      const at = section.lines.findIndex((l) => l.id === ref.id);
      section.lines.splice(at, 1);
    }
    this.#rows = undefined;
  }

  private cellFromDocument(raw: ScenarioAmount, step: Step, path: Path): Cell | undefined {
    if (typeof raw === 'string' && /^[+-]?pm$/i.test(raw.trim())) return pmCell(raw.trim());
    return this.amount(raw, step, path);
  }

  private addLine(change: AddLineChange, step: Step, i: number): void {
    if (work.enabled) tally('rowVisit', this.draft.sections.length);
    const section = this.draft.sections.find((s) => s.id === change.section);
    if (section === undefined) {
      this.issue('unknown_reference', [...step.path, 'section'], `no section "${change.section}" in the budget`);
      return;
    }
    const spec = change.line;
    const lp = [...step.path, 'line'];
    const ids = [spec.id, ...(spec.components ?? []).map((c, n) => c.id ?? `${spec.id}#${n + 1}`)];
    let ok = true;
    ids.forEach((id, n) => {
      if (this.find(id) !== undefined || ids.indexOf(id) !== n) {
        this.issue('duplicate_id', n === 0 ? [...lp, 'id'] : [...lp, 'components', n - 1, 'id'], `"${id}" is already a line or component`);
        ok = false;
      }
    });
    let at = section.lines.length;
    if (change.after !== undefined) {
      if (work.enabled) tally('rowVisit', section.lines.length);
      at = section.lines.findIndex((l) => l.id === change.after) + 1;
      if (at === 0) {
        this.issue('unknown_reference', [...step.path, 'after'], `no line "${change.after}" in section "${change.section}"`);
        ok = false;
      }
    }
    const horizon = this.draft.horizon;
    const readValues = (values: Readonly<Record<string, ScenarioAmount>> | undefined, path: Path): Record<string, Cell> => {
      const out: Record<string, Cell> = {};
      for (const [year, raw] of Object.entries(values ?? {})) {
        const y = Number(year);
        if (y < horizon.from || y > horizon.to) {
          this.issue('year_outside_horizon', [...path, year], `${year} is outside the horizon ${horizon.from}-${horizon.to}`);
          ok = false;
          continue;
        }
        const cell = this.cellFromDocument(raw, step, [...path, year]);
        if (cell === undefined) ok = false;
        else out[year] = cell;
      }
      return out;
    };
    const values = readValues(spec.values, [...lp, 'values']);
    const components = (spec.components ?? []).map((c, n) => ({
      id: ids[n + 1]!,
      title: c.title,
      nature: c.nature ?? spec.nature,
      tags: idRecordOf(Object.entries(c.tags ?? {})),
      values: readValues(c.values, [...lp, 'components', n, 'values']),
    }));
    if (!ok) return;
    const line = { id: spec.id, title: spec.title, nature: spec.nature, tags: idRecordOf(Object.entries(spec.tags ?? {})), values: {}, row: 'amount' as const, components: components.map((c) => ({ ...c, values: {} })) };
    section.lines.splice(at, 0, line as DLine);
    const added = section.lines[at]!;
    const sectionIndex = this.draft.sections.indexOf(section);
    if (this.#rows !== undefined) this.indexRows(this.#rows, added, sectionIndex);
    const own: RowRef = { line: added, component: undefined, id: spec.id, sectionIndex };
    for (const [year, cell] of sortedEntries(values)) this.write(own, Number(year), cell, i, 'create');
    components.forEach((c, n) => {
      const ref: RowRef = { line: added, component: added.components[n]!, id: c.id, sectionIndex };
      for (const [year, cell] of sortedEntries(c.values)) this.write(ref, Number(year), cell, i, 'create');
    });
  }

  private moveAmount(change: MoveAmountChange, step: Step, i: number): void {
    const fromRef = this.target(change.from, step, 'from');
    const toRef = this.target(change.to, step, 'to');
    const amount = this.amount(change.amount, step, [...step.path, 'amount']);
    const years = this.years(step, change.years, () => []);
    if (fromRef === undefined || toRef === undefined || amount === undefined) return;
    const from = this.ownRow(fromRef, step, 'from');
    const to = this.ownRow(toRef, step, 'to');
    if (from === undefined || to === undefined) return;
    for (const year of years) {
      const a = this.cell(from, year);
      const b = this.cell(to, year);
      if (isPm(a) || isPm(b)) {
        this.issue('pm_cell', [...step.path, isPm(a) ? 'from' : 'to'], `${isPm(a) ? from.id : to.id} is pm in ${year}: give it an estimate before moving amounts`);
        continue;
      }
      this.write(from, year, nonNegativeZero(((a as Decimal | undefined) ?? ZERO).minus(amount)), i, 'add');
      this.write(to, year, nonNegativeZero(((b as Decimal | undefined) ?? ZERO).plus(amount)), i, 'add');
    }
  }

  private index(indexSteps: readonly number[]): void {
    if (indexSteps.length === 0) return;
    const horizon = this.draft.horizon;
    const years = horizon.years;
    // the cells of each row as they stand after the level changes, read from the draft once (indexation reads them
    // for every change that selects the row; through immer's proxies that was most of the time)
    const snapshots = new Map<object, (Cell | undefined)[]>();
    const snapshot = (ref: RowRef): (Cell | undefined)[] => {
      const values = ref.component !== undefined ? ref.component.values : ref.line.values;
      let cells = snapshots.get(values);
      if (cells === undefined) {
        const record = values as Record<string, Cell | undefined>;
        cells = years.map((year) => record[year]);
        snapshots.set(values, cells);
      }
      return cells;
    };
    // per cell (row and year, in order of first selection) the index steps that select it with their cumulative factor
    type Entry = { ref: RowRef; year: number; steps: number[]; factors: Decimal[] };
    const perCell: Entry[] = [];
    const byRow = new Map<string, (Entry | undefined)[]>();
    // the rows each tag selector matches: the budget does not change while the index steps are read
    const walks = new Map<string, RowRef[]>();
    const factorsByRates = new Map<string, (Decimal | undefined)[]>();
    for (const i of indexSteps) {
      const step = this.steps[i]!;
      const change = step.change as IndexChange;
      const collector = this.lenient ? quiet() : this.collector;
      const rates: { year: number; rate: Decimal }[] = [];
      let ok = true;
      for (const [year, raw] of Object.entries(change.rates)) {
        const y = Number(year);
        if (y < horizon.from || y > horizon.to) {
          this.issue('year_outside_horizon', [...step.path, 'rates', year], `${year} is outside the horizon ${horizon.from}-${horizon.to}`);
          ok = false;
          continue;
        }
        const rate = readPercentage(raw, step.format, [...step.path, 'rates', year], collector);
        if (rate === undefined) ok = false;
        else rates.push({ year: y, rate });
      }
      if (!ok) continue;
      const rows = this.select(change, step, walks);
      if (change.links !== undefined && change.requireLinked !== false) {
        checkLinkedIndexation(change.links, rows.map((r) => ({ id: r.id, line: r.line.id })), (id) => this.find(id) !== undefined, step.path, (c, p, m) => this.issue(c, p, m));
      }
      // the factor of each year depends on the rates alone: changes with the same rates share them
      const ratesKey = rates.map((r) => `${r.year}:${r.rate.toString()}`).join(',');
      let yearFactors = factorsByRates.get(ratesKey);
      if (yearFactors === undefined) {
        const multipliers = rates.map((r) => ({ year: r.year, multiplier: HUNDREDTH.times(r.rate.plus(100)) }));
        yearFactors = years.map((year) => {
          let factor: Decimal = new Exact(1);
          for (const r of multipliers) if (r.year <= year) factor = factor.times(r.multiplier);
          return factor.eq(1) ? undefined : factor;
        });
        factorsByRates.set(ratesKey, yearFactors);
      }
      const cells = rows.map(snapshot);
      years.forEach((year, y) => {
        const factor = yearFactors[y];
        if (factor === undefined) return;
        tally('indexCell', rows.length);
        rows.forEach((ref, n) => {
          const cell = cells[n]![y];
          if (cell === undefined || isPm(cell)) return;
          let slots = byRow.get(ref.id);
          if (slots === undefined) byRow.set(ref.id, (slots = []));
          let entry = slots[y];
          if (entry === undefined) perCell.push((slots[y] = entry = { ref, year, steps: [], factors: [] }));
          entry.steps.push(i);
          entry.factors.push(factor);
        });
      });
    }
    // cells selected by the same index steps in the same year share their running products: each product is
    // computed once, then every cell is multiplied by it and rounded once per step, as before
    const products = new Map<string, RunningProduct>();
    for (const { ref, year, steps, factors } of perCell) {
      tally('indexCell', steps.length);
      const key = `${year}:${steps.join(',')}`;
      let cumulative = products.get(key);
      if (cumulative === undefined) {
        tally('indexCell', factors.length);
        products.set(key, (cumulative = new RunningProduct(factors)));
      }
      const values = (ref.component !== undefined ? ref.component.values : ref.line.values) as Record<string, Cell>;
      const chain = new IndexChain(values[year] as Decimal, cumulative, steps.map((step) => this.steps[step]!.rounding));
      steps.forEach((step, k) => this.trace.push(new IndexWrite(ref.id, ref.line.id, year, step, chain, k)));
      // only the last value stays in the budget: one write to the draft per cell; the values in between are only
      // computed when the trace is read (explain)
      const last = this.steps[steps[steps.length - 1]!]!;
      values[year] = this.fromExact(chain.exactAt(steps.length - 1), last, ref.id, year) as Draft<Cell>;
    }
  }

  /**
   * The rows an index change selects, lines first, then rows matching the tags in budget order.
   * @param walks - rows matched by each tag selector so far (valid while the budget does not change)
   */
  private select(change: IndexChange, step: Step, walks: Map<string, RowRef[]>): RowRef[] {
    const rows: RowRef[] = [];
    const seen = new Set<string>();
    const add = (ref: RowRef): void => {
      tally('rowVisit');
      if (seen.has(ref.id)) return;
      seen.add(ref.id);
      rows.push(ref);
    };
    const ids = change.select.lines ?? [];
    ids.forEach((id, n) => {
      const ref = this.find(id);
      if (ref === undefined) return this.issue('unknown_reference', [...step.path, 'select', 'lines', n], `no line or component "${id}" in the budget`);
      if (ref.component !== undefined) return add(ref);
      add(ref);
      for (const c of ref.line.components) add({ ...ref, component: c, id: c.id });
    });
    const tags = change.select.tags;
    if (tags !== undefined) {
      const key = JSON.stringify(Object.entries(tags));
      let matched = walks.get(key);
      if (matched === undefined) {
        const found: RowRef[] = [];
        const has = (t: Readonly<Record<string, string>>): boolean => Object.entries(tags).every(([k, v]) => ownValue(t, k) === v);
        this.draft.sections.forEach((section, sectionIndex) => {
          for (const line of section.lines) {
            if (work.enabled) tally('rowVisit', 1 + line.components.length);
            const lineRef: RowRef = { line, component: undefined, id: line.id, sectionIndex };
            if (has(line.tags)) found.push(lineRef);
            for (const c of line.components) if (has(line.tags) || has(c.tags)) found.push({ ...lineRef, component: c, id: c.id });
          }
        });
        walks.set(key, (matched = found));
      }
      for (const ref of matched) add(ref);
    }
    if (rows.length === 0) this.issue('empty_selection', [...step.path, 'select'], 'the selection matches no line');
    return rows;
  }
}

/** The values one cell takes under its index steps: the level times each running product, rounded per step. */
class IndexChain {
  readonly #values: (Decimal | undefined)[] = [];
  /**
   * @param level - the cell after every level change
   * @param cumulative - running products of the factors of the cell's index steps
   * @param roundings - rounding of each of those steps
   */
  constructor(
    readonly level: Decimal,
    private readonly cumulative: RunningProduct,
    private readonly roundings: readonly { readonly places: number; readonly mode: RoundingMode }[],
  ) {}

  /** The cell after the k-th index step, exactly as computed (rounded once, any number of digits). */
  exactAt(k: number): Decimal {
    let value = this.#values[k];
    if (value === undefined) {
      tally('indexCell');
      const rounding = this.roundings[k]!;
      // the level times the exact running product: the product may have any number of digits, so the level is
      // read into the same unlimited decimals first (Dec would round the product to 80 digits)
      // (the product's times, so the result has the product's unlimited precision; Dec's would round it to 80 digits)
      this.#values[k] = value = roundTo(this.cumulative.at(k).times(this.level), rounding.places, rounding.mode);
    }
    return value;
  }

  /** The cell after the k-th index step, as `Dec`. */
  at(k: number): Decimal {
    const value = this.exactAt(k);
    return value.constructor === Dec ? value : new Dec(value.toFixed());
  }
}

/**
 * The running products of a list of index factors, exact: the last one is computed once (every cell selected by
 * the same index steps shares it); the ones before it only when `explain` reads a cell between two index steps.
 * Only the product being built is kept, not all of them: each is as long as the factors before it together.
 */
class RunningProduct {
  #last: Decimal | undefined;
  #all: Decimal[] | undefined;

  /** @param factors - the factor of each index step, in order */
  constructor(private readonly factors: readonly Decimal[]) {}

  /** The product of the first k + 1 factors. */
  at(k: number): Decimal {
    if (k === this.factors.length - 1) {
      if (this.#last === undefined) {
        let product: Decimal = new Exact(1);
        for (const factor of this.factors) product = product.times(factor);
        this.#last = product;
      }
      return this.#last;
    }
    if (this.#all === undefined) {
      let product: Decimal = new Exact(1);
      this.#all = this.factors.map((factor) => (product = product.times(factor)));
    }
    return this.#all[k]!;
  }
}

/** A trace entry of an index step, whose amounts are computed when read. */
class IndexWrite implements TraceEntry {
  constructor(
    readonly row: string,
    readonly line: string,
    readonly year: number,
    readonly step: number,
    private readonly chain: IndexChain,
    private readonly k: number,
  ) {}

  get before(): Cell {
    return this.k === 0 ? this.chain.level : this.chain.at(this.k - 1);
  }

  get after(): Cell {
    return this.chain.at(this.k);
  }
}

/** The key of a cell (row and year) in the engine's maps. */
function cellKey(row: string, year: number): string {
  return `${row}\u0000${year}`;
}

function pmCell(token: string): Pm {
  if (token.startsWith('-')) return Object.freeze({ kind: 'pm', direction: 'nadeel' });
  if (token.startsWith('+')) return Object.freeze({ kind: 'pm', direction: 'voordeel' });
  return PM;
}

function nonNegativeZero(value: Decimal): Decimal {
  return value.isZero() ? ZERO : value;
}

function sortedEntries(values: Record<string, Cell>): [string, Cell][] {
  return Object.entries(values).sort(([a], [b]) => Number(a) - Number(b));
}

/** A collector whose issues are dropped (lenient runs). */
function quiet(): IssueCollector {
  return { add: () => undefined, addAll: () => undefined, hasIssues: false, issues: [], throwIfAny: () => undefined } as unknown as IssueCollector;
}

/** Whether a cell holds an amount. @internal */
export function isAmount(cell: Cell | undefined): cell is Decimal {
  return cell !== undefined && isDecimal(cell);
}
