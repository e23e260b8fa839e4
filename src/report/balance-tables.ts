import { ZERO, plainString, noNegativeZero, type Decimal } from '../core/decimal.js';
import { IssueCollector } from '../core/errors.js';
import { bookedMismatches } from '../evaluate/booked.js';
import { deepFreeze } from '../core/freeze.js';
import { isPm, type Budget, type YearValues } from '../model/budget.js';
import { evaluate, type Evaluation } from '../evaluate/evaluate.js';
import { evaluateCover, type CoverEvaluation } from '../evaluate/cover.js';
import type { Table, TableCell, TableColumn, TableRow } from './table.js';
import { reserveMutations } from '../evaluate/reserves.js';
import type { StructuralBalance } from '../evaluate/structural.js';
import { objectWith, oneOf, readOptions, requireArgument, text } from '../core/guard.js';
import { requireBudget } from '../validate/admit.js';
import { LABEL_LANGUAGES, type LabelLanguage } from './presentation.js';
import { COVER_EVALUATION, EVALUATION } from '../validate/result-checks.js';

/** Options of {@link reserveSummaryTable}. @category Balance */
export interface ReserveSummaryOptions {
  /** Title. @defaultValue 'Financieel samengevat' */
  readonly title?: string;
  /** The budget's evaluation, when at hand. */
  readonly evaluation?: Evaluation;
  /** Its cover evaluation, when at hand. */
  readonly cover?: CoverEvaluation;
  /**
   * What to do when a reserve's planned mutations are not in the row named by its `bookedIn` (the row's lasten
   * smaller than the additions or its baten smaller than the withdrawals, or the row gone): `'refuse'` throws
   * `reserve_mutation_mismatch` at `cover.sources.<id>.reserve.additions.<year>` (or `withdrawals`), one issue per
   * source, side and year; `'ignore'` prints the table anyway (the cover evaluation still reports the finding).
   * @defaultValue 'refuse'
   */
  readonly mismatches?: 'refuse' | 'ignore';
}

function columnsOf(budget: Budget): TableColumn[] {
  return budget.horizon.years.map((year) => {
    const group = budget.horizon.groups.find((g) => year >= g.from && year <= g.to)?.label;
    return group === undefined || group === '' ? { key: String(year), label: String(year) } : { key: String(year), label: String(year), group };
  });
}

const cell = (amount: Decimal, pm = false): TableCell => ({ amount: noNegativeZero(amount), pm });

/**
 * The reserve mutations summary in the shape of seed 001's "Financieel samengevat": Lasten, Baten, Gerealiseerd saldo
 * van baten en lasten, Toevoegingen, Onttrekkingen, Mutaties reserves, Saldo; a {@link Table} for the shared renderers.
 *
 * @remarks
 * Lasten and baten are the negative and positive cells of every row, less the reserve mutations booked in a line
 * (`bookedIn`: seed 000's EUR 2,0 mln in 3.1 is a toevoeging, not a last). Reserve mutations outside the table
 * (claims on a reserve, mutations not booked in a line) are added, so Saldo is the begrotingssaldo after reserve
 * mutations. Rows name what they sum (`of`), so rounded figures still add up.
 *
 * A planned mutation booked in a row must be in that row: the additions in its lasten, the withdrawals in its baten
 * (a year where the row has a pm post is not checked). Otherwise the table would print negative baten or positive
 * lasten; it refuses with `reserve_mutation_mismatch` unless `mismatches: 'ignore'`.
 * @throws MeerjarenError `reserve_mutation_mismatch` at `cover.sources.<id>.reserve.<additions|withdrawals>.<year>`
 * @param budget - the budget
 * @param options - title, evaluations at hand
 * @example
 * ```ts
 * import { budget, pm, withCover, reserveSummaryTable, renderText } from 'meerjaren';
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
 * console.log(renderText(reserveSummaryTable(covered)));
 * // "Financieel samengevat": Lasten, Baten, ..., Onttrekkingen 800 in 2025, Saldo -671 (x € 1.000)
 * ```
 * @category Balance
 */
