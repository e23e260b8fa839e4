/**
 * The inputs a goal seek can solve, one entry per kind: the fields, the check of the references against the budget,
 * the default grid and bounds, and how a value is put into the budget (through a scenario change, so the value is
 * read and checked as every scenario value is). A new kind (an indicator, a tariff) is a new entry here and a member
 * of the {@link GoalInput} union.
 * @packageDocumentation
 */
import { Dec, type Decimal } from '../core/decimal.js';
import type { IssueCollector, Path } from '../core/errors.js';
import { isRecord, isWholeNumber } from '../core/fields.js';
import type { Budget } from '../model/budget.js';
import { applyScenario } from '../evaluate/apply-scenario.js';
import type { Change, Scenario } from '../scenario/types.js';
import type { CapacityPartInput, GoalInput, GoalInputKind, GoalSubject, IndicatorInput, LineAmountInput, MeasureRateInput, ParameterInput } from './goal-seek-types.js';
import { dayNumber, isPeriodDate } from '../model/driver-values.js';

/** What an input kind offers the solver. @internal */
export interface GoalInputEntry<S extends GoalInput> {
  /** The fields of the spec. */
  readonly fields: readonly string[];
  /** `rate` (a share, 1 = everything), `euro`, or `indicator` (the indicator's own unit). */
  readonly measure: 'rate' | 'euro' | 'indicator';
  /** The default grid step. */
  readonly step: Decimal;
  /** The default bounds. */
  readonly low: Decimal;
  /** The default high bound. */
  readonly high: Decimal;
  /** The lowest value the input can take at all. */
  readonly floor: Decimal | undefined;
  /** Checks the spec's fields and references; `years` are the seek's years. */
  check(spec: Record<string, unknown>, subject: GoalSubject, path: Path, issues: IssueCollector): void;
  /** The subject with the input set to `value` (on the grid, within the bounds). */
  apply(subject: GoalSubject, spec: S, value: Decimal, years: readonly number[]): GoalSubject;
}

const TRILLION = new Dec('1000000000000');
const idText = (v: unknown): v is string => typeof v === 'string' && v !== '';

function run(budget: Budget, changes: readonly Change[]): Budget {
  // plain numbers: "1.125" is a rate of 1,125, never the Dutch 1125
  const scenario: Scenario = { id: 'goal-seek', title: 'Goal seek', unit: 'euro', numberFormat: 'plain', changes };
  return applyScenario(budget, scenario).budget;
}

const measureRate: GoalInputEntry<MeasureRateInput> = {
  fields: ['kind', 'target', 'measures'],
  measure: 'rate',
  step: new Dec('0.000001'),
  low: new Dec(0),
  high: new Dec(1),
  floor: new Dec(0),
  check(spec, subject, path, issues) {
    const targets = subject.budget.targets ?? {};
    const id = spec['target'];
    if (!idText(id)) {
      issues.add('invalid_option', [...path, 'target'], 'the target is the id of a savings target of the budget');
      return;
    }
    const target = Object.hasOwn(targets, id) ? targets[id] : undefined;
    if (target === undefined) {
      issues.add('unknown_reference', [...path, 'target'], `the budget has no savings target "${id}"`);
      return;
    }
    const measures = spec['measures'];
    if (measures === undefined) {
      if (Object.keys(target.measures).length === 0) issues.add('empty_selection', [...path, 'target'], `the target "${id}" has no measures`);
      return;
    }
    if (!Array.isArray(measures) || measures.length === 0) {
      issues.add('invalid_option', [...path, 'measures'], 'measures is a non-empty list of measure ids');
      return;
    }
    const seen = new Set<unknown>();
    measures.forEach((m: unknown, i) => {
      if (!idText(m) || !Object.hasOwn(target.measures, m)) issues.add('unknown_reference', [...path, 'measures', i], `the target "${id}" has no measure ${JSON.stringify(m) ?? String(m)}`);
      else if (seen.has(m)) issues.add('duplicate_id', [...path, 'measures', i], `the measure "${m}" is listed twice`);
      seen.add(m);
    });
  },
  apply(subject, spec, value) {
    const target = subject.budget.targets?.[spec.target];
    const ids = spec.measures ?? Object.keys(target?.measures ?? {});
    const rate = value.toFixed();
    const above = value.gt(1) ? { abovePlan: true } : {};
    // one change per delay, so that a delayed measure keeps its delay
    const byDelay = new Map<number | undefined, string[]>();
    for (const id of ids) {
      const r = target?.measures[id]?.realisation;
      const delay = r?.kind === 'delay' ? r.years : undefined;
      byDelay.set(delay, [...(byDelay.get(delay) ?? []), id]);
    }
    const changes: Change[] = [...byDelay].map(([delay, measures]) => ({
      kind: 'set-realisation',
      target: spec.target,
      measures,
      realisation: delay === undefined ? { rate, ...above } : { delay, rate, ...above },
    }));
    return { budget: run(subject.budget, changes), register: subject.register };
  },
};

function lineIds(budget: Budget): { amounts: Set<string>; withComponents: Set<string> } {
  const amounts = new Set<string>();
  const withComponents = new Set<string>();
  for (const section of budget.sections)
    for (const line of section.lines) {
      if (line.components.length > 0) withComponents.add(line.id);
      else amounts.add(line.id);
      for (const c of line.components) amounts.add(c.id);
    }
  return { amounts, withComponents };
}

