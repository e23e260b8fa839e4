import { isDecimal, roundingConstant, toDec, ZERO, type Decimal, type RoundingMode } from '../core/decimal.js';
import { fail, IssueCollector } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import {
  displayStep,
  REPORT_LABELS,
  resolvePresentation,
  type Presentation,
  type ResolvedPresentation,
} from './presentation.js';
import type { Table, TableCell, TableRow } from './table.js';
import { requirePresentation, requireTable } from './checks.js';
import { anyDecimal, arrayOf, boolean, decimal, describeValue, readOptions, requireArgument, type OptionCheck } from '../core/guard.js';
import { ROUNDING } from '../validate/result-checks.js';

/** Options of {@link allocateRounded}. @category Reports */
export interface AllocateOptions {
  /**
   * Parts that keep their value (a pm, a nil, a figure settled elsewhere). Each must already
   * be a multiple of the step. Parts that are exact multiples are kept anyway.
   */
  readonly fixed?: readonly boolean[];
}

/**
 * Rounds a total and its parts to multiples of a step so that the rounded parts add up exactly
 * to the rounded total (afronding met behoud van totalen; largest remainder).
 *
 * @remarks
 * The total is rounded with `mode`. Each part starts from its own rounding with `mode`; then the
 * steps still missing (or in excess) are handed to the parts whose own rounding was the closest
 * call: the largest error in the needed direction first. When all parts share a sign this is the
 * largest-remainder (Hamilton) method: floor the absolute values, hand out the remaining steps to
 * the largest remainders, ties to the lowest index (under `half-even` an exact half first goes to
 * the even neighbour, as that mode says). With mixed signs it moves the fewest parts away from
 * their own rounding. (Flooring mixed signs would break mirror symmetry: [0,5; -0,5] would give
 * [1; -1] but [-0,5; 0,5] would give [0; 0]. Truncating toward zero would keep [0,6; -0,6] at
 * [0; 0] where [1; -1] is closer.)
 *
 * Guarantees, for any signs:
 * - the result adds up exactly to the rounded total, or the call throws;
 * - fixed parts and exact multiples are returned unchanged;
 * - fewest changes: at most |rounded total - sum of own roundings| / step parts differ from their
 *   own rounding, each by one step, and only in the direction of its own rounding error;
 * - within one step: if |rounded total - sum of parts| < step (true whenever `total` is the sum of
 *   the parts), every part ends strictly less than one step from its exact value. Proof: a part
 *   moves at most once, toward its exact value and past it by less than a step; and the number
 *   of steps needed, (d + sum of errors) / step with |d| < step, is smaller than one plus the
 *   number of parts whose error points the needed way, so there are always enough parts;
 * - mirror symmetry: for the symmetric modes (half-up, half-even, down, up), negating every
 *   input negates every output (ties are broken by index in a way negation does not change).
 * @param parts - exact amounts
 * @param total - the total to round and distribute; normally the exact sum of the parts
 * @param step - positive step, such as 1000 for whole thousands
 * @param mode - rounding rule for the total and the parts' own rounding
 * @param options - see {@link AllocateOptions}
 * @throws MeerjarenError `invalid_value` for a step that is not positive, a bad `fixed` list or a
 *   fixed part that is not a multiple of the step; `invalid_amount` for a part or total that is
 *   not finite; `total_mismatch` when the rounded total lies a
 *   step or more beyond what the free parts can reach
 * @example
 * ```ts
 * allocateRounded([1.4, 1.4, 1.2].map((x) => new Dec(x)), new Dec(4), new Dec(1), 'half-up');
 * // [2, 1, 1]: 4 in total, the largest remainder (index 0 of the ties) gets the extra step
 * ```
 * @category Reports
 */
