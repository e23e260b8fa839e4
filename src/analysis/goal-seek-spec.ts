/**
 * Reading a goal seek's spec (the input, the outcome, the years, the grid and bounds, the method) against the budget:
 * every problem at once, each at its path under `spec`.
 * @packageDocumentation
 */
import { Dec, isDecimal, type Decimal } from '../core/decimal.js';
import { IssueCollector, fail, type Path } from '../core/errors.js';
import { isRecord, isWholeNumber } from '../core/fields.js';
import { requireObject } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import type { Budget } from '../model/budget.js';
import { resolveYears } from '../scenario/values.js';
import type { YearSelection } from '../scenario/changes/common.js';
import { GOAL_INPUTS, type GoalInputEntry } from './goal-inputs.js';
import { GOAL_OUTCOMES, readGoalNumber, type GoalOutcomeEntry } from './goal-outcomes.js';
import type { GoalInput, GoalOutcome, GoalSeekSpec, GoalSubject } from './goal-seek-types.js';

const SPEC_FIELDS = ['input', 'outcome', 'years', 'bounds', 'step', 'method'];
const METHODS = ['auto', 'bisection'] as const;

/** A spec read and checked: what the solver needs. @internal */
export interface ReadSpec {
  readonly subject: GoalSubject;
  readonly input: GoalInput;
  readonly inputEntry: GoalInputEntry<GoalInput>;
  readonly outcome: GoalOutcome;
  readonly outcomeEntry: GoalOutcomeEntry<GoalOutcome>;
  readonly years: readonly number[];
  readonly inputYears: readonly number[];
  readonly step: Decimal;
  readonly kLow: Decimal;
  readonly kHigh: Decimal;
  readonly method: 'auto' | 'bisection';
}

function unknownFields(o: Record<string, unknown>, fields: readonly string[], path: Path, issues: IssueCollector): void {
  for (const key of Object.keys(o)) if (!fields.includes(key)) issues.add('unknown_option', [...path, key], `unknown field "${key}"; the fields are ${fields.join(', ')}`);
}

function readKind<T extends string>(raw: unknown, kinds: readonly T[], path: Path, what: string, issues: IssueCollector): T | undefined {
  if (!isRecord(raw)) {
    issues.add('invalid_option', path, `the ${what} is an object { kind, ... }`);
    return undefined;
  }
  const kind = raw['kind'];
  if (typeof kind !== 'string' || !(kinds as readonly string[]).includes(kind)) {
    issues.add('invalid_option', [...path, 'kind'], `the ${what}'s kind is one of ${kinds.join(', ')}`);
    return undefined;
  }
  return kind as T;
}

function isYearSelection(raw: unknown): raw is YearSelection {
  const isYear = (y: unknown): boolean => isWholeNumber(y) && y >= MIN_YEAR && y <= MAX_YEAR;
  if (Array.isArray(raw)) return raw.length > 0 && raw.every(isYear);
  if (!isRecord(raw)) return false;
  if (Object.keys(raw).some((k) => k !== 'from' && k !== 'to')) return false;
  return isYear(raw['from']) && (raw['to'] === undefined || (isYear(raw['to']) && (raw['to'] as number) >= (raw['from'] as number)));
}

function readYears(raw: unknown, budget: Budget, path: Path, issues: IssueCollector): number[] {
  if (raw === undefined) return [...budget.horizon.years];
  const selection = typeof raw === 'number' ? [raw] : raw;
  if (!isYearSelection(selection)) {
    issues.add('invalid_option', path, 'years is a year, a list of years or a run { from, to }');
    return [];
  }
  return resolveYears(selection, budget.horizon, path, issues);
}

/**
 * Reads and checks a goal seek's spec; throws every problem at once.
 * @param fn - the public function's name
 * @param budget - the (admitted) budget
 * @param spec - what the caller passed
 * @internal
 */
