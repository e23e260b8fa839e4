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
function verdictText(balance: StructuralBalance): string {
  switch (balance.verdict) {
    case 'first-year':
      return `Oordeel: structureel in evenwicht in het begrotingsjaar ${balance.firstYear}`;
    case 'last-year':
      return `Oordeel: structureel in evenwicht in het laatste jaar ${balance.lastYear} (niet in het begrotingsjaar ${balance.firstYear})`;
    case 'not-in-balance':
      return `Oordeel: niet structureel in evenwicht (${balance.firstYear} en ${balance.lastYear})`;
  }
}

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
function coverTable(budget: Budget, cover: CoverEvaluation): Table {
  const years = budget.horizon.years.map(String);
  const rows: TableRow[] = Object.values(cover.sources).map((s) => row(`bron-${s.id}`, `${s.title} (ingezet)`, years.map((y) => amount(s.years[y]?.given))));
  rows.push(row('gedekt', 'Dekking totaal', years.map((y) => amount(cover.perYear[y]?.given)), 'subtotal', 0));
  rows.push(row('algemene-middelen', 'Effect op de algemene middelen', years.map((y) => amount(cover.perYear[y]?.generalMeans)), 'total', 0));
  return deepFreeze({ title: 'Dekking', columns: columnsOf(budget), rows });
}

/** The savings targets as a table: per target the amount to save, what is realised and what is left (tekort). */
function targetsTable(budget: Budget, targets: TargetsEvaluation): Table {
  const years = budget.horizon.years.map(String);
  const rows = Object.values(targets.targets).flatMap((t) => [
    row(`taakstelling-${t.id}`, t.title, years.map(() => ({ amount: undefined, pm: false })), 'heading', 0),
    row(`${t.id}-taakstelling`, 'Taakstelling', years.map((y) => amount(t.years[y]?.target, t.years[y]?.pm === true))),
    row(`${t.id}-gerealiseerd`, 'Gerealiseerd', years.map((y) => amount(t.years[y]?.realised))),
    row(`${t.id}-tekort`, 'Nog te realiseren (tekort)', years.map((y) => amount(t.years[y]?.gap))),
  ]);
  return deepFreeze({ title: 'Taakstellingen', columns: columnsOf(budget), rows });
}

/**
 * The parts of a budget's report after its table.
 * @param budget - the budget
 * @param evaluation - its evaluation (the report's own)
 */
export function budgetParts(budget: Budget, evaluation: Evaluation): BudgetParts {
  const structural = structuralBalance(budget, { evaluation });
  const tables: Table[] = [structuralBalanceTable(budget, structural)];
  const notes = [verdictText(structural)];
  const cover = budget.cover === undefined ? undefined : evaluateCover(budget, evaluation);
  if (cover !== undefined) {
    tables.push(coverTable(budget, cover));
    notes.push(...cover.findings.map((f) => `Dekking ${f.year}: ${f.message} [${f.code}]`));
  }
  const targets = budget.targets === undefined || Object.keys(budget.targets).length === 0 ? undefined : evaluateTargets(budget);
  if (targets !== undefined) tables.push(targetsTable(budget, targets));
  return { tables, notes, data: { structural, ...(cover === undefined ? {} : { cover }), ...(targets === undefined ? {} : { targets }) } };
}
