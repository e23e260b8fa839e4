import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { isPm, type Budget, type Nature, type YearValues } from '../model/budget.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { evaluateCover, type CoverEvaluation } from './cover.js';
import { evaluateTargets, type TargetsEvaluation } from './targets.js';
import { reserveMutations, type ReserveMutationsYear } from './reserves.js';
import { ownValue } from '../core/records.js';
import { integer, readOptions } from '../core/guard.js';
import { MAX_HORIZON_YEARS } from '../core/horizon.js';
import { requireBudget } from '../validate/admit.js';
import { COVER_EVALUATION, EVALUATION, TARGETS_EVALUATION } from '../validate/result-checks.js';

/** Options of {@link structuralBalance}. @category Balance */
export interface StructuralBalanceOptions {
  /**
   * An item marked incidental that has amounts in more than this many years is suspect (Commissie BBV: incidental
   * is at most three years; some use four).
   * @defaultValue 3
   */
  readonly incidentalThreshold?: number;
  /** The budget's evaluation, when at hand. */
  readonly evaluation?: Evaluation;
  /** Its cover evaluation, when at hand (made from `budget.cover` otherwise). */
  readonly cover?: CoverEvaluation;
  /** Its targets evaluation, when at hand (made from `budget.targets` otherwise). */
  readonly targets?: TargetsEvaluation;
}

/** The structural balance in one year (structureel begrotingssaldo). `structural + incidental = saldo`. @category Balance */
export interface BalanceYear {
  /** Begrotingssaldo after reserve mutations: the table's saldo plus reserve mutations outside it. */
  readonly saldo: Decimal;
  /** Incidental saldo (incidenteel saldo) = `incidentalIncome + incidentalExpenses`. */
  readonly incidental: Decimal;
  /** Structureel begrotingssaldo = `saldo - incidental`. */
  readonly structural: Decimal;
  /** Incidental baten (incidentele baten), zero or positive. */
  readonly incidentalIncome: Decimal;
  /** Incidental lasten (incidentele lasten), zero or negative. */
  readonly incidentalExpenses: Decimal;
  /** Reserve mutations outside the table in this saldo (positive = withdrawal). */
  readonly reserveMutations: Decimal;
  /** `structural >= 0`. */
  readonly structurallyBalanced: boolean;
  /** Lines with a pm post this year. */
  readonly pm: readonly string[];
}

/** One item of the overview of incidental income and expenses (overzicht incidentele baten en lasten). @category Balance */
export interface IncidentalItem {
  /** Row id (line, component, or `reserve:<id>`). */
  readonly id: string;
  /** Label. */
  readonly title: string;
  /** Amount per year on the saldo scale: positive = baat, negative = last; absent = nothing. */
  readonly years: Readonly<Record<string, Decimal>>;
}

/** Codes of the warnings on "reeel" (realistic and complete) balance. @category Balance */
export type BalanceWarningCode =
  | 'incidental_too_long'
  | 'pm_post'
  | 'unfilled_target'
  | 'structural_on_incidental'
  | 'reserve_withdrawal_structural'
  | 'reserve_mutation_mismatch'
  | 'unknown_line';

/** A warning on whether the balance is reeel (waarschuwing). @category Balance */
export interface BalanceWarning {
  /** Stable code. */
  readonly code: BalanceWarningCode;
  /** Row, target or source concerned. */
  readonly id: string;
  /** Years concerned. */
  readonly years: readonly number[];
  /** What it means. */
  readonly message: string;
}

/** The supervisor's verdict (toezicht): structurally in balance in the first year, at the latest in the last MJB year, or not. @category Balance */
export type BalanceVerdict = 'first-year' | 'last-year' | 'not-in-balance';

/** The structural balance of a budget (structureel en reeel evenwicht, BBV). A frozen value. @category Balance */
export interface StructuralBalance {
  /** Years. */
  readonly years: readonly number[];
  /** Per year. */
  readonly perYear: Readonly<Record<string, BalanceYear>>;
  /** The overview of incidental income and expenses. */
  readonly incidentalItems: readonly IncidentalItem[];
  /** The budget year (first MJB year). */
  readonly firstYear: number;
  /** The last MJB year (budget year + 3, or the horizon's end). */
  readonly lastYear: number;
  /** The verdict. */
  readonly verdict: BalanceVerdict;
  /** The threshold used. */
  readonly incidentalThreshold: number;
  /** Reeel warnings. */
  readonly warnings: readonly BalanceWarning[];
}

