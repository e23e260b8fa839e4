/**
 * The weerstandsvermogen (resistance capacity): the benodigde weerstandscapaciteit of the risicoregister set
 * against the beschikbare weerstandscapaciteit, as their ratio and its rating A to F. Exact: every figure is a
 * Decimal, and the rating is decided on the exact ratio.
 * @packageDocumentation
 */
import { Dec, ZERO, isDecimal, noNegativeZero, type Decimal } from '../core/decimal.js';
import { readAmount } from '../core/amount.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { isObjectLike } from '../core/guard.js';
import { isRecord, readChoice, readText, textProblem } from '../core/fields.js';
import { CAPACITY_KINDS, RISK_NATURES, type CapacityKind, type CapacityPart, type Risk, type RiskNature, type RiskRegister } from '../model/risks.js';

/** A rating of the ratio weerstandsvermogen, A (uitstekend) to F (ruim onvoldoende). @category Weerstandsvermogen */
export type WeerstandsRating = (typeof WEERSTANDS_RATINGS)[number];

/** Every {@link WeerstandsRating}, best first; the one list of them. @category Weerstandsvermogen */
export const WEERSTANDS_RATINGS = Object.freeze(['A', 'B', 'C', 'D', 'E', 'F'] as const);

/** The Dutch label (waardering) of each {@link WeerstandsRating}. @category Weerstandsvermogen */
export const RATING_LABELS: Readonly<Record<WeerstandsRating, string>> = Object.freeze({
  A: 'uitstekend',
  B: 'ruim voldoende',
  C: 'voldoende',
  D: 'matig',
  E: 'onvoldoende',
  F: 'ruim onvoldoende',
});

/** The contribution of one risk to the benodigde weerstandscapaciteit. @category Weerstandsvermogen */
export interface RiskContribution {
  /** The risk's id. */
  readonly id: string;
  /** The risk's title. */
  readonly title: string;
  /** The probability as read, a fraction 0 to 1. */
  readonly probability: Decimal;
  /** The financial effect as read, in euros. */
  readonly amount: Decimal;
  /** Incidental or structural. */
  readonly nature: RiskNature;
  /** `probability x amount`, exact, in euros. */
  readonly contribution: Decimal;
}

/** One part of the beschikbare weerstandscapaciteit as read. @category Weerstandsvermogen */
export interface CapacityFigure {
  /** What the part is. */
  readonly kind: CapacityKind;
  /** Its label. */
  readonly title: string;
  /** Its amount in euros. */
  readonly amount: Decimal;
}

/** The result of {@link weerstandsvermogen}, frozen. @category Weerstandsvermogen */
export interface WeerstandsvermogenResult {
  /** Benodigde weerstandscapaciteit: the exact sum of `probability x amount` over the risks, in euros. */
  readonly required: Decimal;
  /** Beschikbare weerstandscapaciteit: the exact sum of the capacity parts, in euros. */
  readonly available: Decimal;
  /**
   * Ratio weerstandsvermogen: `available / required`, rounded half-up to 6 decimals; `undefined` when nothing is
   * required (no risks, or all with probability or amount 0).
   */
  readonly ratio: Decimal | undefined;
  /** The rating, decided on the exact ratio; `A` when nothing is required. */
  readonly rating: WeerstandsRating;
  /** The Dutch label of the rating ("ruim voldoende"). */
  readonly label: string;
  /** Each risk's contribution, in register order; they add up to `required` exactly. */
  readonly contributions: readonly RiskContribution[];
  /** The capacity parts as read, in the order given; they add up to `available` exactly. */
  readonly capacity: readonly CapacityFigure[];
}

/** The input of {@link weerstandsvermogen}. @category Weerstandsvermogen */
export interface WeerstandsvermogenInput {
  /** The risicoregister. */
  readonly risks: RiskRegister;
  /** The parts of the beschikbare weerstandscapaciteit. */
  readonly capacity: readonly CapacityPart[];
}

/** The lower boundaries of B to E (A is above 2,0; F below 0,6). */
const BOUNDS = { A: new Dec('2'), B: new Dec('1.4'), C: new Dec('1'), D: new Dec('0.8'), E: new Dec('0.6') } as const;

/** The rating of `available / required` without dividing: `required` is more than 0. */
function rate(available: Decimal, required: Decimal): WeerstandsRating {
  const atLeast = (b: Decimal): boolean => available.cmp(required.times(b)) >= 0;
  if (available.cmp(required.times(BOUNDS.A)) > 0) return 'A';
  if (atLeast(BOUNDS.B)) return 'B';
  if (atLeast(BOUNDS.C)) return 'C';
  if (atLeast(BOUNDS.D)) return 'D';
  if (atLeast(BOUNDS.E)) return 'E';
  return 'F';
}

