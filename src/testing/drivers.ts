import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import type { NumberFormat } from '../core/amount.js';
import { integer, readOptions, requireArgument, requireString, type OptionCheck } from '../core/guard.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { MAX_EXPRESSION_DEPTH, PARAMETER_RULES, type ParameterRule } from '../model/drivers.js';
import type { BudgetDocument, DriversDocument, FormulaDocument, IndicatorDocument, LineDocument, ParameterDocument } from '../document/format.js';
import { FORMAT, PROTOTYPE_MEMBER_IDS, formatPlainAmount } from './amounts.js';
import { budgetSampleArb, type BudgetArbOptions, type BudgetSample } from './budgets.js';

// The driver arbitraries of `meerjaren/testing`: indicators, dated parameters and the formulas of driven lines,
// each with its exact meaning as plain data (decimal texts, an expression tree), and budgets with them.

/**
 * The expression of a drawn formula as a tree (the oracle of its text): numbers as plain decimal texts, the names of
 * indicators and parameters, negation, the four operations and redundant parentheses. Evaluate it with exact
 * fractions to know what the driven line must be.
 * @category Testing
 */
export type DriverTerm =
  | {
      /** A number. */
      readonly kind: 'number';
      /** Its plain decimal text ("44", "0.5"). */
      readonly value: string;
    }
  | {
      /** An indicator's or parameter's name. */
      readonly kind: 'name';
      /** The name. */
      readonly name: string;
    }
  | {
      /** Unary minus. */
      readonly kind: 'negate';
      /** What is negated. */
      readonly operand: DriverTerm;
    }
  | {
      /** Parentheses around a term (written as they stand). */
      readonly kind: 'parentheses';
      /** The term inside. */
      readonly inner: DriverTerm;
    }
  | {
      /** One of the four operations. */
      readonly kind: 'operation';
      /** The operator. */
      readonly operator: '+' | '-' | '*' | '/';
      /** The left operand. */
      readonly left: DriverTerm;
      /** The right operand (never zero after a "/"). */
      readonly right: DriverTerm;
    };

/** A drawn indicator: as written, and its values as plain decimal texts by year. @category Testing */
export interface IndicatorSample {
  /** The indicator as the document writes it (values in the document's number format). */
  readonly document: IndicatorDocument;
  /** Its values by year ("2026"), plain decimal texts ("-12.5"); an absent year has no value. */
  readonly values: Readonly<Record<string, string>>;
  /** Whether every value is 1 or more (such an indicator may divide). */
  readonly divisor: boolean;
}

/** A drawn dated parameter: as written, and its periods with plain decimal values. @category Testing */
export interface ParameterSample {
  /** The parameter as the document writes it. */
  readonly document: ParameterDocument;
  /** Its rule. */
  readonly rule: ParameterRule;
  /** Its periods by increasing date, values as plain decimal texts. */
  readonly periods: readonly {
    /** First day, `yyyy-mm-dd`. */
    readonly from: string;
    /** The value from that day on, a plain decimal text. */
    readonly value: string;
  }[];
}

/** A drawn formula of a driven row: as written, and its expression as a tree. @category Testing */
export interface FormulaSample {
  /** The formula as the document writes it. */
  readonly document: FormulaDocument;
  /** The expression's tree: the text of `document.expression` parses to it. */
  readonly term: DriverTerm;
}

/** Drawn drivers of a budget (sturende grootheden) with their exact meaning. @category Testing */
export interface DriversSample {
  /** The drivers part of a budget document. */
  readonly document: DriversDocument;
  /** The indicators. */
  readonly indicators: readonly IndicatorSample[];
  /** The dated parameters. */
  readonly parameters: readonly ParameterSample[];
  /** One formula per driven row, in the order of the rows given. */
  readonly formulas: readonly FormulaSample[];
}

/** Options of {@link driversArb}. @category Testing */
export interface DriversArbOptions {
  /** Most indicators (at least one is drawn). @defaultValue 4 */
  readonly maxIndicators?: number;
  /** Most dated parameters. @defaultValue 3 */
  readonly maxParameters?: number;
  /** The number format the values are written in (a budget document's `numberFormat`; `undefined`: none declared). */
  readonly numberFormat?: NumberFormat;
}

/** The years of {@link driversArb}: a horizon, both ends included. @category Testing */
export interface DriverYears {
  /** First year. */
  readonly from: number;
  /** Last year. */
  readonly to: number;
}

