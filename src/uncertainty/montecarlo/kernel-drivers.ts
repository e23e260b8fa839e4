/**
 * The driver step of the draw kernel (stuurstap): an `indicator` or `parameter` input sets its driver's values from
 * the drawn value, and the driven cells that read them are computed again with the arithmetic of the drivers
 * (the formula evaluated exactly as a fraction, rounded half-up once to whole cents), as `set-indicator` and
 * `set-parameter` compute them.
 * @packageDocumentation
 */
import { fail } from '../../core/errors.js';
import { addFractions, fraction, multiplyFractions, type Fraction } from '../../core/fraction.js';
import { DRIVEN_PLACES } from '../../model/drivers.js';
import { evaluateExpression, parseExpression, type Expression } from '../../model/driver-expression.js';
import { rateToPpm } from '../distribution.js';
import type { DriverProgram } from './plan-data.js';

/** The most decimals of a drawn driver value (a drawn value is exact to 6 decimals, as a rate is). @internal */
export const MAX_DRIVER_PLACES = 6;

/**
 * A drawn value (a float, as a rate sampler returns it) as whole units of `10^-places`: to parts per million
 * (half-up on the exact float, `rateToPpm`), then half-up (away from zero) to `places` decimals.
 * @param value - the drawn float
 * @param places - 0 to 6
 * @internal
 */
export function drawnSteps(value: number, places: number): number {
  const ppm = rateToPpm(value);
  const div = 10 ** (MAX_DRIVER_PLACES - places);
  const a = Math.abs(ppm);
  let q = Math.floor(a / div);
  if (2 * (a - q * div) >= div) q += 1;
  return ppm < 0 && q !== 0 ? -q : q;
}

/** A fraction written as `"n/d"` (`""`: no value). @internal */
export function fractionText(value: Fraction | undefined): string {
  return value === undefined ? '' : `${value.numerator}/${value.denominator}`;
}

/** The fraction of a `"n/d"` text (`""`: no value). @internal */
export function fractionFromText(text: string): Fraction | undefined {
  if (text === '') return undefined;
  const slash = text.indexOf('/');
  return fraction(BigInt(text.slice(0, slash)), BigInt(text.slice(slash + 1)));
}

/** A fraction rounded half-up (away from zero) to whole cents, as a count of cents. */
function centsOf(value: Fraction): bigint {
  const scale = 10n ** BigInt(DRIVEN_PLACES);
  const negative = value.numerator < 0n;
  const scaled = (negative ? -value.numerator : value.numerator) * scale;
  let q = scaled / value.denominator;
  if (2n * (scaled % value.denominator) >= value.denominator) q += 1n;
  return negative ? -q : q;
}

/** The driver step of a kernel: reset per draw, apply per driver input. @internal */
export interface DriverStep {
  /** Puts every driver value back to its value without draws. */
  reset(): void;
  /** Input `j` drew `value`: sets its driver values and writes the driven cells it moves into `work` (units). */
  apply(j: number, value: number, work: Float64Array): void;
}

/**
 * Builds the driver step of a plan's driver program.
 * @param program - the plan's `drivers`
 * @param unitsPerCent - the plan's units per cent
 * @internal
 */
export function createDriverStep(program: DriverProgram, unitsPerCent: number): DriverStep {
  const expressions: Expression[] = program.expressions.map((text) => {
    const parsed = parseExpression(text, false);
    if (!parsed.ok) return fail('internal_error', ['drivers'], `a formula of the plan does not parse: ${parsed.message}`);
    return parsed.expression;
  });
  const keyBase = program.keyBase.map(fractionFromText);
  const keyValue = [...keyBase];
  const entryA = program.entryA.map((t) => fractionFromText(t)!);
  const entryB = program.entryB.map((t) => fractionFromText(t)!);
  const { cellSlot, cellExpression, cellNameStart, cellNames, cellNameKey, entryStart, entryKey, inputCellStart, inputCells, inputPlaces } = program;
  const fixed = program.cellNameFixed.map(fractionFromText);
  const scale = Array.from({ length: MAX_DRIVER_PLACES + 1 }, (_, p) => 10n ** BigInt(p));
  const upc = BigInt(unitsPerCent);
  let cell = 0;
  const lookup = (name: string): Fraction | undefined => {
    for (let k = cellNameStart[cell]!; k < cellNameStart[cell + 1]!; k++) {
      if (cellNames[k] !== name) continue;
      const key = cellNameKey[k]!;
      return key >= 0 ? keyValue[key] : fixed[k];
    }
    return undefined;
  };
  return {
    reset() {
      for (let k = 0; k < keyBase.length; k++) keyValue[k] = keyBase[k];
    },
    apply(j, value, work) {
      const places = inputPlaces[j]!;
      const drawn = fraction(BigInt(drawnSteps(value, places)), scale[places]!);
      for (let e = entryStart[j]!; e < entryStart[j + 1]!; e++) keyValue[entryKey[e]!] = addFractions(entryA[e]!, multiplyFractions(entryB[e]!, drawn));
      for (let k = inputCellStart[j]!; k < inputCellStart[j + 1]!; k++) {
        cell = inputCells[k]!;
        const result = evaluateExpression(expressions[cellExpression[cell]!]!, lookup);
        if (result.kind === 'division-by-zero') fail('division_by_zero', ['inputs', j, 'distribution'], `a drawn value makes the formula ${program.expressions[cellExpression[cell]!]!} divide by zero`);
        work[cellSlot[cell]!] = result.kind === 'value' ? Number(centsOf(result.value) * upc) : 0;
      }
    },
  };
}
