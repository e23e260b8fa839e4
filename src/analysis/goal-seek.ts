/**
 * Goal seeking (doelzoeken): the value of one input at which an outcome just holds, on the input's grid, exactly.
 * The linear inverse is tried first and verified (the goal holds at the answer and fails one step beyond it); when
 * it does not hold, bisection on the grid of whole steps finds the threshold. Every value is a Decimal; no float
 * takes part.
 * @packageDocumentation
 */
import { Dec, type Decimal } from '../core/decimal.js';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { isRecord } from '../core/fields.js';
import type { Budget } from '../model/budget.js';
import { requireBudget } from '../validate/admit.js';
import { readSpec, type ReadSpec } from './goal-seek-spec.js';
import type { GoalEvaluation, GoalSeekPerYear, GoalSeekResult, GoalSeekSpec, GoalTrailStep } from './goal-seek-types.js';

/** Bisection halves the grid; the widest grid the amount limits allow (2 x 10^18 euros in steps of 10^-6) needs 81 halvings. */
const MAX_BISECTIONS = 128;
const ONE = new Dec(1);

class Search {
  readonly trail: GoalTrailStep[] = [];
  readonly #seen = new Map<string, GoalEvaluation>();

  constructor(readonly spec: ReadSpec) {}

  /** The evaluation at grid point `k` (input `k x step`), made once. */
  at(k: Decimal): GoalEvaluation {
    const key = k.toFixed();
    const known = this.#seen.get(key);
    if (known !== undefined) return known;
    const s = this.spec;
    const input = k.times(s.step);
    const subject = s.inputEntry.apply(s.subject, s.input, input, s.inputYears);
    const outcomes = s.outcomeEntry.read(subject, s.outcome, s.years);
    const margin = outcomes.reduce<Decimal | undefined>((m, o) => (m === undefined || o.margin.lt(m) ? o.margin : m), undefined) ?? new Dec(0);
    const evaluation: GoalEvaluation = { input, margin, met: outcomes.every((o) => o.met), outcomes };
    this.#seen.set(key, evaluation);
    this.trail.push({ input, margin, met: evaluation.met });
    return evaluation;
  }
}

/** The grid point nearest the linear root of the margins at `f` (fails) and `m` (meets), on the meeting side, strictly between f and m or m itself. */
function linearGuess(f: Decimal, marginF: Decimal, m: Decimal, marginM: Decimal): Decimal {
  const root = f.plus(marginF.neg().times(m.minus(f)).div(marginM.minus(marginF)));
  const up = m.gt(f);
  let k = up ? root.ceil() : root.floor();
  if (up ? k.lte(f) : k.gte(f)) k = up ? f.plus(ONE) : f.minus(ONE);
  if (up ? k.gt(m) : k.lt(m)) k = m;
  return k;
}

function solve(spec: ReadSpec): GoalSeekResult {
  const search = new Search(spec);
  const low = search.at(spec.kLow);
  const high = search.at(spec.kHigh);
  const base = { input: spec.input, outcome: spec.outcome, years: spec.years, step: spec.step, low: low.input, high: high.input };
  const done = (): { trail: readonly GoalTrailStep[]; evaluations: number } => ({ trail: search.trail, evaluations: search.trail.length });
  if (low.met && high.met) {
    // the goal holds over the whole range: the threshold is the bound from which the margin grows
    const atLeast = !high.margin.lt(low.margin);
    const at = atLeast ? low : high;
    return { ...base, attainable: true, threshold: at.input, direction: atLeast ? 'at-least' : 'at-most', method: 'bound', atThreshold: at, beyond: undefined, ...done() };
  }
  if (!low.met && !high.met) {
    const best = high.margin.gt(low.margin) ? high : low;
    const reason = low.margin.eq(high.margin) && spec.kLow.lt(spec.kHigh) ? 'no-effect' : 'not-met-within-bounds';
    return { ...base, attainable: false, reason, best, ...done() };
  }
  // f fails, m meets; the threshold lies at m's side of the step between them
  let f = low.met ? spec.kHigh : spec.kLow;
  let m = low.met ? spec.kLow : spec.kHigh;
  const toward = m.gt(f) ? ONE.neg() : ONE; // one step from m toward f
  let method: 'linear' | 'bisection' = 'bisection';
  if (spec.method === 'auto' && f.minus(m).abs().gt(ONE)) {
    const guess = linearGuess(f, search.at(f).margin, m, search.at(m).margin);
    if (search.at(guess).met) {
      const next = guess.plus(toward);
      if (next.eq(f) || !search.at(next).met) {
        m = guess;
        f = next;
        method = 'linear';
      } else m = next;
    } else f = guess;
  }
  let halvings = 0;
  while (f.minus(m).abs().gt(ONE)) {
    if (++halvings > MAX_BISECTIONS) fail('internal_error', ['spec'], 'goalSeek: the bisection did not close within its bound of steps');
    const mid = f.plus(m).div(2).floor();
    if (search.at(mid).met) m = mid;
    else f = mid;
  }
  const atThreshold = search.at(m);
  const beyond = search.at(f);
  return { ...base, attainable: true, threshold: atThreshold.input, direction: toward.isNegative() ? 'at-least' : 'at-most', method, atThreshold, beyond, ...done() };
}

