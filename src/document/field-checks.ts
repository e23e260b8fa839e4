/**
 * Checks of the arguments of the cover and savings functions that are not budgets (a cover, a budget's
 * presentation, a read context): shapes, without a walk over the data.
 * @internal
 * @packageDocumentation
 */
import { describeValue, isObjectLike, issueCollector, objectWith, oneOf, pathOf, requireArgument, type OptionCheck } from '../core/guard.js';
import { isAdmittedBudget } from './admitted.js';
import { NUMBER_FORMATS, type NumberFormat } from '../core/amount.js';
import { UNITS } from '../model/values.js';
import type { Decimal } from '../core/decimal.js';
import type { Horizon } from '../core/horizon.js';

/**
 * What a reader of the cover and savings parts of a document needs to know about the budget around them
 * (leescontext): the unit and number notation of amounts, the horizon, and which rows exist.
 * @category Cover
 */
export interface ReadContext {
  /** Euros per unit of the document (1000 for x EUR 1.000). */
  readonly unitFactor: Decimal;
  /** Declared number notation of amount strings, if any. */
  readonly numberFormat?: NumberFormat;
  /** The budget's horizon. */
  readonly horizon: Horizon;
  /** Every row id of the budget (lines and components), mapped to the id of its line. */
  readonly rows: ReadonlyMap<string, string>;
}

/** A cover (dekking) as on `Budget.cover`: sources and claims. @internal */
export const COVER: OptionCheck = objectWith(['sources', 'claims'], 'a cover (Budget.cover: { sources, claims })');

/** Something with a budget's presentation (its unit): a budget, or `{ presentation: { unit } }`. @internal */
export const PRESENTED: OptionCheck = (value, path, collector) => {
  if (!isObjectLike(value) || !isObjectLike((value as { presentation?: unknown }).presentation)) {
    collector.add('invalid_option', path, `${String(path[path.length - 1])} must be a budget (with its presentation), not ${describeValue(value)}`);
    return;
  }
  oneOf(UNITS)((value as { presentation: { unit?: unknown } }).presentation.unit, [...path, 'presentation', 'unit'], collector);
};

/** A read context from `contextOf`. @internal */
export const READ_CONTEXT: OptionCheck = objectWith(['unitFactor', 'horizon', 'rows'], 'a read context from contextOf()');



/** A notation of amount strings. @internal */
export const NUMBER_FORMAT: OptionCheck = oneOf(NUMBER_FORMATS);

/**
 * The budget (or the part of one) a read context is made of: a budget the library built, or an object with a
 * horizon, a presentation and sections of lines with ids and components. Walks the rows, as `contextOf` does.
 * @internal
 */
export const CONTEXT_SOURCE: OptionCheck = (value, path, collector) => {
  if (isAdmittedBudget(value)) return;
  const what = 'a budget (from loadBudget or budget())';
  const v = value as { horizon?: unknown; sections?: unknown };
  if (!isObjectLike(value) || !isObjectLike(v.horizon) || !Array.isArray((v.horizon as { years?: unknown }).years) || !Array.isArray(v.sections)) {
    collector.add('invalid_option', path, `${String(path[path.length - 1])} must be ${what}, not ${describeValue(value)}`);
    return;
  }
  PRESENTED(value, path, collector);
  v.sections.forEach((section: unknown, i) => {
    const lines = isObjectLike(section) ? (section as { lines?: unknown }).lines : undefined;
    if (!Array.isArray(lines)) return collector.add('invalid_option', [...path, 'sections', i, 'lines'], 'a section has a list of lines');
    lines.forEach((line: unknown, j) => {
      const l = line as { id?: unknown; components?: unknown };
      if (!isObjectLike(line) || typeof l.id !== 'string' || !Array.isArray(l.components) || l.components.some((c: unknown) => !isObjectLike(c) || typeof (c as { id?: unknown }).id !== 'string')) {
        collector.add('invalid_option', [...path, 'sections', i, 'lines', j], 'a line has an id and a list of components with ids');
      }
    });
  });
};

/**
 * Checks the arguments of a reader of a document part (`readCover`, `readTargets`): a path, an issue collector
 * and a read context; `invalid_argument` at the parameter's name.
 * @param fn - the public function's name
 * @param path - the path argument
 * @param issues - the collector argument
 * @param ctx - the context argument
 * @internal
 */
export function requireReaderArguments(fn: string, path: unknown, issues: unknown, ctx: unknown): asserts ctx is ReadContext {
  requireArgument(fn, 'path', path, pathOf);
  requireArgument(fn, 'issues', issues, issueCollector);
  requireArgument(fn, 'ctx', ctx, READ_CONTEXT);
}