const NAME_POOL = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'jeugdigen', 'tarief', 'Ü_1', `a${'b'.repeat(63)}`];
const nameArb = fc.oneof(fc.constantFrom(...NAME_POOL), fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/));

/** A plain decimal text: `whole` up to `max`, up to `places` decimals, maybe negative. */
function plainArb(max: number, places: number, negative: boolean, min = 0): Arbitrary<string> {
  const scale = 10 ** places;
  return fc.integer({ min: negative ? -max * scale : min * scale, max: max * scale }).map((n) => {
    const sign = n < 0 ? '-' : '';
    const a = Math.abs(n);
    const whole = Math.floor(a / scale);
    const fraction = places === 0 ? '' : String(a % scale).padStart(places, '0').replace(/0+$/, '');
    return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
  });
}

/** A value as a document writes it: in its number format, an integer sometimes as a JSON number. */
function written(plain: string, format: NumberFormat | undefined, asNumber: boolean): string | number {
  return asNumber && /^-?\d{1,15}$/.test(plain) ? Number(plain) : formatPlainAmount(plain, format);
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const day = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The dates a period may start on: 1 January, 31 December, the end of February and 1 March of each year, one before and one after the years. */
function periodDates(from: number, to: number): string[] {
  const dates: string[] = [];
  if (from > MIN_YEAR) dates.push(day(from - 1, 7, 1));
  for (let y = from; y <= to; y++) dates.push(day(y, 1, 1), day(y, 2, 28), ...(isLeap(y) ? [day(y, 2, 29)] : []), day(y, 3, 1), day(y, 7, 15), day(y, 12, 31));
  if (to < MAX_YEAR) dates.push(day(to + 1, 1, 1));
  return dates;
}

/** The text of a term, and its nesting as the parser counts it (each parenthesis and each negation one level). */
function render(term: DriverTerm, space: string): { readonly text: string; readonly depth: number } {
  switch (term.kind) {
    case 'number':
      return { text: term.value, depth: 0 };
    case 'name':
      return { text: term.name, depth: 0 };
    case 'parentheses': {
      const inner = render(term.inner, space);
      return { text: `(${inner.text})`, depth: inner.depth + 1 };
    }
    case 'negate': {
      const inner = render(term.operand, space);
      return term.operand.kind === 'operation' ? { text: `-(${inner.text})`, depth: inner.depth + 2 } : { text: `-${inner.text}`, depth: inner.depth + 1 };
    }
    case 'operation': {
      const strong = term.operator === '*' || term.operator === '/';
      const left = render(term.left, space);
      const right = render(term.right, space);
      // an operand is parenthesised where the text would otherwise group it differently from the tree
      const wrapLeft = term.left.kind === 'operation' && strong && (term.left.operator === '+' || term.left.operator === '-');
      const wrapRight = term.right.kind === 'operation' && (strong || term.right.operator === '+' || term.right.operator === '-');
      const l = wrapLeft ? { text: `(${left.text})`, depth: left.depth + 1 } : left;
      const r = wrapRight ? { text: `(${right.text})`, depth: right.depth + 1 } : right;
      return { text: `${l.text}${space}${term.operator}${space}${r.text}`, depth: Math.max(l.depth, r.depth) };
    }
  }
}

/**
 * The text of a drawn expression tree, as a formula writes it (`space` around the operators, parentheses where
 * the grouping needs them).
 * @param term - the tree
 * @param space - what stands around each operator (`' '`, `''`, a tab)
 * @category Testing
 */
export function driverTermText(term: DriverTerm, space = ' '): string {
  requireArgument('driverTermText', 'term', term, (value, path, collector) => {
    if (!isTerm(value, 64)) collector.add('invalid_argument', path, 'term is a drawn expression tree ({ kind: "number" | "name" | "negate" | "parentheses" | "operation", ... }), at most 64 deep');
  });
  requireString('driverTermText', 'space', space);
  return render(term, space).text;
}

/** Whether a value is an expression tree of at most `depth` levels. */
function isTerm(value: unknown, depth: number): value is DriverTerm {
  if (depth === 0 || typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  switch (t['kind']) {
    case 'number':
      return typeof t['value'] === 'string';
    case 'name':
      return typeof t['name'] === 'string';
    case 'negate':
      return isTerm(t['operand'], depth - 1);
    case 'parentheses':
      return isTerm(t['inner'], depth - 1);
    case 'operation':
      return ['+', '-', '*', '/'].includes(t['operator'] as string) && isTerm(t['left'], depth - 1) && isTerm(t['right'], depth - 1);
    default:
      return false;
  }
}

/**
 * Expressions over `names`: a sum of up to three products of up to three factors (a name, a number, a negation,
 * or a parenthesised sum of two names or numbers), a product perhaps divided by a number of 1 or more or by a
 * `divisors` name; bounded so that with the values of {@link driversArb} every result stays within the amount
 * limits. Sometimes wrapped in parentheses up to the deepest nesting the parser takes ({@link MAX_EXPRESSION_DEPTH}).
 */
function termArb(names: readonly string[], divisors: readonly string[]): Arbitrary<DriverTerm> {
  const leaf: Arbitrary<DriverTerm> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names).map((name): DriverTerm => ({ kind: 'name', name })) },
    { weight: 1, arbitrary: plainArb(1000, 4, false).map((value): DriverTerm => ({ kind: 'number', value })) },
  );
  const small: Arbitrary<DriverTerm> = fc
    .tuple(leaf, leaf, fc.constantFrom<'+' | '-'>('+', '-'))
    .map(([left, right, operator]): DriverTerm => ({ kind: 'parentheses', inner: { kind: 'operation', operator, left, right } }));
  const factor: Arbitrary<DriverTerm> = fc.oneof(
    { weight: 5, arbitrary: leaf },
    { weight: 1, arbitrary: leaf.map((operand): DriverTerm => ({ kind: 'negate', operand })) },
    { weight: 1, arbitrary: small },
  );
  const divisor: Arbitrary<DriverTerm> = fc.oneof(
    plainArb(1000, 2, false, 1).map((value): DriverTerm => ({ kind: 'number', value })),
    ...(divisors.length > 0 ? [fc.constantFrom(...divisors).map((name): DriverTerm => ({ kind: 'name', name }))] : []),
  );
  const product: Arbitrary<DriverTerm> = fc
    .tuple(fc.array(factor, { minLength: 1, maxLength: 3 }), fc.option(divisor, { nil: undefined, freq: 3 }))
    .map(([factors, by]) => {
      const p = factors.slice(1).reduce<DriverTerm>((left, right) => ({ kind: 'operation', operator: '*', left, right }), factors[0]!);
      return by === undefined ? p : { kind: 'operation', operator: '/', left: p, right: by };
    });
  return fc
    .tuple(fc.array(fc.tuple(product, fc.constantFrom<'+' | '-'>('+', '-')), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.nat(9))
    .map(([terms, negateFirst, deepest]) => {
      const first: DriverTerm = negateFirst ? { kind: 'negate', operand: terms[0]![0] } : terms[0]![0];
      let t = terms.slice(1).reduce<DriverTerm>((left, [right, operator]) => ({ kind: 'operation', operator, left, right }), first);
      if (deepest === 0) for (let d = render(t, '').depth; d < MAX_EXPRESSION_DEPTH; d++) t = { kind: 'parentheses', inner: t };
      return t;
    });
}

