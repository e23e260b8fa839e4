/**
 * The `how-sure` command (hoe zeker): a Monte Carlo run from the ranges the scenarios give their pm estimates
 * (`estimate-pm` with low, likely, high), the saldo and structural saldo per year at percentiles (P5, P50, P95 by
 * default), and the chance of structural balance, amounts in the document's unit (or `--unit`): the run itself gives its
 * amounts in that unit.
 * @module
 */
import { MeerjarenError } from '../core/errors.js';
import { toDec, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { unitFactor, type Unit } from '../model/budget.js';
import type { ScenarioResult } from '../scenario/apply.js';
import { inputsFromRanges } from '../uncertainty/from-ranges.js';
import { monteCarlo } from '../uncertainty/montecarlo/run.js';
import type { MonteCarloResult, OutcomesByYear } from '../uncertainty/montecarlo/types.js';
import { renderText } from '../report/render-text.js';
import type { ResolvedPresentation } from '../report/presentation.js';
import type { Table, TableRow } from '../report/table.js';
import { resultToJson } from '../report/json.js';
import { EXIT, emit, type CliIo } from './context.js';
import type { Usage } from './usage.js';

/** One scenario's run. */
interface Run {
  readonly result: ScenarioResult;
  readonly inputs: readonly string[];
  readonly run: MonteCarloResult;
}

const key = (p: number): string => `p${p}`;

/** An amount of a run in `unit` in euros, as a table's cells hold them (exactly). */
function inEuros(value: Decimal | undefined, unit: Unit): Decimal | undefined {
  return value === undefined ? undefined : toDec(value).times(unitFactor(unit));
}

/** The percentile rows of one measure (saldo or structural saldo): "Saldo P5", "Saldo P50"... */
function percentileRows(id: string, label: string, outcomes: OutcomesByYear, years: readonly number[], percentiles: readonly number[], unit: Unit): TableRow[] {
  return percentiles.map((p) => ({
    id: `${id}-${key(p)}`,
    label: `${label} P${p}`,
    kind: 'line' as const,
    depth: 1,
    cells: years.map((y) => ({ amount: inEuros(outcomes[y]?.percentiles[key(p)], unit), pm: false })),
  }));
}

/** A run as a table (percentiles per year) and a line of chances. */
function runText({ result, run }: Run, presentation: ResolvedPresentation): string {
  const years = run.years;
  const w = HOW_SURE_WORDS[presentation.labels];
  const table: Table = deepFreeze({
    title: `${result.title}: ${run.draws} ${w.draws}, seed ${String(run.seed)}`,
    columns: years.map((y) => ({ key: String(y), label: String(y) })),
    rows: [
      { id: 'saldo', label: w.saldo, kind: 'heading', depth: 0, cells: years.map(() => ({ amount: undefined, pm: false })) },
      ...percentileRows('saldo', w.saldo, run.saldo, years, run.percentiles, run.unit),
      { id: 'structureel', label: w.structural, kind: 'heading', depth: 0, cells: years.map(() => ({ amount: undefined, pm: false })) },
      ...percentileRows('structureel', w.structural, run.structural, years, run.percentiles, run.unit),
    ],
  });
  const chances = years.map((y) => `${y} ${Math.round((run.probabilityStructurallyBalanced[y] ?? 0) * 100)}%`).join(', ');
  return `${renderText(table, presentation)}\n\n${w.chance}: ${chances}`;
}

/** The words of how-sure's table, per language. */
const HOW_SURE_WORDS = {
  nl: { draws: 'trekkingen', saldo: 'Saldo', structural: 'Structureel saldo', chance: 'Kans op structureel evenwicht' },
  en: { draws: 'draws', saldo: 'Balance', structural: 'Structural balance', chance: 'Chance of structural balance' },
} as const;

/** An amount of the run (in the display unit) in the display sign convention, as a plain decimal string. */
function displayed(value: Decimal, presentation: ResolvedPresentation): string {
  const amount = toDec(value);
  return (presentation.sign === 'nadeel-positive' && !amount.isZero() ? amount.neg() : amount).toFixed();
}

/** Percentiles, mean, min and max per year, as plain decimal strings in the display unit. */
function outcomesJson(outcomes: OutcomesByYear, presentation: ResolvedPresentation): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [year, o] of Object.entries(outcomes)) {
    const row: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.percentiles)) row[k] = displayed(v, presentation);
    row['mean'] = displayed(o.mean, presentation);
    row['min'] = displayed(o.min, presentation);
    row['max'] = displayed(o.max, presentation);
    out[year] = row;
  }
  return out;
}

/**
 * Runs `how-sure` on the results of the scenarios given with `--scenario`: one Monte Carlo run per scenario on its
 * budget (whose pm cells hold the likely values), its ranges as triangular inputs.
 * @param results - the applied scenarios
 * @param use - draws, seed, percentiles, format, output
 * @param presentation - the display unit (the unit of the runs), sign and decimals
 * @param io - file and console access
 */
export function runHowSure(results: readonly ScenarioResult[], use: Usage, presentation: ResolvedPresentation, io: CliIo): number {
  const runs: Run[] = [];
  for (const result of results) {
    if (result.ranges.length === 0) {
      io.stderr(`meerjaren: the scenario "${result.scenario}" gives no ranges (an estimate-pm change with low, likely and high) to draw from\n`);
      return EXIT.invalidInput;
    }
    try {
      const inputs = inputsFromRanges(result.ranges);
      const run = monteCarlo(result.budget, { inputs, draws: use.draws, seed: use.seed, percentiles: use.percentiles, unit: presentation.unit });
      runs.push({ result, inputs: inputs.map((i) => i.id), run });
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      io.stderr(`meerjaren: ${e.issues.map((i) => `${i.path}: ${i.message} [${i.code}]`).join('\n')}\n`);
      return EXIT.invalidInput;
    }
  }
  if (use.format === 'json') {
    const json = {
      unit: presentation.unit,
      sign: presentation.sign,
      draws: use.draws,
      seed: use.seed,
      percentiles: use.percentiles,
      scenarios: runs.map(({ result, inputs, run }) => ({
        id: result.scenario,
        title: result.title,
        inputs,
        saldo: outcomesJson(run.saldo, presentation),
        structural: outcomesJson(run.structural, presentation),
        probabilityStructurallyBalanced: run.probabilityStructurallyBalanced,
      })),
    };
    return emit(resultToJson(json), use.out, io);
  }
  return emit(runs.map((r) => runText(r, presentation)).join('\n\n\n'), use.out, io);
}
