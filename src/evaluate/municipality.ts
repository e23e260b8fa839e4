/**
 * The whole municipality evaluated (de hele gemeente doorgerekend): each programme's saldo van baten en lasten and
 * reserve mutations, the OAD, overhead, vennootschapsbelasting and onvoorzien; their sum, the begrotingssaldo; the
 * overview of incidental income and expenses, the structural saldo and the supervisor's verdict of the whole; and the
 * double entry of "dekking via OAD" with its findings.
 * @module
 */
import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { integer, readOptions } from '../core/guard.js';
import { MAX_HORIZON_YEARS } from '../core/horizon.js';
import { idRecord, ownValue } from '../core/records.js';
import type { Budget, Nature } from '../model/budget.js';
import { RESERVE_MUTATION_TAG, type MunicipalPart, type Municipality } from '../model/municipality.js';
import type { Total } from '../model/evaluation.js';
import { requireMunicipality } from '../validate/municipality.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { evaluateCover, type CoverEvaluation } from './cover.js';
import { structuralBalance, type BalanceVerdict, type BalanceWarning, type IncidentalItem, type StructuralBalance } from './structural.js';

/** Options of {@link evaluateMunicipality}. @category Balance */
export interface MunicipalityOptions {
  /**
   * An item marked incidental with amounts in more than this many years is suspect (as for `structuralBalance`).
   * @defaultValue 3
   */
  readonly incidentalThreshold?: number;
}

/** Where a figure of the whole comes from (onderdeel): a programme, the OAD or one of the other parts. @category Balance */
export type MunicipalSource = 'programme' | 'oad' | MunicipalPart;

/** One figure of the whole in one year: its exact amount and the pm posts in it (row ids). @category Balance */
export interface PartFigure {
  /** Exact amount in euros, effect on the saldo; pm counts as 0. */
  readonly amount: Decimal;
  /** Ids of the rows with a pm post in it. */
  readonly pm: readonly string[];
}

/**
 * The whole municipality in one year (begrotingssaldo van de gemeente):
 * `saldoBatenLasten = Σ programmes + oad + overhead + vpb + onvoorzien`,
 * `reserveMutations = Σ programmeReserves + reserves`, `begrotingssaldo = saldoBatenLasten + reserveMutations`,
 * `structural + incidental = begrotingssaldo`.
 * @category Balance
 */
export interface MunicipalityYear {
  /** Each programme's saldo van baten en lasten (its table without the reserve mutations in it), by programme id. */
  readonly programmes: Readonly<Record<string, PartFigure>>;
  /** Each programme's reserve mutations: rows tagged `reserves` and the mutations of its cover's reserves. */
  readonly programmeReserves: Readonly<Record<string, PartFigure>>;
  /** The Overzicht Algemene Dekkingsmiddelen (positive: income). */
  readonly oad: PartFigure;
  /** Overhead. */
  readonly overhead: PartFigure;
  /** Vennootschapsbelasting. */
  readonly vpb: PartFigure;
  /** Onvoorzien. */
  readonly onvoorzien: PartFigure;
  /** Reserve mutations outside the programmes. */
  readonly reserves: PartFigure;
  /** Saldo van baten en lasten of the whole. */
  readonly saldoBatenLasten: Decimal;
  /** Mutaties reserves of the whole. */
  readonly reserveMutations: Decimal;
  /** Begrotingssaldo (na mutaties reserves). */
  readonly begrotingssaldo: Decimal;
  /** What the linked OAD rows fund of the programmes' claims "dekking via OAD": in `oad` once, never added again. */
  readonly oadCover: Decimal;
  /** Incidental baten of the whole, zero or positive. */
  readonly incidentalIncome: Decimal;
  /** Incidental lasten of the whole, zero or negative. */
  readonly incidentalExpenses: Decimal;
  /** Incidental saldo = `incidentalIncome + incidentalExpenses`. */
  readonly incidental: Decimal;
  /** Structureel begrotingssaldo = `begrotingssaldo - incidental`. */
  readonly structural: Decimal;
  /** `structural >= 0`. */
  readonly structurallyBalanced: boolean;
  /** Every pm post in the begrotingssaldo, as `<part>:<row>` (`programma 2:1.4`, `oad:du`). */
  readonly pm: readonly string[];
}

