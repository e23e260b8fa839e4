/**
 * The table of a goal seek (doelzoektabel): per year the threshold of the input, the outcome at it and one step
 * beyond it, and how it was found; as texts, because a threshold may be a rate and a ratio is not an amount.
 * @packageDocumentation
 */
import { Dec, type Decimal } from '../core/decimal.js';
import { IssueCollector } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { isRecord } from '../core/fields.js';
import type { GoalSeekPerYear, GoalSeekResult } from '../analysis/goal-seek-types.js';

/** Options of {@link goalSeekTable}. @category Reports */
export interface GoalSeekTableOptions {
  /** Title. @defaultValue 'Doelzoeken' ('Goal seek' in English) */
  readonly title?: string;
  /** Labels in Dutch (default) or English. */
  readonly language?: 'nl' | 'en';
}

/** A goal seek table: a label column and one column per year (or one column), every cell a printed text. Frozen. @category Reports */
export interface GoalSeekTable {
  /** Title. */
  readonly title: string;
  /** Header of the label column. */
  readonly labelHeader: string;
  /** Column headers: the years, or one header for a single goal seek. */
  readonly columns: readonly string[];
  /** Rows in print order. */
  readonly rows: readonly {
    /** Stable id: `threshold`, `at-threshold`, `beyond`, `margin`, `method`, `evaluations`. */
    readonly id: string;
    /** Label. */
    readonly label: string;
    /** One printed text per column. */
    readonly cells: readonly string[];
  }[];
}

const WORDS = {
  nl: {
    title: 'Doelzoeken',
    header: 'Doelzoeken',
    all: 'Alle jaren',
    threshold: { rate: 'Drempel realisatiegraad', euro: 'Drempel bedrag (€)' },
    at: 'bij de drempel',
    below: 'een stap lager',
    above: 'een stap hoger',
    margin: 'Marge bij de drempel (€)',
    method: 'Methode',
    evaluations: 'Doorrekeningen',
    methods: { linear: 'lineair (gecontroleerd)', bisection: 'bisectie', bound: 'grens' },
    notAttainable: 'niet haalbaar',
    noEffect: 'geen effect',
    outside: 'buiten de grenzen',
    none: 'geen',
    outcomes: { saldo: 'Saldo (€)', 'structural-saldo': 'Structureel saldo (€)', 'target-gap': 'Tekort taakstelling (€)', weerstandsratio: 'Ratio weerstandsvermogen' },
  },
  en: {
    title: 'Goal seek',
    header: 'Goal seek',
    all: 'All years',
    threshold: { rate: 'Threshold realisation rate', euro: 'Threshold amount (€)' },
    at: 'at the threshold',
    below: 'one step below',
    above: 'one step above',
    margin: 'Margin at the threshold (€)',
    method: 'Method',
    evaluations: 'Evaluations',
    methods: { linear: 'linear (verified)', bisection: 'bisection', bound: 'bound' },
    notAttainable: 'not attainable',
    noEffect: 'no effect',
    outside: 'outside the bounds',
    none: 'none',
    outcomes: { saldo: 'Saldo (€)', 'structural-saldo': 'Structural saldo (€)', 'target-gap': 'Target gap (€)', weerstandsratio: 'Ratio weerstandsvermogen' },
  },
} as const;

/** A decimal with thousands grouped, in Dutch (1.234,5) or English (1,234.5) notation, exact. */
function grouped(value: Decimal, language: 'nl' | 'en', places?: number): string {
  const text = places === undefined ? value.toFixed() : value.toFixed(places, Dec.ROUND_HALF_UP);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const [group, point] = language === 'nl' ? ['.', ','] : [',', '.'];
  const body = whole!.replace(/\B(?=(\d{3})+$)/g, group) + (fraction === undefined ? '' : point + fraction);
  return (negative ? '-' : '') + body;
}

/** A rate as a percentage with 4 decimals (1 ppm = 0,0001%), exact: the grid of rates is 6 decimals. */
function percent(rate: Decimal, language: 'nl' | 'en'): string {
  return `${grouped(rate.times(100), language, Math.max(4, rate.times(100).decimalPlaces()))}%`;
}

