import fc from 'fast-check';
import type { Budget } from '../../src/model/budget.js';
import { withCover } from '../../src/validate/with-cover.js';
import { withTargets } from '../../src/validate/with-targets.js';
import type { Change, Scenario } from '../../src/scenario/types.js';
import { idArb, uniqueIdsArb } from '../../src/testing/index.js';
import { budgetArb } from './arbitraries.js';

const amount = fc.integer({ min: 0, max: 4000 }).map(String);

function rowIds(budget: Budget): string[] {
  return budget.sections.flatMap((s) => s.lines.flatMap((l) => [l.id, ...l.components.map((c) => c.id)]));
}

/**
 * A small budget (from {@link budgetArb}) with cover (2-3 sources: per year, total, a reserve; 0-4 claims on its
 * rows) and savings targets (1-2 targets with 0-3 measures), valid by construction.
 */
export function budgetWithItemsArb(): fc.Arbitrary<Budget> {
  return budgetArb().chain((budget) => {
    const years = budget.horizon.years.map(String);
    const rows = rowIds(budget);
    const perYear = fc.array(amount, { minLength: years.length, maxLength: years.length }).map((vs) => Object.fromEntries(vs.map((v, i) => [years[i]!, v])));
    // ids of every kind (Object.prototype member names among them): sources, claims, targets, measures
    const ids = fc.record({ sources: uniqueIdsArb(3), claims: uniqueIdsArb(4), targets: uniqueIdsArb(2), measures: fc.tuple(uniqueIdsArb(3), uniqueIdsArb(3)) });
    return ids.chain((id) => {
    const sources = fc.tuple(perYear, amount, amount, fc.boolean()).map(([py, total, opening, withTotal]) => [
      { id: id.sources[0]!, title: 'OAD', kind: 'oad', nature: 'structural', capacity: { perYear: py } },
      ...(withTotal ? [{ id: id.sources[1]!, title: 'Meevaller', kind: 'windfall', nature: 'incidental', capacity: { total } }] : []),
      { id: id.sources[2]!, title: 'Reserve', kind: 'reserve', nature: 'incidental', reserve: { opening } },
    ]);
    return sources.chain((srcs) => {
      const sourceIds = srcs.map((s) => s.id);
      const claim = fc.record({
        target: fc.constantFrom(...rows),
        source: fc.constantFrom(...sourceIds),
        extent: fc.oneof(fc.constant({}), fc.integer({ min: 0, max: 10 }).map((n) => ({ share: String(n / 10) })), perYear.map((a) => ({ amount: a }))),
        years: fc.option(fc.subarray([...budget.horizon.years], { minLength: 1 }), { nil: undefined }),
      });
      const claims = fc.array(claim, { maxLength: 4 }).map((cs) => cs.map((c, i) => ({ id: id.claims[i]!, target: c.target, source: c.source, ...c.extent, ...(c.years === undefined ? {} : { years: c.years }) })));
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
  });
}

/**
 * Cover and target changes for a budget from {@link budgetWithItemsArb}: at most one change per claim, source
 * field and target/measure, so they never conflict; valid by construction.
 */
export function itemChangesArb(budget: Budget): fc.Arbitrary<Change[]> {
  const years = budget.horizon.years;
  const yearsArb = fc.subarray([...years], { minLength: 1 });
  const rows = rowIds(budget);
  const claims = budget.cover?.claims.map((c) => c.id) ?? [];
  const sources = Object.keys(budget.cover?.sources ?? {});
  const sourceOf = (kind: string): string => Object.values(budget.cover?.sources ?? {}).find((s) => s.kind === kind)!.id;
  const oad = sourceOf('oad');
  const reserve = sourceOf('reserve');
  const newClaimId = idArb().filter((id) => !claims.includes(id));
  const targets = Object.values(budget.targets ?? {});
  const amountsArb = fc.tuple(yearsArb, fc.array(amount, { minLength: years.length, maxLength: years.length })).map(([ys, vs]) => Object.fromEntries(ys.map((y, i) => [String(y), vs[i]!])));
  const extentArb = fc.oneof(fc.constant('full' as const), fc.integer({ min: 0, max: 4 }).map((n) => ({ share: String(n / 4) })), amountsArb.map((a) => ({ amount: a })));
  // keyed so a scenario has at most one change per key
  const keyed: fc.Arbitrary<[string, Change]>[] = [];
  for (const id of claims) {
    keyed.push(fc.constant<[string, Change]>([`claim ${id}`, { kind: 'drop-claim', claim: id }]));
    keyed.push(
      fc.tuple(fc.option(fc.constantFrom(...sources), { nil: undefined }), fc.option(extentArb, { nil: undefined }), fc.option(fc.oneof(fc.constant('all' as const), yearsArb), { nil: undefined })).map(
        ([source, extent, ys]): [string, Change] => [
          `claim ${id}`,
          { kind: 'set-claim', claim: id, ...(source === undefined ? {} : { source }), ...(extent === undefined ? {} : { extent }), ...(ys === undefined && source === undefined && extent === undefined ? { years: 'all' as const } : ys === undefined ? {} : { years: ys }) },
        ],
      ),
    );
  }
  keyed.push(
    fc.tuple(newClaimId, fc.constantFrom(...rows), fc.constantFrom(...sources), extentArb, fc.option(yearsArb, { nil: undefined }), fc.boolean()).map(([n, target, source, extent, ys, first]): [string, Change] => [
      first && claims.length > 0 ? `claim ${claims[0]!}` : `new ${n}`, // inserting before a claim rules out changing that claim
      { kind: 'add-claim', claim: { id: n, target, source, extent, ...(ys === undefined ? {} : { years: ys }) }, ...(first && claims.length > 0 ? { before: claims[0]! } : {}) },
    ]),
  );
  keyed.push(
    fc.oneof(
      amountsArb.map((a) => ({ perYear: a })),
      fc.tuple(amount, fc.constantFrom(...years)).map(([total, from]) => ({ total, from })),
      fc.constant('unlimited' as const),
    ).map((capacity): [string, Change] => [`capacity ${oad}`, { kind: 'set-capacity', source: oad, capacity }]),
    fc.tuple(yearsArb, amount).map(([ys, value]): [string, Change] => [`capacity ${oad}`, { kind: 'set-capacity', source: oad, years: ys, value }]),
  );
  keyed.push(amount.map((value): [string, Change] => [`opening ${reserve}`, { kind: 'set-reserve-opening', source: reserve, value }]));
  for (const t of targets) {
    keyed.push(
      fc.tuple(yearsArb, fc.oneof(amount, fc.constant('pm'), fc.constant(null))).map(([ys, value]): [string, Change] => [`path ${t.id}`, { kind: 'set-target-path', target: t.id, years: ys, value }]),
    );
    const measures = Object.keys(t.measures);
    if (measures.length > 0) {
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
  }
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

/** A budget with cover and targets, and a scenario of cover and target changes for it. */
export function budgetAndItemScenarioArb(): fc.Arbitrary<{ budget: Budget; scenario: Scenario }> {
  return budgetWithItemsArb().chain((budget) => itemChangesArb(budget).map((changes) => ({ budget, scenario: { id: 'dekking', title: 'Dekking en taakstellingen', changes } })));
}