/** An item of the whole's overview of incidental income and expenses, with the part it is in. @category Balance */
export interface MunicipalIncidentalItem extends IncidentalItem {
  /** The part. */
  readonly part: MunicipalSource;
  /** The programme's id, for a programme's item. */
  readonly programme?: string;
}

/** A warning on whether a part's balance is reeel, with the part it is in. @category Balance */
export interface MunicipalWarning extends BalanceWarning {
  /** The part. */
  readonly part: MunicipalSource;
  /** The programme's id, for a programme's warning. */
  readonly programme?: string;
}

/**
 * Codes of the findings of the double entry "dekking via OAD":
 * - `oad_line_missing`: a programme claims dekking via OAD and no OAD row is linked to the claim;
 * - `oad_line_short`: the linked OAD rows give less than the claim asks in a year (what is left of them after earlier claims);
 * - `oad_claim_missing`: a link names a claim the programme no longer has (a scenario dropped it) or that is no longer on an `oad` source;
 * - `structural_on_incidental`: a structural cost is funded by an OAD row marked incidental.
 * @category Balance
 */
export type OadFindingCode = 'oad_line_missing' | 'oad_line_short' | 'oad_claim_missing' | 'structural_on_incidental';

/** A finding of the double entry "dekking via OAD". @category Balance */
export interface OadFinding {
  /** Stable code. */
  readonly code: OadFindingCode;
  /** Year. */
  readonly year: number;
  /** Programme id. */
  readonly programme: string;
  /** Claim id. */
  readonly claim: string;
  /** The OAD row concerned, if any. */
  readonly oad?: string;
  /** Amount in euros: what stays unfunded, or what is funded incidentally. */
  readonly amount: Decimal;
  /** What it means. */
  readonly message: string;
}

/** A claim "dekking via OAD" in one year: what it asks, what the linked OAD rows fund, what stays short. @category Balance */
export interface OadClaimYear {
  /** What the programme's claim asks (its cover evaluation's `claimed`). */
  readonly claimed: Decimal;
  /** What the linked OAD rows fund. */
  readonly funded: Decimal;
  /** `claimed - funded`. */
  readonly short: Decimal;
}

/** A programme's claim "dekking via OAD" and the OAD rows linked to it. @category Balance */
export interface OadClaim {
  /** Programme id. */
  readonly programme: string;
  /** Claim id. */
  readonly claim: string;
  /** The programme's row whose cost is claimed. */
  readonly target: string;
  /** The programme's cover source of kind `oad`. */
  readonly source: string;
  /** The OAD rows linked to it, in link order. */
  readonly oad: readonly string[];
  /** Per year of the municipality. */
  readonly years: Readonly<Record<string, OadClaimYear>>;
}

/** A programme's own view, kept next to the whole. @category Balance */
export interface ProgrammeView {
  /** Programme id. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** The programme's own structural balance, as `structuralBalance` gives it for its table. */
  readonly balance: StructuralBalance;
}

/** The evaluation of a municipality (de hele gemeente). A frozen value. @category Balance */
export interface MunicipalityEvaluation {
  /** The municipality's years. */
  readonly years: readonly number[];
  /** Per year. */
  readonly perYear: Readonly<Record<string, MunicipalityYear>>;
  /** The overview of incidental income and expenses of the whole (overzicht incidentele baten en lasten). */
  readonly incidentalItems: readonly MunicipalIncidentalItem[];
  /** The budget year. */
  readonly firstYear: number;
  /** The last MJB year. */
  readonly lastYear: number;
  /** The supervisor's verdict on the whole: structurally in balance in the first year, at the latest in the last, or not. */
  readonly verdict: BalanceVerdict;
  /** The threshold used. */
  readonly incidentalThreshold: number;
  /** Each programme's own view, by id. */
  readonly programmes: Readonly<Record<string, ProgrammeView>>;
  /** Every claim "dekking via OAD" of the programmes, with its funding from the OAD. */
  readonly oadClaims: readonly OadClaim[];
  /** Findings of the double entry, by year, then programme order. */
  readonly findings: readonly OadFinding[];
  /** The reeel warnings of every part (pm posts, incidental too long, unfilled targets, ...). */
  readonly warnings: readonly MunicipalWarning[];
}

