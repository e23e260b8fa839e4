import type { Arbitrary, WeightedArbitrary } from 'fast-check';
import fc from './fast-check.js';
import { NUMBER_FORMATS, type NumberFormat } from '../core/amount.js';
import { fail } from '../core/errors.js';
import { MAX_HORIZON_YEARS, MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { arrayOf, boolean, integer, oneOf, readOptions, type OptionSpec } from '../core/guard.js';
import { NATURES, SIGN_CONVENTIONS, UNITS, type Budget, type Nature, type SignConvention, type Unit } from '../model/budget.js';
import type { BudgetDocument } from '../document/format.js';
import { loadBudget } from '../evaluate/load.js';
import { FORMAT, MAX_MICROS, MICRO_LIMIT, PROTOTYPE_MEMBER_IDS, UNIT, microsArb, uniqueIdsArb } from './amounts.js';
import { isPmCell, render, type LineShape } from './budget-render.js';
import type { BudgetSample, SampleCell, SamplePm } from './sample.js';

export type { BudgetSample, SampleCell, SampleComponent, SampleLine, SampleSection, SamplePm, SampleValues } from './sample.js';

// The budget arbitraries of `meerjaren/testing`: documents, their exact models, and budgets.


/** Options of {@link budgetSampleArb}, {@link budgetDocumentArb} and {@link budgetArb}. @category Testing */
export interface BudgetArbOptions {
  /** Most years in the horizon. @defaultValue 8 */
  readonly maxYears?: number;
  /** Most sections. @defaultValue 4 */
  readonly maxSections?: number;
  /** Most lines per section. @defaultValue 5 */
  readonly maxLines?: number;
  /** Most components per line. @defaultValue 3 */
  readonly maxComponents?: number;
  /** Units to draw from. @defaultValue all */
  readonly units?: readonly Unit[];
  /** Sign conventions to draw from. @defaultValue both */
  readonly signs?: readonly SignConvention[];
  /** Number formats to draw from (`undefined` = none declared). @defaultValue all and none */
  readonly numberFormats?: readonly (NumberFormat | undefined)[];
  /** Whether cells may be pm. @defaultValue true */
  readonly pm?: boolean;
  /** Whether lines may be printed subtotals of their components. @defaultValue true */
  readonly subtotals?: boolean;
  /** Whether to print exact section and grand totals (`expected`) for the loader to check. @defaultValue true */
  readonly printedTotals?: boolean;
  /** Largest amount in micro-euros (exclusive). @defaultValue {@link MICRO_LIMIT} */
  readonly maxMicros?: bigint;
}


/** The checks of {@link BudgetArbOptions}. */
const BUDGET_ARB_OPTIONS: OptionSpec = {
  maxYears: integer({ min: 1, max: MAX_HORIZON_YEARS }),
  maxSections: integer({ min: 0, max: 100 }),
  maxLines: integer({ min: 0, max: 100 }),
  maxComponents: integer({ min: 0, max: 20 }),
  units: arrayOf(UNIT),
  signs: arrayOf(oneOf(SIGN_CONVENTIONS)),
  numberFormats: arrayOf((value, path, collector) => {
    if (value !== undefined) FORMAT(value, path, collector);
  }),
  pm: boolean,
  subtotals: boolean,
  printedTotals: boolean,
  maxMicros: MAX_MICROS,
};

/** Reads the options of an arbitrary of budgets: non-empty lists to draw from. */
function budgetArbOptions(fn: string, options: BudgetArbOptions): BudgetArbOptions {
  options = readOptions(fn, options, BUDGET_ARB_OPTIONS);
  for (const key of ['units', 'signs', 'numberFormats'] as const) {
    if (options[key]?.length === 0) fail('invalid_option', ['options', key], `${fn}: ${key} must not be empty`);
  }
  return options;
}
const DEFAULT_UNITS: readonly Unit[] = UNITS;
const DEFAULT_SIGNS: readonly SignConvention[] = SIGN_CONVENTIONS;
const DEFAULT_FORMATS: readonly (NumberFormat | undefined)[] = [...NUMBER_FORMATS, undefined];
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

// ---- budgets -----------------------------------------------------------------------------------------

function cellArb(maxMicros: bigint, pm: boolean): Arbitrary<SampleCell | undefined> {
  const arbs: WeightedArbitrary<SampleCell | undefined>[] = [
    { weight: 6, arbitrary: microsArb(maxMicros) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  ];
  if (pm) arbs.push({ weight: 1, arbitrary: fc.constantFrom<SampleCell>({ pm: 'plain' }, { pm: 'voordeel' }, { pm: 'nadeel' }) });
  return fc.oneof<WeightedArbitrary<SampleCell | undefined>[]>(...arbs);
}

function rowArb(years: number, maxMicros: bigint, pm: boolean): Arbitrary<(SampleCell | undefined)[]> {
  // At least one year carries a value, so a row is never empty.
  return fc
    .tuple(fc.array(cellArb(maxMicros, pm), { minLength: years, maxLength: years }), fc.nat({ max: years - 1 }), microsArb(maxMicros))
    .map(([drawn, at, fallback]) => {
      const cells: (SampleCell | undefined)[] = [...drawn];
      if (!cells.some((c) => c !== undefined)) cells[at] = fallback;
      return cells;
    });
}

const textArb = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim() !== '');
const tagsArb = fc.dictionary(
  fc.oneof(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !FORBIDDEN.has(k)), fc.constantFrom(...PROTOTYPE_MEMBER_IDS)),
  fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_MEMBER_IDS) }),
  { maxKeys: 3, noNullPrototype: true },
);

