import { Dec, type Decimal } from '../../core/decimal.js';
import { issue, type Issue, type Path } from '../../core/errors.js';
import type { Random } from '../random.js';
import { checkKeys } from '../../document/ids.js';
import { choiceMessage, describeValue, isRecord as isFieldRecord } from '../../core/fields.js';

/** A number in a spec: a decimal string such as `"-2100.50"`, or a JSON number (see the module notes for which are accepted). @category Uncertainty */
export type NumberInput = string | number;

/**
 * What a distribution's numbers measure: `euro` for amounts (bedragen), `rate` for unitless
 * percentages and realisation rates (`"0.5"` = 50%).
 * @category Uncertainty
 */
export type DistributionUnit = 'euro' | 'rate';

/**
 * A compiled sampler (trekker): one draw per call, allocation-free. Amounts come back in cents
 * (whole cents with `roundTo: 'cent'`), rates as unitless floats.
 * @category Uncertainty
 */
export type Sampler = (rng: Random) => number;

/** Largest amount magnitude in euros a distribution accepts: 10^13, i.e. 10^15 cents, below 2^53. */
export const MAX_DISTRIBUTION_EUROS = 10_000_000_000_000;
/** Largest number of decimals of an amount in euros. */
export const MAX_AMOUNT_DECIMALS = 6;
/** Largest rate magnitude: 10^9 (so that `rateToPpm` stays a safe integer). */
export const MAX_RATE = 1_000_000_000;
/** Largest PERT lambda. */
export const MAX_PERT_LAMBDA = 1_000_000;
/** Tolerance on the sum of discrete probabilities. */
export const PROBABILITY_TOLERANCE = 1e-9;

/** @internal */
export const DECIMAL = /^-?\d+(?:\.\d+)?$/;
/** @internal */
export const MAX_EUROS = new Dec(MAX_DISTRIBUTION_EUROS);
/** @internal */
export const MAX_RATE_DEC = new Dec(MAX_RATE);
/** @internal */
export const MAX_LAMBDA_DEC = new Dec(MAX_PERT_LAMBDA);
/** @internal */
export const ONE = new Dec(1);
/** @internal */
export const HUNDRED = new Dec(100);
/** @internal */
export const TOLERANCE_DEC = new Dec('1e-9');

/** What a number of a spec measures, which decides its limits. @internal */
export type Role = 'euro' | 'rate' | 'probability' | 'lambda';

/** Whether a spec is a record: the shared rule. @internal */
export const isRecord: (value: unknown) => value is Readonly<Record<string, unknown>> = isFieldRecord;

/** A value for a message: the shared wording. @internal */
export const describe = describeValue;

/** Reads one number strictly; records an issue and returns undefined when it is bad. @internal */
export function readNumber(raw: unknown, role: Role, path: Path, issues: Issue[]): Decimal | undefined {
  if (raw === undefined) {
    issues.push(issue('missing_field', path, `missing ${role === 'euro' ? 'amount' : 'number'}`));
    return undefined;
  }
  let value: Decimal;
  if (typeof raw === 'string') {
    if (!DECIMAL.test(raw)) {
      issues.push(issue('invalid_amount', path, `${describe(raw)} is not a plain decimal number (such as "-2100" or "0.5")`));
      return undefined;
    }
    value = new Dec(raw);
  } else if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) {
      issues.push(issue('invalid_amount', path, `${String(raw)} is not a finite number`));
      return undefined;
    }
    if (role === 'euro' && !Number.isSafeInteger(raw)) {
      issues.push(issue('invalid_amount', path, `the amount ${String(raw)} is not a safe integer; write amounts with decimals as strings`));
      return undefined;
    }
    value = new Dec(String(raw));
  } else {
    issues.push(issue('invalid_amount', path, `${describe(raw)} is not a number or a decimal string`));
    return undefined;
  }
  switch (role) {
    case 'euro':
      if (value.abs().gt(MAX_EUROS) || value.decimalPlaces() > MAX_AMOUNT_DECIMALS) {
        issues.push(issue('amount_out_of_range', path, `${describe(raw)} is beyond ${MAX_DISTRIBUTION_EUROS} euros or has more than ${MAX_AMOUNT_DECIMALS} decimals`));
        return undefined;
      }
      return value;
    case 'rate':
      if (value.abs().gt(MAX_RATE_DEC)) {
        issues.push(issue('amount_out_of_range', path, `${describe(raw)} is beyond ${MAX_RATE}`));
        return undefined;
      }
      return value;
    case 'probability':
      if (value.isNegative() && !value.isZero()) {
        issues.push(issue('invalid_amount', path, `the probability ${describe(raw)} is negative`));
        return undefined;
      }
      if (value.gt(ONE)) {
        issues.push(issue('invalid_amount', path, `the probability ${describe(raw)} is above 1`));
        return undefined;
      }
      return value;
    case 'lambda':
      if ((value.isNegative() && !value.isZero()) || value.gt(MAX_LAMBDA_DEC)) {
        issues.push(issue('invalid_amount', path, `lambda ${describe(raw)} is not between 0 and ${MAX_PERT_LAMBDA}`));
        return undefined;
      }
      return value;
  }
}