/** The label of a part in qualified ids (`programma 2:1.4`). */
const partLabel = (part: MunicipalSource, programme?: string): string => (part === 'programme' ? `programma ${programme}` : part);

const z = (d: Decimal): Decimal => noNegativeZero(d);
const max0 = (d: Decimal): Decimal => (d.isNegative() && !d.isZero() ? ZERO : d);
const figure = (amount: Decimal, pm: readonly string[]): PartFigure => ({ amount: z(amount), pm });

/** The total of a section of a budget in a year, or zero. */
function sectionTotal(evaluation: Evaluation, id: string, y: string): Total | undefined {
  return evaluation.sections.find((s) => s.id === id)?.totals[y];
}

/** A programme's split of its table in one year: saldo van baten en lasten and reserve mutations. */
function programmeSplit(budget: Budget, evaluation: Evaluation, cover: CoverEvaluation, y: string): { saldo: PartFigure; reserves: PartFigure } {
  const total = evaluation.total[y];
  let tagged = ZERO;
  const taggedIds = new Set<string>();
  const reservePm: string[] = [];
  for (const section of budget.sections) {
    for (const line of section.lines) {
      const result = ownValue(evaluation.lines, line.id);
      if (result === undefined) continue;
      if (Object.hasOwn(line.tags, RESERVE_MUTATION_TAG)) {
        taggedIds.add(line.id);
        line.components.forEach((c) => taggedIds.add(c.id));
        const t = result.totals[y];
        tagged = tagged.plus(t?.amount ?? ZERO);
        if ((t?.pm.length ?? 0) > 0) reservePm.push(line.id);
        continue;
      }
      for (const [k, c] of line.components.entries()) {
        if (!Object.hasOwn(c.tags, RESERVE_MUTATION_TAG)) continue;
        taggedIds.add(c.id);
        const t = result.components[k]?.totals[y];
        tagged = tagged.plus(t?.amount ?? ZERO);
        if ((t?.pm.length ?? 0) > 0 && !reservePm.includes(line.id)) reservePm.push(line.id);
      }
    }
  }
  let inTable = ZERO;
  let outside = ZERO;
  for (const source of Object.values(budget.cover?.sources ?? {})) {
    const reserve = source.reserve;
    const path = ownValue(cover.sources, source.id)?.reserve?.[y];
    if (reserve === undefined || path === undefined) continue;
    outside = outside.plus(path.claimWithdrawals);
    if (reserve.bookedIn === undefined) outside = outside.plus(path.plannedWithdrawals).minus(path.additions);
    else if (!taggedIds.has(reserve.bookedIn)) inTable = inTable.plus(path.plannedWithdrawals).minus(path.additions);
  }
  const amount = total?.amount ?? ZERO;
  const saldoPm = (total?.pm ?? []).filter((id) => !reservePm.includes(id));
  return { saldo: figure(amount.minus(tagged).minus(inTable), saldoPm), reserves: figure(tagged.plus(inTable).plus(outside), reservePm) };
}

/** Every row (line and component) of a budget with its nature, by id. */
function rowNatures(budget: Budget): Map<string, Nature> {
  const out = new Map<string, Nature>();
  for (const s of budget.sections) {
    for (const l of s.lines) {
      out.set(l.id, l.nature);
      for (const c of l.components) out.set(c.id, c.nature);
    }
  }
  return out;
}

/** The totals of every row of an evaluation, by id. */
function rowTotals(evaluation: Evaluation): Map<string, Readonly<Record<string, Total>>> {
  const out = new Map<string, Readonly<Record<string, Total>>>();
  for (const line of Object.values(evaluation.lines)) {
    out.set(line.id, line.totals);
    for (const c of line.components) out.set(c.id, c.totals);
  }
  return out;
}

/** The programmes' own figures: evaluation, cover and structural balance, each computed once. */
interface ProgrammeRun {
  readonly id: string;
  readonly title: string;
  readonly budget: Budget;
  readonly evaluation: Evaluation;
  readonly cover: CoverEvaluation;
  readonly balance: StructuralBalance;
}

/**
 * The double entry "dekking via OAD": every programme claim on a source of kind `oad`, served in programme and claim
 * order by the OAD rows linked to it (each row gives at most its income in a year, what earlier claims left of it).
 */
