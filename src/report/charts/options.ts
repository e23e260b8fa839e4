/**
 * Options every chart shares (grafiekopties) and the checks on chart input.
 *
 * @packageDocumentation
 */

import type { IssueCollector, Path } from '../../core/errors.js';
import { requireObject } from '../../core/guard.js';
import { defaultFormatter, type ChartLocale, type NumberFormatter } from './format.js';
import { chartTexts, type ChartTexts } from './labels.js';
import { shortHash } from './svg.js';

/** Options every chart accepts. @category Reports */
export interface ChartOptions {
  /**
   * Width in pixels (160..10000).
   * @defaultValue 640
   */
  readonly width?: number;
  /**
   * Height in pixels (120..10000). A chart whose rotated category labels need more than their share of it grows
   * taller by what they need: labels are never cut.
   * @defaultValue 360
   */
  readonly height?: number;
  /**
   * Language of the fixed texts and of the default number format.
   * @defaultValue 'nl'
   */
  readonly labels?: ChartLocale;
  /**
   * Formatter for tick and value labels.
   * @defaultValue grouped thousands for the language: "1.083", "-2.100"
   */
  readonly format?: NumberFormatter;
  /** Accessible description (`<desc>`); by default the chart describes its data in words. */
  readonly description?: string;
  /**
   * Id of the `<svg>` element and prefix of every id inside it; must be unique in a page.
   * @defaultValue derived from the chart kind and a hash of its input
   */
  readonly id?: string;
  /** Whether to print values next to bars and points; each chart has its own default. */
  readonly valueLabels?: boolean;
}

/** Chart options with defaults applied. */
export interface ResolvedOptions {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** Language. */
  readonly locale: ChartLocale;
  /** Fixed texts in that language. */
  readonly texts: ChartTexts;
  /** Number formatter. */
  readonly format: NumberFormatter;
  /** Id prefix. */
  readonly id: string;
  /** User description, if given. */
  readonly description: string | undefined;
  /** User choice for value labels, if given. */
  readonly valueLabels: boolean | undefined;
}

/** The names of {@link ChartOptions}: every chart input accepts them. */
const CHART_OPTION_NAMES = ['width', 'height', 'labels', 'format', 'description', 'id', 'valueLabels'];

/**
 * Checks a chart's input at the public boundary: it must be an object (`invalid_argument` at `input`, thrown at
 * once), and every key must be one of the chart's fields or a {@link ChartOptions} name (`unknown_option` at the
 * key, recorded in `issues` with the chart's other problems).
 * @param fn - the chart function's name
 * @param input - what the caller passed
 * @param fields - the chart's own fields
 * @param issues - collector for problems
 */
export function checkChartInput(fn: string, input: unknown, fields: readonly string[], issues: IssueCollector): void {
  requireObject(fn, 'input', input, 'an object with the chart\'s data and options');
  const known = [...fields, ...CHART_OPTION_NAMES];
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) issues.add('unknown_option', [key], `${fn}: unknown field "${key}"; known fields: ${known.join(', ')}`);
  }
}

/** Default chart width in pixels. */
export const DEFAULT_WIDTH = 640;
/** Default chart height in pixels. */
export const DEFAULT_HEIGHT = 360;
/** Largest absolute display value a chart accepts (beyond it pixels lose meaning). */
export const MAX_CHART_VALUE = 1e15;

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

/**
 * Checks the shared options and applies defaults. Problems go to the collector.
 * @param kind - chart kind, part of the default id
 * @param input - the whole chart input (hashed for the default id)
 * @param options - the user's options
 * @param issues - collector for problems
 */
export function resolveOptions(
  kind: string,
  input: unknown,
  options: ChartOptions,
  issues: IssueCollector,
): ResolvedOptions {
  const width = checkSize(options.width, DEFAULT_WIDTH, 160, ['width'], issues);
  const height = checkSize(options.height, DEFAULT_HEIGHT, 120, ['height'], issues);
  let locale: ChartLocale = 'nl';
  if (options.labels !== undefined) {
    if (options.labels === 'nl' || options.labels === 'en') locale = options.labels;
    else issues.add('invalid_value', ['labels'], "labels must be 'nl' or 'en'");
  }
  if (options.format !== undefined && typeof options.format !== 'function') {
    issues.add('invalid_type', ['format'], 'format must be a function');
  }
  if (options.description !== undefined && typeof options.description !== 'string') {
    issues.add('invalid_type', ['description'], 'description must be a string');
  }
  if (options.valueLabels !== undefined && typeof options.valueLabels !== 'boolean') {
    issues.add('invalid_type', ['valueLabels'], 'valueLabels must be a boolean');
  }
  let id = `mj-${kind}-${shortHash(stableJson(input))}`;
  if (options.id !== undefined) {
    if (typeof options.id === 'string' && ID_PATTERN.test(options.id)) id = options.id;
    else issues.add('invalid_id', ['id'], 'id must start with a letter or _ and hold only letters, digits, _ . -');
  }
  return {
    width,
    height,
    locale,
    texts: chartTexts(locale),
    format: typeof options.format === 'function' ? options.format : defaultFormatter(locale),
    id,
    description: typeof options.description === 'string' ? options.description : undefined,
    valueLabels: typeof options.valueLabels === 'boolean' ? options.valueLabels : undefined,
  };
}

