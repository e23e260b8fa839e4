/**
 * The printed-table reader's second half: which rows every total, waarvan and derived row adds up, and the
 * check of every printed figure against its exact computation with core decimals (the reader never evaluates).
 * @packageDocumentation
 */
import { Dec, noNegativeZero, plainString, ZERO, type Decimal } from '../core/decimal.js';
import type { IssueCollector } from '../core/errors.js';
import type { SignConvention } from '../model/budget.js';
import type { NumberLocale } from './locale-amount.js';
import { cellPath, isFigure, labelKey, place, ruleKey, type Grid, type GridColumn, type GridRow, type GridValue } from './printed-table-grid.js';
import type { PrintedCheck, PrintedCheckStatus, PrintedRowRef } from './printed-table-types.js';
import { checkSentence, checkWording, verdictSentence, type CheckedAgainst, type CheckWording } from './check-words.js';

/** One operand of a computed row: a row, added or subtracted. */
interface Operand {
  readonly row: GridRow;
  readonly factor: 1 | -1;
}

/** What a computed row is: the sum of rows ("som van de regels") or a formula ("berekend"). */
interface Computation {
  readonly row: GridRow;
  readonly operands: readonly Operand[];
  readonly kind: 'sum' | 'formula';
}

/**
 * The operands of every total and derived row. Defaults: a total directly after a line adds the lines since the
 * previous total (a "Subtotaal" also stops at the previous heading); a total directly after a total adds every
 * total not yet added into another; "Structureel ..." after waarvan rows is the total above minus those rows.
 */
export function computations(grid: Grid, issues: IssueCollector): Computation[] {
  const out: Computation[] = [];
  let lines: GridRow[] = [];
  let openTotals: GridRow[] = [];
  let previous: GridRow | undefined;
  let lastTotal: GridRow | undefined;
  let parts: GridRow[] = [];
  for (const row of grid.rows) {
    const rule = row.rule;
    if (row.role === 'line') lines.push(row);
    else if (row.role === 'total') {
      let operands: GridRow[];
      if (rule?.of !== undefined) operands = resolve(grid, rule.of, row, ['layout', 'rows', row.ruleIndex ?? 0, 'of'], issues);
      else if (previous?.role === 'total') operands = openTotals;
      else operands = /^sub-?total/.test(labelKey(row.label).replace('totaal', 'total')) ? sinceHeading(grid, lines, row) : lines;
      out.push({ row, operands: operands.map((r) => ({ row: r, factor: 1 })), kind: 'sum' });
      const used = new Set(operands);
      lines = lines.filter((l) => !used.has(l));
      openTotals = [...openTotals.filter((t) => !used.has(t)), row];
      lastTotal = row;
      parts = [];
    } else if (row.role === 'part') {
      if (lastTotal === undefined) issues.add('ambiguous_row', cellPath(row.index, 0), `${place(row.index, 0)}: "${row.label}" is part of no total above it: declare the row's role`);
      parts.push(row);
    } else if (row.role === 'derived') {
      const path = ['layout', 'rows', row.ruleIndex ?? 0];
      if (rule?.plus !== undefined || rule?.minus !== undefined) {
        const plus = resolve(grid, rule.plus ?? [], row, [...path, 'plus'], issues).map((r): Operand => ({ row: r, factor: 1 }));
        const minus = resolve(grid, rule.minus ?? [], row, [...path, 'minus'], issues).map((r): Operand => ({ row: r, factor: -1 }));
        out.push({ row, operands: [...plus, ...minus], kind: 'formula' });
      } else if (lastTotal !== undefined && parts.length > 0) {
        out.push({ row, operands: [{ row: lastTotal, factor: 1 }, ...parts.map((p): Operand => ({ row: p, factor: -1 }))], kind: 'formula' });
      } else issues.add('ambiguous_row', cellPath(row.index, 0), `${place(row.index, 0)}: "${row.label}" is derived, but from which rows? Declare plus and minus`);
    }
    if (row.role !== 'text' && row.role !== 'verdict') previous = row;
  }
  return out;
}

/** The lines since the last heading above `row`. */
function sinceHeading(grid: Grid, lines: readonly GridRow[], row: GridRow): GridRow[] {
  const heading = [...grid.rows].reverse().find((r) => r.index < row.index && r.role === 'heading');
  return heading === undefined ? [...lines] : lines.filter((l) => l.index > heading.index);
}