function oadDoubleEntry(m: Municipality, runs: readonly ProgrammeRun[], oadEvaluation: Evaluation): { claims: OadClaim[]; findings: OadFinding[]; cover: Record<string, Decimal> } {
  const years = m.horizon.years;
  const oadRows = rowTotals(oadEvaluation);
  const oadNature = rowNatures(m.oad);
  const left = new Map<string, Decimal>();
  const claims: OadClaim[] = [];
  const findings: OadFinding[] = [];
  const cover: Record<string, Decimal> = {};
  for (const year of years) cover[year] = ZERO;
  for (const run of runs) {
    const links = m.links.filter((l) => l.programme === run.id);
    const targetRows = rowTotals(run.evaluation);
    for (const claim of run.budget.cover?.claims ?? []) {
      const source = ownValue(run.budget.cover?.sources, claim.source);
      if (source?.kind !== 'oad') continue;
      const mine = links.filter((l) => l.claim === claim.id);
      const result = run.cover.claims.find((c) => c.id === claim.id);
      const ys: Record<string, OadClaimYear> = {};
      for (const year of years) {
        const y = String(year);
        const claimed = result?.years[y]?.claimed ?? ZERO;
        let ask = claimed;
        for (const link of mine) {
          if (ask.isZero()) break;
          const key = `${link.oad} ${y}`;
          const row = oadRows.get(link.oad)?.[y];
          const available = left.get(key) ?? max0(row?.amount ?? ZERO);
          const take = available.lt(ask) ? available : ask;
          left.set(key, available.minus(take));
          ask = ask.minus(take);
          const structuralCost = targetRows.get(claim.target)?.[y]?.structural ?? ZERO;
          if (!take.isZero() && oadNature.get(link.oad) === 'incidental' && structuralCost.isNegative() && !structuralCost.isZero()) {
            findings.push({ code: 'structural_on_incidental', year, programme: run.id, claim: claim.id, oad: link.oad, amount: take.lt(structuralCost.neg()) ? take : structuralCost.neg(), message: `the structural cost of ${claim.target} (programme ${run.id}) is funded in ${year} by the incidental OAD row ${link.oad}` });
          }
        }
        const funded = claimed.minus(ask);
        cover[y] = cover[y]!.plus(funded);
        ys[y] = { claimed, funded, short: z(ask) };
        if (ask.isZero()) continue;
        if (mine.length === 0) {
          findings.push({ code: 'oad_line_missing', year, programme: run.id, claim: claim.id, amount: ask, message: `programme ${run.id} claims ${ask.toFixed()} of dekking via OAD in ${year} (claim ${claim.id} on ${claim.source}), but no OAD line is linked to the claim` });
        } else {
          const names = mine.map((l) => l.oad).join(', ');
          findings.push({ code: 'oad_line_short', year, programme: run.id, claim: claim.id, oad: mine[0]!.oad, amount: ask, message: `the OAD gives ${funded.toFixed()} of the ${claimed.toFixed()} that claim ${claim.id} of programme ${run.id} asks in ${year} (${names}): ${ask.toFixed()} is not in the OAD` });
        }
      }
      claims.push({ programme: run.id, claim: claim.id, target: claim.target, source: claim.source, oad: mine.map((l) => l.oad), years: ys });
    }
    for (const link of links) {
      const claim = run.budget.cover?.claims.find((c) => c.id === link.claim);
      if (claim !== undefined && ownValue(run.budget.cover?.sources, claim.source)?.kind === 'oad') continue;
      findings.push({ code: 'oad_claim_missing', year: years[0]!, programme: run.id, claim: link.claim, oad: link.oad, amount: ZERO, message: `the OAD row ${link.oad} is linked to claim ${link.claim} of programme ${run.id}, which is not (or no longer) a claim on dekking via OAD` });
    }
  }
  const order = new Map(runs.map((r, i) => [r.id, i]));
  findings.sort((a, b) => a.year - b.year || (order.get(a.programme) ?? 0) - (order.get(b.programme) ?? 0));
  return { claims, findings, cover };
}

