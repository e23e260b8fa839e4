import type { Draft } from 'immer';
import { Dec } from '../../core/decimal.js';
import type { Path } from '../../core/errors.js';
import type { Measure, Realisation } from '../../model/savings.js';
import { type ItemEditor } from '../cover-targets.js';
import { each, show } from '../shape-checker.js';
import type { ChangeStep, Rate, ScenarioAmount } from './common.js';
import type { ChangeKindEntry } from './context.js';

/**
 * What a measure realises (realisatie), as a scenario writes it, like the savings document:
 * - `'as-planned'`: everything, in the planned years; `'none'`: nothing;
 * - `{ rate }`: a share of the plan each year (`"0.5"`); above 1 only with `abovePlan: true`;
 * - `{ amount }`: amounts per year in the scenario's unit (years not listed deliver the plan); above the plan only
 *   with `abovePlan: true`;
 * - `{ delay, rate? }`: the plan `delay` whole years later, optionally times a rate.
 * @category Scenarios
 */
export type RealisationSpec =
  | 'as-planned'
  | 'none'
  | {
      /** Share of the plan realised each year (`"0.5"` = half). */
      readonly rate: Rate;
      /** Whether more than the plan (a rate above 1) is intended. */
      readonly abovePlan?: boolean;
    }
  | {
      /** Realised amount per year, keyed by year, in the scenario's unit; years not listed deliver the plan. */
      readonly amount: Readonly<Record<string, ScenarioAmount>>;
      /** Whether more than the plan is intended. */
      readonly abovePlan?: boolean;
    }
  | {
      /** Whole years of delay (vertraging): the plan is realised this many years later. */
      readonly delay: number;
      /** Share of the delayed plan realised; defaults to all of it. */
      readonly rate?: Rate;
      /** Whether more than the plan (a rate above 1) is intended. */
      readonly abovePlan?: boolean;
    };

/** Set what measures of a savings target realise (realisatie van maatregelen): a rate, an amount, nothing, or a delay. @category Scenarios */
export interface SetRealisationChange {
  /** Discriminant. */
  readonly kind: 'set-realisation';
  /** Id of the target. */
  readonly target: string;
  /** Id(s) of the measures; every measure of the target when left out. */
  readonly measures?: readonly string[];
  /** What they realise. */
  readonly realisation: RealisationSpec;
  /** A note for reports. */
  readonly note?: string;
}

function readRealisation(ed: ItemEditor, spec: RealisationSpec, measure: Measure, step: ChangeStep, path: Path): Realisation | undefined {
  if (spec === 'as-planned' || spec === 'none') return { kind: spec };
  const above = spec.abovePlan === true ? { abovePlan: true } : {};
  if ('delay' in spec) {
    if (spec.rate === undefined) return { kind: 'delay', years: spec.delay };
    const rate = ed.rate(spec.rate, step, [...path, 'rate']);
    return rate === undefined ? undefined : { kind: 'delay', years: spec.delay, rate };
  }
  if ('rate' in spec) {
    const rate = ed.rate(spec.rate, step, [...path, 'rate']);
    return rate === undefined ? undefined : { kind: 'rate', rate, ...above };
  }
  const values = ed.yearAmounts(spec.amount, step, [...path, 'amount']);
  if (values === undefined) return undefined;
  if (spec.abovePlan !== true) {
    let ok = true;
    for (const [year, value] of Object.entries(values)) {
      const plan = measure.planned[year] ?? new Dec(0);
      if (value.gt(plan)) {
        ed.issue('realisation_above_plan', [...path, 'amount', year], `${value.toFixed()} is more than the ${plan.toFixed()} planned for "${measure.id}"; say so with "abovePlan": true`);
        ok = false;
      }
    }
    if (!ok) return undefined;
  }
  return { kind: 'amount', values, ...above };
}

function setRealisation(ed: ItemEditor, change: SetRealisationChange, step: ChangeStep, i: number): void {
  const target = ed.target(change.target, [...step.path, 'target']);
  if (target === undefined) return;
  const ids = change.measures ?? Object.keys(target.measures);
  if (ids.length === 0) {
    ed.issue('empty_selection', [...step.path, 'target'], `the target "${target.id}" has no measures`);
    return;
  }
  const measures: Draft<Measure>[] = [];
  ids.forEach((id, n) => {
    const m = Object.prototype.hasOwnProperty.call(target.measures, id) ? target.measures[id] : undefined;
    if (m === undefined) ed.issue('unknown_reference', [...step.path, 'measures', n], `no measure "${id}" in the target "${target.id}"`);
    else measures.push(m);
  });
  if (measures.length !== ids.length) return;
  const chosen: { measure: Draft<Measure>; realisation: Realisation }[] = [];
  for (const measure of measures) {
    const realisation = readRealisation(ed, change.realisation, measure as Measure, step, [...step.path, 'realisation']);
    if (realisation !== undefined) chosen.push({ measure, realisation });
  }
  if (chosen.length !== measures.length) return;
  for (const { measure, realisation } of chosen) {
    measure.realisation = realisation as Draft<Realisation>;
    for (const year of ed.allYears) ed.ctx.touch(`measure ${target.id}/${measure.id}`, year, i);
    ed.ctx.record({ kind: 'measure', id: measure.id, target: target.id, field: 'realisation', years: ed.allYears, step: i });
  }
}

/** The set-realisation change kind: fields, shape check, application (on cover and savings targets) and footprint. @internal */
export const setRealisationKind = {
  fields: ['kind', 'target', 'measures', 'realisation', 'note'],
  shape(check, change, path) {
    check.id(change['target'], [...path, 'target'], 'target');
    const measures = change['measures'];
    if (measures !== undefined) {
      if (!Array.isArray(measures) || measures.length === 0) check.c.add('invalid_type', [...path, 'measures'], 'measures must be a non-empty list of measure ids');
      else {
        const seen = new Set<unknown>();
        each(measures, (id, i) => {
          check.id(id, [...path, 'measures', i], 'measure');
          if (seen.has(id)) check.c.add('duplicate_id', [...path, 'measures', i], `measure ${show(id)} is listed twice`);
          seen.add(id);
        });
      }
    }
    check.realisation(change['realisation'], [...path, 'realisation']);
  },
  apply: (ctx, change, step, i) => setRealisation(ctx.editor(), change, step, i),
  // cover and targets never change a line's amounts
  footprint: () => [],
} satisfies ChangeKindEntry<SetRealisationChange>;