function lineArb(years: number, o: Required<Omit<BudgetArbOptions, 'units' | 'signs' | 'numberFormats'>>): Arbitrary<LineShape> {
  const nature = fc.constantFrom<Nature>(...NATURES);
  const component = fc.record({
    title: textArb,
    nature,
    declareNature: fc.boolean(),
    customId: fc.boolean(),
    tags: fc.option(tagsArb, { nil: undefined }),
    values: rowArb(years, o.maxMicros, o.pm),
  });
  return fc
    .record({
      title: textArb,
      nature,
      declareNature: fc.boolean(),
      tags: fc.option(tagsArb, { nil: undefined }),
      own: fc.option(rowArb(years, o.maxMicros, o.pm), { nil: undefined, freq: 4 }),
      subtotal: o.subtotals ? fc.boolean() : fc.constant(false),
      components: fc.array(component, { maxLength: o.maxComponents }),
    })
    .map((l): LineShape => {
      if (l.own !== undefined || l.components.length > 0) return l;
      const own: (SampleCell | undefined)[] = Array.from({ length: years }, () => undefined);
      own[0] = 0n;
      return { ...l, own };
    });
}


/**
 * Valid budget documents with the exact meaning of each ({@link BudgetSample}): random horizons, sections,
 * lines, components, pm posts, natures, units, sign conventions, number formats, values written as
 * objects or arrays, amounts up to 18 digits before and 6 after the decimal point in euros, and (optionally)
 * exact printed subtotals and grand totals (left out in years whose sum is beyond the amount limit, since
 * such a total cannot be written).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { evaluate, loadBudget } from 'meerjaren';
 * import { budgetSampleArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(budgetSampleArb(), (sample) => {
 *   const result = evaluate(loadBudget(sample.document));
 *   return sample.years.every((year) => result.total[year] !== undefined); // compare with the sample's exact micro-euros
 * }), { numRuns: 20, seed: 20261125 }); // a fixed seed: the same cases on every run
 * ```
 * @param options - sizes and which features to draw
 * @category Testing
 */
export function budgetSampleArb(options: BudgetArbOptions = {}): Arbitrary<BudgetSample> {
  options = budgetArbOptions('budgetSampleArb', options);
  const o = {
    maxYears: options.maxYears ?? 8,
    maxSections: options.maxSections ?? 4,
    maxLines: options.maxLines ?? 5,
    maxComponents: options.maxComponents ?? 3,
    pm: options.pm ?? true,
    subtotals: options.subtotals ?? true,
    printedTotals: options.printedTotals ?? true,
    maxMicros: options.maxMicros ?? MICRO_LIMIT,
  };
  const units = options.units ?? DEFAULT_UNITS;
  const signs = options.signs ?? DEFAULT_SIGNS;
  const formats = options.numberFormats ?? DEFAULT_FORMATS;
  return fc
    .record({
      from: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
      length: fc.integer({ min: 1, max: Math.max(1, o.maxYears) }),
      budgetOffset: fc.nat(),
      unit: fc.constantFrom(...units),
      sign: fc.constantFrom(...signs),
      numberFormat: fc.constantFrom(...formats),
      defaultNature: fc.option(fc.constantFrom<Nature>(...NATURES), { nil: undefined }),
      asArrays: fc.boolean(),
      grouped: fc.boolean(),
      integersAsNumbers: fc.boolean(),
      title: textArb,
      tags: fc.option(tagsArb, { nil: undefined }),
      printTotals: o.printedTotals ? fc.boolean() : fc.constant(false),
    })
    .chain((head) => {
      const to = Math.min(MAX_YEAR, head.from + head.length - 1);
      const years = to - head.from + 1;
      return fc
        .array(fc.record({ title: textArb, lines: fc.array(lineArb(years, o), { maxLength: o.maxLines }) }), { maxLength: o.maxSections })
        .chain((sections) => {
          const rows = sections.reduce((n, s) => n + s.lines.reduce((m, l) => m + 1 + l.components.length, 0), 0);
          return fc
            .tuple(uniqueIdsArb(sections.length), uniqueIdsArb(rows))
            .map(([sectionIds, rowIds]) => render({ ...head, to, budgetYear: head.from + (head.budgetOffset % years) }, sections, { sections: sectionIds, rows: rowIds }));
        });
    });
}

/**
 * Valid budget documents (see {@link budgetSampleArb} for what varies).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { loadBudget } from 'meerjaren';
 * import { budgetDocumentArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(budgetDocumentArb({ maxYears: 5 }), (doc) => {
 *   loadBudget(doc); // never throws
 * }), { numRuns: 20, seed: 20261125 }); // a fixed seed: the same cases on every run
 * ```
 * @param options - sizes and which features to draw
 * @category Testing
 */
export function budgetDocumentArb(options: BudgetArbOptions = {}): Arbitrary<BudgetDocument> {
  options = budgetArbOptions('budgetDocumentArb', options);
  return budgetSampleArb(options).map((s) => s.document);
}

/**
 * Valid, frozen budgets: {@link budgetDocumentArb} loaded with `loadBudget`.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { evaluate } from 'meerjaren';
 * import { budgetArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(budgetArb(), (b) => {
 *   const e = evaluate(b);
 *   return b.horizon.years.every((y) => e.total[y] !== undefined);
 * }), { numRuns: 20, seed: 20261125 }); // a fixed seed: the same cases on every run
 * ```
 * @param options - sizes and which features to draw
 * @category Testing
 */
export function budgetArb(options: BudgetArbOptions = {}): Arbitrary<Budget> {
  options = budgetArbOptions('budgetArb', options);
  return budgetDocumentArb(options).map((doc) => loadBudget(doc));
}

/** Type guard for a pm cell of a {@link BudgetSample}. @category Testing */
export function isSamplePm(cell: SampleCell | undefined): cell is SamplePm {
  return isPmCell(cell);
}