function checkSize(value: unknown, fallback: number, min: number, path: Path, issues: IssueCollector): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > 10_000) {
    issues.add('invalid_value', path, `must be a number from ${min} to 10000`);
    return fallback;
  }
  return value;
}

function stableJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'function' ? undefined : v)) ?? '';
  } catch {
    return '';
  }
}

/**
 * Checks a text field.
 * @param value - the value
 * @param path - where it is
 * @param issues - collector
 * @param required - whether it must be present
 */
export function checkText(value: unknown, path: Path, issues: IssueCollector, required = true): string {
  if (typeof value === 'string') return value;
  if (value === undefined && !required) return '';
  issues.add(value === undefined ? 'missing_field' : 'invalid_type', path, 'must be a string');
  return '';
}

/**
 * Checks one display number: finite and within ±{@link MAX_CHART_VALUE}. Returns it, or
 * `null` when it is null (and nulls are allowed) or bad.
 * @param value - the value
 * @param path - where it is
 * @param issues - collector
 * @param allowNull - whether null (a gap) is allowed
 */
export function checkNumber(value: unknown, path: Path, issues: IssueCollector, allowNull: boolean): number | null {
  if (value === null && allowNull) return null;
  if (typeof value !== 'number') {
    issues.add('invalid_type', path, allowNull ? 'must be a number or null' : 'must be a number');
    return null;
  }
  if (!Number.isFinite(value)) {
    issues.add('invalid_value', path, 'must be a finite number');
    return null;
  }
  if (Math.abs(value) > MAX_CHART_VALUE) {
    issues.add('amount_out_of_range', path, `must be within ±${MAX_CHART_VALUE}`);
    return null;
  }
  return value === 0 ? 0 : value;
}

/**
 * Checks a series of display numbers with one value per year.
 * @param values - the array
 * @param length - expected length (number of years)
 * @param path - where it is
 * @param issues - collector
 * @param allowNull - whether nulls (gaps) are allowed
 */
export function checkSeries(
  values: unknown,
  length: number,
  path: Path,
  issues: IssueCollector,
  allowNull = true,
): readonly (number | null)[] {
  if (!Array.isArray(values)) {
    issues.add(values === undefined ? 'missing_field' : 'invalid_type', path, 'must be an array of numbers');
    return Array.from({ length }, () => null);
  }
  if (values.length !== length) {
    issues.add('length_mismatch', path, `must have one value per year (${length}), has ${values.length}`);
  }
  const out: (number | null)[] = [];
  for (let i = 0; i < length; i++) {
    out.push(i < values.length ? checkNumber(values[i] as unknown, [...path, i], issues, allowNull) : null);
  }
  return out;
}

/**
 * Checks the years (category labels) of a chart: numbers or strings, no duplicates.
 * Returns them as display strings (a year is printed without grouping: 2025, not 2.025).
 * @param years - the array
 * @param path - where it is
 * @param issues - collector
 */
export function checkYears(years: unknown, path: Path, issues: IssueCollector): readonly string[] {
  if (!Array.isArray(years)) {
    issues.add(years === undefined ? 'missing_field' : 'invalid_type', path, 'must be an array of years');
    return [];
  }
  const seen = new Set<string>();
  const out: string[] = [];
  years.forEach((year: unknown, i) => {
    let label = '';
    if (typeof year === 'number' && Number.isFinite(year)) label = String(year);
    else if (typeof year === 'string') label = year;
    else issues.add('invalid_year', [...path, i], 'must be a year number or a label');
    if (seen.has(label)) issues.add('duplicate_year', [...path, i], `year ${label} appears twice`);
    seen.add(label);
    out.push(label);
  });
  return out;
}

/**
 * Checks optional preformatted labels: an array of strings or nulls, one per year.
 * @param value - the array or undefined
 * @param length - number of years
 * @param path - where it is
 * @param issues - collector
 */
export function checkDisplays(
  value: unknown,
  length: number,
  path: Path,
  issues: IssueCollector,
): readonly (string | null)[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    issues.add('invalid_type', path, 'must be an array of strings or nulls');
    return undefined;
  }
  if (value.length !== length) issues.add('length_mismatch', path, `must have one label per year (${length})`);
  return value.map((v: unknown, i) => {
    if (v === null || typeof v === 'string') return v;
    issues.add('invalid_type', [...path, i], 'must be a string or null');
    return null;
  });
}

/**
 * Checks an optional text field.
 * @param value - the value or undefined
 * @param path - where it is
 * @param issues - collector
 */
export function checkOptionalText(value: unknown, path: Path, issues: IssueCollector): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  issues.add('invalid_type', path, 'must be a string');
  return undefined;
}
