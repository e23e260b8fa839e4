import { Dec, type Decimal } from '../core/decimal.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { PM, UNITS, unitFactor, type Cell, type Unit } from '../model/budget.js';
import { FieldReader, type ReadContext } from './field-reader.js';
import { MEASURE_COST_KINDS, MEASURE_STATUSES, type Measure, type MeasureCost, type Realisation, type ReferencePath, type SavingsTarget } from '../model/savings.js';
import { requireReaderArguments } from './field-checks.js';

const TARGET_FIELDS = ['id', 'title', 'unit', 'path', 'measures', 'references', 'line'];
const MEASURE_FIELDS = ['id', 'title', 'unit', 'planned', 'status', 'realisation', 'line', 'costs'];
const COST_FIELDS = ['kind', 'title', 'amounts'];
const REFERENCE_FIELDS = ['title', 'unit', 'path', 'localShare'];
const PM_TOKEN = /^\s*[+-]?\s*pm\s*$/i;

/**
 * Reads the `targets` part of a budget document (taakstellingen): a list of targets, each with a path, measures
 * and reference paths, into frozen {@link SavingsTarget} data keyed by id, reporting every problem with its path.
 *
 * @remarks
 * ```json
 * [{ "id": "hervormingsagenda", "title": "Taakstelling Hervormingsagenda Jeugd", "unit": "million",
 *    "path": { "2025": "3", "2026": "7", "2027": "8" },
 *    "measures": [{ "id": "lokale-teams", "title": "Stevige lokale teams", "planned": { "2026": "2" },
 *                   "status": "in-preparation", "realisation": { "rate": "0.5" } }] }]
 * ```
 * Amounts are positive savings in the target's `unit` (default the document's); a path year may be `"pm"`.
 * A measure's `unit`, when given, must be the target's. `realisation` is `"as-planned"` (default), `"none"`,
 * `{ "rate": "0.5" }`, `{ "amount": { "2027": "0.75" } }` (years not listed deliver the plan),
 * `{ "delay": 1 }` or `{ "delay": 1, "rate": "0.5" }`; delivering more than planned needs `"abovePlan": true`.
 * A measure's `costs` are a list of `{ "kind": "investment" | "transformation", "title"?, "amounts" }`, the amounts
 * positive in the target's unit (transformatiekosten beside the savings).
 *
 * Codes: `unit_mismatch`, `realisation_above_plan`, `negative_amount`, `invalid_rate`, `unknown_reference`,
 * `duplicate_id`, `missing_field`, `invalid_value`, `unknown_field`.
 *
 * @param raw - the `targets` value
 * @param path - its path (`['targets']`)
 * @param issues - where problems go
 * @param ctx - unit, horizon and rows of the budget
 * @category Savings
 */
export function readTargets(raw: unknown, path: Path, issues: IssueCollector, ctx: ReadContext): Record<string, SavingsTarget> {
  requireReaderArguments('readTargets', path, issues, ctx);
  const r = new FieldReader(issues, ctx);
  const out: Record<string, SavingsTarget> = Object.create(null) as Record<string, SavingsTarget>;
  r.list(raw, path, true).forEach((t, i) => {
    const target = readTarget(r, t, [...path, i]);
    if (target === undefined) return;
    if (out[target.id] !== undefined) issues.add('duplicate_id', [...path, i, 'id'], `the target id "${target.id}" is used twice`);
    else out[target.id] = target;
  });
  return out;
}

function factorOf(unit: Unit): Decimal {
  return new Dec(unitFactor(unit));
}

function readCells(r: FieldReader, raw: unknown, path: Path, factor: Decimal): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  const pmYears: string[] = [];
  const strip = (v: unknown, key: string): unknown => {
    if (typeof v === 'string' && PM_TOKEN.test(v)) {
      pmYears.push(key);
      return null;
    }
    return v;
  };
  let cleaned: unknown = raw;
  if (Array.isArray(raw)) cleaned = raw.map((v, i) => strip(v, String(r.ctx.horizon.years[i] ?? '')));
  else if (typeof raw === 'object' && raw !== null) cleaned = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, strip(v, k)]));
  Object.assign(out, r.yearAmounts(cleaned, path, 'negative_amount', factor));
  for (const y of pmYears) if (y !== '' && !(y in out)) out[y] = PM;
  return out;
}