const DRIVERS_OPTIONS = {
  maxIndicators: integer({ min: 1, max: 20 }),
  maxParameters: integer({ min: 0, max: 20 }),
  numberFormat: FORMAT,
};

const yearsCheck: OptionCheck = (value, path, collector) => {
  const y = value as DriverYears;
  const whole = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= MIN_YEAR && (n as number) <= MAX_YEAR;
  if (typeof value !== 'object' || value === null || !whole(y.from) || !whole(y.to) || y.from > y.to || y.to - y.from >= 50) {
    collector.add('invalid_argument', path, `years is { from, to }, whole years from ${MIN_YEAR} to ${MAX_YEAR}, from <= to, at most 50 years`);
  }
};

/**
 * Drivers for a budget whose horizon is `years` (sturende grootheden): indicators (ids such as `toString` and a
 * 64-character one, values with up to 3 decimals in the number format, some years left out, one year before the
 * horizon), dated parameters (`per-day` and `year-average`, periods from 1 January, 28/29 February, 1 March or 31
 * December of a year, from before the horizon and after it, values with up to 6 decimals, negative ones among
 * them) and a formula for each of `rows`. The values stay small enough (indicators up to 100.000, parameters up to
 * 500 a day) for every formula's result to lie within the amount limits, and nothing divides by zero.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { driversArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(driversArb(['3.1'], { from: 2026, to: 2029 }), (d) => {
 *   return d.formulas.length === 1 && d.formulas[0]!.document.row === '3.1';
 * }), { numRuns: 20, seed: 20261204 });
 * ```
 * @param rows - the ids of the driven rows (lines or components)
 * @param years - the horizon
 * @param options - how many indicators and parameters, the number format
 * @category Testing
 */
