import { isDecimal, roundingConstant, toDec, ZERO, noNegativeZero, type Decimal, type RoundingMode } from '../core/decimal.js';
import { fail, IssueCollector } from '../core/errors.js';
import { anyDecimal, arrayOf, boolean, decimal, describeValue, readOptions, requireArgument, type OptionCheck } from '../core/guard.js';
import { ROUNDING } from '../validate/result-checks.js';
import { handOutSteps } from '../core/allocate.js';

// Rounding a list of parts to a rounded total (largest remainder), the step arithmetic behind `roundTable`.

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
 * import { Dec, allocateRounded } from 'meerjaren';
 *
 * allocateRounded(['1.4', '1.4', '1.2'].map((x) => new Dec(x)), new Dec(4), new Dec(1), 'half-up');
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
 * @example
 * ```ts
 * import { Dec, roundToStep } from 'meerjaren';
 *
 * roundToStep(new Dec('1499'), new Dec('1000'), 'half-up').toFixed(); // "1000"
 * ```
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
export function roundToStepChecked(value: Decimal, step: Decimal, mode: RoundingMode): Decimal {
  const rounded = value.div(step).toDecimalPlaces(0, roundingConstant(mode)).mul(step);
  return noNegativeZero(rounded);
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
    const moves = handOutSteps(values, candidates.map((c) => c.i), needed.abs().toNumber(), step.mul(direction), false);
    needed = needed.sub(moves * direction);
  }
  return Object.freeze({
    values: Object.freeze(values.map((v) => noNegativeZero(v))),
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
