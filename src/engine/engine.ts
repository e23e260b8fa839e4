import { noNegativeZero, type Decimal } from '../core/decimal.js';
import { MeerjarenError, issue } from '../core/errors.js';
import type { Total } from '../model/evaluation.js';
import { isCompiledBudget, type CompiledBudget } from './compile.js';
import { FILLED, PM_FLAG } from './cells.js';
import { applyRate, type EngineRate } from './rate.js';
import { countCells, countLines, pmLinesOfFlags, sumFloat, sumFloatLines, sumWide, sumWideLines } from './sums.js';
import { MAX_SAFE_UNITS, unitsToDecimal } from './units.js';
import { describeValue } from '../core/guard.js';
import { fail } from '../core/errors.js';

/** Where a total is taken (niveau): one row, one line, one section or the whole table. @category Engine */
export type Scope = 'row' | 'line' | 'section' | 'table';

/** An amount in integer units: a number in float mode, a BigInt in wide mode. @category Engine */
export type Units = number | bigint;

/**
 * The exact evaluation engine (rekenkern): totals per line, section and table per year, split into
 * structural and incidental parts, kept as integer units; with incremental updates.
 *
 * @remarks
 * Create one with {@link createEngine}. It copies the compiled cells on its first change, so changing them never
 * changes the compiled budget; line totals are built on the first read of one. {@link Engine.evaluate} recomputes everything (cost ~ cells); {@link Engine.setAmount},
 * {@link Engine.setPm} and {@link Engine.clear} change one cell and update every total it is in by the
 * difference (cost ~ 1), so a scenario that changes k rows costs ~ k x years. Totals are read as units
 * ({@link Engine.structuralUnits}, {@link Engine.incidentalUnits}) or converted to decimal.js only when
 * asked ({@link Engine.total}).
 *
 * In float mode every value and partial sum is an integer within 2^53 (checked up front and on every
 * change through the running sum of absolute values); when a change could pass the bound the engine
 * switches itself to BigInt before applying it. An engine is mutable and belongs to one thread.
 * @category Engine
 */
export class Engine {
  /** The compiled budget this engine started from. */
  readonly compiled: CompiledBudget;
  #wide: boolean;
  #cells: Float64Array;
  #wideCells: bigint[];
  #flags: Uint8Array;
  /** Whether the cells and flags are this engine's own copies (the compiled ones are shared until a first write). */
  #ownCells = false;
  #ownFlags = false;
  /** Whether the line totals and counts are built (on the first read of a line total: most readers need none). */
  #linesReady = false;
  #absSum: number;
  #wideAbsSum: bigint;
  // totals: [structural, incidental] per scope
  #lineS: Float64Array;
  #lineI: Float64Array;
  #secS: Float64Array;
  #secI: Float64Array;
  #tabS: Float64Array;
  #tabI: Float64Array;
  #wLineS: bigint[] = [];
  #wLineI: bigint[] = [];
  #wSecS: bigint[] = [];
  #wSecI: bigint[] = [];
  #wTabS: bigint[] = [];
  #wTabI: bigint[] = [];
  // counts of filled cells and pm cells per scope and year
  #lineFilled: Int32Array;
  #linePm: Int32Array;
  readonly #secFilled: Int32Array;
  readonly #secPm: Int32Array;
  readonly #tabFilled: Int32Array;
  readonly #tabPm: Int32Array;

  /** @param compiled - a compiled budget */
  constructor(compiled: CompiledBudget) {
    if (!isCompiledBudget(compiled)) fail('invalid_argument', ['compiled'], `Engine: compiled must be a budget from compileBudget(), not ${describeValue(compiled)}`);
    this.compiled = compiled;
    const Y = compiled.yearCount;
    const S = compiled.sectionIds.length;
    this.#wide = compiled.wide;
    // the compiled cells and flags are shared until a first write: evaluating allocates no copy of them
    this.#cells = compiled.units;
    this.#wideCells = compiled.wideUnits ? [...compiled.wideUnits] : [];
    this.#flags = compiled.flags;
    this.#absSum = compiled.wide ? 0 : Number(compiled.absoluteSum);
    this.#wideAbsSum = compiled.absoluteSum;
    this.#lineS = this.#lineI = new Float64Array(0);
    this.#secS = new Float64Array(S * Y);
    this.#secI = new Float64Array(S * Y);
    this.#tabS = new Float64Array(Y);
    this.#tabI = new Float64Array(Y);
    this.#lineFilled = this.#linePm = new Int32Array(0);
    this.#secFilled = new Int32Array(S * Y);
    this.#secPm = new Int32Array(S * Y);
    this.#tabFilled = new Int32Array(Y);
    this.#tabPm = new Int32Array(Y);
    if (this.#wide) this.#allocateWide();
    this.#count();
    this.evaluate();
  }

  /** Whether the engine computes in BigInt (wide mode). */
  get wide(): boolean {
    return this.#wide;
  }

  #allocateWide(): void {
    const Y = this.compiled.yearCount;
    const S = this.compiled.sectionIds.length;
    const zeros = (n: number): bigint[] => new Array<bigint>(n).fill(0n);
    this.#wSecS = zeros(S * Y);
    this.#wSecI = zeros(S * Y);
    this.#wTabS = zeros(Y);
    this.#wTabI = zeros(Y);
  }