function readUnit(r: FieldReader, raw: unknown, path: Path, fallback: Unit): Unit {
  return r.choice(raw, UNITS, path, false) ?? fallback;
}

function contextUnit(ctx: ReadContext): Unit {
  const f = ctx.unitFactor.toNumber();
  return f === 1 ? 'euro' : f === 1000 ? 'thousand' : 'million';
}

function readTarget(r: FieldReader, raw: unknown, path: Path): SavingsTarget | undefined {
  const t = r.object(raw, path);
  if (t === undefined) return undefined;
  r.fields(t, TARGET_FIELDS, path);
  const id = r.id(t['id'], [...path, 'id']);
  const title = r.text(t['title'], [...path, 'title'], true);
  const unit = readUnit(r, t['unit'], [...path, 'unit'], contextUnit(r.ctx));
  const factor = factorOf(unit);
  if (t['path'] === undefined) r.issues.add('missing_field', [...path, 'path'], 'a target needs a path of amounts per year');
  const targetPath = t['path'] === undefined ? {} : readCells(r, t['path'], [...path, 'path'], factor);
  const line = t['line'] === undefined ? undefined : r.id(t['line'], [...path, 'line']);
  if (line !== undefined && !r.ctx.rows.has(line)) r.issues.add('unknown_reference', [...path, 'line'], `there is no line "${line}"`);
  const measures: Record<string, Measure> = Object.create(null) as Record<string, Measure>;
  r.list(t['measures'], [...path, 'measures'], false).forEach((m, i) => {
    const measure = readMeasure(r, m, [...path, 'measures', i], unit);
    if (measure === undefined) return;
    if (measures[measure.id] !== undefined) r.issues.add('duplicate_id', [...path, 'measures', i, 'id'], `the measure id "${measure.id}" is used twice`);
    else measures[measure.id] = measure;
  });
  const references: ReferencePath[] = [];
  r.list(t['references'], [...path, 'references'], false).forEach((x, i) => {
    const p = [...path, 'references', i];
    const o = r.object(x, p);
    if (o === undefined) return;
    r.fields(o, REFERENCE_FIELDS, p);
    const rTitle = r.text(o['title'], [...p, 'title'], true);
    const rFactor = factorOf(readUnit(r, o['unit'], [...p, 'unit'], unit));
    const rPath = readCells(r, o['path'] ?? {}, [...p, 'path'], rFactor);
    const share = o['localShare'] === undefined ? undefined : r.yearAmounts(o['localShare'], [...p, 'localShare'], 'negative_amount', factor);
    if (rTitle !== undefined) references.push({ title: rTitle, path: rPath, ...(share === undefined ? {} : { localShare: share }) });
  });
  if (id === undefined || title === undefined) return undefined;
  return { id, title, unit, path: targetPath, measures, references, ...(line === undefined ? {} : { line }) };
}

function readMeasure(r: FieldReader, raw: unknown, path: Path, targetUnit: Unit): Measure | undefined {
  const m = r.object(raw, path);
  if (m === undefined) return undefined;
  r.fields(m, MEASURE_FIELDS, path);
  const id = r.id(m['id'], [...path, 'id']);
  const title = r.text(m['title'], [...path, 'title'], true);
  const unit = r.choice(m['unit'], UNITS, [...path, 'unit'], false);
  if (unit !== undefined && unit !== targetUnit) {
    r.issues.add('unit_mismatch', [...path, 'unit'], `the measure is written in "${unit}" but its target in "${targetUnit}"; write both in one unit`);
  }
  const factor = factorOf(targetUnit);
  const planned = m['planned'] === undefined ? {} : r.yearAmounts(m['planned'], [...path, 'planned'], 'negative_amount', factor);
  if (m['planned'] === undefined) r.issues.add('missing_field', [...path, 'planned'], 'a measure needs its planned savings per year');
  const status = r.choice(m['status'], MEASURE_STATUSES, [...path, 'status'], true);
  const realisation = readRealisation(r, m['realisation'], [...path, 'realisation'], planned, factor);
  const line = m['line'] === undefined ? undefined : r.id(m['line'], [...path, 'line']);
  if (line !== undefined && !r.ctx.rows.has(line)) r.issues.add('unknown_reference', [...path, 'line'], `there is no line "${line}"`);
  const costs = m['costs'] === undefined ? undefined : readCosts(r, m['costs'], [...path, 'costs'], factor);
  if (id === undefined || title === undefined || status === undefined || realisation === undefined) return undefined;
  return { id, title, planned, status, realisation, ...(line === undefined ? {} : { line }), ...(costs === undefined ? {} : { costs }) };
}

