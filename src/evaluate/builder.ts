import { NUMBER_FORMATS, type NumberFormat } from '../core/amount.js';
import { LINE_ROWS, NATURES, SIGN_CONVENTIONS, UNITS, type Budget, type LineRow, type Nature, type SignConvention, type Unit } from '../model/budget.js';
import type { DriversDocument } from '../document/format-drivers.js';
import { BUDGET_FORMAT, BUDGET_FORMAT_VERSION, type BudgetDocument, type ComponentDocument, type HorizonDocument, type LineDocument, type SectionDocument, type ValueDocument, type ValuesDocument } from '../document/format.js';
import { loadBudget, type LoadOptions } from './load.js';
import { fail } from '../core/errors.js';
import { anything, arrayOf, boolean, either, object, oneOf, readOptions, requireArgument, requireObject, requireString, text, type OptionCheck } from '../core/guard.js';

const NATURE = oneOf(NATURES);
const TAGS = object();
/** Values of a row: a list (one per year, null for nothing) or a record by year; their contents are the loader's. */
const VALUES: OptionCheck = either(arrayOf(anything), object());
const BUDGET_OPTIONS = {
  title: text(),
  unit: oneOf(UNITS),
  horizon: object(),
  sign: oneOf(SIGN_CONVENTIONS),
  numberFormat: oneOf(NUMBER_FORMATS),
  defaultNature: NATURE,
  totalLabel: text(),
  showIds: boolean,
  tags: TAGS,
};
const LINE_OPTIONS = { nature: NATURE, tags: TAGS, row: oneOf(LINE_ROWS) };
const COMPONENT_OPTIONS = { id: text(), nature: NATURE, tags: TAGS };

/** The pm token for builder values (pro memorie). `'-pm'` is a pm with a known nadeel, `'+pm'` a voordeel. @category Documents */
export const pm = 'pm';

/**
 * Values per year for the builder: an array aligned with the horizon from its first year (`null` or a hole is
 * a blank cell; it may stop early), or an object keyed by year. Amounts are safe integers or decimal strings
 * in the table's unit; `pm`, `'-pm'`, `'+pm'` for pro memorie posts.
 * @category Documents
 */
export type ValuesInput = readonly (ValueDocument | null | undefined)[] | Readonly<Record<number | string, ValueDocument>>;

