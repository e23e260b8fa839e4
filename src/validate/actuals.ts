/**
 * The check of actuals (realisatie) and of the budget they are set against, given to a public function: actuals from
 * `loadActuals` or made by hand in the same shape, and a budget or a version of one.
 * @module
 */
import { isDecimal } from '../core/decimal.js';
import { IssueCollector, fail, type Path } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { describeValue, isObjectLike } from '../core/guard.js';
import { MAX_HORIZON_YEARS, MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { idRecord } from '../core/records.js';
import type { Actuals, LineActuals } from '../model/actuals.js';
import type { Budget } from '../model/budget.js';
import { UNITS } from '../model/values.js';
import { requireBudgetAt } from './result-checks.js';

/**
 * The budget of a budget or a version (`{ name, kind, budget }`) given at `param`.
 * @internal
 */
export function requireBudgetOrVersion(fn: string, param: string, value: unknown): { budget: Budget; label: string } {
  if (isObjectLike(value) && !Array.isArray(value) && 'budget' in value && 'kind' in value && 'name' in value) {
    const v = value as { name: unknown; budget: unknown };
    if (typeof v.name !== 'string') fail('invalid_argument', [param, 'name'], `${fn}: a version has a name, not ${describeValue(v.name)}`);
    return { budget: requireBudgetAt(fn, [param, 'budget'], v.budget), label: v.name };
  }
  const budget = requireBudgetAt(fn, [param], value);
  return { budget, label: budget.title };
}

/**
 * Checks actuals given to `fn` at `param` (from `loadActuals`, or by hand: `{ title, unit, years, lines }` with
 * Decimal amounts) and returns them frozen; every problem at once at `actuals.<field>`.
 * @internal
 */
export function requireActuals(fn: string, param: string, value: unknown): Actuals {
  if (!isObjectLike(value) || Array.isArray(value)) fail('invalid_argument', [param], `${fn}: ${param} must be actuals (from loadActuals: { title, unit, years, lines }), not ${describeValue(value)}`);
  const raw = value as Record<string, unknown>;
  const issues = new IssueCollector();
  const at = (...p: Path): Path => [param, ...p];
  if (typeof raw['title'] !== 'string') issues.add('invalid_argument', at('title'), `${fn}: actuals have a title, not ${describeValue(raw['title'])}`);
  if (!(UNITS as readonly unknown[]).includes(raw['unit'])) issues.add('invalid_argument', at('unit'), `${fn}: actuals have a unit (${UNITS.join(', ')}), not ${describeValue(raw['unit'])}`);
  const years: number[] = [];
  const rawYears = raw['years'];
  if (!Array.isArray(rawYears) || rawYears.length === 0 || rawYears.length > MAX_HORIZON_YEARS) issues.add('invalid_argument', at('years'), `${fn}: actuals list from 1 to ${MAX_HORIZON_YEARS} closed years, not ${describeValue(rawYears)}`);
  else {
    rawYears.forEach((y: unknown, i) => {
      if (typeof y !== 'number' || !Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR || years.includes(y)) issues.add('invalid_argument', at('years', i), `${fn}: a closed year is a whole number from ${MIN_YEAR} to ${MAX_YEAR}, listed once, not ${describeValue(y)}`);
      else years.push(y);
    });
  }
  const lines = idRecord<LineActuals>();
  const rawLines = raw['lines'];
  if (!isObjectLike(rawLines) || Array.isArray(rawLines)) issues.add('invalid_argument', at('lines'), `${fn}: actuals have lines ({ "<line id>": { "<year>": Decimal } }), not ${describeValue(rawLines)}`);
  else {
    for (const [id, line] of Object.entries(rawLines)) {
      if (!isObjectLike(line) || Array.isArray(line)) {
        issues.add('invalid_argument', at('lines', id), `${fn}: a line's actuals are an object of years, not ${describeValue(line)}`);
        continue;
      }
      const out = idRecord<(typeof lines)[string][string]>();
      for (const [year, amount] of Object.entries(line)) {
        if (!years.includes(Number(year)) || String(Number(year)) !== year) issues.add('year_outside_horizon', at('lines', id, year), `${fn}: "${year}" is not one of the closed years of these actuals`);
        else if (!isDecimal(amount) || !amount.isFinite()) issues.add('invalid_argument', at('lines', id, year), `${fn}: an actual is a finite Decimal in euros, not ${describeValue(amount)}`);
        else out[year] = amount;
      }
      lines[id] = out;
    }
  }
  issues.throwIfAny();
  return deepFreeze({ title: raw['title'] as string, unit: raw['unit'] as Actuals['unit'], years: years.sort((a, b) => a - b), lines });
}