/** The costs of a measure: a list of `{ kind, title?, amounts }`, amounts positive in the target's unit. */
function readCosts(r: FieldReader, raw: unknown, path: Path, factor: Decimal): MeasureCost[] {
  const out: MeasureCost[] = [];
  r.list(raw, path, true).forEach((c, i) => {
    const p = [...path, i];
    const o = r.object(c, p);
    if (o === undefined) return;
    r.fields(o, COST_FIELDS, p);
    const kind = r.choice(o['kind'], MEASURE_COST_KINDS, [...p, 'kind'], true);
    const title = o['title'] === undefined ? undefined : r.text(o['title'], [...p, 'title'], true);
    if (o['amounts'] === undefined) r.issues.add('missing_field', [...p, 'amounts'], 'a cost needs its amounts per year');
    const amounts = o['amounts'] === undefined ? undefined : r.yearAmounts(o['amounts'], [...p, 'amounts'], 'negative_amount', factor);
    if (kind !== undefined && amounts !== undefined) out.push({ kind, ...(title === undefined ? {} : { title }), amounts });
  });
  return out;
}

function readRealisation(r: FieldReader, raw: unknown, path: Path, planned: Readonly<Record<string, Decimal>>, factor: Decimal): Realisation | undefined {
  if (raw === undefined || raw === 'as-planned') return { kind: 'as-planned' };
  if (raw === 'none') return { kind: 'none' };
  const o = r.object(raw, path);
  if (o === undefined) return undefined;
  const abovePlan = o['abovePlan'];
  if (abovePlan !== undefined && typeof abovePlan !== 'boolean') r.issues.add('invalid_type', [...path, 'abovePlan'], 'abovePlan is true or false');
  const allowed = abovePlan === true;
  const rateOf = (key: string): Decimal | undefined => {
    const rate = r.rate(o[key], [...path, key]);
    if (rate === undefined) return undefined;
    if (rate.isNegative() && !rate.isZero()) {
      r.issues.add('invalid_rate', [...path, key], 'a realisation rate is zero or more');
      return undefined;
    }
    if (rate.gt(1) && !allowed) {
      r.issues.add('realisation_above_plan', [...path, key], 'a rate above 1 delivers more than planned; say so with "abovePlan": true');
      return undefined;
    }
    return rate;
  };
  if (o['delay'] !== undefined) {
    r.fields(o, ['delay', 'rate', 'abovePlan'], path);
    const years = o['delay'];
    if (typeof years !== 'number' || !Number.isInteger(years) || years < 0 || years > 50) {
      r.issues.add('invalid_value', [...path, 'delay'], 'a delay is a whole number of years from 0 to 50');
      return undefined;
    }
    const rate = o['rate'] === undefined ? undefined : rateOf('rate');
    if (o['rate'] !== undefined && rate === undefined) return undefined;
    return rate === undefined ? { kind: 'delay', years } : { kind: 'delay', years, rate };
  }
  if (o['rate'] !== undefined) {
    r.fields(o, ['rate', 'abovePlan'], path);
    const rate = rateOf('rate');
    return rate === undefined ? undefined : { kind: 'rate', rate, ...(allowed ? { abovePlan: true } : {}) };
  }
  if (o['amount'] !== undefined) {
    r.fields(o, ['amount', 'abovePlan'], path);
    const values = r.yearAmounts(o['amount'], [...path, 'amount'], 'negative_amount', factor);
    if (!allowed) {
      for (const [year, value] of Object.entries(values)) {
        const plan = planned[year] ?? new Dec(0);
        if (value.gt(plan)) r.issues.add('realisation_above_plan', [...path, 'amount', year], `${value.toFixed()} is more than the ${plan.toFixed()} planned; say so with "abovePlan": true`);
      }
    }
    return { kind: 'amount', values, ...(allowed ? { abovePlan: true } : {}) };
  }
  r.issues.add('invalid_value', path, 'a realisation is "as-planned", "none", { "rate" }, { "amount" } or { "delay" }');
  return undefined;
}
