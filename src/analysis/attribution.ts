import { Dec, ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import type { Budget } from '../model/budget.js';
import { evaluateBudget } from '../evaluate/evaluate.js';
import { APPLY_OPTIONS, applySteps, runScenario, scenarioArguments, type ApplyOptions } from '../scenario/apply.js';
import { arrayOf, decimal, integer, requireArgument, text } from '../core/guard.js';
import type { Step } from '../scenario/resolve.js';
import type { ChangeKind, Scenario, ScenarioLibrary } from '../scenario/types.js';
import { kindOf } from '../scenario/changes/registry.js';
import { handOutSteps } from '../core/allocate.js';
import { exactShapley, sampledShapley, type Values } from './shapley.js';

/** Options of {@link attributeDifference}. @category Analysis */
export interface AttributionOptions extends ApplyOptions {
  /** Largest group of interacting changes computed exactly (2^n applications). @defaultValue 8 */
  readonly exactLimit?: number;
  /** Orders sampled for a larger group. @defaultValue 200 */
  readonly samples?: number;
  /** Seed of the order sampling, so results repeat. @defaultValue 1 */
  readonly seed?: number;
}

/** The largest `exactLimit` of {@link attributeDifference}: an exact group costs 2^n applications. */
export const MAX_EXACT_LIMIT = 16;

/** The most `samples` of {@link attributeDifference}: each sampled order applies every change of its group. */
export const MAX_SAMPLES = 10_000;

/** The share of one change in the difference of the total (aandeel van een wijziging). @category Analysis */
export interface AttributionShare {
  /** Id of the scenario that wrote the change. */
  readonly scenario: string;
  /** Index of the change in that scenario. */
  readonly change: number;
  /** Index in the flattened change list. */
  readonly step: number;
  /** Kind of change. */
  readonly kind: ChangeKind;
  /** Index of its group of interacting changes in {@link Attribution.groups}. */
  readonly group: number;
  /** Share per year ("2026"), in euros. */
  readonly amounts: Readonly<Record<string, Decimal>>;
}

/** A group of changes that touch common rows (and so may interact). @category Analysis */
export interface AttributionGroup {
  /** Flattened indices of its changes. */
  readonly steps: readonly number[];
  /** `exact`: every coalition evaluated; `sampled`: orders sampled (a group larger than `exactLimit`). */
  readonly method: 'exact' | 'sampled';
}

/**
 * The difference of the grand total per year attributed to the changes of a scenario (toerekening), by the
 * Shapley value. A frozen value.
 * @category Analysis
 */
export interface Attribution {
  /** Years. */
  readonly years: readonly number[];
  /** Total difference per year (scenario - baseline), in euros. */
  readonly difference: Readonly<Record<string, Decimal>>;
  /** One share per change, in flattened order. */
  readonly shares: readonly AttributionShare[];
  /** Groups of interacting changes. */
  readonly groups: readonly AttributionGroup[];
  /** `exact` when every group was computed exactly, else `sampled`. */
  readonly method: 'exact' | 'sampled';
}


/**
 * Attributes the difference in the grand total per year between a baseline and a scenario to the scenario's
 * changes, independently of the order in which they are listed (toerekening van verschillen).
 *
 * @remarks
 * Method: the Shapley value, each change's marginal contribution averaged over every order of the changes;
 * a coalition of changes is applied in the listed order (indexation last), skipping changes whose target
 * does not exist in that coalition (a change to a line that another change adds). Changes are first split
 * into groups by the rows (lines and components) they touch; groups on disjoint rows do not interact, so
 * each change's Shapley value is computed inside its group only. This is exact for groups of up to
 * `exactLimit` changes (default 8: 2^8 applications); a larger group samples `samples` random orders with a
 * seeded generator (`method: 'sampled'`), which estimates the shares but still adds up. Shares are exact
 * decimals; when a Shapley value has more than 6 decimals in euros (a division by n! or by the number of
 * samples), shares are rounded to micro-euros by largest remainder, so that they always add up exactly to the
 * total difference of their group, and the groups to the total difference.
 *
 * @param baseline - the baseline budget
 * @param scenario - the scenario
 * @param library - scenarios it may extend
 * @param options - limits, sampling, conflict handling
 * @example
 * ```ts
 * import { budget, pm, loadScenario, attributeDifference } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const scenario = loadScenario({ id: 'ramingen', title: 'Ramingen pm en halvering 1.7', changes: [
 *   { kind: 'estimate-pm', line: '1.4', value: '-1100' },
 *   { kind: 'set-amount', line: '1.7', years: { from: 2026 }, value: { percent: '50' } },
 * ] }, { budget: tb1 });
 * const attribution = attributeDifference(tb1, scenario);
 * attribution.difference['2026']!.toFixed();        // "-914500" (euros)
 * attribution.shares.map((s) => s.amounts['2026']!.toFixed()); // ["-1100000", "185500"]: they add up exactly
 * ```
 * @category Analysis
 */
export function attributeDifference(baseline: Budget, scenario: Scenario, library?: ScenarioLibrary, options: AttributionOptions = {}): Attribution {
  ({ budget: baseline, options } = scenarioArguments('attributeDifference', 'baseline', baseline, scenario, library, options, {
    ...APPLY_OPTIONS,
    exactLimit: integer({ min: 0, max: MAX_EXACT_LIMIT }),
    samples: integer({ min: 1, max: MAX_SAMPLES }),
    seed: integer(),
  }));
  const { result, engine, steps } = runScenario(baseline, scenario, library, options);
  const years = baseline.horizon.years.filter((y) => result.budget.horizon.years.includes(y));
  const totals = (b: Budget): Values => {
    const e = evaluateBudget(b);
    const out: Values = {};
    for (const y of years) out[y] = e.total[y]?.amount ?? ZERO;
    return out;
  };
  const base = totals(baseline);
  const full = totals(result.budget);
  const difference: Values = {};
  for (const y of years) difference[y] = nz(full[y]!.minus(base[y]!));

  // groups by the lines each change may affect in any coalition (and the rows it did touch)
  const parent = steps.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const owner = new Map<string, number>();
  const claim = (key: string, step: number): void => {
    const prev = owner.get(key);
    if (prev === undefined) owner.set(key, step);
    else parent[root(step)] = root(prev);
  };
  const lineOf = lineIndex(baseline, steps);
  steps.forEach((step, i) => {
    for (const line of footprint(step, lineOf)) claim(line, i);
  });
  for (const t of engine.trace) claim(t.line, t.step);
  const groupOf = new Map<number, number[]>();
  steps.forEach((_, i) => groupOf.set(root(i), [...(groupOf.get(root(i)) ?? []), i]));
  let groups = [...groupOf.values()];

  const limit = options.exactLimit ?? 8;
  const attribute = (parts: readonly (readonly number[])[]): { shares: Values[]; info: AttributionGroup[] } => {
    const out: Values[] = steps.map(() => ({}));
    const info: AttributionGroup[] = [];
    parts.forEach((members) => {
      const value = coalitionValue(baseline, steps, members, totals);
      const method = members.length <= limit ? 'exact' : 'sampled';
      const raw = method === 'exact' ? exactShapley(members.length, value, years) : sampledShapley(members.length, value, years, options.samples ?? 200, options.seed ?? 1);
      const groupTotal: Values = {};
      const vAll = value((1n << BigInt(members.length)) - 1n);
      const v0 = value(0n);
      for (const y of years) groupTotal[y] = vAll[y]!.minus(v0[y]!);
      for (const y of years) {
        const rounded = allocateExactly(raw.map((r) => r[y]!), groupTotal[y]!, members.map((m) => keyOf(steps[m]!)));
        members.forEach((step, k) => (out[step]![y] = rounded[k]!));
      }
      info.push({ steps: members, method });
    });
    return { shares: out, info };
  };
  let { shares, info: groupInfo } = attribute(groups);
  // the invariant, checked rather than assumed: the shares add up exactly to the difference. Groups only add up
  // when they do not interact; should changes of two groups interact after all (a dependency the footprint does
  // not see), all changes are attributed as one group, whose Shapley values add up by construction.
  const addsUp = years.every((y) => shares.reduce((sum, share) => sum.plus(share[y] ?? ZERO), ZERO).eq(difference[y]!));
  if (!addsUp && groups.length > 1) {
    groups = [steps.map((_, i) => i)];
    ({ shares, info: groupInfo } = attribute(groups));
  }
  const groupIndex = new Map<number, number>();
  groups.forEach((members, g) => members.forEach((m) => groupIndex.set(m, g)));
  return deepFreeze({
    years,
    difference,
    shares: steps.map((s, i) => ({ scenario: s.scenario, change: s.index, step: i, kind: s.change.kind, group: groupIndex.get(i)!, amounts: shares[i]! })),
    groups: groupInfo,
    method: groupInfo.every((g) => g.method === 'exact') ? 'exact' : 'sampled',
  });
}

/** v(mask) for a group: the total after applying the members in the mask (bit k = member k). */
function coalitionValue(baseline: Budget, steps: readonly Step[], members: readonly number[], totals: (b: Budget) => Values): (mask: bigint) => Values {
  const cache = new Map<bigint, Values>();
  return (mask: bigint): Values => {
    const hit = cache.get(mask);
    if (hit !== undefined) return hit;
    const chosen = members.filter((_, k) => (mask & (1n << BigInt(k))) !== 0n).map((i) => steps[i]!);
    const v = totals(applySteps(baseline, chosen).budget);
    cache.set(mask, v);
    return v;
  };
}

/**
 * Rounds shares to micro-euros so that they add up exactly to `total` (largest remainder).
 * @param shares - exact (or nearly exact) shares
 * @param total - what they must add up to (at most 6 decimals)
 * @param keys - tie-breakers for equal remainders (so the result does not depend on the order of the shares); default the position
 * @throws MeerjarenError `invalid_weights` when there are no shares for a total that is not zero;
 *   `amount_out_of_range` when the total has more than 6 decimals; `total_mismatch` when the shares are
 *   further from the total than rounding each of them explains (one micro-euro a share)
 * @example
 * ```ts
 * import { Dec, allocateExactly } from 'meerjaren';
 *
 * allocateExactly(['0.3333333333', '0.3333333333', '0.3333333334'].map((x) => new Dec(x)), new Dec(1)).map(String);
 * // ["0.333333", "0.333333", "0.333334"]: micro-euros that add up exactly to 1
 * ```
 * @category Analysis
 */
export function allocateExactly(shares: readonly Decimal[], total: Decimal, keys?: readonly string[]): Decimal[] {
  requireArgument('allocateExactly', 'shares', shares, arrayOf(decimal));
  requireArgument('allocateExactly', 'total', total, decimal);
  if (keys !== undefined) {
    requireArgument('allocateExactly', 'keys', keys, arrayOf(text()));
    if (keys.length !== shares.length) fail('invalid_argument', ['keys'], `allocateExactly: keys has ${keys.length} entries for ${shares.length} shares`);
  }
  const places = 6;
  if (shares.length === 0 && !total.isZero()) fail('invalid_weights', ['shares'], `no shares to allocate ${total.toFixed()} over`);
  if (total.decimalPlaces() > places) fail('amount_out_of_range', ['total'], `${total.toFixed()} has more than ${places} decimals`);
  const floors = shares.map((s) => s.toDecimalPlaces(places, Dec.ROUND_FLOOR));
  const unit = new Dec(1).div(new Dec(10).pow(places));
  const rest = total.minus(floors.reduce((a, b) => a.plus(b), ZERO));
  if (rest.abs().gt(unit.times(shares.length + 1))) {
    fail('total_mismatch', ['total'], `the shares add up to ${total.minus(rest).toFixed()}, not to ${total.toFixed()}`);
  }
  const order = shares.map((s, i) => ({ i, frac: s.minus(floors[i]!) })).sort((a, b) => b.frac.comparedTo(a.frac) || compareKeys(keys?.[a.i], keys?.[b.i]) || a.i - b.i);
  const out = [...floors];
  // rest is a whole number of micro-euros (the total and the floors have at most 6 decimals)
  const ranked = order.map((o) => o.i);
  if (rest.isPositive()) handOutSteps(out, ranked, rest.div(unit).toNumber(), unit, true);
  else handOutSteps(out, ranked.reverse(), rest.neg().div(unit).toNumber(), unit.neg(), true);
  return out.map(nz);
}

function nz(d: Decimal): Decimal {
  return noNegativeZero(d);
}

function compareKeys(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined || a === b) return 0;
  return a < b ? -1 : 1;
}