const lineAmount: GoalInputEntry<LineAmountInput> = {
  fields: ['kind', 'line', 'years'],
  measure: 'euro',
  step: new Dec('0.01'),
  low: TRILLION.neg(),
  high: TRILLION,
  floor: undefined,
  check(spec, subject, path, issues) {
    const id = spec['line'];
    if (!idText(id)) {
      issues.add('invalid_option', [...path, 'line'], 'the line is the id of a line or a component of the budget');
      return;
    }
    const { amounts, withComponents } = lineIds(subject.budget);
    if (withComponents.has(id)) issues.add('invalid_option', [...path, 'line'], `the line "${id}" has components: name one of them`);
    else if (!amounts.has(id)) issues.add('unknown_reference', [...path, 'line'], `the budget has no line or component "${id}"`);
  },
  apply(subject, spec, value, years) {
    const change: Change = { kind: 'set-amount', line: spec.line, years: spec.years ?? years, value: value.toFixed() };
    return { budget: run(subject.budget, [change]), register: subject.register };
  },
};

const capacityPart: GoalInputEntry<CapacityPartInput> = {
  fields: ['kind', 'part'],
  measure: 'euro',
  step: new Dec('0.01'),
  low: new Dec(0),
  high: TRILLION,
  floor: new Dec(0),
  check(spec, subject, path, issues) {
    const part = spec['part'];
    const parts = subject.register?.capacity;
    if (parts === undefined) {
      issues.add('invalid_option', [...path, 'kind'], 'a capacity part is an input of a weerstandsratio outcome: give the outcome { kind: "weerstandsratio", register }');
      return;
    }
    if (!isWholeNumber(part) || part < 0 || part >= parts.length) issues.add('invalid_option', [...path, 'part'], `the part is the index of a part of the register's capacity, 0 to ${parts.length - 1}`);
    else if (!isRecord(parts[part])) issues.add('invalid_option', [...path, 'part'], `the register's capacity part ${part} is not an object`);
  },
  apply(subject, spec, value) {
    const register = subject.register;
    if (register === undefined) return subject;
    const capacity = register.capacity.map((p, i) => (i === spec.part ? { ...p, amount: value } : p));
    return { budget: subject.budget, register: { risks: register.risks, capacity } };
  },
};

const indicator: GoalInputEntry<IndicatorInput> = {
  fields: ['kind', 'indicator', 'years'],
  measure: 'indicator',
  step: new Dec(1),
  low: new Dec(0),
  high: TRILLION,
  floor: undefined,
  check(spec, subject, path, issues) {
    const id = spec['indicator'];
    if (!idText(id)) {
      issues.add('invalid_option', [...path, 'indicator'], 'the indicator is the id of an indicator of the budget\'s drivers');
      return;
    }
    if (subject.budget.drivers?.indicators.some((x) => x.id === id) !== true) issues.add('unknown_reference', [...path, 'indicator'], `the budget has no indicator "${id}"`);
  },
  apply(subject, spec, value, years) {
    const change: Change = { kind: 'set-indicator', indicator: spec.indicator, years: spec.years ?? years, value: value.toFixed() };
    return { budget: run(subject.budget, [change]), register: subject.register };
  },
};

const parameter: GoalInputEntry<ParameterInput> = {
  fields: ['kind', 'parameter', 'from'],
  measure: 'indicator',
  step: new Dec('0.01'),
  low: new Dec(0),
  high: TRILLION,
  floor: undefined,
  check(spec, subject, path, issues) {
    const id = spec['parameter'];
    if (!idText(id)) issues.add('invalid_option', [...path, 'parameter'], 'the parameter is the id of a dated parameter of the budget\'s drivers');
    else if (subject.budget.drivers?.parameters.some((x) => x.id === id) !== true) issues.add('unknown_reference', [...path, 'parameter'], `the budget has no parameter "${id}"`);
    if (!isPeriodDate(spec['from'])) issues.add('invalid_option', [...path, 'from'], 'from is the first day the sought value holds, yyyy-mm-dd (1900..2200)');
  },
  apply(subject, spec, value) {
    const current = subject.budget.drivers?.parameters.find((x) => x.id === spec.parameter);
    const start = dayNumber(spec.from)!;
    const before = (current?.periods ?? []).filter((p) => (dayNumber(p.from) ?? Infinity) < start).map((p) => ({ from: p.from, value: p.value.toFixed() }));
    const change: Change = { kind: 'set-parameter', parameter: spec.parameter, periods: [...before, { from: spec.from, value: value.toFixed() }] };
    return { budget: run(subject.budget, [change]), register: subject.register };
  },
};

/** The registry of goal inputs, one entry per {@link GoalInputKind}. @internal */
export const GOAL_INPUTS: { readonly [K in GoalInputKind]: GoalInputEntry<Extract<GoalInput, { kind: K }>> } = {
  'measure-rate': measureRate,
  'line-amount': lineAmount,
  'capacity-part': capacityPart,
  indicator,
  parameter,
};

/** Every {@link GoalInputKind}, in the registry's order. @category Analysis */
export const GOAL_INPUT_KINDS: readonly GoalInputKind[] = Object.freeze(Object.keys(GOAL_INPUTS) as GoalInputKind[]);