function column(result: GoalSeekResult, language: 'nl' | 'en'): string[] {
  const w = WORDS[language];
  const rate = result.input.kind === 'measure-rate';
  const value = (d: Decimal | undefined): string => (d === undefined ? w.none : grouped(d, language));
  const outcomeAt = (e: { outcomes: readonly { value: Decimal | undefined; margin: Decimal }[] }): Decimal | undefined => {
    // the year that binds: the smallest margin
    let pick = e.outcomes[0];
    for (const o of e.outcomes) if (pick === undefined || o.margin.lt(pick.margin)) pick = o;
    return pick?.value;
  };
  if (!result.attainable) {
    const reason = result.reason === 'no-effect' ? w.noEffect : w.notAttainable;
    return [reason, value(outcomeAt(result.best)), '', grouped(result.best.margin, language), '', String(result.evaluations)];
  }
  const threshold = rate ? percent(result.threshold, language) : grouped(result.threshold, language);
  const beyond = result.beyond === undefined ? w.outside : value(outcomeAt(result.beyond));
  return [threshold, value(outcomeAt(result.atThreshold)), beyond, grouped(result.atThreshold.margin, language), w.methods[result.method], String(result.evaluations)];
}

function isResult(value: unknown): value is GoalSeekResult {
  return isRecord(value) && typeof value['attainable'] === 'boolean' && isRecord(value['input']) && isRecord(value['outcome']);
}

/**
 * The table of a goal seek: one column per year of a {@link goalSeekPerYear} result (or one column for a
 * {@link goalSeek} result), with the rows: the threshold (a rate as a percentage with 4 decimals, so 1 ppm shows;
 * an amount in euros), the outcome at the threshold and one step beyond it (below for a threshold the goal holds
 * from upward, above otherwise; the year that binds when several years count), the margin at the threshold, the
 * method and the number of evaluations. A goal that cannot be met shows "niet haalbaar" and the best outcome found.
 * @param result - from `goalSeekPerYear` or `goalSeek`
 * @param options - title and language
 * @throws MeerjarenError `invalid_argument` at `result` when it is not a goal seek result; `invalid_option`,
 *   `unknown_option` for bad options
 * @example
 * ```ts
 * import { budget, withTargets, goalSeekPerYear, goalSeekTable, renderGoalSeekTable } from 'meerjaren';
 *
 * const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2026, to: 2027 } })
 *   .section('4', 'Bezuinigingen').line('HA', 'Taakstelling (stelpost)', ['7', '8'], { nature: 'structural' }).build();
 * const ha = withTargets(table, [{ id: 'ha', title: 'Taakstelling', unit: 'million', path: { 2026: '7', 2027: '8' },
 *   measures: [{ id: 'all', title: 'Maatregelen', status: 'in-preparation', planned: { 2026: '8', 2027: '9.5' } }] }]);
 * const r = goalSeekPerYear(ha, { input: { kind: 'measure-rate', target: 'ha' }, outcome: { kind: 'target-gap', target: 'ha' } });
 * console.log(renderGoalSeekTable(goalSeekTable(r)));
 * // "Drempel realisatiegraad  87,5000%  84,2106%" ...
 * ```
 * @category Reports
 */
