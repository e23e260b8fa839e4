/**
 * Monte Carlo on a baseline and variants with common random numbers (varianten vergelijken): every run draws the
 * same numbers for the same inputs, so the difference variant - baseline per draw shows the variant, not noise.
 * @packageDocumentation
 */
import { MeerjarenError, IssueCollector, issue, type Path } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';
import type { Budget } from '../../model/budget.js';
import { applyScenario } from '../../evaluate/apply-scenario.js';
import type { Scenario, ScenarioLibrary } from '../../scenario/types.js';
import { createKernel } from './kernel.js';
import { planMeta, type MonteCarloPlan } from './plan-data.js';
import { buildPlan } from './plan.js';
import { anything, arrayOf, object, requireArgument, requireArray, text } from '../../core/guard.js';
import { requireBudget } from '../../validate/admit.js';
import { requireBudgetAt } from '../../validate/result-checks.js';
import { SCENARIO_LIBRARY } from '../../scenario/references.js';

/** The most variants of one comparison (each is a run of its own). */
export const MAX_VARIANTS = 100;
import { outcome, summariseRun } from './summary.js';
import type { MonteCarloOptions, MonteCarloResult, OutcomeSummary, OutcomesByYear } from './types.js';
import { unitsOf } from './units.js';
import { runUnitOf } from './amount-unit.js';
import type { Unit } from '../../model/values.js';

/**
 * A variant to compare with the baseline (variant): a budget of its own, or a scenario applied to the baseline
 * (`applyScenario`).
 * @category Uncertainty
 */
export type MonteCarloVariant =
  | {
      /** Id, unique among the variants. */
      readonly id: string;
      /** Label for reports; defaults to the id. */
      readonly label?: string;
      /** The variant's own budget (begroting), drawn with the same inputs as the baseline. */
      readonly budget: Budget;
    }
  | {
      /** Id, unique among the variants. */
      readonly id: string;
      /** Label for reports; defaults to the scenario's title. */
      readonly label?: string;
      /** The scenario applied to the baseline (`applyScenario`). */
      readonly scenario: Scenario;
      /** Scenarios the scenario may extend (scenariobibliotheek). */
      readonly library?: ScenarioLibrary;
    };

/**
 * The distribution of the difference variant - baseline (verschil), draw by draw, in the comparison's unit: both are drawn with
 * the same numbers, so the difference shows what the variant changes, not noise.
 * @category Uncertainty
 */
export interface MonteCarloDifference {
  /** Difference of the saldo per year. */
  readonly saldo: OutcomesByYear;
  /** Difference of the structural saldo per year. */
  readonly structural: OutcomesByYear;
  /** Per target of the options, in order: the difference of its total (the gap moves by minus this). */
  readonly targets: readonly {
    /** Id of the target (`TargetSpec.id`). */
    readonly id: string;
    /** Difference of the target's total per year. */
    readonly total: OutcomesByYear;
  }[];
  /** Per savings target in both budgets (by id, baseline order): the difference of the realised savings and of the gap. */
  readonly savings: readonly {
    /** Id of the savings target (taakstelling). */
    readonly id: string;
    /** Difference of the realised savings (gerealiseerd) per year. */
    readonly realised: OutcomesByYear;
    /** Difference of the gap (tekort) per year. */
    readonly gap: OutcomesByYear;
  }[];
  /** The difference of the uncovered amount (when the cover is reported). */
  readonly uncovered?: OutcomesByYear;
}

/** One variant of a comparison: its own result and its difference from the baseline. @category Uncertainty */
export interface VariantComparison {
  /** Variant id. */
  readonly id: string;
  /** Label (the variant's, the scenario's title, or the id). */
  readonly label: string;
  /** The variant's own result. */
  readonly result: MonteCarloResult;
  /** Variant - baseline, draw by draw. */
  readonly difference: MonteCarloDifference;
}

/** The result of {@link compareMonteCarlo}. A frozen value. @category Uncertainty */
export interface MonteCarloComparison {
  /** The unit of every amount (the options' `unit`, or the baseline's own), of the differences and of each run. */
  readonly unit: Unit;
  /** The baseline's result. */
  readonly baseline: MonteCarloResult;
  /** The variants, in the order given. */
  readonly variants: readonly VariantComparison[];
}

