/**
 * Every problem the library reports has a stable code. Tests and tools match on the code,
 * never on the message text.
 * @category Model
 */
export const ISSUE_CODES = [
  // amounts and values
  'invalid_amount',
  'ambiguous_amount',
  'imprecise_number',
  'amount_out_of_range',
  'empty_amount',
  // structure
  'invalid_type',
  'missing_field',
  'unknown_field',
  'forbidden_key',
  'duplicate_id',
  'duplicate_year',
  'duplicate_key',
  'invalid_id',
  'invalid_year',
  'year_outside_horizon',
  'invalid_horizon',
  'invalid_value',
  'unsupported_version',
  'line_without_values',
  'ambiguous_line_row',
  'missing_nature',
  'too_deep',
  'too_large',
  'invalid_json',
  // global settings
  'frozen_setting',
  // references and expectations
  'unknown_reference',
  'cycle',
  'library_key_mismatch',
  'total_mismatch',
  'invalid_weights',
  'reserve_mutation_mismatch',
  // the public boundary: arguments and options of a function call
  'invalid_argument',
  'invalid_option',
  'unknown_option',
  // catch-all for modules that add their own rules
  'invalid_input',
  // an internal invariant that does not hold: a bug in meerjaren, never a problem of the input
  'internal_error',
  // scenarios
  'change_conflict',
  'ambiguous_target',
  'empty_selection',
  'unknown_change_kind',
  'invalid_years',
  'invalid_range',
  'pm_cell',
  'not_pm',
  'unlinked_indexation',
  'not_reserve',
  'capacity_not_per_year',
  // cover and savings targets
  'negative_amount',
  'negative_capacity',
  'invalid_share',
  'invalid_rate',
  'unit_mismatch',
  'realisation_above_plan',
  // CSV
  'invalid_csv',
  'unterminated_quote',
  'ambiguous_separator',
  // printed tables
  'ambiguous_row',
  // charts
  'length_mismatch',
  // uncertainty and the engine
  'invalid_distribution',
  'low_above_high',
  'negative_sd',
  'probabilities_not_one',
  'invalid_seed',
  'no_cells',
  'unsupported_capacity',
  'cover_share_uncertain',
  'too_many_decimals',
  'worker_unavailable',
  'engine_overflow',
  'missing_peer_dependency',
  'not_positive_definite',
  // versions of a budget
  'matched_by_title',
  // a begrotingswijziging
  'not_neutral',
  // drivers: indicators, dated parameters, driven rows
  'invalid_expression',
  'division_by_zero',
  'formula_mismatch',
  'driven_row',
] as const;

/**
 * A stable problem code (foutcode): one of {@link ISSUE_CODES}, each documented in docs/limits.md.
 * @category Model
 */
export type IssueCode = (typeof ISSUE_CODES)[number];

const KNOWN_CODES: ReadonlySet<string> = new Set(ISSUE_CODES);

/** Whether a value is one of the {@link ISSUE_CODES} (a call from plain JavaScript may pass any text). */
function isIssueCode(value: unknown): value is IssueCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

/** A path to a value inside a document or model: keys and array indices. @category Model */
export type Path = readonly (string | number)[];

/**
 * One problem with an input: a stable code, where it is, and what is wrong.
 * @example `{ code: 'invalid_amount', path: 'sections[2].lines[0].values.2027', message: '...' }`
 * @category Model
 */
export interface Issue {
  /** Stable code; see {@link ISSUE_CODES}. */
  readonly code: IssueCode;
  /** The path of the bad value, written `sections[2].lines[0].values.2027`. */
  readonly path: string;
  /** The same path as keys and indices. */
  readonly pathSegments: Path;
  /** What is wrong, for a person. */
  readonly message: string;
}

const FOOTPRINT = Symbol.for('meerjaren.error');

/**
 * The one error class of meerjaren (fout). It carries every problem found, not only the first.
 *
 * @remarks
 * Use {@link MeerjarenError.is} rather than `instanceof` when two copies of the library
 * (ESM and CommonJS) may be loaded: it recognises errors from either.
 * @example
 * ```ts
 * import { MeerjarenError, loadBudget } from 'meerjaren';
 *
 * try {
 *   loadBudget({ format: 'meerjaren/budget', version: 1, title: 'T', unit: 'euro', horizon: { from: 2026, to: 2026 },
 *     sections: [{ id: '1', title: 'S', lines: [{ id: 'a', title: 'A', values: { 2026: '1' } }] }] });
 * } catch (error) {
 *   if (!MeerjarenError.is(error)) throw error;
 *   error.code;             // "missing_nature": the code of the first problem
 *   error.issues[0]!.path;  // "sections[0].lines[0].nature"
 * }
 * ```
 * @category Model
 */
