import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import type { Budget } from '../model/budget.js';
import { requireBudget } from '../validate/admit.js';
import { withCover } from '../validate/with-cover.js';
import { withTargets } from '../validate/with-targets.js';
import type { Change, Scenario } from '../scenario/types.js';
import { idArb, uniqueIdsArb } from './amounts.js';
import { budgetArb, type BudgetArbOptions } from './budgets.js';

// The cover and savings-target arbitraries of `meerjaren/testing`: cover and targets for a budget, and scenarios
// of cover and target changes for it.

/** An amount of a cover source, claim, target or measure: 0 to 4000 in the budget's unit. */
const amount = fc.integer({ min: 0, max: 4000 }).map(String);

/** Every line and component id of a budget, in order. */
function rowIds(budget: Budget): string[] {
  return budget.sections.flatMap((s) => s.lines.flatMap((l) => [l.id, ...l.components.map((c) => c.id)]));
}

/** An amount for each year of the horizon, keyed by year. */
function perYearArb(budget: Budget): Arbitrary<Record<string, string>> {
  const years = budget.horizon.years.map(String);
  return fc.array(amount, { minLength: years.length, maxLength: years.length }).map((vs) => Object.fromEntries(vs.map((v, i) => [years[i]!, v])));
}

/**
 * A budget with drawn cover (dekking: 2-3 sources: the OAD with a capacity per year, maybe a windfall with a
 * total, a reserve with an opening balance; 0-4 claims on its lines and components with every extent: full,
 * a share, amounts per year, with or without years) and savings targets (taakstellingen: 1-2 targets, a path per
 * year that may turn pm from a year on, 0-3 decided measures with every realisation), valid by construction.
 * Ids of every kind are drawn by {@link idArb} (`Object.prototype` member names among them). Amounts are 0 to
 * 4000 in the budget's unit. Any cover and targets the budget had are replaced.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { evaluateCover } from 'meerjaren';
 * import { budgetArb, withCoverArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(budgetArb().chain(withCoverArb), (b) => evaluateCover(b).claims.length === b.cover!.claims.length), { numRuns: 20, seed: 1 });
 * ```
 * @param budget - the budget to cover
 * @category Testing
 */
export function withCoverArb(budget: Budget): Arbitrary<Budget> {
  budget = requireBudget('withCoverArb', 'budget', budget);
  const years = budget.horizon.years.map(String);
  const rows = rowIds(budget);
  const perYear = perYearArb(budget);
  const ids = fc.record({ sources: uniqueIdsArb(3), claims: uniqueIdsArb(4), targets: uniqueIdsArb(2), measures: fc.tuple(uniqueIdsArb(3), uniqueIdsArb(3)) });
  return ids.chain((id) => {
    const sources = fc.tuple(perYear, amount, amount, fc.boolean()).map(([py, total, opening, withTotal]) => [
      { id: id.sources[0]!, title: 'OAD', kind: 'oad', nature: 'structural', capacity: { perYear: py } },
      ...(withTotal ? [{ id: id.sources[1]!, title: 'Meevaller', kind: 'windfall', nature: 'incidental', capacity: { total } }] : []),
      { id: id.sources[2]!, title: 'Reserve', kind: 'reserve', nature: 'incidental', reserve: { opening } },
    ]);
    return sources.chain((srcs) => {
      const claims = rows.length === 0 ? fc.constant([]) : claimsArb(budget, rows, srcs.map((s) => s.id), id.claims);
      const measure = fc.record({ planned: perYear, realisation: fc.constantFrom<unknown>('as-planned', 'none', { rate: '0.5' }, { delay: 1 }) });
      const target = fc.record({ path: perYear, pmFrom: fc.option(fc.constantFrom(...years), { nil: undefined }), measures: fc.array(measure, { maxLength: 3 }) });
      const targets = fc.array(target, { minLength: 1, maxLength: 2 }).map((ts) =>
        ts.map((t, i) => ({
          id: id.targets[i]!,
          title: `Taakstelling ${i + 1}`,
          path: Object.fromEntries(Object.entries(t.path).map(([y, v]) => [y, t.pmFrom !== undefined && y >= t.pmFrom ? 'pm' : v])),
          measures: t.measures.map((m, j) => ({ id: id.measures[i]![j]!, title: `Maatregel ${j + 1}`, status: 'decided', planned: m.planned, realisation: m.realisation })),
        })),
      );
      return fc.tuple(claims, targets).map(([cs, ts]) => withTargets(withCover(budget, { sources: srcs, claims: cs }), ts));
    });
  });
}