/** Rethrows a MeerjarenError with its issue paths under `prefix`; any other error as it is. */
function prefixed(error: unknown, prefix: Path): never {
  if (MeerjarenError.is(error)) throw new MeerjarenError(error.issues.map((i) => issue(i.code, [...prefix, ...i.pathSegments], i.message)));
  throw error;
}

/** The budget and label of each variant: its own budget, or the baseline with its scenario applied; ids checked first. */
function variantBudgets(baseline: Budget, variants: readonly MonteCarloVariant[]): { readonly budget: Budget; readonly label: string }[] {
  const issues = new IssueCollector();
  const ids = new Set<string>();
  variants.forEach((v, i) => {
    if (typeof v.id !== 'string' || v.id === '') issues.add('missing_field', ['variants', i, 'id'], 'a variant needs an id');
    else if (ids.has(v.id)) issues.add('duplicate_id', ['variants', i, 'id'], `variant id "${v.id}" is used twice`);
    ids.add(v.id);
  });
  issues.throwIfAny();
  return variants.map((v, i) => {
    if ('budget' in v) return { budget: requireBudgetAt('compareMonteCarlo', ['variants', i, 'budget'], v.budget), label: v.label ?? v.id };
    try {
      const applied = applyScenario(baseline, v.scenario, v.library);
      return { budget: applied.budget, label: v.label ?? applied.title };
    } catch (error) {
      return prefixed(error, ['variants', i, 'scenario']);
    }
  });
}

/**
 * Monte Carlo on a baseline and variants with common random numbers (gemeenschappelijke toevalsgetallen):
 * every run uses the same seed, and draw `d` of an input id (or group) gets the same random number in every
 * run, so the distribution of the difference variant - baseline per draw reflects the variant, not noise. A
 * variant that changes nothing gives a difference of exactly 0 in every draw; a variant that adds a fixed
 * amount gives exactly that amount at every percentile.
 *
 * @remarks
 * The inputs, targets and options are the same for every run; each input must find its rows (and targets,
 * measures, sources) in every variant. All runs count in the same unit (the finest any of them needs), so
 * differences are exact. Amounts, written and given, are in the options' `unit` or else the baseline's own unit, for
 * every run (a variant budget in another unit reads the same inputs as the baseline).
 *
 * @param baseline - the baseline budget
 * @param variants - budgets or scenarios, each with an id
 * @param options - as {@link monteCarlo}
 * @returns a frozen {@link MonteCarloComparison}
 * @throws MeerjarenError as {@link monteCarlo}, paths of a variant prefixed with `variants[i]`;
 *   `duplicate_id` when two variants share an id; scenario errors of `applyScenario`
 * @example
 * ```ts
 * import { budget, pm, compareMonteCarlo, loadScenario } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const halving = loadScenario({ id: 'halvering', title: 'Halvering 1.7', changes: [
 *   { kind: 'set-amount', line: '1.7', years: { from: 2026 }, value: { percent: '50' } },
 * ] });
 * const cmp = compareMonteCarlo(tb1, [{ id: 'halvering', scenario: halving }], { seed: 2026, draws: 1000, inputs: [
 *   { id: '1.4', kind: 'amount', rows: ['1.4'], distribution: { kind: 'triangular', low: '-1500', likely: '-1100', high: '-600' } }, // x € 1.000
 * ] });
 * cmp.variants[0]!.difference.saldo['2027']!.percentiles['p50']!.toFixed(); // "185.5": x € 1.000 (the budget's unit), the same in every draw
 * ```
 * @category Uncertainty
 */