function resolve(grid: Grid, refs: readonly PrintedRowRef[], row: GridRow, path: (string | number)[], issues: IssueCollector): GridRow[] {
  const out: GridRow[] = [];
  refs.forEach((ref, i) => {
    const candidates = grid.rows.filter((r) => r !== row && (typeof ref === 'number' ? r.index === ref : labelKey(r.label) === labelKey(ref)));
    const nearest = candidates.filter((r) => r.index < row.index).pop() ?? candidates[0];
    if (nearest === undefined) issues.add('unknown_reference', [...path, i], `row ${row.index + 1} ("${row.label}") refers to ${typeof ref === 'number' ? `row ${ref + 1}` : `"${ref}"`}, which is not a row of the table`);
    else out.push(nearest);
  });
  return out;
}

/** A value in the table's sign convention. */
function inTable(value: Decimal, rowSign: SignConvention, tableSign: SignConvention): Decimal {
  return rowSign === tableSign ? value : value.neg();
}

/** Every check of a grid: each computed row in each figure column, and each sum column in each row. */
export function checksOf(grid: Grid, comps: readonly Computation[], locale: NumberLocale, language: 'nl' | 'en'): PrintedCheck[] {
  const checks: PrintedCheck[] = [];
  const figures = grid.columns.filter(isFigure);
  const fmt = checkWording(locale, grid.unit, language);
  for (const comp of comps) {
    for (const column of figures) {
      const printed = comp.row.values.get(column.index);
      const terms = comp.operands.map((o) => ({ value: o.row.values.get(column.index), sign: o.row.sign, factor: o.factor }));
      const check = compare(printed, comp.row.sign, terms, grid.sign);
      if (check !== undefined) checks.push(finish(check, comp.row, column, comp.kind, fmt));
    }
  }
  for (const column of grid.columns.filter((c) => c.role === 'sum')) {
    for (const row of grid.rows.filter((r) => r.role !== 'text' && r.role !== 'verdict' && r.role !== 'heading')) {
      const terms = (column.of ?? []).map((c) => ({ value: row.values.get(c), sign: row.sign, factor: 1 as const }));
      const check = compare(row.values.get(column.index), row.sign, terms, row.sign);
      if (check !== undefined) checks.push(finish(check, row, column, 'columns', fmt));
    }
  }
  return checks.sort((a, b) => a.at.row - b.at.row || a.at.column - b.at.column);
}

/**
 * The checks of the verdict rows (JA/NEE): each printed verdict against the verdict of the saldo it judges, JA when
 * that saldo is at least 0 (voordeel-positive). The saldo judged is the row the layout names (`of`, the first
 * row), else the nearest structural derived row above in the block (since the last heading), else the nearest
 * total or derived row above in it; a computed row counts as computed from its terms, not as printed.
 */
export function verdictChecks(grid: Grid, comps: readonly Computation[], locale: NumberLocale, language: 'nl' | 'en', issues: IssueCollector): PrintedCheck[] {
  const checks: PrintedCheck[] = [];
  const w = checkWording(locale, grid.unit, language);
  const byRow = new Map(comps.map((c) => [c.row, c] as const));
  for (const row of grid.rows) {
    if (row.role !== 'verdict' || row.verdicts === undefined) continue;
    const judged = judgedRow(grid, row, issues);
    if (judged === undefined) continue;
    for (const [column, printed] of row.verdicts) {
      const comp = byRow.get(judged);
      const value = comp === undefined ? judged.values.get(column) : undefined;
      const saldo = comp !== undefined ? sumOf(comp.operands.map((o) => ({ value: o.row.values.get(column), sign: o.row.sign, factor: o.factor })), grid.sign) : value?.kind === 'amount' ? inTable(value.value, judged.sign, grid.sign) : undefined;
      if (saldo === undefined) continue;
      const balanced = (grid.sign === 'nadeel-positive' ? saldo.neg() : saldo).gte(0);
      const english = /^(?:yes|no)$/i.test(printed);
      const computed = balanced ? (english ? 'YES' : 'JA') : english ? 'NO' : 'NEE';
      const status: PrintedCheckStatus = /^(?:ja|yes)$/i.test(printed) === balanced ? 'ok' : 'mismatch';
      const header = grid.columns.find((c) => c.index === column)?.header ?? '';
      const plain = plainString(noNegativeZero(saldo));
      checks.push({
        row: row.label, column: header, at: { row: row.index, column }, printed, computed, status, tolerance: '0',
        message: verdictSentence(w, `${row.label} ${header}`, printed, computed, plain, status),
      });
    }
  }
  return checks;
}