export class MeerjarenError extends Error {
  /** All problems found, in document order. */
  readonly issues: readonly Issue[];
  /** The code of the first problem. */
  readonly code: IssueCode;
  /** @internal */
  readonly [FOOTPRINT] = true;

  /** @param issues - at least one problem */
  constructor(issues: readonly Issue[]) {
    if (!isIssueList(issues)) throw new MeerjarenError([issue('invalid_argument', ['issues'], 'MeerjarenError: issues must be a list of issues ({ code, path, pathSegments, message }), each code one of ISSUE_CODES')]);
    const first = issues[0];
    const summary =
      first === undefined
        ? 'invalid input'
        : issues.length === 1
          ? `${first.path ? first.path + ': ' : ''}${first.message} [${first.code}]`
          : `${issues.length} problems; first: ${first.path ? first.path + ': ' : ''}${first.message} [${first.code}]`;
    super(summary);
    this.name = 'MeerjarenError';
    this.issues = Object.freeze([...issues]);
    this.code = first?.code ?? 'invalid_input';
  }

  /**
   * Whether a value is a meerjaren error, from this or any other loaded copy of the library.
   * @param value - anything caught
   */
  static is(value: unknown): value is MeerjarenError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[FOOTPRINT] === true;
  }
}

/** Whether a value is a list of issues as {@link issue} makes them (a hand-made one needs a known code and texts for path and message). */
function isIssueList(value: unknown): value is readonly Issue[] {
  return Array.isArray(value) && value.every((i: unknown) => typeof i === 'object' && i !== null && isIssueCode((i as Issue).code) && typeof (i as Issue).path === 'string' && typeof (i as Issue).message === 'string');
}

/**
 * Writes a path as `sections[2].lines[0].values.2027`.
 * @param path - keys and indices
 * @example
 * ```ts
 * import { formatPath } from 'meerjaren';
 *
 * formatPath(['sections', 0, 'lines', 3, 'values', '2026']); // "sections[0].lines[3].values.2026"
 * ```
 * @category Model
 */
export function formatPath(path: Path): string {
  if (!Array.isArray(path)) fail('invalid_argument', ['path'], 'formatPath: path must be a list of keys and indices');
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/**
 * Makes one issue.
 * @param code - stable code
 * @param path - where
 * @param message - what is wrong
 */
export function issue(code: IssueCode, path: Path, message: string): Issue {
  return Object.freeze({ code, path: formatPath(path), pathSegments: Object.freeze([...path]), message });
}

/**
 * Collects issues while a validator walks its input; throws them all at once at the end.
 * @category Model
 */
export class IssueCollector {
  readonly #issues: Issue[] = [];

  /** Records a problem. */
  add(code: IssueCode, path: Path, message: string): void {
    if (!isIssueCode(code)) fail('invalid_argument', ['code'], 'IssueCollector.add: code must be one of ISSUE_CODES');
    if (typeof message !== 'string') fail('invalid_argument', ['message'], 'IssueCollector.add: message must be a text');
    this.#issues.push(issue(code, path, message));
  }

  /** Records problems found elsewhere. */
  addAll(issues: readonly Issue[]): void {
    if (!isIssueList(issues)) fail('invalid_argument', ['issues'], 'IssueCollector.addAll: issues must be a list of issues');
    this.#issues.push(...issues);
  }

  /** Whether any problem was recorded. */
  get hasIssues(): boolean {
    return this.#issues.length > 0;
  }

  /** The problems so far. */
  get issues(): readonly Issue[] {
    return this.#issues;
  }

  /** Throws a {@link MeerjarenError} carrying every recorded problem, if there is one. */
  throwIfAny(): void {
    if (this.#issues.length > 0) throw new MeerjarenError(this.#issues);
  }
}

/**
 * Throws a {@link MeerjarenError} with one issue.
 * @param code - stable code
 * @param path - where
 * @param message - what is wrong
 */
export function fail(code: IssueCode, path: Path, message: string): never {
  throw new MeerjarenError([issue(code, path, message)]);
}