/** @internal */
export function checkFields(spec: Readonly<Record<string, unknown>>, allowed: readonly string[], path: Path, issues: Issue[]): void {
  checkKeys(spec, allowed, path, 'unknown', (code, at, message) => issues.push(issue(code, at, message)));
}

/** @internal */
export function checkOrder(low: Decimal | undefined, likely: Decimal | undefined, high: Decimal | undefined, path: Path, issues: Issue[]): void {
  if (low !== undefined && high !== undefined && low.gt(high)) {
    issues.push(issue('low_above_high', [...path, 'low'], `low ${low.toFixed()} is above high ${high.toFixed()}`));
    return;
  }
  if (likely === undefined) return;
  if ((low !== undefined && likely.lt(low)) || (high !== undefined && likely.gt(high))) {
    issues.push(issue('low_above_high', [...path, 'likely'], `likely ${likely.toFixed()} is outside [low, high]`));
  }
}


/**
 * Reads the fields of one spec (the kind's file says which), recording issues.
 * @internal
 */
export interface SpecReader {
  /** The spec, an object. */
  readonly spec: Readonly<Record<string, unknown>>;
  /** Path of the spec. */
  readonly path: Path;
  /** What the spec's numbers measure. */
  readonly unit: DistributionUnit;
  /** Where problems go. */
  readonly issues: Issue[];
  /** Reads a number field, by default in the spec's unit. */
  num(field: string, role?: Role): Decimal | undefined;
}

/** A compiled sampler, and whether its draws are exact already (no rounding to cents needed). @internal */
export interface CompiledSampler {
  /** The sampler. */
  readonly sampler: Sampler;
  /** Whether every draw is already a whole number of cents. */
  readonly exact: boolean;
}

/**
 * One distribution kind: its fields, how a spec is read (validated into exact decimals) and its sampler.
 * @internal
 */
export interface DistributionKindEntry<P> {
  /** The fields a spec of this kind may have. */
  readonly fields: readonly string[];
  /** Reads and checks a spec of this kind (its fields were checked); undefined when a number is bad. */
  parse(read: SpecReader): P | undefined;
  /** The sampler of a parsed spec. */
  sampler(parsed: P, unit: DistributionUnit, roundTo: 'cent' | 'none'): CompiledSampler;
  /**
   * The spec as written with each of its amounts replaced by `map(amount, path)` (the fields read in the spec's unit;
   * probabilities and lambda are kept), for a run that reads amounts in another unit than euros.
   */
  mapAmounts(spec: Readonly<Record<string, unknown>>, path: Path, map: AmountMap): Readonly<Record<string, unknown>>;
}

/** Rewrites one amount of a spec as written, given its path. @internal */
export type AmountMap = (raw: unknown, path: Path) => unknown;

/**
 * The `mapAmounts` of a kind whose amounts are the top-level `fields` (absent fields stay absent).
 * @internal
 */
export function mapAmountFields(...fields: readonly string[]): DistributionKindEntry<never>['mapAmounts'] {
  return (spec, path, map) => {
    const out: Record<string, unknown> = { ...spec };
    for (const field of fields) if (spec[field] !== undefined) out[field] = map(spec[field], [...path, field]);
    return out;
  };
}

/** Kind entries by kind, as the registry (or a mixture's components) holds them. @internal */
export type KindEntries = Readonly<Record<string, DistributionKindEntry<{ readonly kind: string }>>>;

/**
 * Validates and reads a spec by the entry of its kind in `kinds`; the parsed form when there are no issues.
 * `invalid_distribution` for a spec that is not an object or whose kind is not one of `kinds`.
 * @internal
 */
export function parseSpecOf(kinds: KindEntries, spec: unknown, path: Path, unit: DistributionUnit, issues: Issue[]): { readonly kind: string } | undefined {
  if (!isRecord(spec)) {
    issues.push(issue('invalid_distribution', path, 'a distribution must be an object with a "kind"'));
    return undefined;
  }
  const kind = spec['kind'];
  if (typeof kind !== 'string' || !Object.hasOwn(kinds, kind)) {
    issues.push(issue('invalid_distribution', [...path, 'kind'], choiceMessage('kind', Object.keys(kinds), kind)));
    return undefined;
  }
  const before = issues.length;
  const entry = kinds[kind]!;
  checkFields(spec, entry.fields, path, issues);
  const num = (field: string, role: Role = unit): Decimal | undefined => readNumber(spec[field], role, [...path, field], issues);
  const parsed = entry.parse({ spec, path, unit, issues, num });
  return issues.length === before ? parsed : undefined;
}

/** @internal */
export function constant(value: number): Sampler {
  return () => value;
}


/** @internal */
export function toFloat(value: Decimal, unit: DistributionUnit): number {
  return (unit === 'euro' ? value.times(HUNDRED) : value).toNumber();
}

/** @internal */
export function exactValue(value: Decimal, unit: DistributionUnit, roundTo: 'cent' | 'none'): number {
  if (unit === 'rate') return value.toNumber();
  const cents = value.times(HUNDRED);
  const result = roundTo === 'cent' ? cents.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber() : cents.toNumber();
  return result === 0 ? 0 : result;
}