/** The row a verdict row judges (see {@link verdictChecks}); an issue when there is none. */
function judgedRow(grid: Grid, row: GridRow, issues: IssueCollector): GridRow | undefined {
  if (row.rule?.of !== undefined) return resolve(grid, row.rule.of.slice(0, 1), row, ['layout', 'rows', row.ruleIndex ?? 0, 'of'], issues)[0];
  let fallback: GridRow | undefined;
  for (const above of [...grid.rows].filter((r) => r.index < row.index).reverse()) {
    if (above.role === 'heading') break;
    if (above.role === 'derived' && /^structur/.test(ruleKey(above.label))) return above;
    if (fallback === undefined && (above.role === 'derived' || above.role === 'total')) fallback = above;
  }
  if (fallback === undefined) {
    issues.add('ambiguous_row', cellPath(row.index, 0), `${place(row.index, 0)}: the verdict "${row.label}" judges no saldo above it in its block: declare the row it judges (of)`);
  }
  return fallback;
}

/** The exact sum of terms in the table's sign; pm and nil terms count as nothing. */
function sumOf(terms: readonly { value: GridValue | undefined; sign: SignConvention; factor: 1 | -1 }[], tableSign: SignConvention): Decimal {
  let sum = ZERO;
  for (const term of terms) if (term.value?.kind === 'amount') sum = sum.plus(inTable(term.value.value, term.sign, tableSign).times(term.factor));
  return sum;
}

interface Compared {
  readonly printed: string;
  readonly computed: string;
  readonly difference: Decimal;
  readonly tolerance: Decimal;
  readonly status: PrintedCheckStatus;
}

/**
 * Compares a printed figure with the exact sum of its terms. The rule: every printed figure is rounded to the
 * step of its last printed digit (1 in the table's unit for whole figures) with an error below half a step, so a
 * sum of n printed terms and its printed total, each rounded on its own, differ by less than (n + 1) / 2 steps:
 * a whole number of steps, so at most floor(n / 2) steps. A nonzero difference within that is an
 * afrondingsverschil ('rounding'); more is a 'mismatch'. pm terms count as nothing; a printed pm is 'ok' when a
 * term is pm. A blank total cell whose terms are blank too is not a check.
 */
function compare(printed: GridValue | undefined, printedSign: SignConvention, terms: readonly { value: GridValue | undefined; sign: SignConvention; factor: 1 | -1 }[], tableSign: SignConvention): Compared | undefined {
  let sum = ZERO;
  let n = 0;
  let places = 0;
  let pm = false;
  for (const term of terms) {
    if (term.value?.kind === 'amount') {
      sum = sum.plus(inTable(term.value.value, term.sign, tableSign).times(term.factor));
      n++;
      places = Math.max(places, term.value.value.decimalPlaces());
    } else if (term.value?.kind === 'pm') pm = true;
  }
  const computed = noNegativeZero(inTable(sum, tableSign, printedSign));
  if (printed === undefined || (printed.kind === 'nil' && n === 0 && !pm)) return undefined;
  if (printed.kind === 'pm') {
    return { printed: 'pm', computed: pm ? 'pm' : plainString(computed), difference: ZERO, tolerance: ZERO, status: pm ? 'ok' : 'mismatch' };
  }
  const value = printed.kind === 'amount' ? printed.value : ZERO;
  places = Math.max(places, value.decimalPlaces());
  const tolerance = new Dec(10).pow(-places).times(Math.floor(n / 2));
  const difference = noNegativeZero(value.minus(computed));
  const status: PrintedCheckStatus = difference.isZero() ? 'ok' : difference.abs().lte(tolerance) ? 'rounding' : 'mismatch';
  return { printed: plainString(value), computed: plainString(computed), difference, tolerance, status };
}

function finish(c: Compared, row: GridRow, column: GridColumn, kind: CheckedAgainst, w: CheckWording): PrintedCheck {
  return {
    row: row.label,
    column: column.header,
    at: { row: row.index, column: column.index },
    printed: c.printed,
    computed: c.computed,
    status: c.status,
    tolerance: plainString(c.tolerance),
    message: checkSentence(w, `${row.label} ${column.header}`, c.printed, c.computed, kind, c.status, plainString(c.difference)),
  };
}