/**
 * The structural balance of a budget (structureel begrotingssaldo, BBV): per year the begrotingssaldo, the incidental
 * saldo and the structural saldo, the overview of incidental income and expenses, the verdict (in balance in the first
 * MJB year, at the latest in the last, or not), and warnings on whether it is reeel.
 *
 * @remarks
 * The saldo is the table's own, plus reserve mutations outside the table (claims on reserves; planned mutations not
 * `bookedIn` a line), which count as incidental unless the reserve is marked structural. For a deviation table such as
 * seed 000 the figures are the deviations' effect; the verdict is the municipality's only for a whole budget.
 *
 * @param budget - the budget
 * @param options - threshold, and evaluations at hand
 * @example
 * ```ts
 * import { budget, structuralBalance } from 'meerjaren';
 * const tb1 = budget({ title: 'TB1', unit: 'thousand', horizon: { from: 2025, to: 2026 } })
 *   .section('1', 'S').line('1.4', 'Wmo', [-1100], { nature: 'incidental' }).line('1.7', 'Jgz', [-371, -371], { nature: 'structural' }).build();
 * structuralBalance(tb1).perYear['2025']!.structural.toFixed(); // "-371000" (euros): saldo -1.471.000 minus incidental -1.100.000
 * ```
 * @category Balance
 */
export function structuralBalance(budget: Budget, options: StructuralBalanceOptions = {}): StructuralBalance {
  budget = requireBudget('structuralBalance', 'budget', budget);
  options = readOptions('structuralBalance', options, {
    incidentalThreshold: integer({ min: 0, max: MAX_HORIZON_YEARS }),
    evaluation: EVALUATION,
    cover: COVER_EVALUATION,
    targets: TARGETS_EVALUATION,
  });
  const threshold = options.incidentalThreshold ?? 3;
  const evaluation = options.evaluation ?? evaluate(budget);
  const cover = options.cover ?? evaluateCover(budget, evaluation);
  const targets = options.targets ?? evaluateTargets(budget);
  const years = budget.horizon.years;
  const mutations = reserveMutations(budget, cover);
  const warnings: BalanceWarning[] = [];
  const items = incidentalItems(budget, cover, threshold, warnings);
  const perYear = balanceYears(years, evaluation, mutations, items);

  const firstYear = Math.min(Math.max(budget.horizon.budgetYear, budget.horizon.from), budget.horizon.to);
  const lastYear = Math.min(budget.horizon.budgetYear + 3, budget.horizon.to);
  const verdict: BalanceVerdict = perYear[firstYear]?.structurallyBalanced ? 'first-year' : perYear[lastYear]?.structurallyBalanced ? 'last-year' : 'not-in-balance';
  const mjb = years.filter((y) => y >= firstYear && y <= lastYear);
  warnings.push(...realismWarnings(budget, cover, targets, perYear, mjb));

  return deepFreeze({ years, perYear, incidentalItems: items, firstYear, lastYear, verdict, incidentalThreshold: threshold, warnings });
}

/**
 * The incidental items (overzicht incidentele baten en lasten): every row marked incidental, and the mutations of
 * incidental reserves outside the table; an `incidental_too_long` warning for a row with amounts in more than
 * `threshold` years.
 */
function incidentalItems(budget: Budget, cover: CoverEvaluation, threshold: number, warnings: BalanceWarning[]): IncidentalItem[] {
  const years = budget.horizon.years;
  const items: IncidentalItem[] = [];
  const addItem = (id: string, title: string, values: YearValues, nature: Nature): void => {
    if (nature !== 'incidental') return;
    const ys: Record<string, Decimal> = {};
    const nonZero: number[] = [];
    for (const year of years) {
      const cell = values[year];
      if (cell === undefined || isPm(cell)) continue;
      ys[year] = cell;
      if (!cell.isZero()) nonZero.push(year);
    }
    if (Object.keys(ys).length > 0) items.push({ id, title, years: ys });
    if (nonZero.length > threshold) {
      warnings.push({ code: 'incidental_too_long', id, years: nonZero, message: `${id} is marked incidental but has amounts in ${nonZero.length} years (more than ${threshold})` });
    }
  };
  for (const section of budget.sections) {
    for (const line of section.lines) {
      if (line.row === 'amount') addItem(line.id, `${line.id} ${line.title}`, line.values, line.nature);
      for (const c of line.components) addItem(c.id, `${line.id} ${c.title}`, c.values, c.nature);
    }
  }
  for (const source of Object.values(budget.cover?.sources ?? {})) {
    if (source.reserve === undefined || source.nature !== 'incidental') continue;
    const ys: Record<string, Decimal> = {};
    for (const year of years) {
      const path = ownValue(cover.sources, source.id)?.reserve?.[year];
      if (path === undefined) continue;
      const outside = source.reserve.bookedIn === undefined ? path.claimWithdrawals.plus(path.plannedWithdrawals).minus(path.additions) : path.claimWithdrawals;
      if (!outside.isZero()) ys[year] = outside;
    }
    if (Object.keys(ys).length > 0) items.push({ id: `reserve:${source.id}`, title: `Mutatie ${source.title}`, years: ys });
  }

  return items;
}

