import { deepFreeze } from '../core/freeze.js';
import { idRecord } from '../core/records.js';
import type { Budget } from '../model/budget.js';
import { evaluate, type Evaluation } from './evaluate.js';
import type { CoverClaim } from '../model/cover.js';
import { bookedMismatches } from './booked.js';
import { requireArgument } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';
import { EVALUATION } from '../validate/result-checks.js';
import type { CoverEvaluation, CoverFinding, CoverFindingCode, CoverYear, RowCover, SourceResult } from './cover-types.js';
import { coverState, coverYear, k, rowTotalsOf, type CoverState } from './cover-year.js';

export type {
  ClaimResult,
  ClaimYear,
  CoverEvaluation,
  CoverFinding,
  CoverFindingCode,
  CoverYear,
  ReserveYear,
  RowCover,
  RowCoverYear,
  SourceResult,
  SourceYear,
} from './cover-types.js';

/**
 * Evaluates the cover of a budget (dekking doorrekenen), year by year: what each claim asks and gets, what each
 * row has covered and uncovered, what each source gives and has left, reserve balance paths, and findings.
 *
 * @remarks
 * A source serves its claims in their order; it never gives more than it can: what claims ask beyond that stays
 * uncovered and is reported as an `over_commitment` finding naming every claim on it that year (never capped in
 * silence, never an exception). Other findings: `reserve_below_zero`, `structural_on_incidental` (a structural cost
 * paid from an incidental source), `over_claimed` (claims on a row ask more than its cost), `claim_on_pm` (a claimed
 * row has a pm post, so its cost is not known), `unknown_source` / `unknown_target` when a scenario removed
 * what a claim refers to, `unknown_line` when a `line` capacity or a reserve's `bookedIn` names a row the budget no
 * longer has, and `reserve_mutation_mismatch` when the row a reserve's planned mutations are booked in does not
 * hold them (its lasten less than the additions or its baten less than the withdrawals, in a year without pm; the
 * finding names the source, the row and the year, its amount is what the row does not hold). A budget without
 * cover evaluates to empty results.
 *
 * @param budget - the budget, with `cover`
 * @param evaluation - its evaluation, when at hand
 * @example
 * ```ts
 * import { budget, pm, withCover, evaluateCover } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * const covered = withCover(tb1, {
 *   sources: [{ id: 'reserve', title: 'Algemene reserve', kind: 'reserve', nature: 'incidental', capacity: 'balance', reserve: { opening: 800 } }],
 *   claims: [{ id: 'res-1.4', target: '1.4', source: 'reserve' }],
 * });
 * const cover = evaluateCover(covered);
 * const reserve2025 = cover.sources['reserve']!.years['2025']!;
 * reserve2025.given.toFixed();         // "800000" (euros): the whole balance
 * reserve2025.overCommitted.toFixed(); // "300000": 1.4 asks 1.100.000, so 300.000 stays uncovered
 * ```
 * @category Cover
 */
export function evaluateCover(budget: Budget, evaluation?: Evaluation): CoverEvaluation {
  budget = requireBudget('evaluateCover', 'budget', budget);
  if (evaluation === undefined) evaluation = evaluate(budget);
  else requireArgument('evaluateCover', 'evaluation', evaluation, EVALUATION);
  const years = budget.horizon.years;
  const state = coverState(budget.cover?.sources ?? {}, budget.cover?.claims ?? [], rowTotalsOf(evaluation));
  const perYear: Record<string, CoverYear> = {};
  for (const year of years) perYear[String(year)] = coverYear(state, evaluation, year);
  state.findings.push(...bookedFindings(budget));
  return deepFreeze({ years, ...coverResults(state), perYear, findings: sortFindings(state.findings) });
}

/** The order of findings within a year, by kind. */
const FINDING_ORDER: Record<CoverFindingCode, number> = {
  over_commitment: 0,
  reserve_below_zero: 1,
  structural_on_incidental: 2,
  over_claimed: 3,
  claim_on_pm: 4,
  unknown_source: 5,
  unknown_target: 6,
  unknown_line: 7,
  reserve_mutation_mismatch: 8,
};

/** Findings by year, then kind, then the order they were found in. */
function sortFindings(findings: readonly CoverFinding[]): CoverFinding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.year - b.f.year || FINDING_ORDER[a.f.code] - FINDING_ORDER[b.f.code] || a.i - b.i).map((x) => x.f);
}

/** The claims, claimed rows and sources of the evaluation, gathered over the years. */
function coverResults(state: CoverState): Pick<CoverEvaluation, 'claims' | 'rows' | 'sources'> {
  const rowsOut = idRecord<RowCover>();
  for (const [id, ys] of state.rowYears) rowsOut[id] = { id, line: state.rows.get(id)?.line ?? id, years: ys };
  const sourcesOut = idRecord<SourceResult>();
  for (const source of Object.values(state.sources)) {
    const reserve = state.reserveYears.get(source.id);
    sourcesOut[source.id] = {
      id: source.id,
      title: source.title,
      kind: source.kind,
      nature: source.nature,
      inTable: source.capacity.kind === 'line',
      years: state.sourceYears.get(source.id) ?? {},
      ...(reserve === undefined ? {} : { reserve }),
    };
  }
  return {
    claims: state.claims.map((c: CoverClaim) => ({ id: c.id, target: c.target, source: c.source, years: state.claimYears.get(c.id) ?? {} })),
    rows: rowsOut,
    sources: sourcesOut,
  };
}

/** Findings on planned reserve mutations and the row they are booked in (`bookedIn`), one per source and year. */
function bookedFindings(budget: Budget): CoverFinding[] {
  const out: CoverFinding[] = [];
  for (const m of bookedMismatches(budget)) {
    const last = out[out.length - 1];
    if (last !== undefined && last.source === m.source && last.year === m.year) {
      out[out.length - 1] = { ...last, amount: last.amount.plus(m.excess) };
      continue;
    }
    out.push(
      m.missing
        ? { code: 'unknown_line', year: m.year, source: m.source, target: m.row, claims: [], amount: m.excess, message: `the planned mutations of ${m.source} in ${m.year} are booked in "${m.row}", which is not in the budget` }
        : {
            code: 'reserve_mutation_mismatch',
            year: m.year,
            source: m.source,
            target: m.row,
            claims: [],
            amount: m.excess,
            message: `the planned mutations of ${m.source} in ${m.year} are booked in ${m.row}, but its lasten do not hold the additions or its baten the withdrawals: ${k(m.excess)} is not in the row`,
          },
    );
  }
  return out;
}
