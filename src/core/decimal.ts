import { Decimal as DecimalJs } from 'decimal.js';
import { fail } from './errors.js';
import { choiceMessage } from './fields.js';

/** The settings of a decimal.js constructor. */
type Settings = {
  precision: number;
  rounding: DecimalJs.Rounding;
  toExpNeg: number;
  toExpPos: number;
  minE: number;
  maxE: number;
  modulo: DecimalJs.Modulo;
  crypto: boolean;
};

// The methods (of instances, and the static atan2) that change their constructor's precision or rounding for a
// moment and set it back before they return: every other method only reads the settings.
const SETTING_WRITERS = [
  'cos', 'cosine', 'cosh', 'hyperbolicCosine', 'sinh', 'hyperbolicSine', 'tanh', 'hyperbolicTangent',
  'acos', 'inverseCosine', 'acosh', 'inverseHyperbolicCosine', 'asinh', 'inverseHyperbolicSine',
  'atanh', 'inverseHyperbolicTangent', 'asin', 'inverseSine', 'atan', 'inverseTangent', 'sin', 'sine',
  'tan', 'tangent', 'toFraction', 'pow', 'toPower', 'exp', 'naturalExponential', 'ln', 'naturalLogarithm',
  'log', 'logarithm',
] as const;

/** How many setting-writing decimal.js methods of a pinned constructor are running (they may nest). */
let writersRunning = 0;

function refuseSetting(name: string): never {
  return fail(
    'frozen_setting',
    ['Dec', name],
    `the settings of meerjaren's decimal constructor are fixed (${name} cannot be changed); use Dec.clone(...) for a constructor of your own`,
  );
}

function duringWriter<A extends unknown[], R>(method: (this: unknown, ...args: A) => R): (this: unknown, ...args: A) => R {
  return function (this: unknown, ...args: A): R {
    writersRunning++;
    try {
      return method.apply(this, args);
    } finally {
      writersRunning--;
    }
  };
}

/**
 * A decimal.js constructor whose settings no caller can change: `set` and `config` throw `frozen_setting`,
 * the constructor is frozen, and precision and rounding can only be written by decimal.js' own methods that
 * change them for a moment (pow, ln, exp, the trigonometric ones) and set them back. Its instances get a
 * frozen prototype of their own (inheriting from decimal.js' shared one, so `instanceof` still holds), whose
 * `constructor` is always the pinned constructor: a user's change to decimal.js' shared prototype or to the global
 * `Decimal` never reaches them.
 * @param settings - the fixed settings
 * @internal
 */
export function pinnedDecimal(settings: Settings): typeof DecimalJs {
  const Ctor = DecimalJs.clone({ ...settings, defaults: true });
  const shared = Object.getPrototypeOf(new Ctor(0)) as Record<PropertyKey, unknown>;
  const own: Record<PropertyKey, unknown> = Object.create(shared);
  for (const key of Reflect.ownKeys(shared)) {
    if (key === 'constructor') continue;
    const value = shared[key];
    own[key] =
      typeof value === 'function' && (SETTING_WRITERS as readonly PropertyKey[]).includes(key)
        ? duringWriter(value as (this: unknown, ...args: unknown[]) => unknown)
        : value;
  }
  // decimal.js gives each instance its constructor by assigning `x.constructor = Decimal`; an inherited
  // accessor takes that assignment, so no instance holds a constructor of its own that could be replaced.
  Object.defineProperty(own, 'constructor', {
    get: () => Ctor,
    set: (value: unknown) => {
      if (value !== Ctor) refuseSetting('constructor');
    },
    enumerable: false,
    configurable: false,
  });
  Object.freeze(own);
  const statics = Ctor as unknown as Record<string, unknown>;
  statics.atan2 = duringWriter(statics.atan2 as (this: unknown, ...args: unknown[]) => unknown);
  for (const name of Object.keys(settings) as (keyof Settings)[]) {
    let current: unknown = settings[name];
    Object.defineProperty(Ctor, name, {
      get: () => current,
      set: (value: unknown) => {
        // Only precision and rounding, and only while one of decimal.js' own methods sets them for a moment.
        if (writersRunning === 0 || (name !== 'precision' && name !== 'rounding')) refuseSetting(name);
        current = value;
      },
      enumerable: true,
      configurable: false,
    });
  }
  const refuse = (): never => refuseSetting('set');
  Object.defineProperty(Ctor, 'set', { value: refuse, writable: false, enumerable: true, configurable: false });
  Object.defineProperty(Ctor, 'config', { value: refuse, writable: false, enumerable: true, configurable: false });
  Object.defineProperty(Ctor, 'prototype', { value: own, writable: false, enumerable: false, configurable: false });
  return Object.freeze(Ctor);
}

/**
 * The library's own decimal constructor: a clone of decimal.js whose settings are fixed, so neither a user's
 * `Decimal.set(...)` on decimal.js nor `Dec.set(...)` (or a write to `Dec.precision`) changes meerjaren's results.
 *
 * @remarks
 * Precision is 80 significant digits: amounts of up to 18 digits before and 6 after the
 * decimal point, summed over millions of cells or multiplied by rates, never round.
 * Exponent notation is switched off for every magnitude the library accepts, and the
 * default rounding is half-up (what Dutch finance tables use); rounding that matters
 * always names its mode explicitly.
 *
 * The constructor is frozen: `Dec.set(...)` and `Dec.config(...)` throw a `MeerjarenError` with code
 * `frozen_setting`, and so does writing a setting such as `Dec.precision`. Every value the library returns
 * has `Dec` as its constructor. For other settings make a constructor of your own with `Dec.clone({...})`.
 * @category Model
 */
