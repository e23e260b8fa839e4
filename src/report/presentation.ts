import { tally } from '../core/work.js';
import { SIGN_CONVENTIONS, UNITS, unitFactor, type SignConvention, type Unit } from '../model/budget.js';
import { Dec, ROUNDING_MODES, type Decimal, type RoundingMode } from '../core/decimal.js';
import { IssueCollector, fail } from '../core/errors.js';
import { describeValue, isObjectLike } from '../core/guard.js';
import { choiceMessage } from '../core/fields.js';

/** How a negative number is written: "-2.100", "2.100-", or with V/N letters ("N2.100", "V12"). @category Reports */
export type AmountNotation = (typeof AMOUNT_NOTATIONS)[number];

/** Every {@link AmountNotation}; the one list of them. @category Reports */
export const AMOUNT_NOTATIONS = Object.freeze(['minus', 'trailing-minus', 'vn'] as const);

export type { NumberLocale } from '../document/locale-amount.js';
import { NUMBER_LOCALES, type NumberLocale } from '../document/locale-amount.js';
import { checkKeys } from '../document/ids.js';

/** Language of the words a renderer adds ("Bedragen x € 1.000", "Afrondingsverschil"). @category Reports */
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

/** Every {@link LabelLanguage}; the one list of them. @category Reports */
export const LABEL_LANGUAGES = Object.freeze(['nl', 'en'] as const);

/**
 * How printed figures are rounded (afronding).
 * `consistent`: rounded parts add up to the rounded totals (largest remainder);
 * `plain`: every cell on its own, and a row "Afrondingsverschil" shows where a total no longer adds up.
 * @category Reports
 */
export type RoundingPolicy = (typeof ROUNDING_POLICIES)[number];

/** Every {@link RoundingPolicy}; the one list of them. @category Reports */
export const ROUNDING_POLICIES = Object.freeze(['consistent', 'plain'] as const);

/**
 * Settings for printing a table (presentatie). Every setting is optional.
 *
 * @remarks
 * A presentation changes only how amounts look: the amounts in a table always mean
 * "effect on the saldo, positive = voordeel", in euros.
 * @category Reports
 */
export interface Presentation {
  /**
   * Unit of the printed figures (x € 1, x € 1.000, x € 1 mln).
   * @defaultValue `'thousand'` (x € 1.000)
   */
  readonly unit?: Unit | undefined;
  /**
   * Decimals shown, 0 to 10.
   * @defaultValue `0`
   */
  readonly decimals?: number | undefined;
  /**
   * Sign convention of the printed figures ("+ is voordeel" or "+ is nadeel"); ignored by the `vn` notation, whose letters say it.
   * @defaultValue `'voordeel-positive'` ("+ is voordeel")
   */
  readonly sign?: SignConvention | undefined;
  /**
   * How negative figures are written.
   * @defaultValue `'minus'` ("-2.100")
   */
  readonly notation?: AmountNotation | undefined;
  /**
   * Text of a nil cell (no amount); `'-'` is common.
   * @defaultValue `''` (blank)
   */
  readonly nil?: string | undefined;
  /**
   * Text of a pm (pro memorie) cell. A pm with a direction prints with a sign in the chosen
   * convention ("-pm" / "+pm"), or a letter under the `vn` notation ("Npm" / "Vpm").
   * @defaultValue `'pm'`
   */
  readonly pm?: string | undefined;
  /**
   * Number format.
   * @defaultValue `'nl'` ("1.083", "-2.100", "2,5")
   */
  readonly locale?: NumberLocale | undefined;
  /**
   * Language of added words.
   * @defaultValue `'nl'`
   */
  readonly labels?: LabelLanguage | undefined;
  /**
   * Rounding policy.
   * @defaultValue `'consistent'`
   */
  readonly rounding?: RoundingPolicy | undefined;
  /**
   * Rounding rule for a single figure; `half-up` rounds halves away from zero.
   * @defaultValue `'half-up'`
   */
  readonly roundingMode?: RoundingMode | undefined;
}

/** A {@link Presentation} with every setting filled in; made by {@link resolvePresentation}. @category Reports */
export type ResolvedPresentation = { readonly [K in keyof Presentation]-?: NonNullable<Presentation[K]> };

