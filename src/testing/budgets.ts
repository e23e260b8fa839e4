import fc from 'fast-check';
import { MAX_FRACTION_DIGITS, NUMBER_FORMATS, type NumberFormat } from '../core/amount.js';
import { fail } from '../core/errors.js';
import { MAX_HORIZON_YEARS, MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { arrayOf, boolean, integer, oneOf, readOptions, type OptionSpec } from '../core/guard.js';
import { NATURES, SIGN_CONVENTIONS, UNITS, type Budget, type LineRow, type Nature, type SignConvention, type Unit } from '../model/budget.js';
import { BUDGET_FORMAT, BUDGET_FORMAT_VERSION, type BudgetDocument, type ComponentDocument, type LineDocument, type SectionDocument, type ValueDocument, type ValuesDocument } from '../document/format.js';
import { loadBudget } from '../evaluate/load.js';
import { FORMAT, MAX_MICROS, MICRO_LIMIT, PROTOTYPE_MEMBER_IDS, UNIT, UNIT_POWER, formatPlainAmount, microsArb, microsToPlain, uniqueIdsArb } from './amounts.js';

// The budget arbitraries of `meerjaren/testing`: documents, their exact models, and budgets.


/** A cell of a {@link BudgetSample}: micro-euros (effect on the saldo, positive = voordeel), or a pm. @category Testing */
export type SampleCell = bigint | SamplePm;

/** A pm cell of a sample: plain, or with a known direction. @category Testing */
export interface SamplePm {
  /** `plain` for "pm", `voordeel` for "+pm", `nadeel` for "-pm". */
  readonly pm: 'plain' | 'voordeel' | 'nadeel';
}


/** Values of a sample row by year ("2026"); an absent year is nil. @category Testing */
export type SampleValues = Readonly<Record<string, SampleCell>>;

/** A component of a {@link BudgetSample}. @category Testing */
export interface SampleComponent {
  /** Id as the loader will know it (given, or the default `<line id>#<n>`). */
  readonly id: string;
  /** Incidental or structural, after defaults. */
  readonly nature: Nature;
  /** Values in micro-euros. */
  readonly values: SampleValues;
}

/** A line of a {@link BudgetSample}. @category Testing */
export interface SampleLine {
  /** Line id. */
  readonly id: string;
  /** Incidental or structural, after defaults (for the own row). */
  readonly nature: Nature;
  /** `amount` adds the own row to the components; `subtotal` prints their sum. */
  readonly row: LineRow;
  /** The own row in micro-euros (empty for a subtotal line: its printed values are checks). */
  readonly values: SampleValues;
  /** Components in order. */
  readonly components: readonly SampleComponent[];
}

/** A section of a {@link BudgetSample}. @category Testing */
export interface SampleSection {
  /** Section id. */
  readonly id: string;
  /** Lines in order. */
  readonly lines: readonly SampleLine[];
}

/**
 * What a generated document means, as plain data with BigInt micro-euros: the oracle for property tests.
 * @category Testing
 */
export interface BudgetSample {
  /** The generated document. */
  readonly document: BudgetDocument;
  /** Years of the horizon, ascending. */
  readonly years: readonly number[];
  /** Sections, lines and components with their exact values. */
  readonly sections: readonly SampleSection[];
  /** Unit the document writes amounts in. */
  readonly unit: Unit;
  /** Sign convention the document writes amounts in. */
  readonly sign: SignConvention;
  /** Declared number notation, if any. */
  readonly numberFormat: NumberFormat | undefined;
}

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

function cellArb(maxMicros: bigint, pm: boolean): fc.Arbitrary<SampleCell | undefined> {
  const arbs: fc.WeightedArbitrary<SampleCell | undefined>[] = [
    { weight: 6, arbitrary: microsArb(maxMicros) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  ];
  if (pm) arbs.push({ weight: 1, arbitrary: fc.constantFrom<SampleCell>({ pm: 'plain' }, { pm: 'voordeel' }, { pm: 'nadeel' }) });
  return fc.oneof<fc.WeightedArbitrary<SampleCell | undefined>[]>(...arbs);
}

function rowArb(years: number, maxMicros: bigint, pm: boolean): fc.Arbitrary<(SampleCell | undefined)[]> {
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

interface LineShape {
  readonly title: string;
  readonly nature: Nature;
  readonly declareNature: boolean;
  readonly tags: Record<string, string> | undefined;
  readonly own: (SampleCell | undefined)[] | undefined;
  readonly subtotal: boolean;
  readonly components: readonly {
    readonly title: string;
    readonly nature: Nature;
    readonly declareNature: boolean;
    readonly customId: boolean;
    readonly tags: Record<string, string> | undefined;
    readonly values: (SampleCell | undefined)[];
  }[];
}

function lineArb(years: number, o: Required<Omit<BudgetArbOptions, 'units' | 'signs' | 'numberFormats'>>): fc.Arbitrary<LineShape> {
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

const isPmCell = (c: SampleCell | undefined): c is { readonly pm: 'plain' | 'voordeel' | 'nadeel' } => typeof c === 'object';

/**
 * Valid budget documents with the exact meaning of each ({@link BudgetSample}): random horizons, sections,
 * lines, components, pm posts, natures, units, sign conventions, number formats, values written as
 * objects or arrays, amounts up to 18 digits before and 6 after the decimal point in euros, and (optionally)
 * exact printed subtotals and grand totals (left out in years whose sum is beyond the amount limit, since
 * such a total cannot be written).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(budgetSampleArb(), (sample) => {
 *   const result = evaluate(loadBudget(sample.document));
 *   // compare result.total with sums of sample.sections' BigInt micro-euros
 * }));
 * ```
 * @param options - sizes and which features to draw
 * @category Testing
 */
export function budgetSampleArb(options: BudgetArbOptions = {}): fc.Arbitrary<BudgetSample> {
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

interface Head {
  readonly from: number;
  readonly to: number;
  readonly budgetYear: number;
  readonly unit: Unit;
  readonly sign: SignConvention;
  readonly numberFormat: NumberFormat | undefined;
  readonly defaultNature: Nature | undefined;
  readonly asArrays: boolean;
  readonly grouped: boolean;
  readonly integersAsNumbers: boolean;
  readonly title: string;
  readonly tags: Record<string, string> | undefined;
  readonly printTotals: boolean;
}

/** The drawn ids of a document: one per section, and one per line and component in document order (one namespace). */
interface DrawnIds {
  readonly sections: readonly string[];
  readonly rows: readonly string[];
}

function render(head: Head, shapes: readonly { readonly title: string; readonly lines: readonly LineShape[] }[], ids: DrawnIds): BudgetSample {
  let nextRow = 0;
  const rowId = (): string => ids.rows[nextRow++] ?? `row-${nextRow}`;
  const years: number[] = [];
  for (let y = head.from; y <= head.to; y++) years.push(y);
  const negate = head.sign === 'nadeel-positive';
  const unitMicros = 10n ** BigInt(UNIT_POWER[head.unit] + MAX_FRACTION_DIGITS);

  const amount = (micros: bigint): ValueDocument => {
    const written = negate ? -micros : micros;
    if (head.integersAsNumbers && written % unitMicros === 0n) {
      const n = Number(written / unitMicros);
      if (Number.isSafeInteger(n)) return n;
    }
    return formatPlainAmount(microsToPlain(written, head.unit), head.numberFormat, head.grouped);
  };
  const cell = (c: SampleCell): ValueDocument => {
    if (!isPmCell(c)) return amount(c);
    if (c.pm === 'plain') return 'pm';
    return (c.pm === 'voordeel') !== negate ? '+pm' : '-pm';
  };
  const write = (cells: readonly (SampleCell | undefined)[]): ValuesDocument => {
    if (head.asArrays) {
      let last = cells.length;
      while (last > 0 && cells[last - 1] === undefined) last--;
      return cells.slice(0, last).map((c) => (c === undefined ? null : cell(c)));
    }
    const out: Record<string, ValueDocument> = {};
    cells.forEach((c, i) => {
      if (c !== undefined) out[String(years[i])] = cell(c);
    });
    return out;
  };
  const toRecord = (cells: readonly (SampleCell | undefined)[]): Record<string, SampleCell> => {
    const out: Record<string, SampleCell> = {};
    cells.forEach((c, i) => {
      if (c !== undefined) out[String(years[i])] = c;
    });
    return out;
  };
  // Exact printed totals of rows: a year is printed when some row has an amount in it.
  const printed = (rows: readonly (readonly (SampleCell | undefined)[])[]): (SampleCell | undefined)[] =>
    years.map((_, i) => {
      let sum = 0n;
      let any = false;
      for (const row of rows) {
        const c = row[i];
        if (typeof c === 'bigint') {
          sum += c;
          any = true;
        }
      }
      // A sum beyond the amount limit cannot be printed: leave that year out.
      return any && sum < MICRO_LIMIT && sum > -MICRO_LIMIT ? sum : undefined;
    });

  const allRows: (readonly (SampleCell | undefined)[])[] = [];
  const sampleSections: SampleSection[] = [];
  const sections: SectionDocument[] = shapes.map((shape, si) => {
    const sectionId = ids.sections[si] ?? `${si + 1}`;
    const sectionRows: (readonly (SampleCell | undefined)[])[] = [];
    const lines: SampleLine[] = [];
    const lineDocs: LineDocument[] = shape.lines.map((l) => {
      const id = rowId();
      const declareNature = l.declareNature || head.defaultNature === undefined;
      const lineNature: Nature = declareNature ? l.nature : (head.defaultNature ?? l.nature);
      const subtotal = l.subtotal && l.components.length > 0;
      const compDocs: ComponentDocument[] = [];
      const comps: SampleComponent[] = l.components.map((c, ci) => {
        const drawn = rowId(); // drawn for every component, so a line's components never take each other's ids
        const cid = c.customId ? drawn : `${id}#${ci + 1}`;
        const nature = c.declareNature ? c.nature : lineNature;
        compDocs.push({
          ...(c.customId ? { id: cid } : {}),
          title: c.title,
          ...(c.declareNature ? { nature: c.nature } : {}),
          ...(c.tags === undefined ? {} : { tags: c.tags }),
          values: write(c.values),
        });
        sectionRows.push(c.values);
        return { id: cid, nature, values: toRecord(c.values) };
      });
      let own = subtotal ? undefined : l.own;
      let ownDoc: ValuesDocument | undefined;
      if (subtotal) {
        // The printed subtotal: exact where every component value in the year is an amount.
        const cells = years.map((_, i) => {
          const row = l.components.map((c) => c.values[i]);
          if (row.some(isPmCell) || row.every((c) => c === undefined)) return undefined;
          const sum = row.reduce<bigint>((s, c) => s + (typeof c === 'bigint' ? c : 0n), 0n);
          return sum < MICRO_LIMIT && sum > -MICRO_LIMIT ? sum : undefined;
        });
        ownDoc = cells.some((c) => c !== undefined) ? write(cells) : undefined;
      } else if (own !== undefined) {
        ownDoc = write(own);
        sectionRows.push(own);
      } else own = undefined;
      lines.push({ id, nature: lineNature, row: subtotal ? 'subtotal' : 'amount', values: own === undefined ? {} : toRecord(own), components: comps });
      return {
        id,
        title: l.title,
        ...(declareNature ? { nature: l.nature } : {}),
        ...(l.tags === undefined ? {} : { tags: l.tags }),
        ...(ownDoc === undefined ? {} : { values: ownDoc }),
        ...(compDocs.length > 0 ? { row: subtotal ? ('subtotal' as const) : ('amount' as const), components: compDocs } : {}),
      };
    });
    allRows.push(...sectionRows);
    sampleSections.push({ id: sectionId, lines });
    const expected = head.printTotals ? printed(sectionRows) : [];
    return { id: sectionId, title: shape.title, lines: lineDocs, ...(expected.some((c) => c !== undefined) ? { expected: write(expected) } : {}) };
  });
  const expected = head.printTotals ? printed(allRows) : [];
  const document: BudgetDocument = {
    format: BUDGET_FORMAT,
    version: BUDGET_FORMAT_VERSION,
    title: head.title,
    unit: head.unit,
    ...(head.sign === 'voordeel-positive' && head.from % 2 === 0 ? {} : { sign: head.sign }),
    ...(head.numberFormat === undefined ? {} : { numberFormat: head.numberFormat }),
    horizon: { from: head.from, to: head.to, ...(head.budgetYear === head.from ? {} : { budgetYear: head.budgetYear }) },
    ...(head.defaultNature === undefined ? {} : { defaults: { nature: head.defaultNature } }),
    ...(head.tags === undefined ? {} : { tags: head.tags }),
    sections,
    ...(expected.some((c) => c !== undefined) ? { expected: write(expected) } : {}),
  };
  return { document, years, sections: sampleSections, unit: head.unit, sign: head.sign, numberFormat: head.numberFormat };
}

/**
 * Valid budget documents (see {@link budgetSampleArb} for what varies).
 * @example
 * ```ts
 * fc.assert(fc.property(budgetDocumentArb({ maxYears: 5 }), (doc) => {
 *   loadBudget(doc); // never throws
 * }));
 * ```
 * @param options - sizes and which features to draw
 * @category Testing
 */
export function budgetDocumentArb(options: BudgetArbOptions = {}): fc.Arbitrary<BudgetDocument> {
  options = budgetArbOptions('budgetDocumentArb', options);
  return budgetSampleArb(options).map((s) => s.document);
}

/**
 * Valid, frozen budgets: {@link budgetDocumentArb} loaded with `loadBudget`.
 * @example
 * ```ts
 * fc.assert(fc.property(budgetArb(), (b) => {
 *   const e = evaluate(b);
 *   return b.horizon.years.every((y) => e.total[y] !== undefined);
 * }));
 * ```
 * @param options - sizes and which features to draw
 * @category Testing
 */
export function budgetArb(options: BudgetArbOptions = {}): fc.Arbitrary<Budget> {
  options = budgetArbOptions('budgetArb', options);
  return budgetDocumentArb(options).map((doc) => loadBudget(doc));
}

/** Type guard for a pm cell of a {@link BudgetSample}. @category Testing */
export function isSamplePm(cell: SampleCell | undefined): cell is SamplePm {
  return isPmCell(cell);
}