/**
 * Evaluates a whole municipality (de hele gemeente doorrekenen): per year each programme's saldo van baten en lasten
 * and reserve mutations, the OAD, overhead, vennootschapsbelasting, onvoorzien and the other reserve mutations, the
 * begrotingssaldo as their sum, the overview of incidental income and expenses, the structural saldo and the
 * supervisor's verdict of the whole; each programme's own view; and the double entry of "dekking via OAD".
 *
 * @remarks
 * A programme's rows tagged `reserves` (`toevoeging`, `onttrekking`) and the mutations of the reserves in its cover are
 * its reserve mutations; the rest of its table is its saldo van baten en lasten. Each part's incidental and structural
 * split is its own `structuralBalance`; the whole's is their sum, so `structural + incidental = begrotingssaldo` in
 * every year, and the verdict is read from the whole's structural saldo in the budget year and the last MJB year.
 *
 * Dekking via OAD is double entry: the programme shows the cost (its claim on a source of kind `oad`), the OAD shows
 * the income on the row linked to the claim. The begrotingssaldo counts the cost once, in the programme, and the
 * income once, in the OAD; what the programme's cover evaluation says the claim got is never added again
 * (`oadCover` shows it). A claim without a linked OAD row, or whose linked rows give less, is a finding.
 * @param municipality - the municipality (from `loadMunicipality`)
 * @param options - the incidental threshold
 * @example
 * ```ts
 * import { evaluateMunicipality, loadMunicipality } from 'meerjaren';
 *
 * const programme = (id: string, values: number[]) => ({ id, budget: { version: 1, title: `Programma ${id}`, unit: 'thousand',
 *   horizon: { from: 2026, to: 2027 }, sections: [{ id: 'A', title: 'Lasten en baten', lines: [{ id: 'saldo', title: 'Saldo', nature: 'structural', values }] }] } });
 * const m = loadMunicipality({
 *   format: 'meerjaren/municipality', version: 1, title: 'Gemeente Voorbeeld', unit: 'thousand', horizon: { from: 2026, to: 2027 },
 *   programmes: [programme('2', [-900, -900]), programme('4', [-100, -120])],
 *   oad: { lines: [{ id: 'ozb', title: 'OZB', nature: 'structural', tags: { oad: 'ozb' }, values: [1010, 1010] }] },
 *   overhead: [{ id: 'ov', title: 'Overhead', nature: 'structural', values: [-5, -5] }],
 * });
 * const whole = evaluateMunicipality(m);
 * whole.perYear['2026']!.begrotingssaldo.toFixed(); // "5000" (euros): -900 - 100 + 1.010 - 5 (x € 1.000)
 * whole.verdict;                                   // "first-year"
 * ```
 * @category Balance
 */