/** 0-4 claims on the rows, each with a source, an extent and maybe years. */
function claimsArb(budget: Budget, rows: readonly string[], sourceIds: readonly string[], claimIds: readonly string[]): Arbitrary<object[]> {
  const claim = fc.record({
    target: fc.constantFrom(...rows),
    source: fc.constantFrom(...sourceIds),
    extent: fc.oneof(fc.constant({}), fc.integer({ min: 0, max: 10 }).map((n) => ({ share: String(n / 10) })), perYearArb(budget).map((a) => ({ amount: a }))),
    years: fc.option(fc.subarray([...budget.horizon.years], { minLength: 1 }), { nil: undefined }),
  });
  return fc.array(claim, { maxLength: 4 }).map((cs) => cs.map((c, i) => ({ id: claimIds[i]!, target: c.target, source: c.source, ...c.extent, ...(c.years === undefined ? {} : { years: c.years }) })));
}

/**
 * Budgets of {@link budgetArb} with cover and savings targets drawn by {@link withCoverArb}.
 * @param options - the budgets' sizes and features, as for {@link budgetArb}
 * @category Testing
 */
export function budgetWithCoverArb(options: BudgetArbOptions = {}): Arbitrary<Budget> {
  return budgetArb(options).chain((budget) => withCoverArb(budget));
}

/**
 * Valid cover and savings-target changes for a budget (wijzigingen in dekking en taakstellingen): `drop-claim`,
 * `set-claim`, `add-claim` (also `before` a claim), `set-capacity` (a whole capacity or a value in some years),
 * `set-reserve-opening`, `set-target-path` (amounts, pm or nothing) and `set-realisation` (every realisation),
 * at most one change per claim, source field and target, so they never conflict. The capacity and reserve
 * changes need an `oad` and a `reserve` source, as {@link withCoverArb} draws them; a budget without cover or
 * targets gets the changes its items allow (none for a budget without either).
 * @param budget - the baseline, with cover and targets (from {@link withCoverArb} or a document)
 * @category Testing
 */
export function coverChangesArb(budget: Budget): Arbitrary<Change[]> {
  budget = requireBudget('coverChangesArb', 'budget', budget);
  const keyed = [...claimChanges(budget), ...sourceChanges(budget), ...targetChanges(budget)];
  if (keyed.length === 0) return fc.constant([]);
  return fc.array(fc.oneof(...keyed), { maxLength: 6 }).map((pairs) => {
    const seen = new Set<string>();
    const out: Change[] = [];
    for (const [key, change] of pairs) {
      const added = change.kind === 'add-claim' ? `id ${change.claim.id}` : undefined;
      if (seen.has(key) || (added !== undefined && seen.has(added))) continue;
      seen.add(key);
      if (added !== undefined) seen.add(added);
      out.push(change);
    }
    return out;
  });
}

/** A change and the key of what it changes: a scenario holds at most one change per key. */
type Keyed = Arbitrary<[string, Change]>;

function yearsArb(budget: Budget): Arbitrary<number[]> {
  return fc.subarray([...budget.horizon.years], { minLength: 1 });
}

/** Amounts in some years of the horizon. */
function someYearsArb(budget: Budget): Arbitrary<Record<string, string>> {
  const years = budget.horizon.years;
  return fc.tuple(yearsArb(budget), fc.array(amount, { minLength: years.length, maxLength: years.length })).map(([ys, vs]) => Object.fromEntries(ys.map((y, i) => [String(y), vs[i]!])));
}

function claimChanges(budget: Budget): Keyed[] {
  const rows = rowIds(budget);
  const claims = budget.cover?.claims.map((c) => c.id) ?? [];
  const sources = Object.keys(budget.cover?.sources ?? {});
  if (sources.length === 0) return [];
  const extentArb = fc.oneof(fc.constant('full' as const), fc.integer({ min: 0, max: 4 }).map((n) => ({ share: String(n / 4) })), someYearsArb(budget).map((a) => ({ amount: a })));
  const keyed: Keyed[] = [];
  for (const id of claims) {
    keyed.push(fc.constant<[string, Change]>([`claim ${id}`, { kind: 'drop-claim', claim: id }]));
    keyed.push(
      fc.tuple(fc.option(fc.constantFrom(...sources), { nil: undefined }), fc.option(extentArb, { nil: undefined }), fc.option(fc.oneof(fc.constant('all' as const), yearsArb(budget)), { nil: undefined })).map(
        ([source, extent, ys]): [string, Change] => [
          `claim ${id}`,
          { kind: 'set-claim', claim: id, ...(source === undefined ? {} : { source }), ...(extent === undefined ? {} : { extent }), ...(ys === undefined && source === undefined && extent === undefined ? { years: 'all' as const } : ys === undefined ? {} : { years: ys }) },
        ],
      ),
    );
  }
  if (rows.length === 0) return keyed;
  const newClaimId = idArb().filter((id) => !claims.includes(id));
  keyed.push(
    fc.tuple(newClaimId, fc.constantFrom(...rows), fc.constantFrom(...sources), extentArb, fc.option(yearsArb(budget), { nil: undefined }), fc.boolean()).map(([n, target, source, extent, ys, first]): [string, Change] => [
      first && claims.length > 0 ? `claim ${claims[0]!}` : `new ${n}`, // inserting before a claim rules out changing that claim
      { kind: 'add-claim', claim: { id: n, target, source, extent, ...(ys === undefined ? {} : { years: ys }) }, ...(first && claims.length > 0 ? { before: claims[0]! } : {}) },
    ]),
  );
  return keyed;
}