export function allocateRounded(
  parts: readonly Decimal[],
  total: Decimal,
  step: Decimal,
  mode: RoundingMode = 'half-up',
  options: AllocateOptions = {},
): readonly Decimal[] {
  requireArgument('allocateRounded', 'parts', parts, arrayOf(anyDecimal));
  requireArgument('allocateRounded', 'total', total, anyDecimal);
  requireArgument('allocateRounded', 'step', step, anyDecimal);
  requireArgument('allocateRounded', 'mode', mode, ROUNDING);
  options = readOptions('allocateRounded', options, { fixed: arrayOf(boolean) });
  const fixed = options.fixed ?? [];
  const s = toDec(step);
  const exact = parts.map((part) => toDec(part));
  const issues = new IssueCollector();
  if (!s.gt(0) || !s.isFinite()) issues.add('invalid_value', ['step'], 'step must be a positive amount');
  if (options.fixed !== undefined && fixed.length !== parts.length)
    issues.add('invalid_value', ['fixed'], 'fixed must have one flag per part');
  if (!toDec(total).isFinite()) issues.add('invalid_amount', ['total'], 'the total must be a finite amount');
  exact.forEach((part, i) => {
    if (!part.isFinite()) issues.add('invalid_amount', ['parts', i], 'a part must be a finite amount');
    else if (fixed[i] === true && s.gt(0) && !isMultiple(part, s))
      issues.add('invalid_value', ['parts', i], 'a fixed part must be a multiple of the step');
  });
  issues.throwIfAny();
  const target = roundToStepChecked(toDec(total), s, mode);
  const { values, missing } = allocateSteps(exact, target, s, mode, fixed);
  if (!missing.isZero())
    fail('total_mismatch', ['total'], 'the rounded total lies a step or more beyond what the parts can reach');
  return values;
}

/**
 * Rounds an amount to a multiple of a step with an explicit mode.
 * @param value - amount
 * @param step - positive step
 * @param mode - rounding rule
 * @category Reports
 */
export function roundToStep(value: Decimal, step: Decimal, mode: RoundingMode): Decimal {
  requireArgument('roundToStep', 'value', value, decimal);
  requireArgument('roundToStep', 'step', step, STEP);
  requireArgument('roundToStep', 'mode', mode, ROUNDING);
  return roundToStepChecked(value, step, mode);
}

/** A positive finite step. */
const STEP: OptionCheck = (value, path, collector) => {
  if (!isDecimal(value) || !value.isFinite() || !value.gt(0)) collector.add('invalid_option', path, `step must be a positive finite Decimal, not ${describeValue(value)}`);
};

/** {@link roundToStep} for checked arguments. */
function roundToStepChecked(value: Decimal, step: Decimal, mode: RoundingMode): Decimal {
  const rounded = value.div(step).toDecimalPlaces(0, roundingConstant(mode)).mul(step);
  return rounded.isZero() ? ZERO : rounded;
}

function isMultiple(value: Decimal, step: Decimal): boolean {
  return value.mod(step).isZero();
}

/**
 * The work of {@link allocateRounded}, for a target already a multiple of the step. Moves as many
 * parts as can be moved within one step; `missing` is what could not be reached (0 normally).
 * @internal
 */
export function allocateSteps(
  parts: readonly Decimal[],
  target: Decimal,
  step: Decimal,
  mode: RoundingMode,
  fixed: readonly boolean[] = [],
): { readonly values: readonly Decimal[]; readonly missing: Decimal } {
  const free = parts.map((part, i) => fixed[i] !== true && !isMultiple(part, step));
  const values = parts.map((part, i) => (free[i] === true ? roundToStepChecked(part, step, mode) : part));
  const sum = values.reduce((a, b) => a.add(b), ZERO);
  let needed = target.sub(sum).div(step);
  if (!needed.isZero()) {
    const direction = needed.isPositive() ? 1 : -1;
    const candidates = parts
      .map((part, i) => ({
        i,
        error: part.sub(values[i] as Decimal).mul(direction),
        away: part.isPositive() === direction > 0,
      }))
      .filter((c) => free[c.i] === true && c.error.isPositive() && !c.error.isZero())
      .sort(byClosestCall);
    const moves = Math.min(candidates.length, needed.abs().toNumber());
    for (const { i } of candidates.slice(0, moves)) values[i] = (values[i] as Decimal).add(step.mul(direction));
    needed = needed.sub(moves * direction);
  }
  return Object.freeze({
    values: Object.freeze(values.map((v) => (v.isZero() ? ZERO : v))),
    missing: step.mul(needed),
  });
}

interface Candidate {
  readonly i: number;
  readonly error: Decimal;
  readonly away: boolean;
}

/**
 * Largest error first; on a tie, moves away from zero before moves toward it, away-moves to the
 * lowest index, toward-moves to the highest. None of these keys changes when all inputs are
 * negated, which gives mirror symmetry; for parts of one sign it is "ties to the lowest index"
 * in the largest-remainder method.
 */