export function evaluateMunicipality(municipality: Municipality, options: MunicipalityOptions = {}): MunicipalityEvaluation {
  const m = requireMunicipality('evaluateMunicipality', 'municipality', municipality);
  options = readOptions('evaluateMunicipality', options, { incidentalThreshold: integer({ min: 0, max: MAX_HORIZON_YEARS }) });
  const threshold = options.incidentalThreshold ?? 3;
  const runs: ProgrammeRun[] = m.programmes.map((p) => {
    const evaluation = evaluate(p.budget);
    const cover = evaluateCover(p.budget, evaluation);
    return { id: p.id, title: p.title, budget: p.budget, evaluation, cover, balance: structuralBalance(p.budget, { incidentalThreshold: threshold, evaluation, cover }) };
  });
  const oadEvaluation = evaluate(m.oad);
  const generalEvaluation = evaluate(m.general);
  const oadBalance = structuralBalance(m.oad, { incidentalThreshold: threshold, evaluation: oadEvaluation });
  const generalBalance = structuralBalance(m.general, { incidentalThreshold: threshold, evaluation: generalEvaluation });
  const entry = oadDoubleEntry(m, runs, oadEvaluation);
  const years = m.horizon.years;

  // the general parts are sections of one table: an item or warning is in the part of the section its row is in
  const partOf = new Map<string, MunicipalPart>();
  for (const s of m.general.sections) for (const l of s.lines) [l.id, ...l.components.map((c) => c.id)].forEach((id) => partOf.set(id, s.id as MunicipalPart));
  const generalPart = (id: string): MunicipalPart => partOf.get(id) ?? 'reserves';

  const perYear: Record<string, MunicipalityYear> = {};
  for (const year of years) {
    const y = String(year);
    const programmes = idRecord<PartFigure>();
    const programmeReserves = idRecord<PartFigure>();
    const pm: string[] = [];
    let saldoBatenLasten = ZERO;
    let reserveMutations = ZERO;
    let incidentalIncome = ZERO;
    let incidentalExpenses = ZERO;
    const addBalance = (balance: StructuralBalance): void => {
      const b = balance.perYear[y];
      if (b === undefined) return;
      incidentalIncome = incidentalIncome.plus(b.incidentalIncome);
      incidentalExpenses = incidentalExpenses.plus(b.incidentalExpenses);
    };
    for (const run of runs) {
      const split = programmeSplit(run.budget, run.evaluation, run.cover, y);
      programmes[run.id] = split.saldo;
      programmeReserves[run.id] = split.reserves;
      saldoBatenLasten = saldoBatenLasten.plus(split.saldo.amount);
      reserveMutations = reserveMutations.plus(split.reserves.amount);
      pm.push(...(run.evaluation.total[y]?.pm ?? []).map((id) => `${partLabel('programme', run.id)}:${id}`));
      addBalance(run.balance);
    }
    const part = (evaluation: Evaluation, id: string, label: string): PartFigure => {
      const t = id === '' ? evaluation.total[y] : sectionTotal(evaluation, id, y);
      pm.push(...(t?.pm ?? []).map((row) => `${label}:${row}`));
      return figure(t?.amount ?? ZERO, t?.pm ?? []);
    };
    const oad = part(oadEvaluation, '', 'oad');
    const overhead = part(generalEvaluation, 'overhead', 'overhead');
    const vpb = part(generalEvaluation, 'vpb', 'vpb');
    const onvoorzien = part(generalEvaluation, 'onvoorzien', 'onvoorzien');
    const reserves = part(generalEvaluation, 'reserves', 'reserves');
    addBalance(oadBalance);
    addBalance(generalBalance);
    saldoBatenLasten = saldoBatenLasten.plus(oad.amount).plus(overhead.amount).plus(vpb.amount).plus(onvoorzien.amount);
    reserveMutations = reserveMutations.plus(reserves.amount);
    const begrotingssaldo = saldoBatenLasten.plus(reserveMutations);
    const incidental = incidentalIncome.plus(incidentalExpenses);
    const structural = begrotingssaldo.minus(incidental);
    perYear[y] = {
      programmes,
      programmeReserves,
      oad,
      overhead,
      vpb,
      onvoorzien,
      reserves,
      saldoBatenLasten: z(saldoBatenLasten),
      reserveMutations: z(reserveMutations),
      begrotingssaldo: z(begrotingssaldo),
      oadCover: entry.cover[y] ?? ZERO,
      incidentalIncome,
      incidentalExpenses: z(incidentalExpenses),
      incidental: z(incidental),
      structural: z(structural),
      structurallyBalanced: !structural.isNegative() || structural.isZero(),
      pm,
    };
  }

  const items: MunicipalIncidentalItem[] = [];
  const warnings: MunicipalWarning[] = [];
  for (const run of runs) {
    items.push(...run.balance.incidentalItems.map((i) => ({ ...i, part: 'programme' as const, programme: run.id })));
    warnings.push(...run.balance.warnings.map((w) => ({ ...w, part: 'programme' as const, programme: run.id })));
  }
  items.push(...oadBalance.incidentalItems.map((i) => ({ ...i, part: 'oad' as const })));
  warnings.push(...oadBalance.warnings.map((w) => ({ ...w, part: 'oad' as const })));
  items.push(...generalBalance.incidentalItems.map((i) => ({ ...i, part: generalPart(i.id) })));
  warnings.push(...generalBalance.warnings.map((w) => ({ ...w, part: generalPart(w.id) })));

  const h = m.horizon;
  const firstYear = Math.min(Math.max(h.budgetYear, h.from), h.to);
  const lastYear = Math.min(h.budgetYear + 3, h.to);
  const verdict: BalanceVerdict = perYear[firstYear]?.structurallyBalanced ? 'first-year' : perYear[lastYear]?.structurallyBalanced ? 'last-year' : 'not-in-balance';
  const views = idRecord<ProgrammeView>();
  for (const run of runs) views[run.id] = { id: run.id, title: run.title, balance: run.balance };
  return deepFreeze({ years, perYear, incidentalItems: items, firstYear, lastYear, verdict, incidentalThreshold: threshold, programmes: views, oadClaims: entry.claims, findings: entry.findings, warnings });
}