/**
 * The rating of a ratio weerstandsvermogen (waardering): A above 2,0; B from 1,4 to 2,0 inclusive; C from 1,0 to
 * below 1,4; D from 0,8 to below 1,0; E from 0,6 to below 0,8; F below 0,6.
 * @param ratio - the ratio, as an exact Decimal
 * @throws MeerjarenError `invalid_argument` at `ratio` when it is not a finite Decimal
 * @example
 * ```ts
 * import { Dec, ratingOf } from 'meerjaren';
 *
 * ratingOf(new Dec('2'));        // "B": 2,0 itself is ruim voldoende
 * ratingOf(new Dec('2.000001')); // "A"
 * ratingOf(new Dec('1.4'));      // "B"
 * ```
 * @category Weerstandsvermogen
 */
export function ratingOf(ratio: Decimal): WeerstandsRating {
  const issues = new IssueCollector();
  if (!isDecimal(ratio) || !ratio.isFinite()) issues.add('invalid_argument', ['ratio'], 'ratingOf: ratio must be a finite Decimal');
  issues.throwIfAny();
  return rate(new Dec(ratio), new Dec(1));
}

/** Reads a number at `path`, zero or more (and at most 1 when `fraction`), or records why not. */
function numberAt(raw: unknown, path: Path, issues: IssueCollector, fraction: boolean): Decimal | undefined {
  // a probability may be a plain number (0.3): it is read as its shortest decimal form, "0.3"
  const text = fraction && typeof raw === 'number' && Number.isFinite(raw) && /^-?\d+(?:\.\d+)?$/.test(String(raw)) ? String(raw) : raw;
  const reading = readAmount(text, new Dec(1));
  if (!reading.ok) {
    issues.add(reading.code, path, reading.message);
    return undefined;
  }
  const value = reading.value;
  if (fraction && (value.isNegative() && !value.isZero() || value.gt(1))) {
    issues.add('invalid_value', path, `a probability is a fraction from 0 to 1 ("0.3" for 30%), not ${value.toFixed()}`);
    return undefined;
  }
  if (!fraction && value.isNegative() && !value.isZero()) {
    issues.add('negative_amount', path, `an amount here is zero or more (a magnitude), not ${value.toFixed()}`);
    return undefined;
  }
  return noNegativeZero(value);
}

/** The most characters of an id or title. */
const MAX_TEXT = 1000;
const isText = (v: unknown): v is string => textProblem(v, MAX_TEXT, false) === undefined;
const RISK_KEYS = new Set(['id', 'title', 'probability', 'amount', 'nature', 'lines', 'note']);
const PART_KEYS = new Set(['kind', 'title', 'amount']);

function readRisk(raw: unknown, i: number, seen: Set<string>, issues: IssueCollector): RiskContribution | undefined {
  const at = (...p: (string | number)[]): Path => ['risks', i, ...p];
  if (!isRecord(raw)) {
    issues.add('invalid_type', at(), 'a risk is an object { id, title, probability, amount, nature }');
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!RISK_KEYS.has(key)) issues.add('unknown_field', at(key), `unknown field "${key}" of a risk`);
  let ok = true;
  for (const key of ['id', 'title', 'probability', 'amount', 'nature'] as const) {
    if (r[key] === undefined) {
      issues.add('missing_field', at(key), `a risk needs ${key}`);
      ok = false;
    }
  }
  if (r['id'] !== undefined && !isText(r['id'])) {
    issues.add('invalid_id', at('id'), 'a risk id is a text that is not blank');
    ok = false;
  } else if (typeof r['id'] === 'string') {
    if (seen.has(r['id'])) {
      issues.add('duplicate_id', at('id'), `the risk id "${r['id']}" is used twice`);
      ok = false;
    }
    seen.add(r['id']);
  }
  if (r['title'] !== undefined && readText(issues, r['title'], at('title'), false, MAX_TEXT) === undefined) ok = false;
  if (r['nature'] !== undefined && readChoice(issues, r['nature'], RISK_NATURES, at('nature'), false) === undefined) ok = false;
  if (r['lines'] !== undefined && (!Array.isArray(r['lines']) || !r['lines'].every((l) => typeof l === 'string'))) issues.add('invalid_type', at('lines'), 'lines is a list of budget line ids');
  if (r['note'] !== undefined && typeof r['note'] !== 'string') issues.add('invalid_type', at('note'), 'a note is a text');
  const probability = r['probability'] === undefined ? undefined : numberAt(r['probability'], at('probability'), issues, true);
  const amount = r['amount'] === undefined ? undefined : numberAt(r['amount'], at('amount'), issues, false);
  if (!ok || probability === undefined || amount === undefined) return undefined;
  const risk = r as unknown as Risk;
  return { id: risk.id, title: risk.title, probability, amount, nature: risk.nature, contribution: noNegativeZero(probability.times(amount)) };
}