function keyOf(step: Step): string {
  return `${step.scenario}\u0000${JSON.stringify(step.change)}`;
}

/** Line of every line or component id in the baseline and in lines added by the steps, and the tags of each line. */
function lineIndex(baseline: Budget, steps: readonly Step[]): { line: Map<string, string>; tags: { line: string; tags: Readonly<Record<string, string>>[] }[] } {
  const line = new Map<string, string>();
  const tags: { line: string; tags: Readonly<Record<string, string>>[] }[] = [];
  for (const s of baseline.sections) {
    for (const l of s.lines) {
      line.set(l.id, l.id);
      for (const c of l.components) line.set(c.id, l.id);
      tags.push({ line: l.id, tags: [l.tags, ...l.components.map((c) => c.tags)] });
    }
  }
  for (const step of steps) {
    if (step.change.kind !== 'add-line') continue;
    const spec = step.change.line;
    line.set(spec.id, spec.id);
    (spec.components ?? []).forEach((c, n) => line.set(c.id ?? `${spec.id}#${n + 1}`, spec.id));
    tags.push({ line: spec.id, tags: [spec.tags ?? {}, ...(spec.components ?? []).map((c) => c.tags ?? {})] });
  }
  return { line, tags };
}

/** The lines a change may affect in any coalition of changes (each kind says so in its own file). */
function footprint(step: Step, index: ReturnType<typeof lineIndex>): string[] {
  return kindOf(step.change.kind).footprint(step.change, index);
}