function sourceChanges(budget: Budget): Keyed[] {
  const years = budget.horizon.years;
  const sourceOf = (kind: string): string | undefined => Object.values(budget.cover?.sources ?? {}).find((s) => s.kind === kind)?.id;
  const oad = sourceOf('oad');
  const reserve = sourceOf('reserve');
  const keyed: Keyed[] = [];
  if (oad !== undefined) {
    keyed.push(
      fc.oneof(
        someYearsArb(budget).map((a) => ({ perYear: a })),
        fc.tuple(amount, fc.constantFrom(...years)).map(([total, from]) => ({ total, from })),
        fc.constant('unlimited' as const),
      ).map((capacity): [string, Change] => [`capacity ${oad}`, { kind: 'set-capacity', source: oad, capacity }]),
      fc.tuple(yearsArb(budget), amount).map(([ys, value]): [string, Change] => [`capacity ${oad}`, { kind: 'set-capacity', source: oad, years: ys, value }]),
    );
  }
  if (reserve !== undefined) keyed.push(amount.map((value): [string, Change] => [`opening ${reserve}`, { kind: 'set-reserve-opening', source: reserve, value }]));
  return keyed;
}

function targetChanges(budget: Budget): Keyed[] {
  const keyed: Keyed[] = [];
  for (const t of Object.values(budget.targets ?? {})) {
    keyed.push(
      fc.tuple(yearsArb(budget), fc.oneof(amount, fc.constant('pm'), fc.constant(null))).map(([ys, value]): [string, Change] => [`path ${t.id}`, { kind: 'set-target-path', target: t.id, years: ys, value }]),
    );
    const measures = Object.keys(t.measures);
    if (measures.length === 0) continue;
    const realisation = fc.oneof(
      fc.constantFrom('as-planned' as const, 'none' as const),
      fc.integer({ min: 0, max: 10 }).map((n) => ({ rate: String(n / 10) })),
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.option(fc.integer({ min: 0, max: 4 }).map((n) => String(n / 4)), { nil: undefined })).map(([delay, rate]) => ({ delay, ...(rate === undefined ? {} : { rate }) })),
    );
    keyed.push(
      fc.tuple(fc.option(fc.subarray(measures, { minLength: 1 }), { nil: undefined }), realisation).map(([ms, r]): [string, Change] => [
        `measures ${t.id}`,
        { kind: 'set-realisation', target: t.id, ...(ms === undefined ? {} : { measures: ms }), realisation: r },
      ]),
    );
  }
  return keyed;
}

/**
 * Valid scenarios of cover and target changes for a budget ({@link coverChangesArb}).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { applyScenario, evaluate } from 'meerjaren';
 * import { budgetWithCoverArb, coverScenarioArb } from 'meerjaren/testing';
 *
 * // cover and targets never change the budget's own totals
 * const cases = budgetWithCoverArb().chain((b) => coverScenarioArb(b).map((s) => ({ b, s })));
 * fc.assert(fc.property(cases, ({ b, s }) => evaluate(applyScenario(b, s).budget).total[b.horizon.years[0]!]!.amount.eq(evaluate(b).total[b.horizon.years[0]!]!.amount)), { numRuns: 20, seed: 1 });
 * ```
 * @param budget - the baseline, with cover and targets
 * @category Testing
 */
export function coverScenarioArb(budget: Budget): Arbitrary<Scenario> {
  budget = requireBudget('coverScenarioArb', 'budget', budget);
  return coverChangesArb(budget).map((changes): Scenario => ({ id: 'dekking', title: 'Dekking en taakstellingen', changes }));
}
