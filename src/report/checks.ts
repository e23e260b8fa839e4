import { Dec, isDecimal } from '../core/decimal.js';
import { describeValue, isObjectLike, requireArgument, type OptionCheck } from '../core/guard.js';
import { fail } from '../core/errors.js';
import { choiceMessage, isChoice } from '../core/fields.js';
import { CELL_CHECKS, PM_DIRECTIONS, TABLE_ROW_KINDS, type Table, type TableCell } from './table.js';

/**
 * Checks of the report side's arguments at the public boundary: a table, a cell and a presentation handed to a
 * renderer, checked as far as telling them from a wrong value goes (the renderers check the rest: `of`
 * references, cells per column, with their own codes).
 * @internal
 * @module
 */


/** A table cell: `{ amount: Decimal | undefined, pm: boolean, pmDirection?, check? }`. */
export const TABLE_CELL: OptionCheck = (value, path, collector) => {
  if (!isObjectLike(value)) {
    collector.add('invalid_option', path, `a table cell must be an object, not ${describeValue(value)}`);
    return;
  }
  const cell = value as Record<string, unknown>;
  if (cell['amount'] !== undefined && !isDecimal(cell['amount'])) collector.add('invalid_option', [...path, 'amount'], `a cell's amount must be a Decimal or undefined, not ${describeValue(cell['amount'])}`);
  if (typeof cell['pm'] !== 'boolean') collector.add('invalid_option', [...path, 'pm'], `a cell's pm must be true or false, not ${describeValue(cell['pm'])}`);
  if (cell['pmDirection'] !== undefined && !isChoice(cell['pmDirection'], PM_DIRECTIONS)) collector.add('invalid_option', [...path, 'pmDirection'], choiceMessage("a cell's pmDirection", PM_DIRECTIONS, cell['pmDirection']));
  if (cell['check'] !== undefined && !isChoice(cell['check'], CELL_CHECKS)) collector.add('invalid_option', [...path, 'check'], choiceMessage("a cell's check", CELL_CHECKS, cell['check']));
};

/**
 * A cell whose amount is none or a Decimal of the library's constructor (its prototype is `Dec.prototype`, so
 * `isDecimal` holds) and whose pm is a boolean: a cell TABLE_CELL accepts, told without its full check.
 */
function plainCell(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const cell = value as { amount?: unknown; pm?: unknown; pmDirection?: unknown; check?: unknown };
  const amount = cell.amount;
  return (
    typeof cell.pm === 'boolean' &&
    (amount === undefined || (typeof amount === 'object' && amount !== null && Object.getPrototypeOf(amount) === DEC_PROTOTYPE)) &&
    (cell.pmDirection === undefined || cell.pmDirection === 'nadeel' || cell.pmDirection === 'voordeel') &&
    cell.check === undefined
  );
}

const DEC_PROTOTYPE: unknown = Dec.prototype;

/** A report table ({@link Table}): columns and rows of the right shape. */
export const TABLE: OptionCheck = (value, path, collector) => {
  if (!isObjectLike(value)) {
    collector.add('invalid_option', path, `table must be a table (from budgetTable() or another table builder), not ${describeValue(value)}`);
    return;
  }
  const table = value as Record<string, unknown>;
  if (table['title'] !== undefined && typeof table['title'] !== 'string') collector.add('invalid_option', [...path, 'title'], `a table's title must be a text`);
  if (table['labelHeader'] !== undefined && typeof table['labelHeader'] !== 'string') collector.add('invalid_option', [...path, 'labelHeader'], `a table's labelHeader must be a text`);
  const columns = table['columns'];
  if (!Array.isArray(columns)) collector.add('invalid_option', [...path, 'columns'], `a table's columns must be a list, not ${describeValue(columns)}`);
  else {
    columns.forEach((c: unknown, i) => {
      const col = c as Record<string, unknown>;
      if (!isObjectLike(c) || typeof col['key'] !== 'string' || typeof col['label'] !== 'string' || (col['group'] !== undefined && typeof col['group'] !== 'string')) {
        collector.add('invalid_option', [...path, 'columns', i], 'a column must be { key, label, group? } of texts');
      }
    });
  }
  const rows = table['rows'];
  if (!Array.isArray(rows)) {
    collector.add('invalid_option', [...path, 'rows'], `a table's rows must be a list, not ${describeValue(rows)}`);
    return;
  }
  // a row's path is written only for a problem: a table of 250,000 good rows builds none
  const rowPath = (i: number, ...rest: (string | number)[]): (string | number)[] => [...path, 'rows', i, ...rest];
  for (let i = 0; i < rows.length; i++) {
    const r: unknown = rows[i];
    if (!isObjectLike(r)) {
      collector.add('invalid_option', rowPath(i), `a row must be an object, not ${describeValue(r)}`);
      continue;
    }
    const row = r as Record<string, unknown>;
    if (typeof row['id'] !== 'string') collector.add('invalid_option', rowPath(i, 'id'), `a row's id must be a text`);
    if (typeof row['label'] !== 'string') collector.add('invalid_option', rowPath(i, 'label'), `a row's label must be a text`);
    if (!isChoice(row['kind'], TABLE_ROW_KINDS)) collector.add('invalid_option', rowPath(i, 'kind'), choiceMessage("a row's kind", TABLE_ROW_KINDS, row['kind']));
    if (typeof row['depth'] !== 'number' || !Number.isSafeInteger(row['depth']) || row['depth'] < 0 || row['depth'] > 100) {
      collector.add('invalid_option', rowPath(i, 'depth'), `a row's depth must be a whole number from 0 to 100`);
    }
    if (row['of'] !== undefined && (!Array.isArray(row['of']) || row['of'].some((id) => typeof id !== 'string'))) {
      collector.add('invalid_option', rowPath(i, 'of'), `a row's of must be a list of row ids`);
    }
    const cells = row['cells'];
    if (!Array.isArray(cells)) collector.add('invalid_option', rowPath(i, 'cells'), `a row's cells must be a list`);
    else {
      for (let c = 0; c < cells.length; c++) {
        // a cell of the library's own (a Decimal of Dec, or none, and a flag) is told at a glance; any other is checked in full
        const cell: unknown = cells[c];
        if (!plainCell(cell)) TABLE_CELL(cell, rowPath(i, 'cells', c), collector);
      }
    }
  }
};

/**
 * Refuses a value that is not a report table: `invalid_argument` at `table` (or inside it, `table.rows[2].cells`).
 * @param fn - the public function's name
 * @param value - what the caller passed
 * @param param - the parameter's name
 */
export function requireTable(fn: string, value: unknown, param = 'table'): Table {
  requireArgument(fn, param, value, TABLE);
  return value as Table;
}

/**
 * Refuses a table cell of the wrong shape: `invalid_argument` at `cell`.
 * @param fn - the public function's name
 * @param value - what the caller passed
 */
export function requireCell(fn: string, value: unknown): TableCell {
  requireArgument(fn, 'cell', value, TABLE_CELL);
  return value as TableCell;
}

/**
 * Refuses a presentation that is not an object (undefined is the default presentation); its settings are checked
 * by `resolvePresentation`, with code `invalid_value` or `unknown_field` at the setting's name.
 * @param fn - the public function's name
 * @param value - what the caller passed
 * @param param - the parameter's name
 */
export function requirePresentation(fn: string, value: unknown, param = 'presentation'): void {
  if (value !== undefined && !isObjectLike(value)) fail('invalid_argument', [param], `${fn}: ${param} must be an object of settings, not ${describeValue(value)}`);
}