export function goalSeekTable(result: GoalSeekPerYear | GoalSeekResult, options: GoalSeekTableOptions = {}): GoalSeekTable {
  const issues = new IssueCollector();
  const perYear = isRecord(result) && Array.isArray(result['years']) && isRecord(result['perYear']) ? (result as unknown as GoalSeekPerYear) : undefined;
  if (perYear === undefined && !isResult(result)) issues.add('invalid_argument', ['result'], 'goalSeekTable: result must be a result of goalSeek or goalSeekPerYear');
  if (perYear !== undefined && perYear.years.some((y) => !isResult(perYear.perYear[String(y)]))) issues.add('invalid_argument', ['result', 'perYear'], 'goalSeekTable: every year needs a goal seek result');
  if (!isRecord(options)) issues.add('invalid_argument', ['options'], 'goalSeekTable: options must be an object { title?, language? }');
  else {
    for (const key of Object.keys(options)) if (key !== 'title' && key !== 'language') issues.add('unknown_option', ['options', key], `unknown option "${key}" (the options are title and language)`);
    if (options.title !== undefined && typeof options.title !== 'string') issues.add('invalid_option', ['options', 'title'], 'the title is a text');
    if (options.language !== undefined && options.language !== 'nl' && options.language !== 'en') issues.add('invalid_option', ['options', 'language'], 'the language is "nl" or "en"');
  }
  issues.throwIfAny();
  const language = options.language ?? 'nl';
  const w = WORDS[language];
  const results = perYear === undefined ? [result as GoalSeekResult] : perYear.years.map((y) => perYear.perYear[String(y)]!);
  const first = results[0];
  const columns = perYear === undefined ? [w.all] : perYear.years.map(String);
  const cells = results.map((r) => column(r, language));
  const outcome = first === undefined ? '' : w.outcomes[first.outcome.kind];
  const beyondWord = first?.attainable === true && first.direction === 'at-most' ? w.above : w.below;
  const unit = first?.input.kind === 'measure-rate' ? 'rate' : 'euro';
  const labels: [string, string][] = [
    ['threshold', w.threshold[unit]],
    ['at-threshold', `${outcome} ${w.at}`],
    ['beyond', `${outcome} ${beyondWord}`],
    ['margin', w.margin],
    ['method', w.method],
    ['evaluations', w.evaluations],
  ];
  return deepFreeze({
    title: options.title ?? w.title,
    labelHeader: w.header,
    columns,
    rows: labels.map(([id, label], i) => ({ id, label, cells: cells.map((c) => c[i] ?? '') })),
  });
}

/** Options of {@link renderGoalSeekTable}. @category Reports */
export interface RenderGoalSeekOptions {
  /** Plain text with aligned columns (default) or a Markdown table. */
  readonly format?: 'text' | 'markdown';
}

/**
 * Prints a {@link GoalSeekTable} as plain text (columns aligned, numbers to the right) or as a Markdown table.
 * @param table - from `goalSeekTable`
 * @param options - the format
 * @throws MeerjarenError `invalid_argument` at `table` when it is not a goal seek table; `invalid_option` for a bad format
 * @example
 * ```ts
 * import { budget, goalSeek, goalSeekTable, renderGoalSeekTable } from 'meerjaren';
 *
 * const t = budget({ title: 'TB1', unit: 'thousand', horizon: { from: 2026, to: 2026 } })
 *   .section('1', 'S').line('1.1', 'Opvang', [-500], { nature: 'structural' }).line('1.2', 'Dekking', [0], { nature: 'structural' }).build();
 * const r = goalSeek(t, { input: { kind: 'line-amount', line: '1.2' }, outcome: { kind: 'saldo' } });
 * console.log(renderGoalSeekTable(goalSeekTable(r), { format: 'markdown' })); // "| Drempel bedrag (€) | 500.000 |" ...
 * ```
 * @category Reports
 */
export function renderGoalSeekTable(table: GoalSeekTable, options: RenderGoalSeekOptions = {}): string {
  const issues = new IssueCollector();
  if (!isRecord(table) || !Array.isArray(table['columns']) || !Array.isArray(table['rows']) || typeof table['title'] !== 'string') issues.add('invalid_argument', ['table'], 'renderGoalSeekTable: table must be a result of goalSeekTable');
  if (!isRecord(options)) issues.add('invalid_argument', ['options'], 'renderGoalSeekTable: options must be an object { format? }');
  else {
    for (const key of Object.keys(options)) if (key !== 'format') issues.add('unknown_option', ['options', key], `unknown option "${key}" (the one option is format)`);
    if (options.format !== undefined && options.format !== 'text' && options.format !== 'markdown') issues.add('invalid_option', ['options', 'format'], 'the format is "text" or "markdown"');
  }
  issues.throwIfAny();
  const header = [table.labelHeader, ...table.columns];
  const body = table.rows.map((r) => [r.label, ...r.cells]);
  if (options.format === 'markdown') {
    const cell = (s: string): string => s.replace(/\|/g, '\\|');
    const line = (cs: readonly string[]): string => `| ${cs.map(cell).join(' | ')} |`;
    return [`**${table.title}**`, '', line(header), `|${header.map((_h, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...body.map(line)].join('\n');
  }
  const widths = header.map((h, i) => body.reduce((m, r) => Math.max(m, (r[i] ?? '').length), h.length));
  const line = (cs: readonly string[]): string => cs.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [table.title, '', line(header), ...body.map(line)].join('\n');
}