/**
 * Goal seeking (doelzoeken): the value of one input at which an outcome just holds in every year given, to the
 * input's precision. For example the realisation rate of a target's measures at which its gap is 0, the amount of a
 * line at which the saldo is 0, or the algemene reserve at which the ratio weerstandsvermogen is 1.
 *
 * @remarks
 * The input is searched on a grid (rates: 6 decimals, 1 ppm; amounts: whole cents; or `step`) within `bounds`.
 * The solver evaluates both bounds; when the goal holds at one and fails at the other, it tries the linear inverse
 * of the margin (exact where the outcome is linear in the input, as a target's gap is in a rate) and verifies it by
 * an evaluation at the answer and one step beyond; otherwise, or when the verification fails, it bisects the grid
 * (at most 128 halvings, each counted in `evaluations`). The threshold is always on the safe side: the goal holds at
 * it and fails one step beyond (`beyond`). When the goal holds at both bounds, the threshold is the bound from which
 * it keeps holding (`method: 'bound'`); when it holds at neither, the result is `{ attainable: false, reason, best }`,
 * a result and not an error. The solver assumes the outcome moves one way with the input; where it does not, the
 * threshold is still one where the goal holds next to one where it fails.
 * @param budget - the budget (a scenario's budget: `applyScenario(...).budget`)
 * @param spec - the input, the outcome, the years, and optionally bounds, step and method
 * @returns a frozen {@link GoalSeekResult}
 * @throws MeerjarenError with every problem of the spec: `invalid_option` (an unknown kind, a bad field, bounds or
 *   step), `unknown_option` (an unknown field), `unknown_reference` (a target, measure or line the budget does not
 *   have), `year_outside_horizon`, `empty_selection`, the amount codes of an unreadable number
 * @example
 * ```ts
 * import { budget, withTargets, goalSeek } from 'meerjaren';
 *
 * const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2026, to: 2026 } })
 *   .section('4', 'Bezuinigingen').line('HA', 'Taakstelling (stelpost)', ['7'], { nature: 'structural' }).build();
 * const ha = withTargets(table, [{ id: 'ha', title: 'Taakstelling', unit: 'million', path: { 2026: '7' },
 *   measures: [{ id: 'teams', title: 'Stevige lokale teams', status: 'in-preparation', planned: { 2026: '8' } }] }]);
 *
 * const r = goalSeek(ha, { input: { kind: 'measure-rate', target: 'ha' }, outcome: { kind: 'target-gap', target: 'ha' } });
 * r.attainable && r.threshold.toFixed();    // "0.875": 87,5% of 8 mln fills the 7 mln
 * r.attainable && r.beyond?.met;            // false: at 0.874999 a gap of 8 euros remains
 * ```
 * @category Analysis
 */
export function goalSeek(budget: Budget, spec: GoalSeekSpec): GoalSeekResult {
  budget = requireBudget('goalSeek', 'budget', budget);
  return deepFreeze(solve(readSpec('goalSeek', budget, spec)));
}

/**
 * {@link goalSeek} for each year on its own: per year the threshold at which the outcome holds in that year. An input
 * with years of its own (a line's amount) is set in those years; without, in the year solved.
 * @param budget - the budget
 * @param spec - as for {@link goalSeek}; `years` are the years to solve one by one (default every year of the horizon)
 * @returns a frozen {@link GoalSeekPerYear}
 * @throws MeerjarenError as {@link goalSeek}; `invalid_option` at `spec.outcome` for an outcome without years
 * @example
 * ```ts
 * import { budget, withTargets, goalSeekPerYear } from 'meerjaren';
 *
 * const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2026, to: 2029 } })
 *   .section('4', 'Bezuinigingen').line('HA', 'Taakstelling (stelpost)', ['7', '8', '9', '10'], { nature: 'structural' }).build();
 * const ha = withTargets(table, [{ id: 'ha', title: 'Taakstelling', unit: 'million', path: { 2026: '7', 2027: '8', 2028: '9', 2029: '10' },
 *   measures: [{ id: 'all', title: 'Maatregelen', status: 'in-preparation', planned: { 2026: '8', 2027: '9.5', 2028: '10.75', 2029: '12' } }] }]);
 *
 * const r = goalSeekPerYear(ha, { input: { kind: 'measure-rate', target: 'ha' }, outcome: { kind: 'target-gap', target: 'ha' } });
 * const at = (y: string): string => { const x = r.perYear[y]!; return x.attainable ? x.threshold.toFixed() : '-'; };
 * at('2026'); // "0.875"
 * at('2029'); // "0.833334": 10/12 rounded up to the next ppm, so the target is filled
 * ```
 * @category Analysis
 */
export function goalSeekPerYear(budget: Budget, spec: GoalSeekSpec): GoalSeekPerYear {
  budget = requireBudget('goalSeekPerYear', 'budget', budget);
  const read = readSpec('goalSeekPerYear', budget, spec);
  if (!read.outcomeEntry.yearly) fail('invalid_option', ['spec', 'outcome'], `goalSeekPerYear: the outcome "${read.outcome.kind}" has no years; use goalSeek`);
  const inputHasYears = isRecord(spec.input) && (spec.input as { years?: unknown }).years !== undefined;
  const perYear: Record<string, GoalSeekResult> = {};
  for (const year of read.years) perYear[String(year)] = solve({ ...read, years: [year], inputYears: inputHasYears ? read.inputYears : [year] });
  return deepFreeze({ years: read.years, perYear });
}