/** Options of a table in {@link budget}. @category Documents */
export interface BudgetOptions {
  /** Title of the table. */
  readonly title: string;
  /** Unit of the amounts typed: `euro`, `thousand` (x EUR 1.000) or `million`. */
  readonly unit: Unit;
  /** Years: first, last, and the budget year (default the first). */
  readonly horizon: HorizonDocument;
  /** Sign convention of the amounts typed. @defaultValue 'voordeel-positive' */
  readonly sign?: SignConvention;
  /** Notation of amount strings (`"1.083"` needs `nl`). */
  readonly numberFormat?: NumberFormat;
  /** Nature of lines that do not say. */
  readonly defaultNature?: Nature;
  /** Label of the grand total. @defaultValue 'TOTAAL SALDO PROGRAMMA' */
  readonly totalLabel?: string;
  /** Whether the source prints line and section ids before their titles (reports print titles only when false). @defaultValue true */
  readonly showIds?: boolean;
  /** Free labels of the table. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Options of a line in the builder. @category Documents */
export interface LineOptions {
  /** Incidental or structural. */
  readonly nature?: Nature;
  /** Free labels (goal "2.1", taakveld...). */
  readonly tags?: Readonly<Record<string, string>>;
  /** What the line's own row means next to its components. */
  readonly row?: LineRow;
}

/** Options of a component in the builder. @category Documents */
export interface ComponentOptions {
  /** Id; defaults to `<line id>#<n>`. */
  readonly id?: string;
  /** Incidental or structural; defaults to the line's. */
  readonly nature?: Nature;
  /** Free labels. */
  readonly tags?: Readonly<Record<string, string>>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type DraftLine = Omit<Mutable<LineDocument>, 'components'> & { components: ComponentDocument[] };
type DraftSection = Omit<Mutable<SectionDocument>, 'lines'> & { lines: DraftLine[] };

function toValues(fn: string, values: ValuesInput, format: NumberFormat | undefined): ValuesDocument {
  if (Array.isArray(values)) {
    return Array.from(values as readonly (ValueDocument | null | undefined)[], (v, i) => (v === undefined ? null : numberValue(fn, v, i, format)));
  }
  return Object.fromEntries(Object.entries(values as Readonly<Record<string, ValueDocument>>).map(([year, v]) => [year, numberValue(fn, v, year, format)])) as Readonly<Record<string, ValueDocument>>;
}

/** Most significant digits a JS number's shortest form (`String(n)`) may have to be read as the decimal it shows. */
const MAX_NUMBER_DIGITS = 15;

/**
 * A builder value as the document holds it: a JS number with a fraction, whose shortest form has at most 15
 * significant digits (every such decimal survives the trip to a float and back), becomes that decimal as a string
 * in the document's number format (250.5 -> "250.5", "250,5" under 'nl'); a longer one (0.1 + 0.2 is
 * 0.30000000000000004) is refused, as a float that may not hold what was meant. Safe integers, texts and
 * anything else go on as they are (the loader checks them).
 */
function numberValue(fn: string, v: ValueDocument | null, key: number | string, format: NumberFormat | undefined): ValueDocument | null {
  if (typeof v !== 'number' || Number.isSafeInteger(v) || !Number.isFinite(v)) return v;
  const text = String(v);
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (/e/i.test(text) || digits.length > MAX_NUMBER_DIGITS) {
    return fail(
      'imprecise_number',
      ['values', key],
      `${fn}: the number ${text} has more than ${MAX_NUMBER_DIGITS} significant digits (or an exponent), so it may not be the decimal that was meant; pass the amount as a string (such as "${Number(v.toPrecision(MAX_NUMBER_DIGITS))}")`,
    );
  }
  if (format === 'nl') return text.replace('.', ',');
  // with no number format declared, "1.083" would be ambiguous (a Dutch thousands group): "1.0830" is the same decimal
  if (format === undefined && /^-?[1-9]\d{0,2}\.\d{3}$/.test(text)) return `${text}0`;
  return text;
}

/**
 * Writes a budget table in code, row by row as it is printed (the builder for analysts' scripts).
 * Each `line` goes into the last `section`, each `component` under the last `line`. `build()` validates
 * it exactly as a JSON document is validated.
 *
 * @example
 * ```ts
 * import { budget, pm } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', numberFormat: 'nl', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Financiële ontwikkelingen bestaand beleid')
 *   .line('1.1', 'Noodopvang Oekraïne-vergoeding rijk', ['6.500', '1.083', pm], { nature: 'incidental', row: 'amount' })
 *   .component('kosten noodopvang', ['-3.600', -600])
 *   .line('1.4', 'Behoud uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .total([1800, 483, 0])   // the printed saldo, checked against the exact sum
 *   .build();
 * ```
 * @category Documents
 */
export class BudgetBuilder {
  readonly #options: BudgetOptions;
  readonly #sections: DraftSection[] = [];
  #expected: ValuesDocument | undefined;
  #drivers: DriversDocument | undefined;

  /** @param options - title, unit and horizon of the table */
  constructor(options: BudgetOptions) {
    requireObject('budget', 'options', options, 'an object with title, unit and horizon');
    this.#options = readOptions('budget', options, BUDGET_OPTIONS) as BudgetOptions;
  }

  /**
   * Starts a section.
   * @param id - id as printed ("1")
   * @param title - title as printed
   */
  section(id: string, title: string): this {
    requireString('section', 'id', id);
    requireString('section', 'title', title);
    this.#sections.push({ id, title, lines: [] });
    return this;
  }