export function driversArb(rows: readonly string[], years: DriverYears, options: DriversArbOptions = {}): Arbitrary<DriversSample> {
  requireArgument('driversArb', 'rows', rows, (value, path, collector) => {
    if (!Array.isArray(value) || !value.every((r) => typeof r === 'string')) collector.add('invalid_argument', path, 'rows is a list of row ids');
  });
  requireArgument('driversArb', 'years', years, yearsCheck);
  options = readOptions('driversArb', options, DRIVERS_OPTIONS);
  const format = options.numberFormat;
  const yearList = Array.from({ length: years.to - years.from + 1 }, (_, i) => years.from + i);
  const before = years.from > MIN_YEAR ? [years.from - 1] : [];
  const dates = periodDates(years.from, years.to);
  const indicatorCount = fc.integer({ min: 1, max: options.maxIndicators ?? 4 });
  const parameterCount = fc.integer({ min: 0, max: options.maxParameters ?? 3 });
  return fc
    .tuple(indicatorCount, parameterCount)
    .chain(([ni, np]) => fc.tuple(fc.uniqueArray(nameArb, { minLength: ni + np, maxLength: ni + np }), fc.array(fc.boolean(), { minLength: ni, maxLength: ni })))
    .chain(([names, divisorFlags]) => {
      const indicatorNames = names.slice(0, divisorFlags.length);
      const parameterNames = names.slice(divisorFlags.length);
      const indicators = fc.tuple(
        ...indicatorNames.map((id, i) => {
          const value = divisorFlags[i] ? plainArb(100_000, 3, false, 1) : plainArb(100_000, 3, true);
          const cell = divisorFlags[i] ? value.map((v): string | undefined => v) : fc.option(value, { nil: undefined, freq: 5 });
          return fc
            .tuple(fc.array(cell, { minLength: yearList.length + before.length, maxLength: yearList.length + before.length }), fc.array(fc.boolean(), { minLength: yearList.length + before.length, maxLength: yearList.length + before.length }), fc.constantFrom('jeugdigen', 'plaatsen', '%', 'index'))
            .map(([cells, asNumber, unit]): IndicatorSample => {
              const all = [...before, ...yearList];
              const values = Object.fromEntries(all.flatMap((y, k) => (cells[k] === undefined ? [] : [[String(y), cells[k]] as const])));
              const document: IndicatorDocument = {
                id,
                title: `Indicator ${id}`,
                unit,
                values: Object.fromEntries(all.flatMap((y, k) => (cells[k] === undefined ? [] : [[String(y), written(cells[k], format, asNumber[k]!)] as const]))),
              };
              return { document, values, divisor: divisorFlags[i]! };
            });
        }),
      );
      const parameters = fc.tuple(
        ...parameterNames.map((id) =>
          fc
            .tuple(fc.constantFrom<ParameterRule>(...PARAMETER_RULES), fc.uniqueArray(fc.constantFrom(...dates), { minLength: 1, maxLength: 4 }), fc.array(plainArb(500, 6, true), { minLength: 4, maxLength: 4 }), fc.boolean())
            .map(([rule, from, values, asNumber]): ParameterSample => {
              const periods = [...from].sort().map((date, k) => ({ from: date, value: values[k]! }));
              return { rule, periods, document: { id, title: `Parameter ${id}`, unit: 'EUR per dag', rule, periods: periods.map((p) => ({ from: p.from, value: written(p.value, format, asNumber) })) } };
            }),
        ),
      );
      return fc.tuple(indicators, parameters).chain(([ind, par]) => {
        const divisors = ind.filter((i) => i.divisor).map((i) => i.document.id);
        const formula = fc.tuple(termArb(names, divisors), fc.constantFrom(' ', '', '\t', '  '));
        return fc.tuple(...rows.map(() => formula)).map(
          (drawn): DriversSample => {
            const formulas = drawn.map(([term, space], k): FormulaSample => ({ document: { row: rows[k]!, expression: driverTermText(term, space) }, term }));
            return {
              document: { indicators: ind.map((i) => i.document), ...(par.length === 0 ? {} : { parameters: par.map((p) => p.document) }), formulas: formulas.map((f) => f.document) },
              indicators: ind,
              parameters: par,
              formulas,
            };
          },
        );
      });
    });
}

