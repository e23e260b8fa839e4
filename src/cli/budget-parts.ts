/**
 * What a budget report shows besides the table (onderdelen van het rapport): the structural balance with its
 * verdict, and the cover (dekking) and savings targets (taakstellingen) when the document holds them.
 * @module
 */
import type { Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import type { Budget } from '../model/budget.js';
import type { Evaluation } from '../model/evaluation.js';
import { structuralBalance, type StructuralBalance } from '../evaluate/structural.js';
import { evaluateCover } from '../evaluate/cover.js';
import type { CoverEvaluation } from '../evaluate/cover-types.js';
import { evaluateTargets, type TargetsEvaluation } from '../evaluate/targets.js';
import { structuralBalanceTable } from '../report/balance-tables.js';
import type { Table, TableCell, TableRow } from '../report/table.js';
import type { LabelLanguage } from '../report/presentation.js';

/** The parts of a budget report after its table, each a table and the lines of text under it. */
export interface BudgetParts {
  /** Tables in order: the structural balance, then cover and targets when present. */
  readonly tables: readonly Table[];
  /** The structural verdict and cover findings, in words. */
  readonly notes: readonly string[];
  /** The evaluations, for JSON. */
  readonly data: { readonly structural: StructuralBalance; readonly cover?: CoverEvaluation; readonly targets?: TargetsEvaluation };
}

/** The structural verdict in words (oordeel structureel evenwicht). */
function verdictText(balance: StructuralBalance, labels: LabelLanguage): string {
  const { firstYear: first, lastYear: last } = balance;
  const nl = labels === 'nl';
  switch (balance.verdict) {
    case 'first-year':
      return nl ? `Oordeel: structureel in evenwicht in het begrotingsjaar ${first}` : `Verdict: structurally balanced in the budget year ${first}`;
    case 'last-year':
      return nl
        ? `Oordeel: structureel in evenwicht in het laatste jaar ${last} (niet in het begrotingsjaar ${first})`
        : `Verdict: structurally balanced in the last year ${last} (not in the budget year ${first})`;
    case 'not-in-balance':
      return nl ? `Oordeel: niet structureel in evenwicht (${first} en ${last})` : `Verdict: not structurally balanced (${first} and ${last})`;
  }
}

/** The words of the cover and targets tables, per language. */
const WORDS = {
  nl: { cover: 'Dekking', given: 'ingezet', coverTotal: 'Dekking totaal', generalMeans: 'Effect op de algemene middelen', targets: 'Taakstellingen', target: 'Taakstelling', realised: 'Gerealiseerd', gap: 'Nog te realiseren (tekort)' },
  en: { cover: 'Cover', given: 'used', coverTotal: 'Cover total', generalMeans: 'Effect on the general means', targets: 'Savings targets', target: 'Target', realised: 'Realised', gap: 'Still to realise (gap)' },
} as const;

const columnsOf = (budget: Budget) =>
  budget.horizon.years.map((year) => {
    const group = budget.horizon.groups.find((g) => year >= g.from && year <= g.to)?.label;
    return group === undefined || group === '' ? { key: String(year), label: String(year) } : { key: String(year), label: String(year), group };
  });

/** A cell of an amount (a zero without its sign). */
const amount = (value: Decimal | undefined, pm = false): TableCell => ({ amount: value !== undefined && value.isZero() ? value.abs() : value, pm });

function row(id: string, label: string, cells: TableCell[], kind: TableRow['kind'] = 'line', depth = 1): TableRow {
  return { id, label, kind, depth, cells };
}

/** The cover as a table: what each source gives per year (ingezet), what all give, and the effect on the general means. */
function coverTable(budget: Budget, cover: CoverEvaluation, labels: LabelLanguage): Table {
  const w = WORDS[labels];
  const years = budget.horizon.years.map(String);
  const rows: TableRow[] = Object.values(cover.sources).map((s) => row(`bron-${s.id}`, `${s.title} (${w.given})`, years.map((y) => amount(s.years[y]?.given))));
  rows.push(row('gedekt', w.coverTotal, years.map((y) => amount(cover.perYear[y]?.given)), 'subtotal', 0));
  rows.push(row('algemene-middelen', w.generalMeans, years.map((y) => amount(cover.perYear[y]?.generalMeans)), 'total', 0));
  return deepFreeze({ title: w.cover, columns: columnsOf(budget), rows });
}

/** The savings targets as a table: per target the amount to save, what is realised and what is left (tekort). */
function targetsTable(budget: Budget, targets: TargetsEvaluation, labels: LabelLanguage): Table {
  const w = WORDS[labels];
  const years = budget.horizon.years.map(String);
  const rows = Object.values(targets.targets).flatMap((t) => [
    row(`taakstelling-${t.id}`, t.title, years.map(() => ({ amount: undefined, pm: false })), 'heading', 0),
    row(`${t.id}-taakstelling`, w.target, years.map((y) => amount(t.years[y]?.target, t.years[y]?.pm === true))),
    row(`${t.id}-gerealiseerd`, w.realised, years.map((y) => amount(t.years[y]?.realised))),
    row(`${t.id}-tekort`, w.gap, years.map((y) => amount(t.years[y]?.gap))),
  ]);
  return deepFreeze({ title: w.targets, columns: columnsOf(budget), rows });
}

/**
 * The parts of a budget's report after its table.
 * @param budget - the budget
 * @param evaluation - its evaluation (the report's own)
 * @param labels - the language of labels and notes
 */
export function budgetParts(budget: Budget, evaluation: Evaluation, labels: LabelLanguage = 'nl'): BudgetParts {
  const structural = structuralBalance(budget, { evaluation });
  const tables: Table[] = [structuralBalanceTable(budget, structural, undefined, labels)];
  const notes = [verdictText(structural, labels)];
  const cover = budget.cover === undefined ? undefined : evaluateCover(budget, evaluation);
  if (cover !== undefined) {
    tables.push(coverTable(budget, cover, labels));
    notes.push(...cover.findings.map((f) => `${WORDS[labels].cover} ${f.year}: ${f.message} [${f.code}]`));
  }
  const targets = budget.targets === undefined || Object.keys(budget.targets).length === 0 ? undefined : evaluateTargets(budget);
  if (targets !== undefined) tables.push(targetsTable(budget, targets, labels));
  return { tables, notes, data: { structural, ...(cover === undefined ? {} : { cover }), ...(targets === undefined ? {} : { targets }) } };
}