  /**
   * Adds a line to the current section.
   * @param id - id as printed ("1.4")
   * @param title - title as printed
   * @param values - the line's own row; omit for a line with components only
   * @param options - nature, tags, row meaning
   */
  line(id: string, title: string, values?: ValuesInput, options: LineOptions = {}): this {
    requireString('line', 'id', id);
    requireString('line', 'title', title);
    if (values !== undefined) requireArgument('line', 'values', values, VALUES);
    options = readOptions('line', options, LINE_OPTIONS);
    const section = this.#sections[this.#sections.length - 1];
    if (section === undefined) this.section('', '');
    const line: DraftLine = { id, title, components: [], ...options };
    if (values !== undefined) line.values = toValues('line', values, this.#options.numberFormat);
    this.#sections[this.#sections.length - 1]?.lines.push(line);
    return this;
  }

  /**
   * Adds a component under the current line ("- kosten noodopvang").
   * @param title - title without the dash
   * @param values - values per year
   * @param options - id, nature, tags
   */
  component(title: string, values: ValuesInput, options: ComponentOptions = {}): this {
    requireString('component', 'title', title);
    requireArgument('component', 'values', values, VALUES);
    options = readOptions('component', options, COMPONENT_OPTIONS);
    const section = this.#sections[this.#sections.length - 1];
    const line = section?.lines[section.lines.length - 1];
    const component: ComponentDocument = { title, values: toValues('component', values, this.#options.numberFormat), ...options };
    if (line === undefined) this.line('', title).component(title, values, options);
    else line.components.push(component);
    return this;
  }

  /**
   * Gives the printed subtotal of the current section, to be checked.
   * @param values - the printed subtotal per year
   * @param label - the subtotal row's label as printed ("Subtotaal bestaand beleid"); default "Subtotaal <id>"
   */
  sectionTotal(values: ValuesInput, label?: string): this {
    requireArgument('sectionTotal', 'values', values, VALUES);
    if (label !== undefined) requireString('sectionTotal', 'label', label);
    const section = this.#sections[this.#sections.length - 1];
    if (section !== undefined) section.expected = toValues('sectionTotal', values, this.#options.numberFormat);
    if (section !== undefined && label !== undefined) section.totalLabel = label;
    return this;
  }

  /**
   * Gives the printed grand total ("TOTAAL SALDO PROGRAMMA"), to be checked.
   * @param values - the printed total per year
   */
  total(values: ValuesInput): this {
    requireArgument('total', 'values', values, VALUES);
    this.#expected = toValues('total', values, this.#options.numberFormat);
    return this;
  }

  /**
   * Gives the table its drivers (sturende grootheden): indicators, dated parameters and the formulas of driven
   * rows, as a document writes them ({@link DriversDocument}). A driven line may be added without values.
   * @param drivers - `{ indicators?, parameters?, formulas? }`
   * @example
   * ```ts
   * import { budget } from 'meerjaren';
   *
   * const jeugd = budget({ title: 'Jeugd', unit: 'euro', horizon: { from: 2026, to: 2027 } })
   *   .section('2', 'Samen leven en ondersteunen')
   *   .line('2.1', 'Jeugdhulp', undefined, { nature: 'structural' })
   *   .drivers({
   *     indicators: [
   *       { id: 'jeugdigen', title: 'Jeugdigen', unit: 'jeugdigen', values: { 2026: 4525, 2027: 4000 } },
   *       { id: 'kostprijs', title: 'Kosten per jeugdige', unit: 'EUR per jeugdige', values: { 2026: '21526.19', 2027: '24174.75' } },
   *     ],
   *     formulas: [{ row: '2.1', expression: '-jeugdigen * kostprijs' }],
   *   })
   *   .build();
   *
   * jeugd.sections[0]!.lines[0]!.values['2027']!.toString(); // "-96699000"
   * ```
   */
  drivers(drivers: DriversDocument): this {
    requireObject('drivers', 'drivers', drivers, 'an object { indicators?, parameters?, formulas? }');
    this.#drivers = drivers;
    return this;
  }

  /** The table as a JSON document ({@link BudgetDocument}). */
  toDocument(): BudgetDocument {
    const o = this.#options;
    return {
      format: BUDGET_FORMAT,
      version: BUDGET_FORMAT_VERSION,
      title: o.title,
      unit: o.unit,
      ...(o.sign === undefined ? {} : { sign: o.sign }),
      ...(o.numberFormat === undefined ? {} : { numberFormat: o.numberFormat }),
      horizon: o.horizon,
      ...(o.defaultNature === undefined ? {} : { defaults: { nature: o.defaultNature } }),
      ...(o.totalLabel === undefined ? {} : { totalLabel: o.totalLabel }),
      ...(o.showIds === undefined ? {} : { showIds: o.showIds }),
      ...(o.tags === undefined ? {} : { tags: o.tags }),
      sections: this.#sections.map((s) => ({
        ...s,
        lines: s.lines.map(({ components, ...line }) => (components.length > 0 ? { ...line, components } : line)),
      })),
      ...(this.#expected === undefined ? {} : { expected: this.#expected }),
      ...(this.#drivers === undefined ? {} : { drivers: this.#drivers }),
    };
  }

  /**
   * Validates the table and returns the frozen budget.
   * @param options - as for `loadBudget`
   * @throws MeerjarenError listing every problem, with paths into {@link BudgetBuilder.toDocument}'s document
   */
  build(options?: LoadOptions): Budget {
    return loadBudget(this.toDocument(), options);
  }
}

/**
 * Starts a budget table in code. See {@link BudgetBuilder}.
 * @param options - title, unit and horizon
 * @example
 * ```ts
 * import { budget, pm, evaluate } from 'meerjaren';
 *
 * const tb1 = budget({ title: 'TB1 2025', unit: 'thousand', horizon: { from: 2025, to: 2027, budgetYear: 2026 } })
 *   .section('1', 'Bestaand beleid')
 *   .line('1.4', 'Uitvoeringscapaciteit Wmo', [-1100, pm, pm], { nature: 'incidental' })
 *   .line('1.7', 'Jeugdgezondheidszorg', [-371, -371, -371], { nature: 'structural' })
 *   .build();
 *
 * evaluate(tb1).total['2025']!.amount.toFixed(); // "-1471000" (euros)
 * ```
 * @category Documents
 */
export function budget(options: BudgetOptions): BudgetBuilder {
  return new BudgetBuilder(options);
}