export function reserveSummaryTable(budget: Budget, options: ReserveSummaryOptions = {}): Table {
  budget = requireBudget('reserveSummaryTable', 'budget', budget);
  options = readOptions('reserveSummaryTable', options, { title: text(), evaluation: EVALUATION, cover: COVER_EVALUATION, mismatches: oneOf(['refuse', 'ignore']) });
  if (options.mismatches !== 'ignore') {
    const issues = new IssueCollector();
    for (const m of bookedMismatches(budget)) {
      issues.add(
        'reserve_mutation_mismatch',
        ['cover', 'sources', m.source, 'reserve', m.side, String(m.year)],
        m.missing
          ? `the ${m.side} of ${m.source} in ${m.year} are booked in "${m.row}", which is not in the budget`
          : `the ${m.side} of ${m.source} in ${m.year} are booked in ${m.row}, but ${plainString(m.excess)} of them is not in its ${m.side === 'additions' ? 'lasten' : 'baten'}: the summary would move an amount out of the line that the line does not hold`,
      );
    }
    issues.throwIfAny();
  }
  const evaluation = options.evaluation ?? evaluate(budget);
  const cover = options.cover ?? evaluateCover(budget, evaluation);
  const mutations = reserveMutations(budget, cover);
  const years = budget.horizon.years;
  const rowsValues: YearValues[] = [];
  for (const section of budget.sections) {
    for (const line of section.lines) {
      if (line.row === 'amount') rowsValues.push(line.values);
      for (const c of line.components) rowsValues.push(c.values);
    }
  }
  const lasten: TableCell[] = [];
  const baten: TableCell[] = [];
  const realised: TableCell[] = [];
  const additions: TableCell[] = [];
  const withdrawals: TableCell[] = [];
  const mutationsRow: TableCell[] = [];
  const saldo: TableCell[] = [];
  for (const year of years) {
    let l = ZERO;
    let b = ZERO;
    let lPm = false;
    let bPm = false;
    for (const values of rowsValues) {
      const v = values[year];
      if (v === undefined) continue;
      if (isPm(v)) {
        if (v.direction === 'nadeel') lPm = true;
        else if (v.direction === 'voordeel') bPm = true;
        continue;
      }
      if (v.isNegative()) l = l.plus(v);
      else b = b.plus(v);
    }
    const m = mutations[year];
    l = l.minus(m?.additionsInTable ?? ZERO); // additions in lines are negative: take them out of lasten
    b = b.minus(m?.withdrawalsInTable ?? ZERO);
    const add = m?.additions ?? ZERO;
    const wd = m?.withdrawals ?? ZERO;
    const pm = (evaluation.total[year]?.pm.length ?? 0) > 0;
    lasten.push(cell(l, lPm));
    baten.push(cell(b, bPm));
    realised.push(cell(l.plus(b), pm));
    additions.push(cell(add));
    withdrawals.push(cell(wd));
    mutationsRow.push(cell(add.plus(wd)));
    saldo.push(cell(l.plus(b).plus(add).plus(wd), pm));
  }
  const rows: TableRow[] = [
    { id: 'lasten', label: 'Lasten', kind: 'line', depth: 0, cells: lasten },
    { id: 'baten', label: 'Baten', kind: 'line', depth: 0, cells: baten },
    { id: 'gerealiseerd', label: 'Gerealiseerd saldo van baten en lasten', kind: 'subtotal', depth: 0, cells: realised, of: ['lasten', 'baten'] },
    { id: 'toevoegingen', label: 'Toevoegingen', kind: 'line', depth: 0, cells: additions },
    { id: 'onttrekkingen', label: 'Onttrekkingen', kind: 'line', depth: 0, cells: withdrawals },
    { id: 'mutaties', label: 'Mutaties reserves', kind: 'subtotal', depth: 0, cells: mutationsRow, of: ['toevoegingen', 'onttrekkingen'] },
    { id: 'saldo', label: 'Saldo', kind: 'total', depth: 0, cells: saldo, of: ['gerealiseerd', 'mutaties'] },
  ];
  return deepFreeze({ title: options.title ?? 'Financieel samengevat', columns: columnsOf(budget), rows });
}

/**
 * The structural balance as a report table (structureel begrotingssaldo): Begrotingssaldo, Incidentele baten,
 * Incidentele lasten, Incidenteel saldo, Structureel begrotingssaldo.
 * @param budget - the budget (for the columns)
 * @param balance - its structural balance
 * @param title - title of the table
 * @param labels - language of the row labels (and of the default title): `nl` or `en`
 * @example
 * ```ts
 * import { budget, pm, structuralBalance, structuralBalanceTable, renderText } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * console.log(renderText(structuralBalanceTable(tb1, structuralBalance(tb1))));
 * // Structureel begrotingssaldo   -371  -371 + pm  -371 + pm   (x € 1.000)
 * ```
 * @category Balance
 */
export function structuralBalanceTable(budget: Budget, balance: StructuralBalance, title?: string, labels: LabelLanguage = 'nl'): Table {
  budget = requireBudget('structuralBalanceTable', 'budget', budget);
  requireArgument('structuralBalanceTable', 'balance', balance, objectWith(['years', 'perYear'], 'a structural balance from structuralBalance()'));
  if (title !== undefined) requireArgument('structuralBalanceTable', 'title', title, text());
  requireArgument('structuralBalanceTable', 'labels', labels, oneOf(LABEL_LANGUAGES));
  const words = BALANCE_WORDS[labels];
  const pick = (f: (y: StructuralBalance['perYear'][string]) => Decimal, pm = false): TableCell[] =>
    balance.years.map((year) => {
      const y = balance.perYear[year];
      return y === undefined ? { amount: undefined, pm: false } : cell(f(y), pm && y.pm.length > 0);
    });
  const rows: TableRow[] = [
    { id: 'saldo', label: words.saldo, kind: 'line', depth: 0, cells: pick((y) => y.saldo, true) },
    { id: 'incidentele-baten', label: words.income, kind: 'line', depth: 1, cells: pick((y) => y.incidentalIncome) },
    { id: 'incidentele-lasten', label: words.expenses, kind: 'line', depth: 1, cells: pick((y) => y.incidentalExpenses) },
    { id: 'incidenteel-saldo', label: words.incidental, kind: 'subtotal', depth: 0, cells: pick((y) => y.incidental), of: ['incidentele-baten', 'incidentele-lasten'] },
    { id: 'structureel-saldo', label: words.structural, kind: 'total', depth: 0, cells: pick((y) => y.structural, true) },
  ];
  return deepFreeze({ title: title ?? words.structural, columns: columnsOf(budget), rows });
}

/** The row labels of the structural balance table, per language. */
const BALANCE_WORDS = {
  nl: { saldo: 'Begrotingssaldo (na mutaties reserves)', income: 'Incidentele baten', expenses: 'Incidentele lasten', incidental: 'Incidenteel saldo', structural: 'Structureel begrotingssaldo' },
  en: { saldo: 'Budget balance (after reserve mutations)', income: 'Incidental income', expenses: 'Incidental expenses', incidental: 'Incidental balance', structural: 'Structural budget balance' },
} as const;