export const Dec: typeof DecimalJs = pinnedDecimal({
  precision: 80,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
  modulo: DecimalJs.ROUND_DOWN,
  crypto: false,
});

/** An exact decimal amount in euros (bedrag). Instances come from {@link Dec}. @category Model */
export type Decimal = DecimalJs;

/** The zero amount, shared (decimal.js values are immutable). @category Model */
export const ZERO: Decimal = new Dec(0);

/**
 * Whether a value is a decimal.js instance (from any copy or clone of decimal.js).
 * @param value - anything
 * @example
 * ```ts
 * import { Dec, isDecimal } from 'meerjaren';
 *
 * isDecimal(new Dec('1.5')); // true
 * isDecimal(1.5);            // false: a float is never an amount
 * ```
 * @category Model
 */
export function isDecimal(value: unknown): value is Decimal {
  // decimal.js recognises instances of every copy through a `toStringTag` property, which a plain JSON
  // object such as {"toStringTag": "[object Decimal]"} can also carry; a real instance of any copy also
  // inherits Symbol.toStringTag 'Decimal' from its prototype, which parsed JSON never does.
  return DecimalJs.isDecimal(value) && Object.prototype.toString.call(value) === '[object Decimal]';
}

/**
 * Converts a decimal.js value from anywhere (the user's own copy or clone) to the library's
 * constructor, through its exact string form, so a user's settings never leak in.
 * @param value - a decimal.js instance
 * @example
 * ```ts
 * import { Dec, toDec } from 'meerjaren';
 *
 * toDec(new Dec('2.50')).toFixed(); // "2.5", as a value of the library's own constructor
 * ```
 * @category Model
 */
export function toDec(value: Decimal): Decimal {
  if ((value as { constructor: unknown } | null)?.constructor === Dec) return value;
  requireDecimal('toDec', 'value', value);
  // toFixed() without arguments never uses exponent notation and keeps every digit.
  return new Dec(value.toFixed());
}

/**
 * Writes an amount as a plain decimal string: no exponent notation, never `-0`,
 * no trailing zeros after the decimal point.
 * @param value - the amount
 * @example
 * ```ts
 * import { Dec, plainString } from 'meerjaren';
 *
 * plainString(new Dec('1e21')); // "1000000000000000000000", never exponent notation
 * ```
 * @category Model
 */
export function plainString(value: Decimal): string {
  if (!(value instanceof Dec)) requireDecimal('plainString', 'value', value);
  if (value.isZero()) return '0';
  return value.toFixed();
}

/**
 * The value, with a negative zero ("-0", from a sum like -5 + 5 or a rounding of -0,4) replaced by {@link ZERO}, so that
 * no -0 reaches a table, a document or a comparison by sign.
 * @param value - an amount
 * @category Model
 */
export function noNegativeZero(value: Decimal): Decimal {
  return value.isZero() ? ZERO : value;
}

/** Every rounding mode the library names, in the order of the docs; the one list of them. @category Model */
export const ROUNDING_MODES = Object.freeze(['half-up', 'half-even', 'down', 'up', 'floor', 'ceil'] as const);

/** Rounding modes the library names explicitly (afrondingsregel). @category Model */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Refuses a value that is not a finite decimal.js value of any copy: `invalid_argument` at the parameter. */
function requireDecimal(fn: string, param: string, value: unknown): asserts value is Decimal {
  if (!isDecimal(value) || !value.isFinite()) {
    fail('invalid_argument', [param], `${fn}: ${param} must be a finite Decimal, not ${value === null ? 'null' : typeof value}`);
  }
}

/** decimal.js rounding constant of a {@link RoundingMode}. */
export function roundingConstant(mode: RoundingMode): DecimalJs.Rounding {
  switch (mode) {
    case 'half-up':
      return DecimalJs.ROUND_HALF_UP;
    case 'half-even':
      return DecimalJs.ROUND_HALF_EVEN;
    case 'down':
      return DecimalJs.ROUND_DOWN;
    case 'up':
      return DecimalJs.ROUND_UP;
    case 'floor':
      return DecimalJs.ROUND_FLOOR;
    case 'ceil':
      return DecimalJs.ROUND_CEIL;
  }
}

/**
 * Rounds an amount to a number of decimal places with an explicit mode.
 * `half-up` rounds halves away from zero (-2.5 becomes -3), as finance tables do.
 * @param value - the amount
 * @param places - decimal places to keep (0 for whole units)
 * @param mode - the rounding rule; {@link RoundingMode}
 * @example
 * ```ts
 * import { Dec, roundTo } from 'meerjaren';
 *
 * roundTo(new Dec('2.345'), 2, 'half-even').toFixed(); // "2.34"
 * roundTo(new Dec('2.345'), 2, 'half-up').toFixed();   // "2.35"
 * ```
 * @category Model
 */
export function roundTo(value: Decimal, places: number, mode: RoundingMode): Decimal {
  if (!(value instanceof Dec)) requireDecimal('roundTo', 'value', value);
  if (!Number.isInteger(places) || places < 0 || places > 1e9) {
    fail('invalid_argument', ['places'], `roundTo: places must be a whole number from 0, not ${String(places)}`);
  }
  if (!(ROUNDING_MODES as readonly unknown[]).includes(mode)) {
    fail('invalid_argument', ['mode'], `roundTo: ${choiceMessage('mode', ROUNDING_MODES, mode)}`);
  }
  const rounded = value.toDecimalPlaces(places, roundingConstant(mode));
  return noNegativeZero(rounded);
}