/** Euros per display unit. @category Reports */
export const UNIT_FACTORS: Readonly<Record<Unit, number>> = Object.freeze(Object.fromEntries(UNITS.map((u) => [u, unitFactor(u)])) as Record<Unit, number>);

/** The defaults of every {@link Presentation} setting. @category Reports */
export const DEFAULT_PRESENTATION: ResolvedPresentation = Object.freeze({
  unit: 'thousand',
  decimals: 0,
  sign: 'voordeel-positive',
  notation: 'minus',
  nil: '',
  pm: 'pm',
  locale: 'nl',
  labels: 'nl',
  rounding: 'consistent',
  roundingMode: 'half-up',
});

const CHOICES = {
  unit: UNITS,
  sign: SIGN_CONVENTIONS,
  notation: AMOUNT_NOTATIONS,
  locale: NUMBER_LOCALES,
  labels: LABEL_LANGUAGES,
  rounding: ROUNDING_POLICIES,
  roundingMode: ROUNDING_MODES,
} as const satisfies Partial<Record<keyof Presentation, readonly string[]>>;

const MAX_DECIMALS = 10;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks a partial presentation and fills in the defaults.
 *
 * @param partial - settings; missing or `undefined` ones take their default
 * @returns a frozen {@link ResolvedPresentation}
 * @throws MeerjarenError with every problem: `unknown_field` (path: the key), `invalid_value`
 *   (an unknown unit, decimals outside 0..10, a token with a line break, an empty pm token,
 *   nil and pm tokens that are the same)
 * @example
 * ```ts
 * import { resolvePresentation } from 'meerjaren';
 *
 * resolvePresentation({ unit: 'euro', notation: 'vn' }).decimals; // 0
 * ```
 * @category Reports
 */
export function resolvePresentation(partial: Presentation = {}): ResolvedPresentation {
  // one this function built is frozen and complete: resolving it again would give the same settings
  if (isResolvedPresentation(partial)) return partial;
  tally('resolvePresentation');
  const issues = new IssueCollector();
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
    issues.add('invalid_argument', ['presentation'], `a presentation must be an object of settings, not ${describeValue(partial)}`);
    issues.throwIfAny();
  }
  const source = partial as Record<string, unknown>;
  checkKeys(source, Object.keys(DEFAULT_PRESENTATION), [], 'unknown', (code, at, message) => issues.add(code, at, message));
  const value = <K extends keyof Presentation>(key: K): unknown =>
    Object.hasOwn(source, key) ? source[key] : undefined;

  const result: Record<string, unknown> = { ...DEFAULT_PRESENTATION };
  for (const [key, allowed] of Object.entries(CHOICES)) {
    const given = value(key as keyof Presentation);
    if (given === undefined) continue;
    if (typeof given === 'string' && (allowed as readonly string[]).includes(given)) result[key] = given;
    else issues.add('invalid_value', [key], choiceMessage(key, allowed, given));
  }
  const decimals = value('decimals');
  if (decimals !== undefined) {
    if (Number.isInteger(decimals) && (decimals as number) >= 0 && (decimals as number) <= MAX_DECIMALS)
      result['decimals'] = decimals;
    else issues.add('invalid_value', ['decimals'], `decimals must be a whole number from 0 to ${MAX_DECIMALS}`);
  }
  for (const key of ['nil', 'pm'] as const) {
    const token = value(key);
    if (token === undefined) continue;
    if (typeof token !== 'string' || CONTROL.test(token)) {
      issues.add('invalid_value', [key], `${key} must be text on one line`);
    } else if (key === 'pm' && token.trim() === '') {
      issues.add('invalid_value', [key], 'the pm token must be visible');
    } else result[key] = token;
  }
  if (!issues.hasIssues && result['nil'] === result['pm']) {
    issues.add('invalid_value', ['nil'], 'nil and pm must print differently');
  }
  issues.throwIfAny();
  const resolved = Object.freeze(result) as ResolvedPresentation;
  resolvedPresentations.add(resolved);
  return resolved;
}

/** The presentations {@link resolvePresentation} built (frozen), so that a report resolves its presentation once. */
const resolvedPresentations = new WeakSet<object>();