  /** Switches to BigInt for good: before a change that could pass 2^53 units. */
  #widen(): void {
    if (this.#wide) return;
    this.#wideCells = Array.from(this.#cells, (v) => BigInt(v));
    this.#wideAbsSum = BigInt(this.#absSum);
    this.#cells = new Float64Array(0);
    this.#wide = true;
    this.#allocateWide();
    this.#lineS = this.#lineI = this.#secS = this.#secI = this.#tabS = this.#tabI = new Float64Array(0);
    // the line totals are built again, in BigInt, when next asked for
    this.#linesReady = false;
    this.evaluate();
  }

  /**
   * Recomputes every amount total from the cells (volledige doorrekening).
   *
   * @remarks
   * The counts behind `pm` and `empty` (how many cells of a total are filled or pm) change only through
   * {@link Engine.setAmount}, {@link Engine.setPm} and {@link Engine.clear}, which keep them up to date;
   * they are counted once when the engine is created, or again with {@link Engine.recount}.
   * @returns this engine
   */
  evaluate(): this {
    if (this.#wide) this.#sumWide();
    else this.#sumFloat();
    return this;
  }

  /**
   * Recounts the filled and pm cells of every total from the cell flags.
   * @returns this engine
   */
  recount(): this {
    this.#count();
    return this;
  }

  #sumFloat(): void {
    sumFloat(this.compiled, this.#cells, { secS: this.#secS, secI: this.#secI, tabS: this.#tabS, tabI: this.#tabI });
    if (this.#linesReady) sumFloatLines(this.compiled, this.#cells, this.#lineS, this.#lineI);
  }

  #sumWide(): void {
    sumWide(this.compiled, this.#wideCells, { secS: this.#wSecS, secI: this.#wSecI, tabS: this.#wTabS, tabI: this.#wTabI });
    if (this.#linesReady) sumWideLines(this.compiled, this.#wideCells, this.#wLineS, this.#wLineI);
  }

  #count(): void {
    countCells(this.compiled, this.#flags, { secFilled: this.#secFilled, secPm: this.#secPm, tabFilled: this.#tabFilled, tabPm: this.#tabPm });
    if (this.#linesReady) countLines(this.compiled, this.#flags, this.#lineFilled, this.#linePm);
  }

  /** Builds the line totals and counts from the cells, once (kept up to date by every change after). */
  #ensureLines(): void {
    if (this.#linesReady) return;
    const c = this.compiled;
    const n = c.lineIds.length * c.yearCount;
    if (this.#wide) {
      this.#wLineS = new Array<bigint>(n).fill(0n);
      this.#wLineI = new Array<bigint>(n).fill(0n);
      sumWideLines(c, this.#wideCells, this.#wLineS, this.#wLineI);
    } else {
      this.#lineS = new Float64Array(n);
      this.#lineI = new Float64Array(n);
      sumFloatLines(c, this.#cells, this.#lineS, this.#lineI);
    }
    this.#lineFilled = new Int32Array(n);
    this.#linePm = new Int32Array(n);
    countLines(c, this.#flags, this.#lineFilled, this.#linePm);
    this.#linesReady = true;
  }

  #check(row: number, yearIndex: number): number {
    const c = this.compiled;
    if (!Number.isInteger(row) || row < 0 || row >= c.rowCount || !Number.isInteger(yearIndex) || yearIndex < 0 || yearIndex >= c.yearCount) {
      throw new MeerjarenError([issue('invalid_value', ['cell'], `no cell (row ${row}, year index ${yearIndex}) in this budget`)]);
    }
    return row * c.yearCount + yearIndex;
  }

  #setFlag(i: number, row: number, yearIndex: number, flag: number): void {
    const old = this.#flags[i]!;
    if (old === flag) return;
    if (!this.#ownFlags) {
      this.#flags = this.#flags.slice();
      this.#ownFlags = true;
    }
    this.#flags[i] = flag;
    const c = this.compiled;
    const Y = c.yearCount;
    const l = c.rowLine[row]!;
    const s = c.lineSection[l]!;
    const df = (flag & FILLED) - (old & FILLED);
    const dp = ((flag & PM_FLAG) - (old & PM_FLAG)) >> 1;
    if (this.#linesReady) {
      this.#lineFilled[l * Y + yearIndex]! += df;
      this.#linePm[l * Y + yearIndex]! += dp;
    }
    this.#secFilled[s * Y + yearIndex]! += df;
    this.#tabFilled[yearIndex]! += df;
    this.#secPm[s * Y + yearIndex]! += dp;
    this.#tabPm[yearIndex]! += dp;
  }

  #setUnits(i: number, row: number, yearIndex: number, value: Units): void {
    const c = this.compiled;
    const Y = c.yearCount;
    const l = c.rowLine[row]!;
    const s = c.lineSection[l]!;
    const structural = c.rowStructural[row] === 1;
    if (!this.#wide) {
      const abs = typeof value === 'number' ? Math.abs(value) : Infinity;
      // the bound covers the old and the new value at once, so the delta and every total stay exact
      if (typeof value === 'bigint' && value >= -BigInt(MAX_SAFE_UNITS) && value <= BigInt(MAX_SAFE_UNITS) && this.#absSum + Math.abs(Number(value)) <= MAX_SAFE_UNITS) {
        value = Number(value);
      } else if (!(this.#absSum + abs <= MAX_SAFE_UNITS)) {
        this.#widen();
      }
    }
    if (!this.#wide) {
      const v = value as number;
      if (!Number.isSafeInteger(v)) throw new MeerjarenError([issue('invalid_value', ['units'], `units must be an integer, not ${v}`)]);
      const old = this.#cells[i]!;
      const d = v - old;
      if (!this.#ownCells) {
        this.#cells = this.#cells.slice();
        this.#ownCells = true;
      }
      this.#cells[i] = v;
      this.#absSum += Math.abs(v) - Math.abs(old);
      if (this.#linesReady) (structural ? this.#lineS : this.#lineI)[l * Y + yearIndex]! += d;
      if (structural) {
        this.#secS[s * Y + yearIndex]! += d;
        this.#tabS[yearIndex]! += d;
      } else {
        this.#secI[s * Y + yearIndex]! += d;
        this.#tabI[yearIndex]! += d;
      }
      return;
    }
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new MeerjarenError([issue('invalid_value', ['units'], `units must be an integer, not ${value}`)]);
    }
    const v = BigInt(value);
    const old = this.#wideCells[i]!;
    const d = v - old;
    this.#wideCells[i] = v;
    this.#wideAbsSum += (v < 0n ? -v : v) - (old < 0n ? -old : old);
    if (this.#linesReady) (structural ? this.#wLineS : this.#wLineI)[l * Y + yearIndex]! += d;
    if (structural) {
      this.#wSecS[s * Y + yearIndex]! += d;
      this.#wTabS[yearIndex]! += d;
    } else {
      this.#wSecI[s * Y + yearIndex]! += d;
      this.#wTabI[yearIndex]! += d;
    }
  }

  /**
   * Sets a cell to an amount and updates its totals by the difference (incrementeel).
   * @param row - row index (`compiled.rowOf(id)`)
   * @param yearIndex - year index (`compiled.yearIndexOf(year)`)
   * @param units - the new amount in integer units
   */
  setAmount(row: number, yearIndex: number, units: Units): this {
    const i = this.#check(row, yearIndex);
    this.#setUnits(i, row, yearIndex, units);
    this.#setFlag(i, row, yearIndex, FILLED);
    return this;
  }

  /**
   * Makes a cell a pm post (counts as 0).
   * @param row - row index
   * @param yearIndex - year index
   */
  setPm(row: number, yearIndex: number): this {
    const i = this.#check(row, yearIndex);
    this.#setUnits(i, row, yearIndex, 0);
    this.#setFlag(i, row, yearIndex, FILLED | PM_FLAG);
    return this;
  }

  /**
   * Empties a cell (nil).
   * @param row - row index
   * @param yearIndex - year index
   */
  clear(row: number, yearIndex: number): this {
    const i = this.#check(row, yearIndex);
    this.#setUnits(i, row, yearIndex, 0);
    this.#setFlag(i, row, yearIndex, 0);
    return this;
  }

  /**
   * Multiplies a cell by a rate, rounded once at the engine's rounding point (see `applyRate`).
   * @param row - row index
   * @param yearIndex - year index
   * @param rate - the rate
   */
  scale(row: number, yearIndex: number, rate: EngineRate): this {
    const current = this.units(row, yearIndex);
    const i = this.#check(row, yearIndex);
    if ((this.#flags[i]! & PM_FLAG) !== 0 || (this.#flags[i]! & FILLED) === 0) return this;
    return this.setAmount(row, yearIndex, applyRate(current, rate, this.compiled.rounding));
  }

  /**
   * The amount of a cell in units (0 for nil and pm).
   * @param row - row index
   * @param yearIndex - year index
   */
  units(row: number, yearIndex: number): Units {
    const i = this.#check(row, yearIndex);
    return this.#wide ? this.#wideCells[i]! : this.#cells[i]!;
  }

  /**
   * The flags of a cell (`FILLED`, `PM_FLAG`).
   * @param row - row index
   * @param yearIndex - year index
   */
  flags(row: number, yearIndex: number): number {
    return this.#flags[this.#check(row, yearIndex)]!;
  }

  #pick(scope: Scope, index: number, yearIndex: number, structural: boolean): Units {
    const Y = this.compiled.yearCount;
    if (scope === 'row') {
      const c = this.compiled;
      const isStructural = c.rowStructural[index] === 1;
      return isStructural === structural ? this.units(index, yearIndex) : this.#wide ? 0n : 0;
    }
    const w = this.#wide;
    switch (scope) {
      case 'line':
        this.#ensureLines();
        return w ? (structural ? this.#wLineS : this.#wLineI)[index * Y + yearIndex]! : (structural ? this.#lineS : this.#lineI)[index * Y + yearIndex]!;
      case 'section':
        return w ? (structural ? this.#wSecS : this.#wSecI)[index * Y + yearIndex]! : (structural ? this.#secS : this.#secI)[index * Y + yearIndex]!;
      case 'table':
        return w ? (structural ? this.#wTabS : this.#wTabI)[yearIndex]! : (structural ? this.#tabS : this.#tabI)[yearIndex]!;
    }
  }

  /**
   * The structural part of a total, in units.
   * @param scope - row, line, section or table
   * @param index - its index (ignored for the table)
   * @param yearIndex - year index
   */
  structuralUnits(scope: Scope, index: number, yearIndex: number): Units {
    return this.#pick(scope, index, yearIndex, true);
  }

  /**
   * The incidental part of a total, in units.
   * @param scope - row, line, section or table
   * @param index - its index (ignored for the table)
   * @param yearIndex - year index
   */
  incidentalUnits(scope: Scope, index: number, yearIndex: number): Units {
    return this.#pick(scope, index, yearIndex, false);
  }

  /**
   * The whole total (structural + incidental), in units.
   * @param scope - row, line, section or table
   * @param index - its index (ignored for the table)
   * @param yearIndex - year index
   */
  amountUnits(scope: Scope, index: number, yearIndex: number): Units {
    const s = this.#pick(scope, index, yearIndex, true);
    const i = this.#pick(scope, index, yearIndex, false);
    return typeof s === 'bigint' || typeof i === 'bigint' ? BigInt(s) + BigInt(i) : s + i;
  }

  /**
   * The table's saldo per year as units, into a buffer (no allocation in float mode).
   * @param out - receives `yearCount` totals; structural when `part` is 'structural'
   * @param part - 'amount', 'structural' or 'incidental'
   */
  tableInto(out: Float64Array, part: 'amount' | 'structural' | 'incidental' = 'amount'): Float64Array {
    const Y = this.compiled.yearCount;
    for (let y = 0; y < Y; y++) {
      const s = this.#wide ? Number(this.#wTabS[y]!) : this.#tabS[y]!;
      const i = this.#wide ? Number(this.#wTabI[y]!) : this.#tabI[y]!;
      out[y] = part === 'structural' ? s : part === 'incidental' ? i : s + i;
    }
    return out;
  }

  /**
   * Every line total of every year as integer units, copied (cell `line * yearCount + yearIndex`): no Decimal
   * per cell. Float64 integers in float mode, BigInts in wide mode.
   */
  lineUnits(): {
    /** Structural part per line and year (line-major), in units. */
    structural: Float64Array | bigint[];
    /** Incidental part per line and year (line-major), in units. */
    incidental: Float64Array | bigint[];
    /** Filled cells per line and year. */
    filled: Int32Array;
    /** Pm cells per line and year. */
    pm: Int32Array;
  } {
    this.#ensureLines();
    return this.#wide
      ? { structural: this.#wLineS.slice(), incidental: this.#wLineI.slice(), filled: this.#lineFilled.slice(), pm: this.#linePm.slice() }
      : { structural: this.#lineS.slice(), incidental: this.#lineI.slice(), filled: this.#lineFilled.slice(), pm: this.#linePm.slice() };
  }

  #counts(scope: Scope, index: number, yearIndex: number): [filled: number, pm: number] {
    const Y = this.compiled.yearCount;
    switch (scope) {
      case 'row': {
        const f = this.flags(index, yearIndex);
        return [f & FILLED, (f & PM_FLAG) >> 1];
      }
      case 'line':
        this.#ensureLines();
        return [this.#lineFilled[index * Y + yearIndex]!, this.#linePm[index * Y + yearIndex]!];
      case 'section':
        return [this.#secFilled[index * Y + yearIndex]!, this.#secPm[index * Y + yearIndex]!];
      case 'table':
        return [this.#tabFilled[yearIndex]!, this.#tabPm[yearIndex]!];
    }
  }

  /**
   * Ids of the lines with a pm post inside a total, in document order.
   * @param scope - row, line, section or table
   * @param index - its index
   * @param yearIndex - year index
   */
  pmLines(scope: Scope, index: number, yearIndex: number): string[] {
    const c = this.compiled;
    const Y = c.yearCount;
    if (this.#counts(scope, index, yearIndex)[1] === 0) return [];
    if (scope === 'row') return [c.lineIds[c.rowLine[index]!]!];
    if (scope === 'line') return [c.lineIds[index]!];
    const from = scope === 'section' ? c.sectionFirstLine[index]! : 0;
    const to = scope === 'section' ? c.sectionFirstLine[index + 1]! : c.lineIds.length;
    if (!this.#linesReady) return pmLinesOfFlags(c, this.#flags, from, to, yearIndex);
    const out: string[] = [];
    for (let l = from; l < to; l++) if (this.#linePm[l * Y + yearIndex]! > 0) out.push(c.lineIds[l]!);
    return out;
  }

  /**
   * A total as exact decimals (converted only now): amount, structural and incidental parts, pm lines, emptiness.
   * @param scope - row, line, section or table
   * @param index - its index (ignored for the table)
   * @param yearIndex - year index
   */
  total(scope: Scope, index: number, yearIndex: number): Total {
    const d = this.compiled.decimals;
    const s = this.structuralUnits(scope, index, yearIndex);
    const i = this.incidentalUnits(scope, index, yearIndex);
    const structural = unitsToDecimal(s, d);
    const incidental = unitsToDecimal(i, d);
    const amount: Decimal = structural.isZero() ? incidental : incidental.isZero() ? structural : unitsToDecimal(typeof s === 'bigint' || typeof i === 'bigint' ? BigInt(s) + BigInt(i) : s + i, d);
    const [filled, pm] = this.#counts(scope, index, yearIndex);
    return Object.freeze({
      amount: noNegativeZero(amount),
      structural,
      incidental,
      pm: Object.freeze(pm > 0 ? this.pmLines(scope, index, yearIndex) : []),
      empty: filled === 0,
    });
  }
}

/**
 * Creates an engine on a compiled budget and evaluates it once.
 * @param compiled - from `compileBudget`
 * @category Engine
 */
export function createEngine(compiled: CompiledBudget): Engine {
  if (!isCompiledBudget(compiled)) fail('invalid_argument', ['compiled'], `createEngine: compiled must be a budget from compileBudget(), not ${describeValue(compiled)}`);
  return new Engine(compiled);
}