/** The saldo, incidental and structural saldo of each year. */
function balanceYears(
  years: readonly number[],
  evaluation: Evaluation,
  mutations: Readonly<Record<string, ReserveMutationsYear>>,
  items: readonly IncidentalItem[],
): Record<string, BalanceYear> {
  const perYear: Record<string, BalanceYear> = {};
  for (const year of years) {
    const y = String(year);
    const total = evaluation.total[y];
    const m = mutations[y];
    const outside = m === undefined ? ZERO : m.outside.incidental.plus(m.outside.structural);
    let income = ZERO;
    let expenses = ZERO;
    for (const item of items) {
      const v = item.years[y];
      if (v === undefined) continue;
      if (v.isNegative()) expenses = expenses.plus(v);
      else income = income.plus(v);
    }
    const saldo = (total?.amount ?? ZERO).plus(outside);
    const incidental = income.plus(expenses);
    const structural = saldo.minus(incidental);
    const z = (d: Decimal): Decimal => noNegativeZero(d);
    perYear[y] = {
      saldo: z(saldo),
      incidental: z(incidental),
      structural: z(structural),
      incidentalIncome: income,
      incidentalExpenses: z(expenses),
      reserveMutations: z(outside),
      structurallyBalanced: !structural.isNegative() || structural.isZero(),
      pm: total?.pm ?? [],
    };
  }

  return perYear;
}

/**
 * Warnings on whether the balance is reeel, in this order: pm posts and unfilled targets in the MJB years,
 * structural cost on incidental money, reserve mutations not in the row they are booked in and references to
 * rows a scenario dropped, withdrawals from structural reserves.
 */
function realismWarnings(
  budget: Budget,
  cover: CoverEvaluation,
  targets: TargetsEvaluation,
  perYear: Readonly<Record<string, BalanceYear>>,
  mjb: readonly number[],
): BalanceWarning[] {
  const years = budget.horizon.years;
  const warnings: BalanceWarning[] = [];
  const pmLines = new Map<string, number[]>();
  for (const year of mjb) for (const id of perYear[year]?.pm ?? []) pmLines.set(id, [...(pmLines.get(id) ?? []), year]);
  for (const [id, ys] of pmLines) warnings.push({ code: 'pm_post', id, years: ys, message: `${id} has a pm post in ${ys.join(', ')}: the balance is not complete` });
  for (const t of Object.values(targets.targets)) {
    const ys = mjb.filter((y) => {
      const ty = t.years[y];
      return ty !== undefined && (ty.pm || (!ty.unfilled.isZero() && ty.unfilled.isPositive()));
    });
    if (ys.length > 0) warnings.push({ code: 'unfilled_target', id: t.id, years: ys, message: `the target ${t.id} is not (fully) filled with measures in ${ys.join(', ')}` });
  }
  const soi = new Map<string, number[]>();
  for (const f of cover.findings) if (f.code === 'structural_on_incidental' && f.target !== undefined) soi.set(f.target, [...(soi.get(f.target) ?? []), f.year]);
  for (const [id, ys] of soi) warnings.push({ code: 'structural_on_incidental', id, years: ys, message: `the structural cost of ${id} is covered by incidental money in ${ys.join(', ')}` });
  // planned reserve mutations the row they are booked in does not hold: the saldo moves them out of a line that lacks them
  const booked = new Map<string, { code: 'reserve_mutation_mismatch' | 'unknown_line'; row: string; years: number[] }>();
  for (const f of cover.findings) {
    if ((f.code !== 'reserve_mutation_mismatch' && f.code !== 'unknown_line') || f.source === undefined || f.target === undefined) continue;
    const key = `${f.code} ${f.source}`;
    const entry = booked.get(key) ?? { code: f.code, row: f.target, years: [] };
    if (!entry.years.includes(f.year)) entry.years.push(f.year);
    booked.set(key, entry);
  }
  // a target or measure booked in a line that a scenario dropped
  const rowIds = new Set<string>();
  for (const section of budget.sections) for (const line of section.lines) [line.id, ...line.components.map((c) => c.id)].forEach((id) => rowIds.add(id));
  for (const target of Object.values(budget.targets ?? {})) {
    const refs: [string, string | undefined][] = [[target.id, target.line], ...Object.values(target.measures).map((m): [string, string | undefined] => [`${target.id}/${m.id}`, m.line])];
    for (const [id, row] of refs) {
      if (row !== undefined && !rowIds.has(row)) booked.set(`unknown_line ${id}`, { code: 'unknown_line', row, years: [...years] });
    }
  }
  for (const [key, { code, row, years: ys }] of booked) {
    const id = key.slice(code.length + 1);
    warnings.push({
      code,
      id,
      years: ys,
      message: code === 'unknown_line' ? `${id} refers to "${row}", which is not in the budget, in ${ys.join(', ')}` : `the planned mutations of ${id} booked in ${row} are not all in that row in ${ys.join(', ')}`,
    });
  }
  for (const source of Object.values(budget.cover?.sources ?? {})) {
    if (source.reserve === undefined || source.nature !== 'structural') continue;
    const ys = years.filter((y) => !(ownValue(cover.sources, source.id)?.reserve?.[y]?.withdrawals ?? ZERO).isZero());
    if (ys.length > 0) warnings.push({ code: 'reserve_withdrawal_structural', id: source.id, years: ys, message: `withdrawals from the reserve ${source.id} are counted as structural` });
  }

  return warnings;
}