export function compareMonteCarlo(baseline: Budget, variants: readonly MonteCarloVariant[], options: MonteCarloOptions): MonteCarloComparison {
  baseline = requireBudget('compareMonteCarlo', 'baseline', baseline);
  requireArray('compareMonteCarlo', 'variants', variants, 'a list of variants', { maxLength: MAX_VARIANTS });
  requireArgument('compareMonteCarlo', 'variants', variants, arrayOf(object({ id: anything, label: text(), budget: anything, scenario: anything, library: SCENARIO_LIBRARY })));
  const budgets = variantBudgets(baseline, variants);
  // every run reads the amounts in one unit: the options' or the baseline's (a variant's own unit does not count)
  const unit = runUnitOf(options?.unit, baseline);
  const runOptions: MonteCarloOptions = options !== null && typeof options === 'object' && !Array.isArray(options) && options.unit === undefined ? { ...options, unit } : options;
  const planAll = (minDecimals: number): MonteCarloPlan[] => [
    buildPlan(baseline, runOptions, minDecimals, 'compareMonteCarlo'),
    ...budgets.map((b, i) => {
      try {
        return buildPlan(b.budget, runOptions, minDecimals, 'compareMonteCarlo');
      } catch (error) {
        return prefixed(error, ['variants', i]);
      }
    }),
  ];
  let plans = planAll(0);
  const decimals = Math.max(...plans.map((p) => planMeta(p).compiled.decimals));
  if (plans.some((p) => planMeta(p).compiled.decimals !== decimals)) plans = planAll(decimals);
  const draws = planMeta(plans[0]!).draws;
  const raws = plans.map((plan) => {
    const raw = new Float64Array(draws * plan.stride);
    createKernel(plan).run(0, draws, raw);
    return raw;
  });
  const results = plans.map((plan, i) => summariseRun(plan, raws[i]!));
  const basePlan = plans[0]!;
  const baseMeta = planMeta(basePlan);
  const Y = basePlan.yearCount;
  const years = baseMeta.compiled.years;
  const percentiles = baseMeta.percentiles;
  const column = new Float64Array(draws);
  const comparisons: VariantComparison[] = budgets.map((b, i) => {
    const plan = plans[i + 1]!;
    const raw = raws[i + 1]!;
    const meta = planMeta(plan);
    const diff = (baseOffset: number, variantOffset: number): OutcomesByYear => {
      const out: Record<string, OutcomeSummary> = {};
      years.forEach((year, y) => {
        for (let d = 0; d < draws; d++) {
          const delta = raw[d * plan.stride + variantOffset + y]! - raws[0]![d * basePlan.stride + baseOffset + y]!;
          column[d] = delta === 0 ? 0 : delta;
        }
        out[year] = outcome(column, percentiles, decimals, unit);
      });
      return out;
    };
    const T = baseMeta.targets.length;
    const targets = baseMeta.targets.map((t, ti) => ({ id: t.id, total: diff((2 + ti) * Y, (2 + ti) * Y) }));
    const savings = baseMeta.savingsTargets.flatMap((t, ti) => {
      const vi = meta.savingsTargets.findIndex((v) => v.id === t.id);
      if (vi < 0) return [];
      const baseOffset = (2 + T + ti) * Y;
      const variantOffset = (2 + T + vi) * Y;
      // gap = path - realised, so its difference is (path_v - path_b) - (realised_v - realised_b)
      const realised = diff(baseOffset, variantOffset);
      const gap: Record<string, OutcomeSummary> = {};
      years.forEach((year, y) => {
        const shift = unitsOf(meta.savingsPath[vi]![y]!, decimals) - unitsOf(baseMeta.savingsPath[ti]![y]!, decimals);
        for (let d = 0; d < draws; d++) {
          const delta = shift - (raw[d * plan.stride + variantOffset + y]! - raws[0]![d * basePlan.stride + baseOffset + y]!);
          column[d] = delta === 0 ? 0 : delta;
        }
        gap[year] = outcome(column, percentiles, decimals, unit);
      });
      return [{ id: t.id, realised, gap }];
    });
    const coverOffset = (p: MonteCarloPlan): number => (2 + p.targetCount + p.savingsCount) * Y;
    const difference: MonteCarloDifference = {
      saldo: diff(0, 0),
      structural: diff(Y, Y),
      targets,
      savings,
      ...(basePlan.coverActive === 1 && plan.coverActive === 1 ? { uncovered: diff(coverOffset(basePlan), coverOffset(plan)) } : {}),
    };
    return { id: variants[i]!.id, label: b.label, result: results[i + 1]!, difference };
  });
  return deepFreeze({ unit, baseline: results[0]!, variants: comparisons });
}