/**
 * Whether a value is a presentation {@link resolvePresentation} built: passing it on to a renderer or a table
 * function does not resolve it again.
 * @param value - anything
 * @internal
 */
export function isResolvedPresentation(value: unknown): value is ResolvedPresentation {
  return typeof value === 'object' && value !== null && resolvedPresentations.has(value);
}

/** A presentation argument of a public function: required, and checked (resolved again: a resolved one is unchanged). */
function resolvedArgument(fn: string, presentation: unknown): ResolvedPresentation {
  if (!isObjectLike(presentation)) fail('invalid_argument', ['presentation'], `${fn}: presentation must be a presentation from resolvePresentation(), not ${describeValue(presentation)}`);
  return resolvePresentation(presentation as Presentation);
}

/**
 * The display step in euros: one unit of the last decimal shown (x € 1.000 with 1 decimal: € 100).
 * Printed figures are multiples of it.
 * @param presentation - resolved settings
 * @example
 * ```ts
 * import { displayStep, resolvePresentation } from 'meerjaren';
 *
 * displayStep(resolvePresentation({ unit: 'thousand' })).toFixed(); // "1000": one printed unit, in euros
 * ```
 * @category Reports
 */
export function displayStep(presentation: ResolvedPresentation): Decimal {
  presentation = resolvedArgument('displayStep', presentation);
  return new Dec(UNIT_FACTORS[presentation.unit]).div(new Dec(10).pow(presentation.decimals));
}

/** Words renderers add to a table, in one language. @category Reports */
export interface ReportWords {
  /** Start of the unit line ("Bedragen x €"). */
  readonly amounts: string;
  /** The word for million in the unit line ("mln"). */
  readonly million: string;
  /** Label of a rounding-difference row ("Afrondingsverschil"). */
  readonly roundingDifference: string;
  /** Label of the row under a printed total that differs from its rows by more than rounding ("Verschil met de som van de regels"). */
  readonly sumDifference: string;
  /** Note on the unit line when costs print positive ("+ is nadeel"). */
  readonly nadeelPositive: string;
  /** Lead-in of the column-group line in Markdown ("Kolomgroepen"). */
  readonly columnGroups: string;
  /** "from .. through .." ("t/m"). */
  readonly through: string;
}

/** Words renderers add, per {@link LabelLanguage}. @category Reports */
export const REPORT_LABELS: Readonly<Record<LabelLanguage, ReportWords>> = Object.freeze({
  nl: Object.freeze({
    amounts: 'Bedragen x €',
    million: 'mln',
    roundingDifference: 'Afrondingsverschil',
    sumDifference: 'Verschil met de som van de regels',
    nadeelPositive: '+ is nadeel',
    columnGroups: 'Kolomgroepen',
    through: 't/m',
  }),
  en: Object.freeze({
    amounts: 'Amounts x €',
    million: 'million',
    roundingDifference: 'Rounding difference',
    sumDifference: 'Difference from the sum of the rows',
    nadeelPositive: '+ is unfavourable',
    columnGroups: 'Column groups',
    through: 'to',
  }),
});

/**
 * The unit line printed above a table: "Bedragen x € 1.000", "Bedragen x € 1 mln";
 * with "; + is nadeel" added when costs print positive.
 * @param presentation - resolved settings
 * @example
 * ```ts
 * import { resolvePresentation, unitLine } from 'meerjaren';
 *
 * unitLine(resolvePresentation({ unit: 'thousand' }));                // "Bedragen x € 1.000"
 * unitLine(resolvePresentation({ unit: 'million', labels: 'en' }));   // "Amounts x € 1 million"
 * ```
 * @category Reports
 */
export function unitLine(presentation: ResolvedPresentation): string {
  presentation = resolvedArgument('unitLine', presentation);
  const words = REPORT_LABELS[presentation.labels];
  const unit =
    presentation.unit === 'euro'
      ? '1'
      : presentation.unit === 'thousand'
        ? presentation.locale === 'nl' ? '1.000' : '1,000'
        : `1 ${words.million}`;
  const sign = presentation.sign === 'nadeel-positive' && presentation.notation !== 'vn' ? `; ${words.nadeelPositive}` : '';
  return `${words.amounts} ${unit}${sign}`;
}