/** Options of {@link budgetWithDriversArb}. @category Testing */
export interface BudgetWithDriversArbOptions {
  /** The budget around the driven lines, as for `budgetSampleArb`. @defaultValue `{ maxYears: 5, maxSections: 2, maxLines: 3 }` */
  readonly budget?: BudgetArbOptions;
  /** The drivers, as for {@link driversArb} (the number format is the budget's). */
  readonly drivers?: Omit<DriversArbOptions, 'numberFormat'>;
  /** Most driven lines (at least one). @defaultValue 3 */
  readonly maxDrivenLines?: number;
}

/** A drawn budget document with drivers, and what it means. @category Testing */
export interface BudgetWithDriversSample {
  /** The document: the budget's sections, one more section of driven lines (no values written) and the drivers. */
  readonly document: BudgetDocument;
  /** The budget without the driven section and the drivers, with its exact values (printed grand totals left out). */
  readonly base: BudgetSample;
  /** Id of the section of driven lines (the last section). */
  readonly section: string;
  /** Ids of the driven lines, in order: each has the formula of the same index. */
  readonly rows: readonly string[];
  /** The drivers with their exact meaning. */
  readonly drivers: DriversSample;
}

const DRIVEN_IDS = [...PROTOTYPE_MEMBER_IDS, 'D.1', 'D.2', 'D.3', 'D.4', 'D.5', 'D.6', 'D.7', 'D.8', 'D.9'];

/**
 * Budget documents with drivers (`budgetSampleArb` with one more section whose lines follow formulas of
 * {@link driversArb}): driven line ids such as `toString` and `valueOf` (`__proto__`, `constructor` and `prototype` are refused as ids, so never drawn), every unit, sign convention and number
 * format of the budget, horizons anywhere from 1900 to 2200 (leap years and the century years 1900 and 2100
 * among them). A driven line writes no values: the loader computes them; the property to check is that each
 * equals its formula's tree evaluated exactly and rounded half-up to whole cents.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { loadBudget } from 'meerjaren';
 * import { budgetWithDriversArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(budgetWithDriversArb(), (s) => {
 *   const budget = loadBudget(s.document); // never throws
 *   return budget.sections[budget.sections.length - 1]!.id === s.section;
 * }), { numRuns: 20, seed: 20261204 });
 * ```
 * @param options - the budget's sizes, the drivers' sizes, how many driven lines
 * @category Testing
 */
export function budgetWithDriversArb(options: BudgetWithDriversArbOptions = {}): Arbitrary<BudgetWithDriversSample> {
  options = readOptions('budgetWithDriversArb', options, {
    budget: (value, path, collector) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) collector.add('invalid_option', path, 'options.budget must be the options of budgetSampleArb');
    },
    drivers: (value, path, collector) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) collector.add('invalid_option', path, 'options.drivers must be the options of driversArb');
    },
    maxDrivenLines: integer({ min: 1, max: DRIVEN_IDS.length }),
  });
  driversArb([], { from: 2026, to: 2026 }, options.drivers); // checks the drivers' options now, not at the first draw
  const base = budgetSampleArb(options.budget ?? { maxYears: 5, maxSections: 2, maxLines: 3 });
  return base.chain((sample) => {
    const used = new Set(sample.sections.flatMap((s) => [s.id, ...s.lines.flatMap((l) => [l.id, ...l.components.map((c) => c.id)])]));
    const free = DRIVEN_IDS.filter((id) => !used.has(id));
    const section = ['gestuurd', 'valueOf', 'G'].find((id) => !sample.sections.some((s) => s.id === id))!;
    const { from, to } = sample.document.horizon;
    return fc
      .uniqueArray(fc.constantFrom(...free), { minLength: 1, maxLength: Math.min(free.length, options.maxDrivenLines ?? 3) })
      .chain((rows) =>
        driversArb(rows, { from, to }, { ...options.drivers, ...(sample.numberFormat === undefined ? {} : { numberFormat: sample.numberFormat }) }).map((drivers): BudgetWithDriversSample => {
          const lines: LineDocument[] = rows.map((id) => ({ id, title: `Gestuurd ${id}`, nature: 'structural' }));
          const { expected: _printed, ...rest } = sample.document;
          const document: BudgetDocument = { ...rest, sections: [...sample.document.sections, { id: section, title: 'Gestuurde regels', lines }], drivers: drivers.document };
          return { document, base: { ...sample, document: rest }, section, rows, drivers };
        }),
      );
  });
}
