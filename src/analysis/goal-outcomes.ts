/**
 * The outcomes a goal seek can meet, one entry per kind: the fields, the check of the spec, whether it has years,
 * and how it reads its value and margin (how far on the good side of the goal, in euros) from a budget.
 * @packageDocumentation
 */
import { Dec, ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { MeerjarenError, type IssueCollector, type Path } from '../core/errors.js';
import { readAmount } from '../core/amount.js';
import { evaluate } from '../evaluate/evaluate.js';
import { structuralBalance } from '../evaluate/structural.js';
import { evaluateTargets } from '../evaluate/targets.js';
import { weerstandsvermogen } from '../evaluate/weerstandsvermogen.js';
import type { GoalOutcome, GoalOutcomeKind, GoalOutcomeYear, GoalSubject, SaldoOutcome, StructuralSaldoOutcome, TargetGapOutcome, WeerstandsratioOutcome } from './goal-seek-types.js';

/** What an outcome kind offers the solver. @internal */
export interface GoalOutcomeEntry<S extends GoalOutcome> {
  /** The fields of the spec. */
  readonly fields: readonly string[];
  /** Whether it holds per year (a yearless outcome ignores the years). */
  readonly yearly: boolean;
  /** Checks the spec's fields and references. */
  check(spec: Record<string, unknown>, subject: GoalSubject, path: Path, issues: IssueCollector): void;
  /** The value and margin per year. */
  read(subject: GoalSubject, spec: S, years: readonly number[]): GoalOutcomeYear[];
}

/**
 * Reads a {@link GoalNumber} option exactly (at most 6 decimals), reporting a problem at `path` as `invalid_option`
 * with the reading's message (an option of a call, not a cell of a document).
 * @internal
 */
export function readGoalNumber(raw: unknown, path: Path, issues: IssueCollector): Decimal | undefined {
  const reading = readAmount(typeof raw === 'number' && Number.isFinite(raw) && /^-?\d+(?:\.\d+)?$/.test(String(raw)) ? String(raw) : raw, new Dec(1));
  if (!reading.ok) {
    issues.add('invalid_option', path, reading.message);
    return undefined;
  }
  return reading.value;
}

/** The goal number of a spec field as read (checked before), or the default. */
function goalNumber(raw: unknown, fallback: number): Decimal {
  if (raw === undefined) return new Dec(fallback);
  const reading = readAmount(typeof raw === 'number' ? String(raw) : raw, new Dec(1));
  return reading.ok ? reading.value : new Dec(fallback);
}

function checkNumber(spec: Record<string, unknown>, key: string, path: Path, issues: IssueCollector): void {
  if (spec[key] !== undefined) readGoalNumber(spec[key], [...path, key], issues);
}

const atLeast = (value: Decimal, bound: Decimal, year: number): GoalOutcomeYear => {
  const margin = noNegativeZero(value.minus(bound));
  return { year, value, margin, met: !margin.isNegative() };
};

const saldo: GoalOutcomeEntry<SaldoOutcome> = {
  fields: ['kind', 'atLeast'],
  yearly: true,
  check: (spec, _subject, path, issues) => checkNumber(spec, 'atLeast', path, issues),
  read(subject, spec, years) {
    const total = evaluate(subject.budget).total;
    const bound = goalNumber(spec.atLeast, 0);
    return years.map((year) => atLeast(total[String(year)]?.amount ?? ZERO, bound, year));
  },
};

const structuralSaldo: GoalOutcomeEntry<StructuralSaldoOutcome> = {
  fields: ['kind', 'atLeast'],
  yearly: true,
  check: (spec, _subject, path, issues) => checkNumber(spec, 'atLeast', path, issues),
  read(subject, spec, years) {
    const perYear = structuralBalance(subject.budget).perYear;
    const bound = goalNumber(spec.atLeast, 0);
    return years.map((year) => atLeast(perYear[String(year)]?.structural ?? ZERO, bound, year));
  },
};

const targetGap: GoalOutcomeEntry<TargetGapOutcome> = {
  fields: ['kind', 'target', 'atMost', 'net'],
  yearly: true,
  check(spec, subject, path, issues) {
    const id = spec['target'];
    const targets = subject.budget.targets ?? {};
    if (typeof id !== 'string' || id === '') issues.add('invalid_option', [...path, 'target'], 'the target is the id of a savings target of the budget');
    else if (!Object.hasOwn(targets, id)) issues.add('unknown_reference', [...path, 'target'], `the budget has no savings target "${id}"`);
    checkNumber(spec, 'atMost', path, issues);
    if (spec['net'] !== undefined && typeof spec['net'] !== 'boolean') issues.add('invalid_option', [...path, 'net'], 'net is true or false');
  },
  read(subject, spec, years) {
    const result = evaluateTargets(subject.budget, { net: spec.net === true }).targets[spec.target];
    const bound = goalNumber(spec.atMost, 0);
    return years.map((year) => {
      const gap = result?.years[String(year)]?.gap ?? ZERO;
      const margin = noNegativeZero(bound.minus(gap));
      return { year, value: gap, margin, met: !margin.isNegative() };
    });
  },
};

const weerstandsratio: GoalOutcomeEntry<WeerstandsratioOutcome> = {
  fields: ['kind', 'register', 'atLeast'],
  yearly: false,
  check(spec, _subject, path, issues) {
    checkNumber(spec, 'atLeast', path, issues);
    try {
      weerstandsvermogen(spec['register'] as WeerstandsratioOutcome['register']);
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      // the register is an option of the call: what is not a register at all is invalid_option there
      for (const issue of e.issues) issues.add(issue.code === 'invalid_argument' ? 'invalid_option' : issue.code, [...path, 'register', ...issue.pathSegments.filter((s) => s !== 'input')], issue.message);
    }
  },
  read(subject, spec) {
    const register = subject.register ?? spec.register;
    const w = weerstandsvermogen(register);
    const bound = goalNumber(spec.atLeast, 1);
    // exact: available >= atLeast x required, as the rating decides, never on the rounded ratio
    const margin = noNegativeZero(w.available.minus(bound.times(w.required)));
    return [{ year: undefined, value: w.ratio, margin, met: !margin.isNegative() }];
  },
};

/** The registry of goal outcomes, one entry per {@link GoalOutcomeKind}. @internal */
export const GOAL_OUTCOMES: { readonly [K in GoalOutcomeKind]: GoalOutcomeEntry<Extract<GoalOutcome, { kind: K }>> } = {
  saldo,
  'structural-saldo': structuralSaldo,
  'target-gap': targetGap,
  weerstandsratio,
};

/** Every {@link GoalOutcomeKind}, in the registry's order. @category Analysis */
export const GOAL_OUTCOME_KINDS: readonly GoalOutcomeKind[] = Object.freeze(Object.keys(GOAL_OUTCOMES) as GoalOutcomeKind[]);
