/**
 * A forecast (prognose) over a range of years: the actuals (realisatie) for the closed years, the budget for the
 * open ones; a missing actual or a year outside the budget's horizon is said, never counted as 0.
 * @module
 */
import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { IssueCollector, fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { integer, readOptions } from '../core/guard.js';
import { MAX_HORIZON_YEARS, MAX_YEAR, MIN_YEAR, yearRange } from '../core/horizon.js';
import { hasOwnKey, ownValue } from '../core/records.js';
import type { Actuals } from '../model/actuals.js';
import type { Budget } from '../model/budget.js';
import type { Total } from '../model/evaluation.js';
import type { BudgetVersion } from '../model/versions.js';
import { evaluate } from '../evaluate/evaluate.js';
import { requireActuals, requireBudgetOrVersion } from '../validate/actuals.js';

/**
 * Where a forecast's figure for a year comes from (bron): `actual` for a closed year (realisatie), `budget` for an
 * open year in the budget's horizon (raming), `not-in-version` for an open year outside it (no figure, never 0).
 * @category Analysis
 */
export type ForecastSource = 'actual' | 'budget' | 'not-in-version';

/** One row of a forecast in one year. @category Analysis */
export interface ForecastYear {
  /** Where the figure comes from. */
  readonly source: ForecastSource;
  /**
   * The figure in euros (positive = voordeel): the actual, or the budget's saldo (pm counted as 0, see `pm`).
   * Undefined when nothing is known: an open year outside the horizon, or (for a line) a missing actual; for a
   * section or the total, when none of its lines has a figure.
   */
  readonly amount: Decimal | undefined;
  /** For a budget year: the budget's total (saldo, structural and incidental parts, pm posts). */
  readonly budget: Total | undefined;
  /** Lines without an actual in this closed year (left out of `amount`, never counted as 0). */
  readonly missing: readonly string[];
  /** Lines whose budget holds a pm post in this open year. */
  readonly pm: readonly string[];
}

/** A row of a forecast: a line, a section or the total. @category Analysis */
export interface ForecastRow {
  /** Id of the line or section; empty for the total. */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Per year of the range ("2026"). */
  readonly years: Readonly<Record<string, ForecastYear>>;
}

/** A section of a forecast with its lines. @category Analysis */
export interface ForecastSection extends ForecastRow {
  /** Its lines. */
  readonly lines: readonly ForecastRow[];
}

/** A forecast (prognose): actuals for the closed years, the budget for the open ones. A frozen value. @category Analysis */
export interface Forecast {
  /** Label of the budget: the version's name or the budget's title. */
  readonly label: string;
  /** The years of the forecast. */
  readonly years: readonly number[];
  /** The closed years among them (those the actuals cover). */
  readonly closed: readonly number[];
  /** Sections with their lines. */
  readonly sections: readonly ForecastSection[];
  /** The grand total. */
  readonly total: ForecastRow;
}

/** Options of {@link forecast}. @category Analysis */
export interface ForecastOptions {
  /** First year. @defaultValue the first year of the budget's horizon or of the actuals, whichever is earlier */
  readonly from?: number;
  /** Last year. @defaultValue the last year of the budget's horizon or of the actuals, whichever is later */
  readonly to?: number;
}

function sumYear(source: ForecastSource, budget: Total | undefined, parts: readonly ForecastYear[]): ForecastYear {
  const known = parts.map((p) => p.amount).filter((x): x is Decimal => x !== undefined);
  const amount = source === 'budget' ? budget!.amount : known.length === 0 ? undefined : noNegativeZero(known.reduce((a, x) => a.plus(x), ZERO));
  return { source, amount, budget, missing: parts.flatMap((p) => p.missing), pm: parts.flatMap((p) => p.pm) };
}

/**
 * A forecast (prognose) of a budget over a range of years: for each closed year (one the actuals cover) the actuals
 * (realisatie), for each open year the budget (raming); per line, section and total.
 *
 * @remarks
 * A closed year takes the actuals even outside the budget's horizon; a line without an actual in a closed year has
 * no figure (`amount` undefined, its id in `missing`), never the budget and never 0, and a section or the total sums
 * the lines that have one and names the others. An open year outside the horizon is `not-in-version`. The actuals
 * must name lines of the budget (`unknown_reference` at `actuals.lines.<id>`); `from` after `to`, or a range of more
 * than 50 years, is `invalid_option`.
 * @param budget - the budget or version (begroting na wijziging)
 * @param actuals - the actuals of the closed years
 * @param options - the range of years
 * @example
 * ```ts
 * import { budget, forecast, loadActuals } from 'meerjaren';
 *
 * const b = budget({ title: 'Begroting 2025', unit: 'thousand', horizon: { from: 2025, to: 2028 } })
 *   .section('4', 'Bezuinigingen').line('4.2', 'Besparing subsidies Jeugd', [250, 250, 250, 250], { nature: 'structural' }).build();
 * const jr = loadActuals({ format: 'meerjaren/actuals', version: 1, title: 'Jaarrekening 2025', unit: 'thousand', years: [2025],
 *   lines: { '4.2': { '2025': '180' } } });
 * const f = forecast(b, jr);
 * f.total.years['2025']!.source;              // "actual"
 * f.total.years['2025']!.amount!.toFixed();   // "180000"
 * f.total.years['2026']!.source;              // "budget": 250000
 * ```
 * @category Analysis
 */
export function forecast(budget: Budget | BudgetVersion, actuals: Actuals, options: ForecastOptions = {}): Forecast {
  const fn = 'forecast';
  const { budget: b, label } = requireBudgetOrVersion(fn, 'budget', budget);
  const a = requireActuals(fn, 'actuals', actuals);
  options = readOptions(fn, options, { from: integer({ min: MIN_YEAR, max: MAX_YEAR }), to: integer({ min: MIN_YEAR, max: MAX_YEAR }) });
  const horizon = b.horizon.years;
  const from = options.from ?? Math.min(horizon[0]!, a.years[0]!);
  const to = options.to ?? Math.max(horizon.at(-1)!, a.years.at(-1)!);
  if (from > to || to - from + 1 > MAX_HORIZON_YEARS) fail('invalid_option', ['options'], `${fn}: the range ${from}-${to} is not a range of 1 to ${MAX_HORIZON_YEARS} years`);
  const e = evaluate(b);
  const issues = new IssueCollector();
  for (const id of Object.keys(a.lines)) if (!hasOwnKey(e.lines, id)) issues.add('unknown_reference', ['actuals', 'lines', id], `${fn}: the actuals name line "${id}", which is not a line of ${label}`);
  issues.throwIfAny();
  const years = yearRange(from, to);
  const closed = new Set(a.years);
  const inHorizon = new Set(horizon);
  const sourceOf = (y: number): ForecastSource => (closed.has(y) ? 'actual' : inHorizon.has(y) ? 'budget' : 'not-in-version');
  const sections: ForecastSection[] = e.sections.map((s) => {
    const lines: ForecastRow[] = s.lines.map((l) => {
      const out: Record<string, ForecastYear> = {};
      for (const y of years) {
        const source = sourceOf(y);
        const total = inHorizon.has(y) ? l.totals[y] : undefined;
        if (source === 'actual') {
          const actual = ownValue(ownValue(a.lines, l.id), String(y));
          out[y] = { source, amount: actual, budget: total, missing: actual === undefined ? [l.id] : [], pm: [] };
        } else if (source === 'budget') out[y] = { source, amount: total!.amount, budget: total, missing: [], pm: total!.pm.length > 0 ? [l.id] : [] };
        else out[y] = { source, amount: undefined, budget: undefined, missing: [], pm: [] };
      }
      return { id: l.id, title: l.title, years: out };
    });
    const out: Record<string, ForecastYear> = {};
    for (const y of years) out[y] = sumYear(sourceOf(y), inHorizon.has(y) ? s.totals[y] : undefined, lines.map((l) => l.years[y]!));
    return { id: s.id, title: s.title, years: out, lines };
  });
  const total: Record<string, ForecastYear> = {};
  for (const y of years) total[y] = sumYear(sourceOf(y), inHorizon.has(y) ? e.total[y] : undefined, sections.map((s) => s.years[y]!));
  return deepFreeze({ label, years, closed: a.years.filter((y) => y >= from && y <= to), sections, total: { id: '', title: b.presentation.totalLabel, years: total } });
}