export function readSpec(fn: string, budget: Budget, spec: GoalSeekSpec): ReadSpec {
  requireObject(fn, 'spec', spec, 'a goal seek { input, outcome, years?, bounds?, step?, method? }');
  const issues = new IssueCollector();
  const raw = spec as unknown as Record<string, unknown>;
  unknownFields(raw, SPEC_FIELDS, ['spec'], issues);
  const outcomeKind = readKind(raw['outcome'], Object.keys(GOAL_OUTCOMES) as (keyof typeof GOAL_OUTCOMES)[], ['spec', 'outcome'], 'outcome', issues);
  const register = outcomeKind === 'weerstandsratio' ? (raw['outcome'] as { register?: unknown }).register : undefined;
  const subject: GoalSubject = { budget, register: isRecord(register) && Array.isArray(register['capacity']) && Array.isArray(register['risks']) ? (register as unknown as GoalSubject['register']) : undefined };
  const outcomeEntry = outcomeKind === undefined ? undefined : (GOAL_OUTCOMES[outcomeKind] as unknown as GoalOutcomeEntry<GoalOutcome>);
  if (outcomeEntry !== undefined) {
    const o = raw['outcome'] as Record<string, unknown>;
    unknownFields(o, outcomeEntry.fields, ['spec', 'outcome'], issues);
    outcomeEntry.check(o, subject, ['spec', 'outcome'], issues);
  }
  const inputKind = readKind(raw['input'], Object.keys(GOAL_INPUTS) as (keyof typeof GOAL_INPUTS)[], ['spec', 'input'], 'input', issues);
  const inputEntry = inputKind === undefined ? undefined : (GOAL_INPUTS[inputKind] as unknown as GoalInputEntry<GoalInput>);
  let inputYears: number[] = [];
  if (inputEntry !== undefined) {
    const i = raw['input'] as Record<string, unknown>;
    unknownFields(i, inputEntry.fields, ['spec', 'input'], issues);
    inputEntry.check(i, subject, ['spec', 'input'], issues);
    if (i['years'] !== undefined) inputYears = readYears(i['years'], budget, ['spec', 'input', 'years'], issues);
  }
  const years = outcomeEntry?.yearly === false ? [] : readYears(raw['years'], budget, ['spec', 'years'], issues);
  if (inputYears.length === 0) inputYears = years.length > 0 ? years : [...budget.horizon.years];
  const method = raw['method'] === undefined ? 'auto' : raw['method'];
  if (!(METHODS as readonly unknown[]).includes(method)) issues.add('invalid_option', ['spec', 'method'], `the method is one of ${METHODS.join(', ')}`);
  const grid = inputEntry === undefined ? undefined : readGrid(raw, inputEntry, issues);
  issues.throwIfAny();
  if (outcomeEntry === undefined || inputEntry === undefined || grid === undefined) return fail('internal_error', ['spec'], `${fn}: a spec without problems was not read`);
  return { subject, input: copyData(spec.input), inputEntry, outcome: copyData(spec.outcome), outcomeEntry, years, inputYears, ...grid, method: method as ReadSpec['method'] };
}

function readGrid(raw: Record<string, unknown>, entry: GoalInputEntry<GoalInput>, issues: IssueCollector): { step: Decimal; kLow: Decimal; kHigh: Decimal } | undefined {
  const step = raw['step'] === undefined ? entry.step : readGoalNumber(raw['step'], ['spec', 'step'], issues);
  if (step !== undefined && !step.gt(0)) issues.add('invalid_option', ['spec', 'step'], `the step is more than 0, not ${step.toFixed()}`);
  const bounds = raw['bounds'];
  let low: Decimal | undefined = entry.low;
  let high: Decimal | undefined = entry.high;
  if (bounds !== undefined) {
    if (!isRecord(bounds)) {
      issues.add('invalid_option', ['spec', 'bounds'], 'bounds is an object { low?, high? }');
      return undefined;
    }
    unknownFields(bounds, ['low', 'high'], ['spec', 'bounds'], issues);
    if (bounds['low'] !== undefined) low = readGoalNumber(bounds['low'], ['spec', 'bounds', 'low'], issues);
    if (bounds['high'] !== undefined) high = readGoalNumber(bounds['high'], ['spec', 'bounds', 'high'], issues);
  }
  if (low !== undefined && entry.floor !== undefined && low.lt(entry.floor)) issues.add('invalid_option', ['spec', 'bounds', 'low'], `this input is at least ${entry.floor.toFixed()}, not ${low.toFixed()}`);
  if (low !== undefined && high !== undefined && low.gt(high)) issues.add('invalid_option', ['spec', 'bounds'], `the low bound ${low.toFixed()} is above the high bound ${high.toFixed()}`);
  if (step === undefined || low === undefined || high === undefined || !step.gt(0) || low.gt(high)) return undefined;
  // the grid: whole multiples of the step, the bounds rounded inward
  const kLow = low.div(step).ceil();
  const kHigh = high.div(step).floor();
  if (kLow.gt(kHigh)) {
    issues.add('invalid_option', ['spec', 'bounds'], `no multiple of the step ${step.toFixed()} lies between ${low.toFixed()} and ${high.toFixed()}`);
    return undefined;
  }
  return { step, kLow, kHigh };
}

/** A copy of plain data (objects, lists, decimals), so that freezing a result never freezes what the caller passed. */
function copyData<T>(value: T): T {
  if (isDecimal(value)) return new Dec(value.toFixed()) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => copyData(v)) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyData(v)])) as T;
  return value;
}