function byClosestCall(a: Candidate, b: Candidate): number {
  const byError = b.error.cmp(a.error);
  if (byError !== 0) return byError;
  if (a.away !== b.away) return a.away ? -1 : 1;
  return a.away ? a.i - b.i : b.i - a.i;
}

/**
 * A table with its figures rounded for print (afgeronde tabel): every amount is a multiple of
 * {@link RoundedTable.step}, in euros, and rounding-difference rows are in place.
 * @category Reports
 */
export interface RoundedTable extends Table {
  /** Rows in print order, each rounding-difference row right after the total it belongs to. */
  readonly rows: readonly TableRow[];
  /** The display step in euros (x € 1.000 without decimals: 1000). */
  readonly step: Decimal;
  /** The settings the figures were rounded with. */
  readonly presentation: ResolvedPresentation;
  /** The rows of kind `rounding` that were added ("Afrondingsverschil"), also found in `rows`. */
  readonly differences: readonly TableRow[];
}

/**
 * Rounds a table's figures for print so that printed totals add up (tabel afronden).
 *
 * @remarks
 * `consistent` (the default): the rows no other row names in its `of` are rounded on their own;
 * then every total hands its rounded figure down to its parts with {@link allocateRounded},
 * recursively, so each total equals the sum of its printed parts and each part stays less than
 * one step from its exact value. pm and nil cells never change.
 *
 * `plain`: every cell is rounded on its own; where a total no longer equals the sum of its
 * printed parts, a row of kind `rounding` ("Afrondingsverschil") follows it, showing in each
 * column the printed total minus the sum of its printed parts (blank where that is 0).
 *
 * A row named by two totals keeps the figure the first one gave it; if the second cannot absorb
 * that, it too gets a rounding-difference row. A printed total never silently differs from the sum
 * of its printed parts.
 * @param table - exact table
 * @param presentation - settings; see {@link Presentation}
 * @throws MeerjarenError with every problem: `duplicate_id` (`rows[3].id`, or a row named twice in
 *   one `of`), `unknown_reference` (`rows[3].of[1]`), `cycle` (`rows[3].of`), `invalid_value`
 *   (`rows[3].cells`: not one cell per column), `invalid_amount` (`rows[3].cells[2]`: not finite),
 *   `total_mismatch` (`rows[3].cells[2]`: the exact figure is not the sum of its parts)
 * @category Reports
 */
export function roundTable(table: Table, presentation?: Presentation): RoundedTable {
  requireTable('roundTable', table);
  requirePresentation('roundTable', presentation);
  const p = resolvePresentation(presentation);
  const step = displayStep(p);
  const { rows, columns } = table;
  const children = checkTable(table);
  const exact = rows.map((row) => row.cells.map((cell) => (cell.amount === undefined ? undefined : toDec(cell.amount))));
  const shown = exact.map((cells) =>
    cells.map((amount) => (amount === undefined ? undefined : roundToStepChecked(amount, step, p.roundingMode))),
  );
  if (p.rounding === 'consistent') {
    const order = parentsFirst(children);
    for (let c = 0; c < columns.length; c++) distributeColumn(c, order, children, exact, shown, step, p);
  }

  const words = REPORT_LABELS[p.labels];
  const ids = new Set(rows.map((row) => row.id));
  const printed: TableRow[] = [];
  const differences: TableRow[] = [];
  rows.forEach((row, r) => {
    const cells = row.cells.map((cell, c) => ({ ...cell, amount: shown[r]?.[c] }));
    printed.push({ ...row, cells, ...(row.of === undefined ? {} : { of: [...row.of] }) });
    const parts = children[r] ?? [];
    if (parts.length === 0) return;
    const diffs = columns.map((_, c) => {
      const sum = parts.reduce((acc, k) => acc.add(shown[k]?.[c] ?? ZERO), ZERO);
      return (shown[r]?.[c] ?? ZERO).sub(sum);
    });
    if (diffs.every((d) => d.isZero())) return;
    let id = `${row.id}.afrondingsverschil`;
    while (ids.has(id)) id += "'";
    ids.add(id);
    const difference: TableRow = {
      id,
      label: words.roundingDifference,
      kind: 'rounding',
      depth: row.depth,
      cells: diffs.map((d): TableCell => ({ amount: d.isZero() ? undefined : d, pm: false })),
    };
    printed.push(difference);
    differences.push(difference);
  });
  return deepFreeze({
    title: table.title,
    columns: table.columns.map((column) => ({ ...column })),
    ...(table.labelHeader === undefined ? {} : { labelHeader: table.labelHeader }),
    rows: printed,
    step,
    presentation: p,
    differences,
  });
}