function readPart(raw: unknown, i: number, issues: IssueCollector): CapacityFigure | undefined {
  const at = (...p: (string | number)[]): Path => ['capacity', i, ...p];
  if (!isRecord(raw)) {
    issues.add('invalid_type', at(), 'a capacity part is an object { kind, title, amount }');
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!PART_KEYS.has(key)) issues.add('unknown_field', at(key), `unknown field "${key}" of a capacity part`);
  let ok = true;
  for (const key of ['kind', 'title', 'amount'] as const) {
    if (r[key] === undefined) {
      issues.add('missing_field', at(key), `a capacity part needs ${key}`);
      ok = false;
    }
  }
  if (r['kind'] !== undefined && readChoice(issues, r['kind'], CAPACITY_KINDS, at('kind'), false) === undefined) ok = false;
  if (r['title'] !== undefined && readText(issues, r['title'], at('title'), false, MAX_TEXT) === undefined) ok = false;
  const amount = r['amount'] === undefined ? undefined : numberAt(r['amount'], at('amount'), issues, false);
  if (!ok || amount === undefined) return undefined;
  return { kind: r['kind'] as CapacityKind, title: r['title'] as string, amount };
}

/**
 * The weerstandsvermogen of a budget: the benodigde weerstandscapaciteit (the sum of `kans x financieel effect`
 * over the risicoregister), the beschikbare weerstandscapaciteit (the sum of the capacity parts), the ratio
 * weerstandsvermogen (beschikbaar / benodigd) and its rating A to F.
 *
 * @remarks
 * The rating is decided on the exact ratio, by comparing `available` with `required x boundary`, never on the
 * rounded `ratio`: a ratio of 1,3999999 is C even though it prints as 1,40. Scale: A above 2,0; B from 1,4 to 2,0
 * inclusive; C from 1,0 to below 1,4; D from 0,8 to below 1,0; E from 0,6 to below 0,8; F below 0,6. When nothing
 * is required, `ratio` is `undefined` and the rating A.
 * @param input - the risicoregister and the capacity parts
 * @returns a frozen {@link WeerstandsvermogenResult}
 * @throws MeerjarenError with every problem: `invalid_argument` (`risks`, `capacity` not lists), `invalid_type`,
 * `missing_field`, `unknown_field` at a risk or part, `duplicate_id` (`risks[3].id`), `invalid_value` (a probability
 * outside 0..1 at `risks[2].probability`, an unknown nature or kind), `negative_amount` (`risks[1].amount`,
 * `capacity[0].amount`) and the amount codes of an unreadable number
 * @example
 * ```ts
 * import { weerstandsvermogen } from 'meerjaren';
 *
 * const w = weerstandsvermogen({
 *   risks: [{ id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: '2000000', nature: 'structural' }],
 *   capacity: [{ kind: 'algemene-reserve', title: 'Algemene reserve', amount: '1500000' }],
 * });
 * w.required.toFixed(); // "1000000"
 * w.ratio?.toFixed();   // "1.5"
 * w.rating;             // "B"
 * ```
 * @category Weerstandsvermogen
 */
export function weerstandsvermogen(input: WeerstandsvermogenInput): WeerstandsvermogenResult {
  const issues = new IssueCollector();
  const contributions: RiskContribution[] = [];
  const capacity: CapacityFigure[] = [];
  if (!isObjectLike(input) || Array.isArray(input)) issues.add('invalid_argument', ['input'], 'weerstandsvermogen: the input is an object { risks, capacity }');
  else {
    const { risks, capacity: parts } = input;
    for (const key of Object.keys(input)) if (key !== 'risks' && key !== 'capacity') issues.add('unknown_field', [key], `unknown field "${key}" (the fields are risks and capacity)`);
    if (!Array.isArray(risks)) issues.add('invalid_argument', ['risks'], 'risks must be a list of risks (a risicoregister)');
    else {
      const seen = new Set<string>();
      risks.forEach((raw, i) => {
        const c = readRisk(raw, i, seen, issues);
        if (c !== undefined) contributions.push(c);
      });
    }
    if (!Array.isArray(parts)) issues.add('invalid_argument', ['capacity'], 'capacity must be a list of capacity parts');
    else
      parts.forEach((raw, i) => {
        const p = readPart(raw, i, issues);
        if (p !== undefined) capacity.push(p);
      });
  }
  issues.throwIfAny();
  const required = contributions.reduce((a, c) => a.add(c.contribution), ZERO);
  const available = capacity.reduce((a, p) => a.add(p.amount), ZERO);
  const ratio = required.isZero() ? undefined : available.div(required).toDecimalPlaces(6, Dec.ROUND_HALF_UP);
  const rating = required.isZero() ? 'A' : rate(available, required);
  return Object.freeze({
    required,
    available,
    ratio,
    rating,
    label: RATING_LABELS[rating],
    contributions: Object.freeze(contributions.map((c) => Object.freeze(c))),
    capacity: Object.freeze(capacity.map((p) => Object.freeze(p))),
  });
}