/** Validates ids, references, cell counts, cycles and exact sums; returns each row's part indices. */
function checkTable(table: Table): readonly (readonly number[])[] {
  const issues = new IssueCollector();
  const index = new Map<string, number>();
  table.rows.forEach((row, r) => {
    if (index.has(row.id)) issues.add('duplicate_id', ['rows', r, 'id'], `row id "${row.id}" is used twice`);
    else index.set(row.id, r);
    if (row.cells.length !== table.columns.length)
      issues.add('invalid_value', ['rows', r, 'cells'], `row has ${row.cells.length} cells for ${table.columns.length} columns`);
    row.cells.forEach((cell, c) => {
      if (cell.amount !== undefined && !cell.amount.isFinite())
        issues.add('invalid_amount', ['rows', r, 'cells', c], 'an amount must be finite');
    });
  });
  const children = table.rows.map((row, r) => {
    const seen = new Set<string>();
    return (row.of ?? []).flatMap((id, j) => {
      const k = index.get(id);
      if (seen.has(id)) issues.add('duplicate_id', ['rows', r, 'of', j], `"${id}" is named twice`);
      else if (k === undefined) issues.add('unknown_reference', ['rows', r, 'of', j], `no row "${id}"`);
      else {
        seen.add(id);
        return [k];
      }
      return [];
    });
  });
  issues.throwIfAny();
  const order = parentsFirst(children);
  if (order.length < table.rows.length) {
    const ordered = new Set(order);
    table.rows.forEach((row, r) => {
      if (!ordered.has(r) && row.of !== undefined) issues.add('cycle', ['rows', r, 'of'], `row "${row.id}" is part of itself`);
    });
    issues.throwIfAny();
  }
  children.forEach((parts, r) => {
    if (parts.length === 0) return;
    table.columns.forEach((_, c) => {
      const own = table.rows[r]?.cells[c]?.amount ?? ZERO;
      const sum = parts.reduce((acc, k) => acc.add(table.rows[k]?.cells[c]?.amount ?? ZERO), ZERO);
      if (!toDec(own).eq(sum))
        issues.add('total_mismatch', ['rows', r, 'cells', c], `${toDec(own).toFixed()} is not the sum of its parts (${sum.toFixed()})`);
    });
  });
  issues.throwIfAny();
  return children;
}

/**
 * Row indices with every total before its parts (Kahn's algorithm, stable by row order).
 * @internal
 */
export function parentsFirst(children: readonly (readonly number[])[]): readonly number[] {
  const parents = children.map(() => 0);
  for (const parts of children) for (const k of parts) parents[k] = (parents[k] ?? 0) + 1;
  const ready = parents.flatMap((n, r) => (n === 0 ? [r] : []));
  const order: number[] = [];
  // `ready` is read from the front by an index (a shift() would copy the queue: quadratic in the rows)
  for (let next = 0; next < ready.length; next++) {
    const r = ready[next] as number;
    order.push(r);
    for (const k of children[r] ?? []) {
      parents[k] = (parents[k] ?? 0) - 1;
      if (parents[k] === 0) ready.push(k);
    }
  }
  return order;
}

/** Hands each total's rounded figure down to its parts, top first, in one column. */
function distributeColumn(
  c: number,
  order: readonly number[],
  children: readonly (readonly number[])[],
  exact: readonly (readonly (Decimal | undefined)[])[],
  shown: (Decimal | undefined)[][],
  step: Decimal,
  p: ResolvedPresentation,
): void {
  const settled = new Set<number>();
  for (const r of order) {
    settled.add(r);
    const parts = children[r] ?? [];
    if (parts.length === 0) continue;
    const fixed = parts.map((k) => settled.has(k) || exact[k]?.[c] === undefined);
    const values = parts.map((k, j) => (fixed[j] ? (shown[k]?.[c] ?? ZERO) : (exact[k]?.[c] ?? ZERO)));
    const { values: rounded } = allocateSteps(values, shown[r]?.[c] ?? ZERO, step, p.roundingMode, fixed);
    parts.forEach((k, j) => {
      settled.add(k);
      const row = shown[k];
      if (row !== undefined && row[c] !== undefined) row[c] = rounded[j] as Decimal;
    });
  }
}
